"""The SQL checks a run's end reads (warehouse/sql/checks over `check_batches`, warehouse/sql/checks_scope): each reads
the rows of the checked batches, and of other batches only those sharing a key it compares, not the archive's; and
each still finds what breaks it, in the batch that wrote it."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import cast

import duckdb
import pytest

from tests.story_fixtures import ACME, append_batch_rows, article, at, commit, mentions, run
from tests.test_publish_incremental import commit_night
from transforms.records import BatchCommit, Entity, Figure, Rejection
from warehouse import query, report, views
from warehouse.index import delete_index, index_path
from warehouse.lookups import committed_doc_ids, counted_outcomes
from warehouse.query import (
    check_scope,
    checked_scope,
    connect_views,
    failed_checks,
    failed_checks_on,
    sql_names,
    sql_text,
)
from warehouse.schemas import ARTICLES, BATCHES, ENTITIES, ENTITY_MENTIONS, FIGURES, REJECTIONS, RUNS
from warehouse.store import append_rows, compact_tables

OLD_ARTICLES = 200
NAMES = ("articles", "entity_mentions", "figures", "rejections")
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
        checked_scope(con)
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


def files_read(plan: dict) -> int:
    """Parquet files the scans of a profiled query opened."""
    files = 0
    for node in plan.get("children", []) + plan.get("operator", []):
        if node.get("type") == "TABLE_SCAN":
            files += int(node.get("extra_info", {}).get("Total Files Read") or 0)
        files += files_read(node)
    return files


def opens(con, query: str) -> int:
    """Parquet files the query opens, from DuckDB's profile of it."""
    [(_, plan)] = con.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {query.strip().rstrip(';')}").fetchall()
    return files_read(json.loads(plan))


def test_a_run_s_end_checks_open_only_the_files_that_can_hold_its_batches_rows(tmp_path, monkeypatch):
    # A scan of the checked batches' rows through `_articles` (or `_figures`, ...) opened every file of the table:
    # 59 files of `articles` at 100,600 articles, each footer read to find none of their rows. At a run's end they
    # are read from the files written since its run started (or the earliest of the runs checked) whose batch_id
    # statistics admit one of them: here the night's own files, not the compacted files of the earlier batches
    # (those of every batch, `n01` to `old`, admit `n12`) nor the other nights'.
    monkeypatch.setattr(views, "WRITTEN_MARGIN", timedelta(0))  # the whole test takes less than the clock's margin
    archive(tmp_path, nights=6)
    compact_tables(tmp_path, 1, 0)  # the earlier batches' files merged
    for night in range(7, 12):  # then a file of each night's
        commit_night(tmp_path, night)
    ended = datetime(2024, 1, 12, 18, tzinfo=UTC)  # the last checked run: after night 11's commit, before night 12's
    append_rows(tmp_path, RUNS, [replace(run("r1", date(2024, 1, 12)), started_at=ended, check_violations=0)])
    append_rows(tmp_path, RUNS, [replace(run("r2", date(2024, 1, 13)), started_at=datetime.now(UTC))])
    day = date(2024, 1, 13)
    new = [article("n12a", "n12a", day), replace(article("n10b", "n10b", day), doc_id="doc-v12")]
    rows: dict = {ARTICLES: new, ENTITY_MENTIONS: mentions("n12a", "e-acme", 1), FIGURES: [figure("n12a")]}
    rows[REJECTIONS] = [Rejection("doc-gone", "x.html", "normalise", "too_short", "")]
    commit(tmp_path, "r2", "n12", day, rows)
    views.publish_views(tmp_path)
    with connect_views(tmp_path) as con:
        files = {name: opens(con, f"SELECT batch_id FROM _{name}") for name in NAMES}  # every file of the table
        markers = opens(con, "SELECT batch_id FROM batches")
        check_scope(con, "r2", partial(views.checked_rows, tmp_path))
        assert con.execute("SELECT batch_id FROM check_batches").fetchall() == [("n12",)]
        opened = {}
        for name in sql_names("checks"):
            opened[name.removesuffix(".sql")] = opens(con, sql_text("checks", name))
    assert files == {"articles": 8, "entity_mentions": 7, "figures": 2, "rejections": 3}
    # Each check of the night's rows alone opens the night's file of each table it reads (figures_bounds none: its
    # filter on values excludes the file by its statistics); rejections_shown_once reads the markers too.
    one_table = {"articles_unique", "figures_unique", "mentions_unique", "mentions_have_articles", "figures_bounds"}
    assert {name: opened[name] for name in one_table} == {
        "articles_unique": 1,
        "figures_unique": 1,
        "mentions_unique": 1,
        "mentions_have_articles": 2,
        "figures_bounds": 0,
    }
    assert opened["rejections_shown_once"] <= markers + 3  # the markers' files, the night's articles and rejections
    # The comparing checks open the night's files for its keys and every file for the archive's (a key column).
    assert opened["documents_committed_once"] <= 2 + 2 * (files["articles"] + files["rejections"] + markers)
    with connect_views(tmp_path) as con:  # what they find is what the whole tables give
        assert failed_checks_on(con, "r2", partial(views.checked_rows, tmp_path)) == failed_checks_on(con, "r2") == {}


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
    with connect_views(tmp_path) as con:  # each batch's rows from the files that can hold them, as at a run's end
        con.execute("CREATE OR REPLACE TEMP TABLE check_batches AS SELECT 'bad' AS batch_id")
        checked_scope(con, partial(views.checked_rows, tmp_path))
        found = {name: len(con.execute(sql_text("checks", name)).fetchall()) for name in sql_names("checks")}
        con.execute("CREATE OR REPLACE TEMP TABLE check_batches AS SELECT 'old' AS batch_id")
        checked_scope(con, partial(views.checked_rows, tmp_path))
        older = {name: len(con.execute(sql_text("checks", name)).fetchall()) for name in sql_names("checks")}
    assert {name.removesuffix(".sql"): rows for name, rows in found.items() if rows} == expected
    # Checked alone, the old batch broke nothing of its own; old3's text, now bad2's too, is compared from either side.
    assert {name: rows for name, rows in older.items() if rows} == {"exact_copies_share_cluster.sql": 1}


