"""Prints the benchmark tables from JMH's JSON (the kit) and the peers' JSON, and writes them as Markdown.

    /usr/bin/python3 src/bench/python/report.py BENCH_DIR

BENCH_DIR holds jmh.json (vector products: one thread, all cores, gradient checks), jmh-plain.json (plain
products, one thread), peers-1-thread.json, peers-default.json, matmul-gflops.txt, matmul-plain.txt,
alloc.txt, load.txt and data/.
"""
import json
import statistics
import sys
from pathlib import Path

EPOCHS = 2
SAMPLES = {"article": 1000, "digits": 1797, "wide": 2048}
SIZES = {"article": (2, 3, 2), "digits": (64, 32, 10), "wide": (784, 128, 10)}
TITLES = {"article": "1. 2-3-2 sigmoid/L2, per-sample SGD (steps/s)",
          "digits": "2. 64-32-10 softmax/CE on digits, batch 32 (samples/s)",
          "wide": "3. 784-128-10 softmax/CE, batch 64 (samples/s)"}


def flops_per_sample(wid):
    """Multiply-add flops (2 per multiply-add) of the products, per sample seen: the training step (forward,
    weight gradients, error sent back to every layer but the first) and the epoch's loss over the data set
    (one more forward pass): 2 · (4 · Σ in·out − in₁·out₁). NumPy and PyTorch do the same products."""
    s = SIZES[wid]
    macs = [s[l] * s[l + 1] for l in range(len(s) - 1)]
    return 2 * (4 * sum(macs) - macs[0])


def median(metric):
    """The median of JMH's measurements (all forks), as the notes say: its own score is their mean."""
    return statistics.median(v for fork in metric["rawData"] for v in fork)


def jmh_results(path):
    out = {}
    if not path.exists():
        return out
    for r in json.loads(path.read_text()):
        wid = r["params"]["workload"].lower()
        bench = r["benchmark"]
        if bench.endswith("Check.gradientCheck"):
            out[(wid, "gradient_check_ms")] = median(r["primaryMetric"])
            continue
        key = "all_cores" if r["params"].get("threads") == "all" else "one_thread"
        out[(wid, key)] = median(r["primaryMetric"]) * EPOCHS * SAMPLES[wid]
        metrics = r.get("secondaryMetrics", {})
        alloc = metrics.get("gc.alloc.rate.norm") or metrics.get("·gc.alloc.rate.norm")
        if alloc:
            out[(wid, key + "_bytes_per_call")] = alloc["score"]
    return out


def fmt(v, spec=",.0f"):
    return "–" if v is None else format(v, spec)


