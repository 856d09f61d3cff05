/* Formatted output to streams, descriptors and strings. */
#ifndef _STDIO_H
#define _STDIO_H

#include <features.h>
#include <stdarg.h>
#include <bits/types.h>

__BEGIN_DECLS

typedef struct _rt_FILE FILE;

extern FILE *stdout;
extern FILE *stderr;
#define stdout stdout
#define stderr stderr

#define EOF (-1)
#define BUFSIZ 4096
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2

int printf(const char *fmt, ...) __rt_printf(1, 2);
int fprintf(FILE *f, const char *fmt, ...) __rt_printf(2, 3);
int dprintf(int fd, const char *fmt, ...) __rt_printf(2, 3);
int sprintf(char *buf, const char *fmt, ...) __rt_printf(2, 3);
int snprintf(char *buf, size_t n, const char *fmt, ...) __rt_printf(3, 4);
int vprintf(const char *fmt, va_list ap) __rt_printf(1, 0);
int vfprintf(FILE *f, const char *fmt, va_list ap) __rt_printf(2, 0);
int vdprintf(int fd, const char *fmt, va_list ap) __rt_printf(2, 0);
int vsprintf(char *buf, const char *fmt, va_list ap) __rt_printf(2, 0);
int vsnprintf(char *buf, size_t n, const char *fmt, va_list ap) __rt_printf(3, 0);

int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int putchar(int c);
int fputs(const char *s, FILE *f);
int puts(const char *s);
size_t fwrite(const void *p, size_t size, size_t n, FILE *f);
int fflush(FILE *f);
int setvbuf(FILE *f, char *buf, int mode, size_t size);
int fileno(FILE *f);
void perror(const char *s);

__END_DECLS

#endif
