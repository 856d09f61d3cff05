# rtld/: symbol lookup and relocation are the start-up hot path: -O2 there,
# without the code alignment that costs 0.5 KiB and saves no instructions.
$(B)/obj/rtld/lookup.o $(B)/obj/rtld/reloc.o: CFLAGS_LDSO += -O2 -falign-functions=1 \
	-falign-jumps=1 -falign-loops=1 -falign-labels=1

# rtld/: the libFuzzer target for the ELF reader (tests/fuzz/elf_fuzz.c).
# The reader's own sources are compiled by clang with the sanitizers against
# the loader's headers, but linked with glibc, which libFuzzer needs; the
# harness stands in for the rest of the loader.  the internal allocator names are mapped so
# the harness can free what a failed load allocated.  Misaligned tables are
# read with plain loads on both machines, so UBSan's alignment check is off.

ELF_FUZZ        := $(B)/fuzz/elf_fuzz
ELF_FUZZ_CORPUS := tests/corpus/elf
ELF_FUZZ_ARCH   := $(shell uname -m)
ELF_FUZZ_SRCS   := rtld/map.c rtld/dynamic.c rtld/lookup.c rtld/load.c rtld/util.c \
                   rtld/recover.c rtld/diag.c auxv/auxv.c arch/$(ELF_FUZZ_ARCH)/setjmp.S
ELF_FUZZ_OBJS   := $(patsubst %,$(B)/fuzz/elf-obj/%.o,$(basename $(ELF_FUZZ_SRCS)))
ELF_FUZZ_SAN    := -fsanitize=address,undefined -fno-sanitize=alignment \
                   -fno-sanitize-recover=all
ELF_FUZZ_CFLAGS := -std=gnu11 -O1 -g $(WARN) -fsanitize=fuzzer-no-link $(ELF_FUZZ_SAN) \
                   -ffreestanding -nostdinc -isystem $(shell clang -print-resource-dir 2>/dev/null)/include \
                   -idirafter $(GCC_INC) -Iinclude -I$(UAPI) -Iarch/$(ELF_FUZZ_ARCH) -I. \
                   -D__rt_calloc=fuzz_calloc -D__rt_free=fuzz_free -D__rt_malloc=malloc
# Needs clang's libFuzzer runtime, and the host's loader sources.
ELF_FUZZ_OK     := $(if $(filter $(ARCH),$(ELF_FUZZ_ARCH)),$(shell echo \
	'int LLVMFuzzerTestOneInput(const char *d, unsigned long n){(void)d;(void)n;return 0;}' | \
	clang -fsanitize=fuzzer -x c - -o /dev/null 2>/dev/null && echo yes))

$(B)/fuzz/elf-obj/%.o: %.c $(UAPI)/.stamp
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CLANG   $<")
	$(Q)clang $(ELF_FUZZ_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/fuzz/elf-obj/%.o: %.S $(UAPI)/.stamp
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CLANG   $<")
	$(Q)clang $(ELF_FUZZ_CFLAGS) -MMD -MP -c -o $@ $<

# The harness itself uses glibc's headers.
$(B)/fuzz/elf-obj/harness.o: tests/fuzz/elf_fuzz.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CLANG   $<")
	$(Q)clang -std=gnu11 -O1 -g $(WARN) -fsanitize=fuzzer-no-link $(ELF_FUZZ_SAN) -I. -Iarch/$(ELF_FUZZ_ARCH) \
		-MMD -MP -c -o $@ $<

$(ELF_FUZZ): $(B)/fuzz/elf-obj/harness.o $(ELF_FUZZ_OBJS)
	@$(if $(Q),echo "  LD      $@")
	$(Q)clang -fsanitize=fuzzer $(ELF_FUZZ_SAN) -o $@ $^

-include $(ELF_FUZZ_OBJS:.o=.d) $(B)/fuzz/elf-obj/harness.d

CHECK_DEPS += $(if $(ELF_FUZZ_OK),$(ELF_FUZZ))

# make fuzz-elf [FUZZ_TIME=seconds]: a real run; new inputs land in the build
# tree, never in the committed corpus.
fuzz: fuzz-elf
fuzz-elf: $(ELF_FUZZ)
	@mkdir -p $(B)/fuzz/elf
	$(ELF_FUZZ) -max_total_time=$(or $(FUZZ_TIME),60) -max_len=16384 \
		-artifact_prefix=$(B)/fuzz/elf- $(B)/fuzz/elf $(ELF_FUZZ_CORPUS)

.PHONY: fuzz fuzz-elf
