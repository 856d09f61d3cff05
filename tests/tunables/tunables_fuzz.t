# The tunables fuzz target, briefly, so it cannot rot: every seed of
# tests/corpus/tunables once, then a few thousand mutations of them.
# `make fuzz` is the real run.
. "$TOP/tests/lib.sh"

bin=$TOP/$B/tunables/tunables_fuzz
if ! have clang; then
	skip "tunables fuzz" "clang not installed"
	exit 0
fi
if [ ! -x "$bin" ]; then
	skip "tunables fuzz" "clang cannot build libFuzzer targets (no fuzzer runtime)"
	exit 0
fi
d=$(scratch)
seeds=("$TOP"/tests/corpus/tunables/*)
if [ ${#seeds[@]} -lt 10 ]; then
	fail "tunables fuzz: seed corpus" "only ${#seeds[@]} seeds"
else
	pass "tunables fuzz: seed corpus"
fi
if "$bin" "${seeds[@]}" >"$d/seeds.log" 2>&1; then
	pass "tunables fuzz: every seed"
else
	fail "tunables fuzz: every seed" "$(grep -m3 -E 'ERROR|abort|SUMMARY' "$d/seeds.log")"
fi
mkdir -p "$d/corpus"
if "$bin" -runs=20000 -seed=1 -max_len=4096 -artifact_prefix="$d/" \
	"$d/corpus" "$TOP/tests/corpus/tunables" >"$d/mutate.log" 2>&1; then
	pass "tunables fuzz: 20000 mutations"
else
	fail "tunables fuzz: 20000 mutations" "$(grep -m3 -E 'ERROR|abort|SUMMARY' "$d/mutate.log"); crash input in $d"
fi
