"""Executes the lesson notebooks headlessly with the kit's kernel and reports on each.

    /usr/bin/python3 src/scripts/run-lessons.py [--kernel NAME] [--out DIR] [--check-clean] [NOTEBOOK ...]

For every notebook (default: notebooks/*.ipynb, in order) it validates the file with nbformat, runs every
cell through nbclient, writes the executed notebook and an HTML page to DIR (default build/lessons), and
prints one line: cells, checks passed (lines starting with ✓, as the kit's Check helpers print), seconds. A cell that raises, an error output, or
any output on stderr (nbgrader scores a cell with stderr output zero) marks the lesson failed; the exit status is 1 if any lesson failed. --check-clean also fails a committed notebook that
carries outputs (lessons are committed without them).
"""
import argparse
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

KIT = Path(__file__).resolve().parents[2]


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
    client = NotebookClient(nb, kernel_name=kernel, timeout=300, startup_timeout=60,
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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kernel", default="backprop-java")
    parser.add_argument("--out", default=str(KIT / "build" / "lessons"))
    parser.add_argument("--check-clean", action="store_true")
    parser.add_argument("notebooks", nargs="*")
    args = parser.parse_args()
    paths = [Path(p) for p in args.notebooks] or sorted((KIT / "notebooks").glob("[0-9]*.ipynb"))
    if not paths:
        sys.exit("no lesson notebooks found in " + str(KIT / "notebooks"))
    out_dir = Path(args.out)
    print(f"{'lesson':<34} {'cells':>5} {'checks ✓':>9} {'seconds':>8}  result")
    failed, total = 0, time.monotonic()
    for path in paths:
        cells, checks, seconds, problems = run(path, args.kernel, out_dir, args.check_clean)
        failed += bool(problems)
        print(f"{path.stem:<34} {cells:>5} {checks:>9} {seconds:>8.1f}  {'FAILED' if problems else 'ok'}")
        for p in problems:
            print(f"    {p}")
    print(f"{len(paths)} lessons in {time.monotonic() - total:.1f} s; executed notebooks and HTML pages in {out_dir}")
    if failed:
        print(f"{failed} lesson(s) failed: open the executed notebook in {out_dir} to see the failing cell")
        sys.exit(1)


if __name__ == "__main__":
    main()
