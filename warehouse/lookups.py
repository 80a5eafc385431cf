"""What the committed batches hold, read back while a run writes: each lookup is a file in sql/queries/.

A lookup runs on a scratch DuckDB connection where `_<table>` is the current snapshot of each table
it reads and `batches` is the committed-batches view of sql/views/10_batches.sql, so the rule
"only committed batches count" is written once, there. Lookups run once per batch: the connection
has only the snapshot views its query names.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from transforms.batches import RETRIED_STAGES, STAGE_NAMES, BatchCounts, run_summary
from transforms.reasons import Reason
from transforms.records import EntityMention, Figure, RawPage, RunSummary
from warehouse.query import sql_text
from warehouse.schemas import (
    ARTICLES,
    BATCHES,
    ENTITY_MENTIONS,
    FIGURES,
    LSH_BANDS,
    MINHASH_SIGNATURES,
    RAW_PAGES,
    REJECTIONS,
    RUNS,
    SITE_LINES,
    TableSpec,
)
from warehouse.store import table_files
from warehouse.views import snapshot_view_sql

R = TypeVar("R")

COMMITTED_BATCHES = "10_batches.sql"  # in sql/views/: defines `batches`


def committed_query(
    warehouse: Path, name: str, tables: Sequence[TableSpec], parameters: Sequence[Any] = ()
) -> tuple[list[str], list[tuple]]:
    """Run sql/queries/<name>.sql over the snapshots of `tables` and the committed `batches`."""
    with duckdb.connect() as con:
        for spec in (BATCHES, *(spec for spec in tables if spec is not BATCHES)):
            con.execute(snapshot_view_sql(spec, table_files(warehouse, spec)))
        con.execute(sql_text("views", COMMITTED_BATCHES))
        cursor = con.execute(sql_text("queries", f"{name}.sql"), list(parameters))
        columns = [d[0] for d in cursor.description] if cursor.description else []
        return columns, cursor.fetchall()


def committed_doc_ids(warehouse: Path, doc_ids: Iterable[str]) -> set[str]:
    """Which of these documents already became an article or a rejection in a committed batch.

    Rejections of a failed batch, and of inputs that could not be read or fetched, do not count:
    those are tried again.
    """
    wanted = sorted(set(doc_ids))
    if not wanted:
        return set()
    retried = [str(stage) for stage in RETRIED_STAGES]
    _, rows = committed_query(
        warehouse, "committed_doc_ids", (ARTICLES, REJECTIONS), [wanted, Reason.BATCH_FAILED, retried]
    )
    return {row[0] for row in rows}


def unfinished_runs(warehouse: Path, also: Iterable[str] = ()) -> list[RunSummary]:
    """Runs whose last row says running, and the run ids in `also` that have no row at all.

    Only meaningful while holding the warehouse lock: then none of them is still alive.
    Counts are what they committed (their batches) before they stopped; a run with no
    row has no start time (started_at None) for the caller to fill in.
    """
    _, rows = committed_query(warehouse, "unfinished_runs", (RUNS,), [sorted(set(also))])
    # A run cut short recorded no seconds per stage: unknown (NULL), not zero.
    untimed: dict[str, Any] = {f"seconds_{stage}": None for stage in STAGE_NAMES}
    return [
        dataclasses.replace(
            run_summary(
                run_id,
                started_at,
                "running",
                sources,
                BatchCounts(documents=seen, articles=int(articles), rejections=int(rejections)),
                int(batches),
            ),
            **untimed,
        )
        for run_id, started_at, sources, seen, articles, rejections, batches in rows
    ]


def raw_page_urls(warehouse: Path) -> list[str]:
    """Every URL with fetched bytes in a committed batch, in a stable order."""
    _, rows = committed_query(warehouse, "raw_page_urls", (RAW_PAGES,))
    return [row[0] for row in rows]


def latest_raw_pages(warehouse: Path, urls: Iterable[str]) -> dict[str, RawPage]:
    """The newest committed fetch of each of these URLs that has one."""
    wanted = sorted(set(urls))
    if not wanted:
        return {}
    columns, rows = committed_query(warehouse, "latest_raw_pages", (RAW_PAGES,), [wanted])
    names = [f.name for f in dataclasses.fields(RawPage)]
    pages = [RawPage(**{name: row[columns.index(name)] for name in names}) for row in rows]
    return {page.url: page for page in pages}


def committed_band_matches(
    warehouse: Path, band_keys: Iterable[str], scheme: str
) -> list[tuple[str, str, bytes, list[str]]]:
    """Committed articles sharing any of these LSH band keys: (article_id, cluster_id, signature, keys).

    Only signatures of the same scheme compare; only committed batches count, so the
    rows of a crashed batch are never anyone's earlier copy.
    """
    wanted = sorted(set(band_keys))
    if not wanted:
        return []
    _, rows = committed_query(warehouse, "committed_band_matches", (LSH_BANDS, MINHASH_SIGNATURES), [wanted, scheme])
    return [(article_id, cluster_id, bytes(signature), list(keys)) for article_id, cluster_id, signature, keys in rows]


def committed_site_chrome(warehouse: Path, min_stories: int) -> frozenset[str]:
    """Line hashes (transforms.boilerplate.line_hash) found in at least `min_stories` stories of their site.

    A story is a near-duplicate cluster as assigned at ingest, so copies count once.
    The `site_boilerplate` view shows the same counts with the lines.
    """
    _, rows = committed_query(warehouse, "committed_site_chrome", (ARTICLES, SITE_LINES), [min_stories])
    return frozenset(row[0] for row in rows)


def committed_copies(
    warehouse: Path, text_hashes: Iterable[str], model: str
) -> dict[str, tuple[list[EntityMention], list[Figure]]]:
    """The mentions and figures of a committed article with each of these normalised texts, found by
    the same NER model: an exact copy takes them over instead of paying for NER again.

    The entities those mentions name are in `entities` already (committed with the earlier article).
    Two keyed lookups: the articles by text hash, then the mentions and figures of exactly those
    article versions (article_id and the batch that wrote it).
    """
    wanted = sorted(set(text_hashes))
    if not wanted:
        return {}
    _, sources = committed_query(warehouse, "committed_copy_sources", (ARTICLES,), [wanted, model])
    if not sources:
        return {}
    pairs = [[article_id for _, article_id, _ in sources], [batch_id for _, _, batch_id in sources]]
    mentions = _records_by_version(warehouse, "committed_copy_mentions", ENTITY_MENTIONS, EntityMention, pairs)
    figures = _records_by_version(warehouse, "committed_copy_figures", FIGURES, Figure, pairs)
    return {
        text_hash: (mentions.get((article_id, batch_id), []), figures.get((article_id, batch_id), []))
        for text_hash, article_id, batch_id in sources
    }


def _records_by_version(
    warehouse: Path, query: str, spec: TableSpec, record: type[R], pairs: list[list[str]]
) -> dict[tuple[str, str], list[R]]:
    """Rows of `query` as records, grouped by (article_id, batch_id)."""
    columns, rows = committed_query(warehouse, query, (spec,), pairs)
    names = [f.name for f in dataclasses.fields(record)]  # type: ignore[arg-type]  # R is a dataclass record
    grouped: dict[tuple[str, str], list[R]] = {}
    for row in rows:
        values = dict(zip(columns, row, strict=True))
        key = (values["article_id"], values["batch_id"])
        grouped.setdefault(key, []).append(record(**{name: values[name] for name in names}))
    return grouped
