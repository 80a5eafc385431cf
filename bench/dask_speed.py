"""The NLP of one batch on a Dask LocalCluster against the local process pool, same pages, same cores.

    PYTHONPATH=$PWD python -m bench.dask_speed [--docs 200] [--workers 2]

Both run `flows.workers.process_documents` (both phases, no warehouse) over the same synthetic pages
(bench/corpus.py) with the same number of worker processes; each is warmed up first (processes
started, model loaded), so the clock sees only the work and what it costs to ship it. The Dask path runs
its chunks as Prefect tasks, so a Prefect server is needed: PREFECT_API_URL, or Prefect's temporary
server, started here before the clock. Ratios measured in one run on a shared machine; not a test.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

# Prefect reads these at import; as flows/settings.py sets them for newsetl (a slow server start under load).
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")

from prefect import flow

from bench.corpus import build_corpus
from flows.workers import process_documents, shutdown_workers
from transforms.options import PipelineOptions
from transforms.records import RawDocument


def raw(path: Path) -> RawDocument:
    return RawDocument(doc_id=path.name, source=str(path), url=None, content=path.read_bytes(), media_type="text/html")


def timed(raws: list[RawDocument], workers: int, dask_address: str | None) -> float:
    options = PipelineOptions()
    # warm-up
    process_documents(raws[: workers * 4], options, workers, frozenset(), None, 60.0, dask_address=dask_address)
    started = time.perf_counter()
    results = process_documents(raws, options, workers, frozenset(), None, 60.0, dask_address=dask_address)
    seconds = time.perf_counter() - started
    assert len(results) == len(raws)
    shutdown_workers()
    return seconds


@flow(name="bench-dask-speed")
def compare(docs: int, workers: int) -> dict[str, float]:
    """In a flow, as in a run: the Dask chunks are Prefect tasks. Pages by count, not as parameters."""
    with tempfile.TemporaryDirectory() as folder:
        raws = [raw(path) for path in build_corpus(Path(folder), docs)]
    return {
        "process pool": timed(raws, workers, None),
        f"Dask LocalCluster (local:{workers})": timed(raws, workers, f"local:{workers}"),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    args = parser.parse_args(argv)
    load = os.getloadavg()
    timings = compare(args.docs, args.workers)
    print(f"{args.docs} pages, {args.workers} worker processes, {os.cpu_count()} cores")
    for name, seconds in timings.items():
        print(f"{name}: {seconds:.1f}s, {args.docs / seconds:.2f} documents/s")
    pool, dask = timings.values()
    print(f"ratio Dask/pool (documents/s): {pool / dask:.2f}")
    print(f"load average before: {load[0]:.1f}, after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
