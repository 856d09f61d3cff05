/* dl_main: the start-up stages in order.
     map all → TLS layout → thread pointer → rseq registration → __rseq_*
     published → relocate (program last) → RELRO → preinit → init → entry
   The rseq area must be registered before any object but the loader is
   relocated: a non-PIE program COPY-relocates __rseq_size/__rseq_offset, and
   an IFUNC resolver or constructor may already read them. */
#include "rtld/stage.h"
#include "rtld/lookup.h"
#include "rtld/handoff.h"
#include "rtld/sys.h"
#include "rtld/util.h"
#include "auxv/auxv.h"
#include "tcb/tls.h"
#include "tunables/tunables.h"
#include "rtld/secure_env.h"

extern char **environ;
extern Dyn _DYNAMIC[] HIDDEN;
extern const Ehdr __ehdr_start HIDDEN;

struct dl_options dl_opts;
struct dso *dl_vdso;

static int starts(const char *s, const char *prefix, const char **val)
{
	size_t n = strlen(prefix);
	if (strncmp(s, prefix, n))
		return 0;
	*val = s + n;
	return 1;
}

/* The LD_ variables.  In secure mode those that redirect loading were
   removed from the environment already and are ignored here as well. */
static void read_env(char **envp)
{
	const char *v;

	for (; *envp; envp++) {
		if ((*envp)[0] != 'L' || (*envp)[1] != 'D' || (*envp)[2] != '_')
			continue;
		if (starts(*envp, "LD_LIBRARY_PATH=", &v) && !dl_secure)
			dl_opts.library_path = *v ? v : 0;
		else if (starts(*envp, "LD_PRELOAD=", &v) && !dl_secure)
			dl_opts.preload = v;
		else if (starts(*envp, "LD_DEBUG=", &v))
			dl_parse_debug(v);
		else if (starts(*envp, "LD_TRACE_LOADED_OBJECTS=", &v) && *v)
			dl_opts.trace = dl_opts.trace_missing = 1;
	}
}

static void setup_self(uintptr_t base)
{
	struct dso *s = &__dl_self;

	s->base = base;
	s->is_ldso = 1;
	s->global = 1;
	s->relocated = 1;
	s->name = "ld-rseq.so.1";
	s->dynv = _DYNAMIC;
	dl_setup_mapped(s, (const Phdr *)(base + __ehdr_start.e_phoff), __ehdr_start.e_phnum);
}

/* The program's PT_INTERP names the loader as the debugger will find it. */
static void name_self(const struct dso *main)
{
	for (size_t i = 0; i < main->phnum; i++)
		if (main->phdr[i].p_type == PT_INTERP)
			__dl_self.name = (char *)(main->base + main->phdr[i].p_vaddr);
}

/* Direct invocation: drop the loader's own arguments by moving the rest of
   the initial stack (argv, envp, auxv) down over them, so the stack pointer
   keeps the 16-byte alignment the kernel gave it. */
static void shift_args(uintptr_t *sp, int skip)
{
	uintptr_t *end = sp + 1 + sp[0] + 1;

	while (*end)
		end++;
	end++;
	while (end[0] != AT_NULL)
		end += 2;
	end += 2;
	sp[0] -= skip;
	memmove(sp + 1, sp + 1 + skip, (char *)end - (char *)(sp + 1 + skip));
}

/* Map the program named on the command line and make auxv describe it as
   the kernel would have (AT_BASE naming us). */
static struct dso *load_program(const char *path)
{
	int fd = sys_open(path, O_RDONLY);
	if (fd < 0)
		dl_fatal("cannot open program: %s", strerror(-fd));
	struct dso *main = dl_map_file(fd, 0, path, 1);
	sys_close(fd);
	if (main->soname && !strcmp(main->soname, __dl_self.soname))
		dl_fatal("the loader cannot load itself as the program");
	main->name = "";
	for (uintptr_t *a = __auxv.vec; a[0] != AT_NULL; a += 2) {
		switch (a[0]) {
		case AT_PHDR: a[1] = (uintptr_t)main->phdr; break;
		case AT_PHNUM: a[1] = main->phnum; break;
		case AT_ENTRY: a[1] = main->entry; break;
		case AT_BASE: a[1] = __dl_self.base; break;
		}
	}
	auxv_parse(__auxv.vec);
	return main;
}

static struct dso *kernel_program(void)
{
	struct dso *main = dl_alloc(sizeof *main);
	const Phdr *ph = (const Phdr *)auxv_get(AT_PHDR);
	size_t n = auxv_get(AT_PHNUM);

	for (size_t i = 0; i < n; i++)
		if (ph[i].p_type == PT_PHDR)
			main->base = (uintptr_t)ph - ph[i].p_vaddr;
	main->name = "";
	dl_setup_mapped(main, ph, n);
	main->entry = auxv_get(AT_ENTRY);
	return main;
}

/* The vDSO the kernel mapped: listed like a library (dl_iterate_phdr,
   debuggers, --list) but not searched for symbols, as in glibc. */
static void add_vdso(void)
{
	uintptr_t e = auxv_get(AT_SYSINFO_EHDR);
	if (!e)
		return;
	const Ehdr *eh = (const Ehdr *)e;
	const Phdr *ph = (const Phdr *)(e + eh->e_phoff);
	struct dso *v = dl_alloc(sizeof *v);

	for (size_t i = 0; i < eh->e_phnum; i++)
		if (ph[i].p_type == PT_LOAD) {
			v->base = e + ph[i].p_offset - ph[i].p_vaddr;
			break;
		}
	v->name = "linux-vdso.so.1";
	v->relocated = 1;
	v->is_vdso = 1;
	dl_setup_mapped(v, ph, eh->e_phnum);
	dl_append(v);
	dl_vdso = v;
}

