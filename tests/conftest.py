"""Shared fixtures: a temporary Prefect home and server, seeds, and a warehouse ingested from them."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeGuard, TypeVar

import pytest

# Prefect reads its home and settings on import: point them at a temporary folder first,
# so no test writes outside a temporary folder.
os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="newsetl-test-prefect-")
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["DO_NOT_TRACK"] = "1"
os.environ.pop("NEWSETL_WAREHOUSE", None)
os.environ.pop("PREFECT_API_URL", None)

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
INPUT_SUFFIXES = (".html", ".htm", ".txt", ".gz")


@dataclass(frozen=True)
class Seed:
    path: Path
    expected: dict

    @property
    def name(self) -> str:
        return self.path.name


def load_seeds() -> list[Seed]:
    seeds = []
    for path in sorted(SEEDS_DIR.iterdir()):
        if path.name.endswith(".expected.json") or not path.name.endswith(INPUT_SUFFIXES):
            continue
        expected_path = path.with_name(path.name.split(".")[0] + ".expected.json")
        seeds.append(Seed(path, json.loads(expected_path.read_text(encoding="utf-8"))))
    return seeds


SEEDS = load_seeds()


@pytest.fixture(scope="session")
def prefect_server():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def seeded_warehouse(prefect_server, tmp_path_factory):
    """The seeds ingested once into a warehouse shared by read-only tests."""
    from flows.ingest import ingest

    warehouse = tmp_path_factory.mktemp("seeded") / "warehouse"
    report = ingest(sources=[str(SEEDS_DIR)], warehouse=str(warehouse), workers=1)
    return warehouse, report


def sql(warehouse: Path, query: str, *params):
    from warehouse.query import query as run_query

    return run_query(warehouse, query, list(params))[1]


T = TypeVar("T")


def all_instances(items: Sequence[object], kind: type[T]) -> TypeGuard[Sequence[T]]:
    """`assert all_instances(docs, RawDocument)`: the check, and the type checker learns it too."""
    return all(isinstance(item, kind) for item in items)
