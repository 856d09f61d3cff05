/* A library whose constructor checks the registration: constructors run
   after the loader registered rseq and published __rseq_*. */
#include "rseq_check.h"

__thread long dso_tls = 7;

int dso_failures(void)
{
	return rc_failures;
}

__attribute__((constructor)) static void ctor(void)
{
	void *tls[] = { &dso_tls };
	size_t size[] = { sizeof dso_tls };

	rseq_checks("constructor", tls, size, 1, 0);
}
