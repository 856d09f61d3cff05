#!/usr/bin/env bash
# SPEC 7: programs linked against glibc, with ld-rseq as their interpreter
# (patchelf) or with ld-rseq run as a command, are handed to glibc's loader
# in process and behave exactly as when run normally: same stdout, stderr
# and exit status; argv, environment, auxv and /proc/self/exe are the
# program's.
. "$TOP/tests/lib.sh"
d=$(scratch)
src=$TOP/tests/glibc

have patchelf || { skip "glibc" "patchelf not installed"; exit 0; }
if [ "$ARCH" != "$(uname -m)" ]; then
	skip "glibc" "runs natively only ($ARCH build on $(uname -m))"
	exit 0
fi

# check_lines NAME EXPECTED ACTUAL: check_eq whose failure shows the lines
# that differ.
check_lines() {
	if [ "$2" == "$3" ]; then pass "$1"; else
		fail "$1" "$(diff <(echo "$2") <(echo "$3") | head -6 | tr '\n' '|')"
	fi
}

# same NAME CMD-A -- CMD-B: stdout, stderr and status identical.
same() {
	local name=$1 a=() b=()
	shift
	while [ "$1" != -- ]; do a+=("$1"); shift; done
	shift
	b=("$@")
	local ra rb
	ra=$(cd "$d/work" && timeout 20 "${a[@]}" 2>"$d/a.err"; echo "exit=$?")
	rb=$(cd "$d/work" && timeout 20 "${b[@]}" 2>"$d/b.err"; echo "exit=$?")
	check_lines "$name: stdout and status" "$ra" "$rb"
	# Messages name the program by its path.
	check_lines "$name: stderr" "$(cat "$d/a.err")" \
		"$(sed "s|$d/ls|/bin/ls|g; s|$d/sh|/bin/sh|g" "$d/b.err")"
}

# A fixed directory for ls to list.
mkdir -p "$d/work/sub" && touch -d '2020-01-01 00:00' "$d/work/a" "$d/work/b c" "$d/work/sub"
cp /bin/ls "$d/ls" && patchelf --set-interpreter "$LDSO" "$d/ls"
cp /bin/sh "$d/sh" && patchelf --set-interpreter "$LDSO" "$d/sh"

same "ls" /bin/ls -la --color=never --time-style=+%Y . -- "$d/ls" -la --color=never --time-style=+%Y .
same "ls as a command" /bin/ls -R . -- "$LDSO" /bin/ls -R .
same "ls error" /bin/ls /nonexistent -- "$d/ls" /nonexistent
same "ls error as a command" /bin/ls /nonexistent -- "$LDSO" /bin/ls /nonexistent
same "sh -c" /bin/sh -c 'echo "$0 $1"; echo err >&2; exit 3' zero one -- \
	"$d/sh" -c 'echo "$0 $1"; echo err >&2; exit 3' zero one
same "sh -c as a command" /bin/sh -c 'echo "$0 $1"; exit 4' zero one -- \
	"$LDSO" /bin/sh -c 'echo "$0 $1"; exit 4' zero one
same "sh -c running ls" /bin/sh -c '/bin/ls -1; exit $?' -- "$d/sh" -c "$d/ls -1; exit \$?"
same "sh: environment" env GP_X=1 /bin/sh -c 'echo $GP_X' -- env GP_X=1 "$d/sh" -c 'echo $GP_X'

# --list and LD_TRACE_LOADED_OBJECTS of a glibc program: glibc's answer.
pairs() { grep -o '[^[:space:]]* => [^ ]*' <<<"$1" | sort; }
g=$(pairs "$("$GLIBC_LDSO" --list /bin/ls)")
check_match "--list /bin/ls [glibc]" "libc\.so\.6 => " "$g"
check_lines "--list /bin/ls" "$g" "$(pairs "$("$LDSO" --list /bin/ls 2>&1)")"
check_lines "LD_TRACE_LOADED_OBJECTS=1 patchelf'd ls" "$g" \
	"$(pairs "$(LD_TRACE_LOADED_OBJECTS=1 "$d/ls" 2>&1)")"
"$LDSO" --verify /bin/ls
check_eq "--verify /bin/ls" 0 $?

