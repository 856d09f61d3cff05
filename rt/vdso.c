/* Finds a symbol in the vDSO.  The loader lists the vDSO as an object at
   start-up (rtld/main.c), with its dynamic section read and checked like
   any library's, so a lookup is the loader's own versioned lookup. */
#include "rt/vdso.h"
#include "rtld/lookup.h"
#include "rtld/util.h"

void *vdso_lookup(const char *name, const char *version)
{
	if (!dl_vdso)
		return 0;
	struct dso_version v = { version, elf_hash(version), (uint32_t)strlen(version), 0, 0, 0 };
	struct sym_ref ref;

	dl_name_ref(&ref, name, &v);
	const Sym *s = dl_lookup_in(dl_vdso, &ref, 0);
	return s ? (void *)dl_sym_addr(dl_vdso, s) : 0;
}
