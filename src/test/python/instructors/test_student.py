"""The student-copy generator: what it makes of each marker form, where it refuses, and that the
copies it writes compile in JShell and stop at the first unsolved exercise with its hint."""
import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

import student
from conftest import FIXTURES, KIT, code_cells, read

NOT_YET = "Not yet implemented: your turn."


def notebook(*sources, cell=new_code_cell):
    return new_notebook(cells=[cell(s) for s in sources], metadata={"kernelspec": {"name": "backprop-java", "display_name": "Java"}})


def student_code(*sources):
    return code_cells(student.student_notebook(notebook(*sources), "t.ipynb"))


def failure(*sources, cell=new_code_cell):
    with pytest.raises(student.MarkerError) as raised:
        student.student_notebook(notebook(*sources, cell=cell), "lesson.ipynb")
    return str(raised.value)


def test_region_in_a_method_body_becomes_a_throw_carrying_the_hint():
    cells = student_code("double sigma(double a) {\n"
                         "    // BEGIN SOLUTION\n"
                         "    // HINT: 1 / (1 + e^(−a))\n"
                         "    return 1 / (1 + Math.exp(-a));\n"
                         "    // END SOLUTION\n"
                         "}")
    assert cells == ["double sigma(double a) {\n"
                     "    // YOUR CODE HERE\n"
                     '    throw new UnsupportedOperationException("Not yet implemented: your turn. Hint: 1 / (1 + e^(−a))");\n'
                     "}"]


def test_region_without_hint_says_what_to_replace():
    cells = student_code("void f() {\n  // BEGIN SOLUTION\n  g();\n  // END SOLUTION\n}")
    assert cells == ["void f() {\n  // YOUR CODE HERE\n  throw new UnsupportedOperationException("
                     '"Not yet implemented: your turn. Replace the line that throws this with your code.");\n}']


def test_a_whole_method_declaration_keeps_its_signature():
    cells = student_code("// BEGIN SOLUTION\n"
                         "static double sigmaPrime(double a) throws Exception {\n"
                         "    double s = sigma(a);\n"
                         "    return s * (1 - s);\n"
                         "}\n"
                         "// END SOLUTION")
    assert cells == ["static double sigmaPrime(double a) throws Exception {\n"
                     "    // YOUR CODE HERE\n"
                     '    throw new UnsupportedOperationException("Not yet implemented: your turn. '
                     'Replace the line that throws this with your code.");\n'
                     "}"]


def test_top_level_statements_become_one_throw():
    cells = student_code("double[] a = {1, 2};\n// BEGIN SOLUTION\ndouble s = a[0] + a[1];\nint n = 2;\n// END SOLUTION\nprintln(s);")
    assert cells == ["double[] a = {1, 2};\n// YOUR CODE HERE\nthrow new UnsupportedOperationException("
                     '"Not yet implemented: your turn. Replace the line that throws this with your code.");\nprintln(s);']


def test_inline_expression_becomes_your_turn_and_the_helper_cell_comes_before_the_first_code_cell():
    nb = new_notebook(cells=[new_markdown_cell("# Lesson"),
                             new_code_cell("import org.backpropkit.core.*;"),
                             new_code_cell("double d = /* BEGIN SOLUTION */ delta1 * h1 /* HINT: δ₁ times h₁ */ /* END SOLUTION */;"),
                             new_code_cell("int k = /* BEGIN SOLUTION */ 3 /* END SOLUTION */ + /* BEGIN SOLUTION */ 4 /* END SOLUTION */;")])
    cells = student.student_notebook(nb, "t.ipynb").cells
    assert [c.cell_type for c in cells] == ["markdown", "code", "code", "code", "code"]
    assert cells[1].source == student.HELPER_CELL and cells[1].metadata["student_helper"] is True
    assert cells[3].source == 'double d = yourTurn("δ₁ times h₁");'
    assert cells[4].source == 'int k = yourTurn("write the expression here.") + yourTurn("write the expression here.");'


def test_line_region_where_an_expression_is_expected_becomes_your_turn():
    cells = student_code("double y1 =\n    // BEGIN SOLUTION\n    // HINT: σ(1)\n    sigma(1.0);\n    // END SOLUTION\nprintln(y1);",
                         "return f(\n  // BEGIN SOLUTION\n  x\n  // END SOLUTION\n);")
    assert cells[1:] == ['double y1 =\n    yourTurn("σ(1)");\nprintln(y1);',
                         'return f(\n  yourTurn("write the expression here.")\n);']


