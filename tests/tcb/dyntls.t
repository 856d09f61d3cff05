#!/usr/bin/env bash
# Dynamic TLS (dlopen): __tls_get_addr and TLS descriptors, DTV catching up
# in threads that predate the dlopen, many modules, dlclose/dlopen, an
# initial-exec library in the static TLS surplus and one too large for it.
# The same source under glibc (gcc) and ld-rseq (rseq-cc).
. "$TOP/tests/lib.sh"
d=$(scratch)
src=$TOP/tests/tcb
RSEQ_CC=$TOP/$B/rseq-cc
W=(-O2 -g -Wall -Wextra -Werror)

# libs DIR CC...: the libraries the program dlopens.
libs() {
	local dir=$1 i; shift
	mkdir -p "$dir"
	"$@" "${W[@]}" -fPIC -shared -Wl,-soname,libgd.so -o "$dir/libgd.so" "$src/dyntls_lib.c" &&
	"$@" "${W[@]}" -fPIC -shared -mtls-dialect=gnu2 -Wl,-soname,libdesc.so -o "$dir/libdesc.so" \
		"$src/dyntls_lib.c" &&
	"$@" "${W[@]}" -fPIC -shared -ftls-model=initial-exec -Wl,-soname,libie.so \
		-o "$dir/libie.so" "$src/dyntls_lib.c" &&
	"$@" "${W[@]}" -fPIC -shared -ftls-model=initial-exec -DBIG=65536 -Wl,-soname,libbigie.so \
		-o "$dir/libbigie.so" "$src/dyntls_lib.c" || return 1
	for i in $(seq 0 23); do
		cp "$dir/libgd.so" "$dir/libm$i.so" && patchelf --set-soname "libm$i.so" "$dir/libm$i.so" ||
			return 1
	done
}

# run LABEL CMD...: prefix the program's own PASS/FAIL lines.
run() {
	local label=$1 out rc; shift
	out=$(timeout 60 "$@" 2>&1); rc=$?
	grep -E '^(PASS|FAIL|SKIP): ' <<<"$out" | sed -E "s/^(PASS|FAIL|SKIP): /\1: $label: /"
	if [ $rc -ne 0 ] && ! grep -q '^FAIL: ' <<<"$out"; then
		fail "$label: runs" "status $rc: $(tail -3 <<<"$out" | tr '\n' ' ')"
	fi
}

if ! have patchelf; then
	skip "dynamic TLS" "patchelf not installed"
	exit 0
fi
if libs "$d/glibc" $HOSTCC && $HOSTCC "${W[@]}" -pthread -o "$d/glibc/prog" "$src/dyntls_main.c" -ldl; then
	run "glibc" "$d/glibc/prog" "$d/glibc" 0
	run "glibc optional_static_tls=70000" env GLIBC_TUNABLES=glibc.rtld.optional_static_tls=70000 \
		"$d/glibc/prog" "$d/glibc" 1
else
	fail "dynamic TLS: build with gcc" "compiler failed"
fi

if [ ! -x "$RSEQ_CC" ] || [ ! -e "$LDSO" ]; then
	skip "dynamic TLS under ld-rseq" "$B/rseq-cc or the loader not built"
	exit 0
fi
if ! nm -D --defined-only "$LDSO" | grep -qw dlopen; then
	skip "dynamic TLS under ld-rseq" "the loader has no dlopen yet"
	exit 0
fi
if libs "$d/rseq" "$RSEQ_CC" && "$RSEQ_CC" "${W[@]}" -pthread -o "$d/rseq/prog" "$src/dyntls_main.c"; then
	run "ldrseq" env RSEQ_BELOW_STATIC=1 "$d/rseq/prog" "$d/rseq" 0
	run "ldrseq optional_static_tls=70000" env RSEQ_BELOW_STATIC=1 \
		GLIBC_TUNABLES=glibc.rtld.optional_static_tls=70000 "$d/rseq/prog" "$d/rseq" 1
else
	fail "dynamic TLS: build with rseq-cc" "compiler failed"
fi
