/* String to integer conversions, with glibc's treatment of prefixes, signs,
   empty input and overflow. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include "rtld/ldso.h"

static int digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 10;
	return 99;
}

/* Parses the magnitude; *neg gets the sign, *ovf whether it exceeded max. */
static unsigned long long parse(const char *s, char **end, int base, unsigned long long max,
				int *neg, int *ovf)
{
	const char *p = s;
	unsigned long long v = 0;

	*neg = *ovf = 0;
	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		return 0;
	}
	while (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		p++;
	if (*p == '-' || *p == '+')
		*neg = *p++ == '-';
	if ((base == 0 || base == 16) && p[0] == '0' && (p[1] | 32) == 'x' && digit(p[2]) < 16) {
		p += 2;
		base = 16;
	} else if (base == 0) {
		base = *p == '0' ? 8 : 10;
	}

	const char *first = p;
	for (int d; (d = digit(*p)) < base; p++) {
		if (v > (max - d) / base)
			*ovf = 1;
		else
			v = v * base + d;
	}
	if (end)
		*end = (char *)(p == first ? s : p);
	return v;
}

static long long to_signed(const char *s, char **end, int base, long long min, long long max)
{
	int neg, ovf;
	unsigned long long v = parse(s, end, base, (unsigned long long)max + 1, &neg, &ovf);

	if (!neg && v > (unsigned long long)max)
		ovf = 1;
	if (ovf) {
		errno = ERANGE;
		return neg ? min : max;
	}
	return neg ? (long long)-v : (long long)v;
}

static unsigned long long to_unsigned(const char *s, char **end, int base,
				      unsigned long long max)
{
	int neg, ovf;
	unsigned long long v = parse(s, end, base, max, &neg, &ovf);

	if (ovf) {
		errno = ERANGE;
		return max;
	}
	/* A minus sign negates in the unsigned type, as C requires. */
	return neg ? -v & max : v;
}

EXPORT long strtol(const char *s, char **end, int base)
{
	return (long)to_signed(s, end, base, LONG_MIN, LONG_MAX);
}

EXPORT long long strtoll(const char *s, char **end, int base)
{
	return to_signed(s, end, base, LLONG_MIN, LLONG_MAX);
}

EXPORT unsigned long strtoul(const char *s, char **end, int base)
{
	return (unsigned long)to_unsigned(s, end, base, ULONG_MAX);
}

EXPORT unsigned long long strtoull(const char *s, char **end, int base)
{
	return to_unsigned(s, end, base, ULLONG_MAX);
}

EXPORT int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

EXPORT long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

EXPORT long long atoll(const char *s)
{
	return strtoll(s, NULL, 10);
}
