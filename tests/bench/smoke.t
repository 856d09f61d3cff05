# `make bench` in its smallest size, so the harness cannot rot: the report and
# plot are produced with every expected row and column, and the generated
# programs run correctly under glibc's ld.so, musl's loader and ld-rseq.
# Nothing here looks at a time or an instruction count.
. "$TOP/tests/lib.sh"
d=$(scratch)

if ! have python3; then
	skip "bench smoke" "python3 not installed"
	exit 0
fi
if [ "$ARCH" != x86_64 ]; then
	skip "bench smoke" "the benchmark is x86_64 only"
	exit 0
fi

out=$(timeout 120 python3 "$TOP/bench/run.py" --size smoke --work "$d/work" \
	--report "$d/REPORT.md" --svg "$d/startup.svg" --ldso "$LDSO" \
	--rseq-cc "$TOP/$B/rseq-cc" --glibc-ldso "$GLIBC_LDSO" 2>&1)
rc=$?
check_eq "bench: smoke run exits 0" 0 "$rc"
[ $rc -eq 0 ] || echo "$out" | tail -20
report=$(cat "$d/REPORT.md" 2>/dev/null)
json=$d/work/results-smoke.json

for h in "## Goals" "## Start-up: instructions (callgrind)" "## Start-up: wall time (µs)" \
	"## rseq and runtime costs (ns per operation)" "## Loader size (bytes, \`size\`)" \
	"## Resident memory at entry (kB)" "## Where ld-rseq's start-up goes" \
	"## Start-up: instructions per added relocation"; do
	check_eq "bench: report has \"$h\"" 1 "$(grep -cxF "$h" <<<"$report")"
done
check_eq "bench: report has the machine line" 1 "$(grep -c '^Machine: .*cores' <<<"$report")"

startup_head='| graph | relocs | ld-rseq | glibc-now | glibc-lazy | musl | static-pie | ld-rseq/glibc-now | ld-rseq/glibc-lazy | ld-rseq/musl |'
check_eq "bench: both start-up tables have every loader and ratio column" 2 \
	"$(grep -cxF "$startup_head" <<<"$report")"
for g in chain-1x10 fan-2x10 chain-2x10-ver; do
	check_eq "bench: $g has a row in both start-up tables" 2 "$(grep -c "^| $g | " <<<"$report")"
done
check_eq "bench: runtime table has every runtime and ratio column" 1 \
	"$(grep -cxF '| operation | ld-rseq | glibc | musl | ld-rseq/glibc | ld-rseq/musl |' <<<"$report")"
for op in '`sched_getcpu()`' 'raw `cpu_id` load (inline `ldrseq_cpu_id()`)' '`pthread_create` + `pthread_join`' \
	'`dlopen` + `dlsym` + `dlclose`' '`dlsym` on an open handle'; do
	check_eq "bench: runtime row $op" 1 "$(grep -cF "| $op | " <<<"$report")"
done
for row in ld-rseq glibc musl ld-rseq/glibc ld-rseq/musl; do
	check_eq "bench: size and memory rows for $row" 2 "$(grep -c "^| $row | " <<<"$report")"
done
for goal in 'start-up ≤ ¼ of glibc `LD_BIND_NOW=1`' 'start-up ≤ glibc lazy' 'loader < 64 KiB' \
	'`sched_getcpu` within 1 ns'; do
	line=$(grep -F "| $goal" <<<"$report" | head -1)
	check_match "bench: goal row \"$goal\" with a met verdict" '\| (yes|no|unknown) \|$' "$line"
done

# The loader's size by part: every part measured, none negative (the rest is
# what the named parts leave, so double counting would show here).
if [ -x "$LDSO" ]; then
	parts=$(python3 - "$json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))["size_bytes"]["ld-rseq"]["parts"]["value"]
print(len(p), min(p.values()) >= 0, p["runtime: rt/"] > 0, p["loader core: rtld/"] > 0)
PY
)
	check_eq "bench: loader size split into 7 parts, all measured" "7 True True True" "$parts"
	check_eq "bench: report has the size-by-part table" 1 \
		"$(grep -cxF '| part | bytes | share |' <<<"$report")"
