/* TLS descriptors (R_X86_64_TLSDESC, R_AARCH64_TLSDESC): word 0 is the
   resolver the code calls, word 1 its argument.  A module in static TLS gets
   the resolver that returns its tp-relative offset; a dynamically loaded one
   gets the resolver that finds (and allocates) its block per thread.  The
   dynamic argument packs the module id and the offset in one word, so a
   descriptor owns no memory that dlclose would have to free. */
#include "tcb/tls_internal.h"

/* arch/<arch>/tlsdesc.S */
uintptr_t tlsdesc_static(uintptr_t *desc);
uintptr_t tlsdesc_dynamic(uintptr_t *desc);

int tlsdesc_fill(uintptr_t desc[2], struct dso *def, uintptr_t offset_in_block)
{
	if (def->tls.is_static) {
		desc[0] = (uintptr_t)tlsdesc_static;
		desc[1] = (uintptr_t)def->tls.offset + offset_in_block;
		return 0;
	}
	if (def->tls.id > UINT32_MAX || offset_in_block > UINT32_MAX)
		return -1;
	desc[0] = (uintptr_t)tlsdesc_dynamic;
	desc[1] = (uintptr_t)def->tls.id << 32 | offset_in_block;
	return 0;
}
