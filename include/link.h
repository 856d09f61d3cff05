/* Loaded objects as the dynamic linker lists them: struct link_map (the
   head of each object's record, also what debuggers walk through r_debug)
   and dl_iterate_phdr.  Layouts are glibc's so one source builds both ways. */
#ifndef _LINK_H
#define _LINK_H

#include <features.h>
#include <stddef.h>
#include <stdint.h>
#include <elf.h>
#include <dlfcn.h>

/* Both supported machines are 64-bit. */
#define __ELF_NATIVE_CLASS 64
#define ElfW(type) _ElfW(Elf, __ELF_NATIVE_CLASS, type)
#define _ElfW(e, w, t) _ElfW_1(e, w, _##t)
#define _ElfW_1(e, w, t) e##w##t

__BEGIN_DECLS

/* One loaded object.  The loader's record continues past these fields;
   only these are public. */
struct link_map {
	uintptr_t l_addr;          /* load bias: file addresses + l_addr = run-time addresses */
	char *l_name;              /* path it was opened by; "" for the program */
	ElfW(Dyn) *l_ld;           /* its dynamic section */
	struct link_map *l_next;   /* load order */
	struct link_map *l_prev;
};

/* The debugger interface: DT_DEBUG of the program points here.  A debugger
   sets a breakpoint on r_brk (_dl_debug_state) and rereads r_map each time
   r_state returns to RT_CONSISTENT. */
struct r_debug {
	int r_version;
	struct link_map *r_map;
	uintptr_t r_brk;
	enum {
		RT_CONSISTENT,
		RT_ADD,
		RT_DELETE
	} r_state;
	uintptr_t r_ldbase;        /* the loader's load bias */
};

extern struct r_debug _r_debug;
void _dl_debug_state(void);

struct dl_phdr_info {
	uintptr_t dlpi_addr;              /* load bias */
	const char *dlpi_name;
	const ElfW(Phdr) *dlpi_phdr;
	uint16_t dlpi_phnum;
	/* Fields past dlpi_phnum are present when the callback's size argument
	   covers them. */
	unsigned long long dlpi_adds;     /* objects ever loaded */
	unsigned long long dlpi_subs;     /* objects ever unloaded */
	size_t dlpi_tls_modid;            /* PT_TLS module id, 0 without PT_TLS */
	void *dlpi_tls_data;              /* this thread's block, NULL if not yet allocated */
};

/* Calls callback for each loaded object in load order until it returns
   non-zero; returns the last callback result. */
int dl_iterate_phdr(int (*callback)(struct dl_phdr_info *info, size_t size, void *data),
		    void *data);

__END_DECLS

#endif
