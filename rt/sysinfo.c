/* getauxval, sysconf and getpagesize: facts about the system, mostly from
   the auxiliary vector the loader parsed at start-up. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/auxv.h>
#include <asm/unistd.h>
#include "auxv/auxv.h"
#include "rt/rt.h"
#include "rtld/ldso.h"

EXPORT unsigned long getauxval(unsigned long type)
{
	if (type < AUXV_MAX && auxv_has(type))
		return auxv_get(type);
	for (uintptr_t *v = __auxv.vec; v && v[0] != AT_NULL; v += 2)
		if (v[0] == type)
			return v[1];
	errno = ENOENT;
	return 0;
}

/* libgcc's aarch64 outline atomics probe the CPU through this name. */
EXPORT __attribute__((alias("getauxval"))) unsigned long __getauxval(unsigned long type);

EXPORT int getpagesize(void)
{
	return auxv_has(AT_PAGESZ) ? (int)auxv_get(AT_PAGESZ) : ARCH_PAGE_MIN;
}

/* CPUs in a list like "0-3,8,10-11" (the format of /sys/devices/system/cpu/...). */
static long count_cpu_list(const char *path)
{
	char buf[1024];
	long fd = __syscall4(__NR_openat, AT_FDCWD, (long)path, O_RDONLY | O_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	long n = __syscall3(__NR_read, fd, (long)buf, sizeof buf - 1);
	__syscall1(__NR_close, fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;

	long count = 0;
	for (char *p = buf; *p >= '0' && *p <= '9';) {
		long lo = 0, hi;
		for (; *p >= '0' && *p <= '9'; p++)
			lo = lo * 10 + (*p - '0');
		hi = lo;
		if (*p == '-')
			for (hi = 0, p++; *p >= '0' && *p <= '9'; p++)
				hi = hi * 10 + (*p - '0');
		count += hi - lo + 1;
		if (*p == ',')
			p++;
	}
	return count > 0 ? count : -1;
}

EXPORT long sysconf(int name)
{
	long n;

	switch (name) {
	case _SC_PAGESIZE:
		return getpagesize();
	case _SC_NPROCESSORS_CONF:
		n = count_cpu_list("/sys/devices/system/cpu/possible");
		return n > 0 ? n : 1;
	case _SC_NPROCESSORS_ONLN:
		n = count_cpu_list("/sys/devices/system/cpu/online");
		return n > 0 ? n : 1;
	default:
		errno = EINVAL;
		return -1;
	}
}
