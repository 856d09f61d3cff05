/* The per-architecture rseq signature: the 32-bit word the kernel checks
   just before an abort handler.  Each value is an instruction that traps, so
   a stray jump into the signature faults instead of running data. */
#ifndef _BITS_RSEQ_H
#define _BITS_RSEQ_H

#if defined __x86_64__
#define RSEQ_SIG 0x53053053   /* ud1 %edi,%eax's immediate */
#elif defined __aarch64__
#define RSEQ_SIG 0xd428bc00   /* brk #0x45e0 */
#else
#error "ld-rseq: no rseq signature for this architecture"
#endif

#endif
