"""The fixed cost of a batch as the archive grows: `make bench-scale` (python -m bench.scale [--quick]).

One warehouse grows in nightly-sized runs. The first archive sizes are reached by real `newsetl run`s
over short synthetic pages; the largest by writing synthetic rows through the project's own records
and store functions (`append_rows`, one batch marker per written batch, compaction as a run's end
does). At each size the steps every batch pays whatever its documents are timed on a probe batch of
`--batch` new documents (half of their doc ids, URLs and band keys already in the archive): the
known-document lookup, the copy lookup (LSH bands), the site chrome lookup, the stored-page lookup,
the commit (every table's append, the marker and the compaction a run's writer does after it), the
lookup index catching up with that commit, and
one publish of the views database (a lookup of a few milliseconds as the mean of several calls a sample,
`calls_per_sample`). Each step is timed in wall seconds and in CPU seconds of this
process (time.process_time, every thread of it): on a machine other jobs load, the wall seconds
include waiting for a core, and the CPU-second ratios are the ones to trust. The load average is
printed with each measurement. The sizes are measured minutes apart, under whatever else the machine runs
then; at the end the lookups are timed again on a copy of the first size's warehouse and on the last, in
turn (`alternate`), so that their ratio is of the archive's size and not of the load, and then the commit
(`commit_series`, `--commit-batches`): on those two in turn over enough batches that each meets its compactions in
proportion; its median and mean there are the commit's figure, not the five probes'. The index catch-up likewise
(`catch_up_series`, `--catch-up-batches`), on the two sizes in turn, the first put back every 8 batches. Then the
views publish (`publish_series`, `--publish-batches`): a probe batch committed and caught up with, then the publish
timed, on the first size's warehouse and the last in turn, a block of PUBLISH_BLOCK batches each, its median the
publish's figure. Last before the series (`in_turn`, `--turns`), every step again on the first and last sizes in fresh
processes in turn, a pair of processes (one a size, the same probe seed) at a time: each pair's ratio, their median
and spread, where one process holds what it keeps of both warehouses and sizes minutes apart meet different loads.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import hashlib
import inspect
import io
import itertools
import json
import math
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

# Before Prefect is imported, so that a benchmark never reports analytics.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")

from bench.corpus import paragraph
from bench.tree import describe_tree, tree_environment
from transforms.dedup import signature_scheme
from transforms.options import BoilerplateOptions, DedupOptions
from transforms.records import (
    Article,
    BatchCommit,
    Entity,
    EntityMention,
    Figure,
    LshBand,
    MinhashSignature,
    RawPage,
    Rejection,
    SiteLine,
)
from warehouse import lookups, store, views
from warehouse.index import current_index, merger_cpu_seconds, wait_for_merges
from warehouse.options import COMPACT_MIN_FILES, VACUUM_RETENTION_HOURS
from warehouse.schemas import (
    ALL_TABLES,
    ARTICLES,
    BATCHES,
    DUPLICATE_LINKS,
    ENTITIES,
    ENTITY_MENTIONS,
    FIGURES,
    LSH_BANDS,
    MINHASH_SIGNATURES,
    RAW_PAGES,
    REJECTIONS,
    SITE_LINES,
)

SITES = [f"news{n}.example.org" for n in range(20)]
STEPS = (
    "known documents",
    "copy lookup (LSH bands)",
    "site chrome",
    "stored pages",
    "commit",
    "index catch-up",
    "views publish",
)
# The lookups a batch makes before reading (read-only: timed as the mean of several calls when they are short).
LOOKUPS_IN_ORDER = STEPS[:4]
LOOKUPS = frozenset(LOOKUPS_IN_ORDER)
# Steps whose cost comes in bursts (the catch-up's merges of band runs, every few to few hundred batches; the commit's
# compactions, a table's every ~16 batches): their mean is printed beside the median.
BURSTY = frozenset({"commit", "index catch-up"})
RESTORE_EVERY = 8  # batches of catch_up_series after which the smallest archive is put back to its kept copy
SAMPLE_SECONDS = 0.05
MAX_CALLS = 50
# Batches of band keys the copy lookup is timed on, one a call in turn: more than one measurement's calls
# (a warm-up and `--repeat` samples of ~3 calls at ~0.02 s each), so no call asks keys asked before.
BAND_BATCHES = 24
# Batches the commit is timed on at the first and last sizes in turn (commit_series): each table's files of one batch
# are merged once more than COMPACT_MIN_FILES (16) are left, so 34 batches meet two such compactions of each table at
# either size, whatever each started with (the month-partitioned `articles` about two). Five probes a size, minutes
# apart, met none at one size and one at the other, and their median read 1.06-1.81 between runs of the same code
# (docs/benchmarks.md, round 15).
COMMIT_SERIES = 2 * (COMPACT_MIN_FILES + 1)
# Batches the index catch-up is timed on at the first and last sizes in turn (catch_up_series): the five probes a size
# are minutes apart, and a process's CPU seconds for the same work rise with the machine's load (caches and cores
# shared): they read 1.26-1.33 at load 7-15 and 0.97-1.00 idle for the same code (docs/benchmarks.md, round 19).
# 64 batches of 200 meet a seal of the newest band level every ~8 and the first tier's merge about once at 101,000.
CATCH_UP_SERIES = 64
# Publishes timed at the first and last sizes (publish_series): five probes a size, minutes apart, read 0.74-1.47 for
# the same code in runs of a busy machine (docs/benchmarks.md, round 16).
PUBLISH_SERIES = 16
# Publishes of one warehouse timed one after the other in publish_series, before the other's block: 16 on the first size
# and then 16 on the last read 0.98-1.33 for the same code at load 14-20 (docs/benchmarks.md, round 30), where fresh
# processes on the two sizes in turn read 1.00 (round 31). Not one a turn: a block starts with an untimed publish, so
# that the process holds what a run's publishes keep of the warehouse (its views file's footers), not the other's.
PUBLISH_BLOCK = 4
# Pairs of fresh processes in_turn starts, the first size's and the last's in turn (1k, 100k, 1k, 100k, ...): in one
# process the two sizes share what it keeps (the index connections and their page caches, Parquet footers, the
# allocator's heap), and sizes measured minutes apart met different loads. perf29 measured the publish this way (1.00,
# round 31), perf32 every step (round 32). Each pair's ratio is printed, then their median and spread.
TURN_PAIRS = 4
# Batches each fresh process of in_turn commits and catches up with (each timed), and publishes it times, after
# measure()'s probes: 34 batches meet each table's compactions twice and a seal of the newest band run about four times.
TURN_COMMITS = COMMIT_SERIES
TURN_PUBLISHES = 2 * PUBLISH_BLOCK


def short_page(index: int, rng: random.Random) -> str:
    """A short news page (~100-250 words) with a canonical URL on one of SITES and a date over two years."""
    site = SITES[index % len(SITES)]
    day = date(2023 + (index // 12_000) % 2, (index // 1_000) % 12 + 1, index % 27 + 1)  # a month per 1,000
    body = "".join(f"<p>{paragraph(rng)}</p>" for _ in range(rng.randint(2, 4)))
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Story {index}</title>'
        f'<link rel="canonical" href="https://{site}/story-{index}.html">'
        f'<meta property="article:published_time" content="{day.isoformat()}T08:00:00Z"></head>'
        f"<body><nav>Home | World | Business | Sport</nav><main><article><h1>Story {index} from {site}</h1>"
        f"{body}</article></main><footer><p>© {site}. All rights reserved.</p></footer></body></html>"
    )


def write_pages(folder: Path, first: int, count: int) -> Path:
    """Pages first..first+count-1 in their own folder (one night's input); written once."""
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / ".complete"
    if not marker.exists():
        rng = random.Random(first)
        for index in range(first, first + count):
            (folder / f"story-{index:06d}.html").write_text(short_page(index, rng), encoding="utf-8")
        marker.touch()
    return folder


def night_command(
    pages: Path, warehouse: Path, batch_size: int, env: Mapping[str, str]
) -> tuple[list[str], dict[str, str]]:
    """The command and environment of one real night: the virtualenv's `newsetl run`, with the code of the tree this
    process measures first on its path (bench/tree.py: left alone, the script imports the editable install's)."""
    newsetl = Path(sys.executable).with_name("newsetl")
    command = [str(newsetl), "run", str(pages), "--warehouse", str(warehouse), "--batch-size", str(batch_size)]
    return command, tree_environment(env)


def real_run(pages: Path, warehouse: Path, batch_size: int, env: dict[str, str]) -> float:
    """One `newsetl run` in its own process, as a nightly job would start it."""
    started = time.perf_counter()
    command, night_env = night_command(pages, warehouse, batch_size, env)
    done = subprocess.run(command, env=night_env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"newsetl run failed ({done.returncode}): {(done.stderr or done.stdout)[-2000:]}")
    return time.perf_counter() - started


def _hex(rng: random.Random, chars: int) -> str:
    return f"{rng.getrandbits(chars * 4):0{chars}x}"


def synthetic_batch(rng: random.Random, first: int, count: int, scheme: str, dedup: DedupOptions) -> dict:
    """Rows of `count` articles as a batch commits them: one row per record type, plausible sizes."""
    rows: dict = {spec.name: [] for spec in (ARTICLES, ENTITY_MENTIONS, ENTITIES, FIGURES, REJECTIONS)}
    rows.update({spec.name: [] for spec in (MINHASH_SIGNATURES, LSH_BANDS, DUPLICATE_LINKS, SITE_LINES, RAW_PAGES)})
    for index in range(first, first + count):
        site = SITES[index % len(SITES)]
        url = f"https://{site}/synthetic-{index}.html"
        doc_id, article_id, text_hash = _hex(rng, 64), _hex(rng, 32), _hex(rng, 64)
        text = paragraph(rng)
        published = date(2021 + (index // 24_000) % 4, (index // 2_000) % 12 + 1, index % 27 + 1)
        rows[ARTICLES.name].append(
            Article(
                article_id=article_id,
                doc_id=doc_id,
                source=url,
                url=url,
                canonical_url=url,
                title=f"Synthetic story {index}",
                author=None,
                sitename=site,
                published_date=published,
                language="en",
                text=text,
                text_hash=text_hash,
                cluster_id=article_id,
                word_count=len(text.split()),
                ner_model="en_core_web_sm",
                language_confidence=0.99,
            )
        )
        for n in range(4):
            entity_id = f"{rng.randrange(5000):032x}"
            rows[ENTITY_MENTIONS.name].append(
                EntityMention(article_id, entity_id, f"Name {n}", "PERSON", n * 10, n * 10 + 6)
            )
            rows[ENTITIES.name].append(Entity(entity_id, f"Name {entity_id[-4:]}", "PERSON"))
        rows[FIGURES.name].append(
            Figure(
                article_id,
                _hex(rng, 32),
                "300",
                300.0,
                None,
                None,
                False,
                None,
                None,
                "workers",
                "count",
                5,
                8,
                text[:80],
            )
        )
        signature = rng.randbytes(dedup.num_perm * 4)
        rows[MINHASH_SIGNATURES.name].append(MinhashSignature(article_id, article_id, scheme, signature))
        rows[LSH_BANDS.name].extend(LshBand(_hex(rng, 24), article_id) for _ in range(dedup.bands))
        lines = ["Home | World | Business | Sport", f"© {site}. All rights reserved.", f"Story {index}"]
        rows[SITE_LINES.name].extend(
            SiteLine(site, hashlib.sha256(f"{site}\x1f{line}".encode()).hexdigest()[:32], article_id, line)
            for line in lines
        )
        rows[RAW_PAGES.name].append(
            RawPage(
                doc_id=doc_id,
                url=url,
                final_url=url,
                status=200,
                content_type="text/html; charset=utf-8",
                content_language=None,
                etag=None,
                last_modified=None,
                fetched_at=datetime(2024, 1, 1, tzinfo=UTC),
                title=None,
                published_date=None,
                content=text.encode(),
            )
        )
        if index % 50 == 0:
            rows[REJECTIONS.name].append(Rejection(_hex(rng, 64), url, "extract", "no_text", "synthetic"))
    return rows


def commit_rows(warehouse: Path, rows: dict, run_id: str, batch_id: str) -> None:
    """Append every table's rows, then the marker, then compact: what a batch's commit does."""
    append_batch(warehouse, rows, run_id, batch_id)
    # Compaction as a run's writer does after each batch, with the settings' defaults. The replaced files stay (a
    # retention of 0 would delete a file the lookup index has yet to read, the append just before, and rebuild it).
    store.compact_tables(warehouse, COMPACT_MIN_FILES, VACUUM_RETENTION_HOURS)


def append_batch(warehouse: Path, rows: dict, run_id: str, batch_id: str) -> None:
    """Every table's append of a batch's rows, then its marker (commit_rows without the compaction)."""
    specs = {spec.name: spec for spec in (ARTICLES, ENTITY_MENTIONS, ENTITIES, FIGURES, REJECTIONS)}
    specs.update({s.name: s for s in (MINHASH_SIGNATURES, LSH_BANDS, DUPLICATE_LINKS, SITE_LINES, RAW_PAGES)})
    lineage = {"run_id": run_id, "batch_id": batch_id}
    for name, spec in specs.items():
        store.append_rows(warehouse, spec, rows[name], lineage)
    marker = BatchCommit(
        batch_id=batch_id,
        documents=len(rows[ARTICLES.name]),
        articles=len(rows[ARTICLES.name]),
        rejections=len(rows[REJECTIONS.name]),
        committed_at=datetime.now(UTC),
        purpose="ingest",
    )
    store.append_rows(warehouse, BATCHES, [marker], {"run_id": run_id})


def grow_synthetic(warehouse: Path, articles: int, per_batch: int, seed: int, last_batch: int) -> float:
    """Write `articles` synthetic articles in batches of `per_batch`, the last COMPACT_MIN_FILES batches in batches of
    `last_batch` (a real run's), then compact as a run's end does. The files of one batch each left for the next
    compaction are then a real batch's, as in the smaller archives: left from batches of `per_batch` (10 times
    larger), the first compaction the probe batches met at the largest size rewrote 10 times as many bytes
    (raw_pages 0.32 CPU s against 0.12; docs/benchmarks.md, round 15)."""
    started = time.perf_counter()
    rng = random.Random(seed)
    scheme, dedup = signature_scheme(DedupOptions()), DedupOptions()
    bulk = max(0, articles - COMPACT_MIN_FILES * last_batch)
    firsts = [*range(0, bulk, per_batch), *range(bulk, articles, last_batch)]
    for number, (first, end) in enumerate(itertools.pairwise([*firsts, articles])):
        rows = synthetic_batch(rng, 10_000_000 + seed * 1_000_000 + first, end - first, scheme, dedup)
        commit_rows(warehouse, rows, f"synthetic-{seed}", f"synthetic-{seed}-{number:05d}")
    store.compact_tables(warehouse, COMPACT_MIN_FILES, 0)
    return time.perf_counter() - started


def archive_articles(warehouse: Path) -> int:
    import duckdb

    files = store.table_files(warehouse, ARTICLES)
    if not files:
        return 0
    with duckdb.connect() as con:
        (count,) = con.execute("SELECT count(*) FROM read_parquet(?)", [files]).fetchall()[0]
        return int(count)


def probe_keys(
    warehouse: Path, rng: random.Random, batch: int, band_batches: int = 1
) -> tuple[list[str], list[list[str]], list[str], list[str]]:
    """A batch's keys: half already in the archive (doc ids, band keys, URLs), half new; its sites. The same
    keys for the same archive and `rng` seed, so runs of two versions of the code time the same lookups.

    The band keys of `band_batches` batches, each its own copies of committed articles and its own new keys:
    the copy lookup is timed on another batch's keys at each call, as a run asks it. Keys asked again find
    their B-tree leaves in the index connection's page cache, which a real batch's do not (at 101,000
    articles 14.9 ms of CPU against 18.3 + 5.2 ms with new keys; docs/benchmarks.md, branch lookup8)."""
    import duckdb

    seed = rng.getrandbits(31)

    def repeatable() -> duckdb.DuckDBPyConnection:
        # A seeded sample is the same rows only when one thread reads the files in one order.
        con = duckdb.connect()
        con.execute("SET threads = 1")
        return con

    def sample(spec, column: str, n: int) -> list[str]:
        files = sorted(store.table_files(warehouse, spec))
        with repeatable() as con:
            query = f"SELECT {column} FROM read_parquet(?) USING SAMPLE reservoir({n} ROWS) REPEATABLE ({seed})"
            return [row[0] for row in con.execute(query, [files]).fetchall()]

    def copies_bands(n: int) -> list[list[str]]:
        """Every band key of n committed articles per batch: a batch's copies match n earlier articles whatever
        the archive's size (a sample of band rows would match one article per row in a large archive). One
        sample of n articles per batch (fewer when the archive has fewer), drawn in one query."""
        files = sorted(store.table_files(warehouse, LSH_BANDS))
        with repeatable() as con:
            articles = "SELECT DISTINCT article_id FROM read_parquet($files) ORDER BY article_id"
            query = (
                "SELECT article_id, band_key FROM read_parquet($files) WHERE article_id IN (SELECT article_id FROM "
                f"({articles}) USING SAMPLE reservoir({n * band_batches} ROWS) REPEATABLE ({seed})) "
                "ORDER BY article_id, band_key"
            )
            keys_of: dict[str, list[str]] = {}
            for article_id, band_key in con.execute(query, {"files": files}).fetchall():
                keys_of.setdefault(article_id, []).append(band_key)
        pool = list(keys_of)
        if len(pool) < n * band_batches:  # a small archive: batches share its articles, as its copies would
            picks = [rng.sample(pool, min(n, len(pool))) for _ in range(band_batches)]
        else:
            picks = [pool[i * n : (i + 1) * n] for i in range(band_batches)]
        return [sorted(key for article in pick for key in keys_of[article]) for pick in picks]

    half = batch // 2
    doc_ids = sample(ARTICLES, "doc_id", half) + [_hex(rng, 64) for _ in range(batch - half)]
    bands = DedupOptions().bands
    band_keys = [copies + [_hex(rng, 24) for _ in range((batch - half) * bands)] for copies in copies_bands(half)]
    # Stored pages' URLs (an archive of files ingested from disk has none for its real articles).
    stored = sample(RAW_PAGES, "url", half) if store.table_files(warehouse, RAW_PAGES) else []
    urls = stored + [f"https://{rng.choice(SITES)}/new-{_hex(rng, 8)}" for _ in range(batch - len(stored))]
    return doc_ids, band_keys, urls, sorted(SITES)


@dataclass(frozen=True, slots=True)
class Timing:
    """Median seconds of one step: wall (includes waiting for a core) and CPU of this process; and the mean CPU
    seconds (a step whose cost comes in bursts, the catch-up's merges of band runs, shows in the mean only)."""

    wall: float
    cpu: float
    cpu_mean: float = float("nan")

    @classmethod
    def of(cls, walls: list[float], cpus: list[float]) -> Timing:
        return cls(statistics.median(walls), statistics.median(cpus), statistics.fmean(cpus))


def load_average() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def lookup_steps(warehouse: Path, rng: random.Random, batch: int) -> dict[str, Callable[[], object]]:
    """The lookups a batch of `batch` documents makes before reading, on its probe keys (probe_keys)."""
    doc_ids, band_key_batches, urls, sites = probe_keys(warehouse, rng, batch, BAND_BATCHES)
    band_keys = itertools.cycle(band_key_batches)
    scheme = signature_scheme(DedupOptions())
    min_stories = BoilerplateOptions().min_stories
    chrome_takes_sites = "sites" in inspect.signature(lookups.committed_site_chrome).parameters

    def chrome() -> object:
        if chrome_takes_sites:
            return lookups.committed_site_chrome(warehouse, min_stories, sites=sites)  # type: ignore[call-arg]  # after issue 13
        return lookups.committed_site_chrome(warehouse, min_stories)

    return {
        "known documents": lambda: lookups.committed_doc_ids(warehouse, doc_ids),
        # As flows/clusters.py asks: a bounded number of earlier articles per band key.
        "copy lookup (LSH bands)": lambda: lookups.committed_band_matches(
            warehouse, next(band_keys), scheme, per_key=DedupOptions().candidates_per_band + 1
        ),
        "site chrome": chrome,
        # As a batch asks (flows/batch.py): stored fetches that are committed documents are not read.
        "stored pages": lambda: lookups.stored_pages(warehouse, urls),
    }


def measure(warehouse: Path, batch: int, repeat: int, seed: int) -> dict[str, Timing]:
    """Seconds of each fixed step for one batch of `batch` documents at the warehouse's current size."""
    rng = random.Random(seed)
    scheme = signature_scheme(DedupOptions())

    # Made before the timing (~0.035 CPU s a batch of 200, a third of what the commit itself costs).
    probes = iter(
        [
            (number, synthetic_batch(rng, 50_000_000 + seed * 10_000 + number * batch, batch, scheme, DedupOptions()))
            for number in range(repeat + 1)
        ]
    )

    def commit() -> None:
        number, rows = next(probes)
        commit_rows(warehouse, rows, f"probe-{seed}", f"probe-{seed}-{number:03d}")

    # One probe batch committed untimed before the probe keys are drawn, so that every size's stored-pages lookup asks
    # for stored URLs, half its batch: the real nights read their pages from files and store none, so at the first
    # size it found no URL and read nothing, where at the synthetic sizes half were stored and committed, and its
    # first look compared unlike work (1.9-2.1 largest/smallest, against 1.0-1.3 side by side, where both sizes
    # hold the probe batches' pages; docs/benchmarks.md, round 30).
    commit()
    reads = lookup_steps(warehouse, rng, batch)

    steps: dict[str, Callable[[], object]] = {
        "commit": commit,
        "index catch-up": functools.partial(_catch_up, warehouse),
        **reads,
        "views publish": lambda: views.publish_views(warehouse),
    }
    calls = dict.fromkeys(steps, 1)
    for name, step in steps.items():  # once untimed: whatever a warehouse caches is as a running pipeline has it
        if name != "commit":
            cpu_started = time.process_time()
            step()
            if name in LOOKUPS:
                calls[name] = calls_per_sample(time.process_time() - cpu_started)
    # As batches do: a commit, then the next batch's lookups (which see the rows just committed), then a publish.
    walls: dict[str, list[float]] = {name: [] for name in steps}
    cpus: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(repeat):
        for name, step in steps.items():
            merged_before = merger_cpu_seconds()
            wall, cpu = timed(step, calls[name])
            walls[name].append(wall)
            # The merger thread's CPU (a catch-up's merges, waited for: _catch_up) is no batch's.
            cpus[name].append(cpu - (merger_cpu_seconds() - merged_before) / calls[name])
    return {name: Timing.of(walls[name], cpus[name]) for name in steps}


def alternate(warehouses: list[Path], batch: int, repeat: int, seeds: list[int]) -> list[dict[str, Timing]]:
    """The lookups timed on each of these warehouses in turn, `repeat` rounds: sizes measured minutes apart
    share the cores with different jobs, and timed side by side their ratio is the archive's, not the load's.
    Each warehouse's probe keys are drawn as at its size's measurement (its seed)."""
    steps = [
        lookup_steps(warehouse, random.Random(seed), batch) for warehouse, seed in zip(warehouses, seeds, strict=True)
    ]
    calls = [dict.fromkeys(LOOKUPS, 1) for _ in warehouses]
    for per_warehouse, count in zip(steps, calls, strict=True):
        for name, step in per_warehouse.items():
            cpu_started = time.process_time()
            step()
            count[name] = calls_per_sample(time.process_time() - cpu_started)
    walls: list[dict[str, list[float]]] = [{name: [] for name in LOOKUPS} for _ in warehouses]
    cpus: list[dict[str, list[float]]] = [{name: [] for name in LOOKUPS} for _ in warehouses]
    for _ in range(repeat):
        for per_warehouse, count, wall, cpu in zip(steps, calls, walls, cpus, strict=True):
            for name, step in per_warehouse.items():
                seconds, cpu_seconds = timed(step, count[name])
                wall[name].append(seconds)
                cpu[name].append(cpu_seconds)
    return [{name: Timing.of(wall[name], cpu[name]) for name in LOOKUPS} for wall, cpu in zip(walls, cpus, strict=True)]


def publish_only(kept: list[Path], scratch: Path, batch: int, repeat: int) -> list[tuple[int, dict[str, Timing]]]:
    """The views publish alone, on a copy of each kept warehouse (`--keep`) in turn: one untimed publish (whatever
    the process keeps between publishes is as a running pipeline has it), then `repeat` times a probe batch's
    commit (untimed) and the publish after it (timed). Each warehouse's publishes run one after the other, as a
    run's do (a process keeps what it knows of one views file: alternating warehouses would time its loading)."""
    sizes = []
    scheme = signature_scheme(DedupOptions())
    for number, source in enumerate(kept):
        warehouse = scratch / source.name
        shutil.rmtree(warehouse, ignore_errors=True)
        shutil.copytree(source, warehouse)
        rng = random.Random(number)
        views.publish_views(warehouse)
        walls, cpus = [], []
        for probe in range(repeat):
            rows = synthetic_batch(rng, 60_000_000 + number * 100_000 + probe * batch, batch, scheme, DedupOptions())
            commit_rows(warehouse, rows, "publish-only", f"publish-only-{probe:03d}")
            wall, cpu = timed(functools.partial(views.publish_views, warehouse))
            walls.append(wall)
            cpus.append(cpu)
        size = archive_articles(warehouse)
        sizes.append((size, {"views publish": Timing.of(walls, cpus)}))
        print(
            f"  {size:,} articles: CPU s per publish {', '.join(f'{c:.3f}' for c in cpus)} "
            f"(load average {load_average()})",
            flush=True,
        )
        shutil.rmtree(warehouse, ignore_errors=True)
    return sizes


def timed(step: Callable[[], object], calls: int = 1) -> tuple[float, float]:
    """Wall and CPU seconds (this process, every thread) of one call of `step`, the mean of `calls` calls."""
    started, cpu_started = time.perf_counter(), time.process_time()
    for _ in range(calls):
        step()
    return (time.perf_counter() - started) / calls, (time.process_time() - cpu_started) / calls


def calls_per_sample(seconds: float) -> int:
    """How many calls of a lookup one timing takes: a step of a millisecond or two timed once is within the
    clock's and the scheduler's noise (process_time ticks, a context switch), so a sample of a lookup under
    SAMPLE_SECONDS is the mean of enough calls to fill it. Lookups only read, so calling one again changes
    nothing; the commit, catch-up and publish are timed once each."""
    return max(1, min(MAX_CALLS, math.ceil(SAMPLE_SECONDS / max(seconds, 1e-4))))


def keep(warehouse: Path, data: Path, size: int) -> None:
    """A copy of the warehouse as measured at this size, for `--publish-only` and `--reuse` runs."""
    kept = data / f"kept-{size}"
    shutil.rmtree(kept, ignore_errors=True)
    shutil.copytree(warehouse, kept)


def kept_warehouses(data: Path) -> list[Path]:
    """The warehouses a `--keep` run left, smallest archive first."""
    kept = sorted(data.glob("kept-*"), key=lambda path: int(path.name.removeprefix("kept-")))
    if not kept:
        raise SystemExit(f"no kept warehouses under {data}: run with --keep first")
    return kept


def prefect_server() -> tuple[object, str]:
    """One temporary Prefect server for every run, so each run does not start its own."""
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start()
    return server, server.api_url


def table(sizes: list[tuple[int, dict[str, Timing]]], steps: Sequence[str] = STEPS) -> str:
    """Per step and size: CPU seconds / wall seconds; the ratios largest/smallest of both (CPU first)."""
    header = (
        "| step (CPU s / wall s per batch) | "
        + " | ".join(f"{n:,} articles" for n, _ in sizes)
        + " | CPU largest/smallest | wall largest/smallest |"
    )
    lines = [header, "|---" * (len(sizes) + 3) + "|"]
    for step in steps:
        values = [m[step] for _, m in sizes]
        cpu = values[-1].cpu / values[0].cpu if values[0].cpu else float("nan")
        wall = values[-1].wall / values[0].wall if values[0].wall else float("nan")
        digits = 4 if step in LOOKUPS else 3  # milliseconds: a third decimal would round the ratio away
        cells = " | ".join(f"{v.cpu:.{digits}f} / {v.wall:.{digits}f}" for v in values)
        lines.append(f"| {step} | {cells} | **{cpu:.2f}** | {wall:.2f} |")
        if step in BURSTY:
            means = [v.cpu_mean for v in values]
            cells = " | ".join(f"{mean:.{digits}f} / -" for mean in means)
            lines.append(f"| {step}, mean CPU s | {cells} | **{means[-1] / means[0]:.2f}** | - |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="sizes ~200 / 600 / 10k with 600 real documents")
    parser.add_argument("--data", type=Path, default=Path("bench-data/scale"), help="pages and warehouse go here")
    parser.add_argument("--batch", type=int, default=200, help="documents per batch (the probe batch too)")
    parser.add_argument("--repeat", type=int, default=3, help="probe repeats per step (median)")
    parser.add_argument("--nights", type=int, help="real runs (default 10; --quick 3)")
    parser.add_argument("--night-size", type=int, help="documents per real run (default 1,000; --quick 200)")
    parser.add_argument("--synthetic", type=int, nargs="+", help="synthetic articles to add before each later size")
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep each measured size's warehouse in --data/kept-* (for --reuse and --publish-only)",
    )
    parser.add_argument("--reuse", action="store_true", help="build nothing: measure copies of what --keep left")
    parser.add_argument(
        "--catch-up-batches",
        type=int,
        default=CATCH_UP_SERIES,
        help="then this many more batches' commit and catch-up on the first and last sizes in turn, the first put "
        "back every 8 (the catch-up's figure: median, mean, max; 0 for none)",
    )
    parser.add_argument(
        "--commit-batches",
        type=int,
        default=COMMIT_SERIES,
        help="then this many more batches' commit on the first and last sizes in turn, compactions included "
        "(the commit's figure: median and mean; 0 for none)",
    )
    parser.add_argument(
        "--publish-batches",
        type=int,
        default=PUBLISH_SERIES,
        help=f"then this many more batches' publish on the first and last sizes in turn, {PUBLISH_BLOCK} a turn "
        "(median and mean; 0 for none)",
    )
    parser.add_argument(
        "--turns",
        type=int,
        default=TURN_PAIRS,
        help="then every step on the first and last sizes in fresh processes in turn, this many pairs (each pair's "
        "ratio, their median and spread; 0 for none)",
    )
    parser.add_argument(
        "--publish-only", action="store_true", help="time only the views publish, on copies of the kept warehouses"
    )
    parser.add_argument("--turn-of", type=Path, help=argparse.SUPPRESS)  # one process of in_turn: its warehouse
    parser.add_argument("--turn-seed", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.turn_of:  # one fresh process of in_turn, on a copy at --data: its answer is its last line
        answer = one_turn(
            args.turn_of, args.data, args.batch, args.repeat, args.turn_seed, args.commit_batches, args.publish_batches
        )
        print(json.dumps(answer), flush=True)
        return
    print(f"code measured (the steps here and the real nights alike): {describe_tree()}", flush=True)
    if args.reuse:
        reuse(args.data, args.batch, args.repeat, args.catch_up_batches, args.commit_batches, args.turns)
        return
    if args.publish_only:
        kept = kept_warehouses(args.data)
        print(f"load average at the start: {load_average()} (1, 5, 15 min)")
        published = publish_only(kept, args.data / "publish-only", args.batch, args.repeat)
        print(f"\nload average at the end: {load_average()}\n")
        print(table(published, ["views publish"]))
        return
    night, real_runs, synthetic = (200, 3, [9_400]) if args.quick else (1_000, 10, [90_000])
    night, real_runs, synthetic = args.night_size or night, args.nights or real_runs, args.synthetic or synthetic

    warehouse = args.data / "warehouse"
    shutil.rmtree(warehouse, ignore_errors=True)
    env = dict(os.environ)
    server, api_url = prefect_server()
    env["PREFECT_API_URL"] = api_url
    print(
        f"machine: {platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}"
    )
    print(f"load average at the start: {load_average()} (1, 5, 15 min)")
    print(f"nights of {night:,} short pages through `newsetl run` (batch {args.batch}, default workers), then")
    print(f"{sum(synthetic):,} synthetic articles written through transforms.records and warehouse.store.append_rows")
    started = time.perf_counter()
    sizes: list[tuple[int, dict[str, Timing]]] = []
    seeds: list[int] = []
    first = args.data / "first-size"  # the first size's warehouse, kept to time its lookups again at the end
    shutil.rmtree(first, ignore_errors=True)
    real = 0
    try:
        for run in range(real_runs):
            pages = write_pages(args.data / f"night-{run:02d}-{night}", run * night, night)
            seconds = real_run(pages, warehouse, args.batch, env)
            real += night
            print(f"  run {run + 1}/{real_runs}: {night} documents in {seconds:.1f} s", flush=True)
            if run == 0 or run == real_runs - 1:
                size = archive_articles(warehouse)
                if args.keep:
                    keep(warehouse, args.data, size)
                sizes.append((size, measure(warehouse, args.batch, args.repeat, seed=run)))
                seeds.append(run)
                print(f"  measured at {size:,} articles (load average {load_average()})", flush=True)
                if not first.exists():
                    shutil.copytree(warehouse, first)
        for step, count in enumerate(synthetic):
            seconds = grow_synthetic(warehouse, count, 2_000, seed=7 + step, last_batch=args.batch)
            print(f"  {count:,} synthetic articles in {seconds:.1f} s", flush=True)
            size = archive_articles(warehouse)
            if args.keep:
                keep(warehouse, args.data, size)
            sizes.append((size, measure(warehouse, args.batch, args.repeat, seed=99 + step)))
            seeds.append(99 + step)
            print(f"  measured at {size:,} articles (load average {load_average()})", flush=True)
    finally:
        server.stop()  # type: ignore[attr-defined]  # SubprocessASGIServer
    print(f"\n{real:,} documents went through real `newsetl run`s; total {time.perf_counter() - started:.0f} s")
    print(f"load average at the end: {load_average()}\n")
    print(table(sizes))
    side_by_side = alternate([first, warehouse], args.batch, 3 * args.repeat, [seeds[0], seeds[-1]])
    print(f"\nThe lookups again, the first and last sizes in turn (load average {load_average()}):\n")
    print(table([(sizes[0][0], side_by_side[0]), (sizes[-1][0], side_by_side[1])], [*LOOKUPS_IN_ORDER]))
    if args.turns:  # before the series, which add batches to both
        in_turn([first, warehouse], args.data, args.batch, args.repeat, args.turns, TURN_COMMITS, TURN_PUBLISHES)
    # The first size as measured, for the catch-up's series (the commit's and the publish's add batches to `first`).
    first_kept = args.data / "first-size-kept"
    shutil.rmtree(first_kept, ignore_errors=True)
    if args.catch_up_batches:
        shutil.copytree(first, first_kept)
    if args.commit_batches:
        commit_series([first, warehouse], args.batch, args.commit_batches, [seeds[0], seeds[-1]])
    if args.publish_batches:
        publish_series([first, warehouse], args.batch, args.publish_batches, [seeds[0], seeds[-1]])
    shutil.rmtree(first, ignore_errors=True)
    if args.catch_up_batches:
        # Last: the largest archive grows by these batches (and its compactions with them: a commit series after them
        # met a second tier's compaction at the largest size, 7 times the bytes a batch). The first size is a copy of
        # it as measured, put back as the series goes.
        shutil.copytree(first_kept, first)
        _catch_up(first)  # untimed: its connection opened, as at every restore of the series
        catch_up_series(
            [first_kept, warehouse], [first, warehouse], args.batch, args.catch_up_batches, [seeds[0], seeds[-1]]
        )
        shutil.rmtree(first, ignore_errors=True)
    shutil.rmtree(first_kept, ignore_errors=True)


def reuse(
    data: Path, batch: int, repeat: int, catch_up_batches: int = 0, commit_batches: int = 0, turns: int = 0
) -> None:
    """The steps measured on copies of the first and last warehouses a `--keep` run left (a measurement commits
    probe batches), then the lookups side by side: minutes instead of the build's half hour, to compare versions
    of the code on the same archives and probe keys (seeds 1000 and 1099: no probe batch of the build again)."""
    every_size, seeds = kept_warehouses(data), [1000, 1099]
    kept = [every_size[0], every_size[-1]]
    copies = [data / "reuse-first", data / "reuse-last"]
    print(f"load average at the start: {load_average()} (1, 5, 15 min)")
    sizes = []
    for source, copy, seed in zip(kept, copies, seeds, strict=True):
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(source, copy)
        size = archive_articles(copy)
        sizes.append((size, measure(copy, batch, repeat, seed)))
        print(f"  measured at {size:,} articles (load average {load_average()})", flush=True)
    print(table(sizes))
    side_by_side = alternate(copies, batch, 3 * repeat, seeds)
    print(f"\nThe lookups again, the first and last sizes in turn (load average {load_average()}):\n")
    print(table([(sizes[0][0], side_by_side[0]), (sizes[-1][0], side_by_side[1])], [*LOOKUPS_IN_ORDER]))
    if turns:  # on the copies as measured: their lookup index caught up, where a kept build's largest is not
        in_turn(copies, data, batch, repeat, turns, TURN_COMMITS, TURN_PUBLISHES)
    if commit_batches:
        commit_series(copies, batch, commit_batches, seeds)
    if catch_up_batches:  # after the commit's series (as in a full run), the first size afresh from its kept copy
        shutil.rmtree(copies[0], ignore_errors=True)
        shutil.copytree(kept[0], copies[0])
        catch_up_series(kept, copies, batch, catch_up_batches, seeds)
    for copy in copies:
        shutil.rmtree(copy, ignore_errors=True)


def catch_up_series(kept: list[Path], warehouses: list[Path], batch: int, count: int, seeds: list[int]) -> None:
    """`count` more probe batches on each warehouse in turn, each committed (untimed) and then caught up with
    (timed): enough batches that the catch-up's bursts (band runs sealed and merged) are in its mean as often as a
    long run meets them, where five probe batches meet one or none. `count` batches would make the smallest
    archive many times larger (1,000 articles and 64 batches of 200), so it is put back to its kept copy every
    RESTORE_EVERY batches (then caught up with, untimed): it stays within the sizes the probe batches measure it
    at, and meets the seals or merges of a steady archive of that size (one every ~8 batches). The largest
    grows by `count` batches (13% of 101,000 articles at 64)."""
    scheme = signature_scheme(DedupOptions())
    rngs = [random.Random(seed + 7) for seed in seeds]
    cpus: list[list[float]] = [[] for _ in warehouses]
    merges: list[list[float]] = [[] for _ in warehouses]  # the merger thread's CPU s after each catch-up
    warehouses = list(warehouses)
    for number in range(count):
        if number and number % RESTORE_EVERY == 0:
            # At a new path: what the process keeps of a table or an index by its path is not taken for the copy's.
            shutil.rmtree(warehouses[0])
            warehouses[0] = kept[0].with_name(f"reuse-restored-{number}")
            shutil.copytree(kept[0], warehouses[0])
            _catch_up(warehouses[0])
        for warehouse, rng, seconds, merged, seed in zip(warehouses, rngs, cpus, merges, seeds, strict=True):
            first = 70_000_000 + seed * 100_000 + number * batch
            rows = synthetic_batch(rng, first, batch, scheme, DedupOptions())
            commit_rows(warehouse, rows, f"series-{seed}", f"series-{seed}-{number:04d}")
            seconds.append(catch_up_cpu(warehouse))
            merged.append(MERGER_CPU[-1])
    print(
        f"\nThe index catch-up over {count} more batches on each, in turn, the smallest put back every "
        f"{RESTORE_EVERY} (load average {load_average()}):\n"
    )
    print(
        "| archive at the end | median CPU s | mean CPU s | max CPU s | batches over 3x the median "
        "| merger thread, mean CPU s a batch (no batch waits) | its largest |"
    )
    print("|---|---|---|---|---|---|---|")
    for warehouse, seconds, merged in zip(warehouses, cpus, merges, strict=True):
        median = statistics.median(seconds)
        print(
            f"| {archive_articles(warehouse):,} articles | {median:.3f} | {statistics.fmean(seconds):.3f} | "
            f"{max(seconds):.3f} | {sum(s > 3 * median for s in seconds)} | {statistics.fmean(merged):.3f} | "
            f"{max(merged):.3f} |"
        )
    if count > RESTORE_EVERY:
        shutil.rmtree(warehouses[0], ignore_errors=True)
    median_ratio = statistics.median(cpus[-1]) / statistics.median(cpus[0])
    mean_ratio = statistics.fmean(cpus[-1]) / statistics.fmean(cpus[0])
    print(f"\nlargest/smallest: median **{median_ratio:.2f}**, mean **{mean_ratio:.2f}**")


def print_series(warehouses: list[Path], cpus: list[list[float]]) -> None:
    """One row per warehouse of a timed series (median, mean and max CPU s), then the largest/smallest ratios."""
    print("| archive at the end | median CPU s | mean CPU s | max CPU s |")
    print("|---|---|---|---|")
    for warehouse, seconds in zip(warehouses, cpus, strict=True):
        print(
            f"| {archive_articles(warehouse):,} articles | {statistics.median(seconds):.3f} | "
            f"{statistics.fmean(seconds):.3f} | {max(seconds):.3f} |"
        )
    median_ratio = statistics.median(cpus[-1]) / statistics.median(cpus[0])
    mean_ratio = statistics.fmean(cpus[-1]) / statistics.fmean(cpus[0])
    print(f"\nlargest/smallest: median **{median_ratio:.2f}**, mean **{mean_ratio:.2f}**")


def commit_series(warehouses: list[Path], batch: int, count: int, seeds: list[int]) -> list[list[float]]:
    """`count` more probe batches committed on each warehouse in turn (appends, marker and the compactions they call
    for, as commit_rows does), each timed: compactions come every ~16 batches per table, so five probe batches meet
    one or none, and only the mean over many shows what a run pays. Nothing is put back: the smallest archive grows
    by `count` batches (its compactions are of the batches since, whatever its size, which is what is compared)."""
    scheme = signature_scheme(DedupOptions())
    rngs = [random.Random(seed + 11) for seed in seeds]
    cpus: list[list[float]] = [[] for _ in warehouses]
    versions = [table_versions(warehouse) for warehouse in warehouses]
    for number in range(count):
        for warehouse, rng, seconds, seed in zip(warehouses, rngs, cpus, seeds, strict=True):
            rows = synthetic_batch(rng, 75_000_000 + seed * 100_000 + number * batch, batch, scheme, DedupOptions())
            commit = functools.partial(commit_rows, warehouse, rows, f"commits-{seed}", f"commits-{seed}-{number:04d}")
            seconds.append(timed(commit)[1])
    print(f"\nThe commit over {count} more batches on each, in turn (load average {load_average()}):\n")
    print_series(warehouses, cpus)
    # A count beside the times: what the series' compactions read and wrote again, which their CPU follows.
    rewritten = [
        compacted_bytes(warehouse, since) / count for warehouse, since in zip(warehouses, versions, strict=True)
    ]
    print(
        f"compactions rewrote {rewritten[0] / 1000:,.0f} KB a batch at the smallest size, "
        f"{rewritten[-1] / 1000:,.0f} KB at the largest (largest/smallest {rewritten[-1] / max(rewritten[0], 1):.2f})"
    )
    return cpus


def table_versions(warehouse: Path) -> dict[str, int]:
    """Each Delta table's version now."""
    tables = {spec.name: store.open_table(store.table_path(warehouse, spec)) for spec in ALL_TABLES}
    return {name: table.version() for name, table in tables.items() if table is not None}


def compacted_bytes(warehouse: Path, since: dict[str, int]) -> int:
    """The bytes of the files that the compactions made after the versions `since` replaced, in every table (their
    commits' own metrics, from the Delta log)."""
    total = 0
    for spec in ALL_TABLES:
        table, before = store.open_table(store.table_path(warehouse, spec)), since.get(spec.name, -1)
        if table is None or table.version() <= before:
            continue
        for entry in table.history(limit=table.version() - before):
            if entry.get("operation") == "OPTIMIZE" and entry["version"] > before:
                removed = entry.get("operationMetrics", {}).get("filesRemoved", "{}")
                total += int((json.loads(removed) if isinstance(removed, str) else removed).get("totalSize", 0))
    return total


def publish_series(warehouses: list[Path], batch: int, count: int, seeds: list[int]) -> list[list[float]]:
    """`count` probe batches on each warehouse, the warehouses in turn, PUBLISH_BLOCK batches a turn, each committed
    and caught up with (untimed) and then published (timed, CPU s): the sizes share the machine's load alike, where one
    after the other the first size's 16 publishes and the last's met different loads. A process keeps what it knows of
    one views file, as a run does, and a publish of another warehouse's drops it, so a turn starts with a probe batch
    published untimed. Returns the CPU seconds of each warehouse's publishes."""
    scheme = signature_scheme(DedupOptions())
    rngs = [random.Random(seed + 13) for seed in seeds]
    cpus: list[list[float]] = [[] for _ in warehouses]
    numbers = [itertools.count() for _ in warehouses]

    def probe(warehouse: Path, rng: random.Random, seed: int, number: int) -> None:
        rows = synthetic_batch(rng, 80_000_000 + seed * 100_000 + number * batch, batch, scheme, DedupOptions())
        commit_rows(warehouse, rows, f"publishes-{seed}", f"publishes-{seed}-{number:04d}")
        _catch_up(warehouse)

    for turn in range(0, count, PUBLISH_BLOCK):
        for warehouse, rng, seed, seconds, number in zip(warehouses, rngs, seeds, cpus, numbers, strict=True):
            probe(warehouse, rng, seed, next(number))
            views.publish_views(warehouse)  # untimed: what the process keeps between publishes, of this warehouse
            for _ in range(min(PUBLISH_BLOCK, count - turn)):
                probe(warehouse, rng, seed, next(number))
                seconds.append(timed(functools.partial(views.publish_views, warehouse))[1])
    load = load_average()
    print(
        f"\nThe views publish over {count} more batches on each, in turn, {PUBLISH_BLOCK} a turn "
        f"(load average {load}):\n"
    )
    print_series(warehouses, cpus)
    return cpus


# The steps in_turn compares, each from its own series in a fresh process: measure()'s probes for the lookups; the
# commit, the catch-up and the publish from their own series of batches. measure()'s few probe batches, the first after
# a copy, meet what the copied warehouse left due at the same point in every process: its first commits at 100,800
# articles compact the synthetic build's last one-batch files (1.23 against 0.99 for the series after them), and its
# catch-ups whatever the copied index had due (the measuring process's write-ahead log, up to 64 MB, to checkpoint;
# the seals of its band runs and generations): 1.22-1.41 in bench.scale's in_turn over 3 probes, 0.89-1.06 on copies of
# a closed index, 1.03-1.04 over a 34-batch series (docs/benchmarks.md, round 32).
TURN_STEPS = (*LOOKUPS_IN_ORDER, "commit", "index catch-up", "views publish")
SERIES_STEPS = frozenset({"commit", "index catch-up", "views publish"})


def commit_and_catch_up(warehouse: Path, batch: int, count: int, seed: int) -> tuple[list[float], list[float]]:
    """`count` probe batches on this warehouse, each committed (timed: appends, marker, compaction) and then caught up
    with (timed, the merger thread's CPU taken out: catch_up_cpu), as a run's batches follow each other; CPU s."""
    scheme = signature_scheme(DedupOptions())
    rng = random.Random(seed + 17)
    commits, catch_ups = [], []
    for number in range(count):
        rows = synthetic_batch(rng, 85_000_000 + seed * 100_000 + number * batch, batch, scheme, DedupOptions())
        commit = functools.partial(commit_rows, warehouse, rows, f"turn-{seed}", f"turn-{seed}-{number:04d}")
        commits.append(timed(commit)[1])
        catch_ups.append(catch_up_cpu(warehouse))
    return commits, catch_ups


def one_turn(source: Path, copy: Path, batch: int, repeat: int, seed: int, commits: int, publishes: int) -> dict:
    """Every fixed step on a fresh copy of `source`, in this process (a fresh one, started by in_turn): measure()'s
    probes for the lookups, then `commits` batches committed and caught up with (commit_and_catch_up) and `publishes`
    publishes (publish_series, PUBLISH_BLOCK a turn), each series on this warehouse alone. Returns the archive's size
    and each step's median and mean CPU seconds."""
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(source, copy)
    size = archive_articles(copy)
    with contextlib.redirect_stdout(io.StringIO()):  # publish_series' own table: one warehouse, no ratio
        probes = measure(copy, batch, repeat, seed)
        commit, catch_up = commit_and_catch_up(copy, batch, commits, seed)
        publish = publish_series([copy], batch, publishes, [seed])[0]
    shutil.rmtree(copy, ignore_errors=True)
    steps = {name: [probes[name].cpu, probes[name].cpu_mean] for name in LOOKUPS_IN_ORDER}
    for name, seconds in (("commit", commit), ("index catch-up", catch_up), ("views publish", publish)):
        steps[name] = [statistics.median(seconds), statistics.fmean(seconds)]
    return {"size": size, "load": load_average(), "pid": os.getpid(), "steps": steps}


def turn_command(
    source: Path, copy: Path, batch: int, repeat: int, seed: int, commits: int, publishes: int
) -> list[str]:
    """The command of one fresh process of in_turn: this module's one_turn on `source`, its answer a JSON line."""
    return [
        sys.executable,
        "-m",
        "bench.scale",
        "--turn-of",
        str(source),
        "--data",
        str(copy),
        "--turn-seed",
        str(seed),
        "--batch",
        str(batch),
        "--repeat",
        str(repeat),
        "--commit-batches",
        str(commits),
        "--publish-batches",
        str(publishes),
    ]


def in_turn(
    sources: list[Path], scratch: Path, batch: int, repeat: int, pairs: int, commits: int, publishes: int
) -> list[dict[str, list[float]]]:
    """Every fixed step on the first and last sizes in fresh processes in turn (first, last, first, last, ...), `pairs`
    pairs, each process on its own copy of its size's warehouse (`sources` are not changed) and both of a pair on the
    same probe seed: a pair's ratio is of the archive's size, neither of what one process keeps from one warehouse
    for the other nor of a load minutes apart. Prints each step's ratio per pair, their median and spread; returns
    each step's ratios (median CPU s, then mean CPU s, largest/smallest) per pair."""
    env = tree_environment(os.environ)
    done: list[list[dict]] = []
    for pair in range(pairs):
        answers = []
        for number, source in enumerate(sources):
            command = turn_command(source, scratch / f"turn-{number}", batch, repeat, 2000 + pair, commits, publishes)
            finished = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
            if finished.returncode != 0:
                raise SystemExit(f"in-turn process failed ({finished.returncode}): {finished.stderr[-2000:]}")
            answers.append(json.loads(finished.stdout.strip().splitlines()[-1]))
        done.append(answers)
        print(f"  pair {pair + 1}/{pairs}: {' and '.join(a['load'] for a in answers)} (load average)", flush=True)
    ratios: list[dict[str, list[float]]] = []
    for answers in done:
        first, last = answers[0]["steps"], answers[-1]["steps"]
        ratios.append(
            {
                step: [b / a if a else math.nan for a, b in zip(first[step], last[step], strict=True)]
                for step in TURN_STEPS
            }
        )
    sizes = [answer["size"] for answer in done[0]]
    print(
        f"\nEvery step in fresh processes in turn, {pairs} pairs ({sizes[0]:,} and {sizes[-1]:,} articles; "
        f"load average {load_average()}):\n"
    )
    print("| step | CPU ms, first size | last size | largest/smallest, each pair | median | spread |")
    print("|---|---|---|---|---|---|")
    for step in TURN_STEPS:
        for which, label in ((0, "median"), (1, "mean")):
            if which and step not in SERIES_STEPS:
                continue
            small = statistics.median(answers[0]["steps"][step][which] for answers in done)
            large = statistics.median(answers[-1]["steps"][step][which] for answers in done)
            each = [pair[step][which] for pair in ratios]
            name = step if step in LOOKUPS else f"{step}, {label} of its series"
            print(
                f"| {name} | {1000 * small:.2f} | {1000 * large:.2f} | {', '.join(f'{r:.2f}' for r in each)} | "
                f"**{statistics.median(each):.2f}** | {min(each):.2f}-{max(each):.2f} |"
            )
    return ratios


def _catch_up(warehouse: Path) -> None:
    """The index caught up, and the merges it left to the merger thread done (warehouse/index.py, merge_step): in a
    run they are done while the next batch's documents are analysed; here the next step would be timed with them."""
    with current_index(warehouse):
        pass
    wait_for_merges(warehouse)


# The merger thread's CPU seconds in each timed catch-up (catch_up_cpu), which is taken out of the catch-up's.
MERGER_CPU: list[float] = []


def catch_up_cpu(warehouse: Path) -> float:
    """CPU seconds of one catch-up that no batch waits for excluded: this process's CPU over the catch-up and the wait
    for its merges, less what the merger thread spent (kept in MERGER_CPU)."""
    merged_before, cpu_before = merger_cpu_seconds(), time.process_time()
    _catch_up(warehouse)
    merger = merger_cpu_seconds() - merged_before
    MERGER_CPU.append(merger)
    return time.process_time() - cpu_before - merger


if __name__ == "__main__":
    main()
