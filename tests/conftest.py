"""Shared fixtures: a temporary Prefect home and server, seeds, and a warehouse ingested from them.

`make test` runs pytest over two processes (pytest-xdist, `-n 2 --dist loadfile`): each worker imports
this file, so each has its own Prefect home, its own Prefect server on a free port and its own
temporary folders (`tmp_path` is under the worker's own base folder), and a file's tests all run in
one worker, so a module-scoped fixture is built once. Session fixtures are built once per worker.

What a new test should reuse rather than build (an ingest costs seconds: worker processes load spaCy):

- `prefect_server` (session): a real Prefect server; every test that runs a flow asks for it.
- `seeded_warehouse` (session): `(warehouse, report)`, the seeds ingested once
  (`ingest(sources=[SEEDS_DIR], workers=1)`, default batch size). Read it only (`sql`, `newsetl sql`).
- `seeded_copy` (function): a fresh copy of that warehouse in the test's `tmp_path`, for a test that
  writes to a warehouse already holding the seeds (a rerun, a reprocess, damage); `report` is the
  seeded run's report.
- `sql(warehouse, query, *params)`: rows of a query over a warehouse's views.

Slow tests (many trials, big inputs) carry `@pytest.mark.soak`: `make test` leaves them out
(`-m "not soak"` in pyproject.toml), `make soak` runs only them. docs/testing.md lists them.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeGuard, TypeVar

import pytest
from hypothesis import settings

# Hypothesis's default 200 ms per example tripped on a busy CI machine (a timing assertion, which tests
# avoid); 10 s still catches a pattern that backtracks for hours.
settings.register_profile("newsetl", deadline=10_000)
settings.load_profile("newsetl")

# Prefect reads its home and settings on import: point them at a temporary folder first,
# so no test writes outside a temporary folder.
os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="newsetl-test-prefect-")
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["DO_NOT_TRACK"] = "1"
os.environ.pop("NEWSETL_WAREHOUSE", None)
# The gazetteer's cache file (warehouse/gazetteer_cache.py) goes to a temporary folder too, never ~/.cache.
os.environ["NEWSETL_CACHE_FOLDER"] = tempfile.mkdtemp(prefix="newsetl-test-cache-")
os.environ.pop("PREFECT_API_URL", None)
# No per-document time limit unless a test sets one: a limit needs a child process that can be killed,
# so every one-worker ingest would start a process and load spaCy again (seconds each, hundreds of
# ingests). The tests of the limit set it (test_workers, test_dask, test_french); `make run` in CI
# runs with the default limit.
os.environ["NEWSETL_TIME_LIMIT_SECONDS"] = "0"

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
    """A real temporary Prefect server (a subprocess on a free port, its database in a temporary
    folder) for the whole session of this process; flows and `newsetl` children given its
    PREFECT_API_URL talk to it. Under xdist two start at once: it waits at least 120 s for its server,
    longer when PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS says so (a busy machine)."""
    from prefect.testing.utilities import prefect_test_harness

    asked = float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS") or 0)
    with prefect_test_harness(server_startup_timeout=int(max(120, asked))):
        yield


@pytest.fixture(scope="session")
def seeded_warehouse(prefect_server, tmp_path_factory):
    """The seeds ingested once into a warehouse shared by read-only tests."""
    from flows.ingest import ingest

    warehouse = tmp_path_factory.mktemp("seeded") / "warehouse"
    report = ingest(sources=[str(SEEDS_DIR)], warehouse=str(warehouse), workers=1)
    return warehouse, report


@pytest.fixture
def seeded_copy(seeded_warehouse, tmp_path):
    """A copy of the seeded warehouse of this test's own, to write to: `(warehouse, report)` where
    `report` is the seeded run's report. Copying takes milliseconds; an ingest of the seeds, seconds."""
    original, report = seeded_warehouse
    warehouse = tmp_path / "seeded-copy"
    shutil.copytree(original, warehouse)
    return warehouse, report


def sql(warehouse: Path, query: str, *params):
    from warehouse.query import query as run_query

    return run_query(warehouse, query, list(params))[1]


T = TypeVar("T")


def all_instances(items: Sequence[object], kind: type[T]) -> TypeGuard[Sequence[T]]:
    """`assert all_instances(docs, RawDocument)`: the check, and the type checker learns it too."""
    return all(isinstance(item, kind) for item in items)
