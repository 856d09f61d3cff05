/* Mutexes on a futex word: 0 free, 1 locked, 2 locked and someone may sleep.
   The recursive and error-checking kinds also record the owner's tid. */
#include <errno.h>
#include <time.h>
#include "rt/pthread_impl.h"
#include "rtld/ldso.h"

static int word_trylock(pthread_mutex_t *m)
{
	int expected = 0;
	return __atomic_compare_exchange_n(&m->__lock, &expected, 1, 0, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

/* Takes the word in state 2 whatever happens, so an unlock always wakes one
   sleeper; abstime 0 waits forever.  Returns 0 or ETIMEDOUT. */
static int word_lock_contended(pthread_mutex_t *m, const struct timespec *abstime)
{
	while (__atomic_exchange_n(&m->__lock, 2, __ATOMIC_ACQUIRE) != 0) {
		if (!abstime)
			futex_wait(&m->__lock, 2);
		else if (futex_wait_until(&m->__lock, 2, abstime, 1) == -ETIMEDOUT)
			return ETIMEDOUT;
	}
	return 0;
}

static void word_unlock(pthread_mutex_t *m)
{
	if (__atomic_exchange_n(&m->__lock, 0, __ATOMIC_RELEASE) == 2)
		futex_wake(&m->__lock, 1);
}

static int owned_by(pthread_mutex_t *m, int tid)
{
	return __atomic_load_n(&m->__owner, __ATOMIC_RELAXED) == tid;
}

/* lock, trylock and timedlock in one: try set for trylock. */
static int mutex_acquire(pthread_mutex_t *m, int try, const struct timespec *abstime)
{
	int tid = 0;
	if (m->__type != PTHREAD_MUTEX_NORMAL) {
		tid = thread_tid(__rt_self());
		if (owned_by(m, tid)) {
			if (m->__type == PTHREAD_MUTEX_ERRORCHECK)
				return try ? EBUSY : EDEADLK;
			if (m->__count == __INT_MAX__)
				return EAGAIN;
			m->__count++;
			return 0;
		}
	}
	if (!word_trylock(m)) {
		if (try)
			return EBUSY;
		if (abstime && (abstime->tv_nsec < 0 || abstime->tv_nsec >= 1000000000L))
			return EINVAL;
		if (abstime && abstime->tv_sec < 0)
			return ETIMEDOUT;
		int r = word_lock_contended(m, abstime);
		if (r)
			return r;
	}
	if (tid) {
		__atomic_store_n(&m->__owner, tid, __ATOMIC_RELAXED);
		m->__count = 0;
	}
	return 0;
}

EXPORT int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *attr)
{
	*m = (pthread_mutex_t){ .__type = attr ? attr->__type : PTHREAD_MUTEX_NORMAL };
	return 0;
}

EXPORT int pthread_mutex_destroy(pthread_mutex_t *m)
{
	return __atomic_load_n(&m->__lock, __ATOMIC_RELAXED) ? EBUSY : 0;
}

EXPORT int pthread_mutex_lock(pthread_mutex_t *m)
{
	if (m->__type == PTHREAD_MUTEX_NORMAL && word_trylock(m))
		return 0;
	return mutex_acquire(m, 0, 0);
}

EXPORT int pthread_mutex_trylock(pthread_mutex_t *m)
{
	return mutex_acquire(m, 1, 0);
}

EXPORT int pthread_mutex_timedlock(pthread_mutex_t *m, const struct timespec *abstime)
{
	return mutex_acquire(m, 0, abstime);
}

EXPORT int pthread_mutex_unlock(pthread_mutex_t *m)
{
	if (m->__type != PTHREAD_MUTEX_NORMAL) {
		if (!owned_by(m, thread_tid(__rt_self())))
			return EPERM;
		if (m->__count) {
			m->__count--;
			return 0;
		}
		__atomic_store_n(&m->__owner, 0, __ATOMIC_RELAXED);
	}
	word_unlock(m);
	return 0;
}

int __pthread_mutex_release(pthread_mutex_t *m, int *depth)
{
	*depth = 0;
	if (m->__type != PTHREAD_MUTEX_NORMAL) {
		if (!owned_by(m, thread_tid(__rt_self())))
			return EPERM;
		*depth = m->__count;
		__atomic_store_n(&m->__owner, 0, __ATOMIC_RELAXED);
	}
	word_unlock(m);
	return 0;
}

void __pthread_mutex_reacquire(pthread_mutex_t *m, int depth)
{
	word_lock_contended(m, 0);
	if (m->__type != PTHREAD_MUTEX_NORMAL) {
		__atomic_store_n(&m->__owner, thread_tid(__rt_self()), __ATOMIC_RELAXED);
		m->__count = depth;
	}
}

EXPORT int pthread_mutexattr_init(pthread_mutexattr_t *attr)
{
	attr->__type = PTHREAD_MUTEX_DEFAULT;
	return 0;
}

EXPORT int pthread_mutexattr_destroy(pthread_mutexattr_t *attr)
{
	(void)attr;
	return 0;
}

EXPORT int pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type)
{
	if (type != PTHREAD_MUTEX_NORMAL && type != PTHREAD_MUTEX_RECURSIVE &&
	    type != PTHREAD_MUTEX_ERRORCHECK)
		return EINVAL;
	attr->__type = type;
	return 0;
}

EXPORT int pthread_mutexattr_gettype(const pthread_mutexattr_t *attr, int *type)
{
	*type = attr->__type;
	return 0;
}
