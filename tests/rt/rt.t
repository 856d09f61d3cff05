#!/usr/bin/env bash
# The runtime against glibc: each program under tests/rt/ is built with gcc
# (glibc) and with rseq-cc (ld-rseq), and both builds must print the same
# output and exit with the same status.
. "$TOP/tests/lib.sh"
d=$(scratch)
RSEQ_CC=$TOP/$B/rseq-cc
src=$TOP/tests/rt

if [ "$ARCH" != "$(uname -m)" ]; then
	skip "rt" "runs natively only ($ARCH build on $(uname -m))"
	exit 0
fi
mkdir -p "$d/g" "$d/r" "$d/nopie"

# run DIR NAME: the program's stdout followed by its exit status.
run() {
	(cd "$1" && RT_TEST_VAR=hello RT_TEST_EMPTY= LD_LIBRARY_PATH=. ./"$2" 2>&1
	 echo "exit status $?")
}

# compare NAME DIR-A DIR-B
compare() {
	local a b
	a=$(run "$2" "$1") b=$(run "$3" "$1")
	if [ "$a" == "$b" ]; then
		pass "rt: $1 ($(basename "$3")) prints what glibc prints ($(wc -l <<<"$a") lines)"
	else
		fail "rt: $1 ($(basename "$3")) differs from glibc" \
			"$(diff <(echo "$a") <(echo "$b") | head -6 | tr '\n' '|')"
	fi
}

for t in printf malloc string strtol misc buffer errno_threads malloc_threads copyvars; do
	if ! $CC -O2 -w -pthread -o "$d/g/$t" "$src/$t.c"; then
		fail "rt: $t" "gcc could not build it"; continue
	fi
	if ! "$RSEQ_CC" -O2 -w -pthread -o "$d/r/$t" "$src/$t.c" 2>"$d/$t.err"; then
		fail "rt: $t" "rseq-cc could not build it: $(head -3 "$d/$t.err")"; continue
	fi
	compare "$t" "$d/g" "$d/r"
done

# Doubles: glibc drops the zeros '#' must keep when %#g rounds up to a new
# digit (999.9999 with %#.3g gives "1.e+03", C requires "1.00e+03"), so
# those lines are compared with musl instead, which gets them right.
if $CC -O2 -w -o "$d/g/printf_double" "$src/printf_double.c" &&
	"$RSEQ_CC" -O2 -w -o "$d/r/printf_double" "$src/printf_double.c"; then
	"$d/g/printf_double" >"$d/pd.glibc"
	"$d/r/printf_double" >"$d/pd.rseq"
	alt_g='^\[%[^]]*#[^]]*[gG]\]'
	a=$(grep -v "$alt_g" "$d/pd.glibc") b=$(grep -v "$alt_g" "$d/pd.rseq")
	if [ "$a" == "$b" ]; then
		pass "rt: printf_double prints what glibc prints ($(wc -l <<<"$a") lines)"
	else
		fail "rt: printf_double differs from glibc" \
			"$(diff <(echo "$a") <(echo "$b") | head -6 | tr '\n' '|')"
	fi
	if have musl-gcc && musl-gcc -O2 -w -o "$d/pd-musl" "$src/printf_double.c"; then
		a=$("$d/pd-musl" | grep "$alt_g") b=$(grep "$alt_g" "$d/pd.rseq")
		check_eq "rt: printf_double %#g prints what musl prints ($(wc -l <<<"$a") lines)" "$a" "$b"
	else
		skip "rt: printf_double %#g against musl" "musl-gcc not installed"
	fi
else
	fail "rt: printf_double" "could not build tests/rt/printf_double.c"
fi

# Ending a process: the status the shell sees and what was flushed.
if $CC -O2 -o "$d/g/abort" "$src/abort.c" && "$RSEQ_CC" -O2 -o "$d/r/abort" "$src/abort.c"; then
	for m in assert abort _exit exit return; do
		a=$(cd "$d/g" && ./abort $m 2>&1; echo "status $?")
		b=$(cd "$d/r" && ./abort $m 2>&1; echo "status $?")
		check_eq "rt: ending with $m as glibc" "$a" "$b"
	done
