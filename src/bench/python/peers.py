"""The peers for the kit's benchmarks: the same workloads in NumPy (from scratch) and PyTorch (CPU).

    /usr/bin/python3 src/bench/python/peers.py DATA_DIR OUT.json [--repeats 7]

DATA_DIR holds what `org.backpropkit.bench.Workload` exported: each workload's data, initial weights and
the kit's loss after one epoch. Both peers replay the kit's Trainer exactly — java.util.Random's shuffle
of the sample order each epoch, batches in that order (the last one shorter), θ ← θ − η·(batch-mean
gradient), the whole data set's loss after each epoch — in float64, and their loss after one epoch must
match the kit's. Thread settings come from the environment (bench.sh runs this once pinned to one thread,
once with the libraries' defaults).
"""
import json
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import torch

EPOCHS = 2          # per timed run, as in the kit's TrainingBench
SEED = 2026


class JavaRandom:
    """java.util.Random, bit for bit: the kit's Trainer shuffles with it."""
    MASK = (1 << 48) - 1

    def __init__(self, seed):
        self.seed = (seed ^ 0x5DEECE66D) & self.MASK

    def next(self, bits):
        self.seed = (self.seed * 0x5DEECE66D + 0xB) & self.MASK
        return self.seed >> (48 - bits)

    def next_int(self, bound):
        r = self.next(31)
        m = bound - 1
        if bound & m == 0:
            return (bound * r) >> 31
        u = r
        r = u % bound
        while u - r + m >= 1 << 31:
            u = self.next(31)
            r = u % bound
        return r


def shuffle(order, random):
    """The Trainer's Fisher–Yates shuffle, in place."""
    for k in range(len(order) - 1, 0, -1):
        other = random.next_int(k + 1)
        order[k], order[other] = order[other], order[k]


def load(data, wid):
    read = lambda name: np.loadtxt(data / f"{wid}-{name}.csv", delimiter=",", ndmin=2)
    spec = dict(kv.split("=", 1) for kv in (data / f"{wid}-spec.txt").read_text().split(" source=")[0].split())
    return {"x": read("x"), "t": read("t"), "w": [read("w1"), read("w2")], "b": [read("b1")[0], read("b2")[0]],
            "hidden": spec["hidden"], "loss": spec["loss"], "batch": int(spec["batch"]), "eta": float(spec["eta"]),
            "kit_loss": float((data / f"{wid}-loss-after-1-epoch.txt").read_text())}


# ---- NumPy, from scratch -------------------------------------------------------------------------

def np_act(name, a):
    if name == "SIGMOID":
        return 1 / (1 + np.exp(-a))
    if name == "RELU":
        return np.maximum(a, 0)
    raise ValueError(name)


def np_act_slope(name, a, h):
    return h * (1 - h) if name == "SIGMOID" else (a > 0).astype(a.dtype)


def np_forward(p, w, b, x):
    a1 = x @ w[0] + b[0]
    h = np_act(p["hidden"], a1)
    a2 = h @ w[1] + b[1]
    if p["loss"] == "L2":
        y = 1 / (1 + np.exp(-a2))
    else:
        e = np.exp(a2 - a2.max(axis=1, keepdims=True))
        y = e / e.sum(axis=1, keepdims=True)
    return a1, h, y


def np_loss(p, w, b, x, t):
    y = np_forward(p, w, b, x)[2]
    if p["loss"] == "L2":
        return float((0.5 * ((y - t) ** 2).sum(axis=1)).mean())
    return float(-(t * np.log(y)).sum(axis=1).mean())


def np_epochs(p, epochs):
    w = [m.copy() for m in p["w"]]
    b = [v.copy() for v in p["b"]]
    x, t, n, batch, eta = p["x"], p["t"], len(p["x"]), p["batch"], p["eta"]
    order = list(range(n))
    random = JavaRandom(SEED)
    losses = [np_loss(p, w, b, x, t)]
    for _ in range(epochs):
        if batch < n:
            shuffle(order, random)
        for start in range(0, n, batch):
            rows = order[start:start + batch]
            xb, tb = x[rows], t[rows]
            a1, h, y = np_forward(p, w, b, xb)
            delta2 = (y - tb) * y * (1 - y) if p["loss"] == "L2" else y - tb
            delta1 = (delta2 @ w[1].T) * np_act_slope(p["hidden"], a1, h)
            m = len(rows)
            w[1] -= eta * (h.T @ delta2) / m
            b[1] -= eta * delta2.sum(axis=0) / m
            w[0] -= eta * (xb.T @ delta1) / m
            b[0] -= eta * delta1.sum(axis=0) / m
        losses.append(np_loss(p, w, b, x, t))
    return losses


