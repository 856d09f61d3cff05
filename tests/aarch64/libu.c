/* Depends on libt: its constructor runs after libt's and before the
   program's; its finaliser before libt's. */
#include <stddef.h>
#include "nolibc.h"

extern int lt_data;
extern long lt_tls_sum(void);

long lu_value(void)
{
	return lt_data + lt_tls_sum();
}

static void ctor(void) { put("ctor libu "); put_num(lt_data); put("\n"); }
static void dtor(void) { put("dtor libu\n"); }
__attribute__((section(".init_array"), used)) static void (*ia)(void) = ctor;
__attribute__((section(".fini_array"), used)) static void (*fa)(void) = dtor;

/* The loader's published rseq ABI, found in the global scope (the program
   names no library that defines it). */
extern const ptrdiff_t __rseq_offset;
extern const unsigned int __rseq_size;

ptrdiff_t lu_rseq_offset(void)
{
	return __rseq_offset;
}

unsigned lu_rseq_size(void)
{
	return __rseq_size;
}
