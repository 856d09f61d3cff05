/* The environment.  The loader stores envp in environ at start-up, before
   it relocates the program, so a copy relocation of environ in the program
   starts out with the same value; from then on the program's copy is the
   one it assigns (__rt_environ). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "rt/rt.h"
#include "rtld/ldso.h"

EXPORT char **environ;

EXPORT char *getenv(const char *name)
{
	size_t n = strchrnul(name, '=') - name;

	char **env = *__rt_environ;

	if (!env || !n || name[n])
		return NULL;
	for (char **e = env; *e; e++)
		if (!strncmp(*e, name, n) && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}
