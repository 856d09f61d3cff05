/* Each thread's memory: its own copy of the TLS image (.tdata copied, .tbss
   zeroed) even when it reuses the stack and TLS block of a joined thread,
   its own errno, a usable stack of the requested size, and a guard page
   below the stack.
   Modes: (none) the checks; overflow: a thread recursing without bound must
   die on the guard page (SIGSEGV), not run into other memory. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static __thread int initialised = 5;
static __thread long zeroed;
static __thread char image[64] = "the TLS image of this program";

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int arrived;
#define LIVE 16

/* Returns nonzero when the TLS it starts with is not the pristine image. */
static void *fresh(void *arg)
{
	int bad = initialised != 5 || zeroed != 0 || strcmp(image, "the TLS image of this program");
	initialised = 99;
	zeroed = (long)arg;
	memset(image, 'x', sizeof image);
	return (void *)(long)bad;
}

static void *together(void *arg)
{
	void **where = arg;
	where[0] = &initialised;
	errno = (int)(long)where[1];
	zeroed = (long)where[1];
	pthread_mutex_lock(&lock);
	if (++arrived == LIVE)
		pthread_cond_broadcast(&cond);
	while (arrived < LIVE)
		pthread_cond_wait(&cond, &lock);
	pthread_mutex_unlock(&lock);
	/* Every other thread set its own errno and zeroed meanwhile. */
	return (void *)(long)(errno != (int)(long)where[1] || zeroed != (long)where[1]);
}

static long touch(size_t n)
{
	volatile char buf[n];
	for (size_t i = 0; i < n; i += 512)
		buf[i] = (char)i;
	return buf[n / 2] + buf[0];
}

static void *big_frame(void *arg)
{
	return (void *)touch((size_t)arg);
}

static volatile int depth_limit = 1 << 30; /* far beyond any stack */

static int depth(int n)
{
	volatile char pad[256];
	pad[0] = (char)n;
	if (n == depth_limit)
		return 0;
	return depth(n + 1) + pad[0];
}

static void *recurse(void *arg)
{
	return (void *)(long)depth((int)(long)arg);
}

int main(int argc, char **argv)
{
	pthread_t t[LIVE];
	pthread_attr_t a;
	void *res;
	pthread_attr_init(&a);

	if (argc > 1 && strcmp(argv[1], "overflow") == 0) {
		pthread_attr_setstacksize(&a, 64 * 1024);
		pthread_create(&t[0], &a, recurse, 0);
		pthread_join(t[0], 0);
		printf("recursion ended\n");
		return 0;
	}

	int bad = 0;
	for (long i = 0; i < 300; i++) {
		pthread_create(&t[0], 0, fresh, (void *)(i + 1));
		pthread_join(t[0], &res);
		bad += res != 0;
	}
	printf("300 threads in turn: %d started with a used TLS block\n", bad);
	printf("main's TLS untouched: %d\n",
	       initialised == 5 && zeroed == 0 && !strcmp(image, "the TLS image of this program"));

	void *where[LIVE][2];
	bad = 0;
	for (long i = 0; i < LIVE; i++) {
		where[i][1] = (void *)(i + 1);
		pthread_create(&t[i], 0, together, where[i]);
	}
	for (int i = 0; i < LIVE; i++) {
		pthread_join(t[i], &res);
		bad += res != 0;
	}
	int shared = 0;
	for (int i = 0; i < LIVE; i++)
		for (int j = 0; j < i; j++)
			shared += where[i][0] == where[j][0];
	printf("%d threads at once: %d saw another's errno or TLS, %d shared a TLS address\n", LIVE,
	       bad, shared);

	/* Frames close to the stack size asked for, and to the default. */
	pthread_attr_setstacksize(&a, 512 * 1024);
	int ok = pthread_create(&t[0], &a, big_frame, (void *)(400 * 1024L)) == 0 &&
		 pthread_join(t[0], 0) == 0;
	printf("400 KiB frame on a 512 KiB stack: %s\n", ok ? "ok" : "failed");
	ok = pthread_create(&t[0], 0, big_frame, (void *)(6 * 1024 * 1024L)) == 0 &&
	     pthread_join(t[0], 0) == 0;
	printf("6 MiB frame on the default stack: %s\n", ok ? "ok" : "failed");
	return 0;
}
