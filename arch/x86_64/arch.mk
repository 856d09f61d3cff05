# x86_64: binutils packs relative relocations (DT_RELR) here; the loader
# applies them to itself in rtld/start.c.
LDFLAGS_LDSO += -Wl,-z,pack-relative-relocs
