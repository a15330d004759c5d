"""`benchmarks/bench.py --before DIR` times DIR's par, not the installed one: its launcher puts
the tree first and drops any editable-install hook, and the before tree is what runs."""

from __future__ import annotations

import shutil
import subprocess
import sys

from tests.conftest import ROOT
from tests.edit_support import subprocess_env

sys.path.insert(0, str(ROOT / "benchmarks"))

import bench  # noqa: E402 - lives beside the benchmark, not in the package


def test_the_before_launcher_runs_the_before_tree(tmp_path):
    tree = tmp_path / "before"
    shutil.copytree(ROOT / "par_cli", tree / "par_cli", ignore=shutil.ignore_patterns("__pycache__"))
    log = tmp_path / "imports.log"
    # The before tree says where it is every time it is imported, as in the check of bench.py.
    with (tree / "par_cli" / "__init__.py").open("a", encoding="utf-8") as init:
        init.write(f"\nwith open({str(log)!r}, 'a', encoding='utf-8') as _log:\n    _log.write(__file__ + '\\n')\n")
    work = tmp_path / "work"
    work.mkdir()
    launcher = bench.write_before_launcher(tree, work)

    assert bench.where_par_cli([sys.executable, str(launcher), "--bench-where"], bench.child_env(), work) == str(tree / "par_cli")
    done = subprocess.run([sys.executable, str(launcher), "validate", str(ROOT / "plans" / "2024.yaml")], capture_output=True, text=True, env=subprocess_env(), cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "hợp lệ (49 tiêu chí" in done.stdout
    # Run from the checkout's own folder (where a `-c` would import the checkout): the before tree.
    assert log.read_text(encoding="utf-8").splitlines() == [str(tree / "par_cli" / "__init__.py")] * 2
    # The installed side is the checkout.
    here = bench.where_par_cli([sys.executable, "-c", "import par_cli; print(par_cli.__file__)"], bench.child_env(), work)
    assert here == str(ROOT / "par_cli")
