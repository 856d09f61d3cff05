/* errno: per thread once the thread pointer is set, a static before that
   (the loader's own start-up runs single-threaded). */
#include <errno.h>
#include "rt/rt.h"
#include "rtld/ldso.h"

int __tp_ready;
static int early_errno;

EXPORT int *__errno_location(void)
{
	return __tp_ready ? &__rt_self()->errno_val : &early_errno;
}

long __rt_syscall_ret(long r)
{
	if (r < 0 && r > -4096) {
		errno = (int)-r;
		return -1;
	}
	return r;
}
