"""The lookup index's tables kept in generations (warehouse/generations.py): a batch's rows go into a small newest
generation, sealed and merged by tiers, each with a Bloom filter; the answers are those of one table of every committed
row, through seals, merges, compactions, a crash mid-merge and a rebuild (and of an index of the format before)."""

from __future__ import annotations

import dataclasses
import random
import sqlite3
from contextlib import closing

import pytest

from tests.test_lookups import article, page, write_batch
from transforms.reasons import Reason, Stage
from transforms.records import RawPage, Rejection, SiteLine
from warehouse import band_filters, generations, index
from warehouse.generations import ARTICLE_CLUSTERS, COPIES, GENERATIONAL, LINE_STORIES, OUTCOMES
from warehouse.lookups import StoredPages, committed_doc_ids, committed_site_chrome, latest_raw_pages, stored_pages
from warehouse.query import sql_text
from warehouse.store import compact_tables, ensure_tables

MODEL = "m"


def small_generations(monkeypatch, rows: int = 3, per_tier: int = 2) -> None:
    for spec in GENERATIONAL:
        monkeypatch.setitem(generations.SEAL_ROWS, spec.table, rows)
    monkeypatch.setattr(generations, "GENERATIONS_PER_TIER", per_tier)


@dataclasses.dataclass
class Expected:
    """What a scan of every committed row gives: doc ids done, each text hash's lowest (article, batch), each site
    line's stories, each URL's newest committed fetch (by the batch's commit day, then the fetch's) and its page."""

    done: set[str] = dataclasses.field(default_factory=set)
    sources: dict[str, tuple[str, str]] = dataclasses.field(default_factory=dict)
    stories: dict[str, set[str]] = dataclasses.field(default_factory=dict)
    fetches: dict[str, tuple[tuple[int, int], RawPage]] = dataclasses.field(default_factory=dict)
    asked: list[str] = dataclasses.field(default_factory=list)
    hashes: list[str] = dataclasses.field(default_factory=list)


def grow(tmp_path, nights: int, expected: Expected, rng: random.Random, first: int = 1) -> None:
    """Nights of 1-3 articles (texts and stories from small pools, so copies and shared lines recur) and rejections;
    every seventh batch crashes before its marker."""
    for n in range(first, first + nights):
        batch = f"b{n:03d}"
        docs = [f"d{n:03d}-{k}" for k in range(rng.randint(1, 3))]
        texts = {doc: f"t{rng.randint(1, 9)}" for doc in docs}
        clusters = {doc: f"c{rng.randint(1, 12)}" for doc in docs}
        articles = [
            dataclasses.replace(article(doc, clusters[doc]), text_hash=texts[doc], ner_model=MODEL) for doc in docs
        ]
        rejected = [
            Rejection(f"r{n:03d}", "r.html", Stage.NORMALISE, Reason.TOO_SHORT, "10 words"),
            Rejection(f"f{n:03d}", "f.html", Stage.PROCESS, Reason.BATCH_FAILED, "ValueError"),
        ]
        site_lines = [
            SiteLine("site", line, f"a-{doc}", line)
            for doc in docs
            for line in {f"own-{doc}", f"nav{rng.randint(1, 4)}", f"foot{rng.randint(1, 8)}"}
        ]
        # A fetch of each document and of the failed one (tried again: its page is read, not known), at URLs from a
        # small pool (fetched again night after night), none twice in a batch.
        fetched = n % 30 + 1
        urls = random.Random(n).sample(range(1, 13), len(docs) + 1)  # not from rng: the other rows as before
        pages = [
            dataclasses.replace(page(f"https://x.example/{url}", doc.encode(), fetched), doc_id=doc)
            for doc, url in zip([*docs, f"f{n:03d}"], urls, strict=True)
        ]
        marker = None if n % 7 == 0 else n % 28 + 1
        write_batch(
            tmp_path, batch, marker, articles=articles, rejections=rejected, site_lines=site_lines, raw_pages=pages
        )
        expected.asked += [*docs, f"r{n:03d}", f"f{n:03d}"]
        if marker is not None:
            expected.done |= {*docs, f"r{n:03d}"}  # a batch_failed rejection is tried again
            for doc in docs:
                lowest = expected.sources.get(texts[doc])
                expected.sources[texts[doc]] = min(lowest or (f"a-{doc}", batch), (f"a-{doc}", batch))
            for line in site_lines:
                expected.stories.setdefault(line.line_hash, set()).add(clusters[line.article_id.removeprefix("a-")])
            for fetch in pages:
                newest = expected.fetches.get(fetch.url)
                if newest is None or newest[0] < (marker, fetched):
                    expected.fetches[fetch.url] = ((marker, fetched), fetch)
        committed_doc_ids(tmp_path, docs)  # each night's catch-up


