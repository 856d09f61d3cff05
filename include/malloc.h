/* Allocator extensions. */
#ifndef _MALLOC_H
#define _MALLOC_H

#include <stdlib.h>

__BEGIN_DECLS
size_t malloc_usable_size(void *p);
__END_DECLS

#endif
