/* Symbol lookup: GNU hash with its Bloom filter, SysV hash for objects
   without one, and glibc's version matching rules. */
#include "rtld/stage.h"
#include "rtld/lookup.h"
#include "rtld/util.h"

size_t dl_stat_lookups;

void dl_sym_ref(struct dso *p, size_t i, struct sym_ref *ref)
{
	const Sym *s = &p->syms[i];

	ref->name = p->strings + s->st_name;
	ref->ghash = gnu_hash(ref->name);
	ref->ver = 0;
	ref->ver_hidden = 0;
	if (p->versym) {
		uint16_t v = p->versym[i];
		size_t ndx = v & VERSYM_VERSION;
		if (ndx >= 2 && ndx < p->nversions && p->versions[ndx].name) {
			ref->ver = &p->versions[ndx];
			ref->ver_hidden = !!(v & VERSYM_HIDDEN);
		}
	}
}

/* glibc's rules: a versioned reference takes the definition of that version,
   or an unversioned definition in an object without versions.  An
   unversioned reference takes the base or oldest version (the binary was
   linked before versions existed), or else the only default one; dlsym
   (LOOKUP_NEWEST) takes the default version. */
static int version_ok(const struct dso *p, size_t i, const struct sym_ref *ref, int flags,
		      int *nver)
{
	if (!p->versym)
		return 1;
	uint16_t v = p->versym[i];
	size_t ndx = v & VERSYM_VERSION;
	const struct dso_version *d = ndx < p->nversions ? &p->versions[ndx] : 0;

	if (ref->ver) {
		if (d && d->name && d->hash == ref->ver->hash && !strcmp(d->name, ref->ver->name))
			return 1;
		return !ref->ver_hidden && !(d && d->name) && !(v & VERSYM_HIDDEN);
	}
	if (ndx >= (size_t)(flags & LOOKUP_NEWEST ? 2 : 3)) {
		if (!(v & VERSYM_HIDDEN))
			++*nver;
		return 0;
	}
	return 1;
}

static int candidate(const Sym *s)
{
	static const unsigned ok_types = 1 << STT_NOTYPE | 1 << STT_OBJECT | 1 << STT_FUNC |
					 1 << STT_COMMON | 1 << STT_TLS | 1 << STT_GNU_IFUNC;
	if (!(ok_types >> ELF_ST_TYPE(s->st_info) & 1))
		return 0;
	if (s->st_shndx == SHN_UNDEF || (!s->st_value && ELF_ST_TYPE(s->st_info) != STT_TLS))
		return 0;
	if (ELF_ST_BIND(s->st_info) == STB_LOCAL)
		return 0;
	return ELF_ST_VISIBILITY(s->st_other) != STV_HIDDEN &&
	       ELF_ST_VISIBILITY(s->st_other) != STV_INTERNAL;
}

static const Sym *match(struct dso *p, size_t i, const struct sym_ref *ref, int flags,
			int *nver, const Sym **only)
{
	const Sym *s = &p->syms[i];

	if (!candidate(s) || s->st_name >= p->strsz || strcmp(p->strings + s->st_name, ref->name))
		return 0;
	int before = *nver;
	if (version_ok(p, i, ref, flags, nver))
		return s;
	if (*nver == 1 && before == 0)
		*only = s;
	return 0;
}

const Sym *dl_lookup_in(struct dso *p, const struct sym_ref *ref, int flags)
{
	int nver = 0;
	const Sym *only = 0, *s;

	dl_stat_lookups++;
	if (p->ghashtab) {
		const uint32_t *h = p->ghashtab;
		uint32_t nbuckets = h[0], symoffset = h[1], bloom_size = h[2], shift = h[3];
		const uint64_t *bloom = (const uint64_t *)(h + 4);
		const uint32_t *buckets = (const uint32_t *)(bloom + bloom_size);
		const uint32_t *chain = buckets + nbuckets;
		uint32_t hv = ref->ghash;
		uint64_t word = bloom[(hv / 64) & (bloom_size - 1)];

		if (!(word >> (hv % 64) & 1) || !(word >> ((hv >> shift) % 64) & 1))
			return 0;
		uint32_t i = buckets[hv % nbuckets];
		if (i < symoffset)
			return 0;
		for (; i < p->nsyms; i++) {
			uint32_t ch = chain[i - symoffset];
			if ((ch | 1) == (hv | 1) && (s = match(p, i, ref, flags, &nver, &only)))
				return s;
			if (ch & 1)
				break;
		}
	} else if (p->hashtab) {
		const uint32_t *h = p->hashtab;
		uint32_t nbuckets = h[0], nchain = h[1];
		const uint32_t *chain = h + 2 + nbuckets;
		size_t steps = 0;
		for (uint32_t i = h[2 + elf_hash(ref->name) % nbuckets]; i && steps++ < nchain;
		     i = chain[i])
			if ((s = match(p, i, ref, flags, &nver, &only)))
				return s;
	}
	return nver == 1 ? only : 0;
}

/* STB_GNU_UNIQUE: one definition per name in the process, the first seen. */
struct unique {
	struct unique *next;
	const char *name;
	struct sym_def def;
};
static struct unique *uniques;

static struct sym_def unique_def(const struct sym_ref *ref, struct sym_def def)
{
	for (struct unique *u = uniques; u; u = u->next)
		if (!strcmp(u->name, ref->name))
			return u->def;
	struct unique *u = dl_alloc(sizeof *u);
	*u = (struct unique){ uniques, ref->name, def };
	uniques = u;
	return def;
}

static int found(struct dso *p, const struct sym_ref *ref, int flags, struct sym_def *out)
{
	dl_debug(DL_DEBUG_SYMBOLS, "     symbol=%s;  lookup in file=%s\n", ref->name,
		 *p->name ? p->name : dl_opts.argv0);
	const Sym *s = dl_lookup_in(p, ref, flags);

	if (!s)
		return 0;
	out->dso = p;
	out->sym = s;
	if (ELF_ST_BIND(s->st_info) == STB_GNU_UNIQUE)
		*out = unique_def(ref, *out);
	return 1;
}

struct sym_def dl_lookup_in_list(const struct sym_ref *ref, struct dso *const *list,
				 size_t n, int flags)
{
	struct sym_def d = { 0, 0 };

	for (size_t i = 0; i < n; i++)
		if (found(list[i], ref, flags, &d))
			break;
	return d;
}

struct sym_def dl_lookup(const struct sym_ref *ref, struct dso *requester, int flags)
{
	struct sym_def d = { 0, 0 };

	for (struct dso *p = __dl_head; p; p = p->next) {
		if (!p->global || p->is_ldso || ((flags & LOOKUP_SKIP_MAIN) && p->is_main))
			continue;
		if (found(p, ref, flags, &d))
			return d;
	}
	if (found(&__dl_self, ref, flags, &d))
		return d;
	if (requester && requester->scope)
		d = dl_lookup_in_list(ref, requester->scope, requester->nscope, flags);
	return d;
}
