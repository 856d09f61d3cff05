#!/usr/bin/env bash
# make install: the installed rseq-cc builds programs that name the
# installed loader as their interpreter and run.
. "$TOP/tests/lib.sh"
d=$(scratch)
pfx=$d/prefix

if [ "$ARCH" != "$(uname -m)" ]; then
	skip "install" "runs natively only"
	exit 0
fi
if ! make -C "$TOP" --no-print-directory install PREFIX="$pfx" >"$d/make.log" 2>&1; then
	fail "install: make install" "$(tail -3 "$d/make.log")"
	exit 0
fi
for f in lib/ld-rseq.so.1 bin/rseq-cc lib/ld-rseq/crt1.o include/ld-rseq/stdio.h \
	include/ld-rseq/bits/syscall.h lib/pkgconfig/ld-rseq.pc; do
	check "install: $f installed" test -e "$pfx/$f"
done

cat >"$d/hello.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>
int main(int argc, char **argv)
{
	printf("hello %d %s %d\n", argc, argv[1], syscall(SYS_getpid) == getpid());
	return 3;
}
C
if "$pfx/bin/rseq-cc" -O2 -o "$d/hello" "$d/hello.c" 2>"$d/cc.err"; then
	check_match "install: program uses the installed loader" \
		"interpreter: $pfx/lib/ld-rseq.so.1\]" "$(readelf -l "$d/hello")"
	$CC -O2 -o "$d/hello-glibc" "$d/hello.c"
	check_eq "install: program runs as the glibc build does" \
		"$("$d/hello-glibc" x; echo "status $?")" "$("$d/hello" x; echo "status $?")"
else
	fail "install: installed rseq-cc builds a program" "$(head -3 "$d/cc.err")"
fi
