"""Keyed index tables kept in generations: a batch's rows land in a small B-tree range whatever the archive's size.

Why: `outcomes`, `copies`, `article_clusters`, `line_stories`, `one_story_lines` and `pages` are keyed by random
hashes (doc ids, text hashes, article, cluster and line ids) or by URL, in no order a batch's rows share. One B-tree of
every row puts each of a batch's ~200 rows on a page of its own once the table is larger than the batch, and every such
page is written to the log and the file at the commit: ~1,300 pages a batch at 101,000 articles against ~200 at 1,000
(docs/benchmarks.md, round 12).

So each of these tables has a `gen` column first in its primary key. A batch's rows go into the newest generation,
past `seal_rows` rows it is sealed (nothing moves: the next batches take the next number), and a tier's
GENERATIONS_PER_TIER generations are merged into one of the next tier, written once in key order at the table's end
(the tiers of the band runs, warehouse/index.py, for one table whose key starts with the generation). Each generation
has a Bloom filter of its keys (`gen_filters`, warehouse/band_filters.py), so a lookup probes a generation only for
the keys it may hold (`fill_probes`, then a query joining `gen_probes`): a probe per key found, whatever the number
of generations. A key may be in several generations (an article committed twice); the lookups take DISTINCT, the
lowest row or the minimum, which is the same over the generations as over one table. Everything a batch adds is
written inside the catch-up's transaction: a crash leaves the generations, their filters and their counts as they were.

A full tier's merge is not done by the catch-up that filled it (it cost ~0.19 s a batch at 101,000 articles when three
fell in one; docs/benchmarks.md, round 22): the catch-up writes it down (meta `<table>.gen_merge`, the generation it
will be, taken now) and the index's merger thread (warehouse/index.py, _Merger) does it while the batch's documents
are analysed, as it does the band runs': a range of rows at a time, one short transaction each (the new generation has
no filter yet, so no lookup probes it), then its filter stored and the list of generations changed in one transaction
(a lookup, which reads the filters and then the rows in one read transaction, sees the generations before or after),
then the rows of those it replaced deleted, one generation a transaction (`<table>.gen_dropping`). A merge killed at
any point leaves the generations listed as the last committed step left them, which the next merger goes on from.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from warehouse import band_filters
from warehouse.query import sql_text

GENERATIONS_PER_TIER = 8
# Rows of the merged generation the merger writes in one transaction (a range bounded by row keys sampled from every
# generation it merges, round 28): a catch-up waits at most about that long for the write lock.
MERGE_CHUNK_ROWS = 32_768


@dataclass(frozen=True, slots=True)
class Generational:
    """A keyed table kept in generations: its columns after `gen`, the first of them the key lookups probe by and
    its filters hold."""

    table: str
    columns: tuple[str, ...]

    @property
    def key(self) -> str:
        return self.columns[0]

    @property
    def seal_rows(self) -> int:
        return SEAL_ROWS[self.table]


OUTCOMES = Generational("outcomes", ("doc_id", "batch_id", "kind", "stage", "reason"))
COPIES = Generational("copies", ("text_hash", "ner_model", "article_id", "batch_id"))
ARTICLE_CLUSTERS = Generational("article_clusters", ("article_id", "cluster_id"))
LINE_STORIES = Generational("line_stories", ("cluster_id", "line_hash"))
ONE_STORY_LINES = Generational("one_story_lines", ("line_hash",))
# Each stored fetch by URL: keyed by URL in one B-tree, a batch's 200 fetches each took a page of their own (93 pages
# written a batch at 101,000 articles against 37 at 1,000; docs/benchmarks.md, round 15, lookup10).
PAGES = Generational("pages", ("url", "batch_id", "fetched_at", "doc_id"))
GENERATIONAL = (OUTCOMES, COPIES, ARTICLE_CLUSTERS, LINE_STORIES, ONE_STORY_LINES, PAGES)
# The rows past which a table's newest generation is sealed: a few batches' worth (that generation's pages are what a
# batch writes, so the fewer the better) but not so few that a lookup meets many generations. A batch adds ~200 rows
# to the first three (an article or a rejection per document) and a fetch per fetched document to `pages`, a few to ~20
# an article to line_stories and one_story_lines.
SEAL_ROWS = {
    "outcomes": 2_048,
    "copies": 2_048,
    "article_clusters": 2_048,
    "line_stories": 4_096,
    "one_story_lines": 4_096,
    "pages": 2_048,
}

# Filters read from `gen_filters`, by the token each write gives (the newest generation's after each batch; a sealed
# or merged one's never again). A few dozen generations over the four tables at 100,000 articles.
_FILTERS = band_filters.FilterCache(128)
# The filters of each table's generations stacked for one test (band_filters.Stack), by their tokens in gen order.
_STACKS: dict[tuple[str, ...], band_filters.Stack] = {}
_STACKS_SIZE = 16
_STACKS_LOCK = threading.Lock()


def meta_value(con: sqlite3.Connection, key: str) -> str | None:
    """The index's `meta` value under `key` (None when unset); warehouse.index reads its own keys with it too."""
    row = con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta_value(con: sqlite3.Connection, key: str, value: str) -> None:
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))


