/* Finding a library file: RPATH chain (when the object has no RUNPATH),
   LD_LIBRARY_PATH, RUNPATH, then the default directories, as glibc does.
   $ORIGIN, $LIB and $PLATFORM are expanded in each path element. */
#include <asm/unistd.h>
#include "rtld/stage.h"
#include "rtld/sys.h"
#include "rtld/util.h"
#include "auxv/auxv.h"
#include "rt/word.h"

#ifndef DEFAULT_LIB_PATH
#define DEFAULT_LIB_PATH ARCH_DEFAULT_LIB_PATH
#endif
#ifndef LIB_DIR_NAME
#define LIB_DIR_NAME ARCH_LIB_DIR_NAME
#endif

#define PATH_MAX_LEN 4096

/* The directory the object was loaded from, for $ORIGIN.  The program's is
   the directory of its resolved path (/proc/self/exe when the kernel started
   it), a library's that of the path it was opened by.  Computed once. */
static char *origin_of(const struct dso *p)
{
	char buf[PATH_MAX_LEN];
	const char *path = p->is_main ? dl_opts.program_path : p->name;

	if (p->is_main && !dl_opts.direct) {
		long n = __syscall4(__NR_readlinkat, AT_FDCWD, (long)"/proc/self/exe", (long)buf,
				    sizeof buf - 1);
		if (n > 0) {
			buf[n] = 0;
			path = buf;
		}
	}
	if (!path)
		return 0; /* no /proc: $ORIGIN of the program is unknown */
	const char *slash = strrchr(path, '/');
	if (!slash)
		return dl_strdup(".");
	if (slash == path)
		return dl_strdup("/");
	char *o = dl_alloc(slash - path + 1);
	memcpy(o, path, slash - path);
	return o;
}

const char *dl_origin(struct dso *p)
{
	if (!p->origin)
		p->origin = origin_of(p);
	return p->origin;
}

/* Expand the dynamic string tokens of one path element into out.  Returns 0
   when the element must be skipped: $ORIGIN in secure mode, or too long. */
static int expand(char *out, const char *s, size_t n, struct dso *p)
{
	size_t o = 0;

	for (size_t i = 0; i < n;) {
		const char *val = 0;
		size_t skip = 0;
		if (s[i] == '$') {
			static const char *const tok[] = { "ORIGIN", "LIB", "PLATFORM" };
			for (int t = 0; t < 3 && !val; t++) {
				size_t l = strlen(tok[t]);
				if (i + 1 + l <= n && !memcmp(s + i + 1, tok[t], l))
					skip = 1 + l;
				else if (i + 3 + l <= n && s[i + 1] == '{' &&
					 !memcmp(s + i + 2, tok[t], l) && s[i + 2 + l] == '}')
					skip = 3 + l;
				else
					continue;
				if (t == 0) {
					if (dl_secure || !p)
						return 0;
					val = dl_origin(p);
					if (!val)
						return 0;
				} else if (t == 1) {
					val = LIB_DIR_NAME;
				} else {
					val = (const char *)auxv_get(AT_PLATFORM);
					if (!val)
						return 0;
				}
			}
		}
		if (val) {
			size_t l = strlen(val);
			if (o + l >= PATH_MAX_LEN)
				return 0;
			memcpy(out + o, val, l);
			o += l;
			i += skip;
		} else {
			/* Copy up to the next '$' in one go. */
			const char *d = memchr(s + i + 1, '$', n - i - 1);
			size_t l = d ? (size_t)(d - (s + i)) : n - i;
			if (o + l >= PATH_MAX_LEN)
				return 0;
			memcpy(out + o, s + i, l);
			o += l;
			i += l;
		}
	}
	out[o] = 0;
	return 1;
}

/* Does the file look like an object for this machine?  Anything else found
   on the path (a 32-bit library, a text file) is passed over, as glibc does. */
static int usable(int fd)
{
	Ehdr e;

	if (sys_pread(fd, &e, sizeof e, 0) != sizeof e)
		return 0;
	uint32_t magic, want;
	__builtin_memcpy(&magic, e.e_ident, 4);
	__builtin_memcpy(&want, ELFMAG, 4);
	return magic == want && e.e_ident[4] == ELFCLASS64 &&
	       e.e_machine == ARCH_ELF_MACHINE;
}

static int try_open(const char *path, int *err)
{
	int fd = sys_open(path, O_RDONLY);

	dl_debug(DL_DEBUG_LIBS, "      trying file=%s\n", path);
	if (fd < 0) {
		if (fd != -2 /* ENOENT */ && fd != -20 /* ENOTDIR */)
			*err = -fd;
		return -1;
	}
	if (!usable(fd)) {
		sys_close(fd);
		*err = 8; /* ENOEXEC */
		return -1;
	}
	return fd;
}

