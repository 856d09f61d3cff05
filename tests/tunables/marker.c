/* A libc-free shared library whose constructor writes MARKER to stdout: the
   secure-mode test sees from the output whether a library was loaded. */
#include <asm/unistd.h>
#include "arch.h"

static void say(void)
{
	static const char m[] = MARKER;

	__syscall3(__NR_write, 1, (long)m, sizeof m - 1);
}

__attribute__((section(".init_array"), used)) static void (*const init)(void) = say;
