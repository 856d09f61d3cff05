/* libFuzzer target for the loader's ELF reader.  The input is one shared
   object: it is mapped by dl_map_file (headers, segments, dynamic section,
   version table), then read the way relocation, symbol lookup, version
   checking, TLS set-up, init/fini and dependency loading read it.  A bad
   file must end in dl_error(), which unwinds to the recovery point here;
   a fault, a sanitizer report or a broken invariant (abort) is a loader bug.

   The loader sources are compiled with calloc/free renamed to the tracking
   allocator below, so that an error half-way through mapping can be cleaned
   up: every allocation of the iteration is freed, and the reservation of a
   half-built object is unmapped.

   ELF_FUZZ_VERBOSE=1 in the environment prints each input's outcome. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "auxv/auxv.h"
#include "rtld/lookup.h"
#include "rtld/recover.h"
#include "rtld/stage.h"
#include "rtld/util.h"

#define PAGE 4096
#define OBJ_NAME "fuzz.so"
#define MAX_INDEX_WALK 4096

/* The rest of the loader: the options main.c fills in, and the two ways
   dependency loading leaves the reader (a lookup on disk, glibc's loader). */
struct dl_options dl_opts;

int dl_open_path(const char *name, struct dso *needed_by, char **path_out)
{
	(void)name;
	(void)needed_by;
	*path_out = 0;
	return -2; /* ENOENT: a dependency ends the load with an error */
}

void dl_handoff_glibc(const char *needed)
{
	dl_error("error while loading shared libraries: %s: glibc hand-off", needed);
}

struct alloc {
	void *ptr;
	size_t size;
};
static struct alloc *allocs;
static size_t nallocs, cap;

void *fuzz_calloc(size_t n, size_t size)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return 0;
	if (nallocs == cap) {
		cap = cap ? 2 * cap : 64;
		allocs = realloc(allocs, cap * sizeof *allocs);
		if (!allocs)
			abort();
	}
	void *p = calloc(1, bytes);
	if (p)
		allocs[nallocs++] = (struct alloc){ p, bytes };
	return p;
}

static struct alloc *find_alloc(const void *p)
{
	for (size_t i = 0; i < nallocs; i++)
		if (allocs[i].ptr == p)
			return &allocs[i];
	return 0;
}

void fuzz_free(void *p)
{
	struct alloc *a = find_alloc(p);

	if (a)
		*a = allocs[--nallocs];
	free(p);
}

/* After an error inside dl_map_file the object was never returned: find it
   among the iteration's allocations (its name is our name) and unmap the
   span it reserved. */
static void unmap_partial(void)
{
	for (size_t i = 0; i < nallocs; i++) {
		const struct dso *p = allocs[i].ptr;
		if (allocs[i].size != sizeof *p || !find_alloc(p->name) ||
		    strcmp(p->name, OBJ_NAME))
			continue;
		if (p->map_len)
			munmap((void *)p->map_start, p->map_len);
	}
}

/* A table the loader will use unchecked is not where it must be. */
static void broken(const char *what)
{
	fprintf(stderr, "INVARIANT: %s\n", what);
	abort();
}

/* Read [a, a+len) as a copy would: its first pages and its last byte (all
   of a huge table would take the fuzzer's time, not the loader's). */
static void touch(uintptr_t a, size_t len)
{
	volatile const char *c = (const char *)a;

	if (!len)
		return;
	for (size_t off = 0; off < len && off < 64 * PAGE; off += PAGE)
		(void)c[off];
	(void)c[len - 1];
}

static void lookup_name(struct dso *p, const char *name)
{
	struct sym_ref ref;

	dl_name_ref(&ref, name, 0);
	dl_lookup_in(p, &ref, 0);
	dl_lookup_in(p, &ref, LOOKUP_NEWEST);
	/* dlvsym: the name at each version the object knows. */
	for (size_t v = 0; v < p->nversions && v < 64; v++) {
		if (!p->versions[v].name)
			continue;
		ref.ver = &p->versions[v];
		dl_lookup_in(p, &ref, 0);
		ref.ver_hidden = 1;
		dl_lookup_in(p, &ref, 0);
		ref.ver_hidden = 0;
	}
}

/* Looking symbol i up reads its versym entry: that must be in the object
   too, or a neighbouring mapping is read (or it faults). */
static struct sym_def lookup_sym(struct dso *p, size_t i, int flags, struct sym_ref *ref)
{
	if (p->versym && !dl_in_span(p, (uintptr_t)&p->versym[i], 2))
		broken("DT_VERSYM is shorter than the symbols relocations may use");
	return dl_lookup_sym(p, i, flags, ref);
}