def night_committing_documents_again(warehouse: Path) -> None:
    """The archive of nights 1-11 (the earlier batches compacted), the lookup index built after night 9 and behind
    from then on, a reprocess batch, a checked run `r1` ended before night 12, and night 12 (run `r2`) committing
    again: n10a's document (a batch the index has not read), old3's (a batch it has), and as outcomes that do not
    count, a document only the reprocess batch holds, old4's rejected at the fetch, n9a's in a failed batch."""
    archive(warehouse, nights=6)
    compact_tables(warehouse, 1, 0)
    for night in range(7, 12):
        commit_night(warehouse, night)
        if night == 9:
            assert committed_doc_ids(warehouse, ["doc-n9a"]) == {"doc-n9a"}  # a lookup builds the index
    again = replace(article("rp1", "rp1", date(2024, 1, 12)), doc_id="doc-rp")
    append_batch_rows(warehouse, "rp", "rp", {ARTICLES: [again]})
    append_rows(warehouse, BATCHES, [BatchCommit("rp", 1, 1, 0, at(date(2024, 1, 12)), "reprocess")], {"run_id": "rp"})
    ended = datetime(2024, 1, 12, 18, tzinfo=UTC)
    append_rows(warehouse, RUNS, [replace(run("r1", date(2024, 1, 12)), started_at=ended, check_violations=0)])
    append_rows(warehouse, RUNS, [replace(run("r2", date(2024, 1, 13)), started_at=datetime.now(UTC))])
    day = date(2024, 1, 13)
    new = [
        article("n12a", "n12a", day),
        replace(article("n10a-again", "n10a", day), doc_id="doc-n10a"),
        replace(article("rp-again", "rp1", day), doc_id="doc-rp"),
    ]
    rows: dict = {ARTICLES: new, ENTITY_MENTIONS: mentions("n12a", "e-acme", 1), FIGURES: [figure("n12a")]}
    rows[REJECTIONS] = [
        Rejection("doc-old3", "x.html", "normalise", "too_short", ""),
        Rejection("doc-old4", "x.html", "fetch", "http_error", ""),
        Rejection("doc-n9a", "x.html", "process", "batch_failed", ""),
    ]
    commit(warehouse, "r2", "n12", day, rows)
    views.publish_views(warehouse)


