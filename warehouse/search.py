"""Full-text search over the committed articles: a tantivy index under `<warehouse>/search/`, ranked by BM25.

The index is derived data, read from the published views, so it never holds what the views do not:

- `<warehouse>/search/index/` is the tantivy index, one document per article (its newest committed
  version), and `<warehouse>/search/state.json` names the committed batches it holds. The state is written
  after the index commits, so a crash between the two leaves the state behind the index, never ahead:
  catching up indexes those batches again, which changes nothing (an article's entry is replaced, by id).
- `update_index` compares the state with the committed batches and indexes the articles of the batches it
  lacks. It rebuilds the index, beside the old one and swapped in whole, when the index is missing,
  unreadable, of another INDEX_SCHEMA, or claims a batch the views do not have (a warehouse restored from
  a backup). The run calls it after each batch; `search` calls it first, so a run that could not update
  the index (its failure is only logged) is caught up by the next run or search.
- The state also holds a stamp of the views database file the batches were compared in (inode,
  modification time, size: each publish writes a new file and renames it over the old). A search whose
  views file has that stamp, and whose index opens, is level with its views and skips the comparison;
  `update_index` always compares.
- One writer at a time: an exclusive `flock` on `<warehouse>/search/.lock` while updating, a shared one
  while searching. The run does not wait for it (a search catching up holds it; the next batch catches up).

A story is a near-duplicate cluster (`articles.cluster_id`): results are one row per story, its best-ranked
copy shown. Stories, versions and copy counts come from the views at search time, so a cluster that merged
since an article was indexed shows merged, and a hit on a version no longer shown is dropped.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import duckdb
import pyarrow as pa
import tantivy

from warehouse.heap import give_back_free_memory
from warehouse.query import connect_views, sql_text, views_path

SEARCH_DIR = "search"
INDEX_SCHEMA = 1  # bump when the fields below change: an index of another schema is rebuilt
WRITER_HEAP_BYTES = 64_000_000
ROWS_PER_READ = 2_000  # articles read from the views at a time while indexing
TITLE_BOOST = 2.0
SNIPPET_CHARS = 200
HIGHLIGHT = ("**", "**")  # around each matched term in a snippet

RESULT_SCHEMA = pa.schema(
    [
        ("rank", pa.int64()),
        ("score", pa.float64()),
        ("cluster_id", pa.string()),
        ("article_id", pa.string()),
        ("title", pa.string()),
        ("published_date", pa.date32()),
        ("site", pa.string()),
        ("url", pa.string()),
        ("copies", pa.int64()),
        ("snippet", pa.string()),
    ]
)


class SearchError(ValueError):
    """A search that cannot be answered: the message is one line that says what to do."""


@dataclass(frozen=True, slots=True)
class IndexUpdate:
    """What `update_index` did: batches newly indexed, articles written or removed, and whether it rebuilt."""

    batches: int
    articles: int
    rebuilt: bool
    busy: bool = False  # another process held the index; nothing was done


def index_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("article_id", stored=True, tokenizer_name="raw")
    builder.add_text_field("batch_id", stored=True, tokenizer_name="raw")  # which version was indexed
    builder.add_text_field("title", stored=True)
    builder.add_text_field("text", stored=True)  # stored for snippets
    builder.add_date_field("published", indexed=True, fast=True)
    builder.add_text_field("site", tokenizer_name="raw")
    builder.add_text_field("entity_id", tokenizer_name="raw")  # one value per entity mentioned
    return builder.build()


def site_of(url: str | None) -> str:
    """The host a --site filter matches: lower case, without a leading `www.`; empty without a URL.

    A bare host (what a user gives --site) is its own host."""
    if not url or not url.strip():
        return ""
    host = (urlsplit(url.strip()).hostname or "") if "://" in url else url.strip().split("/")[0]
    host = host.lower().rstrip(".")
    return host.removeprefix("www.")


def _paths(warehouse: Path) -> tuple[Path, Path, Path]:
    root = warehouse / SEARCH_DIR
    return root / "index", root / "state.json", root / ".lock"


@contextmanager
def _locked(warehouse: Path, mode: int) -> Iterator[bool]:
    """Hold the search folder's flock in `mode` (LOCK_EX/LOCK_SH, | LOCK_NB to not wait); yields whether held."""
    _, _, lock = _paths(warehouse)
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "a+b") as handle:
        try:
            fcntl.flock(handle, mode)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@dataclass(frozen=True, slots=True)
