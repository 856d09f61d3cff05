/* Restartable sequences: the kernel ABI (struct rseq, struct rseq_cs) and
   the registration the loader made for every thread, with glibc's names.

   The loader registers one struct rseq per thread at the same offset from the
   thread pointer:  (char *)__builtin_thread_pointer() + __rseq_offset.
   __rseq_size is the number of bytes of it the kernel fills (its feature
   size, at least 20), or 0 when the loader did not register (the rseq
   tunable is off, or the kernel refused: then cpu_id holds
   RSEQ_CPU_ID_REGISTRATION_FAILED and a program may register the area
   itself).  __rseq_flags is 0. */
#ifndef _SYS_RSEQ_H
#define _SYS_RSEQ_H

#include <features.h>
#include <stddef.h>
#include <stdint.h>
#include <bits/rseq.h>

/* The kernel's <linux/rseq.h> defines the same types; whichever comes first
   wins, and fields it may lack (node_id, mm_cid before Linux 6.3) are read by
   offset in <ld-rseq/rseq.h>. */
#ifndef _LINUX_RSEQ_H
#define _LINUX_RSEQ_H

enum rseq_cpu_id_state {
	RSEQ_CPU_ID_UNINITIALIZED = -1,
	RSEQ_CPU_ID_REGISTRATION_FAILED = -2,
};

enum rseq_flags {
	RSEQ_FLAG_UNREGISTER = (1 << 0),
};

enum rseq_cs_flags_bit {
	RSEQ_CS_FLAG_NO_RESTART_ON_PREEMPT_BIT = 0,
	RSEQ_CS_FLAG_NO_RESTART_ON_SIGNAL_BIT = 1,
	RSEQ_CS_FLAG_NO_RESTART_ON_MIGRATE_BIT = 2,
};

enum rseq_cs_flags {
	RSEQ_CS_FLAG_NO_RESTART_ON_PREEMPT = (1U << RSEQ_CS_FLAG_NO_RESTART_ON_PREEMPT_BIT),
	RSEQ_CS_FLAG_NO_RESTART_ON_SIGNAL = (1U << RSEQ_CS_FLAG_NO_RESTART_ON_SIGNAL_BIT),
	RSEQ_CS_FLAG_NO_RESTART_ON_MIGRATE = (1U << RSEQ_CS_FLAG_NO_RESTART_ON_MIGRATE_BIT),
};

/* A critical section: [start_ip, start_ip + post_commit_offset) restarts at
   abort_ip, which must follow a RSEQ_SIG word. */
struct rseq_cs {
	uint32_t version;
	uint32_t flags;
	uint64_t start_ip;
	uint64_t post_commit_offset;
	uint64_t abort_ip;
} __attribute__((__aligned__(32)));

/* The per-thread area.  Fields past `flags` exist when __rseq_size covers
   them: node_id and mm_cid from Linux 6.3 (feature size 28). */
struct rseq {
	uint32_t cpu_id_start;
	uint32_t cpu_id;          /* >= 0, or enum rseq_cpu_id_state */
	uint64_t rseq_cs;         /* struct rseq_cs * of the active section */
	uint32_t flags;
	uint32_t node_id;
	uint32_t mm_cid;
	char end[];
} __attribute__((__aligned__(32)));

#endif /* _LINUX_RSEQ_H */

__BEGIN_DECLS

extern const ptrdiff_t __rseq_offset;
extern const unsigned int __rseq_size;
extern const unsigned int __rseq_flags;

__END_DECLS

#endif
