#!/usr/bin/env bash
# The runtime on aarch64: one C source built with the aarch64 rseq-cc (run by
# ld-rseq) and with aarch64-linux-gnu-gcc (run by glibc), both under
# qemu-user, outputs compared: threads (clone.S, per-thread TLS), dlopen of a
# library whose TLS takes the dynamic descriptor resolver (its slow path
# preserving live registers), a failing dlopen (setjmp.S), dlclose, and the
# rseq ABI after qemu's ENOSYS in every thread.
. "$TOP/tests/lib.sh"
. "$TOP/tests/aarch64/a64.sh"
a64_ready aarch64-runtime || exit 0
d=$(scratch)
if ! a64_build; then fail aarch64-runtime-build "make ARCH=aarch64 failed"; exit 0; fi

if ! { "$A64RCC" -O2 -Wall -Wextra -Werror -o "$d/prog.ours" "$A64SRC/rt_prog.c" &&
	"$A64RCC" -O2 -Wall -Wextra -Werror -shared -fPIC -o "$d/dl.ours.so" "$A64SRC/rt_dl.c" &&
	"$XCC" -O2 -Wall -Wextra -Werror -o "$d/prog.glibc" "$A64SRC/rt_prog.c" &&
	"$XCC" -O2 -Wall -Wextra -Werror -shared -fPIC -o "$d/dl.glibc.so" "$A64SRC/rt_dl.c"; }; then
	fail aarch64-runtime-compile "compilation failed"
	exit 0
fi
pass aarch64-runtime-compile
check_match aarch64-runtime-uses-tlsdesc "R_AARCH64_TLSDESC" \
	"$(aarch64-linux-gnu-readelf -rW "$d/dl.ours.so")"

exp=$(run_glibc "$d/prog.glibc" "$d/dl.glibc.so" 2>&1; echo "status $?")
got=$(run_ours "$d/prog.ours" "$d/dl.ours.so" 2>&1; echo "status $?")
check_match aarch64-runtime-glibc-runs 'thread 3: ' "$exp"
check_eq aarch64-runtime-vs-glibc "$exp" "$got"
