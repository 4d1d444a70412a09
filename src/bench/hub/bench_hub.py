"""How many learners a JupyterHub machine holds: a measurement, not a test.

    /usr/bin/python3 src/bench/hub/bench_hub.py --learners 10 [--lesson 08-gradient-descent] [--no-runaway]

Builds the room of src/test/hub/room.py (Debian's JupyterHub, PAM, LocalProcessSpawner, real users, the
kernel installed in /usr/local), then:

1. Alone: one learner runs the lesson, for a baseline.
2. The room: N learners log in and start their servers at once, then all press Run All on the same
   lesson at the same moment. Per learner: resident memory of the single-user server and of the
   kernel (both with the notebook still open), CPU seconds the kernel used, the lesson's wall time,
   p50/p95 cell latency (request to reply and idle), failures.
3. A runaway neighbour: in a room of two, learner B runs the lesson followed by 40 trivial cells
   (`1 + 1`) while learner A's cell is (a) an endless loop, (b) allocating until OutOfMemoryError,
   over and over, (c) printing without end; then A interrupts it. B's numbers against B's alone, and
   whether A's kernel still answers afterwards.

Prints Markdown tables and writes every number to build/bench-hub/hub-N.json. Needs root (it creates
system users); takes a few minutes for 20 learners on 2 cores.
"""
import argparse
import json
import os
import platform
import statistics
import sys
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "test" / "hub"))
import room  # noqa: E402

TRIVIAL = 40
RUNAWAYS = {
    "endless loop": "long spins = 0;\nwhile (true) { spins++; }",
    "OutOfMemoryError": "var hog = new java.util.ArrayList<double[]>();\nwhile (true) { hog.add(new double[1 << 20]); }",
    "output flood": 'for (long i = 0; ; i++) { System.out.println("line " + i + " of a cell that never stops printing"); }',
}


def cpu_by_role(r, learner):
    """CPU seconds so far of the learner's kernels and server, and of the hub's proxy."""
    seconds = {"kernel": 0.0, "server": 0.0, "proxy": 0.0}
    processes = [(p, "kernel" if p.name() == "java" else "server") for p in learner.processes()]
    try:
        processes.append((psutil.Process(int((r.work / "proxy.pid").read_text())), "proxy"))
    except (OSError, ValueError, psutil.Error):
        pass
    for p, role in processes:
        try:
            t = p.cpu_times()
            seconds[role] += t.user + t.system
        except psutil.Error:
            pass
    return seconds


def kernel_cpu(learner):
    total = 0.0
    for p in learner.processes():
        try:
            if p.name() == "java":
                t = p.cpu_times()
                total += t.user + t.system
        except psutil.Error:
            pass
    return total


def lesson_numbers(learner, run):
    server, kernels = learner.memory()
    latencies = run.latencies()
    return {
        "learner": learner.name,
        "server_mib": round(server, 1),
        "kernel_mib": round(sum(kernels), 1),
        "total_mib": round(server + sum(kernels), 1),
        "kernel_cpu_s": round(kernel_cpu(learner), 2),
        "lesson_s": round(run.seconds, 2),
        "p50_ms": round(1000 * statistics.median(latencies), 1) if latencies else None,
        "p95_ms": round(1000 * room.percentile(latencies, 95), 1) if latencies else None,
        "cells": len(run.cells),
        "checks": len(run.checks),
        "failures": run.problems,
    }


def run_lesson_and_measure(learner, path):
    run = learner.run_notebook(path, keep_open=True)
    numbers = lesson_numbers(learner, run)
    if run.kernel is not None:
        run.kernel.close()
        learner.shut(run.session_id)
    return numbers


def trivial_latencies(learner, count=TRIVIAL):
    session_id, kernel = learner.open("lessons/trivial.ipynb")
    try:
        kernel.execute(room.Cell(0, "1 + 1"))  # start-up and first compile are not what we measure
        cells = [kernel.execute(room.Cell(i, "1 + 1")) for i in range(1, count + 1)]
        wrong = [c.index for c in cells if c.status != "ok" or "2" not in c.text]
        return [c.seconds for c in cells], wrong
    finally:
        kernel.close()
        learner.shut(session_id)


def neighbour(learner, lesson):
    """B's numbers: the lesson, then TRIVIAL round-trips of `1 + 1` in a fresh kernel."""
    numbers = run_lesson_and_measure(learner, f"lessons/{lesson}")
    latencies, wrong = trivial_latencies(learner)
    numbers.update(trivial_p50_ms=round(1000 * statistics.median(latencies), 1),
                   trivial_p95_ms=round(1000 * room.percentile(latencies, 95), 1),
                   trivial_wrong=wrong)
    return numbers


