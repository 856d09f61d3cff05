/* errno, one per thread, and the Linux error numbers. */
#ifndef _ERRNO_H
#define _ERRNO_H

#include <features.h>
#include <asm/errno.h>

#define ENOTSUP EOPNOTSUPP

__BEGIN_DECLS
int *__errno_location(void);
#define errno (*__errno_location())
__END_DECLS

#endif
