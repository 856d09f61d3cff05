/* Dynamic TLS models in a library: general-dynamic for an exported
 * variable, local-dynamic for static ones; built once with
 * __tls_get_addr (gnu) and once with TLSDESC (gnu2). */
#include "nolibc.h"
__thread int dyn_data = 21;
static __thread int dyn_loc1 = 22;
static __thread int dyn_loc2;
static __thread char dyn_al[64] __attribute__((aligned(64))) = { 4 };

void dyn_check(void)
{
	say("dyn_data", dyn_data);
	say("dyn_loc", dyn_loc1 + dyn_loc2);
	say("dyn_al[0]", dyn_al[0]);
	say("dyn_al aligned", ((unsigned long)dyn_al & 63) == 0);
	dyn_loc2 += 100;
	say("dyn_loc after write", dyn_loc1 + dyn_loc2);
}

int *dyn_data_addr(void)
{
	return &dyn_data;
}
