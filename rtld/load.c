/* Loading the dependency graph: breadth-first over DT_NEEDED, one object per
   soname and per file (device and inode), the loader's own soname satisfied
   by the loader. */
#include <linux/stat.h>
#include "rtld/stage.h"
#include "rtld/sys.h"
#include "rtld/util.h"
#include "rtld/handoff.h"

#define LDSO_SONAME "ld-rseq.so.1"

struct dso *__dl_head, *__dl_tail;
struct dso __dl_self;
unsigned long long dl_n_adds, dl_n_subs;
struct dl_pending dl_pending = { -1, 0, 0 };
int dl_started; /* the initial objects are running: loads are dlopen's */

/* The names (soname and name asked for) and the files (inode) of the loaded
   objects, as a Bloom filter of two bits each: most DT_NEEDED names and most
   files are new, and the filter says so without a walk over the list.  An
   object is entered as it is appended, with its names and file known; one
   unloaded leaves its bits set, which costs a walk, never a wrong answer. */
static uint64_t seen[8];

static int filter(uint32_t h, int add)
{
	uint64_t *a = &seen[h >> 6 & 7], *b = &seen[h >> 15 & 7];
	uint64_t x = 1ull << (h & 63), y = 1ull << (h >> 9 & 63);
	int hit = (*a & x) && (*b & y);

	if (add) {
		*a |= x;
		*b |= y;
	}
	return hit;
}

void dl_append(struct dso *p)
{
	if (p->soname)
		filter(p->soname_hash, 1);
	if (p->req_name && (!p->soname || p->req_hash != p->soname_hash))
		filter(p->req_hash, 1);
	filter((uint32_t)p->ino, 1);
	dl_n_adds++;
	p->prev = __dl_tail;
	if (__dl_tail)
		__dl_tail->next = p;
	else
		__dl_head = p;
	__dl_tail = p;
}

static const char *base_name(const char *s)
{
	const char *b = s;

	for (; *s; s++)
		if (*s == '/')
			b = s + 1;
	return b;
}

/* Is name (a DT_NEEDED entry, an LD_PRELOAD element or a dlopen argument)
   already loaded?  Bare names match sonames, paths match the path opened.
   h is the gnu_hash of a bare name. */
static struct dso *find_loaded(const char *name, int path, uint32_t h)
{
	if (!path && !filter(h, 0))
		return 0;
	for (struct dso *p = __dl_head; p; p = p->next) {
		if (path ? !strcmp(p->name, name)
			 : (p->soname_hash == h && p->soname && !strcmp(p->soname, name)) ||
				   (p->req_hash == h && p->req_name && !strcmp(p->req_name, name)))
			return p;
	}
	return 0;
}

struct dso *dl_find_loaded(const char *name)
{
	return find_loaded(name, !!strchr(name, '/'), gnu_hash(name));
}

/* The object loaded from the file st describes, whatever name it was
   loaded by (a link, another directory, a path then a bare name). */
static struct dso *find_file(const struct statx *st)
{
	uint64_t dev = (uint64_t)st->stx_dev_major << 32 | st->stx_dev_minor, ino = st->stx_ino;

	for (struct dso *q = filter((uint32_t)ino, 0) ? __dl_head : 0; q; q = q->next)
		if (q->dev == dev && q->ino == ino && !q->mapped_by_kernel)
			return q;
	return 0;
}

struct dso *dl_find_opened(const char *name, struct dso *needed_by)
{
	struct dso *p = dl_find_loaded(name);
	char *path = 0;
	struct statx st;

	if (p)
		return p;
	int fd = dl_open_path(name, needed_by, &path);
	if (fd < 0)
		return 0;
	dl_free(path);
	dl_file_stat(fd, &st);
	sys_close(fd);
	return find_file(&st);
}

struct dso *dl_load_library(const char *name, struct dso *needed_by)
{
	struct dso *p;
	char *path = 0;
	const char *base = base_name(name);
	uint32_t h = gnu_hash(name);

	if (!strcmp(base, LDSO_SONAME))
		return &__dl_self;
	if ((p = find_loaded(name, base != name, h)))
		return p;
	if (!strcmp(base, "libc.so.6"))
		dl_handoff_glibc(name);

