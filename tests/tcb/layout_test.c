/* Unit test of tcb/tls_layout.c, built on the host against glibc.  Expected
   values come from SPEC section 4's formulas and the psABI TLS rules written
   out here, never from the function's own output. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tcb/tls_layout.h"

static int failures;

#define CHECK(name, cond) do { \
	if (cond) printf("PASS: %s\n", name); \
	else { printf("FAIL: %s: %s (line %d)\n", name, #cond, __LINE__); failures++; } \
} while (0)

static size_t up(size_t x, size_t a) { return (x + a - 1) / a * a; }
static size_t mx(size_t a, size_t b) { return a > b ? a : b; }

struct mod { size_t memsz, align; };

/* An interval [lo, hi) relative to the thread pointer. */
static int disjoint(long alo, long ahi, long blo, long bhi)
{
	return ahi <= blo || bhi <= alo;
}

static void one(const char *what, int variant, size_t feat_hint, size_t align_hint,
		const struct mod *m, size_t n, size_t surplus)
{
	struct tls_layout_module mods[16];
	struct tls_layout_params p = {
		.variant = variant, .rseq_feature_hint = feat_hint,
		.rseq_align_hint = align_hint, .surplus = surplus,
		.tcb_size = 1000, .tcb_align = 8,
	};
	struct tls_layout l;
	char name[256];
	int ok;

	for (size_t i = 0; i < n; i++)
		mods[i] = (struct tls_layout_module){ m[i].memsz, m[i].align, 12345 };
	snprintf(name, sizeof name, "%s: computes", what);
	CHECK(name, tls_layout_compute(mods, n, &p, &l) == 0);

	/* SPEC 4 formulas. */
	size_t feature = mx(feat_hint, 20), ralign = mx(align_hint, 32);
	size_t area = up(mx(feature, 32), ralign);
	snprintf(name, sizeof name, "%s: rseq feature %zu align %zu area %zu", what, feature, ralign, area);
	CHECK(name, l.rseq_feature == feature && l.rseq_align == ralign && l.rseq_area == area);
	snprintf(name, sizeof name, "%s: registration length", what);
	CHECK(name, l.rseq_reg_len == (feature > 32 ? feature : 32));
	/* Every kernel accepts 32, or a length >= its feature size. */
	snprintf(name, sizeof name, "%s: registration length accepted by every kernel", what);
	CHECK(name, l.rseq_reg_len == 32 || l.rseq_reg_len >= feat_hint);

	/* psABI offsets: variant II counts down from the TP, the executable's block
	   at -roundup(memsz, align) (the linker's local-exec assumption); variant I
	   counts up from the 16-byte TCB, the executable at roundup(16, align). */
	size_t cur = variant == 2 ? 0 : 16, maxal = mx(ralign, 8);
	ok = 1;
	for (size_t i = 0; i < n; i++) {
		size_t a = m[i].align ? m[i].align : 1;
		long want;
		maxal = mx(maxal, a);
		if (variant == 2) {
			cur = up(cur + m[i].memsz, a);
			want = -(long)cur;
		} else {
			cur = up(cur, a);
			want = (long)cur;
			cur += m[i].memsz;
		}
		if (mods[i].offset != want) {
			printf("# %s: module %zu offset %ld, want %ld\n", what, i, (long)mods[i].offset, want);
			ok = 0;
		}
	}
	snprintf(name, sizeof name, "%s: module offsets", what);
	CHECK(name, ok);
	if (n && variant == 2) {
		snprintf(name, sizeof name, "%s: executable block ends at the TP", what);
		CHECK(name, mods[0].offset == -(long)up(m[0].memsz, m[0].align ? m[0].align : 1));
	}

	long rseq_want = variant == 2 ? -(long)up(cur + surplus + area, ralign)
				      : (long)up(cur + surplus, ralign);
	snprintf(name, sizeof name, "%s: rseq offset %ld", what, rseq_want);
	CHECK(name, l.rseq_offset == rseq_want);
	snprintf(name, sizeof name, "%s: thread pointer alignment %zu", what, maxal);
	CHECK(name, l.align == maxal && l.below % maxal == 0);

	/* Alignment (the TP is l.align-aligned), containment, non-overlap. */
	long lo = -(long)l.below, hi = (long)l.above;
	ok = l.rseq_offset % (long)ralign == 0 && l.rseq_offset >= lo &&
	     l.rseq_offset + (long)area <= hi;
	ok &= l.tcb_offset >= lo && l.tcb_offset + 1000 <= hi;
	ok &= disjoint(l.rseq_offset, l.rseq_offset + area, l.tcb_offset, l.tcb_offset + 1000);
	for (size_t i = 0; i < n; i++) {
		long b = mods[i].offset, e = b + (long)m[i].memsz;
		size_t a = m[i].align ? m[i].align : 1;
		ok &= b % (long)a == 0 && b >= lo && e <= hi;
		ok &= disjoint(b, e, l.rseq_offset, l.rseq_offset + area);
		ok &= disjoint(b, e, l.tcb_offset, l.tcb_offset + 1000);
		if (variant == 1)
			ok &= b >= 16; /* the ABI TCB (DTV, reserved) */
		/* SPEC 4: the rseq area below (II) / above (I) every block. */
		ok &= variant == 2 ? l.rseq_offset + (long)area <= b : l.rseq_offset >= e;
		for (size_t j = 0; j < i; j++)
			ok &= disjoint(b, e, mods[j].offset, mods[j].offset + (long)m[j].memsz);
	}
	snprintf(name, sizeof name, "%s: aligned, disjoint, contained, rseq outside every block", what);
	CHECK(name, ok);

	/* The surplus: at least `surplus` free bytes between the last block and the
	   rseq area, and dlopen'ed blocks placed there stay clear of everything. */
	snprintf(name, sizeof name, "%s: surplus gap >= %zu", what, surplus);
	CHECK(name, (size_t)(l.surplus_hi - l.surplus_lo) >= surplus &&
		    (variant == 2 ? l.surplus_lo >= l.rseq_offset + (long)area && l.surplus_hi <= -(long)cur
				  : l.surplus_lo >= (long)cur && l.surplus_hi <= l.rseq_offset));
	ptrdiff_t slo = l.surplus_lo, shi = l.surplus_hi, off;
	long placed[64][2];
	size_t np = 0, bytes = 0;
	ok = 1;
	while (np < 64 && tls_layout_place_surplus(variant, 40, 16, l.align, &slo, &shi, &off) == 0) {
		ok &= off % 16 == 0 && off >= l.surplus_lo && off + 40 <= l.surplus_hi;
		for (size_t j = 0; j < np; j++)
			ok &= disjoint(off, off + 40, placed[j][0], placed[j][1]);
		placed[np][0] = off, placed[np][1] = off + 40, np++;
		bytes += 40;
	}
	snprintf(name, sizeof name, "%s: %zu surplus blocks placed inside the gap", what, np);
	CHECK(name, ok && bytes <= surplus + area + ralign && (surplus < 56 || np >= 1));
	snprintf(name, sizeof name, "%s: surplus refuses more alignment than the TP has", what);
	slo = l.surplus_lo, shi = l.surplus_hi;
	CHECK(name, tls_layout_place_surplus(variant, 8, l.align * 2, l.align, &slo, &shi, &off) == -1);
}