def test_a_run_s_end_compares_its_documents_with_the_lookup_index_not_every_file(tmp_path, monkeypatch):
    # documents_committed_once compared the checked documents with a doc id column of every file of `articles` and
    # `rejections` (111 files at 100,600 articles; no statistics exclude a hash). At a run's end the lookup index
    # answers by the checked doc ids, caught up first (here it was built after night 9: night 10's outcome of n10a's
    # document is found by the catch-up), so the check opens the night's files and the markers', and finds what the
    # tables give. Fails on main, whose checks take no such source (check_scope's fourth argument).
    monkeypatch.setattr(views, "WRITTEN_MARGIN", timedelta(0))
    night_committing_documents_again(tmp_path)
    query = sql_text("checks", "documents_committed_once.sql")
    at_run_end = (partial(views.checked_rows, tmp_path), partial(counted_outcomes, tmp_path))
    with connect_views(tmp_path) as con:
        files = sum(opens(con, f"SELECT batch_id FROM _{name}") for name in ("articles", "rejections"))
        markers = opens(con, "SELECT batch_id FROM batches")
        check_scope(con, "r2", *at_run_end)
        assert con.execute("SELECT batch_id FROM check_batches").fetchall() == [("n12",)]
        indexed = opens(con, query)
        found = sorted(con.execute(query).fetchall())
        check_scope(con, "r2")  # the tables' every file
        every_file = opens(con, query)
        assert sorted(con.execute(query).fetchall()) == found == [("doc-n10a", 2), ("doc-old3", 2)]
        assert failed_checks_on(con, "r2", *at_run_end) == failed_checks_on(con, "r2")
    # The night's articles and rejections files, each read twice (its rows that count, and its documents), and the
    # markers; with the tables, every file of both too.
    assert files == 12 and indexed <= markers + 4 < every_file - files, (files, every_file, indexed, markers)


def test_a_run_s_end_with_no_lookup_index_reads_the_tables_and_builds_none(tmp_path, monkeypatch):
    # The index is a cache: deleted (or never built), building it from every file would cost far more than the check
    # reads, so counted_outcomes says it cannot answer and the check reads the tables' files, finding the same.
    monkeypatch.setattr(views, "WRITTEN_MARGIN", timedelta(0))
    night_committing_documents_again(tmp_path)
    delete_index(tmp_path)
    assert counted_outcomes(tmp_path, ["doc-n10a"]) is None
    with connect_views(tmp_path) as con:
        check_scope(con, "r2", partial(views.checked_rows, tmp_path), partial(counted_outcomes, tmp_path))
        found = sorted(con.execute(sql_text("checks", "documents_committed_once.sql")).fetchall())
    assert found == [("doc-n10a", 2), ("doc-old3", 2)]
    assert not index_path(tmp_path).exists()
    # Built again by a lookup, the index answers each counted outcome of these documents (not the fetch's, nor the
    # failed batch's, rejections; the reprocess batch's is left to the check).
    assert committed_doc_ids(tmp_path, ["doc-n9a"]) == {"doc-n9a"}
    assert sorted(counted_outcomes(tmp_path, ["doc-n10a", "doc-old4", "doc-n9a", "doc-rp"]) or []) == [
        ("doc-n10a", "n10"),
        ("doc-n10a", "n12"),
        ("doc-n9a", "n09"),
        ("doc-old4", "old"),
        ("doc-rp", "n12"),
        ("doc-rp", "rp"),
    ]


def test_a_run_s_end_holds_the_rows_a_grouped_check_reads_a_group_of_batches_at_a_time(tmp_path, monkeypatch):
    # Over the run's batches at once, mentions_have_articles' join held the text of every article the run wrote (and
    # the other grouped checks a key of each of its rows): the flow process's last ~240 MB of a 10,000-page run. At a
    # run's end each grouped check now reads the batches in groups of at most CHECK_GROUP_DOCUMENTS documents (their
    # markers' articles and rejections), each group's rows from its own files, and finds what the whole run gives.
    monkeypatch.setattr(query, "CHECK_GROUP_DOCUMENTS", 2)  # a marker here counts one article: two batches a group
    day = date(2024, 2, 1)
    append_rows(tmp_path, RUNS, [replace(run("r1", day), started_at=datetime.now(UTC))])
    for n in range(5):
        written = mentions(f"a{n}", "e-acme", 1)
        if n == 1:
            written = written * 2  # a mention written twice: mentions_unique
        if n == 3:
            written = mentions(f"a{n}", "e-acme", 2)  # the second past the end of the text: mentions_have_articles
        rows: dict = {ARTICLES: [article(f"a{n}", f"a{n}", day)], ENTITIES: [ACME], ENTITY_MENTIONS: written}
        commit(tmp_path, "r1", f"b{n}", day, rows)
    views.publish_views(tmp_path)
    grouped = {name.removesuffix(".sql"): sql_text("checks", name) for name in query.GROUPED_CHECKS}
    held: dict[str, list[int]] = {name: [] for name in grouped}  # per statement of a check: the articles it reads

    class Watched:
        """The connection, noting before each grouped check's statement the checked articles it can read."""

        def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
            self.con = con

        def execute(self, sql: str, parameters: object = None) -> duckdb.DuckDBPyConnection:
            for name, text in grouped.items():
                if sql == text:
                    readable = (
                        "SELECT count(*) FROM checked_articles WHERE batch_id IN (SELECT batch_id FROM check_batches)"
                    )
                    held[name].append(self.con.execute(readable).fetchall()[0][0])
            return self.con.execute(sql, parameters)

    with connect_views(tmp_path) as con:
        at_run_end = failed_checks_on(
            cast(duckdb.DuckDBPyConnection, Watched(con)), "r1", partial(views.checked_rows, tmp_path)
        )
        whole = failed_checks_on(con, "r1")  # every file, the run's batches at once
        assert con.execute("SELECT count(*) FROM check_batches").fetchall() == [(5,)]  # the scope left as it was
    assert at_run_end == whole == {"mentions_unique": 1, "mentions_have_articles": 1}
    assert held == {name: [2, 2, 1] for name in grouped}


