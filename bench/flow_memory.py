"""What the flow process keeps as a warehouse grows: `python -m bench.flow_memory --articles 10000`.

A run's flow process makes each batch's lookups, then its writer thread clusters, commits, compacts,
publishes the views and updates the search index (flows/batch.py, flows/committer.py). This does the same
with the project's own functions on synthetic batches (bench/scale.py's rows: no extraction, no NLP, no
Prefect), in one process, and prints after every few batches the process's resident memory and what
each kept part of it holds, so the part that grows with the archive shows without a 25-minute run:

- RSS, and of it the anonymous memory and the file pages mapped (/proc/self/status);
- the pages of the lookup index file mapped into the process (SQLite's memory map, /proc/self/smaps);
- SQLite's own heap (sqlite3_memory_used: the page caches and temporary tables of every connection);
- the publishing DuckDB instance's memory as DuckDB counts it (duckdb_memory());
- glibc's heap: bytes in use and bytes free but kept (mallinfo2), and the open Delta table objects.

The steps run one at a time (the run overlaps the lookups with the writer), so each step's own peak shows
too; the first lookup after a commit (the writer's site chrome) is the one that brings the lookup index level.
At the end each kept part is let go in turn and the RSS it gave back printed: the index connections, the
publishing instance, the Delta table objects, then malloc_trim.
"""

from __future__ import annotations

import argparse
import ctypes
import ctypes.util
import os
import random
import re
import shutil
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.scale import commit_rows, synthetic_batch
from transforms.dedup import signature_scheme
from transforms.options import BoilerplateOptions, DedupOptions
from warehouse import band_filters, generations, index, lookups, report, search, store, views
from warehouse.options import COMPACT_MIN_FILES, VACUUM_RETENTION_HOURS
from warehouse.schemas import ARTICLES, LSH_BANDS, RAW_PAGES
from warehouse.store import ensure_tables

_libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
_sqlite = ctypes.CDLL(ctypes.util.find_library("sqlite3") or "libsqlite3.so.0")
_sqlite.sqlite3_memory_used.restype = ctypes.c_int64
_sqlite.sqlite3_memory_highwater.restype = ctypes.c_int64
_sqlite.sqlite3_memory_highwater.argtypes = [ctypes.c_int]


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks")
    ] + [("keepcost", ctypes.c_size_t)]


_libc.mallinfo2.restype = _MallInfo2

MB = 2**20
_MAPPING = re.compile(r"^[0-9a-f]+-[0-9a-f]+ ")  # a mapping's header line in smaps


def status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def mapped_rss_kb(name: str) -> int:
    """Resident kB of every mapping of files whose path ends with `name`."""
    total, inside = 0, False
    for line in Path("/proc/self/smaps").read_text().splitlines():
        if _MAPPING.match(line):
            inside = line.rstrip().endswith(name)
        elif inside and line.startswith("Rss:"):
            total += int(line.split()[1])
    return total


def publishing_instance_mb() -> float:
    instance = views._instance
    if instance is None:
        return 0.0
    with views._instance_lock:
        found = instance.execute("SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()").fetchone()
    return found[0] / MB if found else 0.0


_window_peak = [0.0, 0.0]  # the peak RSS and SQLite's peak heap since the last sample, over the steps' peaks
_step_peaks: dict[str, float] = {}  # per step: its highest peak RSS above the RSS it started at, this window
_step_heap: dict[str, float] = {}  # per step: what it added to the C heap's arenas (mallinfo2 arena), this window


def reset_peaks() -> None:
    """Start a new window for the peaks: the kernel's peak RSS of this process, SQLite's peak heap."""
    _window_peak[0] = max(_window_peak[0], status_kb("VmHWM") / 1024)
    _window_peak[1] = max(_window_peak[1], _sqlite.sqlite3_memory_highwater(0) / MB)
    Path("/proc/self/clear_refs").write_text("5")
    _sqlite.sqlite3_memory_highwater(1)


def step(name: str, call, *args, **kwargs):
    """Run one step, keeping its peak RSS above where it started (the steps run one at a time)."""
    reset_peaks()
    before, arena = status_kb("VmRSS") / 1024, _libc.mallinfo2().arena
    try:
        return call(*args, **kwargs)
    finally:
        _step_heap[name] = _step_heap.get(name, 0.0) + (_libc.mallinfo2().arena - arena) / MB
        _step_peaks[name] = max(_step_peaks.get(name, 0.0), status_kb("VmHWM") / 1024 - before)
        _window_peak[0] = max(_window_peak[0], status_kb("VmHWM") / 1024)


