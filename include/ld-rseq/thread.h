/* ld-rseq: the low-level interface for runtimes that create their own
   threads (a pthread implementation, a green-thread scheduler, a JIT).

   A thread needs one block of memory holding its static TLS (a copy of
   every initial module's PT_TLS, plus room for dlopen'ed initial-exec TLS),
   its rseq area and its thread control block.  The sequence is:

	size_t size = ldrseq_tls_block_size(), align = ldrseq_tls_block_align();
	void *block = <memory of `size` bytes at `align`-byte alignment>;
	void *tp = ldrseq_tls_block_init(block);
	... create the thread with its thread pointer set to tp
	    (clone(CLONE_SETTLS, tls = tp) on x86_64 and aarch64) ...
	in the new thread, first: ldrseq_rseq_register();
	... the thread runs ...
	in the thread, before its block may be freed: ldrseq_rseq_unregister();
	after the thread is gone: ldrseq_tls_block_fini(tp); free the block.

   Size and alignment are fixed once the program starts.  The block's
   contents are private to ld-rseq except the ABI parts (%fs:0 self pointer,
   %fs:0x28 stack guard on x86_64; the rseq area at __rseq_offset). */
#ifndef _LD_RSEQ_THREAD_H
#define _LD_RSEQ_THREAD_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bytes and alignment (a power of two) of one thread's block. */
size_t ldrseq_tls_block_size(void);
size_t ldrseq_tls_block_align(void);

/* Lays out `block`: copies the TLS initialisation images and zeroes the rest
   of the static TLS, zeroes the rseq area and sets its cpu_id to
   RSEQ_CPU_ID_UNINITIALIZED (RSEQ_CPU_ID_REGISTRATION_FAILED when the process
   does not use rseq), sets up the thread control block and its module
   vector, and copies the stack and pointer guards from the calling thread.
   Returns the new thread's thread pointer, inside the block. */
void *ldrseq_tls_block_init(void *block);

/* Frees what the thread allocated on its own behalf (dynamic TLS of
   dlopen'ed modules, a grown module vector).  tp is the value
   ldrseq_tls_block_init returned; the thread must have exited.  The block
   itself stays the caller's to free. */
void ldrseq_tls_block_fini(void *tp);

/* Registers the calling thread's rseq area (at __rseq_offset) with the
   kernel, using the length and signature the loader used for the main thread.
   Returns 0, or a negative errno value:
     -EOPNOTSUPP  the process does not use rseq (glibc.pthread.rseq=0, or the
                  main thread's registration failed); cpu_id is set to
                  RSEQ_CPU_ID_REGISTRATION_FAILED and the kernel is not asked,
     -EBUSY       the thread already has a registration,
     other        the kernel's answer; cpu_id is then set to
                  RSEQ_CPU_ID_REGISTRATION_FAILED. */
int ldrseq_rseq_register(void);

/* Unregisters the calling thread's area.  Returns 0, or -EINVAL when this
   thread has no registration at __rseq_offset (the kernel's answer). */
int ldrseq_rseq_unregister(void);

#ifdef __cplusplus
}
#endif

#endif
