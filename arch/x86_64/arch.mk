# x86_64: binutils packs relative relocations (DT_RELR) here; the loader
# applies them to itself in rtld/start.c.
LDFLAGS_LDSO += -Wl,-z,pack-relative-relocs
# Data at its ABI alignment, not widened to 32 bytes for vector code that
# the loader's tables and buffers never see.
CFLAGS_LDSO += -malign-data=abi
