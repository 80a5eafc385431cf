"""Run a bench script of this checkout with the transforms/ of an older work tree: rebuilding a gold set's texts.

A figure gold's offsets hold only for the texts the pipeline of one commit kept (the set's NOTES.md under
bench/gold/ names it), so a new machine rebuilds those texts with that commit's transforms/. The builders that choose
a set's pages (bench/*_news.py) were mostly committed after the commit whose texts they built, so they cannot be run
from that tree; and `PYTHONPATH=TREE python -m bench.X` from this checkout imports this checkout's transforms/ first
(the current folder comes first on sys.path), silently. This imports `bench` from here, then puts TREE first for
everything else, so that transforms/ (and what it reads) comes from TREE while the builder is this checkout's.
build.json then names TREE's commit (bench/fixture_texts.py asks git where transforms/ is).

Usage (from this checkout): python -m bench.with_tree TREE MODULE [ARGS...]
    git -C . worktree add --detach /tmp/at436ba4a 436ba4a
    python -m bench.with_tree /tmp/at436ba4a bench.mediacloud_news /work/data/htmldate-mediacloud
    git worktree remove /tmp/at436ba4a
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

import bench


def run_with_tree(tree: Path, module: str, args: list[str]) -> int | str | None:
    """Runs MODULE as __main__ with ARGS, bench/ from this checkout and every other package from TREE first;
    returns the module's exit code."""
    if not (tree / "transforms").is_dir():
        raise SystemExit(f"{tree} has no transforms/: not a work tree of this project")
    if "transforms" in sys.modules:  # imported before TREE is first: the builder would run this checkout's code
        raise SystemExit("transforms/ was imported before the tree was put first; run this as `python -m`")
    sys.path.insert(0, str(tree.resolve()))
    sys.argv = [module, *args]
    code: int | str | None = 0
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    except SystemExit as exit_:  # the builders end with `raise SystemExit(main())`
        code = exit_.code
    import transforms  # the builder may not have imported it; checked either way

    used = Path(transforms.__file__).resolve().parent.parent
    if used != tree.resolve():
        raise SystemExit(f"transforms/ came from {used}, not {tree}")
    return code


def main(argv: list[str] | None = None) -> int | str | None:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) < 2:
        print(__doc__.split("Usage", 1)[1].strip(), file=sys.stderr)
        return 2
    here = Path(bench.__file__).resolve().parent.parent
    print(f"bench/ from {here}, transforms/ from {Path(argv[0]).resolve()}", file=sys.stderr)
    return run_with_tree(Path(argv[0]), argv[1], argv[2:])


if __name__ == "__main__":
    raise SystemExit(main())
