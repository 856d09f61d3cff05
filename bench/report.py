"""Turn bench/run.py's results into the Markdown report and the start-up plot.

Every cell is either a measured number, "failed" (the program was run and did
not exit 0: the reasons are listed under the table), "n/a" (the case does not
apply, e.g. versioned graphs under musl) or "not available" (a tool or build
was missing).  Ratios are ld-rseq divided by the other loader: below 1 means
ld-rseq is cheaper.  Goals are computed from the same numbers.
"""

import math

GOAL_STARTUP_NOW = 0.25     # ld-rseq / glibc LD_BIND_NOW=1 instructions
GOAL_STARTUP_LAZY = 1.0     # ld-rseq / glibc lazy instructions
GOAL_LOADER_BYTES = 65536   # text + data + bss
GOAL_GETCPU_NS = 1.0        # sched_getcpu() minus the raw cpu_id load

SERIES = [("ld-rseq", "#d62728"), ("glibc-now", "#1f77b4"), ("glibc-lazy", "#17becf"),
          ("musl", "#2ca02c"), ("static-pie", "#7f7f7f")]
RATIO_BASES = [("glibc-now", "ld-rseq/glibc-now"), ("glibc-lazy", "ld-rseq/glibc-lazy"),
               ("musl", "ld-rseq/musl")]
MICRO_ROWS = [("sched_getcpu", "`sched_getcpu()`"),
              ("cpu_id_read", "raw `cpu_id` load (inline `ldrseq_cpu_id()`)"),
              ("thread_create_join", "`pthread_create` + `pthread_join`"),
              ("dlopen_dlsym_dlclose", "`dlopen` + `dlsym` + `dlclose`"),
              ("dlsym", "`dlsym` on an open handle")]


def _ok(r):
    return bool(r) and r.get("ok") is True


def cell(r, fmt):
    if _ok(r):
        return fmt(r["value"])
    if not r:
        return "n/a"
    if r.get("na"):
        return r.get("why", "not available")
    return "failed"


def ratio(a, b):
    if _ok(a) and _ok(b) and b["value"]:
        return a["value"] / b["value"]
    return None


def fmt_ratio(x):
    return "—" if x is None else "%.2f" % x


def fmt_int(v):
    return "{:,}".format(int(round(v)))


def fmt_us(r):
    if not _ok(r):
        return cell(r, str)
    return "%.0f (%.0f–%.0f)" % (r["value"], r["p25"], r["p75"])


def fmt_ns(v):
    return "%.2f" % v if v < 100 else fmt_int(v)


def table(head, rows):
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return out


def failures(items):
    """Footnote lines for failed cells: (where, result) pairs."""
    out = []
    for where, r in items:
        if r and not r.get("ok") and not r.get("na"):
            out.append("- %s: %s" % (where, r.get("why", "failed")))
    return ["", "Failed cells:"] + out if out else []


def startup_tables(res):
    graphs = res["startup"]
    lines = ["## Start-up: instructions (callgrind)", "",
             "Whole process, first instruction to `exit_group`, counted by "
             "`valgrind --tool=callgrind` (deterministic on a noisy machine).", ""]
    head = ["graph", "relocs"] + [s for s, _ in SERIES] + [h for _, h in RATIO_BASES]
    rows, fails = [], []
    for g in graphs:
        r = g["results"]
        row = [g["name"], fmt_int(g["relocs"]) if g.get("relocs") is not None else "?"]
        row += [cell(r[s]["instr"], fmt_int) for s, _ in SERIES]
        row += [fmt_ratio(ratio(r["ld-rseq"]["instr"], r[b]["instr"])) for b, _ in RATIO_BASES]
        rows.append(row)
        fails += [("%s under %s" % (g["name"], s), r[s]["instr"]) for s, _ in SERIES]
    lines += table(head, rows) + failures(fails)
    lines += ["", "## Start-up: wall time (µs)", "",
              "Median (interquartile range) of %d runs of the whole process, "
              "fork and exec included. The loaders of a graph take turns run by "
              "run, so a change in the machine's load hits all of them alike." %
              res["runs"], ""]
    rows = []
    for g in graphs:
        r = g["results"]
        row = [g["name"], fmt_int(g["relocs"]) if g.get("relocs") is not None else "?"]
        row += [fmt_us(r[s]["wall"]) for s, _ in SERIES]
        row += [fmt_ratio(ratio(r["ld-rseq"]["wall"], r[b]["wall"])) for b, _ in RATIO_BASES]
        rows.append(row)
    return lines + table(head, rows)


