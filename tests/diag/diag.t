#!/usr/bin/env bash
# Diagnostics: the one-line error format and status 127, the command-line
# options (--help, --version, --verify, --list, --list-tunables, bad ones),
# and LD_DEBUG.  glibc's ld.so is the reference where it can run the same
# file; where the wording is ld-rseq's own (SPEC 3) the checks are about
# content (the object, the name, the numbers), not phrasing.
. "$TOP/tests/lib.sh"
d=$(scratch)
src=$TOP/tests/diag
RSEQ_CC=$TOP/$B/rseq-cc

have patchelf || { skip "diag" "patchelf not installed"; exit 0; }
if [ "$ARCH" != "$(uname -m)" ]; then
	skip "diag" "runs natively only ($ARCH build on $(uname -m))"
	exit 0
fi

CF=(-O2 -fPIC -nostdlib -fno-stack-protector -fno-builtin -I"$TOP/tests/elf/common")
mkdir -p "$d/alt" "$d/empty"
{
	"$CC" "${CF[@]}" -shared -DN=1 -Wl,-soname,libdiag1.so -o "$d/libdiag1.so" "$src/lib.c" &&
	"$CC" "${CF[@]}" -shared -DN=2 -Wl,-soname,libdiag2.so -o "$d/libdiag2.so" "$src/lib.c" &&
	"$CC" "${CF[@]}" -shared -DN=2 -Wl,-soname,libdiag1.so -o "$d/alt/libdiag1.so" "$src/lib.c" &&
	"$CC" "${CF[@]}" -o "$d/prog" "$src/nolibc.c" -L"$d" -ldiag1 -ldiag2 -Wl,-rpath,"$d" &&
	cp "$d/prog" "$d/prog.glibc" && patchelf --set-interpreter "$GLIBC_LDSO" "$d/prog.glibc" &&
	cp "$d/prog" "$d/prog.rseq" && patchelf --set-interpreter "$LDSO" "$d/prog.rseq" &&
	"$RSEQ_CC" -O2 -o "$d/rseqinfo" "$src/rseqinfo.c" -L"$d" -ldiag1
} 2>"$d/build.err" || { fail "diag: build" "$(head -3 "$d/build.err")"; exit 0; }
lines() { printf "%s\n" "$@"; }
prog_out=$(lines diag1=41 diag2=52)

# run CMD...: sets OUT (stdout), ERR (stderr), RC.
run() {
	local ef
	ef=$(mktemp)
	OUT=$(timeout 10 "$@" 2>"$ef")
	RC=$?
	ERR=$(cat "$ef")
	rm -f "$ef"
}

# error NAME PROGRAM-RE CMD...: status 127, exactly one stderr line of the
# form "ld-rseq: PROGRAM: ...", nothing on stdout.
error() {
	local name=$1 re=$2; shift 2
	run "$@"
	check_eq "$name: status 127" 127 "$RC"
	check_eq "$name: one line on stderr" 1 "$(grep -c '' <<<"$ERR")"
	check_match "$name: ld-rseq: PROGRAM: message" "^ld-rseq: $re: .+" "$ERR"
	check_eq "$name: nothing on stdout" "" "$OUT"
}

printf 'not an ELF file\n' >"$d/text" && chmod +x "$d/text"
: >"$d/emptyfile" && chmod +x "$d/emptyfile"
head -c 100 "$d/prog" >"$d/truncated" && chmod +x "$d/truncated"
error "missing program" "$d/nope" "$LDSO" "$d/nope"
error "non-ELF program" "$d/text" "$LDSO" "$d/text"
error "empty program" "$d/emptyfile" "$LDSO" "$d/emptyfile"
error "truncated program" "$d/truncated" "$LDSO" "$d/truncated"
error "directory as program" "$d/empty" "$LDSO" "$d/empty"
# glibc agrees that these cannot run.
for f in nope text emptyfile truncated; do
	run "$GLIBC_LDSO" "$d/$f"
	check_eq "$f: glibc's status" 127 "$RC"
done
error "missing library" "[^:]*rseqinfo" env -u LD_LIBRARY_PATH "$d/rseqinfo"
check_match "missing library: names it" "libdiag1\.so" "$ERR"
error "missing library, as a command" "[^:]*rseqinfo" env -u LD_LIBRARY_PATH "$LDSO" "$d/rseqinfo"
check_match "missing library, as a command: names it" "libdiag1\.so" "$ERR"
error "missing symbol" "[^:]*rseqinfo" env LD_LIBRARY_PATH="$d/alt" "$d/rseqinfo"
check_match "missing symbol: names it" "diag1" "$ERR"

