/* A per-CPU counter incremented by rseq critical sections
   (ldrseq_percpu_add, x86_64) from many threads: the sum must be exact.
   Every thread also checks that its own area is registered at
   __rseq_offset (re-registration is EBUSY).  Same source under glibc. */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <ld-rseq/rseq.h>

#define THREADS 16
#define ITERS 2000000
#define MAXCPU 1024

static struct { intptr_t v; char pad[56]; } counts[MAXCPU] __attribute__((aligned(64)));
static long moved[THREADS], aborted[THREADS], unregistered;

static void *worker(void *arg)
{
	long me = (long)arg;
	unsigned len = __rseq_size > 32 ? __rseq_size : 32;

	if (syscall(SYS_rseq, ldrseq_area(), len, 0, RSEQ_SIG) != -1 || errno != EBUSY)
		__atomic_add_fetch(&unregistered, 1, __ATOMIC_RELAXED);
	for (long i = 0; i < ITERS; i++) {
		for (;;) {
			int cpu = ldrseq_cpu_id_start();
			int r = ldrseq_percpu_add(&counts[cpu].v, 1, cpu);
			if (r == 0)
				break;
			if (r < 0)
				moved[me]++;
			else
				aborted[me]++;
		}
	}
	return NULL;
}

int main(void)
{
	pthread_t t[THREADS];
	long sum = 0, nmoved = 0, naborted = 0;

	if (__rseq_size == 0) {
		printf("SKIP: per-CPU counter: rseq not registered\n");
		return 0;
	}
	for (long i = 0; i < THREADS; i++)
		if (pthread_create(&t[i], NULL, worker, (void *)i)) {
			printf("FAIL: per-CPU counter: pthread_create\n");
			return 1;
		}
	for (int i = 0; i < THREADS; i++)
		pthread_join(t[i], NULL);
	for (int c = 0; c < MAXCPU; c++)
		sum += counts[c].v;
	for (int i = 0; i < THREADS; i++)
		nmoved += moved[i], naborted += aborted[i];
	printf("# %d threads x %d: sum %ld, %ld CPU changes, %ld aborts\n", THREADS, ITERS, sum,
	       nmoved, naborted);
	printf("%s: every thread registered at __rseq_offset%s\n", unregistered ? "FAIL" : "PASS",
	       unregistered ? ": some thread's re-registration was not EBUSY" : "");
	if (sum == (long)THREADS * ITERS)
		printf("PASS: per-CPU counter sum is exact\n");
	else
		printf("FAIL: per-CPU counter sum is exact: %ld, want %ld\n", sum, (long)THREADS * ITERS);
	return sum != (long)THREADS * ITERS || unregistered;
}
