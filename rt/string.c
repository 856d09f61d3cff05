/* Memory and string functions, including the ones GCC emits calls to by
   itself (memcpy, memmove, memset, memcmp).  This file is built with
   -fno-tree-loop-distribute-patterns (rt/module.mk) so GCC cannot turn these
   loops back into calls to themselves.  The bulk functions move a word at a
   time (rt/word.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "rt/word.h"
#include "rtld/ldso.h"

/* Forward copy; memmove uses it for overlapping ranges whose destination
   lies below the source, so it must not assume the ranges are disjoint. */
static void copy_fwd(unsigned char *dp, const unsigned char *sp, size_t n)
{
	if (n >= WS) {
		/* The last word covers the bytes the word loops leave; it is read
		   before any store, which may overwrite it when moving. */
		uint64_t last = *(const uword *)(sp + n - WS);
		unsigned char *end = dp + n - WS;
		for (; n >= 4 * WS; n -= 4 * WS, dp += 4 * WS, sp += 4 * WS) {
			uint64_t a = ((const uword *)sp)[0], b = ((const uword *)sp)[1];
			uint64_t c = ((const uword *)sp)[2], e = ((const uword *)sp)[3];
			((uword *)dp)[0] = a;
			((uword *)dp)[1] = b;
			((uword *)dp)[2] = c;
			((uword *)dp)[3] = e;
		}
		for (; n >= WS; n -= WS, dp += WS, sp += WS)
			*(uword *)dp = *(const uword *)sp;
		*(uword *)end = last;
		return;
	}
	while (n--)
		*dp++ = *sp++;
}

EXPORT void *memcpy(void *restrict d, const void *restrict s, size_t n)
{
	copy_fwd(d, s, n);
	return d;
}

EXPORT void *mempcpy(void *restrict d, const void *restrict s, size_t n)
{
	return (char *)memcpy(d, s, n) + n;
}

EXPORT void *memmove(void *d, const void *s, size_t n)
{
	unsigned char *dp = d;
	const unsigned char *sp = s;

	/* A forward copy is safe unless the destination starts inside the source. */
	if ((uintptr_t)dp - (uintptr_t)sp >= n) {
		copy_fwd(dp, sp, n);
		return d;
	}
	dp += n;
	sp += n;
	for (; n >= WS; n -= WS) {
		dp -= WS;
		sp -= WS;
		*(uword *)dp = *(const uword *)sp;
	}
	while (n--)
		*--dp = *--sp;
	return d;
}

EXPORT void *memset(void *d, int c, size_t n)
{
	unsigned char *dp = d;
	uint64_t w = ONES * (unsigned char)c;

	for (; n >= 4 * WS; n -= 4 * WS, dp += 4 * WS) {
		((uword *)dp)[0] = w;
		((uword *)dp)[1] = w;
		((uword *)dp)[2] = w;
		((uword *)dp)[3] = w;
	}
	for (; n >= WS; n -= WS, dp += WS)
		*(uword *)dp = w;
	while (n--)
		*dp++ = (unsigned char)c;
	return d;
}

EXPORT int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	for (; n >= WS && *(const uword *)p == *(const uword *)q; n -= WS, p += WS, q += WS)
		;
	for (; n; n--, p++, q++)
		if (*p != *q)
			return *p - *q;
	return 0;
}

EXPORT void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