def main():
    bench = Path(sys.argv[1])
    kit = jmh_results(bench / "jmh.json")
    plain = jmh_results(bench / "jmh-plain.json")
    pinned = json.loads((bench / "peers-1-thread.json").read_text())
    default = json.loads((bench / "peers-default.json").read_text())
    one, many = pinned["workloads"], default["workloads"]
    peak1, peak_all = pinned["numpy_matmul_gflops"], default["numpy_matmul_gflops"]
    kit_mm = [float(v) for v in (bench / "matmul-gflops.txt").read_text().split()]
    plain_mm = [float(v) for v in (bench / "matmul-plain.txt").read_text().split()]
    alloc = {f[0]: f[1:] for f in (line.split() for line in (bench / "alloc.txt").read_text().splitlines())}
    load = (bench / "load.txt").read_text().strip() if (bench / "load.txt").exists() else "?"

    header = ["workload", "kit, 1 thread", "kit, all cores", "kit, plain Java, 1 thread", "NumPy, 1 thread",
              "PyTorch, 1 thread", "NumPy, default threads", "PyTorch, default threads", "kit / NumPy (1 thr.)",
              "kit / PyTorch (1 thr.)", "kit all cores / PyTorch default"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for wid, title in TITLES.items():
        k1, ka, kp = kit.get((wid, "one_thread")), kit.get((wid, "all_cores")), plain.get((wid, "one_thread"))
        n1, t1 = one[wid]["numpy_samples_per_s"], one[wid]["torch_samples_per_s"]
        nd, td = many[wid]["numpy_samples_per_s"], many[wid]["torch_samples_per_s"]
        lines.append("| " + " | ".join([title, fmt(k1), fmt(ka), fmt(kp), fmt(n1), fmt(t1), fmt(nd), fmt(td),
                                         f"{k1 / n1:.2f}×", f"{k1 / t1:.2f}×", f"{ka / td:.2f}×"]) + " |")
    for wid, title in (("article", "4a. gradient check, 2-3-2 (ms)"), ("digits", "4b. gradient check, 64-32-10 (ms)")):
        k = kit[(wid, "gradient_check_ms")]
        n1, t1 = one[wid]["numpy_gradient_check_ms"], one[wid]["torch_gradient_check_ms"]
        nd, td = many[wid]["numpy_gradient_check_ms"], many[wid]["torch_gradient_check_ms"]
        lines.append("| " + " | ".join([title, f"{k:.3g}", "", "", f"{n1:.3g}", f"{t1:.3g}", f"{nd:.3g}", f"{td:.3g}",
                                         f"{n1 / k:.0f}× faster", f"{t1 / k:.0f}× faster", f"{td / k:.0f}× faster"]) + " |")

    peak_header = ["workload (flops per sample)", "kit, 1 thread", "NumPy, 1 thread", "PyTorch, 1 thread",
                   "kit, all cores", "NumPy, default threads", "PyTorch, default threads"]
    peak_lines = ["", f"Arithmetic rate of the products (GFLOP/s) and its fraction of OpenBLAS's 512×512 matrix "
                  f"multiply measured in the same run: {peak1:.1f} GFLOP/s on one thread, {peak_all:.1f} with its "
                  f"default threads.", "",
                  "| " + " | ".join(peak_header) + " |", "|" + "---|" * len(peak_header)]
    for wid in ("digits", "wide"):
        f = flops_per_sample(wid)

        def cell(rate, peak):
            return "–" if rate is None else f"{rate * f / 1e9:.1f} ({100 * rate * f / 1e9 / peak:.0f} %)"
        peak_lines.append("| " + " | ".join([f"{wid} ({f:,})", cell(kit.get((wid, "one_thread")), peak1),
                                              cell(one[wid]["numpy_samples_per_s"], peak1),
                                              cell(one[wid]["torch_samples_per_s"], peak1),
                                              cell(kit.get((wid, "all_cores")), peak_all),
                                              cell(many[wid]["numpy_samples_per_s"], peak_all),
                                              cell(many[wid]["torch_samples_per_s"], peak_all)]) + " |")
    notes = [
        "",
        f"The kit's own 512×512 product (a 512 → 512 linear layer's forward pass on 512 samples): "
        f"{kit_mm[0]:.1f} GFLOP/s on one thread and {kit_mm[1]:.1f} on all cores with the vector products, "
        f"{plain_mm[0]:.1f} and {plain_mm[1]:.1f} with the plain ones; OpenBLAS (NumPy): {peak1:.1f} and {peak_all:.1f}.",
        "Bytes allocated per training step after warm-up (between the ends of epochs 1 and 3, on all cores), "
        "calling thread + workers: " + ", ".join(f"{w} {float(alloc[w][0]):.1f} + {float(alloc[w][1]):.1f} B"
                                                  for w in TITLES)
        + "; once per 1-epoch train() call (workspaces, history, workers): "
        + ", ".join(f"{w} {float(alloc[w][2]) / 1e6:.2f} MB ({alloc[w][3]} workers)" for w in TITLES) + ".",
        "Loss after one epoch, kit / NumPy / PyTorch: "
        + "; ".join(f"{w} {one[w]['kit_loss_after_1_epoch']:.15g} / {one[w]['numpy_loss_after_1_epoch']:.15g} / "
                    f"{one[w]['torch_loss_after_1_epoch']:.15g}" for w in TITLES) + ".",
        f"Threads: PyTorch pinned {pinned['threads']}, default {default['threads']}; the kit 1 or all "
        f"cores. Load average (1 min) at the start and end of the run: {load}.",
    ]
    text = "\n".join(lines + peak_lines + notes)
    (bench / "table.md").write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
