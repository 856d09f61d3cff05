/* Messages: LD_DEBUG output and the one-line errors. */
#include <stdarg.h>
#include <asm/unistd.h>
#include "rtld/stage.h"
#include "rtld/recover.h"
#include "arch.h"

#include <stdio.h>
#include <string.h>

unsigned dl_debug_mask;
int dl_secure;

static void write_all(int fd, const char *s, size_t n)
{
	while (n) {
		long r = __syscall3(__NR_write, fd, (long)s, n);
		if (r == -4 /* EINTR */)
			continue;
		if (r <= 0)
			return;
		s += r;
		n -= r;
	}
}

static void dl_vprintf(int fd, const char *fmt, va_list ap)
{
	char buf[1024];
	int n = vsnprintf(buf, sizeof buf, fmt, ap);

	if (n < 0)
		return;
	write_all(fd, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

void dl_printf(int fd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	dl_vprintf(fd, fmt, ap);
	va_end(ap);
}

/* Every start-up failure ends here: one line naming the program, status 127
   (glibc's code for "could not run"), before any of the program ran. */
__attribute__((noreturn)) static void vfatal(const char *fmt, va_list ap)
{
	char buf[1024];
	int n = vsnprintf(buf, sizeof buf, fmt, ap);

	if (n < 0)
		n = 0;
	if ((size_t)n >= sizeof buf)
		n = sizeof buf - 1;
	dl_printf(2, "ld-rseq: %s: %.*s\n", dl_opts.argv0 ? dl_opts.argv0 : "", n, buf);
	__syscall1(__NR_exit_group, 127);
	__builtin_unreachable();
}

void dl_fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfatal(fmt, ap);
}

void dl_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (dl_recover_active())
		dl_recover_fail(fmt, ap);
	vfatal(fmt, ap);
}

/* LD_DEBUG: a comma, colon or space separated list of categories. */
void dl_parse_debug(const char *s)
{
	static const struct { const char *name; unsigned bits; } cats[] = {
		{ "libs", DL_DEBUG_LIBS },
		{ "reloc", DL_DEBUG_RELOC },
		{ "symbols", DL_DEBUG_SYMBOLS },
		{ "bindings", DL_DEBUG_BINDINGS },
		{ "tls", DL_DEBUG_TLS },
		{ "rseq", DL_DEBUG_RSEQ },
		{ "statistics", DL_DEBUG_STATISTICS },
		{ "all", ~0u & ~DL_DEBUG_STATISTICS },
	};

	while (*s) {
		size_t n = 0;
		while (s[n] && s[n] != ',' && s[n] != ':' && s[n] != ' ')
			n++;
		if (n == 4 && !__builtin_memcmp(s, "help", 4)) {
			dl_printf(1, "Valid options for the LD_DEBUG environment variable are:\n\n");
			for (size_t i = 0; i < sizeof cats / sizeof *cats; i++)
				dl_printf(1, "  %s\n", cats[i].name);
			__syscall1(__NR_exit_group, 0);
		}
		for (size_t i = 0; i < sizeof cats / sizeof *cats; i++)
			if (strlen(cats[i].name) == n && !__builtin_memcmp(s, cats[i].name, n))
				dl_debug_mask |= cats[i].bits;
		s += n;
		while (*s == ',' || *s == ':' || *s == ' ')
			s++;
	}
}
