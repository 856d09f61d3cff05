/* mutate CASE IN OUT: write a copy of the ELF file IN with one defect
 * named CASE, for the malformed-ELF tests.  A host tool (uses <elf.h>);
 * exits 2 if the defect does not apply to IN (e.g. it has no DT_RELA). */
#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char *buf;
static size_t size;

static Elf64_Ehdr *eh(void) { return (Elf64_Ehdr *)buf; }
static Elf64_Phdr *ph(int i) { return (Elf64_Phdr *)(buf + eh()->e_phoff) + i; }

static Elf64_Phdr *find_ph(Elf64_Word type)
{
	for (int i = 0; i < eh()->e_phnum; i++)
		if (ph(i)->p_type == type)
			return ph(i);
	return NULL;
}

/* File bytes of the virtual address v, through the PT_LOAD covering it. */
static void *at_vaddr(Elf64_Addr v)
{
	for (int i = 0; i < eh()->e_phnum; i++) {
		Elf64_Phdr *p = ph(i);
		if (p->p_type == PT_LOAD && v >= p->p_vaddr && v < p->p_vaddr + p->p_filesz)
			return buf + p->p_offset + (v - p->p_vaddr);
	}
	return NULL;
}

static Elf64_Dyn *dyn(Elf64_Sxword tag)
{
	Elf64_Phdr *p = find_ph(PT_DYNAMIC);
	if (!p)
		return NULL;
	for (Elf64_Dyn *d = (Elf64_Dyn *)(buf + p->p_offset); d->d_tag != DT_NULL; d++)
		if (d->d_tag == tag)
			return d;
	return NULL;
}

static void *dyn_ptr(Elf64_Sxword tag)
{
	Elf64_Dyn *d = dyn(tag);
	return d ? at_vaddr(d->d_un.d_ptr) : NULL;
}

