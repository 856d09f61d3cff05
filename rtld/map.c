/* Mapping an ELF object: validate the headers against the file, reserve the
   whole span, then map each PT_LOAD over it with its exact protections.  A
   segment's bss is zeroed to the end of its last file page and mapped
   anonymous beyond; gaps between segments stay PROT_NONE. */
#include <asm/stat.h>
#include <linux/stat.h>
#include "rtld/stage.h"
#include "rtld/sys.h"
#include "rtld/util.h"
#include "auxv/auxv.h"

#define MAX_PHNUM 512
#define MAX_SPAN  ((uint64_t)1 << 40)
/* Every thread gets a copy of each initial module's TLS block. */
#define MAX_TLS_SIZE ((uint64_t)1 << 30)

static void bad(const char *name, const char *why)
{
	dl_error("error while loading shared libraries: %s: %s", name, why);
}

static int prot_of(uint32_t flags)
{
	return (flags & PF_R ? PROT_READ : 0) | (flags & PF_W ? PROT_WRITE : 0) |
	       (flags & PF_X ? PROT_EXEC : 0);
}

/* Check the ELF header of a file whose size is fsize. */
static const char *check_ehdr(const Ehdr *e, uint64_t fsize, int is_main)
{
	uint32_t magic, want;
	__builtin_memcpy(&magic, e->e_ident, 4);
	__builtin_memcpy(&want, ELFMAG, 4);
	if (magic != want)
		return "invalid ELF header";
	if (e->e_ident[4] != ELFCLASS64)
		return "wrong ELF class: ELFCLASS32";
	if (e->e_ident[5] != ELFDATA2LSB || e->e_ident[6] != EV_CURRENT)
		return "unsupported ELF data encoding or version";
	if (e->e_machine != ARCH_ELF_MACHINE)
		return "ELF file for a different machine";
	if (e->e_type != ET_DYN && !(is_main && e->e_type == ET_EXEC))
		return is_main ? "not an executable ELF file" : "only ET_DYN objects can be loaded";
	if (e->e_phentsize != sizeof(Phdr) || e->e_phnum == 0 || e->e_phnum > MAX_PHNUM)
		return "invalid program header table";
	if (e->e_phoff > fsize || fsize - e->e_phoff < (uint64_t)e->e_phnum * sizeof(Phdr))
		return "program header table is outside the file";
	return 0;
}

/* Check the PT_LOAD entries: ascending, page-congruent, inside the file and
   inside a bounded span. */
static const char *check_loads(const Phdr *ph, size_t n, uint64_t fsize, size_t pg,
			       uint64_t *lo, uint64_t *hi, uint64_t *align)
{
	uint64_t prev_end = 0;
	int any = 0;

	*align = pg;
	for (size_t i = 0; i < n; i++) {
		const Phdr *p = &ph[i];
		if (p->p_type != PT_LOAD)
			continue;
		if (p->p_filesz > p->p_memsz || p->p_memsz > MAX_SPAN ||
		    p->p_vaddr > MAX_SPAN || p->p_offset > fsize ||
		    fsize - p->p_offset < p->p_filesz)
			return "segment is outside the file or too large";
		if ((p->p_vaddr - p->p_offset) % pg)
			return "segment is not page-aligned with its file offset";
		if (p->p_align > 1 && (p->p_align & (p->p_align - 1)))
			return "segment alignment is not a power of two";
		if (any && p->p_vaddr < prev_end)
			return "segments overlap or are not in ascending order";
		if (!any)
			*lo = p->p_vaddr & -pg;
		prev_end = p->p_vaddr + p->p_memsz;
		if (p->p_align > *align && p->p_align <= ((uint64_t)1 << 30))
			*align = p->p_align;
		any = 1;
	}
	if (!any)
		return "no loadable segments";
	*hi = (prev_end + pg - 1) & -pg;
	if (*hi - *lo > MAX_SPAN)
		return "segments span too much address space";
	return 0;
}

