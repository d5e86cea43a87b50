#!/usr/bin/env python3
"""nnstep's benchmark (`make bench`): the three workloads through nnstep's release binary in
script mode, the same workloads in the peers (numpy from scratch, PyTorch, micrograd), start-up
time and peak memory. Prints one JSON line per run, then a table of every goal with its
measured number and PASS or FAIL. See Benchmarks/README.md.

Exit status: 0 when every final loss agrees (even if a speed or memory goal fails: this is a
report), 1 when a final loss or an update count disagrees or a run fails, 2 on a usage error.

usage: python3 Benchmarks/run.py [--peers numpy,torch,micrograd] [--repeat 5] [--peer-repeat 3]
                                 [--workloads tiny,digits,deep] [--binary PATH]
"""
import argparse
import importlib.util
import json
import os
import pty
import re
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import bigdata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "Benchmarks")
SCRIPTS = os.path.join(BENCH, "scripts")
PEERS_DIR = os.path.join(BENCH, "peers")

WORKLOADS = ["tiny", "digits", "deep", "mnist"]
EXPECTED_UPDATES = {"tiny": 40_000, "digits": 1_140, "deep": 2_000, "mnist": 313}
# The peers' published final losses (../shared/bench/README.md), rounded to 10 decimals.
PUBLISHED = {"tiny": 0.0304784501, "digits": 0.1053431640, "deep": 0.2496360353}
AGREEMENT = 1e-9            # relative, between implementations in this run
PUBLISHED_ROUNDING = 5e-11  # half a unit in the 10th decimal of a published value

# peer name -> (Python module it needs, script, workloads it fits)
PEERS = {
    "numpy": ("numpy", "numpy_peer.py", WORKLOADS),
    "torch": ("torch", "torch_peer.py", ["tiny", "digits", "deep"]),
    "micrograd": ("micrograd", "micrograd_peer.py", ["tiny"]),  # no exp/log in micrograd
    # numpy with its BLAS on one thread, as nnstep trains: runs beside numpy on mnist
    "numpy-1-thread": ("numpy", "numpy_peer.py", ["mnist"]),
}
PEER_ENV = {"numpy-1-thread": {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}}

# digits: FLOPs per sample, forward 2*(64*32 + 32*10) multiply-adds counted as 2, backward ~2x
DIGITS_FORWARD_FLOPS = 2 * (64 * 32 + 32 * 10)
DIGITS_FLOPS_PER_SAMPLE = 3 * DIGITS_FORWARD_FLOPS
DIGITS_SAMPLES = 20 * 1797

GOALS = {
    "tiny_vs_numpy": 200.0,       # x numpy's updates per second, at least
    "digits_vs_numpy": 1.0,       # nnstep's time / numpy's, at most
    "digits_vs_peak": 3.0,        # peak / achieved GFLOP/s, at most
    "deep_vs_numpy": 100.0,       # x numpy's updates per second, at least
    "mnist_vs_numpy": 2.0,        # x numpy's updates per second, at least (recording on)
    "recording": 0.10,            # recording on slows training by at most 10 %
    "first_prompt_ms": 15.0,
    "five_lines_ms": 20.0,
    "tiny_mb": 15.0,
    "digits_mb": 30.0,
    "flat_mb": 1.0,               # 10 k -> 1 M updates grows memory by at most 1 MB (< 1 byte/update)
}


def fail(message):
    print(f"run.py: {message}", file=sys.stderr)
    sys.exit(2)


# ------------------------------------------------------------------ the machine
def find_binary(explicit):
    if explicit:
        path = explicit
    else:
        try:
            out = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT,
                                 capture_output=True, text=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError) as error:
            fail(f"cannot ask swift for the release folder ({error}); pass --binary PATH")
        path = os.path.join(out.strip().splitlines()[-1], "nnstep")
    if not os.access(path, os.X_OK):
        fail(f"no release binary at {path}: run `make build` (or use `make bench`)")
    return path


