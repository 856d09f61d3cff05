/* The return codes of the mutex kinds, timed waits, attributes and join, as
   POSIX and glibc define them. */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static pthread_mutex_t normal = PTHREAD_MUTEX_INITIALIZER, recursive, errorcheck;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;

static const char *name(int e)
{
	switch (e) {
	case 0: return "0";
	case EBUSY: return "EBUSY";
	case EDEADLK: return "EDEADLK";
	case EPERM: return "EPERM";
	case EINVAL: return "EINVAL";
	case ETIMEDOUT: return "ETIMEDOUT";
	case EAGAIN: return "EAGAIN";
	default: return "other";
	}
}
#define SHOW(call) printf("%-58s %s\n", #call, name(call))

/* Run on another thread, while main holds all three mutexes. */
static void *other(void *arg)
{
	(void)arg;
	SHOW(pthread_mutex_trylock(&normal));
	SHOW(pthread_mutex_trylock(&recursive));
	SHOW(pthread_mutex_trylock(&errorcheck));
	SHOW(pthread_mutex_unlock(&recursive));
	SHOW(pthread_mutex_unlock(&errorcheck));
	struct timespec past = { 1, 0 };
	SHOW(pthread_mutex_timedlock(&normal, &past));
	SHOW(pthread_mutex_timedlock(&errorcheck, &past));
	return 0;
}

static void *returns_arg(void *arg)
{
	return arg;
}

int main(void)
{
	pthread_mutexattr_t ma;
	int type = -1;
	SHOW(pthread_mutexattr_init(&ma));
	SHOW(pthread_mutexattr_settype(&ma, 12345));
	SHOW(pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE));
	pthread_mutexattr_gettype(&ma, &type);
	printf("gettype is recursive: %d\n", type == PTHREAD_MUTEX_RECURSIVE);
	SHOW(pthread_mutex_init(&recursive, &ma));
	SHOW(pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ERRORCHECK));
	SHOW(pthread_mutex_init(&errorcheck, &ma));
	pthread_mutexattr_destroy(&ma);

	SHOW(pthread_mutex_lock(&recursive));
	SHOW(pthread_mutex_lock(&recursive));
	SHOW(pthread_mutex_trylock(&recursive));
	SHOW(pthread_mutex_lock(&errorcheck));
	SHOW(pthread_mutex_lock(&errorcheck));
	SHOW(pthread_mutex_trylock(&errorcheck));
	SHOW(pthread_mutex_lock(&normal));
	SHOW(pthread_mutex_trylock(&normal));

	pthread_t t;
	pthread_create(&t, 0, other, 0);
	pthread_join(t, 0);

	/* Waiting on a condition releases a recursive mutex at any depth and
	   restores the depth afterwards. */
	struct timespec soon;
	clock_gettime(CLOCK_REALTIME, &soon);
	soon.tv_nsec += 20 * 1000000;
	if (soon.tv_nsec >= 1000000000) {
		soon.tv_sec++;
		soon.tv_nsec -= 1000000000;
	}
	SHOW(pthread_cond_timedwait(&cond, &recursive, &soon));
	SHOW(pthread_mutex_unlock(&recursive));
	SHOW(pthread_mutex_unlock(&recursive));
	SHOW(pthread_mutex_unlock(&recursive));
	SHOW(pthread_mutex_unlock(&recursive));
	SHOW(pthread_mutex_unlock(&errorcheck));
	SHOW(pthread_mutex_unlock(&errorcheck));
	SHOW(pthread_mutex_unlock(&normal));
	SHOW(pthread_mutex_trylock(&normal));
	SHOW(pthread_mutex_unlock(&normal));

	/* Timed waits against a monotonic clock; deadlines in the past. */
	pthread_condattr_t ca;
	pthread_cond_t mono;
	clockid_t clk = -1;
	SHOW(pthread_condattr_init(&ca));
	SHOW(pthread_condattr_setclock(&ca, CLOCK_MONOTONIC));
	pthread_condattr_getclock(&ca, &clk);
	printf("getclock is monotonic: %d\n", clk == CLOCK_MONOTONIC);
	SHOW(pthread_cond_init(&mono, &ca));
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	now.tv_nsec = (now.tv_nsec + 5000000) % 1000000000;
	now.tv_sec += now.tv_nsec < 5000000;
	pthread_mutex_lock(&normal);
	SHOW(pthread_cond_timedwait(&mono, &normal, &now));
	struct timespec zero = { 0, 0 }, bad = { 0, 1000000000 };
	SHOW(pthread_cond_timedwait(&cond, &normal, &zero));
	SHOW(pthread_cond_timedwait(&cond, &normal, &bad));
	pthread_mutex_unlock(&normal);
	SHOW(pthread_cond_signal(&cond));
	SHOW(pthread_cond_broadcast(&cond));
	SHOW(pthread_cond_destroy(&mono));
	pthread_condattr_destroy(&ca);

	/* Thread attributes. */
	pthread_attr_t a;
	size_t sz = 0;
	int ds = -1;
	SHOW(pthread_attr_init(&a));
	SHOW(pthread_attr_setstacksize(&a, PTHREAD_STACK_MIN - 1));
	SHOW(pthread_attr_setstacksize(&a, 256 * 1024));
	pthread_attr_getstacksize(&a, &sz);
	printf("getstacksize: %zu\n", sz);
	SHOW(pthread_attr_setdetachstate(&a, 77));
	SHOW(pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED));
	pthread_attr_getdetachstate(&a, &ds);
	printf("getdetachstate is detached: %d\n", ds == PTHREAD_CREATE_DETACHED);
	SHOW(pthread_attr_setdetachstate(&a, PTHREAD_CREATE_JOINABLE));

	/* A thread with a small stack, joined for its result. */
	void *res = 0;
	SHOW(pthread_create(&t, &a, returns_arg, (void *)0x1234));
	SHOW(pthread_join(t, &res));
	printf("result: %p\n", res);
	SHOW(pthread_attr_destroy(&a));

	SHOW(pthread_join(pthread_self(), 0));
	printf("pthread_equal(self, self): %d, with another thread: %d\n",
	       pthread_equal(pthread_self(), pthread_self()) != 0, pthread_equal(pthread_self(), t) != 0);

	pthread_key_t k;
	SHOW(pthread_key_create(&k, 0));
	SHOW(pthread_key_delete(k));
	SHOW(pthread_key_delete(k));
	return 0;
}
