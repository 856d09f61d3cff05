/* Relocation: every object in reverse load order (dependencies before the
   objects that use them, the program last, so its COPY relocations read
   relocated data), all bound immediately.  IFUNC resolvers run in a second
   pass, after every object's ordinary relocations, so a resolver may use any
   data and call any function of the objects it depends on. */
#include "rtld/stage.h"
#include "rtld/lookup.h"
#include "rtld/sys.h"
#include "rtld/util.h"
#include "rt/rt.h"
#include "auxv/auxv.h"
#include "tcb/tls.h"
#include "arch_reloc.h"

size_t dl_stat_relocs, dl_stat_cache_hits;

struct deferred {
	struct dso *p;
	const Rela *r;
};
static struct deferred *deferred;
static size_t ndeferred, deferred_cap;

static void defer(struct dso *p, const Rela *r)
{
	if (ndeferred == deferred_cap) {
		size_t n = deferred_cap ? deferred_cap * 2 : 64;
		struct deferred *d = dl_alloc(n * sizeof *d);
		if (deferred)
			memcpy(d, deferred, ndeferred * sizeof *d);
		dl_free(deferred);
		deferred = d;
		deferred_cap = n;
	}
	deferred[ndeferred++] = (struct deferred){ p, r };
}

void dl_reloc_reset(void)
{
	ndeferred = 0;
}

static const char *who(const struct dso *p)
{
	return *p->name ? p->name : dl_opts.argv0;
}

static uintptr_t call_ifunc(uintptr_t resolver)
{
	return arch_call_ifunc(resolver, auxv_get(AT_HWCAP), auxv_get(AT_HWCAP2));
}

/* A binding to a dlopen'ed object that p does not list as DT_NEEDED keeps
   that object loaded as long as p is (dlclose follows these too). */
static void add_reldep(struct dso *p, struct dso *def)
{
	for (size_t i = 0; i < p->ndeps; i++)
		if (p->deps[i] == def)
			return;
	for (size_t i = 0; i < p->nreldeps; i++)
		if (p->reldeps[i] == def)
			return;
	if (!(p->nreldeps & (p->nreldeps + 1)) || !p->reldeps) {
		struct dso **r = dl_alloc(2 * (p->nreldeps + 1) * sizeof *r);
		if (p->reldeps)
			memcpy(r, p->reldeps, p->nreldeps * sizeof *r);
		dl_free(p->reldeps);
		p->reldeps = r;
	}
	p->reldeps[p->nreldeps++] = def;
}

/* The rare paths of resolve, out of line to keep the hot one lean. */
static __attribute__((noinline, cold)) void undefined(struct dso *p, const struct sym_ref *ref)
{
	dl_error("symbol lookup error: %s: undefined symbol: %s%s%s", who(p), ref->name,
		 ref->ver ? ", version " : "", ref->ver ? ref->ver->name : "");
}

static __attribute__((noinline)) void trace_binding(struct dso *p, const struct sym_ref *ref,
						    const struct dso *def)
{
	dl_printf(2, "     binding file %s to %s: normal symbol `%s'%s%s%s\n", who(p),
		  def ? who(def) : "(weak undefined)", ref->name, ref->ver ? " [" : "",
		  ref->ver ? ref->ver->name : "", ref->ver ? "]" : "");
}

/* The definition symbol symi of p binds to; sym NULL (and dso NULL) for a
   weak undefined reference. */
static struct sym_def resolve(struct dso *p, size_t symi, int kind)
{
	const Sym *s = &p->syms[symi];
	struct sym_def def = { p, s };

	if (ELF_ST_BIND(s->st_info) == STB_LOCAL)
		return def;
	if (symi == p->cache_symi && p->cache_sym && kind != RK_COPY) {
		dl_stat_cache_hits++;
		return (struct sym_def){ p->cache_def, p->cache_sym };
	}
	/* Protected and DT_SYMBOLIC definitions bind within their object. */
	if (s->st_shndx == SHN_UNDEF || kind == RK_COPY ||
	    (ELF_ST_VISIBILITY(s->st_other) != STV_PROTECTED && !p->dyn[DT_SYMBOLIC])) {
		struct sym_ref ref;
		def = dl_lookup_sym(p, symi, kind == RK_COPY ? LOOKUP_SKIP_MAIN : 0, &ref);
		if (!def.sym) {
			if (ELF_ST_BIND(s->st_info) != STB_WEAK)
				undefined(p, &ref);
			def.dso = 0;
		}
		if (dl_debug_mask & DL_DEBUG_BINDINGS)
			trace_binding(p, &ref, def.dso);
	}
	if (def.dso && def.dso != p && def.dso->load_gen)
		add_reldep(p, def.dso);
	p->cache_symi = symi;
	p->cache_def = def.dso;
	p->cache_sym = def.sym;
	return def;
}

