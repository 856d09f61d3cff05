/* Clocks and sleeping. */
#include <errno.h>
#include <time.h>
#include <unistd.h>
#include <asm/unistd.h>
#include "rt/rt.h"
#include "rt/vdso.h"
#include "rtld/ldso.h"

typedef int (*clock_gettime_fn)(clockid_t, struct timespec *);

/* Looked up once; racing threads store the same value. */
static clock_gettime_fn vdso_clock_gettime;
static int vdso_looked_up;

/* The vDSO answers without entering the kernel; it returns -errno. */
EXPORT int clock_gettime(clockid_t clk, struct timespec *ts)
{
	if (!__atomic_load_n(&vdso_looked_up, __ATOMIC_ACQUIRE)) {
		__atomic_store_n(&vdso_clock_gettime,
				 (clock_gettime_fn)vdso_lookup(ARCH_VDSO_CLOCK_GETTIME),
				 __ATOMIC_RELAXED);
		__atomic_store_n(&vdso_looked_up, 1, __ATOMIC_RELEASE);
	}
	clock_gettime_fn f = __atomic_load_n(&vdso_clock_gettime, __ATOMIC_RELAXED);
	long r = f ? f(clk, ts) : __syscall2(__NR_clock_gettime, clk, (long)ts);
	return __rt_syscall_ret(r);
}

EXPORT int clock_getres(clockid_t clk, struct timespec *ts)
{
	return __rt_syscall_ret(__syscall2(__NR_clock_getres, clk, (long)ts));
}

EXPORT time_t time(time_t *t)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	if (t)
		*t = ts.tv_sec;
	return ts.tv_sec;
}

EXPORT int nanosleep(const struct timespec *req, struct timespec *rem)
{
	return __rt_syscall_ret(__syscall2(__NR_nanosleep, (long)req, (long)rem));
}

EXPORT int usleep(useconds_t usec)
{
	struct timespec ts = { usec / 1000000, (long)(usec % 1000000) * 1000 };
	return nanosleep(&ts, NULL);
}

EXPORT unsigned sleep(unsigned sec)
{
	struct timespec ts = { sec, 0 };
	if (nanosleep(&ts, &ts) == 0)
		return 0;
	return (unsigned)ts.tv_sec + (ts.tv_nsec > 0);
}
