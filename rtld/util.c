/* Allocation for the loader core: failure is a load error like any other. */
#include "rtld/stage.h"
#include "rtld/util.h"

void *dl_alloc(size_t n)
{
	void *p = calloc(1, n);

	if (!p)
		dl_error("error while loading shared libraries: cannot allocate memory");
	return p;
}

char *dl_strdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(dl_alloc(n), s, n);
}
