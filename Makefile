# ld-rseq: one non-recursive build.  Directory fragments (*/module.mk) add
# their own targets; sources are picked up by directory so a new file needs
# no Makefile edit.

ARCH          ?= x86_64
CROSS_COMPILE ?=
CC            := $(CROSS_COMPILE)gcc
HOSTCC        ?= gcc
PREFIX        ?= /usr/local
DESTDIR       ?=

ifeq ($(ARCH),x86_64)
B             := build
else
B             := build/$(ARCH)
endif

# The loader's path baked into rseq-cc output and PT_INTERP; make install
# rebuilds rseq-cc with the installed path.
LDSO          := $(B)/ld-rseq.so.1
LDSO_ABS      := $(abspath $(LDSO))
# The directories searched after LD_LIBRARY_PATH and the run paths
# (colon-separated); empty means the distribution's, from arch/$(ARCH)/arch.h.
DEFAULT_LIB_PATH ?=
# glibc's loader, for programs whose graph contains libc.so.6 (SPEC 7).
GLIBC_LDSO    ?= $(if $(filter x86_64,$(ARCH)),/lib64/ld-linux-x86-64.so.2,/lib/ld-linux-aarch64.so.1)

GCC_INC       := $(shell $(CC) -print-file-name=include)
UAPI_SRC      := $(if $(CROSS_COMPILE),/usr/$(patsubst %-,%,$(CROSS_COMPILE))/include,/usr/include)
UAPI_ASM      := $(firstword $(wildcard $(UAPI_SRC)/$(shell $(CC) -print-multiarch)/asm $(UAPI_SRC)/asm))
UAPI          := $(B)/uapi

WARN          := -Wall -Wextra -Werror
# The loader runs before its own relocation and before a thread pointer
# exists: no stack protector, no libc headers, no implicit library calls
# except the string functions rt/ provides.
# -Os: the loader runs before every program and most of it runs once; the
# hot paths (symbol lookup, string functions) ask for -O2 per file.
# -fPIE, not -fPIC: linked -Bsymbolic, the loader binds every reference to
# its own definitions, so exported variables need no GOT load and exported
# functions no local alias.  (It has no __thread variables, which -fPIE
# would address as an executable's.)
CFLAGS_LDSO   := -std=gnu11 -Os -g -fPIE -ffreestanding -fno-stack-protector \
                 -ffunction-sections -fdata-sections \
                 -fvisibility=hidden -fno-asynchronous-unwind-tables \
                 -fno-unwind-tables -fno-semantic-interposition \
                 -nostdinc -isystem $(GCC_INC) -Iinclude -I$(UAPI) \
                 -Iarch/$(ARCH) -I. $(WARN) -DGLIBC_LDSO='"$(GLIBC_LDSO)"' \
                 $(if $(DEFAULT_LIB_PATH),-DDEFAULT_LIB_PATH='"$(DEFAULT_LIB_PATH)"') \
                 $(EXTRA_CFLAGS)
LDFLAGS_LDSO  := -nostdlib -shared -Wl,-soname,ld-rseq.so.1 -Wl,-e,_dl_start \
                 -Wl,-Bsymbolic -Wl,-z,now -Wl,-z,relro -Wl,--hash-style=gnu \
                 -Wl,-z,noexecstack -Wl,--no-undefined -Wl,--gc-sections \
                 -Wl,--spare-dynamic-tags=0

LDSO_SRCS     := $(sort $(wildcard rtld/*.c tcb/*.c auxv/*.c tunables/*.c rt/*.c \
                   arch/$(ARCH)/*.c arch/$(ARCH)/*.S))
LDSO_OBJS     := $(patsubst %,$(B)/obj/%.o,$(basename $(LDSO_SRCS)))
# -Oz where code runs once per process or only on request; the work done
# per library (mapping, decoding, search, allocation, lookup, relocation)
# stays as fast as its own flags make it.
LDSO_PER_LIB  := rtld/map rtld/dynamic rtld/load rtld/search rtld/util \
                 rtld/lookup rtld/reloc rt/malloc rt/string
$(filter-out $(patsubst %,$(B)/obj/%.o,$(LDSO_PER_LIB)),$(LDSO_OBJS)): CFLAGS_LDSO += -Oz
# The loader's messages and dlerror texts never take floating-point
# arguments: their variadic functions need no vector-register save area.
$(B)/obj/rtld/diag.o $(B)/obj/rtld/dlfcn.o: CFLAGS_LDSO += -mgeneral-regs-only

all: $(LDSO)

$(UAPI)/.stamp:
	@mkdir -p $(UAPI)
	ln -sfn $(UAPI_SRC)/linux $(UAPI)/linux
	ln -sfn $(UAPI_SRC)/asm-generic $(UAPI)/asm-generic
	ln -sfn $(UAPI_ASM) $(UAPI)/asm
	@touch $@

# V=1 shows the commands.
Q             := $(if $(V),,@)

$(B)/obj/%.o: %.c $(UAPI)/.stamp
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS_LDSO) -MMD -MP -c -o $@ $<

$(B)/obj/%.o: %.S $(UAPI)/.stamp
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  AS      $<")
	$(Q)$(CC) $(CFLAGS_LDSO) -MMD -MP -c -o $@ $<

$(LDSO): $(LDSO_OBJS)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS_LDSO) $(LDFLAGS_LDSO) -o $@ $(LDSO_OBJS) -lgcc

# A change of flags in the build files rebuilds the loader.
$(LDSO_OBJS): Makefile $(wildcard */module.mk arch/$(ARCH)/arch.mk)

-include $(LDSO_OBJS:.o=.d)
include $(sort $(wildcard */module.mk))

check: all $(CHECK_DEPS)
	@ARCH=$(ARCH) B=$(B) CC=$(CC) HOSTCC=$(HOSTCC) GLIBC_LDSO=$(GLIBC_LDSO) \
		bash tests/run

clean:
	rm -rf build

.PHONY: all check clean demo bench install
