/* Handing a glibc program to glibc's loader, in process: map it, point
   AT_BASE at it, and enter it with the stack the kernel built, so argv, auxv
   and /proc/self/exe stay the program's.  Nothing we loaded is kept but the
   program itself, which glibc's loader takes as already mapped by the kernel
   (AT_PHDR, AT_ENTRY describe it). */
#include "rtld/stage.h"
#include "rtld/handoff.h"
#include "rtld/sys.h"
#include "rtld/util.h"
#include "auxv/auxv.h"

uintptr_t *dl_start_sp;
int dl_started;

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
	struct dso *g = dl_map_file(fd, GLIBC_LDSO, 0);
	sys_close(fd);
	dl_debug(DL_DEBUG_LIBS, "     %s needs glibc: continuing in %s\n", dl_opts.argv0, GLIBC_LDSO);

	for (struct dso *p = __dl_head; p; p = p->next)
		if (!p->is_main)
			dl_unmap(p);
	for (uintptr_t *a = __auxv.vec; a[0] != AT_NULL; a += 2) {
		if (a[0] == AT_BASE)
			a[1] = g->base;
		else if (a[0] == AT_PHDR)
			a[1] = (uintptr_t)__dl_head->phdr;
		else if (a[0] == AT_PHNUM)
			a[1] = __dl_head->phnum;
		else if (a[0] == AT_ENTRY)
			a[1] = __dl_head->entry;
	}
	arch_jump_to_loader(g->entry, dl_start_sp);
}
