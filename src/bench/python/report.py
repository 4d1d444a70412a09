"""Prints the benchmark table from JMH's JSON (the kit) and the peers' JSON, and writes it as Markdown.

    /usr/bin/python3 src/bench/python/report.py BENCH_DIR

BENCH_DIR holds jmh.json, peers-1-thread.json, peers-default.json, matmul-gflops.txt, alloc.txt, data/.
"""
import json
import sys
from pathlib import Path

EPOCHS = 2
SAMPLES = {"article": 1000, "digits": 1797, "wide": 2048}
# multiply-adds × 2 per sample for training (forward, backward to the hidden layer, weight gradients)
FLOPS_PER_SAMPLE_WIDE = 2 * 3 * (784 * 128 + 128 * 10)


def kit_results(jmh):
    out = {}
    for r in jmh:
        wid = r["params"]["workload"].lower()
        name = r["benchmark"].rsplit(".", 1)[-1]
        if name == "train":
            out[(wid, "samples_per_s")] = r["primaryMetric"]["score"] * EPOCHS * SAMPLES[wid]
            metrics = r.get("secondaryMetrics", {})
            alloc = metrics.get("gc.alloc.rate.norm") or metrics.get("·gc.alloc.rate.norm")
            if alloc:
                out[(wid, "bytes_per_call")] = alloc["score"]
        else:
            out[(wid, "gradient_check_ms")] = r["primaryMetric"]["score"]
    return out


def main():
    bench = Path(sys.argv[1])
    kit = kit_results(json.loads((bench / "jmh.json").read_text()))
    pinned = json.loads((bench / "peers-1-thread.json").read_text())
    one = pinned["workloads"]
    default = json.loads((bench / "peers-default.json").read_text())
    peak = float((bench / "matmul-gflops.txt").read_text())
    alloc = {line.split()[0]: (float(line.split()[1]), float(line.split()[2]))
             for line in (bench / "alloc.txt").read_text().splitlines()}
    rows = []
    titles = {"article": "1. 2-3-2 sigmoid/L2, per-sample SGD (steps/s)",
              "digits": "2. 64-32-10 softmax/CE on digits, batch 32 (samples/s)",
              "wide": "3. 784-128-10 softmax/CE, batch 64 (samples/s)"}
    for wid, title in titles.items():
        k = kit[(wid, "samples_per_s")]
        n1, t1 = one[wid]["numpy_samples_per_s"], one[wid]["torch_samples_per_s"]
        td = default["workloads"][wid]["torch_samples_per_s"]
        rows.append([title, f"{k:,.0f}", f"{n1:,.0f}", f"{t1:,.0f}", f"{td:,.0f}", f"{k / n1:.1f}×", f"{k / t1:.1f}×"])
    for wid, title in (("article", "4a. gradient check, 2-3-2 (ms)"), ("digits", "4b. gradient check, 64-32-10 (ms)")):
        k = kit[(wid, "gradient_check_ms")]
        n1, t1 = one[wid]["numpy_gradient_check_ms"], one[wid]["torch_gradient_check_ms"]
        td = default["workloads"][wid]["torch_gradient_check_ms"]
        rows.append([title, f"{k:.3g}", f"{n1:.3g}", f"{t1:.3g}", f"{td:.3g}", f"{n1 / k:.0f}× faster", f"{t1 / k:.0f}× faster"])
    header = ["workload", "kit", "NumPy", "PyTorch (1 thread)", "PyTorch (default threads)", "kit/NumPy", "kit/PyTorch (1 thr.)"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    wide_gflops = kit[("wide", "samples_per_s")] * FLOPS_PER_SAMPLE_WIDE / 1e9
    notes = [
        "",
        f"Matrix-multiply peak (plain blocked Java kernel, 512×512, one core): {peak:.2f} GFLOP/s; "
        f"the kit on workload 3 sustains {wide_gflops:.2f} GFLOP/s of training arithmetic = {100 * wide_gflops / peak:.0f} % of it. "
        f"NumPy's BLAS (OpenBLAS) multiplies 512×512 at {pinned.get('numpy_matmul_gflops', float('nan')):.1f} GFLOP/s on one thread.",
        "Bytes allocated per training step after warm-up (3-epoch minus 1-epoch Trainer call, per step): "
        + ", ".join(f"{w} {max(0.0, alloc[w][0]):.1f} B" for w in titles)
        + "; once per train() call, for workspaces and history: "
        + ", ".join(f"{w} {alloc[w][1] / 1e6:.2f} MB" for w in titles)
        + " (JMH's gc profiler, per 2-epoch call: "
        + ", ".join(f"{w} {kit.get((w, 'bytes_per_call'), float('nan')) / 1e6:.2f} MB" for w in titles) + ").",
        "Loss after one epoch, kit / NumPy / PyTorch: "
        + "; ".join(f"{w} {one[w]['kit_loss_after_1_epoch']:.15g} / {one[w]['numpy_loss_after_1_epoch']:.15g} / "
                    f"{one[w]['torch_loss_after_1_epoch']:.15g}" for w in titles) + ".",
        f"Threads: PyTorch pinned {json.loads((bench / 'peers-1-thread.json').read_text())['threads']}, "
        f"default {default['threads']}; the kit is single-threaded.",
    ]
    text = "\n".join(lines + notes)
    (bench / "table.md").write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
