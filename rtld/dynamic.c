/* Reading an object's dynamic section.  Every table it points to is checked
   against the object's mapped span here, once, so lookups and relocation can
   index them without further checks and a corrupt file is an error, not a
   fault. */
#include "rtld/stage.h"
#include "rtld/util.h"

static void bad(const struct dso *p, const char *why)
{
	dl_error("error while loading shared libraries: %s: %s", p->name, why);
}

/* Tags whose value is an address in the object (biased by the load base). */
static int is_pointer_tag(int64_t tag)
{
	switch (tag) {
	case DT_PLTGOT: case DT_HASH: case DT_STRTAB: case DT_SYMTAB: case DT_RELA:
	case DT_INIT: case DT_FINI: case DT_REL: case DT_JMPREL: case DT_INIT_ARRAY:
	case DT_FINI_ARRAY: case DT_PREINIT_ARRAY: case DT_RELR:
		return 1;
	}
	return 0;
}

/* The file data of the readable segment that held the last table checked:
   most tables share a segment, so most checks need no walk over the program
   headers.  Reset for each object; decoding runs under the loader lock. */
static uintptr_t seg_lo, seg_len;

static int in_file(const struct dso *p, uintptr_t addr, uint64_t len)
{
	if (addr - seg_lo <= seg_len && len <= seg_len - (addr - seg_lo))
		return 1;
	const Phdr *q = dl_segment_of(p, addr, len, PF_R, 1);
	if (!q)
		return 0;
	seg_lo = p->base + q->p_vaddr;
	seg_len = q->p_filesz;
	return 1;
}

/* An absent table is (0, 0). */
static void check_range(const struct dso *p, uintptr_t addr, uint64_t len, const char *what)
{
	if ((addr || len) && !in_file(p, addr, len))
		bad(p, what);
}

static void check_string(const struct dso *p, uint64_t off)
{
	if (off >= p->strsz)
		bad(p, "string table offset out of range");
}

/* How many entries of size sz fit from addr to the end of its segment's
   file data. */
static size_t entries_to_segment_end(const struct dso *p, uintptr_t addr, size_t sz)
{
	const Phdr *q = dl_segment_of(p, addr, 0, PF_R, 1);

	return q ? (p->base + q->p_vaddr + q->p_filesz - addr) / sz : 0;
}

/* The symbol count is not in the dynamic section: DT_HASH has it as nchain;
   with only DT_GNU_HASH it is one past the last chain's end. */
static size_t count_symbols_gnu(const struct dso *p)
{
	const uint32_t *h = p->ghashtab;
	uint32_t nbuckets = h[0], symoffset = h[1], bloom_size = h[2];
	const uint32_t *buckets = h + 4 + bloom_size * 2;
	const uint32_t *chain = buckets + nbuckets;
	uint32_t last = 0;

	for (uint32_t i = 0; i < nbuckets; i++)
		if (buckets[i] > last)
			last = buckets[i];
	if (last < symoffset)
		return symoffset;
	/* A chain cannot run past the symbol table, nor past its segment. */
	size_t chain_limit = symoffset + entries_to_segment_end(p, (uintptr_t)chain, 4);
	for (;; last++) {
		if (last >= p->sym_limit || last >= chain_limit)
			bad(p, "bad GNU hash chain");
		if (chain[last - symoffset] & 1)
			return last + 1;
	}
}