int main(void)
{
	static const struct mod none[1];
	static const struct mod mix[] = {
		{ 0x38, 8 },      /* the executable: .tdata + .tbss */
		{ 0x1001, 64 },   /* 64-byte aligned, odd size (.tbss tail) */
		{ 4, 4 },
		{ 0, 1 },         /* empty PT_TLS */
		{ 200, 64 },
		{ 1, 0 },         /* p_align 0 means no constraint */
	};
	static const struct mod big[] = { { 100, 128 }, { 3, 1 } };
	struct { const char *name; size_t feat, align; } hints[] = {
		{ "old kernel, no hints", 0, 0 },
		{ "Linux 6.3..6.x (28 at 32)", 28, 32 },
		{ "Linux 7.0 (33 at 64)", 33, 64 },
		{ "future kernel (128 at 64)", 128, 64 },
		{ "small hints (20 at 8)", 20, 8 },
	};

	for (int v = 2; v >= 1; v--)
		for (size_t h = 0; h < sizeof hints / sizeof hints[0]; h++) {
			char what[200];
			snprintf(what, sizeof what, "variant %d, %s, no TLS", v, hints[h].name);
			one(what, v, hints[h].feat, hints[h].align, none, 0, 0);
			snprintf(what, sizeof what, "variant %d, %s, 6 modules, surplus 512", v, hints[h].name);
			one(what, v, hints[h].feat, hints[h].align, mix, 6, 512);
			snprintf(what, sizeof what, "variant %d, %s, 128-aligned exe, surplus 0", v, hints[h].name);
			one(what, v, hints[h].feat, hints[h].align, big, 2, 0);
			snprintf(what, sizeof what, "variant %d, %s, 1 module, surplus 100", v, hints[h].name);
			one(what, v, hints[h].feat, hints[h].align, mix, 1, 100);
		}

	/* Bad input is refused, not laid out. */
	struct tls_layout_module bad = { 8, 3, 0 };
	struct tls_layout_params p = { .variant = 2, .tcb_size = 64, .tcb_align = 8 };
	struct tls_layout l;
	CHECK("alignment 3 refused", tls_layout_compute(&bad, 1, &p, &l) == -1);
	bad = (struct tls_layout_module){ (size_t)-1 / 2, 8, 0 };
	CHECK("huge memsz refused", tls_layout_compute(&bad, 1, &p, &l) == -1);
	p.rseq_align_hint = 48;
	CHECK("rseq alignment 48 refused", tls_layout_compute(NULL, 0, &p, &l) == -1);
	p.rseq_align_hint = 0;
	p.variant = 3;
	CHECK("unknown variant refused", tls_layout_compute(NULL, 0, &p, &l) == -1);
	return failures != 0;
}
