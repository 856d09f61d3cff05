/* printf conversions, flags, widths, precisions and length modifiers: the
   output is compared line for line with the same source built against glibc. */
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static char buf[4096];

/* Each case goes through snprintf (with its return value), a truncating
   snprintf, and printf. */
#define T(...)                                                                 \
	do {                                                                   \
		int n = snprintf(buf, sizeof buf, __VA_ARGS__);                \
		char small[8];                                                 \
		int m = snprintf(small, sizeof small, __VA_ARGS__);            \
		printf("%d %d [%s] [%s] ", n, m, buf, small);                  \
		printf(__VA_ARGS__);                                           \
		putchar('\n');                                                 \
	} while (0)

static const int ints[] = { 0, 1, -1, 7, 42, -42, 1000, 123456, INT_MAX, INT_MIN };
static const char *const iflags[] = { "", "-", "+", " ", "#", "0", "-0", "+ ", "#0", "-+", "0+" };
static const char *const widths[] = { "", "1", "5", "12" };
static const char *const precs[] = { "", ".", ".0", ".1", ".3", ".10" };

int main(void)
{
	char f[64];

	for (size_t a = 0; a < sizeof iflags / sizeof *iflags; a++)
		for (size_t b = 0; b < sizeof widths / sizeof *widths; b++)
			for (size_t c = 0; c < sizeof precs / sizeof *precs; c++)
				for (const char *conv = "diuxXoc"; *conv; conv++)
					for (size_t i = 0; i < sizeof ints / sizeof *ints; i++) {
						if (*conv == 'c' && (ints[i] < 32 || ints[i] > 126))
							continue;
						snprintf(f, sizeof f, "<%%%s%s%s%c>", iflags[a],
							 widths[b], precs[c], *conv);
						T(f, ints[i]);
					}

	T("%hhd %hhu %hhx %hd %hu %hx", 300, 300, -1, 70000, 70000, -1);
	T("%ld %lu %lx %lo", LONG_MIN, ULONG_MAX, LONG_MIN, ULONG_MAX);
	T("%lld %llu %llX %lli", LLONG_MIN, ULLONG_MAX, 0x123456789abcdefLL, -5LL);
	T("%zd %zu %zx %td %tx", (ssize_t)-3, (size_t)-1, (size_t)255, (ptrdiff_t)-9, (ptrdiff_t)-1);
	T("%jd %ju %jx", INTMAX_MIN, UINTMAX_MAX, (intmax_t)12345);
	T("%s|%10s|%-10s|%.2s|%10.3s|%-10.1s|", "hello", "hi", "left", "abcdef", "abcdef", "xyz");
	T("%s|%10s|%.3s|%.6s|%-8s|", (char *)NULL, (char *)NULL, (char *)NULL, (char *)NULL,
	  (char *)NULL);
	T("%p|%20p|%-20p|%p|%+p|% p|%020p", (void *)0x1234, (void *)0xdeadbeef, (void *)0xabc,
	  (void *)0, (void *)0x10, (void *)0x10, (void *)0x99);
	T("%p|%10p|%-10p|%.2p|", (void *)0, (void *)0, (void *)0, (void *)0);
	T("%c%c%c|%5c|%-5c|", 'a', 'b', 'c', 'x', 'y');
	T("%%|%5%|%-5%|100%%");
	T("%*d|%-*d|%*d|%.*d|%.*d|%*.*d", 6, 42, 6, 42, -6, 42, 4, 7, -1, 7, 8, 3, 5);
	T("%.*s|%*s|", 3, "abcdef", -5, "ab");
	T("%#x %#X %#o %#o %#.0o %#.0x %#5o %#-8x|", 0, 0, 0, 8, 0, 0, 8, 255);
	T("%+d % d %+ d %+i % i", 0, 0, 5, -5, 5);
	T("%05d|%-05d|%05.2d|%+05d|% 05d|%05x|%#07x|%#07o", -42, -42, 3, 42, 42, 255, 255, 8);
	T("%.0d|%.0u|%.0x|%5.0d|%-5.0d|%+.0d|% .0d|", 0, 0, 0, 0, 0, 0, 0);
	T("%s %s %s", "multiple", "string", "args");
	T("plain text with no conversions");
	T("%d %s %c %x %p", 1, "two", '3', 4, (void *)5);

	/* Long output, beyond any internal buffer. */
	char big[3000];
	memset(big, 'z', sizeof big - 1);
	big[sizeof big - 1] = 0;
	int n = snprintf(NULL, 0, "%s%d", big, 12345);
	printf("len %d\n", n);
	printf("%s|%2990d|\n", big, 7);
	n = printf("%-4000s|\n", "pad");
	printf("printed %d\n", n);
	n = snprintf(buf, 1, "abc");
	printf("%d [%s]\n", n, buf);
	n = sprintf(buf, "%05d-%s", 42, "x");
	printf("%d [%s]\n", n, buf);
	return 0;
}
