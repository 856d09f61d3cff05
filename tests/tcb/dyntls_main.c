/* Dynamic TLS through dlopen, same source under glibc and ld-rseq:
   per-thread copies of a dlopen'ed library's TLS (images, .tbss zeroed,
   64-byte alignment), allocated lazily in threads that existed before the
   dlopen and in new ones; TLS descriptors preserving registers; many
   modules (the DTV grows); dlclose then dlopen again gives fresh blocks;
   an initial-exec library placed in the static TLS surplus (above the rseq
   area), and one too large for it refused.
   argv: DIR (the libraries), BIGIE_OK (1 when the surplus tunable makes
   room for libbigie.so). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/rseq.h>

#define NMODS 24
#define NTHREADS 8

static int failures;
#define CHECK(name, cond, ...) do { \
	if (cond) printf("PASS: %s\n", name); \
	else { printf("FAIL: %s: ", name); printf(__VA_ARGS__); printf("\n"); failures++; } \
	fflush(stdout); \
} while (0)

typedef int *(*intf)(void);
typedef char *(*charf)(void);
typedef long (*longf)(void);

struct lib {
	void *h;
	intf v, bss;
	charf al;
	longf preserves;
};

static int open_lib(struct lib *l, const char *path)
{
	l->h = dlopen(path, RTLD_NOW);
	if (!l->h)
		return -1;
	l->v = (intf)dlsym(l->h, "dyn_v");
	l->bss = (intf)dlsym(l->h, "dyn_bss");
	l->al = (charf)dlsym(l->h, "dyn_al");
	l->preserves = (longf)dlsym(l->h, "tlsdesc_preserves");
	return l->v && l->bss && l->al ? 0 : -1;
}

static struct lib gd, desc, mods[NMODS], ie;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int opened, arrived, checked;

/* One thread's view of a library: fresh copy, its own address. */
static int fresh(struct lib *l, int tag, int **addr)
{
	int *v = l->v();
	int ok = *v == 11 && *l->bss() == 0 && l->al()[0] == 3 && (uintptr_t)l->al() % 64 == 0;
	*v = tag;
	*addr = v;
	return ok;
}

static void *worker(void *arg)
{
	long me = (long)arg, ok = 1;
	int *a1, *a2;
	static int *seen[NTHREADS];

	/* Started before the dlopen: the DTV must catch up. */
	pthread_mutex_lock(&mu);
	while (!opened)
		pthread_cond_wait(&cv, &mu);
	pthread_mutex_unlock(&mu);
	if (desc.preserves)
		ok &= desc.preserves() == 0 && desc.preserves() == 0;
	ok &= fresh(&gd, 100 + me, &a1) && fresh(&desc, 200 + me, &a2);
	for (int i = 0; i < NMODS; i++) {
		int *x;
		ok &= fresh(&mods[i], 1000 + i, &x);
	}
	ok &= *gd.v() == 100 + me && *desc.v() == 200 + me;
	for (int i = 0; i < NMODS; i++)
		ok &= *mods[i].v() == 1000 + i;
	seen[me] = a1;
	/* Compare only once every thread has its block: a thread that exited
	   has freed its blocks, and malloc may hand the address to another. */
	pthread_mutex_lock(&mu);
	arrived++;
	pthread_cond_broadcast(&cv);
	while (arrived < NTHREADS)
		pthread_cond_wait(&cv, &mu);
	pthread_mutex_unlock(&mu);
	for (int j = 0; j < NTHREADS; j++)
		ok &= j == me || seen[j] != a1;
	pthread_mutex_lock(&mu);
	checked++;
	pthread_cond_broadcast(&cv);
	while (checked < NTHREADS)
		pthread_cond_wait(&cv, &mu);
	pthread_mutex_unlock(&mu);
	return (void *)ok;
}

