/* %f %e %g of a double, exactly: the binary value is expanded to all of its
   decimal digits (a double is a finite decimal fraction) with a base-10^9
   big integer, then rounded half-to-even at the requested digit, which is
   what glibc prints in the default rounding mode. */
#include <stdint.h>
#include <string.h>
#include "rt/format.h"

#define LIMB 1000000000u
/* m * 5^1074 < 10^768: 86 limbs; 2^1024 has 309 digits. */
#define LIMBS 96
#define DIGITS (LIMBS * 9)

struct digits {
	char buf[DIGITS + 2];   /* buf[0] takes a carry out of the first digit */
	char *d;                /* the significant digits, no leading zeros */
	int n;
	int point;              /* digits before the decimal point (may be <= 0 or > n) */
};

static void mul_small(uint32_t *a, int *len, uint32_t k)
{
	uint64_t carry = 0;
	for (int i = 0; i < *len; i++) {
		uint64_t v = (uint64_t)a[i] * k + carry;
		a[i] = (uint32_t)(v % LIMB);
		carry = v / LIMB;
	}
	while (carry) {
		a[(*len)++] = (uint32_t)(carry % LIMB);
		carry /= LIMB;
	}
}

/* x = mant * 2^exp, mant < 2^53, to decimal digits. */
static void expand(struct digits *g, uint64_t mant, int exp)
{
	uint32_t a[LIMBS];
	int len = 0;

	for (uint64_t m = mant; m; m /= LIMB)
		a[len++] = (uint32_t)(m % LIMB);
	int dexp = 0;
	if (exp >= 0) {
		for (; exp >= 29; exp -= 29)
			mul_small(a, &len, 1u << 29);
		mul_small(a, &len, 1u << exp);
	} else {
		/* m / 2^k = m * 5^k / 10^k */
		dexp = exp;
		for (exp = -exp; exp >= 12; exp -= 12)
			mul_small(a, &len, 244140625u); /* 5^12 */
		uint32_t p = 1;
		while (exp--)
			p *= 5;
		mul_small(a, &len, p);
	}

	char *o = g->buf + 1;
	for (int i = len - 1; i >= 0; i--) {
		char tmp[9];
		uint32_t v = a[i];
		for (int k = 8; k >= 0; k--, v /= 10)
			tmp[k] = (char)('0' + v % 10);
		int skip = 0;
		if (i == len - 1)
			while (skip < 8 && tmp[skip] == '0')
				skip++;
		memcpy(o, tmp + skip, 9 - skip);
		o += 9 - skip;
	}
	g->d = g->buf + 1;
	g->n = (int)(o - g->d);
	g->point = g->n + dexp;
}

static char digit_at(const struct digits *g, long i)
{
	return i >= 0 && i < g->n ? g->d[i] : '0';
}

/* Keeps the first `keep` digits, rounding half to even on the rest. */
static void round_at(struct digits *g, long keep)
{
	if (keep >= g->n)
		return;
	int up = 0;
	if (keep >= 0) {
		char c = g->d[keep];
		int rest = 0;
		for (long i = keep + 1; i < g->n && !rest; i++)
			rest = g->d[i] != '0';
		int odd = keep > 0 && (g->d[keep - 1] - '0') % 2;
		up = c > '5' || (c == '5' && (rest || odd));
	}
	if (keep < 0)
		keep = 0;
	/* With no digit left the value reads as zero (digit_at pads with '0'). */
	g->n = (int)keep;
	if (!up)
		return;
	long i = keep - 1;
	for (; i >= 0 && g->d[i] == '9'; i--)
		g->d[i] = '0';
	if (i >= 0) {
		g->d[i]++;
	} else {
		/* Carry out of the first digit: 99.9 -> 100. */
		g->d--;
		g->d[0] = '1';
		g->n++;
		g->point++;
	}
}

static void put_digits(struct sink *s, const struct digits *g, long from, long count)
{
	for (long i = from; i < from + count; i++) {
		char c = digit_at(g, i);
		__rt_sink_put(s, &c, 1);
	}
}