# A gcc-built program with a shared library.
{
	"$CC" -O2 -fPIC -shared -Wl,-soname,libgp.so -o "$d/libgp.so" "$src/lib.c" &&
	"$CC" -O2 -o "$d/gp" "$src/glibcprog.c" -L"$d" -lgp -Wl,-rpath,"$d" &&
	"$CC" -O2 -o "$d/gp-norpath" "$src/glibcprog.c" -L"$d" -lgp &&
	"$CC" -O2 -no-pie -o "$d/gp-nopie" "$src/glibcprog.c" -L"$d" -lgp -Wl,-rpath,"$d"
} 2>"$d/build.err" || { fail "glibc: build" "$(head -3 "$d/build.err")"; exit 0; }
for p in gp gp-nopie; do
	cp "$d/$p" "$d/$p.rseq" && patchelf --set-interpreter "$LDSO" "$d/$p.rseq"
	# The program reports /proc/self/exe and AT_EXECFN: the copy's own path.
	ra=$(cd "$d/work" && GP_VAR=v "$d/$p" one "two words" 2>&1; echo "exit=$?")
	rb=$(cd "$d/work" && GP_VAR=v "$d/$p.rseq" one "two words" 2>&1; echo "exit=$?")
	check_match "$p [normal run]" "gp_twice\(21\)=42"$'\n'"exit=7" "$ra"
	check_match "$p [normal run]: rseq registered by glibc" "rseq registered by glibc=1" "$ra"
	check_lines "$p patchelf'd: as the normal run" "${ra//$d\/$p/PROG}" "${rb//$d\/$p.rseq/PROG}"
	# As a command, /proc/self/exe is the loader, for glibc's as well.
	ra=$(cd "$d/work" && GP_VAR=v "$GLIBC_LDSO" "$d/$p" one 2>&1; echo "exit=$?")
	rb=$(cd "$d/work" && GP_VAR=v "$LDSO" "$d/$p" one 2>&1; echo "exit=$?")
	# glibc's ld.so run as a command has no AT_BASE; ld-rseq's hand-over
	# points it at glibc's loader (SPEC 7).  Either names no other object.
	norm() { sed "s|$(realpath "$GLIBC_LDSO")|LOADER|g; s|$GLIBC_LDSO|LOADER|g; s|$(realpath "$LDSO")|LOADER|g; s|$LDSO|LOADER|g; s|^AT_BASE maps ld-linux.*|AT_BASE maps <none>|" <<<"$1"; }
	check_lines "$p as a command: as glibc's ld.so as a command" "$(norm "$ra")" "$(norm "$rb")"
done
# Loader options carry over to a glibc program.
ra=$(cd "$d/work" && "$GLIBC_LDSO" --library-path "$d" "$d/gp-norpath" 2>&1; echo "exit=$?")
rb=$(cd "$d/work" && "$LDSO" --library-path "$d" "$d/gp-norpath" 2>&1; echo "exit=$?")
check_match "--library-path [glibc]" "gp_twice\(21\)=42" "$ra"
check_lines "--library-path for a glibc program" "$(norm "$ra")" "$(norm "$rb")"
ra=$(cd "$d/work" && "$GLIBC_LDSO" --argv0 renamed "$d/gp" 2>&1; echo "exit=$?")
rb=$(cd "$d/work" && "$LDSO" --argv0 renamed "$d/gp" 2>&1; echo "exit=$?")
check_match "--argv0 [glibc]" "argv\[0\]=renamed" "$ra"
check_lines "--argv0 for a glibc program" "$(norm "$ra")" "$(norm "$rb")"
cp "$d/gp-norpath" "$d/gp-norpath.rseq" && patchelf --set-interpreter "$LDSO" "$d/gp-norpath.rseq"
ra=$(cd "$d/work" && LD_LIBRARY_PATH=$d "$d/gp-norpath" 2>&1; echo "exit=$?")
rb=$(cd "$d/work" && LD_LIBRARY_PATH=$d "$d/gp-norpath.rseq" 2>&1; echo "exit=$?")
check_lines "LD_LIBRARY_PATH for a glibc program" "${ra//$d\/gp-norpath/PROG}" "${rb//$d\/gp-norpath.rseq/PROG}"
