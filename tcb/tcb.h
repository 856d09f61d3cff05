/* The thread descriptor.  On x86_64 the thread pointer points at it and its
   first words are ABI (GCC reads the stack guard at %fs:0x28); on aarch64 it
   sits just below the 16-byte TCB the thread pointer points at. */
#ifndef TCB_TCB_H
#define TCB_TCB_H

#include <stddef.h>
#include <stdint.h>

struct tcb {
	/* ABI head, x86_64 offsets: do not reorder. */
	struct tcb *self;          /* 0x00: %fs:0 */
	uintptr_t *dtv;            /* 0x08 */
	struct tcb *self2;         /* 0x10: glibc's "self", read by some debuggers */
	int multiple_threads;      /* 0x18 */
	int gscope_flag;           /* 0x1c */
	uintptr_t sysinfo;         /* 0x20 */
	uintptr_t stack_guard;     /* 0x28: -fstack-protector */
	uintptr_t pointer_guard;   /* 0x30 */
	uintptr_t unused_abi[3];   /* 0x38..0x50: keep the ABI words free */

	/* Runtime state, owned by tcb/ and rt/. */
	int errno_val;
	int tid;                   /* set by the kernel (CLONE_CHILD_SETTID/CLEARTID) */
	int detach_state;
	int rseq_registered;       /* 1 when this thread's area is registered */
	void *map_base;            /* the whole block: TLS, TCB and, for threads, the stack */
	size_t map_size;
	size_t guard_size;         /* PROT_NONE bytes at map_base (thread stacks) */
	unsigned long sigmask;     /* creator's signal mask, restored by the new thread */
	struct tcb *blk_next, *blk_prev; /* every live block, for dlopen's static TLS */
	void *(*start)(void *);
	void *start_arg;
	void *result;
	struct tcb *next, *prev;   /* the list of live threads */
	void *tsd[128];            /* pthread keys */
	char dlerror_buf[256];     /* per-thread dlerror() */
	int dlerror_set;
};

#endif
