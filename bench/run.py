#!/usr/bin/env python3
"""`make bench`: build the benchmark programs, run every case under every
loader side by side in one run, write results.json and the report.

Loaders: ld-rseq (the program's interpreter rewritten to it), glibc's ld.so
with LD_BIND_NOW=1 and with its default lazy binding, musl's loader (not for
versioned graphs: musl has no symbol versioning), and a static-pie build of
the same objects as the floor.  A loader that cannot run a case yet gives a
"failed" cell; a tool or build that is missing gives "not available".
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import graph    # noqa: E402
import measure  # noqa: E402
import report   # noqa: E402

# (shape, libraries, functions per library, versioned)
FULL_GRAPHS = [
    ("chain", 1, 10, False), ("chain", 1, 1000, False), ("chain", 1, 10000, False),
    ("chain", 10, 10, False), ("chain", 10, 100, False), ("chain", 10, 1000, False),
    ("chain", 100, 10, False), ("chain", 100, 100, False),
    ("fan", 10, 100, False), ("fan", 100, 10, False), ("fan", 100, 100, False),
    ("chain", 10, 100, True), ("chain", 100, 100, True), ("fan", 100, 100, True),
]
SMOKE_GRAPHS = [("chain", 1, 10, False), ("chain", 1, 20, False), ("fan", 2, 10, False),
                ("chain", 2, 10, True)]

SIZES = {
    "full": {"graphs": FULL_GRAPHS, "runs": 60, "warmup": 5, "procs": 5,
             "iters": {"getcpu": 10000000, "thread": 5000, "dlopen": 2000},
             "rss_runs": 5},
    "smoke": {"graphs": SMOKE_GRAPHS, "runs": 5, "warmup": 1, "procs": 1,
              "iters": {"getcpu": 100000, "thread": 50, "dlopen": 20},
              "rss_runs": 1},
}

# The report's loader columns for start-up, in order.
STARTUP_LOADERS = ["ld-rseq", "glibc-now", "glibc-lazy", "musl", "static-pie"]
# The file suffix of the program copy each loader runs (glibc's two modes share one).
VARIANT = {"ld-rseq": "ld-rseq", "glibc-now": "glibc", "glibc-lazy": "glibc", "musl": "musl"}
RUNTIMES = ["ld-rseq", "glibc", "musl"]

PROG_CFLAGS = ["-O2", "-Wall", "-Wextra", "-Werror", "-fPIC", "-ffreestanding",
               "-fno-builtin", "-fno-stack-protector", "-fno-asynchronous-unwind-tables",
               "-nostdlib", "-Wl,-z,noexecstack", "-I" + HERE]


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


def na(why):
    return {"ok": False, "na": True, "why": why}


def loaders(args):
    """name -> (interpreter, extra environment) for the dynamic start-up runs."""
    return {
        "ld-rseq": (args.ldso, {}),
        "glibc-now": (args.glibc_ldso, {"LD_BIND_NOW": "1"}),
        "glibc-lazy": (args.glibc_ldso, {}),
        "musl": (args.musl_ldso, {}),
    }


def variant(prog, tag, interp):
    """PROG with interpreter INTERP, as PROG.TAG."""
    out = "%s.%s" % (prog, tag)
    graph.set_interp(prog, out, interp)
    return out


def measure_instructions(cmd, env):
    """Instructions of one start-up case, and whether it is worth timing: a
    failing program or an unexpected error becomes a failed cell (for its
    wall time too), never a crashed run."""
    try:
        st = measure.run_status(cmd, env)
        if st != 0:
            return {"ok": False, "why": measure.status_why(st)}, False
        return measure.instructions(cmd, env), True
    except Exception as e:  # noqa: BLE001 -- the report must still be written
        return {"ok": False, "why": "%s: %s" % (type(e).__name__, e)}, False


def measure_wall(cases, size):
    try:
        return measure.wall_times(cases, size["runs"], size["warmup"])
    except Exception as e:  # noqa: BLE001 -- the report must still be written
        why = "%s: %s" % (type(e).__name__, e)
        return {name: {"ok": False, "why": why} for name in cases}


def startup_cases(args, size):
    out = []
    ld = loaders(args)
    for shape, libs, funcs, ver in size["graphs"]:
        name = graph.graph_name(shape, libs, funcs, ver)
        log("building graph " + name)
        try:
            meta = graph.build_graph(os.path.join(args.work, "graphs"), shape, libs, funcs, ver)
        except RuntimeError as e:
            log(str(e))
            out.append({"name": name, "shape": shape, "libs": libs, "funcs": funcs,
                        "versioned": ver, "relocs": None,
                        "results": {l: {"instr": na("build failed"), "wall": na("build failed")}
                                    for l in STARTUP_LOADERS}})
            continue
        res, timed = {}, {}
        for lname in STARTUP_LOADERS:
            if lname == "static-pie":
                cmd, env = [meta["static"]], {}
            else:
                interp, env = ld[lname]
                if lname == "musl" and ver:
                    res[lname] = {"instr": na("n/a"), "wall": na("n/a")}
                    continue
                if not os.path.exists(interp):
                    res[lname] = {"instr": na("not available"), "wall": na("not available")}
                    continue
                try:
                    cmd = [variant(meta["prog"], VARIANT[lname], interp)]
                except (OSError, ValueError) as e:
                    res[lname] = {"instr": {"ok": False, "why": str(e)},
                                  "wall": {"ok": False, "why": str(e)}}
                    continue
            log("  %s under %s" % (name, lname))
            instr, runs = measure_instructions(cmd, env)
            res[lname] = {"instr": instr}
            if runs:
                timed[lname] = (cmd, env)
            else:
                res[lname]["wall"] = instr
        log("  %s: wall time, loaders in turn" % name)
        for lname, r in measure_wall(timed, size).items():
            res[lname]["wall"] = r
        meta = dict(meta, results=res)
        out.append(meta)
    return out


def startup_profile(startup):
    """Where ld-rseq's start-up instructions go, on the unversioned graph with
    the most relocations that it runs."""
    graphs = [g for g in startup if not g["versioned"] and g.get("relocs")
              and g["results"]["ld-rseq"]["instr"].get("ok")]
    if not graphs:
        return na("no graph ran under ld-rseq")
    g = max(graphs, key=lambda g: (g["relocs"], g["libs"]))
    log("profiling ld-rseq on " + g["name"])
    res = measure.profile([g["prog"] + "." + VARIANT["ld-rseq"]])
    res["graph"] = g["name"]
    return res


def build_micro(args, runtime, src, out, extra=()):
    """Build one micro benchmark for RUNTIME; None when that is not possible."""
    cc = {"glibc": ["gcc", "-pthread"], "musl": ["musl-gcc"], "ld-rseq": [args.rseq_cc]}[runtime]
    if not shutil.which(cc[0]) and not os.access(cc[0], os.X_OK):
        return None
    cmd = cc + ["-O2", "-Wall", "-Wextra", "-iquote", os.path.join(os.path.dirname(HERE), "include"),
                "-o", out, os.path.join(HERE, "micro", src)]
    cmd += list(extra)
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode != 0:
        log("%s: build of %s failed:\n%s" % (runtime, src, r.stdout[-1500:]))
        return None
    return out


def micro(args, size):
    d = os.path.join(args.work, "micro")
    os.makedirs(d, exist_ok=True)
    dl_lib = os.path.join(d, "libbench_dl.so")
    subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-nostdlib", "-o", dl_lib,
                    os.path.join(HERE, "micro", "dl_target.c")], check=True)
    # benchmark -> (source, iteration key, extra argv, extra link args per runtime)
    progs = {
        "getcpu": ("getcpu.c", [], {}),
        "thread": ("thread.c", [], {}),
        "dlopen": ("dlopen.c", [dl_lib], {"glibc": ["-ldl"]}),
    }
    ops = {k: {} for k in ("sched_getcpu", "cpu_id_read", "thread_create_join",
                           "dlopen_dlsym_dlclose", "dlsym")}
    owners = {"getcpu": ["sched_getcpu", "cpu_id_read"], "thread": ["thread_create_join"],
              "dlopen": ["dlopen_dlsym_dlclose", "dlsym"]}
    for key, (src, argv, link) in progs.items():
        for rt in RUNTIMES:
            exe = build_micro(args, rt, src, os.path.join(d, "%s.%s" % (key, rt)),
                              link.get(rt, []))
            if exe is None:
                for op in owners[key]:
                    ops[op][rt] = na("not available")
                continue
            log("  micro %s under %s" % (key, rt))
            samples = {}
            why = None
            for _ in range(size["procs"]):
                st, text = measure.run_output([exe, str(size["iters"][key])] + argv,
                                              timeout=120)
                if st != 0:
                    why = measure.status_why(st)
                    break
                for line in text.splitlines():
                    f = line.split()
                    try:
                        samples.setdefault(f[0], []).append(float(f[1]))
                    except (IndexError, ValueError):
                        why = "unexpected output %r" % line[:60]
                if why:
                    break
            for op in owners[key]:
                if why:
                    ops[op][rt] = {"ok": False, "why": why}
                elif op in samples:
                    ops[op][rt] = {"ok": True, "value": statistics.median(samples[op]),
                                   "runs": len(samples[op])}
                elif op == "cpu_id_read" and rt == "musl":
                    ops[op][rt] = na("n/a")
                else:
                    ops[op][rt] = na("not available")
    return ops


def entry_rss(args, size):
    d = os.path.join(args.work, "rss")
    os.makedirs(d, exist_ok=True)
    src = os.path.join(HERE, "entry_rss.c")
    prog, static = os.path.join(d, "entry_rss"), os.path.join(d, "entry_rss.static")
    subprocess.run(["gcc"] + PROG_CFLAGS + ["-pie", "-Wl,--dynamic-linker=" +
                                            graph.PLACEHOLDER_INTERP, "-o", prog, src], check=True)
    subprocess.run(["gcc"] + PROG_CFLAGS + ["-static-pie", "-o", static, src], check=True)
    cases = {"ld-rseq": args.ldso, "glibc": args.glibc_ldso, "musl": args.musl_ldso,
             "static-pie": None}
    out = {}
    for name, interp in cases.items():
        if interp is not None and not os.path.exists(interp):
            out[name] = na("not available")
            continue
        cmd = [static if interp is None else variant(prog, name, interp)]
        vals, why = {}, None
        for _ in range(size["rss_runs"]):
            st, text = measure.run_output(cmd, timeout=30)
            if st != 0:
                why = measure.status_why(st)
                break
            for line in text.splitlines():
                f = line.replace(":", " ").split()
                if len(f) >= 2 and f[1].isdigit():
                    vals.setdefault(f[0], []).append(int(f[1]))
        if why or "VmRSS" not in vals:
            out[name] = {"ok": False, "why": why or "no VmRSS line"}
        else:
            out[name] = {"ok": True, "value": statistics.median(vals["VmRSS"]),
                         "anon": statistics.median(vals.get("RssAnon", [0])),
                         "file": statistics.median(vals.get("RssFile", [0]))}
    return out


def sizes(args):
    out = {"ld-rseq": measure.size_of(args.ldso), "glibc": measure.size_of(args.glibc_ldso),
           "musl": measure.size_of(args.musl_ldso)}
    if out["ld-rseq"].get("ok"):
        out["ld-rseq"]["parts"] = measure.size_parts(out["ld-rseq"]["path"],
                                                     out["ld-rseq"]["value"])
    return out


def _first_line(cmd, stream="stdout"):
    try:
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           timeout=10)
        text = (r.stdout if stream == "stdout" else r.stderr).strip()
        return " ".join(text.splitlines()[:2]) if text else "unknown"
    except (OSError, subprocess.TimeoutExpired):
        return "not installed"


def machine(args):
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        load = " ".join(open("/proc/loadavg").read().split()[:3])
    except OSError:
        load = "unknown"
    return {
        "cpu": cpu, "cores": os.cpu_count(), "kernel": platform.release(), "load": load,
        "glibc": _first_line(["getconf", "GNU_LIBC_VERSION"]).replace("glibc ", ""),
        "musl": _first_line([args.musl_ldso], "stderr").split()[-1],
        "gcc": _first_line(["gcc", "-dumpfullversion"]),
        "valgrind": _first_line(["valgrind", "--version"]),
    }


def section(name, fn, empty):
    """One part of the report; if it breaks, its cells say so and the rest
    of the report is still written."""
    try:
        return fn()
    except Exception as e:  # noqa: BLE001
        log("%s failed: %s: %s" % (name, type(e).__name__, e))
        return empty


def main():
    top = os.path.dirname(HERE)
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", choices=sorted(SIZES), default="full")
    ap.add_argument("--work", default=os.path.join(top, "build", "bench"))
    ap.add_argument("--report", default=os.path.join(HERE, "REPORT.md"))
    ap.add_argument("--svg", default=os.path.join(HERE, "startup.svg"))
    ap.add_argument("--ldso", default=os.path.join(top, "build", "ld-rseq.so.1"))
    ap.add_argument("--rseq-cc", default=os.path.join(top, "build", "rseq-cc"))
    ap.add_argument("--glibc-ldso", default="/lib64/ld-linux-x86-64.so.2")
    ap.add_argument("--musl-ldso", default="/lib/ld-musl-x86_64.so.1")
    args = ap.parse_args()
    for a in ("work", "report", "svg", "ldso", "rseq_cc"):
        setattr(args, a, os.path.abspath(getattr(args, a)))
    size = SIZES[args.size]
    os.makedirs(args.work, exist_ok=True)

    date = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    mach = machine(args)
    startup = section("start-up", lambda: startup_cases(args, size), [])
    results = {
        "size": args.size,
        "date": date,
        "machine": mach,
        "runs": size["runs"],
        "startup": startup,
        "profile": section("profile", lambda: startup_profile(startup), {}),
        "micro": section("micro", lambda: micro(args, size), {}),
        "rss": section("rss", lambda: entry_rss(args, size), {}),
        "size_bytes": section("size", lambda: sizes(args), {}),
    }
    with open(os.path.join(args.work, "results-%s.json" % args.size), "w") as f:
        json.dump(results, f, indent=1)
    report.write(results, args.report, args.svg)
    log("wrote %s and %s" % (args.report, args.svg))


if __name__ == "__main__":
    main()
