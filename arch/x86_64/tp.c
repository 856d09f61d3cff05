/* Setting the thread pointer on x86_64 takes a system call. */
#include <asm/prctl.h>
#include <asm/unistd.h>
#include "arch.h"

long arch_set_tp(uintptr_t tp)
{
	return __syscall2(__NR_arch_prctl, ARCH_SET_FS, (long)tp);
}
