#!/usr/bin/env python3
"""micrograd peer (pip install micrograd): Karpathy's scalar autograd engine, used the way its
lesson uses it. Every weight and bias is a micrograd Value; each update builds the expression
graph of one sample's loss, zeroes the gradients, calls loss.backward() and moves every
parameter by -lr times its grad.

Only the tiny workload fits: micrograd's Value has +, *, ** and relu but no exp or log, so the
sigmoid and softmax networks of digits and deep cannot be written with it as shipped. Tiny runs
in full (all 40,000 updates); nothing is extrapolated.

usage: python3 Benchmarks/peers/micrograd_peer.py tiny
"""
from importlib.metadata import version

from micrograd.engine import Value

from common import Stopwatch, arguments, report, workload


class Linear:
    """a fully connected layer with no activation: out_j = sum_i x_i w_ij + b_j"""

    def __init__(self, weights, biases):
        self.w = [[Value(v) for v in row] for row in weights]  # inputs x outputs
        self.b = [Value(v) for v in biases]

    def __call__(self, x):
        return [sum((x[i] * self.w[i][j] for i in range(len(x))), self.b[j])
                for j in range(len(self.b))]

    def parameters(self):
        return [v for row in self.w for v in row] + self.b


def main():
    args = arguments("micrograd", workloads=("tiny",)).parse_args()
    w = workload(args.workload, args.data)
    assert w.activations == ["linear"] * len(w.activations) and w.loss == "mse"
    layers = [Linear(W, b) for W, b in zip(w.weights, w.biases)]
    parameters = [p for layer in layers for p in layer.parameters()]

    def predict(x):
        for layer in layers:
            x = layer(x)
        return x

    def sample_loss(x, y):
        out = predict(x)
        if len(y) == 1:  # (y - yhat)^2, as the micrograd lesson writes it
            return (out[0] - y[0]) ** 2
        return sum((oj - yj) ** 2 for oj, yj in zip(out, y)) * (1.0 / len(y))

    schedule = list(w.schedule())
    updates = 0
    with Stopwatch() as clock:
        for start, _ in schedule:  # batch 1: one row per update
            loss = sample_loss(w.inputs[start], w.targets[start])
            for p in parameters:
                p.grad = 0.0
            loss.backward()
            for p in parameters:
                p.data -= w.lr * p.grad
            updates += 1

    final_loss = sum(sample_loss(x, y).data for x, y in zip(w.inputs, w.targets)) / len(w.inputs)
    report(w, "micrograd", clock.seconds, updates, final_loss, micrograd=version("micrograd"))


if __name__ == "__main__":
    main()