def marginal_table(res):
    """Instructions per added relocation: graphs of one shape, library count
    and versioning that differ only in functions per library."""
    groups = {}
    for g in res["startup"]:
        if g.get("relocs") is not None:
            groups.setdefault((g["shape"], g["libs"], g["versioned"]), []).append(g)
    rows = []
    for (shape, libs, ver), gs in sorted(groups.items()):
        gs.sort(key=lambda g: g["relocs"])
        for a, b in zip(gs, gs[1:]):
            d = b["relocs"] - a["relocs"]
            row = ["%s → %s" % (a["name"], b["name"]), fmt_int(d)]
            for s, _ in SERIES[:4]:
                ra, rb = a["results"][s]["instr"], b["results"][s]["instr"]
                row.append(fmt_int((rb["value"] - ra["value"]) / d)
                           if _ok(ra) and _ok(rb) and d > 0 else cell(rb if not _ok(rb) else ra, str))
            rows.append(row)
    if not rows:
        return []
    return (["## Start-up: instructions per added relocation", "",
             "The difference in start-up instructions between two graphs that differ "
             "only in functions per library, divided by the difference in "
             "relocations: what one more bound symbol costs. ld-rseq binds every "
             "relocation before the program starts (SPEC section 3); glibc's lazy "
             "mode looks a PLT symbol up only when it is first called, so its column "
             "is the cost of deferring, not of binding.", ""] +
            table(["graphs", "added relocs"] + [s for s, _ in SERIES[:4]], rows))


def profile_table(res):
    p = res.get("profile") or {}
    lines = ["## Where ld-rseq's start-up goes", ""]
    if not _ok(p):
        return lines + ["No profile: %s." % p.get("why", "not measured")]
    total = None
    for g in res["startup"]:
        if g["name"] == p.get("graph") and _ok(g["results"]["ld-rseq"]["instr"]):
            total = g["results"]["ld-rseq"]["instr"]["value"]
    lines += ["Functions by instructions executed in them (callgrind, `%s` under "
              "ld-rseq): where to look first to meet the start-up goals." % p.get("graph"), ""]
    rows = [[fmt_int(n), "%.1f%%" % (100.0 * n / total) if total else "", "`%s`" % fn]
            for n, fn in p["value"]]
    return lines + table(["instructions", "share", "file:function"], rows)


def micro_table(res):
    m = res.get("micro") or {}
    lines = ["## rseq and runtime costs (ns per operation)", "",
             "One source per benchmark built with `gcc` (glibc), `musl-gcc` and "
             "`build/rseq-cc` (ld-rseq); best of 5 repetitions in a process, "
             "median over processes.", ""]
    head = ["operation", "ld-rseq", "glibc", "musl", "ld-rseq/glibc", "ld-rseq/musl"]
    rows, fails = [], []
    for key, label in MICRO_ROWS:
        r = m.get(key, {})
        rows.append([label] + [cell(r.get(rt), fmt_ns) for rt in ("ld-rseq", "glibc", "musl")] +
                    [fmt_ratio(ratio(r.get("ld-rseq"), r.get(b))) for b in ("glibc", "musl")])
        fails += [("%s under %s" % (label, rt), r.get(rt)) for rt in ("ld-rseq", "glibc", "musl")]
    return lines + table(head, rows) + failures(fails)


