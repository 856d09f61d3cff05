"""Run one command and measure it: exit status, instruction count under
callgrind, wall time over many runs.  Every function returns a result dict and
never raises for a failing program: a loader that cannot run a case yet is a
"failed" cell in the report, not a crashed benchmark."""

import json
import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time

# A clean environment: nothing inherited may steer a loader.
BASE_ENV = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LC_ALL": "C"}


def env_with(extra):
    env = dict(BASE_ENV)
    env.update(extra or {})
    return env


def run_status(cmd, env=None, timeout=30):
    """Exit status of CMD (negative: killed by that signal; None: timed out)."""
    try:
        r = subprocess.run(cmd, env=env_with(env), stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=timeout)
        return r.returncode
    except subprocess.TimeoutExpired:
        return None
    except OSError:
        return 126


def run_output(cmd, env=None, timeout=60):
    """(status, stdout) of CMD; status None on timeout or exec failure."""
    try:
        r = subprocess.run(cmd, env=env_with(env), stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, text=True, timeout=timeout)
        return r.returncode, r.stdout
    except (subprocess.TimeoutExpired, OSError):
        return None, ""


def _failed(why):
    return {"ok": False, "why": why}


def status_why(st):
    if st is None:
        return "timed out"
    if st < 0:
        return "killed by signal %d" % -st
    return "exit status %d" % st


def instructions(cmd, env=None, timeout=300):
    """Instructions executed from the first user instruction to exit, counted
    by callgrind (which makes rseq fail with ENOSYS: loaders must cope)."""
    if not shutil.which("valgrind"):
        return {"ok": False, "why": "valgrind not installed", "na": True}
    vcmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
            "--error-exitcode=0"] + cmd
    try:
        r = subprocess.run(vcmd, env=env_with(env), stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as ex:
        return _failed(str(ex))
    m = re.search(r"Collected : (\d+)", r.stderr)
    if r.returncode != 0 or not m:
        return _failed(status_why(r.returncode) + " under valgrind")
    return {"ok": True, "value": int(m.group(1))}


def _summary(samples_us):
    s = sorted(samples_us)
    q = statistics.quantiles(s, n=4) if len(s) >= 2 else [s[0]] * 3
    return {"ok": True, "value": statistics.median(s), "p25": q[0], "p75": q[2],
            "min": s[0], "runs": len(s)}


def wall_times(cases, runs=50, warmup=5):
    """Median and quartiles of the wall time, in microseconds, of each case
    ({name: (cmd, env)}), fork and exec included.  The cases take turns run
    by run (each round starting with the next case), so a shift in the
    machine's load hits every loader alike instead of whichever was being
    measured at the time.  The cases have run to exit status 0 once
    (run_status, which has a timeout); a run that fails here fails its case."""
    out = {}
    live = [(name, cmd, env_with(env)) for name, (cmd, env) in cases.items()]
    samples = {name: [] for name, _, _ in live}
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        acts = [(os.POSIX_SPAWN_DUP2, null, 1), (os.POSIX_SPAWN_DUP2, null, 2)]
        for k in range(warmup + runs):
            for i in range(len(live)):
                name, cmd, env = live[(i + k) % len(live)]
                if name in out:
                    continue
                t0 = time.perf_counter_ns()
                try:
                    pid = os.posix_spawn(cmd[0], cmd, env, file_actions=acts)
                    _, status = os.waitpid(pid, 0)
                except OSError as ex:
                    out[name] = _failed(str(ex))
                    continue
                t1 = time.perf_counter_ns()
                st = os.waitstatus_to_exitcode(status)
                if st != 0:
                    out[name] = _failed(status_why(st))
                elif k >= warmup:
                    samples[name].append((t1 - t0) / 1e3)
    finally:
        os.close(null)
    for name, v in samples.items():
        if name not in out:
            out[name] = _summary(v)
    return out


def size_of(path):
    """text/data/bss of an ELF file from binutils size (Berkeley format)."""
    real = os.path.realpath(path)
    if not os.path.exists(real):
        return {"ok": False, "why": "not available", "na": True}
    try:
        out = subprocess.run(["size", real], stdout=subprocess.PIPE, text=True,
                             check=True).stdout.splitlines()[1].split()
    except (subprocess.CalledProcessError, OSError, IndexError):
        return _failed("size failed")
    text, data, bss = int(out[0]), int(out[1]), int(out[2])
    return {"ok": True, "path": real, "file": os.path.getsize(real), "text": text,
            "data": data, "bss": bss, "value": text + data + bss}


SIZE_PARTS = [("rtld/", "loader core: rtld/"), ("tcb/", "TLS, TCB and rseq: tcb/"),
              ("auxv/", "auxv/ and tunables/"), ("tunables/", "auxv/ and tunables/"),
              ("arch/", "arch/"), ("rt/", "runtime: rt/")]


def size_parts(path, top):
    """Where a loader's text+data+bss goes: functions and variables by source
    directory (from the debug line info nm prints), the dynamic symbol tables,
    and the rest (string literals, relocations, padding).  top is the total
    from size_of."""
    exe = shutil.which("nm"), shutil.which("readelf")
    if not all(exe):
        return {"ok": False, "why": "binutils not installed", "na": True}
    try:
        nm = subprocess.run(["nm", "-S", "-l", "-t", "d", "--defined-only", path],
                            stdout=subprocess.PIPE, text=True, check=True).stdout
        sec = subprocess.run(["readelf", "-SW", path], stdout=subprocess.PIPE, text=True,
                             check=True).stdout
    except (subprocess.CalledProcessError, OSError):
        return _failed("nm or readelf failed")
    parts, seen = {}, set()
    for line in nm.splitlines():
        sym, _, where = line.partition("\t")
        f = sym.split()
        if len(f) < 4 or f[0] in seen or f[2] in "aAN" or not where:
            continue
        seen.add(f[0])
        m = re.search(r"(?:^|/)((?:rtld|tcb|auxv|tunables|arch|rt)/(?:[^/]+/)?[^/]+):\d+$",
                      where)
        label = m and next((lab for pre, lab in SIZE_PARTS if m.group(1).startswith(pre)), None)
        if label:
            parts[label] = parts.get(label, 0) + int(f[1])
    tables = 0
    for m in re.finditer(r"\.(dynsym|dynstr|gnu\.hash|hash)\s+\S+\s+\S+\s+\S+\s+([0-9a-f]+)",
                         sec):
        tables += int(m.group(2), 16)
    parts["dynamic symbol tables (exports)"] = tables
    parts["other: string literals, assembly, relocations, padding"] = top - sum(parts.values())
    return {"ok": True, "value": parts}


def profile(cmd, env=None, top=10, timeout=300):
    """The TOP functions by instructions executed in them (callgrind +
    callgrind_annotate): [(instructions, "file:function"), ...]."""
    if not shutil.which("valgrind") or not shutil.which("callgrind_annotate"):
        return {"ok": False, "why": "valgrind not installed", "na": True}
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "callgrind.out")
        try:
            r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=" + out]
                               + cmd, env=env_with(env), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, timeout=timeout)
            if r.returncode != 0:
                return _failed(status_why(r.returncode) + " under valgrind")
            text = subprocess.run(["callgrind_annotate", out], stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, text=True, timeout=60).stdout
        except (OSError, subprocess.TimeoutExpired) as ex:
            return _failed(str(ex))
    rows = []
    for line in text.split("file:function", 1)[-1].splitlines():
        m = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+(.+?)(?: \[.*\])?$", line)
        if m:
            rows.append((int(m.group(1).replace(",", "")), m.group(2)))
    return {"ok": True, "value": rows[:top]}