else
	skip "bench: loader size by part" "$LDSO not built"
fi

# Instructions per added relocation, recomputed here from the raw counts.
if [ -x "$LDSO" ] && have valgrind; then
	want=$(python3 - "$json" <<'PY'
import json, sys
res = {g["name"]: g for g in json.load(open(sys.argv[1]))["startup"]}
a, b = res["chain-1x10"], res["chain-1x20"]
d = b["relocs"] - a["relocs"]
print("{:,}".format(int(round((b["results"]["ld-rseq"]["instr"]["value"] -
                               a["results"]["ld-rseq"]["instr"]["value"]) / d))))
PY
)
	row=$(grep -F '| chain-1x10 → chain-1x20 | ' <<<"$report")
	check_eq "bench: per-relocation row is the difference of the two graphs' counts" \
		"$want" "$(cut -d'|' -f4 <<<"$row" | tr -d ' ')"
else
	skip "bench: per-relocation row" "valgrind or the loader missing"
fi

# The plot: well-formed SVG with a legend entry per loader.
check "bench: startup.svg is well-formed XML" python3 -c \
	'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' "$d/startup.svg"
for s in ld-rseq glibc-now glibc-lazy musl static-pie; do
	check_eq "bench: plot legend has $s" 1 "$(grep -c "data-series=\"$s\"" "$d/startup.svg" 2>/dev/null)"
done

# status LOADER GRAPH: "ok", "n/a" or the failure reason of the graph's run.
status() {
	python3 - "$json" "$1" "$2" <<'PY'
import json, sys
res = json.load(open(sys.argv[1]))
g = [g for g in res["startup"] if g["name"] == sys.argv[3]][0]
r = g["results"][sys.argv[2]]["wall"]
print("ok" if r.get("ok") else r.get("why", "failed"))
PY
}
for g in chain-1x10 fan-2x10 chain-2x10-ver; do
	for l in glibc-now glibc-lazy static-pie; do
		check_eq "bench: $g runs correctly under $l" ok "$(status $l $g)"
	done
done
if [ -e /lib/ld-musl-x86_64.so.1 ]; then
	for g in chain-1x10 fan-2x10; do
		check_eq "bench: $g runs correctly under musl" ok "$(status musl $g)"
	done
	check_eq "bench: versioned graph is left out of musl's runs" n/a "$(status musl chain-2x10-ver)"
else
	skip "bench: graphs under musl" "musl not installed"
fi
if [ -x "$LDSO" ]; then
	for g in chain-1x10 fan-2x10 chain-2x10-ver; do
		check_eq "bench: $g runs correctly under ld-rseq" ok "$(status ld-rseq $g)"
	done
else
	skip "bench: graphs under ld-rseq" "$LDSO not built"
fi

# micro RUNTIME OP: "ok" or why the runtime's micro benchmark gave no number.
micro() {
	python3 - "$json" "$1" "$2" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["micro"].get(sys.argv[3], {}).get(sys.argv[2]) or {}
print("ok" if r.get("ok") else r.get("why", "missing"))
PY
}
for op in sched_getcpu cpu_id_read thread_create_join dlopen_dlsym_dlclose dlsym; do
	check_eq "bench: $op micro benchmark runs with glibc" ok "$(micro glibc $op)"
	if [ -x "$TOP/$B/rseq-cc" ] && [ -x "$LDSO" ]; then
		check_eq "bench: $op micro benchmark runs with ld-rseq" ok "$(micro ld-rseq $op)"
	else
		skip "bench: $op micro benchmark with ld-rseq" "rseq-cc or the loader not built"
	fi
done
