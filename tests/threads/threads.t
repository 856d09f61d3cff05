#!/usr/bin/env bash
# Threads and fork: each program in tests/threads/ is built twice from the
# same source, with gcc against glibc and with rseq-cc against ld-rseq, and
# both builds must print the same lines and exit with the same status.
. "$TOP/tests/lib.sh"
d=$(scratch)
src=$TOP/tests/threads
rseqcc=$TOP/$B/rseq-cc

if [ "$ARCH" != "$(uname -m)" ]; then
	skip "threads" "glibc comparison runs natively only ($ARCH on $(uname -m))"
	exit 0
fi
if [ ! -x "$rseqcc" ]; then
	fail "threads: rseq-cc" "$rseqcc was not built"
	exit 0
fi
# <ld-rseq/rseq.h> works with glibc too; give the gcc build only that
# directory, not the runtime's other headers.
mkdir -p "$d/inc" && ln -sfn "$TOP/include/ld-rseq" "$d/inc/ld-rseq"

# build NAME: both binaries, or a FAIL line and status 1.
build() {
	local n=$1
	if ! $CC -O2 -pthread -I"$d/inc" -o "$d/$n.glibc" "$src/$n.c" 2>"$d/$n.glibc.err"; then
		fail "threads: $n builds with gcc" "$(head -3 "$d/$n.glibc.err")"
		return 1
	fi
	if ! "$rseqcc" -O2 -Wall -Wextra -Werror -o "$d/$n.rseq" "$src/$n.c" -lpthread \
		2>"$d/$n.rseq.err"; then
		fail "threads: $n builds with rseq-cc" "$(head -3 "$d/$n.rseq.err")"
		return 1
	fi
}

# compare NAME ARGS...: same output and status under both.
compare() {
	local n=$1; shift
	local label="threads: $n${1:+ $*}"
	local want got wrc grc
	want=$(timeout 120 "$d/$n.glibc" "$@" 2>&1); wrc=$?
	got=$(timeout 120 "$d/$n.rseq" "$@" 2>&1); grc=$?
	if [ "$want" == "$got" ] && [ $wrc == $grc ]; then
		pass "$label"
	else
		fail "$label" "glibc (status $wrc): [$(head -c 400 <<<"$want")]  ld-rseq (status $grc): [$(head -c 400 <<<"$got")]"
	fi
}

for n in sync errors stack_tls fork rseq_threads percpu exit; do
	build "$n" || continue
	case $n in
	exit) compare exit exit; compare exit pthread_exit ;;
	stack_tls) compare stack_tls; compare stack_tls overflow ;;
	*) compare "$n" ;;
	esac
done

# The per-thread rseq checks again with registration switched off: no
# thread may register, every cpu_id says "registration failed".
if [ -x "$d/rseq_threads.rseq" ]; then
	out=$(GLIBC_TUNABLES=glibc.pthread.rseq=0 timeout 120 "$d/rseq_threads.rseq" 2>&1)
	want=$(GLIBC_TUNABLES=glibc.pthread.rseq=0 timeout 120 "$d/rseq_threads.glibc" 2>&1)
	check_eq "threads: rseq_threads with glibc.pthread.rseq=0" "$want" "$out"
fi
