"""Appends on a warehouse made before tables kept statistics of batch_id alone, before and after a writer settles
its tables' properties (store.settle_table_properties): python -m bench.stats_migration --data DIR.

Round 18 created new tables with `delta.dataSkippingStatsColumns=batch_id`: delta-rs parses every active file's
statistics again after each append, and with every column's that grew with a table's files. A warehouse made
before keeps full statistics in each file's add action (and in its checkpoints, which carry the JSON as written).
This builds, through bench.scale's synthetic rows and the project's store functions, warehouses of --small and
--large articles the old way (tables created without the property) and the new way, then times `--batches` more
batches on six copies in turn, one process: the old ones as they are, the old ones settled (the property set, what
a run's writer now does once), and the new ones. Per batch the appends (every table's and the marker) and the
compaction after them are timed apart, in CPU seconds of this process (the machine is shared: ratios within the run
are the figures, not seconds). The built warehouses are kept under --data and reused.
"""

from __future__ import annotations

import argparse
import functools
import random
import shutil
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.scale import (
    COMMIT_SERIES,
    append_batch,
    archive_articles,
    grow_synthetic,
    kept_warehouses,
    load_average,
    synthetic_batch,
    timed,
)
from transforms.dedup import signature_scheme
from transforms.options import DedupOptions
from warehouse import store
from warehouse.options import COMPACT_MIN_FILES, VACUUM_RETENTION_HOURS
from warehouse.schemas import ALL_TABLES


@contextmanager
def tables_made_the_old_way() -> Iterator[None]:
    """Tables created in this block keep every column's statistics, as before round 18."""
    configuration = store.table_configuration
    store.table_configuration = lambda spec: None  # the old creation
    try:
        yield
    finally:
        store.table_configuration = configuration


def built(data: Path, name: str, articles: int, old: bool) -> Path:
    """A warehouse of `articles` synthetic articles (batches of 2,000, the last 16 of 200, compacted as a run's end
    does), kept under `data`: built once."""
    warehouse = data / f"{name}-{articles}"
    marker = warehouse / ".complete"
    if marker.exists():
        return warehouse
    shutil.rmtree(warehouse, ignore_errors=True)
    started = time.perf_counter()
    if old:
        with tables_made_the_old_way():
            grow_synthetic(warehouse, articles, 2_000, seed=articles % 97, last_batch=200)
    else:
        grow_synthetic(warehouse, articles, 2_000, seed=articles % 97, last_batch=200)
    marker.touch()
    print(f"  built {warehouse.name} in {time.perf_counter() - started:.0f} s", flush=True)
    return warehouse


def checkpoint_bytes(warehouse: Path) -> int:
    """Bytes of every table's last checkpoint: each active file's add action, its statistics JSON as written."""
    total = 0
    for spec in ALL_TABLES:
        path = store.table_path(warehouse, spec)
        version = store.last_checkpoint(path)
        if version >= 0:
            total += (path / "_delta_log" / f"{version:020d}.checkpoint.parquet").stat().st_size
    return total


def copies(data: Path, sources: list[tuple[str, Path]]) -> list[tuple[str, Path]]:
    """A fresh copy of each source warehouse to time (batches change it); `settled` ones as a run now leaves them."""
    made = []
    for label, source in sources:
        copy = data / f"timed-{label.replace(' ', '-').replace(',', '')}"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(source, copy)
        if label.startswith("settled"):
            cpu = time.process_time()
            changed = store.settle_table_properties(copy)
            print(f"  {label}: {len(changed)} tables settled in {time.process_time() - cpu:.3f} CPU s", flush=True)
            assert not store.settle_table_properties(copy)
        made.append((label, copy))
    return made


