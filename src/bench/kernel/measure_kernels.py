"""Kernel start-up, cell round-trip and memory, measured through jupyter_client, kit vs peer.

    /usr/bin/python3 src/bench/kernel/measure_kernels.py KERNEL [KERNEL ...] [--runs 20] [--lesson NB]

For each kernel name: `runs` fresh starts (a start that gets no answer within 30 s is counted as
failed and not timed), each timed from start_new_kernel to the first result of
`1 + 1`; then in one kernel, `runs` × 5 round-trips of a trivial cell (median and 90th percentile);
then, if --lesson is given, the kernel's resident memory (VmRSS of the JVM) after running every code
cell of that notebook. Kernels run one after the other on the same machine in the same run.
"""
import argparse
import statistics
import time

import jupyter_client
import nbformat


def start(name, timeout=120):
    t0 = time.perf_counter()
    km, kc = jupyter_client.manager.start_new_kernel(kernel_name=name, startup_timeout=timeout)
    reply = kc.execute_interactive("1 + 1", timeout=60, output_hook=lambda m: None)
    assert reply["content"]["status"] == "ok", reply["content"]
    return km, kc, time.perf_counter() - t0


def rss_mib(km):
    """Resident memory of the kernel's JVM (the launcher execs java, so the pid is the JVM's)."""
    pid = km.provisioner.process.pid
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(name, runs, lesson):
    starts, failed = [], 0
    for _ in range(runs):
        try:
            km, kc, seconds = start(name, timeout=30)
        except RuntimeError:  # the kernel never answered: count it, as a learner would notice it
            failed += 1
            continue
        starts.append(seconds)
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    while True:
        try:
            km, kc, _ = start(name, timeout=30)
            break
        except RuntimeError:
            failed += 1
    trips = []
    for _ in range(runs * 5):
        t0 = time.perf_counter()
        kc.execute_interactive("1 + 1", timeout=60, output_hook=lambda m: None)
        trips.append(time.perf_counter() - t0)
    memory = float("nan")
    if lesson:
        for cell in nbformat.read(lesson, 4).cells:
            if cell.cell_type == "code":
                kc.execute_interactive(cell.source, timeout=300, output_hook=lambda m: None)
        memory = rss_mib(km)
    kc.stop_channels()
    km.shutdown_kernel(now=True)
    trips.sort()
    return {"kernel": name, "start_median_s": statistics.median(starts), "start_max_s": max(starts),
            "cell_median_ms": 1000 * statistics.median(trips), "cell_p90_ms": 1000 * trips[int(0.9 * len(trips))],
            "rss_after_lesson_mib": memory, "failed_starts": failed}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("kernels", nargs="+")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--lesson")
    args = parser.parse_args()
    rows = [measure(k, args.runs, args.lesson) for k in args.kernels]
    print(f"{'kernel':<24} {'start median':>12} {'start max':>10} {'cell median':>12} {'cell p90':>9} {'RSS after lesson':>17}"
          f" {'failed starts':>14}")
    for r in rows:
        print(f"{r['kernel']:<24} {r['start_median_s']:>10.2f} s {r['start_max_s']:>8.2f} s {r['cell_median_ms']:>9.1f} ms"
              f" {r['cell_p90_ms']:>6.1f} ms {r['rss_after_lesson_mib']:>13.0f} MiB {r['failed_starts']:>14}")


if __name__ == "__main__":
    main()
