/* For the glibc side of the comparison only: glibc's ld.so (2.35+) cannot
   run a program without libc.so.6, from which it takes malloc, its own
   locks and an early initialiser (looked up by name and version in the
   object whose soname is libc.so.6).  This stub, named so, gives it those
   and nothing else: a bump allocator and no-op locks for a single thread.
   The program's own code never calls it. */
#include <stddef.h>

static char arena[1 << 20] __attribute__((aligned(16)));
static size_t used;

void *malloc(size_t n)
{
	void *p;

	n = (n + 15) & ~(size_t)15;
	if (n > sizeof arena - used)
		return 0;
	p = arena + used;
	used += n;
	return p;
}

void *calloc(size_t a, size_t b)
{
	return a && b > (size_t)-1 / a ? 0 : malloc(a * b); /* arena is zeroed */
}

void free(void *p)
{
	(void)p;
}

void *realloc(void *p, size_t n)
{
	char *q = malloc(n), *s = p;

	for (size_t i = 0; q && s && i < n && s + i < arena + used - n; i++)
		q[i] = s[i];
	return q;
}

int pthread_mutex_lock(void *m)
{
	(void)m;
	return 0;
}

int pthread_mutex_unlock(void *m)
{
	(void)m;
	return 0;
}

void __libc_early_init(_Bool initial)
{
	(void)initial;
}
