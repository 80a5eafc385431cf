"""A publish brings the stored story tables up to date with the batches committed since the last one, and
rebuilds them whole when what it recorded cannot vouch for them (warehouse/views.py `publish`)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest
from deltalake import DeltaTable

from tests.conftest import sql
from tests.story_fixtures import (
    ACME,
    append_batch_rows,
    article,
    commit,
    commit_copy_merging_a1_and_b1,
    commit_separate_stories,
    mark_committed,
    mentions,
    run,
)
from tests.test_stories import answers, answers_from_the_sql_alone
from transforms.records import DuplicateLink, Rejection
from warehouse import views
from warehouse.query import views_path
from warehouse.schemas import ARTICLES, DUPLICATE_LINKS, ENTITIES, ENTITY_MENTIONS, REJECTIONS, RUNS
from warehouse.store import append_rows, compact_tables, ensure_tables, table_path
from warehouse.views import publish, views_databases


def same_as_a_rebuild(warehouse: Path, scratch: Path) -> bool:
    """Whether every story question (and every stored table) answers as a database computed from every row."""
    return answers(warehouse) == answers_from_the_sql_alone(warehouse, scratch)


def test_incremental_publishes_equal_a_rebuild_after_each_batch(tmp_path):
    """New stories, a copy that merges two stories, a newer version of an article, a copy joining a merged
    story, rejections of shown articles (one of them a newer version, so the older one shows again): after
    each publish the stored tables are those a rebuild gives."""
    warehouse = tmp_path / "warehouse"
    ensure_tables(warehouse)
    commit_separate_stories(warehouse, ("a1", "b1", "d1", "e1"))
    first = publish(warehouse)
    assert first.rebuilt == "there is no views database yet"
    assert same_as_a_rebuild(warehouse, tmp_path)

    commit_copy_merging_a1_and_b1(
        warehouse, newer_b1=replace(article("b1", "b1", date(2024, 1, 2)), doc_id="doc-b1-v2", word_count=9)
    )
    second = publish(warehouse)
    assert second.rebuilt is None
    # a1, b1 (its new version) and c1 are one story; d1 and e1 were not touched.
    assert (second.batches, second.articles, second.stories) == (1, 3, 2)
    assert same_as_a_rebuild(warehouse, tmp_path)
    assert sql(warehouse, "select story_id, copies from stories where copies > 1") == [("a1", 3)]

    commit(
        warehouse,
        "r3",
        "b3",
        date(2024, 3, 1),
        {
            ARTICLES: [article("f1", "f1", date(2024, 1, 1)), article("g1", "g1", date(2024, 3, 2))],
            ENTITIES: [ACME],
            ENTITY_MENTIONS: mentions("f1", "e-acme", 4) + mentions("g1", "e-acme", 1),
            # f1 joins the merged story through b1 (not its root), and was published before its first copy.
            DUPLICATE_LINKS: [DuplicateLink("f1", "b1", 0.9)],
            # d1 goes; b1's newer version goes, so its first version is shown again (with its own mentions).
            REJECTIONS: [
                Rejection("doc-d1", "/archive/d1.html", "normalise", "too_short", "3 words"),
                Rejection("doc-b1-v2", "/archive/b1.html", "extract", "no_text", ""),
            ],
        },
    )
    third = publish(warehouse)
    assert third.rebuilt is None
    assert same_as_a_rebuild(warehouse, tmp_path)
    assert sql(warehouse, "select copies, story_date from stories where story_id = 'a1'") == [(4, date(2024, 1, 1))]
    assert sql(warehouse, "select count(*) from articles where article_id = 'd1'") == [(0,)]
    assert sql(warehouse, "select doc_id from articles where article_id = 'b1'") == [("doc-b1",)]


def test_a_publish_with_nothing_new_does_no_story_work(tmp_path):
    warehouse = tmp_path / "warehouse"
    ensure_tables(warehouse)
    commit(warehouse, "r1", "b1", date(2024, 1, 1), {ARTICLES: [article("a1", "a1", date(2024, 1, 1))]})
    publish(warehouse)
    views = views_path(warehouse)
    written = views.stat().st_mtime_ns

    again = publish(warehouse)  # no table moved: the published file stands as it is
    assert (again.rebuilt, again.batches, again.stories) == (None, 0, 0)
    assert views.stat().st_mtime_ns == written

    append_rows(warehouse, RUNS, [run("r1", date(2024, 1, 1))])  # a table moved, no batch was committed
    runs_only = publish(warehouse)
    assert (runs_only.rebuilt, runs_only.batches, runs_only.articles, runs_only.stories) == (None, 0, 0, 0)
    assert sql(warehouse, "select run_id from runs") == [("r1",)]
    assert same_as_a_rebuild(warehouse, tmp_path)


def test_a_missing_or_damaged_views_file_rebuilds(seeded_copy, tmp_path):
    warehouse, _ = seeded_copy
    views = views_path(warehouse)
    expected = answers(warehouse)

    views.unlink()  # the link alone: a views database beside it is brought up to date, as its state allows
    assert publish(warehouse).rebuilt is None
    assert answers(warehouse) == expected

    for database in [views, *views_databases(views).values()]:
        database.unlink()
    assert publish(warehouse).rebuilt == "there is no views database yet"
    assert answers(warehouse) == expected

    views.write_bytes(b"not a database" * 1000)
    damaged = publish(warehouse).rebuilt
    assert damaged is not None and damaged.startswith("the views database could not be brought up to date")
    assert answers(warehouse) == expected


def test_stored_tables_ahead_of_the_tables_rebuild(tmp_path):
    """Tables restored from a copy older than the last publish (a batch the views hold is gone), and a Delta
    restore of one table (rows removed): the stored tables are computed again from every row."""
    warehouse = tmp_path / "warehouse"
    ensure_tables(warehouse)
    commit(warehouse, "r1", "b1", date(2024, 1, 1), {ARTICLES: [article("a1", "a1", date(2024, 1, 1))]})
    publish(warehouse)
    shutil.copytree(warehouse / "tables", tmp_path / "older")
    commit(
        warehouse,
        "r2",
        "b2",
        date(2024, 2, 1),
        {
            ARTICLES: [article("c1", "a1", date(2024, 2, 1)), article("b1", "b1", date(2024, 2, 2))],
            ENTITIES: [ACME],
            ENTITY_MENTIONS: mentions("c1", "e-acme", 1),
            DUPLICATE_LINKS: [DuplicateLink("c1", "a1", 0.9)],
        },
    )
    assert publish(warehouse).rebuilt is None
    assert sql(warehouse, "select count(*) from articles") == [(3,)]
    append_rows(warehouse, RUNS, [run("r2", date(2024, 2, 1))])
    assert publish(warehouse).batches == 1  # the other views database too now holds b2
    assert not views_databases(views_path(warehouse)).keys() - {1, 2}

    shutil.rmtree(warehouse / "tables")
    shutil.copytree(tmp_path / "older", warehouse / "tables")
    behind = publish(warehouse)
    assert behind.rebuilt is not None and "went back" in behind.rebuilt
    assert sql(warehouse, "select article_id from articles") == [("a1",)]
    assert same_as_a_rebuild(warehouse, tmp_path)

    commit(warehouse, "r3", "b3", date(2024, 3, 1), {ARTICLES: [article("d1", "d1", date(2024, 3, 1))]})
    assert publish(warehouse).rebuilt is None
    articles = DeltaTable(str(table_path(warehouse, ARTICLES)))
    articles.restore(articles.version() - 1)  # d1's rows are gone, its marker stays
    restored = publish(warehouse)
    assert restored.rebuilt is not None and "rows changed or removed" in restored.rebuilt
    assert sql(warehouse, "select article_id from articles") == [("a1",)]
    assert same_as_a_rebuild(warehouse, tmp_path)


def test_a_lost_commit_rewritten_under_its_number_rebuilds(tmp_path):
    """The views recorded version n of a table; the table lost that commit and another took its number: the
    version did not go back, but the stored tables reflect rows the table no longer has."""
    warehouse = tmp_path / "warehouse"
    ensure_tables(warehouse)
    commit(warehouse, "r1", "b1", date(2024, 1, 1), {ARTICLES: [article("a1", "a1", date(2024, 1, 1))]})
    shutil.copytree(warehouse / "tables", tmp_path / "before")
    append_rows(warehouse, REJECTIONS, [Rejection("doc-x", "x", "read", "empty", "")], {"run_id": "r", "batch_id": "z"})
    publish(warehouse)
    shutil.rmtree(warehouse / "tables")
    shutil.copytree(tmp_path / "before", warehouse / "tables")
    append_rows(warehouse, REJECTIONS, [Rejection("doc-y", "y", "read", "empty", "")], {"run_id": "r", "batch_id": "y"})
    lost = publish(warehouse)
    assert lost.rebuilt is not None and "not the one published" in lost.rebuilt


def test_rows_appended_before_a_publish_and_committed_after_it_are_found(tmp_path):
    """A batch's rows appended before a publish listed the markers and its marker after (another thread commits
    while a publish runs), then the same with a compaction that merges them with older rows before the next
    publish: that publish, which reads only the files that can hold the new batches' rows, finds them."""
    warehouse = tmp_path / "warehouse"
    ensure_tables(warehouse)
    commit(warehouse, "r1", "b1", date(2024, 1, 1), {ARTICLES: [article("a1", "a1", date(2024, 1, 1))]})
    publish(warehouse)

    append_batch_rows(
        warehouse,
        "r2",
        "b2",
        {
            ARTICLES: [article("c1", "a1", date(2024, 1, 2))],
            ENTITIES: [ACME],
            ENTITY_MENTIONS: mentions("c1", "e-acme", 2),
            DUPLICATE_LINKS: [DuplicateLink("c1", "a1", 0.9)],
        },
    )
    assert publish(warehouse).batches == 0  # no marker yet: b2 is not shown
    mark_committed(warehouse, "r2", "b2", date(2024, 1, 2))
    assert publish(warehouse).batches == 1
    assert same_as_a_rebuild(warehouse, tmp_path)
    assert sql(warehouse, "select story_id, copies from stories") == [("a1", 2)]

    append_batch_rows(
        warehouse,
        "r3",
        "b3",
        {ARTICLES: [article("d1", "d1", date(2024, 1, 3))], ENTITY_MENTIONS: mentions("d1", "e-acme", 1)},
    )
    assert publish(warehouse).rebuilt is None
    assert sql(warehouse, "select count(*) from articles where article_id = 'd1'") == [(0,)]  # no marker yet
    mark_committed(warehouse, "r3", "b3", date(2024, 1, 3))
    compact_tables(warehouse, 1, 0)  # b3's rows now sit in a file with b1's and b2's
    compacted = publish(warehouse)
    assert (compacted.rebuilt, compacted.batches) == (None, 1)
    assert same_as_a_rebuild(warehouse, tmp_path)
    assert sql(warehouse, "select count(*) from story_entities where story_id = 'd1'") == [(1,)]


