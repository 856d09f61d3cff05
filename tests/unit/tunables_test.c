/* Host unit test of the GLIBC_TUNABLES parser and the secure-mode scrub.
   Built with the host compiler against the host libc (and sanitizers when
   available); prints one PASS/FAIL line per check as tests/lib.sh does.
   Every expectation comes from the rules (glibc 2.39+ and SPEC section 6),
   the cases from the checklist of glibc's elf/tst-tunables.c. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "auxv/auxv.h"
#include "rtld/secure_env.h"
#include "tunables/tunables.h"

/* The variables glibc.pthread.rseq and glibc.rtld.optional_static_tls set;
   the loader has them in tcb/. */
int dl_rseq_enabled = -99;
size_t dl_tls_static_surplus = 99;

#define DEF_RSEQ 1
#define DEF_STLS 512

/* dl_printf stand-in: stderr output is kept as a list of warnings. */
static char warn_log[8192];
static size_t warn_len;
static int warn_count, warn_bad_shape;
static char print_buf[4096];
static size_t print_len;

void dl_printf(int fd, const char *fmt, ...)
{
	char line[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	if (fd != 2) {
		print_len += snprintf(print_buf + print_len, sizeof print_buf - print_len,
				      "%s", line);
		return;
	}
	warn_count++;
	/* A warning is one bounded line that names GLIBC_TUNABLES. */
	if (n <= 0 || n > 300 || !strstr(line, "GLIBC_TUNABLES") ||
	    strchr(line, '\n') != line + n - 1)
		warn_bad_shape++;
	warn_len += snprintf(warn_log + warn_len, sizeof warn_log - warn_len, "%s",
			     n > 300 ? "(long line)\n" : line);
}

static int failures;

static void result(int ok, const char *name, const char *fmt, ...)
{
	va_list ap;

	if (ok) {
		printf("PASS: tunables unit: %s\n", name);
		return;
	}
	failures++;
	printf("FAIL: tunables unit: %s: ", name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

/* A start-up stack: environment, terminator, auxv, AT_NULL, then sentinel
   words that nothing may touch. */
#define SENTINEL ((uintptr_t)0x5e5e5e5e5e5e5e5eull)
struct stack {
	uintptr_t w[64];
	size_t nenv;
};

static void stack_build(struct stack *s, const char *const *env)
{
	size_t i = 0;

	for (; env[i]; i++)
		s->w[i] = (uintptr_t)env[i];
	s->nenv = i;
	s->w[i++] = 0;
	s->w[i++] = AT_PAGESZ; s->w[i++] = 4096;
	s->w[i++] = AT_SECURE; s->w[i++] = 1;
	s->w[i++] = AT_RANDOM; s->w[i++] = 0x1234;
	s->w[i++] = AT_NULL;   s->w[i++] = 0;
	while (i < 64)
		s->w[i++] = SENTINEL;
}

/* After removals the stack must read: the kept entries in order, NULL, the
   same auxv, AT_NULL, zeros where the tail used to be, untouched sentinels. */
static int stack_check(const struct stack *s, const char *const *kept, char *why,
		       size_t whylen)
{
	size_t i = 0, k = 0, removed;
	static const uintptr_t aux[] = { AT_PAGESZ, 4096, AT_SECURE, 1, AT_RANDOM,
					 0x1234, AT_NULL, 0 };

	for (; kept[k]; k++, i++)
		if (s->w[i] != (uintptr_t)kept[k] &&
		    (s->w[i] == 0 || strcmp((char *)s->w[i], kept[k]))) {
			snprintf(why, whylen, "slot %zu is [%s], expected [%s]", i,
				 s->w[i] ? (char *)s->w[i] : "(null)", kept[k]);
			return 0;
		}
	if (s->w[i++] != 0) {
		snprintf(why, whylen, "no terminator after %zu kept entries", k);
		return 0;
	}
	for (size_t a = 0; a < 8; a++, i++)
		if (s->w[i] != aux[a]) {
			snprintf(why, whylen, "auxv word %zu is %#lx, expected %#lx", a,
				 (unsigned long)s->w[i], (unsigned long)aux[a]);
			return 0;
		}
	removed = s->nenv - k;
	for (size_t z = 0; z < removed; z++, i++)
		if (s->w[i] != 0) {
			snprintf(why, whylen, "vacated word %zu not cleared", i);
			return 0;
		}
	for (; i < 64; i++)
		if (s->w[i] != SENTINEL) {
			snprintf(why, whylen, "word %zu beyond the vectors was written", i);
			return 0;
		}
	return 1;
}

/* Run tunables_init over ENV and compare values, warnings and the input. */
static void expect(const char *name, const char *const *env, int secure,
		   int64_t rseq, uint64_t stls, int warnings)
{
	struct stack s;
	size_t n = 0;
	char **copy;
	int untouched = 1;

	while (env[n])
		n++;
	copy = calloc(n + 1, sizeof *copy);
	for (size_t i = 0; i < n; i++)
		copy[i] = strdup(env[i]);
	stack_build(&s, env);
	warn_count = warn_bad_shape = 0;
	warn_len = 0;
	warn_log[0] = 0;

	tunables_init((char **)s.w, secure);

	for (size_t i = 0; i < n; i++)
		if (strcmp(copy[i], env[i]))
			untouched = 0;
	if (!untouched)
		result(0, name, "the environment string was written");
	else if (dl_rseq_enabled != rseq)
		result(0, name, "glibc.pthread.rseq = %d, expected %lld",
		       dl_rseq_enabled, (long long)rseq);
	else if (dl_tls_static_surplus != stls)
		result(0, name, "glibc.rtld.optional_static_tls = %zu, expected %llu",
		       dl_tls_static_surplus, (unsigned long long)stls);
	else if (warn_count != warnings)
		result(0, name, "%d warnings, expected %d: %s", warn_count, warnings,
		       warn_log);
	else if (warn_bad_shape)
		result(0, name, "warning not one bounded line naming GLIBC_TUNABLES: %s",
		       warn_log);
	else
		result(1, name, NULL);
	for (size_t i = 0; i < n; i++)
		free(copy[i]);
	free(copy);
}

struct tcase {
	const char *value; /* GLIBC_TUNABLES value; NULL: variable absent */
	int64_t rseq;
	uint64_t stls;
	int warnings;
};

static const struct tcase cases[] = {
	{ NULL, DEF_RSEQ, DEF_STLS, 0 },
	{ "", DEF_RSEQ, DEF_STLS, 0 },
	{ "glibc.pthread.rseq=0", 0, DEF_STLS, 0 },
	{ "glibc.pthread.rseq=1", 1, DEF_STLS, 0 },
	{ "glibc.rtld.optional_static_tls=4096", DEF_RSEQ, 4096, 0 },
	{ "glibc.pthread.rseq=0:glibc.rtld.optional_static_tls=4096", 0, 4096, 0 },
	/* Empty segments are skipped. */
	{ "glibc.pthread.rseq=0::glibc.rtld.optional_static_tls=4096", 0, 4096, 0 },
	{ ":glibc.pthread.rseq=0", 0, DEF_STLS, 0 },
	{ "glibc.pthread.rseq=0:", 0, DEF_STLS, 0 },
	{ ":", DEF_RSEQ, DEF_STLS, 0 },
	{ "::", DEF_RSEQ, DEF_STLS, 0 },
	{ ":::glibc.rtld.optional_static_tls=8:::", DEF_RSEQ, 8, 0 },
	/* An empty value is not a number. */
	{ "glibc.pthread.rseq=", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.pthread.rseq=:glibc.rtld.optional_static_tls=4096", DEF_RSEQ, 4096, 1 },
	/* The last duplicate wins, even when it is the invalid one. */
	{ "glibc.pthread.rseq=0:glibc.pthread.rseq=1", 1, DEF_STLS, 0 },
	{ "glibc.pthread.rseq=1:glibc.pthread.rseq=0", 0, DEF_STLS, 0 },
	{ "glibc.pthread.rseq=0:glibc.rtld.optional_static_tls=64:glibc.pthread.rseq=1",
	  1, 64, 0 },
	{ "glibc.pthread.rseq=0:glibc.pthread.rseq=abc", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.pthread.rseq=abc:glibc.pthread.rseq=0", 0, DEF_STLS, 0 },
	/* Out of range: ignored, no truncation to 32 bits. */
	{ "glibc.pthread.rseq=2", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.pthread.rseq=-1", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.pthread.rseq=4294967296", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.pthread.rseq=0x100000001", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.pthread.rseq=2:glibc.rtld.optional_static_tls=4096", DEF_RSEQ, 4096, 1 },
	/* Number syntax: decimal, 0x hex, leading-0 octal. */
	{ "glibc.pthread.rseq=0x0", 0, DEF_STLS, 0 },
	{ "glibc.pthread.rseq=00", 0, DEF_STLS, 0 },
	{ "glibc.rtld.optional_static_tls=0x1000", DEF_RSEQ, 4096, 0 },
	{ "glibc.rtld.optional_static_tls=0X1f", DEF_RSEQ, 31, 0 },
	{ "glibc.rtld.optional_static_tls=0xAbC", DEF_RSEQ, 0xabc, 0 },
	{ "glibc.rtld.optional_static_tls=010", DEF_RSEQ, 8, 0 },
	{ "glibc.rtld.optional_static_tls=0", DEF_RSEQ, 0, 0 },
	{ "glibc.rtld.optional_static_tls=+64", DEF_RSEQ, 64, 0 },
	{ "glibc.rtld.optional_static_tls= 64", DEF_RSEQ, 64, 0 },
	/* glibc's strtoul negates modulo 2^64: -1 is SIZE_MAX (tst-tunables). */
	{ "glibc.rtld.optional_static_tls=-1", DEF_RSEQ, SIZE_MAX, 0 },
	{ "glibc.rtld.optional_static_tls=18446744073709551615", DEF_RSEQ, SIZE_MAX, 0 },
	{ "glibc.rtld.optional_static_tls=0xffffffffffffffff", DEF_RSEQ, SIZE_MAX, 0 },
	{ "glibc.rtld.optional_static_tls=01777777777777777777777", DEF_RSEQ, SIZE_MAX, 0 },
	/* Not a number: junk, bad digits, overflow. */
	{ "glibc.rtld.optional_static_tls=18446744073709551616", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.rtld.optional_static_tls=99999999999999999999999", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.rtld.optional_static_tls=0x10000000000000000", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.rtld.optional_static_tls=02000000000000000000000", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.rtld.optional_static_tls=08", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.rtld.optional_static_tls=0x", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.rtld.optional_static_tls=0xg", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.rtld.optional_static_tls=12abc", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.rtld.optional_static_tls=64 ", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.rtld.optional_static_tls=-", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.rtld.optional_static_tls=--1", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.rtld.optional_static_tls=abc", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.pthread.rseq=abc:glibc.rtld.optional_static_tls=64", DEF_RSEQ, 64, 1 },
	{ "glibc.pthread.rseq=0:glibc.rtld.optional_static_tls=abc", 0, DEF_STLS, 1 },
	{ "glibc.pthread.rseq=5:glibc.rtld.optional_static_tls=x", DEF_RSEQ, DEF_STLS, 2 },
	/* Unknown names are ignored silently; names match exactly. */
	{ "glibc.pthread.rseqq=0", DEF_RSEQ, DEF_STLS, 0 },
	{ "glibc.pthread.rse=0", DEF_RSEQ, DEF_STLS, 0 },
	{ "glibc.pthread=0", DEF_RSEQ, DEF_STLS, 0 },
	{ "GLIBC.PTHREAD.RSEQ=0", DEF_RSEQ, DEF_STLS, 0 },
	{ "=0", DEF_RSEQ, DEF_STLS, 0 },
	{ "glibc.malloc.check=2:glibc.pthread.rseq=0", 0, DEF_STLS, 0 },
	{ "not_valid.pthread.rseq=0:glibc.rtld.optional_static_tls=64", DEF_RSEQ, 64, 0 },
	{ "glibc.not_valid.rseq=0:glibc.pthread.rseq=0", 0, DEF_STLS, 0 },
	{ "glibc.pthread.garbage=abc:glibc.pthread.rseq=0", 0, DEF_STLS, 0 },
	/* A bare name followed by ':' is skipped, as glibc does. */
	{ "foo:glibc.pthread.rseq=0", 0, DEF_STLS, 0 },
	/* Malformed: the whole string is ignored, with one warning. */
	{ "glibc.pthread.rseq", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.rtld.optional_static_tls=64:glibc.pthread.rseq", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.pthread.rseq=0=0", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.pthread.rseq=glibc.pthread.rseq=0", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.rtld.optional_static_tls=64:glibc.pthread.rseq=0=0", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.pthread.rseq=0=0:glibc.rtld.optional_static_tls=64", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.pthread.rseq=0=0:glibc.pthread.rseq=0", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.pthread.rseq=0:glibc.rtld.optional_static_tls=4096=4096", DEF_RSEQ, DEF_STLS, 1 },
	{ "glibc.pthread.rseq==0", DEF_RSEQ, DEF_STLS, 1 },
	{ "unknown=a=b", DEF_RSEQ, DEF_STLS, 1 },
	/* After all of the above, a fresh start has the defaults again. */
	{ NULL, DEF_RSEQ, DEF_STLS, 0 },
};

static void run_table(void)
{
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *var = NULL, name[160];
		const char *env[3] = { "HOME=/root", NULL, NULL };

		if (cases[i].value) {
			var = malloc(strlen(cases[i].value) + 16);
			sprintf(var, "GLIBC_TUNABLES=%s", cases[i].value);
			env[1] = var;
		}
		snprintf(name, sizeof name, "[%s]", cases[i].value ? cases[i].value : "(unset)");
		expect(name, env, 0, cases[i].rseq, cases[i].stls, cases[i].warnings);
		free(var);
	}
}

/* Inputs of 200 KB and more. */
#define BIG (200 * 1024)

static char *repeat(const char *prefix, const char *unit, size_t times, const char *suffix)
{
	size_t p = strlen(prefix), u = strlen(unit), s = strlen(suffix);
	char *out = malloc(p + u * times + s + 1), *q = out;

	memcpy(q, prefix, p);
	q += p;
	for (size_t i = 0; i < times; i++, q += u)
		memcpy(q, unit, u);
	memcpy(q, suffix, s + 1);
	return out;
}

static void run_big(void)
{
	static const struct {
		const char *name, *prefix, *unit, *suffix;
		size_t times;
		int64_t rseq;
		uint64_t stls;
		int warnings;
	} big[] = {
		{ "200 KB of empty segments", "GLIBC_TUNABLES=", ":", "glibc.pthread.rseq=0",
		  BIG, 0, DEF_STLS, 0 },
		{ "200 KB of zeros as a value", "GLIBC_TUNABLES=glibc.pthread.rseq=", "0", "",
		  BIG, 0, DEF_STLS, 0 },
		{ "200 KB number overflows", "GLIBC_TUNABLES=glibc.rtld.optional_static_tls=",
		  "1", "", BIG, DEF_RSEQ, DEF_STLS, 1 },
		{ "200 KB name without '='", "GLIBC_TUNABLES=", "a", "", BIG, DEF_RSEQ,
		  DEF_STLS, 1 },
		{ "200 KB unknown name", "GLIBC_TUNABLES=", "a", "=1:glibc.pthread.rseq=0", BIG,
		  0, DEF_STLS, 0 },
		{ "10000 duplicates, last wins", "GLIBC_TUNABLES=", "glibc.pthread.rseq=0:",
		  "glibc.pthread.rseq=1", 10000, 1, DEF_STLS, 0 },
		{ "50000 unknown tunables", "GLIBC_TUNABLES=", "x=1:",
		  "glibc.rtld.optional_static_tls=7", 50000, DEF_RSEQ, 7, 0 },
		{ "repeated CVE-2023-4911 shape", "GLIBC_TUNABLES=", "glibc.pthread.rseq=", "0",
		  10000, DEF_RSEQ, DEF_STLS, 1 },
		{ "CVE shape after 200 KB of valid input", "GLIBC_TUNABLES=",
		  "glibc.rtld.optional_static_tls=1:", "glibc.pthread.rseq=glibc.pthread.rseq=0",
		  BIG / 32, DEF_RSEQ, DEF_STLS, 1 },
	};

	for (size_t i = 0; i < sizeof big / sizeof big[0]; i++) {
		char *var = repeat(big[i].prefix, big[i].unit, big[i].times, big[i].suffix);
		const char *env[] = { var, NULL };

		expect(big[i].name, env, 0, big[i].rseq, big[i].stls, big[i].warnings);
		free(var);
	}
}

static void run_multi(void)
{
	const char *two[] = { "GLIBC_TUNABLES=glibc.pthread.rseq=0",
			      "GLIBC_TUNABLES=glibc.rtld.optional_static_tls=64", NULL };
	const char *later_bad[] = { "GLIBC_TUNABLES=glibc.pthread.rseq=0",
				    "GLIBC_TUNABLES=glibc.pthread.rseq=1=1", NULL };
	const char *later_wins[] = { "GLIBC_TUNABLES=glibc.pthread.rseq=0",
				     "GLIBC_TUNABLES=glibc.pthread.rseq=1", NULL };
	const char *not_it[] = { "GLIBC_TUNABLES", "GLIBC_TUNABLESX=glibc.pthread.rseq=0",
				 "XGLIBC_TUNABLES=glibc.pthread.rseq=0",
				 "glibc_tunables=glibc.pthread.rseq=0", NULL };

	expect("two GLIBC_TUNABLES entries both apply", two, 0, 0, 64, 0);
	expect("a malformed later entry leaves the earlier one", later_bad, 0, 0, DEF_STLS, 1);
	expect("a later entry overrides an earlier one", later_wins, 0, 1, DEF_STLS, 0);
	expect("only GLIBC_TUNABLES= is read", not_it, 0, DEF_RSEQ, DEF_STLS, 0);
}

static void run_secure(void)
{
	const char *env[] = { "A=1", "GLIBC_TUNABLES=glibc.pthread.rseq=0", "B=2",
			      "GLIBC_TUNABLES=glibc.rtld.optional_static_tls=64",
			      "GLIBC_TUNABLES=glibc.pthread.rseq=0=0", NULL };
	const char *kept[] = { "A=1", "B=2", NULL };
	const char *plain[] = { "A=1", "B=2", NULL };
	struct stack s;
	char why[200];

	expect("secure: every tunable ignored, no warning", env, 1, DEF_RSEQ, DEF_STLS, 0);

	stack_build(&s, env);
	auxv_parse(&s.w[s.nenv + 1]);
	tunables_init((char **)s.w, 1);
	result(stack_check(&s, kept, why, sizeof why),
	       "secure: GLIBC_TUNABLES removed, auxv follows", "%s", why);
	result(__auxv.vec == &s.w[3], "secure: the saved auxv pointer follows the move",
	       "vec %p, expected %p", (void *)__auxv.vec, (void *)&s.w[3]);

	stack_build(&s, env);
	tunables_init((char **)s.w, 0);
	result(stack_check(&s, env, why, sizeof why),
	       "not secure: the environment is left alone", "%s", why);

	stack_build(&s, plain);
	tunables_init((char **)s.w, 1);
	result(stack_check(&s, plain, why, sizeof why),
	       "secure without GLIBC_TUNABLES: nothing moves", "%s", why);
}

static void run_scrub(void)
{
	const char *env[] = {
		"LD_PRELOAD=/tmp/evil.so", "PATH=/bin", "LD_LIBRARY_PATH=/tmp",
		"LD_LIBRARY_PATHS=keep", "LD_PRELOAD", "GLIBC_TUNABLES=glibc.pthread.rseq=0",
		"TMPDIR=/tmp", "LD_BIND_NOW=1", "HOME=/root", "LD_DEBUG_OUTPUT=/tmp/x",
		"LD_=1", "=LD_PRELOAD", "LD_AUDIT=/tmp/a.so", "LD_PROFILE=libc.so.6",
		"LD_ORIGIN_PATH=/tmp", "GCONV_PATH=/tmp", "LOCALDOMAIN=x", "ld_preload=/x",
		"LD_DEBUG=all", "MALLOC_TRACE=/tmp/m", "NLSPATH=/tmp", "TZDIR=/tmp", NULL };
	const char *kept[] = { "PATH=/bin", "LD_LIBRARY_PATHS=keep", "HOME=/root",
			       "LD_=1", "=LD_PRELOAD", "ld_preload=/x", NULL };
	const char *all_gone[] = { "LD_PRELOAD=/a", "LD_LIBRARY_PATH=/b", NULL };
	const char *none[] = { NULL };
	const char *clean[] = { "PATH=/bin", "HOME=/", NULL };
	struct stack s;
	char why[200];

	stack_build(&s, env);
	dl_scrub_env((char **)s.w);
	result(stack_check(&s, kept, why, sizeof why), "scrub: unsecure variables removed",
	       "%s", why);

	stack_build(&s, all_gone);
	dl_scrub_env((char **)s.w);
	result(stack_check(&s, none, why, sizeof why), "scrub: every entry removed", "%s", why);

	stack_build(&s, none);
	dl_scrub_env((char **)s.w);
	result(stack_check(&s, none, why, sizeof why), "scrub: empty environment", "%s", why);

	stack_build(&s, clean);
	dl_scrub_env((char **)s.w);
	result(stack_check(&s, clean, why, sizeof why), "scrub: nothing to remove", "%s", why);
}

/* glibc's --list-tunables line format: int32 in decimal, size_t in hex. */
static void run_print(void)
{
	const char *env[] = { "GLIBC_TUNABLES=glibc.pthread.rseq=0:"
			      "glibc.rtld.optional_static_tls=0x1000", NULL };
	const char *dflt[] = { NULL };
	struct stack s;

	stack_build(&s, dflt);
	tunables_init((char **)s.w, 0);
	print_len = 0;
	print_buf[0] = 0;
	tunables_print(1);
	result(!strcmp(print_buf, "glibc.pthread.rseq: 1 (min: 0, max: 1)\n"
		       "glibc.rtld.optional_static_tls: 0x200 (min: 0x0, max: 0xffffffffffffffff)\n"),
	       "list-tunables defaults", "got [%s]", print_buf);

	stack_build(&s, env);
	tunables_init((char **)s.w, 0);
	print_len = 0;
	print_buf[0] = 0;
	tunables_print(1);
	result(!strcmp(print_buf, "glibc.pthread.rseq: 0 (min: 0, max: 1)\n"
		       "glibc.rtld.optional_static_tls: 0x1000 (min: 0x0, max: 0xffffffffffffffff)\n"),
	       "list-tunables after GLIBC_TUNABLES", "got [%s]", print_buf);
}

int main(void)
{
	run_table();
	run_big();
	run_multi();
	run_secure();
	run_scrub();
	run_print();
	return failures != 0;
}
