/* Shared by the micro benchmarks: a monotonic clock in nanoseconds and the
 * rule that each measurement is the best of a few repetitions, so one
 * preemption on a busy machine does not decide the number. */
#ifndef BENCH_TIMING_H
#define BENCH_TIMING_H

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define BENCH_REPEATS 5

static inline double bench_now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* Iteration count from argv[1], else DEFAULT. */
static inline long bench_iterations(int argc, char **argv, long dflt)
{
	long n = argc > 1 ? atol(argv[1]) : dflt;
	return n > 0 ? n : dflt;
}

/* One result line: "<name> <nanoseconds per operation>", printed without
 * %f so that a runtime's printf needs no floating-point support. */
static inline void bench_report(const char *name, double ns)
{
	long ps = (long)(ns * 1000.0 + 0.5);
	printf("%s %ld.%03ld\n", name, ps / 1000, ps % 1000);
}

#endif
