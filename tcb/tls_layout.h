/* The static TLS layout as one pure function of the initial modules' PT_TLS,
   the kernel's rseq hints and the surplus tunable.  No loader state, no libc:
   the unit tests (tests/tcb/) compile it on the host with synthetic inputs. */
#ifndef TCB_TLS_LAYOUT_H
#define TCB_TLS_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

/* The rseq area the kernel fills: struct rseq from Linux 4.18 is 32 bytes at
   32-byte alignment, its fields up to and including flags are 20 bytes. */
#define RSEQ_ORIG_SIZE     32
#define RSEQ_ORIG_FEATURE  20
#define RSEQ_MIN_ALIGN     32

/* Variant I's ABI thread control block: the thread pointer points at these
   two words (DTV, reserved) and the first TLS block follows them. */
#define TLS_VARIANT1_TCB   16

struct tls_layout_module {
	size_t memsz, align;       /* in: PT_TLS p_memsz, p_align (0 taken as 1) */
	ptrdiff_t offset;          /* out: tp-relative start of the block */
};

struct tls_layout_params {
	int variant;               /* 1 (TCB first, blocks above) or 2 (blocks below) */
	size_t rseq_feature_hint;  /* AT_RSEQ_FEATURE_SIZE, 0 when absent */
	size_t rseq_align_hint;    /* AT_RSEQ_ALIGN, 0 when absent */
	size_t surplus;            /* bytes kept for dlopen'ed static TLS */
	size_t tcb_size, tcb_align;/* the thread descriptor (struct tcb) */
};

struct tls_layout {
	size_t rseq_feature;       /* max(hint, 20) */
	size_t rseq_align;         /* max(hint, 32) */
	size_t rseq_area;          /* roundup(max(feature, 32), align) */
	size_t rseq_reg_len;       /* length passed to rseq(2) */
	ptrdiff_t rseq_offset;     /* tp-relative start of the area */
	/* The free static TLS left for dlopen: [surplus_lo, surplus_hi) tp-relative. */
	ptrdiff_t surplus_lo, surplus_hi;
	size_t below, above;       /* block bytes below and from the thread pointer */
	size_t align;              /* alignment of the thread pointer and the block */
	ptrdiff_t tcb_offset;      /* tp-relative address of struct tcb */
};

/* Returns 0, or -1 when a size or alignment is not representable (alignment
   not a power of two, sizes that overflow). */
int tls_layout_compute(struct tls_layout_module *mods, size_t n,
		       const struct tls_layout_params *p, struct tls_layout *out);

/* Place one more block of (memsz, align) in the free static range
   [*lo, *hi) left by tls_layout_compute (tp_align is its .align); on success
   shrink the range and store the offset.  Returns 0, or -1 when it does not
   fit or needs more alignment than the thread pointer has. */
int tls_layout_place_surplus(int variant, size_t memsz, size_t align, size_t tp_align,
			     ptrdiff_t *lo, ptrdiff_t *hi, ptrdiff_t *offset);

#endif
