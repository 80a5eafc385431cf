"""The HTML report (`newsetl report`, warehouse/html_report.py, transforms/report_page.py, transforms/charts.py):
charts drawn with data in a real headless Chromium with the network blocked, no console errors, "no data"
notes on an empty warehouse, stories counted once, the period filter, and the run's markdown artifact."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from tests.conftest import sql
from transforms import charts
from transforms.report_page import period_starts, period_unit, series_by_period
from warehouse.html_report import has_coordinates, read_report_data, write_report
from warehouse.query import connect_views

CHROMIUM = shutil.which("chromium")
CHARTS = ("stories-by-site", "top-entities", "cooccurrences", "figures", "runs", "rejected", "places")
NO_NETWORK = re.compile(r"^(?!file:).*")


def warehouse_has_coordinates(warehouse: Path) -> bool:
    with connect_views(warehouse) as con:
        return has_coordinates(con)


def open_in_chromium(report: Path, screenshot: Path) -> dict:
    """Open the report with every non-file request aborted; what the page drew, and what went wrong."""
    from playwright.sync_api import sync_playwright

    problems: list[str] = []
    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900})

            def refuse(route) -> None:
                requests.append(route.request.url)
                route.abort()

            page.route(NO_NETWORK, refuse)
            page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
            page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
            page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
            page.goto(report.as_uri(), wait_until="load")
            drawn = page.evaluate(
                """() => Array.from(document.querySelectorAll('figure')).map(f => ({
                    chart: f.dataset.chart,
                    svgs: f.querySelectorAll('svg').length,
                    marks: f.querySelectorAll('svg [id*="-data"] path, svg [id*="-data"] use, '
                        + 'svg path[id*="-data"], svg use[id*="-data"]').length,
                    width: f.querySelector('svg') ? f.querySelector('svg').getBoundingClientRect().width : 0,
                }))"""
            )
            notes = page.locator(".no-data").all_inner_texts()
            page.screenshot(path=str(screenshot), full_page=True)
        finally:
            browser.close()
    print(f"report screenshot: {screenshot}")
    return {"charts": drawn, "notes": notes, "problems": problems, "requests": requests}


@pytest.fixture(scope="module")
def seeded_report(seeded_warehouse, tmp_path_factory) -> tuple[Path, Path]:
    warehouse, _ = seeded_warehouse
    out = tmp_path_factory.mktemp("report") / "report.html"
    result = CliRunner().invoke(app, ["report", "--out", str(out), "-w", str(warehouse)])
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.output
    return warehouse, out


@pytest.mark.skipif(CHROMIUM is None, reason="issue 6: Debian's chromium is not installed (make browser)")
def test_every_chart_renders_with_data_offline_in_chromium(seeded_report, tmp_path):
    warehouse, out = seeded_report
    seen = open_in_chromium(out, tmp_path / "report.png")
    assert seen["problems"] == [] and seen["requests"] == []
    drawn = {c["chart"]: c for c in seen["charts"]}
    expected = set(CHARTS) if warehouse_has_coordinates(warehouse) else set(CHARTS) - {"places"}
    # The seeds have no rejection: everything else draws, each chart one SVG with marks, laid out wide.
    expected -= {"rejected"}
    assert set(drawn) == expected
    for chart in drawn.values():
        assert chart["svgs"] == 1 and chart["marks"] > 0 and chart["width"] > 500, chart
    if warehouse_has_coordinates(warehouse):
        assert not any("coordinates" in note for note in seen["notes"])
    else:
        assert any(note.startswith("No coordinates yet") for note in seen["notes"])
    assert seen["notes"] == [n for n in seen["notes"] if "rejected" in n or "coordinates" in n]
    assert (tmp_path / "report.png").stat().st_size > 20_000


def test_report_counts_each_story_once(seeded_report):
    warehouse, out = seeded_report
    data = read_report_data(warehouse)
    [(articles, stories)] = sql(warehouse, "select count(*), count(distinct cluster_id) from articles")
    assert (data.summary.articles, data.summary.stories) == (articles, stories)
    assert stories < articles  # the seeds hold copies: the troops story twice, the harbour budget twice
    assert sum(n for *_, n in data.stories_by_site) == stories
    # An entity mentioned in both copies of a story (and many times in each) is in one story.
    assert all(n <= stories for _, _, n in data.entity_timeline)
    troops = [n for kind, obj, n in data.figures if kind == "count" and obj == "troops"]
    [(distinct_troop_figures,)] = sql(
        warehouse,
        "select count(distinct (a.cluster_id, f.value, f.value_low, f.value_high, f.unit)) from figures f "
        "join articles a using (article_id) where f.kind = 'count' and lower(f.object) = 'troops'",
    )
    assert troops == [distinct_troop_figures]
    html = out.read_text(encoding="utf-8")
    assert f"<dd>{stories:,}</dd>" in html and "http://" not in html.replace("http://www.w3.org/", "")


def test_period_filter_keeps_the_stories_of_those_days(seeded_report, tmp_path):
    warehouse, _ = seeded_report
    [(day, stories)] = sql(
        warehouse,
        "select min(published_date), count(distinct cluster_id) from articles where published_date = "
        "(select min(published_date) from articles)",
    )
    data = read_report_data(warehouse, day, day)
    assert data.summary.stories == stories and data.unit == "day"
    assert data.summary.first_day == data.summary.last_day == day
    later = read_report_data(warehouse, date(2999, 1, 1), None)
    assert later.summary.stories == 0 and later.runs == [] and later.entity_timeline == []


def test_report_of_an_empty_warehouse_says_no_data(tmp_path):
    from warehouse.store import ensure_tables
    from warehouse.views import publish_views

    warehouse = tmp_path / "empty"
    ensure_tables(warehouse)
    publish_views(warehouse)
    out = write_report(warehouse, tmp_path / "out" / "report.html")
    html = out.read_text(encoding="utf-8")
    assert "<figure" not in html and html.count("class=no-data") == len(CHARTS)
    if CHROMIUM is not None:
        seen = open_in_chromium(out, tmp_path / "empty-report.png")
        assert seen["problems"] == [] and seen["requests"] == [] and seen["charts"] == []
        assert len(seen["notes"]) == len(CHARTS)


def test_report_command_errors_are_one_line(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(app, ["report", "-w", str(tmp_path / "none")])
    assert missing.exit_code == 2 and "no views database" in missing.output
    backwards = runner.invoke(app, ["report", "-w", str(tmp_path), "--from", "2024-05-02", "--to", "2024-05-01"])
    assert backwards.exit_code == 2 and "--from 2024-05-02 is after --to 2024-05-01" in backwards.output
    bad = runner.invoke(app, ["report", "-w", str(tmp_path), "--to", "yesterday"])
    assert bad.exit_code == 2 and "is not a date" in bad.output


def test_charts_are_svg_with_marks_and_ids_of_their_own():
    day = date(2024, 3, 1)
    bars = charts.horizontal_bars("a", ["x", "y"], [3, 1], "n", ["k", "l"])
    again = charts.horizontal_bars("a", ["x", "y"], [3, 1], "n", ["k", "l"])
    other = charts.horizontal_bars("b", ["x", "y"], [3, 1], "n")
    places = charts.place_map("map", [2.35, -74.0, 30.5], [48.85, 40.7, 50.45], [5, 2, 1], ["Paris", "New York"])
    lines = charts.lines_over_time("t", [day], {"Kyiv": [2]}, "stories")
    assert bars == again  # no date, no random id: the same data gives the same page
    for svg, name in ((bars, "a"), (other, "b"), (places, "map"), (lines, "t")):
        assert svg.startswith("<svg") and "<?xml" not in svg and "<metadata" not in svg
        ids = re.findall(r'\bid="([^"]+)"', svg)
        assert ids and all(i.startswith(f"{name}-") for i in ids) and len(ids) == len(set(ids))
        assert any("-data" in i for i in ids)
    assert set(re.findall(r'id="([^"]+)"', bars)).isdisjoint(re.findall(r'id="([^"]+)"', other))
    assert "Paris" in places and "New York" in places and ">30<" in places  # a named place, a graticule label


def test_periods_and_series():
    assert period_unit(date(2024, 1, 1), date(2024, 2, 1)) == "day"
    assert period_unit(date(2024, 1, 1), date(2025, 1, 1)) == "week"
    assert period_unit(date(2020, 1, 1), date(2025, 1, 1)) == "month"
    assert period_starts(date(2024, 1, 31), date(2024, 3, 2), "month") == [
        date(2024, 1, 1),
        date(2024, 2, 1),
        date(2024, 3, 1),
    ]
    assert period_starts(date(2024, 5, 8), date(2024, 5, 14), "week") == [date(2024, 5, 6), date(2024, 5, 13)]
    periods = [date(2024, 1, 1), date(2024, 1, 2)]
    rows = [("b", periods[1], 2), ("a", periods[0], 1), ("c", periods[0], 4)]
    assert series_by_period(rows, periods, keep=["a", "b"]) == {"b": [0, 2], "a": [1, 0], "other": [4, 0]}


def test_run_publishes_a_markdown_artifact_with_its_numbers(seeded_warehouse):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    warehouse, run_report = seeded_warehouse
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["run-report"])))
    [artifact] = [a for a in artifacts if str(a.flow_run_id) == run_report.run_id]
    assert artifact.type == "markdown"
    text = str(artifact.data)
    assert f"| articles | {run_report.counts.articles} |" in text
    assert f"| documents | {run_report.counts.documents} |" in text
    assert "newsetl report" in text and str(warehouse) in text


def test_a_run_writes_the_report_when_the_setting_asks(prefect_server, tmp_path, monkeypatch):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    from flows.ingest import ingest
    from tests.conftest import SEEDS_DIR

    monkeypatch.setenv("NEWSETL_REPORT_AFTER_RUN", "true")
    warehouse = tmp_path / "warehouse"
    run_report = ingest(sources=[str(SEEDS_DIR / "berlin_verkehr.html")], warehouse=str(warehouse), workers=1)
    page = (warehouse / "report.html").read_text(encoding="utf-8")
    assert '<figure data-chart="runs">' in page and "completed" in page  # the run shows as it ended
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["run-report"])))
    [artifact] = [a for a in artifacts if str(a.flow_run_id) == run_report.run_id]
    assert f"**Report**: `{warehouse / 'report.html'}`" in str(artifact.data)


def test_a_runs_numbers_are_read_on_one_connection_to_the_views(seeded_warehouse, monkeypatch):
    """Each connection opens the views and lists every table's files, a cost that does not shrink with
    workers: the end of a run reads its numbers together (warehouse/report.read_run)."""
    from tests.test_checks_scope import NUMBERS_BY_THE_VIEWS
    from warehouse import report
    from warehouse.query import query

    warehouse, run_report = seeded_warehouse
    run_id = run_report.run_id
    opened = []
    counted = report.connect_views

    def counting(*args, **kwargs):
        opened.append(args)
        return counted(*args, **kwargs)

    monkeypatch.setattr(report, "connect_views", counting)
    numbers = report.read_run(warehouse, run_id)
    assert len(opened) == 1

    def alone(name: str) -> list[tuple]:  # as the public views give it (the run's numbers read the run's rows)
        return query(warehouse, NUMBERS_BY_THE_VIEWS[name], [run_id])[1]

    assert numbers.entity_count == alone("entity_count")[0][0] == run_report.entities > 0
    assert numbers.rejection_reasons == alone("rejection_reasons") == run_report.rejection_reasons
    assert numbers.top_entities == alone("top_entities") and numbers.top_entities
    assert numbers.top_figures == alone("top_figures")
