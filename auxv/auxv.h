/* The auxiliary vector, read once at start-up. */
#ifndef AUXV_H
#define AUXV_H

#include <stddef.h>
#include <stdint.h>
#include <linux/auxvec.h>

/* Linux 6.3 added the rseq hints; the Debian 12 UAPI headers (6.1) lack them. */
#ifndef AT_RSEQ_FEATURE_SIZE
#define AT_RSEQ_FEATURE_SIZE 27
#endif
#ifndef AT_RSEQ_ALIGN
#define AT_RSEQ_ALIGN 28
#endif
#ifndef AT_MINSIGSTKSZ
#define AT_MINSIGSTKSZ 51
#endif

/* Keys below this are kept by value: every key Linux defines up to
   AT_MINSIGSTKSZ; getauxval walks the vector for any later one. */
#define AUXV_MAX (AT_MINSIGSTKSZ + 1)
_Static_assert(AUXV_MAX <= 64, "present has a bit for every key kept");

struct auxv_info {
	uintptr_t *vec;             /* the vector itself, for getauxval */
	uintptr_t val[AUXV_MAX];    /* val[AT_x], 0 when absent */
	uint64_t present;           /* bit AT_x set when the key was given */
};

extern struct auxv_info __auxv;

void auxv_parse(uintptr_t *vec);

static inline uintptr_t auxv_get(unsigned key)
{
	return key < AUXV_MAX ? __auxv.val[key] : 0;
}

static inline int auxv_has(unsigned key)
{
	return key < AUXV_MAX && (__auxv.present >> key & 1);
}

#endif
