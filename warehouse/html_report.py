"""The HTML report's data side: read the published views, then write the page transforms/report_page.py renders.

The queries are files in sql/report/. The first two fill temporary tables (the period's stories, and
each entity once per story) on the read-only views connection; the others read them. Reads go through
`connect_views`, so a report can be written while a run commits.
"""

from __future__ import annotations

import os
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from transforms.report_page import Rejected, ReportData, RunRow, Summary, period_unit, render
from warehouse.query import connect_views, sql_names, sql_text

REPORT_FILE = "report.html"  # <warehouse>/report.html, where a run writes it when asked to
TOP_ENTITIES = 8
TOP_PAIRS = 15
TOP_FIGURES = 15
TOP_PLACES = 300


def _run(con: duckdb.DuckDBPyConnection, name: str, parameters: dict[str, Any]) -> list[tuple]:
    """Run sql/report/<name>.sql with the named parameters it uses ($date_from, ...); DuckDB refuses extra ones."""
    text = sql_text("report", f"{name}.sql")
    used = set(re.findall(r"\$(\w+)", text))
    return con.execute(text, {k: v for k, v in parameters.items() if k in used}).fetchall()


def has_coordinates(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the entities view has latitude and longitude (places get coordinates in schema version 7)."""
    columns = {row[0] for row in con.execute("DESCRIBE entities").fetchall()}
    return {"latitude", "longitude"} <= columns


def read_report_data(warehouse: Path, date_from: date | None = None, date_to: date | None = None) -> ReportData:
    """Everything the report shows, for stories dated (and runs started) between the two days, inclusive."""
    period: dict[str, Any] = {"date_from": date_from, "date_to": date_to}
    with connect_views(warehouse) as con:
        for name in sql_names("report"):
            if name[:2].isdigit():  # 00_stories.sql, 01_story_entities.sql: the temporary tables, in order
                _run(con, name.removesuffix(".sql"), period)
        [(stories, articles, entities, first_day, last_day, as_of)] = _run(con, "summary", period)
        unit = period_unit(first_day, last_day)
        parameters = {**period, "unit": unit}
        return ReportData(
            warehouse=str(warehouse),
            date_from=date_from,
            date_to=date_to,
            unit=unit,
            summary=Summary(stories, articles, entities, first_day, last_day, as_of),
            stories_by_site=_run(con, "stories_by_site", parameters),
            entity_timeline=[
                row[:3] for row in _run(con, "top_entities_timeline", {**parameters, "limit": TOP_ENTITIES})
            ],
            cooccurrences=_run(con, "cooccurrences", {"limit": TOP_PAIRS}),
            figures=_run(con, "figures_by_kind", {"limit": TOP_FIGURES}),
            runs=[RunRow(*row) for row in _run(con, "runs", period)],
            run_rejections=_run(con, "run_rejections", period),
            rejected=[Rejected(*row) for row in _run(con, "rejected", period)],
            places=_run(con, "places", {"limit": TOP_PLACES}) if has_coordinates(con) else None,
        )


def write_report(warehouse: Path, out: Path, date_from: date | None = None, date_to: date | None = None) -> Path:
    """Write the report to `out` atomically (a reader never sees half a page); returns the path written."""
    page = render(read_report_data(warehouse, date_from, date_to))
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(page)
        os.chmod(temporary, 0o644)  # a page to share, not a secret (mkstemp makes it 0600)
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return out
