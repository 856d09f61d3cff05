#!/usr/bin/env bash
# Start-up basics under every link flavour: PIE and ET_EXEC, lazy and
# BIND_NOW, DT_RELR, GNU-only and SysV-only hash tables.
. "$TOP/tests/lib.sh"
. "$TOP/tests/elf/elf.sh"
d=$(scratch)
s=$ELF_SRC/basic

exp() {
	lines "argc=$1" "${@:2}" "env TEST_VAR=hello" \
		b_value=49 fnptr=49 b_data=7 "b_value after write=51" b_name=libb \
		self_msg=self-relative "own pointers ok=141" "lib pointers ok=141" \
		"weak fn is 0=1" "weak data is 0=1" "bss sum=0" "data tail zero=1" \
		data_tail=6 "bss writable=8" pagesz=4096 "at_entry ok=1" \
		"at_phdr ok=1" at_phent=56 exit=3
}

declare -A flav=(
	[pie]="-pie"
	[nopie]="-no-pie"
	[pie-now]="-pie -Wl,-z,now"
	[nopie-now]="-no-pie -Wl,-z,now"
	[pie-lazy]="-pie -Wl,-z,lazy"
	[relr]="-pie -Wl,-z,pack-relative-relocs"
	[nopie-relr]="-no-pie -Wl,-z,pack-relative-relocs"
	[sysv-hash]="-pie -Wl,--hash-style=sysv"
	[gnu-hash]="-pie -Wl,--hash-style=gnu"
)
ENVS=(TEST_VAR=hello)
for f in $(printf '%s\n' "${!flav[@]}" | sort); do
	mkdir -p "$d/$f"
	lf=${flav[$f]/-no-pie/} lf=${lf/-pie/}
	# shellcheck disable=SC2086
	lib_t "$d/$f/libb.so" libb.so "$s/libb.c" $lf
	# shellcheck disable=SC2086
	cc_t -o "$d/$f/prog" "$s/main.c" -L"$d/$f" -lb -Wl,-rpath,'$ORIGIN' ${flav[$f]}
	compare "basic $f" "$(exp 3 arg=one "arg=two words")" "$d/$f/prog" one "two words"
done

# The flavours really are what they claim.
check_match "nopie is ET_EXEC" "EXEC" "$(readelf -h "$d/nopie/prog")"
check_match "pie is ET_DYN" "DYN" "$(readelf -h "$d/pie/prog")"
check_match "relr has DT_RELR" "RELR" "$(readelf -d "$d/relr/libb.so")"
check_match "now has BIND_NOW" "BIND_NOW|FLAGS.*NOW" "$(readelf -d "$d/pie-now/prog")"
h=$(readelf -S "$d/sysv-hash/libb.so")
[[ $h == *.gnu.hash* || $h != *" .hash"* ]] && fail "sysv-hash has only .hash" || pass "sysv-hash has only .hash"
h=$(readelf -S "$d/gnu-hash/libb.so")
[[ $h == *" .hash"* || $h != *.gnu.hash* ]] && fail "gnu-hash has only .gnu.hash" || pass "gnu-hash has only .gnu.hash"

# Direct invocation: --argv0 sets what the program sees as argv[0].
cat >"$d/argv0.c" <<'C'
#include "start.h"
int main(int argc, char **argv, char **envp)
{
	(void)envp;
	say("argc", argc);
	for (int i = 0; i < argc; i++)
		says("argv", argv[i]);
	return 0;
}
C
cc_t -o "$d/argv0" "$d/argv0.c" -L"$d/pie" -lb -Wl,-rpath,"$d/pie"
DIRECT_OPTS=(--argv0 renamed)
compare_direct "direct --argv0" "$(lines argc=2 argv=renamed argv=x exit=0)" "$d/argv0" x
DIRECT_OPTS=()
compare_direct "direct argv shift" "$(lines argc=3 "argv=$d/argv0" argv=-x argv=--list exit=0)" "$d/argv0" -x --list