def aggregated_rows(plan: dict) -> list[int]:
    """For each hash aggregate of a profiled query, the rows it was given (its children's)."""
    given = []
    for node in plan.get("children", []) + plan.get("operator", []):
        if "GROUP_BY" in str(node.get("type")):
            given.append(sum(int(child.get("intermediate_rows") or 0) for child in node.get("children", [])))
        given += aggregated_rows(node)
    return given


def test_a_run_s_top_entities_count_its_own_mentions_not_every_mention_of_the_archive(tmp_path):
    # Joined with the `entities` view, the run's top entities counted every mention of the archive (that view's
    # mention_count) to name the run's ten: the largest step of the flow process's memory at the end of a 3,000-page
    # run (round 30). Each of its aggregates now takes the run's mentions at most.
    archive(tmp_path)  # 200 old articles with a mention of Acme each, and 12 nights
    day = date(2024, 2, 1)
    new = [article("r3a", "r3a", day), article("r3b", "r3b", day)]
    rows: dict = {
        ARTICLES: new,
        ENTITIES: [ACME],
        ENTITY_MENTIONS: mentions("r3a", "e-acme", 2) + mentions("r3b", "e-acme", 1),
    }
    commit(tmp_path, "r3", "n99", day, rows)
    views.publish_views(tmp_path)
    top = sql_text("queries", "run_top_entities.sql").strip().rstrip(";")
    with connect_views(tmp_path) as con:
        query.run_scope(con, "r3")  # every file: the view's rows, not the files chosen at a run's end
        con.execute(sql_text("queries", "run_articles.sql"), ["r3"])
        assert con.execute(top, [10]).fetchall() == [(ACME.name, ACME.label, 3)]
        [(_, plan)] = con.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {top}", [10]).fetchall()
        archived = con.execute("SELECT count(*) FROM entity_mentions").fetchall()[0][0]
        named = con.execute("SELECT count(*) FROM _entities JOIN batches USING (batch_id) WHERE entity_id = 'e-acme'")
        acme_rows = named.fetchall()[0][
            0
        ]  # the rows its name is read from: a row a batch that saw it, as the view reads
    given = aggregated_rows(json.loads(plan))
    assert archived > 200 and acme_rows == 14 and given, given
    assert all(rows <= 3 or rows == acme_rows for rows in given), given  # the night's 3 mentions, not the archive's


# The run's numbers as the public views give them (the queries' text before round 31): the oracle of the run's own.
NUMBERS_BY_THE_VIEWS = {
    "entity_count": "SELECT count(DISTINCT m.entity_id) FROM entity_mentions AS m JOIN articles AS a USING (article_id)"
    " WHERE a.run_id = $1",
    "rejection_reasons": "SELECT stage, reason, count(*) FROM rejections WHERE run_id = $1 GROUP BY ALL"
    " ORDER BY 3 DESC, 1, 2",
    "top_entities": "SELECT e.name, e.label, count(*)::BIGINT AS mentions FROM entity_mentions AS m"
    " JOIN articles AS a USING (article_id) JOIN entities AS e USING (entity_id) WHERE a.run_id = $1"
    " GROUP BY ALL ORDER BY mentions DESC, e.name LIMIT 10",
    "top_figures": "SELECT f.surface, f.object, f.kind FROM figures AS f JOIN articles AS a USING (article_id)"
    " WHERE a.run_id = $1 ORDER BY coalesce(f.value, f.value_high) DESC NULLS LAST, f.surface LIMIT 10",
}


