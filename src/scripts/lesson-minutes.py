"""Minutes per lesson for planning a workshop, from the executed lessons (build/lessons/*.ipynb by default).

    /usr/bin/python3 src/scripts/lesson-minutes.py [DIR]

For each lesson: the seconds its code cells took to execute (nbclient's per-cell timings, kernel start not
included), the words of its prose, its code and exercise cells, and two planning figures built from them with
the allowances docs/instructors.md states ("Paths through the course"):

  demo       the instructor runs and explains every cell, exercises shown solved: prose at 130 words a
             minute, 0.5 min per code cell, plus the execution time.
  exercises  per exercise, the time a learner needs to write it: 10 min plus 1 min per line of its solution.
  self       a learner works through it alone: prose at 100 words a minute (technical text with formulas),
             0.5 min per code cell, plus the execution time, plus the exercises.
"""
import datetime
import json
import re
import sys
from pathlib import Path

KIT = Path(__file__).resolve().parents[2]
WORDS = re.compile(r"[A-Za-zÀ-ÿ0-9']+")


def seconds(cell):
    t = cell.get("metadata", {}).get("execution", {})
    if "iopub.execute_input" not in t or "shell.execute_reply" not in t:
        return 0.0
    parse = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
    return (parse(t["shell.execute_reply"]) - parse(t["iopub.execute_input"])).total_seconds()


def lesson(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    words = code = 0
    run = 0.0
    exercises = []
    for c in nb["cells"]:
        src = "".join(c["source"])
        if c["cell_type"] == "markdown":
            words += len(WORDS.findall(re.sub(r"\$[^$]*\$", " x ", src)))
        elif c["cell_type"] == "code":
            code += 1
            run += seconds(c)
            if "BEGIN SOLUTION" in src:
                body = src.split("BEGIN SOLUTION", 1)[1].split("END SOLUTION", 1)[0]
                lines = sum(1 for l in body.splitlines() if l.strip() and "HINT:" not in l and l.strip() != "//")
                exercises.append(10 + lines)
    demo = words / 130 + 0.5 * code + run / 60
    self_study = words / 100 + 0.5 * code + run / 60 + sum(exercises)
    return words, code, run, demo, exercises, self_study


def main():
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else KIT / "build" / "lessons"
    paths = sorted(folder.glob("[0-9]*.ipynb"))
    if not paths:
        sys.exit(f"no executed lessons in {folder}: run src/scripts/kit.sh (or run-lessons.py) first")
    print(f"{'lesson':<30} {'words':>6} {'code':>5} {'run s':>6} {'demo min':>9} {'exercises min':>14} {'self min':>9}")
    for p in paths:
        w, c, r, d, e, s = lesson(p)
        print(f"{p.stem:<30} {w:>6} {c:>5} {r:>6.1f} {d:>9.0f} {' + '.join(map(str, e)) or '-':>14} {s:>9.0f}")


if __name__ == "__main__":
    main()
