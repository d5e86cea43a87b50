"""Reference values for OptimizerReferenceTests, written from the definitions in
shared/design/COMMANDS.md ("Additions (second round)") with numpy, independently of nnstep.

Network 2-3-3-2: tanh, sigmoid, linear; mse = mean over the outputs of (y - yhat)^2.
Residual: every hidden layer k (1 <= k < L) whose width equals layer k-1's adds O^(k-1) to its
output, O^k = g(z^k) + O^(k-1) (here only layer 2). Parameters in nnstep's storage order:
W1 row-major (row i = from-node), b1, W2, b2, W3, b3. Run from Tests/: python3 Reference/optimizers.py > NNEngineTests/OptimizerReference.swift
"""
import numpy as np

SIZES = [2, 3, 3, 2]
ACTS = ["tanh", "sigmoid", "linear"]
X = np.array([[0.5, -1.0], [1.5, 0.25], [-0.75, 0.8], [0.1, 0.3], [2.0, -0.5]])
Y = np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5], [1.0, 1.0], [0.0, 0.2]])


def initial():
    count = sum(SIZES[k - 1] * SIZES[k] + SIZES[k] for k in range(1, len(SIZES)))
    return np.array([0.3 * np.sin(1.7 * i + 0.4) for i in range(count)])


def unpack(p):
    layers, o = [], 0
    for k in range(1, len(SIZES)):
        n_in, n_out = SIZES[k - 1], SIZES[k]
        w = p[o:o + n_in * n_out].reshape(n_in, n_out); o += n_in * n_out
        b = p[o:o + n_out]; o += n_out
        layers.append((w, b))
    return layers


def act(name, z):
    return {"tanh": np.tanh, "sigmoid": lambda v: 1 / (1 + np.exp(-v)), "linear": lambda v: v}[name](z)


def act_prime(name, g):
    return {"tanh": 1 - g * g, "sigmoid": g * (1 - g), "linear": np.ones_like(g)}[name]


def shortcut(k, residual):
    return residual and 1 <= k < len(SIZES) - 1 and SIZES[k] == SIZES[k - 1]


def gradient(p, x, y, residual):
    """dL/dp for one sample, by the chain rule written out layer by layer."""
    layers = unpack(p)
    outs, gs = [x], []
    for k, (w, b) in enumerate(layers, start=1):
        g = act(ACTS[k - 1], outs[-1] @ w + b)
        gs.append(g)
        outs.append(g + outs[-1] if shortcut(k, residual) else g)
    L = len(layers)
    loss = np.mean((y - outs[-1]) ** 2)
    e = -2 * (y - outs[-1]) / len(y)           # dL/dO^L
    grads = [None] * L
    for k in range(L, 0, -1):
        delta = e * act_prime(ACTS[k - 1], gs[k - 1])
        grads[k - 1] = (np.outer(outs[k - 1], delta), delta)
        e_below = layers[k - 1][0] @ delta      # through W^k
        if shortcut(k, residual):
            e_below = e_below + e               # the shortcut O^(k-1) -> O^k
        e = e_below
    flat = np.concatenate([np.concatenate([gw.ravel(), gb]) for gw, gb in grads])
    return flat, loss


def weight_mask():
    mask = []
    for k in range(1, len(SIZES)):
        mask += [1.0] * (SIZES[k - 1] * SIZES[k]) + [0.0] * SIZES[k]
    return np.array(mask)


def train(optimizer, mode, updates, residual=False, l1=0.0, l2=0.0, frozen=(), eta=0.1,
          mu=0.8, alpha=0.9, beta1=0.8, beta2=0.99, eps=1e-8, batch=2):
    p = initial()
    first, second, t = np.zeros_like(p), np.zeros_like(p), 0
    mask = weight_mask()
    free = np.ones_like(p); free[list(frozen)] = 0
    n, offset, losses = len(X), 0, []
    for _ in range(updates):
        take = {"sgd": 1, "batch": n - offset, "minibatch": min(batch, n - offset)}[mode]
        rows = range(offset, offset + take)
        parts = [gradient(p, X[r], Y[r], residual) for r in rows]
        g = parts[0][0] if take == 1 else sum(q[0] for q in parts) / take
        losses.append(sum(q[1] for q in parts) / take)
        g = g + mask * (l2 * p + l1 * np.sign(p))
        t += 1
        if optimizer == "sgd":
            move = eta * g
        elif optimizer == "momentum":
            new_first = mu * first + g; move = eta * new_first
            first = np.where(free == 1, new_first, first)
        elif optimizer == "rmsprop":
            new_second = alpha * second + (1 - alpha) * g * g
            move = eta * g / (np.sqrt(new_second) + eps)
            second = np.where(free == 1, new_second, second)
        else:
            new_first = beta1 * first + (1 - beta1) * g
            new_second = beta2 * second + (1 - beta2) * g * g
            move = eta * (new_first / (1 - beta1 ** t)) / (np.sqrt(new_second / (1 - beta2 ** t)) + eps)
            first = np.where(free == 1, new_first, first)
            second = np.where(free == 1, new_second, second)
        p = p - free * move
        offset = 0 if offset + take >= n else offset + take
    return p, losses


CASES = []
for residual in (False, True):
    for optimizer in ("sgd", "momentum", "rmsprop", "adam"):
        for mode in ("sgd", "batch", "minibatch"):
            for penalty in ("none", "l2", "l1"):
                kwargs = {"l2": 0.05} if penalty == "l2" else {"l1": 0.02} if penalty == "l1" else {}
                CASES.append((f"{optimizer} {mode} {penalty}{' residual' if residual else ''}",
                              dict(optimizer=optimizer, mode=mode, residual=residual, **kwargs)))
CASES.append(("adam minibatch l2 frozen", dict(optimizer="adam", mode="minibatch", l2=0.05, frozen=(0, 4, 9, 25))))
CASES.append(("momentum sgd frozen residual", dict(optimizer="momentum", mode="sgd", residual=True, frozen=(1, 13))))

UPDATES = 7
print("// Generated by Reference/optimizers.py from the definitions; do not edit by hand.")
print("enum OptimizerReference {")
print(f"    static let updates = {UPDATES}")
print(f"    static let initial: [Double] = [{', '.join(repr(float(v)) for v in initial())}]")
print("    /// (name, the parameters after the updates, the loss of each update)")
print("    static let cases: [(String, [Double], [Double])] = [")
for name, kwargs in CASES:
    p, losses = train(updates=UPDATES, **kwargs)
    print(f'        ("{name}", [{", ".join(repr(float(v)) for v in p)}],')
    print(f'         [{", ".join(repr(float(v)) for v in losses)}]),')
print("    ]")
print("}")
