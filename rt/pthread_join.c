/* pthread_join and pthread_detach: who frees a finished thread. */
#include <errno.h>
#include "rt/pthread_impl.h"
#include "rtld/ldso.h"

/* The kernel clears tcb->tid and wakes the futex once the thread is gone
   (CLONE_CHILD_CLEARTID), after its last use of its stack. */
EXPORT int pthread_join(pthread_t thread, void **result)
{
	struct tcb *t = (struct tcb *)thread;
	if (t == __rt_self())
		return EDEADLK;
	if (__atomic_load_n(&t->detach_state, __ATOMIC_RELAXED) == THREAD_DETACHED)
		return EINVAL;
	int tid;
	while ((tid = __atomic_load_n(&t->tid, __ATOMIC_ACQUIRE)) != 0)
		futex_wait_shared(&t->tid, tid);
	if (result)
		*result = t->result;
	if (thread_made_here(t))
		__pthread_stack_put(t);
	return 0;
}

EXPORT int pthread_detach(pthread_t thread)
{
	struct tcb *t = (struct tcb *)thread;
	int state = THREAD_JOINABLE;
	if (__atomic_compare_exchange_n(&t->detach_state, &state, THREAD_DETACHED, 0,
					__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		return 0;
	/* Already on its way out as a joinable thread: reap it here. */
	if (state == THREAD_EXITING)
		return pthread_join(thread, 0);
	return EINVAL;
}
