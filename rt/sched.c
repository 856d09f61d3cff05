/* sched_yield and CPU affinity (sched_getcpu lives in rt/sched_getcpu.c). */
#include <sched.h>
#include <asm/unistd.h>
#include "rt/rt.h"
#include "rtld/ldso.h"

EXPORT int sched_yield(void)
{
	return (int)__rt_syscall_ret(__syscall0(__NR_sched_yield));
}

EXPORT int sched_setaffinity(pid_t pid, size_t size, const cpu_set_t *set)
{
	return (int)__rt_syscall_ret(__syscall3(__NR_sched_setaffinity, pid, (long)size,
						(long)set));
}

/* The kernel fills only as many bytes as its own CPU mask has; the rest of
   the caller's set must read as "not set". */
EXPORT int sched_getaffinity(pid_t pid, size_t size, cpu_set_t *set)
{
	long r = __syscall3(__NR_sched_getaffinity, pid, (long)size, (long)set);
	if (r < 0)
		return (int)__rt_syscall_ret(r);
	__builtin_memset((char *)set + r, 0, size - (size_t)r);
	return 0;
}

EXPORT int __sched_cpucount(size_t size, const cpu_set_t *set)
{
	int n = 0;
	for (size_t i = 0; i < size / sizeof(unsigned long); i++)
		n += __builtin_popcountl(set->__bits[i]);
	return n;
}
