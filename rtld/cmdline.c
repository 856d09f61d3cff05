/* ld-rseq.so.1 run as a command: glibc's ld.so options, plus --verify. */
#include "rtld/stage.h"
#include "rtld/util.h"
#include "rtld/sys.h"
#include "tunables/tunables.h"

#ifndef LDRSEQ_VERSION
#define LDRSEQ_VERSION "0.1"
#endif

static const char usage[] =
	"Usage: ld-rseq.so.1 [OPTION]... EXECUTABLE-FILE [ARGS-FOR-PROGRAM...]\n"
	"Load and run EXECUTABLE-FILE with its shared libraries, with restartable\n"
	"sequences registered for every thread before any constructor runs.\n"
	"\n"
	"  --list                list the objects the program needs, and the TLS/rseq layout\n"
	"  --verify              exit 0 if the program can be loaded by ld-rseq\n"
	"  --library-path PATH   use PATH instead of LD_LIBRARY_PATH\n"
	"  --preload LIST        load the objects in LIST (separated by ':' or ' ') first\n"
	"  --argv0 STRING        set argv[0] of the program to STRING\n"
	"  --list-tunables       list the tunables with their values and ranges\n"
	"  --help                display this help and exit\n"
	"  --version             output version information and exit\n";

static void need_arg(int i, int argc, const char *opt)
{
	if (i + 1 >= argc) {
		dl_printf(2, "ld-rseq: option '%s' requires an argument\n", opt);
		sys_exit(127);
	}
}

/* Returns the index of the program in argv. */
int dl_parse_cmdline(int argc, char **argv)
{
	int i;

	dl_opts.argv0 = "ld-rseq.so.1";
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--")) {
			i++;
			break;
		} else if (!strcmp(a, "--list")) {
			dl_opts.trace = dl_opts.list_layout = 1;
		} else if (!strcmp(a, "--verify")) {
			dl_opts.verify = 1;
		} else if (!strcmp(a, "--library-path")) {
			need_arg(i, argc, a);
			dl_opts.library_path = argv[++i];
		} else if (!strcmp(a, "--preload")) {
			need_arg(i, argc, a);
			dl_opts.preload_arg = argv[++i];
		} else if (!strcmp(a, "--argv0")) {
			need_arg(i, argc, a);
			dl_opts.argv0_override = argv[++i];
		} else if (!strcmp(a, "--list-tunables")) {
			tunables_print(1);
			sys_exit(0);
		} else if (!strcmp(a, "--help")) {
			dl_printf(1, "%s", usage);
			sys_exit(0);
		} else if (!strcmp(a, "--version")) {
			dl_printf(1, "ld-rseq %s\n", LDRSEQ_VERSION);
			sys_exit(0);
		} else {
			dl_printf(2, "ld-rseq: unrecognized option '%s' (try --help)\n", a);
			sys_exit(127);
		}
	}
	if (i >= argc) {
		dl_printf(2, "ld-rseq: missing program name (try --help)\n");
		sys_exit(127);
	}
	return i;
}
