/* Cost of sched_getcpu() and of the inline cpu_id read of <ld-rseq/rseq.h>,
 * per call.  One source for glibc (gcc), musl (musl-gcc) and ld-rseq
 * (rseq-cc); the header is found with -iquote so that its own includes come
 * from the runtime being measured.  musl has no <sys/rseq.h>, and a runtime
 * without a registered area, reports no inline read. */
#define _GNU_SOURCE
#include <sched.h>
#include "timing.h"

#if __has_include(<sys/rseq.h>) && __has_include("ld-rseq/rseq.h")
#include "ld-rseq/rseq.h"
#define HAVE_INLINE_READ 1
#endif

static volatile int sink;

int main(int argc, char **argv)
{
	long n = bench_iterations(argc, argv, 10000000);
	double best = 1e30;

	for (int r = 0; r < BENCH_REPEATS; r++) {
		double t0 = bench_now_ns();
		for (long i = 0; i < n; i++)
			sink = sched_getcpu();
		double t = (bench_now_ns() - t0) / (double)n;
		best = t < best ? t : best;
	}
	bench_report("sched_getcpu", best);

#ifdef HAVE_INLINE_READ
	if (ldrseq_cpu_id() < 0)
		return 0;
	best = 1e30;
	for (int r = 0; r < BENCH_REPEATS; r++) {
		double t0 = bench_now_ns();
		for (long i = 0; i < n; i++)
			sink = ldrseq_cpu_id();
		double t = (bench_now_ns() - t0) / (double)n;
		best = t < best ? t : best;
	}
	bench_report("cpu_id_read", best);
#endif
	return 0;
}