def test_articles_the_stored_version_cannot_stand_for_are_read_again(tmp_path):
    """An article none of whose versions is shown (its document rejected) comes back in a new version linked to
    another, and an article whose older version took a smaller cluster than its shown one gets a new copy: the
    clusters are named by every version's cluster (article_clusters), which the publish reads again."""
    warehouse = tmp_path / "warehouse"
    ensure_tables(warehouse)
    commit(
        warehouse,
        "r1",
        "b1",
        date(2024, 1, 1),
        {ARTICLES: [article("k1", "c-k", date(2024, 1, 1)), article("p1", "c-p", date(2024, 1, 1))]},
    )
    newer_p1 = replace(article("p1", "x-p", date(2024, 1, 1)), doc_id="doc-p1-v2")
    commit(
        warehouse,
        "r2",
        "b2",
        date(2024, 1, 2),
        {
            REJECTIONS: [Rejection("doc-k1", "/archive/k1.html", "extract", "no_text", "")],
            ARTICLES: [article("z1", "z1", date(2024, 1, 2)), newer_p1],
        },
    )
    publish(warehouse)
    assert sql(warehouse, "select count(*) from articles where article_id = 'k1'") == [(0,)]

    newer_k1 = replace(article("k1", "y-k", date(2024, 1, 3)), doc_id="doc-k1-v2")
    commit(
        warehouse,
        "r3",
        "b3",
        date(2024, 1, 3),
        {
            ARTICLES: [newer_k1, article("q2", "q2", date(2024, 1, 3))],
            DUPLICATE_LINKS: [DuplicateLink("k1", "z1", 0.9), DuplicateLink("q2", "p1", 0.9)],
        },
    )
    third = publish(warehouse)
    assert third.rebuilt is None
    assert same_as_a_rebuild(warehouse, tmp_path)
    merged = sql(warehouse, "select story_id, copies from stories where copies > 1 order by 1")
    assert merged == [("c-k", 2), ("c-p", 2)]