class _State:
    batches: frozenset[str]  # the committed batches the index holds
    views: str | None  # the stamp of the views database they were read from; None: not known


def _read_state(state: Path) -> _State | None:
    """What the index holds, or None when the state is missing, unreadable or of another schema."""
    try:
        data = json.loads(state.read_text(encoding="utf-8"))
        if data.get("index_schema") != INDEX_SCHEMA:
            return None
        views = data.get("views")
        return _State(frozenset(str(b) for b in data["batches"]), views if isinstance(views, str) else None)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _write_state(state: Path, batches: frozenset[str], views: str | None) -> None:
    temporary = state.with_name(f".{state.name}.{os.getpid()}.tmp")
    data = {"index_schema": INDEX_SCHEMA, "batches": sorted(batches), "views": views}
    temporary.write_text(json.dumps(data), encoding="utf-8")
    os.replace(temporary, state)


def _views_stamp(warehouse: Path) -> str | None:
    """The identity of the views database the views file links to: a publish moves the link to the other
    database, which it wrote (in place, so a newer modification time, or anew), so the stamp changes."""
    try:
        info = os.stat(views_path(warehouse))
    except OSError:
        return None
    return f"{info.st_ino}:{info.st_mtime_ns}:{info.st_size}"


@contextmanager
def _views(warehouse: Path) -> Iterator[tuple[duckdb.DuckDBPyConnection, str | None]]:
    """The read-only views connection, with the stamp of the file it opened (None when a publish raced it)."""
    before = _views_stamp(warehouse)
    with connect_views(warehouse) as con:
        yield con, before if _views_stamp(warehouse) == before else None


def _open_index(folder: Path) -> tantivy.Index | None:
    """The index in `folder`, or None when it is missing or damaged (its schema is checked by the state's)."""
    try:
        if not tantivy.Index.exists(str(folder)):
            return None
        index = tantivy.Index.open(str(folder))
        index.searcher()  # reads the segments' metadata: a damaged index fails here
    except (ValueError, OSError):
        return None
    return index


def _as_datetime(value: date | None) -> datetime | None:
    return None if value is None else datetime(value.year, value.month, value.day, tzinfo=UTC)


def index_document(row: dict[str, Any]) -> tantivy.Document:
    doc = tantivy.Document(
        article_id=row["article_id"], batch_id=row["batch_id"], title=row["title"] or "", text=row["text"] or ""
    )
    if (published := _as_datetime(row["published_date"])) is not None:
        doc.add_date("published", published)
    if site := site_of(row["url"]):
        doc.add_text("site", site)
    for entity_id in row["entity_ids"] or ():
        doc.add_text("entity_id", entity_id)
    return doc


def _index_articles(con: duckdb.DuckDBPyConnection, writer: tantivy.IndexWriter, article_ids: Sequence[str]) -> int:
    """Replace the index entries of these articles by their rows in the views (none when they left them)."""
    for article_id in article_ids:
        writer.delete_documents_by_term("article_id", article_id)
    cursor = con.execute(sql_text("queries", "search_index_rows.sql"), [list(article_ids)])
    columns = [d[0] for d in cursor.description]
    written = 0
    while rows := cursor.fetchmany(ROWS_PER_READ):
        for row in rows:
            writer.add_document(index_document(dict(zip(columns, row, strict=True))))
        written += len(rows)
    return written


def _catch_up(con: duckdb.DuckDBPyConnection, index: tantivy.Index, fresh: frozenset[str]) -> int:
    writer = index.writer(WRITER_HEAP_BYTES, 1)
    try:
        changed = con.execute(sql_text("queries", "search_changed_articles.sql"), [sorted(fresh)]).fetchall()
        written = _index_articles(con, writer, [row[0] for row in changed])
        writer.commit()
    except BaseException:
        writer.rollback()
        raise
    finally:
        writer.wait_merging_threads()
    return written


def update_index(warehouse: Path, wait: bool = True) -> IndexUpdate:
    """Bring the search index level with the committed batches the published views show (see the module doc).

    Raises FileNotFoundError when the warehouse has no views yet. With wait=False, returns at once (busy)
    when another process is updating or searching the index.
    """
    with _views(warehouse) as (con, stamp):
        update = _update(con, warehouse, wait, stamp)
    if update.articles:
        give_back_free_memory()  # tantivy's writer freed its heap in its threads' arenas, which nothing else reuses
    return update


