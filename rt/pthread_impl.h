/* Shared state of the pthread implementation (rt/pthread_*.c, rt/fork.c). */
#ifndef RT_PTHREAD_IMPL_H
#define RT_PTHREAD_IMPL_H

#include <pthread.h>
#include <asm/unistd.h>
#include <asm-generic/signal-defs.h>
#include "rt/lock.h"
#include "rt/rt.h"

/* tcb->detach_state.  A thread that finds itself DETACHED when it exits
   frees its own memory; a pthread_detach that finds it EXITING reaps it. */
enum { THREAD_JOINABLE, THREAD_DETACHED, THREAD_EXITING };

#define THREAD_DEFAULT_STACK (8UL << 20) /* glibc's default with an 8 MiB RLIMIT_STACK */

/* The thread descriptor behind a thread pointer value (the inverse of what
   the architecture's thread pointer points at). */
static inline struct tcb *tcb_from_tp(uintptr_t tp)
{
	return ARCH_TLS_VARIANT == 2 ? (struct tcb *)tp : (struct tcb *)tp - 1;
}

static inline uintptr_t tp_from_tcb(struct tcb *t)
{
	return ARCH_TLS_VARIANT == 2 ? (uintptr_t)t : (uintptr_t)(t + 1);
}

/* Whether pthread_create made this thread (and so owns its memory): only
   such threads have a start routine; the main thread does not. */
static inline int thread_made_here(const struct tcb *t)
{
	return t->start != 0;
}

/* The calling thread's kernel tid; the main thread's is fetched on first use
   when start-up did not record it. */
static inline int thread_tid(struct tcb *self)
{
	if (!self->tid)
		self->tid = (int)__syscall0(__NR_gettid);
	return self->tid;
}

/* Sets the calling thread's signal mask to *set (all 64 signals of the
   kernel's sigset) and stores the previous one in *old when old is not 0. */
static inline void thread_sigmask(const unsigned long *set, unsigned long *old)
{
	__syscall4(__NR_rt_sigprocmask, SIG_SETMASK, (long)set, (long)old,
		   sizeof(unsigned long));
}

/* Every thread the runtime knows, a ring through tcb->next/prev.  Empty (0)
   until the first pthread_create, which enters the main thread first. */
extern rt_lock __pthread_list_lock;
extern struct tcb *__pthread_list;
/* Threads that have not finished pthread_exit; the last one out exits the
   process with status 0, as glibc does. */
extern int __pthread_live;

void __pthread_list_add(struct tcb *t);
void __pthread_list_remove(struct tcb *t);

/* Thread memory (guard, stack, TLS block, TCB): one mapping, kept in a small
   cache after join.  __pthread_stack_get returns 0 or an errno value; the
   caller lays out the TLS block (ldrseq_tls_block_init) and records base,
   size and guard in the descriptor, which __pthread_stack_put reads. */
struct thread_mem {
	char *base;
	size_t size, guard;
	void *sp;     /* initial stack pointer, the top of the stack */
	void *block;  /* where the TLS block goes */
};
int __pthread_stack_get(size_t stack, size_t guard, struct thread_mem *m);
void __pthread_stack_put(struct tcb *t);

/* Runs the thread's key destructors (PTHREAD_DESTRUCTOR_ITERATIONS rounds). */
void __pthread_tsd_run_destructors(struct tcb *self);

/* pthread_cond_wait's view of a mutex: release it entirely (a recursive
   one at any depth, remembered in *depth; EPERM when the caller does not own
   an owner-tracking one), and take it back in the contended state so that
   waiters woken together keep waking each other. */
int __pthread_mutex_release(pthread_mutex_t *m, int *depth);
void __pthread_mutex_reacquire(pthread_mutex_t *m, int depth);

/* Fork support, phases as __malloc_atfork: 0 prepare, 1 parent, 2 child. */
void __pthread_keys_atfork(int phase);
void __pthread_stack_atfork(int phase);

/* arch/<arch>/clone.S */
long __rt_clone(unsigned long flags, void *stack, int *ptid, int *ctid, void *tls,
		int (*fn)(void *), void *arg);
__attribute__((noreturn)) void __rt_unmap_and_exit(void *base, size_t len);

#endif