/* Make [start, end) of one segment read zero: the tail of its last file page
   by hand, whole pages beyond by an anonymous mapping.  page_mapped: that
   page is mapped, by this segment (own) or by an earlier one sharing it. */
static void map_bss(const char *name, uintptr_t start, uintptr_t end, int prot,
		    int page_mapped, int own, size_t pg)
{
	uintptr_t page_end = (start + pg - 1) & -pg;

	/* The rest of the last file page is zeroed to its end, not just to
	   p_memsz, as the kernel does: glibc's loader, for one, allocates from
	   the tail of its bss page and counts on it reading zero.  A page an
	   earlier segment mapped ends with this one's protection, as if this
	   segment had mapped it (glibc maps it again). */
	if (start < page_end && page_mapped) {
		int fix = !(prot & PROT_WRITE) || !own;
		if (fix && sys_mprotect(start & -pg, pg, prot | PROT_WRITE) < 0)
			bad(name, "cannot make a zero-fill page writable");
		memset((void *)start, 0, page_end - start);
		if (fix && sys_mprotect(start & -pg, pg, prot) < 0)
			bad(name, "cannot protect a zero-fill page");
	} else {
		page_end = start & -pg;
	}
	if (end > page_end) {
		size_t len = ((end + pg - 1) & -pg) - page_end;
		if (mmap_failed(sys_mmap(page_end, len, prot,
					 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)))
			bad(name, "cannot map zero-fill pages");
	}
}

/* Read the program headers ph (p->phdr is ph while this runs).  phoff is
   their file offset, 0 when unknown (mapped by the kernel).  Returns where
   the table is mapped, if it is, for dl_iterate_phdr and debuggers. */
static const Phdr *read_program_headers(struct dso *p, const Phdr *ph, size_t phnum,
					uint64_t phoff)
{
	size_t pg = auxv_get(AT_PAGESZ);
	uintptr_t mapped = 0;
	int readable = 0; /* mapped is in the file data of a readable PT_LOAD */

	for (size_t i = 0; i < phnum; i++) {
		const Phdr *q = &ph[i];
		switch (q->p_type) {
		case PT_PHDR:
			mapped = p->base + q->p_vaddr;
			readable = 0;
			break;
		case PT_LOAD:
			if (!mapped && phoff && phoff >= q->p_offset &&
			    phoff + phnum * sizeof(Phdr) <= q->p_offset + q->p_filesz) {
				mapped = p->base + q->p_vaddr + phoff - q->p_offset;
				readable = !!(q->p_flags & PF_R);
			}
			break;
		case PT_DYNAMIC:
			if (!dl_in_segment(p, p->base + q->p_vaddr, q->p_filesz, PF_R))
				bad(p->name, "PT_DYNAMIC is outside the object");
			p->dynv = (Dyn *)(p->base + q->p_vaddr);
			break;
		case PT_TLS:
			if (q->p_filesz > q->p_memsz || q->p_memsz > MAX_TLS_SIZE ||
			    (q->p_align & (q->p_align - 1)) ||
			    q->p_align > ((uint64_t)1 << 20) ||
			    !dl_in_segment(p, p->base + q->p_vaddr, q->p_filesz, PF_R))
				bad(p->name, "invalid PT_TLS segment");
			p->tls.image = (void *)(p->base + q->p_vaddr);
			p->tls.filesz = q->p_filesz;
			p->tls.memsz = q->p_memsz;
			p->tls.align = q->p_align ? q->p_align : 1;
			break;
		case PT_GNU_RELRO:
			p->relro_start = (p->base + q->p_vaddr) & -pg;
			p->relro_end = (p->base + q->p_vaddr + q->p_memsz) & -pg;
			if (p->relro_end < p->relro_start ||
			    !dl_in_span(p, p->relro_start, p->relro_end - p->relro_start))
				bad(p->name, "PT_GNU_RELRO is outside the object");
			break;
		case PT_GNU_STACK:
			p->exec_stack = !!(q->p_flags & PF_X);
			break;
		}
	}
	if (mapped && (readable || dl_in_segment(p, mapped, phnum * sizeof(Phdr), PF_R)))
		return (const Phdr *)mapped;
	return 0;
}

