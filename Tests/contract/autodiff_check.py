#!/usr/bin/env python3
"""nnstep against an independent implementation of the contract, from outside.

Builds random networks through the command language (as an outside tool would: `net`, `set`,
`data add`, `step`, `export json`), trains them a few updates, and recomputes every update
here with numpy from the definitions in docs/COMMANDS.md: the forward pass, the losses, the
gradients by reverse-mode differentiation written out per layer, the l1/l2 penalties, the
four optimisers, frozen parameters and residual connections. Parameters after the updates,
the last update's loss, penalty and gradients must agree to 1e-9 relative.

usage: autodiff_check.py NNSTEP_BINARY [--cases N] [--seed S]
Exit status 1 on any disagreement; the first few are printed.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

import numpy as np

HIDDEN = ["linear", "sigmoid", "tanh", "relu"]
HEADS = [("linear", "mse"), ("sigmoid", "mse"), ("tanh", "mse"), ("sigmoid", "bce"),
         ("softmax", "cce"), ("linear", "hinge"), ("tanh", "hinge")]
OPTIMISERS = ["sgd", "momentum", "rmsprop", "adam"]


def act(name, z):
    if name == "linear":
        return z
    if name == "sigmoid":
        return 1 / (1 + np.exp(-z))
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.where(z > 0, z, 0.0)
    if name == "softmax":
        e = np.exp(z - z.max())
        return e / e.sum()
    raise ValueError(name)


def act_backward(name, z, o, d_out):
    """dL/dz from dL/dO through one layer's activation"""
    if name == "linear":
        return d_out
    if name == "sigmoid":
        return d_out * o * (1 - o)
    if name == "tanh":
        return d_out * (1 - o * o)
    if name == "relu":
        return d_out * (z > 0)
    if name == "softmax":
        return o * (d_out - np.dot(d_out, o))
    raise ValueError(name)


def loss_and_grad(loss, y, yhat):
    n = len(y)
    if loss == "mse":
        return np.mean((y - yhat) ** 2), -2 * (y - yhat) / n
    if loss == "bce":
        return (np.mean(-(y * np.log(yhat) + (1 - y) * np.log(1 - yhat))),
                (-y / yhat + (1 - y) / (1 - yhat)) / n)
    if loss == "cce":
        safe = np.where(y != 0, yhat, 1.0)
        return -np.sum(np.where(y != 0, y * np.log(safe), 0.0)), np.where(y != 0, -y / safe, 0.0)
    if loss == "hinge":
        margin = 1 - y * yhat
        return np.mean(np.maximum(0, margin)), np.where(margin > 0, -y / n, 0.0)
    raise ValueError(loss)


class Net:
    def __init__(self, sizes, acts, loss, residual):
        self.sizes, self.acts, self.loss, self.residual = sizes, acts, loss, residual
        self.names = []
        for k in range(1, len(sizes)):
            for i in range(1, sizes[k - 1] + 1):
                for j in range(1, sizes[k] + 1):
                    self.names.append(f"w{k}_{i}{j}" if i < 10 and j < 10 else f"w{k}_{i}_{j}")
            for j in range(1, sizes[k] + 1):
                self.names.append(f"b{k}_{j}")

    def unpack(self, p):
        """{name: value} -> [(W^k, b^k)]"""
        layers = []
        for k in range(1, len(self.sizes)):
            n_in, n_out = self.sizes[k - 1], self.sizes[k]
            w = np.array([[p[f"w{k}_{i}{j}" if i < 10 and j < 10 else f"w{k}_{i}_{j}"]
                           for j in range(1, n_out + 1)] for i in range(1, n_in + 1)])
            b = np.array([p[f"b{k}_{j}"] for j in range(1, n_out + 1)])
            layers.append((w, b))
        return layers

    def shortcut(self, k):
        L = len(self.sizes) - 1
        return self.residual and 1 <= k < L and self.sizes[k] == self.sizes[k - 1]

    def gradient(self, p, x, y):
        """(loss, {name: dL/dp}) for one sample"""
        layers = self.unpack(p)
        outs, zs = [np.array(x, dtype=float)], [None]
        for k, (w, b) in enumerate(layers, start=1):
            z = w.T @ outs[-1] + b
            o = act(self.acts[k - 1], z)
            if self.shortcut(k):
                o = o + outs[-1]
            zs.append(z)
            outs.append(o)
        value, d_out = loss_and_grad(self.loss, np.array(y, dtype=float), outs[-1])
        grads = {}
        L = len(layers)
        for k in range(L, 0, -1):
            o = outs[k] - outs[k - 1] if self.shortcut(k) else outs[k]
            delta = act_backward(self.acts[k - 1], zs[k], o, d_out)
            w, _ = layers[k - 1]
            gw = np.outer(outs[k - 1], delta)
            for i in range(w.shape[0]):
                for j in range(w.shape[1]):
                    grads[f"w{k}_{i + 1}{j + 1}" if i < 9 and j < 9 else f"w{k}_{i + 1}_{j + 1}"] = gw[i, j]
            for j in range(w.shape[1]):
                grads[f"b{k}_{j + 1}"] = delta[j]
            d_prev = w @ delta
            if self.shortcut(k):
                d_prev = d_prev + d_out
            d_out = d_prev
        return value, grads


