"""`newsetl search`: full-text search over the stories of the warehouse (warehouse/search.py does the work)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from enum import Enum
from typing import Annotated

import typer


class SearchFormat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"


def search(
    query: Annotated[
        str,
        typer.Argument(help='Words (all must match), "a phrase", OR, AND, NOT or -word, title:word; ranked by BM25.'),
    ],
    date_from: Annotated[
        str | None, typer.Option("--from", help="Only articles published on or after this date (YYYY-MM-DD).")
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", help="Only articles published on or before this date (YYYY-MM-DD).")
    ] = None,
    entity: Annotated[
        str | None, typer.Option("--entity", help="Only articles mentioning this entity (its canonical name).")
    ] = None,
    site: Annotated[str | None, typer.Option("--site", help="Only articles from this host (e.g. cnn.com).")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Stories to show.")] = 10,
    output: Annotated[SearchFormat, typer.Option("--format", "-f", help="Output format.")] = SearchFormat.text,
    warehouse: Annotated[
        str | None,
        typer.Option("--warehouse", "-w", help="Warehouse folder (default: $NEWSETL_WAREHOUSE or ./data)."),
    ] = None,
) -> None:
    """Search the articles; one result per story (its copies counted), best copy shown with a snippet."""
    from flows.cli import fail, settings_or_fail
    from warehouse.search import SearchError
    from warehouse.search import search as run_search

    settings = settings_or_fail(warehouse)
    try:
        results = run_search(
            settings.warehouse,
            query,
            date_from=parse_date(date_from, "--from"),
            date_to=parse_date(date_to, "--to"),
            entity=entity,
            site=site,
            limit=limit,
        )
    except (SearchError, FileNotFoundError, NotADirectoryError) as error:
        fail(str(error))
    typer.echo(render(results.to_pylist(), results.column_names, output), nl=False)


def parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        from flows.cli import fail

        fail(f"{option} {value!r} is not a date: give YYYY-MM-DD, e.g. {option} 2022-02-01")
        raise  # not reached: fail exits


def render(rows: list[dict], columns: list[str], output: SearchFormat) -> str:
    if output is SearchFormat.json:
        return json.dumps(rows, default=str, ensure_ascii=False, indent=1) + "\n"
    if output is SearchFormat.csv:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return buffer.getvalue()
    if not rows:
        return "no stories match\n"
    return "".join(render_story(row) for row in rows)


def render_story(row: dict) -> str:
    """One story in a few lines: rank, title, date, site and copies; the snippet; where the copy is."""
    facts = [str(row["published_date"] or "no date"), row["site"] or "no site"]
    if row["copies"] > 1:
        facts.append(f"{row['copies']} copies")
    return (
        f"{row['rank']}. {row['title'] or '(no title)'}  [{', '.join(facts)}; score {row['score']:.2f}]\n"
        f"   {row['snippet']}\n"
        f"   {row['url']}\n\n"
    )
