/* Memory allocation, process exit, environment, conversions, sorting. */
#ifndef _STDLIB_H
#define _STDLIB_H

#include <features.h>
#include <bits/types.h>

__BEGIN_DECLS

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1

void *malloc(size_t n);
void *calloc(size_t count, size_t size);
void *realloc(void *p, size_t n);
void free(void *p);
int posix_memalign(void **res, size_t align, size_t n);
void *aligned_alloc(size_t align, size_t n);

__rt_noreturn void exit(int status);
__rt_noreturn void _Exit(int status);
__rt_noreturn void abort(void);
int atexit(void (*fn)(void));
char *getenv(const char *name);

long strtol(const char *s, char **end, int base);
unsigned long strtoul(const char *s, char **end, int base);
long long strtoll(const char *s, char **end, int base);
unsigned long long strtoull(const char *s, char **end, int base);
int atoi(const char *s);
long atol(const char *s);
long long atoll(const char *s);
int abs(int x);
long labs(long x);
long long llabs(long long x);

void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t n, size_t size,
	      int (*cmp)(const void *, const void *));

__END_DECLS

#endif
