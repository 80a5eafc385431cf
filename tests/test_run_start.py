"""A run's fixed start: the worker pool starts with the run, so its model load overlaps discovery and the
first batch's reading, and the batches use that same pool. Checked by the order of the run's moments
(flows/timeline.py), never by how long they took."""

from __future__ import annotations

import multiprocessing

from flows import timeline, workers
from flows.ingest import ingest
from flows.reprocess import reprocess
from tests.conftest import SEEDS_DIR


def test_the_pool_starts_before_discovery_ends_and_the_batches_use_it(prefect_server, tmp_path):
    with timeline.recording() as moments:
        report = ingest(sources=[str(SEEDS_DIR)], warehouse=str(tmp_path / "wh"), workers=2, batch_size=4)
    started = timeline.positions(moments, "pool starting")
    # One pool for the run: the one started before discovery is the one every batch used.
    assert len(started) == 1, [m.event for m in moments]
    assert started[0] < timeline.positions(moments, "discovered")[0] < timeline.positions(moments, "batch start")[0]
    assert timeline.positions(moments, "prepare start")[0] > started[0]
    assert report.batches > 1 and report.counts.articles > 0
    assert workers._runner is None and not multiprocessing.active_children()  # ended with the run


def test_reprocess_starts_the_pool_before_it_lists_the_stored_pages(seeded_copy):
    warehouse, _ = seeded_copy
    with timeline.recording() as moments:
        reprocess(warehouse=str(warehouse), workers=2)
    started = timeline.positions(moments, "pool starting")
    assert len(started) == 1 and started[0] < timeline.positions(moments, "discovered")[0]
    assert workers._runner is None and not multiprocessing.active_children()


def test_a_run_with_nothing_new_ends_the_pool_it_started(seeded_copy):
    warehouse, _ = seeded_copy
    with timeline.recording() as moments:
        report = ingest(sources=[str(SEEDS_DIR)], warehouse=str(warehouse), workers=2)
    assert report.counts.articles == 0 and report.counts.skipped > 0
    assert len(timeline.positions(moments, "pool starting")) == 1
    assert not timeline.positions(moments, "prepare start")  # nothing reached the workers
    assert workers._runner is None and not multiprocessing.active_children()


def test_one_worker_without_a_time_limit_loads_no_model_before_a_batch_needs_it(seeded_copy, monkeypatch):
    # That worker runs in the flow's own process: loading its model early would overlap nothing, and a run
    # with nothing new (this one) would load it for nothing.
    warehouse, _ = seeded_copy
    monkeypatch.setenv("NEWSETL_TIME_LIMIT_SECONDS", "0")
    monkeypatch.setattr(workers, "_worker_nlp", None)  # it stays loaded from run to run: start from none
    with timeline.recording() as moments:
        report = ingest(sources=[str(SEEDS_DIR)], warehouse=str(warehouse), workers=1)
    assert report.counts.articles == 0 and report.counts.skipped > 0
    assert workers._worker_nlp is None and not timeline.positions(moments, "pool starting")
