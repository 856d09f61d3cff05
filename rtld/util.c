/* Allocation for the loader core.  It calls the runtime's allocator by its
   internal names: the exported malloc/free may be interposed (by the
   program, or by valgrind), and what the loader allocates it must free
   itself. */
#include "rtld/stage.h"
#include "rtld/util.h"
#include "rt/rt.h"

void *dl_alloc(size_t n)
{
	void *p = __rt_calloc(1, n);

	if (!p)
		dl_error("error while loading shared libraries: cannot allocate memory");
	return p;
}

void *dl_try_alloc(size_t n)
{
	return __rt_malloc(n);
}

void dl_free(void *p)
{
	__rt_free(p);
}

char *dl_strdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(dl_alloc(n), s, n);
}
