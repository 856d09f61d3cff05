/* printf to a file descriptor, unbuffered beyond one call.  Writes go
   straight to the kernel and leave errno alone, so the loader can use this
   before the thread pointer is set. */
#include <limits.h>
#include <stdio.h>
#include <asm/unistd.h>
#include <linux/errno.h>
#include "arch.h"
#include "rt/format.h"
#include "rtld/ldso.h"

/* Writes all of buf; returns 0 or -errno. */
int __rt_write_all(int fd, const char *buf, size_t n)
{
	while (n) {
		long r = __syscall3(__NR_write, fd, (long)buf, (long)n);
		if (r == -EINTR)
			continue;
		if (r < 0)
			return r;
		buf += r;
		n -= r;
	}
	return 0;
}

static void fd_flush(struct sink *s)
{
	if (!s->err)
		s->err = __rt_write_all((int)(long)s->ctx, s->buf, s->pos);
	s->pos = 0;
}

EXPORT int vdprintf(int fd, const char *fmt, va_list ap)
{
	char buf[512];
	struct sink s = { .buf = buf, .cap = sizeof buf, .flush = fd_flush,
			  .ctx = (void *)(long)fd };

	__rt_format(&s, fmt, ap);
	fd_flush(&s);
	if (s.err || s.total > INT_MAX)
		return -1;
	return (int)s.total;
}

EXPORT int dprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vdprintf(fd, fmt, ap);
	va_end(ap);
	return r;
}
