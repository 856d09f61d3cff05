/* The start function the crt1 of rseq-cc programs calls: argc, argv and envp
   from the initial stack, the loader's finaliser from the entry register. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "rt/rt.h"
#include "rtld/ldso.h"

const char *__rt_progname = "";

EXPORT __attribute__((noreturn)) void
__rseq_start_main(int (*main)(int, char **, char **), long *sp, void (*rtld_fini)(void))
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);

	*__rt_environ = argv + argc + 1;
	if (argc && argv[0]) {
		const char *slash = strrchr(argv[0], '/');
		__rt_progname = slash ? slash + 1 : argv[0];
	}
	__rt_set_fini(rtld_fini);
	exit(main(argc, argv, *__rt_environ));
}
