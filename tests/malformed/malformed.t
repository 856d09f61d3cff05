#!/usr/bin/env bash
# Malformed ELF files, as a dependency of a good program and as the program
# itself (loader run as a command): one clean "ld-rseq: " line, status 127
# (non-zero for a bad program), never a signal, never a hang (SPEC 8).
# Cases marked "may run" are defects a loader may tolerate: then the program
# must run correctly instead.  A dependency cycle is legal and must load.
. "$TOP/tests/lib.sh"
. "$TOP/tests/elf/elf.sh"
[ "$ARCH" = x86_64 ] || { skip malformed "x86_64 relocation numbers"; exit 0; }
d=$(scratch)
s=$TOP/tests/malformed
"$HOSTCC" -O2 -Wall -Wextra -Werror -o "$d/mutate" "$s/mutate.c" || { fail "build mutate"; exit 1; }
lib_t "$d/libleaf.so" libleaf.so "$s/leaf.c"
for h in gnu sysv; do
	mkdir -p "$d/$h"
	lib_t "$d/$h/libgood.so" libgood.so "$s/good.c" -L"$d" -lleaf -Wl,-rpath,"$d" \
		-Wl,--hash-style=$h -Wl,-z,now -ftls-model=initial-exec
done
cc_t -fPIE -o "$d/prog" "$s/main.c" -L"$d/gnu" -lgood -Wl,-rpath-link,"$d" -Wl,-z,now
copies "$d/prog"
good=$(lines good=49 exit=0)
ENVS=(LD_LIBRARY_PATH="$d/gnu")
compare "malformed baseline" "$good" "$d/prog"

must=(empty trunc-ehdr trunc-phdrs trunc-half bad-magic wrong-class wrong-data
	wrong-machine wrong-type bad-phentsize phdrs-out-of-file phoff-overflow
	huge-phnum zero-phnum no-load load-offset-out-of-file load-filesz-huge
	load-filesz-gt-memsz load-memsz-huge load-vaddr-wrap load-misaligned
	dynamic-out-of-range tls-align-huge tls-memsz-huge strtab-out-of-range
	needed-name-out-of-range symtab-out-of-range gnu-hash-nbuckets-huge
	sysv-hash-nbucket-huge relasz-huge reloc-unknown-type
	reloc-sym-out-of-range reloc-offset-out-of-range)
may=(wrong-version garbage-shdrs load-align-not-pow2 load-overlap load-bss-shares-page
	gnu-hash-bloom-huge gnu-hash-chain-unterminated sysv-hash-nchain-huge
	sysv-hash-loop soname-unterminated no-dt-null relaent-wrong)

# judge NAME MUST(1|0) BADPROG(1|0): on the last run_mode.
judge() {
	local name=$1 must=$2 prog=$3 n
	if [ "$RC" -ge 124 ] && [ "$RC" != 127 ]; then
		fail "$name" "status $RC (signal or timeout): $(head -c 200 <<<"$ERR")"; return
	fi
	if [ "$RC" = 0 ] && [ "$must" = 0 ]; then
		check_eq "$name (tolerated, ran correctly)" "$good" "$OUT"; return
	fi
	if [ "$RC" = 0 ]; then fail "$name" "loaded a file it must reject"; return; fi
	n=$(grep -c '' <<<"$ERR"); [ -z "$ERR" ] && n=0
	if [ "$n" != 1 ] || [[ $ERR != "ld-rseq: "* ]]; then
		fail "$name" "want one 'ld-rseq: ' line on stderr, got $n: $(head -c 200 <<<"$ERR")"; return
	fi
	if [ "$prog" = 0 ] && [ "$RC" != 127 ]; then fail "$name" "status $RC, want 127"; return; fi
	[ "$prog" = 0 ] && [ "$must" = 1 ] && [[ $ERR != *libgood.so* ]] && { fail "$name" "message does not name libgood.so: $ERR"; return; }
	pass "$name"
}

for c in "${must[@]}" "${may[@]}"; do
	m=0; [[ " ${must[*]} " == *" $c "* ]] && m=1
	h=gnu; [[ $c == sysv-* ]] && h=sysv
	mkdir -p "$d/lib-$c"
	"$d/mutate" "$c" "$d/$h/libgood.so" "$d/lib-$c/libgood.so"
	case $? in
	0) ENVS=(LD_LIBRARY_PATH="$d/lib-$c")
	   run_mode rseq "$d/prog"; judge "bad library: $c" $m 0
	   run_mode rseq-direct "$d/prog"; judge "bad library: $c [direct]" $m 0 ;;
	2) ;;
	*) fail "mutate $c" "generator failed" ;;
	esac
	[[ $c == sysv-* ]] && continue
	"$d/mutate" "$c" "$d/prog" "$d/bad-$c"
	case $? in
	0) ENVS=(LD_LIBRARY_PATH="$d/gnu")
	   run_mode rseq-direct "$d/bad-$c"; judge "bad program: $c" $m 1 ;;
	2) ;;
	*) fail "mutate $c" "generator failed" ;;
	esac
done
ENVS=()

# A text file and a directory where a library is expected.
mkdir -p "$d/text" "$d/dir/libgood.so"
echo "this is not ELF" >"$d/text/libgood.so"
for w in text dir; do
	ENVS=(LD_LIBRARY_PATH="$d/$w")
	run_mode rseq "$d/prog"; judge "bad library: $w" 1 0
done
ENVS=()

# liba.so <-> libb.so: legal, both initialised once, same as glibc.
mkdir -p "$d/cyc"
lib_t "$d/cyc/libb.so" libb.so "$s/cyc.c" -DNAME='"b"' -DSELF=b_self -DOTHER=a_self -DGLUE=b_other
lib_t "$d/cyc/liba.so" liba.so "$s/cyc.c" -DNAME='"a"' -DSELF=a_self -DOTHER=b_self -DGLUE=a_other \
	-L"$d/cyc" -lb -Wl,-rpath,'$ORIGIN'
lib_t "$d/cyc/libb.so" libb.so "$s/cyc.c" -DNAME='"b"' -DSELF=b_self -DOTHER=a_self -DGLUE=b_other \
	-L"$d/cyc" -la -Wl,-rpath,'$ORIGIN'
check_match "cycle: libb needs liba" "liba\.so" "$(readelf -d "$d/cyc/libb.so")"
cc_t -o "$d/cyc/prog" "$s/cyc_main.c" -L"$d/cyc" -la -lb -Wl,-rpath,'$ORIGIN'
compare "dependency cycle" - "$d/cyc/prog"
run_mode glibc "$d/cyc/prog"
check_eq "dependency cycle: each init once [glibc]" 2 "$(grep -c '^init ' <<<"$OUT")"
check_match "dependency cycle: output [glibc]" "a sees=b.b sees=a.exit=0" "$(tr '\n' . <<<"$OUT")"