static void check_fit(struct dso *p, int64_t v, int is_signed, uint32_t type)
{
	if (is_signed ? v != (int32_t)v : (uint64_t)v != (uint32_t)v)
		dl_error("error while loading shared libraries: %s: relocation type %u overflows",
			 who(p), type);
}

static int has_textrel(const struct dso *p)
{
	return p->dyn[DT_TEXTREL] || (p->dyn[DT_FLAGS] & DF_TEXTREL);
}

/* A relocation must land in a writable segment (any segment with text
   relocations).  Consecutive relocations hit the same segment: the last one
   found is kept as [seg_lo, seg_lo + seg_fit), the addresses where a target
   of any kind (at most TARGET_MAX bytes) fits, and tried first, inline.
   Larger targets (COPY) always take the precise test. */
#define TARGET_MAX 16
static const struct dso *seg_dso;
static uintptr_t seg_lo, seg_fit;

static __attribute__((noinline)) void find_target(struct dso *p, uintptr_t where, size_t len)
{
	const Phdr *q = dl_segment_of(p, where, len, has_textrel(p) ? 0 : PF_W, 0);
	if (q) {
		seg_dso = p;
		seg_lo = p->base + q->p_vaddr;
		seg_fit = q->p_memsz >= TARGET_MAX ? q->p_memsz - TARGET_MAX + 1 : 0;
		return;
	}
	dl_error("error while loading shared libraries: %s: relocation outside a writable segment",
		 who(p));
}

static inline void check_target(struct dso *p, uintptr_t where, size_t len)
{
	if (p != seg_dso || where - seg_lo >= seg_fit)
		find_target(p, where, len);
}

/* Bytes written by a relocation of each (known) kind: a mask test, not a
   jump table, on the hot path. */
static inline size_t target_len(int kind)
{
	const unsigned four = 1u << RK_ABS32 | 1u << RK_ABS32S | 1u << RK_PC32 |
			      1u << RK_SIZE32 | 1u << RK_DTPOFF32 | 1u << RK_TPOFF32;
	return four >> kind & 1 ? 4 : kind == RK_TLSDESC ? 16 : 8;
}

static void apply(struct dso *p, const Rela *r, int final)
{
	uint32_t type = ELF_R_TYPE(r->r_info);
	size_t symi = ELF_R_SYM(r->r_info);
	int kind = arch_reloc_kind(type);
	uintptr_t *where = (uintptr_t *)(p->base + r->r_offset);
	struct sym_def def = { p, 0 };
	uintptr_t S = 0, sz = 0;

	if (kind == RK_NONE)
		return;
	if (kind == RK_UNKNOWN)
		dl_error("error while loading shared libraries: %s: unsupported relocation type %u",
			 who(p), type);
	check_target(p, (uintptr_t)where, target_len(kind));
	if (kind == RK_RELATIVE || kind == RK_RELATIVE64) {
		*where = p->base + r->r_addend;
		return;
	}
	if (kind == RK_IRELATIVE) {
		if (!final)
			return defer(p, r);
		*where = call_ifunc(p->base + r->r_addend);
		return;
	}
	if (symi) {
		if (!dl_sym_valid(p, symi))
			dl_error("error while loading shared libraries: %s: symbol index out of range",
				 who(p));
		def = resolve(p, symi, kind);
		if (def.sym) {
			S = dl_sym_addr(def.dso, def.sym);
			sz = def.sym->st_size;
			if (ELF_ST_TYPE(def.sym->st_info) == STT_GNU_IFUNC && kind != RK_COPY) {
				if (!final)
					return defer(p, r);
				S = call_ifunc(S);
			}
		}
	}
	uintptr_t A = r->r_addend, P = (uintptr_t)where;
	uintptr_t V = def.sym ? def.sym->st_value : 0; /* offset within a TLS block */

	switch (kind) {
	case RK_ABS64:
		*where = def.sym || !symi ? S + A : 0;
		break;
	case RK_ABS32:
	case RK_ABS32S:
		check_fit(p, (int64_t)(S + A), kind == RK_ABS32S, type);
		*(uint32_t *)where = (uint32_t)(S + A);
		break;
	case RK_PC32:
		check_fit(p, (int64_t)(S + A - P), 1, type);
		*(uint32_t *)where = (uint32_t)(S + A - P);
		break;
	case RK_PC64:
		*where = S + A - P;
		break;
	case RK_SIZE64:
		*where = sz + A;
		break;
	case RK_SIZE32:
		*(uint32_t *)where = (uint32_t)(sz + A);
		break;
	case RK_COPY: {
		if (!def.sym)
			break;
		if (def.dso == p)
			dl_error("error while loading shared libraries: %s: COPY relocation of %s "
				 "has no definition in a shared object", who(p),
				 p->strings + p->syms[symi].st_name);
		size_t n = p->syms[symi].st_size < sz ? p->syms[symi].st_size : sz;
		find_target(p, (uintptr_t)where, n);
		if (!dl_segment_of(def.dso, S, n, PF_R, 0))
			dl_error("error while loading shared libraries: %s: COPY relocation of %s "
				 "reads outside %s", who(p), p->strings + p->syms[symi].st_name,
				 who(def.dso));
		memcpy(where, (void *)S, n);
		/* The program's copies only: a dlopen'ed object (a PIE, say) may
		   be unloaded, and the program's are the ones it assigns. */
		if (def.dso->is_ldso && p->is_main)
			__rt_copied((const void *)S, where);
		break;
	}
	case RK_DTPMOD:
		*where = def.dso ? def.dso->tls.id : 0;
		break;
	case RK_DTPOFF:
		*where = V + A;
		break;
	case RK_DTPOFF32:
		*(uint32_t *)where = (uint32_t)(V + A);
		break;
	case RK_TPOFF:
	case RK_TPOFF32:
		if (def.dso && !def.dso->tls.is_static)
			dl_error("error while loading shared libraries: %s: cannot allocate memory "
				 "in static TLS block", who(def.dso));
		if (kind == RK_TPOFF)
			*where = (def.dso ? def.dso->tls.offset : 0) + V + A;
		else
			*(uint32_t *)where = (uint32_t)((def.dso ? def.dso->tls.offset : 0) + V + A);
		break;
	case RK_TLSDESC:
		if (tlsdesc_fill(where, def.dso ? def.dso : p, V + A) < 0)
			dl_error("error while loading shared libraries: %s: TLS descriptor out of range",
				 who(p));
		break;
	}
}