def test_a_run_s_numbers_are_read_from_its_own_files_and_are_the_views_with_the_older_files_unreadable(
    tmp_path, monkeypatch
):
    # The run's numbers read the `articles` and `entity_mentions` views, which join `_article_versions` (a row per
    # article of the archive) and scan every mention and figure file to find the run's. Now they read the run's own
    # rows, from the files its batches can lie in, and choose the versions the views show among them: the same
    # numbers with every older file of those tables unreadable. The run: a new version of an article of an earlier
    # run; an article committed twice by it (the first version's mentions and figure not counted); an article whose
    # document a later batch of the run rejects; a rejection a later batch of the run hides with an article; a
    # mention of an entity only an earlier run committed (named from every file of `entities`, as the view names it).
    monkeypatch.setattr(views, "WRITTEN_MARGIN", timedelta(0))  # the whole test takes less than the clock's margin
    archive(tmp_path, nights=6)
    bob = Entity("e-bob", "Bob Ray", "PERSON")
    commit(tmp_path, "r1", "n-bob", date(2024, 1, 20), {ENTITIES: [bob]})
    older = {name: set((tmp_path / "tables" / name).glob("**/*.parquet")) for name in NAMES}
    time.sleep(0.01)
    append_rows(tmp_path, RUNS, [replace(run("r2", date(2024, 2, 1)), started_at=datetime.now(UTC))])
    first, second = date(2024, 2, 1), date(2024, 2, 2)
    n4b = replace(article("n4b", "n4b", first), doc_id="doc-n4b-r2")
    p3, late = article("p3", "p3", first), article("late", "late", second)
    rows: dict = {
        ARTICLES: [article("p1", "p1", first), article("p2", "p2", first), p3, n4b],
        ENTITY_MENTIONS: mentions("p1", "e-acme", 2)
        + mentions("p2", "e-bob", 1)
        + mentions("p3", "e-acme", 5)
        + mentions("n4b", "e-bob", 1),
        FIGURES: [figure("p1"), figure("p3")],
        REJECTIONS: [
            Rejection("doc-late", "late.html", "read", "unsupported_type", ""),
            Rejection("doc-bad", "bad.html", "normalise", "too_short", ""),
        ],
    }
    commit(tmp_path, "r2", "r2-1", first, rows)
    rows = {
        ARTICLES: [replace(p3, doc_id="doc-p3-v2", published_date=second), late],
        ENTITY_MENTIONS: mentions("p3", "e-acme", 1),
        FIGURES: [replace(figure("late"), value=40.0)],
        REJECTIONS: [Rejection("doc-p2", "p2.html", "language", "unsupported_language", "")],
    }
    commit(tmp_path, "r2", "r2-2", second, rows)
    views.publish_views(tmp_path)
    with connect_views(tmp_path) as con:
        by_the_views = {name: con.execute(sql, ["r2"]).fetchall() for name, sql in NUMBERS_BY_THE_VIEWS.items()}
    assert by_the_views["entity_count"] == [(2,)]  # Acme (p1, p3's second version), Bob (n4b); not p2's Bob
    assert by_the_views["top_entities"] == [("Acme", "ORG", 3), ("Bob Ray", "PERSON", 1)]
    assert by_the_views["rejection_reasons"] == [("language", "unsupported_language", 1), ("normalise", "too_short", 1)]
    assert len(by_the_views["top_figures"]) == 2  # p1's and late's; not p3's first version's

    def numbers(read: report.RunReadback) -> dict[str, list]:
        return {
            "entity_count": [(read.entity_count,)],
            "rejection_reasons": read.rejection_reasons,
            "top_entities": read.top_entities,
            "top_figures": read.top_figures,
        }

    assert numbers(report.read_run(tmp_path, "r2")) == by_the_views  # every file
    for files in older.values():
        for name in files:
            name.write_bytes(b"not a Parquet file")
    with connect_views(tmp_path) as con, pytest.raises(duckdb.Error):
        con.execute("SELECT count(*) FROM entity_mentions").fetchall()
    at_run_end = report.read_run(tmp_path, "r2", checked_rows=partial(views.checked_rows, tmp_path))
    assert numbers(at_run_end) == by_the_views
