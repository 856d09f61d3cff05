/* The debugger interface (SVR4 r_debug): gdb finds _r_debug through the
   program's DT_DEBUG or by name in the interpreter, reads the link_map chain
   from r_map, and stops at r_brk whenever r_state changes. */
#include "rtld/stage.h"
#include "rtld/util.h"

struct r_debug {
	int r_version;
	struct dso *r_map;
	uintptr_t r_brk;
	enum { RT_CONSISTENT, RT_ADD, RT_DELETE } r_state;
	uintptr_t r_ldbase;
};

EXPORT struct r_debug _r_debug;

/* Debuggers set a breakpoint here; it must stay an out-of-line call. */
EXPORT __attribute__((noinline)) void _dl_debug_state(void)
{
	__asm__ volatile("" ::: "memory");
}

void dl_debug_init(struct dso *main)
{
	_r_debug.r_version = 1;
	_r_debug.r_map = __dl_head;
	_r_debug.r_brk = (uintptr_t)&_dl_debug_state;
	_r_debug.r_ldbase = __dl_self.base;
	for (Dyn *d = main->dynv; d->d_tag; d++)
		if (d->d_tag == DT_DEBUG && dl_segment_of(main, (uintptr_t)&d->d_un.d_val, 8, PF_W, 0))
			d->d_un.d_val = (uintptr_t)&_r_debug;
}

void dl_debug_notify(int state)
{
	_r_debug.r_state = state;
	_dl_debug_state();
}
