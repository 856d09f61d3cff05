/* One thread's block (static TLS, rseq area, TCB, first DTV), for the main
   thread at start-up and for every thread a runtime creates through the
   <ld-rseq/thread.h> interface. */
#include <string.h>
#include "tcb/tls_internal.h"

uintptr_t tls_block_setup(void *block)
{
	uintptr_t tp = (uintptr_t)block + tls.l.below;
	struct tcb *t = (struct tcb *)(tp + tls.l.tcb_offset);
	uintptr_t *dtv = (uintptr_t *)(tp + tls.l.above) + 1;
	uint32_t *rseq = (uint32_t *)(tp + tls.l.rseq_offset);

	memset(block, 0, tls.l.below + tls.l.above);
	/* cpu_id: the kernel overwrites it on registration; a thread that will
	   not register says so. */
	rseq[1] = tls.rseq_state == RSEQ_FAILED || tls.rseq_state == RSEQ_DISABLED
		? (uint32_t)-2 : (uint32_t)-1;

	rt_lock_take(&tls_lock);
	DTV_CAP(dtv) = tls.dtv_cap;
	DTV_GEN(dtv) = tls_generation;
	for (size_t id = 1; id <= tls.dtv_cap; id++)
		dtv[id] = 0;
	/* Ids past the DTV's capacity get their entry when it grows. */
	for (size_t id = 1; id < tls.nslots; id++) {
		const struct dso *p = tls.slots[id].dso;

		if (!p || !p->tls.is_static)
			continue;
		memcpy((void *)(tp + p->tls.offset), p->tls.image, p->tls.filesz);
		if (id <= tls.dtv_cap)
			dtv[id] = tp + p->tls.offset;
	}
	/* Listed, so a later dlopen of initial-exec TLS reaches this block
	   whoever made the thread (pthread_create or a runtime of its own). */
	t->blk_prev = NULL;
	t->blk_next = tls.blocks;
	if (tls.blocks)
		tls.blocks->blk_prev = t;
	tls.blocks = t;
	rt_lock_release(&tls_lock);

	t->self = t;
	t->self2 = t;
	t->dtv = dtv;
	if (ARCH_TLS_VARIANT == 1)
		((uintptr_t **)tp)[0] = dtv; /* the ABI TCB's DTV word */
	return tp;
}

EXPORT size_t ldrseq_tls_block_size(void)
{
	return tls.block_size;
}

EXPORT size_t ldrseq_tls_block_align(void)
{
	return tls.l.align;
}

EXPORT void *ldrseq_tls_block_init(void *block)
{
	uintptr_t tp = tls_block_setup(block);
	struct tcb *t = (struct tcb *)(tp + tls.l.tcb_offset), *me = tcb_self();

	t->stack_guard = me->stack_guard;
	t->pointer_guard = me->pointer_guard;
	return (void *)tp;
}

EXPORT void ldrseq_tls_block_fini(void *tp_arg)
{
	uintptr_t tp = (uintptr_t)tp_arg;
	struct tcb *t = (struct tcb *)(tp + tls.l.tcb_offset);
	uintptr_t *dtv = t->dtv;

	for (size_t id = 1; id <= DTV_CAP(dtv); id++)
		if (dtv[id] && !tls_in_static_block(tp, dtv[id]))
			__rt_free(((void **)dtv[id])[-1]);
	if (dtv != (uintptr_t *)(tp + tls.l.above) + 1)
		__rt_free(dtv - 1);
	t->dtv = NULL;
	rt_lock_take(&tls_lock);
	if (t->blk_prev)
		t->blk_prev->blk_next = t->blk_next;
	else if (tls.blocks == t)
		tls.blocks = t->blk_next;
	if (t->blk_next)
		t->blk_next->blk_prev = t->blk_prev;
	t->blk_next = t->blk_prev = NULL;
	rt_lock_release(&tls_lock);
}
