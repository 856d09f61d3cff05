/* The rseq checks shared by the test program and its library's constructor.
   One source for both loaders: built with rseq-cc it runs under ld-rseq,
   built with gcc it runs under glibc's ld.so (2.36 here: it registers rseq
   too, with the original ABI: length 32, __rseq_size 20).  The environment
   says what to expect:
     RSEQ_EXPECT  registered | unregistered
     RSEQ_LOADER  ldrseq | glibc   (what may differ: __rseq_size's value,
                  the area's place relative to the TLS blocks)
     RSEQ_OWN     ok | ENOSYS | EPERM: the program's own registration attempt
                  when the loader did not register. */
#ifndef RSEQ_CHECK_H
#define RSEQ_CHECK_H

#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <ld-rseq/rseq.h>

static int rc_failures;

/* rc_check(where, what, ok, detail-format, args...): one result line; the
   detail says what was seen when it failed. */
#define rc_check(where, what, ok, ...) do { \
	if (ok) { \
		printf("PASS: %s: %s\n", where, what); \
	} else { \
		printf("FAIL: %s: %s: ", where, what); \
		printf(__VA_ARGS__); \
		printf("\n"); \
		rc_failures++; \
	} \
	fflush(stdout); \
} while (0)

static const char *rc_env(const char *name, const char *dflt)
{
	const char *v = getenv(name);
	return v && *v ? v : dflt;
}

/* getcpu(2) directly: the reference for cpu_id and node_id. */
static int rc_getcpu(unsigned *cpu, unsigned *node)
{
	return (int)syscall(SYS_getcpu, cpu, node, NULL);
}

static long rc_register(void *area, unsigned len)
{
	long r = syscall(SYS_rseq, area, len, 0, RSEQ_SIG);
	return r == 0 ? 0 : -errno;
}

/* tls[i], tls_size[i]: TLS objects of the calling module, which the area
   must not overlap (and, under ld-rseq, must lie wholly above on x86_64). */
