/* Cost of dlopen + dlsym + dlclose of a small library (argv[2]), and of a
 * dlsym on a handle kept open.  musl never unloads, so its dlopen after the
 * first is a lookup of an already loaded object. */
#include <dlfcn.h>
#include "timing.h"

int main(int argc, char **argv)
{
	long n = bench_iterations(argc, argv, 2000);
	const char *lib = argc > 2 ? argv[2] : "./libbench_dl.so";
	double best = 1e30;

	for (int r = 0; r < BENCH_REPEATS; r++) {
		double t0 = bench_now_ns();
		for (long i = 0; i < n; i++) {
			void *h = dlopen(lib, RTLD_NOW | RTLD_LOCAL);
			int (*fn)(void) = h ? (int (*)(void))dlsym(h, "bench_dl_fn") : NULL;
			if (!fn || fn() != 42) {
				fprintf(stderr, "dlopen %s: %s\n", lib, dlerror());
				return 1;
			}
			dlclose(h);
		}
		double t = (bench_now_ns() - t0) / (double)n;
		best = t < best ? t : best;
	}
	bench_report("dlopen_dlsym_dlclose", best);

	void *h = dlopen(lib, RTLD_NOW | RTLD_LOCAL);
	if (!h)
		return 1;
	best = 1e30;
	for (int r = 0; r < BENCH_REPEATS; r++) {
		double t0 = bench_now_ns();
		for (long i = 0; i < n * 10; i++)
			if (!dlsym(h, "bench_dl_fn"))
				return 1;
		double t = (bench_now_ns() - t0) / (double)(n * 10);
		best = t < best ? t : best;
	}
	bench_report("dlsym", best);
	dlclose(h);
	return 0;
}
