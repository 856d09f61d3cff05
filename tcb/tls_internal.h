/* State shared by the tcb/ files: the layout chosen at start-up and the
   table of TLS modules.  Hidden. */
#ifndef TCB_TLS_INTERNAL_H
#define TCB_TLS_INTERNAL_H

#include "rt/lock.h"
#include "rt/rt.h"
#include "tcb/tls.h"
#include "tcb/tls_layout.h"

/* The module vector (DTV) of a thread: tcb->dtv points at word 1 of an array
   whose word 0 is the capacity (highest module id it can hold), so
   dtv[-1] = capacity, dtv[0] = the generation it reflects, dtv[id] = the
   address of module id's block in this thread (0: not allocated yet).  A
   thread's first DTV lives in its block; a larger one is malloc'ed. */
#define DTV_CAP(dtv) ((dtv)[-1])
#define DTV_GEN(dtv) ((dtv)[0])

struct tls_slot {
	struct dso *dso;           /* NULL: id free */
	size_t gen;                /* generation of the last change to this id */
};

struct tls_state {
	struct tls_layout l;
	size_t nstatic;            /* ids 1..nstatic are the initial modules */
	size_t dtv_cap;            /* capacity of the in-block DTV */
	size_t block_size;         /* one thread's block: below + above + DTV */
	ptrdiff_t surplus_lo, surplus_hi;  /* static TLS still free */
	struct tls_slot *slots;    /* by module id; [0] unused */
	size_t nslots;             /* ids < nslots exist */
	struct tcb *blocks;        /* every live thread block (tls_lock) */
	int rseq_state;            /* enum below */
	long rseq_error;           /* -errno of a failed registration */
	void *main_block;
};

enum { RSEQ_NOT_YET, RSEQ_REGISTERED, RSEQ_FAILED, RSEQ_DISABLED };

extern struct tls_state tls;
extern size_t tls_generation;  /* read without the lock by the fast paths */
extern rt_lock tls_lock;

/* Lays out one thread's block at `block` (size tls.block_size, aligned to
   tls.l.align): zeroed static TLS with the images of the static modules,
   rseq area with cpu_id set from rseq_state, TCB self pointers, in-block DTV.
   Returns the thread pointer.  Takes tls_lock. */
uintptr_t tls_block_setup(void *block);

/* __tls_get_addr's path when the DTV is out of date or the block not yet
   allocated; also called by the TLSDESC dynamic resolver. */
void *__tls_get_addr_slow(size_t mod, size_t off);

static inline int tls_in_static_block(uintptr_t tp, uintptr_t p)
{
	return p >= tp - tls.l.below && p < tp + tls.l.above;
}

#endif