static void rseq_checks(const char *where, void *const *tls, const size_t *tls_size, int ntls,
			int pin)
{
	int registered = !strcmp(rc_env("RSEQ_EXPECT", "registered"), "registered");
	int ldrseq = !strcmp(rc_env("RSEQ_LOADER", "ldrseq"), "ldrseq");
	unsigned long feat = getauxval(27 /* AT_RSEQ_FEATURE_SIZE */);
	unsigned long al = getauxval(28 /* AT_RSEQ_ALIGN */);
	char *area = (char *)ldrseq_area();
	volatile struct rseq *rs = (volatile struct rseq *)area;
	unsigned reg_len = __rseq_size > 32 ? __rseq_size : 32;
	unsigned long want_align = al > 32 ? al : 32;

	rc_check(where, "__rseq_flags is 0", __rseq_flags == 0, "__rseq_flags %u", __rseq_flags);
	rc_check(where, "area aligned to max(AT_RSEQ_ALIGN, 32)",
		 (uintptr_t)area % want_align == 0, "address %p, align %lu", (void *)area, want_align);
	for (int i = 0; i < ntls; i++) {
		char *b = tls[i], *e = b + tls_size[i];
		char what[100];
		snprintf(what, sizeof what, "area does not overlap TLS object %d", i);
		rc_check(where, what, e <= area || area + 32 <= b, "object at %p, area at %p", (void *)b, (void *)area);
		if (ldrseq) {
			/* SPEC 4: below every block on x86_64, above on aarch64. */
#if defined __x86_64__
			snprintf(what, sizeof what, "area below TLS object %d", i);
			rc_check(where, what, area + reg_len <= b,
				 "area at %p, object at %p", (void *)area, (void *)b);
#else
			snprintf(what, sizeof what, "area above TLS object %d", i);
			rc_check(where, what, area >= e,
				 "area at %p, object ends at %p", (void *)area, (void *)e);
#endif
		}
	}

	if (!registered) {
		const char *own = rc_env("RSEQ_OWN", "ok");
		long r;

		rc_check(where, "__rseq_size is 0 when not registered", __rseq_size == 0,
			 "__rseq_size %u", __rseq_size);
		rc_check(where, "cpu_id is RSEQ_CPU_ID_REGISTRATION_FAILED",
			 (int)rs->cpu_id == RSEQ_CPU_ID_REGISTRATION_FAILED, "cpu_id %d", (int)rs->cpu_id);
		rc_check(where, "ldrseq_cpu_id() is -1", ldrseq_cpu_id() == -1, "%d", ldrseq_cpu_id());
		if (pin) {
			/* sched_getcpu without rseq: the vDSO (which works even when
			   getcpu(2) is denied, RSEQ_NO_GETCPU=1), else getcpu(2). */
			int no_sys = !strcmp(rc_env("RSEQ_NO_GETCPU", "0"), "1");
			cpu_set_t all, one;
			int ok = 1, n = 0;
			long seen = -1, want = -1;
			CPU_ZERO(&all);
			sched_getaffinity(0, sizeof all, &all);
			for (int c = 0; c < CPU_SETSIZE; c++) {
				unsigned cpu = ~0u, node;
				if (!CPU_ISSET(c, &all))
					continue;
				CPU_ZERO(&one);
				CPU_SET(c, &one);
				if (sched_setaffinity(0, sizeof one, &one))
					continue;
				n++;
				int sys = rc_getcpu(&cpu, &node);
				if (sched_getcpu() != c || (no_sys ? sys != -1 || errno != ENOSYS
								   : sys != 0 || (int)cpu != c))
					ok = 0, seen = sched_getcpu(), want = c;
			}
			sched_setaffinity(0, sizeof all, &all);
			rc_check(where, no_sys ? "sched_getcpu without rseq or getcpu(2) (vDSO)"
					       : "sched_getcpu without rseq agrees with getcpu(2)",
				 ok && n > 0, "sched_getcpu %ld, pinned to %ld", seen, want);

			/* The area stays reserved: the program may register it itself. */
			r = rc_register(area, 32);
			if (!strcmp(own, "ok")) {
				rc_check(where, "own registration of the reserved area works", r == 0,
					 "rseq returned %ld", r);
				rc_check(where, "cpu_id valid after own registration",
					 (int)rs->cpu_id >= 0, "cpu_id %d", (int)rs->cpu_id);
			} else {
				long want = !strcmp(own, "EPERM") ? -EPERM : -ENOSYS;
				rc_check(where, "own registration fails cleanly", r == want,
					 "rseq returned %ld, want %ld", r, want);
			}
		}
		return;
	}

	/* Debian's glibc 2.36 predates the extensible ABI: it registers the
	   original 32-byte area and publishes the original feature size, 20. */
	unsigned long want_size = ldrseq ? (feat > 20 ? feat : 20) : 20;
	rc_check(where, ldrseq ? "__rseq_size is max(AT_RSEQ_FEATURE_SIZE, 20)"
			       : "__rseq_size is 20 (glibc 2.36, original ABI)",
		 __rseq_size == want_size, "__rseq_size %u, want %lu", __rseq_size, want_size);
	rc_check(where, "cpu_id >= 0", (int)rs->cpu_id >= 0, "cpu_id %d", (int)rs->cpu_id);
	/* Registered exactly here: the same (area, length) again is EBUSY; a
	   registration elsewhere would make it EINVAL. */
	long r = rc_register(area, reg_len);
	rc_check(where, "re-registration at tp + __rseq_offset gives EBUSY", r == -EBUSY,
		 "rseq returned %ld for length %u", r, reg_len);

	if (!pin)
		return;
	cpu_set_t all, one;
	CPU_ZERO(&all);
	if (sched_getaffinity(0, sizeof all, &all)) {
		rc_check(where, "sched_getaffinity", 0, "errno %d", errno);
		return;
	}
	int ok = 1, n = 0;
	long bad_cpu = -1, bad_ref = -1;
	for (int c = 0; c < CPU_SETSIZE; c++) {
		unsigned cpu, node;
		if (!CPU_ISSET(c, &all))
			continue;
		CPU_ZERO(&one);
		CPU_SET(c, &one);
		if (sched_setaffinity(0, sizeof one, &one))
			continue;
		n++;
		rc_getcpu(&cpu, &node);
		if ((int)rs->cpu_id != c || (int)cpu != c || ldrseq_cpu_id() != c ||
		    ldrseq_cpu_id_start() != c || sched_getcpu() != c) {
			ok = 0, bad_cpu = (int)rs->cpu_id, bad_ref = c;
		}
		if (__rseq_size >= 24 && ldrseq_node_id() != (int)node)
			ok = 0, bad_cpu = ldrseq_node_id(), bad_ref = node;
		if (__rseq_size >= 28 && (ldrseq_mm_cid() < 0 || ldrseq_mm_cid() >= CPU_COUNT(&all)))
			ok = 0, bad_cpu = ldrseq_mm_cid(), bad_ref = CPU_COUNT(&all);
	}
	sched_setaffinity(0, sizeof all, &all);
	rc_check(where, "pinned to each CPU: cpu_id, node_id, mm_cid, sched_getcpu agree with getcpu(2)",
		 ok && n > 0, "read %ld, expected %ld", bad_cpu, bad_ref);
	if (feat < 28)
		printf("SKIP: %s: node_id/mm_cid: kernel feature size %lu\n", where, feat);
}

#endif
