/* The run-time interface: dlopen, dlsym, dlclose, dlerror, dladdr, dlinfo,
   dl_iterate_phdr.  One recursive lock serialises them (a constructor run
   by dlopen may itself call dlopen); errors inside the loader unwind to the
   entry point through dl_recover_point and become the thread's dlerror(). */
#include <stdio.h>
#include "rtld/stage.h"
#include "rtld/lookup.h"
#include <dlfcn.h>
#include <link.h>
#include "auxv/auxv.h"
#include "arch_reloc.h"
#include "rtld/recover.h"
#include "rtld/handoff.h"
#include "rtld/util.h"
#include "rtld/sys.h"
#include "rt/lock.h"
#include "tcb/tls.h"

static rt_lock lock_word = RT_LOCK_INIT;
static uintptr_t lock_owner;
static int lock_depth;

/* The calling thread's copy of p's TLS block (allocated on first use). */
static void *tls_block_of_current(const struct dso *p)
{
	struct tls_index ti = { p->tls.id, 0 };
	return __tls_get_addr(&ti);
}

static void dl_lock(void)
{
	uintptr_t me = arch_get_tp();

	if (lock_owner == me) {
		lock_depth++;
		return;
	}
	rt_lock_take(&lock_word);
	lock_owner = me;
	lock_depth = 1;
}

static void dl_unlock(void)
{
	if (--lock_depth == 0) {
		lock_owner = 0;
		rt_lock_release(&lock_word);
	}
}

/* The lock is taken around fork so the child never inherits it held by a
   thread that does not exist there. */
void dl_atfork(int phase)
{
	if (phase == 0) {
		dl_lock();
	} else if (phase == 1) {
		dl_unlock();
	} else {
		lock_owner = 0;
		lock_depth = 0;
		rt_lock_reset(&lock_word);
	}
}

static void set_error(const char *fmt, ...)
{
	struct tcb *t = tcb_self();
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->dlerror_buf, sizeof t->dlerror_buf, fmt, ap);
	va_end(ap);
	t->dlerror_set = 1;
}

EXPORT char *dlerror(void)
{
	struct tcb *t = tcb_self();

	if (!t->dlerror_set)
		return 0;
	t->dlerror_set = 0;
	return t->dlerror_buf;
}

/* The object whose span holds addr. */
static struct dso *addr_to_dso(uintptr_t addr)
{
	for (struct dso *p = __dl_head; p; p = p->next)
		if (addr - p->map_start < p->map_len)
			return p;
	return 0;
}

static int valid_handle(const void *h)
{
	for (struct dso *p = __dl_head; p; p = p->next)
		if (p == h)
			return 1;
	return 0;
}

/* p and everything it depends on, breadth-first: a handle's search list
   and the local scope of an RTLD_LOCAL object. */
static struct dso **dep_tree(struct dso *root, size_t *count)
{
	size_t n = 0, cap = 16;
	struct dso **list = dl_alloc(cap * sizeof *list);

	/* Membership by scanning, not the visited marks: dlclose calls this
	   while its marks are live.  The lists are short. */
	list[n++] = root;
	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < list[i]->ndeps; j++) {
			struct dso *d = list[i]->deps[j];
			size_t k = 0;
			while (k < n && list[k] != d)
				k++;
			if (k < n)
				continue;
			if (n == cap) {
				struct dso **l = dl_alloc(2 * cap * sizeof *l);
				memcpy(l, list, n * sizeof *l);
				dl_free(list);
				list = l;
				cap *= 2;
			}
			list[n++] = d;
		}
	}
	*count = n;
	return list;
}

static void handle_scope(struct dso *p)
{
	if (!p->hscope)
		p->hscope = dep_tree(p, &p->nhscope);
}


/* Unload the objects after `keep` in the list (a failed dlopen, or the ones
   dlclose found unreachable and already unlinked into `dead`). */
static void destroy(struct dso *p)
{
	if (p->tls.id)
		tls_module_remove(p);
	dl_unique_forget(p);
	dl_unmap(p);
	dl_n_subs++;
	dl_free(p->name);
	if (p->req_name != p->name)
		dl_free((char *)p->req_name);
	dl_free(p->origin);
	dl_free(p->deps);
	dl_free(p->reldeps);
	dl_free(p->versions);
	dl_free(p->hscope);
	if (p->owns_scope)
		dl_free(p->scope);
	if (p->owns_phdr)
		dl_free(p->phdr);
	dl_free(p);
}

