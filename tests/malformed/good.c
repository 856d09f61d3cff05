/* The well-formed library (and, with -DPROG, program) every malformed case
 * starts from: code, relocated data, TLS and a dependency. */
#include "nolibc.h"
int leaf(void);
__thread int good_tls = 4;
static int val = 3;
static int *valp = &val;

int good(void)
{
	return *valp + good_tls + leaf();
}
