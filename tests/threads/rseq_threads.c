/* Every thread's rseq area: registered before the start routine runs, at
   tp + __rseq_offset (re-registering it says EBUSY), distinct per thread,
   cpu_id tracking the CPU the thread is pinned to.  Then thousands of thread
   lifetimes, joined and detached, each with the same checks, so reused stacks
   and TLS blocks are registered afresh. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <sys/rseq.h>
#include <sys/syscall.h>
#include <unistd.h>

#define LIVE 24
/* Thread lifetimes; the qemu-user run (threads_aarch64.t) asks for fewer. */
#ifndef JOINED
#define JOINED 5000
#endif
#ifndef DETACHED
#define DETACHED 2000
#endif

static struct rseq *area(void)
{
	return (struct rseq *)((char *)__builtin_thread_pointer() + __rseq_offset);
}

/* 0 when the calling thread's area is registered with the kernel. */
static int check_registered(void)
{
	struct rseq *r = area();
	if ((int)r->cpu_id < 0)
		return 1;
	unsigned len = __rseq_size > 32 ? __rseq_size : 32;
	long e = syscall(SYS_rseq, r, len, 0, RSEQ_SIG);
	return e == -1 && errno == EBUSY ? 0 : 2;
}

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int arrived, detached_done, detached_bad;
static int allowed[CPU_SETSIZE], nallowed;

struct live {
	struct rseq *area;
	int registered, failed_marker, pinned_cpu, cpu_id, getcpu;
};

static void *live_thread(void *arg)
{
	struct live *l = arg;
	l->area = area();
	l->failed_marker = (int)l->area->cpu_id == RSEQ_CPU_ID_REGISTRATION_FAILED;
	l->registered = check_registered();
	cpu_set_t set;
	CPU_ZERO(&set);
	CPU_SET(l->pinned_cpu, &set);
	if (sched_setaffinity(0, sizeof set, &set) == 0) {
		l->cpu_id = (int)area()->cpu_id;
		l->getcpu = sched_getcpu();
	}
	/* Stay alive until every thread has looked, so no area is reused. */
	pthread_mutex_lock(&lock);
	if (++arrived == LIVE)
		pthread_cond_broadcast(&cond);
	while (arrived < LIVE)
		pthread_cond_wait(&cond, &lock);
	pthread_mutex_unlock(&lock);
	return 0;
}

static void *short_thread(void *arg)
{
	(void)arg;
	return (void *)(long)check_registered();
}

static void *detached_thread(void *arg)
{
	(void)arg;
	int bad = check_registered() != 0;
	pthread_mutex_lock(&lock);
	detached_bad += bad;
	if (++detached_done == DETACHED)
		pthread_cond_signal(&cond);
	pthread_mutex_unlock(&lock);
	return 0;
}

int main(void)
{
	printf("main: rseq size nonzero %d, registered %s\n", __rseq_size != 0,
	       check_registered() == 0 ? "yes" : "no");

	cpu_set_t mine;
	sched_getaffinity(0, sizeof mine, &mine);
	for (int c = 0; c < CPU_SETSIZE; c++)
		if (CPU_ISSET(c, &mine))
			allowed[nallowed++] = c;
	cpu_set_t copy = mine;
	int equal_before = CPU_EQUAL(&copy, &mine);
	CPU_CLR(allowed[0], &copy);
	printf("main: CPU_COUNT agrees with the set: %d, CPU_EQUAL %d then %d, CPU_CLR leaves %d\n",
	       CPU_COUNT(&mine) == nallowed, equal_before != 0, CPU_EQUAL(&copy, &mine) != 0,
	       CPU_COUNT(&copy) == nallowed - 1 && !CPU_ISSET(allowed[0], &copy));

	pthread_t t[LIVE];
	struct live l[LIVE] = { 0 };
	for (int i = 0; i < LIVE; i++) {
		l[i].pinned_cpu = allowed[i % nallowed];
		l[i].cpu_id = l[i].getcpu = -100;
		pthread_create(&t[i], 0, live_thread, &l[i]);
	}
	for (int i = 0; i < LIVE; i++)
		pthread_join(t[i], 0);
	int unregistered = 0, marked = 0, dup = 0, cpu_wrong = 0, getcpu_wrong = 0;
	for (int i = 0; i < LIVE; i++) {
		unregistered += l[i].registered != 0;
		marked += l[i].failed_marker;
		cpu_wrong += l[i].cpu_id != l[i].pinned_cpu;
		getcpu_wrong += l[i].getcpu != l[i].pinned_cpu;
		for (int j = 0; j < i; j++)
			dup += l[i].area == l[j].area;
		dup += l[i].area == area();
	}
	printf("%d live threads: unregistered %d (cpu_id saying registration failed %d), "
	       "areas shared %d, cpu_id off the pinned CPU %d, sched_getcpu off %d\n",
	       LIVE, unregistered, marked, dup, cpu_wrong, getcpu_wrong);

	int fails = 0;
	for (int i = 0; i < JOINED; i++) {
		void *res = (void *)1L;
		if (pthread_create(&t[0], 0, short_thread, 0) || pthread_join(t[0], &res) || res)
			fails++;
	}
	printf("%d created and joined threads: %d not registered\n", JOINED, fails);

	pthread_attr_t a;
	pthread_attr_init(&a);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	int create_fails = 0;
	for (int i = 0; i < DETACHED; i++) {
		/* Half detached at creation, half by pthread_detach. */
		if (i & 1) {
			create_fails += pthread_create(&t[0], &a, detached_thread, 0) != 0;
		} else {
			create_fails += pthread_create(&t[0], 0, detached_thread, 0) != 0;
			pthread_detach(t[0]);
		}
	}
	pthread_mutex_lock(&lock);
	while (detached_done < DETACHED - create_fails)
		pthread_cond_wait(&cond, &lock);
	pthread_mutex_unlock(&lock);
	printf("%d detached threads: %d failed to start, %d not registered\n", DETACHED,
	       create_fails, detached_bad);
	printf("main: still registered %s\n", check_registered() == 0 ? "yes" : "no");
	return 0;
}
