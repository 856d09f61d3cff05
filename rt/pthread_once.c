/* pthread_once: one initialiser run, every other caller waits for it. */
#include <limits.h>
#include "rt/pthread_impl.h"
#include "rtld/ldso.h"

enum { ONCE_NEW, ONCE_RUNNING, ONCE_RUNNING_WAITERS, ONCE_DONE };

EXPORT int pthread_once(pthread_once_t *once, void (*init)(void))
{
	int s = __atomic_load_n(once, __ATOMIC_ACQUIRE);
	while (s != ONCE_DONE) {
		if (s == ONCE_NEW) {
			if (!__atomic_compare_exchange_n(once, &s, ONCE_RUNNING, 0,
							 __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE))
				continue;
			init();
			if (__atomic_exchange_n(once, ONCE_DONE, __ATOMIC_RELEASE) ==
			    ONCE_RUNNING_WAITERS)
				futex_wake(once, INT_MAX);
			return 0;
		}
		/* Tell the running initialiser someone sleeps, then sleep. */
		if (s == ONCE_RUNNING &&
		    !__atomic_compare_exchange_n(once, &s, ONCE_RUNNING_WAITERS, 0,
						 __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE))
			continue;
		futex_wait(once, ONCE_RUNNING_WAITERS);
		s = __atomic_load_n(once, __ATOMIC_ACQUIRE);
	}
	return 0;
}