def series(warehouses: list[tuple[str, Path]], batches: int) -> dict[str, tuple[list[float], list[float]]]:
    """`batches` batches on each warehouse in turn: CPU s of each batch's appends and of its compaction."""
    scheme, dedup = signature_scheme(DedupOptions()), DedupOptions()
    rngs = {label: random.Random(11) for label, _ in warehouses}  # the same rows on every warehouse
    seconds: dict[str, tuple[list[float], list[float]]] = {label: ([], []) for label, _ in warehouses}
    for number in range(batches):
        for label, warehouse in warehouses:
            rows = synthetic_batch(rngs[label], 90_000_000 + number * 200, 200, scheme, dedup)
            appends, compaction = seconds[label]
            appends.append(timed(functools.partial(append_batch, warehouse, rows, "stats", f"stats-{number:04d}"))[1])
            compact = functools.partial(store.compact_tables, warehouse, COMPACT_MIN_FILES, VACUUM_RETENTION_HOURS)
            compaction.append(timed(compact)[1])
    return seconds


def report(warehouses: list[tuple[str, Path]], seconds: dict[str, tuple[list[float], list[float]]]) -> None:
    print(
        "| warehouse | articles at the end | checkpoints KB | appends, median (mean) ms | compaction, median (mean) ms"
        " |"
    )
    print("|---|---|---|---|---|")
    for label, warehouse in warehouses:
        appends, compaction = seconds[label]
        print(
            f"| {label} | {archive_articles(warehouse):,} | {checkpoint_bytes(warehouse) / 1000:,.0f} | "
            f"{1000 * statistics.median(appends):.1f} ({1000 * statistics.fmean(appends):.1f}) | "
            f"{1000 * statistics.median(compaction):.1f} ({1000 * statistics.fmean(compaction):.1f}) |"
        )
    print()
    labels = [label for label, _ in warehouses]
    for kind in ("old", "settled", "new"):
        small, large = (label for label in labels if label.startswith(kind))
        grown = ratio(seconds, large, small, 0), ratio(seconds, large, small, 1)
        print(f"{kind}: largest/smallest appends {grown[0]}, compaction {grown[1]}")
    for size in (0, 1):
        old, settled, new = (labels[size + 2 * k] for k in range(3))
        than_old, than_new = ratio(seconds, settled, old, 0), ratio(seconds, settled, new, 0)
        print(f"appends {settled} / {old}: {than_old}; {settled} / {new}: {than_new}")


def ratio(seconds: dict[str, tuple[list[float], list[float]]], top: str, bottom: str, part: int) -> str:
    """Median (mean) of one warehouse's series over another's."""
    a, b = seconds[top][part], seconds[bottom][part]
    return f"**{statistics.median(a) / statistics.median(b):.2f}** ({statistics.fmean(a) / statistics.fmean(b):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("bench-data/stats-migration"), help="warehouses go here")
    parser.add_argument("--small", type=int, default=1_000, help="articles of the smaller warehouses")
    parser.add_argument("--large", type=int, default=101_000, help="articles of the larger warehouses")
    parser.add_argument("--batches", type=int, default=COMMIT_SERIES, help="batches timed on each copy, in turn")
    parser.add_argument(
        "--old-kept",
        type=Path,
        help="take the old-way warehouses from the first and last kept-* here (a bench.scale --keep run of code "
        "before round 18) instead of building them",
    )
    args = parser.parse_args()
    args.data.mkdir(parents=True, exist_ok=True)
    print(f"load average at the start: {load_average()} (1, 5, 15 min)")
    if args.old_kept:
        kept = kept_warehouses(args.old_kept)
        old = [kept[0], kept[-1]]
    else:
        old = [built(args.data, "old", size, old=True) for size in (args.small, args.large)]
    new = [built(args.data, "new", size, old=False) for size in (args.small, args.large)]
    names = [f"{archive_articles(path):,}" for path in old]
    sources = [
        (f"{kind} {name}", path)
        for kind, paths in (("old", old), ("settled", old), ("new", new))
        for name, path in zip(names, paths, strict=True)
    ]
    timed_copies = copies(args.data, sources)
    print(f"\n{args.batches} batches of 200 on each, in turn (load average {load_average()}):", flush=True)
    seconds = series(timed_copies, args.batches)
    print(f"load average at the end: {load_average()}\n")
    report(timed_copies, seconds)
    for _, copy in timed_copies:
        shutil.rmtree(copy, ignore_errors=True)


if __name__ == "__main__":
    main()
