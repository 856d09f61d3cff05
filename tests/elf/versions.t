#!/usr/bin/env bash
# Symbol versioning: VERDEF/VERNEED/VERSYM, hidden versions, a library
# upgraded after the program was linked, a missing version.
. "$TOP/tests/lib.sh"
. "$TOP/tests/elf/elf.sh"
d=$(scratch)
s=$ELF_SRC/versions
mkdir -p "$d/old" "$d/new" "$d/plain"
lib_t "$d/old/libv.so" libv.so "$s/libv_old.c" -Wl,--version-script="$s/old.map"
lib_t "$d/new/libv.so" libv.so "$s/libv_new.c" -Wl,--version-script="$s/new.map"
lib_t "$d/plain/libv.so" libv.so "$s/libv_plain.c"

cc_t -o "$d/foo_v1" "$s/use_foo.c" -L"$d/old" -lv
cc_t -o "$d/old_v1" "$s/use_old.c" -L"$d/old" -lv
cc_t -o "$d/foo_v2" "$s/use_foo.c" -L"$d/new" -lv
cc_t -o "$d/both" "$s/use_both.c" -L"$d/new" -lv
cc_t -o "$d/foo_plain" "$s/use_foo.c" -L"$d/plain" -lv
cc_t -o "$d/foo_v1_nopie" "$s/use_foo.c" -no-pie -L"$d/old" -lv

check_match "new libv has VERDEF" "VERDEF" "$(readelf -d "$d/new/libv.so")"
check_match "new libv foo@V1 hidden" "foo@V1" "$(readelf --dyn-syms -W "$d/new/libv.so")"
check_match "both needs V1 and V2" "Name: V1.*Name: V2|Name: V2.*Name: V1" \
	"$(readelf -V "$d/both" | tr '\n' ' ')"

ENVS=(LD_LIBRARY_PATH="$d/old")
compare "linked V1 run V1" "$(lines foo=1 dat=10 exit=0)" "$d/foo_v1"
compare "hidden-to-be run V1" "$(lines foo=1 only_old=11 dat=10 exit=0)" "$d/old_v1"
ENVS=(LD_LIBRARY_PATH="$d/new")
compare "linked V1 run upgraded" "$(lines foo=1 dat=10 exit=0)" "$d/foo_v1"
compare "linked V1 non-PIE run upgraded" "$(lines foo=1 dat=10 exit=0)" "$d/foo_v1_nopie"
compare "hidden version after upgrade" "$(lines foo=1 only_old=11 dat=10 exit=0)" "$d/old_v1"
compare "linked V2" "$(lines foo=2 dat=20 exit=0)" "$d/foo_v2"
compare "V1 and V2 in one program" "$(lines foo=2 foo@V1=1 newer=22 exit=0)" "$d/both"
# An unversioned reference takes the library's oldest version (glibc's
# rule: versym index 1 or 2 matches an unversioned reference, so programs
# linked before versioning was added keep the original ABI).
compare "unversioned ref to versioned lib" "$(lines foo=1 dat=10 exit=0)" "$d/foo_plain"
ENVS=(LD_LIBRARY_PATH="$d/plain")
compare "unversioned lib" "$(lines foo=100 dat=1000 exit=0)" "$d/foo_plain"

# Missing version: linked against V2, run with the V1-only library.
ENVS=(LD_LIBRARY_PATH="$d/old")
copies "$d/foo_v2"
run_mode glibc "$d/foo_v2"
# glibc exits 1 here (127 for the other load errors); SPEC says 127.
check_match "missing version [glibc status]" "^[1-9]" "$RC"
check_match "missing version [glibc message]" "libv\.so: version .V2. not found.*foo_v2" "$ERR"
check_eq "missing version [glibc stdout]" "exit=$RC" "$OUT"
for m in rseq rseq-direct; do
	run_mode $m "$d/foo_v2"
	check_rseq_error "missing version $m" "[^:]*foo_v2[^:]*: .*V2.*"
	check_match "missing version $m [names libv.so]" "libv\.so" "$ERR"
	check_eq "missing version $m [stdout]" "exit=127" "$OUT"
done
