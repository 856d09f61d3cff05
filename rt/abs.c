/* Absolute values. */
#include <stdlib.h>
#include "rtld/ldso.h"

EXPORT int abs(int x)
{
	return x < 0 ? -x : x;
}

EXPORT long labs(long x)
{
	return x < 0 ? -x : x;
}

EXPORT long long llabs(long long x)
{
	return x < 0 ? -x : x;
}
