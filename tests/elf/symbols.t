#!/usr/bin/env bash
# Symbol resolution: scope order, interposition by the program, protected
# visibility, STB_GNU_UNIQUE.
. "$TOP/tests/lib.sh"
. "$TOP/tests/elf/elf.sh"
d=$(scratch)
s=$ELF_SRC/symbols
lib_t "$d/libsym1.so" libsym1.so "$s/libsym.c" -DN=1
lib_t "$d/libsym2.so" libsym2.so "$s/libsym.c" -DN=2
check_match "uniq_obj is STB_GNU_UNIQUE" "UNIQUE.*uniq_obj" "$(readelf --dyn-syms -W "$d/libsym2.so")"
check_match "prot_fn is protected" "PROTECTED.*prot_fn" "$(readelf --dyn-syms -W "$d/libsym1.so")"
exp=$(lines dup_fn=1 "dup_fn from lib1=1" "dup_fn from lib2=1" uniq_obj=1 \
	"uniq one object=1" "program prot_fn=99" "protected stays in lib=15" \
	prot_data=5 "program interposes=98" exit=0)
for f in pie nopie; do
	fl=-pie
	[ $f = nopie ] && fl=-no-pie
	cc_t $fl -o "$d/prog-$f" "$s/main.c" -L"$d" -lsym1 -lsym2 -Wl,-rpath,'$ORIGIN'
	compare "symbols $f" "$exp" "$d/prog-$f"
done
