"""What an analyst waits for, on a synthetic warehouse: `python -m bench.analyst [--mentions 1000000]`.

Builds a warehouse of at least `--mentions` entity mentions the way a run writes one: record objects
(transforms/records.py) appended with warehouse/store.py's `append_rows`, one batch and one `runs` row
per synthetic night, then the views published. Then times, through the read-only views connection:
an entity's timeline (stories per week) and the co-occurrences of one entity (by stories), as the ready
questions `entity_timeline` and `mentioned_with` answer them (and, for comparison, as hand-written SQL over
the public views), a full-text search (warehouse.search, once its index is built; the build is timed apart)
and writing the HTML report. Targets (issue 14): each query under 1 s, the report under 10 s.

Each figure is printed with the wall time of the first call and the median of two, and the CPU time of
the first call (all threads of this process): on a machine shared with other work the wall time grows
with the load, the CPU time much less, and on an idle machine the wall time is at most about the CPU time.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from transforms.records import Article, BatchCommit, DuplicateLink, Entity, EntityMention, Figure, Rejection, RunSummary
from warehouse.schemas import ARTICLES, BATCHES, DUPLICATE_LINKS, ENTITIES, ENTITY_MENTIONS, FIGURES, REJECTIONS, RUNS
from warehouse.store import append_rows, compact_tables, ensure_tables
from warehouse.views import publish_views

WORDS = (
    "council harbour troops missiles budget minister election river bridge school hospital storm border "
    "market bank energy gas oil wheat port rail strike court police fire museum festival vaccine drought "
    "flood tariff export import treaty summit protest union factory mine forest coast island capital"
).split()
SITES = [f"news{i}.example.com" for i in range(12)]
LABELS = ("PERSON", "ORG", "LOC")
OBJECTS = ("troops", "people", "tanks", "jobs", "votes", "homes", None)
KINDS = ("count", "money", "percent", "duration", "measure")
NIGHTS = 30
ENTITY_POOL = 5_000
COPY_SHARE = 0.2  # articles that are a near copy of an earlier story
FIRST_DAY = date(2025, 1, 1)
DAYS = 365

TIMELINE = """
select date_trunc('week', coalesce(a.published_date, b.committed_at::date))::date as week,
       count(distinct a.cluster_id) as stories, count(distinct a.article_id) as articles
