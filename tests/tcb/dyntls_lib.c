/* A dlopen'ed library with dynamic TLS (general dynamic: __tls_get_addr, or
   with -mtls-dialect=gnu2 TLS descriptors), or, built with
   -ftls-model=initial-exec, one that needs static TLS.  BIG sets the size
   of a large .tbss array (to overflow the static TLS surplus). */
#include <stdint.h>

#ifndef BIG
#define BIG 8
#endif

__thread int dv = 11;
__thread char dal[64] __attribute__((aligned(64))) = { 3 };
__thread int dbss;
__thread char big[BIG];

int *dyn_v(void) { return &dv; }
char *dyn_al(void) { return dal; }
int *dyn_bss(void) { return &dbss; }
char *dyn_big(void) { return big; }

#if defined __x86_64__
/* The TLS descriptor call must preserve every register but %rax: set the
   integer and SSE registers to known values, make the call, compare.  The
   call is hidden from the compiler, so step over the red zone. */
long tlsdesc_preserves(void)
{
	long bad;

	__asm__ volatile(
		"xorl %%ebx, %%ebx\n\t"
		"leaq -128(%%rsp), %%rsp\n\t"
		"movq $0x1111, %%rcx\n\t" "movq $0x2222, %%rdx\n\t"
		"movq $0x3333, %%rsi\n\t" "movq $0x4444, %%rdi\n\t"
		"movq $0x5555, %%r8\n\t"  "movq $0x6666, %%r9\n\t"
		"movq $0x7777, %%r10\n\t" "movq $0x8888, %%r11\n\t"
		"movq %%rcx, %%xmm0\n\t"  "movq %%rdx, %%xmm1\n\t"
		"movq %%rsi, %%xmm7\n\t"  "movq %%r11, %%xmm15\n\t"
		"leaq dv@tlsdesc(%%rip), %%rax\n\t"
		"call *dv@tlscall(%%rax)\n\t"
		"leaq 128(%%rsp), %%rsp\n\t"
		"cmpq $0x1111, %%rcx\n\t" "jne 1f\n\t"
		"cmpq $0x2222, %%rdx\n\t" "jne 1f\n\t"
		"cmpq $0x3333, %%rsi\n\t" "jne 1f\n\t"
		"cmpq $0x4444, %%rdi\n\t" "jne 1f\n\t"
		"cmpq $0x5555, %%r8\n\t"  "jne 1f\n\t"
		"cmpq $0x6666, %%r9\n\t"  "jne 1f\n\t"
		"cmpq $0x7777, %%r10\n\t" "jne 1f\n\t"
		"cmpq $0x8888, %%r11\n\t" "jne 1f\n\t"
		"movq %%xmm0, %%rcx\n\t"  "cmpq $0x1111, %%rcx\n\t" "jne 1f\n\t"
		"movq %%xmm1, %%rcx\n\t"  "cmpq $0x2222, %%rcx\n\t" "jne 1f\n\t"
		"movq %%xmm7, %%rcx\n\t"  "cmpq $0x3333, %%rcx\n\t" "jne 1f\n\t"
		"movq %%xmm15, %%rcx\n\t" "cmpq $0x8888, %%rcx\n\t" "jne 1f\n\t"
		"addq %%fs:0, %%rax\n\t"  "cmpl $0, (%%rax)\n\t"    "jle 1f\n\t"
		"jmp 2f\n"
		"1: movl $1, %%ebx\n"
		"2:\n\t"
		: "=b"(bad)
		:
		: "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10", "r11",
		  "xmm0", "xmm1", "xmm7", "xmm15", "memory", "cc");
	return bad;
}
#endif
