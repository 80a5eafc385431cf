"""The ingest flow end to end: reruns, bad input, crashes mid-batch, the run summary."""

from __future__ import annotations

import shutil
from pathlib import Path

from flows.ingest import ingest
from tests.conftest import SEEDS_DIR, sql
from transforms.records import Article
from warehouse.query import failed_checks
from warehouse.schemas import ARTICLES, ENTITY_MENTIONS
from warehouse.store import append_rows, table_files
from warehouse.views import publish_views

TABLES = ("articles", "entity_mentions", "entities", "figures", "rejections")
STORY = (
    "The harbour board met on Tuesday to approve a plan for 40 new cranes and "
    "about 300 workers. Board chair Maria Lopez said the port would spend $12 million "
    "over two years. Critics in the city council said the plan ignored the fishing fleet, "
    "which has shrunk by nearly half since 2010. "
) * 2


def counts(warehouse) -> dict[str, int]:
    return {t: sql(warehouse, f"SELECT count(*) FROM {t}")[0][0] for t in TABLES}


def test_rerun_adds_nothing_and_skips_everything(prefect_server, seeded_copy):
    warehouse, first = seeded_copy  # the seeds ingested once
    before = counts(warehouse)
    assert first.counts.articles >= 5 and first.counts.skipped == 0
    second = ingest(sources=[str(SEEDS_DIR)], warehouse=str(warehouse), workers=1)
    assert counts(warehouse) == before
    assert second.counts.skipped == second.counts.documents == first.counts.documents
    assert second.counts.articles == 0
    runs = sql(warehouse, "SELECT status, articles, documents_skipped FROM runs ORDER BY started_at")
    assert [r[0] for r in runs] == ["completed", "completed"]
    assert runs[1][1:] == (0, first.counts.documents)


def test_bad_inputs_become_rejections_and_good_ones_land(prefect_server, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Harbour board approves cranes\n" + STORY, encoding="utf-8")
    (folder / "empty.html").write_bytes(b"")
    (folder / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "latin1.txt").write_bytes(STORY.encode("utf-8").replace(b"harbour", b"h\xe4rbour"))
    (folder / "nav.html").write_bytes(
        b"<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav></body></html>"
    )
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 not a page")
    warehouse = tmp_path / "wh"
    report = ingest(sources=[str(folder)], warehouse=str(warehouse), workers=1)
    rejected = {
        row[0].rsplit("/", 1)[-1]: row[1:]
        for row in sql(warehouse, "SELECT source, stage, reason, detail FROM rejections")
    }
    assert rejected["empty.html"][:2] == ("decode", "empty")
    assert rejected["image.html"][:2] == ("decode", "binary")
    assert "latin1.txt" not in rejected  # its encoding is detected, not rejected
    assert rejected["nav.html"][:2] == ("normalise", "too_short")
    assert rejected["notes.pdf"][:2] == ("read", "unsupported_type")
    assert all(detail for _, _, detail in rejected.values())
    assert report.counts.rejections == 4 and report.counts.articles == 2
    assert sql(warehouse, "SELECT title FROM articles WHERE title IS NOT NULL") == [("Harbour board approves cranes",)]
    assert sql(warehouse, "SELECT count(*) FROM articles WHERE text LIKE '%härbour%'") == [(1,)]


def test_uncommitted_batch_is_invisible_and_redone(prefect_server, seeded_warehouse, tmp_path):
    """A crash after rows were appended but before the marker: nothing shows, the rerun redoes it."""
    source = tmp_path / "in"
    shutil.copytree(SEEDS_DIR, source)
    expected = counts(seeded_warehouse[0])  # the same documents, ingested uninterrupted

    crashed = tmp_path / "wh2"
    ingest(sources=[str(source / "cnn_troops.html")], warehouse=str(crashed), workers=1)
    # Rows of a batch whose marker never landed, as a killed run leaves them.
    articles = sql(crashed, "SELECT * EXCLUDE (run_id, batch_id, published_month) FROM articles")
    ghost = [Article(*row) for row in articles]
    append_rows(crashed, ARTICLES, ghost, {"run_id": "dead", "batch_id": "dead-00000"})
    append_rows(crashed, ENTITY_MENTIONS, [], {"run_id": "dead", "batch_id": "dead-00000"})
    publish_views(crashed)
    assert len(table_files(crashed, ARTICLES)) >= 2
    assert counts(crashed)["articles"] == 1
    ingest(sources=[str(source)], warehouse=str(crashed), workers=1)
    assert counts(crashed) == expected
    assert sql(crashed, "SELECT count(*) FROM articles WHERE batch_id = 'dead-00000'") == [(0,)]


def test_batches_and_worker_processes(prefect_server, seeded_warehouse, tmp_path):
    """Two worker processes and batches of two give the same rows as one process."""
    warehouse = tmp_path / "wh"
    report = ingest(sources=[str(SEEDS_DIR)], warehouse=str(warehouse), workers=2, batch_size=2)
    assert report.batches == -(-report.counts.documents // 2)
    assert sql(warehouse, "SELECT count(*) FROM batches")[0][0] == report.batches
    reference, _ = seeded_warehouse  # one process, default batches
    assert counts(warehouse) == counts(reference)


def test_runs_compact_many_small_files_without_changing_rows(prefect_server, tmp_path, monkeypatch):
    """Batches of one leave a file per batch and table; the run merges them, rows stay the same."""
    reference = tmp_path / "ref"
    ingest(sources=[str(SEEDS_DIR)], warehouse=str(reference), workers=1, batch_size=1)
    assert len(table_files(reference, ARTICLES)) >= 5  # below the default threshold: left alone

    monkeypatch.setenv("NEWSETL_COMPACT_MIN_FILES", "2")
    compacted = tmp_path / "wh"
    ingest(sources=[str(SEEDS_DIR)], warehouse=str(compacted), workers=1, batch_size=1)
    # One file per month partition of the articles table (schema 7).
    months = {Path(file).parent.name for file in table_files(compacted, ARTICLES)}
    assert len(table_files(compacted, ARTICLES)) == len(months)
    assert counts(compacted) == counts(reference)
    assert failed_checks(compacted) == {}
    # A rerun skips everything and still finds what the compacted tables hold.
    again = ingest(sources=[str(SEEDS_DIR)], warehouse=str(compacted), workers=1, batch_size=1)
    assert again.counts.articles == 0 and counts(compacted) == counts(reference)
