/* pthread_create: map the thread's memory, lay out its TLS and TCB, clone. */
#include <errno.h>
#include <linux/sched.h>
#include <ld-rseq/thread.h>
#include "rt/pthread_impl.h"
#include "rtld/ldso.h"

#define THREAD_CLONE_FLAGS                                                    \
	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |   \
	 CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

/* The new thread's first code after clone.S: its signals are all blocked
   until its rseq area is registered, so no handler can run on it before. */
static int thread_main(void *arg)
{
	struct tcb *self = arg;
	ldrseq_rseq_register();
	thread_sigmask(&self->sigmask, 0);
	pthread_exit(self->start(self->start_arg));
}

EXPORT int pthread_create(pthread_t *res, const pthread_attr_t *attr,
			  void *(*start)(void *), void *arg)
{
	size_t stack = attr ? attr->__stacksize : THREAD_DEFAULT_STACK;
	size_t guard = attr ? attr->__guardsize : ARCH_PAGE_MIN;
	struct tcb *self = __rt_self(), *t;
	struct thread_mem m;
	int err = __pthread_stack_get(stack, guard, &m);
	if (err)
		return err;

	/* The block is laid out and the thread entered in the list in one
	   step, so a concurrent dlopen that gives every listed thread its copy
	   of a new static TLS block either sees this thread or came first. */
	rt_lock_take(&__pthread_list_lock);
	t = tcb_from_tp((uintptr_t)ldrseq_tls_block_init(m.block));
	t->map_base = m.base;
	t->map_size = m.size;
	t->guard_size = m.guard;
	t->start = start;
	t->start_arg = arg;
	t->result = 0;
	t->errno_val = 0;
	t->tid = -1; /* "running" to a joiner, until clone stores the real tid */
	t->detach_state = attr && attr->__detachstate == PTHREAD_CREATE_DETACHED
				  ? THREAD_DETACHED : THREAD_JOINABLE;
	__builtin_memset(t->tsd, 0, sizeof t->tsd);
	t->multiple_threads = 1;
	if (!__pthread_list) {
		/* The first thread: enter the main thread, and have the kernel
		   clear its tid when it leaves, so that it can be joined too. */
		self->tid = (int)__syscall1(__NR_set_tid_address, (long)&self->tid);
		self->next = self->prev = self;
		__pthread_list = self;
	}
	self->multiple_threads = 1;
	__pthread_list_add(t);
	rt_lock_release(&__pthread_list_lock);
	__atomic_add_fetch(&__pthread_live, 1, __ATOMIC_RELAXED);

	*res = (pthread_t)t;
	/* A detached thread may be gone, memory and all, by the time clone
	   returns: the parent keeps its own copy of the mask. */
	static const unsigned long all = ~0UL;
	unsigned long mask;
	thread_sigmask(&all, &mask);
	t->sigmask = mask;
	long r = __rt_clone(THREAD_CLONE_FLAGS, m.sp, &t->tid, &t->tid,
			    (void *)tp_from_tcb(t), thread_main, t);
	thread_sigmask(&mask, 0);
	if (r >= 0)
		return 0;

	rt_lock_take(&__pthread_list_lock);
	__pthread_list_remove(t);
	rt_lock_release(&__pthread_list_lock);
	__atomic_sub_fetch(&__pthread_live, 1, __ATOMIC_RELAXED);
	__pthread_stack_put(t);
	return EAGAIN;
}
