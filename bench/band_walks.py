"""Where the copy lookup's band runs' queries spend their CPU at two archive sizes: user and system seconds of the
probes and queries (warehouse/index.py, band_rows: band_hits.sql over bands_0 and the sealed runs, band_run_hits.sql
over the merged ones) and of the whole band_hits, in one process, the sizes in turn.

    python -m bench.band_walks SMALL LARGE [--rounds 4]

SMALL and LARGE are warehouses (copies: opening one catches its index up, which writes to it), e.g. copies of
`bench.scale --keep`'s kept-1000 and kept-101000. The probe keys are those bench.scale's `--reuse` gives each size
(seeds 1000 and 1099: half of them every band key of 100 committed articles); "fresh" are other seeds' keys, a new
set for every call, as a run's batches ask for keys no call before touched (band_hits then runs on the keys its
query just read). Each with the index's own page cache
and with a 1 GiB one (every page the calls touch stays in it). Best of `--rounds` rounds of six calls, ms per call.
"""

from __future__ import annotations

import argparse
import functools
import random
import resource
import sqlite3
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from bench.scale import load_average, probe_keys
from transforms.dedup import DedupOptions
from warehouse import index

SEEDS = (1000, 1099)  # bench.scale's --reuse seeds, smallest archive first
CALLS = 6
Cost = tuple[float, float]  # user, system ms


def cpu_ms(step: Callable[[], object]) -> tuple[float, float]:
    """User and system CPU milliseconds of one call."""
    before = resource.getrusage(resource.RUSAGE_SELF)
    step()
    after = resource.getrusage(resource.RUSAGE_SELF)
    return (after.ru_utime - before.ru_utime) * 1000, (after.ru_stime - before.ru_stime) * 1000


def one_round(con: sqlite3.Connection, keys_of_calls: list[list[str]], per_key: int) -> tuple[Cost, Cost]:
    """Mean user and system ms per call of the band runs' probes and queries, and of the whole band_hits after it."""
    query, whole = [0.0, 0.0], [0.0, 0.0]
    for keys in keys_of_calls:
        for total, cost in (
            (query, cpu_ms(functools.partial(index.band_rows, con, keys, per_key))),
            (whole, cpu_ms(functools.partial(index.band_hits, con, keys, per_key))),
        ):
            total[0] += cost[0] / len(keys_of_calls)
            total[1] += cost[1] / len(keys_of_calls)
    return (query[0], query[1]), (whole[0], whole[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("warehouses", type=Path, nargs=2, help="the smaller and the larger archive (copies)")
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    per_key = DedupOptions().candidates_per_band + 1  # as flows/clusters.py asks
    print(f"load average at the start: {load_average()}")
    with ExitStack() as stack:
        cons = [stack.enter_context(index.current_index(path)) for path in args.warehouses]
        repeated = [
            [probe_keys(path, random.Random(seed), 200)[1][0]] * CALLS
            for path, seed in zip(args.warehouses, SEEDS, strict=True)
        ]
        seeds = iter(range(1, 10**6))
        for cache_kib in (index.CACHE_KIB, 1024 * 1024):
            for con in cons:
                con.execute(f"PRAGMA cache_size = -{cache_kib}")
            for label in ("repeated keys", "fresh keys"):
                cells = []
                for size, (con, path, seed) in enumerate(zip(cons, args.warehouses, SEEDS, strict=True)):
                    query, whole = [], []
                    for _ in range(args.rounds):
                        keys_of_calls = repeated[size]
                        if label == "fresh keys":
                            keys_of_calls = [
                                probe_keys(path, random.Random(seed + next(seeds)), 200)[1][0] for _ in range(CALLS)
                            ]
                        query_cost, whole_cost = one_round(con, keys_of_calls, per_key)
                        query.append(query_cost)
                        whole.append(whole_cost)
                    best_query, best_whole = min(query, key=sum), min(whole, key=sum)
                    cells.append(
                        f"query {best_query[0]:.1f} + {best_query[1]:.1f}, band_hits {best_whole[0]:.1f} + "
                        f"{best_whole[1]:.1f}"
                    )
                print(f"cache {cache_kib // 1024} MiB, {label} (user + system ms): " + " | ".join(cells), flush=True)
    print(f"load average at the end: {load_average()}")


if __name__ == "__main__":
    main()