EXPORT void *memrchr(const void *s, int c, size_t n)
{
	const unsigned char *p = (const unsigned char *)s + n;

	while (n--)
		if (*--p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

EXPORT size_t strlen(const char *s)
{
	const char *p = s;

	/* Aligned word reads never cross into a page the string does not touch. */
	for (; (uintptr_t)p % WS; p++)
		if (!*p)
			return p - s;
	const aword *w = (const aword *)p;
	while (!HASZERO(*w))
		w++;
	for (p = (const char *)w; *p; p++)
		;
	return p - s;
}

EXPORT size_t strnlen(const char *s, size_t n)
{
	const char *z = memchr(s, 0, n);
	return z ? (size_t)(z - s) : n;
}

EXPORT int strcmp(const char *a, const char *b)
{
	for (; *a == *b && *a; a++, b++)
		;
	return *(const unsigned char *)a - *(const unsigned char *)b;
}

EXPORT int strcoll(const char *a, const char *b)
{
	return strcmp(a, b);
}

EXPORT int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++)
		if (*a != *b || !*a)
			return *(const unsigned char *)a - *(const unsigned char *)b;
	return 0;
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

EXPORT int strcasecmp(const char *a, const char *b)
{
	const unsigned char *p = (const void *)a, *q = (const void *)b;

	for (; *p && lower(*p) == lower(*q); p++, q++)
		;
	return lower(*p) - lower(*q);
}

EXPORT int strncasecmp(const char *a, const char *b, size_t n)
{
	const unsigned char *p = (const void *)a, *q = (const void *)b;

	for (; n; n--, p++, q++)
		if (lower(*p) != lower(*q) || !*p)
			return lower(*p) - lower(*q);
	return 0;
}

EXPORT char *stpcpy(char *restrict d, const char *restrict s)
{
	size_t n = strlen(s);
	memcpy(d, s, n + 1);
	return d + n;
}

EXPORT char *strcpy(char *restrict d, const char *restrict s)
{
	stpcpy(d, s);
	return d;
}

EXPORT char *stpncpy(char *restrict d, const char *restrict s, size_t n)
{
	size_t k = strnlen(s, n);
	memcpy(d, s, k);
	memset(d + k, 0, n - k);
	return d + k;
}

EXPORT char *strncpy(char *restrict d, const char *restrict s, size_t n)
{
	stpncpy(d, s, n);
	return d;
}

EXPORT char *strcat(char *restrict d, const char *restrict s)
{
	strcpy(d + strlen(d), s);
	return d;
}

EXPORT char *strncat(char *restrict d, const char *restrict s, size_t n)
{
	char *e = d + strlen(d);
	size_t k = strnlen(s, n);
	memcpy(e, s, k);
	e[k] = 0;
	return d;
}

EXPORT size_t strlcpy(char *restrict d, const char *restrict s, size_t n)
{
	size_t len = strlen(s);
	if (n) {
		size_t k = len < n - 1 ? len : n - 1;
		memcpy(d, s, k);
		d[k] = 0;
	}
	return len;
}

EXPORT size_t strlcat(char *restrict d, const char *restrict s, size_t n)
{
	size_t dl = strnlen(d, n);
	if (dl == n)
		return n + strlen(s);
	return dl + strlcpy(d + dl, s, n - dl);
}

EXPORT char *strchrnul(const char *s, int c)
{
	for (; *s && *s != (char)c; s++)
		;
	return (char *)s;
}

EXPORT char *strchr(const char *s, int c)
{
	char *p = strchrnul(s, c);
	return *p == (char)c ? p : NULL;
}

EXPORT char *strrchr(const char *s, int c)
{
	return memrchr(s, c, strlen(s) + 1);
}

EXPORT size_t strspn(const char *s, const char *set)
{
	uint64_t bits[4] = { 0 };
	const unsigned char *p;

	for (p = (const void *)set; *p; p++)
		bits[*p / 64] |= 1ull << (*p % 64);
	for (p = (const void *)s; *p && (bits[*p / 64] >> (*p % 64) & 1); p++)
		;
	return p - (const unsigned char *)s;
}

EXPORT size_t strcspn(const char *s, const char *set)
{
	uint64_t bits[4] = { 1 }; /* the terminator always stops the scan */
	const unsigned char *p;

	for (p = (const void *)set; *p; p++)
		bits[*p / 64] |= 1ull << (*p % 64);
	for (p = (const void *)s; !(bits[*p / 64] >> (*p % 64) & 1); p++)
		;
	return p - (const unsigned char *)s;
}

EXPORT char *strpbrk(const char *s, const char *set)
{
	s += strcspn(s, set);
	return *s ? (char *)s : NULL;
}

EXPORT char *strtok_r(char *restrict s, const char *restrict sep, char **restrict save)
{
	if (!s)
		s = *save;
	s += strspn(s, sep);
	if (!*s) {
		*save = s;
		return NULL;
	}
	char *e = s + strcspn(s, sep);
	if (*e)
		*e++ = 0;
	*save = e;
	return s;
}

EXPORT char *strtok(char *restrict s, const char *restrict sep)
{
	static char *save;
	return strtok_r(s, sep, &save);
}

EXPORT void *memmem(const void *h, size_t hn, const void *n, size_t nn)
{
	const unsigned char *p = h, *q = n;

	if (!nn)
		return (void *)h;
	while (hn >= nn) {
		const unsigned char *f = memchr(p, q[0], hn - nn + 1);
		if (!f)
			return NULL;
		hn -= f - p;
		if (!memcmp(f, q, nn))
			return (void *)f;
		p = f + 1;
		hn--;
	}
	return NULL;
}

EXPORT char *strstr(const char *h, const char *n)
{
	size_t nn = strlen(n);

	if (!nn)
		return (char *)h;
	for (; (h = strchr(h, n[0])); h++)
		if (!strncmp(h, n, nn))
			return (char *)h;
	return NULL;
}

EXPORT char *strndup(const char *s, size_t n)
{
	size_t k = strnlen(s, n);
	char *d = malloc(k + 1);
	if (d) {
		memcpy(d, s, k);
		d[k] = 0;
	}
	return d;
}

EXPORT char *strdup(const char *s)
{
	return strndup(s, (size_t)-1);
}