def test_publishes_of_two_warehouses_in_one_process_each_read_their_own_files(tmp_path):
    """One DuckDB instance writes every publish of a process (the Parquet footers it read serve the next). Two
    warehouses, one copied from the other (the same relative file names), published in turn: each shows its own
    rows, as a rebuild would, and between publishes the instance holds no views file and no temporary object."""
    first = tmp_path / "first"
    ensure_tables(first)
    commit(first, "r1", "b1", date(2024, 1, 1), {ARTICLES: [article("a1", "a1", date(2024, 1, 1))]})
    publish(first)
    second = tmp_path / "second"
    shutil.copytree(first, second)
    commit(second, "r2", "b2", date(2024, 1, 2), {ARTICLES: [article("b1", "b1", date(2024, 1, 2))]})
    commit(first, "r2", "b2", date(2024, 1, 2), {ARTICLES: [article("c1", "c1", date(2024, 1, 2))]})
    assert publish(second).rebuilt is None
    assert publish(first).rebuilt is None
    commit(second, "r3", "b3", date(2024, 1, 3), {ARTICLES: [article("d1", "d1", date(2024, 1, 3))]})
    assert publish(second).rebuilt is None

    assert sql(first, "select article_id from articles order by 1") == [("a1",), ("c1",)]
    assert sql(second, "select article_id from articles order by 1") == [("a1",), ("b1",), ("d1",)]
    assert same_as_a_rebuild(first, tmp_path)
    assert same_as_a_rebuild(second, tmp_path)
    instance = views._instance
    assert instance is not None
    attached = "SELECT database_name FROM duckdb_databases() WHERE NOT internal"
    assert instance.execute(attached).fetchall() == [("memory",)]
    assert instance.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary").fetchall() == [(0,)]
    assert instance.execute("SELECT count(*) FROM duckdb_views() WHERE temporary AND NOT internal").fetchall() == [(0,)]


