"""What every peer shares: the three workloads, their data and initial parameters, the order
of the updates, and the JSON line a peer prints.

Plain Python only (no numpy), so that the micrograd peer runs without numpy installed.
The maths each peer must reproduce is in Benchmarks/README.md.
"""
import argparse
import csv
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "data"))

# cgpa, resume score -> salary (nnstep's built-in `data placement`)
PLACEMENT = [([8.0, 8.0], [4.0]), ([7.0, 9.0], [5.0]), ([6.0, 10.0], [6.0]), ([5.0, 12.0], [7.0])]


class Workload:
    """One benchmark: the network, the data, the schedule of updates.

    weights[k] is W^(k+1) as a list of rows, shape n_k x n_(k+1) (input node i, output node j),
    biases[k] is b^(k+1); inputs/targets are lists of rows; labels (digits only) the classes.
    """

    def __init__(self, name, sizes, activations, loss, lr, batch, weights, biases,
                 inputs, targets, epochs=None, updates=None, labels=None):
        self.name, self.sizes, self.activations, self.loss = name, sizes, activations, loss
        self.lr, self.batch = lr, batch
        self.weights, self.biases = weights, biases
        self.inputs, self.targets, self.labels = inputs, targets, labels
        self.epochs, self.updates = epochs, updates

    def schedule(self):
        """(start, stop) row ranges, one per update: consecutive rows in file order, a short
        last batch at the end of each pass, wrapping around until the epochs or updates run out."""
        n = len(self.inputs)
        if self.updates is not None:
            start = 0
            for _ in range(self.updates):
                stop = min(start + self.batch, n)
                yield start, stop
                start = 0 if stop == n else stop
        else:
            for _ in range(self.epochs):
                for start in range(0, n, self.batch):
                    yield start, min(start + self.batch, n)

    def expected_updates(self):
        if self.updates is not None:
            return self.updates
        n = len(self.inputs)
        return self.epochs * ((n + self.batch - 1) // self.batch)


def read_csv(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], [[float(v) for v in row] for row in rows[1:] if row]


def read_init(path):
    """0-based arrays written for Python: arrays.w1 is n0 x n1 (rows = input nodes), arrays.b1 ..."""
    with open(path) as f:
        init = json.load(f)
    sizes = init["layer_sizes"]
    arrays = init["arrays"]
    weights = [arrays[f"w{k}"] for k in range(1, len(sizes))]
    biases = [arrays[f"b{k}"] for k in range(1, len(sizes))]
    for k, (w, b) in enumerate(zip(weights, biases)):
        assert len(w) == sizes[k] and all(len(r) == sizes[k + 1] for r in w) and len(b) == sizes[k + 1]
    return sizes, weights, biases


def workload(name, data_dir=DATA):
    if name == "tiny":
        return Workload(
            "tiny", [2, 2, 1], ["linear", "linear"], "mse", lr=0.001, batch=1,
            weights=[[[0.1, 0.1], [0.1, 0.1]], [[0.1], [0.1]]], biases=[[0.0, 0.0], [0.0]],
            inputs=[x for x, _ in PLACEMENT], targets=[y for _, y in PLACEMENT], epochs=10_000)
    if name == "digits":
        header, rows = read_csv(os.path.join(data_dir, "digits.csv"))
        assert header[-1] == "label" and len(header) == 65
        sizes, weights, biases = read_init(os.path.join(data_dir, "digits_init.json"))
        labels = [int(r[-1]) for r in rows]
        onehot = [[1.0 if k == c else 0.0 for k in range(sizes[-1])] for c in labels]
        return Workload(
            "digits", sizes, ["sigmoid", "softmax"], "cce", lr=0.5, batch=32,
            weights=weights, biases=biases, inputs=[r[:-1] for r in rows], targets=onehot,
            labels=labels, epochs=20)
    if name == "deep":
        _, rows = read_csv(os.path.join(data_dir, "xor100.csv"))
        sizes, weights, biases = read_init(os.path.join(data_dir, "deep_init.json"))
        return Workload(
            "deep", sizes, ["sigmoid"] * (len(sizes) - 1), "mse", lr=0.1, batch=1,
            weights=weights, biases=biases, inputs=[r[:-1] for r in rows],
            targets=[r[-1:] for r in rows], updates=2_000)
    if name == "mnist":
        return mnist_workload()
    raise SystemExit(f"unknown workload '{name}' (expected tiny, digits, deep or mnist)")


def mnist_workload():
    """784-128-10 on the generated MNIST-shaped file (Benchmarks/bigdata.py): label first.
    Read with pandas when it is installed, else numpy.loadtxt (either way, before any timing)."""
    import numpy as np
    sys.path.insert(0, os.path.dirname(HERE))
    import bigdata
    bigdata.prepare(note=lambda text: print(text, file=sys.stderr))
    try:
        import pandas
        values = pandas.read_csv(bigdata.CSV_PATH).to_numpy(dtype=np.float64)
    except ImportError:
        values = np.loadtxt(bigdata.CSV_PATH, delimiter=",", skiprows=1)
    sizes, weights, biases = read_init(bigdata.INIT_PATH)
    labels = values[:, 0].astype(int)
    onehot = np.eye(sizes[-1])[labels]
    return Workload(
        "mnist", sizes, ["sigmoid", "softmax"], "cce", lr=0.1, batch=32,
        weights=weights, biases=biases, inputs=values[:, 1:], targets=onehot,
        labels=list(labels), epochs=1)


def arguments(peer, workloads=("tiny", "digits", "deep", "mnist")):
    parser = argparse.ArgumentParser(
        description=f"The {peer} peer of nnstep's benchmark: trains one workload and prints "
                    "one JSON line (workload, peer, train_seconds, updates, final_loss).")
    parser.add_argument("workload", choices=list(workloads))
    parser.add_argument("--data", default=DATA, help="the folder with the data files")
    return parser


class Stopwatch:
    """time.perf_counter around the training loop only."""

    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start


def report(w, peer, seconds, updates, final_loss, **extra):
    if updates != w.expected_updates():
        print(f"{peer}: made {updates} updates, expected {w.expected_updates()}", file=sys.stderr)
        sys.exit(2)
    line = {"workload": w.name, "peer": peer, "train_seconds": seconds, "updates": updates,
            "final_loss": final_loss}
    line.update(extra)
    print(json.dumps(line))