static void relocate_table(struct dso *p, const Rela *r, size_t size)
{
	dl_stat_relocs += size / sizeof *r;
	for (; size >= sizeof *r; r++, size -= sizeof *r)
		apply(p, r, 0);
}

/* Text relocations need the read-only segments writable for a moment. */
static void textrel_protect(struct dso *p, int writable)
{
	size_t pg = auxv_get(AT_PAGESZ);

	for (size_t i = 0; i < p->phnum; i++) {
		const Phdr *q = &p->phdr[i];
		if (q->p_type != PT_LOAD || (q->p_flags & PF_W))
			continue;
		uintptr_t a = (p->base + q->p_vaddr) & -pg;
		size_t len = ((p->base + q->p_vaddr + q->p_memsz + pg - 1) & -pg) - a;
		int prot = (q->p_flags & PF_R ? PROT_READ : 0) | (q->p_flags & PF_X ? PROT_EXEC : 0);
		sys_mprotect(a, len, prot | (writable ? PROT_WRITE : 0));
	}
}

/* DT_RELR of a loaded object: as dl_apply_relr, with every word checked
   (self-relocation trusts the loader's own table). */
static void apply_relr_checked(struct dso *p, const uint64_t *e, size_t size)
{
	uintptr_t where = 0;

	for (; size >= sizeof *e; e++, size -= sizeof *e) {
		if (!(*e & 1)) {
			where = p->base + *e;
			check_target(p, where, 8);
			*(uintptr_t *)where += p->base;
			where += 8;
			continue;
		}
		if (!where)
			dl_error("error while loading shared libraries: %s: RELR bitmap without "
				 "an address", who(p));
		for (uint64_t bits = *e >> 1, i = 0; bits; bits >>= 1, i++)
			if (bits & 1) {
				check_target(p, where + 8 * i, 8);
				*(uintptr_t *)(where + 8 * i) += p->base;
			}
		where += 63 * 8;
	}
}

void dl_relocate(struct dso *first)
{
	struct dso *last = first;

	seg_dso = 0; /* a freed object's address may have been reused */
	while (last->next)
		last = last->next;
	for (struct dso *p = last;; p = p->prev) {
		if (!p->relocated && !p->is_ldso) {
			dl_debug(DL_DEBUG_RELOC, "\n     relocation processing: %s\n", who(p));
			if (has_textrel(p))
				textrel_protect(p, 1);
			apply_relr_checked(p, (const uint64_t *)p->dyn[DT_RELR], p->dyn[DT_RELRSZ]);
			relocate_table(p, (const Rela *)p->dyn[DT_RELA], p->dyn[DT_RELASZ]);
			relocate_table(p, (const Rela *)p->dyn[DT_JMPREL], p->dyn[DT_PLTRELSZ]);
		}
		if (p == first)
			break;
	}
	for (size_t i = 0; i < ndeferred; i++)
		apply(deferred[i].p, deferred[i].r, 1);
	ndeferred = 0;
	for (struct dso *p = first; p; p = p->next) {
		if (p->relocated || p->is_ldso)
			continue;
		if (has_textrel(p))
			textrel_protect(p, 0);
		p->relocated = 1;
		p->cache_sym = 0;
	}
}

void dl_protect_relro(struct dso *p)
{
	if (p->relro_end > p->relro_start &&
	    sys_mprotect(p->relro_start, p->relro_end - p->relro_start, PROT_READ) < 0)
		dl_error("error while loading shared libraries: %s: cannot apply additional "
			 "memory protection after relocation", who(p));
}
