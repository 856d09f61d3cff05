/* The loader's start-up stages and the pieces they share, in the order they
   run: self-relocation (start.c), dl_main (main.c) mapping and dependency
   loading (map.c, load.c, search.c), the rseq stage (tcb/), relocation
   (reloc.c, lookup.c), initialisation (init.c). */
#ifndef RTLD_STAGE_H
#define RTLD_STAGE_H

#include "rtld/ldso.h"

/* Returned in two registers to the entry asm. */
struct start_result {
	uintptr_t entry;
	uintptr_t *sp;
};

struct start_result dl_main(uintptr_t *sp, uintptr_t ldso_base);
void dl_apply_relr(uintptr_t base, const uint64_t *relr, size_t size);
__attribute__((noreturn)) void arch_jump_to_loader(uintptr_t entry, uintptr_t *sp);

/* Options of the process, from the command line, the environment and auxv. */
struct dl_options {
	const char *library_path;  /* LD_LIBRARY_PATH or --library-path */
	const char *preload;       /* LD_PRELOAD */
	const char *preload_arg;   /* --preload, loaded after LD_PRELOAD */
	const char *argv0;         /* the program's name for messages */
	const char *argv0_override; /* --argv0 */
	int trace;                 /* --list / LD_TRACE_LOADED_OBJECTS */
	int list_layout;           /* --list also prints the TLS/rseq layout */
	int trace_missing;         /* LD_TRACE_LOADED_OBJECTS lists a missing library */
	int verify;                /* --verify */
	int direct;                /* started as a command, not as PT_INTERP */
	const char *program_path;  /* the program's path in direct mode */
	int orig_argc;             /* direct mode: the command line as given */
	char **orig_argv;
};
extern struct dl_options dl_opts;

/* map.c: map an ELF file; name is kept as the object's l_name.  st: the
   file's statx (size, device, inode) if the caller has it, else NULL. */
struct statx;
struct dso *dl_map_file(int fd, const struct statx *st, const char *name, int is_main);
void dl_file_stat(int fd, struct statx *st);
void dl_decode_dynamic(struct dso *p);
void dl_setup_mapped(struct dso *p, const Phdr *ph, size_t phnum);
void dl_unmap(struct dso *p);

/* load.c */
struct dso *dl_load_library(const char *name, struct dso *needed_by);
void dl_load_deps(struct dso *first);
void dl_load_preloads(const char *list);
void dl_check_versions(struct dso *first);
void dl_append(struct dso *p);
struct dso *dl_find_loaded(const char *name);
/* RTLD_NOLOAD: loaded by this name, or from the file the name finds. */
struct dso *dl_find_opened(const char *name, struct dso *needed_by);
extern unsigned long long dl_n_adds, dl_n_subs; /* dl_iterate_phdr counters */

/* search.c */
int dl_open_path(const char *name, struct dso *needed_by, char **path_out);
const char *dl_origin(struct dso *p);

/* reloc.c */
void dl_relocate(struct dso *first);
void dl_reloc_reset(void); /* forget deferred work of a failed dlopen */
void dl_protect_relro(struct dso *p);
extern size_t dl_stat_relocs, dl_stat_lookups, dl_stat_cache_hits;

/* cmdline.c: direct invocation; returns the program's index in argv. */
int dl_parse_cmdline(int argc, char **argv);
void dl_parse_debug(const char *s);

/* init.c */
extern int dl_argc;
extern char **dl_argv, **dl_envp;
void dl_run_fini_of(struct dso *const *objs, size_t n);
void dl_run_preinit(struct dso *main);
void dl_run_init(struct dso *first);
void _dl_fini(void);

/* dlfcn.c: the dl* lock across fork (0 prepare, 1 parent, 2 child). */
void dl_atfork(int phase);

/* A file being loaded: closed and unmapped if the load fails under dlopen. */
struct dl_pending {
	int fd;
	uintptr_t map_start;
	size_t map_len;
};
extern struct dl_pending dl_pending;

/* debug.c: the debugger interface. */
void dl_debug_init(struct dso *main);
void dl_debug_notify(int state);

/* Error unwinding: at start-up errors are fatal; dlopen sets a recovery
   point so the same code paths report to dlerror instead. */
__attribute__((noreturn, format(printf, 1, 2))) void dl_error(const char *fmt, ...);

#endif
