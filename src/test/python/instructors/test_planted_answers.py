"""Planted wrong answers, through the student-copy machinery, on the kit's own kernel.

For every lesson, src/test/planted/<lesson>.toml lists per exercise the typical wrong answers (code that
replaces the solution region, as student.py finds it) and a fragment of the message each must get. One
kernel per lesson: the lesson runs once from the top, then only the exercise cell and the check cell after
it run again, once per answer:

  * each wrong answer: the check fails with a ✗ message containing `message` (and, if given, a
    fragment `hint2` of Exercises.hint(2)), and neither shows a line of the solution;
  * the student copy's stub: the check stops with "Not yet implemented";
  * each other right answer (`[[exercise.right]]`, e.g. every good η of an open exercise) and the
    solution itself: the check prints a ✓ line.

A new lesson needs no change here: its exercises are found by their BEGIN SOLUTION markers, and a lesson
with exercises must have its planted-answers file (a file may say `pending = "…"` while the lesson still
has exercises from before the standard). Format and how to add an exercise: docs/instructors.md, "Exercises".
"""
import sys
from dataclasses import dataclass, field

import nbformat
import pytest

import student
from kit_client import KitNotebookClient
from conftest import KIT, needs_installer, read

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    import tomli as tomllib

PLANTED = KIT / "src" / "test" / "planted"
LESSONS = sorted((KIT / "notebooks").glob("[0-9]*.ipynb"))
NOT_YET = "Not yet implemented: your turn."


@dataclass
class Answer:
    name: str
    code: str
    message: str = None
    hint2: str = None


@dataclass
class Exercise:
    """One exercise: its cell and the check cell after it (indices into the notebook), and its planted answers."""
    cell: int
    check: int
    wrong: list = field(default_factory=list)
    right: list = field(default_factory=list)


def exercise_cells(nb):
    """Indices of the code cells that hold a solution region."""
    return [k for k, c in enumerate(nb.cells) if c.cell_type == "code" and student.MARKER.search(c.source)
            and student.BEGIN in c.source]


def find_cell(nb, text, lesson, among=None):
    """The one code cell whose id is `text` or whose source contains it."""
    found = [k for k, c in enumerate(nb.cells) if c.cell_type == "code" and (among is None or k in among)
             and (c.get("id") == text or text in c.source)]
    if len(found) != 1:
        raise ValueError(f"{lesson}: '{text}' should name one {'exercise ' if among else ''}code cell, "
                         f"it matches {len(found)}")
    return found[0]


def plan(path):
    """The planted answers of one lesson, checked against its notebook: (exercises, pending reason or None)."""
    nb = read(path)
    toml = PLANTED / (path.stem + ".toml")
    cells = exercise_cells(nb)
    if not toml.exists():
        if cells:
            raise ValueError(f"{path.name} has exercises (code cells {[k + 1 for k in cells]}) but no planted answers: "
                             f"write {toml} (see docs/instructors.md, 'Exercises')")
        return [], None
    data = tomllib.loads(toml.read_text(encoding="utf-8"))
    unknown = set(data) - {"exercise", "pending"}
    if unknown:
        raise ValueError(f"{toml.name}: unknown keys {sorted(unknown)}; expected [[exercise]] tables and 'pending'")
    exercises = []
    for entry in data.get("exercise", []):
        where = f"{toml.name}, exercise '{entry.get('cell')}'"
        cell = find_cell(nb, entry["cell"], path.name, among=cells)
        check = find_cell(nb, entry["check"], path.name) if "check" in entry else next(
            (k for k in range(cell + 1, len(nb.cells)) if nb.cells[k].cell_type == "code"), None)
        if check is None:
            raise ValueError(f"{where}: no code cell after the exercise to check it")
        wrong = [Answer(w["mistake"], w["code"], w["message"], w.get("hint2")) for w in entry.get("wrong", [])]
        right = [Answer(r["why"], r["code"]) for r in entry.get("right", [])]
        if not wrong:
            raise ValueError(f"{where}: list at least one [[exercise.wrong]] answer with its message")
        for answer in wrong:
            if not answer.message.strip():
                raise ValueError(f"{where}, wrong answer '{answer.name}': 'message' is empty, so any failure would match")
        exercises.append(Exercise(cell, check, wrong, right))
    missing = sorted(set(cells) - {e.cell for e in exercises})
    if missing and "pending" not in data:
        raise ValueError(f"{toml.name}: the exercises in code cells {[k + 1 for k in missing]} of {path.name} have no "
                         "[[exercise]] entry")
    return exercises, data.get("pending")


def test_every_lesson_with_exercises_has_its_planted_answers_and_they_name_real_cells():
    problems = []
    for path in LESSONS:
        try:
            plan(path)
        except (ValueError, KeyError, tomllib.TOMLDecodeError) as e:
            problems.append(f"{type(e).__name__}: {e}")
    orphans = sorted(p.name for p in PLANTED.glob("*.toml") if not (KIT / "notebooks" / (p.stem + ".ipynb")).exists())
    assert problems == [] and orphans == [], "\n".join(problems + [f"{o}: no lesson of that name" for o in orphans])


