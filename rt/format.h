/* The printf formatting engine, shared by the string, descriptor and stream
   front ends.  It touches no thread-local state (no errno), so the loader can
   format its messages before the thread pointer exists. */
#ifndef RT_FORMAT_H
#define RT_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

/* Output goes to buf; when it is full, flush (if any) empties it, otherwise
   further output is counted but dropped. */
struct sink {
	char *buf;
	size_t cap, pos;
	size_t total;                 /* bytes produced, dropped ones included */
	void (*flush)(struct sink *); /* must reset pos */
	void *ctx;
	int err;                      /* set by flush on a write error */
};

enum { F_MINUS = 1, F_PLUS = 2, F_SPACE = 4, F_ALT = 8, F_ZERO = 16 };

struct spec {
	int flags;
	size_t width;
	long prec;  /* -1: none given */
};

/* Formats into the sink; returns the number of bytes produced. */
size_t __rt_format(struct sink *s, const char *fmt, va_list ap);
void __rt_sink_put(struct sink *s, const char *p, size_t n);
/* n copies of c. */
void __rt_pad(struct sink *s, char c, size_t n);
/* body, padded to the field width on the side the flags ask for. */
void __rt_field(struct sink *s, const struct spec *sp, const char *body, size_t n);
/* %f %F %e %E %g %G of a double. */
void __rt_format_double(struct sink *s, const struct spec *sp, double x, char conv);

#endif
