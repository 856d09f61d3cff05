/* Keep the auxiliary vector by key so every later stage reads it in O(1). */
#include "auxv/auxv.h"

struct auxv_info __auxv;

void auxv_parse(uintptr_t *vec)
{
	__auxv.vec = vec;
	for (; vec[0] != AT_NULL; vec += 2) {
		if (vec[0] >= AUXV_MAX)
			continue;
		__auxv.val[vec[0]] = vec[1];
		__auxv.present |= (uint64_t)1 << vec[0];
	}
}
