"""Shared by the instructor tests: where the kit is, its student-copy generator, and plain JShell."""
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

KIT = Path(__file__).resolve().parents[4]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(KIT / "src" / "scripts"))


def code_cells(nb):
    return [cell.source for cell in nb.cells if cell.cell_type == "code"]


@pytest.fixture(scope="session")
def kit_classpath():
    """The kit's compiled classes and dependencies, building them once if this checkout has none."""
    classes = KIT / "target" / "classes" / "org" / "backpropkit" / "check" / "Check.class"
    if not classes.exists() or not (KIT / "target" / "lib").is_dir():
        subprocess.run(["mvn", "-B", "-q", "package", "-DskipTests"], cwd=KIT, check=True)
    return f"{KIT / 'target' / 'classes'}:{KIT / 'target' / 'lib'}/*"


@pytest.fixture(scope="session")
def jshell_cells_classes(kit_classpath, tmp_path_factory):
    """JShellCells.java compiled once (per test process), instead of by the source launcher at every run."""
    out = tmp_path_factory.mktemp("jshell cells")
    subprocess.run(["javac", "-cp", kit_classpath, "-d", str(out), str(Path(__file__).parent / "JShellCells.java")],
                   check=True, capture_output=True, text=True)
    return out


@pytest.fixture
def jshell_cells(kit_classpath, jshell_cells_classes, tmp_path):
    """Runs a notebook's code cells in plain JShell; returns one outcome line per cell run."""
    def run(nb, keep_going=False):
        cells = tmp_path / "cells"
        shutil.rmtree(cells, ignore_errors=True)
        cells.mkdir()
        for n, source in enumerate(code_cells(nb), start=1):
            (cells / f"cell-{n:03d}.jsh").write_text(source, encoding="utf-8")
        # C1 and the serial collector, as in the kit's kernel: a lesson's cells then cost 4.4 s of CPU instead of
        # 10-11 s with C2 compiling beside them (lesson 14), and the tests run two at a time.
        command = ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", f"{kit_classpath}:{jshell_cells_classes}",
                   "JShellCells", str(cells)]
        result = subprocess.run(command + (["--keep-going"] if keep_going else []),
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        return result.stdout.splitlines()
    return run


def text(cell):
    """Everything a cell printed or returned, as plain text."""
    parts = []
    for o in cell.outputs:
        if o.output_type == "stream":
            parts.append(o.text)
        elif "data" in o:
            parts.append(o.data.get("text/plain", o.data.get("text/html", "")))
        elif o.output_type == "error":
            parts.append(f"{o.ename}: {o.evalue}")
    return "".join(parts)


def read(path):
    return nbformat.read(path, as_version=4)


JUPYTER_PYTHON = "/usr/bin/python3"
INSTALLER = KIT / "src" / "scripts" / "install-kernel.sh"
KERNEL = "backprop-java"


def kernelspecs(jupyter_path):
    """`jupyter kernelspec list --json` as Jupyter sees it with JUPYTER_PATH set to jupyter_path."""
    import json
    import os
    env = {**os.environ, "JUPYTER_PATH": str(jupyter_path)}
    result = subprocess.run([JUPYTER_PYTHON, "-m", "jupyter", "kernelspec", "list", "--json"],
                            env=env, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)["kernelspecs"]


def run_notebook(nb, jupyter_path, monkeypatch, cwd=None, allow_errors=False, timeout=180):
    """Executes nb with the kit's kernel found under jupyter_path, in folder cwd; returns nb, executed."""
    from kit_client import KitNotebookClient
    monkeypatch.setenv("JUPYTER_PATH", str(jupyter_path))
    monkeypatch.setenv("BACKPROP_KIT_HEADLESS", "1")  # as run-lessons.py's runs: moving pictures show their last frame
    client = KitNotebookClient(nb, kernel_name=KERNEL, timeout=timeout, allow_errors=allow_errors,
                                     resources={"metadata": {"path": str(cwd or Path.cwd())}})
    client.execute()
    return nb


needs_installer = pytest.mark.skipif(not INSTALLER.exists(),
                                     reason="src/scripts/install-kernel.sh (the kernel branch) is not in this checkout")


@pytest.fixture(scope="session")
def kernel_prefix(tmp_path_factory, kit_classpath):
    """The kit's kernel installed into a temporary prefix; yields that prefix's share/jupyter."""
    prefix = tmp_path_factory.mktemp("kernel prefix")
    subprocess.run(["bash", str(INSTALLER), "--prefix", str(prefix)], check=True, capture_output=True, text=True)
    yield prefix / "share" / "jupyter"
    subprocess.run(["bash", str(INSTALLER), "--uninstall", "--prefix", str(prefix)], capture_output=True)
