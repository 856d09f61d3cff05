/* The dl* API, one subtest per run: `dltest LIBDIR TEST`.  Built with gcc
   against glibc and with rseq-cc against ld-rseq; dl.t requires the two
   outputs to be identical.  Lines "check NAME: ok|BAD" state the API rule
   being tested, so the glibc run also proves the test itself right.
   Nothing printed depends on addresses or on which other objects (vDSO,
   libc) a loader keeps. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <fcntl.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *dir;

static void check(const char *name, int ok)
{
	printf("check %s: %s\n", name, ok ? "ok" : "BAD");
}

static char *path(const char *lib)
{
	static char buf[8][512];
	static int n;
	char *p = buf[n++ % 8];
	snprintf(p, sizeof buf[0], "%s/%s", dir, lib);
	return p;
}

/* Does dlerror() name `what`?  The wording is the loader's own. */
static void check_error(const char *name, const char *what)
{
	const char *e = dlerror();
	char n[128];
	snprintf(n, sizeof n, "%s: dlerror names %s", name, what);
	check(n, e && strstr(e, what));
	snprintf(n, sizeof n, "%s: dlerror then NULL", name);
	check(n, dlerror() == NULL);
}

/* Is `needle` in /proc/self/maps? */
static int mapped(const char *needle)
{
	static char buf[1 << 17];
	size_t len = 0;
	ssize_t r;
	int fd = open("/proc/self/maps", O_RDONLY);
	if (fd < 0)
		return -1;
	while (len < sizeof buf - 1 && (r = read(fd, buf + len, sizeof buf - 1 - len)) > 0)
		len += r;
	close(fd);
	buf[len] = 0;
	return strstr(buf, needle) != NULL;
}

static void *must_open(const char *file, int mode)
{
	void *h = dlopen(file, mode);
	if (!h) {
		printf("dlopen %s failed: %s\n", file, dlerror());
		exit(1);
	}
	return h;
}

static void *must_sym(void *h, const char *name)
{
	void *p = dlsym(h, name);
	if (!p) {
		printf("dlsym %s failed: %s\n", name, dlerror());
		exit(1);
	}
	return p;
}

static int t_open(void)
{
	void *h1 = must_open("libdla.so", RTLD_NOW);
	void *h2 = must_open(path("libdla.so"), RTLD_NOW);
	check("soname and path give one handle", h1 == h2);
	int (*f)(void) = (int (*)(void))must_sym(h1, "a_func");
	printf("a_func=%d\n", f());
	void *self = dlopen(NULL, RTLD_NOW);
	check("dlopen(NULL) is the program", self && dlsym(self, "main_marker") != NULL);
	check("dlclose first", dlclose(h1) == 0);
	check("dlclose second", dlclose(h2) == 0);
	return 0;
}

static int t_scope(void)
{
	void *a = must_open(path("libdla.so"), RTLD_NOW | RTLD_LOCAL);
	check("RTLD_LOCAL: not in RTLD_DEFAULT", dlsym(RTLD_DEFAULT, "a_func") == NULL);
	check_error("RTLD_LOCAL lookup", "a_func");
	check("RTLD_LOCAL: in its handle", dlsym(a, "a_func") != NULL);
	check("dependent of a local object fails",
	      dlopen(path("libdlb.so"), RTLD_NOW) == NULL);
	check_error("dependent of a local object", "provided_by_a");
	check("failed dlopen left nothing loaded",
	      dlopen(path("libdlb.so"), RTLD_NOW | RTLD_NOLOAD) == NULL);
	/* glibc: RTLD_NOLOAD of an object not loaded is not an error. */
	printf("NOLOAD miss sets dlerror=%d\n", dlerror() != NULL);
	check("failed object unmapped", mapped(path("libdlb.so")) == 0);
	void *g = must_open(path("libdla.so"), RTLD_NOW | RTLD_NOLOAD | RTLD_GLOBAL);
	check("NOLOAD|GLOBAL returns the same handle", g == a);
	check("promoted: in RTLD_DEFAULT", dlsym(RTLD_DEFAULT, "a_func") != NULL);
	void *b = must_open(path("libdlb.so"), RTLD_NOW);
	int (*bf)(void) = (int (*)(void))must_sym(b, "b_func");
	printf("b_func=%d\n", bf());
	return 0;
}

