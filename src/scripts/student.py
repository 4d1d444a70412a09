#!/usr/bin/python3
"""Student copies of the lessons: each solution is replaced by a stub that stops with a hint.

    /usr/bin/python3 src/scripts/student.py                 # notebooks/*.ipynb -> build/student/
    /usr/bin/python3 src/scripts/student.py --out DIR A.ipynb B.ipynb

The solution notebooks are the source. Exercises are marked the way nbgrader marks them, so
instructors who grade with nbgrader can use the lessons unchanged; this generator needs only
nbformat. In a Java code cell:

  * Lines between `// BEGIN SOLUTION` and `// END SOLUTION` (each marker alone on its line).
    - Where a statement may stand (after `{`, `}`, `;` or at the start of the cell), the region
      becomes `throw new UnsupportedOperationException("Not yet implemented: your turn. Hint: …")`.
      Inside a block the region must end at the block's closing brace, because code after the
      `throw` would not compile ("unreachable statement").
    - A region that is exactly one top-level method declaration keeps its signature and only its
      body becomes the `throw`, so the cell still declares the method and the first call stops.
    - Where an expression is expected (the line before ends with `=`, `(`, `,`, `return`, …),
      the region becomes `yourTurn("hint")`, a generic method the student copy declares in an
      extra cell before the first code cell, so it fits any type (`double d = yourTurn("…");`).
  * Inline: `double dLdu11 = /* BEGIN SOLUTION */ delta1 * h1 /* END SOLUTION */;` becomes
    `double dLdu11 = yourTurn("…");` (nbgrader itself only knows the line form).
  * A hint is any `// HINT: …` line (or `/* HINT: … */` inline) inside the region.
  * Lines between `// BEGIN HIDDEN TESTS` and `// END HIDDEN TESTS` are removed.

In Markdown cells a solution region becomes "YOUR ANSWER HERE", as in nbgrader. A cell whose
nbgrader metadata says `solution: true` but has no markers counts as one region. Outputs and
execution counts are cleared. A marker the generator cannot place fails the run with the file,
cell and line, and nothing is written for that notebook.
"""
import argparse
import copy
import re
import sys
import textwrap
from pathlib import Path

import nbformat

KIT = Path(__file__).resolve().parents[2]

BEGIN, END = "BEGIN SOLUTION", "END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"
MARKER = re.compile(r"\b(BEGIN|END) (SOLUTION|HIDDEN TESTS)\b")
LINE_MARKER = re.compile(r"^\s*//\s*(BEGIN|END) (SOLUTION|HIDDEN TESTS)\b")
INLINE_REGION = re.compile(r"/\*\s*BEGIN SOLUTION\s*\*/(.*?)/\*\s*END SOLUTION\s*\*/")
HINT_LINE = re.compile(r"^\s*//\s*HINT:\s*(.*?)\s*$")
HINT_INLINE = re.compile(r"/\*\s*HINT:\s*(.*?)\s*\*/")
# A method header on one line: modifiers, optional type parameters, return type, name, parameters, `{`.
METHOD_HEADER = re.compile(
    r"^\s*(?:(?:public|private|protected|static|final|synchronized)\s+)*(?:<[^>]*>\s+)?"
    r"[\w.$<>\[\]?, ]+?\s+\w+\s*\([^()]*\)\s*(?:throws\s+[\w.$, ]+)?\{\s*$")

NOT_YET = "Not yet implemented: your turn."
YOUR_CODE = "// YOUR CODE HERE"
TEXT_STUB = "YOUR ANSWER HERE"
HELPER_CELL = """\
// Added to the student copy. An exercise you have not solved yet stops with "Not yet" and a hint:
// replace each yourTurn("…") and each `throw new UnsupportedOperationException("Not yet …")` with your code.
<T> T yourTurn(String hint) {
    throw new UnsupportedOperationException("%s Hint: " + hint);
}""" % NOT_YET


class MarkerError(Exception):
    """A solution or hidden-test marker the generator cannot turn into a stub; says where and why."""


