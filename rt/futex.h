/* Futex wait/wake for the runtime's locks, thread join and condition
   variables.  Every futex of the runtime is process-private (FUTEX_PRIVATE_FLAG:
   the kernel then keys it by address alone, which is cheaper). */
#ifndef RT_FUTEX_H
#define RT_FUTEX_H

#include <linux/futex.h>
#include <asm/unistd.h>
#include "arch.h"

/* Sleep while *addr == val.  Returns 0 when woken, -EAGAIN when *addr already
   differed, -EINTR on a signal. */
static inline int futex_wait(volatile int *addr, int val)
{
	return (int)__syscall4(__NR_futex, (long)addr, FUTEX_WAIT_PRIVATE, val, 0);
}

/* As futex_wait, with an absolute deadline; abstime points at a struct
   timespec (two longs on every 64-bit ABI, as the kernel expects) measured on
   CLOCK_REALTIME when realtime is set, else on CLOCK_MONOTONIC.  A deadline
   that has passed gives -ETIMEDOUT. */
static inline int futex_wait_until(volatile int *addr, int val, const void *abstime,
				   int realtime)
{
	int op = FUTEX_WAIT_BITSET_PRIVATE | (realtime ? FUTEX_CLOCK_REALTIME : 0);
	return (int)__syscall6(__NR_futex, (long)addr, op, val, (long)abstime, 0,
			       (long)FUTEX_BITSET_MATCH_ANY);
}

/* Sleep while *addr == val, on the shared futex key: the kernel's
   CLONE_CHILD_CLEARTID wake-up at thread exit is a shared FUTEX_WAKE, which a
   private waiter would never see. */
static inline int futex_wait_shared(volatile int *addr, int val)
{
	return (int)__syscall4(__NR_futex, (long)addr, FUTEX_WAIT, val, 0);
}

/* Wake up to n sleepers on addr. */
static inline void futex_wake(volatile int *addr, int n)
{
	__syscall3(__NR_futex, (long)addr, FUTEX_WAKE_PRIVATE, n);
}

#endif