def cpu_peak():
    """(GFLOP/s of one core, explanation) from /proc/cpuinfo flags and the highest clock"""
    flags, mhz, model = set(), [], "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                key, _, value = line.partition(":")
                key = key.strip()
                if key == "flags":
                    flags |= set(value.split())
                elif key == "cpu MHz":
                    mhz.append(float(value))
                elif key == "model name":
                    model = value.strip()
    except OSError:
        pass
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if line.startswith("CPU max MHz:"):
                mhz.append(float(line.split(":")[1]))
    except OSError:
        pass
    if "avx512f" in flags:
        per_cycle, why = 32, "avx512f: 2 FMA x 8 doubles x 2"
    elif "avx2" in flags and "fma" in flags:
        per_cycle, why = 16, "avx2+fma: 2 FMA x 4 doubles x 2"
    else:
        per_cycle, why = 4, "SSE2: 2 doubles x 2"
    clock = max(mhz) if mhz else 0.0
    return per_cycle * clock / 1000.0, f"{model}, {per_cycle} flop/cycle ({why}) x {clock:.0f} MHz, one core"


def gnu_time():
    """GNU time, which measures a child's peak memory from a small process of its own"""
    tool = shutil.which("time") or ("/usr/bin/time" if os.path.exists("/usr/bin/time") else None)
    if not tool:
        return None
    with tempfile.NamedTemporaryFile() as out:
        try:
            ok = subprocess.run([tool, "-f", "%M", "-o", out.name, "true"],
                                capture_output=True).returncode == 0
            return tool if ok and open(out.name).read().strip().isdigit() else None
        except OSError:
            return None


# ------------------------------------------------------------------ nnstep
class NNStep:
    def __init__(self, binary, time_tool, scratch):
        self.binary, self.time_tool, self.scratch = binary, time_tool, scratch
        self.env = dict(os.environ, NO_COLOR="1")
        self.count = 0

    def run_lines(self, lines):
        """runs the lines as `nnstep --script FILE` from the repository root; (stdout, max RSS in KB)"""
        self.count += 1
        script = os.path.join(self.scratch, f"run{self.count}.nn")
        with open(script, "w") as f:
            f.write("\n".join(lines) + "\n")
        command = [self.binary, "--script", script]
        rss_file = os.path.join(self.scratch, f"run{self.count}.rss")
        if self.time_tool:
            command = [self.time_tool, "-f", "%M", "-o", rss_file] + command
        done = subprocess.run(command, cwd=ROOT, env=self.env, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"nnstep --script failed (status {done.returncode}):\n"
                               + "\n".join(lines) + "\n" + done.stderr.strip())
        rss = None
        if self.time_tool:
            with open(rss_file) as f:
                rss = int(f.read().split()[-1])
        return done.stdout, rss

    @staticmethod
    def exported(stdout):
        """the state that the script's last `export json` printed"""
        head, marker, tail = stdout.rpartition("> export json\n")
        if not marker:
            raise RuntimeError("the script printed no `export json`")
        state, _ = json.JSONDecoder().raw_decode(tail)
        return state


def workload_lines(name, recording):
    with open(os.path.join(SCRIPTS, f"{name}.nn")) as f:
        lines = [line.strip() for line in f if line.strip() and not line.strip().startswith("#")]
    if not recording:  # after the network and data lines, before the training command
        first = next(i for i, line in enumerate(lines) if line.split()[0] in ("epoch", "step"))
        lines.insert(first, "set recording off")
    return lines


def first_prompt_ms(binary, home):
    """time from spawning nnstep on a pseudo-terminal to the first `nnstep> ` on it"""
    env = dict(os.environ, HOME=home, TERM=os.environ.get("TERM", "xterm"))
    ansi = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        try:
            os.execve(binary, [binary], env)
        finally:
            os._exit(127)
    seen, elapsed = b"", None
    try:
        deadline = start + 10
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.5)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if b"nnstep> " in ansi.sub(b"", seen):
                elapsed = (time.perf_counter() - start) * 1000
                break
        os.write(fd, b"quit\n")
        while select.select([fd], [], [], 2)[0]:
            try:
                if not os.read(fd, 65536):
                    break
            except OSError:
                break
    finally:
        try:
            os.close(fd)
        except OSError:
            pass
        _, status = os.waitpid(pid, 0)
    if elapsed is None:
        raise RuntimeError("nnstep showed no `nnstep> ` prompt on a terminal:\n"
                           + seen.decode(errors="replace")[-400:])
    return elapsed