def java_string(text):
    """A Java string literal holding text."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def not_yet_message(hint):
    return f"{NOT_YET} Hint: {hint}" if hint else f"{NOT_YET} Replace the line that throws this with your code."


def code_only(line):
    """The line without string/char literals and comments, for counting braces and reading its end."""
    out, i, quote = [], 0, None
    while i < len(line):
        c = line[i]
        if quote:
            if c == "\\":
                i += 1
            elif c == quote:
                quote = None
        elif c in "\"'":
            quote = c
            out.append(c)
        elif line.startswith("//", i):
            break
        elif line.startswith("/*", i):
            close = line.find("*/", i + 2)
            if close < 0:
                break
            i = close + 1
        else:
            out.append(c)
        i += 1
    return "".join(out).rstrip()


def depth_change(lines):
    """Net `{` minus `}` over lines, and the lowest running value (negative means a stray `}`)."""
    depth = lowest = 0
    for line in lines:
        for c in code_only(line):
            depth += (c == "{") - (c == "}")
            lowest = min(lowest, depth)
    return depth, lowest


def last_code_line(lines):
    for line in reversed(lines):
        code = code_only(line).strip()
        if code:
            return code
    return None


def first_code_line(lines):
    for line in lines:
        code = code_only(line).strip()
        if code:
            return code
    return None


def statement_context(before):
    """True where a statement may stand after these lines; False where an expression is expected."""
    previous = last_code_line(before)
    return previous is None or previous.endswith(("{", "}", ";"))


def hints(lines):
    return " ".join(m.group(1) for m in map(HINT_LINE.match, lines) if m and m.group(1))


def indentation(line):
    return line[: len(line) - len(line.lstrip())]


class Cell:
    """One cell being turned into its student form; `fail` names the notebook, cell and line."""

    def __init__(self, where, source):
        self.where = where
        self.lines = source.split("\n")
        self.uses_helper = False

    def fail(self, line_index, problem):
        raise MarkerError(f"{self.where}, line {line_index + 1}: {problem}\n    {self.lines[line_index].strip()}")

    def find_end(self, start, begin, end, code=True):
        """Index of the line closing the region that starts at `start`; nested or missing markers fail."""
        for j in range(start + 1, len(self.lines)):
            text = self.lines[j]
            if begin in text:
                self.fail(j, f"'{begin}' inside the region opened on line {start + 1}; regions do not nest")
            if end in text:
                if code and not LINE_MARKER.match(text):
                    self.fail(j, f"'{end}' must be alone on its line as '// {end}'")
                return j
            if MARKER.search(text):
                self.fail(j, f"'{MARKER.search(text).group(0)}' inside the region opened on line {start + 1}")
        self.fail(start, f"'{begin}' has no '{end}' after it in this cell")

    def code(self):
        out, i = [], 0
        while i < len(self.lines):
            line = self.lines[i]
            if INLINE_REGION.search(line):
                out.append(self.inline(i, line))
                i += 1
            elif BEGIN_HIDDEN in line or BEGIN in line:
                if not LINE_MARKER.match(line):
                    self.fail(i, "a marker must be alone on its line as '// BEGIN SOLUTION' (or "
                                 "'// BEGIN HIDDEN TESTS'), or inline as /* BEGIN SOLUTION */ … /* END SOLUTION */")
                hidden = BEGIN_HIDDEN in line
                end = self.find_end(i, *(BEGIN_HIDDEN, END_HIDDEN) if hidden else (BEGIN, END))
                if not hidden:
                    out.extend(self.stub(i, end, out))
                i = end + 1
            elif MARKER.search(line):
                self.fail(i, f"'{MARKER.search(line).group(0)}' without its BEGIN marker before it in this cell")
            else:
                out.append(line)
                i += 1
        return "\n".join(out)

    def inline(self, i, line):
        def replace(match):
            hint = " ".join(HINT_INLINE.findall(match.group(1)))
            self.uses_helper = True
            return f"yourTurn({java_string(hint or 'write the expression here.')})"

        result = INLINE_REGION.sub(replace, line)
        if MARKER.search(result):
            self.fail(i, "a line with an inline region may hold only complete "
                         "/* BEGIN SOLUTION */ … /* END SOLUTION */ pairs")
        return result

    def stub(self, begin, end, before):
        """The lines replacing the region between lines begin and end (the markers themselves)."""
        region = self.lines[begin + 1:end]
        pad = indentation(self.lines[begin])
        hint = hints(region)
        net, lowest = depth_change(region)
        if net != 0 or lowest < 0:
            self.fail(begin, "the braces inside this solution region do not balance; a region must hold "
                             "whole statements, a whole method body, or a whole declaration")
        if not statement_context(before):
            return self.expression_stub(begin, region, pad, hint)
        depth, _ = depth_change(before)
        after = first_code_line(self.lines[end + 1:])
        if depth > 0 and after is not None and not after.startswith("}"):
            self.fail(end, "code follows this solution region inside the same block, so the stub's "
                           "`throw` would make it unreachable: end the region at the block's closing brace")
        throw = f"throw new UnsupportedOperationException({java_string(not_yet_message(hint))});"
        header = first_code_line(region)
        if depth == 0 and header is not None and METHOD_HEADER.match(header) and self.one_declaration(region):
            header_line = next(line for line in region if code_only(line).strip() == header)
            inner = indentation(header_line) + "    "
            return [header_line, inner + YOUR_CODE, inner + throw, indentation(header_line) + "}"]
        return [pad + YOUR_CODE, pad + throw]

    @staticmethod
    def one_declaration(region):
        """True when the region's code is one block that opens on its first line and closes on its last."""
        code = [line for line in region if code_only(line).strip()]
        depth = 0
        for k, line in enumerate(code):
            depth += depth_change([line])[0]
            if depth == 0 and k < len(code) - 1:
                return False
        return code_only(code[-1]).strip() == "}"

    def expression_stub(self, begin, region, pad, hint):
        code = [code_only(line).strip() for line in region if code_only(line).strip()]
        body = " ".join(code)
        if ";" in body.rstrip(";"):
            self.fail(begin, "this region stands where an expression is expected (after "
                             f"'{last_code_line(self.lines[:begin])}') but holds more than one statement")
        self.uses_helper = True
        return [pad + f"yourTurn({java_string(hint or 'write the expression here.')})" + (";" if body.endswith(";") else "")]

    def markdown(self):
        out, i = [], 0
        while i < len(self.lines):
            line = self.lines[i]
            if BEGIN_HIDDEN in line or END_HIDDEN in line:
                self.fail(i, "hidden tests belong in code cells")
            if BEGIN in line:
                i = self.find_end(i, BEGIN, END, code=False) + 1
                out.append(TEXT_STUB)
            elif END in line:
                self.fail(i, f"'{END}' without '{BEGIN}' before it in this cell")
            else:
                out.append(line)
                i += 1
        return "\n".join(out)


