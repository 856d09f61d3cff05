/* aarch64 (LP64) relocation types mapped onto the generic kinds rtld/reloc.c
   applies.  Numbers from the ELF for the Arm 64-bit Architecture (AAELF64). */
#ifndef ARCH_RELOC_H
#define ARCH_RELOC_H

#include "rtld/reloc_kind.h"

static inline int arch_reloc_kind(uint32_t type)
{
	switch (type) {
	case 0:    return RK_NONE;       /* R_AARCH64_NONE */
	case 256:  return RK_NONE;       /* R_AARCH64_NONE, the withdrawn alternative code */
	case 257:  return RK_ABS64;      /* R_AARCH64_ABS64 */
	case 258:  return RK_ABS32;      /* R_AARCH64_ABS32 */
	case 260:  return RK_PC64;       /* R_AARCH64_PREL64 */
	case 261:  return RK_PC32;       /* R_AARCH64_PREL32 */
	case 1024: return RK_COPY;       /* R_AARCH64_COPY */
	case 1025: return RK_ABS64;      /* R_AARCH64_GLOB_DAT */
	case 1026: return RK_ABS64;      /* R_AARCH64_JUMP_SLOT */
	case 1027: return RK_RELATIVE;   /* R_AARCH64_RELATIVE */
	case 1028: return RK_DTPMOD;     /* R_AARCH64_TLS_DTPMOD */
	case 1029: return RK_DTPOFF;     /* R_AARCH64_TLS_DTPREL (no DTV bias on aarch64) */
	case 1030: return RK_TPOFF;      /* R_AARCH64_TLS_TPREL */
	case 1031: return RK_TLSDESC;    /* R_AARCH64_TLSDESC */
	case 1032: return RK_IRELATIVE;  /* R_AARCH64_IRELATIVE */
	}
	return RK_UNKNOWN;
}

/* GLOB_DAT and JUMP_SLOT are S + A on aarch64 (ld writes A = 0). */
#define ARCH_RELATIVE_TYPE 1027
/* The aarch64 IFUNC ABI: hwcap with _IFUNC_ARG_HWCAP (bit 62) set, and a
   pointer to { size, hwcap, hwcap2 }. */
static inline uintptr_t arch_call_ifunc(uintptr_t resolver, uint64_t hwcap, uint64_t hwcap2)
{
	const struct { uint64_t size, hwcap, hwcap2; } arg = { sizeof arg, hwcap, hwcap2 };
	return ((uintptr_t (*)(uint64_t, const void *))resolver)(hwcap | 1ull << 62, &arg);
}

#endif
