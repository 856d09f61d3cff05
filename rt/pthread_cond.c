/* Condition variables on a sequence futex: a waiter samples the sequence
   while it still holds the mutex and sleeps only while it is unchanged, so a
   signal between its unlock and its sleep is never lost. */
#include <errno.h>
#include <limits.h>
#include <time.h>
#include "rt/pthread_impl.h"
#include "rtld/ldso.h"

EXPORT int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *attr)
{
	*c = (pthread_cond_t){ .__clock = attr ? attr->__clock : CLOCK_REALTIME };
	return 0;
}

/* Set in __waiters by pthread_cond_destroy: POSIX lets the caller free the
   condition variable as soon as destroy returns, so destroy waits until
   every woken waiter has stopped touching it. */
#define DESTROYING (1 << 30)

EXPORT int pthread_cond_destroy(pthread_cond_t *c)
{
	int w = __atomic_or_fetch(&c->__waiters, DESTROYING, __ATOMIC_ACQ_REL);

	while (w != DESTROYING) {
		futex_wait(&c->__waiters, w);
		w = __atomic_load_n(&c->__waiters, __ATOMIC_ACQUIRE);
	}
	return 0;
}

/* A waiter is done with the condition variable's memory. */
static void leave(pthread_cond_t *c)
{
	if (__atomic_sub_fetch(&c->__waiters, 1, __ATOMIC_RELEASE) == DESTROYING)
		futex_wake(&c->__waiters, 1);
}

static int cond_wait(pthread_cond_t *c, pthread_mutex_t *m, const struct timespec *abstime)
{
	if (abstime && (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000L))
		return EINVAL;
	if (abstime && abstime->tv_sec < 0)
		return ETIMEDOUT;

	__atomic_add_fetch(&c->__waiters, 1, __ATOMIC_SEQ_CST);
	int seq = __atomic_load_n(&c->__seq, __ATOMIC_SEQ_CST);
	int depth, r = __pthread_mutex_release(m, &depth);
	if (r) {
		leave(c);
		return r;
	}
	int w = abstime ? futex_wait_until(&c->__seq, seq, abstime,
					   c->__clock == CLOCK_REALTIME)
			: futex_wait(&c->__seq, seq);
	leave(c);
	__pthread_mutex_reacquire(m, depth);
	return w == -ETIMEDOUT ? ETIMEDOUT : 0;
}

EXPORT int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
	return cond_wait(c, m, 0);
}

EXPORT int pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
				  const struct timespec *abstime)
{
	return cond_wait(c, m, abstime);
}

static void cond_wake(pthread_cond_t *c, int n)
{
	__atomic_add_fetch(&c->__seq, 1, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&c->__waiters, __ATOMIC_SEQ_CST) & ~DESTROYING)
		futex_wake(&c->__seq, n);
}

EXPORT int pthread_cond_signal(pthread_cond_t *c)
{
	cond_wake(c, 1);
	return 0;
}

EXPORT int pthread_cond_broadcast(pthread_cond_t *c)
{
	cond_wake(c, INT_MAX);
	return 0;
}

EXPORT int pthread_condattr_init(pthread_condattr_t *attr)
{
	attr->__clock = CLOCK_REALTIME;
	return 0;
}

EXPORT int pthread_condattr_destroy(pthread_condattr_t *attr)
{
	(void)attr;
	return 0;
}

EXPORT int pthread_condattr_setclock(pthread_condattr_t *attr, clockid_t clock)
{
	if (clock != CLOCK_REALTIME && clock != CLOCK_MONOTONIC)
		return EINVAL;
	attr->__clock = clock;
	return 0;
}

EXPORT int pthread_condattr_getclock(const pthread_condattr_t *attr, clockid_t *clock)
{
	*clock = attr->__clock;
	return 0;
}