else
	fail "rt: abort" "could not build tests/rt/abort.c"
fi

# On a terminal stdout is line buffered (script(1) provides a pty).
if have script; then
	a=$(cd "$d/g" && script -qec ./buffer /dev/null </dev/null)
	b=$(cd "$d/r" && script -qec ./buffer /dev/null </dev/null)
	check_eq "rt: buffering on a terminal as glibc" "$a" "$b"
else
	skip "rt: buffering on a terminal" "script(1) not installed"
fi

# Non-PIE programs, and the library flags users pass out of habit.
if "$RSEQ_CC" -O2 -w -no-pie -pthread -o "$d/nopie/misc" "$src/misc.c" -lpthread -lm -ldl -lrt \
	2>"$d/nopie.err"; then
	check_match "rt: -no-pie program is ET_EXEC" "EXEC" "$(readelf -h "$d/nopie/misc")"
	compare misc "$d/g" "$d/nopie"
else
	fail "rt: -no-pie build" "$(head -3 "$d/nopie.err")"
fi
if "$RSEQ_CC" -O2 -w -no-pie -o "$d/nopie/copyvars" "$src/copyvars.c" 2>"$d/nopie.err"; then
	check_match "rt: -no-pie copyvars copies environ" "COPY.*environ" \
		"$(readelf -rW "$d/nopie/copyvars")"
	compare copyvars "$d/g" "$d/nopie"
else
	fail "rt: -no-pie copyvars build" "$(head -3 "$d/nopie.err")"
fi

# What rseq-cc links: ld-rseq as interpreter and only library.
prog=$d/r/misc
check_match "rt: interpreter is the loader" "interpreter: $LDSO\]" "$(readelf -l "$prog")"
check_eq "rt: the loader is the only needed library" "ld-rseq.so.1" \
	"$(readelf -d "$prog" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p')"

# A library built with rseq-cc -shared, used by a program built with rseq-cc.
if $CC -shared -fPIC -O2 -o "$d/g/librtlib.so" "$src/lib.c" &&
	$CC -O2 -o "$d/g/libmain" "$src/libmain.c" -L"$d/g" -lrtlib &&
	"$RSEQ_CC" -shared -fPIC -O2 -o "$d/r/librtlib.so" "$src/lib.c" &&
	"$RSEQ_CC" -O2 -o "$d/r/libmain" "$src/libmain.c" -L"$d/r" -lrtlib; then
	compare libmain "$d/g" "$d/r"
else
	fail "rt: shared library build" "see the build commands in $0"
fi

# -static is refused with a message and status 1.
echo 'int main(void) { return 0; }' >"$d/empty.c"
out=$("$RSEQ_CC" -static -o "$d/static" "$d/empty.c" 2>&1)
rc=$?
check_eq "rt: -static refused with status 1" "1" "$rc"
check_match "rt: -static refusal names the option" "^rseq-cc: -static" "$out"
check "rt: -static produced no file" test ! -e "$d/static"

# The headers compile together in every strict language mode.
for std in c99 c11 gnu17; do
	check "rt: headers compile with -std=$std -pedantic" "$RSEQ_CC" -std=$std -pedantic -Wall \
		-Wextra -Werror -c -o "$d/headers-$std.o" "$src/headers.c"
done

# A function the runtime does not provide is a compile-time error.
printf '#include <stdio.h>\nint main(void) { return fopen("x", "r") != 0; }\n' >"$d/fopen.c"
check "rt: gcc accepts the fopen program" $CC -c -o "$d/fopen.o" "$d/fopen.c"
if "$RSEQ_CC" -c -o "$d/fopen-rseq.o" "$d/fopen.c" 2>/dev/null; then
	fail "rt: undeclared runtime function rejected" "rseq-cc compiled a call to fopen"
else
	pass "rt: undeclared runtime function rejected at compile time"
fi
