"""Two learners on a real JupyterHub run the lessons at the same time (room.py builds the hub).

The hub is Debian's JupyterHub 3.0 as an instructor runs it: PAMAuthenticator and LocalProcessSpawner
with real system users, the kit's kernel installed system-wide by the documented command, the
configuration file the kit hands out. Both learners log in through the login form, start their
servers through the hub's REST API and upload every notebooks/*.ipynb. Then, over the kernel
websocket and each lesson in a fresh kernel: both run the largest lesson at the same moment, and then
share out the others (every lesson runs once more, the two series side by side). Then: every cell
ran without an error or stderr, every lesson printed check lines (a failing check raises, so no
error means every check passed), each learner's files are in their own home and out of the other's
reach, and after the room closes nothing of it is left.
"""
import json
import os
import pwd
from pathlib import Path

import psutil
import pytest

import room

NOTEBOOKS = sorted((room.KIT / "notebooks").glob("[0-9]*.ipynb"))


def code_cells(nb):
    return [c for c in json.loads(nb.read_text())["cells"] if c["cell_type"] == "code" and "".join(c["source"]).strip()]


# The lesson both learners run at the same moment: the one with the most code cells.
TOGETHER = max(NOTEBOOKS, key=lambda nb: (len(code_cells(nb)), nb.name)) if NOTEBOOKS else None
PROBE = "whose-home.txt"


def notebook(*cells):
    return {"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": room.KERNEL, "language": "java",
                                                                             "display_name": "Java"}},
            "cells": [{"cell_type": "code", "id": f"c{i}", "metadata": {}, "execution_count": None, "outputs": [],
                       "source": source} for i, source in enumerate(cells)]}


def probe(other):
    """Writes a file where the learner's kernel runs, then tries to read the other learner's copy."""
    return notebook(
        f'java.nio.file.Files.writeString(java.nio.file.Path.of("{PROBE}"), System.getProperty("user.name"));\n'
        f'System.out.println("wrote " + java.nio.file.Path.of("{PROBE}").toAbsolutePath());',
        f'try {{\n    java.nio.file.Files.readString(java.nio.file.Path.of("{other.home}/lessons/{PROBE}"));\n'
        f'    System.out.println("read the other learner\'s file");\n'
        f'}} catch (java.nio.file.AccessDeniedException e) {{\n    System.out.println("denied: " + e.getFile());\n}}')


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    assert NOTEBOOKS, f"no lessons in {room.KIT / 'notebooks'}"
    fixtures = tmp_path_factory.mktemp("fixtures")
    with room.Room(2, cell_timeout=120) as r:  # a lesson cell takes under 10 s even on a busy machine
        r.bring_in()
        first, second = r.learners
        for learner, other in ((first, second), (second, first)):
            learner.upload("lessons", NOTEBOOKS)
            (fixtures / f"probe-{learner.name}.ipynb").write_text(json.dumps(probe(other)))
        # A check that must fail, so the harness is seen to notice one.
        (fixtures / "planted-failure.ipynb").write_text(json.dumps(notebook(
            'Check.close("planted ∂L/∂u11", 0.25, 0.5)', '"not reached"')))
        first.upload("lessons", [fixtures / "planted-failure.ipynb"])

        def series(i, learner):  # the shared lesson first, then every other lesson in turn
            share = [TOGETHER] + [nb for nb in NOTEBOOKS if nb != TOGETHER][i::2]
            return [learner.run_notebook(f"lessons/{nb.name}") for nb in share]
        runs = room.in_parallel([lambda i=i, l=l: series(i, l) for i, l in enumerate(r.learners)])
        # the probes run after both series, so each finds the other's file already written
        probes = {}
        for learner in r.learners:
            learner.upload("lessons", [fixtures / f"probe-{learner.name}.ipynb"])
            probes[learner.name] = learner.run_notebook(f"lessons/probe-{learner.name}.ipynb", keep_open=True)
        kernel_processes = {l.name: [(p.uids().real, p.cwd()) for p in l.processes() if p.name() == "java"]
                            for l in r.learners}
        planted = first.run_notebook("lessons/planted-failure.ipynb")
        yield {"room": r, "runs": dict(zip([l.name for l in r.learners], runs)), "probes": probes,
               "kernels": kernel_processes, "planted": planted}
        learners = [(l.name, l.uid, l.home) for l in r.learners]
    # after close: no user, process, home, listening port or kernelspec of the room is left
    names = {p.pw_name for p in pwd.getpwall()}
    for name, uid, home in learners:
        assert name not in names, f"user {name} still exists after the room closed"
        left = [p.pid for p in psutil.process_iter(["uids"]) if p.info["uids"] and p.info["uids"].real == uid]
        assert not left, f"processes of {name} still running after the room closed: {left}"
        assert not home.exists(), f"{home} still exists after the room closed"
    assert not room.listening(r.port), f"port {r.port} still listening after the room closed"
    assert not r.work.exists()
    if r.backup is None:
        assert not room.SYSTEM_KERNELSPEC.exists(), f"{room.SYSTEM_KERNELSPEC} left behind"