static int t_sym(void)
{
	void *a = must_open(path("libdla.so"), RTLD_NOW);
	int *data = must_sym(a, "a_data");
	int (*rd)(void) = (int (*)(void))must_sym(a, "a_read_data");
	printf("a_data=%d\n", *data);
	*data = 99;
	printf("a_read_data after write=%d\n", rd());
	void *v = must_open(path("libdlver.so"), RTLD_NOW);
	int (*vf)(void) = (int (*)(void))must_sym(v, "vfunc");
	printf("vfunc (default version)=%d\n", vf());
	/* A handle's lookup covers the object and its dependencies only. */
	void *c = must_open(path("libdlc.so"), RTLD_NOW);
	check("dlsym finds a dependency's symbol", dlsym(c, "e_value") != NULL);
	check("dlsym does not look outside the handle", dlsym(a, "lib_greet") == NULL);
	dlerror();
	check("RTLD_DEFAULT finds the C library's printf", dlsym(RTLD_DEFAULT, "printf") != NULL);
	check("RTLD_DEFAULT finds a linked library's symbol", dlsym(RTLD_DEFAULT, "call_greet") != NULL);
	return 0;
}

static int t_errors(void)
{
	check("no error at start", dlerror() == NULL);
	check("missing library", dlopen("libdl_missing.so", RTLD_NOW) == NULL);
	check_error("missing library", "libdl_missing.so");
	check("missing path", dlopen(path("libdl_missing2.so"), RTLD_NOW) == NULL);
	check_error("missing path", "libdl_missing2.so");
	void *a = must_open(path("libdla.so"), RTLD_NOW);
	check("missing symbol", dlsym(a, "no_such_sym") == NULL);
	check_error("missing symbol", "no_such_sym");
	check("missing symbol in RTLD_DEFAULT", dlsym(RTLD_DEFAULT, "no_such_sym2") == NULL);
	check_error("missing symbol in RTLD_DEFAULT", "no_such_sym2");
	check("undefined symbol in library", dlopen(path("libdlundef.so"), RTLD_NOW) == NULL);
	check_error("undefined symbol in library", "no_such_symbol_xyz");
	check("undefined: nothing left loaded",
	      dlopen(path("libdlundef.so"), RTLD_NOW | RTLD_NOLOAD) == NULL);
	dlerror();
	check("undefined: unmapped", mapped(path("libdlundef.so")) == 0);
	check("no mode bits", dlopen(path("libdla.so"), 0) == NULL);
	check("no mode bits: error set", dlerror() != NULL);
	printf("still running\n");
	return 0;
}

static void *error_thread(void *arg)
{
	(void)arg;
	check("thread: main's error not seen", dlerror() == NULL);
	dlsym(RTLD_DEFAULT, "thread_missing_sym");
	check_error("thread", "thread_missing_sym");
	return NULL;
}

static int t_error_threads(void)
{
	pthread_t t;
	dlsym(RTLD_DEFAULT, "main_missing_sym");
	pthread_create(&t, NULL, error_thread, NULL);
	pthread_join(t, NULL);
	check_error("main after thread", "main_missing_sym");
	return 0;
}

