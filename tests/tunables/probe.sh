# Helpers for the tunables end-to-end tests: the probe program built for
# glibc and for ld-rseq from one source, and what its output means.

probe_src=$TOP/tests/tunables/probe.c
probe_cflags=(-O1 -I"$TOP/arch/$ARCH")

# build_glibc_probe OUT [LINK ARGS...]: linked against glibc's libc.
build_glibc_probe() {
	local out=$1; shift
	$CC "${probe_cflags[@]}" -nostartfiles -o "$out" "$probe_src" "$@" \
		-Wl,--no-as-needed -lc
}

# build_ldso_probe OUT LDSO [LINK ARGS...]: linked against the loader itself,
# which is also the runtime and defines __rseq_*, environ.
build_ldso_probe() {
	local out=$1 ldso=$2; shift 2
	$CC "${probe_cflags[@]}" -nostdlib -o "$out" "$probe_src" "$@" \
		-Wl,--no-as-needed "$ldso" -Wl,--dynamic-linker="$ldso"
}

# loader_runs_programs DIR: can ld-rseq run a program at all?  A program
# that needs nothing from the loader prints "ok".  Until it does, these
# tests SKIP; after, every failure of theirs is a FAIL.
loader_runs_programs() {
	local d=$1
	cat >"$d/ok.c" <<-'EOC'
	#include <asm/unistd.h>
	#include "arch.h"
	__attribute__((noreturn)) void _start(void)
	{
		__syscall3(__NR_write, 1, (long)"ok\n", 3);
		for (;;)
			__syscall1(__NR_exit, 0);
	}
	EOC
	$CC "${probe_cflags[@]}" -nostdlib -o "$d/ok" "$d/ok.c" \
		-Wl,--dynamic-linker="$LDSO" 2>/dev/null &&
		[ "$(timeout 10 env -i "$d/ok" 2>/dev/null)" == ok ]
}

# rseq_state OUTPUT: "on" (registered: __rseq_size > 0, cpu_id >= 0), "off"
# (__rseq_size 0, cpu_id -2: RSEQ_CPU_ID_REGISTRATION_FAILED), or the line.
rseq_state() {
	local line
	line=$(head -n1 <<<"$1")
	if [[ $line =~ ^rseq_size=([0-9]+)\ cpu_id=(-?[0-9]+)$ ]]; then
		local size=${BASH_REMATCH[1]} cpu=${BASH_REMATCH[2]}
		if [ "$size" -gt 0 ] && [ "$cpu" -ge 0 ]; then echo on; return; fi
		if [ "$size" -eq 0 ] && [ "$cpu" -eq -2 ]; then echo off; return; fi
	fi
	echo "unexpected: $(head -c 200 <<<"$line")"
}
