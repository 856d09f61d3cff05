/* Small helpers of the loader core. */
#ifndef RTLD_UTIL_H
#define RTLD_UTIL_H

#include <stdlib.h>
#include <string.h>
#include "rtld/ldso.h"


/* Zeroed memory, or the load (or the dlopen) ends with an error. */
void *dl_alloc(size_t n);
/* Memory or NULL, for what the loader can do without. */
void *dl_try_alloc(size_t n);
void dl_free(void *p);
char *dl_strdup(const char *s);

/* Is [addr, addr+len) inside the object's reserved span? */
static inline int dl_in_span(const struct dso *p, uintptr_t addr, size_t len)
{
	return addr >= p->map_start && addr - p->map_start <= p->map_len &&
	       len <= p->map_len - (addr - p->map_start);
}

/* The PT_LOAD of p with all the given PF_ flags that holds [addr, addr+len),
   or NULL.  With `file`, only its file-backed bytes count: that is where
   tables must be (a table in bss would be zeros, possibly gigabytes of them,
   that the file does not describe); relocation targets and COPY sources may
   be anywhere in the segment's memory.  The span alone is never enough:
   gaps between segments are PROT_NONE, and a segment may be unreadable. */
static inline const Phdr *dl_segment_of(const struct dso *p, uintptr_t addr, size_t len,
					uint32_t flags, int file)
{
	for (size_t i = 0; i < p->phnum; i++) {
		const Phdr *q = &p->phdr[i];
		uintptr_t a = p->base + q->p_vaddr;
		uint64_t size = file ? q->p_filesz : q->p_memsz;
		if (q->p_type == PT_LOAD && (q->p_flags & flags) == flags && addr >= a &&
		    addr - a <= size && len <= size - (addr - a))
			return q;
	}
	return 0;
}

/* Is [addr, addr+len) in the file data of a segment with the flags? */
static inline int dl_in_segment(const struct dso *p, uintptr_t addr, size_t len, uint32_t flags)
{
	return dl_segment_of(p, addr, len, flags, 1) != 0;
}

/* Can symbol index i of p be read, with its version and its name?  The
   limits are the ends of the segments holding the tables (dynamic.c):
   GNU hash does not count the unhashed symbols, so nsyms is no bound. */
static inline int dl_sym_valid(const struct dso *p, size_t i)
{
	return i < p->sym_limit && (!p->versym || i < p->versym_limit) &&
	       p->syms[i].st_name < p->strsz;
}

/* The run-time address of a symbol: SHN_ABS values are absolute. */
static inline uintptr_t dl_sym_addr(const struct dso *p, const Sym *s)
{
	return (s->st_shndx == SHN_ABS ? 0 : p->base) + s->st_value;
}

/* The ELF (SysV) and GNU hashes of a symbol name. */
static inline uint32_t elf_hash(const char *s)
{
	uint32_t h = 0;
	for (; *s; s++) {
		h = (h << 4) + (unsigned char)*s;
		h ^= (h >> 24) & 0xf0;
	}
	return h & 0x0fffffff;
}

/* With the name's length, from the same pass: two characters a step,
   h * 33 * 33 + a * 33 + b. */
static inline uint32_t gnu_hash_len(const char *name, size_t *len)
{
	uint32_t h = 5381;
	const unsigned char *c = (const unsigned char *)name;

	for (; c[0] && c[1]; c += 2)
		h = h * 1089 + c[0] * 33u + c[1];
	if (*c)
		h = h * 33 + *c++;
	*len = (size_t)((const char *)c - name);
	return h;
}

static inline uint32_t gnu_hash(const char *s)
{
	size_t len;
	return gnu_hash_len(s, &len);
}

#endif
