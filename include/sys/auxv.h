/* The auxiliary vector the kernel passed at start-up. */
#ifndef _SYS_AUXV_H
#define _SYS_AUXV_H

#include <features.h>
#include <linux/auxvec.h>

__BEGIN_DECLS
unsigned long getauxval(unsigned long type);
__END_DECLS

#endif
