/* The printf conversion engine: integers, characters, strings and pointers
   with the flags, widths, precisions and length modifiers C programs use,
   producing what glibc produces for each of them.  Doubles go to
   format_double.c; %a and long double conversions are not supported: their
   argument is consumed and the conversion is copied to the output unchanged. */
#include <stdint.h>
#include <string.h>
#include "rt/format.h"

void __rt_sink_put(struct sink *s, const char *p, size_t n)
{
	s->total += n;
	while (n) {
		if (s->pos == s->cap) {
			if (!s->flush)
				return;
			s->flush(s);
			if (s->pos == s->cap)
				return;
		}
		size_t k = s->cap - s->pos;
		if (k > n)
			k = n;
		memcpy(s->buf + s->pos, p, k);
		s->pos += k;
		p += k;
		n -= k;
	}
}

void __rt_pad(struct sink *s, char c, size_t n)
{
	char chunk[32];

	memset(chunk, c, sizeof chunk);
	for (; n > sizeof chunk; n -= sizeof chunk)
		__rt_sink_put(s, chunk, sizeof chunk);
	__rt_sink_put(s, chunk, n);
}


/* Output body with the field width applied. */
void __rt_field(struct sink *s, const struct spec *sp, const char *body, size_t n)
{
	size_t fill = sp->width > n ? sp->width - n : 0;

	if (!(sp->flags & F_MINUS))
		__rt_pad(s, ' ', fill);
	__rt_sink_put(s, body, n);
	if (sp->flags & F_MINUS)
		__rt_pad(s, ' ', fill);
}

static void number(struct sink *s, const struct spec *sp, uintmax_t v, int neg, int base,
		   int upper, const char *prefix)
{
	const char *digs = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char buf[64];
	char *e = buf + sizeof buf, *p = e;

	for (; v; v /= base)
		*--p = digs[v % base];
	size_t nd = e - p;
	size_t prec = sp->prec < 0 ? 1 : (size_t)sp->prec;
	/* '#' with octal: the first digit printed must be a zero. */
	if (base == 8 && (sp->flags & F_ALT) && prec <= nd && (nd == 0 || *p != '0'))
		prec = nd + 1;
	size_t zeros = prec > nd ? prec - nd : 0;

	char pre[3];
	size_t np = 0;
	if (neg)
		pre[np++] = '-';
	else if (sp->flags & F_PLUS)
		pre[np++] = '+';
	else if (sp->flags & F_SPACE)
		pre[np++] = ' ';
	for (; prefix && *prefix; prefix++)
		pre[np++] = *prefix;

	size_t len = np + zeros + nd;
	size_t fill = sp->width > len ? sp->width - len : 0;
	if ((sp->flags & (F_ZERO | F_MINUS)) == F_ZERO && sp->prec < 0) {
		zeros += fill;
		fill = 0;
	}
	if (!(sp->flags & F_MINUS))
		__rt_pad(s, ' ', fill);
	__rt_sink_put(s, pre, np);
	__rt_pad(s, '0', zeros);
	__rt_sink_put(s, p, nd);
	if (sp->flags & F_MINUS)
		__rt_pad(s, ' ', fill);
}

enum { L_INT, L_HH, L_H, L_L, L_LL, L_Z, L_T, L_J };

/* size_t, ptrdiff_t and intmax_t are long or unsigned long on the LP64
   machines ld-rseq runs on, so one va_arg of long reads every l, z, t and j
   argument and the narrower ones are cut from one of int; the value comes
   back sign-extended for the signed conversions. */
_Static_assert(sizeof(size_t) == sizeof(long) && sizeof(intmax_t) == sizeof(long),
	       "z, t and j arguments are read as long");

static uintmax_t arg_int(va_list *ap, int len, int is_signed)
{
	if (len == L_LL)
		return va_arg(*ap, unsigned long long);
	if (len >= L_L)
		return va_arg(*ap, unsigned long);
	unsigned v = va_arg(*ap, unsigned);
	if (len == L_HH)
		return is_signed ? (uintmax_t)(signed char)v : (unsigned char)v;
	if (len == L_H)
		return is_signed ? (uintmax_t)(short)v : (unsigned short)v;
	return is_signed ? (uintmax_t)(int)v : v;
}