def test_the_planted_answers_file_is_read_as_documented(tmp_path, monkeypatch):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("double f(double a) {\n    // BEGIN SOLUTION\n    return a;\n    // END SOLUTION\n}"),
        nbformat.v4.new_code_cell("Check.close(\"f\", f(2), 2)")])
    (tmp_path / "notebooks").mkdir()
    nbformat.write(nb, tmp_path / "notebooks" / "99-x.ipynb")
    monkeypatch.setattr(sys.modules[__name__], "PLANTED", tmp_path)
    with pytest.raises(ValueError, match="has exercises .* but no planted answers"):
        plan(tmp_path / "notebooks" / "99-x.ipynb")
    (tmp_path / "99-x.toml").write_text('pending = "later"\n')
    assert plan(tmp_path / "notebooks" / "99-x.ipynb") == ([], "later")
    (tmp_path / "99-x.toml").write_text("[[exercise]]\ncell = 'double f('\n[[exercise.wrong]]\nmistake = 'twice'\n"
                                        "message = 'expected 2'\ncode = 'return 2 * a;'\n")
    [exercise], pending = plan(tmp_path / "notebooks" / "99-x.ipynb")
    assert (exercise.cell, exercise.check, pending) == (0, 1, None)
    assert student.replace_solution(nb.cells[0].source, exercise.wrong[0].code, "t") == \
        "double f(double a) {\n    return 2 * a;\n}"
    (tmp_path / "99-x.toml").write_text("[[exercise]]\ncell = 'no such code'\n")
    with pytest.raises(ValueError, match="should name one exercise code cell, it matches 0"):
        plan(tmp_path / "notebooks" / "99-x.ipynb")


PLANS = {path: plan(path)[0] for path in LESSONS if PLANTED.joinpath(path.stem + ".toml").exists()}
PLANTED_LESSONS = [path for path, exercises in PLANS.items() if exercises]


def outputs(cell):
    """(error text or None, everything else the cell showed)."""
    errors = [o for o in cell.outputs if o.output_type == "error"]
    shown = "".join(o.text if o.output_type == "stream" else o.get("data", {}).get("text/plain", "")
                    for o in cell.outputs if o.output_type != "error")
    error = None
    if errors:
        error = f"{errors[0].ename}: {errors[0].evalue}\n" + "\n".join(errors[0].traceback)
    return error, shown


def solution_lines(source):
    """The code lines of the solution region that are long enough to be recognised if a message printed them."""
    lines = source.split("\n")
    begin = next(k for k, line in enumerate(lines) if student.BEGIN in line)
    end = next(k for k, line in enumerate(lines) if student.END in line)
    return [line.strip() for line in lines[begin + 1:end]
            if len(line.strip()) >= 12 and not line.strip().startswith("//")]


@needs_installer
@pytest.mark.skipif(not PLANTED_LESSONS, reason="no lesson has planted answers yet")
@pytest.mark.parametrize("path", PLANTED_LESSONS, ids=[p.stem for p in PLANTED_LESSONS])
def test_planted_wrong_answers_fail_with_their_message_and_right_answers_pass(path, kernel_prefix, monkeypatch):
    monkeypatch.setenv("JUPYTER_PATH", str(kernel_prefix))
    monkeypatch.setenv("BACKPROP_KIT_HEADLESS", "1")  # moving pictures skip to their last frame, as in run-lessons.py
    nb = read(path)
    client = KitNotebookClient(nb, kernel_name="backprop-java", timeout=120, allow_errors=True,
                                     resources={"metadata": {"path": str(path.parent)}})
    problems = []
    with client.setup_kernel():
        for k, cell in enumerate(nb.cells):
            client.execute_cell(cell, k)
        failed = [k + 1 for k, c in enumerate(nb.cells) if c.cell_type == "code" and outputs(c)[0]]
        assert failed == [], f"{path.name}: the solution notebook fails in cells {failed}"

        nb.cells.append(nbformat.v4.new_code_cell(""))  # nbclient stores each cell it runs at its index: a scratch place

        def run(source):
            cell = nbformat.v4.new_code_cell(source)
            client.execute_cell(cell, len(nb.cells) - 1)
            return outputs(cell)

        for exercise in PLANS[path]:
            solution, check = nb.cells[exercise.cell].source, nb.cells[exercise.check].source
            name = f"{path.stem}, cell {exercise.cell + 1}"
            secret = solution_lines(solution)

            stub = student.Cell(name, solution)
            stub_code = stub.code()
            if stub.uses_helper:
                run(student.HELPER_CELL)
            run(stub_code)
            error, shown = run(check)
            if not error or NOT_YET not in error:
                problems.append(f"{name}, student copy: the check should stop with '{NOT_YET}', got: {error or shown}")

            for answer in exercise.wrong:
                where = f"{name}, wrong answer '{answer.name}'"
                error, shown = run(student.replace_solution(solution, answer.code, where))
                if error:
                    problems.append(f"{where}: the planted code itself fails to run: {error}")
                    continue
                error, shown = run(check)
                if not error or not error.startswith("CheckFailed: ✗"):
                    problems.append(f"{where}: the check should fail with a ✗ message, got: {error or shown}")
                    continue
                if answer.message not in error:
                    problems.append(f"{where}: the message should contain '{answer.message}', got:\n{error}")
                hint_error, hint = run("Exercises.hint(2)")
                if answer.hint2 and answer.hint2 not in hint:
                    problems.append(f"{where}: Exercises.hint(2) should contain '{answer.hint2}', got: {hint_error or hint}")
                leaked = [line for line in secret if line in error or line in hint]
                if leaked:
                    problems.append(f"{where}: the message or hint(2) shows the solution: {leaked}")

            answers = [(f"right answer '{a.name}'", student.replace_solution(solution, a.code, name)) for a in exercise.right]
            for label, source in answers + [("the solution", solution)]:
                error, shown = run(source)
                if not error:
                    error, shown = run(check)
                if error or not any(line.startswith("✓ ") for line in shown.splitlines()):
                    problems.append(f"{name}, {label}: the check should pass with a ✓ line, got: {error or shown}")
    assert problems == [], "\n\n".join(problems)

