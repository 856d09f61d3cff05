#!/usr/bin/env bash
# Load errors: missing library, symbol (function, data, needed by a
# library), version.  Status 127, one line naming the object and the
# missing name, and nothing of the program run (no MARKER line).
. "$TOP/tests/lib.sh"
. "$TOP/tests/elf/elf.sh"
d=$(scratch)
s=$ELF_SRC/errors
mkdir -p "$d/full" "$d/run"
lib_t "$d/full/libx.so" libx.so "$s/libx.c" -DFULL
lib_t "$d/run/libx.so" libx.so "$s/libx.c"
lib_t "$d/full/libuser.so" libuser.so "$s/libuser.c" -L"$d/full" -lx -Wl,-z,now
cp "$d/full/libuser.so" "$d/run/"
lib_t "$d/run/libmark.so" libmark.so "$s/libmark.c"
lib_t "$d/full/libgone.so" libgone.so "$s/libx.c"
lib_t "$d/full/libv.so" libv.so "$ELF_SRC/versions/libv_new.c" -Wl,--version-script="$ELF_SRC/versions/new.map"
lib_t "$d/run/libv.so" libv.so "$ELF_SRC/versions/libv_old.c" -Wl,--version-script="$ELF_SRC/versions/old.map"
L=(-L"$d/full" -L"$d/run" -lmark -lx -Wl,-rpath,"$d/run")
cc_t -o "$d/ok" "$s/main.c" -DUSES='(void)0' "${L[@]}"
cc_t -o "$d/nolib" "$s/main.c" -DUSES='(void)0' "${L[@]}" -Wl,--no-as-needed -lgone
cc_t -o "$d/nofn" "$s/main.c" -DUSES='say("gone_fn", gone_fn())' "${L[@]}" -Wl,-z,now
cc_t -o "$d/nodata" "$s/main.c" -DUSES='say("gone_data", gone_data)' "${L[@]}"
cc_t -o "$d/nolibsym" "$s/main.c" -DUSES='say("user_fn", user_fn())' "${L[@]}" -luser -Wl,-z,now
cc_t -o "$d/nover" "$s/main.c" -DUSES='extern int newer(void); say("newer", newer())' "${L[@]}" -lv

compare "control: loads" "$(lines "MARKER preinit" "MARKER library constructor" "MARKER main" keep_fn=1 exit=0)" "$d/ok"

# err NAME PROG GLIBC_STATUS_RE REGEX-FOR-BOTH...
err() {
	local name=$1 p=$2 gst=$3 m re; shift 3
	copies "$p"
	run_mode glibc "$p"
	check_match "$name [glibc status]" "$gst" "$RC"
	for re in "$@"; do check_match "$name [glibc message has $re]" "$re" "$ERR"; done
	check_eq "$name: nothing ran [glibc]" "exit=$RC" "$OUT"
	for m in rseq rseq-direct; do
		run_mode $m "$p"
		check_rseq_error "$name $m" "[^:]*${p##*/}[^:]*: "
		for re in "$@"; do check_match "$name [$m message has $re]" "$re" "$ERR"; done
		check_eq "$name: nothing ran [$m]" "exit=127" "$OUT"
	done
}
err "missing library" "$d/nolib" '^127$' 'libgone\.so'
err "missing function" "$d/nofn" '^127$' 'gone_fn' 'nofn'
err "missing data" "$d/nodata" '^127$' 'gone_data' 'nodata'
err "missing symbol of a library" "$d/nolibsym" '^127$' 'gone_fn' 'libuser\.so'
# glibc exits 1 for a missing version (SPEC: 127).
err "missing version" "$d/nover" '^[1-9]' 'V2' 'libv\.so'
