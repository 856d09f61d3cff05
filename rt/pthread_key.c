/* Thread-specific data: PTHREAD_KEYS_MAX slots in every thread's descriptor
   and one process-wide table of destructors, allocated by the first
   pthread_key_create so that programs without keys do not carry it. */
#include <errno.h>
#include "rt/pthread_impl.h"
#include "rt/rt.h"
#include "rtld/ldso.h"

_Static_assert(sizeof(((struct tcb *)0)->tsd) / sizeof(void *) == PTHREAD_KEYS_MAX,
	       "struct tcb holds one slot per key");

static struct key {
	void (*destructor)(void *);
	int used;
} *keys;
static rt_lock keys_lock = RT_LOCK_INIT;

/* Null until the first key exists; readers without the lock pair with the
   release that publishes the zeroed table. */
static struct key *key_table(void)
{
	return __atomic_load_n(&keys, __ATOMIC_ACQUIRE);
}

EXPORT int pthread_key_create(pthread_key_t *key, void (*destructor)(void *))
{
	int r = EAGAIN;
	rt_lock_take(&keys_lock);
	if (!keys) {
		struct key *t = __rt_calloc(PTHREAD_KEYS_MAX, sizeof *t);
		if (!t) {
			rt_lock_release(&keys_lock);
			return ENOMEM;
		}
		__atomic_store_n(&keys, t, __ATOMIC_RELEASE);
	}
	for (unsigned k = 0; k < PTHREAD_KEYS_MAX; k++) {
		if (!keys[k].used) {
			keys[k].used = 1;
			keys[k].destructor = destructor;
			*key = k;
			r = 0;
			break;
		}
	}
	rt_lock_release(&keys_lock);
	return r;
}

/* A deleted key's slot is cleared in every thread, so that a key created
   later in that slot starts out null everywhere. */
EXPORT int pthread_key_delete(pthread_key_t key)
{
	if (key >= PTHREAD_KEYS_MAX)
		return EINVAL;
	int r = 0;
	rt_lock_take(&keys_lock);
	if (!keys || !keys[key].used) {
		r = EINVAL;
	} else {
		keys[key].used = 0;
		keys[key].destructor = 0;
		rt_lock_take(&__pthread_list_lock);
		struct tcb *t = __pthread_list;
		if (!t)
			__rt_self()->tsd[key] = 0;
		else
			do {
				t->tsd[key] = 0;
				t = t->next;
			} while (t != __pthread_list);
		rt_lock_release(&__pthread_list_lock);
	}
	rt_lock_release(&keys_lock);
	return r;
}

EXPORT void *pthread_getspecific(pthread_key_t key)
{
	return key < PTHREAD_KEYS_MAX ? __rt_self()->tsd[key] : 0;
}

EXPORT int pthread_setspecific(pthread_key_t key, const void *value)
{
	struct key *t = key_table();
	if (key >= PTHREAD_KEYS_MAX || !t || !__atomic_load_n(&t[key].used, __ATOMIC_RELAXED))
		return EINVAL;
	__rt_self()->tsd[key] = (void *)value;
	return 0;
}

/* A destructor may store new values; they get further rounds, up to
   PTHREAD_DESTRUCTOR_ITERATIONS in all. */
void __pthread_tsd_run_destructors(struct tcb *self)
{
	struct key *t = key_table();
	if (!t)
		return;
	for (int round = 0; round < PTHREAD_DESTRUCTOR_ITERATIONS; round++) {
		int ran = 0;
		for (unsigned k = 0; k < PTHREAD_KEYS_MAX; k++) {
			void *v = self->tsd[k];
			void (*d)(void *) = __atomic_load_n(&t[k].destructor, __ATOMIC_RELAXED);
			if (!v || !d)
				continue;
			self->tsd[k] = 0;
			d(v);
			ran = 1;
		}
		if (!ran)
			return;
	}
}

void __pthread_keys_atfork(int phase)
{
	rt_lock_atfork(&keys_lock, phase);
}