/* Size and identity of an open file.  fstat when statx is missing (Linux
   before 4.11, or a seccomp profile written before it); with neither, all
   zero, and the header checks reject the file. */
void dl_file_stat(int fd, struct statx *st)
{
	struct stat s;

	if (__syscall5(__NR_statx, fd, (long)"", AT_EMPTY_PATH, STATX_SIZE | STATX_INO,
		       (long)st) >= 0)
		return;
	*st = (struct statx){ 0 };
	if (__syscall2(__NR_fstat, fd, (long)&s) < 0)
		return;
	/* Only compared with other results of this function. */
	st->stx_dev_major = (uint32_t)((uint64_t)s.st_dev >> 32);
	st->stx_dev_minor = (uint32_t)s.st_dev;
	st->stx_ino = s.st_ino;
	st->stx_size = s.st_size;
}

struct dso *dl_map_file(int fd, const struct statx *known, const char *name, int is_main)
{
	size_t pg = auxv_get(AT_PAGESZ);
	union { Ehdr e; char buf[1024]; } u;
	struct statx st;
	Phdr *ph;
	uint64_t lo = 0, hi = 0, align = 0;
	const char *why;

	if (!known) {
		dl_file_stat(fd, &st);
		known = &st;
	}
	long n = sys_pread(fd, u.buf, sizeof u.buf, 0);
	if (n < (long)sizeof(Ehdr))
		bad(name, n < 0 ? "cannot read file data" : "file too short");
	if ((why = check_ehdr(&u.e, known->stx_size, is_main)))
		bad(name, why);

	size_t phsize = u.e.e_phnum * sizeof(Phdr);
	int ph_alloced = u.e.e_phoff + phsize > (uint64_t)n;
	if (!ph_alloced) {
		ph = (Phdr *)(u.buf + u.e.e_phoff);
	} else {
		ph = dl_alloc(phsize);
		if (sys_pread(fd, ph, phsize, u.e.e_phoff) != (long)phsize)
			bad(name, "cannot read program headers");
	}
	if ((why = check_loads(ph, u.e.e_phnum, known->stx_size, pg, &lo, &hi, &align)))
		bad(name, why);

	struct dso *p = dl_alloc(sizeof *p);
	p->name = dl_strdup(name);
	p->dev = (uint64_t)known->stx_dev_major << 32 | known->stx_dev_minor;
	p->ino = known->stx_ino;
	p->phnum = u.e.e_phnum;

