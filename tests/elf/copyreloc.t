#!/usr/bin/env bash
# COPY relocations in a non-PIE, non-PIC program: the program's copy is
# the one object both sides use, initialised from the relocated library.
. "$TOP/tests/lib.sh"
. "$TOP/tests/elf/elf.sh"
d=$(scratch)
s=$ELF_SRC/copyreloc
exp=$(lines initial=421 "lib sees program write=33" "program sees lib write=22" \
	"one object=1" "const copy=24" "lib const=24" "copied pointer=from lib" \
	"bss copy=0" "bss shared=12" exit=0)
for f in lazy now; do
	mkdir -p "$d/$f"
	fl=()
	[ $f = now ] && fl=(-Wl,-z,now)
	lib_t "$d/$f/libobj.so" libobj.so "$s/libobj.c" "${fl[@]}"
	cc_t -fno-pic -no-pie -o "$d/$f/prog" "$s/main.c" -L"$d/$f" -lobj \
		-Wl,-rpath,'$ORIGIN' "${fl[@]}"
	compare "copy reloc $f" "$exp" "$d/$f/prog"
done
n=$(readelf -rW "$d/now/prog" | grep -c R_X86_64_COPY)
check_eq "program has 4 COPY relocations" 4 "$n"
