/* Thread creation attributes: stack size, guard size, detach state. */
#include <errno.h>
#include "rt/pthread_impl.h"
#include "rtld/ldso.h"

EXPORT int pthread_attr_init(pthread_attr_t *attr)
{
	*attr = (pthread_attr_t){ .__stacksize = THREAD_DEFAULT_STACK,
				  .__guardsize = ARCH_PAGE_MIN,
				  .__detachstate = PTHREAD_CREATE_JOINABLE };
	return 0;
}

EXPORT int pthread_attr_destroy(pthread_attr_t *attr)
{
	(void)attr;
	return 0;
}

EXPORT int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size)
{
	if (size < PTHREAD_STACK_MIN)
		return EINVAL;
	attr->__stacksize = size;
	return 0;
}

EXPORT int pthread_attr_getstacksize(const pthread_attr_t *attr, size_t *size)
{
	*size = attr->__stacksize;
	return 0;
}

EXPORT int pthread_attr_setguardsize(pthread_attr_t *attr, size_t size)
{
	attr->__guardsize = size;
	return 0;
}

EXPORT int pthread_attr_getguardsize(const pthread_attr_t *attr, size_t *size)
{
	*size = attr->__guardsize;
	return 0;
}

EXPORT int pthread_attr_setdetachstate(pthread_attr_t *attr, int state)
{
	if (state != PTHREAD_CREATE_JOINABLE && state != PTHREAD_CREATE_DETACHED)
		return EINVAL;
	attr->__detachstate = state;
	return 0;
}

EXPORT int pthread_attr_getdetachstate(const pthread_attr_t *attr, int *state)
{
	*state = attr->__detachstate;
	return 0;
}
