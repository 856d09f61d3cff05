# The ELF reader's fuzz target, briefly: every seed of tests/corpus/elf, each
# crash-*.so reproducer of a bug the fuzzer found (it passes once the loader
# rejects or loads it cleanly), then 20000 deterministic mutations of the
# seeds.  A crash, a sanitizer report, a broken invariant or a hang fails.
# `make fuzz-elf` is the real run.
. "$TOP/tests/lib.sh"

bin=$TOP/$B/fuzz/elf_fuzz
corpus=$TOP/tests/corpus/elf
if ! have clang; then
	skip "elf fuzz" "clang not installed"
	exit 0
fi
if [ ! -x "$bin" ]; then
	skip "elf fuzz" "clang cannot build libFuzzer targets (no fuzzer runtime) or ARCH is not the host's"
	exit 0
fi
d=$(scratch)
mkdir -p "$d/seeds" "$d/corpus"
cp "$corpus"/seed-*.so "$corpus"/mut-*.so "$d/seeds/"
n=$(ls "$d/seeds" | wc -l)
if [ "$n" -lt 8 ]; then
	fail "elf fuzz: seed corpus" "only $n seeds"
else
	pass "elf fuzz: seed corpus"
fi

# why LOG: the first line saying what went wrong.
why() {
	grep -m1 -E 'INVARIANT|SUMMARY|runtime error|ERROR: libFuzzer' "$1" | head -c 300
}

if "$bin" -timeout=10 "$d"/seeds/* >"$d/seeds.log" 2>&1; then
	pass "elf fuzz: every seed"
else
	fail "elf fuzz: every seed" "$(why "$d/seeds.log")"
fi

for f in "$corpus"/crash-*.so; do
	[ -e "$f" ] || continue
	c=$(basename "$f" .so)
	if "$bin" -timeout=10 "$f" >"$d/$c.log" 2>&1; then
		pass "elf fuzz: $c"
	else
		fail "elf fuzz: $c" "$(why "$d/$c.log")"
	fi
done

if "$bin" -runs=20000 -seed=1 -max_total_time=30 -timeout=10 -max_len=16384 \
	-artifact_prefix="$d/" "$d/corpus" "$d/seeds" >"$d/mutate.log" 2>&1; then
	pass "elf fuzz: 20000 mutations"
else
	fail "elf fuzz: 20000 mutations" "$(why "$d/mutate.log"); input in $d"
fi
