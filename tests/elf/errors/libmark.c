/* A dependency whose constructor proves code of the program ran. */
#include "nolibc.h"

__attribute__((constructor)) static void mark(void)
{
	put("MARKER library constructor\n");
}

void mark_fn(void)
{
}
