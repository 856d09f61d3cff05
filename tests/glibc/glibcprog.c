/* A glibc program with a shared library, run normally, with ld-rseq as its
   interpreter and with ld-rseq as a command: glibc.t requires the same
   output.  It reports what a loader could get wrong when it hands the
   program over: argv, environment, auxv entries, /proc/self/exe, rseq. */
#define _GNU_SOURCE
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/rseq.h>
#include <unistd.h>

int gp_twice(int x);
extern char _start[];

/* The object mapped at addr, from /proc/self/maps (its basename). */
static const char *mapping(unsigned long addr)
{
	static char name[256];
	char line[512];
	FILE *f = fopen("/proc/self/maps", "r");
	strcpy(name, "<none>");
	while (f && fgets(line, sizeof line, f)) {
		unsigned long lo, hi;
		char *p = strchr(line, '/');
		if (sscanf(line, "%lx-%lx", &lo, &hi) == 2 && addr >= lo && addr < hi && p) {
			p[strcspn(p, "\n")] = 0;
			snprintf(name, sizeof name, "%s", strrchr(p, '/') + 1);
		}
	}
	if (f)
		fclose(f);
	return name;
}

static int first_phdr(struct dl_phdr_info *info, size_t size, void *data)
{
	(void)size;
	*(struct dl_phdr_info *)data = *info;
	return 1;
}

int main(int argc, char **argv, char **envp)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	exe[n > 0 ? n : 0] = 0;
	printf("argc=%d\n", argc);
	for (int i = 0; i < argc; i++)
		printf("argv[%d]=%s\n", i, argv[i]);
	printf("envp is after argv=%d\n", envp == argv + argc + 1);
	printf("GP_VAR=%s\n", getenv("GP_VAR") ? getenv("GP_VAR") : "(unset)");
	printf("/proc/self/exe=%s\n", exe);
	printf("AT_ENTRY is _start=%d\n", getauxval(AT_ENTRY) == (unsigned long)_start);
	/* glibc's loader lists the program first. */
	struct dl_phdr_info prog;
	dl_iterate_phdr(first_phdr, &prog);
	printf("AT_PHDR is the program's=%d\n", getauxval(AT_PHDR) == (unsigned long)prog.dlpi_phdr);
	printf("AT_PHNUM is the program's=%d\n", getauxval(AT_PHNUM) == prog.dlpi_phnum);
	printf("AT_BASE maps %s\n", mapping(getauxval(AT_BASE)));
	printf("AT_EXECFN=%s\n", (char *)getauxval(AT_EXECFN));
	printf("AT_RANDOM set=%d\n", getauxval(AT_RANDOM) != 0);
	printf("AT_SECURE=%lu\n", getauxval(AT_SECURE));
	printf("AT_PAGESZ=%lu\n", getauxval(AT_PAGESZ));
	printf("rseq registered by glibc=%d\n", __rseq_size > 0);
	printf("gp_twice(21)=%d\n", gp_twice(21));
	return 7;
}
