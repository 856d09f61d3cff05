#!/usr/bin/env bash
# A library that needs an executable stack (PT_GNU_STACK with PF_X): at
# start-up the loader makes the stack executable, as glibc does; dlopen
# refuses such a library (glibc 2.41 does too; this machine's 2.36 does
# not, so that half is checked against the rule, not against glibc).
. "$TOP/tests/lib.sh"
d=$(scratch)
RSEQ_CC=$TOP/$B/rseq-cc
if [ "$ARCH" != "$(uname -m)" ] || [ ! -x "$RSEQ_CC" ]; then
	skip "exec stack" "runs natively with rseq-cc only"
	exit 0
fi
cat >"$d/lib.c" <<'C'
int needs_exec_stack(void) { return 1; }
C
cat >"$d/prog.c" <<'C'
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <dlfcn.h>
int needs_exec_stack(void);
int main(int argc, char **argv)
{
	char buf[65536];
	int fd = open("/proc/self/maps", O_RDONLY), n = 0, r;
	while (fd >= 0 && (r = read(fd, buf + n, sizeof buf - 1 - n)) > 0)
		n += r;
	buf[n] = 0;
	for (char *l = strtok(buf, "\n"); l; l = strtok(0, "\n"))
		if (strstr(l, "[stack]"))
			printf("stack %.4s\n", strchr(l, ' ') + 1);
	if (argc > 1) {
		void *h = dlopen(argv[1], RTLD_NOW);
		printf("dlopen %s\n", h ? "loaded" : "refused");
	}
	return needs_exec_stack() - 1;
}
C
"$RSEQ_CC" -shared -fPIC -Wl,-z,execstack -o "$d/libes.so" "$d/lib.c" &&
	"$RSEQ_CC" -shared -fPIC -Wl,-z,execstack -o "$d/libes2.so" "$d/lib.c" &&
	"$RSEQ_CC" -Wl,-z,noexecstack -o "$d/prog" "$d/prog.c" -L"$d" -les -Wl,-rpath,"$d" &&
	"$CC" -Wl,-z,noexecstack -o "$d/prog.glibc" "$d/prog.c" -L"$d" -les -Wl,-rpath,"$d" -ldl ||
	{ fail "exec stack: build" ""; exit 0; }
check_match "exec stack: the library asks for it" 'GNU_STACK.* RWE ' "$(readelf -lW "$d/libes.so")"
want=$(timeout 20 "$d/prog.glibc" 2>&1; echo "status $?")
got=$(timeout 20 "$d/prog" 2>&1; echo "status $?")
check_eq "exec stack: made executable at start-up, as glibc" "$want" "$got"
check_match "exec stack: the stack is rwx" '^stack rwx' "$got"
got=$(timeout 20 "$d/prog" "$d/libes2.so" 2>&1; echo "status $?")
check_match "exec stack: dlopen refuses a library that needs it" 'dlopen refused' "$got"
