"""What a run did, read back from the views: its rejections and its top entities and figures.

The queries are files in sql/queries/ (run_*.sql). The end of a run reads them, and runs the SQL
checks, on one connection (`check_and_read_run`): each connection opens the views database and lists
every table's files (~0.15 s each), a cost the same at 1 and 2 workers, with both workers idle.
They read the run's own rows (`checked_<table>`: at a run's end the files the checks chose for its
batches), not the public views, which choose each article's shown version over the whole archive.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import duckdb

from warehouse.query import ArchiveOutcomes, CheckedRows, connect_views, failed_checks_on, run_scope, sql_text


class RunReadback(NamedTuple):
    """A run's numbers as the views show them."""

    entity_count: int
    rejection_reasons: list[tuple[str, str, int]]
    top_entities: list[tuple[str, str, int]]
    top_figures: list[tuple[str, str | None, str]]


def _rows(con: duckdb.DuckDBPyConnection, name: str, parameters: list[Any]) -> list[tuple]:
    return con.execute(sql_text("queries", f"{name}.sql"), parameters).fetchall()


def read_run(warehouse: Path, run_id: str, limit: int = 10, checked_rows: CheckedRows | None = None) -> RunReadback:
    """All of a run's numbers on one connection to the views. `checked_rows`: the files its batches' rows are read
    from (views.checked_rows); None: every file."""
    with connect_views(warehouse) as con:
        run_scope(con, run_id, checked_rows)
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
    `checked_rows`: the files the checked batches' rows are read from (views.checked_rows; None: every file), and
    then the run's own batches' rows for its numbers (run_scope); `archive_outcomes`: the other batches' outcomes
    of their documents (lookups.counted_outcomes; None: the files')."""
    with connect_views(warehouse, views) as con:
        failures = failed_checks_on(con, run_id, checked_rows, archive_outcomes)
        run_scope(con, run_id, checked_rows)
        return failures, _read_run_on(con, run_id, limit)


def _read_run_on(con: duckdb.DuckDBPyConnection, run_id: str, limit: int) -> RunReadback:
    """The run's numbers from `checked_<table>` over the run's rows (query.run_scope): its shown
    article versions first (run_articles.sql), which the others read. Right for the run that wrote last, at its end
    (a later run's version or rejection of its rows would hide them in the views, and is not read)."""
    con.execute(sql_text("queries", "run_articles.sql"), [run_id])
    return RunReadback(
        entity_count=int(_rows(con, "run_entity_count", [])[0][0]),
        rejection_reasons=_rows(con, "run_rejection_reasons", [run_id]),
        top_entities=_rows(con, "run_top_entities", [limit]),
        top_figures=_rows(con, "run_top_figures", [limit]),
    )


def rejection_reasons(warehouse: Path, run_id: str) -> list[tuple[str, str, int]]:
    """The run's rejections by stage and reason, its rows read from every file (as read_run)."""
    with connect_views(warehouse) as con:
        run_scope(con, run_id)
        return _rows(con, "run_rejection_reasons", [run_id])
