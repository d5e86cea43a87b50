#!/usr/bin/env python3
"""numpy peer: a multilayer perceptron written from scratch, the way a learner writes one after
the backpropagation lessons. Each layer is a matrix product on a batch of rows (a @ W + b), the
backward pass applies the chain rule layer by layer, and every W and b then moves by -lr times
its gradient. No autograd, no framework: numpy (and its BLAS) only.

usage: python3 Benchmarks/peers/numpy_peer.py {tiny,digits,deep}
"""
import numpy as np

from common import Stopwatch, arguments, report, workload


def activate(kind, z):
    if kind == "sigmoid":
        return 1.0 / (1.0 + np.exp(-z))
    if kind == "softmax":
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)
    if kind == "linear":
        return z
    raise ValueError(kind)


def slope(kind, out):
    """g'(z) written with the layer's output out = g(z)"""
    if kind == "sigmoid":
        return out * (1.0 - out)
    if kind == "linear":
        return 1.0
    raise ValueError(kind)


def forward(layers, kinds, x):
    """outputs[0] = x, outputs[k] = g_k(outputs[k-1] @ W_k + b_k)"""
    outputs = [x]
    for (W, b), kind in zip(layers, kinds):
        outputs.append(activate(kind, outputs[-1] @ W + b))
    return outputs


def sample_losses(loss, out, y):
    if loss == "cce":
        return -(y * np.log(out)).sum(axis=1)
    return ((y - out) ** 2).mean(axis=1)  # mse: mean over the output nodes


def output_delta(loss, kind, out, y):
    """dL/dz of the last layer, L being the mean over the batch of the per-sample losses"""
    rows, nodes = y.shape
    if loss == "cce":
        assert kind == "softmax"
        return (out - y) / rows  # softmax with cross-entropy: p - y
    return (-2.0 / (rows * nodes)) * (y - out) * slope(kind, out)


def update(layers, kinds, loss, lr, x, y):
    outputs = forward(layers, kinds, x)
    delta = output_delta(loss, kinds[-1], outputs[-1], y)
    gradients = [None] * len(layers)
    for k in range(len(layers) - 1, -1, -1):
        gradients[k] = (outputs[k].T @ delta, delta.sum(axis=0))
        if k > 0:  # back through W_k (before it moves) and layer k-1's activation
            delta = (delta @ layers[k][0].T) * slope(kinds[k - 1], outputs[k])
    for (W, b), (gW, gb) in zip(layers, gradients):
        W -= lr * gW
        b -= lr * gb


def main():
    args = arguments("numpy").parse_args()
    w = workload(args.workload, args.data)
    X = np.array(w.inputs, dtype=np.float64)
    Y = np.array(w.targets, dtype=np.float64)
    layers = [(np.array(W, dtype=np.float64), np.array(b, dtype=np.float64))
              for W, b in zip(w.weights, w.biases)]
    schedule = list(w.schedule())

    updates = 0
    with Stopwatch() as clock:
        for start, stop in schedule:
            update(layers, w.activations, w.loss, w.lr, X[start:stop], Y[start:stop])
            updates += 1

    out = forward(layers, w.activations, X)[-1]
    extra = {"numpy": np.__version__}
    if w.labels is not None:
        extra["train_accuracy"] = float(np.mean(out.argmax(axis=1) == np.array(w.labels)))
    report(w, "numpy", clock.seconds, updates, float(sample_losses(w.loss, out, Y).mean()), **extra)


if __name__ == "__main__":
    main()
