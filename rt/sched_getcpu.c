/* sched_getcpu: the rseq area's cpu_id when this thread is registered (a
   plain load), else the vDSO's getcpu (no kernel entry), else the getcpu
   system call. */
#include <errno.h>
#include <sched.h>
#include <asm/unistd.h>
#include "rt/rt.h"
#include "rt/vdso.h"
#include "tcb/tls_internal.h"

typedef long (*getcpu_fn)(unsigned *cpu, unsigned *node, void *cache);

/* Looked up once; the race between threads stores the same value. */
static getcpu_fn vdso_getcpu;
static int vdso_looked_up;

EXPORT int sched_getcpu(void)
{
	unsigned cpu;
	long r;

	if (__tp_ready) {
		int c = (int)__atomic_load_n((uint32_t *)(arch_get_tp() + tls.l.rseq_offset) + 1,
					     __ATOMIC_RELAXED);
		if (c >= 0)
			return c;
	}
	if (!__atomic_load_n(&vdso_looked_up, __ATOMIC_ACQUIRE)) {
		__atomic_store_n(&vdso_getcpu, (getcpu_fn)vdso_lookup("__vdso_getcpu", "LINUX_2.6"),
				 __ATOMIC_RELAXED);
		__atomic_store_n(&vdso_looked_up, 1, __ATOMIC_RELEASE);
	}
	getcpu_fn f = __atomic_load_n(&vdso_getcpu, __ATOMIC_RELAXED);
	r = f ? f(&cpu, NULL, NULL) : __syscall3(__NR_getcpu, (long)&cpu, 0, 0);
	if (r < 0) {
		errno = (int)-r;
		return -1;
	}
	return (int)cpu;
}

/* The out-of-line path of the inline sched_getcpu in <sched.h>. */
EXPORT __attribute__((alias("sched_getcpu"))) int __sched_getcpu(void);