def sample() -> dict[str, float]:
    """The memory now, and the peaks since reset_peaks (which it calls)."""
    heap = _libc.mallinfo2()
    reset_peaks()
    (peak, sqlite_peak), _window_peak[:] = _window_peak, [0.0, 0.0]
    kept = [*index._FILTER_CACHE.values(), *generations._FILTERS.values()]
    filters = sum(bits.nbytes for bits in kept) + sum(stack.words.nbytes for stack in generations._STACKS.values())
    return {
        "peak": peak,
        "rss": status_kb("VmRSS") / 1024,
        "anon": status_kb("RssAnon") / 1024,
        "file": status_kb("RssFile") / 1024,
        "index_map": mapped_rss_kb(index.INDEX_FILE) / 1024,
        "sqlite_heap": _sqlite.sqlite3_memory_used() / MB,
        "sqlite_peak": sqlite_peak,
        "duckdb": publishing_instance_mb(),
        "malloc_used": (heap.uordblks + heap.hblkhd) / MB,
        "malloc_free": heap.fordblks / MB,
        "filters": filters / MB,
        "deltas": len(store._open_tables),
    }


COLUMNS = (
    "peak",
    "rss",
    "anon",
    "file",
    "index_map",
    "sqlite_heap",
    "sqlite_peak",
    "duckdb",
    "malloc_used",
    "malloc_free",
    "filters",
    "deltas",
)


def row(articles: int, values: dict[str, float]) -> str:
    return (
        f"| {articles:,} | "
        + " | ".join(f"{values[c]:.0f}" if c != "filters" else f"{values[c]:.1f}" for c in COLUMNS)
        + " |"
    )


def grow(warehouse: Path, articles: int, batch: int, publish_every: int, report_every: int, seed: int) -> None:
    rng = random.Random(seed)
    dedup, chrome_stories = DedupOptions(), BoilerplateOptions().min_stories
    scheme = signature_scheme(dedup)
    ensure_tables(warehouse)
    writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="writer")  # the run's one writer thread
    lock = threading.RLock()  # as flows/committer.py: every warehouse read or write holds it
    previous: dict | None = None

    def write(rows: dict, number: int) -> None:
        with lock:
            keys = [band.band_key for band in rows[LSH_BANDS.name]]
            per_key = dedup.candidates_per_band + 1
            step("band matches", lookups.committed_band_matches, warehouse, keys, scheme, per_key=per_key)
            step("commit", commit_rows, warehouse, rows, "trace", f"trace-{number:05d}")
            compacted = step("compaction", store.compact_tables, warehouse, COMPACT_MIN_FILES, VACUUM_RETENTION_HOURS)
            if compacted or number % publish_every == publish_every - 1:
                step("publish", views.publish_views, warehouse)
                step("search index", search.update_index, warehouse, wait=False)
            step("index catch-up, chrome", lookups.committed_site_chrome, warehouse, chrome_stories)

    print(f"| articles | {' | '.join(COLUMNS)} |")
    print("|---" * (len(COLUMNS) + 1) + "|")
    pending = None
    steps: list[tuple[int, dict[str, float]]] = []
    heaps: list[tuple[int, dict[str, float]]] = []
    reset_peaks()
    for number, first in enumerate(range(0, articles, batch)):
        rows = synthetic_batch(rng, first, min(batch, articles - first), scheme, dedup)
        # The flow's lookups for this batch (its own keys, and the previous batch's: known ones), in the main thread
        doc_ids = [a.doc_id for a in rows[ARTICLES.name]]
        urls = [p.url for p in rows[RAW_PAGES.name]]
        if previous is not None:
            doc_ids += [a.doc_id for a in previous[ARTICLES.name]]
            urls += [p.url for p in previous[RAW_PAGES.name]]
        if pending is not None:
            pending.result()
        with lock:
            step("known documents", lookups.committed_doc_ids, warehouse, doc_ids)
            step("stored pages", lookups.stored_pages, warehouse, urls)
        pending = writer.submit(write, rows, number)
        previous = rows
        done = first + batch
        if done % report_every == 0 or done >= articles:
            pending.result()
            print(row(min(done, articles), sample()), flush=True)
            steps.append((min(done, articles), dict(_step_peaks)))
            heaps.append((min(done, articles), dict(_step_heap)))
            _step_peaks.clear()
            _step_heap.clear()
    if pending is not None:
        pending.result()
    # The run's end (flows/batch.py run_batches, flows/ingest.py): the checks and the run's numbers on one
    # views connection, then compaction and a last publish.
    step("run end: checks", report.check_and_read_run, warehouse, "trace")
    step("run end: compaction", store.compact_tables, warehouse, COMPACT_MIN_FILES, VACUUM_RETENTION_HOURS)
    step("run end: publish", views.publish_views, warehouse)
    print(row(articles, sample()) + " after the run's end", flush=True)
    steps.append((articles, dict(_step_peaks)))
    heaps.append((articles, dict(_step_heap)))
    writer.shutdown()
    names = list(dict.fromkeys(name for _, peaks in steps for name in peaks))
    for title, table in (
        ("Each step's peak RSS above the RSS it started at (MB, the highest in each window)", steps),
        ("What each step added to the C heap's arenas (MB, mallinfo2 arena, summed over each window)", heaps),
    ):
        print(f"\n{title}:\n")
        print(f"| articles | {' | '.join(names)} |")
        print("|---" * (len(names) + 1) + "|")
        for done, values in table:
            print(f"| {done:,} | " + " | ".join(f"{values.get(name, 0.0):.0f}" for name in names) + " |")


