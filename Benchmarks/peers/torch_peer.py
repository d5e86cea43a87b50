#!/usr/bin/env python3
"""PyTorch peer, in the style of the PyTorch tutorials: an nn.Sequential of nn.Linear and
activation modules, a loss module, torch.optim.SGD and the loop
zero_grad() / loss.backward() / step(). float64, so the losses agree with the others to rounding.

A softmax output trained with cross-entropy is written as PyTorch wants it: the model ends in
the logits and nn.CrossEntropyLoss applies log-softmax itself (the same loss and gradient).
nn.MSELoss is the mean over the batch and the output nodes, the same as nnstep's mse.
Batches are slices of tensors in file order (no DataLoader, no shuffling).

usage: python3 Benchmarks/peers/torch_peer.py {tiny,digits,deep} [--threads N]
       --threads 1 is the default (nnstep trains on one core); 0 leaves PyTorch's own choice.
"""
import torch
from torch import nn

from common import Stopwatch, arguments, report, workload

ACTIVATIONS = {"sigmoid": nn.Sigmoid, "linear": nn.Identity}


def build(w):
    modules = []
    for k, kind in enumerate(w.activations):
        linear = nn.Linear(w.sizes[k], w.sizes[k + 1], dtype=torch.float64)
        with torch.no_grad():
            # our W is (inputs x outputs); nn.Linear keeps weight as (outputs x inputs)
            linear.weight.copy_(torch.tensor(w.weights[k], dtype=torch.float64).T)
            linear.bias.copy_(torch.tensor(w.biases[k], dtype=torch.float64))
        modules.append(linear)
        last = k == len(w.activations) - 1
        if kind == "softmax":
            assert last and w.loss == "cce", "softmax is supported as the output of a cce network"
        else:
            modules.append(ACTIVATIONS[kind]())
    return nn.Sequential(*modules)


def main():
    parser = arguments("torch")
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    if args.threads > 0:
        torch.set_num_threads(args.threads)

    w = workload(args.workload, args.data)
    X = torch.tensor(w.inputs, dtype=torch.float64)
    if w.loss == "cce":
        Y = torch.tensor(w.labels, dtype=torch.int64)  # class indices for CrossEntropyLoss
        criterion = nn.CrossEntropyLoss()
    else:
        Y = torch.tensor(w.targets, dtype=torch.float64)
        criterion = nn.MSELoss()
    model = build(w)
    optimiser = torch.optim.SGD(model.parameters(), lr=w.lr)
    schedule = list(w.schedule())

    updates = 0
    with Stopwatch() as clock:
        for start, stop in schedule:
            optimiser.zero_grad()
            loss = criterion(model(X[start:stop]), Y[start:stop])
            loss.backward()
            optimiser.step()
            updates += 1

    with torch.no_grad():
        out = model(X)
        final_loss = float(criterion(out, Y))  # the mean per-sample loss over every row
    extra = {"torch": torch.__version__, "threads": torch.get_num_threads()}
    if w.labels is not None:
        extra["train_accuracy"] = float((out.argmax(dim=1) == Y).double().mean())
    report(w, "torch", clock.seconds, updates, final_loss, **extra)


if __name__ == "__main__":
    main()
