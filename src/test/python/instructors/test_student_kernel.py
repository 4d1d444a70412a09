"""Student copies on the kit's own kernel, through nbclient as Jupyter runs them: a copy runs up
to its first unsolved exercise and stops there with the "not yet" message and hint; the solution
notebook runs to the end with every check passing."""
import nbclient
import pytest

import student
from conftest import FIXTURES, KIT, needs_installer, read, run_notebook, text

NOT_YET = "Not yet implemented: your turn."
LESSONS = sorted((KIT / "notebooks").glob("*.ipynb"))


def errors(nb):
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]


def has_exercise(nb):
    return any("BEGIN SOLUTION" in c.source for c in nb.cells)


def stops_at_first_exercise(solution, name, share, monkeypatch, cwd):
    """Runs the student copy of solution; returns (index of the stopping cell, its error output)."""
    copy = student.student_notebook(solution, name)
    with pytest.raises(nbclient.exceptions.CellExecutionError):
        run_notebook(copy, share, monkeypatch, cwd=cwd)
    code = [c for c in copy.cells if c.cell_type == "code"]
    stopped = [k for k, c in enumerate(code) if any(o.output_type == "error" for o in c.outputs)]
    assert len(stopped) == 1, f"{name}: expected one cell with an error, got cells {stopped}"
    k = stopped[0]
    assert all(c.execution_count is not None for c in code[:k]), f"{name}: a cell before the first exercise did not run"
    assert all(c.execution_count is None and not c.outputs for c in code[k + 1:]), f"{name}: cells after the stop ran"
    error = next(o for o in code[k].outputs if o.output_type == "error")
    return k, error, code


@needs_installer
def test_fixture_student_copy_stops_at_the_first_exercise_with_its_hint(kernel_prefix, monkeypatch, tmp_path):
    k, error, code = stops_at_first_exercise(read(FIXTURES / "exercises.ipynb"), "exercises.ipynb",
                                             kernel_prefix, monkeypatch, tmp_path)
    assert code[k].source == 'Check.close("σ(0)", sigma(0), 0.5)'  # helper, imports, sigma's stub ran
    shown = error.ename + ": " + error.evalue + "\n".join(error.traceback)
    assert NOT_YET in shown and "Math.exp(x)" in shown, shown


@needs_installer
def test_fixture_solution_runs_and_every_check_passes(kernel_prefix, monkeypatch, tmp_path):
    nb = run_notebook(read(FIXTURES / "exercises.ipynb"), kernel_prefix, monkeypatch, cwd=tmp_path)
    assert errors(nb) == []
    checks = [c for c in nb.cells if c.cell_type == "code" and "Check." in c.source and not c.source.rstrip().endswith(";")]
    assert checks and all("✓" in text(c) for c in checks), [text(c) for c in checks]


@needs_installer
@pytest.mark.skipif(not LESSONS, reason="no notebooks/ in this checkout yet")
@pytest.mark.parametrize("path", LESSONS, ids=[p.name for p in LESSONS])
def test_lesson_student_copy_stops_at_the_first_exercise(path, kernel_prefix, monkeypatch):
    # The solutions themselves run in test.sh's lesson step and in test_planted_answers.py.
    solution = read(path)
    if not has_exercise(solution):
        return
    k, error, code = stops_at_first_exercise(solution, path.name, kernel_prefix, monkeypatch, path.parent)
    shown = error.ename + ": " + error.evalue + "\n".join(error.traceback)
    assert NOT_YET in shown, f"{path.name}: the student copy stopped at code cell {k + 1} for another reason:\n{shown}"
