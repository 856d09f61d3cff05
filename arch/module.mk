# arch/: per-architecture build settings, in arch/$(ARCH)/arch.mk when the
# architecture needs any.
-include arch/$(ARCH)/arch.mk
