/* The environment.  The loader stores envp in environ at start-up, before
   it relocates the program, so a copy relocation of environ in the program
   starts out with the same value. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "rtld/ldso.h"

EXPORT char **environ;

EXPORT char *getenv(const char *name)
{
	size_t n = strchrnul(name, '=') - name;

	if (!environ || !n || name[n])
		return NULL;
	for (char **e = environ; *e; e++)
		if (!strncmp(*e, name, n) && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}
