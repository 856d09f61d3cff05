/* Stage 0: relocate the loader itself.  Nothing here may read a pointer from
   initialised data, call an exported function or touch a global that needs a
   relocation: none of them is valid until the loop below has run.  The loader
   is linked -Bsymbolic with hidden visibility, so its only dynamic relocations
   are relative ones (checked by tests/rtld/self.t). */
#include "rtld/ldso.h"
#include "rtld/stage.h"
#include "arch.h"
#include "arch_reloc.h"

extern const Ehdr __ehdr_start HIDDEN;
extern Dyn _DYNAMIC[] HIDDEN;

HIDDEN struct start_result _dl_start_c(uintptr_t *sp)
{
	uintptr_t base = (uintptr_t)&__ehdr_start;
	uintptr_t rela = 0, relasz = 0, relr = 0, relrsz = 0;

	for (Dyn *d = _DYNAMIC; d->d_tag != DT_NULL; d++) {
		switch (d->d_tag) {
		case DT_RELA: rela = d->d_un.d_val; break;
		case DT_RELASZ: relasz = d->d_un.d_val; break;
		case DT_RELR: relr = d->d_un.d_val; break;
		case DT_RELRSZ: relrsz = d->d_un.d_val; break;
		}
	}
	for (Rela *r = (Rela *)(base + rela); relasz >= sizeof *r; r++, relasz -= sizeof *r)
		if (ELF_R_TYPE(r->r_info) == ARCH_RELATIVE_TYPE)
			*(uintptr_t *)(base + r->r_offset) = base + r->r_addend;
	dl_apply_relr(base, (const uint64_t *)(base + relr), relrsz);

	/* Keep the compiler from moving any global access above the loop. */
	__asm__ volatile("" ::: "memory");
	return dl_main(sp, base);
}

/* DT_RELR: an address entry relocates one word and sets the cursor after it;
   a bitmap entry (low bit set) relocates up to 63 words following it. */
HIDDEN void dl_apply_relr(uintptr_t base, const uint64_t *p, size_t size)
{
	uintptr_t *where = 0;

	for (; size >= sizeof *p; p++, size -= sizeof *p) {
		if (!(*p & 1)) {
			where = (uintptr_t *)(base + *p);
			*where++ += base;
			continue;
		}
		for (uint64_t bits = *p >> 1, i = 0; bits; bits >>= 1, i++)
			if (bits & 1)
				where[i] += base;
		where += 63;
	}
}
