# tools/: the rseq-cc compiler driver, the start file of its programs, the
# generated <bits/syscall.h>, and `make install`.

RSEQ_CC   := $(B)/rseq-cc
CRT1      := $(B)/crt1.o
GENINC    := $(B)/include
SYSCALL_H := $(GENINC)/bits/syscall.h

all: $(RSEQ_CC) $(CRT1) $(SYSCALL_H)

$(CRT1): arch/$(ARCH)/crt/crt1.S
	@mkdir -p $(dir $@)
	$(CC) -c -o $@ $<

# SYS_x for every __NR_x the kernel headers define for this architecture.
$(SYSCALL_H): $(UAPI)/.stamp
	@mkdir -p $(dir $@)
	echo '#include <asm/unistd.h>' | $(CC) -E -dM -nostdinc -I$(UAPI) -x c - | \
		sed -n 's/^#define __NR_\([a-z0-9_]*\) .*/#define SYS_\1 __NR_\1/p' | sort > $@.tmp
	{ echo '/* Generated from the kernel headers by tools/module.mk. */'; \
	  echo '#ifndef _BITS_SYSCALL_H'; echo '#define _BITS_SYSCALL_H'; \
	  cat $@.tmp; echo '#endif'; } > $@ && rm -f $@.tmp

# rseq_cc_subst OUT, INCDIR, GENDIR, UAPIDIR, CRT1, LDSO (link), INTERP (PT_INTERP)
define rseq_cc_subst
	sed -e 's|@CC@|$(CC)|' -e 's|@INCDIR@|$(2)|' -e 's|@GENDIR@|$(3)|' \
	    -e 's|@UAPIDIR@|$(4)|' -e 's|@CRT1@|$(5)|' -e 's|@LDSO@|$(6)|' \
	    -e 's|@INTERP@|$(7)|' tools/rseq-cc.in > $(1) && chmod 755 $(1)
endef

$(RSEQ_CC): tools/rseq-cc.in tools/module.mk
	@mkdir -p $(dir $@)
	$(call rseq_cc_subst,$@,$(abspath include),$(abspath $(GENINC)),$(abspath $(UAPI)),$(abspath $(CRT1)),$(LDSO_ABS),$(LDSO_ABS))

# Installed layout: lib/ld-rseq.so.1, bin/rseq-cc, include/ld-rseq/ (the
# runtime headers, the generated ones and a copy of the kernel headers they
# use), lib/ld-rseq/crt1.o, share/man, lib/pkgconfig/ld-rseq.pc.
I_LIB  := $(PREFIX)/lib
I_INC  := $(PREFIX)/include/ld-rseq
I_DEST := $(DESTDIR)$(PREFIX)

install: all
	install -D -m 755 $(LDSO) $(I_DEST)/lib/ld-rseq.so.1
	install -D -m 644 $(CRT1) $(I_DEST)/lib/ld-rseq/crt1.o
	mkdir -p $(DESTDIR)$(I_INC)/uapi $(I_DEST)/bin $(I_DEST)/lib/pkgconfig
	cp -R include/. $(DESTDIR)$(I_INC)/
	cp -R $(GENINC)/. $(DESTDIR)$(I_INC)/
	cp -RL $(UAPI)/linux $(UAPI)/asm $(UAPI)/asm-generic $(DESTDIR)$(I_INC)/uapi/
	$(call rseq_cc_subst,$(I_DEST)/bin/rseq-cc,$(I_INC),$(I_INC),$(I_INC)/uapi,$(I_LIB)/ld-rseq/crt1.o,$(I_LIB)/ld-rseq.so.1,$(I_LIB)/ld-rseq.so.1)
	for m in $(wildcard doc/*.[1-8]); do \
		install -D -m 644 $$m $(I_DEST)/share/man/man$${m##*.}/$${m##*/} || exit 1; done
	printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$${prefix}/lib' \
		'includedir=$${prefix}/include/ld-rseq' '' 'Name: ld-rseq' \
		'Description: dynamic loader and C runtime with rseq in the thread control block' \
		'Version: 1.0' 'Cflags: -isystem $${includedir} -isystem $${includedir}/uapi' \
		'Libs: -nostdlib $${libdir}/ld-rseq/crt1.o $${libdir}/ld-rseq.so.1 -lgcc -Wl,--dynamic-linker=$${libdir}/ld-rseq.so.1' \
		> $(I_DEST)/lib/pkgconfig/ld-rseq.pc

# make demo: the rseq layout of a process, and a per-CPU counter updated by
# rseq critical sections from a thread on every CPU.
DEMO := $(B)/rseq-demo

$(DEMO): tools/rseq-demo.c $(RSEQ_CC) $(CRT1) $(LDSO) $(SYSCALL_H)
	$(RSEQ_CC) -O2 -Wall -Wextra -Werror -o $@ $< -lpthread

demo: $(DEMO)
	$(DEMO)
