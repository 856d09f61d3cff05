/* Recoverable errors for dlopen/dlsym: dl_error() unwinds to the innermost
   dl_recover_begin() instead of ending the process. */
#ifndef RTLD_RECOVER_H
#define RTLD_RECOVER_H

#include <stdarg.h>
#include <stdint.h>
#include "arch.h"

typedef uintptr_t dl_jmp_buf[ARCH_JMP_BUF_WORDS];
__attribute__((returns_twice)) int dl_setjmp(dl_jmp_buf);
__attribute__((noreturn)) void dl_longjmp(dl_jmp_buf, int);

/* The active recovery point; dl* calls hold the loader lock while it is set. */
extern dl_jmp_buf *dl_recover_point;
/* The failed call's message: room for the 38-character start-up prefix that
   dlopen drops and the 255 characters dlerror() keeps (checked in dlfcn.c). */
#define DL_RECOVER_MSG_SIZE (38 + 256)
extern char dl_recover_msg[DL_RECOVER_MSG_SIZE];

static inline int dl_recover_active(void)
{
	return dl_recover_point != 0;
}

__attribute__((noreturn)) void dl_recover_fail(const char *fmt, va_list ap);

#endif
