"""Every public view shows its table's columns (record fields and lineage), except those VIEW_COLUMNS
declares omitted, plus those it declares added: a new record field cannot silently miss its views."""

from __future__ import annotations

import dataclasses
from dataclasses import replace

import duckdb
import pytest

from transforms.records import Article
from warehouse.query import views_path
from warehouse.schemas import ARTICLES, duckdb_type
from warehouse.store import ensure_tables
from warehouse.views import VIEW_COLUMNS, ViewColumns, publish_views, view_column_problems


@pytest.fixture(scope="module")
def described(tmp_path_factory) -> dict[str, list[tuple[str, str]]]:
    """(column, DuckDB type) of every public view of an empty warehouse."""
    warehouse = tmp_path_factory.mktemp("empty")
    ensure_tables(warehouse)
    publish_views(warehouse)
    with duckdb.connect(str(views_path(warehouse)), read_only=True) as con:
        names = [
            row[0]
            for row in con.execute(
                "SELECT view_name FROM duckdb_views() WHERE NOT internal AND NOT starts_with(view_name, '_')"
            ).fetchall()
        ]
        return {name: [(row[0], row[1]) for row in con.execute(f"DESCRIBE {name}").fetchall()] for name in names}


def test_every_public_view_is_declared_once(described):
    declared = [spec.view for spec in VIEW_COLUMNS]
    assert len(declared) == len(set(declared))
    assert sorted(declared) == sorted(described)


@pytest.mark.parametrize("spec", VIEW_COLUMNS, ids=lambda spec: spec.view)
def test_view_shows_its_table_columns(described, spec):
    columns = [name for name, _ in described[spec.view]]
    assert view_column_problems(spec, columns) == []


@pytest.mark.parametrize("spec", VIEW_COLUMNS, ids=lambda spec: spec.view)
def test_view_columns_keep_their_table_types(described, spec):
    types = dict(described[spec.view])
    expected = {f.name: duckdb_type(f.type) for f in spec.table.arrow if f.name in types and f.name not in spec.added}
    assert {name: types[name] for name in expected} == expected


def test_a_field_added_to_article_without_sql_is_reported(described):
    """What the check says when Article gains a field that the SQL does not select (here: a view built from the
    Article of today, checked against a record with one more field)."""
    added = "field_the_sql_does_not_know"
    assert added not in {f.name for f in dataclasses.fields(Article)}
    wider = dataclasses.make_dataclass(
        "Article", [(added, bool | None, dataclasses.field(default=None))], bases=(Article,), frozen=True
    )
    columns = [name for name, _ in described["articles"]]
    problems = view_column_problems(ViewColumns("articles", replace(ARTICLES, record=wider)), columns)
    assert len(problems) == 1 and added in problems[0] and "not in the view" in problems[0]


def test_a_column_no_record_has_is_reported(described):
    spec = next(spec for spec in VIEW_COLUMNS if spec.view == "figures")
    columns = [name for name, _ in described["figures"]] + ["confidence"]
    problems = view_column_problems(spec, columns)
    assert len(problems) == 1 and "confidence" in problems[0] and "declare it added" in problems[0]


def test_stale_declarations_are_reported():
    spec = ViewColumns("articles", ARTICLES, added={"run_id": "x", "gone": "x"}, omitted={"nothing": "x"})
    problems = view_column_problems(spec, ARTICLES.arrow.names)
    assert len(problems) == 3