def np_gradient_check(p):
    w = [m.copy() for m in p["w"]]
    b = [v.copy() for v in p["b"]]
    x, t = p["x"][:1], p["t"][:1]
    numeric = []
    for theta in w + b:
        flat = theta.reshape(-1)
        for k in range(flat.size):
            keep = flat[k]
            flat[k] = keep + 1e-5
            up = np_loss(p, w, b, x, t)
            flat[k] = keep - 1e-5
            down = np_loss(p, w, b, x, t)
            flat[k] = keep
            numeric.append((up - down) / 2e-5)
    return numeric


# ---- PyTorch, as a PyTorch user writes it ----------------------------------------------------------

class TorchNet(torch.nn.Module):
    def __init__(self, p):
        super().__init__()
        self.layers = torch.nn.ModuleList()
        for w, b in zip(p["w"], p["b"]):
            layer = torch.nn.Linear(w.shape[0], w.shape[1]).double()
            with torch.no_grad():
                layer.weight.copy_(torch.from_numpy(w.T))
                layer.bias.copy_(torch.from_numpy(b))
            self.layers.append(layer)
        self.hidden = torch.sigmoid if p["hidden"] == "SIGMOID" else torch.relu
        self.l2 = p["loss"] == "L2"

    def loss(self, x, t, labels):
        a2 = self.layers[1](self.hidden(self.layers[0](x)))
        if self.l2:
            return 0.5 * ((torch.sigmoid(a2) - t) ** 2).sum(dim=1).mean()
        return torch.nn.functional.cross_entropy(a2, labels)


def torch_epochs(p, epochs):
    net = TorchNet(p)
    optimizer = torch.optim.SGD(net.parameters(), lr=p["eta"])
    x, t = torch.from_numpy(p["x"]), torch.from_numpy(p["t"])
    labels = t.argmax(dim=1)
    n, batch = len(x), p["batch"]
    order = list(range(n))
    random = JavaRandom(SEED)
    with torch.no_grad():
        losses = [float(net.loss(x, t, labels))]
    for _ in range(epochs):
        if batch < n:
            shuffle(order, random)
        index = torch.tensor(order)
        for start in range(0, n, batch):
            rows = index[start:start + batch]
            optimizer.zero_grad()
            net.loss(x[rows], t[rows], labels[rows]).backward()
            optimizer.step()
        with torch.no_grad():
            losses.append(float(net.loss(x, t, labels)))
    return losses


def torch_gradient_check(p):
    net = TorchNet(p)
    x, t = torch.from_numpy(p["x"][:1]), torch.from_numpy(p["t"][:1])
    labels = t.argmax(dim=1)
    numeric = []
    with torch.no_grad():
        for param in net.parameters():
            flat = param.view(-1)
            for k in range(flat.numel()):
                keep = float(flat[k])
                flat[k] = keep + 1e-5
                up = float(net.loss(x, t, labels))
                flat[k] = keep - 1e-5
                down = float(net.loss(x, t, labels))
                flat[k] = keep
                numeric.append((up - down) / 2e-5)
    return numeric


def median_seconds(run, repeats):
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main():
    data, out = Path(sys.argv[1]), Path(sys.argv[2])
    repeats = int(sys.argv[sys.argv.index("--repeats") + 1]) if "--repeats" in sys.argv else 7
    result = {"threads": {"torch": torch.get_num_threads(),
                          "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "default")},
              "versions": {"numpy": np.__version__, "torch": torch.__version__}, "workloads": {}}
    a, b = np.random.default_rng(1).random((512, 512)), np.random.default_rng(2).random((512, 512))
    a @ b
    result["numpy_matmul_gflops"] = 2 * 512 ** 3 / median_seconds(lambda: a @ b, 15) / 1e9
    for wid in ("article", "digits", "wide"):
        p = load(data, wid)
        n = len(p["x"])
        row = {"kit_loss_after_1_epoch": p["kit_loss"]}
        for peer, train in (("numpy", np_epochs), ("torch", torch_epochs)):
            row[f"{peer}_loss_after_1_epoch"] = train(p, 1)[1]
            train(p, 1)  # warm-up
            seconds = median_seconds(lambda: train(p, EPOCHS), repeats if wid != "article" else max(3, repeats // 2))
            row[f"{peer}_samples_per_s"] = EPOCHS * n / seconds
        if wid in ("article", "digits"):
            for peer, check in (("numpy", np_gradient_check), ("torch", torch_gradient_check)):
                check(p)
                row[f"{peer}_gradient_check_ms"] = 1000 * median_seconds(lambda: check(p), 5 if wid == "article" else 3)
        result["workloads"][wid] = row
        print(wid, json.dumps(row), flush=True)
    out.write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
