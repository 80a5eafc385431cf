"""What a run did, read back from the views: its rejections and its top entities and figures.

The queries are files in sql/queries/ (run_*.sql).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from warehouse.query import query, sql_text


def _run_query(warehouse: Path, name: str, parameters: list[Any]) -> list[tuple]:
    _, rows = query(warehouse, sql_text("queries", f"{name}.sql"), parameters)
    return rows


def rejection_reasons(warehouse: Path, run_id: str) -> list[tuple[str, str, int]]:
    return _run_query(warehouse, "run_rejection_reasons", [run_id])


def top_entities(warehouse: Path, run_id: str, limit: int = 10) -> list[tuple[str, str, int]]:
    return _run_query(warehouse, "run_top_entities", [run_id, limit])


def top_figures(warehouse: Path, run_id: str, limit: int = 10) -> list[tuple[str, str | None, str]]:
    return _run_query(warehouse, "run_top_figures", [run_id, limit])


def entity_count(warehouse: Path, run_id: str) -> int:
    """Distinct canonical entities mentioned in the articles this run committed."""
    return int(_run_query(warehouse, "run_entity_count", [run_id])[0][0])
