"""Which tree's code a benchmark measures, and the same code in the processes it starts.

A benchmark run from a work tree imports that tree's `flows/`, `warehouse/` and `transforms/` (the current folder
comes first on `sys.path`). A process it starts does not, unless told: the `newsetl` script of the virtualenv puts
its own folder first, and the editable install then maps those packages to the checkout it was installed from
(`/work/main`), so bench.scale's real nights measured that checkout's code while its own steps measured the tree's
(docs/benchmarks.md, round 29, perf25). `tree_environment` puts the measured tree first on the child's path
(`PYTHONPATH` comes before site-packages, where the editable install's finder is), and `describe_tree` says which
tree that was, for the benchmark's printout.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping
from pathlib import Path


def measured_tree() -> Path:
    """The folder whose `warehouse/` (and with it `flows/`, `transforms/`) this process imports."""
    import warehouse

    return Path(warehouse.__file__).resolve().parent.parent


def tree_environment(environment: Mapping[str, str], tree: Path | None = None) -> dict[str, str]:
    """`environment` with `tree` (this process's measured tree by default) first on `PYTHONPATH`, so a process
    started with it imports the same code as this one, whatever its own folder and the editable install say."""
    root = str(tree or measured_tree())
    earlier = [part for part in environment.get("PYTHONPATH", "").split(os.pathsep) if part and part != root]
    return {**environment, "PYTHONPATH": os.pathsep.join([root, *earlier])}


def describe_tree(tree: Path | None = None) -> str:
    """The tree's folder and, in a git checkout, its commit and whether its files differ from that commit."""
    root = tree or measured_tree()

    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout.strip()

    try:
        commit = git("rev-parse", "--short", "HEAD")
        changed = bool(git("status", "--porcelain", "--untracked-files=no"))
    except (OSError, subprocess.CalledProcessError):
        return f"{root} (not a git checkout)"
    return f"{root} at {commit}" + (", with uncommitted changes" if changed else "")
