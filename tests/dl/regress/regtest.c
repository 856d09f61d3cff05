/* The programs of tests/dl/regress.t, one per review defect, chosen by
   argv[1].  Built with gcc against glibc and with rseq-cc; run in the
   directory holding the libraries.  Output names no address, so the glibc
   and ld-rseq runs can be compared line for line. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A DT_RELR word pointing outside the object: dlopen must fail cleanly. */
static int relr(void)
{
	void *h = dlopen("./libregrelr.so", RTLD_NOW);
	const char *e = h ? NULL : dlerror();
	printf("dlopen: %s\n", h ? "succeeded" : "failed");
	printf("dlerror: %s\n", e && *e ? e : "(none)");
	return 0;
}

/* dlsym on a dependency's handle searches that dependency's scope only,
   and the handle stays usable after its dlopen root is closed. */
static int dephandle(void)
{
	void *ha = dlopen("./librega.so", RTLD_NOW);
	void *hb = dlopen("libregb.so", RTLD_NOW);
	int (*b)(void);
	printf("opened: root %s, dependency %s\n", ha ? "yes" : "no", hb ? "yes" : "no");
	if (!ha || !hb)
		return 1;
	printf("dlsym(dependency, root's symbol): %s\n", dlsym(hb, "a_only") ? "found" : "NULL");
	printf("dlsym(root, dependency's symbol): %s\n", dlsym(ha, "b_func") ? "found" : "NULL");
	b = (int (*)(void))dlsym(hb, "b_func");
	printf("b_func() = %d\n", b ? b() : -1);
	dlclose(ha);
	/* Reuse the address range the root may have left. */
	printf("big library opened: %s\n", dlopen("./libregx.so", RTLD_NOW) ? "yes" : "no");
	b = (int (*)(void))dlsym(hb, "b_func");
	printf("after dlclose(root): b_func() = %d\n", b ? b() : -1);
	printf("dlclose(dependency) = %d\n", dlclose(hb));
	return 0;
}

/* The object that defined a unique symbol stays loaded after dlclose. */
static int unique(void)
{
	void *h = dlopen("./libregu.so", RTLD_NOW);
	int *p = h ? dlsym(h, "uvar") : NULL, *q;
	if (!p) {
		printf("uvar not found\n");
		return 1;
	}
	printf("uvar = %d\n", *p);
	*p = 43;
	dlclose(h);
	printf("big library opened: %s\n", dlopen("./libregx.so", RTLD_NOW) ? "yes" : "no");
	printf("still loaded after dlclose: %s\n",
	       dlopen("./libregu.so", RTLD_NOW | RTLD_NOLOAD) ? "yes" : "no");
	h = dlopen("./libregu.so", RTLD_NOW);
	q = h ? dlsym(h, "uvar") : NULL;
	printf("same address: %s\n", q == p ? "yes" : "no");
	printf("uvar = %d\n", q ? *q : -1);
	return 0;
}

/* RTLD_NEXT from an RTLD_LOCAL library searches that library's scope. */
static int next(void)
{
	void *h = dlopen("./libregloc.so", RTLD_NOW | RTLD_LOCAL);
	int (*cn)(void) = h ? (int (*)(void))dlsym(h, "call_next") : NULL;
	printf("RTLD_NEXT foo from the local library: %d\n", cn ? cn() : -99);
	return 0;
}

/* An SHN_ABS symbol's value is not moved by the load base. */
static int abs_sym(void)
{
	void *h = dlopen("./libregabs.so", RTLD_NOW);
	printf("abs_sym = %p\n", h ? dlsym(h, "abs_sym") : (void *)-1);
	return 0;
}

/* RTLD_NOLOAD finds a library without DT_SONAME by the name it was
   opened by. */
static int noload(void)
{
	void *n = dlopen("libregnos.so", RTLD_NOW);
	printf("opened: %s\n", n ? "yes" : "no");
	printf("RTLD_NOLOAD by the same name: %s\n",
	       dlopen("libregnos.so", RTLD_NOW | RTLD_NOLOAD) ? "found" : "NULL");
	return 0;
}

/* dladdr matches a zero-size symbol at its own address only. */
/* RTLD_NOLOAD by other names for a loaded file: through a symlinked
   directory, a hard link, and a bare name the search finds. */
static int noload_alias(void)
{
	void *h = dlopen("./libregx.so", RTLD_NOW);
	printf("opened: %s\n", h ? "yes" : "no");
	printf("RTLD_NOLOAD via a symlinked directory: %s\n",
	       dlopen("./linkdir/libregx.so", RTLD_NOW | RTLD_NOLOAD) == h ? "same handle" : "other");
	printf("RTLD_NOLOAD via a hard link: %s\n",
	       dlopen("./libregx-hard.so", RTLD_NOW | RTLD_NOLOAD) == h ? "same handle" : "other");
	printf("RTLD_NOLOAD by bare name: %s\n",
	       dlopen("libregx.so", RTLD_NOW | RTLD_NOLOAD) == h ? "same handle" : "other");
	printf("RTLD_NOLOAD of a file not loaded: %s\n",
	       dlopen("./libregu.so", RTLD_NOW | RTLD_NOLOAD) ? "found" : "NULL");
	return 0;
}