/* What relocation does with one entry, short of writing it. */
static void relocation(struct dso *p, const Rela *r)
{
	size_t symi = ELF_R_SYM(r->r_info);
	struct sym_ref ref;

	dl_segment_of(p, p->base + r->r_offset, 8, PF_W, 0);
	if (!symi || !dl_sym_valid(p, symi))
		return;
	lookup_sym(p, symi, 0, &ref);
	lookup_sym(p, symi, LOOKUP_SKIP_MAIN, &ref);
}

static void relocations(struct dso *p, uintptr_t table, size_t size)
{
	for (size_t off = 0; table && off + sizeof(Rela) <= size; off += sizeof(Rela))
		relocation(p, (const Rela *)(table + off));
}

static void exercise(struct dso *p)
{
	static const char *const names[] = { "", "foo", "bar", "main", "_init", "_fini",
		"environ", "__libc_start_main", "f", "g", "v" };

	/* Tables the loader uses later without checking them again. */
	if (p->phdr && !find_alloc(p->phdr) &&
	    !dl_in_span(p, (uintptr_t)p->phdr, p->phnum * sizeof(Phdr)))
		broken("PT_PHDR: program headers outside the object");
	if (p->relro_end > p->relro_start &&
	    !dl_in_span(p, p->relro_start, p->relro_end - p->relro_start))
		broken("PT_GNU_RELRO would mprotect memory outside the object");

	p->global = 1;
	dl_append(p);

	/* dladdr walks every hashed symbol. */
	for (size_t i = 0; i < p->nsyms; i++) {
		const Sym *s = &p->syms[i];
		if (s->st_name < p->strsz)
			(void)strlen(p->strings + s->st_name);
	}
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		lookup_name(p, names[i]);
	/* Each symbol's own name and version, as a relocation against it asks. */
	for (size_t i = 1; i < MAX_INDEX_WALK && dl_sym_valid(p, i); i++) {
		struct sym_ref ref;
		lookup_sym(p, i, 0, &ref);
		dl_lookup_in(p, &ref, 0);
		lookup_name(p, ref.name);
	}
	/* Relocation looks up through the scope walk, then through the
	   start-up index (built whatever the graph's size). */
	relocations(p, p->dyn[DT_RELA], p->dyn[DT_RELASZ]);
	relocations(p, p->dyn[DT_JMPREL], p->dyn[DT_PLTRELSZ]);
	dl_index_build(SIZE_MAX / 4);
	relocations(p, p->dyn[DT_RELA], p->dyn[DT_RELASZ]);
	relocations(p, p->dyn[DT_JMPREL], p->dyn[DT_PLTRELSZ]);
	dl_index_free();
	touch(p->dyn[DT_RELR], p->dyn[DT_RELRSZ]);
	touch(p->dyn[DT_INIT_ARRAY], p->dyn[DT_INIT_ARRAYSZ]);
	touch(p->dyn[DT_FINI_ARRAY], p->dyn[DT_FINI_ARRAYSZ]);
	touch(p->dyn[DT_PREINIT_ARRAY], p->dyn[DT_PREINIT_ARRAYSZ]);
	touch((uintptr_t)p->tls.image, p->tls.filesz);
	if (p->soname)
		(void)strlen(p->soname);

	dl_check_versions(p);
	/* Last: a DT_NEEDED other than the object itself ends in an error. */
	dl_load_deps(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	dl_jmp_buf jb;
	struct dso *p;
	int fd = memfd_create(OBJ_NAME, MFD_CLOEXEC);
	static int verbose = -1;

	if (verbose < 0)
		verbose = !!getenv("ELF_FUZZ_VERBOSE");

	if (fd < 0 || (size && write(fd, data, size) != (ssize_t)size))
		abort();
	__auxv.val[AT_PAGESZ] = PAGE;
	nallocs = 0;
	if (dl_setjmp(jb)) {
		/* The object may be whole (an error after dl_map_file returned)
		   or half-built: either way it is among the allocations. */
		unmap_partial();
		dl_index_free();
		if (verbose)
			fprintf(stderr, "error: %s\n", dl_recover_msg);
	} else {
		dl_recover_point = &jb;
		p = dl_map_file(fd, 0, OBJ_NAME, 0);
		exercise(p);
		dl_unmap(p);
		if (verbose)
			fprintf(stderr, "loaded\n");
	}
	dl_recover_point = 0;
	__dl_head = __dl_tail = 0;
	for (size_t i = 0; i < nallocs; i++)
		free(allocs[i].ptr);
	nallocs = 0;
	close(fd);
	return 0;
}
