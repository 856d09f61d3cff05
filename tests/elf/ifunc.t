#!/usr/bin/env bash
# STT_GNU_IFUNC in a library and in the program, IRELATIVE, a resolver
# that needs its own data and another library relocated first.
. "$TOP/tests/lib.sh"
. "$TOP/tests/elf/elf.sh"
d=$(scratch)
s=$ELF_SRC/ifunc
exp=$(lines sel=2 "sel via data pointer=2" via_dep=30 "lib local ifunc=20" \
	mine=200 "mine via data pointer=200" "sel address same in lib=1" \
	"sel via lib pointer=2" exit=0)
for f in pie nopie pie-now nopie-now; do
	mkdir -p "$d/$f"
	now=() pie=-pie
	[[ $f == *now ]] && now=(-Wl,-z,now)
	[[ $f == nopie* ]] && pie=-no-pie
	lib_t "$d/$f/libdep.so" libdep.so "$s/libdep.c" "${now[@]}"
	lib_t "$d/$f/libifunc.so" libifunc.so "$s/libifunc.c" -L"$d/$f" -ldep \
		-Wl,-rpath,'$ORIGIN' "${now[@]}"
	cc_t $pie -o "$d/$f/prog" "$s/main.c" -L"$d/$f" -lifunc -ldep \
		-Wl,-rpath,'$ORIGIN' "${now[@]}"
	compare "ifunc $f" "$exp" "$d/$f/prog"
done
check_match "program has IRELATIVE" "IRELATIV" "$(readelf -r "$d/pie/prog")"
check_match "library has IRELATIVE" "IRELATIV" "$(readelf -r "$d/pie/libifunc.so")"
check_match "library exports an IFUNC" "IFUNC.*sel" "$(readelf --dyn-syms -W "$d/pie/libifunc.so")"
