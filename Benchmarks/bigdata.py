#!/usr/bin/env python3
"""Data at real size for nnstep's benchmark: an MNIST-shaped CSV file (10,000 rows of a
`label` and 784 pixels, 54.9 MB), the initial parameters of a 784-128-10 network, and the
CSV-load measurement of nnstep beside pandas.read_csv and numpy.loadtxt.

The files are generated, never committed: `Benchmarks/data/generated/` (git ignores it).
They are the same bytes on every machine: Python's own `random.Random(2026)`.

usage: python3 Benchmarks/bigdata.py            # writes the files if they are missing
       python3 Benchmarks/bigdata.py load pandas|numpy FILE   # one load, one JSON line
"""
import json
import math
import os
import random
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATED = os.path.join(HERE, "data", "generated")
CSV_PATH = os.path.join(GENERATED, "mnist10k.csv")
NET_PATH = os.path.join(GENERATED, "mnist_net.json")     # nnstep's JSON state (import json)
INIT_PATH = os.path.join(GENERATED, "mnist_init.json")   # 0-based arrays for the Python peers
ROWS, PIXELS, CLASSES, HIDDEN = 10_000, 784, 10, 128
SEED = 2026


def write_csv(path, rng):
    """label first (as MNIST CSV files have it), then 784 pixels p/255 with 4 decimals.

    Each class has a prototype of 150 pixels that are lit with probability 0.6 (others 0.05),
    so the classes can be learnt; about a fifth of the pixels are non-zero, as in MNIST."""
    text = ["%.4f" % (k / 255) for k in range(256)]
    prototypes = [set(rng.sample(range(PIXELS), 150)) for _ in range(CLASSES)]
    with open(path + ".tmp", "w") as f:
        f.write("label," + ",".join(f"p{i}" for i in range(PIXELS)) + "\n")
        for _ in range(ROWS):
            label = rng.randrange(CLASSES)
            proto = prototypes[label]
            row = [text[rng.randrange(1, 256)] if rng.random() < (0.6 if i in proto else 0.05) else text[0]
                   for i in range(PIXELS)]
            f.write(str(label) + "," + ",".join(row) + "\n")
    os.replace(path + ".tmp", path)


def write_parameters(rng):
    """Glorot-uniform weights (a = √(6/(n_in + n_out))), biases 0, in both forms."""
    sizes = [PIXELS, HIDDEN, CLASSES]
    arrays, names = {}, {}
    for k in (1, 2):
        n_in, n_out = sizes[k - 1], sizes[k]
        a = math.sqrt(6 / (n_in + n_out))
        w = [[rng.uniform(-a, a) for _ in range(n_out)] for _ in range(n_in)]
        arrays[f"w{k}"], arrays[f"b{k}"] = w, [0.0] * n_out
        for i in range(n_in):
            for j in range(n_out):
                names[f"w{k}_{i + 1}_{j + 1}"] = w[i][j]
        for j in range(n_out):
            names[f"b{k}_{j + 1}"] = 0.0
    state = {"network": {"sizes": sizes, "activations": ["sigmoid", "softmax"], "loss": "cce"},
             "parameters": names}
    for path, content in ((NET_PATH, state), (INIT_PATH, {"layer_sizes": sizes, "arrays": arrays})):
        with open(path + ".tmp", "w") as f:
            json.dump(content, f)
        os.replace(path + ".tmp", path)


def prepare(note=print):
    """Writes the generated files when any is missing; returns the CSV's path."""
    if all(os.path.exists(p) for p in (CSV_PATH, NET_PATH, INIT_PATH)):
        return CSV_PATH
    os.makedirs(GENERATED, exist_ok=True)
    note(f"generating {os.path.relpath(CSV_PATH)} ({ROWS:,} x {PIXELS + 1}) and the 784-128-10 parameters")
    rng = random.Random(SEED)
    write_csv(CSV_PATH, rng)
    write_parameters(rng)
    return CSV_PATH


def load_once(tool, path):
    """One load by a peer, timed around the call only: {seconds, rows, columns, sum}."""
    if tool == "pandas":
        import pandas
        start = time.perf_counter()
        frame = pandas.read_csv(path)
        seconds = time.perf_counter() - start
        values = frame.to_numpy(dtype="float64")
    elif tool == "numpy":
        import numpy
        start = time.perf_counter()
        values = numpy.loadtxt(path, delimiter=",", skiprows=1)
        seconds = time.perf_counter() - start
    else:
        raise SystemExit(f"unknown loader '{tool}' (expected pandas or numpy)")
    return {"workload": "csv-load", "peer": tool, "seconds": seconds, "rows": int(values.shape[0]),
            "columns": int(values.shape[1]), "sum": float(values.sum())}


def has_module(name, note, install=False):
    """True when `name` imports; with `install`, tries `pip install NAME` once first."""
    import importlib.util
    if importlib.util.find_spec(name) is not None:
        return True
    if not install:
        return False
    note(f"installing {name} for the CSV-load comparison (python3 -m pip install {name})")
    import subprocess
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", name], capture_output=True, text=True)
    importlib.invalidate_caches()
    return done.returncode == 0 and importlib.util.find_spec(name) is not None


