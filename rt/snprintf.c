/* printf into memory.  No thread-local state: the loader formats its own
   messages with vsnprintf before the thread pointer is set. */
#include <limits.h>
#include <stdio.h>
#include "rt/format.h"
#include "rtld/ldso.h"

EXPORT int vsnprintf(char *buf, size_t n, const char *fmt, va_list ap)
{
	char dummy;
	struct sink s = { .buf = n ? buf : &dummy, .cap = n ? n - 1 : 0 };

	__rt_format(&s, fmt, ap);
	if (n)
		buf[s.pos] = 0;
	return s.total > INT_MAX ? -1 : (int)s.total;
}

EXPORT int snprintf(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return r;
}

EXPORT int vsprintf(char *buf, const char *fmt, va_list ap)
{
	return vsnprintf(buf, INT_MAX, fmt, ap);
}

EXPORT int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vsnprintf(buf, INT_MAX, fmt, ap);
	va_end(ap);
	return r;
}
