# End to end: what a program under ld-rseq gets for each GLIBC_TUNABLES
# input (rseq registered or not, warnings, its environment untouched), the
# expectation taken from glibc 2.39+'s rules and, where glibc's loader on
# this machine follows the same rules, checked against it too; and
# --list-tunables against glibc's loader.
. "$TOP/tests/lib.sh"
. "$TOP/tests/tunables/probe.sh"

d=$(scratch)

# --list-tunables: our lines must be glibc's lines for the same tunables.
list_re='^[a-z0-9_.]+: (-?[0-9]+ \(min: -?[0-9]+, max: -?[0-9]+\)|0x[0-9a-f]+ \(min: 0x[0-9a-f]+, max: 0x[0-9a-f]+\))$'
for v in "" "glibc.pthread.rseq=0" "glibc.rtld.optional_static_tls=0x10" \
	"glibc.pthread.rseq=0:glibc.rtld.optional_static_tls=4096"; do
	name="list-tunables [GLIBC_TUNABLES=$v]"
	if ! ours=$(env -i GLIBC_TUNABLES="$v" timeout 10 "$LDSO" --list-tunables 2>&1); then
		fail "$name" "ld-rseq.so.1 --list-tunables failed: $(head -c 200 <<<"$ours")"
		continue
	fi
	bad=$(grep -vE "$list_re" <<<"$ours")
	if [ -n "$bad" ] || [ -z "$ours" ]; then
		fail "$name" "lines not in glibc's format: [$bad]"
		continue
	fi
	names=$(sed 's/:.*//' <<<"$ours" | paste -sd'|')
	theirs=$(env -i GLIBC_TUNABLES="$v" "$GLIBC_LDSO" --list-tunables | grep -E "^($names):" | sort)
	check_eq "$name" "$theirs" "$(sort <<<"$ours")"
done

if [ "$ARCH" != "$(uname -m)" ]; then
	skip "tunables e2e" "ARCH=$ARCH is not the host's"
	exit 0
fi
if ! loader_runs_programs "$d"; then
	skip "tunables e2e" "ld-rseq does not run programs yet"
	exit 0
fi
if ! build_ldso_probe "$d/probe" "$LDSO" 2>"$d/link.log"; then
	fail "tunables e2e: build the probe against ld-rseq" "$(head -c 300 "$d/link.log")"
	exit 0
fi
if ! build_glibc_probe "$d/glibc_probe" 2>"$d/link.log"; then
	fail "tunables e2e: build the probe against glibc" "$(head -c 300 "$d/link.log")"
	exit 0
fi

big_empty=$(printf ':%.0s' $(seq 100000))glibc.pthread.rseq=0
big_zero=glibc.pthread.rseq=$(printf '0%.0s' $(seq 100000))
big_name=$(printf 'a%.0s' $(seq 100000))
big_cve=$(printf 'glibc.pthread.rseq=%.0s' $(seq 5000))0

# value | rseq expected | warnings | y when glibc 2.36's loader agrees
# (2.36 predates the 2.39 rules for malformed strings and bad numbers).
cases=(
	"|on|0|y"
	"glibc.pthread.rseq=0|off|0|y"
	"glibc.pthread.rseq=1|on|0|y"
	"glibc.pthread.rseq=0x0|off|0|y"
	"glibc.pthread.rseq=00|off|0|y"
	"glibc.pthread.rseq=1:glibc.pthread.rseq=0|off|0|y"
	"glibc.pthread.rseq=0:glibc.pthread.rseq=1|on|0|y"
	"glibc.pthread.rseq=0::glibc.rtld.optional_static_tls=4096|off|0|y"
	":glibc.pthread.rseq=0|off|0|y"
	"glibc.pthread.rseqq=0|on|0|y"
	"glibc.malloc.check=2:glibc.pthread.rseq=0|off|0|y"
	"foo:glibc.pthread.rseq=0|off|0|y"
	"glibc.pthread.rseq=2|on|1|y"
	"glibc.pthread.rseq=-1|on|1|y"
	"glibc.pthread.rseq=4294967296|on|1|y"
	"glibc.pthread.rseq=abc|on|1|n"
	"glibc.pthread.rseq=|on|1|n"
	"glibc.pthread.rseq=0x|on|1|n"
	"glibc.pthread.rseq=0junk|on|1|n"
	"glibc.pthread.rseq=0=0|on|1|n"
	"glibc.pthread.rseq=glibc.pthread.rseq=0|on|1|n"
	"glibc.pthread.rseq=0:glibc.pthread.rseq|on|1|n"
	"glibc.pthread.rseq=0:glibc.rtld.optional_static_tls=1=1|on|1|n"
	"$big_empty|off|0|y"
	"$big_zero|off|0|y"
	"$big_name|on|1|y"
	"$big_cve|on|1|n"
)

for c in "${cases[@]}"; do
	IFS='|' read -r v want nwarn glibc_agrees <<<"$c"
	name="tunables e2e [$(head -c 60 <<<"$v")$([ ${#v} -gt 60 ] && echo "...(${#v} bytes)")]"
	if [ -z "$v" ]; then
		out=$(env -i "$d/probe" 2>"$d/err")
	else
		out=$(env -i GLIBC_TUNABLES="$v" "$d/probe" 2>"$d/err")
	fi
	rc=$?
	got=$(rseq_state "$out")
	if [ $rc -ne 0 ]; then
		fail "$name" "exit status $rc: $(head -c 200 "$d/err")"
		continue
	fi
	check_eq "$name: rseq" "$want" "$got"
	warns=$(grep -c 'GLIBC_TUNABLES' "$d/err")
	lines=$(wc -l <"$d/err")
	if [ "$warns" -ne "$nwarn" ] || [ "$lines" -ne "$nwarn" ]; then
		fail "$name: warnings" "expected $nwarn line(s) naming GLIBC_TUNABLES, got: $(head -c 300 "$d/err")"
	else
		pass "$name: warnings"
	fi
	if [ -n "$v" ]; then
		envline=$(grep '^env GLIBC_TUNABLES=' <<<"$out")
		check_eq "$name: the program sees the variable unchanged" \
			"$(printf 'env GLIBC_TUNABLES=%s' "$v" | md5sum)" "$(printf '%s' "$envline" | md5sum)"
	fi
	if [ "$glibc_agrees" == y ]; then
		if [ -z "$v" ]; then
			gout=$(env -i "$d/glibc_probe" 2>/dev/null)
		else
			gout=$(env -i GLIBC_TUNABLES="$v" "$d/glibc_probe" 2>/dev/null)
		fi
		check_eq "$name: same as glibc" "$(rseq_state "$gout")" "$got"
	fi
done
