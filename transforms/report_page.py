"""The HTML report as a pure function: the numbers read from the views in, one self-contained page out.

The page loads nothing: charts are inline SVG (transforms/charts.py), the style is inline CSS, there is
no script, and a Content-Security-Policy forbids any fetch, so it opens the same offline, from a mail
attachment or from a file share. warehouse/html_report.py reads the data and writes the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from html import escape

from transforms import charts
from transforms.reasons import REASONS
from transforms.records import RunSummary

TOP_SITES = 7  # sites drawn by name in the stories chart; the rest are "other"


@dataclass(frozen=True, slots=True)
class Summary:
    stories: int
    articles: int
    entities: int
    first_day: date | None
    last_day: date | None
    as_of: datetime | None  # newest commit the views show


@dataclass(frozen=True, slots=True)
class RunRow:
    run_id: str
    started_at: datetime
    status: str
    documents: int
    articles: int
    rejections: int
    seconds: float | None


@dataclass(frozen=True, slots=True)
class Rejected:
    stage: str
    reason: str
    rejections: int
    example_source: str | None
    example_detail: str | None


@dataclass(frozen=True, slots=True)
class ReportData:
    """What the report shows, as plain values (see warehouse/sql/report/ for how each is counted)."""

    warehouse: str
    date_from: date | None
    date_to: date | None
    unit: str  # day, week or month: the period of the time charts
    summary: Summary
    stories_by_site: Sequence[tuple[date, str, int]]  # (period, site, stories)
    entity_timeline: Sequence[tuple[str, date, int]]  # (entity, period, stories), top entities first
    cooccurrences: Sequence[tuple[str, str, int]]  # (entity, entity, stories)
    figures: Sequence[tuple[str, str, int]]  # (kind, object, figures)
    runs: Sequence[RunRow]
    run_rejections: Sequence[tuple[str, str, int]]  # (run_id, stage/reason, rejections)
    rejected: Sequence[Rejected]
    places: Sequence[tuple[str, float, float, int]] | None  # (name, lon, lat, stories); None: no coordinates


def period_unit(first: date | None, last: date | None) -> str:
    """Days for up to three months, weeks for up to two years, else months: a readable number of bars."""
    if first is None or last is None:
        return "day"
    span = (last - first).days
    return "day" if span <= 92 else "week" if span <= 730 else "month"


def period_starts(first: date, last: date, unit: str) -> list[date]:
    """Every period start from the one holding `first` to the one holding `last` (DuckDB's date_trunc)."""
    start = _truncate(first, unit)
    periods = []
    while start <= last:
        periods.append(start)
        start = _next(start, unit)
    return periods


def _truncate(day: date, unit: str) -> date:
    if unit == "week":
        return day - timedelta(days=day.weekday())  # ISO weeks start on Monday, as date_trunc('week')
    if unit == "month":
        return day.replace(day=1)
    return day


def _next(start: date, unit: str) -> date:
    if unit == "week":
        return start + timedelta(days=7)
    if unit == "month":
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start + timedelta(days=1)


def series_by_period(
    rows: Sequence[tuple[str, date, int]], periods: Sequence[date], keep: Sequence[str] | None = None
) -> dict[str, list[int]]:
    """(name, period, n) rows as one list per name over `periods`, zero where a name has no row.

    Names come in first-seen order; with `keep`, names outside it are summed into "other".
    """
    index = {period: i for i, period in enumerate(periods)}
    series: dict[str, list[int]] = {}
    for name, period, n in rows:
        key = name if keep is None or name in keep else "other"
        series.setdefault(key, [0] * len(periods))[index[period]] += n
    if "other" in series:
        series["other"] = series.pop("other")  # last in the stack and the legend
    return series


def render(data: ReportData) -> str:
    sections = [
        _stories_section(data),
        _entities_section(data),
        _cooccurrences_section(data),
        _figures_section(data),
        _places_section(data),
        _runs_section(data),
        _rejected_section(data),
    ]
    return _PAGE.format(
        title="newsetl report",
        style=_STYLE,
        header=_header(data),
        sections="\n".join(sections),
    )


def _header(data: ReportData) -> str:
    s = data.summary
    period = f"{data.date_from or 'the first story'} to {data.date_to or 'the last'}"
    as_of = f"{s.as_of:%Y-%m-%d %H:%M} UTC" if s.as_of else "no commit yet"
    numbers = [
        ("stories", s.stories),
        ("articles (copies)", s.articles),
        ("entities", s.entities),
        ("runs", len(data.runs)),
        ("rejections", sum(r.rejections for r in data.rejected)),
    ]
    dl = "".join(f"<div><dt>{escape(k)}</dt><dd>{v:,}</dd></div>" for k, v in numbers)
    return (
        f"<h1>newsetl report</h1>\n<p class=meta>Warehouse <code>{escape(data.warehouse)}</code>, stories from "
        f"{escape(period)}; data as of {escape(as_of)}. A story is a cluster of copies (exact and near): each "
        f"is counted once.</p>\n<dl class=numbers>{dl}</dl>"
    )


def _section(anchor: str, title: str, body: str, note: str = "") -> str:
    note_html = f"<p class=note>{escape(note)}</p>" if note else ""
    return f'<section id="{anchor}">\n<h2>{escape(title)}</h2>\n{note_html}{body}\n</section>'


def _figure(name: str, svg: str, caption: str) -> str:
    return f'<figure data-chart="{name}">\n{svg}\n<figcaption>{escape(caption)}</figcaption>\n</figure>'


def _no_data(text: str) -> str:
    return f"<p class=no-data>{escape(text)}</p>"


def _stories_section(data: ReportData) -> str:
    title = f"Stories per {data.unit} by site"
    s = data.summary
    if not data.stories_by_site or s.first_day is None or s.last_day is None:
        return _section("stories", title, _no_data("No stories in this period: no data to draw."))
    periods = period_starts(s.first_day, s.last_day, data.unit)
    totals: dict[str, int] = {}
    for _, site, n in data.stories_by_site:
        totals[site] = totals.get(site, 0) + n
    top = sorted(totals, key=lambda site: (-totals[site], site))[:TOP_SITES]
    by_site = series_by_period([(site, period, n) for period, site, n in data.stories_by_site], periods, keep=top)
    series = {site: by_site[site] for site in [*top, "other"] if site in by_site}  # largest site at the bottom
    svg = charts.stacked_bars_by_day("stories-by-site", periods, series, f"stories per {data.unit}")
    caption = (
        f"{s.stories:,} stories ({s.articles:,} articles) by the {data.unit} of their first publication "
        "(else of their first commit), by the site of their first copy."
    )
    return _section("stories", title, _figure("stories-by-site", svg, caption))


def _entities_section(data: ReportData) -> str:
    title = f"Top entities over time (stories per {data.unit})"
    s = data.summary
    if not data.entity_timeline or s.first_day is None or s.last_day is None:
        return _section("entities", title, _no_data("No entities in the stories of this period: no data to draw."))
    periods = period_starts(s.first_day, s.last_day, data.unit)
    series = series_by_period(data.entity_timeline, periods)
    svg = charts.lines_over_time("top-entities", periods, series, f"stories per {data.unit}")
    caption = f"The {len(series)} entities mentioned in most stories; a story mentioning one twice counts once."
    return _section("entities", title, _figure("top-entities", svg, caption))


def _cooccurrences_section(data: ReportData) -> str:
    title = "Strongest co-occurrences"
    if not data.cooccurrences:
        return _section("cooccurrences", title, _no_data("No two entities share a story in this period."))
    labels = [f"{a} + {b}" for a, b, _ in data.cooccurrences]
    svg = charts.horizontal_bars("cooccurrences", labels, [n for *_, n in data.cooccurrences], "stories with both")
    caption = "Pairs of entities by the number of stories that mention both."
    return _section("cooccurrences", title, _figure("cooccurrences", svg, caption))


def _figures_section(data: ReportData) -> str:
    title = "Figures by kind and object"
    if not data.figures:
        return _section("figures", title, _no_data("No figures in the stories of this period."))
    labels = [f"{obj} ({kind})" for kind, obj, _ in data.figures]
    svg = charts.horizontal_bars(
        "figures", labels, [n for *_, n in data.figures], "figures (once per story)", [k for k, *_ in data.figures]
    )
    caption = "The most frequent kinds and objects of figures; a figure repeated in a story counts once."
    return _section("figures", title, _figure("figures", svg, caption))


def _places_section(data: ReportData) -> str:
    title = "Where the news happened"
    if data.places is None:
        return _section(
            "places",
            title,
            _no_data("No coordinates yet: this warehouse's entities carry no latitude and longitude."),
        )
    if not data.places:
        return _section("places", title, _no_data("No place with coordinates in the stories of this period."))
    names, lons, lats, sizes = zip(*data.places, strict=True)
    svg = charts.place_map("places", lons, lats, sizes, names[:12])
    caption = (
        f"{len(data.places)} places by the stories mentioning them (marker area), on a plain longitude/latitude "
        "grid; the 12 largest are named."
    )
    return _section("places", title, _figure("places", svg, caption))


def _runs_section(data: ReportData) -> str:
    title = "Runs over time"
    if not data.runs:
        return _section("runs", title, _no_data("No run started in this period."))
    runs = data.runs
    started = [r.started_at for r in runs]
    counts = {
        "documents": [r.documents for r in runs],
        "articles": [r.articles for r in runs],
        "rejections": [r.rejections for r in runs],
    }
    order = {r.run_id: i for i, r in enumerate(runs)}
    by_reason: dict[str, list[int]] = {}
    for run_id, reason, n in data.run_rejections:
        if run_id in order:
            by_reason.setdefault(reason, [0] * len(runs))[order[run_id]] += n
    seconds = [r.seconds if r.seconds is not None else float("nan") for r in runs]
    svg = charts.runs_over_time("runs", started, counts, seconds, by_reason)
    last = runs[-1]
    caption = (
        f"{len(runs)} run{'s' if len(runs) != 1 else ''}: documents read, articles committed and inputs rejected "
        f"per run, rejections by reason, and duration. Latest: {last.started_at:%Y-%m-%d %H:%M}, {last.status}."
    )
    return _section("runs", title, _figure("runs", svg, caption))


def _rejected_section(data: ReportData) -> str:
    title = "What was rejected"
    if not data.rejected:
        return _section("rejected", title, _no_data("Nothing was rejected by the runs of this period."))
    meanings: dict[tuple[str, str], str] = {(str(code.stage), code.reason): code.meaning for code in REASONS}
    labels = [f"{r.stage}/{r.reason}" for r in data.rejected]
    svg = charts.horizontal_bars("rejected", labels, [r.rejections for r in data.rejected], "rejections")
    rows = "".join(
        "<tr>"
        f"<td><code>{escape(r.stage)}/{escape(r.reason)}</code></td><td class=n>{r.rejections:,}</td>"
        f"<td>{escape(meanings.get((r.stage, r.reason), _http_meaning(r.reason)))}</td>"
        f"<td><code>{escape(_cut(r.example_source or ''))}</code><br>{escape(_cut(r.example_detail or ''))}</td>"
        "</tr>"
        for r in data.rejected
    )
    table = (
        "<table><thead><tr><th>stage/reason</th><th>inputs</th><th>meaning</th><th>example</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    caption = "Inputs that did not become articles, by stage and reason (each input's newest outcome)."
    return _section("rejected", title, _figure("rejected", svg, caption) + table)


def _http_meaning(reason: str) -> str:
    return "the server answered with this status" if reason.startswith("http_") else ""


def _cut(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


_STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; color: #222; max-width: 1000px; margin: 2em auto; padding: 0 1em; }
h1 { margin-bottom: .2em; } h2 { margin-top: 2em; border-bottom: 1px solid #ddd; }
.meta, .note, figcaption { color: #555; font-size: 13px; }
.numbers { display: flex; flex-wrap: wrap; gap: 1.5em; margin: 1em 0; }
.numbers dt { font-size: 12px; color: #666; } .numbers dd { margin: 0; font-size: 22px; font-weight: 600; }
figure { margin: 1em 0; } figure svg { width: 100%; height: auto; display: block; }
.no-data { padding: 1em; background: #f6f6f6; color: #666; border-radius: 4px; }
table { border-collapse: collapse; font-size: 13px; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .3em .5em; border-bottom: 1px solid #eee; }
td.n { text-align: right; } code { font-size: 12px; word-break: break-all; }
"""

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<header>
{header}
</header>
<main>
{sections}
</main>
</body>
</html>
"""


def run_markdown(
    summary: RunSummary, rejection_reasons: Sequence[tuple[str, str, int]], warehouse: str, report: str | None
) -> str:
    """The run's key numbers as Markdown for its Prefect artifact, and where its report is or how to make one.

    `report` is the page the run wrote, or None when it wrote none (the `report_after_run` setting is off,
    or writing failed).
    """
    seconds = (summary.finished_at - summary.started_at).total_seconds() if summary.finished_at else None
    rows = [
        ("documents", summary.documents_seen),
        ("skipped as known", summary.documents_skipped),
        ("articles", summary.articles),
        ("entity mentions", summary.entity_mentions),
        ("figures", summary.figures),
        ("rejections", summary.rejections),
        ("batches", summary.batches),
        ("seconds", "" if seconds is None else f"{seconds:.1f}"),
        ("check violations", "not checked" if summary.check_violations is None else summary.check_violations),
    ]
    lines = [
        f"# newsetl run {summary.run_id}: {summary.status}",
        "",
        f"Started {summary.started_at:%Y-%m-%d %H:%M:%S} UTC, warehouse `{warehouse}`.",
        "",
        "| what | count |",
        "|---|---:|",
        *(f"| {what} | {n} |" for what, n in rows),
    ]
    if rejection_reasons:
        lines += ["", "| rejected: stage/reason | inputs |", "|---|---:|"]
        lines += [f"| {stage}/{reason} | {n} |" for stage, reason, n in rejection_reasons]
    lines.append("")
    if report is not None:
        lines.append(
            f"**Report**: `{report}` (charts of the whole archive, written at the end of this run; opens offline)."
        )
    else:
        lines.append(
            f"**Report**: make it with `newsetl report -w {warehouse}` (writes `{warehouse}/report.html`, opens "
            "offline); set `report_after_run = true` to have each run write it."
        )
    return "\n".join(lines) + "\n"
