"""The `newsetl` command: `run` ingests sources, `sql` queries the warehouse views."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from flows.cli_options import WarehouseOption
from flows.report_command import report as report_command
from flows.search_command import search as search_command
from flows.settings import (  # first: it sets Prefect's environment
    PREFECT_STARTUP_TIMEOUT_ENV,
    Settings,
    SettingsError,
    load_settings,
)

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Batch ETL for news archives: ingest documents, query articles, entities and figures.",
)

EXAMPLE_QUERY = "select name, label, mention_count from entities order by mention_count desc limit 10"


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def command_name() -> str:
    """How the user can call newsetl again: bare when it is on PATH, else the path they used."""
    invoked = Path(sys.argv[0])
    on_path = shutil.which("newsetl")
    if on_path and Path(on_path).resolve() == invoked.resolve():
        return "newsetl"
    try:
        return os.path.relpath(invoked)
    except ValueError:
        return str(invoked)


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"newsetl: error: {message}", err=True)
    raise typer.Exit(code)


def settings_or_fail(warehouse: str | None) -> Settings:
    """The settings of a command that reads a warehouse; invalid ones end the command in one line."""
    try:
        return load_settings(warehouse=warehouse)
    except SettingsError as error:
        fail(str(error))
        raise  # not reached: fail() exits


@app.command()
def run(
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, folders or globs of .html/.htm/.txt (optionally .gz), .warc/.warc.gz, URL lists "
            "(.urls or .txt of URLs), feeds and sitemaps (files or URLs), or page URLs. "
            "Default: the project's seeds/."
        ),
    ] = None,
    warehouse: WarehouseOption = None,
    batch_size: Annotated[int | None, typer.Option(help="Documents per batch (one commit each).")] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes for extraction and NER.")] = None,
    refresh: Annotated[
        bool,
        typer.Option(
            "--refresh",
            help="Fetch URLs again although their bytes are stored (conditional requests: "
            "an unchanged page costs a 304).",
        ),
    ] = False,
    lock_wait: Annotated[
        float | None,
        typer.Option(help="Seconds to wait when another run holds the warehouse (default: stop at once)."),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="ADDRESS",
            help="Run the NLP on a Dask cluster: tcp://host:8786, or local / local:N for a LocalCluster here.",
        ),
    ] = None,
) -> None:
    """Ingest SOURCES into the warehouse and print what the run did."""
    try:
        settings = load_settings(
            sources=sources,
            warehouse=warehouse,
            batch_size=batch_size,
            workers=workers,
            refresh=refresh,
            lock_wait_seconds=lock_wait,
            dask_address=dask,
        )
    except SettingsError as error:
        fail(str(error))
    if dask:  # the flow reads its settings again: it finds the option as NEWSETL_DASK_ADDRESS
        os.environ["NEWSETL_DASK_ADDRESS"] = dask
    check_warehouse(settings)

    from warehouse.sources import missing_sources

    missing = missing_sources(list(settings.sources))
    if missing:
        fail(f"source not found: {', '.join(missing)} (give existing files, folders or globs, or http(s) URLs)")
    check_ner_model(settings)
    start_prefect()

    from flows.ingest import ingest
    from warehouse.lock import WarehouseBusy

    try:
        with run_settings():
            result = ingest(
                sources=list(settings.sources),
                warehouse=str(settings.warehouse),
                batch_size=settings.batch_size,
                workers=settings.workers,
                refresh=settings.refresh,
                lock_wait_seconds=settings.lock_wait_seconds,
            )
    except WarehouseBusy as error:
        fail(str(error), code=3)
    print_report(result, warehouse)


@app.command()
def reprocess(
    warehouse: WarehouseOption = None,
    batch_size: Annotated[int | None, typer.Option(help="Documents per batch (one commit each).")] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes for extraction and NER.")] = None,
) -> None:
    """Extract every stored fetched page again (e.g. after an upgrade), without the network."""
    try:
        settings = load_settings(warehouse=warehouse, batch_size=batch_size, workers=workers)
    except SettingsError as error:
        fail(str(error))
    if not settings.warehouse.exists():
        fail(f"no warehouse at {settings.warehouse} (run `newsetl run` first, or pass --warehouse)")
    check_warehouse(settings)
    check_ner_model(settings)
    start_prefect()

    from flows.reprocess import reprocess as reprocess_flow
    from warehouse.lock import WarehouseBusy

    try:
        with run_settings():
            result = reprocess_flow(
                warehouse=str(settings.warehouse), batch_size=settings.batch_size, workers=settings.workers
            )
    except WarehouseBusy as error:
        fail(str(error), code=3)
    print_report(result, warehouse)


# Before a run starts Prefect (seconds), these answer what they can at once, each in one line:
# the warehouse (check_warehouse), the sources, the NER model; settings were validated on loading.


def check_warehouse(settings: Settings) -> None:
    """The warehouse is a folder (or can become one), no live run holds it, and it is not too new."""
    if (problem := not_a_folder(settings.warehouse)) is not None:
        fail(problem)
    if not settings.lock_wait_seconds:  # with a wait, the run itself waits for the holder
        from warehouse.lock import WarehouseBusy, check_not_busy

        try:
            check_not_busy(settings.warehouse)
        except WarehouseBusy as error:
            fail(str(error), code=3)

    from warehouse.version import write_refusal

    if (refusal := write_refusal(settings.warehouse)) is not None:
        fail(refusal)


def not_a_folder(warehouse: Path) -> str | None:
    """Why `warehouse` cannot be a warehouse folder: it, or the nearest part of its path that exists, is a file."""
    advice = "pass --warehouse with a folder, or set NEWSETL_WAREHOUSE"
    for path in (warehouse, *warehouse.parents):
        if path.is_dir():
            return None
        if path.exists():
            if path == warehouse:
                return f"warehouse {warehouse} is a file, not a folder ({advice})"
            return f"warehouse {warehouse} cannot be a folder: {path} is a file ({advice})"
    return None


def start_prefect() -> None:
    """Start Prefect's temporary server now, when no PREFECT_API_URL names one, so a start-up failure is one line.

    The flow would start it on its first call anyway, with a traceback on failure; started here, the
    flow finds it running (Prefect keeps one per process). The limit is PREFECT_SERVER_EPHEMERAL_STARTUP_
    TIMEOUT_SECONDS (newsetl's default in flows/settings.py).
    """
    import httpx
    from prefect.settings import (
        PREFECT_API_URL,
        PREFECT_SERVER_EPHEMERAL_ENABLED,
        PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS,
    )

    if PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
        return  # a long-lived server, or none allowed: Prefect's client reports either
    from prefect.server.api.server import SubprocessASGIServer

    try:
        SubprocessASGIServer().start()
    except (RuntimeError, httpx.HTTPError) as error:  # RuntimeError: timed out, or no free port
        timeout = PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value()
        cause = str(error).splitlines()[0] if str(error) else type(error).__name__
        fail(
            f"Prefect's temporary server did not start within {timeout} s ({cause[:200]}); set "
            f"{PREFECT_STARTUP_TIMEOUT_ENV} higher, or point PREFECT_API_URL at a running Prefect server: "
            "see docs/operations.md",
            code=1,
        )


@contextmanager
def run_settings() -> Iterator[None]:
    """Prefect's settings for a flow run this command starts: no heartbeats when no PREFECT_API_URL names a server.

    Then the run reports to the temporary server of this process (start_prefect), which ends with the process:
    nobody can wait for a heartbeat that stops, and a killed run is marked crashed by the next one
    (flows/recovery.py). Sent, they cost the end of every run 0-1 s: Prefect's heartbeat thread sleeps in steps
    of a second, and the flow run joins it (Prefect 3.9, `flow_engine._send_heartbeats`; docs/benchmarks.md,
    round 21). A run on a long-lived server (PREFECT_API_URL, a served deployment) keeps them.
    """
    from prefect.settings import PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    if PREFECT_API_URL.value():
        yield
        return
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield


def check_ner_model(settings: Settings) -> None:
    """An unknown NER model stops the run here, before Prefect starts, rather than at the first batch."""
    from transforms.entities import UnknownModel, check_models

    try:
        check_models(settings.pipeline.entities)
    except UnknownModel as error:
        fail(
            f"pipeline.entities.model or .models (NEWSETL_PIPELINE__ENTITIES__MODEL, ...__MODELS__<language>): "
            f"{error}; install it, or unset it for the default"
        )


def print_report(result, warehouse: str | None) -> None:
    counts = result.counts
    rate = counts.documents / result.seconds if result.seconds else 0.0
    lines = [
        "",
        f"newsetl run {result.run_id} finished in {result.seconds:.1f}s ({rate:.1f} documents/s)",
        f"  documents seen      {counts.documents}",
        f"  skipped as known    {counts.skipped}",
        f"  articles            {counts.articles}",
        f"  entities            {result.entities} ({counts.entity_mentions} mentions)",
        f"  figures             {counts.figures}",
        f"  rejections          {counts.rejections}",
    ]
    lines += [f"    {stage}/{reason}: {n}" for stage, reason, n in result.rejection_reasons]
    if result.skipped_in_sources:
        lines.append("  not documents (counted, not rejected)")
        lines += [f"    {what}: {n}" for what, n in result.skipped_in_sources.items()]
    lines += [
        f"  warehouse           {result.warehouse}",
        "",
        "Try:",
        f'  {command_name()} sql "{EXAMPLE_QUERY}"' + ("" if warehouse is None else f" --warehouse {warehouse}"),
    ]
    typer.echo("\n".join(lines))


@app.command()
def sql(
    query: Annotated[
        str,
        typer.Argument(
            help="SQL over the views: articles, entities, entity_mentions, figures, rejections, runs, batches."
        ),
    ],
    warehouse: WarehouseOption = None,
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Query the warehouse as it was: a commit number (newsetl history) or ISO time."),
    ] = None,
) -> None:
    """Run a read-only SQL query over the warehouse views (SELECT, DESCRIBE, SHOW, EXPLAIN; nothing that writes)."""
    import duckdb

    from warehouse.query import QueryRefused
    from warehouse.query import query as run_query

    settings = settings_or_fail(warehouse)
    try:
        if as_of is None:
            columns, rows = run_query(settings.warehouse, query)
        else:
            from warehouse.history import query_as_of

            columns, rows = query_as_of(settings.warehouse, query, as_of)
    except (FileNotFoundError, NotADirectoryError, QueryRefused, LookupError) as error:
        fail(str(error))
    except duckdb.PermissionException as error:
        fail(f"refused: newsetl sql reads only the warehouse's tables ({str(error).splitlines()[0]})")
    except duckdb.Error as error:
        fail(f"query failed: {str(error).splitlines()[0]}")
    typer.echo(render(columns, rows, output), nl=False)


@app.command()
def check(warehouse: WarehouseOption = None) -> None:
    """Run every SQL check (warehouse/sql/checks) over the whole warehouse; exit 1 if any finds rows.
    A run's end checks only what was written since the last checked run."""
    from warehouse.query import failed_checks

    settings = settings_or_fail(warehouse)
    try:
        failures = failed_checks(settings.warehouse)
    except (FileNotFoundError, NotADirectoryError) as error:
        fail(str(error))
    if not failures:
        typer.echo("every check passed")
        return
    for name, rows in sorted(failures.items()):
        typer.echo(f"check {name} failed: {rows} rows (warehouse/sql/checks/{name}.sql lists them)")
    raise typer.Exit(1)


@app.command()
def history(
    warehouse: WarehouseOption = None,
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
) -> None:
    """List the warehouse's commits (one per committed batch, oldest first) with their runs and counts;
    `newsetl sql --as-of COMMIT` queries the warehouse as it was at one."""
    from warehouse.history import history_rows

    settings = settings_or_fail(warehouse)
    try:
        columns, rows = history_rows(settings.warehouse)
    except (FileNotFoundError, NotADirectoryError) as error:
        fail(str(error))
    typer.echo(render(columns, rows, output), nl=False)


@app.command()
def export(
    directory: Annotated[Path, typer.Argument(help="Folder to write <view>.<format> files into (created if missing).")],
    warehouse: WarehouseOption = None,
    export_format: Annotated[str, typer.Option("--format", "-f", help="parquet, csv or jsonl.")] = "parquet",
    view: Annotated[
        list[str] | None, typer.Option("--view", help="A view to export (repeatable; default: every view).")
    ] = None,
    where: Annotated[
        str | None, typer.Option("--where", help="SQL condition on the rows of one --view, e.g. \"language = 'en'\".")
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="Export the warehouse as it was at a commit number or ISO time.")
    ] = None,
) -> None:
    """Write views to Parquet, CSV or JSON-lines files that DuckDB, pandas or a spreadsheet read back."""
    import duckdb

    from warehouse.export import ExportFormat, export_views
    from warehouse.query import QueryRefused

    settings = settings_or_fail(warehouse)
    if export_format not in ExportFormat.__members__:
        fail(f"unknown format {export_format!r}: give parquet, csv or jsonl")
    try:
        if as_of is None:
            exported = export_views(settings.warehouse, directory, ExportFormat(export_format), view or [], where)
        else:
            from warehouse.history import commits, find_commit, parse_as_of, views_as_of

            commit = find_commit(commits(settings.warehouse), parse_as_of(as_of))
            with views_as_of(settings.warehouse, commit) as views_file:
                exported = export_views(
                    settings.warehouse, directory, ExportFormat(export_format), view or [], where, views_file
                )
    except (FileNotFoundError, NotADirectoryError, QueryRefused, LookupError) as error:
        fail(str(error))
    except duckdb.Error as error:
        fail(f"export failed: {str(error).splitlines()[0]}")
    except OSError as error:
        fail(f"could not write {directory}: {error.strerror or error}")
    for item in exported:
        typer.echo(f"{item.path}\t{item.rows} rows")


