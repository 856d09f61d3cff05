/* A small futex lock for the runtime's internal state (allocator, stdio,
   atexit list).  It needs no thread pointer, so it works during start-up.
   States: 0 free, 1 held, 2 held with possible waiters. */
#ifndef RT_LOCK_H
#define RT_LOCK_H

#include "rt/futex.h"

typedef struct { volatile int v; } rt_lock;
#define RT_LOCK_INIT { 0 }

static inline void rt_lock_take(rt_lock *l)
{
	int c = __sync_val_compare_and_swap(&l->v, 0, 1);
	if (!c)
		return;
	/* Contended: mark waiters and sleep until the holder wakes us. */
	if (c != 2)
		c = __atomic_exchange_n(&l->v, 2, __ATOMIC_ACQUIRE);
	while (c) {
		futex_wait(&l->v, 2);
		c = __atomic_exchange_n(&l->v, 2, __ATOMIC_ACQUIRE);
	}
}

static inline void rt_lock_release(rt_lock *l)
{
	if (__atomic_exchange_n(&l->v, 0, __ATOMIC_RELEASE) == 2)
		futex_wake(&l->v, 1);
}

/* In a fork child only the forking thread exists: a lock it held (taken in
   the prepare phase) is simply reset. */
static inline void rt_lock_reset(rt_lock *l)
{
	l->v = 0;
}

/* The fork protocol for one lock: 0 prepare (take), 1 parent (release),
   2 child (reset). */
static inline void rt_lock_atfork(rt_lock *l, int phase)
{
	if (phase == 0)
		rt_lock_take(l);
	else if (phase == 1)
		rt_lock_release(l);
	else
		rt_lock_reset(l);
}

#endif
