/* What a relocation does, independent of the machine's numbering. */
#ifndef RTLD_RELOC_KIND_H
#define RTLD_RELOC_KIND_H

#include <stdint.h>

enum {
	RK_UNKNOWN = -1,
	RK_NONE,
	RK_RELATIVE,   /* B + A */
	RK_RELATIVE64, /* B + A, ILP32 variant spelled out */
	RK_ABS64,      /* S + A (also GLOB_DAT / JUMP_SLOT) */
	RK_ABS32,      /* S + A, zero-extended 32 bits */
	RK_ABS32S,     /* S + A, sign-extended 32 bits */
	RK_PC32,       /* S + A - P, 32 bits */
	RK_PC64,       /* S + A - P */
	RK_SIZE64,     /* Z + A */
	RK_SIZE32,
	RK_COPY,
	RK_IRELATIVE,  /* resolver(B + A)() */
	RK_DTPMOD,
	RK_DTPOFF,
	RK_DTPOFF32,
	RK_TPOFF,
	RK_TPOFF32,
	RK_TLSDESC,
};

#endif
