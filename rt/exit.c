/* exit, atexit and abort.  exit runs the atexit handlers newest first (the
   loader's finaliser is one of them, registered by the start function before
   main as glibc's __libc_start_main does), then flushes the streams. */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include <asm/signal.h>
#include <asm/unistd.h>
#include "rt/lock.h"
#include "rt/rt.h"
#include "rtld/ldso.h"

#define BLOCK 32

struct handlers {
	struct handlers *prev;
	int n;
	void (*fn[BLOCK])(void);
};

static struct handlers first_block;
static struct handlers *top = &first_block;
static rt_lock atexit_lock;

EXPORT int atexit(void (*fn)(void))
{
	rt_lock_take(&atexit_lock);
	if (top->n == BLOCK) {
		struct handlers *h = __rt_calloc(1, sizeof *h);
		if (!h) {
			rt_lock_release(&atexit_lock);
			return -1;
		}
		h->prev = top;
		top = h;
	}
	top->fn[top->n++] = fn;
	rt_lock_release(&atexit_lock);
	return 0;
}

void __rt_set_fini(void (*fini)(void))
{
	if (fini)
		atexit(fini);
}

/* Takes handlers one at a time, so a handler may register more. */
static void run_handlers(void)
{
	for (;;) {
		rt_lock_take(&atexit_lock);
		while (!top->n && top->prev)
			top = top->prev;
		if (!top->n) {
			rt_lock_release(&atexit_lock);
			return;
		}
		void (*fn)(void) = top->fn[--top->n];
		rt_lock_release(&atexit_lock);
		fn();
	}
}

/* Only one thread runs the exit path; others calling exit wait on this
   until the process is gone. */
static rt_lock exit_lock;

/* fork: the handler list is consistent in the child.  exit_lock is not
   taken for fork (an atexit handler may fork); a child forked while another
   thread was exiting just starts with it free. */
void __atexit_atfork(int phase)
{
	rt_lock_atfork(&atexit_lock, phase);
	if (phase == 2)
		rt_lock_reset(&exit_lock);
}

EXPORT void exit(int status)
{
	rt_lock_take(&exit_lock);
	run_handlers();
	__stdio_flush_all();
	_exit(status);
}

EXPORT void abort(void)
{
	/* Raise SIGABRT unblocked; if a handler returns or it was ignored,
	   restore the default action and raise it again. */
	unsigned long set = 1UL << (SIGABRT - 1);
	__syscall4(__NR_rt_sigprocmask, SIG_UNBLOCK, (long)&set, 0, sizeof set);
	raise(SIGABRT);

	struct { void *handler; unsigned long flags; void *restorer; unsigned long mask; } act = { 0 };
	__syscall4(__NR_rt_sigaction, SIGABRT, (long)&act, 0, sizeof act.mask);
	raise(SIGABRT);
	for (;;)
		__syscall1(__NR_exit_group, 127);
}
