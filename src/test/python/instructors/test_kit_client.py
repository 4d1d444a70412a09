"""The kit's notebook client starts the kernel again when it dies before answering (a port taken meanwhile)."""
import json
import shutil

import nbformat
import pytest
from kit_client import STARTS, KitNotebookClient

from conftest import KERNEL, needs_installer


def flaky_kernel(kernel_prefix, tmp_path, deaths):
    """A copy of the kit's kernelspec whose first `deaths` starts exit at once, as a kernel does whose port was taken."""
    count = tmp_path / "starts"
    count.write_text("0")
    script = tmp_path / "flaky.sh"
    script.write_text(f'n=$(( $(cat {count}) + 1 )); echo $n > {count}\n'
                      f'if [ $n -le {deaths} ]; then echo "cannot bind the shell socket" >&2; exit 3; fi\n'
                      'exec "$@"\n')
    path = tmp_path / "share" / "jupyter"
    shutil.copytree(kernel_prefix / "kernels" / KERNEL, path / "kernels" / "flaky")  # with its launch script
    spec = json.loads((path / "kernels" / "flaky" / "kernel.json").read_text())
    spec["argv"] = ["bash", str(script)] + spec["argv"]
    (path / "kernels" / "flaky" / "kernel.json").write_text(json.dumps(spec))
    return path, count


def run(path, tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 2")])
    client = KitNotebookClient(nb, kernel_name="flaky", timeout=60, startup_timeout=60,
                               resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    return nb.cells[0].outputs[0]["data"]["text/plain"]


@needs_installer
def test_a_kernel_that_dies_while_starting_is_started_again(kernel_prefix, tmp_path, monkeypatch):
    path, count = flaky_kernel(kernel_prefix, tmp_path, deaths=STARTS - 1)
    monkeypatch.setenv("JUPYTER_PATH", str(path))
    assert run(path, tmp_path) == "3"
    assert count.read_text().strip() == str(STARTS)


@needs_installer
def test_a_kernel_that_always_dies_is_given_up_after_a_few_starts(kernel_prefix, tmp_path, monkeypatch):
    path, count = flaky_kernel(kernel_prefix, tmp_path, deaths=STARTS)
    monkeypatch.setenv("JUPYTER_PATH", str(path))
    with pytest.raises(RuntimeError, match="Kernel died before replying"):
        run(path, tmp_path)
    assert count.read_text().strip() == str(STARTS)