/* A library built without .note.GNU-stack (or asking for PF_X) needs an
   executable stack; the kernel set up the program's own request already.
   PROT_GROWSDOWN extends the change to the whole stack mapping. */
static void grant_exec_stack(const struct dso *main, uintptr_t *sp)
{
	const struct dso *p;

	if (main->exec_stack)
		return;
	for (p = main; p && !p->exec_stack; p = p->next)
		;
	if (!p)
		return;
	size_t pg = auxv_get(AT_PAGESZ);
	if (sys_mprotect((uintptr_t)sp & -pg, pg,
			 PROT_READ | PROT_WRITE | PROT_EXEC | PROT_GROWSDOWN) < 0)
		dl_error("error while loading shared libraries: %s: cannot enable executable "
			 "stack as shared object requires", p->name);
}

static void trace_objects(void)
{
	for (struct dso *p = __dl_head; p; p = p->next) {
		if (p->is_main)
			continue;
		if (p->missing)
			dl_printf(1, "\t%s => not found\n", p->req_name);
		else if (p->is_ldso || !p->req_name || !strcmp(p->req_name, p->name))
			dl_printf(1, "\t%s (0x%lx)\n", p->name, (unsigned long)p->base);
		else
			dl_printf(1, "\t%s => %s (0x%lx)\n", p->req_name, p->name,
				  (unsigned long)p->base);
	}
	if (dl_opts.list_layout)
		tls_print_layout(1);
}

static void print_statistics(void)
{
	size_t n = 0;
	for (struct dso *p = __dl_head; p; p = p->next)
		n++;
	dl_printf(2, "     number of objects: %zu\n"
		     "     number of relocations: %zu\n"
		     "     number of relocations from cache: %zu\n"
		     "     number of symbol lookups: %zu\n",
		  n, dl_stat_relocs, dl_stat_cache_hits, dl_stat_lookups);
}

static char **find_env(uintptr_t *sp)
{
	return (char **)(sp + 1 + sp[0] + 1);
}

static void parse_auxv(char **envp)
{
	while (*envp)
		envp++;
	auxv_parse((uintptr_t *)(envp + 1));
}

struct start_result dl_main(uintptr_t *sp, uintptr_t ldso_base)
{
	const char *program = 0;
	struct dso *main;

	parse_auxv(find_env(sp));
	dl_secure = auxv_get(AT_SECURE) != 0;
	setup_self(ldso_base);

	/* The environment first: --list-tunables shows GLIBC_TUNABLES applied,
	   and command-line options override the LD_ variables. */
	tunables_init(find_env(sp), dl_secure);
	if (dl_secure)
		dl_scrub_env(find_env(sp));
	read_env(find_env(sp));

	dl_opts.direct = auxv_get(AT_PHDR) == (uintptr_t)__dl_self.phdr;
	if (dl_opts.direct) {
		char **av = (char **)(sp + 1);
		int i = dl_parse_cmdline((int)sp[0], av);
		__dl_self.name = av[0];
		program = av[i];
		dl_opts.orig_argc = (int)sp[0];
		dl_opts.orig_argv = dl_alloc((sp[0] + 1) * sizeof *av);
		memcpy(dl_opts.orig_argv, av, sp[0] * sizeof *av);
		shift_args(sp, i);
		if (dl_opts.argv0_override)
			av[0] = (char *)dl_opts.argv0_override;
		parse_auxv(find_env(sp));
	}
	/* dlopen searches it long after start-up, when the program may have
	   overwritten its argument and environment strings (setproctitle). */
	if (dl_opts.library_path)
		dl_opts.library_path = dl_strdup(dl_opts.library_path);
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);
	char **envp = find_env(sp);
	environ = envp;

	if (program) {
		dl_opts.argv0 = program;
		dl_opts.program_path = program;
		main = load_program(program);
	} else {
		dl_opts.argv0 = argc ? argv[0] : "";
		main = kernel_program();
		name_self(main);
	}
	dl_start_sp = sp;
	main->is_main = 1;
	main->global = 1;
	dl_append(main);
	add_vdso();
	dl_debug_init(main);
	dl_debug_notify(1 /* RT_ADD */);

	if (dl_opts.preload)
		dl_load_preloads(dl_opts.preload);
	if (dl_opts.preload_arg)
		dl_load_preloads(dl_opts.preload_arg);
	dl_load_deps(main);
	for (struct dso *p = main; p; p = p->next)
		p->global = !p->is_vdso;
	dl_append(&__dl_self);
	dl_check_versions(main);
	grant_exec_stack(main, sp);

	size_t id = 0;
	for (struct dso *p = main; p; p = p->next)
		if (p->tls.memsz || p->tls.image)
			p->tls.id = ++id;
	tls_setup_main();
	if (dl_opts.trace) {
		trace_objects();
		sys_exit(0);
	}
	rseq_register_main();

	size_t nrefs = 0;
	for (struct dso *p = main; p; p = p->next)
		nrefs += (p->dyn[DT_RELASZ] + p->dyn[DT_PLTRELSZ]) / sizeof(Rela);
	dl_index_build(nrefs);
	dl_relocate(main);
	dl_index_free();
	tls_copy_main_images();
	for (struct dso *p = main; p; p = p->next)
		dl_protect_relro(p);
	dl_started = 1;
	if (dl_opts.verify)
		sys_exit(0);
	if (dl_debug_mask & DL_DEBUG_STATISTICS)
		print_statistics();
	dl_debug_notify(0 /* RT_CONSISTENT */);

	dl_argc = argc;
	dl_argv = argv;
	dl_envp = envp;
	dl_run_preinit(main);
	dl_run_init(main);
	return (struct start_result){ main->entry, sp };
}
