"""The offline bundle: build it, unpack it somewhere else, install the kernel from it with Maven
made unavailable, and run a notebook on that kernel."""
import json
import os
import stat
import subprocess
import tarfile

import pytest

from conftest import FIXTURES, KERNEL, KIT, kernelspecs, needs_installer, read, run_notebook

ARCHIVE = KIT / "build" / "backprop-kit-offline.tar.gz"
TOP = "backprop-kit-offline"


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory):
    built = subprocess.run(["bash", str(KIT / "src" / "scripts" / "bundle.sh")], capture_output=True, text=True)
    assert built.returncode == 0, built.stdout + built.stderr
    where = tmp_path_factory.mktemp("classroom")
    with tarfile.open(ARCHIVE) as archive:
        names = archive.getnames()
        assert all(n == TOP or n.startswith(TOP + "/") for n in names), "everything under one folder"
        archive.extractall(where)
    return where / TOP


@needs_installer
def test_bundle_holds_the_jar_its_libraries_the_installer_and_instructions(unpacked):
    lib = sorted(p.name for p in (unpacked / "target" / "lib").iterdir())
    assert lib == sorted(p.name for p in (KIT / "target" / "lib").iterdir())
    assert any(name.startswith("jjava-jupyter") for name in lib) and any(name.startswith("xchart") for name in lib)
    assert (unpacked / "target" / "backprop-kit.jar").stat().st_size > 10_000
    assert (unpacked / "src" / "scripts" / "install-kernel.sh").exists()
    install = (unpacked / "INSTALL.md").read_text()
    assert "install-kernel.sh --user" in install and "--prefix /usr/local" in install
    for folder in ("notebooks", "data", "docs"):
        if (KIT / folder).is_dir():
            assert (unpacked / folder).is_dir(), f"{folder}/ is in the checkout but not in the bundle"
    lessons = sorted(p.name for p in (KIT / "notebooks").glob("*.ipynb"))
    assert sorted(p.name for p in (unpacked / "student").glob("*.ipynb")) == lessons


@needs_installer
def test_kernel_installs_from_the_bundle_without_maven_and_runs_a_notebook(unpacked, tmp_path, monkeypatch):
    no_maven = tmp_path / "bin"
    no_maven.mkdir()
    mvn = no_maven / "mvn"
    mvn.write_text("#!/bin/sh\necho 'the offline install must not call Maven' >&2\nexit 97\n")
    mvn.chmod(mvn.stat().st_mode | stat.S_IEXEC)
    prefix = tmp_path / "prefix"
    env = {**os.environ, "PATH": f"{no_maven}:{os.environ['PATH']}", "MAVEN_OPTS": "-Dmaven.repo.local=/nonexistent"}
    done = subprocess.run(["bash", str(unpacked / "src" / "scripts" / "install-kernel.sh"), "--prefix", str(prefix)],
                          env=env, capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    share = prefix / "share" / "jupyter"
    assert KERNEL in kernelspecs(share)
    spec_text = "".join((share / "kernels" / KERNEL / name).read_text() for name in ("kernel.json", "launch.sh"))
    assert str(KIT) not in spec_text, "the bundle's kernel must run from the bundle, not from the checkout"
    assert str(unpacked) in spec_text, spec_text

    lessons = sorted((unpacked / "notebooks").glob("*.ipynb"))
    nb = read(lessons[0] if lessons else FIXTURES / "exercises.ipynb")
    run_notebook(nb, share, monkeypatch, cwd=lessons[0].parent if lessons else tmp_path)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert errors == []
    assert sum(1 for c in nb.cells if c.cell_type == "code" and c.outputs) > 0