static void unlink_dso(struct dso *p)
{
	if (p->prev)
		p->prev->next = p->next;
	else
		__dl_head = p->next;
	if (p->next)
		p->next->prev = p->prev;
	else
		__dl_tail = p->prev;
}

static void undo_load(struct dso *old_tail)
{
	while (__dl_tail != old_tail) {
		struct dso *p = __dl_tail;
		unlink_dso(p);
		destroy(p);
	}
}

EXPORT void *dlopen(const char *file, int mode)
{
	dl_jmp_buf jb, *saved;
	struct dso *p, *old_tail, *first;

	if (!file)
		return __dl_head;
	if (!(mode & (RTLD_NOW | RTLD_LAZY))) {
		set_error("invalid mode for dlopen(): %#x", mode);
		return 0;
	}
	dl_lock();
	old_tail = __dl_tail;
	saved = dl_recover_point;
	if (dl_setjmp(jb)) {
		dl_recover_point = saved;
		dl_reloc_reset();
		undo_load(old_tail);
		if (dl_pending.fd >= 0)
			sys_close(dl_pending.fd);
		if (dl_pending.map_len)
			sys_munmap(dl_pending.map_start, dl_pending.map_len);
		dl_pending = (struct dl_pending){ -1, 0, 0 };
		dl_debug_notify(0);
		/* At start-up this prefix says when the error happened; dlerror's
		   caller knows. */
		static const char prefix[] = "error while loading shared libraries: ";
		_Static_assert(sizeof dl_recover_msg >= sizeof prefix - 1 +
			       sizeof ((struct tcb *)0)->dlerror_buf,
			       "dl_recover_msg holds all dlerror() keeps");
		const char *m = dl_recover_msg;
		if (!strncmp(m, prefix, sizeof prefix - 1))
			m += sizeof prefix - 1;
		set_error("%s", m);
		dl_unlock();
		return 0;
	}
	dl_recover_point = &jb;

	if (mode & RTLD_NOLOAD) {
		/* Not loaded is a plain NULL, with no dlerror, as in glibc. */
		p = dl_find_opened(file, addr_to_dso((uintptr_t)__builtin_return_address(0)));
		if (!p) {
			dl_recover_point = saved;
			dl_unlock();
			return 0;
		}
	} else {
		dl_debug_notify(1 /* RT_ADD */);
		uintptr_t caller = (uintptr_t)__builtin_return_address(0);
		p = dl_load_library(file, addr_to_dso(caller));
	}
	first = old_tail->next;
	if (first) {
		dl_load_deps(first);
		for (struct dso *q = first; q; q = q->next)
			q->load_gen = 1;
		dl_check_versions(first);
		for (struct dso *q = first; q; q = q->next)
			if (q->exec_stack)
				dl_error("%s: cannot enable executable stack as shared object requires",
					 q->name);
		for (struct dso *q = first; q; q = q->next) {
			const char *why;
			if ((q->tls.memsz || q->tls.image) && tls_module_add(q, &why) < 0)
				dl_error("%s: %s", q->name, why);
		}
		p->scope = dep_tree(p, &p->nscope);
		p->owns_scope = 1;
		for (struct dso *q = first; q; q = q->next)
			if (!q->scope) {
				q->scope = p->scope;
				q->nscope = p->nscope;
			}
		dl_relocate(first);
		for (struct dso *q = first; q; q = q->next) {
			dl_protect_relro(q);
			if (q->tls.is_static)
				tls_static_init_all(q);
		}
	}
	if (mode & RTLD_GLOBAL) {
		handle_scope(p);
		for (size_t i = 0; i < p->nhscope; i++)
			p->hscope[i]->global = !p->hscope[i]->is_vdso;
	}
	if (mode & RTLD_NODELETE)
		p->nodelete = 1;
	p->refcnt++;
	dl_recover_point = saved;
	dl_debug_notify(0 /* RT_CONSISTENT */);
	if (first)
		dl_run_init(first);
	dl_unlock();
	return p;
}

