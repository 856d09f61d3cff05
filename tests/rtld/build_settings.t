#!/usr/bin/env bash
# DEFAULT_LIB_PATH replaces the default search directories at build time: a
# loader built with it finds a library there that the default build does not.
. "$TOP/tests/lib.sh"
d=$(scratch)
if [ "$ARCH" != "$(uname -m)" ]; then
	skip "DEFAULT_LIB_PATH" "runs natively only"
	exit 0
fi
mkdir -p "$d/lib"
cat >"$d/lib.c" <<'C'
int libfn(int x) { return x + 2; }
C
cat >"$d/prog.c" <<'C'
extern int libfn(int);
static long sys3(long n, long a, long b, long c)
{
	long r;
	__asm__ volatile("syscall" : "=a"(r) : "a"(n), "D"(a), "S"(b), "d"(c) : "rcx", "r11", "memory");
	return r;
}
void _start(void)
{
	char buf[2] = { (char)('0' + libfn(5)), '\n' };
	sys3(1, 1, (long)buf, 2);
	sys3(231, 0, 0, 0);
}
C
$CC -shared -fPIC -nostdlib -o "$d/lib/libbs.so" "$d/lib.c" &&
	$CC -fPIE -pie -nostdlib -o "$d/prog" "$d/prog.c" -L"$d/lib" -lbs || { fail "DEFAULT_LIB_PATH: build" ""; exit 0; }
if ! make -s -C "$TOP" B="$d/b" DEFAULT_LIB_PATH="/nonexistent:$d/lib" "$d/b/ld-rseq.so.1" >"$d/make.log" 2>&1; then
	fail "DEFAULT_LIB_PATH: loader build" "$(tail -3 "$d/make.log")"
	exit 0
fi
check_eq "DEFAULT_LIB_PATH: found in the configured directory" "7" "$("$d/b/ld-rseq.so.1" "$d/prog" 2>&1)"
out=$("$LDSO" "$d/prog" 2>&1)
check_eq "DEFAULT_LIB_PATH: the default build does not look there" "127" "$("$LDSO" "$d/prog" >/dev/null 2>&1; echo $?)"
check_match "DEFAULT_LIB_PATH: the default build names the library" "libbs.so: cannot open" "$out"
