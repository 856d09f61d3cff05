#!/usr/bin/env bash
# Debugger interface: gdb, given nothing but the program, stops at a
# breakpoint in a shared library function (linked, and dlopen'ed), shows it
# by name in the backtrace and lists the libraries in `info sharedlibrary`.
# Every check is also made on the same program under glibc's loader, so a
# gdb that cannot do it at all shows up as a failed reference.
. "$TOP/tests/lib.sh"
d=$(scratch)
src=$TOP/tests/gdb
RSEQ_CC=$TOP/$B/rseq-cc

have gdb || { skip "gdb" "gdb not installed"; exit 0; }
have patchelf || { skip "gdb" "patchelf not installed"; exit 0; }
if [ "$ARCH" != "$(uname -m)" ]; then
	skip "gdb" "runs natively only ($ARCH build on $(uname -m))"
	exit 0
fi

# build KIND CC...: libgdbx.so, libgdby.so and prog into $d/KIND.
build() {
	local kind=$1; shift
	mkdir -p "$d/$kind"
	"$@" -O1 -g -fPIC -shared -Wl,-soname,libgdbx.so -o "$d/$kind/libgdbx.so" "$src/lib.c" &&
	"$@" -O1 -g -fPIC -shared -DDLOPENED -Wl,-soname,libgdby.so -o "$d/$kind/libgdby.so" "$src/lib.c" &&
	"$@" -O1 -g -o "$d/$kind/prog" "$src/prog.c" -L"$d/$kind" -lgdbx -ldl -Wl,-rpath,"$d/$kind" ||
		{ fail "gdb: build ($kind)" "compiler failed"; exit 0; }
}
build glibc "$CC"
build rseq "$RSEQ_CC"
# libc-free, one binary patchelf'd to each loader.
mkdir -p "$d/nolibc"
CF=(-O1 -g -fPIC -nostdlib -fno-stack-protector -fno-builtin -I"$TOP/tests/elf/common")
"$CC" "${CF[@]}" -shared -Wl,-soname,libgdbx.so -o "$d/nolibc/libgdbx.so" "$src/lib.c" &&
"$CC" "${CF[@]}" -o "$d/nolibc/prog" "$src/nolibc.c" -L"$d/nolibc" -lgdbx -Wl,-rpath,"$d/nolibc" &&
cp "$d/nolibc/prog" "$d/nolibc/prog.glibc" && patchelf --set-interpreter "$GLIBC_LDSO" "$d/nolibc/prog.glibc" &&
cp "$d/nolibc/prog" "$d/nolibc/prog.rseq" && patchelf --set-interpreter "$LDSO" "$d/nolibc/prog.rseq" ||
	{ fail "gdb: build (nolibc)" "compiler or patchelf failed"; exit 0; }

# gdbrun BREAK PROG ARGS...: the batch session's output.
gdbrun() {
	local brk=$1; shift
	timeout 60 gdb -nx -batch -ex 'set debuginfod enabled off' \
		-ex 'set breakpoint pending on' -ex "break $brk" -ex run -ex bt \
		-ex 'info sharedlibrary' -ex continue --args "$@" 2>&1
}

# expect NAME BREAK LIB RESULT PROG ARGS...: the session stops in BREAK
# (by name, with its source line: the load bias gdb computed is right),
# lists LIB with symbols read, and the program finishes.  BT_MAIN=1: the
# backtrace also names main (not when the loader is the command: gdb then
# has no symbols for the program, under glibc as well).
BT_MAIN=1
expect() {
	local name=$1 brk=$2 lib=$3 res=$4 out; shift 4
	out=$(gdbrun "$brk" "$@")
	echo "$out" >"$d/${name// /_}.log"
	check_match "$name: stops in $brk" "Breakpoint 1, (0x[0-9a-f]+ in )?$brk \(.*lib\.c:[0-9]+" "$out"
	[ $BT_MAIN = 1 ] &&
		check_match "$name: backtrace names $brk then main" "#0 [^#]*$brk [^#]*#1 [^#]*main " "$(tr '\n' ' ' <<<"$out")"
	check_match "$name: info sharedlibrary lists $lib" \
		"0x[0-9a-f]+ +0x[0-9a-f]+ +Yes[^/]*/[^ ]*/$lib" "$out"
	check_match "$name: runs to the end" "$res" "$out"
}

for k in glibc rseq; do
	expect "gdb $k linked" libfunc libgdbx.so "result=42" "$d/$k/prog"
	expect "gdb $k dlopen" dlfunc libgdby.so "result=48" "$d/$k/prog" "$d/$k/libgdby.so"
	expect "gdb $k loader in list" libfunc "$(basename "$([ $k = glibc ] && echo "$GLIBC_LDSO" || echo "$LDSO")")" \
		"result=42" "$d/$k/prog"
	expect "gdb $k nolibc" libfunc libgdbx.so "exited with code 02" "$d/nolibc/prog.$k"
done
# After dlclose: stopped in libfunc(-1), called after the unload (the
# breakpoint's second hit), gdb no longer lists libgdby.so: it followed
# RT_DELETE.
for k in glibc rseq; do
	out=$(timeout 60 gdb -nx -batch -ex 'set debuginfod enabled off' \
		-ex 'set breakpoint pending on' -ex 'break libfunc' -ex run -ex continue \
		-ex 'info sharedlibrary' -ex continue \
		--args "$d/$k/prog" "$d/$k/libgdby.so" close 2>&1)
	echo "$out" >"$d/gdb_${k}_dlclose.log"
	after=${out#*Breakpoint 1, libfunc (x=*-1)}
	if [ "$after" == "$out" ]; then
		fail "gdb $k dlclose: stops after the unload" "see $d/gdb_${k}_dlclose.log"
		continue
	fi
	pass "gdb $k dlclose: stops after the unload"
	check_match "gdb $k dlclose: still lists libgdbx.so" "Yes[^/]*/[^ ]*/libgdbx\.so" "$after"
	[[ $after == *libgdby.so* ]] && fail "gdb $k dlclose: libgdby.so no longer listed" "see $d/gdb_${k}_dlclose.log" ||
		pass "gdb $k dlclose: libgdby.so no longer listed"
done

# The loader run as a command: gdb debugs the loader and must still see
# the program's libraries (it does for glibc's ld.so).
BT_MAIN=0
expect "gdb glibc as command" libfunc libgdbx.so "result=42" "$GLIBC_LDSO" "$d/glibc/prog"
expect "gdb rseq as command" libfunc libgdbx.so "result=42" "$LDSO" "$d/rseq/prog"