/* Mark what stays: the initial objects, dlopen'ed objects still open or
   NODELETE, and everything they depend on. */
static void mark(struct dso *p)
{
	if (p->visited)
		return;
	p->visited = 1;
	for (size_t i = 0; i < p->ndeps; i++)
		mark(p->deps[i]);
	for (size_t i = 0; i < p->nreldeps; i++)
		mark(p->reldeps[i]);
}

EXPORT int dlclose(void *h)
{
	struct dso *p = h;

	dl_lock();
	if (!valid_handle(p) || (p->refcnt <= 0 && p->load_gen)) {
		set_error("dlclose: invalid handle %p", h);
		dl_unlock();
		return -1;
	}
	if (!p->load_gen || --p->refcnt > 0 || p->nodelete) {
		dl_unlock();
		return 0;
	}
	for (struct dso *q = __dl_head; q; q = q->next)
		q->visited = 0;
	for (struct dso *q = __dl_head; q; q = q->next)
		if (!q->load_gen || q->refcnt > 0 || q->nodelete)
			mark(q);

	size_t n = 0;
	for (struct dso *q = __dl_head; q; q = q->next)
		n += !q->visited;
	struct dso **dead = dl_alloc(n * sizeof *dead + 1);
	n = 0;
	for (struct dso *q = __dl_head; q; q = q->next)
		if (!q->visited)
			dead[n++] = q;
	dl_run_fini_of(dead, n);
	/* A survivor that shared a dead root's scope gets its own. */
	for (struct dso *q = __dl_head; q; q = q->next) {
		if (!q->visited || !q->scope || q->owns_scope)
			continue;
		for (size_t i = 0; i < q->nscope; i++)
			if (!q->scope[i]->visited) {
				q->scope = dep_tree(q, &q->nscope);
				q->owns_scope = 1;
				break;
			}
	}
	dl_debug_notify(2 /* RT_DELETE */);
	for (size_t i = 0; i < n; i++) {
		unlink_dso(dead[i]);
		destroy(dead[i]);
	}
	dl_debug_notify(0 /* RT_CONSISTENT */);
	dl_free(dead);
	dl_unlock();
	return 0;
}

static void *symbol_address(struct sym_def d)
{
	uintptr_t a = dl_sym_addr(d.dso, d.sym);

	if (ELF_ST_TYPE(d.sym->st_info) == STT_TLS) {
		struct tls_index ti = { d.dso->tls.id, d.sym->st_value };
		return __tls_get_addr(&ti);
	}
	if (ELF_ST_TYPE(d.sym->st_info) == STT_GNU_IFUNC)
		a = arch_call_ifunc(a, auxv_get(AT_HWCAP), auxv_get(AT_HWCAP2));
	return (void *)a;
}

/* RTLD_NEXT: the caller's local scope after it (a dlopen'ed object), then
   the global scope after it. */
static struct sym_def lookup_next(const struct sym_ref *ref, struct dso *caller)
{
	struct sym_def d = { 0, 0 };
	int after = 0;

	if (caller && caller->scope)
		for (size_t i = 0; i < caller->nscope; i++)
			if (caller->scope[i] == caller) {
				d = dl_lookup_in_list(ref, caller->scope + i + 1,
						      caller->nscope - i - 1, LOOKUP_NEWEST);
				if (d.sym)
					return d;
				break;
			}
	for (struct dso *p = __dl_head; p; p = p->next) {
		if (p == caller) {
			after = 1;
			continue;
		}
		if (after && p->global && !p->is_ldso &&
		    (d = dl_lookup_in_list(ref, &p, 1, LOOKUP_NEWEST)).sym)
			return d;
	}
	if (caller != &__dl_self)
		d = dl_lookup_in_list(ref, (struct dso *[]){ &__dl_self }, 1, LOOKUP_NEWEST);
	return d;
}

