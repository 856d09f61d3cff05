/* The main thread's static TLS: layout of the initial modules, its block,
   the thread pointer.  The layout itself is tls_layout_compute's. */
#include <string.h>
#include <sys/mman.h>
#include <asm/unistd.h>
#include "auxv/auxv.h"
#include "tcb/tls_internal.h"

/* glibc.rtld.optional_static_tls default, and glibc.pthread.rseq default. */
size_t dl_tls_static_surplus = 512;
int dl_rseq_enabled = 1;

struct tls_state tls;

/* The DTV words that follow the layout in each block: capacity, generation
   and room for the initial modules plus a few dlopen'ed ones before a
   thread needs a malloc'ed DTV. */
#define DTV_SPARE 14

#define TCB_ALIGN 64

static void *map_anon(size_t len)
{
	long r = __syscall6(__NR_mmap, 0, (long)len, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return r < 0 && r > -4096 ? NULL : (void *)r;
}

/* AT_RANDOM's 16 bytes: the stack guard (low byte zeroed, so a string
   overflow that copies up to a NUL cannot reproduce it) and the pointer
   guard.  Without AT_RANDOM (never on Linux >= 2.6.29) ask getrandom. */
static void set_guards(struct tcb *t)
{
	const unsigned char *r = (const unsigned char *)auxv_get(AT_RANDOM);
	unsigned char buf[16];

	if (!r) {
		if (__syscall3(__NR_getrandom, (long)buf, sizeof buf, 0) != sizeof buf)
			dl_fatal("no AT_RANDOM and getrandom failed: cannot seed the stack guard");
		r = buf;
	}
	memcpy(&t->stack_guard, r, sizeof t->stack_guard);
	t->stack_guard &= ~(uintptr_t)0xff;
	memcpy(&t->pointer_guard, r + 8, sizeof t->pointer_guard);
}

void tls_setup_main(void)
{
	struct tls_layout_params par = {
		.variant = ARCH_TLS_VARIANT,
		.rseq_feature_hint = auxv_get(AT_RSEQ_FEATURE_SIZE),
		.rseq_align_hint = auxv_get(AT_RSEQ_ALIGN),
		.surplus = dl_tls_static_surplus,
		.tcb_size = sizeof(struct tcb),
		/* A cache line, as glibc aligns its TCB: the thread pointer's
		   alignment bounds what a dlopen'ed static TLS block may ask for. */
		.tcb_align = _Alignof(struct tcb) > TCB_ALIGN ? _Alignof(struct tcb) : TCB_ALIGN,
	};
	struct tls_layout_module *mods;
	size_t n = 0, len;
	struct dso *p;
	char *map;

	for (p = __dl_head; p; p = p->next)
		if (p->tls.id > n)
			n = p->tls.id;
	tls.nstatic = n;
	tls.nslots = n + 1;
	tls.slots = __rt_calloc(n + 1, sizeof *tls.slots);
	mods = __rt_calloc(n + 1, sizeof *mods);
	if (!tls.slots || !mods)
		dl_fatal("cannot allocate the TLS module table");
	for (p = __dl_head; p; p = p->next) {
		if (!p->tls.id)
			continue;
		if (tls.slots[p->tls.id].dso)
			dl_fatal("%s: TLS module id %lu given twice", p->name, (unsigned long)p->tls.id);
		tls.slots[p->tls.id].dso = p;
		mods[p->tls.id - 1].memsz = p->tls.memsz;
		mods[p->tls.id - 1].align = p->tls.align;
	}
	if (tls_layout_compute(mods, n, &par, &tls.l))
		dl_fatal("invalid PT_TLS: alignment not a power of two or size too large");
	for (size_t id = 1; id <= n; id++) {
		p = tls.slots[id].dso;
		if (!p)
			continue;
		if (p->tls.filesz > p->tls.memsz)
			dl_fatal("%s: PT_TLS file size exceeds its memory size", p->name);
		p->tls.offset = mods[id - 1].offset;
		p->tls.is_static = 1;
	}
	__rt_free(mods);
	tls.surplus_lo = tls.l.surplus_lo;
	tls.surplus_hi = tls.l.surplus_hi;
	tls.dtv_cap = n + DTV_SPARE;
	tls.block_size = tls.l.below + tls.l.above + (tls.dtv_cap + 2) * sizeof(uintptr_t);

	/* mmap gives page alignment; only a larger TLS alignment needs slack. */
	len = tls.block_size + (tls.l.align > ARCH_PAGE_MIN ? tls.l.align : 0);
	map = map_anon(len);
	if (!map)
		dl_fatal("cannot map the main thread's TLS block (%lu bytes)", (unsigned long)len);
	tls.main_block = (void *)(((uintptr_t)map + tls.l.align - 1) & -tls.l.align);

	uintptr_t tp = tls_block_setup(tls.main_block);
	struct tcb *self = (struct tcb *)(tp + tls.l.tcb_offset);
	self->map_base = map;
	self->map_size = len;
	set_guards(self);
	if (arch_set_tp(tp) < 0)
		dl_fatal("cannot set the thread pointer");
	__tp_ready = 1;

	dl_debug(DL_DEBUG_TLS | DL_DEBUG_RSEQ,
		 "tls: static block %lu bytes below the thread pointer, %lu from it, "
		 "align %lu; surplus [%ld, %ld)\n",
		 (unsigned long)tls.l.below, (unsigned long)tls.l.above,
		 (unsigned long)tls.l.align, (long)tls.surplus_lo, (long)tls.surplus_hi);
	for (size_t id = 1; id <= n; id++)
		if ((p = tls.slots[id].dso))
			dl_debug(DL_DEBUG_TLS,
				 "tls: module %lu %s: offset %ld, %lu bytes (%lu initialised), align %lu\n",
				 (unsigned long)id, p->name[0] ? p->name : "(program)",
				 (long)p->tls.offset, (unsigned long)p->tls.memsz,
				 (unsigned long)p->tls.filesz, (unsigned long)p->tls.align);
}

void tls_copy_main_images(void)
{
	uintptr_t tp = arch_get_tp();

	for (size_t id = 1; id <= tls.nstatic; id++)
		if (tls.slots[id].dso)
			memcpy((void *)(tp + tls.slots[id].dso->tls.offset),
			       tls.slots[id].dso->tls.image, tls.slots[id].dso->tls.filesz);
}

void tls_print_layout(int fd)
{
	static const char *const state[] = {
		[RSEQ_NOT_YET] = "not registered yet",
		[RSEQ_REGISTERED] = "registered",
		[RSEQ_FAILED] = "registration failed",
		[RSEQ_DISABLED] = "disabled (glibc.pthread.rseq=0)",
	};

	dl_printf(fd, "\tstatic TLS: %lu modules, %lu bytes, align %lu, surplus %lu; "
		  "rseq area at tp%+ld: %lu bytes, align %lu, feature size %lu, "
		  "length %lu, %s\n",
		  (unsigned long)tls.nstatic, (unsigned long)(tls.l.below + tls.l.above),
		  (unsigned long)tls.l.align, (unsigned long)dl_tls_static_surplus,
		  (long)tls.l.rseq_offset, (unsigned long)tls.l.rseq_area,
		  (unsigned long)tls.l.rseq_align, (unsigned long)tls.l.rseq_feature,
		  (unsigned long)tls.l.rseq_reg_len, state[tls.rseq_state]);
}