def measure_loads(runner, peers, repeat, note, emit, problems):
    """nnstep's `data load` of the generated file (the whole process, start-up included, timed
    from outside) beside pandas.read_csv and numpy.loadtxt (the call alone, timed inside); peak
    memory of each process by GNU time. Returns {loader: [JSON lines]}."""
    import subprocess
    relative = os.path.relpath(CSV_PATH, os.path.dirname(HERE))
    lines = {"nnstep": []}
    for i in range(repeat):
        start = time.perf_counter()
        try:
            stdout, rss = runner.run_lines([f"data load {relative} target=label"])
        except RuntimeError as error:
            problems.append(f"csv load: {error}")
            break
        seconds = time.perf_counter() - start
        if f"{ROWS} rows, {PIXELS} inputs" not in stdout:
            problems.append(f"csv load: nnstep read something else: {stdout.strip()[-200:]}")
        line = {"workload": "csv-load", "peer": "nnstep", "seconds": seconds, "max_rss_kb": rss, "run": i + 1}
        lines["nnstep"].append(line)
        emit(line)
    wanted = [("pandas", repeat)] if "numpy" in peers or "pandas" in peers else []
    wanted += [("numpy", 1)] if "numpy" in peers else []  # loadtxt is slow: once
    for tool, times in wanted:
        if not has_module(tool, note, install=tool == "pandas"):
            note(f"skipping {tool} in the CSV-load rows: it is not installed")
            continue
        lines[tool] = []
        for i in range(times):
            command = [sys.executable, os.path.abspath(__file__), "load", tool, CSV_PATH]
            rss_file = os.path.join(runner.scratch, f"{tool}{i}.rss")
            if runner.time_tool:
                command = [runner.time_tool, "-f", "%M", "-o", rss_file] + command
            done = subprocess.run(command, capture_output=True, text=True)
            if done.returncode != 0:
                problems.append(f"csv load with {tool} failed: {done.stderr.strip()[-300:]}")
                break
            line = json.loads(done.stdout.strip().splitlines()[-1])
            line["max_rss_kb"] = int(open(rss_file).read().split()[-1]) if runner.time_tool else None
            line["run"] = i + 1
            if (line["rows"], line["columns"]) != (ROWS, PIXELS + 1):
                problems.append(f"csv load: {tool} read {line['rows']} x {line['columns']}")
            lines[tool].append(line)
            emit(line)
    sums = {tool: runs[0]["sum"] for tool, runs in lines.items() if tool != "nnstep" and runs}
    if len(sums) == 2 and abs(sums["pandas"] - sums["numpy"]) > 1e-9 * abs(sums["numpy"]):
        problems.append(f"csv load: pandas and numpy disagree on the sum of the values: {sums}")
    return lines


def load_rows(lines, has_memory):
    """The table rows of the CSV-load comparison: (goal, measured, target, result)."""
    import statistics
    rows = []
    nn = lines.get("nnstep", [])
    if not nn:
        return [("csv load: nnstep", "did not run", "", "FAIL")]
    size = os.path.getsize(CSV_PATH)
    t_nn = statistics.median(line["seconds"] for line in nn)
    parts = [f"nnstep {t_nn:.3f} s (the whole process)"]
    for tool in ("pandas", "numpy"):
        if lines.get(tool):
            parts.append(f"{'pandas.read_csv' if tool == 'pandas' else 'numpy.loadtxt'} "
                         f"{statistics.median(line['seconds'] for line in lines[tool]):.3f} s")
    if lines.get("pandas"):
        t_pd = statistics.median(line["seconds"] for line in lines["pandas"])
        rows.append((f"csv load {ROWS:,} x {PIXELS + 1} ({size / 1e6:.1f} MB): time", ", ".join(parts)
                     + f": {t_pd / t_nn:.2f}× pandas's speed", "≤ pandas's time", "PASS" if t_nn <= t_pd else "FAIL"))
    else:
        rows.append(("csv load: time", ", ".join(parts) + " (pandas skipped)", "≤ pandas's time", "—"))
    if has_memory:
        peak = max(line["max_rss_kb"] for line in nn) * 1024 / 1e6
        budget = 8 * ROWS * (PIXELS + 1) / 1e6 + size / 1e6 + 20
        others = ", ".join(f"{tool} process {max(line['max_rss_kb'] for line in lines[tool]) * 1024 / 1e6:.1f} MB"
                           for tool in ("pandas", "numpy") if lines.get(tool))
        rows.append(("csv load: peak memory", f"nnstep {peak:.1f} MB" + (f" ({others}, Python included)" if others else ""),
                     f"≤ {budget:.1f} MB = 8 B × {ROWS * (PIXELS + 1):,} numbers + the file + 20 MB",
                     "PASS" if peak <= budget else "FAIL"))
    return rows


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "load":
        print(json.dumps(load_once(sys.argv[2], sys.argv[3])))
    elif len(sys.argv) == 1:
        print(prepare())
    else:
        raise SystemExit(__doc__)
