/* The run-time dynamic linking API, provided by the loader itself.  Flag and
   request values are glibc's, so binaries and sources carry over. */
#ifndef _DLFCN_H
#define _DLFCN_H

#include <features.h>
#include <stddef.h>

/* dlopen mode: one of RTLD_LAZY/RTLD_NOW (ld-rseq always binds at load),
   or'ed with the others. */
#define RTLD_LAZY 0x00001
#define RTLD_NOW 0x00002
#define RTLD_BINDING_MASK 0x00003
#define RTLD_NOLOAD 0x00004      /* only return an already loaded object */
#define RTLD_GLOBAL 0x00100      /* symbols visible to later lookups */
#define RTLD_LOCAL 0
#define RTLD_NODELETE 0x01000    /* never unloaded */

/* dlsym pseudo-handles. */
#define RTLD_NEXT ((void *)-1L)     /* next definition after the caller's object */
#define RTLD_DEFAULT ((void *)0)    /* the global scope */

/* dlinfo requests. */
#define RTLD_DI_LINKMAP 2     /* struct link_map * of the handle */
#define RTLD_DI_ORIGIN 6      /* directory of the object (char[PATH_MAX]) */
#define RTLD_DI_TLS_MODID 9   /* size_t PT_TLS module id, 0 without PT_TLS */
#define RTLD_DI_TLS_DATA 10   /* void * this thread's TLS block, or NULL */

__BEGIN_DECLS

typedef struct {
	const char *dli_fname;  /* path of the object containing the address */
	void *dli_fbase;        /* its load address */
	const char *dli_sname;  /* nearest symbol at or below it, or NULL */
	void *dli_saddr;        /* that symbol's address, or NULL */
} Dl_info;

void *dlopen(const char *file, int mode);
void *dlsym(void *__restrict handle, const char *__restrict name);
int dlclose(void *handle);
char *dlerror(void);
int dladdr(const void *addr, Dl_info *info);
int dlinfo(void *__restrict handle, int request, void *__restrict arg);

__END_DECLS

#endif
