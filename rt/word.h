/* Word-at-a-time access to bytes, for the string functions and the loader's
   own scans.  Unaligned word access is fine on every architecture ld-rseq
   targets; aligned words never cross into a page the bytes do not touch. */
#ifndef RT_WORD_H
#define RT_WORD_H

#include <stdint.h>

typedef uint64_t __attribute__((may_alias, aligned(1))) uword;
typedef uint64_t __attribute__((may_alias)) aword;

#define WS sizeof(uint64_t)
#define ONES ((uint64_t)-1 / 255)
#define HIGHS (ONES * 128)
/* Non-zero exactly when some byte of x is zero. */
#define HASZERO(x) (((x) - ONES) & ~(x) & HIGHS)

#endif
