/* Cost of pthread_create + pthread_join of a thread that returns at once;
 * under ld-rseq and glibc that includes the new thread's rseq registration. */
#include <pthread.h>
#include "timing.h"

static int token;

static void *body(void *arg)
{
	return arg;
}

int main(int argc, char **argv)
{
	long n = bench_iterations(argc, argv, 5000);
	double best = 1e30;

	for (int r = 0; r < BENCH_REPEATS; r++) {
		double t0 = bench_now_ns();
		for (long i = 0; i < n; i++) {
			pthread_t t;
			void *ret;
			if (pthread_create(&t, NULL, body, &token) != 0 ||
			    pthread_join(t, &ret) != 0 || ret != &token)
				return 1;
		}
		double t = (bench_now_ns() - t0) / (double)n;
		best = t < best ? t : best;
	}
	bench_report("thread_create_join", best);
	return 0;
}