/* Each case returns 0 when applied, 1 when IN lacks what it needs. */
static int apply(const char *c)
{
	Elf64_Phdr *p;
	Elf64_Dyn *d;
	Elf64_Rela *r;
	Elf32_Word *w;

#define CASE(name) if (!strcmp(c, name))
	CASE("empty") { size = 0; return 0; }
	CASE("trunc-ehdr") { size = 40; return 0; }
	CASE("trunc-phdrs") { size = eh()->e_phoff + 20; return 0; }
	CASE("trunc-half") { size /= 2; return 0; }
	CASE("bad-magic") { buf[EI_MAG1] = 'X'; return 0; }
	CASE("wrong-class") { buf[EI_CLASS] = ELFCLASS32; return 0; }
	CASE("wrong-data") { buf[EI_DATA] = ELFDATA2MSB; return 0; }
	CASE("wrong-version") { buf[EI_VERSION] = 7; return 0; }
	CASE("wrong-machine") { eh()->e_machine = eh()->e_machine == EM_X86_64 ? EM_AARCH64 : EM_X86_64; return 0; }
	CASE("wrong-type") { eh()->e_type = ET_REL; return 0; }
	CASE("bad-phentsize") { eh()->e_phentsize = 10; return 0; }
	CASE("phdrs-out-of-file") { eh()->e_phoff = size + 4096; return 0; }
	CASE("phoff-overflow") { eh()->e_phoff = ~0ULL - 8; return 0; }
	CASE("huge-phnum") { eh()->e_phnum = 0xffff; return 0; }
	CASE("zero-phnum") { eh()->e_phnum = 0; return 0; }
	CASE("garbage-shdrs") { eh()->e_shoff = ~0ULL - 100; eh()->e_shnum = 0xfff0; eh()->e_shstrndx = 0xfff0; return 0; }
	CASE("no-load") {
		for (int i = 0; i < eh()->e_phnum; i++)
			if (ph(i)->p_type == PT_LOAD)
				ph(i)->p_type = PT_NULL;
		return 0;
	}
	/* The last PT_LOAD (data) is where most of these bite. */
	p = NULL;
	for (int i = 0; i < eh()->e_phnum; i++)
		if (ph(i)->p_type == PT_LOAD)
			p = ph(i);
	if (!p)
		return 1;
	CASE("load-offset-out-of-file") { p->p_offset = (size + 0x10000) & ~0xfffULL; p->p_offset += p->p_vaddr & 0xfff; return 0; }
	CASE("load-filesz-huge") { p->p_filesz = 1ULL << 40; p->p_memsz = 1ULL << 40; return 0; }
	CASE("load-filesz-gt-memsz") { p->p_memsz = p->p_filesz / 2; return 0; }
	CASE("load-memsz-huge") { p->p_memsz = 1ULL << 46; return 0; }
	CASE("load-vaddr-wrap") { p->p_vaddr = ~0ULL - 0xfff; p->p_paddr = p->p_vaddr; return 0; }
	CASE("load-misaligned") { p->p_offset += 1; return 0; }
	CASE("load-align-not-pow2") { p->p_align = 0x3000; return 0; }
	/* Data with no file bytes starting in the last page of the segment
	   before it, which is not writable. */
	CASE("load-bss-shares-page") {
		Elf64_Phdr *q = NULL;
		for (int i = 0; ph(i) != p; i++)
			if (ph(i)->p_type == PT_LOAD)
				q = ph(i);
		if (!q || (q->p_vaddr + q->p_filesz) % 4096 == 0 || (q->p_flags & PF_W))
			return 1;
		p->p_offset = q->p_offset + q->p_filesz;
		p->p_vaddr = p->p_paddr = q->p_vaddr + q->p_filesz;
		p->p_filesz = 0;
		p->p_memsz = 64;
		return 0;
	}
	CASE("load-overlap") { p->p_vaddr = ph(0)->p_vaddr; p->p_paddr = p->p_vaddr; p->p_offset = ph(0)->p_offset; return 0; }
	CASE("dynamic-out-of-range") {
		if (!(p = find_ph(PT_DYNAMIC)))
			return 1;
		p->p_vaddr += 1ULL << 40;
		p->p_offset = size + 4096;
		return 0;
	}
	CASE("tls-align-huge") {
		if (!(p = find_ph(PT_TLS)))
			return 1;
		p->p_align = 1ULL << 40;
		return 0;
	}
	CASE("tls-memsz-huge") {
		if (!(p = find_ph(PT_TLS)))
			return 1;
		p->p_memsz = 1ULL << 46;
		return 0;
	}
	CASE("strtab-out-of-range") {
		if (!(d = dyn(DT_STRTAB)))
			return 1;
		d->d_un.d_ptr += 1ULL << 40;
		return 0;
	}
	CASE("needed-name-out-of-range") {
		if (!(d = dyn(DT_NEEDED)))
			return 1;
		d->d_un.d_val = 0x7ffffff0;
		return 0;
	}
	CASE("soname-unterminated") {
		/* The string table's last byte becomes non-NUL. */
		Elf64_Dyn *sz = dyn(DT_STRSZ);
		char *s = dyn_ptr(DT_STRTAB);
		if (!sz || !s)
			return 1;
		memset(s + sz->d_un.d_val - 1, 'x', 1);
		return 0;
	}
	CASE("symtab-out-of-range") {
		if (!(d = dyn(DT_SYMTAB)))
			return 1;
		d->d_un.d_ptr += 1ULL << 40;
		return 0;
	}
	CASE("gnu-hash-nbuckets-huge") {
		if (!(w = dyn_ptr(DT_GNU_HASH)))
			return 1;
		w[0] = 0x7fffffff;
		return 0;
	}
	CASE("gnu-hash-bloom-huge") {
		if (!(w = dyn_ptr(DT_GNU_HASH)))
			return 1;
		w[2] = 0x7fffffff;
		return 0;
	}
	CASE("gnu-hash-chain-unterminated") {
		/* Clear the end-of-chain bit of every chain entry. */
		if (!(w = dyn_ptr(DT_GNU_HASH)))
			return 1;
		Elf32_Word nb = w[0], symoff = w[1], bloom = w[2];
		Elf32_Word *buckets = w + 4 + bloom * 2, *chain = buckets + nb;
		Elf32_Word max = 0;
		for (Elf32_Word i = 0; i < nb; i++)
			if (buckets[i] > max)
				max = buckets[i];
		if (max < symoff)
			return 1;
		for (Elf32_Word *e = chain; (unsigned char *)e < buf + size - 4; e++)
			if (e - chain > max - symoff && (*e & 1))
				break;
			else
				*e &= ~1u;
		return 0;
	}
	CASE("sysv-hash-nchain-huge") {
		if (!(w = dyn_ptr(DT_HASH)))
			return 1;
		w[1] = 0x7fffffff;
		return 0;
	}
	CASE("sysv-hash-nbucket-huge") {
		if (!(w = dyn_ptr(DT_HASH)))
			return 1;
		w[0] = 0x7fffffff;
		return 0;
	}
	CASE("sysv-hash-loop") {
		/* Every chain link points back to itself. */
		if (!(w = dyn_ptr(DT_HASH)))
			return 1;
		Elf32_Word nb = w[0], nc = w[1];
		for (Elf32_Word i = 1; i < nc; i++)
			w[2 + nb + i] = i;
		return 0;
	}
	CASE("no-dt-null") {
		if (!(p = find_ph(PT_DYNAMIC)))
			return 1;
		Elf64_Dyn *e = (Elf64_Dyn *)(buf + p->p_offset);
		Elf64_Dyn *end = (Elf64_Dyn *)(buf + p->p_offset + p->p_filesz);
		while (e < end && e->d_tag != DT_NULL)
			e++;
		/* An OS-range tag no loader knows, up to the segment's end. */
		for (; e < end; e++)
			e->d_tag = 0x6ffffd00, e->d_un.d_val = 0;
		return 0;
	}
	CASE("relasz-huge") {
		if (!(d = dyn(DT_RELASZ)))
			return 1;
		d->d_un.d_val = 1ULL << 40;
		return 0;
	}
	CASE("relaent-wrong") {
		if (!(d = dyn(DT_RELAENT)))
			return 1;
		d->d_un.d_val = 7;
		return 0;
	}
	if (!(r = dyn_ptr(DT_RELA)) || !dyn(DT_RELASZ) || dyn(DT_RELASZ)->d_un.d_val == 0)
		return 1;
	CASE("reloc-unknown-type") { r->r_info = ELF64_R_INFO(ELF64_R_SYM(r->r_info), 200); return 0; }
	CASE("reloc-sym-out-of-range") { r->r_info = ELF64_R_INFO(0xffffff, R_X86_64_64); return 0; }
	CASE("reloc-offset-out-of-range") { r->r_offset += 1ULL << 40; return 0; }
	fprintf(stderr, "mutate: unknown case %s\n", c);
	exit(1);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: mutate CASE IN OUT\n");
		return 1;
	}
	FILE *f = fopen(argv[2], "rb");
	if (!f || fseek(f, 0, SEEK_END) || (long)(size = ftell(f)) < 0)
		return perror(argv[2]), 1;
	rewind(f);
	buf = malloc(size + 1);
	if (!buf || fread(buf, 1, size, f) != size)
		return perror(argv[2]), 1;
	fclose(f);
	if (apply(argv[1]))
		return 2;
	f = fopen(argv[3], "wb");
	if (!f || fwrite(buf, 1, size, f) != size || fclose(f))
		return perror(argv[3]), 1;
	return 0;
}
