/* A per-CPU counter updated by rseq critical sections (<ld-rseq/rseq.h>)
   from many threads at once: no atomics, no locks, and the total is exact
   only if every thread's area is registered and every preemption or
   migration inside a section restarts it. */
#define _GNU_SOURCE
#include <ld-rseq/rseq.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>

#define THREADS 12
#define ADDS 200000

static struct {
	_Alignas(64) intptr_t n;
} counter[CPU_SETSIZE];

static void *adder(void *arg)
{
	long restarts = 0;
	for (int i = 0; i < ADDS; i++) {
		for (;;) {
			int cpu = ldrseq_cpu_id_start();
			if (ldrseq_percpu_add(&counter[cpu].n, 1, cpu) == 0)
				break;
			restarts++;
		}
		if (i % 1000 == 0)
			sched_yield(); /* invite preemption and migration */
	}
	*(long *)arg = restarts;
	return 0;
}

int main(void)
{
	if (__rseq_size == 0 || ldrseq_cpu_id() < 0) {
		printf("rseq is not registered\n");
		return 1;
	}
	pthread_t t[THREADS];
	long restarts[THREADS];
	for (int i = 0; i < THREADS; i++)
		pthread_create(&t[i], 0, adder, &restarts[i]);
	for (int i = 0; i < THREADS; i++)
		pthread_join(t[i], 0);

	cpu_set_t allowed;
	sched_getaffinity(0, sizeof allowed, &allowed);
	intptr_t total = 0;
	int stray = 0;
	for (int c = 0; c < CPU_SETSIZE; c++) {
		total += counter[c].n;
		stray += counter[c].n && !CPU_ISSET(c, &allowed);
	}
	printf("per-CPU counter total %ld (expected %d), counts on CPUs outside the affinity set %d\n",
	       (long)total, THREADS * ADDS, stray);
	return 0;
}