@app.command()
def serve(
    warehouse: WarehouseOption = None,
) -> None:
    """Serve the `nightly` (cron from the settings) and `manual` deployments of `ingest` until stopped.

    Needs a Prefect API: PREFECT_API_URL (e.g. a `prefect server start`, or `make ui`).
    """
    settings = settings_or_fail(warehouse)
    if not os.environ.get("PREFECT_API_URL"):
        from prefect.settings import PREFECT_API_URL

        if not PREFECT_API_URL.value():
            fail(
                "no Prefect API to serve to: start one with 'make ui' (or 'prefect server start') and set "
                "PREFECT_API_URL=http://127.0.0.1:4200/api"
            )
    from prefect import serve as prefect_serve

    from flows.deployments import deployments

    typer.echo(
        f"serving ingest/nightly ({settings.schedule}, {settings.timezone.key}) and ingest/manual; "
        f"warehouse {settings.warehouse}; Ctrl-C stops"
    )
    prefect_serve(*deployments(settings), print_starting_message=False)


@app.command()
def config(
    warehouse: WarehouseOption = None,
) -> None:
    """Print the effective settings (parameters, NEWSETL_* environment, newsetl.toml, defaults) as a
    newsetl.toml: `newsetl config > newsetl.toml` keeps them."""
    from flows.settings import config_path, settings_toml

    settings = settings_or_fail(warehouse)
    path = config_path()
    typer.echo(
        f"# config file: {path.resolve()} ({'read' if path.is_file() else 'not found'})\n" + settings_toml(settings)
    )


def render(columns: list[str], rows: list[tuple], output: OutputFormat) -> str:
    if output is OutputFormat.json:
        records = [dict(zip(columns, row, strict=True)) for row in rows]
        return json.dumps(records, default=str, ensure_ascii=False, indent=1) + "\n"
    if output is OutputFormat.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return buffer.getvalue()
    return render_table(columns, rows)


def render_table(columns: list[str], rows: list[tuple], max_width: int = 60) -> str:
    """Aligned columns; long cells are cut with an ellipsis so a row stays on one line."""

    def cell(value: object) -> str:
        text = "NULL" if value is None else " ".join(str(value).split())
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    cells = [[cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    out = [" | ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)), "-+-".join("-" * w for w in widths)]
    out += [" | ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


app.command(name="search")(search_command)  # its body is in flows/search_command.py
app.command(name="report")(report_command)  # its body is in flows/report_command.py


def main() -> None:
    app()


if __name__ == "__main__":
    main()