def sealed(con: sqlite3.Connection, spec: Generational) -> list[tuple[int, int]]:
    """The sealed and merged generations, oldest first: (gen, rows)."""
    value = meta_value(con, f"{spec.table}.gens")
    return [(gen, rows) for gen, rows in json.loads(value)] if value else []


def newest(con: sqlite3.Connection, spec: Generational) -> tuple[int, int]:
    """The generation that takes new rows, and its rows as counted when written (a count(*) would read them)."""
    return int(meta_value(con, f"{spec.table}.newest") or 1), int(meta_value(con, f"{spec.table}.newest_rows") or 0)


def generations(con: sqlite3.Connection, spec: Generational) -> list[int]:
    """Every generation that holds rows: the newest (when it does), then the sealed ones."""
    gen, rows = newest(con, spec)
    return ([gen] if rows else []) + [gen for gen, _ in sealed(con, spec)]


def tier(spec: Generational, rows: int) -> int:
    """A generation's tier by its rows: 1 below GENERATIONS_PER_TIER x seal_rows, one more each that many times."""
    level, bound = 1, spec.seal_rows * GENERATIONS_PER_TIER
    while rows >= bound:
        level, bound = level + 1, bound * GENERATIONS_PER_TIER
    return level


def append(con: sqlite3.Connection, spec: Generational, rows: Sequence[tuple], background: bool = False) -> None:
    """These rows (the table's columns after `gen`) into the newest generation, its filter extended with their keys;
    then it is sealed once past seal_rows and full tiers are merged (`background`: written down for the merger)."""
    if not rows:
        return
    gen, count = newest(con, spec)
    places = ", ".join("?" for _ in spec.columns)
    added = con.executemany(f"INSERT OR IGNORE INTO {spec.table} VALUES ({gen}, {places})", rows).rowcount
    if not added:  # every row there already: nothing to count or filter
        return
    count += added
    set_meta_value(con, f"{spec.table}.newest_rows", str(count))
    found = con.execute("SELECT bits FROM gen_filters WHERE tbl = ? AND gen = ?", (spec.table, gen)).fetchone()
    if found is not None and band_filters.fits(len(found[0]), count):
        bits = np.frombuffer(found[0], dtype=np.uint8).copy()
        band_filters.add(bits, key_digests([row[0] for row in rows]))
        _store_filter(con, spec, gen, bits)
    else:  # its first rows (the filter made at the size for seal_rows), or more at once than that (a rebuild)
        _build_filter(con, spec, gen, max(count, spec.seal_rows))
    _settle(con, spec, background)


def _build_filter(con: sqlite3.Connection, spec: Generational, gen: int, rows: int) -> None:
    """A generation's filter from its rows, a chunk of keys at a time."""
    _store_filter(con, spec, gen, _filter_bits(con, spec, gen, rows))


def _filter_bits(con: sqlite3.Connection, spec: Generational, gen: int, rows: int) -> np.ndarray:
    bits = np.zeros(band_filters.size_for(rows), dtype=np.uint8)
    cursor = con.execute(f"SELECT {spec.key} FROM {spec.table} WHERE gen = ?", (gen,))
    while chunk := cursor.fetchmany(65_536):
        band_filters.add(bits, key_digests([key for (key,) in chunk]))
    return bits


def _store_filter(con: sqlite3.Connection, spec: Generational, gen: int, bits: np.ndarray) -> None:
    con.execute(
        "INSERT OR REPLACE INTO gen_filters VALUES (?, ?, ?, ?)", (spec.table, gen, uuid.uuid4().hex, bits.tobytes())
    )