static int t_unload(void)
{
	const char *c = path("libdlc.so");
	void *h = must_open(c, RTLD_NOW);
	int (*bump)(void) = (int (*)(void))must_sym(h, "c_bump");
	printf("c_bump=%d\n", bump());
	printf("c_bump=%d\n", bump());
	check("mapped while open", mapped(c) == 1);
	check("dependency mapped", mapped(path("libdle.so")) == 1);
	printf("dlclose\n");
	check("dlclose returns 0", dlclose(h) == 0);
	check("unmapped after dlclose", mapped(c) == 0);
	check("dependency unmapped", mapped(path("libdle.so")) == 0);
	check("NOLOAD after unload", dlopen(c, RTLD_NOW | RTLD_NOLOAD) == NULL);
	dlerror();
	printf("dlopen again\n");
	h = must_open(c, RTLD_NOW);
	bump = (int (*)(void))must_sym(h, "c_bump");
	printf("c_bump after reload=%d\n", bump());
	printf("dlclose\n");
	dlclose(h);
	printf("end\n");
	return 0;
}

static int t_refcount(void)
{
	const char *c = path("libdlc.so");
	void *h1 = must_open(c, RTLD_NOW);
	void *h2 = must_open("libdlc.so", RTLD_NOW);
	check("second dlopen same handle", h1 == h2);
	printf("first dlclose\n");
	dlclose(h1);
	check("still mapped after one dlclose", mapped(c) == 1);
	int (*bump)(void) = (int (*)(void))must_sym(h2, "c_bump");
	printf("c_bump=%d\n", bump());
	void *h3 = dlopen(c, RTLD_NOW | RTLD_NOLOAD);
	check("NOLOAD finds it", h3 == h1);
	printf("NOLOAD dlclose\n");
	dlclose(h3);
	check("still mapped", mapped(c) == 1);
	printf("last dlclose\n");
	dlclose(h2);
	check("unmapped after the last dlclose", mapped(c) == 0);
	printf("end\n");
	return 0;
}

static int t_nodelete(void)
{
	const char *d = path("libdld.so");
	check("NOLOAD before load", dlopen(d, RTLD_NOW | RTLD_NOLOAD) == NULL);
	dlerror();
	void *h = must_open(d, RTLD_NOW | RTLD_NODELETE);
	int (*bump)(void) = (int (*)(void))must_sym(h, "d_bump");
	printf("d_bump=%d\n", bump());
	printf("dlclose\n");
	dlclose(h);
	check("NODELETE: still mapped", mapped(d) == 1);
	h = dlopen(d, RTLD_NOW | RTLD_NOLOAD);
	check("NODELETE: NOLOAD finds it", h != NULL);
	bump = (int (*)(void))must_sym(h, "d_bump");
	printf("d_bump (state kept)=%d\n", bump());
	printf("exit\n");
	return 0;
}