def assert_answers(tmp_path, expected: Expected, note: object = None) -> None:
    assert committed_doc_ids(tmp_path, [*expected.asked, "nope"]) == expected.done, note
    hashes = [f"t{number}" for number in range(11)]
    with index.current_index(tmp_path) as con:
        found = generations.probed_query(con, COPIES, sql_text("index", "copy_sources.sql"), hashes, (MODEL,))
    assert {text: (article_id, batch) for text, article_id, batch in found} == expected.sources, note
    for min_stories in (1, 2, 3):
        lines = {line for line, stories in expected.stories.items() if len(stories) >= min_stories}
        assert committed_site_chrome(tmp_path, min_stories) == lines, (note, min_stories)
    urls = [f"https://x.example/{url}" for url in range(15)]
    newest = {url: fetch for url, (_, fetch) in expected.fetches.items()}
    assert latest_raw_pages(tmp_path, urls) == newest, note
    known = frozenset(url for url, fetch in newest.items() if fetch.doc_id in expected.done)
    unread = {url: fetch for url, fetch in newest.items() if url not in known}
    assert known and unread, note  # both kinds asked
    assert stored_pages(tmp_path, urls) == StoredPages(known, unread), note


def generation_rows(tmp_path) -> dict[str, list[tuple[int, int, int]]]:
    """Per table: (gen, rows counted, rows there) of each generation that holds rows."""
    found = {}
    with closing(sqlite3.connect(index.index_path(tmp_path))) as con:
        for spec in GENERATIONAL:
            gen, rows = generations.newest(con, spec)
            counted = ([(gen, rows)] if rows else []) + generations.sealed(con, spec)
            found[spec.table] = [
                (gen, rows, con.execute(f"SELECT count(*) FROM {spec.table} WHERE gen = ?", (gen,)).fetchone()[0])
                for gen, rows in counted
            ]
    return found


def test_generational_lookups_answer_as_a_scan_of_the_committed_rows_through_seals_merges_and_a_rebuild(
    tmp_path, monkeypatch
):
    small_generations(monkeypatch, rows=3, per_tier=3)
    ensure_tables(tmp_path)
    expected, rng = Expected(), random.Random(3)
    for step in range(6):
        grow(tmp_path, 6, expected, rng, first=1 + 6 * step)
        assert_answers(tmp_path, expected, step)
    compact_tables(tmp_path, 1, 0)  # every row in new files: nothing read again into these tables, nothing lost
    assert_answers(tmp_path, expected, "compacted")
    index.wait_for_merges(tmp_path)  # the merger thread's merges done, its replaced generations deleted
    spread = generation_rows(tmp_path)
    for spec in GENERATIONAL:
        members = spread[spec.table]
        assert len(members) >= 2, (spec.table, members)  # the rows are in several generations, merged ones among them
        assert any(rows > 2 * spec.seal_rows for _, rows, _ in members), (spec.table, members)
        assert all(counted == there for _, counted, there in members), (spec.table, members)
    with closing(sqlite3.connect(index.index_path(tmp_path))) as con:
        filtered = {(table, gen) for table, gen in con.execute("SELECT tbl, gen FROM gen_filters")}
    assert filtered == {(table, gen) for table, members in spread.items() for gen, _, _ in members}
    index.delete_index(tmp_path)  # rebuilt in one catch-up: other generations, the same answers
    assert_answers(tmp_path, expected, "rebuilt")


