"""What a run did, read back from the views: its rejections and its top entities and figures.

The queries are files in sql/queries/ (run_*.sql). The end of a run reads them, and runs the SQL
checks, on one connection (`check_and_read_run`): each connection opens the views database and lists
every table's files (~0.15 s each), a cost the same at 1 and 2 workers, with both workers idle.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import duckdb

from warehouse.query import ArchiveOutcomes, CheckedRows, connect_views, failed_checks_on, sql_text


class RunReadback(NamedTuple):
    """A run's numbers as the views show them."""

    entity_count: int
    rejection_reasons: list[tuple[str, str, int]]
    top_entities: list[tuple[str, str, int]]
    top_figures: list[tuple[str, str | None, str]]


def _rows(con: duckdb.DuckDBPyConnection, name: str, parameters: list[Any]) -> list[tuple]:
    return con.execute(sql_text("queries", f"{name}.sql"), parameters).fetchall()


def _run_query(warehouse: Path, name: str, parameters: list[Any]) -> list[tuple]:
    with connect_views(warehouse) as con:
        return _rows(con, name, parameters)


def read_run(warehouse: Path, run_id: str, limit: int = 10) -> RunReadback:
    """All of a run's numbers on one connection to the views."""
    with connect_views(warehouse) as con:
        return _read_run_on(con, run_id, limit)


def check_and_read_run(
    warehouse: Path,
    run_id: str,
    limit: int = 10,
    views: Path | None = None,
    checked_rows: CheckedRows | None = None,
    archive_outcomes: ArchiveOutcomes | None = None,
) -> tuple[dict[str, int], RunReadback]:
    """The failing SQL checks over what the run wrote (`query.failed_checks_on`) and the run's numbers
    (`read_run`), on one connection.

    The numbers are those of the run's committed batches, so they are read before the run's `runs` row
    is written as they would be after it. `views`: a views database not yet published (the run's end).
    `checked_rows`: the files the checked batches' rows are read from (views.checked_rows; None: every file);
    `archive_outcomes`: the other batches' outcomes of their documents (lookups.counted_outcomes; None: the files')."""
    with connect_views(warehouse, views) as con:
        return failed_checks_on(con, run_id, checked_rows, archive_outcomes), _read_run_on(con, run_id, limit)


def _read_run_on(con: duckdb.DuckDBPyConnection, run_id: str, limit: int) -> RunReadback:
    return RunReadback(
        entity_count=int(_rows(con, "run_entity_count", [run_id])[0][0]),
        rejection_reasons=_rows(con, "run_rejection_reasons", [run_id]),
        top_entities=_rows(con, "run_top_entities", [run_id, limit]),
        top_figures=_rows(con, "run_top_figures", [run_id, limit]),
    )


def rejection_reasons(warehouse: Path, run_id: str) -> list[tuple[str, str, int]]:
    return _run_query(warehouse, "run_rejection_reasons", [run_id])
