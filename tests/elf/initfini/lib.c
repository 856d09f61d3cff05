/* One node of the dependency diamond, named by NAME: DT_INIT, two
 * init_array entries (constructor priorities 101, 102), two fini_array
 * entries and DT_FINI, each printing
 * itself, so the loader's ordering is visible line by line. */
#include "nolibc.h"

static void tell(const char *what)
{
	put(what);
	put(" " NAME "\n");
}

void dt_init_fn(void)
{
	tell("DT_INIT");
}

void dt_fini_fn(void)
{
	tell("DT_FINI");
}

__attribute__((constructor(101))) static void ctor1(void)
{
	tell("ctor101");
}

__attribute__((constructor(102))) static void ctor2(void)
{
	tell("ctor102");
}

__attribute__((destructor(101))) static void dtor1(void)
{
	tell("dtor101");
}

__attribute__((destructor(102))) static void dtor2(void)
{
	tell("dtor102");
}

#ifdef DEPS
DEPS
#endif
