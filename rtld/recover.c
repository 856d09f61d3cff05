/* Unwinding a failed dl* call back to its entry point. */
#include "rtld/recover.h"

#include <stdio.h>

dl_jmp_buf *dl_recover_point;
char dl_recover_msg[DL_RECOVER_MSG_SIZE];

void dl_recover_fail(const char *fmt, va_list ap)
{
	vsnprintf(dl_recover_msg, sizeof dl_recover_msg, fmt, ap);
	dl_longjmp(*dl_recover_point, 1);
}
