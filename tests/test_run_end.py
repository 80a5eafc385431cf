"""The end of a run (flows/batch.run_batches, flows/ingest.py): the SQL checks and the run's numbers are
read on one connection to the views, and give what each query gives read alone."""

from __future__ import annotations

import shutil

import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

from flows.ingest import ingest
from flows.run_report import ARTIFACT_KEY
from tests.conftest import SEEDS_DIR, sql
from warehouse import query, report, search, views


def test_the_checks_and_the_runs_numbers_share_one_connection_to_the_views(prefect_server, tmp_path, monkeypatch):
    """Each connection opens the views and lists every table's files, with every worker idle at the end of
    a run: the checks, the run report's rejections and the run's numbers were three connections."""
    sources = tmp_path / "sources"
    sources.mkdir()
    for name in ("cnn_troops.html", "harbor_budget.html", "berlin_verkehr.html"):
        shutil.copy(SEEDS_DIR / name, sources / name)
    (sources / "scan.pdf").write_bytes(b"%PDF-1.4 not a news page")  # a rejection for the numbers to show
    opened = []
    # warehouse.search is imported above, so it keeps the connect_views it imported: the search index
    # update after each publish opens its own connection, which this test does not count.
    assert search.connect_views is query.connect_views

    for module in (query, report):
        original = module.connect_views

        def counting(*args, original=original, **kwargs):
            opened.append(args)
            return original(*args, **kwargs)

        monkeypatch.setattr(module, "connect_views", counting)
    warehouse = tmp_path / "wh"
    run = ingest(sources=[str(sources)], warehouse=str(warehouse), workers=1)
    assert len(opened) == 1
    monkeypatch.undo()

    # The same numbers as each query read alone, after the run (its `runs` row written, the views republished).
    alone = report.read_run(warehouse, run.run_id)
    assert run.counts.articles == 3
    assert run.rejection_reasons == alone.rejection_reasons == [("read", "unsupported_type", 1)]
    assert run.entities == alone.entity_count > 0
    assert run.failed_checks == query.failed_checks(warehouse) == {}
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[ARTIFACT_KEY])))
    [artifact] = [a for a in artifacts if str(a.flow_run_id) == run.run_id]
    assert "| read/unsupported_type | 1 |" in str(artifact.data)


def _three_pages(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    for name in ("cnn_troops.html", "harbor_budget.html", "berlin_verkehr.html"):
        shutil.copy(SEEDS_DIR / name, sources / name)
    return sources


def test_a_run_ends_with_one_publish_that_shows_its_runs_row(prefect_server, tmp_path, monkeypatch):
    """The writer published after the last batch for the checks, and the run's end published again for its
    `runs` row: two publishes a run, the second bringing the spare views database up to date with the last batch
    again. Now the checks read the views written, the row joins them, and readers are sent to them once."""
    sources = _three_pages(tmp_path)
    swaps = []
    original = views._point_at

    def counting(target, database):
        swaps.append(database.name)
        return original(target, database)

    monkeypatch.setattr(views, "_point_at", counting)
    warehouse = tmp_path / "wh"
    run = ingest(sources=[str(sources)], warehouse=str(warehouse), workers=1)
    assert len(swaps) == 1
    # As the views were published once: the run's articles, its `completed` row with the checks' count.
    assert sql(warehouse, "SELECT count(*) FROM articles")[0][0] == run.counts.articles == 3
    row = sql(warehouse, "SELECT status, check_violations FROM runs WHERE run_id = ?", run.run_id)
    assert row == [("completed", 0)]
    assert run.failed_checks == query.failed_checks(warehouse) == {}
    # The search index caught up with the views published (its state names them), as after every publish.
    state = search._read_state(search._paths(warehouse)[1])
    assert state is not None and state.views == search._views_stamp(warehouse)

    # A run with nothing new publishes once too (its row), the checks read on the views as they were.
    swaps.clear()
    again = ingest(sources=[str(sources)], warehouse=str(warehouse), workers=1)
    assert len(swaps) == 1 and again.counts.skipped == 3
    assert sql(warehouse, "SELECT status FROM runs WHERE run_id = ?", again.run_id) == [("completed",)]


class _Killed(BaseException):
    """What a kill would leave: nothing after this point runs, and no handler of the run's records it."""


def test_a_run_stopped_between_its_runs_row_and_the_publish_is_finished_by_the_next(
    prefect_server, tmp_path, monkeypatch
):
    """The `completed` row is committed before readers are sent to the views that show it: the warehouse keeps the
    views of before (consistent, one publish behind), and the next run's publish shows both runs' work."""
    sources = _three_pages(tmp_path)
    warehouse = tmp_path / "wh"

    def killed(target, database):
        raise _Killed

    monkeypatch.setattr(views, "_point_at", killed)
    with pytest.raises(_Killed):
        ingest(sources=[str(sources)], warehouse=str(warehouse), workers=1)
    monkeypatch.undo()
    assert not views.views_path(warehouse).exists()  # never published: no reader saw half of it
    run = ingest(sources=[str(sources)], warehouse=str(warehouse), workers=1)
    assert run.counts.skipped == 3  # the first run's batch was committed
    assert sql(warehouse, "SELECT count(*) FROM articles")[0][0] == 3
    assert sorted(status for (status,) in sql(warehouse, "SELECT status FROM runs")) == ["completed", "completed"]
    assert query.failed_checks(warehouse) == {}
