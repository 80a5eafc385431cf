"""The end of a run (flows/batch.run_batches, flows/ingest.py): the SQL checks and the run's numbers are
read on one connection to the views, and give what each query gives read alone."""

from __future__ import annotations

import shutil

from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

from flows.ingest import ingest
from flows.run_report import ARTIFACT_KEY
from tests.conftest import SEEDS_DIR
from warehouse import query, report, search


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