def size_tables(res):
    s, rss = res.get("size_bytes") or {}, res.get("rss") or {}
    lines = ["## Loader size (bytes, `size`)", "",
             "musl's loader is its whole C library; glibc's ld.so is the loader only.", ""]
    rows = []
    for name in ("ld-rseq", "glibc", "musl"):
        r = s.get(name)
        if _ok(r):
            rows.append([name, fmt_int(r["text"]), fmt_int(r["data"]), fmt_int(r["bss"]),
                         fmt_int(r["value"]), fmt_int(r["file"])])
        else:
            rows.append([name] + [cell(r, str)] * 5)
    rows.append(["ld-rseq/glibc", "", "", "", fmt_ratio(ratio(s.get("ld-rseq"), s.get("glibc"))), ""])
    rows.append(["ld-rseq/musl", "", "", "", fmt_ratio(ratio(s.get("ld-rseq"), s.get("musl"))), ""])
    lines += table(["loader", "text", "data", "bss", "total", "file"], rows)
    parts = (s.get("ld-rseq") or {}).get("parts")
    if _ok(parts):
        total = s["ld-rseq"]["value"]
        lines += ["", "ld-rseq's total by part: functions and variables by the source "
                  "directory that defines them (debug line info), the export tables, and "
                  "the rest.", ""]
        lines += table(["part", "bytes", "share"],
                       [[k, fmt_int(v), "%.1f%%" % (100.0 * v / total)]
                        for k, v in parts["value"].items()])
    lines += ["", "## Resident memory at entry (kB)", "",
              "VmRSS read from `/proc/self/status` by the first instructions of a "
              "libc-free program with no dependencies.", ""]
    rows = []
    for name in ("ld-rseq", "glibc", "musl", "static-pie"):
        r = rss.get(name)
        rows.append([name, cell(r, fmt_int),
                     fmt_int(r["anon"]) if _ok(r) else "", fmt_int(r["file"]) if _ok(r) else ""])
    rows.append(["ld-rseq/glibc", fmt_ratio(ratio(rss.get("ld-rseq"), rss.get("glibc"))), "", ""])
    rows.append(["ld-rseq/musl", fmt_ratio(ratio(rss.get("ld-rseq"), rss.get("musl"))), "", ""])
    lines += table(["loader", "VmRSS", "RssAnon", "RssFile"], rows)
    lines += failures([("%s entry" % k, v) for k, v in rss.items()] +
                      [("%s size" % k, v) for k, v in s.items()])
    return lines


def met(value, ok):
    if value is None:
        return "unknown"
    return "yes" if ok(value) else "no"


def goal_table(res):
    graphs = [g for g in res["startup"] if g.get("relocs") is not None]
    most = max((g["libs"] for g in graphs), default=0)
    rows = []
    for g in graphs:
        if g["libs"] != most:
            continue
        r = g["results"]
        x = ratio(r["ld-rseq"]["instr"], r["glibc-now"]["instr"])
        rows.append(["start-up ≤ ¼ of glibc `LD_BIND_NOW=1`", g["name"] + " instructions",
                     "≤ %.2f" % GOAL_STARTUP_NOW, fmt_ratio(x),
                     met(x, lambda v: v <= GOAL_STARTUP_NOW)])
        x = ratio(r["ld-rseq"]["instr"], r["glibc-lazy"]["instr"])
        rows.append(["start-up ≤ glibc lazy", g["name"] + " instructions",
                     "≤ %.2f" % GOAL_STARTUP_LAZY, fmt_ratio(x),
                     met(x, lambda v: v <= GOAL_STARTUP_LAZY)])
    s = (res.get("size_bytes") or {}).get("ld-rseq")
    x = s["value"] if _ok(s) else None
    rows.append(["loader < 64 KiB", "text+data+bss of ld-rseq.so.1",
                 "< %s" % fmt_int(GOAL_LOADER_BYTES), "—" if x is None else fmt_int(x),
                 met(x, lambda v: v < GOAL_LOADER_BYTES)])
    m = res.get("micro") or {}
    a, b = m.get("sched_getcpu", {}).get("ld-rseq"), m.get("cpu_id_read", {}).get("ld-rseq")
    x = a["value"] - b["value"] if _ok(a) and _ok(b) else None
    rows.append(["`sched_getcpu` within 1 ns of a raw load", "ld-rseq: sched_getcpu − raw cpu_id (ns)",
                 "≤ %.1f" % GOAL_GETCPU_NS, "—" if x is None else "%.2f" % x,
                 met(x, lambda v: v <= GOAL_GETCPU_NS)])
    return (["## Goals", "",
             "Start-up goals are judged on instruction counts for the graphs with "
             "the most libraries in this run (%d); \"unknown\" means a measurement "
             "is missing or failed." % most, ""] +
            table(["goal", "measurement", "target", "measured", "met"], rows))