static void put_exp(struct sink *s, int e, int upper)
{
	char b[8], *p = b + sizeof b;
	unsigned v = e < 0 ? -(unsigned)e : (unsigned)e;
	do
		*--p = (char)('0' + v % 10);
	while (v /= 10);
	if (b + sizeof b - p < 2)
		*--p = '0';
	*--p = e < 0 ? '-' : '+';
	*--p = upper ? 'E' : 'e';
	__rt_sink_put(s, p, b + sizeof b - p);
}

void __rt_format_double(struct sink *s, const struct spec *sp, double x, char conv)
{
	uint64_t bits;
	memcpy(&bits, &x, sizeof bits);
	int neg = bits >> 63;
	int bexp = (int)(bits >> 52 & 0x7ff);
	uint64_t mant = bits & ((1ull << 52) - 1);
	int upper = conv == 'F' || conv == 'E' || conv == 'G';
	int alt = sp->flags & F_ALT;

	char sign[1];
	size_t nsign = 0;
	if (neg)
		sign[nsign++] = '-';
	else if (sp->flags & F_PLUS)
		sign[nsign++] = '+';
	else if (sp->flags & F_SPACE)
		sign[nsign++] = ' ';

	if (bexp == 0x7ff) {
		char body[4];
		memcpy(body, sign, nsign);
		memcpy(body + nsign, mant ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"), 3);
		struct spec plain = *sp;
		plain.flags &= ~F_ZERO;
		__rt_field(s, &plain, body, nsign + 3);
		return;
	}

	struct digits g;
	if (bexp)
		mant |= 1ull << 52;
	else
		bexp = 1;
	if (mant) {
		expand(&g, mant, bexp - 1075);
	} else {
		g.d = g.buf + 1;
		g.d[0] = '0';
		g.n = 1;
		g.point = 1;
	}

	long prec = sp->prec < 0 ? 6 : sp->prec;
	int style = conv | 32; /* 'f' or 'e', decided below for 'g' */
	int strip = 0;
	if (style == 'g') {
		if (!prec)
			prec = 1;
		round_at(&g, prec);
		int x10 = mant ? g.point - 1 : 0;
		if (prec > x10 && x10 >= -4) {
			style = 'f';
			prec = prec - 1 - x10;
		} else {
			style = 'e';
			prec = prec - 1;
		}
		strip = !alt;
	} else if (style == 'f') {
		round_at(&g, (long)g.point + prec);
	} else {
		round_at(&g, prec + 1);
	}

	/* Lay out: integer digits [ip_from, +ip_len), fraction [fr_from, +prec). */
	int e10 = 0;
	long ip_from, ip_len, fr_from;
	if (style == 'f') {
		ip_from = g.point > 0 ? 0 : -1;  /* -1 reads as the digit '0' */
		ip_len = g.point > 0 ? g.point : 1;
		fr_from = g.point;
	} else {
		e10 = mant ? g.point - 1 : 0;
		ip_from = 0;
		ip_len = 1;
		fr_from = 1;
	}
	if (strip)
		while (prec > 0 && digit_at(&g, fr_from + prec - 1) == '0')
			prec--;
	int point = prec > 0 || alt;

	size_t len = nsign + ip_len + point + prec;
	if (style == 'e') {
		int a = e10 < 0 ? -e10 : e10;
		len += 2 + (a >= 100 ? 3 : 2);
	}
	size_t fill = sp->width > len ? sp->width - len : 0;
	int zero = (sp->flags & (F_ZERO | F_MINUS)) == F_ZERO;

	if (!zero && !(sp->flags & F_MINUS))
		__rt_pad(s, ' ', fill);
	__rt_sink_put(s, sign, nsign);
	if (zero)
		__rt_pad(s, '0', fill);
	put_digits(s, &g, ip_from, ip_len);
	if (point)
		__rt_sink_put(s, ".", 1);
	put_digits(s, &g, fr_from, prec);
	if (style == 'e')
		put_exp(s, e10, upper);
	if (sp->flags & F_MINUS)
		__rt_pad(s, ' ', fill);
}
