/* The base library: TLS reached through TLS descriptors (aarch64's default
   for -fPIC), an IFUNC called from outside (JUMP_SLOT to an IFUNC symbol)
   and from inside (IRELATIVE), data pointers (ABS64/RELATIVE), init/fini. */
#include "nolibc.h"

__thread int lt_a = 7;
__thread long lt_b[4] = { 1, 2, 3, 4 };
static __thread int lt_s;
int lt_data = 1234;                 /* COPY-relocated into a non-PIE program */
int *lt_ptr = &lt_data;

static long impl_fp(void) { return 100; }
static long impl_nofp(void) { return 200; }

/* AT_HWCAP bit 0 is HWCAP_FP; either loader passes AT_HWCAP first. */
typedef long fn_t(void);
static fn_t *pick(unsigned long hwcap)
{
	return hwcap & 1 ? impl_fp : impl_nofp;
}

long lt_ifunc(void) __attribute__((ifunc("pick")));
static long lt_local_ifunc(void) __attribute__((ifunc("pick")));

/* The psABI's resolver arguments: AT_HWCAP | _IFUNC_ARG_HWCAP (bit 62),
   then a pointer to { size, hwcap, hwcap2 }.  What this resolver saw. */
struct ifunc_arg {
	unsigned long size, hwcap, hwcap2;
};
static long arg_seen;
static long report_arg(void) { return arg_seen; }
static fn_t *pick_arg(unsigned long hwcap, const struct ifunc_arg *arg)
{
	const unsigned long flag = 1UL << 62;

	arg_seen = hwcap & flag ? 1 : 0;
	if (arg_seen)
		arg_seen += (arg->size >= sizeof *arg) * 10 + (arg->hwcap == (hwcap & ~flag)) * 100;
	return report_arg;
}
long lt_ifunc_arg(void) __attribute__((ifunc("pick_arg")));

long lt_call_local_ifunc(void)
{
	return lt_local_ifunc() + 1;
}

int *lt_addr_a(void)
{
	return &lt_a;
}

long lt_tls_sum(void)
{
	lt_s += 5;
	return lt_a + lt_b[0] + lt_b[1] + lt_b[2] + lt_b[3] + lt_s;
}

static void ctor(void) { put("ctor libt\n"); }
static void dtor(void) { put("dtor libt\n"); }
__attribute__((section(".init_array"), used)) static void (*ia)(void) = ctor;
__attribute__((section(".fini_array"), used)) static void (*fa)(void) = dtor;
