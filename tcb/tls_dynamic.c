/* Dynamic TLS: module ids for dlopen'ed objects, each thread's DTV brought
   up to date lazily (generation counted), blocks allocated on first access
   by __tls_get_addr and the TLSDESC dynamic resolver. */
#include <string.h>
#include "tcb/tls_internal.h"

size_t tls_generation;
rt_lock tls_lock = RT_LOCK_INIT;

/* Static blocks of other threads are set up by tls_static_block_init; only
   this thread's own DTV is touched here. */
static void release_block(uintptr_t tp, uintptr_t p)
{
	if (p && !tls_in_static_block(tp, p))
		__rt_free(((void **)p)[-1]);
}

/* Brings the calling thread's DTV to the current generation; tls_lock held.
   Returns it, or NULL when a larger DTV could not be allocated. */
static uintptr_t *dtv_update(struct tcb *t, uintptr_t tp)
{
	uintptr_t *dtv = t->dtv;
	size_t need = tls.nslots - 1;

	if (DTV_CAP(dtv) < need) {
		size_t cap = need + need / 2 + 8;
		uintptr_t *n = __rt_malloc((cap + 2) * sizeof *n);

		if (!n)
			return NULL;
		n++;
		memcpy(n, dtv, (DTV_CAP(dtv) + 1) * sizeof *n);
		/* New entries: static blocks are there already, others on demand. */
		for (size_t id = DTV_CAP(dtv) + 1; id <= cap; id++) {
			const struct dso *p = id < tls.nslots ? tls.slots[id].dso : NULL;

			n[id] = p && p->tls.is_static ? tp + p->tls.offset : 0;
		}
		DTV_CAP(n) = cap;
		if (dtv != (uintptr_t *)(tp + tls.l.above) + 1)
			__rt_free(dtv - 1);
		dtv = t->dtv = n;
		if (ARCH_TLS_VARIANT == 1)
			((uintptr_t **)tp)[0] = dtv;
	}
	for (size_t id = 1; id < tls.nslots; id++) {
		const struct dso *p = tls.slots[id].dso;

		if (tls.slots[id].gen <= DTV_GEN(dtv))
			continue;
		release_block(tp, dtv[id]);
		dtv[id] = p && p->tls.is_static ? tp + p->tls.offset : 0;
	}
	DTV_GEN(dtv) = tls_generation;
	return dtv;
}

/* The block of module `mod` in this thread: a fresh copy of its image,
   over-aligned inside a malloc'ed area whose start is kept just below it. */
static uintptr_t alloc_block(const struct dso *p)
{
	size_t a = p->tls.align > 16 ? p->tls.align : 16;
	char *raw = __rt_malloc(p->tls.memsz + a + sizeof(void *));
	char *b;

	if (!raw)
		return 0;
	b = (char *)(((uintptr_t)raw + sizeof(void *) + a - 1) & -a);
	((void **)b)[-1] = raw;
	memcpy(b, p->tls.image, p->tls.filesz);
	memset(b + p->tls.filesz, 0, p->tls.memsz - p->tls.filesz);
	return (uintptr_t)b;
}

void *__tls_get_addr_slow(size_t mod, size_t off)
{
	struct tcb *t = tcb_self();
	uintptr_t tp = arch_get_tp(), *dtv;
	const struct dso *p;

	rt_lock_take(&tls_lock);
	dtv = dtv_update(t, tp);
	p = mod && mod < tls.nslots ? tls.slots[mod].dso : NULL;
	if (!dtv || !p)
		goto fail;
	if (!dtv[mod] && !(dtv[mod] = alloc_block(p)))
		goto fail;
	rt_lock_release(&tls_lock);
	return (char *)dtv[mod] + off;
fail:
	rt_lock_release(&tls_lock);
	dl_printf(2, "ld-rseq: __tls_get_addr: %s for TLS module %lu\n",
		  p ? "out of memory" : "no such module", (unsigned long)mod);
	__syscall1(__NR_exit_group, 127);
	__builtin_unreachable();
}

EXPORT void *__tls_get_addr(struct tls_index *ti)
{
	uintptr_t *dtv = tcb_self()->dtv;

	if (__builtin_expect(DTV_GEN(dtv) == __atomic_load_n(&tls_generation, __ATOMIC_ACQUIRE) &&
			     ti->mod <= DTV_CAP(dtv) && dtv[ti->mod], 1))
		return (char *)dtv[ti->mod] + ti->off;
	return __tls_get_addr_slow(ti->mod, ti->off);
}

int tls_module_add(struct dso *p, const char **why)
{
	size_t id;

	rt_lock_take(&tls_lock);
	for (id = tls.nstatic + 1; id < tls.nslots && tls.slots[id].dso; id++)
		;
	if (id == tls.nslots) {
		struct tls_slot *s = __rt_realloc(tls.slots, (id + 1) * sizeof *s);

		if (!s) {
			rt_lock_release(&tls_lock);
			*why = "cannot allocate a TLS module id";
			return -1;
		}
		tls.slots = s;
		tls.nslots++;
	}
	p->tls.is_static = 0;
	if (p->dyn[DT_FLAGS] & DF_STATIC_TLS) {
		if (tls_layout_place_surplus(ARCH_TLS_VARIANT, p->tls.memsz, p->tls.align,
					     tls.l.align, &tls.surplus_lo, &tls.surplus_hi,
					     &p->tls.offset)) {
			rt_lock_release(&tls_lock);
			*why = "cannot allocate memory in static TLS block";
			return -1;
		}
		p->tls.is_static = 1;
	}
	p->tls.id = id;
	tls.slots[id].dso = p;
	tls.slots[id].gen = __atomic_add_fetch(&tls_generation, 1, __ATOMIC_RELEASE);
	rt_lock_release(&tls_lock);
	dl_debug(DL_DEBUG_TLS, "tls: module %lu %s: %s %ld, %lu bytes, align %lu\n",
		 (unsigned long)id, p->name, p->tls.is_static ? "static, offset" : "dynamic",
		 p->tls.is_static ? (long)p->tls.offset : 0L,
		 (unsigned long)p->tls.memsz, (unsigned long)p->tls.align);
	return 0;
}

static void static_block_init(const struct dso *p, uintptr_t tp)
{
	char *b = (char *)(tp + p->tls.offset);

	memcpy(b, p->tls.image, p->tls.filesz);
	memset(b + p->tls.filesz, 0, p->tls.memsz - p->tls.filesz);
}

void tls_static_init_all(const struct dso *p)
{
	rt_lock_take(&tls_lock);
	for (struct tcb *t = tls.blocks; t; t = t->blk_next)
		static_block_init(p, (uintptr_t)t - tls.l.tcb_offset);
	rt_lock_release(&tls_lock);
}

void tls_module_remove(struct dso *p)
{
	size_t id = p->tls.id;

	if (!id || id >= tls.nslots || tls.slots[id].dso != p)
		return;
	rt_lock_take(&tls_lock);
	tls.slots[id].dso = NULL;
	tls.slots[id].gen = __atomic_add_fetch(&tls_generation, 1, __ATOMIC_RELEASE);
	rt_lock_release(&tls_lock);
	p->tls.id = 0;
}

void tls_atfork(int phase)
{
	rt_lock_atfork(&tls_lock, phase);
	if (phase == 2) {
		/* The child has one thread: the other blocks are gone with theirs. */
		struct tcb *self = tcb_self();
		self->blk_next = self->blk_prev = NULL;
		tls.blocks = self;
	}
}
