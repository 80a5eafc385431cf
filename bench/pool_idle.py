"""Where the workers of a `newsetl ingest` run wait, batch by batch, within one run.

The pool marks when it sends a worker a task and when the worker's task is done (flows/workers.py), so each
worker's time from its first task to the last result splits into busy, waiting while another worker is busy
(the tail of a phase: prepare and analyse each end at a barrier), and waiting while no worker is busy (the
flow process alone: reading the next batch, its lookups, the copy lookup between the phases). The flow
process's CPU seconds inside the no-worker stretches, against the workers' CPU seconds, give the run's
serial share by CPU, which a busy machine moves much less than wall seconds.

    python -m bench.pool_idle --workers 2 [--docs 500 --batch-size 200]
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

from bench.run import add_corpus_arguments, bench_pages
from bench.run_phases import traced_run
from flows.timeline import Moment


def busy_spans(moments: list[Moment]) -> dict[str, list[tuple[float, float]]]:
    """Each worker's (task sent, task done) wall times."""
    sent: dict[str, float] = {}
    spans: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for moment in moments:
        if moment.event == "task sent":
            sent[moment.detail] = moment.wall
        elif moment.event == "task done" and moment.detail in sent:
            spans[moment.detail].append((sent.pop(moment.detail), moment.wall))
    return spans


def idle_gaps(moments: list[Moment]) -> list[tuple[Moment, Moment, list[str]]]:
    """Stretches from the first task to the last result in which no worker has a task: their first and
    last moments and the events marked inside (what the flow process did meanwhile)."""
    working: set[str] = set()
    gaps: list[tuple[Moment, Moment, list[str]]] = []
    start: Moment | None = None
    inside: list[str] = []
    for moment in moments:
        if moment.event == "task sent":
            if start is not None:
                gaps.append((start, moment, inside))
                start, inside = None, []
            working.add(moment.detail)
        elif moment.event == "task done":
            working.discard(moment.detail)
            if not working:
                start, inside = moment, []
        elif start is not None:
            inside.append(moment.event)
    return gaps  # a stretch still open at the end is the run's end, not a wait between tasks


def _kind(events: list[str]) -> str:
    if "batch start" in events:
        return "between batches (commit hand-over, next batch's lookups and read)"
    if "analyse start" in events:
        return "between prepare and analyse (copy lookup)"
    return "other"


def report(moments: list[Moment], worker_cpu: float, flow_cpu: float) -> None:
    spans = busy_spans(moments)
    first = min(start for worker in spans.values() for start, _ in worker)
    last = max(end for worker in spans.values() for _, end in worker)
    window = last - first
    gaps = idle_gaps(moments)
    none_busy = sum(end.wall - start.wall for start, end, _ in gaps)
    print(f"  from the first task to the last result: {window:.2f} s wall, {len(spans)} worker(s)")
    for worker, intervals in sorted(spans.items()):
        busy = sum(end - start for start, end in intervals)
        print(
            f"  worker {worker}: busy {busy / window:6.1%}, waiting while another works "
            f"{(window - busy - none_busy) / window:6.1%}, waiting with no worker busy {none_busy / window:6.1%} "
            f"({len(intervals)} tasks)"
        )
    by_kind: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    batch_of = 0
    for start, end, inside in gaps:
        batch_of += inside.count("batch start")
        kind = _kind(inside)
        by_kind[kind][0] += end.wall - start.wall
        by_kind[kind][1] += end.cpu - start.cpu
        by_kind[kind][2] += 1
        print(
            f"    gap before batch {batch_of}'s {'prepare' if 'batch start' in inside else 'next task'}: "
            f"{end.wall - start.wall:5.2f} s wall, flow CPU {end.cpu - start.cpu:5.2f} s; {kind}"
        )
    serial_cpu = sum(cpu for _, cpu, _ in by_kind.values())
    for kind, (wall, cpu, count) in by_kind.items():
        print(f"  {kind}: {count} gaps, {wall:.2f} s wall, flow CPU {cpu:.2f} s")
    total = worker_cpu + serial_cpu
    share = serial_cpu / total if total else 0.0
    workers = len(spans)
    print(
        f"  CPU: workers {worker_cpu:.2f} s, flow process {flow_cpu:.2f} s of which {serial_cpu:.2f} s with no "
        f"worker busy; serial share by CPU {share:.1%} (Amdahl's bound on {workers} against 1: "
        f"{1 / (share + (1 - share) / workers) if workers > 1 else 1.0:.2f}x)"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_corpus_arguments(parser)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)

    from flows.cli import run_settings
    from flows.ingest import ingest

    paths, sources = bench_pages(args)
    scratch = Path(tempfile.mkdtemp(prefix="newsetl-idle-"))
    try:
        with run_settings():  # Prefect's settings for a run of `newsetl ingest`, as traced_run's
            ingest(sources=[str(paths[0])], warehouse=str(scratch / "warmup"), workers=1)  # Prefect's start, once
        for repeat in range(args.repeat):
            load = os.getloadavg()[0]
            started = time.process_time()
            moments, worker_cpu = traced_run(paths, args.workers, args.batch_size, scratch / f"wh-{repeat}", sources)
            flow_cpu = time.process_time() - started
            print(
                f"{args.workers} worker(s), run {repeat + 1}: load average {load:.1f} -> {os.getloadavg()[0]:.1f}, "
                f"{len(paths)} pages, batches of {args.batch_size}"
            )
            report(moments, worker_cpu, flow_cpu)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
