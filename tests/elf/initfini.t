#!/usr/bin/env bash
# Initialisation and finalisation order over a dependency diamond
# (prog -> liba, libb; liba, libb -> libd).  glibc's ld.so runs the
# libraries' DT_INIT/init_array and the program's preinit_array, and leaves
# the program's own init/fini to libc, whose absence makes its finaliser
# assert: so the libraries' order is compared with glibc, and the program's
# entries and the finaliser are checked against SPEC 3 "Start-up order".
. "$TOP/tests/lib.sh"
. "$TOP/tests/elf/elf.sh"
d=$(scratch)
s=$ELF_SRC/initfini
IF=(-Wl,-init=dt_init_fn -Wl,-fini=dt_fini_fn)
lib_t "$d/libd.so" libd.so "$s/lib.c" "${IF[@]}" -DNAME='"d"' -DDEPS='void d_fn(void){}'
for x in a b; do
	lib_t "$d/lib$x.so" lib$x.so "$s/lib.c" "${IF[@]}" -DNAME="\"$x\"" \
		-DDEPS="void d_fn(void); void ${x}_fn(void){d_fn();}" -L"$d" -ld -Wl,-rpath,'$ORIGIN'
done
cc_t -o "$d/prog" "$s/main.c" -L"$d" -la -lb -Wl,-rpath,'$ORIGIN' \
	-Wl,-init=prog_dt_init -Wl,-fini=prog_dt_fini
check_match "prog has PREINIT_ARRAY" PREINIT_ARRAY "$(readelf -d "$d/prog")"
check_match "libd has INIT and FINI" "\(INIT\).*\(FINI\)" "$(readelf -d "$d/libd.so" | tr '\n' ' ')"

copies "$d/prog"
run_mode glibc "$d/prog"
g=$OUT
# Each library: DT_INIT before its init_array, dependencies before users.
order=$(sed -n 's/^DT_INIT \(.\)$/\1/p' <<<"$g" | tr -d '\n')
check_match "library init order: dependency first [glibc]" "^d[ab]{2}$" "$order"
lib_init=$(grep -v ' prog$' <<<"$g" | grep -v '^finaliser\|^exit=')
exp_init=$(for x in $(grep -o . <<<"$order"); do lines "DT_INIT $x" "ctor101 $x" "ctor102 $x"; done)
check_eq "DT_INIT then init_array in each library [glibc]" "$exp_init" "$lib_init"

# SPEC: preinit_array, then every object's init with the program last, main.
exp=$(lines "preinit_array prog" "$exp_init" "DT_INIT prog" "init_array prog" \
	"main prog" "finaliser passed=1" exit=0)
for m in rseq rseq-direct; do
	run_mode $m "$d/prog"
	check_same "init order [$m]" "$exp" "$OUT" "$ERR"
	check_same "library init order as glibc [$m]" "$g" "$(grep -v '^DT_INIT prog$\|^init_array prog$' <<<"$OUT")"
done
# The finaliser: exact reverse, fini_array (last entry first) then DT_FINI.
exp_fini=$(lines "fini_array prog" "DT_FINI prog"
	for x in $(grep -o . <<<"$order" | tac); do lines "dtor102 $x" "dtor101 $x" "DT_FINI $x"; done)
for m in rseq rseq-direct; do
	run_mode $m "$d/prog" fini
	check_same "finaliser order [$m]" "$(lines "preinit_array prog" "$exp_init" \
		"DT_INIT prog" "init_array prog" "main prog" "finaliser passed=1" \
		"$exp_fini" exit=0)" "$OUT" "$ERR"
done