static void check_hash_tables(struct dso *p)
{
	if ((p->hashtab || p->ghashtab) && !p->syms)
		bad(p, "hash table without a symbol table");
	if (p->syms)
		p->sym_limit = entries_to_segment_end(p, (uintptr_t)p->syms, sizeof(Sym));
	if (p->ghashtab) {
		const uint32_t *h = p->ghashtab;
		check_range(p, (uintptr_t)h, 16, "bad GNU hash table");
		uint64_t words = 4 + (uint64_t)h[2] * 2 + h[0];
		if (h[0] == 0 || h[2] == 0 || (h[2] & (h[2] - 1)) || h[3] >= 32)
			bad(p, "bad GNU hash table");
		check_range(p, (uintptr_t)h, words * 4, "bad GNU hash table");
		p->nsyms = p->ngnu = count_symbols_gnu(p);
	}
	if (p->hashtab) {
		const uint32_t *h = p->hashtab;
		check_range(p, (uintptr_t)h, 8, "bad hash table");
		if (h[0] == 0 || h[1] > p->sym_limit)
			bad(p, "bad hash table");
		check_range(p, (uintptr_t)h, (2 + (uint64_t)h[0] + h[1]) * 4, "bad hash table");
		if (!p->ghashtab || h[1] > p->nsyms)
			p->nsyms = h[1];
		/* Bucket and chain entries are symbol indices. */
		for (uint64_t i = 0; i < (uint64_t)h[0] + h[1]; i++)
			if (h[2 + i] >= h[1])
				bad(p, "bad hash table");
	}
	/* nsyms bounds hash walks only: GNU hash does not count the unhashed
	   (undefined) symbols before symoffset, so relocations check their
	   symbol index against the span instead (dl_sym_valid). */
	if (p->syms) {
		check_range(p, (uintptr_t)p->syms, p->nsyms * sizeof(Sym), "symbol table out of range");
	} else {
		p->nsyms = 0;
	}
}

static void set_version(struct dso *p, size_t ndx, const char *name, uint32_t hash,
			const char *file, int hidden, int weak)
{
	if (ndx >= p->nversions) {
		size_t n = ndx + 8;
		struct dso_version *v = dl_alloc(n * sizeof *v);
		if (p->versions)
			memcpy(v, p->versions, p->nversions * sizeof *v);
		p->versions = v;
		p->nversions = n;
	}
	p->versions[ndx] = (struct dso_version){ name, hash, (uint32_t)strlen(name), file,
						 (unsigned char)hidden, (unsigned char)weak };
}

/* Build the index -> version table from VERDEF and VERNEED. */
static void read_versions(struct dso *p, size_t ndef, size_t nneed)
{
	uintptr_t a = (uintptr_t)p->verdef;

	for (size_t i = 0; a && i < ndef; i++) {
		const Elf64_Verdef *d = (const Elf64_Verdef *)a;
		check_range(p, a, sizeof *d, "bad version definition");
		if (d->vd_cnt) {
			const Elf64_Verdaux *x = (const Elf64_Verdaux *)(a + d->vd_aux);
			check_range(p, (uintptr_t)x, sizeof *x, "bad version definition");
			check_string(p, x->vda_name);
			if (d->vd_ndx > 0x7fff)
				bad(p, "bad version definition");
			set_version(p, d->vd_ndx, p->strings + x->vda_name, d->vd_hash, 0,
				    !!(d->vd_flags & VER_FLG_BASE), 0);
		}
		if (!d->vd_next)
			break;
		a += d->vd_next;
	}
	a = (uintptr_t)p->verneed;
	for (size_t i = 0; a && i < nneed; i++) {
		const Elf64_Verneed *n = (const Elf64_Verneed *)a;
		check_range(p, a, sizeof *n, "bad version need");
		check_string(p, n->vn_file);
		uintptr_t b = a + n->vn_aux;
		for (size_t j = 0; j < n->vn_cnt; j++) {
			const Elf64_Vernaux *x = (const Elf64_Vernaux *)b;
			check_range(p, b, sizeof *x, "bad version need");
			check_string(p, x->vna_name);
			set_version(p, x->vna_other & 0x7fff, p->strings + x->vna_name,
				    x->vna_hash, p->strings + n->vn_file, 0,
				    !!(x->vna_flags & VER_FLG_WEAK));
			if (!x->vna_next)
				break;
			b += x->vna_next;
		}
		if (!n->vn_next)
			break;
		a += n->vn_next;
	}
}

