"""System-wide install for shared servers: the kernel goes into a prefix (as `--prefix /usr/local`
would on a JupyterHub server), `jupyter kernelspec list` finds it there, it runs, and uninstall
takes it away again."""
import json
import subprocess

from conftest import INSTALLER, KERNEL, kernelspecs, needs_installer, run_notebook, text

from nbformat.v4 import new_code_cell, new_notebook


def install(*args):
    return subprocess.run(["bash", str(INSTALLER), *map(str, args)], capture_output=True, text=True)


@needs_installer
def test_prefix_install_is_listed_runs_and_uninstalls(tmp_path, monkeypatch, kit_classpath):
    prefix = tmp_path / "server prefix"  # a space, as in many real paths, must survive kernel.json
    share = prefix / "share" / "jupyter"
    resource_dir = share / "kernels" / KERNEL

    done = install("--prefix", prefix)
    assert done.returncode == 0, done.stderr
    found = kernelspecs(share)
    assert KERNEL in found, f"expected {KERNEL} in `jupyter kernelspec list`, got {sorted(found)}"
    assert found[KERNEL]["resource_dir"] == str(resource_dir)
    spec = json.loads((resource_dir / "kernel.json").read_text())
    assert spec["language"] == "java"
    assert spec["argv"][0].startswith("/"), f"kernel.json must hold absolute paths, argv[0] is {spec['argv'][0]}"

    again = install("--prefix", prefix)  # reinstalling replaces, never duplicates
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in (share / "kernels").iterdir()) == [KERNEL]

    nb = new_notebook(cells=[new_code_cell("1 + 1"), new_code_cell("org.backpropkit.core.Article.network().getClass().getSimpleName()")])
    run_notebook(nb, share, monkeypatch)
    assert text(nb.cells[0]).strip() == "2", nb.cells[0].outputs
    assert text(nb.cells[1]).strip().strip('"') == "Network", nb.cells[1].outputs

    gone = install("--uninstall", "--prefix", prefix)
    assert gone.returncode == 0, gone.stderr
    assert not resource_dir.exists()
    after = kernelspecs(share)
    assert KERNEL not in after or after[KERNEL]["resource_dir"] != str(resource_dir), \
        f"after uninstall `jupyter kernelspec list` still finds {after[KERNEL]['resource_dir']}"