static int t_dladdr(void)
{
	const char *a = path("libdla.so");
	void *h = must_open(a, RTLD_NOW);
	void *f = must_sym(h, "a_func");
	Dl_info info;
	memset(&info, 0, sizeof info);
	check("dladdr finds the function", dladdr(f, &info) != 0);
	check("dli_fname is the opened path", info.dli_fname && !strcmp(info.dli_fname, a));
	check("dli_sname", info.dli_sname && !strcmp(info.dli_sname, "a_func"));
	check("dli_saddr", info.dli_saddr == f);
	memset(&info, 0, sizeof info);
	check("dladdr inside the function", dladdr((char *)f + 1, &info) != 0);
	check("inside: dli_sname", info.dli_sname && !strcmp(info.dli_sname, "a_func"));
	check("inside: dli_saddr", info.dli_saddr == f);
	void *data = must_sym(h, "a_data");
	memset(&info, 0, sizeof info);
	check("dladdr on data", dladdr(data, &info) != 0 && info.dli_sname &&
	      !strcmp(info.dli_sname, "a_data"));
	struct link_map *lm = NULL;
	check("dlinfo LINKMAP", dlinfo(h, RTLD_DI_LINKMAP, &lm) == 0 && lm);
	check("l_name is the opened path", lm && !strcmp(lm->l_name, a));
	check("dli_fbase at l_addr for a shared object", lm &&
	      (uintptr_t)info.dli_fbase == lm->l_addr);
	check("l_ld is dynamic", lm && lm->l_ld && lm->l_ld->d_tag != DT_NULL);
	check("l_prev links back", lm && lm->l_prev && lm->l_prev->l_next == lm);
	struct link_map *m = lm;
	while (m && m->l_prev)
		m = m->l_prev;
	check("chain starts with the program", m && m->l_name && m->l_name[0] == 0);
	char origin[4096] = "";
	check("dlinfo ORIGIN", dlinfo(h, RTLD_DI_ORIGIN, origin) == 0);
	check("origin is the directory", !strcmp(origin, dir));
	size_t modid = 1;
	check("dlinfo TLS_MODID without TLS", dlinfo(h, RTLD_DI_TLS_MODID, &modid) == 0 && modid == 0);
	void *t = must_open(path("libdltls.so"), RTLD_NOW);
	int *(*addr)(void) = (int *(*)(void))must_sym(t, "tls_counter_addr");
	int *mine = addr();
	check("dlinfo TLS_MODID with TLS", dlinfo(t, RTLD_DI_TLS_MODID, &modid) == 0 && modid > 0);
	void *block = NULL;
	check("dlinfo TLS_DATA", dlinfo(t, RTLD_DI_TLS_DATA, &block) == 0);
	check("TLS_DATA is this thread's block", block == (void *)mine);
	return 0;
}

struct iter {
	int n;
	char names[16][64];
	unsigned long long adds, subs;
	uintptr_t probe;        /* an address to find in some PT_LOAD */
	char probe_owner[64];
	size_t tls_modid;
	void *tls_data;
	int size_ok;
};

static const char *base(const char *p)
{
	const char *s = strrchr(p, '/');
	return s ? s + 1 : p;
}

static int iter_cb(struct dl_phdr_info *info, size_t size, void *data)
{
	struct iter *it = data;
	const char *b = base(info->dlpi_name ? info->dlpi_name : "?");
	if (it->n == 0 && info->dlpi_name && info->dlpi_name[0] == 0)
		snprintf(it->names[it->n++], 64, "<program>");
	else if (!strncmp(b, "libdl", 5) && it->n < 16)
		snprintf(it->names[it->n++], 64, "%s", b);
	it->adds = info->dlpi_adds;
	it->subs = info->dlpi_subs;
	it->size_ok = size >= offsetof(struct dl_phdr_info, dlpi_tls_data) + sizeof(void *);
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *p = &info->dlpi_phdr[i];
		uintptr_t lo = info->dlpi_addr + p->p_vaddr;
		if (p->p_type == PT_LOAD && it->probe >= lo && it->probe < lo + p->p_memsz)
			snprintf(it->probe_owner, 64, "%s", info->dlpi_name[0] ? b : "<program>");
	}
	if (!strcmp(b, "libdltls.so")) {
		it->tls_modid = info->dlpi_tls_modid;
		it->tls_data = info->dlpi_tls_data;
	}
	return 0;
}

static void list(const char *when, struct iter *it, uintptr_t probe)
{
	memset(it, 0, sizeof *it);
	it->probe = probe;
	dl_iterate_phdr(iter_cb, it);
	printf("%s:", when);
	for (int i = 0; i < it->n; i++)
		printf(" %s", it->names[i]);
	printf("\n");
	printf("%s: probe in %s\n", when, it->probe_owner[0] ? it->probe_owner : "<none>");
}

static int stop_cb(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)info, (void)size;
	return ++*(int *)data == 2 ? 77 : 0;
}

int main_marker(void);

