/* Setting the thread pointer on aarch64 is one user-mode instruction.  The
   first thread pointer set is the main thread's, whose descriptor then holds
   the stack-protector guard: aarch64 code reads that guard from a global
   (GCC's -mstack-protector-guard=global), so it is published here. */
#include "arch.h"
#include "rtld/ldso.h"
#include "tcb/tcb.h"

/* In RELRO: final before any object is relocated (a non-PIE program may
   COPY it), read-only with the loader's RELRO. */
EXPORT __attribute__((section(".data.rel.ro"))) uintptr_t __stack_chk_guard;

long arch_set_tp(uintptr_t tp)
{
	__asm__ volatile("msr tpidr_el0, %0" : : "r"(tp) : "memory");
	if (!__stack_chk_guard)
		__stack_chk_guard = ((struct tcb *)tp - 1)->stack_guard;
	return 0;
}
