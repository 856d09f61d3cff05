/* rseq-demo: what ld-rseq set up for this process, and a per-CPU counter
   that threads on every CPU update with rseq critical sections (no atomic
   instructions, no locks).  Built with rseq-cc by `make demo`. */
#define _GNU_SOURCE
#include <ld-rseq/rseq.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/auxv.h>
#include <sys/rseq.h>

#define MAX_CPUS 1024
#define ITERATIONS 200000

/* One cache line per CPU, so CPUs do not share the lines they update. */
static struct { intptr_t n; char pad[56]; } counter[MAX_CPUS];
static long aborts[MAX_CPUS];

static void *worker(void *arg)
{
	int cpu = (int)(intptr_t)arg;
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	sched_setaffinity(0, sizeof set, &set);
	for (int i = 0; i < ITERATIONS; i++) {
		for (;;) {
			int c = ldrseq_cpu_id_start();
			int r = ldrseq_percpu_add(&counter[c].n, 1, c);
			if (r == 0)
				break;
			aborts[cpu]++;
		}
	}
	return 0;
}

int main(void)
{
	cpu_set_t online;
	pthread_t t[MAX_CPUS];
	int cpus[MAX_CPUS], n = 0;

	printf("rseq layout\n");
	printf("  kernel hints:  AT_RSEQ_FEATURE_SIZE=%lu AT_RSEQ_ALIGN=%lu\n",
	       getauxval(27), getauxval(28));
	printf("  __rseq_offset: %ld (the area is at tp%+ld for every thread)\n",
	       (long)__rseq_offset, (long)__rseq_offset);
	printf("  __rseq_size:   %u%s\n", __rseq_size, __rseq_size ? "" : " (not registered)");
	printf("  __rseq_flags:  %u\n", __rseq_flags);
	printf("  area:          %p, cpu_id=%d node_id=%d mm_cid=%d\n", (void *)ldrseq_area(),
	       ldrseq_cpu_id(), ldrseq_node_id(), ldrseq_mm_cid());
	printf("current CPU: sched_getcpu()=%d, rseq cpu_id=%d\n", sched_getcpu(), ldrseq_cpu_id());
	if (!__rseq_size) {
		printf("rseq is not registered: no per-CPU counter demo\n");
		return 0;
	}

	sched_getaffinity(0, sizeof online, &online);
	for (int c = 0; c < MAX_CPUS; c++)
		if (CPU_ISSET(c, &online))
			cpus[n++] = c;
	for (int i = 0; i < n; i++)
		if (pthread_create(&t[i], 0, worker, (void *)(intptr_t)cpus[i])) {
			printf("pthread_create failed\n");
			return 1;
		}
	for (int i = 0; i < n; i++)
		pthread_join(t[i], 0);

	long total = 0, restarts = 0;
	printf("per-CPU counter, %d threads x %d increments\n", n, ITERATIONS);
	for (int i = 0; i < n; i++) {
		printf("  cpu %d: %ld\n", cpus[i], (long)counter[cpus[i]].n);
		total += counter[cpus[i]].n;
		restarts += aborts[cpus[i]];
	}
	printf("  total %ld, expected %ld: %s (%ld restarted sections)\n", total,
	       (long)n * ITERATIONS, total == (long)n * ITERATIONS ? "exact" : "WRONG", restarts);
	return total == (long)n * ITERATIONS ? 0 : 1;
}