def test_a_batch_writes_into_the_newest_generation_only_and_a_merge_takes_one_tier(tmp_path, monkeypatch):
    # One B-tree of every row put each of a batch's rows on a page of its own once the table was larger than the
    # batch; in generations the batch's rows all go into the newest, which holds a few batches' rows at most.
    small_generations(monkeypatch, rows=4, per_tier=3)
    monkeypatch.setattr(index, "MERGE_IN_BACKGROUND", False)  # the catch-up merges (the merger: test_index_merges)
    merges: list[tuple[str, list[int]]] = []
    real_merge = generations._merge

    def counted(con, spec, merging, into):
        merges.append((spec.table, [rows for _, rows in merging]))
        return real_merge(con, spec, merging, into)

    monkeypatch.setattr(generations, "_merge", counted)
    ensure_tables(tmp_path)
    expected, rng = Expected(), random.Random(8)
    for n in range(1, 41):
        before = generation_rows(tmp_path) if n > 1 else {}
        newest_before = {}
        if n > 1:
            with closing(sqlite3.connect(index.index_path(tmp_path))) as con:
                newest_before = {spec.table: generations.newest(con, spec)[0] for spec in GENERATIONAL}
        grow(tmp_path, 1, expected, rng, first=n)
        after = generation_rows(tmp_path)
        for spec in GENERATIONAL:
            assert all(counted == there for _, counted, there in after[spec.table]), (n, spec.table)
            with closing(sqlite3.connect(index.index_path(tmp_path))) as con:
                assert generations.newest(con, spec)[1] <= spec.seal_rows, (n, spec.table)  # sealed once past it
            # Every generation but the newest is as it was, or merged away.
            kept = {gen: there for gen, _, there in after[spec.table]}
            for gen, _, there in before.get(spec.table, []):
                if gen != newest_before[spec.table]:
                    assert kept.get(gen, there) == there, (n, spec.table, gen)
    assert_answers(tmp_path, expected)
    assert {table for table, _ in merges} >= {OUTCOMES.table, COPIES.table, ARTICLE_CLUSTERS.table}
    for table, merging in merges:
        spec = next(spec for spec in GENERATIONAL if spec.table == table)
        assert len(merging) == generations.GENERATIONS_PER_TIER, (table, merging)
        assert len({generations.tier(spec, rows) for rows in merging}) == 1, (table, merging)


class Killed(Exception):
    """The process stopped mid-merge (an exception the index does not take for a damaged file)."""


def test_a_generation_merge_cut_short_leaves_the_index_as_it_was(tmp_path, monkeypatch):
    small_generations(monkeypatch)
    monkeypatch.setattr(index, "MERGE_IN_BACKGROUND", False)
    ensure_tables(tmp_path)
    expected, rng = Expected(), random.Random(5)
    grow(tmp_path, 3, expected, rng)
    real_merge = generations._merge

    def killed(con, spec, merging, into):
        real_merge(con, spec, merging, into)  # merged, its sources deleted, then the process dies before the commit
        raise Killed

    monkeypatch.setattr(generations, "_merge", killed)
    before = generation_rows(tmp_path)
    with pytest.raises(Killed):
        grow(tmp_path, 8, expected, rng, first=4)
    assert generation_rows(tmp_path) == before
    monkeypatch.setattr(generations, "_merge", real_merge)
    assert_answers(tmp_path, expected)  # caught up from where it was
    index.delete_index(tmp_path)
    assert_answers(tmp_path, expected)


def test_a_lookup_probes_a_generation_only_for_keys_its_filter_may_hold(tmp_path, monkeypatch):
    small_generations(monkeypatch, rows=16, per_tier=4)
    # The probes are a temporary table of the lookup's kept connection: a merge ending in the background between the
    # lookup and the read below may open the next connection (seen once in CI, round 24); merges run inline here.
    monkeypatch.setattr(index, "MERGE_IN_BACKGROUND", False)
    ensure_tables(tmp_path)
    expected, rng = Expected(), random.Random(9)
    grow(tmp_path, 40, expected, rng)
    absent = [f"{random.Random(n).getrandbits(256):064x}" for n in range(500)]
    assert committed_doc_ids(tmp_path, ["d001-0", *absent]) == {"d001-0"} & expected.done
    with index.current_index(tmp_path) as con:
        probes = con.execute("SELECT gen, key FROM gen_probes").fetchall()
        held = generations.generations(con, OUTCOMES)
    assert len(held) >= 3
    # Not every key in every generation: a false positive now and then.
    assert len([key for _, key in probes if key in absent]) < 0.05 * len(held) * len(absent)


