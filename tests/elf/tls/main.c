/* The program's own TLS (local-exec after linker relaxation), a library's
 * TLS through initial-exec, and libraries using dynamic TLS models. */
#include "start.h"
__thread int own_data = 1;
__thread long own_bss;
__thread char own_al[64] __attribute__((aligned(64))) = { 2 };
__thread char own_al_bss[256] __attribute__((aligned(64)));

extern __thread int tie_data __attribute__((tls_model("initial-exec")));
extern __thread int dyn_data __attribute__((tls_model("initial-exec")));
void tie_check(void);
long tie_bss_now(void);
void dyn_check(void);
int *dyn_data_addr(void);

static unsigned long tp_self(void)
{
	unsigned long v;
#if defined(__x86_64__)
	__asm__("mov %%fs:0,%0" : "=r"(v));
#else
	__asm__("mrs %0,tpidr_el0" : "=r"(v));
#endif
	return v;
}

int main(int argc, char **argv, char **envp)
{
	(void)argc, (void)argv, (void)envp;
	say("own_data", own_data);
	say("own_bss", own_bss);
	say("own_al[0]", own_al[0]);
	say("own_al aligned", ((unsigned long)own_al & 63) == 0);
	say("own_al_bss aligned", ((unsigned long)own_al_bss & 63) == 0);
	long z = 0;
	for (int i = 0; i < 256; i++)
		z += own_al_bss[i];
	say("own_al_bss zero", z == 0);
	own_data = 7;
	say("own_data written", own_data);
#if defined(__x86_64__)
	/* Variant II: static TLS below the thread pointer, %fs:0 is itself. */
	unsigned long fsbase = 0;
	nl_syscall3(158 /* arch_prctl */, 0x1003 /* ARCH_GET_FS */, (long)&fsbase, 0);
	say("fs:0 is the thread pointer", tp_self() == fsbase);
	say("own tls below tp", (unsigned long)&own_data < fsbase);
	unsigned long guard;
	__asm__("mov %%fs:0x28,%0" : "=r"(guard));
	say("stack guard set", guard != 0);
#endif
	say("tie_data via IE", tie_data);
	tie_data = 12;
	tie_check();
	say("tie_bss after lib write", tie_bss_now());
	dyn_check();
	say("dyn_data from program", dyn_data);
	say("dyn_data same object", dyn_data_addr() == &dyn_data);
	return 0;
}