class Trainer:
    """The contract's update, mode, penalty, optimiser and freezing, from the definitions."""

    def __init__(self, net, params, rows, cfg):
        self.net, self.p, self.rows, self.cfg = net, dict(params), rows, cfg
        self.offset = 0
        self.t = 0
        self.update_losses, self.epoch_losses = [], []
        self.pass_sum, self.pass_count = 0.0, 0
        self.state = {"v": {n: 0.0 for n in net.names}, "m": {n: 0.0 for n in net.names},
                      "s": {n: 0.0 for n in net.names}}

    def next_rows(self):
        n, mode = len(self.rows), self.cfg["mode"]
        take = 1 if mode == "sgd" else (n - self.offset if mode == "batch" else min(self.cfg["batch"], n - self.offset))
        chosen = self.rows[self.offset:self.offset + take]
        self.offset = (self.offset + take) % n
        self.ends_pass = self.offset == 0
        return chosen

    def update(self):
        rows = self.next_rows()
        g = {n: 0.0 for n in self.net.names}
        loss_sum = 0.0
        for x, y in rows:
            value, grads = self.net.gradient(self.p, x, y)
            loss_sum += value
            for n in g:
                g[n] += grads[n] / len(rows)
        self.update_losses.append(loss_sum / len(rows))
        self.pass_sum, self.pass_count = self.pass_sum + loss_sum, self.pass_count + len(rows)
        if self.ends_pass:
            self.epoch_losses.append(self.pass_sum / self.pass_count)
            self.pass_sum, self.pass_count = 0.0, 0
        l1, l2 = self.cfg.get("l1", 0.0), self.cfg.get("l2", 0.0)
        penalty = 0.0
        for n in g:
            if n.startswith("w"):
                w = self.p[n]
                penalty += l2 * 0.5 * w * w + l1 * abs(w)
                g[n] += l2 * w + l1 * np.sign(w)
        frozen = self.cfg.get("frozen", set())
        eta, opt = self.cfg["lr"], self.cfg.get("optimizer", "sgd")
        self.t += 1
        for n in self.net.names:
            if n in frozen:
                continue
            G = g[n]
            if opt == "sgd":
                move = eta * G
            elif opt == "momentum":
                self.state["v"][n] = self.cfg["momentum"] * self.state["v"][n] + G
                move = eta * self.state["v"][n]
            elif opt == "rmsprop":
                a = self.cfg["alpha"]
                self.state["s"][n] = a * self.state["s"][n] + (1 - a) * G * G
                move = eta * G / (np.sqrt(self.state["s"][n]) + self.cfg["eps"])
            elif opt == "adam":
                b1, b2 = self.cfg["beta1"], self.cfg["beta2"]
                t = self.t
                self.state["m"][n] = b1 * self.state["m"][n] + (1 - b1) * G
                self.state["v"][n] = b2 * self.state["v"][n] + (1 - b2) * G * G
                m_hat = self.state["m"][n] / (1 - b1 ** t)
                v_hat = self.state["v"][n] / (1 - b2 ** t)
                move = eta * m_hat / (np.sqrt(v_hat) + self.cfg["eps"])
            self.p[n] -= move
        return loss_sum / len(rows), penalty, g


def random_case(rng, index, features):
    depth = int(rng.integers(1, 4))
    head, loss = HEADS[int(rng.integers(len(HEADS)))]
    n_out = int(rng.integers(2, 4)) if head == "softmax" else int(rng.integers(1, 3))
    widths = [int(rng.integers(1, 5)) for _ in range(depth)]
    residual = "residual" in features and depth >= 3 and bool(rng.integers(2))
    if residual:
        widths = [widths[0]] + [widths[0]] * (depth - 1)
    sizes = widths + [n_out]
    acts = [HIDDEN[int(rng.integers(len(HIDDEN)))] for _ in range(depth - 1)] + [head]
    rows = []
    for _ in range(int(rng.integers(1, 7))):
        x = [round(float(v), 3) for v in rng.uniform(-2, 2, sizes[0])]
        if loss == "cce":
            y = [0.0] * n_out
            y[int(rng.integers(n_out))] = 1.0
        elif loss == "bce":
            y = [float(rng.integers(2)) for _ in range(n_out)]
        elif loss == "hinge":
            y = [float(rng.choice([-1, 1])) for _ in range(n_out)]
        else:
            y = [round(float(v), 3) for v in rng.uniform(-1, 1, n_out)]
        rows.append((x, y))
    mode = ["sgd", "batch", "minibatch"][index % 3]
    cfg = {"mode": mode, "batch": int(rng.integers(1, 4)), "lr": float(rng.choice([0.01, 0.05, 0.1])),
           "momentum": 0.9, "alpha": 0.99, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8}
    if "penalty" in features and rng.integers(3) == 0:
        cfg["l2" if rng.integers(2) else "l1"] = float(rng.choice([0.01, 0.1]))
    if "optimizer" in features:
        cfg["optimizer"] = OPTIMISERS[int(rng.integers(len(OPTIMISERS)))]
    if "freeze" in features and rng.integers(4) == 0:
        cfg["freeze"] = rng.choice(["b*", "w1_*", "b1_1"])
    return sizes, acts, loss, residual, rows, cfg