EXPORT void *dlsym(void *restrict h, const char *restrict name)
{
	struct sym_ref ref;
	uintptr_t ret = (uintptr_t)__builtin_return_address(0);
	struct sym_def d;

	dl_name_ref(&ref, name, 0);
	dl_lock();
	struct dso *caller = addr_to_dso(ret);
	if (h == RTLD_DEFAULT || h == __dl_head) {
		d = dl_lookup(&ref, caller, LOOKUP_NEWEST);
	} else if (h == RTLD_NEXT) {
		d = lookup_next(&ref, caller);
	} else if (valid_handle(h)) {
		struct dso *p = h;
		handle_scope(p);
		d = dl_lookup_in_list(&ref, p->hscope, p->nhscope, LOOKUP_NEWEST);
	} else {
		set_error("dlsym: invalid handle %p", h);
		dl_unlock();
		return 0;
	}
	if (!d.sym) {
		const char *where = h == RTLD_DEFAULT || h == RTLD_NEXT || h == __dl_head
					    ? dl_opts.argv0 : ((struct dso *)h)->name;
		set_error("%s: undefined symbol: %s", where, name);
		dl_unlock();
		return 0;
	}
	void *a = symbol_address(d);
	dl_unlock();
	return a;
}

EXPORT int dladdr(const void *addr, Dl_info *info)
{
	uintptr_t a = (uintptr_t)addr;
	const Sym *best = 0;

	dl_lock();
	struct dso *p = addr_to_dso(a);
	if (!p) {
		dl_unlock();
		return 0;
	}
	info->dli_fname = p->is_main ? dl_opts.argv0 : p->name;
	info->dli_fbase = (void *)p->map_start;
	for (size_t i = 0; i < p->nsyms; i++) {
		const Sym *s = &p->syms[i];
		uintptr_t v = p->base + s->st_value;
		if (s->st_shndx == SHN_UNDEF || s->st_shndx == SHN_ABS ||
		    ELF_ST_TYPE(s->st_info) == STT_TLS || ELF_ST_TYPE(s->st_info) == STT_SECTION ||
		    v > a || s->st_name >= p->strsz)
			continue;
		/* A sized symbol covers its bytes; a zero-sized one only its address. */
		if (s->st_size ? a - v >= s->st_size : a != v)
			continue;
		if (!best || v > p->base + best->st_value)
			best = s;
	}
	info->dli_sname = best ? p->strings + best->st_name : 0;
	info->dli_saddr = best ? (void *)(p->base + best->st_value) : 0;
	dl_unlock();
	return 1;
}

EXPORT int dlinfo(void *restrict h, int request, void *restrict arg)
{
	struct dso *p = h;
	int r = 0;

	dl_lock();
	if (!valid_handle(p)) {
		set_error("dlinfo: invalid handle %p", h);
		r = -1;
	} else if (request == RTLD_DI_LINKMAP) {
		*(struct link_map **)arg = (struct link_map *)p;
	} else if (request == RTLD_DI_ORIGIN) {
		const char *o = dl_origin(p);
		if (o) {
			strcpy(arg, o);
		} else {
			set_error("dlinfo: the origin of %s is unknown", p->name);
			r = -1;
		}
	} else if (request == RTLD_DI_TLS_MODID) {
		*(size_t *)arg = p->tls.id;
	} else if (request == RTLD_DI_TLS_DATA) {
		*(void **)arg = p->tls.id ? tls_block_of_current(p) : 0;
	} else {
		set_error("dlinfo: unsupported request %d", request);
		r = -1;
	}
	dl_unlock();
	return r;
}

EXPORT int dl_iterate_phdr(int (*cb)(struct dl_phdr_info *, size_t, void *), void *data)
{
	int r = 0;

	dl_lock();
	for (struct dso *p = __dl_head; p && !r; p = p->next) {
		struct dl_phdr_info info = {
			.dlpi_addr = p->base,
			.dlpi_name = p->name,
			.dlpi_phdr = (const ElfW(Phdr) *)p->phdr,
			.dlpi_phnum = (uint16_t)p->phnum,
			.dlpi_adds = dl_n_adds,
			.dlpi_subs = dl_n_subs,
			.dlpi_tls_modid = p->tls.id,
			.dlpi_tls_data = p->tls.id ? tls_block_of_current(p) : 0,
		};
		r = cb(&info, sizeof info, data);
	}
	dl_unlock();
	return r;
}
