/* Process identity, waiting for children and sending signals. */
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <asm/unistd.h>
#include "rt/rt.h"
#include "rtld/ldso.h"

EXPORT pid_t getpid(void)
{
	return (pid_t)__syscall0(__NR_getpid);
}

EXPORT pid_t getppid(void)
{
	return (pid_t)__syscall0(__NR_getppid);
}

EXPORT pid_t gettid(void)
{
	return (pid_t)__syscall0(__NR_gettid);
}

EXPORT pid_t waitpid(pid_t pid, int *status, int options)
{
	return __rt_syscall_ret(__syscall4(__NR_wait4, pid, (long)status, options, 0));
}

EXPORT pid_t wait(int *status)
{
	return waitpid(-1, status, 0);
}

EXPORT int kill(pid_t pid, int sig)
{
	return __rt_syscall_ret(__syscall2(__NR_kill, pid, sig));
}

EXPORT int raise(int sig)
{
	return __rt_syscall_ret(__syscall3(__NR_tgkill, getpid(), gettid(), sig));
}

EXPORT void _exit(int status)
{
	for (;;)
		__syscall1(__NR_exit_group, status);
}

EXPORT void _Exit(int status)
{
	_exit(status);
}