def test_the_instance_is_dropped_once_gone_files_outnumber_those_in_use(tmp_path):
    """The publishing instance's Parquet metadata cache keeps the footers of the files it read: kept from
    batch to batch and over a compaction that replaced fewer files than the tables hold (the large files' footers
    stay cached), but once the files gone outnumber those in use the instance is dropped, so a long run does not
    hold the footers of every file it ever wrote. The views stay what a rebuild gives."""
    warehouse = tmp_path / "wh"
    ensure_tables(warehouse)
    day = date(2024, 1, 1)
    months = [date(2023, month, 1) for month in range(1, 13)]  # a file in each month's partition, never merged
    commit(warehouse, "r1", "b0", day, {ARTICLES: [article(f"m{n:02d}", f"m{n:02d}", m) for n, m in enumerate(months)]})
    publish(warehouse)
    first = views._instance
    for number in range(1, 3):  # a1 and a2: January 2024, a partition of their own
        commit(warehouse, "r1", f"b{number}", day, {ARTICLES: [article(f"a{number}", f"a{number}", day)]})
        publish(warehouse)
    assert views._instance is first  # nothing gone: the footers read stay cached

    in_use = len(views._instance_files)
    assert compact_tables(warehouse, min_files=1, retention_hours=0)  # 2 article files, 3 marker files -> 1 each
    commit(warehouse, "r1", "b3", day, {ARTICLES: [article("a3", "a3", day)]})
    assert publish(warehouse).rebuilt is None
    assert views._instance is first  # 5 files gone, 12 months' files and more in use
    for number in range(4, 24):
        commit(warehouse, "r1", f"b{number}", day, {ARTICLES: [article(f"a{number}", f"a{number}", day)]})
        publish(warehouse)  # each batch's files read, their footers cached
    assert views._instance is first
    assert compact_tables(warehouse, min_files=1, retention_hours=0)
    commit(warehouse, "r1", "b24", day, {ARTICLES: [article("a24", "a24", day)]})
    assert publish(warehouse).rebuilt is None
    assert views._instance is not None and views._instance is not first
    assert len(views._instance_files) < in_use + 4
    articles = sorted([(f"a{number}",) for number in range(1, 25)] + [(f"m{n:02d}",) for n in range(12)])
    assert sql(warehouse, "select article_id from articles order by 1") == articles
    assert same_as_a_rebuild(warehouse, tmp_path)


