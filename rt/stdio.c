/* stdout and stderr as buffered streams, and the printf/puts family on them.
   stdout is line buffered on a terminal and fully buffered otherwise (decided
   at its first output, as glibc does); stderr is unbuffered. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <asm/ioctls.h>
#include <asm/termbits.h>
#include <asm/unistd.h>
#include "rt/format.h"
#include "rt/lock.h"
#include "rt/rt.h"
#include "rtld/ldso.h"

#define MODE_UNSET (-1)

struct _rt_FILE {
	int fd;
	int mode;        /* _IOFBF, _IOLBF, _IONBF or MODE_UNSET */
	int err;
	size_t pos;
	size_t cap;
	char *buf;
	rt_lock lock;
};

static FILE files[2] = {
	{ .fd = 1, .mode = MODE_UNSET },
	{ .fd = 2, .mode = _IONBF },
};

#undef stdout
#undef stderr
EXPORT FILE *stdout = &files[0];
EXPORT FILE *stderr = &files[1];
/* From here on, the streams the program calls stdout and stderr. */
#define stdout (*__rt_stdout)
#define stderr (*__rt_stderr)

static int set_error(FILE *f, int e)
{
	f->err = 1;
	errno = -e;
	return EOF;
}

static int flush_locked(FILE *f)
{
	if (f->pos) {
		int e = __rt_write_all(f->fd, f->buf, f->pos);
		f->pos = 0;
		if (e)
			return set_error(f, e);
	}
	return 0;
}

static void decide_mode(FILE *f)
{
	struct termios t;
	f->mode = __syscall3(__NR_ioctl, f->fd, TCGETS, (long)&t) == 0 ? _IOLBF : _IOFBF;
}

/* stdout's buffer is allocated at its first buffered output rather than
   kept in the loader's bss, which every process would carry; without one
   the stream writes through, as stderr always does.  (The allocator's locks
   come after the streams' in fork's order, so allocating under the stream
   lock is safe.) */
static void get_buffer(FILE *f)
{
	if ((f->buf = __rt_malloc(BUFSIZ)))
		f->cap = BUFSIZ;
}

/* Appends n bytes to the stream under its lock; 0 or EOF. */
static int put_locked(FILE *f, const char *p, size_t n)
{
	if (f->mode == MODE_UNSET)
		decide_mode(f);
	if (f == &files[0] && f->mode != _IONBF && !f->buf)
		get_buffer(f);
	if (f->mode == _IONBF || !f->cap) {
		if (flush_locked(f))
			return EOF;
		int e = __rt_write_all(f->fd, p, n);
		return e ? set_error(f, e) : 0;
	}
	if (n > f->cap - f->pos) {
		if (flush_locked(f))
			return EOF;
		if (n >= f->cap) {
			int e = __rt_write_all(f->fd, p, n);
			return e ? set_error(f, e) : 0;
		}
	}
	memcpy(f->buf + f->pos, p, n);
	f->pos += n;
	if (f->mode == _IOLBF && memchr(p, '\n', n))
		return flush_locked(f);
	return 0;
}

struct stream_sink {
	struct sink s;
	FILE *f;
	int failed;
};

static void stream_flush(struct sink *s)
{
	struct stream_sink *ss = (struct stream_sink *)s;
	if (put_locked(ss->f, s->buf, s->pos))
		ss->failed = 1;
	s->pos = 0;
}

EXPORT int vfprintf(FILE *f, const char *fmt, va_list ap)
{
	char buf[1024];
	struct stream_sink ss = { .s = { .buf = buf, .cap = sizeof buf, .flush = stream_flush },
				  .f = f };

	rt_lock_take(&f->lock);
	__rt_format(&ss.s, fmt, ap);
	stream_flush(&ss.s);
	rt_lock_release(&f->lock);
	if (ss.failed)
		return -1;
	if (ss.s.total > INT_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	return (int)ss.s.total;
}

EXPORT int fprintf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vfprintf(f, fmt, ap);
	va_end(ap);
	return r;
}

EXPORT int vprintf(const char *fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

EXPORT int printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return r;
}

EXPORT size_t fwrite(const void *p, size_t size, size_t n, FILE *f)
{
	size_t bytes = size * n;
	if (!bytes)
		return 0;
	rt_lock_take(&f->lock);
	int r = put_locked(f, p, bytes);
	rt_lock_release(&f->lock);
	return r ? 0 : n;
}

EXPORT int fputc(int c, FILE *f)
{
	char ch = (char)c;
	return fwrite(&ch, 1, 1, f) ? (unsigned char)c : EOF;
}

EXPORT int putc(int c, FILE *f)
{
	return fputc(c, f);
}

EXPORT int putchar(int c)
{
	return fputc(c, stdout);
}

EXPORT int fputs(const char *s, FILE *f)
{
	size_t n = strlen(s);
	return !n || fwrite(s, n, 1, f) ? 1 : EOF;
}

EXPORT int puts(const char *s)
{
	size_t n = strlen(s);
	FILE *f = stdout;
	rt_lock_take(&f->lock);
	int r = put_locked(f, s, n);
	if (!r)
		r = put_locked(f, "\n", 1);
	rt_lock_release(&f->lock);
	if (r)
		return EOF;
	return n + 1 > INT_MAX ? INT_MAX : (int)(n + 1);
}

EXPORT int fflush(FILE *f)
{
	/* Every stream: the runtime's two, whatever the program now calls
	   stdout and stderr. */
	if (!f) {
		int r = fflush(&files[0]);
		return fflush(&files[1]) | r;
	}
	rt_lock_take(&f->lock);
	int r = flush_locked(f);
	rt_lock_release(&f->lock);
	return r;
}

void __stdio_flush_all(void)
{
	fflush(NULL);
}

EXPORT int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
	(void)buf;
	(void)size;
	if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF) {
		errno = EINVAL;
		return -1;
	}
	rt_lock_take(&f->lock);
	flush_locked(f);
	f->mode = mode;
	rt_lock_release(&f->lock);
	return 0;
}

EXPORT int fileno(FILE *f)
{
	return f->fd;
}

EXPORT void perror(const char *s)
{
	const char *msg = strerror(errno);
	if (s && *s)
		fprintf(stderr, "%s: %s\n", s, msg);
	else
		fprintf(stderr, "%s\n", msg);
}

void __stdio_atfork(int phase)
{
	for (size_t i = 0; i < sizeof files / sizeof *files; i++)
		rt_lock_atfork(&files[i].lock, phase);
}
