/* Symbol lookup over the loader's scopes. */
#ifndef RTLD_LOOKUP_H
#define RTLD_LOOKUP_H

#include "rtld/ldso.h"

struct sym_def {
	struct dso *dso;
	const Sym *sym;
};

/* A reference: name, its hash and length, and the version it was linked
   against. */
struct sym_ref {
	const char *name;
	uint32_t ghash;
	uint32_t len;                  /* strlen(name) */
	const struct dso_version *ver; /* NULL: unversioned */
	int ver_hidden;                /* the reference's versym hidden bit */
};

enum {
	LOOKUP_SKIP_MAIN = 1,   /* COPY: the program's own definition is the copy */
	LOOKUP_NEWEST = 2,      /* dlsym: the default version, not the oldest */
};

/* Search the global scope (load order, the loader last), then the local
   scope of a dlopen'ed requester.  def.sym is NULL when not found. */
struct sym_def dl_lookup(const struct sym_ref *ref, struct dso *requester, int flags);
/* Search one object's dependency tree breadth-first (dlsym on a handle), or
   the objects after `after` in the global scope (RTLD_NEXT). */
struct sym_def dl_lookup_in_list(const struct sym_ref *ref, struct dso *const *list,
				 size_t n, int flags);
const Sym *dl_lookup_in(struct dso *p, const struct sym_ref *ref, int flags);
/* Start-up only: index the global scope when that beats walking it for
   nrefs symbol references; freed once the initial objects are relocated. */
void dl_index_build(size_t nrefs);
void dl_index_free(void);

/* Drop the STB_GNU_UNIQUE definitions of an object being unloaded. */
void dl_unique_forget(const struct dso *p);

/* dl_lookup of the reference symbol index i of p makes, which is left in
   *ref; during start-up, through the index of the global scope. */
struct sym_def dl_lookup_sym(struct dso *p, size_t i, int flags, struct sym_ref *ref);
/* A reference to a name (dlsym, the vDSO), of version ver or unversioned. */
void dl_name_ref(struct sym_ref *ref, const char *name, const struct dso_version *ver);

#endif