static void *ie_value(void *arg)
{
	(void)arg;
	return ie.v();
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : ".";
	int bigie_ok = argc > 2 && atoi(argv[2]);
	char path[4096];
	pthread_t t[NTHREADS];
	int *addr;

	for (long i = 0; i < NTHREADS; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);

	snprintf(path, sizeof path, "%s/libgd.so", dir);
	CHECK("dlopen general-dynamic library", open_lib(&gd, path) == 0, "%s", dlerror());
	snprintf(path, sizeof path, "%s/libdesc.so", dir);
	CHECK("dlopen TLS-descriptor library", open_lib(&desc, path) == 0, "%s", dlerror());
	if (!gd.h || !desc.h)
		return 1;
	for (int i = 0; i < NMODS; i++) {
		snprintf(path, sizeof path, "%s/libm%d.so", dir, i);
		if (open_lib(&mods[i], path)) {
			CHECK("dlopen many TLS modules", 0, "%s: %s", path, dlerror());
			return 1;
		}
	}
	CHECK("main thread: fresh copy, .tbss zero, 64-aligned", fresh(&gd, 1, &addr) &&
	      fresh(&desc, 2, &addr), "values %d %d", *gd.v(), *desc.v());
#if defined __x86_64__
	CHECK("TLS descriptor call preserves registers (first and later call)",
	      desc.preserves && desc.preserves() == 0 && desc.preserves() == 0, "clobbered");
#endif
	pthread_mutex_lock(&mu);
	opened = 1;
	pthread_cond_broadcast(&cv);
	pthread_mutex_unlock(&mu);
	int all = 1;
	for (int i = 0; i < NTHREADS; i++) {
		void *r;
		pthread_join(t[i], &r);
		all &= r != NULL;
	}
	CHECK("threads from before the dlopen: own copies of 26 modules", all, "a thread saw wrong TLS");
	CHECK("main thread's values untouched by the threads", *gd.v() == 1 && *desc.v() == 2,
	      "%d %d", *gd.v(), *desc.v());

	/* dlclose, dlopen: a new block with the image again. */
	dlclose(mods[3].h);
	dlclose(gd.h);
	snprintf(path, sizeof path, "%s/libgd.so", dir);
	CHECK("dlopen after dlclose", open_lib(&gd, path) == 0, "%s", dlerror());
	CHECK("fresh block after dlclose and dlopen", *gd.v() == 11, "%d", *gd.v());
	snprintf(path, sizeof path, "%s/libm3.so", dir);
	CHECK("module id reused after dlclose", open_lib(&mods[3], path) == 0 && *mods[3].v() == 11,
	      "%s", dlerror());

	/* Initial-exec TLS in a dlopen'ed library: static TLS surplus. */
	snprintf(path, sizeof path, "%s/libie.so", dir);
	CHECK("dlopen initial-exec library (static TLS surplus)", open_lib(&ie, path) == 0, "%s",
	      dlerror());
	if (ie.h) {
		char *area = (char *)__builtin_thread_pointer() + __rseq_offset;
		CHECK("initial-exec block initialised", *ie.v() == 11 && ie.al()[0] == 3 &&
		      (uintptr_t)ie.al() % 64 == 0, "%d", *ie.v());
		if (__rseq_size && getenv("RSEQ_BELOW_STATIC"))
			CHECK("rseq area below the dlopen'ed static block",
			      area + 32 <= (char *)ie.v() && area + 32 <= ie.al(),
			      "area %p, block %p", (void *)area, (void *)ie.v());
		pthread_t t2;
		void *r;
		pthread_create(&t2, NULL, ie_value, NULL);
		pthread_join(t2, &r);
		CHECK("initial-exec block in a new thread", r && *(int *)r == 11 && r != ie.v(),
		      "%p", r);
	}
	struct lib big;
	snprintf(path, sizeof path, "%s/libbigie.so", dir);
	int rc = open_lib(&big, path);
	const char *err = rc ? dlerror() : "";
	if (bigie_ok)
		CHECK("initial-exec library fits a larger optional_static_tls", rc == 0, "%s", err);
	else
		CHECK("initial-exec library larger than the surplus refused",
		      rc != 0 && err && strstr(err, "static TLS"), "%s", err ? err : "opened");
	return failures != 0;
}
