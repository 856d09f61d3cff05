/* Limits of the integer types (LP64) and of the system. */
#ifndef _LIMITS_H
#define _LIMITS_H

#define CHAR_BIT 8
#define SCHAR_MIN (-128)
#define SCHAR_MAX 127
#define UCHAR_MAX 255
#ifdef __CHAR_UNSIGNED__
#define CHAR_MIN 0
#define CHAR_MAX UCHAR_MAX
#else
#define CHAR_MIN SCHAR_MIN
#define CHAR_MAX SCHAR_MAX
#endif
#define SHRT_MIN (-1 - SHRT_MAX)
#define SHRT_MAX 0x7fff
#define USHRT_MAX 0xffff
#define INT_MIN (-1 - INT_MAX)
#define INT_MAX 0x7fffffff
#define UINT_MAX 0xffffffffU
#define LONG_MIN (-1L - LONG_MAX)
#define LONG_MAX __LONG_MAX__
#define ULONG_MAX (2UL * LONG_MAX + 1)
#define LLONG_MIN (-1LL - LLONG_MAX)
#define LLONG_MAX __LONG_LONG_MAX__
#define ULLONG_MAX (2ULL * LLONG_MAX + 1)
#define SSIZE_MAX LONG_MAX
#define MB_LEN_MAX 4

#define PATH_MAX 4096
#define NAME_MAX 255
#define PIPE_BUF 4096
#define IOV_MAX 1024

#endif
