/* fork: a copy of the process with only the calling thread.  The runtime's
   locks are taken before the system call so that the child's copies are in
   a known state; the child resets them instead of releasing them, since the
   threads that might have held them do not exist there. */
#include <signal.h>
#include <unistd.h>
#include "rt/pthread_impl.h"
#include "rtld/stage.h"
#include "tcb/tls.h"
#include "rtld/ldso.h"

/* Outer locks first: a stream lock is held while allocating, the thread
   list while walking TLS, the TLS lock while allocating. */
static void runtime_locks(int phase)
{
	dl_atfork(phase);
	__stdio_atfork(phase);
	__pthread_keys_atfork(phase);
	rt_lock_atfork(&__pthread_list_lock, phase);
	__pthread_stack_atfork(phase);
	tls_atfork(phase);
	__atexit_atfork(phase); /* atexit allocates under its lock */
	__malloc_atfork(phase);
}

EXPORT pid_t fork(void)
{
	/* Buffered output is written once, by the parent, not once per process. */
	__stdio_flush_all();
	runtime_locks(0);
	/* clone with no sharing flags is fork on every architecture (aarch64 has
	   no fork system call); the child keeps the rseq registration. */
	long r = __syscall5(__NR_clone, SIGCHLD, 0, 0, 0, 0);
	if (r == 0) {
		struct tcb *self = __rt_self();
		/* A new tid, cleared at exit like any thread's. */
		self->tid = (int)__syscall1(__NR_set_tid_address, (long)&self->tid);
		if (__pthread_list)
			__pthread_list = self->next = self->prev = self;
		__pthread_live = 1;
		runtime_locks(2);
		return 0;
	}
	runtime_locks(1);
	return (pid_t)__rt_syscall_ret(r);
}
