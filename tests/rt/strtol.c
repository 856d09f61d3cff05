/* strtol and friends: bases, prefixes, signs, whitespace, overflow and
   errno, and where the end pointer is left. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

static const char *const inputs[] = {
	"0", "42", "-42", "+42", "  \t\n 17xyz", "0x1f", "0X1F", "-0x10", "0x", "0xg", "012",
	"09", "-", "+", "", "   ", "abc", "z", "Z1", "9223372036854775807", "9223372036854775808",
	"-9223372036854775808", "-9223372036854775809", "18446744073709551615",
	"18446744073709551616", "-18446744073709551615", "-1", "99999999999999999999999",
	"1010", "777", "zz", "0b101", "  -0x7fffffffffffffff", "2147483648",
};
static const int bases[] = { 0, 2, 8, 10, 16, 36 };

int main(void)
{
	for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++)
		for (size_t b = 0; b < sizeof bases / sizeof *bases; b++) {
			const char *s = inputs[i];
			char *end;
			errno = 0;
			long v = strtol(s, &end, bases[b]);
			int e1 = errno;
			errno = 0;
			unsigned long u = strtoul(s, NULL, bases[b]);
			int e2 = errno;
			errno = 0;
			long long ll = strtoll(s, NULL, bases[b]);
			int e3 = errno;
			errno = 0;
			unsigned long long ull = strtoull(s, NULL, bases[b]);
			int e4 = errno;
			printf("[%s] base %d: %ld end+%d e%d | %lu e%d | %lld e%d | %llu e%d\n", s,
			       bases[b], v, (int)(end - s), e1, u, e2, ll, e3, ull, e4);
		}
	char *end = NULL;
	errno = 0;
	long v = strtol("123", &end, 1);
	printf("base 1: %ld errno %d\n", v, errno);
	errno = 0;
	v = strtol("123", &end, 37);
	printf("base 37: %ld errno %d\n", v, errno);
	printf("atoi %d %d %d %ld %lld\n", atoi("  -123abc"), atoi("x"), atoi("2147483647"),
	       atol("-99"), atoll("123456789012"));
	printf("abs %d %ld %lld\n", abs(-5), labs(-7L), llabs(LLONG_MIN + 1));
	return 0;
}
