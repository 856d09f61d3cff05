/* The failure path of assert(): glibc's message format, then abort. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include "rt/rt.h"
#include "rtld/ldso.h"

EXPORT void __assert_fail(const char *expr, const char *file, unsigned line, const char *func)
{
	fprintf(*__rt_stderr, "%s%s%s:%u: %s%sAssertion `%s' failed.\n", __rt_progname,
		*__rt_progname ? ": " : "", file, line, func ? func : "", func ? ": " : "",
		expr);
	abort();
}