/* The length of the list element at s (up to ':', ';' or the end) and
   whether it holds a '$'.  A list is scanned again for every name looked
   up, so it is read an aligned word at a time where no byte in the word
   ends the element. */
static size_t element_len(const char *s, int *dollar)
{
	const char *p = s;
	int d = 0;

	for (; (uintptr_t)p % WS && *p && *p != ':' && *p != ';'; p++)
		d |= *p == '$';
	if (!((uintptr_t)p % WS))
		for (;; p += WS) {
			uint64_t x = *(const aword *)p;
			if (HASZERO(x) | HASZERO(x ^ ONES * ':') | HASZERO(x ^ ONES * ';'))
				break;
			d |= !!HASZERO(x ^ ONES * '$');
		}
	for (; *p && *p != ':' && *p != ';'; p++)
		d |= *p == '$';
	*dollar = d;
	return p - s;
}

/* The elements scanned before: one RUNPATH or LD_LIBRARY_PATH serves many
   names.  An element is known by its address; the lists are the loader's
   own (its copy of LD_LIBRARY_PATH, the default directories) or a loaded
   object's, so what is remembered holds until an object is unloaded
   (dl_n_subs). */
#define NKNOWN 4
static const char *known[NKNOWN];
static size_t known_len[NKNOWN]; /* length << 1 | has '$' */
static unsigned known_next;
static unsigned long long known_subs;

static size_t element(const char *s, int *dollar)
{
	size_t i, n;

	if (known_subs != dl_n_subs) {
		memset(known, 0, sizeof known);
		known_subs = dl_n_subs;
	}
	for (i = 0; i < NKNOWN && known[i] != s; i++)
		;
	if (i == NKNOWN) {
		i = known_next++ % NKNOWN;
		known[i] = s;
		n = element_len(s, dollar);
		known_len[i] = n << 1 | *dollar;
	}
	*dollar = known_len[i] & 1;
	return known_len[i] >> 1;
}

/* Try name in each element of a colon-separated list; an empty element is
   the current directory.  An element without '$' is used as it is. */
static int search_list(const char *list, const char *name, size_t nlen, struct dso *origin,
		       char **path_out, int *err)
{
	char full[PATH_MAX_LEN];

	while (list && *list) {
		size_t dl = 1;
		int dollar, ok = 1;
		size_t n = element(list, &dollar);
		if (!n) {
			full[0] = '.';
		} else if (dollar) {
			ok = expand(full, list, n, origin);
			dl = ok ? strlen(full) : 0;
		} else {
			ok = n < PATH_MAX_LEN;
			dl = n;
			if (ok)
				memcpy(full, list, n);
		}
		if (ok && dl + nlen < sizeof full) {
			full[dl] = '/';
			memcpy(full + dl + 1, name, nlen);
			int fd = try_open(full, err);
			if (fd >= 0) {
				*path_out = memcpy(dl_alloc(dl + 1 + nlen), full, dl + 1 + nlen);
				return fd;
			}
		}
		list += n;
		if (*list)
			list++;
	}
	return -1;
}

int dl_open_path(const char *name, struct dso *needed_by, char **path_out)
{
	int err = 2; /* ENOENT */
	int fd;
	size_t nlen = strlen(name) + 1;

	if (strchr(name, '/')) {
		char full[PATH_MAX_LEN];
		if (!expand(full, name, nlen - 1, needed_by))
			return -err;
		fd = try_open(full, &err);
		if (fd >= 0)
			*path_out = dl_strdup(full);
		return fd >= 0 ? fd : -err;
	}
	if (needed_by && !needed_by->runpath) {
		int saw_main = 0;
		for (struct dso *q = needed_by; q; q = q->load_parent) {
			saw_main |= q == __dl_head;
			if (q->rpath && !q->runpath &&
			    (fd = search_list(q->rpath, name, nlen, q, path_out, &err)) >= 0)
				return fd;
		}
		/* The program's RPATH also serves objects that dlopen brought in. */
		if (!saw_main && __dl_head->rpath && !__dl_head->runpath &&
		    (fd = search_list(__dl_head->rpath, name, nlen, __dl_head, path_out, &err)) >= 0)
			return fd;
	}
	if (dl_opts.library_path &&
	    (fd = search_list(dl_opts.library_path, name, nlen, 0, path_out, &err)) >= 0)
		return fd;
	if (needed_by && needed_by->runpath &&
	    (fd = search_list(needed_by->runpath, name, nlen, needed_by, path_out, &err)) >= 0)
		return fd;
	if ((fd = search_list(DEFAULT_LIB_PATH, name, nlen, 0, path_out, &err)) >= 0)
		return fd;
	return -err;
}
