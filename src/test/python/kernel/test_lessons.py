"""Every lesson, executed on the kernel under test with nbclient (as `jupyter nbconvert --execute` and nbgrader
do): no cell fails, and no cell writes to stderr, which nbgrader scores as zero. The checks themselves are
run-lessons.py's, the script that executes the lessons for README command 1."""
import importlib.util
import sys
from pathlib import Path

import pytest

from conftest import KERNEL

KIT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(KIT / "src" / "scripts"))  # run-lessons.py imports kit_client, which lives beside it
_spec = importlib.util.spec_from_file_location("run_lessons", KIT / "src" / "scripts" / "run-lessons.py")
run_lessons = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(run_lessons)


@pytest.mark.parametrize("lesson", sorted((KIT / "notebooks").glob("[0-9]*.ipynb")), ids=lambda p: p.stem)
def test_lesson_runs_without_errors_or_stderr(lesson, tmp_path, monkeypatch):
    monkeypatch.setenv("BACKPROP_KIT_HEADLESS", "1")  # as run-lessons.py's runs: moving pictures show their last frame
    cells, checks, seconds, problems = run_lessons.run(lesson, KERNEL, tmp_path, check_clean=False)
    assert cells > 0 and problems == []
