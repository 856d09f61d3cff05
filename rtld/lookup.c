/* Symbol lookup: GNU hash with its Bloom filter, SysV hash for objects
   without one, and glibc's version matching rules. */
#include "rtld/stage.h"
#include "rtld/lookup.h"
#include "rtld/util.h"

size_t dl_stat_lookups;

void dl_name_ref(struct sym_ref *ref, const char *name, const struct dso_version *ver)
{
	size_t len;
	uint32_t h = gnu_hash_len(name, &len);

	*ref = (struct sym_ref){ name, h, (uint32_t)len, ver, 0 };
}

static void sym_ref(struct dso *p, size_t i, struct sym_ref *ref)
{
	const Sym *s = &p->syms[i];

	dl_name_ref(ref, p->strings + s->st_name, 0);
	if (p->versym && i < p->versym_limit) {
		uint16_t v = p->versym[i];
		size_t ndx = v & VERSYM_VERSION;
		if (ndx >= 2 && ndx < p->nversions && p->versions[ndx].name) {
			ref->ver = &p->versions[ndx];
			ref->ver_hidden = !!(v & VERSYM_HIDDEN);
		}
	}
}

/* Are the n bytes at a and b the same?  Word loads that overlap at the end
   read no byte outside either range, and a name of up to 16 bytes with its
   NUL takes two compares: the index's hash (which lacks the low bit) puts
   f_1 and f_0 side by side, so mismatches are common and must be cheap. */
static inline int same_bytes(const char *a, const char *b, size_t n)
{
	uint64_t x, y;
	uint32_t u, v;

	if (n >= 8) {
		for (size_t i = 0; i + 8 < n; i += 8) {
			__builtin_memcpy(&x, a + i, 8);
			__builtin_memcpy(&y, b + i, 8);
			if (x != y)
				return 0;
		}
		__builtin_memcpy(&x, a + n - 8, 8);
		__builtin_memcpy(&y, b + n - 8, 8);
		return x == y;
	}
	if (n >= 4) {
		__builtin_memcpy(&u, a, 4);
		__builtin_memcpy(&v, b, 4);
		if (u != v)
			return 0;
		__builtin_memcpy(&u, a + n - 4, 4);
		__builtin_memcpy(&v, b + n - 4, 4);
		return u == v;
	}
	for (; n; n--)
		if (*a++ != *b++)
			return 0;
	return 1;
}

/* glibc's rules: a versioned reference takes the definition of that version,
   or an unversioned definition in an object without versions.  An
   unversioned reference takes the base or oldest version (the binary was
   linked before versions existed), or else the only default one; dlsym
   (LOOKUP_NEWEST) takes the default version. */
