/* Thread identity: a pthread_t is the thread's descriptor address. */
#include "rt/pthread_impl.h"
#include "rtld/ldso.h"

EXPORT pthread_t pthread_self(void)
{
	return (pthread_t)__rt_self();
}

EXPORT int pthread_equal(pthread_t a, pthread_t b)
{
	return a == b;
}