def _update(con: duckdb.DuckDBPyConnection, warehouse: Path, wait: bool, stamp: str | None) -> IndexUpdate:
    folder, state_path, _ = _paths(warehouse)
    with _locked(warehouse, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB)) as held:
        if not held:
            return IndexUpdate(batches=0, articles=0, rebuilt=False, busy=True)
        committed = frozenset(
            row[0] for row in con.execute(sql_text("queries", "search_committed_batches.sql")).fetchall()
        )
        state = _read_state(state_path)
        index = _open_index(folder) if state is not None else None
        if index is not None and state is not None and state.batches <= committed:
            fresh = committed - state.batches
            if not fresh:
                if state.views != stamp:  # level with a newly published file: searches need not check again
                    _write_state(state_path, committed, stamp)
                return IndexUpdate(batches=0, articles=0, rebuilt=False)
            written = _catch_up(con, index, fresh)
            _write_state(state_path, committed, stamp)
            return IndexUpdate(batches=len(fresh), articles=written, rebuilt=False)
        # Missing, damaged, of another schema, or ahead of the views: build a new one beside it, swap it in.
        building = folder.with_name(f"{folder.name}.building")
        shutil.rmtree(building, ignore_errors=True)
        building.mkdir(parents=True)
        written = _catch_up(con, tantivy.Index(index_schema(), path=str(building), reuse=False), committed)
        state_path.unlink(missing_ok=True)  # no state while the folders swap: a crash here means rebuild
        old = folder.with_name(f"{folder.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        if folder.exists():
            os.replace(folder, old)
        os.replace(building, folder)
        _write_state(state_path, committed, stamp)
        shutil.rmtree(old, ignore_errors=True)
        return IndexUpdate(batches=len(committed), articles=written, rebuilt=True)


def _filters(
    schema: tantivy.Schema, date_from: date | None, date_to: date | None, site: str | None, entity_ids: Sequence[str]
) -> list[tantivy.Query]:
    """Each filter as a query that matches without scoring (BM25 ranks on the words alone)."""
    filters = []
    if date_from is not None or date_to is not None:
        filters.append(
            tantivy.Query.range_query(
                schema, "published", tantivy.FieldType.Date, _as_datetime(date_from), _as_datetime(date_to)
            )
        )
    if site is not None:
        filters.append(tantivy.Query.term_query(schema, "site", site_of(site)))
    if entity_ids:
        filters.append(tantivy.Query.term_set_query(schema, "entity_id", list(entity_ids)))
    return [tantivy.Query.const_score_query(f, 0.0) for f in filters]


def _highlighted(snippet: tantivy.Snippet) -> str:
    """The snippet's fragment with each matched term between HIGHLIGHT marks (tantivy gives byte ranges)."""
    fragment = snippet.fragment().encode("utf-8")
    pieces, at = [], 0
    for span in sorted(snippet.highlighted(), key=lambda r: r.start):
        pieces += [fragment[at : span.start], HIGHLIGHT[0].encode(), fragment[span.start : span.end]]
        pieces.append(HIGHLIGHT[1].encode())
        at = span.end
    pieces.append(fragment[at:])
    return " ".join(b"".join(pieces).decode("utf-8", errors="replace").split())


def _parse(index: tantivy.Index, text: str) -> tantivy.Query:
    if not text.strip():
        raise SearchError('empty search: give words, a "quoted phrase", or AND/OR/NOT, e.g. newsetl search "Javelin"')
    try:
        return index.parse_query(text, ["title", "text"], {"title": TITLE_BOOST}, conjunction_by_default=True)
    except ValueError as error:
        raise SearchError(
            f"cannot parse the search {text!r} ({str(error).splitlines()[0]}): close quotes and brackets, "
            'use words, "phrases", AND, OR, NOT, -word'
        ) from None


def search(
    warehouse: Path,
    text: str,
    date_from: date | None = None,
    date_to: date | None = None,
    entity: str | None = None,
    site: str | None = None,
    limit: int = 10,
) -> pa.Table:
    """The stories best matching `text` by BM25 (one row per story, its best copy), as an Arrow table
    DuckDB can query (`duckdb.sql("select * from results")`). Catches the index up first.

    Raises SearchError (one line) for a query that does not parse, an unknown entity, an empty warehouse,
    and FileNotFoundError / NotADirectoryError when there is no warehouse.
    """
    if limit < 1:
        raise SearchError(f"--limit must be at least 1, not {limit}")
    folder, state_path, _ = _paths(warehouse)
    with _views(warehouse) as (con, stamp):  # one connection: opening the views costs more than a search
        state = _read_state(state_path)
        # The index is level with these views when its state names their file and it opens; else catch up.
        if stamp is None or state is None or state.views != stamp or _open_index(folder) is None:
            _update(con, warehouse, wait=True, stamp=stamp)
        return _search(con, warehouse, folder, text, date_from, date_to, entity, site, limit)


def _search(
    con: duckdb.DuckDBPyConnection,
    warehouse: Path,
    folder: Path,
    text: str,
    date_from: date | None,
    date_to: date | None,
    entity: str | None,
    site: str | None,
    limit: int,
) -> pa.Table:
    with _locked(warehouse, fcntl.LOCK_SH):
        index = _open_index(folder)
        if index is None:  # removed between the update and now: the next search rebuilds it
            raise SearchError(f"the search index under {folder} went missing; search again")
        searcher = index.searcher()
        if searcher.num_docs == 0:
            raise SearchError(f"the warehouse {warehouse} holds no articles yet: run 'newsetl run' first")
        words = _parse(index, text)
        entity_ids: list[str] = []
        if entity is not None:
            entity_ids = [
                row[0] for row in con.execute(sql_text("queries", "search_entity_ids.sql"), [entity]).fetchall()
            ]
            if not entity_ids:
                raise SearchError(
                    f"no entity named {entity!r}: list names with newsetl sql "
                    f"\"select name, label from entities where name ilike '%{entity}%'\""
                )
        query = tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, q) for q in [words, *_filters(index.schema, date_from, date_to, site, entity_ids)]]
        )
        snippets = tantivy.SnippetGenerator.create(searcher, words, index.schema, "text")
        snippets.set_max_num_chars(SNIPPET_CHARS)
        rows = _best_per_story(con, searcher, query, snippets, limit)
    return pa.Table.from_pylist(rows, schema=RESULT_SCHEMA)


