/* The static TLS / TCB / rseq stage and dynamic TLS: the entry points the
   loader core (rtld/) and the runtime (rt/) call.  All hidden. */
#ifndef TCB_TLS_H
#define TCB_TLS_H

#include <stddef.h>
#include <stdint.h>
#include "arch.h"
#include "rtld/ldso.h"
#include "tcb/tcb.h"

/* Set by the tunables stage before tls_setup_main:
   glibc.rtld.optional_static_tls and glibc.pthread.rseq. */
extern size_t dl_tls_static_surplus;
extern int dl_rseq_enabled;

/* Start-up, in this order, once every initial object is mapped and its
   struct dso filled in (tls.image/filesz/memsz/align, tls.id 1.. in load
   order):
   tls_setup_main lays out static TLS (writes every dso->tls.offset and
   is_static), allocates the main thread's block, copies the TLS images, fills
   the TCB (self pointers, DTV, stack and pointer guards from AT_RANDOM), sets
   the thread pointer and __tp_ready.  Fatal (dl_fatal) on failure. */
void tls_setup_main(void);
/* Registers the main thread's rseq area and publishes __rseq_offset,
   __rseq_size, __rseq_flags (in the loader's RELRO, so before the loader's
   RELRO is made read-only).  Never fatal.  Call before relocating anything
   but the loader.  A process handed to glibc's loader must be handed over
   before this: glibc registers its own area. */
void rseq_register_main(void);
/* Copies the initial modules' .tdata images into the main thread's block
   again.  Call once after relocation, before any constructor: an image may
   hold relocated values (__thread void *p = &x) that were not final when
   tls_setup_main copied it. */
void tls_copy_main_images(void);

/* One line for --list: the static TLS size and the rseq area. */
void tls_print_layout(int fd);

/* Relocation: R_*_TLSDESC.  Fills the two-word descriptor for the TLS
   symbol at offset_in_block (st_value + addend) in def's block.  Returns 0,
   or -1 when the offset or module id does not fit the dynamic descriptor. */
int tlsdesc_fill(uintptr_t desc[2], struct dso *def, uintptr_t offset_in_block);

/* dlopen: gives p a module id (freed ids are reused) and, when it was linked
   for static TLS (DF_STATIC_TLS), a place in the surplus.  Returns 0, or -1
   with the reason in *why.  After p is relocated, the caller runs
   tls_static_init_all(p) when p->tls.is_static: it copies the image into
   every live thread's block, however the thread was made. */
int tls_module_add(struct dso *p, const char **why);
void tls_static_init_all(const struct dso *p);
/* dlclose: frees the id; each thread frees its copy on its next dynamic TLS
   access or at exit.  Static TLS space is not reused. */
void tls_module_remove(struct dso *p);

/* fork: 0 prepare (take the lock), 1 parent (release), 2 child (reset). */
void tls_atfork(int phase);

/* The argument of __tls_get_addr, from the psABI. */
struct tls_index {
	size_t mod, off;
};
void *__tls_get_addr(struct tls_index *ti);

/* The calling thread's descriptor. */
static inline struct tcb *tcb_self(void)
{
	uintptr_t tp = arch_get_tp();
	return ARCH_TLS_VARIANT == 2 ? (struct tcb *)tp : (struct tcb *)tp - 1;
}

#endif
