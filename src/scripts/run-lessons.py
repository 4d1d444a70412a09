"""Executes the lesson notebooks headlessly with the kit's kernel and reports on each.

    /usr/bin/python3 src/scripts/run-lessons.py [--kernel NAME] [--out DIR] [--check-clean] [--jobs N] [NOTEBOOK ...]

For every notebook (default: notebooks/*.ipynb, in order) it validates the file with nbformat, runs every
cell through nbclient, writes the executed notebook and an HTML page to DIR (default build/lessons), and
prints one line: cells, checks passed (lines starting with ✓, as the kit's Check helpers print), seconds. A cell that raises, an error output, or
any output on stderr (nbgrader scores a cell with stderr output zero) marks the lesson failed; the exit status is 1 if any lesson failed. --check-clean also fails a committed notebook that
carries outputs (lessons are committed without them). Its kernels run with BACKPROP_KIT_HEADLESS=1, so pictures
that move (step-throughs, live training) show only their final frame, at once.

The pages' math is typeset to SVG at build time (src/scripts/math/render-math.cjs, MathJax from npm), so a
page shows its formulas in any browser, offline, without MathJax on the machine; a formula with a TeX error
fails its lesson. Without node or that npm package (kit.sh installs both) the pages keep nbconvert's
MathJax script, which works only where its MathJax is, and a warning says so.

--jobs N runs N lessons at a time, each in its own kernel (the tests use 2: a kernel's start and a lesson's cells
keep about one core busy); the seconds printed are then those of lessons that shared the machine.
"""
import argparse
import concurrent.futures
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter
from kit_client import KitNotebookClient

KIT = Path(__file__).resolve().parents[2]
MATH = KIT / "src" / "scripts" / "math"


def outputs_text(cell):
    """All text a code cell showed: streams and the text/plain of results and displays."""
    parts = []
    for out in cell.get("outputs", []):
        if out["output_type"] == "stream":
            parts.append(out["text"])
        elif "data" in out:
            parts.append(out["data"].get("text/plain", ""))
    return "".join(parts)


def dirty_cells(nb):
    """Code cells that were committed with outputs or an execution count."""
    return [i for i, c in enumerate(nb.cells, 1)
            if c.cell_type == "code" and (c.get("outputs") or c.get("execution_count") is not None)]


def run(path, kernel, out_dir, check_clean):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    problems = []
    dirty = dirty_cells(nb) if check_clean else []
    if dirty:
        problems.append(f"committed with outputs in cells {dirty}; clear them before committing")
    code_cells = sum(1 for c in nb.cells if c.cell_type == "code")
    client = KitNotebookClient(nb, kernel_name=kernel, timeout=300, startup_timeout=60,
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.monotonic()
    try:
        client.execute()
    except CellExecutionError as e:
        first = str(e).strip().splitlines()
        problems.append("a cell failed: " + (first[-1] if first else "?"))
    seconds = time.monotonic() - start
    errors = [i for i, c in enumerate(nb.cells, 1) if c.cell_type == "code"
              and any(o["output_type"] == "error" for o in c.get("outputs", []))]
    if errors and not problems:
        problems.append(f"error output in cells {errors}")
    stderr = [i for i, c in enumerate(nb.cells, 1) if c.cell_type == "code"
              and any(o["output_type"] == "stream" and o["name"] == "stderr" for o in c.get("outputs", []))]
    if stderr:
        problems.append(f"output on stderr in cells {stderr}: nbgrader scores such cells zero")
    checks = sum(1 for c in nb.cells if c.cell_type == "code"
                 for line in outputs_text(c).splitlines() if line.startswith("✓ "))
    out_dir.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out_dir / path.name)
    html, _ = HTMLExporter().from_notebook_node(nb)
    (out_dir / path.with_suffix(".html").name).write_text(html, encoding="utf-8")
    return code_cells, checks, seconds, problems


def typeset_math(pages):
    """Typesets the pages' math to SVG in place; returns {page name: [TeX errors]}, or None without the renderer."""
    if not shutil.which("node") or not (MATH / "node_modules" / "mathjax-full").is_dir():
        return None
    done = subprocess.run(["node", str(MATH / "render-math.cjs"), *map(str, pages)], capture_output=True, text=True)
    problems = {page.name: [] for page in pages}
    for line in done.stdout.splitlines():
        page, _, what = line.partition(": ")
        if not what.endswith("formulas typeset to SVG"):
            problems.setdefault(Path(page).name, []).append(what)
    if done.returncode != 0 and not any(problems.values()):
        problems[pages[0].name].append(f"the math renderer failed: {done.stderr.strip() or done.stdout.strip()}")
    return problems


def main():
    # No one watches a headless run: step-throughs and live training go straight to their final picture
    # instead of pausing between frames (the kernels started below inherit this).
    os.environ.setdefault("BACKPROP_KIT_HEADLESS", "1")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kernel", default="backprop-java")
    parser.add_argument("--out", default=str(KIT / "build" / "lessons"))
    parser.add_argument("--check-clean", action="store_true")
    parser.add_argument("--jobs", type=int, default=1, help="lessons run at a time, each in its own kernel")
    parser.add_argument("notebooks", nargs="*")
    args = parser.parse_args()
    paths = [Path(p) for p in args.notebooks] or sorted((KIT / "notebooks").glob("[0-9]*.ipynb"))
    if not paths:
        sys.exit("no lesson notebooks found in " + str(KIT / "notebooks"))
    out_dir = Path(args.out)
    print(f"{'lesson':<34} {'cells':>5} {'checks ✓':>9} {'seconds':>8}  result")
    failed, total = 0, time.monotonic()
    with concurrent.futures.ProcessPoolExecutor(max(1, args.jobs)) as pool:
        runs = [pool.submit(run, path, args.kernel, out_dir, args.check_clean) for path in paths]
        for path, done in zip(paths, runs):  # a line per lesson as soon as it and those before it are done
            cells, checks, seconds, problems = done.result()
            failed += bool(problems)
            print(f"{path.stem:<34} {cells:>5} {checks:>9} {seconds:>8.1f}  {'FAILED' if problems else 'ok'}", flush=True)
            for p in problems:
                print(f"    {p}")
    pages = [out_dir / path.with_suffix(".html").name for path in paths]
    math = typeset_math(pages)
    if math is None:
        print(f"warning: the pages' math is not pre-rendered (no node, or no {MATH.relative_to(KIT)}/node_modules: "
              "run kit.sh); they load MathJax from where nbconvert points, which other machines may lack")
    else:
        bad = {page: errors for page, errors in math.items() if errors}
        print(f"math typeset to SVG in {len(pages) - len(bad)} of {len(pages)} pages"
              + "".join(f"\n    {page}: {error}" for page, errors in bad.items() for error in errors))
        failed += len(bad)
    print(f"{len(paths)} lessons in {time.monotonic() - total:.1f} s; executed notebooks and HTML pages in {out_dir}")
    if failed:
        print(f"{failed} lesson(s) failed: open the executed notebook in {out_dir} to see the failing cell")
        sys.exit(1)


if __name__ == "__main__":
    main()
