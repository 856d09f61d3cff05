/* Initial-exec TLS in a library (TPOFF64, DF_STATIC_TLS): .tdata, .tbss
 * and 64-byte aligned blocks of both kinds. */
#include "nolibc.h"
__thread int tie_data = 11;
__thread long tie_bss;
__thread char tie_al[64] __attribute__((aligned(64))) = { 3 };
__thread char tie_al_bss[128] __attribute__((aligned(64)));

void tie_check(void)
{
	say("tie_data", tie_data);
	say("tie_bss", tie_bss);
	say("tie_al[0]", tie_al[0]);
	say("tie_al aligned", ((unsigned long)tie_al & 63) == 0);
	say("tie_al_bss aligned", ((unsigned long)tie_al_bss & 63) == 0);
	long z = 0;
	for (int i = 0; i < 128; i++)
		z += tie_al_bss[i];
	say("tie_al_bss zero", z == 0);
	tie_bss += 5;
	tie_al_bss[127] = 1;
}

long tie_bss_now(void)
{
	return tie_bss + tie_al_bss[127];
}
