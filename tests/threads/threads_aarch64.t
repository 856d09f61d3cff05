#!/usr/bin/env bash
# The thread programs of threads.t on aarch64 under qemu-user: the aarch64
# rseq-cc build run by ld-rseq against the aarch64-linux-gnu-gcc build run by
# glibc.  qemu-user answers rseq with ENOSYS, so this also covers every
# thread taking the "registration failed" path (cpu_id = -2, no attempt).
. "$TOP/tests/lib.sh"
. "$TOP/tests/aarch64/a64.sh"
a64_ready threads-aarch64 || exit 0
d=$(scratch)
src=$TOP/tests/threads
if ! a64_build; then
	fail threads-aarch64-build "make ARCH=aarch64 failed"
	exit 0
fi

compare() {
	local n=$1; shift
	local label="threads-aarch64: $n${1:+ $*}"
	local want got
	want=$(timeout 120 qemu-aarch64 -L "$A64SYSROOT" "$d/$n.glibc" "$@" 2>&1; echo "status $?")
	got=$(timeout 120 qemu-aarch64 "$d/$n.rseq" "$@" 2>&1; echo "status $?")
	check_eq "$label" "$want" "$got"
}

# percpu.c is left out: its critical section is x86_64 assembly.
for n in sync errors stack_tls fork rseq_threads exit; do
	# Emulated thread creation is slow: fewer lifetimes than natively.
	defs=
	[ "$n" = rseq_threads ] && defs="-DJOINED=500 -DDETACHED=200"
	# shellcheck disable=SC2086
	if ! "$XCC" -O2 -pthread $defs -o "$d/$n.glibc" "$src/$n.c" 2>"$d/$n.err" ||
	   ! "$A64RCC" -O2 -Wall -Wextra -Werror $defs -o "$d/$n.rseq" "$src/$n.c" 2>>"$d/$n.err"; then
		fail "threads-aarch64: $n builds" "$(head -3 "$d/$n.err")"
		continue
	fi
	case $n in
	exit) compare exit exit; compare exit pthread_exit ;;
	stack_tls) compare stack_tls; compare stack_tls overflow ;;
	fork) compare fork calm ;;
	*) compare "$n" ;;
	esac
done