def test_a_publish_reads_only_the_markers_committed_since_the_last(tmp_path, caplog):
    """The published markers are kept whole in the views database: a publish reads the marker files added since
    (also after a compaction merged published markers into a new file), and its stored tables are a rebuild's."""
    warehouse = tmp_path / "warehouse"
    ensure_tables(warehouse)
    commit_separate_stories(warehouse)
    commit(warehouse, "r2", "b2", date(2024, 2, 1), {ARTICLES: [article("g1", "g1", date(2024, 2, 1))]})
    publish(warehouse)

    caplog.set_level("DEBUG", logger=views.__name__)
    commit(warehouse, "r3", "b3", date(2024, 3, 1), {ARTICLES: [article("e1", "e1", date(2024, 3, 1))]})
    assert publish(warehouse).batches == 1
    assert "reading 1 of 3 marker files" in caplog.text
    assert same_as_a_rebuild(warehouse, tmp_path)

    caplog.clear()
    commit(warehouse, "r4", "b4", date(2024, 4, 1), {ARTICLES: [article("f1", "e1", date(2024, 4, 1))]})
    compact_tables(warehouse, 1, 0)  # b4's marker now sits in one file with the published ones
    compacted = publish(warehouse)
    # b3 and b4: the views database written in place is the one published before b3 (the other one's)
    assert (compacted.rebuilt, compacted.batches) == (None, 2)
    assert "reading 1 of 1 marker files" in caplog.text
    assert same_as_a_rebuild(warehouse, tmp_path)
    published = "select count(*), count(distinct batch_id), count(committed_at) from newsetl_publish.batches"
    assert sql(warehouse, published) == [(4, 4, 4)]


# --- many publishes; a publish that fails or finds an older file; a reader during a publish --------------------


