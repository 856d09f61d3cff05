/* Resident memory at entry: the first thing this libc-free program does is
 * copy the VmRSS, RssAnon and RssFile lines of /proc/self/status to stdout, so
 * the numbers are what the loader (or, as a static-pie, the kernel alone)
 * left resident before any program code ran. */
#include "start.h"

static char buf[4096];

static int starts_with(const char *s, const char *p)
{
	while (*p)
		if (*s++ != *p++)
			return 0;
	return 1;
}

void bench_main(long *sp)
{
	(void)sp;
	long fd = bench_syscall3(BENCH_SYS_open, (long)"/proc/self/status", 0, 0);
	if (fd < 0)
		bench_exit(1);
	long len = 0, n;
	while (len < (long)sizeof(buf) &&
	       (n = bench_syscall3(BENCH_SYS_read, fd, (long)(buf + len), sizeof(buf) - len)) > 0)
		len += n;
	bench_syscall3(BENCH_SYS_close, fd, 0, 0);
	int found = 0;
	for (long i = 0; i < len;) {
		long e = i;
		while (e < len && buf[e] != '\n')
			e++;
		if (starts_with(buf + i, "VmRSS:") || starts_with(buf + i, "RssAnon:") ||
		    starts_with(buf + i, "RssFile:")) {
			bench_syscall3(BENCH_SYS_write, 1, (long)(buf + i), e + 1 - i);
			found++;
		}
		i = e + 1;
	}
	bench_exit(found == 3 ? 0 : 1);
}