/* A PIE is not a library: dlopen refuses it, and the program's environ
   is still the one getenv reads. */
static int pie_plugin(void)
{
	void *h = dlopen("./pieplug", RTLD_NOW);
	printf("dlopen of a PIE: %s\n", h ? "opened" : dlerror());
	if (h)
		dlclose(h);
	printf("then HOME is set: %s\n", getenv("HOME") ? "yes" : "no");
	return 0;
}

static int dladdr_zero(void)
{
	void *h = dlopen("./libregda.so", RTLD_NOW);
	void *(*g)(void) = h ? (void *(*)(void))dlsym(h, "get_hidden") : NULL;
	void *m = h ? dlsym(h, "marker") : NULL;
	Dl_info i;
	int found;
	if (!g || !m)
		return 1;
	memset(&i, 0, sizeof i);
	found = dladdr(g(), &i) != 0;
	printf("dladdr(static function): %d, object %s, sname %s\n", found,
	       i.dli_fname ? "found" : "(null)", i.dli_sname ? i.dli_sname : "(null)");
	memset(&i, 0, sizeof i);
	found = dladdr(m, &i) != 0;
	printf("dladdr(marker): %d, sname %s\n", found, i.dli_sname ? i.dli_sname : "(null)");
	return 0;
}

static long rss_kib(void)
{
	char b[128] = { 0 }, *e;
	int fd = open("/proc/self/statm", O_RDONLY);
	if (fd < 0 || read(fd, b, sizeof b - 1) <= 0)
		return -1;
	close(fd);
	strtol(b, &e, 10);
	return strtol(e, NULL, 10) * (sysconf(_SC_PAGESIZE) / 1024);
}

/* Resident memory is flat over many dlopen/dlclose cycles (or failed
   dlopens) once the first ones have warmed the allocator up. */
static int leak(const char *lib)
{
	enum { WARM = 1000, CYCLES = 2000, SLACK_KIB = 256 };
	long before = 0, after;
	int opened = 0;
	for (int i = 0; i < WARM + CYCLES; i++) {
		void *h = dlopen(lib, RTLD_NOW);
		if (h) {
			opened++;
			dlclose(h);
		} else {
			dlerror();
		}
		if (i == WARM - 1)
			before = rss_kib();
	}
	/* Measured before the first printf allocates stdout's buffer. */
	after = rss_kib();
	printf("%s: opened %d of %d\n", lib, opened, WARM + CYCLES);
	printf("RSS grew by less than %d KiB over %d cycles: %s\n", SLACK_KIB, CYCLES,
	       before > 0 && after - before < SLACK_KIB ? "yes" : "no");
	return 0;
}

/* LD_LIBRARY_PATH's string overwritten in place after start-up, as
   setproctitle does with the environment: dlopen still searches the
   directories the program started with. */
static int envwipe(void)
{
	extern char **environ;

	for (char **e = environ; *e; e++)
		if (!strncmp(*e, "LD_LIBRARY_PATH=", 16))
			memset(*e + 16, 'x', strlen(*e + 16));
	void *h = dlopen("libreglp.so", RTLD_NOW);
	printf("dlopen after overwriting LD_LIBRARY_PATH: %s\n", h ? "found" : "not found");
	return 0;
}

int main(int argc, char **argv)
{
	const char *t = argc > 1 ? argv[1] : "";
	/* Lines printed before a crash still reach the comparison. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!strcmp(t, "relr"))
		return relr();
	if (!strcmp(t, "dephandle"))
		return dephandle();
	if (!strcmp(t, "unique"))
		return unique();
	if (!strcmp(t, "next"))
		return next();
	if (!strcmp(t, "abs"))
		return abs_sym();
	if (!strcmp(t, "noload"))
		return noload();
	if (!strcmp(t, "noload_alias"))
		return noload_alias();
	if (!strcmp(t, "pie_plugin"))
		return pie_plugin();
	if (!strcmp(t, "dladdr"))
		return dladdr_zero();
	if (!strcmp(t, "envwipe"))
		return envwipe();
	if (!strcmp(t, "leak_open"))
		return leak("./librega.so");
	if (!strcmp(t, "leak_fail"))
		return leak("./libregfy.so");
	fprintf(stderr, "regtest: unknown test '%s'\n", t);
	return 2;
}
