/* Static TLS layout (see tls_layout.h).  Variant II (x86_64): the thread
   pointer points at struct tcb, blocks go downwards in module order so the
   executable's block ends at the thread pointer exactly where the linker's
   local-exec offsets expect it (-roundup(memsz, align)); then the dlopen
   surplus; then the rseq area, lowest of all.  Variant I (aarch64): the
   16-byte ABI TCB, blocks upwards (the executable's at roundup(16, align), as
   the linker assumes), the surplus, the rseq area highest of all; struct tcb
   sits below the thread pointer.  Keeping the rseq area beyond the surplus
   keeps it outside every TLS block, dlopen'ed static ones included. */
#include "tcb/tls_layout.h"

#define LIMIT ((size_t)PTRDIFF_MAX / 4) /* far beyond any real layout, so sums cannot wrap */

static int pow2(size_t a)
{
	return a && !(a & (a - 1));
}

static size_t roundup(size_t x, size_t a)
{
	return (x + a - 1) & ~(a - 1);
}

static size_t max(size_t a, size_t b)
{
	return a > b ? a : b;
}

int tls_layout_compute(struct tls_layout_module *mods, size_t n,
		       const struct tls_layout_params *p, struct tls_layout *out)
{
	size_t rs_align = max(p->rseq_align_hint, RSEQ_MIN_ALIGN);
	size_t feature = max(p->rseq_feature_hint, RSEQ_ORIG_FEATURE);
	size_t tcb_align = p->tcb_align ? p->tcb_align : 1;
	size_t maxal, cur, area;

	if (!pow2(rs_align) || !pow2(tcb_align) || rs_align > LIMIT || feature > LIMIT ||
	    p->surplus > LIMIT || p->tcb_size > LIMIT || (p->variant != 1 && p->variant != 2))
		return -1;
	area = roundup(max(feature, RSEQ_ORIG_SIZE), rs_align);
	out->rseq_feature = feature;
	out->rseq_align = rs_align;
	out->rseq_area = area;
	/* Length 32 is the original ABI every kernel takes; a longer one must
	   cover the kernel's feature size, which `feature` is. */
	out->rseq_reg_len = feature > RSEQ_ORIG_SIZE ? feature : RSEQ_ORIG_SIZE;

	maxal = max(rs_align, tcb_align);
	cur = p->variant == 2 ? 0 : TLS_VARIANT1_TCB;
	for (size_t i = 0; i < n; i++) {
		size_t a = mods[i].align ? mods[i].align : 1;

		if (!pow2(a) || a > LIMIT || mods[i].memsz > LIMIT)
			return -1;
		maxal = max(maxal, a);
		if (p->variant == 2) {
			cur = roundup(cur + mods[i].memsz, a);
			mods[i].offset = -(ptrdiff_t)cur;
		} else {
			cur = roundup(cur, a);
			mods[i].offset = (ptrdiff_t)cur;
			cur += mods[i].memsz;
		}
		if (cur > LIMIT)
			return -1;
	}

	if (p->variant == 2) {
		size_t r = roundup(cur + p->surplus + area, rs_align);

		out->surplus_hi = -(ptrdiff_t)cur;
		out->rseq_offset = -(ptrdiff_t)r;
		out->surplus_lo = out->rseq_offset + (ptrdiff_t)area;
		out->below = roundup(r, maxal);
		out->tcb_offset = 0;
		out->above = roundup(p->tcb_size, tcb_align);
	} else {
		size_t r = roundup(cur + p->surplus, rs_align);

		out->surplus_lo = (ptrdiff_t)cur;
		out->surplus_hi = (ptrdiff_t)r;
		out->rseq_offset = (ptrdiff_t)r;
		out->above = r + area;
		/* struct tcb ends exactly at the thread pointer: tcb_self() is
		   tp - sizeof(struct tcb). */
		out->tcb_offset = -(ptrdiff_t)p->tcb_size;
		out->below = roundup(roundup(p->tcb_size, tcb_align), maxal);
	}
	out->align = maxal;
	return out->below > LIMIT || out->above > LIMIT ? -1 : 0;
}

int tls_layout_place_surplus(int variant, size_t memsz, size_t align, size_t tp_align,
			     ptrdiff_t *lo, ptrdiff_t *hi, ptrdiff_t *offset)
{
	ptrdiff_t off;

	if (!align)
		align = 1;
	if (!pow2(align) || align > tp_align || memsz > LIMIT)
		return -1;
	if (variant == 2) {
		/* Offsets are negative: align the distance below the pointer. */
		size_t d = roundup((size_t)-*hi + memsz, align);

		if (d > LIMIT || -(ptrdiff_t)d < *lo)
			return -1;
		off = -(ptrdiff_t)d;
		*hi = off;
	} else {
		size_t s = roundup((size_t)*lo, align);

		if (s > LIMIT || (ptrdiff_t)(s + memsz) > *hi)
			return -1;
		off = (ptrdiff_t)s;
		*lo = off + (ptrdiff_t)memsz;
	}
	*offset = off;
	return 0;
}