def test_hints_with_quotes_and_backslashes_stay_valid_java():
    cells = student_code('double d = /* BEGIN SOLUTION */ 1 /* HINT: the "one" \\ unit */ /* END SOLUTION */;')
    assert cells[1] == 'double d = yourTurn("the \\"one\\" \\\\ unit");'


def test_hidden_tests_are_removed_and_visible_checks_stay():
    cells = student_code('Check.close("σ(2)", sigma(2), 0.88);\n'
                         "// BEGIN HIDDEN TESTS\n"
                         'Check.close("σ(−2)", sigma(-2), 0.12);\n'
                         "// END HIDDEN TESTS\n"
                         'Check.close("σ(0)", sigma(0), 0.5)')
    assert cells == ['Check.close("σ(2)", sigma(2), 0.88);\nCheck.close("σ(0)", sigma(0), 0.5)']


def test_markdown_answers_become_your_answer_here():
    nb = notebook("Why?\nBEGIN SOLUTION\nBecause.\nEND SOLUTION\nNext.", cell=new_markdown_cell)
    assert student.student_notebook(nb, "t.ipynb").cells[0].source == "Why?\nYOUR ANSWER HERE\nNext."


def test_an_nbgrader_solution_cell_without_markers_is_one_region():
    cell = new_code_cell("double twice(double x) {\n    return 2 * x;\n}", metadata={"nbgrader": {"solution": True, "grade_id": "twice"}})
    nb = student.student_notebook(new_notebook(cells=[cell]), "t.ipynb")
    assert nb.cells[0].source.startswith("double twice(double x) {\n    // YOUR CODE HERE\n    throw new")
    assert nb.cells[0].metadata["nbgrader"]["grade_id"] == "twice"


def test_outputs_and_counts_are_cleared_and_the_source_notebook_is_untouched():
    cell = new_code_cell("1 + 1", execution_count=3, outputs=[new_output("execute_result", {"text/plain": "2"}, execution_count=3)])
    nb = new_notebook(cells=[cell])
    copy = student.student_notebook(nb, "t.ipynb")
    assert copy.cells[0].outputs == [] and copy.cells[0].execution_count is None
    assert nb.cells[0].outputs[0]["data"]["text/plain"] == "2"
    assert len(copy.cells) == 1  # no exercise, so no helper cell


@pytest.mark.parametrize("sources, cell_number, line, problem", [
    (["int a;", "void f() {\n  // BEGIN SOLUTION\n  g();\n}"], 2, 2, "has no 'END SOLUTION' after it"),
    (["g();\n// END SOLUTION"], 1, 2, "without its BEGIN marker"),
    (["// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION"], 1, 2, "regions do not nest"),
    (["x = 1; // BEGIN SOLUTION\ny = 2;\n// END SOLUTION"], 1, 1, "must be alone on its line"),
    (["// BEGIN SOLUTION\ny = 2; // END SOLUTION"], 1, 2, "must be alone on its line"),
    (["void f() {\n  // BEGIN SOLUTION\n  g();\n  // END SOLUTION\n  h();\n}"], 1, 4, "would make it unreachable"),
    (["void f() {\n  // BEGIN SOLUTION\n  if (x) {\n  // END SOLUTION\n  }\n}"], 1, 2, "braces inside this solution region do not balance"),
    (["double d =\n  // BEGIN SOLUTION\n  a;\n  b;\n  // END SOLUTION"], 1, 2, "holds more than one statement"),
    (["double d = /* BEGIN SOLUTION */ a;\n// END SOLUTION"], 1, 1, "must be alone on its line"),
    (["// BEGIN HIDDEN TESTS\ncheck();"], 1, 1, "has no 'END HIDDEN TESTS'"),
])
def test_markers_the_generator_cannot_place_fail_with_file_cell_and_line(sources, cell_number, line, problem):
    message = failure(*sources)
    assert f"lesson.ipynb, cell {cell_number} (code), line {line}: " in message
    assert problem in message


def test_hidden_tests_in_markdown_fail():
    assert "lesson.ipynb, cell 1 (markdown), line 1: hidden tests belong in code cells" in failure(
        "BEGIN HIDDEN TESTS\nx\nEND HIDDEN TESTS", cell=new_markdown_cell)


