/* aarch64: what the generic loader and runtime need to know about the machine. */
#ifndef ARCH_H
#define ARCH_H

#include <stdint.h>

#define ARCH_NAME        "aarch64"
#define ARCH_ELF_MACHINE 183 /* EM_AARCH64 */
/* TLS variant I: tpidr_el0 points at a 16-byte TCB (DTV pointer, reserved)
   and the static TLS blocks follow it upwards. */
#define ARCH_TLS_VARIANT 1
/* The signature word the kernel checks before an rseq abort handler:
   brk #0x45e0, so a stray jump into it traps. */
#define ARCH_RSEQ_SIG    0xd428bc00u
/* 4 KiB is the smallest granule; kernels with 16 or 64 KiB pages report
   theirs in AT_PAGESZ. */
#define ARCH_PAGE_MIN    4096
/* The vDSO's clock_gettime: name and version, for vdso_lookup(). */
#define ARCH_VDSO_CLOCK_GETTIME "__kernel_clock_gettime", "LINUX_2.6.39"
/* What $LIB expands to (Debian multiarch). */
#define ARCH_LIB_DIR_NAME "lib/aarch64-linux-gnu"
#define ARCH_GLIBC_LDSO "/lib/ld-linux-aarch64.so.1"
/* Default search directories, after LD_LIBRARY_PATH and the run paths. */
#define ARCH_DEFAULT_LIB_PATH \
	"/lib/aarch64-linux-gnu:/usr/lib/aarch64-linux-gnu:/lib64:/usr/lib64:/lib:/usr/lib"
/* Words of dl_jmp_buf that setjmp.S fills: x19-x30, sp, d8-d15. */
#define ARCH_JMP_BUF_WORDS 22

/* System calls: number in x8, arguments in x0-x5, result (or -errno) in x0.
   svc preserves every other register. */
#define ARCH_SYSCALL_ASM(...) \
	__asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), ##__VA_ARGS__ : "memory")

static inline long __syscall0(long n)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0");
	__asm__ volatile("svc #0" : "=r"(x0) : "r"(x8) : "memory");
	return x0;
}

static inline long __syscall1(long n, long a)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	ARCH_SYSCALL_ASM();
	return x0;
}

static inline long __syscall2(long n, long a, long b)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	ARCH_SYSCALL_ASM("r"(x1));
	return x0;
}

static inline long __syscall3(long n, long a, long b, long c)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;
	ARCH_SYSCALL_ASM("r"(x1), "r"(x2));
	return x0;
}

static inline long __syscall4(long n, long a, long b, long c, long d)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;
	register long x3 __asm__("x3") = d;
	ARCH_SYSCALL_ASM("r"(x1), "r"(x2), "r"(x3));
	return x0;
}

static inline long __syscall5(long n, long a, long b, long c, long d, long e)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;
	register long x3 __asm__("x3") = d;
	register long x4 __asm__("x4") = e;
	ARCH_SYSCALL_ASM("r"(x1), "r"(x2), "r"(x3), "r"(x4));
	return x0;
}

static inline long __syscall6(long n, long a, long b, long c, long d, long e, long f)
{
	register long x8 __asm__("x8") = n;
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;
	register long x3 __asm__("x3") = d;
	register long x4 __asm__("x4") = e;
	register long x5 __asm__("x5") = f;
	ARCH_SYSCALL_ASM("r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5));
	return x0;
}

/* The thread pointer: tpidr_el0, readable from user space without a system
   call.  volatile: the value changes when arch_set_tp runs, and the compiler
   must not reuse a read from before it. */
static inline uintptr_t arch_get_tp(void)
{
	uintptr_t tp;
	__asm__ volatile("mrs %0, tpidr_el0" : "=r"(tp));
	return tp;
}

long arch_set_tp(uintptr_t tp);

#endif