def script_ms(binary, script):
    start = time.perf_counter()
    done = subprocess.run([binary, "--script", script], cwd=ROOT, capture_output=True)
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{script} failed: {done.stderr.decode(errors='replace')}")
    return elapsed


# ------------------------------------------------------------------ peers
def run_peer(peer, workload):
    _, script, _ = PEERS[peer]
    done = subprocess.run([sys.executable, os.path.join(PEERS_DIR, script), workload],
                          cwd=ROOT, capture_output=True, text=True,
                          env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1", **PEER_ENV.get(peer, {})))
    if done.returncode != 0:
        raise RuntimeError(f"{peer} {workload} failed (status {done.returncode}): "
                           + done.stderr.strip()[-600:])
    return json.loads(done.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------ the report
def emit(line):
    print(json.dumps(line), flush=True)


def note(text):
    print(f"# {text}", file=sys.stderr, flush=True)


def rel(a, b):
    return abs(a - b) / max(abs(b), 1e-300)


def verdict(ok):
    return "PASS" if ok else "FAIL"


def mb(kb):
    return kb * 1024 / 1e6


def fmt_rate(updates_per_second):
    if updates_per_second >= 1e6:
        return f"{updates_per_second / 1e6:.2f} M updates/s"
    return f"{updates_per_second / 1e3:.1f} k updates/s"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--peers", default="numpy,torch,micrograd",
                        help="comma list of numpy, torch, micrograd (empty or 'none': no peers)")
    parser.add_argument("--workloads", default=",".join(WORKLOADS))
    parser.add_argument("--repeat", type=int, default=5, help="nnstep runs per workload and recording setting")
    parser.add_argument("--peer-repeat", type=int, default=3, help="runs per peer and workload")
    parser.add_argument("--startup-repeat", type=int, default=10, help="first-prompt and five-line-script runs")
    parser.add_argument("--binary", help="the nnstep binary (default: swift's release folder)")
    args = parser.parse_args()

    peers = [p.strip() for p in args.peers.split(",") if p.strip() and p.strip() != "none"]
    if "numpy" in peers and "numpy-1-thread" not in peers:
        peers.append("numpy-1-thread")
    for p in peers:
        if p not in PEERS:
            fail(f"unknown peer '{p}' (expected {', '.join(PEERS)})")
    workloads = [w.strip() for w in args.workloads.split(",") if w.strip()]
    for w in workloads:
        if w not in WORKLOADS:
            fail(f"unknown workload '{w}' (expected {', '.join(WORKLOADS)})")
    if min(args.repeat, args.peer_repeat, args.startup_repeat) < 1:
        fail("repeats must be at least 1")

    binary = find_binary(args.binary)
    peak_gflops, peak_text = cpu_peak()
    time_tool = gnu_time()
    load_before = os.getloadavg()[0]
    note(f"nnstep: {binary}")
    note(f"CPU peak: {peak_gflops:.1f} GFLOP/s ({peak_text})")
    if not time_tool:
        note("GNU time is not installed (apt-get install time): the memory rows are skipped")

    problems = []          # disagreements and failures: exit status 1
    nn = {}                # workload -> {"on": [...], "off": [...]} of result lines
    peer_runs = {}         # (peer, workload) -> [result lines]
    skipped = {}           # peer -> reason

    if "mnist" in workloads:
        bigdata.prepare(note)

    with tempfile.TemporaryDirectory(prefix="nnstep-bench-") as scratch:
        runner = NNStep(binary, time_tool, scratch)
        csv_lines = bigdata.measure_loads(runner, peers, args.peer_repeat, note, emit, problems) \
            if "mnist" in workloads else {}

        # ---- nnstep: recording on and off, alternated so that drift hits both alike
        for w in workloads:
            nn[w] = {"on": [], "off": []}
            for i in range(args.repeat):
                for setting in ("on", "off"):
                    try:
                        stdout, rss = runner.run_lines(workload_lines(w, setting == "on"))
                        state = NNStep.exported(stdout)
                    except RuntimeError as error:
                        problems.append(f"nnstep {w}: {error}")
                        note(f"nnstep {w} failed: {error}")
                        break
                    line = {"workload": w, "peer": "nnstep",
                            "train_seconds": state["last_run"]["seconds"],
                            "updates": state["last_run"]["updates"],
                            "final_loss": state["data_loss"], "recording": setting,
                            "max_rss_kb": rss, "run": i + 1}
                    nn[w][setting].append(line)
                    emit(line)

        # ---- peers
        for p in peers:
            module, _, fits = PEERS[p]
            if importlib.util.find_spec(module) is None:
                skipped[p] = f"{module} is not installed (pip install {module})"
                note(f"skipping {p}: {skipped[p]}")
                continue
            for w in workloads:
                if w not in fits:
                    continue
                runs = peer_runs.setdefault((p, w), [])
                for i in range(args.peer_repeat):
                    try:
                        line = run_peer(p, w)
                    except RuntimeError as error:
                        problems.append(str(error))
                        note(str(error))
                        break
                    line["run"] = i + 1
                    runs.append(line)
                    emit(line)

        # ---- start-up: first prompt on a terminal, a five-line script
        home = os.path.join(scratch, "home")
        os.makedirs(home)
        prompts, scripts = [], []
        five = os.path.join(SCRIPTS, "five_lines.nn")
        try:
            first_prompt_ms(binary, home)      # warm-up, not counted
            for _ in range(args.startup_repeat):
                prompts.append(first_prompt_ms(binary, home))
            script_ms(binary, five)
            for _ in range(args.startup_repeat):
                scripts.append(script_ms(binary, five))
        except (RuntimeError, OSError) as error:
            problems.append(f"start-up: {error}")
            note(f"start-up measurement failed: {error}")
        if prompts:
            emit({"workload": "first-prompt", "peer": "nnstep", "median_ms": statistics.median(prompts),
                  "runs_ms": prompts})
        if scripts:
            emit({"workload": "five-line-script", "peer": "nnstep", "median_ms": statistics.median(scripts),
                  "runs_ms": scripts})

        # ---- memory over a million updates against ten thousand
        flat = {}
        if time_tool:
            base = ["net 2-2-1 init=0.1", "data placement", "set lr 0.001"]
            for label, small, large, per in (("epoch", 2_500, 250_000, 4), ("step", 10_000, 1_000_000, 1)):
                for count in (small, large):
                    rss = []
                    for _ in range(3):
                        try:
                            rss.append(runner.run_lines(base + [f"{label} {count}"])[1])
                        except RuntimeError as error:
                            problems.append(f"memory run: {error}")
                            break
                    if rss:
                        flat[(label, count)] = statistics.median(rss)
                        emit({"workload": "tiny-memory", "peer": "nnstep", "command": f"{label} {count}",
                              "updates": count * per, "max_rss_kb": flat[(label, count)]})
    load_after = os.getloadavg()[0]

    # ------------------------------------------------------------------ the table
    def med(lines, key="train_seconds"):
        return statistics.median(line[key] for line in lines) if lines else None

    rows = []  # (goal, measured, target, result)

    def ratio_rows(w, goal_key, kind):
        on = nn.get(w, {}).get("on")
        if not on:
            return
        t_nn = med(on)
        for p in peers:
            if w not in PEERS[p][2]:
                continue
            if p in skipped:
                rows.append((f"{w}: vs {p}", f"skipped: {skipped[p]}", "", "—"))
                continue
            runs = peer_runs.get((p, w))
            if not runs:
                if w not in PEERS[p][2]:
                    continue
                rows.append((f"{w}: vs {p}", "no successful run", "", "FAIL"))
                continue
            t_p = med(runs)
            is_goal = p == "numpy" and goal_key
            if kind == "rate":
                r = (EXPECTED_UPDATES[w] / t_nn) / (EXPECTED_UPDATES[w] / t_p)
                measured = (f"nnstep {fmt_rate(EXPECTED_UPDATES[w] / t_nn)}, {p} "
                            f"{fmt_rate(EXPECTED_UPDATES[w] / t_p)}: " + (f"{r:,.0f}×" if r >= 10 else f"{r:.2f}×"))
                target = f"≥ {GOALS[goal_key]:.0f}×" if is_goal else "(no goal)"
                result = verdict(r >= GOALS[goal_key]) if is_goal else "info"
                rows.append((f"{w}: updates/s vs {p}", measured, target, result))
            else:
                r = t_nn / t_p
                speed = f"{1 / r:.1f}× faster" if r <= 1 else f"{r:.1f}× slower"
                measured = (f"nnstep {t_nn * 1000:.2f} ms, {p} {t_p * 1000:.2f} ms: "
                            f"{r:.2f}× {p}'s time ({speed})")
                target = f"≤ {GOALS[goal_key]:.0f}× numpy's time" if is_goal else "(no goal)"
                result = verdict(r <= GOALS[goal_key]) if is_goal else "info"
                rows.append((f"{w}: training time vs {p}", measured, target, result))

    if "tiny" in workloads:
        ratio_rows("tiny", "tiny_vs_numpy", "rate")
    if "digits" in workloads:
        ratio_rows("digits", "digits_vs_numpy", "time")
        if nn["digits"]["on"]:
            t = med(nn["digits"]["on"])
            gflops = DIGITS_FLOPS_PER_SAMPLE * DIGITS_SAMPLES / t / 1e9
            if peak_gflops > 0:
                below = peak_gflops / gflops
                rows.append(("digits: GFLOP/s vs the CPU's peak",
                             f"{gflops:.1f} of {peak_gflops:.1f} GFLOP/s: {below:.1f}× below peak",
                             f"within {GOALS['digits_vs_peak']:.0f}×", verdict(below <= GOALS["digits_vs_peak"])))
            for p in ("numpy", "torch"):
                if peer_runs.get((p, "digits")):
                    g = DIGITS_FLOPS_PER_SAMPLE * DIGITS_SAMPLES / med(peer_runs[(p, "digits")]) / 1e9
                    rows.append((f"digits: GFLOP/s of {p}", f"{g:.1f} GFLOP/s", "(no goal)", "info"))
    if "deep" in workloads:
        ratio_rows("deep", "deep_vs_numpy", "rate")
    if "mnist" in workloads:
        ratio_rows("mnist", "mnist_vs_numpy", "rate")
        rows.extend(bigdata.load_rows(csv_lines, time_tool is not None))

    for w in workloads:
        on, off = nn[w]["on"], nn[w]["off"]
        if on and off:
            cost = med(on) / med(off) - 1
            rows.append((f"{w}: cost of recording",
                         f"on {med(on) * 1000:.2f} ms, off {med(off) * 1000:.2f} ms: {cost * 100:+.1f}%",
                         f"≤ +{GOALS['recording'] * 100:.0f}%", verdict(cost <= GOALS["recording"])))

    if prompts:
        m = statistics.median(prompts)
        rows.append(("first prompt on a terminal", f"{m:.1f} ms (median of {len(prompts)})",
                     f"≤ {GOALS['first_prompt_ms']:.0f} ms", verdict(m <= GOALS["first_prompt_ms"])))
    if scripts:
        m = statistics.median(scripts)
        rows.append(("five-line script, whole run", f"{m:.1f} ms (median of {len(scripts)})",
                     f"≤ {GOALS['five_lines_ms']:.0f} ms", verdict(m <= GOALS["five_lines_ms"])))

    if time_tool:
        for w, key in (("tiny", "tiny_mb"), ("digits", "digits_mb")):
            runs = nn.get(w, {}).get("on", []) + nn.get(w, {}).get("off", [])
            if runs:
                peak = max(line["max_rss_kb"] for line in runs)
                rows.append((f"{w}: peak memory", f"{mb(peak):.1f} MB (max RSS, largest of {len(runs)} runs)",
                             f"≤ {GOALS[key]:.0f} MB", verdict(mb(peak) <= GOALS[key])))
        for label, small, large in (("epoch", 2_500, 250_000), ("step", 10_000, 1_000_000)):
            if (label, small) in flat and (label, large) in flat:
                a, b = flat[(label, small)], flat[(label, large)]
                per = f"{(b - a) * 1024 / (large - small):.1f} bytes per {label if label == 'epoch' else 'update'}"
                rows.append((f"tiny: memory, `{label} {large:,}` (1 M updates) vs `{label} {small:,}`",
                             f"{mb(a):.1f} MB -> {mb(b):.1f} MB: {mb(b - a):+.2f} MB ({per})",
                             f"≤ +{GOALS['flat_mb']:.0f} MB", verdict(mb(b - a) <= GOALS["flat_mb"])))
    else:
        rows.append(("peak memory", "skipped: GNU time is not installed (apt-get install time)", "", "—"))

    # ---- agreement: final losses and update counts
    for w in workloads:
        nn_runs = nn[w]["on"] + nn[w]["off"]
        if not nn_runs:
            rows.append((f"{w}: final loss", "nnstep did not run", "", "FAIL"))
            problems.append(f"{w}: nnstep did not run")
            continue
        ok = True
        loss = nn_runs[0]["final_loss"]
        parts = [f"nnstep {loss:.12g}"]
        for line in nn_runs:
            if line["updates"] != EXPECTED_UPDATES[w]:
                ok = False
                problems.append(f"{w}: nnstep made {line['updates']} updates, expected {EXPECTED_UPDATES[w]}")
        spread = max(rel(line["final_loss"], loss) for line in nn_runs)
        if spread > AGREEMENT:
            ok = False
            problems.append(f"{w}: nnstep's runs disagree with each other ({spread:.1e})")
        published = PUBLISHED.get(w)  # none for mnist: its data is generated here
        if published is not None:
            off = abs(loss - published)
            if off > AGREEMENT * published + PUBLISHED_ROUNDING:
                ok = False
                problems.append(f"{w}: nnstep {loss!r} disagrees with the published {published}")
            parts.append(f"published {published} (Δ {off:.1e})")
        for p in peers:
            runs = peer_runs.get((p, w))
            if not runs:
                continue
            worst = max(rel(line["final_loss"], loss) for line in runs)
            parts.append(f"{p} rel. Δ {worst:.0e}")
            if worst > AGREEMENT:
                ok = False
                problems.append(f"{w}: nnstep {loss!r} and {p} {runs[0]['final_loss']!r} differ by {worst:.1e}")
            for line in runs:
                if published is not None and abs(line["final_loss"] - published) > AGREEMENT * published + PUBLISHED_ROUNDING:
                    ok = False
                    problems.append(f"{w}: {p} {line['final_loss']!r} disagrees with the published {published}")
        rows.append((f"{w}: final loss agrees", ", ".join(parts),
                     "1e-9 relative", verdict(ok)))

    # ---- print
    print()
    print(f"nnstep benchmark: {len(workloads)} workloads, nnstep median of {args.repeat}, "
          f"peers median of {args.peer_repeat}; load average {load_before:.2f} before, {load_after:.2f} after")
    print(f"CPU peak {peak_gflops:.1f} GFLOP/s = {peak_text}; digits counted as "
          f"3·2·(64·32+32·10) = {DIGITS_FLOPS_PER_SAMPLE} flop/sample × {DIGITS_SAMPLES} samples")
    for p, reason in skipped.items():
        print(f"skipped {p}: {reason}")
    print()
    header = ("goal", "measured", "target", "result")
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(4)]
    print("| " + " | ".join(h.ljust(widths[i]) for i, h in enumerate(header)) + " |")
    print("|" + "|".join("-" * (widths[i] + 2) for i in range(4)) + "|")
    for r in rows:
        print("| " + " | ".join(str(c).ljust(widths[i]) for i, c in enumerate(r)) + " |")
    if problems:
        print()
        print("DISAGREEMENTS / FAILURES:")
        for problem in problems:
            print(f"  - {problem}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
