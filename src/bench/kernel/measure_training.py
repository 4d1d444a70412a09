"""What the kernel's JIT settings cost and buy: start-up, memory after a lesson, and training time in cells.

    /usr/bin/python3 src/bench/kernel/measure_training.py KERNEL [--starts 5] [--lesson NB] [--variant NAME=OPTS ...]

For each variant (JVM options appended through BACKPROP_KIT_JVM_OPTS, so they win over the kernel's
defaults; the default variants are the kernel's C1-only default and full tiered compilation with C2), in
fresh kernels of the installed kernelspec KERNEL:
  - start-up: start to the first result of `1 + 1`, median of --starts starts;
  - memory: the JVM's resident set (VmRSS) after every code cell of the lesson;
  - training: the benchmark workloads of docs/performance.md (same shapes and hyper-parameters, seeded
    synthetic data so that nothing but the kit is needed) trained in cells, 2 epochs per call, timed in
    the cell with System.nanoTime: the first call (what a learner waits for) and the best of the next seven
    (C2 compiles in the background, on a shared machine, so a few calls are needed to see its steady speed);
  - the lesson's own run time (all its cells, one after the other).
Prints one table row per variant; --json FILE also writes the numbers.
"""
import argparse
import json
import os
import statistics
import time

import jupyter_client
import nbformat

SETUP = r"""
long[] trainTimes(Network start, Matrix x, Matrix t, int batch, double eta, int calls) {
    long[] ns = new long[calls];
    for (int c = 0; c < calls; c++) {
        Network net = start.copy();
        long t0 = System.nanoTime();
        Trainer.sgd(eta).epochs(2).batchSize(batch).seed(2026).train(net, x, t);
        ns[c] = System.nanoTime() - t0;
    }
    return ns;
}
Matrix[] synthetic(int n, int inputs, int classes, boolean images) {
    java.util.Random r = new java.util.Random(2026);
    double[][] x = new double[n][inputs], t = new double[n][classes];
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < inputs; j++) x[i][j] = images ? r.nextDouble() : 2 * r.nextDouble() - 1;
        t[i][images ? r.nextInt(classes) : (x[i][0] * x[i][1] > 0 ? 1 : 0)] = 1;
    }
    return new Matrix[] {Matrix.of(x), Matrix.of(t)};
}
"""

WORKLOADS = {  # name: (sizes, hidden, loss, batch, eta, samples, images)
    "article 2-3-2": ("2, 3, 2", "SIGMOID", "L2", 1, 0.5, 1000, "false"),
    "digits 64-32-10": ("64, 32, 10", "SIGMOID", "CROSS_ENTROPY", 32, 0.1, 1797, "true"),
    "wide 784-128-10": ("784, 128, 10", "RELU", "CROSS_ENTROPY", 64, 0.05, 2048, "true"),
}


def start(name, options):
    env = dict(os.environ, BACKPROP_KIT_JVM_OPTS=options)
    t0 = time.perf_counter()
    km, kc = jupyter_client.manager.start_new_kernel(kernel_name=name, startup_timeout=60, env=env)
    run(kc, "1 + 1")
    return km, kc, time.perf_counter() - t0


def run(kc, code, timeout=600):
    out = []

    def hook(msg):
        if msg["msg_type"] == "stream":
            out.append(msg["content"]["text"])
        elif msg["msg_type"] == "execute_result":
            out.append(msg["content"]["data"].get("text/plain", ""))
        elif msg["msg_type"] == "error":
            raise RuntimeError(f"cell failed: {msg['content']['ename']}: {msg['content']['evalue']}\n{code}")

    reply = kc.execute_interactive(code, timeout=timeout, output_hook=hook)
    assert reply["content"]["status"] == "ok", reply["content"]
    return "".join(out)


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def rss_mib(km):
    for line in open(f"/proc/{km.provisioner.process.pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(name, options, starts, lesson):
    result = {"options": options or "(kernel defaults)"}
    times = []
    for _ in range(starts):
        km, kc, seconds = start(name, options)
        times.append(seconds)
        stop(km, kc)
    result["start_s"] = statistics.median(times)
    km, kc, _ = start(name, options)
    t0 = time.perf_counter()
    for cell in nbformat.read(lesson, 4).cells:
        if cell.cell_type == "code":
            kc.execute_interactive(cell.source, timeout=600, output_hook=lambda m: None)
    result["lesson_s"] = time.perf_counter() - t0
    result["rss_after_lesson_mib"] = rss_mib(km)
    stop(km, kc)
    km, kc, _ = start(name, options)
    run(kc, SETUP)
    for workload, (sizes, hidden, loss, batch, eta, samples, images) in WORKLOADS.items():
        outputs = sizes.split(",")[-1].strip()
        inputs = sizes.split(",")[0].strip()
        code = (f"var data = synthetic({samples}, {inputs}, {outputs}, {images});\n"
                f"var net = Network.of({sizes}).hidden(Activation.{hidden}).loss(Loss.{loss}).seed(2026);\n"
                f"java.util.Arrays.toString(trainTimes(net, data[0], data[1], {batch}, {eta}, 8))")
        ns = [int(v) for v in run(kc, code).strip().strip('"[]').split(",")]
        result[workload] = {"first_ms": ns[0] / 1e6, "best_ms": min(ns[1:]) / 1e6,
                            "samples_per_s_best": 2 * samples / (min(ns[1:]) / 1e9)}
    stop(km, kc)
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kernel")
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--lesson", default=os.path.join(os.path.dirname(__file__), "../../../notebooks/05-output-gradients.ipynb"))
    parser.add_argument("--variant", action="append", default=[],
                        help="NAME=JVM options (default: C1 only, the kernel's default; tiered with C2; and C2 with the vector module)")
    parser.add_argument("--json")
    args = parser.parse_args()
    variants = dict(v.split("=", 1) for v in args.variant) or {
        "C1 only (default)": "", "tiered, C2": "-XX:TieredStopAtLevel=4",
        "C2 + vector module": "-XX:TieredStopAtLevel=4 --add-modules jdk.incubator.vector"}
    rows = {name: measure(args.kernel, options, args.starts, args.lesson) for name, options in variants.items()}
    print(f"{'variant':<22} {'start':>7} {'lesson':>7} {'RSS':>8}  " + "  ".join(f"{w + ' first / best':>34}" for w in WORKLOADS))
    for name, r in rows.items():
        print(f"{name:<22} {r['start_s']:>5.2f} s {r['lesson_s']:>5.1f} s {r['rss_after_lesson_mib']:>4.0f} MiB  "
              + "  ".join(f"{r[w]['first_ms']:>12.1f} ms / {r[w]['best_ms']:>8.1f} ms ({r[w]['samples_per_s_best']:>9,.0f}/s)"
                          for w in WORKLOADS))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=1)


if __name__ == "__main__":
    main()
