/* _start for the libc-free test programs: include once, in the file that
 * defines main().  It decodes the initial stack, keeps the finaliser the
 * loader passed in %rdx / x0, and exits with main's return value.
 * The finaliser is called only when the program asks (nl_run_fini = 1):
 * glibc's ld.so expects libc to have set things up before it is called. */
#ifndef TESTS_START_H
#define TESTS_START_H
#include "nolibc.h"

int main(int argc, char **argv, char **envp);

static char **nl_envp;
static unsigned long *nl_auxv;
static void (*nl_fini)(void);
static int nl_run_fini;

static __attribute__((unused)) const char *nl_getenv(const char *name)
{
	for (char **e = nl_envp; *e; e++) {
		const char *a = name, *b = *e;
		while (*a && *a == *b)
			a++, b++;
		if (!*a && *b == '=')
			return b + 1;
	}
	return 0;
}

static __attribute__((unused)) unsigned long nl_getauxval(unsigned long type)
{
	for (unsigned long *a = nl_auxv; a[0]; a += 2)
		if (a[0] == type)
			return a[1];
	return 0;
}

static __attribute__((unused, noreturn)) void nl_exit(int code)
{
	if (nl_run_fini && nl_fini)
		nl_fini();
	nl_exit_group(code);
}

static __attribute__((used, noreturn)) void nl_start_c(long *sp, void (*fini)(void))
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **e;
	nl_envp = argv + argc + 1;
	for (e = nl_envp; *e; e++)
		;
	nl_auxv = (unsigned long *)(e + 1);
	nl_fini = fini;
	nl_exit(main(argc, argv, nl_envp));
}

#if defined(__x86_64__)
__asm__(".text\n.globl _start\n.type _start,@function\n_start:\n"
	"\txor %ebp,%ebp\n\tmov %rsp,%rdi\n\tmov %rdx,%rsi\n"
	"\tand $-16,%rsp\n\tcall nl_start_c\n\thlt\n");
#elif defined(__aarch64__)
__asm__(".text\n.globl _start\n.type _start,@function\n_start:\n"
	"\tmov x29,#0\n\tmov x30,#0\n\tmov x1,x0\n\tmov x0,sp\n"
	"\tbl nl_start_c\n\tbrk #0\n");
#endif
#endif