class Runaway:
    """Learner A's runaway cell, kept going (and its output read, as a browser would) until stopped."""

    def __init__(self, r, learner, code):
        self.room, self.learner, self.code = r, learner, code
        self.session_id, self.kernel = learner.open("lessons/runaway.ipynb")
        self.kernel.execute(room.Cell(0, "1 + 1"))
        self.stop = threading.Event()
        self.outputs = self.oom_errors = self.rounds = 0
        self.peak_mib, self.measured = 0.0, 0.0
        self.thread = threading.Thread(target=self.keep_running)

    def keep_running(self):
        while not self.stop.is_set():
            msg_id = self.kernel.message("execute_request", {"code": self.code, "silent": False, "store_history": True,
                                                             "user_expressions": {}, "allow_stdin": False,
                                                             "stop_on_error": True})
            self.rounds += 1
            replied = idle = False
            interrupted = False
            while not (replied and idle):
                msg = self.kernel.receive(time.monotonic() + 1)  # None after a second: memory, stop?
                if time.monotonic() - self.measured > 0.5:
                    self.peak_mib = max(self.peak_mib, sum(self.learner.memory()[1]))
                    self.measured = time.monotonic()
                if self.stop.is_set() and not interrupted:
                    self.kernel.interrupt()
                    interrupted = True
                if msg is None or msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                if msg["msg_type"] == "execute_reply":
                    replied = True
                elif msg["msg_type"] == "status":
                    idle = msg["content"]["execution_state"] == "idle"
                elif msg["msg_type"] == "stream":
                    self.outputs += 1
                elif msg["msg_type"] == "error" and "OutOfMemoryError" in msg["content"]["ename"] + msg["content"]["evalue"]:
                    self.oom_errors += 1

    def __enter__(self):
        self.cpu_before, self.started = cpu_by_role(self.room, self.learner), time.monotonic()
        self.thread.start()
        time.sleep(2)  # let the runaway take hold before the neighbour starts measuring
        return self

    def __exit__(self, *exc):
        after, seconds = cpu_by_role(self.room, self.learner), time.monotonic() - self.started
        # share of one core each part used while the runaway ran (kernels of A only: B's are not counted)
        self.cores = {k: round((after[k] - self.cpu_before[k]) / seconds, 2) for k in after}
        self.stop.set()
        self.thread.join(timeout=120)
        self.alive = False
        try:
            cell = self.kernel.execute(room.Cell(1, "1 + 1"), timeout=60)
            self.alive = cell.status == "ok" and "2" in cell.text
        except Exception as e:  # noqa: BLE001 - reported as not alive
            self.error = str(e)
        self.kernel.close()
        self.learner.shut(self.session_id)


def machine():
    load = os.getloadavg()
    return {"cpus": os.cpu_count(), "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
            "platform": platform.platform(), "load_before": [round(x, 2) for x in load]}


def table(rows, columns):
    lines = ["| " + " | ".join(c for c, _ in columns) + " |", "|" + "---|" * len(columns)]
    for r in rows:
        lines.append("| " + " | ".join(str(f(r)) for _, f in columns) + " |")
    return "\n".join(lines)


LEARNER_COLUMNS = [
    ("learner", lambda r: r["learner"].split("-")[-1]), ("server MiB", lambda r: r["server_mib"]),
    ("kernel MiB", lambda r: r["kernel_mib"]), ("sum MiB", lambda r: r["total_mib"]),
    ("kernel CPU s", lambda r: r["kernel_cpu_s"]), ("lesson s", lambda r: r["lesson_s"]),
    ("p50 ms", lambda r: r["p50_ms"]), ("p95 ms", lambda r: r["p95_ms"]),
    ("checks", lambda r: r["checks"]), ("failures", lambda r: len(r["failures"])),
]


