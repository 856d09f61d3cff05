/* Finds a symbol in the vDSO: the kernel maps a small prelinked ELF shared
   object and passes its header in AT_SYSINFO_EHDR.  Read through its program
   headers (the section headers are not guaranteed to be mapped), then a
   linear scan of its few dynamic symbols with version check. */
#include <string.h>
#include "auxv/auxv.h"
#include "rt/vdso.h"
#include "rtld/elf.h"

static int version_matches(const Elf64_Verdef *vd, const char *strtab, uint16_t ndx,
			   const char *version)
{
	ndx &= 0x7fff; /* the hidden bit */
	for (; vd; vd = vd->vd_next ? (const void *)((const char *)vd + vd->vd_next) : NULL) {
		if (vd->vd_flags & VER_FLG_BASE || vd->vd_ndx != ndx)
			continue;
		const Elf64_Verdaux *aux = (const void *)((const char *)vd + vd->vd_aux);
		return !strcmp(strtab + aux->vda_name, version);
	}
	return 0;
}

/* The number of symbols: DT_HASH's nchain, else one past the highest
   index any GNU hash chain reaches. */
static size_t count_symbols(const uint32_t *hash, const uint32_t *gnu)
{
	if (hash)
		return hash[1];
	if (!gnu)
		return 0;
	uint32_t nbuckets = gnu[0], symoffset = gnu[1], bloom = gnu[2];
	const uint32_t *buckets = gnu + 4 + bloom * (sizeof(uintptr_t) / 4);
	const uint32_t *chain = buckets + nbuckets;
	size_t last = 0;

	for (uint32_t i = 0; i < nbuckets; i++)
		if (buckets[i] > last)
			last = buckets[i];
	if (last < symoffset)
		return symoffset;
	while (!(chain[last - symoffset] & 1))
		last++;
	return last + 1;
}

void *vdso_lookup(const char *name, const char *version)
{
	const Ehdr *eh = (const Ehdr *)auxv_get(AT_SYSINFO_EHDR);
	const Phdr *ph;
	const Dyn *dyn = NULL;
	uintptr_t bias = 0;
	int have_load = 0;

	if (!eh || memcmp(eh->e_ident, ELFMAG, 4))
		return NULL;
	ph = (const Phdr *)((const char *)eh + eh->e_phoff);
	for (size_t i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD && !have_load) {
			bias = (uintptr_t)eh + ph[i].p_offset - ph[i].p_vaddr;
			have_load = 1;
		} else if (ph[i].p_type == PT_DYNAMIC) {
			dyn = (const Dyn *)((const char *)eh + ph[i].p_offset);
		}
	}
	if (!have_load || !dyn)
		return NULL;

	const Sym *syms = NULL;
	const char *strtab = NULL;
	const uint32_t *hash = NULL, *gnu = NULL;
	const uint16_t *versym = NULL;
	const Elf64_Verdef *verdef = NULL;
	for (; dyn->d_tag != DT_NULL; dyn++) {
		uintptr_t a = bias + dyn->d_un.d_val;
		switch (dyn->d_tag) {
		case DT_SYMTAB: syms = (const Sym *)a; break;
		case DT_STRTAB: strtab = (const char *)a; break;
		case DT_HASH: hash = (const uint32_t *)a; break;
		case DT_GNU_HASH: gnu = (const uint32_t *)a; break;
		case DT_VERSYM: versym = (const uint16_t *)a; break;
		case DT_VERDEF: verdef = (const Elf64_Verdef *)a; break;
		}
	}
	if (!syms || !strtab)
		return NULL;

	size_t n = count_symbols(hash, gnu);
	for (size_t i = 1; i < n; i++) {
		const Sym *s = &syms[i];
		unsigned type = ELF_ST_TYPE(s->st_info), bind = ELF_ST_BIND(s->st_info);

		if (s->st_shndx == SHN_UNDEF || (type != STT_FUNC && type != STT_NOTYPE) ||
		    (bind != STB_GLOBAL && bind != STB_WEAK) || strcmp(strtab + s->st_name, name))
			continue;
		if (version && versym && !version_matches(verdef, strtab, versym[i], version))
			continue;
		return (void *)(bias + s->st_value);
	}
	return NULL;
}
