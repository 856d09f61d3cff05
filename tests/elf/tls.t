#!/usr/bin/env bash
# TLS: the program's own (local-exec), initial-exec in a library, general-
# and local-dynamic via __tls_get_addr and via TLSDESC; .tdata, .tbss and
# 64-byte alignment; the thread pointer and stack guard.
. "$TOP/tests/lib.sh"
. "$TOP/tests/elf/elf.sh"
d=$(scratch)
s=$ELF_SRC/tls
mkdir -p "$d/gnu" "$d/gnu2"
lib_t "$d/libtie.so" libtie.so "$s/libtie.c" -ftls-model=initial-exec
# glibc's ld.so leaves itself out of the symbol scope unless it is a
# DT_NEEDED, and as a DT_NEEDED it wants libc's malloc: a libc-free library
# calling __tls_get_addr cannot run under it.  ld-rseq puts itself last in
# the scope (SPEC 5), so that variant runs under ld-rseq only and must print
# what glibc printed for the TLSDESC build of the same source.
lib_t "$d/gnu/libtdyn.so" libtdyn.so "$s/libtdyn.c"
lib_t "$d/gnu2/libtdyn.so" libtdyn.so "$s/libtdyn.c" -mtls-dialect=gnu2
cc_t -fPIE -o "$d/prog" "$s/main.c" -L"$d" -L"$d/gnu2" -ltie -ltdyn -Wl,-rpath,'$ORIGIN'
cc_t -fPIE -no-pie -o "$d/prog-nopie" "$s/main.c" -L"$d" -L"$d/gnu2" -ltie -ltdyn -Wl,-rpath,'$ORIGIN'

check_match "libtie uses TPOFF64" TPOFF64 "$(readelf -rW "$d/libtie.so")"
check_match "gnu libtdyn uses DTPMOD64" DTPMOD64 "$(readelf -rW "$d/gnu/libtdyn.so")"
check_match "gnu2 libtdyn uses TLSDESC" TLSDESC "$(readelf -rW "$d/gnu2/libtdyn.so")"
check_match "libtie has STATIC_TLS" STATIC_TLS "$(readelf -d "$d/libtie.so")"

exp=$(lines own_data=1 own_bss=0 "own_al[0]=2" "own_al aligned=1" \
	"own_al_bss aligned=1" "own_al_bss zero=1" "own_data written=7" \
	"fs:0 is the thread pointer=1" "own tls below tp=1" "stack guard set=1" \
	"tie_data via IE=11" tie_data=12 tie_bss=0 "tie_al[0]=3" "tie_al aligned=1" \
	"tie_al_bss aligned=1" "tie_al_bss zero=1" "tie_bss after lib write=6" \
	dyn_data=21 dyn_loc=22 "dyn_al[0]=4" "dyn_al aligned=1" \
	"dyn_loc after write=122" "dyn_data from program=21" \
	"dyn_data same object=1" exit=0)
for p in prog prog-nopie; do
	ENVS=(LD_LIBRARY_PATH="$d/gnu2")
	compare "tls $p TLSDESC" "$exp" "$d/$p"
	ENVS=(LD_LIBRARY_PATH="$d/gnu")
	run_mode rseq "$d/$p"
	check_same "tls $p __tls_get_addr [ld-rseq]" "$exp" "$OUT" "$ERR"
	run_mode rseq-direct "$d/$p"
	check_same "tls $p __tls_get_addr [ld-rseq direct]" "$exp" "$OUT" "$ERR"
	ENVS=()
done