def write_markdown(res, path):
    mc = res["machine"]
    lines = ["# ld-rseq benchmark report", "",
             "Generated by `make bench` (`bench/run.py --size %s`) on %s; regenerated "
             "on every run, do not edit." % (res["size"], res["date"]), "",
             "Machine: %s, %s cores, Linux %s, load average %s at start; glibc %s; "
             "musl %s; gcc %s; %s." % (
                 mc["cpu"], mc["cores"], mc["kernel"], mc.get("load", "unknown"), mc["glibc"],
                 mc["musl"], mc["gcc"], mc["valgrind"]), ""]
    lines += goal_table(res) + [""]
    lines += startup_tables(res) + [""]
    lines += ["![start-up instructions against relocations](startup.svg)", ""]
    m = marginal_table(res)
    lines += m + ([""] if m else [])
    lines += profile_table(res) + [""]
    lines += micro_table(res) + [""]
    lines += size_tables(res) + [""]
    lines += ["## Method", "",
              "- Graphs (`bench/graph.py`): libc-free programs (own `_start`, raw "
              "`exit_group`) and libraries; `chain-LxF` is program → lib0 → … → "
              "lib(L-1), each function calling its twin in the next library through "
              "the PLT; `fan-LxF` is a program needing all L libraries directly and "
              "referencing each of their F functions; `-ver` adds version scripts. "
              "Each library exports one data word read through the GOT. The program "
              "checks the value it computes: a wrong binding is a failure, not a "
              "fast run. `relocs` counts every dynamic relocation in the graph.",
              "- The same ELF file runs under every loader: only its PT_INTERP string "
              "is rewritten in place (what `patchelf --set-interpreter` does, without "
              "re-laying out the file). `static-pie` links the same objects into one "
              "static-pie (no loader) as the floor.",
              "- glibc-now is glibc's ld.so with `LD_BIND_NOW=1`, glibc-lazy its "
              "default. musl has no symbol versioning: versioned graphs are n/a for it.",
              "- Under valgrind the kernel's rseq is unavailable (ENOSYS), so "
              "instruction counts include each loader's failure path, not a "
              "registration.", ""]
    with open(path, "w") as f:
        f.write("\n".join(lines))


def _log_ticks(lo, hi):
    a, b = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
    if a == b:
        b += 1
    return a, b


def write_svg(res, path):
    pts = {s: [] for s, _ in SERIES}
    for g in res["startup"]:
        if not g.get("relocs"):
            continue
        for s, _ in SERIES:
            r = g["results"][s]["instr"]
            if _ok(r) and r["value"] > 0:
                pts[s].append((g["relocs"], r["value"], g["name"]))
    allp = [p for v in pts.values() for p in v]
    W, H, L, R, T, Bm = 760, 480, 80, 150, 40, 50
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">' % (W, H, W, H),
           '<rect width="%d" height="%d" fill="white"/>' % (W, H),
           '<text x="%d" y="22" font-size="15">Start-up instructions against relocations '
           '(callgrind, log-log)</text>' % L]
    if allp:
        x0, x1 = _log_ticks(min(p[0] for p in allp), max(p[0] for p in allp))
        y0, y1 = _log_ticks(min(p[1] for p in allp), max(p[1] for p in allp))
    else:
        x0, x1, y0, y1 = 0, 1, 0, 1
        out.append('<text x="%d" y="%d">no successful measurements</text>' % (L + 20, H // 2))

    def X(v):
        return L + (math.log10(v) - x0) / (x1 - x0) * (W - L - R)

    def Y(v):
        return H - Bm - (math.log10(v) - y0) / (y1 - y0) * (H - T - Bm)

    out.append('<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="black"/>'
               % (L, T, W - L - R, H - T - Bm))
    for e in range(x0, x1 + 1):
        x = X(10 ** e)
        out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#ddd"/>' % (x, T, x, H - Bm))
        out.append('<text x="%.1f" y="%d" text-anchor="middle">1e%d</text>' % (x, H - Bm + 16, e))
    for e in range(y0, y1 + 1):
        y = Y(10 ** e)
        out.append('<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#ddd"/>' % (L, y, W - R, y))
        out.append('<text x="%d" y="%.1f" text-anchor="end">1e%d</text>' % (L - 6, y + 4, e))
    out.append('<text x="%d" y="%d" text-anchor="middle">dynamic relocations in the graph</text>'
               % ((L + W - R) // 2, H - 12))
    out.append('<text transform="translate(18,%d) rotate(-90)" text-anchor="middle">'
               'instructions</text>' % ((T + H - Bm) // 2))
    for k, (s, color) in enumerate(SERIES):
        p = sorted(pts[s])
        for a, b, name in p:
            out.append('<g><title>%s %s: %s instructions</title><circle cx="%.1f" cy="%.1f" '
                       'r="3.5" fill="%s" fill-opacity="0.8"/></g>'
                       % (s, name, fmt_int(b), X(a), Y(b), color))
        ly = T + 10 + 20 * k
        out.append('<circle cx="%d" cy="%d" r="4" fill="%s"/>' % (W - R + 16, ly, color))
        out.append('<text x="%d" y="%d" data-series="%s">%s (%d)</text>'
                   % (W - R + 26, ly + 4, s, s, len(p)))
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def write(res, md_path, svg_path):
    write_markdown(res, md_path)
    write_svg(res, svg_path)
