"""Daemonic Dask workers (as `dask worker` starts them) cannot enforce the per-document time limit: a
run on them stops once, at its start, with the message that says what to do. A module of its own: the
Dask tests' module cluster sets the worker daemon setting for its whole life."""

from __future__ import annotations

from pathlib import Path

import dask
import distributed
import pytest

from flows import workers
from flows.ingest import ingest
from tests.conftest import sql
from tests.test_dask_cluster import NO_DASHBOARD

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.mark.timeout(900)
def test_daemonic_workers_with_a_time_limit_stop_the_run_before_its_first_batch(prefect_server, tmp_path, monkeypatch):
    # Workers started as `dask worker` starts them (daemonic) cannot enforce the limit: the run must say
    # so once, at its start, rather than fail every batch in turn and reject its documents.
    with (
        dask.config.set({"distributed.worker.daemon": True}),
        distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, **NO_DASHBOARD) as daemonic,
    ):
        monkeypatch.setenv("NEWSETL_DASK_ADDRESS", daemonic.scheduler_address)
        monkeypatch.setenv("NEWSETL_TIME_LIMIT_SECONDS", "60")  # the default, which the tests turn off
        warehouse = tmp_path / "wh"
        try:
            with pytest.raises(RuntimeError, match="daemonic"):
                ingest(sources=[str(SEEDS)], warehouse=str(warehouse), workers=1)
        finally:
            workers.shutdown_workers()
    assert not (warehouse / "rejections").exists() or not sql(warehouse, "SELECT * FROM rejections")
