/* x86_64 relocation types mapped onto the generic kinds rtld/reloc.c applies. */
#ifndef ARCH_RELOC_H
#define ARCH_RELOC_H

#include "rtld/reloc_kind.h"

static inline int arch_reloc_kind(uint32_t type)
{
	switch (type) {
	case 0:  return RK_NONE;       /* R_X86_64_NONE */
	case 1:  return RK_ABS64;      /* R_X86_64_64 */
	case 2:  return RK_PC32;       /* R_X86_64_PC32 */
	case 5:  return RK_COPY;       /* R_X86_64_COPY */
	case 6:  return RK_ABS64;      /* R_X86_64_GLOB_DAT */
	case 7:  return RK_ABS64;      /* R_X86_64_JUMP_SLOT */
	case 8:  return RK_RELATIVE;   /* R_X86_64_RELATIVE */
	case 10: return RK_ABS32;      /* R_X86_64_32 */
	case 11: return RK_ABS32S;     /* R_X86_64_32S */
	case 16: return RK_DTPMOD;     /* R_X86_64_DTPMOD64 */
	case 17: return RK_DTPOFF;     /* R_X86_64_DTPOFF64 */
	case 18: return RK_TPOFF;      /* R_X86_64_TPOFF64 */
	case 21: return RK_DTPOFF32;   /* R_X86_64_DTPOFF32 */
	case 23: return RK_TPOFF32;    /* R_X86_64_TPOFF32 */
	case 24: return RK_PC64;       /* R_X86_64_PC64 */
	case 32: return RK_SIZE32;     /* R_X86_64_SIZE32 */
	case 33: return RK_SIZE64;     /* R_X86_64_SIZE64 */
	case 36: return RK_TLSDESC;    /* R_X86_64_TLSDESC */
	case 37: return RK_IRELATIVE;  /* R_X86_64_IRELATIVE */
	case 38: return RK_RELATIVE64; /* R_X86_64_RELATIVE64 */
	}
	return RK_UNKNOWN;
}

/* GLOB_DAT and JUMP_SLOT take S + A on x86_64 as well (A is always 0). */
#define ARCH_RELATIVE_TYPE 8
/* An IFUNC resolver gets the hardware capabilities; x86_64 resolvers
   mostly use cpuid instead, but glibc passes AT_HWCAP too. */
static inline uintptr_t arch_call_ifunc(uintptr_t resolver, uint64_t hwcap, uint64_t hwcap2)
{
	(void)hwcap2;
	return ((uintptr_t (*)(uint64_t))resolver)(hwcap);
}

#endif