def summary(rows):
    def stat(key):
        values = [r[key] for r in rows if r[key] is not None]
        return f"{statistics.median(values):.1f} (max {max(values):.1f})" if values else "none"
    return {k: stat(k) for k in ("server_mib", "kernel_mib", "total_mib", "kernel_cpu_s", "lesson_s", "p50_ms", "p95_ms")}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=10)
    parser.add_argument("--lesson", default="08-gradient-descent")
    parser.add_argument("--no-runaway", action="store_true")
    parser.add_argument("--every-lesson", action="store_true",
                        help="first, one learner alone runs every notebooks/*.ipynb (memory and time per lesson)")
    parser.add_argument("--out", default=str(room.KIT / "build" / "bench-hub"))
    args = parser.parse_args()
    lesson = f"{args.lesson}.ipynb"
    lesson_file = room.KIT / "notebooks" / lesson
    if not lesson_file.exists():
        sys.exit(f"no lesson {lesson_file}")
    trivial = room.KIT / "build" / "bench-hub" / "trivial.ipynb"
    trivial.parent.mkdir(parents=True, exist_ok=True)
    blank = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": []}
    for name in ("trivial.ipynb", "runaway.ipynb"):
        (trivial.parent / name).write_text(json.dumps(blank))
    lessons = sorted((room.KIT / "notebooks").glob("[0-9]*.ipynb"))
    files = lessons + [trivial.parent / "trivial.ipynb", trivial.parent / "runaway.ipynb"]
    report = {"machine": machine(), "lesson": args.lesson, "learners": args.learners,
              "jvm_opts": os.environ.get("BACKPROP_KIT_JVM_OPTS", "")}
    env = {"BACKPROP_KIT_JVM_OPTS": report["jvm_opts"]} if report["jvm_opts"] else {}

    with room.Room(args.learners, spawner_environment=env) as r:
        started = time.monotonic()
        r.bring_in()
        report["spawn_all_s"] = round(time.monotonic() - started, 1)
        room.in_parallel([lambda l=l: l.upload("lessons", files) for l in r.learners])
        print(f"{args.learners} servers up in {report['spawn_all_s']} s; machine: {report['machine']}", flush=True)

        if args.every_lesson:
            report["every_lesson"] = [dict(run_lesson_and_measure(r.learners[0], f"lessons/{nb.name}"), lesson=nb.stem)
                                      for nb in lessons]
            print("\n### One learner alone, every lesson\n")
            print(table(report["every_lesson"], [("lesson", lambda x: x["lesson"])] + LEARNER_COLUMNS[1:]), flush=True)
        report["alone"] = run_lesson_and_measure(r.learners[0], f"lessons/{lesson}")
        print(f"alone: lesson {report['alone']['lesson_s']} s, p50 {report['alone']['p50_ms']} ms, "
              f"p95 {report['alone']['p95_ms']} ms", flush=True)

        idle = [l.memory()[0] for l in r.learners]
        report["idle_server_mib"] = round(statistics.median(idle), 1)
        started = time.monotonic()
        report["room"] = room.in_parallel([lambda l=l: run_lesson_and_measure(l, f"lessons/{lesson}") for l in r.learners])
        report["room_wall_s"] = round(time.monotonic() - started, 1)
        report["room_summary"] = summary(report["room"])
        report["machine"]["load_after_room"] = [round(x, 2) for x in os.getloadavg()]
        print(f"\n### {args.learners} learners run {args.lesson} at once ({report['room_wall_s']} s for all)\n")
        print(table(report["room"], LEARNER_COLUMNS))
        print("\nmedian (max):", json.dumps(report["room_summary"], ensure_ascii=False), flush=True)
        for row in report["room"]:
            for failure in row["failures"]:
                print(f"  {row['learner']}: {failure}", flush=True)

        if not args.no_runaway:
            b, a = r.learners[0], r.learners[1]
            report["neighbour"] = {"alone": neighbour(b, lesson)}
            for name, code in RUNAWAYS.items():
                with Runaway(r, a, code) as runaway:
                    numbers = neighbour(b, lesson)
                numbers["runaway"] = {"rounds": runaway.rounds, "oom_errors": runaway.oom_errors,
                                      "stream_messages": runaway.outputs, "peak_kernel_mib": round(runaway.peak_mib, 1),
                                      "alive_after_interrupt": runaway.alive, "error": getattr(runaway, "error", None),
                                      "cores_used": runaway.cores}
                report["neighbour"][name] = numbers
                print(f"runaway {name}: done ({numbers['runaway']})", flush=True)
            print("\n### The neighbour (B) while A's cell runs away\n")
            rows = [{"case": k, **v} for k, v in report["neighbour"].items()]
            print(table(rows, [
                ("A's cell", lambda x: x["case"] if x["case"] != "alone" else "(none)"),
                ("B lesson s", lambda x: x["lesson_s"]), ("B cell p50 ms", lambda x: x["p50_ms"]),
                ("B cell p95 ms", lambda x: x["p95_ms"]), ("B `1 + 1` p50 ms", lambda x: x["trivial_p50_ms"]),
                ("B `1 + 1` p95 ms", lambda x: x["trivial_p95_ms"]), ("B failures", lambda x: len(x["failures"]) + len(x["trivial_wrong"])),
                ("A's kernel peak MiB", lambda x: x.get("runaway", {}).get("peak_kernel_mib", "")),
                ("A answers after interrupt", lambda x: x.get("runaway", {}).get("alive_after_interrupt", "")),
                ("cores used by A's kernel / A's server / proxy", lambda x: " / ".join(
                    str(v) for v in x["runaway"]["cores_used"].values()) if "runaway" in x else ""),
            ]))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"hub-{args.learners}.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    print(f"\nall numbers: {out / f'hub-{args.learners}.json'}")


if __name__ == "__main__":
    main()
