# GCC's default -moutline-atomics turns every atomic into a call to a libgcc
# helper whose LSE detection needs glibc's __getauxval and a constructor the
# loader never runs for itself: inline the LL/SC sequences instead (ARMv8.0,
# so every aarch64 CPU runs the loader).
CFLAGS_LDSO += -mno-outline-atomics
