/* rseq registration: the main thread at start-up, other threads through
   <ld-rseq/thread.h>; and the published __rseq_* constants.

   The constants are defined writable in .data.rel.ro: written once here,
   before anything is relocated against them (a non-PIE program's COPY
   relocation copies the final values), then read-only with the loader's
   RELRO.  This file must not see <sys/rseq.h>'s const declarations, or the
   compiler could fold the zero initialisers into readers. */
#include <errno.h>
#include <string.h>
#include <asm/unistd.h>
#include "auxv/auxv.h"
#include "tcb/tls_internal.h"

#define RELRO __attribute__((section(".data.rel.ro")))

EXPORT RELRO ptrdiff_t __rseq_offset;
EXPORT RELRO unsigned int __rseq_size;
EXPORT RELRO unsigned int __rseq_flags;

#define RSEQ_FLAG_UNREGISTER 1
#define CPU_ID_UNINITIALIZED ((uint32_t)-1)
#define CPU_ID_REGISTRATION_FAILED ((uint32_t)-2)

static uint32_t *area(void)
{
	return (uint32_t *)(arch_get_tp() + tls.l.rseq_offset);
}

static long sys_rseq(void *a, size_t len, int flags)
{
	return __syscall4(__NR_rseq, (long)a, (long)len, flags, (long)ARCH_RSEQ_SIG);
}

static const char *errname(long e)
{
	switch (e) {
	case -ENOSYS: return "ENOSYS";
	case -EPERM: return "EPERM";
	case -EINVAL: return "EINVAL";
	case -EBUSY: return "EBUSY";
	case -EFAULT: return "EFAULT";
	default: return "error";
	}
}

void rseq_register_main(void)
{
	uint32_t *a = area();
	long r = 0;

	dl_debug(DL_DEBUG_RSEQ, "rseq: kernel hints: feature size %lu%s, align %lu%s\n",
		 (unsigned long)auxv_get(AT_RSEQ_FEATURE_SIZE),
		 auxv_has(AT_RSEQ_FEATURE_SIZE) ? "" : " (absent)",
		 (unsigned long)auxv_get(AT_RSEQ_ALIGN),
		 auxv_has(AT_RSEQ_ALIGN) ? "" : " (absent)");
	dl_debug(DL_DEBUG_RSEQ, "rseq: area at tp%+ld (%p): %lu bytes, align %lu, feature size %lu\n",
		 (long)tls.l.rseq_offset, (void *)a, (unsigned long)tls.l.rseq_area,
		 (unsigned long)tls.l.rseq_align, (unsigned long)tls.l.rseq_feature);

	memset(a, 0, tls.l.rseq_area);
	a[1] = CPU_ID_UNINITIALIZED;
	__rseq_offset = tls.l.rseq_offset;
	__rseq_flags = 0;
	if (!dl_rseq_enabled) {
		tls.rseq_state = RSEQ_DISABLED;
	} else {
		r = sys_rseq(a, tls.l.rseq_reg_len, 0);
		tls.rseq_state = r ? RSEQ_FAILED : RSEQ_REGISTERED;
		tls.rseq_error = r;
	}
	if (tls.rseq_state == RSEQ_REGISTERED) {
		__rseq_size = (unsigned int)tls.l.rseq_feature;
		tcb_self()->rseq_registered = 1;
	} else {
		__rseq_size = 0;
		a[1] = CPU_ID_REGISTRATION_FAILED;
	}
	if (!dl_rseq_enabled)
		dl_debug(DL_DEBUG_RSEQ, "rseq: disabled by glibc.pthread.rseq=0\n");
	else
		dl_debug(DL_DEBUG_RSEQ, "rseq: registration with length %lu: %s%s%s, cpu_id %d\n",
			 (unsigned long)tls.l.rseq_reg_len, r ? "failed, " : "ok",
			 r ? errname(r) : "", r ? " (continuing without rseq)" : "",
			 (int)a[1]);
	dl_debug(DL_DEBUG_RSEQ, "rseq: __rseq_offset %ld, __rseq_size %u, __rseq_flags %u\n",
		 (long)__rseq_offset, __rseq_size, __rseq_flags);
}

EXPORT int ldrseq_rseq_register(void)
{
	uint32_t *a = area();
	long r;

	if (tls.rseq_state != RSEQ_REGISTERED) {
		a[1] = CPU_ID_REGISTRATION_FAILED;
		return -EOPNOTSUPP;
	}
	r = sys_rseq(a, tls.l.rseq_reg_len, 0);
	if (r == 0)
		tcb_self()->rseq_registered = 1;
	else if (r != -EBUSY)
		a[1] = CPU_ID_REGISTRATION_FAILED;
	return (int)r;
}

EXPORT int ldrseq_rseq_unregister(void)
{
	long r = sys_rseq(area(), tls.l.rseq_reg_len, RSEQ_FLAG_UNREGISTER);

	if (r == 0)
		tcb_self()->rseq_registered = 0;
	return (int)r;
}