# Bad command lines: non-zero (glibc says 1, ld-rseq 127), one line, and
# the message names the culprit.
for args in "--bogus|--bogus" "--library-path|--library-path" "--preload|--preload" \
	"--argv0|--argv0" "|program"; do
	a=${args%|*} what=${args#*|}
	# shellcheck disable=SC2086
	run "$LDSO" $a
	check_match "bad command line '$a': non-zero status" '^[1-9][0-9]*$' "$RC"
	[ "$RC" -lt 128 ] && pass "bad command line '$a': no signal" ||
		fail "bad command line '$a': no signal" "status $RC"
	check_eq "bad command line '$a': one line" 1 "$(grep -c '' <<<"$ERR")"
	check_match "bad command line '$a': ld-rseq names $what" "^ld-rseq: .*$what" "$ERR"
done

# --help, --version
run "$LDSO" --help
check_eq "--help: status 0" 0 "$RC"
for o in --list --verify --library-path --preload --argv0 --list-tunables --help --version; do
	check_match "--help mentions $o" "(^|[[:space:]])$o([[:space:]]|$)" "$OUT"
done
run "$LDSO" --version
check_eq "--version: status 0" 0 "$RC"
check_match "--version names ld-rseq" "ld-rseq" "$(head -1 <<<"$OUT")"

# --verify: 0 for what it can load (glibc agrees), non-zero for what it
# cannot, never a signal.
run "$LDSO" --verify "$d/prog"
check_eq "--verify loadable program" 0 "$RC"
run "$GLIBC_LDSO" --verify "$d/prog"
check_eq "--verify loadable program [glibc]" 0 "$RC"
run env LD_LIBRARY_PATH="$d" "$LDSO" --verify "$d/rseqinfo"
check_eq "--verify rseq-cc program" 0 "$RC"
for f in text emptyfile truncated nope; do
	run "$LDSO" --verify "$d/$f"
	[[ $RC -ne 0 && $RC -lt 128 ]] && pass "--verify $f: non-zero, no signal" ||
		fail "--verify $f: non-zero, no signal" "status $RC"
	run "$GLIBC_LDSO" --verify "$d/$f"
	check_match "--verify $f [glibc non-zero]" '^[1-9]' "$RC"
done
run "$LDSO" --verify "$d/prog"
check_eq "--verify runs nothing" "" "$OUT"

# --list resolves the same libraries, by path, as glibc and ldd.
pairs() { grep -o '[^[:space:]]* => [^ ]*' <<<"$1" | grep -v 'ld-linux\|ld-rseq\|vdso' | sort; }
run "$GLIBC_LDSO" --list "$d/prog"; g=$(pairs "$OUT")
check_eq "--list [glibc]" "$(lines "libdiag1.so => $d/libdiag1.so" "libdiag2.so => $d/libdiag2.so")" "$g"
run "$LDSO" --list "$d/prog"
check_eq "--list as glibc" "$g" "$(pairs "$OUT")"
check_eq "--list: status 0" 0 "$RC"
check_eq "--list as ldd" "$(pairs "$(ldd "$d/prog.glibc")")" "$(pairs "$OUT")"
run env LD_TRACE_LOADED_OBJECTS=1 "$d/prog.rseq"
check_eq "LD_TRACE_LOADED_OBJECTS=1 as glibc" "$g" "$(pairs "$OUT")"
check_eq "LD_TRACE_LOADED_OBJECTS=1 runs nothing" "" "$(grep diag <<<"$OUT" | grep -v '=>')"
run env LD_LIBRARY_PATH="$d/alt" "$GLIBC_LDSO" --list "$d/rseqinfo"
run env LD_LIBRARY_PATH="$d/alt" "$LDSO" --list "$d/rseqinfo"
check_match "--list of an rseq-cc program follows LD_LIBRARY_PATH" "libdiag1.so => $d/alt/libdiag1.so" "$OUT"

# --list-tunables: the two SPEC tunables with value, min and max, as glibc
# prints glibc.pthread.rseq.
run "$LDSO" --list-tunables
check_eq "--list-tunables: status 0" 0 "$RC"
l=$(grep '^glibc.pthread.rseq' <<<"$OUT")
check_match "--list-tunables: glibc.pthread.rseq 1, 0..1" '^glibc\.pthread\.rseq: 1 \(min: 0, max: 1\)' "$l"
gl=$("$GLIBC_LDSO" --list-tunables 2>/dev/null | grep '^glibc.pthread.rseq')
[ -n "$gl" ] && check_eq "--list-tunables: glibc.pthread.rseq as glibc" "$gl" "$l"
check_match "--list-tunables: optional_static_tls" '(^|'$'\n'')glibc\.rtld\.optional_static_tls: [0-9]+' "$OUT"

# LD_DEBUG: to stderr only, the program's output unchanged.
dbg() { run env LD_DEBUG="$1" "${@:2}"; }
for c in libs bindings statistics rseq tls reloc symbols all; do
	dbg $c "$d/prog.rseq"
	check_eq "LD_DEBUG=$c: stdout unchanged" "$prog_out" "$OUT"
	check_eq "LD_DEBUG=$c: status 0" 0 "$RC"
	[ -n "$ERR" ] && pass "LD_DEBUG=$c: says something" || fail "LD_DEBUG=$c: says something" "no output"
done
dbg bogus "$d/prog.rseq"
check_eq "LD_DEBUG=bogus: program runs" "$prog_out" "$OUT"

# libs: the search, including a directory that does not have the library
# (glibc prints the same attempts), and the path found.
dbg libs env LD_LIBRARY_PATH="$d/empty" "$d/prog.rseq"
check_match "LD_DEBUG=libs: tries $d/empty" "$d/empty/libdiag1\.so" "$ERR"
check_match "LD_DEBUG=libs: finds $d/libdiag1.so" "$d/libdiag1\.so" "$ERR"
check_match "LD_DEBUG=libs: finds $d/libdiag2.so" "$d/libdiag2\.so" "$ERR"
dbg libs env LD_LIBRARY_PATH="$d/empty" "$d/prog.glibc"
check_match "LD_DEBUG=libs [glibc tries $d/empty]" "$d/empty/libdiag1\.so" "$ERR"

# bindings: a line names the program, the symbol and where it was found.
dbg bindings "$d/prog.rseq"
check_match "LD_DEBUG=bindings: diag1 bound in libdiag1.so" \
	"(^|"$'\n'")[^"$'\n'"]*prog[^"$'\n'"]*libdiag1\.so[^"$'\n'"]*[^a-z0-9_]diag1([^a-z0-9_]|$)" "$ERR"
check_match "LD_DEBUG=bindings: diag2 bound in libdiag2.so" \
	"(^|"$'\n'")[^"$'\n'"]*libdiag2\.so[^"$'\n'"]*[^a-z0-9_]diag2([^a-z0-9_]|$)" "$ERR"

# symbols: the lookups of a symbol (glibc: one line per object searched).
dbg symbols "$d/prog.rseq"
check_match "LD_DEBUG=symbols: the lookup of diag2 is shown" "(^|[^a-z0-9_])diag2([^a-z0-9_]|$)" "$ERR"
dbg symbols "$d/prog.glibc"
check_match "LD_DEBUG=symbols [glibc shows the lookup of diag2]" "(^|[^a-z0-9_])diag2([^a-z0-9_]|$)" "$ERR"

# statistics: the relocation count is at least the program's own
# symbolic relocations.
dbg statistics "$d/prog.rseq"
own=$(readelf -rW "$d/prog" | grep -c 'R_[A-Z0-9_]*\(JUMP_SLOT\|GLOB_DAT\|_64 \)')
n=$(grep -io 'relocations[^0-9]*[0-9][0-9]*' <<<"$ERR" | head -1 | grep -o '[0-9]*$')
[[ -n $n && $n -ge $own ]] && pass "LD_DEBUG=statistics: relocations ($n) >= the program's ($own)" ||
	fail "LD_DEBUG=statistics: relocations counted" "[$ERR] program has $own"
check_match "LD_DEBUG=statistics: objects counted" "[0-9]" "$(grep -i object <<<"$ERR")"

# rseq: the registration size and offset it reports are what the program
# reads from __rseq_size and __rseq_offset.
run env LD_LIBRARY_PATH="$d" "$d/rseqinfo"
size=$(grep -o 'rseq_size=[0-9]*' <<<"$OUT" | cut -d= -f2)
off=$(grep -o 'rseq_offset=-*[0-9]*' <<<"$OUT" | cut -d= -f2)
dbg rseq env LD_LIBRARY_PATH="$d" "$d/rseqinfo"
r=$(grep -i rseq <<<"$ERR")
check_match "LD_DEBUG=rseq: mentions the size $size" "(^|[^0-9])$size([^0-9]|$)" "$r"
offhex=$(printf '%x' "${off#-}")
check_match "LD_DEBUG=rseq: mentions the offset $off" "(^|[^0-9x])(${off#-}|0x0*$offhex)([^0-9]|$)" "$r"
dbg rseq env LD_LIBRARY_PATH="$d" GLIBC_TUNABLES=glibc.pthread.rseq=0 "$d/rseqinfo"
check_match "LD_DEBUG=rseq with rseq=0: rseq_size=0" "rseq_size=0" "$OUT"
check_match "LD_DEBUG=rseq with rseq=0: says so" "rseq" "$ERR"

# tls: about TLS.
dbg tls env LD_LIBRARY_PATH="$d" "$d/rseqinfo"
check_match "LD_DEBUG=tls: about tls" "[Tt][Ll][Ss]" "$ERR"

# help: lists the categories, runs nothing.
dbg help "$d/prog.rseq"
check_eq "LD_DEBUG=help: status 0" 0 "$RC"
for c in libs reloc symbols bindings statistics tls rseq; do
	check_match "LD_DEBUG=help lists $c" "(^|[[:space:]])$c([[:space:]]|$)" "$OUT$ERR"
done
check_eq "LD_DEBUG=help: program not run" "" "$(grep diag <<<"$OUT")"

# The loader named as its own program: one error, as glibc's ld.so does.
out=$("$LDSO" "$LDSO" 2>&1)
st=$?
check_eq "loader as its own program: status 127" 127 "$st"
check_match "loader as its own program: one error line" '^ld-rseq: [^
]*cannot load itself[^
]*$' "$out"
