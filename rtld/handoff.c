/* Handing a glibc program to glibc's loader, in process: map it, point
   AT_BASE at it, and enter it with the stack the kernel built, so argv, auxv
   and /proc/self/exe stay the program's.  Nothing we loaded is kept but the
   program the kernel mapped, which glibc's loader takes as its own
   (AT_PHDR, AT_ENTRY describe it). */
#include "rtld/stage.h"
#include "rtld/handoff.h"
#include "rtld/sys.h"
#include "rtld/util.h"
#include "auxv/auxv.h"

uintptr_t *dl_start_sp;

/* Direct invocation: glibc's loader is started as the command it would have
   been (`ld.so [options] PROGRAM ARGS`), with the original arguments, so it
   parses the same options and maps the program itself.  The stack is
   rebuilt in place: it is no larger than what the kernel gave us, and it
   lies above every frame of ours. */
static void restart_as_command(const struct dso *g)
{
	uintptr_t *w = dl_start_sp;
	char **envp = (char **)(dl_start_sp + 1 + dl_start_sp[0] + 1);
	size_t nenv = 0, nauxv = 0;

	while (envp[nenv])
		nenv++;
	while (__auxv.vec[2 * nauxv] != AT_NULL)
		nauxv++;
	/* Copy what is about to be overwritten: the environment and auxv may
	   start below their new place. */
	uintptr_t *save = dl_alloc((nenv + 2 * nauxv + 2) * sizeof *save);
	memcpy(save, envp, nenv * sizeof *save);
	memcpy(save + nenv, __auxv.vec, (2 * nauxv + 2) * sizeof *save);

	/* argv[0] names glibc's loader: it is the name glibc reports itself by. */
	*w++ = dl_opts.orig_argc;
	*w++ = (uintptr_t)GLIBC_LDSO;
	for (int i = 1; i < dl_opts.orig_argc; i++)
		*w++ = (uintptr_t)dl_opts.orig_argv[i];
	*w++ = 0;
	memcpy(w, save, nenv * sizeof *w);
	w += nenv;
	*w++ = 0;
	for (size_t i = 0; i <= nauxv; i++, w += 2) {
		w[0] = save[nenv + 2 * i];
		w[1] = save[nenv + 2 * i + 1];
		switch (w[0]) {
		case AT_PHDR: w[1] = (uintptr_t)g->phdr; break;
		case AT_PHNUM: w[1] = g->phnum; break;
		case AT_ENTRY: w[1] = g->entry; break;
		case AT_BASE: w[1] = 0; break;
		}
	}
}

void dl_handoff_glibc(const char *needed)
{
	if (dl_started)
		dl_error("%s: cannot be loaded into a program run by ld-rseq: "
			 "it needs glibc's loader", needed);

	int fd = sys_open(GLIBC_LDSO, O_RDONLY);
	if (fd < 0)
		dl_error("error while loading shared libraries: %s: the program needs glibc, "
			 "and glibc's loader %s cannot be opened: %s", needed, GLIBC_LDSO,
			 strerror(-fd));
	struct dso *g = dl_map_file(fd, 0, GLIBC_LDSO, 0);
	sys_close(fd);
	dl_debug(DL_DEBUG_LIBS, "     %s needs glibc: continuing in %s\n", dl_opts.argv0, GLIBC_LDSO);

	for (struct dso *p = __dl_head; p; p = p->next)
		if (!p->is_main || dl_opts.direct)
			dl_unmap(p);
	if (dl_opts.direct) {
		restart_as_command(g);
	} else {
		for (uintptr_t *a = __auxv.vec; a[0] != AT_NULL; a += 2)
			if (a[0] == AT_BASE)
				a[1] = g->base;
	}
	arch_jump_to_loader(g->entry, dl_start_sp);
}
