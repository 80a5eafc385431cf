"""Every column change is a reviewed diff: the schemas must match tests/schema_snapshot.json.

After an intended change, regenerate with:
    .venv/bin/python -m tests.test_schema_snapshot
and commit the snapshot together with a SCHEMA_VERSION bump.
"""

from __future__ import annotations

import json
from pathlib import Path

from transforms.records import SCHEMA_VERSION
from warehouse.schemas import ALL_TABLES

SNAPSHOT = Path(__file__).with_name("schema_snapshot.json")


def current_schemas() -> dict:
    return {
        "schema_version": SCHEMA_VERSION,
        "tables": {spec.name: [[f.name, str(f.type), f.nullable] for f in spec.arrow] for spec in ALL_TABLES},
    }


def test_schemas_match_snapshot():
    expected = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert current_schemas() == expected, (
        "table schemas changed: review the change, bump SCHEMA_VERSION if columns were added, "
        "and regenerate the snapshot (see this module's docstring)"
    )


def test_public_view_columns_are_in_the_tables():
    """The interface columns of ARCHITECTURE.md exist in the stored tables."""
    tables = current_schemas()["tables"]
    names = {table: {column[0] for column in columns} for table, columns in tables.items()}
    assert {
        "article_id",
        "doc_id",
        "canonical_url",
        "published_date",
        "text_hash",
        "cluster_id",
        "word_count",
        "run_id",
        "batch_id",
    } <= names["articles"]
    assert {
        "value",
        "value_low",
        "value_high",
        "approximate",
        "qualifier",
        "unit",
        "object",
        "kind",
        "sentence",
    } <= names["figures"]
    assert {"doc_id", "source", "stage", "reason", "detail", "run_id"} <= names["rejections"]


if __name__ == "__main__":
    SNAPSHOT.write_text(json.dumps(current_schemas(), indent=1) + "\n", encoding="utf-8")
    print(f"wrote {SNAPSHOT}")
