/* syscall(): the generic system call entry, with errno on failure. */
#include <stdarg.h>
#include <unistd.h>
#include "rt/rt.h"
#include "rtld/ldso.h"

EXPORT long syscall(long nr, ...)
{
	va_list ap;
	long a[6];

	/* Every system call takes at most six word-sized arguments; reading
	   unused ones from the variadic area is harmless on the 64-bit ABIs. */
	va_start(ap, nr);
	for (int i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	return __rt_syscall_ret(__syscall6(nr, a[0], a[1], a[2], a[3], a[4], a[5]));
}
