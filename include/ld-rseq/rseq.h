/* ld-rseq: fast reads of the calling thread's rseq area, and (x86_64) a
   per-CPU counter critical section.  Works with ld-rseq and with glibc 2.35+
   (both publish __rseq_offset/__rseq_size through <sys/rseq.h>).

   Each reader checks that __rseq_size covers its field, so a program runs
   unchanged on kernels without the field or when rseq is not registered. */
#ifndef _LD_RSEQ_RSEQ_H
#define _LD_RSEQ_RSEQ_H

#include <stdint.h>
#include <sys/rseq.h>

/* Field offsets of the kernel ABI; read by offset because an older
   <linux/rseq.h> may have defined struct rseq without the newer fields. */
#define LDRSEQ_OFF_CPU_ID_START 0
#define LDRSEQ_OFF_CPU_ID       4
#define LDRSEQ_OFF_RSEQ_CS      8
#define LDRSEQ_OFF_NODE_ID      20
#define LDRSEQ_OFF_MM_CID       24

/* The calling thread's area (registered or not). */
static inline struct rseq *ldrseq_area(void)
{
	return (struct rseq *)((char *)__builtin_thread_pointer() + __rseq_offset);
}

static inline int __ldrseq_read(unsigned off)
{
	if (__rseq_size < off + 4)
		return -1;
	return (int)__atomic_load_n((volatile uint32_t *)((char *)ldrseq_area() + off),
				    __ATOMIC_RELAXED);
}

/* The CPU the thread runs on, or -1 when the area is not registered. */
static inline int ldrseq_cpu_id(void)
{
	int c = __ldrseq_read(LDRSEQ_OFF_CPU_ID);
	return c < 0 ? -1 : c;
}

/* The CPU to use for a critical section that will compare it with cpu_id;
   -1 when not registered. */
static inline int ldrseq_cpu_id_start(void)
{
	return __ldrseq_read(LDRSEQ_OFF_CPU_ID_START);
}

/* The NUMA node, or -1 when the kernel does not provide it (before 6.3). */
static inline int ldrseq_node_id(void)
{
	return __ldrseq_read(LDRSEQ_OFF_NODE_ID);
}

/* The concurrency id (dense per-process CPU id), or -1 before Linux 6.3. */
static inline int ldrseq_mm_cid(void)
{
	return __ldrseq_read(LDRSEQ_OFF_MM_CID);
}

#if defined __x86_64__
/* *v += count, atomically with respect to preemption, migration and signals,
   if the thread still runs on `cpu` (from ldrseq_cpu_id_start()).  Returns 0
   when done, -1 when the thread is on another CPU (reread it and retry), 1
   when the kernel aborted the section (retry).  Needs __rseq_size != 0. */
static inline int ldrseq_percpu_add(intptr_t *v, intptr_t count, int cpu)
{
	char *rs = (char *)ldrseq_area();

	__asm__ goto(
		".pushsection __rseq_cs, \"aw\"\n\t"
		".balign 32\n\t"
		"3: .long 0, 0\n\t"                  /* version, flags */
		".quad 1f, 2f - 1f, 4f\n\t"          /* start, length, abort */
		".popsection\n\t"
		"leaq 3b(%%rip), %%rax\n\t"
		"movq %%rax, 8(%[rs])\n\t"           /* rseq_cs = &descriptor */
		"1: cmpl %[cpu], 4(%[rs])\n\t"       /* still on this CPU? */
		"jnz %l[moved]\n\t"
		"movq (%[v]), %%rax\n\t"
		"addq %[count], %%rax\n\t"
		"movq %%rax, (%[v])\n\t"             /* the commit */
		"2:\n\t"
		".pushsection __rseq_failure, \"ax\"\n\t"
		".long %c[sig]\n\t"                  /* checked by the kernel */
		"4: jmp %l[aborted]\n\t"
		".popsection\n\t"
		:
		: [rs] "r"(rs), [cpu] "r"(cpu), [count] "er"(count), [v] "r"(v),
		  [sig] "i"(RSEQ_SIG)
		: "rax", "memory", "cc"
		: moved, aborted);
	return 0;
moved:
	return -1;
aborted:
	return 1;
}
#endif

#endif
