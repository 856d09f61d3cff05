#!/usr/bin/env bash
# Unit test of the pure static TLS / rseq layout function (tcb/tls_layout.c),
# compiled on the host against glibc with synthetic modules and kernel hints.
. "$TOP/tests/lib.sh"
d=$(scratch)
if ! $HOSTCC -std=gnu11 -O1 -Wall -Wextra -Werror -I"$TOP" -o "$d/layout_test" \
	"$TOP/tests/tcb/layout_test.c" "$TOP/tcb/tls_layout.c" 2>"$d/cc.err"; then
	fail "tcb layout unit test builds" "$(head -5 "$d/cc.err")"
	exit 0
fi
"$d/layout_test"