	dl_debug(DL_DEBUG_LIBS, "     file=%s;  needed by %s\n", name,
		 needed_by ? (*needed_by->name ? needed_by->name : dl_opts.argv0) : "LD_PRELOAD");
	int fd = dl_open_path(name, needed_by, &path);
	if (fd < 0 && dl_opts.trace_missing && !dl_started) {
		/* ldd-style listing: a placeholder, so the rest is still listed. */
		p = dl_alloc(sizeof *p);
		p->name = dl_strdup(name);
		p->req_name = p->name;
		p->req_hash = h;
		p->missing = 1;
		p->deps = dl_alloc(sizeof *p->deps);
		dl_append(p);
		return p;
	}
	if (fd < 0)
		dl_error("error while loading shared libraries: %s: cannot open shared object file: %s",
			 name, strerror(-fd));

	struct statx st;
	dl_file_stat(fd, &st);
	if ((p = find_file(&st))) {
		sys_close(fd);
		dl_free(path);
		return p;
	}
	dl_pending.fd = fd;
	p = dl_map_file(fd, &st, path, 0);
	dl_pending.fd = -1;
	sys_close(fd);
	dl_free(path);
	p->load_parent = needed_by;
	p->req_name = dl_strdup(name);
	p->req_hash = h;
	dl_append(p);
	dl_debug(DL_DEBUG_LIBS, "     file=%s;  generating link map\n", p->name);
	return p;
}

/* Breadth-first: objects appended while walking are walked in turn. */
void dl_load_deps(struct dso *first)
{
	for (struct dso *p = first; p; p = p->next) {
		if (p->deps)
			continue;
		p->deps = dl_alloc((p->nneeded + 1) * sizeof *p->deps);
		for (Dyn *d = p->dynv; d->d_tag; d++) {
			if (d->d_tag != DT_NEEDED)
				continue;
			if (d->d_un.d_val >= p->strsz)
				dl_error("error while loading shared libraries: %s: %s", p->name,
					 "DT_NEEDED is outside the string table");
			p->deps[p->ndeps++] = dl_load_library(p->strings + d->d_un.d_val, p);
		}
	}
}

void dl_load_preloads(const char *list)
{
	char name[4096];

	while (*list) {
		size_t n = strcspn(list, ": \t");
		if (n && n < sizeof name) {
			char *path = 0;
			memcpy(name, list, n);
			name[n] = 0;
			/* A preload that cannot be opened is skipped, as glibc does. */
			int fd = dl_find_loaded(name) ? 0 : dl_open_path(name, 0, &path);
			if (fd < 0) {
				dl_printf(2, "ld-rseq: object '%s' from LD_PRELOAD cannot be preloaded "
					  "(%s): ignored\n", name, strerror(-fd));
			} else {
				if (fd > 0)
					sys_close(fd);
				dl_free(path);
				dl_load_library(name, 0);
			}
		}
		list += n;
		list += strspn(list, ": \t");
	}
}

static struct dso *find_soname(const char *soname)
{
	if (!strcmp(soname, LDSO_SONAME))
		return &__dl_self;
	for (struct dso *p = __dl_head; p; p = p->next)
		if (p->soname && !strcmp(p->soname, soname))
			return p;
	return 0;
}

/* Every version an object needs must be defined by the object it is needed
   from, unless the need is weak. */
void dl_check_versions(struct dso *first)
{
	for (struct dso *p = first; p; p = p->next) {
		for (size_t i = 2; i < p->nversions; i++) {
			const struct dso_version *v = &p->versions[i];
			if (!v->name || !v->file || v->weak)
				continue;
			struct dso *def = find_soname(v->file);
			if (!def || !def->nversions)
				continue;
			size_t j;
			for (j = 1; j < def->nversions; j++) {
				const struct dso_version *w = &def->versions[j];
				if (w->name && !w->file && w->hash == v->hash && !strcmp(w->name, v->name))
					break;
			}
			if (j == def->nversions)
				dl_error("error while loading shared libraries: %s: version `%s' not found (required by %s)",
					 def->name, v->name, *p->name ? p->name : dl_opts.argv0);
		}
	}
}