static int t_iterate(void)
{
	struct iter a, b, c;
	list("start", &a, (uintptr_t)&main_marker);
	check("size covers the TLS fields", a.size_ok);
	void *h = must_open(path("libdla.so"), RTLD_NOW);
	list("after dlopen", &b, (uintptr_t)must_sym(h, "a_func"));
	check("dlpi_adds grew", b.adds > a.adds);
	check("dlpi_subs unchanged", b.subs == a.subs);
	dlclose(h);
	list("after dlclose", &c, (uintptr_t)&main_marker);
	check("dlpi_subs grew", c.subs > b.subs);
	check("dlpi_adds unchanged by dlclose", c.adds == b.adds);
	void *t = must_open(path("libdltls.so"), RTLD_NOW);
	int *(*addr)(void) = (int *(*)(void))must_sym(t, "tls_counter_addr");
	int *mine = addr();
	size_t modid = 0;
	dlinfo(t, RTLD_DI_TLS_MODID, &modid);
	list("with tls", &a, (uintptr_t)addr);
	check("dlpi_tls_modid as dlinfo", a.tls_modid == modid && modid > 0);
	check("dlpi_tls_data is this thread's block", a.tls_data == (void *)mine);
	int n = 0;
	check("callback's non-zero result stops the walk", dl_iterate_phdr(stop_cb, &n) == 77 && n == 2);
	return 0;
}

/* A symbol binding made by dlopen keeps the defining object loaded after
   its own handle is closed, until the user goes away. */
static int t_reldeps(void)
{
	const char *a = path("libdla.so");
	void *ha = must_open(a, RTLD_NOW | RTLD_GLOBAL);
	void *hb = must_open(path("libdlb.so"), RTLD_NOW);
	int (*bf)(void) = (int (*)(void))must_sym(hb, "b_func");
	printf("b_func=%d\n", bf());
	dlclose(ha);
	check("libdla kept while libdlb uses it", mapped(a) == 1);
	printf("b_func after dlclose(libdla)=%d\n", bf());
	dlclose(hb);
	check("both gone after dlclose(libdlb)", mapped(a) == 0 && mapped(path("libdlb.so")) == 0);
	return 0;
}

/* dlopen/dlsym/dlclose racing from two threads: every round must work. */
static void *churn(void *arg)
{
	const char *lib = arg;
	long bad = 0;
	for (int i = 0; i < 300; i++) {
		void *h = dlopen(lib, RTLD_NOW);
		int (*f)(void) = h ? (int (*)(void))dlsym(h, "a_func") : NULL;
		if (!f || f() != 42)
			bad++;
		if (h)
			dlclose(h);
	}
	return (void *)bad;
}

static int t_concurrent(void)
{
	pthread_t t[2];
	void *bad[2];
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, churn, path("libdla.so"));
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], &bad[i]);
	check("300 rounds in each of two threads", bad[0] == NULL && bad[1] == NULL);
	check("unloaded at the end", mapped(path("libdla.so")) == 0);
	return 0;
}

/* TLS in dlopen'ed libraries, from two threads. */
struct tls_lib {
	int *(*addr)(void);
	int (*bump)(int);
	void *h;
	const char *sym;
};

static void *tls_thread(void *arg)
{
	struct tls_lib *l = arg;
	int *mine = l->addr();
	check("thread: dlsym gives this thread's variable", dlsym(l->h, l->sym) == (void *)mine);
	printf("thread: initial=%d\n", *mine);
	if (l->bump)
		printf("thread: bump(7)=%d\n", l->bump(7));
	return mine;
}

