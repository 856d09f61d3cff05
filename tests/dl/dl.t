#!/usr/bin/env bash
# The run-time linking API (dlopen, dlsym, dlclose, dlerror, dladdr, dlinfo,
# dl_iterate_phdr): tests/dl/dltest.c and the libraries of tests/dl/libs.c
# are built with gcc against glibc and with rseq-cc against ld-rseq; each
# subtest must print the same lines and exit with the same status, and the
# glibc run must hold every "check" it states (so the test itself is right).
. "$TOP/tests/lib.sh"
d=$(scratch)
src=$TOP/tests/dl
RSEQ_CC=$TOP/$B/rseq-cc

if [ "$ARCH" != "$(uname -m)" ]; then
	skip "dl" "runs natively only ($ARCH build on $(uname -m))"
	exit 0
fi
# The gnu2 TLS dialect is the x86_64 spelling of TLSDESC; aarch64 uses
# TLSDESC by default.
desc_flag=
[ "$ARCH" = x86_64 ] && desc_flag=-mtls-dialect=gnu2

# NAME DEFINE EXTRA-FLAGS: the libraries.
libs=(
	"libdla.so LIB_A"
	"libdlb.so LIB_B"
	"libdle.so LIB_E"
	"libdlc.so LIB_C -L@DIR@ -ldle -Wl,-rpath,\$ORIGIN"
	"libdld.so LIB_D"
	"libdlver.so LIB_VER -Wl,--version-script=$src/ver.map"
	"libdltls.so LIB_TLS"
	"libdltlsdesc.so LIB_TLS $desc_flag"
	"libdlie.so LIB_IE -ftls-model=initial-exec"
	"libdlnext.so LIB_NEXT"
	"libdlundef.so LIB_UNDEF"
)

# build KIND CC...: every library and the program into $d/KIND.
build() {
	local kind=$1; shift
	local out=$d/$kind l name def extra
	mkdir -p "$out"
	for l in "${libs[@]}"; do
		read -r name def extra <<<"$l"
		extra=${extra//@DIR@/$out}
		# shellcheck disable=SC2086
		if ! "$@" -O2 -g -fPIC -shared -D$def -Wl,-soname,$name -o "$out/$name" \
			"$src/libs.c" $extra 2>"$out/$name.err"; then
			fail "dl: build $name ($kind)" "$(head -3 "$out/$name.err")"
			return 1
		fi
	done
	if ! "$@" -O2 -g -pthread -rdynamic -o "$out/dltest" "$src/dltest.c" \
		-L"$out" -ldlnext -ldl -Wl,-rpath,"$out" 2>"$out/dltest.err"; then
		fail "dl: build dltest ($kind)" "$(head -3 "$out/dltest.err")"
		return 1
	fi
}
build glibc "$CC" || exit 0
build rseq "$RSEQ_CC" || exit 0

check_match "dl: libdltlsdesc uses TLSDESC" TLSDESC "$(readelf -rW "$d/rseq/libdltlsdesc.so")"
check_match "dl: libdltls uses DTPMOD" DTPMOD "$(readelf -rW "$d/rseq/libdltls.so")"
check_match "dl: libdlie uses TPOFF" TPOFF "$(readelf -rW "$d/rseq/libdlie.so")"
check_match "dl: libdlver has VER_2" VER_2 "$(readelf -V "$d/rseq/libdlver.so")"
interp=$(readelf -l "$d/rseq/dltest" | sed -n 's/.*interpreter: \(.*\)]$/\1/p')
check_eq "dl: dltest interpreter is ld-rseq" "$(realpath "$LDSO")" "$(realpath "$interp")"

# run KIND TEST: stdout and stderr, then the exit status.
run() {
	(cd "$d/$1" && timeout 20 ./dltest "$(realpath "$d/$1")" "$2" 2>&1; echo "exit=$?")
}
# The same, with the loader run as a command.
run_direct() {
	(cd "$d/$1" && timeout 20 "$LDSO" ./dltest "$(realpath "$d/$1")" "$2" 2>&1; echo "exit=$?")
}

# first_diff A B: the first line where B differs from A.
first_diff() {
	diff <(echo "$1") <(echo "$2") | head -4 | tr '\n' '|'
}

for t in open scope sym errors error_threads unload refcount nodelete dladdr \
	iterate tls_gd tls_desc tls_ie next reldeps concurrent; do
	g=$(run glibc "$t")
	r=$(run rseq "$t")
	# The reference run must be a passing one.
	if grep -q ': BAD$' <<<"$g" || [[ $g != *exit=0 ]]; then
		fail "dl $t: glibc reference" "$(grep -m3 -E 'BAD|exit=' <<<"$g" | tr '\n' '|')"
		continue
	fi
	if [ "$g" == "$r" ]; then
		pass "dl $t: as glibc ($(grep -c '' <<<"$g") lines, $(grep -c ': ok$' <<<"$g") checks)"
	else
		fail "dl $t: differs from glibc" "$(first_diff "$g" "$r")"
	fi
	rd=$(run_direct rseq "$t")
	check_eq "dl $t: loader as a command" "$r" "$rd"
done