def _next_gen(con: sqlite3.Connection, spec: Generational) -> int:
    """A generation number no rows have: past the newest, the sealed ones, the merge under way's and those whose rows
    are still to delete."""
    taken = [newest(con, spec)[0], *(gen for gen, _ in sealed(con, spec)), *_dropping(con, spec)]
    if (job := _job(con, spec)) is not None:
        taken.append(job["into"])
    return max(taken) + 1


def _full_tier(spec: Generational, gens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The generations of the smallest tier that holds GENERATIONS_PER_TIER of them or more (none: [])."""
    tiers: dict[int, list[tuple[int, int]]] = {}
    for member in gens:
        tiers.setdefault(tier(spec, member[1]), []).append(member)
    full = [level for level, members in tiers.items() if len(members) >= GENERATIONS_PER_TIER]
    return tiers[min(full)] if full else []


def _settle(con: sqlite3.Connection, spec: Generational, background: bool = False) -> None:
    """Seal the newest generation once past seal_rows; then merge each tier that holds GENERATIONS_PER_TIER
    generations into one of the next (which may fill it in turn), smallest tier first, or (`background`) write down
    the merge for the merger thread (_plan_merge)."""
    gens = sealed(con, spec)
    before = list(gens)
    gen, count = newest(con, spec)
    next_gen = _next_gen(con, spec)
    if count > spec.seal_rows:
        gens.append((gen, count))
        set_meta_value(con, f"{spec.table}.newest", str(next_gen))
        set_meta_value(con, f"{spec.table}.newest_rows", "0")
        next_gen += 1
    if background:
        _plan_merge(con, spec, gens, next_gen)
    else:
        while merging := _full_tier(spec, gens):
            gens = [member for member in gens if member not in merging] + [_merge(con, spec, merging, next_gen)]
            next_gen += 1
    if gens != before:
        set_meta_value(con, f"{spec.table}.gens", json.dumps(gens))


def _merge_key(spec: Generational) -> str:
    return f"{spec.table}.gen_merge"


def _dropping_key(spec: Generational) -> str:
    return f"{spec.table}.gen_dropping"


def _job(con: sqlite3.Connection, spec: Generational) -> dict | None:
    value = meta_value(con, _merge_key(spec))
    if value is None:
        return None
    job = json.loads(value)
    job["gens"] = [tuple(member) for member in job["gens"]]
    return dict(job)


def _dropping(con: sqlite3.Connection, spec: Generational) -> list[int]:
    return [int(gen) for gen in json.loads(meta_value(con, _dropping_key(spec)) or "[]")]


def _plan_merge(con: sqlite3.Connection, spec: Generational, gens: list[tuple[int, int]], into: int) -> None:
    """When no merge of this table is under way and a tier is full, write down its merge for the merger: the
    generations, the one they become (`into`, a number no rows have) and its ranges (bounded by row keys), not
    chosen yet."""
    if _job(con, spec) is not None or not (merging := _full_tier(spec, gens)):
        return
    job = {"into": into, "gens": merging, "bounds": None, "done": 0, "rows": 0}
    set_meta_value(con, _merge_key(spec), json.dumps(job))


def _row_key(con: sqlite3.Connection, spec: Generational) -> list[str]:
    """The columns after `gen` of the table's primary key, in its order: what tells one row from another (all its
    columns but `pages`' doc_id)."""
    info = con.execute(f"PRAGMA table_info({spec.table})").fetchall()
    return [name for _, name, _, _, _, place in sorted(info, key=lambda column: column[5]) if place > 1]


@dataclass(frozen=True, slots=True)
class Sampled:
    """One source of a merge's rows in the order of its row keys, as `sampled_bounds` samples it: `first` selects
    its first row key from `parameters` and an offset, `after` the row key that many rows past a sample
    (`parameters`, the sample's columns, the offset); `as_bound` spells a sample as the merge's bounds are compared
    (in the same order as the source's rows)."""

    first: str
    after: str
    parameters: tuple = ()
    as_bound: Callable[[tuple], tuple] = tuple


def sampled_bounds(con: sqlite3.Connection, sources: Sequence[Sampled], chunk_rows: int) -> list[tuple]:
    """Bounds (as_bound's row keys, in order) that cut a merge of these sources into ranges of at most `chunk_rows`
    of their rows together, a range cut inside a key's rows where that key holds more (a story's lines in
    `line_stories`, a band key many articles share): cut by keys alone, one key could fill a range past any bound.

    Each source is sampled every `every` rows in its key order (SQLite steps over the rows between: ~0.1 us a
    row, against ~0.7 for each row read in Python), and the cuts are chosen among the samples of all of them: a range
    holding `a` samples of a source holds at most (a + 1) x every - 1 of its rows, so a range of at most `most`
    samples holds at most chunk_rows rows of the sources together. The generations' merges and the band runs'
    (warehouse/index.py) are cut so."""
    every = max(1, chunk_rows // (8 * len(sources)))
    most = max(1, (chunk_rows - len(sources) * (every - 1)) // every)
    samples: list[tuple] = []
    for source in sources:
        sample = con.execute(source.first, (*source.parameters, every - 1)).fetchone()
        while sample is not None:
            samples.append(source.as_bound(tuple(sample)))
            sample = con.execute(source.after, (*source.parameters, *sample, every - 1)).fetchone()
    # Python orders text as SQLite's BINARY collation does (code points, the order of their UTF-8 bytes).
    bounds: list[tuple] = []
    held = 0
    for sample in sorted(samples):
        if held >= most and (not bounds or sample > bounds[-1]):
            bounds.append(sample)
            held = 0
        held += 1
    return bounds


def _bounds(con: sqlite3.Connection, spec: Generational, merging: Sequence[tuple[int, int]]) -> list[list]:
    """Row keys (_row_key's values) that cut the merge of these generations into ranges of at most MERGE_CHUNK_ROWS
    rows (sampled_bounds). No lookup reads the new generation before every range is written, so where a range ends
    does not matter to them."""
    row_key = _row_key(con, spec)
    columns = ", ".join(row_key)
    places = ", ".join("?" for _ in row_key)
    first = f"SELECT {columns} FROM {spec.table} WHERE gen = ? ORDER BY {columns} LIMIT 1 OFFSET ?"
    after = (
        f"SELECT {columns} FROM {spec.table} WHERE gen = ? AND ({columns}) > ({places}) "
        f"ORDER BY {columns} LIMIT 1 OFFSET ?"
    )
    sources = [Sampled(first, after, (gen,)) for gen, _ in merging]
    return [list(bound) for bound in sampled_bounds(con, sources, MERGE_CHUNK_ROWS)]


def _merge_range(con: sqlite3.Connection, spec: Generational, job: dict, part: int) -> int:
    """The `part`-th range of the merge's generations written into its new one (a row in two of them once); the rows
    written. A bound is a row key (a merge written down before round 28 has keys alone: the first column of it)."""
    bounds = [bound if isinstance(bound, list) else [bound] for bound in job["bounds"]]
    row_key = _row_key(con, spec)
    where, parameters = [], []
    if part > 0:
        low = bounds[part - 1]
        where.append(f"({', '.join(row_key[: len(low)])}) >= ({', '.join('?' for _ in low)})")
        parameters += low
    if part < len(bounds):
        high = bounds[part]
        where.append(f"({', '.join(row_key[: len(high)])}) < ({', '.join('?' for _ in high)})")
        parameters += high
    columns = ", ".join(spec.columns)
    old = ", ".join(str(gen) for gen, _ in job["gens"])
    condition = "".join(f" AND {clause}" for clause in where)
    return int(
        con.execute(
            f"INSERT OR IGNORE INTO {spec.table} SELECT {int(job['into'])}, {columns} FROM {spec.table} "
            f"WHERE gen IN ({old}){condition} ORDER BY {columns}",
            parameters,
        ).rowcount
    )


def _still_listed(con: sqlite3.Connection, spec: Generational, job: dict) -> bool:
    """Whether every generation the merge reads is still listed; if not (merged by a catch-up that merges itself:
    MERGE_IN_BACKGROUND off), the merge is given up, what it wrote deleted, and the next one planned."""
    gens = sealed(con, spec)
    if all(member in gens for member in job["gens"]):
        return True
    con.execute("DELETE FROM meta WHERE key = ?", (_merge_key(spec),))
    set_meta_value(con, _dropping_key(spec), json.dumps([*_dropping(con, spec), job["into"]]))
    _plan_merge(con, spec, gens, _next_gen(con, spec))
    return False


def merge_step(con: sqlite3.Connection) -> bool:
    """One step of a generation merge written down by a catch-up, in its own short transaction: delete the rows of a
    generation a finished merge replaced; or choose the merge's ranges (by row keys); or write its next range; or, once
    every range is written, store the new generation's filter (computed before, outside the write lock: no lookup
    reads that generation yet) and list it in place of those it merged, then write down the next merge if that
    filled a tier. False when no table has anything to do. A step killed leaves the last committed one's state."""
    for spec in GENERATIONAL:
        if _dropping(con, spec):
            con.execute("BEGIN IMMEDIATE")
            if dropping := _dropping(con, spec):
                _drop_generation(con, spec, dropping[0])
                set_meta_value(con, _dropping_key(spec), json.dumps(dropping[1:]))
            con.execute("COMMIT")
            return True
        job = _job(con, spec)
        if job is None:
            continue
        if job["bounds"] is None:
            bounds = _bounds(con, spec, job["gens"])
            con.execute("BEGIN IMMEDIATE")
            if _job(con, spec) == job and _still_listed(con, spec, job):
                set_meta_value(con, _merge_key(spec), json.dumps({**job, "bounds": bounds}))
            con.execute("COMMIT")
            return True
        if job["done"] <= len(job["bounds"]):
            con.execute("BEGIN IMMEDIATE")
            if _job(con, spec) == job and _still_listed(con, spec, job):
                rows = _merge_range(con, spec, job, job["done"])
                set_meta_value(
                    con, _merge_key(spec), json.dumps({**job, "done": job["done"] + 1, "rows": job["rows"] + rows})
                )
            con.execute("COMMIT")
            return True
        bits = _filter_bits(con, spec, job["into"], job["rows"])
        con.execute("BEGIN IMMEDIATE")
        if _job(con, spec) == job and _still_listed(con, spec, job):
            merging = job["gens"]
            gens = [member for member in sealed(con, spec) if member not in merging] + [(job["into"], job["rows"])]
            old = ", ".join(str(gen) for gen, _ in merging)
            con.execute(f"DELETE FROM gen_filters WHERE tbl = ? AND gen IN ({old})", (spec.table,))
            _store_filter(con, spec, job["into"], bits)
            set_meta_value(con, f"{spec.table}.gens", json.dumps(gens))
            set_meta_value(con, _dropping_key(spec), json.dumps([*_dropping(con, spec), *(gen for gen, _ in merging)]))
            con.execute("DELETE FROM meta WHERE key = ?", (_merge_key(spec),))
            _plan_merge(con, spec, gens, _next_gen(con, spec))
        con.execute("COMMIT")
        return True
    return False


def _drop_generation(con: sqlite3.Connection, spec: Generational, gen: int) -> None:
    """The rows of a generation no list names any more (a merge replaced it, or gave up writing it)."""
    con.execute(f"DELETE FROM {spec.table} WHERE gen = ?", (gen,))


def merges_pending(con: sqlite3.Connection) -> bool:
    """A generation merge under way, or generations it replaced whose rows are still to delete."""
    return any(_job(con, spec) is not None or _dropping(con, spec) for spec in GENERATIONAL)


def _merge(con: sqlite3.Connection, spec: Generational, merging: list[tuple[int, int]], into: int) -> tuple[int, int]:
    """These generations' rows written as generation `into`, in key order at the table's end (a row in two of them
    once), in the ranges of rows the merger would write (_bounds: each statement sorts at most MERGE_CHUNK_ROWS rows,
    where one statement sorted the whole tier), and deleted with their filters. Inside the caller's transaction: the
    catch-up's own merge (an index built from nothing, MERGE_IN_BACKGROUND off)."""
    job: dict = {"into": into, "gens": merging, "bounds": _bounds(con, spec, merging)}
    rows = sum(_merge_range(con, spec, job, part) for part in range(len(job["bounds"]) + 1))
    old = ", ".join(str(gen) for gen, _ in merging)
    con.execute(f"DELETE FROM {spec.table} WHERE gen IN ({old})")
    con.execute(f"DELETE FROM gen_filters WHERE tbl = ? AND gen IN ({old})", (spec.table,))
    _build_filter(con, spec, into, rows)
    return into, rows


def key_digests(keys: Sequence[str]) -> np.ndarray:
    """band_filters.digests of these keys: a key that starts with 24 hex digits (doc ids and text hashes are SHA-256
    digests, article and cluster ids their first 32 hex digits) by those 12 bytes, random already; any other (tests'
    names, a URL-less rejection id is hex too) hashed. The keys of a batch in one conversion when all are hex."""
    prefix = 2 * band_filters.DIGEST
    try:
        joined = bytes.fromhex("".join(key[:prefix] for key in keys))
    except ValueError:
        joined = b""
    if len(joined) == band_filters.DIGEST * len(keys):  # each key gave 24 hex digits (whitespace would give fewer)
        return band_filters.digests_of_joined(joined)
    return band_filters.digests([_key_value(key) for key in keys])


def _key_value(key: str) -> str | bytes:
    """What key_digests takes of one key: its first 12 bytes when it starts with 24 hex digits, else the key."""
    try:
        value = bytes.fromhex(key[: 2 * band_filters.DIGEST])
    except ValueError:
        return key
    return value if len(value) == band_filters.DIGEST else key


def _stack(con: sqlite3.Connection, spec: Generational) -> tuple[list[int], band_filters.Stack]:
    """The table's generations that hold rows (each has a filter: written with its first rows, dropped with its last)
    and their filters stacked, made again only when one of them changed (the newest's after each batch)."""
    found = con.execute("SELECT gen, token FROM gen_filters WHERE tbl = ? ORDER BY gen", (spec.table,)).fetchall()
    tokens = tuple(token for _, token in found)
    with _STACKS_LOCK:
        stack = _STACKS.get(tokens)
    if stack is None:

        def load(gen: int) -> bytes:
            sql = "SELECT bits FROM gen_filters WHERE tbl = ? AND gen = ?"
            return bytes(con.execute(sql, (spec.table, gen)).fetchone()[0])

        stack = band_filters.Stack([_FILTERS.get(token, functools.partial(load, gen)) for gen, token in found])
        with _STACKS_LOCK:
            while len(_STACKS) >= _STACKS_SIZE:
                _STACKS.pop(next(iter(_STACKS)))
            _STACKS[tokens] = stack
    return [gen for gen, _ in found], stack


def clear_filters() -> None:
    """Drop the filters kept in memory (they are read again from the index when next needed)."""
    _FILTERS.clear()
    with _STACKS_LOCK:
        _STACKS.clear()


@functools.cache
def _fill_sql() -> str:
    """gen_probes.sql, read once: a lookup's fill costs ~0.1 ms, and reading the file ~0.02."""
    return sql_text("index", "gen_probes.sql")


def fill_probes(con: sqlite3.Connection, spec: Generational, keys: Sequence[str]) -> None:
    """The temporary table `gen_probes` holding (gen, key) for each generation of the table and each of these keys
    its filter may hold, which the table's keyed queries start from; one statement from a JSON object of each
    generation's keys."""
    con.execute(
        "CREATE TEMP TABLE IF NOT EXISTS gen_probes (gen INTEGER, key TEXT, PRIMARY KEY (gen, key)) WITHOUT ROWID"
    )
    con.execute("DELETE FROM gen_probes")
    if not keys:
        return
    gens, stack = _stack(con, spec)
    held: dict[int, list[str]] = {}
    if gens:
        rows, positions = np.nonzero(band_filters.Probe(key_digests(keys)).may_hold_each(stack))
        for row, position in zip(rows.tolist(), positions.tolist(), strict=True):
            held.setdefault(gens[row], []).append(keys[position])
    if held:
        con.execute(_fill_sql(), (json.dumps(held),))


def probed_query(con: sqlite3.Connection, spec: Generational, sql: str, keys: Sequence[str], parameters: tuple = ()):
    """Run this query (it reads `gen_probes`) with the probes of these keys in the table's generations, in one read
    transaction with the filters the probes came from (the merger may list a merged generation and delete the rows of
    those it replaced in between)."""
    with snapshot(con):
        fill_probes(con, spec, keys)
        return con.execute(sql, parameters).fetchall()


@contextmanager
def snapshot(con: sqlite3.Connection) -> Iterator[None]:
    """Reads in one transaction, so they see one state of the index (inside a catch-up's own: that one)."""
    if con.in_transaction:
        yield
        return
    con.execute("BEGIN")
    try:
        yield
    finally:
        con.execute("COMMIT")