static int tls_test(const char *lib, const char *sym, const char *addr_fn, const char *bump_fn)
{
	struct tls_lib l;
	l.h = must_open(path(lib), RTLD_NOW);
	l.sym = sym;
	l.addr = (int *(*)(void))must_sym(l.h, addr_fn);
	l.bump = (int (*)(int))must_sym(l.h, bump_fn);
	int *mine = l.addr();
	check("main: dlsym gives this thread's variable", dlsym(l.h, sym) == (void *)mine);
	printf("main: initial=%d\n", *mine);
	printf("main: bump(5)=%d\n", l.bump(5));
	void *theirs[2];
	pthread_t t[2];
	/* One after the other, so the output has one order. */
	for (int i = 0; i < 2; i++) {
		pthread_create(&t[i], NULL, tls_thread, &l);
		pthread_join(t[i], &theirs[i]);
	}
	check("threads had their own copies", theirs[0] != (void *)mine && theirs[1] != (void *)mine);
	printf("main: value after threads=%d\n", *mine);
	printf("main: bump(1)=%d\n", l.bump(1));
	return 0;
}

static int t_tls_gd(void) { return tls_test("libdltls.so", "tls_counter", "tls_counter_addr", "tls_bump"); }
static int t_tls_desc(void) { return tls_test("libdltlsdesc.so", "tls_counter", "tls_counter_addr", "tls_bump"); }

static int t_tls_ie(void)
{
	void *h = must_open(path("libdlie.so"), RTLD_NOW);
	int *(*addr)(void) = (int *(*)(void))must_sym(h, "ie_addr");
	int (*bump)(void) = (int (*)(void))must_sym(h, "ie_bump");
	int *mine = addr();
	check("IE: dlsym gives this thread's variable", dlsym(h, "ie_var") == (void *)mine);
	printf("ie_var=%d\n", *mine);
	printf("ie_bump=%d\n", bump());
	printf("ie_bump=%d\n", bump());
	printf("ie_var=%d\n", *mine);
	return 0;
}

/* RTLD_NEXT / RTLD_DEFAULT: this definition interposes libdlnext's. */
int lib_greet(int x);
int call_greet(int x);
int lib_greet(int x)
{
	int (*next)(int) = (int (*)(int))dlsym(RTLD_NEXT, "lib_greet");
	if (!next) {
		printf("RTLD_NEXT: %s\n", dlerror());
		return -1;
	}
	return next(x) + 1;
}

static int t_next(void)
{
	printf("lib_greet(3)=%d\n", lib_greet(3));
	printf("call_greet(4) from the library=%d\n", call_greet(4));
	check("RTLD_DEFAULT finds the program's definition",
	      dlsym(RTLD_DEFAULT, "lib_greet") == (void *)lib_greet);
	Dl_info info;
	void *next = dlsym(RTLD_NEXT, "lib_greet");
	check("RTLD_NEXT is in libdlnext", next && dladdr(next, &info) &&
	      !strcmp(base(info.dli_fname), "libdlnext.so"));
	check("RTLD_NEXT of a missing name", dlsym(RTLD_NEXT, "next_missing_sym") == NULL);
	check_error("RTLD_NEXT", "next_missing_sym");
	return 0;
}

int main_marker(void) { return 1; }

int main(int argc, char **argv)
{
	static const struct { const char *name; int (*fn)(void); } tests[] = {
		{ "open", t_open }, { "scope", t_scope }, { "sym", t_sym },
		{ "errors", t_errors }, { "error_threads", t_error_threads },
		{ "unload", t_unload }, { "refcount", t_refcount },
		{ "nodelete", t_nodelete }, { "dladdr", t_dladdr },
		{ "iterate", t_iterate }, { "tls_gd", t_tls_gd },
		{ "tls_desc", t_tls_desc }, { "tls_ie", t_tls_ie }, { "next", t_next },
		{ "reldeps", t_reldeps }, { "concurrent", t_concurrent },
	};
	setvbuf(stdout, NULL, _IONBF, 0);
	if (argc != 3) {
		fprintf(stderr, "usage: dltest LIBDIR TEST\n");
		return 2;
	}
	dir = argv[1];
	for (size_t i = 0; i < sizeof tests / sizeof *tests; i++)
		if (!strcmp(argv[2], tests[i].name))
			return tests[i].fn();
	fprintf(stderr, "dltest: no test %s\n", argv[2]);
	return 2;
}