def test_hex_keys_are_filtered_by_their_first_bytes_and_others_by_a_hash_one_at_a_time_or_together():
    rng = random.Random(2)
    hex_keys = [f"{rng.getrandbits(256):064x}" for _ in range(50)] + [f"{rng.getrandbits(128):032x}" for _ in range(9)]
    others = ["d1", "nope", "ab cd" * 6, "0" * 23, "zz" + "0" * 30, "é" * 30]
    for keys in (hex_keys, hex_keys + others, others):
        one_at_a_time = [generations.key_digests([key]) for key in keys]
        assert (generations.key_digests(keys) == [row[0] for row in one_at_a_time]).all(), keys
    together = generations.key_digests(hex_keys)
    assert (together == band_filters.digests([bytes.fromhex(key[:24]) for key in hex_keys])).all()
    bits = band_filters.FilterCache(2)  # the oldest dropped past its size
    for token in ("a", "b", "c"):
        bits.get(token, lambda: bytes(8))
    assert len(bits.values()) == 2


def test_line_stories_keep_each_story_and_line_once_across_generations(tmp_path, monkeypatch):
    # A (story, line) pair counted in `chrome` is looked up in every generation before it counts again: a story whose
    # copies come night after night, its pairs sealed into older generations, still counts once per line.
    small_generations(monkeypatch, rows=2, per_tier=2)
    ensure_tables(tmp_path)
    for n in range(1, 13):
        doc = f"d{n:02d}"
        write_batch(
            tmp_path,
            f"b{n}",
            n,
            articles=[article(doc, "story")],
            site_lines=[SiteLine("site", line, f"a-{doc}", line) for line in ("nav", "foot", f"own{n}")],
        )
        committed_doc_ids(tmp_path, [doc])
    with closing(sqlite3.connect(index.index_path(tmp_path))) as con:
        pairs = con.execute("SELECT cluster_id, line_hash FROM line_stories").fetchall()
        counts = dict(con.execute("SELECT line_hash, stories FROM chrome").fetchall())
        assert len(generations.generations(con, LINE_STORIES)) >= 2  # the story's pairs in more than one
    assert sorted(pairs) == sorted(set(pairs)) and len(pairs) == 2 + 12
    assert counts == {}  # no line in two stories
    assert committed_site_chrome(tmp_path, 2) == frozenset()
    assert committed_site_chrome(tmp_path, 1) == {"nav", "foot", *(f"own{n}" for n in range(1, 13))}


def test_an_index_of_format_13_pages_keyed_by_url_is_rebuilt_with_pages_in_generations(tmp_path):
    ensure_tables(tmp_path)
    expected, rng = Expected(), random.Random(4)
    grow(tmp_path, 6, expected, rng)
    # Format 13's `pages`, one B-tree keyed by URL (here holding a fetch the tables do not have, and not the others).
    with closing(sqlite3.connect(index.index_path(tmp_path))) as con, con:
        con.execute("UPDATE meta SET value = '13' WHERE key = 'format'")
        con.execute("DROP TABLE pages")
        con.execute(
            "CREATE TABLE pages (url TEXT NOT NULL, batch_id TEXT NOT NULL, fetched_at INTEGER NOT NULL, "
            "doc_id TEXT NOT NULL, PRIMARY KEY (url, batch_id, fetched_at)) WITHOUT ROWID"
        )
        con.execute("INSERT INTO pages VALUES ('https://x.example/1', 'b001', 0, 'stale')")
        con.execute("DELETE FROM gen_filters WHERE tbl = 'pages'")
    assert_answers(tmp_path, expected, "rebuilt from format 13")
    with closing(sqlite3.connect(index.index_path(tmp_path))) as con:
        assert con.execute("SELECT value FROM meta WHERE key = 'format'").fetchone() == (index.FORMAT,)
        columns = [row[1] for row in con.execute("PRAGMA table_info(pages)")]
        assert columns[0] == "gen"
        assert con.execute("SELECT count(*) FROM pages WHERE doc_id = 'stale'").fetchone() == (0,)
