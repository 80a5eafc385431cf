"""bench/with_tree.py: a bench script of this checkout runs with an older work tree's transforms/, the way a gold set's
texts are rebuilt on a new machine (the builders are newer than the commits whose texts they built)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# What a builder does: imports this checkout's bench/ and whichever transforms/ comes first, and says where from.
PROBE = """
import json, sys
import transforms
from bench import fixture_texts
json.dump({"transforms": transforms.__file__, "bench": fixture_texts.__file__, "argv": sys.argv[1:]},
          open(sys.argv[1], "w"))
raise SystemExit(3)
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    # from this checkout, as the docs say: the current folder comes first on sys.path
    return subprocess.run([sys.executable, "-m", "bench.with_tree", *args], cwd=REPO, capture_output=True, text=True)


def old_tree(tmp_path: Path) -> Path:
    tree = tmp_path / "at0ld"
    (tree / "transforms").mkdir(parents=True)
    (tree / "transforms" / "__init__.py").write_text('"""transforms/ of an older commit."""\n')
    (tree / "probe_builder.py").write_text(PROBE)
    return tree


def test_the_builder_is_this_checkouts_and_transforms_the_old_trees(tmp_path: Path) -> None:
    tree, out = old_tree(tmp_path), tmp_path / "where.json"

    done = run(str(tree), "probe_builder", str(out), "--dev", "0")

    assert done.returncode == 3, done.stderr  # the builder's own exit code comes back
    where = json.loads(out.read_text())
    assert Path(where["transforms"]).resolve() == (tree / "transforms" / "__init__.py").resolve()
    assert Path(where["bench"]).resolve() == REPO / "bench" / "fixture_texts.py"
    assert where["argv"] == [str(out), "--dev", "0"]


def test_a_folder_that_is_not_a_work_tree_is_refused(tmp_path: Path) -> None:
    done = run(str(tmp_path), "bench.fixture_texts", str(tmp_path))

    assert done.returncode != 0
    assert "has no transforms/" in done.stderr
