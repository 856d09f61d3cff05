/* %f %e %g of doubles (exact decimal expansion, round half to even), with
   flags, widths and precisions: compared with the same source built
   against glibc. */
#include <stdio.h>
#include <string.h>

static const double vals[] = {
	0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3,
	9.5, 99.5, 999.9999, 0.05, 0.15, 0.25, 0.35, 1e-5, 1.5e-5, 123456.789, 1e15, 1e16,
	1e17, 1e21, 1e22, 1e100, 1.7976931348623157e308, 2.2250738585072014e-308,
	4.9406564584124654e-324, 1e-300, 3.14159265358979, 2.718281828459045, 6.02214076e23,
	1.602176634e-19, 0.000123456, 123.456e-10, 999999.5, 9999995.0, 0.9999995, 1e-4,
	9.9999e-5, 100000.0, 1000000.0, 12345678.0, 4294967296.0, 18446744073709551616.0,
};
static const char *const flags[] = { "", "-", "+", " ", "#", "0", "+0", "-#", "# 0" };
static const char *const widths[] = { "", "8", "25" };
static const char *const precs[] = { "", ".0", ".1", ".3", ".10", ".17" };

int main(void)
{
	char f[32], buf[2048];
	for (size_t v = 0; v < sizeof vals / sizeof *vals; v++)
		for (size_t a = 0; a < sizeof flags / sizeof *flags; a++)
			for (size_t b = 0; b < sizeof widths / sizeof *widths; b++)
				for (size_t c = 0; c < sizeof precs / sizeof *precs; c++)
					for (const char *conv = "feEgG"; *conv; conv++) {
						snprintf(f, sizeof f, "[%%%s%s%s%c]", flags[a],
							 widths[b], precs[c], *conv);
						int n = snprintf(buf, sizeof buf, f, vals[v]);
						printf("%s %d %s\n", f, n, buf);
					}
	double inf = 1e308 * 10, nan = inf - inf;
	printf("[%f] [%F] [%e] [%G] [%-8f] [%08f] [%+f]\n", inf, -inf, inf, -inf, inf, inf, inf);
	printf("[%f] [%F] [%5.1e] [%08g]\n", nan, -nan, nan, nan);
	printf("[%.300f]\n", 1e-300);
	printf("[%f]\n", 1.7976931348623157e308);
	printf("[%.0f] [%.0f] [%.0f] [%.0f]\n", 0.5, 1.5, 2.5, 3.5);
	printf("[%*.*f] [%.*e]\n", 12, 3, 3.14159, 2, 31415.9);
	printf("mixed %d %.2f %s %g %x\n", 42, 2.345, "str", 0.0001, 255);
	return 0;
}