from entity_mentions m join articles a using (article_id) join batches b using (batch_id)
where m.entity_id = (select entity_id from entities where name = ?)
group by all order by week
"""
COOCCURRENCE = """
with mine as (
    select distinct a.cluster_id from entity_mentions m join articles a using (article_id)
    where m.entity_id = (select entity_id from entities where name = ?)
)
select e.name, e.label, count(distinct a.cluster_id) as stories
from entity_mentions m join articles a using (article_id) semi join mine using (cluster_id)
join entities e using (entity_id)
where e.name <> ?
group by all order by stories desc, e.name limit 20
"""


TIMELINE_MACRO = "select * from entity_timeline('United States', 'week')"
MENTIONED_WITH = "select * from mentioned_with('{}')"
FIGURES_OF = "select * from figures_of('United States', 'troops')"


@dataclass(frozen=True, slots=True)
class Result:
    what: str
    first: float  # wall seconds of the first call
    median: float  # wall seconds, median of two calls
    cpu: float  # CPU seconds of the first call, every thread of the process
    target: float | None  # seconds (issue 14); None: shown for comparison
    note: str


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def entity_pool(rng: random.Random) -> list[Entity]:
    pool = [Entity(entity_id=sha("United States"), name="United States", label="LOC", country_code="US")]
    for i in range(1, ENTITY_POOL):
        label = LABELS[i % 3]
        pool.append(Entity(entity_id=sha(f"{label}{i}"), name=f"{label.title()} {i:04d}", label=label))
    return pool


def night(
    rng: random.Random, index: int, pool: list[Entity], weights: list[float], mentions_wanted: int, stories: list[str]
) -> tuple[list[Article], list[EntityMention], list[Figure], list[DuplicateLink], list[Rejection]]:
    """One night's articles with their mentions (about 20 each, popular entities more often) and figures."""
    articles: list[Article] = []
    mentions: list[EntityMention] = []
    figures: list[Figure] = []
    links: list[DuplicateLink] = []
    rejections: list[Rejection] = []
    while len(mentions) < mentions_wanted:
        n = len(stories) + len(articles)
        article_id = sha(f"article {index} {n}")
        copy_of = rng.choice(stories) if stories and rng.random() < COPY_SHARE else None
        words = rng.choices(WORDS, k=rng.randint(60, 140))
        if n % 500 == 0:
            words.insert(rng.randrange(len(words)), "javelin")
        text = " ".join(words)
        site = rng.choice(SITES)
        articles.append(
            Article(
                article_id=article_id,
                doc_id=sha(f"doc {article_id}"),
                source=f"https://{site}/{article_id}",
                url=f"https://{site}/{article_id}",
                canonical_url=f"https://{site}/{article_id}",
                title=" ".join(rng.choices(WORDS, k=6)).capitalize(),
                author=None,
                sitename=site,
                published_date=FIRST_DAY + timedelta(days=rng.randrange(DAYS)),
                language="en",
                text=text,
                text_hash=sha(text),
                cluster_id=copy_of or article_id,
                word_count=len(words),
                ner_model="en_core_web_sm",
            )
        )
        if copy_of:
            links.append(DuplicateLink(article_id=article_id, duplicate_of=copy_of, similarity=0.8))
        for entity in set(rng.choices(pool, weights=weights, k=rng.randint(4, 12))):
            for _ in range(rng.randint(1, 4)):
                start = rng.randrange(len(text) - 10)
                mentions.append(
                    EntityMention(article_id, entity.entity_id, entity.name, entity.label, start, start + 8)
                )
        for f in range(3):
            value = float(rng.choice((100, 500, 1000, 8500, 20000)))
            figures.append(
                Figure(
                    article_id=article_id,
                    figure_id=sha(f"{article_id} figure {f}"),
                    surface=f"{value:,.0f}",
                    value=value,
                    value_low=value,
                    value_high=value,
                    approximate=False,
                    qualifier=None,
                    unit=None,
                    object=rng.choice(OBJECTS),
                    kind=rng.choice(KINDS),
                    char_start=f * 10,
                    char_end=f * 10 + 5,
                    sentence="A sentence with a figure.",
                    entity_id=pool[0].entity_id if f == 0 else None,
                    role="holder" if f == 0 else None,
                )
            )
    stories.extend(a.article_id for a in articles if a.cluster_id == a.article_id)
    for r in range(rng.randint(0, 20)):
        reason = rng.choice(("http_404", "timeout", "too_short"))
        stage = "normalise" if reason == "too_short" else "fetch"
        source = f"https://{rng.choice(SITES)}/gone/{index}/{r}"
        rejections.append(Rejection(doc_id=sha(source), source=source, stage=stage, reason=reason, detail=""))
    return articles, mentions, figures, links, rejections


