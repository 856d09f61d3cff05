#!/usr/bin/env bash
# Runtime defects a review found, kept fixed: a condition variable written to
# after pthread_cond_destroy, a fork child hanging in exit() on the atexit
# lock, and posix_memalign/aligned_alloc overflowing on a huge alignment.
# Each source also runs under glibc where glibc gets it right.
. "$TOP/tests/lib.sh"
d=$(scratch)
src=$TOP/tests/threads/review
RSEQ_CC=$TOP/$B/rseq-cc
if [ "$ARCH" != "$(uname -m)" ] || [ ! -x "$RSEQ_CC" ]; then
	skip "runtime review" "runs natively with rseq-cc only"
	exit 0
fi
for n in cond_destroy atexit_fork memalign; do
	if ! "$RSEQ_CC" -O2 -o "$d/$n" "$src/$n.c" -lpthread 2>"$d/$n.err" ||
	   ! "$CC" -O2 -pthread -o "$d/$n.glibc" "$src/$n.c" 2>>"$d/$n.err"; then
		fail "runtime review: build $n" "$(head -3 "$d/$n.err")"
		exit 0
	fi
done

# POSIX lets a broadcast, destroy and free follow each other under the mutex.
want=$(timeout 120 "$d/cond_destroy.glibc" 2000 2>&1; echo "status $?")
got=$(timeout 120 "$d/cond_destroy" 2000 2>&1; echo "status $?")
check_match "cond_destroy: glibc never writes a destroyed condvar" ' 0 of 2000 ' "$want"
check_eq "cond_destroy: as glibc" "$want" "$got"

# glibc 2.36 hangs here too; the child of a fork must be able to exit.
check_match "atexit_fork: no child hangs in exit()" '^no hang after 3000 forks' \
	"$(timeout 300 "$d/atexit_fork" 2>&1)"

want=$(timeout 20 "$d/memalign.glibc" 2>&1; echo "status $?")
got=$(timeout 20 "$d/memalign" 2>&1; echo "status $?")
check_eq "memalign: a huge alignment is ENOMEM, as glibc" "$want" "$got"
