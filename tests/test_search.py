"""Full-text search (`newsetl search`, warehouse/search.py): ranking by story, queries, filters, and an index
that follows the committed batches through later runs, deletion, damage and a crash before its update."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
import tantivy
from typer.testing import CliRunner

from flows.cli import app
from flows.ingest import ingest
from tests.conftest import sql
from warehouse.query import views_path
from warehouse.search import SearchError, search, update_index
from warehouse.views import publish_views

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<link rel="canonical" href="https://{host}/news/{slug}/">
<meta property="article:published_time" content="{day}T08:00:00Z">
</head><body><article><h1>{title}</h1>
{paragraphs}
</article></body></html>
"""

FILLER = (
    "Officials said the details would be published in a report later this month, and residents were invited "
    "to comment at a public meeting in the town hall before the final decision is taken by the council."
)

# name: (host, day, title, story sentences). Each story's words are chosen so the best match is known.
CORPUS = {
    "cranes": (
        "www.harbour-times.example.com",
        "2024-03-14",
        "Harbour board approves red harbour cranes",
        "The harbour board met on Tuesday to approve 40 red harbour cranes for the container terminal. "
        "Board chair Maria Lopez said the port would spend $12 million over two years on the cranes.",
    ),
    "fishing": (
        "www.coast-daily.example.org",
        "2024-04-02",
        "Fishing fleet shrinks as cranes go red",
        "The fishing fleet has shrunk by nearly half since 2010, harbour officials said. "
        "New cranes painted red now stand where trawlers once unloaded their catch each morning.",
    ),
    "tulips": (
        "www.garden-post.example.net",
        "2024-05-20",
        "Tulip festival draws record crowds",
        "The tulip festival in Keukenhof drew a record 1.5 million visitors this spring. "
        "Growers said the mild winter gave the bulbs an early start and the fields bloomed in April.",
    ),
}


def write_page(folder: Path, name: str, host: str, day: str, title: str, story: str) -> None:
    paragraphs = "\n".join(f"<p>{text}</p>" for text in (story, FILLER, story.split(". ")[0] + " again."))
    page = PAGE.format(title=title, host=host, slug=name, day=day, paragraphs=paragraphs)
    (folder / f"{name}.html").write_text(page, encoding="utf-8")


@pytest.fixture(scope="module")
def corpus_warehouse(prefect_server, tmp_path_factory) -> Path:
    """The corpus, with a second copy of the cranes story on another site, ingested in one run."""
    folder = tmp_path_factory.mktemp("search-corpus")
    for name, fields in CORPUS.items():
        write_page(folder, name, *fields)
    _, _, title, story = CORPUS["cranes"]
    write_page(folder, "cranes-wire", "wire.example.com", "2024-03-15", title, story)
    warehouse = tmp_path_factory.mktemp("search") / "wh"
    ingest(sources=[str(folder)], warehouse=str(warehouse), workers=1)
    assert sql(warehouse, "select count(*) from articles")[0][0] == 4
    return warehouse


def titles(results) -> list[str]:
    return results.column("title").to_pylist()


def test_the_run_indexes_its_batches(corpus_warehouse):
    state = json.loads((corpus_warehouse / "search" / "state.json").read_text())
    assert set(state["batches"]) == {row[0] for row in sql(corpus_warehouse, "select batch_id from batches")}
    assert update_index(corpus_warehouse).batches == 0  # nothing left to catch up


def test_best_match_first_one_row_per_story_with_highlight(corpus_warehouse):
    results = search(corpus_warehouse, "cranes")
    assert titles(results)[0] == "Harbour board approves red harbour cranes"
    assert titles(results) == ["Harbour board approves red harbour cranes", "Fishing fleet shrinks as cranes go red"]
    best = results.to_pylist()[0]
    assert best["copies"] == 2  # the wire copy is the same story: counted, not listed
    assert "**cranes**" in best["snippet"]
    assert results.column("rank").to_pylist() == [1, 2]


def test_a_search_level_with_the_views_compares_no_batches(corpus_warehouse, monkeypatch):
    """The state names the views file its batches were compared in: a search of that file skips the
    comparison; once a publish writes a new file, the next search compares again (and records it)."""
    import warehouse.search as search_module

    state = corpus_warehouse / "search" / "state.json"
    search(corpus_warehouse, "cranes")
    assert json.loads(state.read_text())["views"] == search_module._views_stamp(corpus_warehouse)
    compared: list[str] = []
    update = search_module._update

    def counted(*args, **kwargs):
        compared.append("batches")
        return update(*args, **kwargs)

    monkeypatch.setattr(search_module, "_update", counted)
    assert titles(search(corpus_warehouse, "tulip")) == ["Tulip festival draws record crowds"]
    assert compared == []
    views_path(corpus_warehouse).unlink()  # a publish with no table moved writes nothing: this one must write
    publish_views(corpus_warehouse)  # the same batches in a new file
    assert titles(search(corpus_warehouse, "tulip")) == ["Tulip festival draws record crowds"]
    assert compared == ["batches"]
    assert json.loads(state.read_text())["views"] == search_module._views_stamp(corpus_warehouse)
    search(corpus_warehouse, "tulip")
    assert compared == ["batches"]


def test_phrase_and_boolean_queries(corpus_warehouse):
    assert titles(search(corpus_warehouse, '"red harbour cranes"')) == ["Harbour board approves red harbour cranes"]
    assert titles(search(corpus_warehouse, "cranes AND fleet")) == ["Fishing fleet shrinks as cranes go red"]
    assert titles(search(corpus_warehouse, "cranes -trawlers")) == ["Harbour board approves red harbour cranes"]
    either = titles(search(corpus_warehouse, "tulip OR trawlers"))
    assert sorted(either) == ["Fishing fleet shrinks as cranes go red", "Tulip festival draws record crowds"]
    assert titles(search(corpus_warehouse, "cranes tulip")) == []  # words must all match by default