def let_go() -> None:
    """Release each kept part in turn and print the RSS each gives back."""

    def release(what: str, call) -> None:
        before = status_kb("VmRSS") / 1024
        call()
        print(f"- {what}: {before - status_kb('VmRSS') / 1024:+.0f} MB given back")

    def close_index_connections() -> None:
        for path in list(index._kept_connections()):
            index._drop_kept(path)
        # The writer thread's connection is in its thread-local: gone with the thread's end (shutdown above).
        import gc

        gc.collect()

    release("the index connections (this thread's; the writer thread ended)", close_index_connections)
    release("the publishing DuckDB instance", views._drop_instance)
    release("the open Delta table objects", store._open_tables.clear)
    release("the cached band filters", index._FILTER_CACHE.clear)
    release("the cached generation filters", generations.clear_filters)
    release("malloc_trim", lambda: _libc.malloc_trim(0))
    release("Arrow's memory pool's unused memory", _release_arrow)
    print("then: " + row(0, sample()))


def _release_arrow() -> None:
    import pyarrow as pa

    print(
        f"  (Arrow's pool: {pa.default_memory_pool().backend_name}, {pa.total_allocated_bytes() / MB:.0f} MB allocated)"
    )
    pa.default_memory_pool().release_unused()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--publish-every", type=int, default=3, help="publish after every N batches (and compaction)")
    parser.add_argument("--report-every", type=int, default=1000, help="print a row every N articles")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--index-cache-mib", type=int, help="the lookup index's page cache (default: the index's own)")
    parser.add_argument("--keep", type=Path, help="write the warehouse here and keep it (default: a temporary one)")
    args = parser.parse_args(argv)
    if args.index_cache_mib is not None:
        index.CACHE_KIB = args.index_cache_mib * 1024
    folder = args.keep or Path(tempfile.mkdtemp(prefix="newsetl-flow-memory-"))
    warehouse = folder / "warehouse"
    shutil.rmtree(warehouse, ignore_errors=True)
    print(
        f"load average at the start: {' '.join(f'{v:.1f}' for v in os.getloadavg())}; python {sys.version.split()[0]}"
    )
    print(
        f"{args.articles:,} synthetic articles in batches of {args.batch}, publish every {args.publish_every} batches"
    )
    print(f"lookup index page cache {index.CACHE_KIB // 1024} MiB")
    print("memory in MB (deltas: open Delta table objects; filters: cached band filters)\n")
    started, cpu = time.perf_counter(), time.process_time()
    try:
        grow(warehouse, args.articles, args.batch, args.publish_every, args.report_every, args.seed)
        print(
            f"\n{time.perf_counter() - started:.0f} s, {time.process_time() - cpu:.0f} CPU s; index file "
            f"{index.index_path(warehouse).stat().st_size / MB:.0f} MB; band filters {band_filters.MIN_BITS} bits a key"
        )
        let_go()
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"load average at the end: {' '.join(f'{v:.1f}' for v in os.getloadavg())}")


if __name__ == "__main__":
    main()
