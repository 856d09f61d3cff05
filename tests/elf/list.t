#!/usr/bin/env bash
# `--list` and LD_TRACE_LOADED_OBJECTS=1: the ldd-style dependency list.
# Compared with glibc line by line in order, without load addresses and
# without the vDSO and loader lines (which name each loader).
. "$TOP/tests/lib.sh"
. "$TOP/tests/elf/elf.sh"
d=$(scratch)
s=$ELF_SRC/initfini
lib_t "$d/libd.so" libd.so "$s/lib.c" -DNAME='"d"' -DDEPS='void d_fn(void){}'
for x in a b; do
	lib_t "$d/lib$x.so" lib$x.so "$s/lib.c" -DNAME="\"$x\"" \
		-DDEPS="void d_fn(void); void ${x}_fn(void){d_fn();}" -L"$d" -ld -Wl,-rpath,'$ORIGIN'
done
cc_t -o "$d/prog" "$s/main.c" -L"$d" -la -lb -Wl,-rpath,'$ORIGIN'
lib_t "$d/libpre.so" libpre.so "$ELF_SRC/paths/pre.c"
mkdir -p "$d/sub"
cp "$d/libb.so" "$d/sub/"
copies "$d/prog"

# norm: object lines without addresses, then the exit status.  ld-rseq's
# --list adds its TLS/rseq layout line (SPEC 3), which glibc has no match for.
norm() {
	grep -v '^exit=' <<<"$1" | sed 's/ *(0x[0-9a-f]*)$//; s/^[[:space:]]*//' |
		grep -v '^linux-vdso\|ld-linux\|ld-rseq\|^static TLS:'
	echo "${1##*exit=}"
}
# ran: lines only the program itself prints.
ran() { grep -v '^exit=' <<<"$1" | grep -E ' prog$|^[a-z ]+=[0-9]'; }
exp=$(lines "liba.so => $d/liba.so" "libb.so => $d/libb.so" "libd.so => $d/libd.so" 0)

list_cmp() {
	local name=$1 g
	run_mode glibc-direct "$d/prog"; g=$(norm "$OUT")
	check_eq "$name [glibc]" "$2" "$g"
	check_eq "$name: nothing ran [glibc]" "" "$(ran "$OUT")"
	run_mode rseq-direct "$d/prog"
	check_eq "$name [ld-rseq]" "$g" "$(norm "$OUT")"
	check_eq "$name: nothing ran [ld-rseq]" "" "$(ran "$OUT")"
}
DIRECT_OPTS=(--list)
list_cmp "--list" "$exp"
ENVS=(LD_LIBRARY_PATH="$d/sub")
list_cmp "--list with LD_LIBRARY_PATH" "$(lines "liba.so => $d/liba.so" \
	"libb.so => $d/sub/libb.so" "libd.so => $d/libd.so" 0)"
ENVS=(LD_PRELOAD="$d/libpre.so")
list_cmp "--list with LD_PRELOAD" "$(lines "$d/libpre.so" "$exp")"
DIRECT_OPTS=() ENVS=(LD_TRACE_LOADED_OBJECTS=1)
run_mode glibc "$d/prog"; g=$(norm "$OUT")
check_eq "LD_TRACE_LOADED_OBJECTS [glibc]" "$exp" "$g"
run_mode rseq "$d/prog"
check_eq "LD_TRACE_LOADED_OBJECTS [ld-rseq]" "$g" "$(norm "$OUT")"
check_eq "LD_TRACE_LOADED_OBJECTS: nothing ran [ld-rseq]" "" "$(ran "$OUT")"

# ldd's way: with LD_TRACE_LOADED_OBJECTS a library that cannot be found is
# listed as "not found" (and the rest still listed), status 0, as glibc does.
mkdir -p "$d/miss"
echo 'int m1(void) { return 1; }' >"$d/miss/m1.c"
echo 'int m2(void) { return 2; }' >"$d/miss/m2.c"
printf '%s\n' 'int m1(void); int m2(void);' \
	'void _start(void) { m1(); m2(); for (;;) __asm__ volatile("mov $231, %eax; xor %edi, %edi; syscall"); }' \
	>"$d/miss/p.c"
$CC -shared -fPIC -nostdlib -o "$d/miss/libm1.so" "$d/miss/m1.c" &&
	$CC -shared -fPIC -nostdlib -o "$d/miss/libm2.so" "$d/miss/m2.c" &&
	$CC -nostdlib -fPIE -pie -o "$d/miss/p" "$d/miss/p.c" -L"$d/miss" -lm1 -lm2 &&
	rm "$d/miss/libm2.so" || fail "LD_TRACE_LOADED_OBJECTS, missing library: build"
ENVS=(LD_TRACE_LOADED_OBJECTS=1 LD_LIBRARY_PATH="$d/miss") DIRECT_OPTS=()
run_mode glibc-direct "$d/miss/p"; g=$(norm "$OUT")
check_eq "LD_TRACE_LOADED_OBJECTS, missing library [glibc]" \
	"$(lines "libm1.so => $d/miss/libm1.so" "libm2.so => not found" 0)" "$g"
run_mode rseq-direct "$d/miss/p"
check_eq "LD_TRACE_LOADED_OBJECTS, missing library [ld-rseq]" "$g" "$(norm "$OUT")"
