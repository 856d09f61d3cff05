#!/usr/bin/env bash
# The aarch64 cross build: the loader, rseq-cc and crt1.o build with the
# project's flags; the loader is a self-contained aarch64 shared object that
# runs under qemu-user and answers like the x86_64 one.
. "$TOP/tests/lib.sh"
. "$TOP/tests/aarch64/a64.sh"
a64_ready aarch64-build || exit 0
d=$(scratch)

if a64_build; then pass aarch64-build; else fail aarch64-build "make ARCH=aarch64 failed"; exit 0; fi
check aarch64-build-outputs test -x "$A64LDSO" -a -x "$A64RCC" -a -f "$A64B/crt1.o"

hdr=$(aarch64-linux-gnu-readelf -h "$A64LDSO")
check_match aarch64-ldso-machine 'Machine: +AArch64' "$hdr"
check_match aarch64-ldso-type 'Type: +DYN' "$hdr"
# Self-relocation applies relative relocations only (and RELR).
types=$(aarch64-linux-gnu-readelf -rW "$A64LDSO" | awk '/^[0-9a-f]+ +[0-9a-f]+ +R_/ {print $3}' | sort -u)
check_eq aarch64-ldso-only-relative "R_AARCH64_RELATIVE" "$types"
check_eq aarch64-ldso-no-needed "" "$(aarch64-linux-gnu-readelf -d "$A64LDSO" | grep NEEDED)"
check_match aarch64-crt1-machine 'Machine: +AArch64' "$(aarch64-linux-gnu-readelf -h "$A64B/crt1.o")"

# The same version text from both architectures' loaders.
if [ -x "$LDSO" ]; then
	check_eq aarch64-ldso-version "$("$LDSO" --version 2>&1)" \
		"$(qemu-aarch64 "$A64LDSO" --version 2>&1)"
else
	skip aarch64-ldso-version "no x86_64 loader at $LDSO"
fi

# One small C program through rseq-cc and through glibc's gcc: same output,
# same status (argv, environment, formatted output, exit code).
cat > "$d/hello.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv)
{
	const char *v = getenv("A64_TEST");
	for (int i = 0; i < argc; i++)
		printf("arg %d: %s\n", i, argv[i]);
	printf("env: %s, %5.2f|%-6x|%lld\n", v ? v : "(none)", 3.25, 255, -42LL);
	return argc + 40;
}
C
if ! "$A64RCC" -O2 -Wall -Wextra -Werror -o "$d/hello.ours" "$d/hello.c"; then
	fail aarch64-rseq-cc-compiles "rseq-cc failed"
	exit 0
fi
pass aarch64-rseq-cc-compiles
check_match aarch64-rseq-cc-interp "interpreter: $A64LDSO" \
	"$(aarch64-linux-gnu-readelf -l "$d/hello.ours")"
"$XCC" -O2 -o "$d/hello.glibc" "$d/hello.c"
exp=$(cd "$d" && run_glibc -E A64_TEST=yes ./hello.glibc x 'y z'; echo "status $?")
got=$(cd "$d" && run_ours -E A64_TEST=yes ./hello.ours x 'y z'; echo "status $?")
check_eq aarch64-rseq-cc-hello-vs-glibc "${exp//hello.glibc/PROG}" "${got//hello.ours/PROG}"

# GCC's aarch64 default (-moutline-atomics) links libgcc helpers whose
# start-up probe calls __getauxval: a program using atomics must link and
# run as it does with glibc.
cat > "$d/atomic.c" <<'C'
#include <stdio.h>
static long v;
int main(void)
{
	long old = __atomic_fetch_add(&v, 5, __ATOMIC_SEQ_CST);
	long exp = 5;
	int swapped = __atomic_compare_exchange_n(&v, &exp, 7, 0, __ATOMIC_SEQ_CST,
						  __ATOMIC_SEQ_CST);
	printf("%ld %d %ld\n", old, swapped, v);
	return 0;
}
C
if "$A64RCC" -O2 -o "$d/atomic.ours" "$d/atomic.c" 2>"$d/atomic.err"; then
	"$XCC" -O2 -o "$d/atomic.glibc" "$d/atomic.c"
	check_eq aarch64-rseq-cc-atomics "$(run_glibc "$d/atomic.glibc")" "$(run_ours "$d/atomic.ours")"
else
	fail aarch64-rseq-cc-atomics "link failed: $(grep -m1 'undefined' "$d/atomic.err")"
fi

# The stack protector: aarch64 code reads the global __stack_chk_guard.  Same
# output and status as glibc for a clean run and for an overflow, PIE and not
# (a COPY relocation of the guard).
for pie in pie no-pie; do
	if ! "$A64RCC" -O2 -$pie -fstack-protector-all -o "$d/sp.ours" "$A64SRC/stack_protector.c" \
		2>"$d/sp.err"; then
		fail "aarch64-stack-protector-$pie" "link failed: $(grep -m1 'undefined' "$d/sp.err")"
		continue
	fi
	"$XCC" -O2 -$pie -fstack-protector-all -o "$d/sp.glibc" "$A64SRC/stack_protector.c"
	for arg in short AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA; do
		exp=$(run_glibc "$d/sp.glibc" $arg 2>&1; echo "status $?")
		got=$(run_ours "$d/sp.ours" $arg 2>&1; echo "status $?")
		check_eq "aarch64-stack-protector-$pie-${#arg}" "$exp" "$got"
	done
done