def test_filters_by_date_site_and_entity(corpus_warehouse):
    assert titles(search(corpus_warehouse, "cranes", date_from=_day("2024-04-01"))) == [
        "Fishing fleet shrinks as cranes go red"
    ]
    assert titles(search(corpus_warehouse, "cranes", date_to=_day("2024-03-31"))) == [
        "Harbour board approves red harbour cranes"
    ]
    assert titles(search(corpus_warehouse, "cranes", site="coast-daily.example.org")) == [
        "Fishing fleet shrinks as cranes go red"
    ]
    wire = search(corpus_warehouse, "cranes", site="https://wire.example.com/")
    assert wire.column("site").to_pylist() == ["wire.example.com"]  # the story's copy on that site
    assert titles(search(corpus_warehouse, "harbour", entity="maria lopez")) == [
        "Harbour board approves red harbour cranes"
    ]
    with pytest.raises(SearchError, match="no entity named"):
        search(corpus_warehouse, "cranes", entity="Nobody Atall")


def test_results_are_arrow_for_duckdb_and_json_csv_on_the_command_line(corpus_warehouse):
    results = search(corpus_warehouse, "cranes")  # noqa: F841 - DuckDB reads the local variable by name
    assert duckdb.execute("select title from results where copies = 2").fetchall() == [
        ("Harbour board approves red harbour cranes",)
    ]
    runner = CliRunner()
    out = runner.invoke(app, ["search", "tulip", "--warehouse", str(corpus_warehouse), "--format", "json"])
    assert out.exit_code == 0, out.output
    assert [r["title"] for r in json.loads(out.output)] == ["Tulip festival draws record crowds"]
    out = runner.invoke(app, ["search", "tulip", "-w", str(corpus_warehouse), "-f", "csv"])
    assert out.output.splitlines()[0].startswith("rank,score,cluster_id,article_id,title")
    text = runner.invoke(app, ["search", "tulip", "-w", str(corpus_warehouse)])
    assert "**tulip**" in text.output.lower() and "garden-post.example.net" in text.output


def test_errors_are_one_line(corpus_warehouse, tmp_path):
    runner = CliRunner()
    for args, message in [
        (["search", '"unclosed', "-w", str(corpus_warehouse)], "cannot parse the search"),
        (["search", "cranes", "-w", str(tmp_path / "none")], "no views database"),
        (["search", "cranes", "-w", str(corpus_warehouse), "--from", "14/03/2024"], "is not a date"),
    ]:
        result = runner.invoke(app, args)
        assert result.exit_code == 2
        assert message in result.output and len(result.output.strip().splitlines()) == 1


def test_empty_warehouse_says_so(prefect_server, tmp_path):
    (tmp_path / "empty.html").write_bytes(b"")  # a rejection: a committed batch, no article
    warehouse = tmp_path / "wh"
    ingest(sources=[str(tmp_path / "empty.html")], warehouse=str(warehouse), workers=1)
    with pytest.raises(SearchError, match="holds no articles yet"):
        search(warehouse, "cranes")


def indexed_docs(warehouse: Path) -> int:
    return tantivy.Index.open(str(warehouse / "search" / "index")).searcher().num_docs


def test_index_follows_later_runs_deletion_damage_and_a_crash(prefect_server, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    write_page(folder, "tulips", *CORPUS["tulips"])
    warehouse = tmp_path / "wh"
    ingest(sources=[str(folder)], warehouse=str(warehouse), workers=1)
    assert titles(search(warehouse, "cranes")) == []
    state = warehouse / "search" / "state.json"
    first_state = state.read_text()

    # A crash between the table commit and the index update: the run's index update fails; the run does not.
    def crash(*args, **kwargs):
        raise OSError("simulated crash before the index update")

    monkeypatch.setattr("warehouse.search.update_index", crash)
    write_page(folder, "cranes", *CORPUS["cranes"])
    report = ingest(sources=[str(folder)], warehouse=str(warehouse), workers=1)
    monkeypatch.undo()
    assert report.counts.articles == 1 and state.read_text() == first_state  # the index is behind the tables
    assert titles(search(warehouse, "cranes")) == ["Harbour board approves red harbour cranes"]  # caught up
    assert indexed_docs(warehouse) == 2

    # A crash between the index commit and the state write: the state is behind, indexing again adds no copy.
    state.write_text(first_state)
    assert update_index(warehouse).batches == 1
    assert indexed_docs(warehouse) == 2

    # An index deleted, damaged, of another schema, or ahead of the tables is rebuilt.
    shutil.rmtree(warehouse / "search" / "index")
    assert titles(search(warehouse, "tulip")) == ["Tulip festival draws record crowds"]
    for meta in (warehouse / "search" / "index").glob("meta.json"):
        meta.write_text("not json")
    assert update_index(warehouse).rebuilt
    state.write_text(json.dumps({"index_schema": 0, "batches": []}))
    assert update_index(warehouse).rebuilt
    ahead = json.loads(state.read_text())
    state.write_text(json.dumps({**ahead, "batches": [*ahead["batches"], "a-batch-never-committed"]}))
    assert update_index(warehouse).rebuilt
    assert indexed_docs(warehouse) == 2
    assert len(search(warehouse, "cranes OR tulip", limit=1)) == 1


def _day(text: str):
    from datetime import date

    return date.fromisoformat(text)
