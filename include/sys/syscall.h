/* System call numbers: __NR_x from the kernel headers, SYS_x generated from
   them at build time. */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H
#include <asm/unistd.h>
#include <bits/syscall.h>
#endif
