#!/usr/bin/env bash
# A glibc-linked aarch64 program whose interpreter is ld-rseq (and the same
# program given to ld-rseq as a command) runs exactly as under glibc's own
# loader: ld-rseq maps glibc's loader and jumps to it with the original
# stack (arch_jump_to_loader).  qemu -L supplies the aarch64 root, where
# ld-rseq finds /lib/ld-linux-aarch64.so.1.
. "$TOP/tests/lib.sh"
. "$TOP/tests/aarch64/a64.sh"
a64_ready aarch64-handoff patchelf || exit 0
d=$(scratch)
if ! a64_build; then fail aarch64-handoff-build "make ARCH=aarch64 failed"; exit 0; fi

if ! "$XCC" -O2 -Wall -Wextra -Werror -o "$d/prog" "$A64SRC/glibc_prog.c"; then
	fail aarch64-handoff-compile "compilation failed"
	exit 0
fi
cp "$d/prog" "$d/prog.rseq"
patchelf --set-interpreter "$A64LDSO" "$d/prog.rseq"

exp=$(run_glibc -E A64_TEST=handoff "$d/prog" a 'b c' 2>&1; echo "status $?")
check_match aarch64-handoff-glibc-runs "AT_BASE is glibc's loader: 1" "$exp"
got=$(run_glibc -E A64_TEST=handoff "$d/prog.rseq" a 'b c' 2>&1; echo "status $?")
check_eq aarch64-handoff-interp "$exp" "$got"
# As a command, compared with glibc's loader as a command (which sees no
# AT_BASE of its own).
exp=$(run_glibc -E A64_TEST=handoff "$A64GLIBC_LDSO" "$d/prog" a 'b c' 2>&1; echo "status $?")
check_match aarch64-handoff-glibc-command-runs "arg 2: b c" "$exp"
got=$(run_glibc -E A64_TEST=handoff "$A64LDSO" "$d/prog" a 'b c' 2>&1; echo "status $?")
check_eq aarch64-handoff-command "$exp" "$got"
