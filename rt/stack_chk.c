/* The stack protector's failure path, for programs built with
   -fstack-protector (the canary itself is the TCB's stack_guard). */
#include <stdlib.h>
#include "rt/rt.h"
#include "rtld/ldso.h"

EXPORT __attribute__((noreturn)) void __stack_chk_fail(void)
{
	static const char msg[] = "*** stack smashing detected ***: terminated\n";
	__rt_write_all(2, msg, sizeof msg - 1);
	abort();
}
