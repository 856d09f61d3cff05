/* Prints the rseq state of the initial thread and the environment it was
   given, with no libc of its own: the same source runs under glibc's loader
   (linked with -nostartfiles against libc.so.6) and under ld-rseq (linked
   -nostdlib against the loader).  Output lines:
     rseq_size=N cpu_id=C
     env NAME=value          (one per environment entry) */
#include <stddef.h>
#include <asm/unistd.h>
#include "arch.h"

extern const unsigned int __rseq_size;
extern const ptrdiff_t __rseq_offset;
extern char **environ;

static char buf[1 << 18];
static size_t len;

static void put_str(const char *s)
{
	while (*s && len < sizeof buf - 1)
		buf[len++] = *s++;
}

static void put_num(long v)
{
	char tmp[24];
	int n = 0;
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;

	if (v < 0)
		put_str("-");
	do
		tmp[n++] = '0' + u % 10;
	while (u /= 10);
	while (n) {
		char c[2] = { tmp[--n], 0 };
		put_str(c);
	}
}

__attribute__((noreturn)) void _start(void)
{
	const volatile int *cpu_id =
		(const volatile int *)((char *)__builtin_thread_pointer() + __rseq_offset + 4);

	put_str("rseq_size=");
	put_num(__rseq_size);
	put_str(" cpu_id=");
	put_num(*cpu_id);
	put_str("\n");
	for (char **e = environ; e && *e; e++) {
		put_str("env ");
		put_str(*e);
		put_str("\n");
	}
	__syscall3(__NR_write, 1, (long)buf, (long)len);
	for (;;)
		__syscall1(__NR_exit, 0);
}
