#!/usr/bin/env bash
# dlopen of a library with initial-exec TLS fills every live thread block,
# including one a runtime made itself with ldrseq_tls_block_init.
. "$TOP/tests/lib.sh"
d=$(scratch)
RSEQ_CC=$TOP/$B/rseq-cc
if [ "$ARCH" != "$(uname -m)" ] || [ ! -x "$RSEQ_CC" ]; then
	skip "thread API and dlopen'ed static TLS" "runs natively with rseq-cc only"
	exit 0
fi
cat >"$d/ie.c" <<'C'
__attribute__((tls_model("initial-exec"))) __thread int ie_var = 4242;
int *ie_addr(void) { return &ie_var; }
C
"$RSEQ_CC" -shared -fPIC -o "$d/libie.so" "$d/ie.c" &&
	"$RSEQ_CC" -O2 -o "$d/api_ie" "$TOP/tests/tcb/api_ie.c" ||
	{ fail "thread API and dlopen'ed static TLS: build" ""; exit 0; }
check_match "thread API: the library uses static TLS" 'STATIC_TLS' "$(readelf -dW "$d/libie.so")"
out=$(cd "$d" && timeout 20 ./api_ie ./libie.so 2>&1)
check_eq "thread API: dlopen'ed initial-exec TLS reaches a runtime's own block" \
	"$(printf '%s\n' "main thread's copy: 4242" "the other block's copy: 4242")" "$out"