def test_the_command_writes_copies_and_writes_nothing_when_a_notebook_is_wrong(tmp_path, capsys):
    good = FIXTURES / "exercises.ipynb"
    bad = tmp_path / "broken.ipynb"
    nbformat.write(notebook("// BEGIN SOLUTION\nint x = 1;"), bad)
    assert student.main(["--out", str(tmp_path / "out"), str(good), str(bad)]) == 1
    assert "broken.ipynb, cell 1 (code), line 1" in capsys.readouterr().err
    assert not (tmp_path / "out" / "exercises.ipynb").exists()
    assert student.main(["--out", str(tmp_path / "out"), str(good)]) == 0
    written = read(tmp_path / "out" / "exercises.ipynb")
    nbformat.validate(written)
    assert not any("SOLUTION" in c.source or "HIDDEN" in c.source for c in written.cells)
    assert "return 1 / (1 + Math.exp(-a));" not in "".join(c.source for c in written.cells)


def test_fixture_solutions_pass_every_check_in_jshell(jshell_cells):
    solution = read(FIXTURES / "exercises.ipynb")
    assert jshell_cells(solution) == [f"ok {n}" for n in range(1, len(code_cells(solution)) + 1)]


def test_fixture_student_copy_stops_at_the_first_exercise_with_its_hint(jshell_cells):
    copy = student.student_notebook(read(FIXTURES / "exercises.ipynb"), "exercises.ipynb")
    # helper, imports and the declaration of sigma (its body is the stub) run; the first check stops.
    assert jshell_cells(copy) == ["ok 1", "ok 2", "ok 3",
                                  "exception 4 java.lang.UnsupportedOperationException: " + NOT_YET
                                  + " Hint: σ(a) = 1 / (1 + e^(−a)); Java writes e^x as Math.exp(x)."]


def test_fixture_student_copy_compiles_in_every_cell(jshell_cells):
    copy = student.student_notebook(read(FIXTURES / "exercises.ipynb"), "exercises.ipynb")
    outcomes = jshell_cells(copy, keep_going=True)
    assert len(outcomes) == len(code_cells(copy))
    assert not [o for o in outcomes if o.startswith("rejected")]
    not_yet = [o for o in outcomes if "UnsupportedOperationException: " + NOT_YET in o]
    # σ twice (check and hidden-test cell), dL/du11, y1, σ', the loop: every exercise stops learners.
    assert [int(o.split()[1]) for o in not_yet] == [4, 5, 6, 8, 10, 11]


LESSONS = sorted((KIT / "notebooks").glob("*.ipynb"))


@pytest.mark.skipif(not LESSONS, reason="no notebooks/ in this checkout yet")
@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_lessons_have_student_copies_that_compile(path, jshell_cells):
    copy = student.student_notebook(read(path), path.name)
    rejected = [o for o in jshell_cells(copy, keep_going=True) if o.startswith("rejected")]
    assert rejected == [], f"{path.name}: student copy does not compile: {rejected}"


def test_the_script_runs_on_the_system_python_and_gives_the_same_files_twice(tmp_path):
    import subprocess
    script = KIT / "src" / "scripts" / "student.py"
    runs = []
    for out in ("first", "second"):
        done = subprocess.run([str(script), "--out", str(tmp_path / out), str(FIXTURES / "exercises.ipynb")],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        runs.append((tmp_path / out / "exercises.ipynb").read_bytes())
    assert runs[0] == runs[1]


def test_replace_solution_plants_code_where_the_region_was():
    method = "double f(double a) {\n    // BEGIN SOLUTION\n    // HINT: twice a\n    return 2 * a;\n    // END SOLUTION\n}"
    assert student.replace_solution(method, "double b = a;\nreturn b;\n", "t") == \
        "double f(double a) {\n    double b = a;\n    return b;\n}"
    assert student.replace_solution("double d = /* BEGIN SOLUTION */ 2 * a /* END SOLUTION */;", " a + a ", "t") == \
        "double d = a + a;"
    with pytest.raises(student.MarkerError, match="t: expected one solution region to replace, found 2"):
        student.replace_solution("int k = /* BEGIN SOLUTION */ 3 /* END SOLUTION */ + /* BEGIN SOLUTION */ 4 /* END SOLUTION */;",
                                 "1", "t")
    with pytest.raises(student.MarkerError, match="found 0"):
        student.replace_solution("int k = 3;", "1", "t")
