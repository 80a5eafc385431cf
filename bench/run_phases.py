"""Where a `newsetl ingest` run's fixed start and end go: the run's moments (flows/timeline.py) with their wall
and flow-process CPU seconds, for 1 worker and for `--workers`, in one process after a warm-up run.

The fixed part of a run is what does not shrink with a second worker: from the call to the moment every worker
has work (the pool's model load, discovery, the first batch's reading), and from the workers' last result to
the call's return (the last commit, the views written, the checks and `runs` row in them, their publish, the
search index, Prefect's end). `bench.run`'s 2-against-1 ratio is held down by it; this prints it phase by
phase, within one run, so a busy machine shifts all of a run's phases alike.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from itertools import product
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

from bench.run import add_corpus_arguments, bench_pages, copies_of, ingest_pages
from flows import timeline
from flows.timeline import Moment


@contextmanager
def _pool_at_first_batch() -> Iterator[None]:
    """The order before round 15: no pool started with the run, so the first batch's `process_documents`
    starts it, once the batch is read."""
    import flows.batch

    started_with_run = flows.batch.start_workers
    flows.batch.start_workers = lambda *args, **kwargs: None
    try:
        yield
    finally:
        flows.batch.start_workers = started_with_run


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def traced_run(
    paths: list[Path], workers: int, batch_size: int, scratch: Path, sources: list[str] | None = None
) -> tuple[list[Moment], float]:
    """The moments of one `ingest` over the pages into a new warehouse, from its call ("called") to its
    return ("returned"); and the CPU seconds of the worker processes it started and ended. `sources` as
    `bench.run.ingest_pages` takes them."""
    from flows.cli import run_settings

    children = _children_cpu()
    with run_settings(), timeline.recording() as moments:  # Prefect's settings for a run of `newsetl ingest`
        timeline.mark("called")
        ingest_pages(paths, sources, scratch, workers, batch_size)
        timeline.mark("returned")
    return list(moments), _children_cpu() - children


def _at(moments: list[Moment], event: str, which: int = 0) -> Moment | None:
    found = [moment for moment in moments if moment.event == event]
    return found[which] if found and -len(found) <= which < len(found) else None


def phases(moments: list[Moment]) -> dict[str, float]:
    """Wall seconds of the fixed start and end, and their parts."""
    called, returned = moments[0], moments[-1]
    ready = [moment for moment in moments if moment.event == "worker ready"]
    first_task = _at(moments, "prepare start")
    last_result = _at(moments, "analyse end", -1)
    pool = _at(moments, "pool starting")
    assert first_task is not None and last_result is not None and pool is not None and ready
    busy = max(first_task.wall, max(moment.wall for moment in ready))
    return {
        "start: call -> every worker has work": busy - called.wall,
        "  pool started, after the call": pool.wall - called.wall,
        "  model load (pool started -> last worker ready)": max(m.wall for m in ready) - pool.wall,
        "  first batch read, after the call": _wall(moments, "batch read", 0) - called.wall,
        "  discovery done, after the call": _wall(moments, "discovered") - called.wall,
        "  overlap: the pool loading while the flow starts": max(
            0.0, min(_wall(moments, "batch read", 0), max(m.wall for m in ready)) - pool.wall
        ),
        "  a worker's CPU to get ready (mean)": sum(float(m.detail.split()[0]) for m in ready) / len(ready),
        "end: workers' last result -> return": returned.wall - last_result.wall,
        "  -> last batch committed": _wall(moments, "last batch committed") - last_result.wall,
        "  -> views written (the run's one publish)": _wall(moments, "views written")
        - _wall(moments, "last batch committed"),
        "  -> checks and runs row": _wall(moments, "run recorded") - _wall(moments, "views written"),
        "  -> final compaction, runs row into the views": _wall(moments, "views published")
        - _wall(moments, "run recorded"),
        "  -> search index": _wall(moments, "search index updated") - _wall(moments, "views published"),
        "  -> flow function's end (reports, artifact)": _wall(moments, "flow done")
        - _wall(moments, "search index updated"),
        "  -> return (Prefect's end of the flow run)": returned.wall - _wall(moments, "flow done"),
        "whole run": returned.wall - called.wall,
    }


def _wall(moments: list[Moment], event: str, which: int = -1) -> float:
    moment = _at(moments, event, which)
    assert moment is not None, event
    return moment.wall


def print_moments(moments: list[Moment]) -> None:
    called = moments[0]
    for moment in moments:
        print(
            f"  {moment.wall - called.wall:7.2f} s  flow CPU {moment.cpu - called.cpu:6.2f} s  {moment.event}"
            + (f" ({moment.detail})" if moment.detail else "")
        )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    add_corpus_arguments(parser)
    parser.add_argument("--repeat", type=int, default=1, help="runs of each worker count, alternated")
    parser.add_argument("--moments", action="store_true", help="print every moment of each run")
    parser.add_argument(
        "--compare",
        action="store_true",
        help="alternate each run with one whose pool starts at the first batch, as before round 15",
    )
    parser.add_argument(
        "--copies",
        action="store_true",
        help="after each run, one over bench.run's archive with 30%% copies: the workers' CPU a copy saves",
    )
    args = parser.parse_args(argv)

    from flows.cli import run_settings
    from flows.ingest import ingest

    paths, sources = bench_pages(args)
    corpora = [("", (paths, sources))]
    if args.copies:
        corpora.append((", 30% copies", copies_of(paths, args)))
    scratch = Path(tempfile.mkdtemp(prefix="newsetl-phases-"))
    try:
        with run_settings():
            ingest(sources=[str(paths[0])], warehouse=str(scratch / "warmup"), workers=1)  # Prefect's start, paid once
        variants = ("pool at the run's start", "pool at the first batch") if args.compare else ("",)
        for repeat in range(args.repeat):
            for workers in sorted({1, args.workers}):
                for (number, variant), (corpus, (pages, named)) in product(enumerate(variants), corpora):
                    load = os.getloadavg()[0]
                    started = time.process_time()
                    with _pool_at_first_batch() if variant == variants[-1] and args.compare else nullcontext():
                        moments, worker_cpu = traced_run(
                            pages,
                            workers,
                            args.batch_size,
                            scratch / f"wh-{workers}-{repeat}-{number}{len(corpus)}",
                            named,
                        )
                    print(
                        f"{workers} worker(s), run {repeat + 1}{', ' + variant if variant else ''}{corpus}: "
                        f"load average {load:.1f} -> {os.getloadavg()[0]:.1f}; "
                        f"flow process {time.process_time() - started:.2f} CPU s, workers {worker_cpu:.2f} CPU s"
                    )
                    if args.moments:
                        print_moments(moments)
                    for name, seconds in phases(moments).items():
                        print(f"  {name:<52} {seconds:6.2f} s")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
