/* Libc-free program entry for the benchmark programs: the same ELF file must
 * run under ld-rseq, glibc's ld.so, musl's loader and as a static-pie, so it
 * may depend on nothing but the kernel.  x86_64 only, like the benchmark. */
#ifndef BENCH_START_H
#define BENCH_START_H

#define BENCH_SYS_read       0
#define BENCH_SYS_write      1
#define BENCH_SYS_open       2
#define BENCH_SYS_close      3
#define BENCH_SYS_exit_group 231

static inline long bench_syscall3(long n, long a, long b, long c)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c)
			 : "rcx", "r11", "memory");
	return r;
}

__attribute__((noreturn)) static inline void bench_exit(int status)
{
	for (;;)
		bench_syscall3(BENCH_SYS_exit_group, status, 0, 0);
}

/* The kernel (or the loader) enters with %rsp at argc; bench_main gets that
 * pointer with the ABI's 16-byte stack alignment restored. */
__asm__(".text\n"
	".global _start\n"
	".type _start,@function\n"
	"_start:\n"
	"	xor %ebp, %ebp\n"
	"	mov %rsp, %rdi\n"
	"	and $-16, %rsp\n"
	"	call bench_main\n"
	"	hlt\n");

__attribute__((visibility("hidden"), noreturn, used)) void bench_main(long *sp);

#endif
