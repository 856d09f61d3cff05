/* The loader is linked -Bsymbolic, so its own references to the variables
   it exports stay on its definitions.  When the program has a COPY
   relocation for one, the program reads and assigns its copy instead; the
   runtime reads the variables a program may assign (environ = ...,
   stdout = ...) through these pointers, which follow the copy. */
#include <stdio.h>
#include "rt/rt.h"

extern char **environ;

char ***__rt_environ = &environ;
FILE **__rt_stdout = &stdout, **__rt_stderr = &stderr;

void __rt_copied(const void *from, void *to)
{
	if (from == &environ)
		__rt_environ = to;
	else if (from == &stdout)
		__rt_stdout = to;
	else if (from == &stderr)
		__rt_stderr = to;
}