static int version_ok(const struct dso *p, size_t i, const struct sym_ref *ref, int flags,
		      int *nver)
{
	uint16_t v = p->versym[i];
	size_t ndx = v & VERSYM_VERSION;
	const struct dso_version *d = ndx < p->nversions ? &p->versions[ndx] : 0;

	if (ref->ver) {
		if (d && d->name && d->hash == ref->ver->hash && d->len == ref->ver->len &&
		    same_bytes(d->name, ref->ver->name, d->len))
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

static inline int candidate(const Sym *s)
{
	static const unsigned ok_types = 1 << STT_NOTYPE | 1 << STT_OBJECT | 1 << STT_FUNC |
					 1 << STT_COMMON | 1 << STT_TLS | 1 << STT_GNU_IFUNC;
	if (!(ok_types >> ELF_ST_TYPE(s->st_info) & 1))
		return 0;
	if (s->st_shndx == SHN_UNDEF ||
	    (!s->st_value && ELF_ST_TYPE(s->st_info) != STT_TLS && s->st_shndx != SHN_ABS))
		return 0;
	if (ELF_ST_BIND(s->st_info) == STB_LOCAL)
		return 0;
	return ELF_ST_VISIBILITY(s->st_other) != STV_HIDDEN &&
	       ELF_ST_VISIBILITY(s->st_other) != STV_INTERNAL;
}

/* Symbol i of p named ref->name and a candidate: its version decides. */
static const Sym *match_version(struct dso *p, size_t i, const struct sym_ref *ref, int flags,
				int *nver, const Sym **only)
{
	const Sym *s = &p->syms[i];
	int before = *nver;
	if (!p->versym || version_ok(p, i, ref, flags, nver))
		return s;
	if (*nver == 1 && before == 0)
		*only = s;
	return 0;
}

static const Sym *match(struct dso *p, size_t i, const struct sym_ref *ref, int flags,
			int *nver, const Sym **only)
{
	const Sym *s = &p->syms[i];

	if (!candidate(s) || s->st_name >= p->strsz || strcmp(p->strings + s->st_name, ref->name))
		return 0;
	return match_version(p, i, ref, flags, nver, only);
}

/* The GNU hash Bloom filter: most objects of a scope are ruled out here,
   so it is kept inline in the scope walks. */
static inline int bloom_rejects(const struct dso *p, uint32_t hv)
{
	const uint32_t *h = p->ghashtab;

	if (!h)
		return 0;
	const uint64_t *bloom = (const uint64_t *)(h + 4);
	uint64_t word = bloom[(hv / 64) & (h[2] - 1)];
	return !(word >> (hv % 64) & word >> ((hv >> h[3]) % 64) & 1);
}

const Sym *dl_lookup_in(struct dso *p, const struct sym_ref *ref, int flags)
{
	int nver = 0;
	const Sym *only = 0, *s;

	if (p->ghashtab) {
		const uint32_t *h = p->ghashtab;
		uint32_t nbuckets = h[0], symoffset = h[1], bloom_size = h[2];
		const uint32_t *buckets = h + 4 + 2 * bloom_size;
		const uint32_t *chain = buckets + nbuckets;
		uint32_t hv = ref->ghash;

		if (bloom_rejects(p, hv))
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
	/* Others may hold the address from now on: the object stays, as in
	   glibc (only a failed dlopen takes it back, dl_unique_forget). */
	if (def.dso->load_gen)
		def.dso->nodelete = 1;
	return def;
}

void dl_unique_forget(const struct dso *p)
{
	for (struct unique **up = &uniques; *up;) {
		struct unique *u = *up;
		if (u->def.dso == p) {
			*up = u->next;
			dl_free(u);
		} else {
			up = &u->next;
		}
	}
}

static int found(struct dso *p, const struct sym_ref *ref, int flags, struct sym_def *out)
{
	if (dl_debug_mask & DL_DEBUG_SYMBOLS)
		dl_printf(2, "     symbol=%s;  lookup in file=%s\n", ref->name,
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

/* The start-up index of the global scope.  Walking the scope costs
   (symbol references x objects); when that is more than the number of
   symbols the scope defines, one hash table over all of them is cheaper,
   and start-up becomes linear in the graph's size.  Entries of one object
   are contiguous within a chain and the chains keep scope order, so the
   lookup sees definitions exactly as the scope walk would. */
struct index_entry {
	uint32_t hash;   /* GNU hash with the low bit set (chains lose that bit) */
	uint32_t next;   /* next entry of the bucket, or UINT32_MAX */
	struct dso *dso;
	uint32_t symi;
};
static struct {
	unsigned shift;  /* 32 - log2(buckets) */
	uint32_t *heads;
	struct index_entry *e;
} scope_index;

/* GNU hashes of similar names differ in few low bits: a multiplicative
   hash spreads them over the buckets. */
static inline uint32_t bucket_of(uint32_t h)
{
	return (h * 0x9e3779b1u) >> scope_index.shift;
}

static size_t count_defs(const struct dso *p)
{
	return p->ghashtab ? p->ngnu - p->ghashtab[1] : p->nsyms;
}

/* Every symbol the object hashes goes in, from the hash values its GNU
   hash chains already hold: building stays a few stores per symbol, and
   the few entries a lookup meets are checked then (index_lookup). */
static void index_object(struct dso *p, size_t *n)
{
	size_t first = p->ghashtab ? p->ghashtab[1] : 1;
	const uint32_t *chain = p->ghashtab ? p->ghashtab + 4 + 2 * p->ghashtab[2] + p->ghashtab[0] : 0;

	/* Pushed at the bucket heads in reverse, so each chain lists this
	   object's entries in symbol order before those of later objects.  A
	   DT_HASH may count more symbols than the GNU chains hold. */
	for (size_t i = chain ? p->ngnu : p->nsyms; i-- > first;) {
		uint32_t h;
		if (chain) {
			h = chain[i - first] | 1;
		} else if (p->syms[i].st_name < p->strsz) {
			h = gnu_hash(p->strings + p->syms[i].st_name) | 1;
		} else {
			continue;
		}
		uint32_t *head = &scope_index.heads[bucket_of(h)];
		scope_index.e[*n] = (struct index_entry){ h, *head, p, (uint32_t)i };
		*head = (uint32_t)(*n)++;
	}
}

void dl_index_build(size_t nrefs)
{
	size_t nobj = 0, ndefs = 0, n = 0;
	struct dso *last = 0;

	for (struct dso *p = __dl_head; p; p = p->next)
		if (p->global) {
			nobj++;
			ndefs += count_defs(p);
			last = p;
		}
	if (ndefs * 3 >= nrefs * nobj || ndefs >= UINT32_MAX / 2)
		return;
	size_t nb = 64;
	unsigned shift = 32 - 6;
	while (nb < ndefs) {
		nb *= 2;
		shift--;
	}
	scope_index.heads = dl_try_alloc(nb * sizeof *scope_index.heads);
	scope_index.e = dl_try_alloc((ndefs + 1) * sizeof *scope_index.e);
	if (!scope_index.heads || !scope_index.e) {
		dl_index_free();
		return;
	}
	memset(scope_index.heads, 0xff, nb * sizeof *scope_index.heads);
	scope_index.shift = shift;
	/* Scope order is the list without the loader, then the loader: pushed
	   in reverse, the loader goes first. */
	index_object(&__dl_self, &n);
	for (struct dso *p = last; p; p = p->prev)
		if (p->global && !p->is_ldso)
			index_object(p, &n);
	dl_debug(DL_DEBUG_STATISTICS, "     scope index: %zu symbols of %zu objects\n", n, nobj);
}

void dl_index_free(void)
{
	dl_free(scope_index.heads);
	dl_free(scope_index.e);
	scope_index.heads = 0;
	scope_index.e = 0;
}

static int index_lookup(const struct sym_ref *ref, int flags, struct sym_def *out)
{
	uint32_t h = ref->ghash | 1;
	struct dso *run = 0;
	int nver = 0;
	const Sym *only = 0;

	for (uint32_t k = scope_index.heads[bucket_of(h)]; k != UINT32_MAX;) {
		const struct index_entry *e = &scope_index.e[k];
		k = e->next;
		if (e->hash != h)
			continue;
		/* The name first: it rejects the neighbour that shares the
		   hash but for the low bit at the least cost. */
		struct dso *q = e->dso;
		const Sym *s = &q->syms[e->symi];
		if (s->st_name >= q->strsz || q->strsz - s->st_name <= ref->len ||
		    !same_bytes(q->strings + s->st_name, ref->name, ref->len + 1) ||
		    !candidate(s) || ((flags & LOOKUP_SKIP_MAIN) && q->is_main))
			continue;
		/* Entries of one object are contiguous: skipping others does
		   not split a run. */
		if (q != run) {
			if (only)
				break;
			run = q;
			nver = 0;
		}
		s = match_version(q, e->symi, ref, flags, &nver, &only);
		if (s) {
			only = s;
			nver = 1;
			break;
		}
	}
	if (!only || nver != 1)
		return 0;
	out->dso = run;
	out->sym = only;
	if (ELF_ST_BIND(only->st_info) == STB_GNU_UNIQUE)
		*out = unique_def(ref, *out);
	return 1;
}

struct sym_def dl_lookup(const struct sym_ref *ref, struct dso *requester, int flags)
{
	struct sym_def d = { 0, 0 };

	dl_stat_lookups++;
	/* The hot loop of start-up: most objects fail the Bloom test inline. */
	int quiet = !(dl_debug_mask & DL_DEBUG_SYMBOLS);
	for (struct dso *p = __dl_head; p; p = p->next) {
		if (!p->global || p->is_ldso || ((flags & LOOKUP_SKIP_MAIN) && p->is_main))
			continue;
		if (quiet && bloom_rejects(p, ref->ghash))
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

struct sym_def dl_lookup_sym(struct dso *p, size_t i, int flags, struct sym_ref *ref)
{
	struct sym_def d = { 0, 0 };

	sym_ref(p, i, ref);
	if (!scope_index.heads || (dl_debug_mask & DL_DEBUG_SYMBOLS))
		return dl_lookup(ref, p, flags);
	dl_stat_lookups++;
	index_lookup(ref, flags, &d);
	return d;
}