def script(sizes, acts, loss, residual, rows, cfg, seed, before, after, updates):
    lines = [f"net {'-'.join(map(str, sizes))} act={','.join(acts)} loss={loss} init=xavier seed={seed}"
             + (" residual=on" if residual else "")]
    lines += [f"data add {' '.join(map(repr, x))} -> {' '.join(map(repr, y))}" for x, y in rows]
    lines += [f"set lr {cfg['lr']}", f"set mode {cfg['mode']}", f"set batch {cfg['batch']}"]
    for key in ("l1", "l2"):
        if key in cfg:
            lines.append(f"set {key} {cfg[key]}")
    if cfg.get("optimizer", "sgd") != "sgd":
        lines.append(f"set optimizer {cfg['optimizer']}")
    if "freeze" in cfg:
        lines.append(f"set freeze {cfg['freeze']}")
    lines += [f"export json {before}", f"step {updates}", f"export json {after}"]
    return "\n".join(lines) + "\n"


def frozen_names(net, pattern):
    import fnmatch
    return {n for n in net.names if fnmatch.fnmatchcase(n, pattern)}


def close(a, b, tol=1e-9):
    return abs(a - b) <= tol * max(1.0, abs(a), abs(b))


def check(binary, case_index, rng, features, scratch):
    sizes, acts, loss, residual, rows, cfg = random_case(rng, case_index, features)
    updates = int(rng.integers(1, 5))
    before, after = os.path.join(scratch, "before.json"), os.path.join(scratch, "after.json")
    text = script(sizes, acts, loss, residual, rows, cfg, case_index, before, after, updates)
    run = subprocess.run([binary, "--script", "-"], input=text, capture_output=True, text=True, timeout=60)
    label = f"case {case_index}: " + " / ".join(l for l in text.splitlines() if not l.startswith(("data add", "export")))
    if run.returncode != 0:
        return [f"{label}: nnstep failed: {run.stderr.strip()[:300]}"]
    start, end = json.load(open(before)), json.load(open(after))
    net = Net(sizes, acts, loss, residual)
    if "freeze" in cfg:
        cfg["frozen"] = frozen_names(net, cfg["freeze"])
    trainer = Trainer(net, start["parameters"], rows, cfg)
    problems = []
    for _ in range(updates):
        value, penalty, grads = trainer.update()
    for n in net.names:
        if not close(end["parameters"][n], trainer.p[n]):
            problems.append(f"{label}: {n} after {updates} updates is {end['parameters'][n]!r}, expected {trainer.p[n]!r}")
            break
    last = end.get("last_step") or {}
    if not close(last.get("loss", float("nan")), value):
        problems.append(f"{label}: last_step.loss {last.get('loss')!r}, expected {value!r}")
    if ("l1" in cfg or "l2" in cfg) and not close(last.get("penalty", float("nan")), penalty):
        problems.append(f"{label}: last_step.penalty {last.get('penalty')!r}, expected {penalty!r}")
    for n in net.names:
        if not close(last.get("gradients", {}).get(n, float("nan")), grads[n]):
            problems.append(f"{label}: gradient of {n} {last.get('gradients', {}).get(n)!r}, expected {grads[n]!r}")
            break
    problems += check_history(label, end.get("history"), trainer)
    return problems


def check_history(label, history, trainer):
    """history.updates and history.epochs: every value its own bucket (there are fewer than
    2,048), numbered from 1, min = max = mean = the loss worked out here."""
    if history is None:
        return [f"{label}: export json has no history"]
    problems = []
    for key, expected in (("updates", trainer.update_losses), ("epochs", trainer.epoch_losses)):
        buckets = history.get(key, [])
        if len(buckets) != len(expected):
            problems.append(f"{label}: history.{key} has {len(buckets)} buckets, expected {len(expected)}")
            continue
        for n, (bucket, value) in enumerate(zip(buckets, expected), start=1):
            if bucket["first"] != n or bucket["last"] != n or not all(close(bucket[k], value) for k in ("min", "max", "mean")):
                problems.append(f"{label}: history.{key}[{n - 1}] is {bucket}, expected {n} with {value!r}")
                break
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("--cases", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--features", default="penalty,optimizer,freeze,residual",
                        help="comma list of what random cases may use (none for the base contract)")
    args = parser.parse_args()
    features = set(args.features.split(",")) - {"none", ""}
    rng = np.random.default_rng(args.seed)
    problems = []
    with tempfile.TemporaryDirectory(prefix="nnstep-contract-") as scratch:
        for i in range(args.cases):
            problems += check(args.binary, i, rng, features, scratch)
    for p in problems[:10]:
        print(p)
    print(f"autodiff_check: {args.cases} random networks, {len(problems)} disagreements")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