def test_every_lesson_passes(hub):
    ran = sorted({Path(run.path).name for runs in hub["runs"].values() for run in runs})
    assert ran == [nb.name for nb in NOTEBOOKS], f"expected every lesson to run on the hub, ran {ran}"
    for learner, runs in hub["runs"].items():
        for run in runs:
            nb = room.KIT / "notebooks" / Path(run.path).name
            assert run.problems == [], f"{learner} {nb.name}: {run.problems}"
            assert len(run.cells) == len(code_cells(nb)), f"{learner} {nb.name}: ran {len(run.cells)} of {len(code_cells(nb))} code cells"
            assert run.checks, f"{learner} {nb.name}: expected check lines starting with ✓, found none"


def test_both_learners_ran_the_same_lesson_at_once_and_saw_the_same_checks(hub):
    (a, *_), (b, *_) = hub["runs"].values()
    assert Path(a.path).name == Path(b.path).name == TOGETHER.name
    assert a.checks == b.checks, f"{TOGETHER.name}: the two learners' check lines differ"
    overlap = min(a.started + a.seconds, b.started + b.seconds) - max(a.started, b.started)
    assert overlap > 0.5 * min(a.seconds, b.seconds), \
        f"expected the two runs of {TOGETHER.name} to overlap for most of their time: {overlap:.1f} s of {min(a.seconds, b.seconds):.1f} s"


def test_the_two_series_ran_side_by_side(hub):
    (start1, end1), (start2, end2) = [(runs[0].started, runs[-1].started + runs[-1].seconds) for runs in hub["runs"].values()]
    overlap = min(end1, end2) - max(start1, start2)
    shorter = min(end1 - start1, end2 - start2)
    assert overlap > 0.5 * shorter, f"expected the two learners' lessons to overlap for most of their time: " \
                                    f"overlap {overlap:.1f} s of {shorter:.1f} s"


def test_a_failing_check_is_reported(hub):
    planted = hub["planted"]
    assert planted.cells[0].status == "error", planted.cells[0].messages
    assert any("✗ planted ∂L/∂u11" in e for e in planted.cells[0].errors), planted.cells[0].errors
    assert len(planted.cells) == 1, "Run All goes on after a failing check"
    assert planted.problems and not planted.checks


def test_kernels_run_as_their_learner_in_their_home(hub):
    r = hub["room"]
    for learner in r.learners:
        kernels = hub["kernels"][learner.name]
        assert len(kernels) == 1, f"{learner.name}: expected the probe's kernel only, found {kernels}"
        uid, cwd = kernels[0]
        assert uid == learner.uid, f"{learner.name}'s kernel runs as uid {uid}, expected {learner.uid}"
        assert cwd == str(learner.home / "lessons"), f"{learner.name}'s kernel runs in {cwd}"


def test_each_learners_files_stay_in_their_own_home(hub):
    r = hub["room"]
    first, second = r.learners
    for learner, other in ((first, second), (second, first)):
        probe_run = hub["probes"][learner.name]
        assert probe_run.problems == [], probe_run.problems
        assert probe_run.cells[0].text.strip() == f"wrote {learner.home / 'lessons' / PROBE}"
        assert probe_run.cells[1].text.strip() == f"denied: {other.home}/lessons/{PROBE}", \
            f"{learner.name} could read {other.name}'s file: {probe_run.cells[1].text!r}"
        written = learner.home / "lessons" / PROBE
        assert written.read_text() == learner.name
        assert os.stat(learner.home).st_mode & 0o077 == 0, f"{learner.home} is open to others"
        foreign = [str(p) for p in learner.home.rglob("*") if p.lstat().st_uid != learner.uid]
        assert not foreign, f"files in {learner.name}'s home not owned by them: {foreign}"
        for run in hub["runs"][learner.name]:  # the executed lessons were saved, with outputs, in their own home
            name = Path(run.path).name
            saved = json.loads((learner.home / "lessons" / name).read_text())
            assert any(c.get("outputs") for c in saved["cells"]), f"{learner.name}'s {name} saved without outputs"
