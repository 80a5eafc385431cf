"""What a run did, read back from the views: its rejections and its top entities and figures.

The queries are files in sql/queries/ (run_*.sql). The end of a run reads them together with
`read_run`, on one connection: each connection opens the views database and lists every table's
files (~0.15 s each), a cost the same at 1 and 2 workers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import duckdb

from warehouse.query import connect_views, sql_text


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
        return RunReadback(
            entity_count=int(_rows(con, "run_entity_count", [run_id])[0][0]),
            rejection_reasons=_rows(con, "run_rejection_reasons", [run_id]),
            top_entities=_rows(con, "run_top_entities", [run_id, limit]),
            top_figures=_rows(con, "run_top_figures", [run_id, limit]),
        )


def rejection_reasons(warehouse: Path, run_id: str) -> list[tuple[str, str, int]]:
    return _run_query(warehouse, "run_rejection_reasons", [run_id])
