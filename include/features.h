/* ld-rseq runtime headers: feature macros.  One set of declarations is
   always visible; _GNU_SOURCE and friends are accepted and change nothing. */
#ifndef _FEATURES_H
#define _FEATURES_H

#define __LD_RSEQ__ 1

#ifdef __cplusplus
#define __BEGIN_DECLS extern "C" {
#define __END_DECLS }
#else
#define __BEGIN_DECLS
#define __END_DECLS
#endif

#define __rt_noreturn __attribute__((__noreturn__))
#define __rt_printf(f, a) __attribute__((__format__(__printf__, f, a)))

#endif