def build(warehouse: Path, mentions: int, seed: int = 14) -> dict[str, int]:
    rng = random.Random(seed)
    ensure_tables(warehouse)
    pool = entity_pool(rng)
    weights = [1.0 / (rank + 1) for rank in range(len(pool))]  # Zipf-like: a few entities are everywhere
    append_rows(warehouse, ENTITIES, pool, {"run_id": "bench", "batch_id": "bench-entities"})
    stories: list[str] = []
    totals = {"articles": 0, "mentions": 0, "figures": 0, "rejections": 0}
    start = datetime(2025, 12, 1, 2, 0, tzinfo=UTC)
    for index in range(NIGHTS):
        run_id, batch_id = f"run-{index:03d}", f"run-{index:03d}-00000"
        arts, ments, figs, links, rejs = night(rng, index, pool, weights, mentions // NIGHTS + 1, stories)
        lineage = {"run_id": run_id, "batch_id": batch_id}
        for spec, rows in (
            (ARTICLES, arts),
            (ENTITY_MENTIONS, ments),
            (FIGURES, figs),
            (DUPLICATE_LINKS, links),
            (REJECTIONS, rejs),
        ):
            append_rows(warehouse, spec, rows, lineage)
        began = start + timedelta(days=index)
        ended = began + timedelta(seconds=rng.randint(600, 3600))
        append_rows(
            warehouse,
            BATCHES,
            [BatchCommit(batch_id, len(arts) + len(rejs), len(arts), len(rejs), ended)],
            {"run_id": run_id},
        )
        summary = RunSummary(
            run_id,
            began,
            ended,
            "completed",
            1,
            len(arts) + len(rejs),
            0,
            len(arts),
            len(ments),
            len(figs),
            len(rejs),
            1,
        )
        append_rows(warehouse, RUNS, [summary])
        for key, n in (("articles", arts), ("mentions", ments), ("figures", figs), ("rejections", rejs)):
            totals[key] += len(n)
    # The entities' batch needs a marker too, or the view shows none of them.
    append_rows(warehouse, BATCHES, [BatchCommit("bench-entities", 0, 0, 0, start)], {"run_id": "bench"})
    # As the end of a run does (compact_min_files): a warehouse after 30 nights is a few large files per table.
    compact_tables(warehouse, min_files=8, retention_hours=0)
    publish_views(warehouse)
    return totals


def timed(what: Callable[[], Any], repeat: int = 2) -> tuple[float, float, float, Any]:
    """First (cold) and median of `repeat` wall times, the first call's CPU time (every thread of this process),
    in seconds, and the last result (two calls: a 2-core machine)."""
    times, cpu, result = [], 0.0, None
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = what()
        times.append(time.perf_counter() - started)
        cpu = cpu or time.process_time() - started_cpu
    return times[0], statistics.median(times), cpu, result


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=1_000_000, help="entity mentions to write (at least)")
    parser.add_argument("--warehouse", type=Path, help="build here (default: a temporary folder, removed after)")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="with --warehouse: use the warehouse built there by an earlier bench (views published again, timed)",
    )
    args = parser.parse_args(argv)
    if args.reuse and args.warehouse is None:
        parser.error("--reuse needs --warehouse (the folder an earlier bench built)")
    cpus = f"{os.cpu_count()} cpus (nproc {len(os.sched_getaffinity(0))})"
    machine = f"{cpus}, {cpu_model()}, Python {platform.python_version()}"
    print(f"machine: {machine}; load average {os.getloadavg()[0]:.1f} at the start")
    with tempfile.TemporaryDirectory(prefix="newsetl-bench-analyst-") as temporary:
        warehouse = args.warehouse or Path(temporary) / "warehouse"
        if args.reuse and (warehouse / "tables").is_dir():
            print(f"reusing {warehouse} (built by an earlier bench)")
        else:
            started = time.perf_counter()
            totals = build(warehouse, args.mentions)
            print(
                f"built {warehouse} in {time.perf_counter() - started:.1f}s: {totals['mentions']:,} entity mentions, "
                f"{totals['articles']:,} articles, {totals['figures']:,} figures, {totals['rejections']:,} "
                f"rejections in {NIGHTS} runs (rows appended as records with warehouse/store.py's append_rows, "
                "then the views published)"
            )
        # What each committed batch pays to publish the views (once per batch: see warehouse/views.py).
        results: list[Result] = []
        cold, median, cpu, _ = timed(lambda: publish_views(warehouse))
        results.append(Result("publish the views database", cold, median, cpu, None, "after each committed batch"))
        from warehouse.query import connect_views

        def rows_of(sql: str, *parameters: str) -> Callable[[], list[tuple]]:
            return lambda: con.execute(sql, list(parameters)).fetchall()

        with connect_views(warehouse) as con:
            cold, median, cpu, rows = timed(rows_of("select count(*) from articles"))
            results.append(Result("count(*) from articles", cold, median, cpu, None, f"{rows[0][0]:,} articles"))
            # The ready questions (warehouse/sql/views/90_ready_questions.sql) an analyst is pointed to.
            for what, sql, target in (
                ("entity timeline: entity_timeline('United States', 'week')", TIMELINE_MACRO, 1.0),
                (
                    "co-occurrence: mentioned_with('United States')",
                    "select * from mentioned_with('United States')",
                    1.0,
                ),
                ("co-occurrence: mentioned_with('Person 0300')", "select * from mentioned_with('Person 0300')", 1.0),
                ("figures_of('United States', 'troops')", "select * from figures_of('United States', 'troops')", 1.0),
                ("stories: count(*)", "select count(*) from stories", 1.0),
            ):
                cold, median, cpu, rows = timed(rows_of(sql))
                results.append(Result(what, cold, median, cpu, target, f"{len(rows)} rows"))
            # The same questions as hand-written SQL over the public views (articles, entity_mentions, entities):
            # for comparison; the `entities` view counts every mention of every entity.
            cold, median, cpu, rows = timed(rows_of(TIMELINE, "United States"))
            results.append(Result("hand-written timeline SQL", cold, median, cpu, None, f"{len(rows)} weeks"))
            cold, median, cpu, rows = timed(rows_of(COOCCURRENCE, "United States", "United States"))
            note = f"top: {rows[0][0]} {rows[0][2]}"
            results.append(Result("hand-written co-occurrence SQL", cold, median, cpu, None, note))

        from warehouse.search import search, update_index

        started = time.perf_counter()
        update_index(warehouse)
        print(f"search index built in {time.perf_counter() - started:.1f}s (once; a run adds each batch as it commits)")
        for query in ("javelin", '"harbour budget"', "troops AND border -court"):
            cold, median, cpu, hits = timed(partial(search, warehouse, query, limit=10))
            results.append(Result(f"search {query}", cold, median, cpu, 1.0, f"{hits.num_rows} stories"))
        cold, median, cpu, hits = timed(lambda: search(warehouse, "troops", entity="United States", limit=10))
        results.append(
            Result("search troops --entity 'United States'", cold, median, cpu, 1.0, f"{hits.num_rows} stories")
        )

        started, started_cpu = time.perf_counter(), time.process_time()
        from warehouse.html_report import write_report  # matplotlib loads here: counted in the first report

        out = Path(temporary) / "report.html"
        loading, loading_cpu = time.perf_counter() - started, time.process_time() - started_cpu
        cold, _, cpu, _ = timed(lambda: write_report(warehouse, out), repeat=1)
        _, median, _, _ = timed(lambda: write_report(warehouse, out))
        note = f"{out.stat().st_size // 1024} KiB"
        results.append(Result("report (HTML, all charts)", loading + cold, median, loading_cpu + cpu, 10.0, note))

    load = os.getloadavg()
    print(
        f"load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at the end (on {os.cpu_count()} cpus: above that, "
        "other work ran beside the bench and wall times grew with it)"
    )
    print(f"\non {machine}:")
    print(f"{'what':58} {'first s':>8} {'median s':>9} {'cpu s':>6} {'target':>7}  result")
    for r in results:
        goal = "" if r.target is None else f"{r.target:.0f}s"
        # The first call is what an analyst waits for; the CPU time is what it costs an idle machine at most.
        verdict = "" if r.target is None else ("ok; " if r.first < r.target else "SLOW; ")
        print(f"{r.what:58} {r.first:8.3f} {r.median:9.3f} {r.cpu:6.3f} {goal:>7}  {verdict}{r.note}")


if __name__ == "__main__":
    main()
