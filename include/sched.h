/* Scheduling: yielding, the current CPU and CPU affinity sets. */
#ifndef _SCHED_H
#define _SCHED_H

#include <features.h>
#include <bits/types.h>

__BEGIN_DECLS

#define CPU_SETSIZE 1024
#define __NCPUBITS (8 * sizeof(unsigned long))

typedef struct {
	unsigned long __bits[CPU_SETSIZE / (8 * sizeof(unsigned long))];
} cpu_set_t;

/* The _S forms take the set's size in bytes; a CPU number outside it is
   ignored by SET/CLR and reads as not set. */
#define __CPU_IN(cpu, size) ((size_t)(cpu) / 8 < (size_t)(size))
#define __CPU_WORD(cpu) ((size_t)(cpu) / __NCPUBITS)
#define __CPU_BIT(cpu) (1UL << ((size_t)(cpu) % __NCPUBITS))

#define CPU_ZERO_S(size, set) ((void)__builtin_memset((set), 0, (size)))
#define CPU_SET_S(cpu, size, set) \
	((void)(__CPU_IN(cpu, size) ? ((set)->__bits[__CPU_WORD(cpu)] |= __CPU_BIT(cpu)) : 0))
#define CPU_CLR_S(cpu, size, set) \
	((void)(__CPU_IN(cpu, size) ? ((set)->__bits[__CPU_WORD(cpu)] &= ~__CPU_BIT(cpu)) : 0))
#define CPU_ISSET_S(cpu, size, set) \
	(__CPU_IN(cpu, size) ? ((set)->__bits[__CPU_WORD(cpu)] & __CPU_BIT(cpu)) != 0 : 0)
#define CPU_COUNT_S(size, set) __sched_cpucount((size), (set))
#define CPU_EQUAL_S(size, a, b) (__builtin_memcmp((a), (b), (size)) == 0)

#define CPU_ZERO(set) CPU_ZERO_S(sizeof(cpu_set_t), set)
#define CPU_SET(cpu, set) CPU_SET_S(cpu, sizeof(cpu_set_t), set)
#define CPU_CLR(cpu, set) CPU_CLR_S(cpu, sizeof(cpu_set_t), set)
#define CPU_ISSET(cpu, set) CPU_ISSET_S(cpu, sizeof(cpu_set_t), set)
#define CPU_COUNT(set) CPU_COUNT_S(sizeof(cpu_set_t), set)
#define CPU_EQUAL(a, b) CPU_EQUAL_S(sizeof(cpu_set_t), a, b)
#define CPU_ALLOC_SIZE(count) \
	((((size_t)(count) + __NCPUBITS - 1) / __NCPUBITS) * sizeof(unsigned long))

int __sched_cpucount(size_t size, const cpu_set_t *set);
int sched_yield(void);
/* The CPU the calling thread runs on: rseq cpu_id when registered. */
int sched_getcpu(void);

/* When optimising, sched_getcpu is one load from the rseq area the loader
   registered for this thread (cpu_id, 4 bytes in); the out-of-line function
   covers the rest (not registered: the vDSO, then the system call). */
#if defined __OPTIMIZE__ && !defined __NO_INLINE__
extern const __PTRDIFF_TYPE__ __rseq_offset;
extern const unsigned int __rseq_size;
int __sched_getcpu(void);
extern __inline __attribute__((__gnu_inline__, __always_inline__)) int sched_getcpu(void)
{
	if (__rseq_size) {
		int __c = *(volatile int *)((char *)__builtin_thread_pointer() + __rseq_offset + 4);
		if (__c >= 0)
			return __c;
	}
	return __sched_getcpu();
}
#endif
int sched_setaffinity(pid_t pid, size_t size, const cpu_set_t *set);
int sched_getaffinity(pid_t pid, size_t size, cpu_set_t *set);

__END_DECLS

#endif
