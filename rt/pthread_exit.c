/* pthread_exit: destructors, then the thread's teardown in an order that
   never lets the kernel or a signal handler touch memory about to be
   reused. */
#include <stdlib.h>
#include <ld-rseq/thread.h>
#include "rt/pthread_impl.h"
#include "rtld/ldso.h"

static __attribute__((noreturn)) void exit_thread(void)
{
	for (;;)
		__syscall1(__NR_exit, 0);
}

EXPORT void pthread_exit(void *result)
{
	struct tcb *self = __rt_self();
	self->result = result;
	__pthread_tsd_run_destructors(self);

	/* The last thread out ends the process the way returning from main
	   does: atexit handlers, finalisers, stdio flushed. */
	if (__atomic_sub_fetch(&__pthread_live, 1, __ATOMIC_ACQ_REL) == 0)
		exit(0);

	rt_lock_take(&__pthread_list_lock);
	__pthread_list_remove(self);
	rt_lock_release(&__pthread_list_lock);

	/* The main thread's memory stays: start-up made it, and a joiner (or
	   nobody) needs nothing freed. */
	if (!thread_made_here(self))
		exit_thread();

	static const unsigned long all = ~0UL;
	thread_sigmask(&all, 0);
	ldrseq_rseq_unregister();

	int state = THREAD_JOINABLE;
	if (__atomic_compare_exchange_n(&self->detach_state, &state, THREAD_EXITING, 0,
					__ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		exit_thread(); /* the joiner frees the memory once the tid is cleared */

	/* Detached: nobody else will free this thread, and nobody waits on its
	   tid, which the kernel must not clear in memory that is gone. */
	ldrseq_tls_block_fini((void *)tp_from_tcb(self));
	__syscall1(__NR_set_tid_address, 0);
	__rt_unmap_and_exit(self->map_base, self->map_size);
}