def _best_per_story(
    con: duckdb.DuckDBPyConnection,
    searcher: tantivy.Searcher,
    query: tantivy.Query,
    snippets: tantivy.SnippetGenerator,
    limit: int,
) -> list[dict[str, Any]]:
    """Walk the hits best first, keeping the first of each story, until `limit` stories or no more hits."""
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    offset, page = 0, max(50, limit * 5)
    while len(rows) < limit:
        hits = searcher.search(query, page, count=False, offset=offset).hits
        if not hits:
            break
        docs = [(score, searcher.doc(address)) for score, address in hits]
        ids = [doc.get_first("article_id") for _, doc in docs]
        versions = [doc.get_first("batch_id") for _, doc in docs]
        cursor = con.execute(sql_text("queries", "search_hit_stories.sql"), [ids, versions])
        columns = [d[0] for d in cursor.description]
        stories = {row[0]: dict(zip(columns, row, strict=True)) for row in cursor.fetchall()}
        for score, doc in docs:
            story = stories.get(doc.get_first("article_id"))
            if story is None or story["cluster_id"] in seen:
                continue  # a version no longer shown, or a story already listed with a better copy
            seen.add(story["cluster_id"])
            snippet = _highlighted(snippets.snippet_from_doc(doc)) or _opening(doc.get_first("text") or "")
            rows.append(
                {
                    "rank": len(rows) + 1,
                    "score": float(score),
                    "cluster_id": story["cluster_id"],
                    "article_id": story["article_id"],
                    "title": story["title"],
                    "published_date": story["published_date"],
                    "site": site_of(story["url"]) or story["sitename"],
                    "url": story["url"] or story["source"],  # a file has no URL: its path
                    "copies": story["copies"],
                    "snippet": snippet,
                }
            )
            if len(rows) == limit:
                break
        offset += page
    return rows


def _opening(text: str) -> str:
    """A snippet for a hit whose match is in the title only: the text's opening words."""
    words = " ".join(text.split())
    return words if len(words) <= SNIPPET_CHARS else words[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
