# tunables/: the GLIBC_TUNABLES parser's host unit test and fuzz target.
# Both build the parser and the secure-mode scrub with a host compiler.

TUNABLES_HOST_SRCS := tunables/tunables.c rtld/secure_env.c auxv/auxv.c
TUNABLES_HOST_DEPS := $(TUNABLES_HOST_SRCS) tunables/tunables.h tunables/list.h \
                      rtld/secure_env.h auxv/auxv.h rtld/ldso.h tcb/tls.h
# tcb/tls.h includes arch.h: the host's, not the target's.
TUNABLES_HOST_INC  := -I. -Iarch/$(shell uname -m)
TUNABLES_TEST      := $(B)/tunables/tunables_test
TUNABLES_FUZZ      := $(B)/tunables/tunables_fuzz
TUNABLES_CORPUS    := tests/corpus/tunables
FUZZ_TIME          ?= 60

# Sanitizers for the unit test when the host compiler has them.
TUNABLES_SAN := $(shell echo 'int main(void){return 0;}' | \
	$(HOSTCC) -fsanitize=address,undefined -x c - -o /dev/null 2>/dev/null && \
	echo -fsanitize=address,undefined -fno-sanitize-recover=all)

$(TUNABLES_TEST): tests/unit/tunables_test.c $(TUNABLES_HOST_DEPS)
	@mkdir -p $(dir $@)
	$(HOSTCC) -std=gnu11 -O1 -g -Wall -Wextra -Werror $(TUNABLES_SAN) $(TUNABLES_HOST_INC) -o $@ \
		tests/unit/tunables_test.c $(TUNABLES_HOST_SRCS)

# libFuzzer needs clang with its fuzzer runtime; without it tests/tunables/fuzz.t
# reports SKIP.
TUNABLES_CLANG := $(shell echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n){(void)d;(void)n;return 0;}' | \
	clang -fsanitize=fuzzer -x c - -o /dev/null 2>/dev/null && echo clang)

$(TUNABLES_FUZZ): tests/fuzz/tunables_fuzz.c $(TUNABLES_HOST_DEPS)
	@mkdir -p $(dir $@)
	clang -std=gnu11 -O1 -g -Wall -Wextra -Werror \
		-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all $(TUNABLES_HOST_INC) -o $@ \
		tests/fuzz/tunables_fuzz.c $(TUNABLES_HOST_SRCS)

CHECK_DEPS += $(TUNABLES_TEST) $(if $(TUNABLES_CLANG),$(TUNABLES_FUZZ))

# make fuzz [FUZZ_TIME=seconds]: a real run; new inputs land in the build
# tree, never in the committed corpus.  Other fuzz targets hang off `fuzz' too.
fuzz: fuzz-tunables
fuzz-tunables: $(TUNABLES_FUZZ)
	@mkdir -p $(B)/fuzz/tunables
	$(TUNABLES_FUZZ) -max_total_time=$(FUZZ_TIME) -max_len=4096 \
		-artifact_prefix=$(B)/fuzz/ $(B)/fuzz/tunables $(TUNABLES_CORPUS)

.PHONY: fuzz fuzz-tunables