def commit_night(warehouse: Path, night: int) -> None:
    """Batch n<night>: two new articles, each a copy of an earlier one (so stories merge, night after night, also
    through articles already merged), one mentioning Acme; every third night a newer version of an earlier
    article, and every fourth a rejection of an earlier one's document."""
    day = date(2024, 1 + night // 28, 1 + night % 28)
    new = [f"n{night}a", f"n{night}b"]
    rows: dict = {
        ARTICLES: [article(new[0], new[0], day), article(new[1], new[1], day)],
        ENTITIES: [ACME],
        ENTITY_MENTIONS: mentions(new[0], "e-acme", 1 + night % 3),
    }
    if night:
        rows[DUPLICATE_LINKS] = [
            DuplicateLink(new[0], f"n{night - 1}a", 0.9),
            DuplicateLink(new[1], f"n{night // 2}b", 0.8),
        ]
    if night and night % 3 == 0:
        rows[ARTICLES].append(replace(article(f"n{night - 2}b", f"n{night - 2}b", day), doc_id=f"doc-v{night}"))
        rows[ENTITY_MENTIONS] += mentions(f"n{night - 2}b", "e-acme", 2)
    if night and night % 4 == 0:
        rows[REJECTIONS] = [Rejection(f"doc-n{night - 3}a", "/archive/x.html", "normalise", "too_short", "")]
    commit(warehouse, "r1", f"n{night:02d}", day, rows)


def key_number_faults(warehouse: Path, planted: str = "~another") -> list[tuple]:
    """What breaks the published views database's key numbers (warehouse/views.py KEY_NUMBERS): a key or a number
    listed twice, a hash not its key's (but for keys planted with another's), a stored row whose number is not its
    key's, or one with no number; empty when none does."""
    faults = "select 'key twice', key from newsetl_publish.key_numbers group by key having count(*) > 1"
    faults += " union all select 'number twice', no::varchar from newsetl_publish.key_numbers group by no"
    faults += " having count(*) > 1"
    faults += " union all select 'hash', key from newsetl_publish.key_numbers"
    faults += f" where key_hash <> md5_number_lower(key) and not ends_with(key, '{planted}')"
    for name, numbered in views.KEY_NUMBERS.items():
        for no, key in numbered.items():
            faults += (
                f" union all select '{name}.{no}', t.{key} from {name} as t"
                f" left join newsetl_publish.key_numbers as n on n.key = t.{key}"
                f" where n.no is distinct from t.{no}"
            )
    with duckdb.connect(str(views_path(warehouse)), read_only=True) as con:
        return con.execute(faults).fetchall()


def test_many_publishes_equal_a_rebuild(tmp_path):
    """Night after night (stories merging, newer versions, rejections, the rows each publish recomputes read by
    the next steps from those just computed: `__fresh`), the stored tables stay those a rebuild gives, and every
    stored row carries its key's number."""
    warehouse = tmp_path / "warehouse"
    ensure_tables(warehouse)
    commit_night(warehouse, 0)
    assert publish(warehouse).rebuilt is not None
    assert key_number_faults(warehouse) == []
    for night in range(1, 9):
        commit_night(warehouse, night)
        assert publish(warehouse).rebuilt is None
        assert same_as_a_rebuild(warehouse, tmp_path), f"after night {night}"
        assert key_number_faults(warehouse) == [], f"after night {night}"
    assert sql(warehouse, "select count(*) from stories where copies > 2") != [(0,)]


def test_a_key_sharing_another_keys_hash_takes_its_own_number(tmp_path):
    """Keys are found by their hash, then compared whole: another text with the same hash (planted for every key
    the nights write, those stored and those to come) neither lends a key its number nor has its rows replaced."""
    warehouse = tmp_path / "warehouse"
    ensure_tables(warehouse)
    commit_night(warehouse, 0)
    publish(warehouse)
    keys = [f"{prefix}n{night}{side}" for night in range(6) for side in "ab" for prefix in ("", "doc-")]
    keys += [f"doc-v{night}" for night in (3,)]
    for database in views_databases(views_path(warehouse)).values():
        with duckdb.connect(str(database)) as con:
            (top,) = con.execute("select max(no) from newsetl_publish.key_numbers").fetchone() or (0,)
            con.executemany(
                "insert into newsetl_publish.key_numbers values (md5_number_lower(?), ?, ?)",
                [(key, f"{key}~another", top + number) for number, key in enumerate(keys, start=1)],
            )
    for night in range(1, 6):
        commit_night(warehouse, night)
        assert publish(warehouse).rebuilt is None
        assert same_as_a_rebuild(warehouse, tmp_path), f"after night {night}"
        assert key_number_faults(warehouse) == [], f"after night {night}"


def test_an_older_views_file_restored_is_brought_up_to_date(tmp_path):
    """The views databases replaced behind the process's back by an older copy: the next publish brings one up
    to date from what it records, with the batches of the publishes it missed too."""
    warehouse = tmp_path / "warehouse"
    ensure_tables(warehouse)
    commit_night(warehouse, 0)
    publish(warehouse)
    older = tmp_path / "older.duckdb"
    shutil.copyfile(views_path(warehouse), older)
    for night in (1, 2):
        commit_night(warehouse, night)
        assert publish(warehouse).rebuilt is None
    for database in views_databases(views_path(warehouse)).values():
        shutil.copyfile(older, database)  # nights 1 and 2 are not in it
    commit_night(warehouse, 3)
    restored = publish(warehouse)
    assert (restored.rebuilt, restored.batches) == (None, 3)
    assert same_as_a_rebuild(warehouse, tmp_path)


def test_a_publish_whose_file_is_not_renamed_leaves_the_old_views(tmp_path, monkeypatch):
    """When the link to the new views database does not replace the old one (a failed rename, the process
    killed), the old views stand; the next publish brings the database written (its state says what it holds) up
    to date with the batch since."""
    warehouse = tmp_path / "warehouse"
    ensure_tables(warehouse)
    commit_night(warehouse, 0)
    publish(warehouse)
    commit_night(warehouse, 1)
    before = views_path(warehouse).read_bytes()

    def rename_fails(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(views.os, "replace", rename_fails)
    with pytest.raises(OSError):
        publish(warehouse)
    monkeypatch.undo()
    assert views_path(warehouse).read_bytes() == before
    commit_night(warehouse, 2)
    after = publish(warehouse)
    assert (after.rebuilt, after.batches) == (None, 1)
    assert same_as_a_rebuild(warehouse, tmp_path)


def test_a_reader_during_a_publish_sees_the_last_published_views(tmp_path, monkeypatch):
    """While a publish writes its copy of the views file, a reader opens the published one: it is not blocked,
    and sees the views as last published, whole."""
    warehouse = tmp_path / "warehouse"
    ensure_tables(warehouse)
    commit_night(warehouse, 0)
    publish(warehouse)
    commit_night(warehouse, 1)
    published = answers(warehouse)
    seen = []
    real_update = views._update_stored

    def update_while_reading(*args, **kwargs):
        seen.append(answers(warehouse))
        counts = real_update(*args, **kwargs)
        seen.append(answers(warehouse))
        return counts

    monkeypatch.setattr(views, "_update_stored", update_while_reading)
    assert publish(warehouse).rebuilt is None
    assert seen == [published, published]
    assert answers(warehouse) != published
    assert same_as_a_rebuild(warehouse, tmp_path)


# --- the views file is a link to one of two views databases, the other written in place ----------------------


def linked_database(warehouse: Path) -> Path:
    link = views_path(warehouse)
    assert link.is_symlink()
    return link.with_name(link.readlink().name)


def test_publishes_write_the_two_views_databases_in_turn_in_place(tmp_path):
    """After the second publish no views database is copied or created: each publish writes the one readers are
    not sent to, in place (the file the link named two publishes ago, the same inode), so what a publish writes is
    what changed, not the whole file. The one the link names has no write-ahead log beside it (a reader opening
    the link would look for `newsetl.duckdb.wal`)."""
    warehouse = tmp_path / "warehouse"
    ensure_tables(warehouse)
    named = []
    for night in range(6):
        commit_night(warehouse, night)
        publish(warehouse)
        database = linked_database(warehouse)
        named.append((database.name, database.stat().st_ino))
        assert not database.with_name(f"{database.name}.wal").exists()
        assert sorted(views_databases(views_path(warehouse))) == ([1] if night == 0 else [1, 2])
    assert named[2:] == [named[0], named[1]] * 2 and named[0] != named[1]
    assert same_as_a_rebuild(warehouse, tmp_path)


def read_articles(con) -> list[tuple]:
    return con.execute("select article_id, doc_id from articles order by 1").fetchall()


@pytest.mark.parametrize("where", ["this process", "another process"])
def test_a_reader_holding_an_older_views_database_keeps_reading_it_whole(tmp_path, where):
    """A reader that opened the views before two publishes holds the database the next publish would write in
    place: DuckDB's lock on it (in this process or another) makes that publish write a copy of the current one
    instead, and the reader reads the views it opened, unchanged, until it closes them."""
    warehouse = tmp_path / "warehouse"
    ensure_tables(warehouse)
    commit_night(warehouse, 0)
    publish(warehouse)
    commit_night(warehouse, 1)
    publish(warehouse)
    held = linked_database(warehouse)
    config: dict[str, str | bool | int | float | list[str]] = {"file_search_path": str(warehouse)}
    with contextlib.ExitStack() as stack:
        if where == "this process":
            reader = stack.enter_context(duckdb.connect(str(views_path(warehouse)), read_only=True, config=config))
            opened = read_articles(reader)
        else:
            opened = sql(warehouse, "select article_id, doc_id from articles order by 1")
            holder = subprocess.Popen(
                [sys.executable, "-c", HOLD_VIEWS, str(views_path(warehouse)), str(warehouse)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            ask, answer = holder.stdin, holder.stdout
            assert ask is not None and answer is not None
            stack.callback(holder.wait, 60)
            stack.callback(ask.close)
            assert answer.readline().strip() == "holding"
        for night in (2, 3):
            commit_night(warehouse, night)
            assert publish(warehouse).rebuilt is None
        assert linked_database(warehouse) != held and sorted(views_databases(views_path(warehouse))) == [1, 3]
        assert not held.exists()  # gone from the folder; the reader's open file stays readable
        if where == "this process":
            assert read_articles(reader) == opened
        else:
            assert ask is not None and answer is not None
            ask.write("read\n")
            ask.flush()
            assert json.loads(answer.readline()) == [list(row) for row in opened]
    assert sql(warehouse, "select article_id, doc_id from articles order by 1") != opened
    assert same_as_a_rebuild(warehouse, tmp_path)


# A reader in another process: opens the views read-only, says so, and on a line from stdin prints what it reads.
HOLD_VIEWS = """
import json, sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True, config={"file_search_path": sys.argv[2]})
print("holding", flush=True)
for _ in sys.stdin:
    rows = con.execute("select article_id, doc_id from articles order by 1").fetchall()
    print(json.dumps(rows), flush=True)
"""


@pytest.mark.parametrize("killed_in", ["_replace_stored_rows", "missing_views"])
def test_a_publish_killed_while_writing_a_views_database_leaves_the_views_usable(tmp_path, killed_in):
    """A publish killed (SIGKILL) half-way through bringing the other views database up to date, and one killed
    after writing it whole but before moving the link: readers see the last published views, and the next
    publish brings a views database up to date (the one half-written: DuckDB's log undoes what was not
    committed) and shows the new batches, as a rebuild would."""
    warehouse = tmp_path / "warehouse"
    ensure_tables(warehouse)
    for night in (0, 1):
        commit_night(warehouse, night)
        publish(warehouse)
    commit_night(warehouse, 2)
    published = answers(warehouse)
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_PUBLISH, str(warehouse), killed_in],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert answers(warehouse) == published
    commit_night(warehouse, 3)
    assert publish(warehouse).rebuilt is None
    assert answers(warehouse) != published
    assert same_as_a_rebuild(warehouse, tmp_path)


# A publish killed by SIGKILL when it enters the named function of warehouse/views.py.
KILLED_PUBLISH = """
import os, signal, sys
from pathlib import Path
from warehouse import views
warehouse, name = Path(sys.argv[1]), sys.argv[2]
real = getattr(views, name)
def killed(*args, **kwargs):
    if name == "_replace_stored_rows":
        real(*args, **kwargs)  # some stored rows replaced, uncommitted
    os.kill(os.getpid(), signal.SIGKILL)
setattr(views, name, killed)
views.publish(warehouse)
"""


def test_a_views_database_far_behind_the_published_one_is_replaced_by_a_copy(tmp_path):
    """Six batches published at once (a run's first publish after a gap): the other views database, which missed
    them, is not brought up to date with them again for the next batch; a copy of the published one is."""
    warehouse = tmp_path / "warehouse"
    ensure_tables(warehouse)
    for night in (0, 1):
        commit_night(warehouse, night)
        publish(warehouse)
    for night in range(2, 8):
        commit_night(warehouse, night)
    assert publish(warehouse).batches == 7  # in place: nights 1 to 7 (it missed night 1)
    linked = linked_database(warehouse)
    behind = {n: path for n, path in views_databases(views_path(warehouse)).items() if path != linked}
    commit_night(warehouse, 8)
    after = publish(warehouse)
    assert (after.rebuilt, after.batches) == (None, 1)
    assert linked_database(warehouse).name == ".newsetl.duckdb.3" and list(behind) == [2]
    assert not behind[2].exists()
    assert same_as_a_rebuild(warehouse, tmp_path)


def rows_per_row_group(database: Path) -> dict[str, list[int]]:
    """Each stored table of a views database (and the publish's own), with the rows of each of its row groups."""
    groups: dict[str, list[int]] = {}
    with duckdb.connect(str(database), read_only=True) as con:
        tables = con.execute("SELECT schema_name, table_name FROM duckdb_tables() WHERE NOT temporary").fetchall()
        for schema, name in tables:
            # One column's segments: a row group's rows are the sum of its segments' counts.
            counts = con.execute(
                f"SELECT row_group_id, sum(count) FROM pragma_storage_info('{schema}.{name}') "
                "WHERE column_id = 0 AND column_path = '[0]' GROUP BY row_group_id ORDER BY row_group_id"
            ).fetchall()
            groups[f"{schema}.{name}"] = [int(rows) for _, rows in counts]
    return groups


def test_the_views_databases_keep_their_row_groups_small_through_publishes(tmp_path, monkeypatch):
    """The stored tables are written in row groups of VIEWS_ROW_GROUP_ROWS rows at most, by a rebuild and by the
    publishes that bring a database up to date: a publish appends to a table's last row group and DuckDB's checkpoint
    writes that group again whole, so at DuckDB's default of 122,880 rows it rewrote every row of an archive of up to
    that many articles at each publish (docs/benchmarks.md, round 16)."""
    monkeypatch.setattr(views, "VIEWS_ROW_GROUP_ROWS", 2_048)  # DuckDB's smallest: a vector
    warehouse = tmp_path / "warehouse"
    ensure_tables(warehouse)
    for night in range(3):
        day = date(2024, 1, 1 + night)
        ids = [f"n{night}-{number:04d}" for number in range(1_500)]
        commit(warehouse, f"r{night}", f"b{night}", day, {ARTICLES: [article(i, i, day) for i in ids]})
        publish(warehouse)
        for database in views_databases(views_path(warehouse)).values():
            groups = rows_per_row_group(database)
            assert max(max(rows, default=0) for rows in groups.values()) <= 2_048, groups
        assert len(rows_per_row_group(linked_database(warehouse))["main._article_versions"]) >= night + 1
    assert same_as_a_rebuild(warehouse, tmp_path)
