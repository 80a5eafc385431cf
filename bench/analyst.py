"""What an analyst waits for, on a synthetic warehouse: `python -m bench.analyst [--mentions 1000000]`.

Builds a warehouse of at least `--mentions` entity mentions the way a run writes one: record objects
(transforms/records.py) appended with warehouse/store.py's `append_rows`, one batch and one `runs` row
per synthetic night, then the views published. Then times, through the read-only views connection:
an entity's timeline (stories per week), the co-occurrences of one entity (by stories), a full-text
search (warehouse.search, once its index is built; the build is timed apart) and writing the HTML
report. Targets: each query under 1 s, the report under 10 s.
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


def timed(what: Callable[[], Any], repeat: int = 2) -> tuple[float, float, Any]:
    """First (cold) and median of `repeat` wall times in seconds, and the last result (two: a 2-core machine)."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = what()
        times.append(time.perf_counter() - started)
    return times[0], statistics.median(times), result


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
    print(
        f"machine: {os.cpu_count()} cpus (nproc {len(os.sched_getaffinity(0))}), {cpu_model()}, "
        f"Python {platform.python_version()}"
    )
    with tempfile.TemporaryDirectory(prefix="newsetl-bench-analyst-") as temporary:
        warehouse = args.warehouse or Path(temporary) / "warehouse"
        results: list[tuple[str, float, float, float, str]] = []
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
        cold, median, _ = timed(lambda: publish_views(warehouse))
        results.append(("publish the views database", cold, median, 10.0, "after each committed batch"))
        from warehouse.query import connect_views

        with connect_views(warehouse) as con:
            cold, median, rows = timed(lambda: con.execute("select count(*) from articles").fetchall())
            results.append(("count(*) from articles", cold, median, 1.0, f"{rows[0][0]:,} articles"))
            cold, median, rows = timed(lambda: con.execute(TIMELINE, ["United States"]).fetchall())
            results.append(("entity timeline (stories per week)", cold, median, 1.0, f"{len(rows)} weeks"))
            cold, median, rows = timed(lambda: con.execute(COOCCURRENCE, ["United States"] * 2).fetchall())
            results.append(("co-occurrence of one entity", cold, median, 1.0, f"top: {rows[0][0]} {rows[0][2]}"))
            cold, median, rows = timed(lambda: con.execute(COOCCURRENCE, ["Person 0300"] * 2).fetchall())
            results.append(("co-occurrence of a rarer entity", cold, median, 1.0, f"{len(rows)} rows"))
            # The ready questions (warehouse/sql/views/90_ready_questions.sql) an analyst is pointed to.
            for what, sql in (
                ("entity_timeline('United States', 'week')", "select * from entity_timeline('United States', 'week')"),
                ("mentioned_with('United States')", "select * from mentioned_with('United States')"),
                ("mentioned_with('Person 0300')", "select * from mentioned_with('Person 0300')"),
                ("figures_of('United States', 'troops')", "select * from figures_of('United States', 'troops')"),
                ("stories: count(*)", "select count(*) from stories"),
            ):
                cold, median, rows = timed(partial(lambda q: con.execute(q).fetchall(), sql))
                results.append((what, cold, median, 1.0, f"{len(rows)} rows"))

        from warehouse.search import search, update_index

        started = time.perf_counter()
        update_index(warehouse)
        print(f"search index built in {time.perf_counter() - started:.1f}s (once; a run adds each batch as it commits)")
        for query in ("javelin", '"harbour budget"', "troops AND border -court"):
            cold, median, hits = timed(partial(search, warehouse, query, limit=10))
            results.append((f"search {query}", cold, median, 1.0, f"{hits.num_rows} stories"))
        cold, median, hits = timed(lambda: search(warehouse, "troops", entity="United States", limit=10))
        results.append(("search troops --entity 'United States'", cold, median, 1.0, f"{hits.num_rows} stories"))

        started = time.perf_counter()
        from warehouse.html_report import write_report  # matplotlib loads here: counted in the first report

        out = Path(temporary) / "report.html"
        first = time.perf_counter() - started + timed(lambda: write_report(warehouse, out), repeat=1)[0]
        _, median, _ = timed(lambda: write_report(warehouse, out))
        results.append(("report (HTML, all charts)", first, median, 10.0, f"{out.stat().st_size // 1024} KiB"))

    print(f"load average {os.getloadavg()[0]:.1f} at the end (2 cores: above 2, others were running too)")
    print(f"\n{'what':45} {'first s':>8} {'median s':>9} {'target':>7}  result")
    for what, cold, median, target, note in results:
        verdict = "ok" if cold < target else "SLOW"  # the first call is what an analyst waits for
        print(f"{what:45} {cold:8.3f} {median:9.3f} {target:6.0f}s  {verdict}; {note}")


if __name__ == "__main__":
    main()
