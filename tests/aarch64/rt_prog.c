#define _GNU_SOURCE
/* One source, built with aarch64-linux-gnu-gcc against glibc and with the
   aarch64 rseq-cc against ld-rseq, run under qemu-user: threads with their
   own TLS and rseq state, dlopen of a library whose TLS is reached through
   the dynamic TLS descriptor, a failing dlopen (dlerror after the loader
   unwinds), and the rseq ABI after a failed registration. */
#include <dlfcn.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/rseq.h>

__thread int tl = 1;
static long (*dl_tls_add)(long);
static long (*dl_mix)(long, long, long, long, double, double);

static int cpu_id(void)
{
	return *(volatile int *)((char *)__builtin_thread_pointer() + __rseq_offset + 4);
}

static void *thread(void *arg)
{
	long i = (long)arg;

	/* The first access in this thread allocates its block (slow path). */
	long m = dl_mix(i, i + 1, i + 2, i + 3, (double)i * 0.5, (double)i * 0.25);
	tl += (int)i;
	/* Each thread starts from the library's TLS image. */
	long a = dl_tls_add(i), b = dl_tls_add(i);
	long m2 = dl_mix(i, 1, 2, 3, 1.0, 2.0);
	printf("thread %ld: mix=%ld,%ld\n", i, m, m2);
	return (void *)(tl * 1000000L + a * 1000 + b + (cpu_id() == -2 ? 0 : 100000000L));
}

int main(int argc, char **argv)
{
	pthread_t t[4];

	if (argc < 2)
		return 2;
	printf("rseq_size=%u cpu_id=%d getcpu_ok=%d\n", __rseq_size, cpu_id(),
	       sched_getcpu() >= 0);
	void *h = dlopen("/nonexistent/libnothing.so", RTLD_NOW);
	printf("missing: handle=%d dlerror=%d\n", h != NULL, dlerror() != NULL);
	h = dlopen(argv[1], RTLD_NOW);
	if (!h) {
		printf("dlopen %s: %s\n", argv[1], dlerror());
		return 1;
	}
	dl_tls_add = (long (*)(long))dlsym(h, "dl_tls_add");
	dl_mix = (long (*)(long, long, long, long, double, double))dlsym(h, "dl_mix");
	if (!dl_tls_add || !dl_mix)
		return 1;
	long m1 = dl_mix(9, 8, 7, 6, 5.5, 4.5), m2 = dl_mix(1, 2, 3, 4, 5, 6);
	printf("main: mix=%ld,%ld\n", m1, m2);
	long a = dl_tls_add(5), b = dl_tls_add(5);
	printf("main: tls_add=%ld,%ld\n", a, b);
	/* One thread at a time keeps the output order fixed. */
	for (int i = 0; i < 4; i++) {
		pthread_create(&t[i], NULL, thread, (void *)(long)(i + 1));
		void *r;
		pthread_join(t[i], &r);
		printf("thread %d: %ld\n", i, (long)r);
	}
	printf("main tl=%d after=%ld\n", tl, dl_tls_add(0));
	printf("dlclose=%d\n", dlclose(h));
	return 0;
}