def replace_solution(source, code, where):
    """The code cell `source` with its one solution region replaced by `code`: the lines between the markers
    (re-indented to the BEGIN marker's column) or an inline region's expression. The markers go, the rest
    stays. Tests use it to plant wrong answers where the solution was; `where` names the cell in errors."""
    lines = source.split("\n")
    inline = [k for k, line in enumerate(lines) if INLINE_REGION.search(line)]
    begins = [k for k, line in enumerate(lines) if LINE_MARKER.match(line) and BEGIN in line]
    regions = sum(len(INLINE_REGION.findall(lines[k])) for k in inline) + len(begins)
    if regions != 1:
        raise MarkerError(f"{where}: expected one solution region to replace, found {regions}")
    if inline:
        k = inline[0]
        lines[k] = INLINE_REGION.sub(lambda m: code.strip(), lines[k])
        return "\n".join(lines)
    begin = begins[0]
    end = Cell(where, source).find_end(begin, BEGIN, END)
    pad = indentation(lines[begin])
    planted = [pad + line if line.strip() else "" for line in textwrap.dedent(code).strip("\n").split("\n")]
    return "\n".join(lines[:begin] + planted + lines[end + 1:])


def is_solution_cell(cell):
    return bool(cell.get("metadata", {}).get("nbgrader", {}).get("solution"))


def student_notebook(nb, name):
    """The student copy of notebook nb (not modified); name is used in error messages."""
    nb = copy.deepcopy(nb)
    uses_helper = False
    for number, cell in enumerate(nb.cells, start=1):
        source = cell.source
        if is_solution_cell(cell) and not MARKER.search(source):
            source = f"// {BEGIN}\n{source}\n// {END}" if cell.cell_type == "code" else f"{BEGIN}\n{source}\n{END}"
        work = Cell(f"{name}, cell {number} ({cell.cell_type})", source)
        if cell.cell_type == "code":
            cell.source = work.code()
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)
            uses_helper |= work.uses_helper
        elif cell.cell_type == "markdown":
            cell.source = work.markdown()
    if uses_helper:
        helper = nbformat.v4.new_code_cell(HELPER_CELL, metadata={"student_helper": True})
        if (nb.nbformat, nb.nbformat_minor) < (4, 5):
            del helper["id"]  # cell ids came with nbformat 4.5
        else:
            helper["id"] = "your-turn-helper"  # fixed, so generating twice gives the same file
        first_code = next(k for k, cell in enumerate(nb.cells) if cell.cell_type == "code")
        nb.cells.insert(first_code, helper)
    return nb


def write_student_copies(sources, out_dir):
    """Writes one student copy per source notebook; returns the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    copies = []
    for path in sources:
        name = str(path.relative_to(KIT)) if path.is_relative_to(KIT) else str(path)
        nb = nbformat.read(path, as_version=4)
        student = student_notebook(nb, name)
        nbformat.validate(student)
        copies.append((path, student))
    written = []
    for path, student in copies:
        target = out_dir / path.name
        nbformat.write(student, target)
        written.append(target)
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description="Write student copies of the lesson notebooks.")
    parser.add_argument("notebooks", nargs="*", type=Path, help="solution notebooks (default: notebooks/*.ipynb)")
    parser.add_argument("--out", type=Path, default=KIT / "build" / "student", help="output folder")
    args = parser.parse_args(argv)
    sources = [p.resolve() for p in args.notebooks] or sorted((KIT / "notebooks").glob("*.ipynb"))
    if not sources:
        print(f"error: no notebooks in {KIT / 'notebooks'}", file=sys.stderr)
        return 1
    try:
        written = write_student_copies(sources, args.out)
    except MarkerError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