	/* Reserve the span (over-aligned if a segment asks for more than a
	   page), so the segments land at their relative addresses and nothing
	   else can be mapped in the gaps.  Usually the first segment's own
	   mapping, made as long as the span, is the reservation (one system
	   call less per object): the later segments replace the rest of it,
	   and what they leave becomes inaccessible. */
	const Phdr *first = ph;
	while (first->p_type != PT_LOAD)
		first++;
	const Phdr *premapped = 0;
	uintptr_t start;
	if (u.e.e_type == ET_EXEC) {
		void *m = sys_mmap(lo, hi - lo, PROT_NONE,
				   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
		if (mmap_failed(m) || (uintptr_t)m != lo)
			bad(name, "cannot map segments at their fixed addresses");
		start = lo;
		p->base = 0;
	} else if (align == pg && first->p_filesz) {
		void *m = sys_mmap(0, hi - lo, prot_of(first->p_flags), MAP_PRIVATE, fd,
				   first->p_offset & -pg);
		if (mmap_failed(m))
			bad(name, "cannot map segment from file");
		start = (uintptr_t)m;
		p->base = start - lo;
		premapped = first;
	} else {
		size_t extra = align > pg ? align - pg : 0;
		void *m = sys_mmap(0, hi - lo + extra, PROT_NONE,
				   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (mmap_failed(m))
			bad(name, "cannot reserve address space");
		start = ((uintptr_t)m + align - 1) & -align;
		if (start > (uintptr_t)m)
			sys_munmap((uintptr_t)m, start - (uintptr_t)m);
		if ((uintptr_t)m + extra > start)
			sys_munmap(start + (hi - lo), (uintptr_t)m + extra - start);
		p->base = start - lo;
	}
	p->map_start = start;
	p->map_len = hi - lo;
	dl_pending.map_start = start;
	dl_pending.map_len = hi - lo;

	uintptr_t mapped_end = 0; /* end of the last page holding file data */
	for (size_t i = 0; i < p->phnum; i++) {
		const Phdr *q = &ph[i];
		if (q->p_type != PT_LOAD)
			continue;
		int prot = prot_of(q->p_flags);
		uintptr_t va = p->base + q->p_vaddr;
		/* A gap after the previous segment: no access, as reserved. */
		if (premapped && mapped_end && (va & -pg) > mapped_end &&
		    sys_mprotect(mapped_end, (va & -pg) - mapped_end, PROT_NONE) < 0)
			bad(name, "cannot protect the gap between segments");
		if (q->p_filesz) {
			uintptr_t a = va & -pg;
			size_t len = ((va + q->p_filesz + pg - 1) & -pg) - a;
			if (q != premapped &&
			    mmap_failed(sys_mmap(a, len, prot, MAP_PRIVATE | MAP_FIXED, fd,
						 q->p_offset & -pg)))
				bad(name, "cannot map segment from file");
			mapped_end = a + len;
		}
		if (q->p_memsz > q->p_filesz) {
			uintptr_t z = va + q->p_filesz;
			map_bss(name, z, va + q->p_memsz, prot, (z & -pg) < mapped_end,
				q->p_filesz != 0, pg);
		}
		if (q->p_memsz)
			mapped_end = (va + q->p_memsz + pg - 1) & -pg;
	}

	p->phdr = ph;
	p->phdr = (Phdr *)read_program_headers(p, ph, p->phnum, u.e.e_phoff);
	if (!p->phdr) {
		p->phdr = ph_alloced ? ph : memcpy(dl_alloc(phsize), ph, phsize);
		p->owns_phdr = 1;
	} else if (ph_alloced) {
		dl_free(ph);
	}
	p->tls.is_static = 0;
	if (!p->dynv)
		bad(name, is_main ? "no dynamic section (static executable?)"
				  : "not a dynamic object: no PT_DYNAMIC");
	p->entry = p->base + u.e.e_entry;
	dl_decode_dynamic(p);
	/* As glibc: a PIE's COPY relocations and start-up code assume it is
	   the program. */
	if (p->is_pie && !is_main)
		bad(name, "cannot dynamically load position-independent executable");
	dl_pending.map_len = 0;
	return p;
}

/* An object already in memory: the program mapped by the kernel, or the
   loader itself.  p->base is set; everything else comes from the headers. */
void dl_setup_mapped(struct dso *p, const Phdr *ph, size_t n)
{
	uintptr_t lo = UINTPTR_MAX, hi = 0;
	size_t pg = auxv_get(AT_PAGESZ);

	p->mapped_by_kernel = 1;
	for (size_t i = 0; i < n; i++) {
		if (ph[i].p_type != PT_LOAD)
			continue;
		if ((ph[i].p_vaddr & -pg) < lo)
			lo = ph[i].p_vaddr & -pg;
		if (ph[i].p_vaddr + ph[i].p_memsz > hi)
			hi = ph[i].p_vaddr + ph[i].p_memsz;
	}
	p->map_start = p->base + lo;
	p->map_len = hi - lo;
	p->phnum = n;
	p->phdr = (Phdr *)ph;
	read_program_headers(p, ph, n, 0);
	if (!p->dynv)
		bad(p->name, "no dynamic section (static executable?)");
	dl_decode_dynamic(p);
}

void dl_unmap(struct dso *p)
{
	if (!p->mapped_by_kernel && p->map_len)
		sys_munmap(p->map_start, p->map_len);
}
