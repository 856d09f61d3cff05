/* The executable of the init/fini test: preinit_array, DT_INIT,
 * init_array, fini_array and DT_FINI of its own, calls into the diamond, then exits through the
 * finaliser the loader passed at entry when asked to (argv[1] == "fini"). */
#include "start.h"

void a_fn(void);
void b_fn(void);

static void tell(const char *what)
{
	put(what);
	put(" prog\n");
}

static void pre(void)
{
	tell("preinit_array");
}
__attribute__((section(".preinit_array"), used)) static void (*pre_p)(void) = pre;

void prog_dt_init(void)
{
	tell("DT_INIT");
}

void prog_dt_fini(void)
{
	tell("DT_FINI");
}

__attribute__((constructor)) static void ctor(void)
{
	tell("init_array");
}

__attribute__((destructor)) static void dtor(void)
{
	tell("fini_array");
}

int main(int argc, char **argv, char **envp)
{
	(void)envp;
	tell("main");
	a_fn();
	b_fn();
	nl_run_fini = argc > 1 && nl_streq(argv[1], "fini");
	say("finaliser passed", nl_fini != 0);
	return 0;
}
