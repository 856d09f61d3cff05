/* x86_64: what the generic loader and runtime need to know about the machine. */
#ifndef ARCH_H
#define ARCH_H

#include <stdint.h>

#define ARCH_NAME        "x86_64"
#define ARCH_ELF_MACHINE 62 /* EM_X86_64 */
/* TLS variant II: static TLS blocks lie below the thread pointer, which points
   at the TCB itself (%fs:0 holds its own address). */
#define ARCH_TLS_VARIANT 2
/* The signature word the kernel checks before an rseq abort handler. */
#define ARCH_RSEQ_SIG    0x53053053u
#define ARCH_PAGE_MIN    4096
/* The vDSO's clock_gettime: name and version, for vdso_lookup(). */
#define ARCH_VDSO_CLOCK_GETTIME "__vdso_clock_gettime", "LINUX_2.6"
/* Default search directories, after LD_LIBRARY_PATH and the run paths. */
/* What $LIB expands to (Debian multiarch). */
#define ARCH_LIB_DIR_NAME "lib/x86_64-linux-gnu"
#define ARCH_GLIBC_LDSO "/lib64/ld-linux-x86-64.so.2"
#define ARCH_DEFAULT_LIB_PATH \
	"/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu:/lib64:/usr/lib64:/lib:/usr/lib"
/* Words of dl_jmp_buf that setjmp.S fills: rbx, rbp, r12-r15, rsp, rip. */
#define ARCH_JMP_BUF_WORDS 8

static inline long __syscall0(long n)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(n) : "rcx", "r11", "memory");
	return r;
}

static inline long __syscall1(long n, long a)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a) : "rcx", "r11", "memory");
	return r;
}

static inline long __syscall2(long n, long a, long b)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b)
			 : "rcx", "r11", "memory");
	return r;
}

static inline long __syscall3(long n, long a, long b, long c)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c)
			 : "rcx", "r11", "memory");
	return r;
}

static inline long __syscall4(long n, long a, long b, long c, long d)
{
	long r;
	register long r10 __asm__("r10") = d;
	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10)
			 : "rcx", "r11", "memory");
	return r;
}

static inline long __syscall5(long n, long a, long b, long c, long d, long e)
{
	long r;
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10),
			 "r"(r8) : "rcx", "r11", "memory");
	return r;
}

static inline long __syscall6(long n, long a, long b, long c, long d, long e, long f)
{
	long r;
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;
	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10),
			 "r"(r8), "r"(r9) : "rcx", "r11", "memory");
	return r;
}

/* The thread pointer: %fs base.  %fs:0 holds its own value (the TCB self
   pointer), so reading it needs no system call. */
static inline uintptr_t arch_get_tp(void)
{
	uintptr_t tp;
	__asm__("mov %%fs:0, %0" : "=r"(tp));
	return tp;
}

long arch_set_tp(uintptr_t tp);

#endif
