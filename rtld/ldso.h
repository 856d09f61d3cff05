/* Loader-internal interfaces shared by rtld/, tcb/ and the dl* API. */
#ifndef RTLD_LDSO_H
#define RTLD_LDSO_H

#include <stddef.h>
#include <stdint.h>
#include "rtld/elf.h"

/* Mark a definition as part of the loader's exported ABI.  Everything else is
   hidden, and the loader is linked -Bsymbolic, so the loader's own calls never
   go through an interposable symbol. */
#define EXPORT __attribute__((visibility("default")))
#define HIDDEN __attribute__((visibility("hidden")))

struct dso {
	/* struct link_map: gdb, dl_iterate_phdr and dlinfo users read these. */
	uintptr_t base;           /* l_addr: load bias */
	char *name;               /* l_name: path as opened ("" for the program) */
	Dyn *dynv;                /* l_ld */
	struct dso *next, *prev;  /* l_next, l_prev: load order */

	Phdr *phdr;
	size_t phnum;
	uintptr_t entry;          /* the program's entry point */
	uintptr_t map_start;      /* the reserved span (unmapped by dlclose) */
	size_t map_len;
	uintptr_t dyn[DT_NUM];    /* d_val/d_ptr of tags below DT_NUM (pointers biased) */
	const Sym *syms;
	const char *strings;
	size_t strsz;
	const uint32_t *hashtab;  /* SysV DT_HASH */
	const uint32_t *ghashtab; /* DT_GNU_HASH */
	const uint16_t *versym;
	const Elf64_Verdef *verdef;
	const Elf64_Verneed *verneed;
	size_t nsyms;             /* symbol count, bounded by the hash table */
	size_t ngnu;              /* one past the last GNU-hashed symbol */
	size_t sym_limit;         /* entries of syms / versym inside their segments */
	size_t versym_limit;
	struct dso_version *versions; /* by versym index: definitions and needs */
	size_t nversions;
	const char *soname;
	const char *req_name;     /* the name it was first asked for by */
	char *origin;             /* $ORIGIN, once computed */
	uint32_t soname_hash;     /* gnu_hash of soname and req_name, to skip */
	uint32_t req_hash;        /* most strcmp calls */
	const char *rpath, *runpath; /* raw, before $ORIGIN expansion */
	uintptr_t relro_start, relro_end;
	uint64_t dev, ino;

	struct dso **deps;        /* direct DT_NEEDED, in order */
	size_t ndeps;
	size_t nneeded;           /* DT_NEEDED entries, counted by dl_decode_dynamic */
	struct dso **reldeps;     /* dlopen'ed objects it bound to outside its deps */
	size_t nreldeps;
	struct dso **scope;       /* dlopen RTLD_LOCAL: the root's dependency tree */
	size_t nscope;
	struct dso **hscope;      /* dlsym on this handle: its own dependency tree */
	size_t nhscope;
	struct dso *load_parent;  /* who asked for it first (RPATH chain) */
	size_t cache_symi;        /* one-entry lookup cache for consecutive relocs */
	struct dso *cache_def;
	const Sym *cache_sym;
	struct dso *fini_next;    /* initialisation order, newest first */

	struct {                  /* PT_TLS */
		const void *image;
		size_t filesz, memsz, align;
		size_t id;            /* module id, 0 when no PT_TLS */
		ptrdiff_t offset;     /* tp-relative offset of the static block */
		int is_static;        /* has a block in static TLS */
	} tls;

	int refcnt;
	unsigned char is_main, is_ldso, global, relocated, constructed,
		destructed, nodelete, mapped_by_kernel, exec_stack, visited, is_vdso,
		owns_scope, owns_phdr, missing, is_pie;
	size_t load_gen;          /* dlopen that loaded it, for dlclose undo */
};

/* A version a symbol may carry: a definition (VERDEF) or a need (VERNEED). */
struct dso_version {
	const char *name;     /* NULL: no version at this index */
	uint32_t hash;        /* ELF hash of name */
	uint32_t len;         /* strlen(name) */
	const char *file;     /* for needs: the soname it is needed from */
	unsigned char hidden; /* definition not default, or weak need */
	unsigned char weak;
};

/* The objects in load order: the program first, then breadth-first
   dependencies, the loader last among the initial objects. */
extern struct dso *__dl_head, *__dl_tail;
extern struct dso __dl_self;  /* the loader */
extern struct dso *dl_vdso;   /* the kernel's vDSO, when there is one */

/* LD_DEBUG categories (bit set in dl_debug_mask); output goes to stderr. */
enum {
	DL_DEBUG_LIBS = 1 << 0,
	DL_DEBUG_RELOC = 1 << 1,
	DL_DEBUG_SYMBOLS = 1 << 2,
	DL_DEBUG_BINDINGS = 1 << 3,
	DL_DEBUG_TLS = 1 << 4,
	DL_DEBUG_RSEQ = 1 << 5,
	DL_DEBUG_STATISTICS = 1 << 6,
};
extern unsigned dl_debug_mask;
extern int dl_secure;          /* AT_SECURE: environment that redirects loading is ignored */

/* Formatted output to a file descriptor, usable before the thread pointer is
   set (it touches no TLS).  Built on rt/'s vsnprintf. */
__attribute__((format(printf, 2, 3))) void dl_printf(int fd, const char *fmt, ...);
#define dl_debug(cat, ...) \
	do { if (dl_debug_mask & (cat)) dl_printf(2, __VA_ARGS__); } while (0)

/* Fatal start-up error: one line, exit status 127, before the program ran. */
__attribute__((noreturn, format(printf, 1, 2))) void dl_fatal(const char *fmt, ...);

#endif
