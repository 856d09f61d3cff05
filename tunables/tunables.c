/* The GLIBC_TUNABLES parser.  It walks the environment string in place and
   keeps only pointers and lengths into it, so there is no buffer sized from
   the input to overflow (the CVE-2023-4911 shape cannot arise), and in
   secure mode it does not parse at all. */
#include <stddef.h>
#include <stdint.h>
#include "rtld/ldso.h"
#include "rtld/secure_env.h"
#include "tcb/tls.h"
#include "tunables/tunables.h"

enum tunable_type {
	TUNABLE_INT32,  /* signed; --list-tunables prints decimal */
	TUNABLE_SIZE_T, /* unsigned; --list-tunables prints hex */
};

enum tunable_id {
#define TUNABLE(id, name, type, min, max, def, var) TUNABLE_##id,
#include "tunables/list.h"
#undef TUNABLE
	TUNABLE_COUNT
};

struct tunable_desc {
	const char *name;
	enum tunable_type type;
	uint64_t min, max, def; /* INT32 bounds are stored sign-extended */
	void *var;              /* an int for INT32, a size_t for SIZE_T */
};

/* A variable of the wrong size for its type would be half written. */
#define TUNABLE(id, name, type, min, max, def, var) \
	_Static_assert(sizeof(var) == ((type) == TUNABLE_INT32 ? sizeof(int) : sizeof(size_t)), \
		       #var " does not match the type of " name);
#include "tunables/list.h"
#undef TUNABLE

static const struct tunable_desc tunable_table[TUNABLE_COUNT] = {
#define TUNABLE(id, name, type, min, max, def, var) \
	[TUNABLE_##id] = { name, type, (uint64_t)(min), (uint64_t)(max), \
			   (uint64_t)(def), &var },
#include "tunables/list.h"
#undef TUNABLE
};

/* A warning quotes at most this much of the input, which may be huge. */
#define QUOTE_MAX 64

static const char env_name[] = "GLIBC_TUNABLES=";

static void set(const struct tunable_desc *t, uint64_t v)
{
	if (t->type == TUNABLE_INT32)
		*(int *)t->var = (int)v;
	else
		*(size_t *)t->var = (size_t)v;
}

static uint64_t get(const struct tunable_desc *t)
{
	if (t->type == TUNABLE_INT32)
		return (uint64_t)(int64_t)*(int *)t->var;
	return *(size_t *)t->var;
}

static int name_is(const char *s, size_t len, const char *name)
{
	size_t i = 0;

	while (i < len && name[i] && s[i] == name[i])
		i++;
	return i == len && !name[i];
}

static unsigned digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

/* glibc's number syntax: optional blanks and sign, then 0x hex, leading-0
   octal or decimal, up to the end of the value.  A minus negates modulo 2^64
   as glibc's strtoul does, so "-1" is SIZE_MAX.  No digits, trailing junk or
   a value above UINT64_MAX: not a number. */
static int parse_number(const char *s, size_t len, uint64_t *out)
{
	const char *end = s + len;
	unsigned base = 10;
	uint64_t v = 0;
	int neg = 0;

	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	if (s < end && (*s == '-' || *s == '+'))
		neg = *s++ == '-';
	if (end - s > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	} else if (s < end && s[0] == '0') {
		base = 8;
	}
	if (s == end)
		return 0;
	for (; s < end; s++) {
		unsigned d = digit_value(*s);

		if (d >= base || v > (UINT64_MAX - d) / base)
			return 0;
		v = v * base + d;
	}
	*out = neg ? -v : v;
	return 1;
}

static int in_range(const struct tunable_desc *t, uint64_t v)
{
	if (t->type == TUNABLE_INT32)
		return (int64_t)v >= (int64_t)t->min && (int64_t)v <= (int64_t)t->max;
	return v >= t->min && v <= t->max;
}

static int longer_than(const char *s, size_t n)
{
	for (size_t i = 0; i <= n; i++)
		if (!s[i])
			return 0;
	return 1;
}

static int quote_len(size_t len)
{
	return len > QUOTE_MAX ? QUOTE_MAX : (int)len;
}

static void apply(enum tunable_id id, const char *s, size_t len)
{
	const struct tunable_desc *t = &tunable_table[id];
	const char *more = len > QUOTE_MAX ? "..." : "";
	uint64_t v;

	if (!parse_number(s, len, &v))
		dl_printf(2, "ld-rseq: WARNING: GLIBC_TUNABLES: %s: `%.*s%s' is not a "
			  "number, ignored\n", t->name, quote_len(len), s, more);
	else if (!in_range(t, v))
		dl_printf(2, "ld-rseq: WARNING: GLIBC_TUNABLES: %s: `%.*s%s' is out of "
			  "range, ignored\n", t->name, quote_len(len), s, more);
	else
		set(t, v);
}

/* One GLIBC_TUNABLES value.  First the shape of the whole string is checked
   and the last value given for each known name remembered; only a
   well-formed string is applied.  Empty segments are skipped, so is a bare
   name followed by ':' (as glibc does); unknown names are ignored. */
static void parse(const char *str)
{
	struct { const char *s; size_t len; } last[TUNABLE_COUNT] = { { 0, 0 } };
	const char *p = str;

	while (*p) {
		const char *name = p, *val;

		while (*p && *p != '=' && *p != ':')
			p++;
		if (*p != '=') {
			if (!*p && p != name)
				goto malformed; /* trailing name without '=' */
			if (*p)
				p++;
			continue;
		}
		val = ++p;
		while (*p && *p != '=' && *p != ':')
			p++;
		if (*p == '=')
			goto malformed; /* a value cannot contain '=' */
		for (int i = 0; i < TUNABLE_COUNT; i++)
			if (name_is(name, (size_t)(val - 1 - name), tunable_table[i].name)) {
				last[i].s = val;
				last[i].len = (size_t)(p - val);
			}
		if (*p)
			p++;
	}
	for (int i = 0; i < TUNABLE_COUNT; i++)
		if (last[i].s)
			apply((enum tunable_id)i, last[i].s, last[i].len);
	return;

malformed:
	dl_printf(2, "ld-rseq: WARNING: GLIBC_TUNABLES `%.*s%s' is malformed, "
		  "all of it ignored\n", QUOTE_MAX, str,
		  longer_than(str, QUOTE_MAX) ? "..." : "");
}

void tunables_init(char **envp, int secure)
{
	for (int i = 0; i < TUNABLE_COUNT; i++)
		set(&tunable_table[i], tunable_table[i].def);
	if (secure) {
		dl_env_unset(envp, "GLIBC_TUNABLES\0");
		return;
	}
	for (; *envp; envp++) {
		size_t i = 0;

		while (env_name[i] && (*envp)[i] == env_name[i])
			i++;
		if (!env_name[i])
			parse(*envp + i);
	}
}

void tunables_print(int fd)
{
	for (int i = 0; i < TUNABLE_COUNT; i++) {
		const struct tunable_desc *t = &tunable_table[i];

		if (t->type == TUNABLE_INT32)
			dl_printf(fd, "%s: %d (min: %d, max: %d)\n", t->name,
				  (int)get(t), (int)t->min, (int)t->max);
		else
			dl_printf(fd, "%s: 0x%zx (min: 0x%zx, max: 0x%zx)\n", t->name,
				  (size_t)get(t), (size_t)t->min, (size_t)t->max);
	}
}
