"""The SQL checks a run's end reads (warehouse/sql/checks over `check_batches`, warehouse/sql/checks_scope): each reads
the rows of the checked batches, and of other batches only those sharing a key it compares, not the archive's; and
each still finds what breaks it, in the batch that wrote it."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from tests.story_fixtures import ACME, article, commit, mentions
from tests.test_publish_incremental import commit_night
from transforms.records import Figure, Rejection
from warehouse import views
from warehouse.query import connect_views, failed_checks, sql_names, sql_text
from warehouse.schemas import ARTICLES, ENTITIES, ENTITY_MENTIONS, FIGURES, REJECTIONS

OLD_ARTICLES = 200
# The checks that compare the checked batches' keys with every batch's.
COMPARING = {"documents_committed_once.sql", "exact_copies_share_cluster.sql"}


def figure(article_id: str, n: int = 0) -> Figure:
    return Figure(article_id, f"f-{article_id}-{n}", "12", 12.0, 12.0, 12.0, False, None, None, None, "count", 0, 2, "")


def archive(warehouse: Path, nights: int = 12) -> None:
    """An old batch of OLD_ARTICLES articles (a mention, a figure each, and rejections), then nights of copies, newer
    versions and rejections of earlier documents (tests/test_publish_incremental.py, commit_night)."""
    old = [article(f"old{n}", f"old{n}", date(2023, 1, 1 + n % 28)) for n in range(OLD_ARTICLES)]
    commit(
        warehouse,
        "r0",
        "old",
        date(2023, 12, 1),
        {
            ARTICLES: old,
            ENTITIES: [ACME],
            ENTITY_MENTIONS: [m for a in old for m in mentions(a.article_id, "e-acme", 1)],
            FIGURES: [figure(a.article_id) for a in old],
            REJECTIONS: [Rejection(f"gone{n}", "x.html", "normalise", "too_short", "") for n in range(20)],
        },
    )
    for night in range(1, nights + 1):
        commit_night(warehouse, night)
    views.publish_views(warehouse)


def scanned_rows(plan: dict) -> int:
    """Rows the scans of a profiled query gave (after the filters pushed into them)."""
    rows = 0
    for node in plan.get("children", []) + plan.get("operator", []):
        if node.get("type") == "TABLE_SCAN":
            rows += int(node.get("intermediate_rows") or 0)
        rows += scanned_rows(node)
    return rows


def test_a_run_s_checks_read_its_batches_rows_not_the_archive_s(tmp_path):
    # Through the views (articles, entity_mentions, figures, rejections) a check read every article of the archive:
    # the views choose each article's shown version over all of them. From the checked batches' rows, a check of
    # the last night reads that night's rows and the few of other batches its keys find.
    archive(tmp_path)
    with connect_views(tmp_path) as con:
        con.execute("CREATE OR REPLACE TEMP TABLE check_batches AS SELECT 'n12' AS batch_id")
        night = sum(
            con.execute(f"SELECT count(*) FROM {table} WHERE batch_id = 'n12'").fetchall()[0][0]
            for table in ("_articles", "_entity_mentions", "_figures", "_rejections")
        )
        batches = con.execute("SELECT count(*) FROM batches").fetchall()[0][0]
        read = {}
        for name in sql_names("checks"):
            query = sql_text("checks", name).strip().rstrip(";")
            [(_, plan)] = con.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {query}").fetchall()
            read[name] = scanned_rows(json.loads(plan))
    assert night < 20 and batches == 13
    # The two that compare with the archive read the key column of every file (doc ids, text hashes: no statistics
    # exclude a file), and the rows DuckDB's plan then chooses to read: not bounded here.
    bounded = {name: rows for name, rows in read.items() if name not in COMPARING}
    assert len(bounded) == len(read) - 2 and all(rows <= night + batches for rows in bounded.values()), read


def test_each_check_finds_what_breaks_it_in_the_batch_that_wrote_it(tmp_path):
    archive(tmp_path, nights=0)  # the nights' rows break two checks (documents rejected later, mentions' offsets)
    assert failed_checks(tmp_path) == {}
    twice = article("bad1", "bad1", date(2024, 3, 1))
    copy = replace(article("bad2", "another", date(2024, 3, 1)), text_hash="hash-old3")  # old3's text, not its story
    commit(
        tmp_path,
        "r9",
        "bad",
        date(2024, 3, 1),
        {
            ARTICLES: [twice, twice, copy],
            ENTITIES: [ACME],
            ENTITY_MENTIONS: mentions("bad1", "e-acme", 1) * 2,
            FIGURES: [figure("bad1"), figure("bad1"), replace(figure("bad2"), value_low=20.0)],
            REJECTIONS: [Rejection("doc-twice", "x.html", "normalise", "too_short", "")] * 2,
        },
    )
    views.publish_views(tmp_path)
    expected = {
        "articles_unique": 1,
        "documents_committed_once": 2,  # bad1's document in its two rows, doc-twice in its two rejections
        "exact_copies_share_cluster": 1,
        "figures_bounds": 1,
        "figures_unique": 1,
        "mentions_unique": 1,
        "rejections_shown_once": 1,
    }
    assert failed_checks(tmp_path) == expected  # every batch
    with connect_views(tmp_path) as con:
        con.execute("CREATE OR REPLACE TEMP TABLE check_batches AS SELECT 'bad' AS batch_id")
        found = {name: len(con.execute(sql_text("checks", name)).fetchall()) for name in sql_names("checks")}
        con.execute("CREATE OR REPLACE TEMP TABLE check_batches AS SELECT 'old' AS batch_id")
        older = {name: len(con.execute(sql_text("checks", name)).fetchall()) for name in sql_names("checks")}
    assert {name.removesuffix(".sql"): rows for name, rows in found.items() if rows} == expected
    # Checked alone, the old batch broke nothing of its own; old3's text, now bad2's too, is compared from either side.
    assert {name: rows for name, rows in older.items() if rows} == {"exact_copies_share_cluster.sql": 1}