size_t __rt_format(struct sink *s, const char *fmt, va_list ap0)
{
	va_list ap;
	size_t start = s->total;

	va_copy(ap, ap0);
	while (*fmt) {
		const char *pct = strchrnul(fmt, '%');
		__rt_sink_put(s, fmt, pct - fmt);
		if (!*pct)
			break;
		const char *conv = pct;
		fmt = pct + 1;

		struct spec sp = { 0, 0, -1 };
		for (;; fmt++) {
			if (*fmt == '-') sp.flags |= F_MINUS;
			else if (*fmt == '+') sp.flags |= F_PLUS;
			else if (*fmt == ' ') sp.flags |= F_SPACE;
			else if (*fmt == '#') sp.flags |= F_ALT;
			else if (*fmt == '0') sp.flags |= F_ZERO;
			else break;
		}
		if (*fmt == '*') {
			int w = va_arg(ap, int);
			if (w < 0) {
				sp.flags |= F_MINUS;
				w = -(unsigned)w;
			}
			sp.width = (unsigned)w;
			fmt++;
		} else {
			for (; *fmt >= '0' && *fmt <= '9'; fmt++)
				sp.width = sp.width * 10 + (*fmt - '0');
		}
		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				int pr = va_arg(ap, int);
				sp.prec = pr < 0 ? -1 : pr;
				fmt++;
			} else {
				sp.prec = 0;
				for (; *fmt >= '0' && *fmt <= '9'; fmt++)
					sp.prec = sp.prec * 10 + (*fmt - '0');
			}
		}

		int len = L_INT, ldbl = 0;
		switch (*fmt) {
		case 'h':
			len = fmt[1] == 'h' ? L_HH : L_H;
			fmt += len == L_HH ? 2 : 1;
			break;
		case 'l':
			len = fmt[1] == 'l' ? L_LL : L_L;
			fmt += len == L_LL ? 2 : 1;
			break;
		case 'q': len = L_LL; fmt++; break;
		case 'L': len = L_LL; ldbl = 1; fmt++; break;
		case 'z': len = L_Z; fmt++; break;
		case 't': len = L_T; fmt++; break;
		case 'j': len = L_J; fmt++; break;
		}

		char c = *fmt++;
		switch (c) {
		case 'd':
		case 'i': {
			intmax_t v = (intmax_t)arg_int(&ap, len, 1);
			number(s, &sp, v < 0 ? -(uintmax_t)v : (uintmax_t)v, v < 0, 10, 0, NULL);
			break;
		}
		case 'u':
		case 'o':
		case 'x':
		case 'X': {
			uintmax_t v = arg_int(&ap, len, 0);
			const char *prefix = NULL;
			if (c != 'u' && c != 'o' && (sp.flags & F_ALT) && v)
				prefix = c == 'x' ? "0x" : "0X";
			/* Signs apply to signed conversions only. */
			sp.flags &= ~(F_PLUS | F_SPACE);
			number(s, &sp, v, 0, c == 'u' ? 10 : c == 'o' ? 8 : 16, c == 'X', prefix);
			break;
		}
		case 'p': {
			void *v = va_arg(ap, void *);
			if (!v) {
				__rt_field(s, &sp, "(nil)", 5);
				break;
			}
			number(s, &sp, (uintptr_t)v, 0, 16, 0, "0x");
			break;
		}
		case 'c': {
			char ch = (char)va_arg(ap, int);
			__rt_field(s, &sp, &ch, 1);
			break;
		}
		case 's': {
			const char *str = va_arg(ap, const char *);
			if (!str)
				/* A precision too short for the whole marker prints nothing. */
				str = sp.prec < 0 || sp.prec >= 6 ? "(null)" : "";
			size_t n = sp.prec < 0 ? strlen(str) : strnlen(str, sp.prec);
			__rt_field(s, &sp, str, n);
			break;
		}
		case '%':
			__rt_sink_put(s, "%", 1);
			break;
		case 'f': case 'F': case 'e': case 'E': case 'g': case 'G':
			if (ldbl) {
				(void)va_arg(ap, long double);
				__rt_sink_put(s, conv, fmt - conv);
			} else {
				__rt_format_double(s, &sp, va_arg(ap, double), c);
			}
			break;
		case 'a': case 'A':
			if (ldbl)
				(void)va_arg(ap, long double);
			else
				(void)va_arg(ap, double);
			__rt_sink_put(s, conv, fmt - conv);
			break;
		default:
			/* Unknown conversion: copied through, consuming nothing. */
			if (!c)
				fmt--;
			__rt_sink_put(s, conv, fmt - conv);
			break;
		}
	}
	va_end(ap);
	return s->total - start;
}