void dl_decode_dynamic(struct dso *p)
{
	uintptr_t b = p->base;
	size_t ndef = 0, nneed = 0;
	uintptr_t versym = 0, verdef = 0, verneed = 0, gnuhash = 0;
	Dyn *d = p->dynv;
	uintptr_t dyn_end = 0; /* entries below it are known to be in file data */

	seg_lo = seg_len = 0;
	for (;; d++) {
		if ((uintptr_t)(d + 1) > dyn_end) {
			if (!in_file(p, (uintptr_t)d, sizeof *d))
				bad(p, "dynamic section is not terminated");
			dyn_end = seg_lo + seg_len;
		}
		if (d->d_tag == DT_NULL)
			break;
		if (d->d_tag >= 0 && d->d_tag < DT_NUM)
			p->dyn[d->d_tag] = is_pointer_tag(d->d_tag) ? b + d->d_un.d_val : d->d_un.d_val;
		switch (d->d_tag) {
		case DT_NEEDED: p->nneeded++; break;
		case DT_GNU_HASH: gnuhash = b + d->d_un.d_val; break;
		case DT_VERSYM: versym = b + d->d_un.d_val; break;
		case DT_VERDEF: verdef = b + d->d_un.d_val; break;
		case DT_VERNEED: verneed = b + d->d_un.d_val; break;
		case DT_VERDEFNUM: ndef = d->d_un.d_val; break;
		case DT_VERNEEDNUM: nneed = d->d_un.d_val; break;
		case DT_FLAGS_1:
			if (d->d_un.d_val & DF_1_NODELETE)
				p->nodelete = 1;
			if (d->d_un.d_val & DF_1_NOW)
				p->dyn[DT_BIND_NOW] = 1;
			p->is_pie = !!(d->d_un.d_val & DF_1_PIE);
			break;
		}
	}
	p->strings = (const char *)p->dyn[DT_STRTAB];
	p->strsz = p->dyn[DT_STRSZ];
	if (p->strings) {
		check_range(p, (uintptr_t)p->strings, p->strsz, "string table out of range");
		if (!p->strsz || p->strings[p->strsz - 1])
			bad(p, "string table is not terminated");
	} else if (p->strsz) {
		bad(p, "string table missing");
	}
	p->syms = (const Sym *)p->dyn[DT_SYMTAB];
	if (p->dyn[DT_SYMENT] && p->dyn[DT_SYMENT] != sizeof(Sym))
		bad(p, "unsupported symbol table entry size");
	p->hashtab = (const uint32_t *)p->dyn[DT_HASH];
	p->ghashtab = (const uint32_t *)gnuhash;
	if (p->syms && !p->hashtab && !p->ghashtab)
		bad(p, "no symbol hash table");
	check_hash_tables(p);

	if (p->dyn[DT_SONAME]) {
		check_string(p, p->dyn[DT_SONAME]);
		p->soname = p->strings + p->dyn[DT_SONAME];
		p->soname_hash = gnu_hash(p->soname);
	}
	if (p->dyn[DT_RPATH]) {
		check_string(p, p->dyn[DT_RPATH]);
		p->rpath = p->strings + p->dyn[DT_RPATH];
	}
	if (p->dyn[DT_RUNPATH]) {
		check_string(p, p->dyn[DT_RUNPATH]);
		p->runpath = p->strings + p->dyn[DT_RUNPATH];
	}
	if (p->dyn[DT_RELAENT] && p->dyn[DT_RELAENT] != sizeof(Rela))
		bad(p, "unsupported relocation entry size");
	if (p->dyn[DT_RELSZ] || p->dyn[DT_REL])
		bad(p, "REL relocations are not used on this machine");
	if (p->dyn[DT_PLTREL] && p->dyn[DT_PLTREL] != DT_RELA)
		bad(p, "PLT relocations are not RELA");
	check_range(p, p->dyn[DT_RELA], p->dyn[DT_RELASZ], "relocations out of range");
	check_range(p, p->dyn[DT_JMPREL], p->dyn[DT_PLTRELSZ], "PLT relocations out of range");
	check_range(p, p->dyn[DT_RELR], p->dyn[DT_RELRSZ], "RELR relocations out of range");
	check_range(p, p->dyn[DT_INIT_ARRAY], p->dyn[DT_INIT_ARRAYSZ], "init array out of range");
	check_range(p, p->dyn[DT_FINI_ARRAY], p->dyn[DT_FINI_ARRAYSZ], "fini array out of range");
	check_range(p, p->dyn[DT_PREINIT_ARRAY], p->dyn[DT_PREINIT_ARRAYSZ],
		    "preinit array out of range");

	if (versym) {
		p->versym = (const uint16_t *)versym;
		check_range(p, versym, p->nsyms * 2, "version symbol table out of range");
		p->versym_limit = entries_to_segment_end(p, versym, 2);
	}
	p->verdef = (const Elf64_Verdef *)verdef;
	p->verneed = (const Elf64_Verneed *)verneed;
	if (p->versym)
		read_versions(p, ndef, nneed);
}
