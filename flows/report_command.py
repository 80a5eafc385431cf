"""`newsetl report`: write the self-contained HTML report (warehouse/html_report.py reads, transforms renders)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from flows.search_command import parse_date


def report(
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="HTML file to write (default: report.html in the warehouse folder)."),
    ] = None,
    date_from: Annotated[
        str | None, typer.Option("--from", help="Only stories dated (and runs started) on or after this day.")
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", help="Only stories dated (and runs started) on or before this day.")
    ] = None,
    warehouse: Annotated[
        str | None,
        typer.Option("--warehouse", "-w", help="Warehouse folder (default: $NEWSETL_WAREHOUSE or ./data)."),
    ] = None,
) -> None:
    """Write an HTML report with charts that opens offline: stories, entities, figures, places, runs, rejections."""
    import duckdb

    from flows.cli import fail, settings_or_fail
    from warehouse.html_report import REPORT_FILE, write_report

    settings = settings_or_fail(warehouse)
    first, last = parse_date(date_from, "--from"), parse_date(date_to, "--to")
    if first and last and first > last:
        fail(f"--from {first} is after --to {last}: give the earlier day first")
    target = out if out is not None else settings.warehouse / REPORT_FILE
    try:
        written = write_report(settings.warehouse, target, first, last)
    except (FileNotFoundError, NotADirectoryError) as error:
        fail(str(error))
    except OSError as error:
        fail(f"cannot write {target}: {error.strerror or error} (pass --out with a writable file)")
    except duckdb.Error as error:
        fail(f"reading the views failed: {str(error).splitlines()[0]} (is {settings.warehouse} a newsetl warehouse?)")
    typer.echo(f"wrote {written} (open it in a browser; it loads nothing from the network)")
