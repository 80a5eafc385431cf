"""Where the time goes: seconds per stage in the `runs` view and in the run's artifact (issue 13.7)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from flows.workers import PhaseSeconds, process_documents
from tests.conftest import sql
from transforms.batches import STAGE_NAMES, BatchCounts, StageSeconds, run_summary
from transforms.ids import sha256_hex
from transforms.options import PipelineOptions
from transforms.records import RawDocument

COLUMNS = [f"seconds_{stage}" for stage in STAGE_NAMES]
# A one-batch run publishes only at its end, after its `runs` row is written (round 21), so its publish
# seconds are zero; every other stage takes time.
BUSY_STAGES = [stage for stage in STAGE_NAMES if stage != "publish"]
STORY = (
    "Port workers in Lisbon said on Monday that the harbour board would hire 300 more crane drivers. "
    "Maria Lopez, who chairs the board, told reporters the plan would cost $12 million over two years. "
) * 3


def test_a_real_ingest_shows_positive_seconds_for_every_stage_in_the_runs_view(seeded_warehouse):
    warehouse, report = seeded_warehouse
    [row] = sql(warehouse, f"SELECT {', '.join(COLUMNS)} FROM runs WHERE run_id = ?", report.run_id)
    seconds = dict(zip(STAGE_NAMES, row, strict=True))
    assert all(seconds[stage] is not None and seconds[stage] > 0 for stage in BUSY_STAGES), seconds
    assert seconds["publish"] == 0, seconds
    assert seconds == report.counts.seconds.by_stage()


def test_the_run_artifact_lists_seconds_per_stage(seeded_warehouse):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    _, report = seeded_warehouse
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[report.run_id]))
        )
    [artifact] = [a for a in artifacts if a.key == "ingest-summary"]
    table: list[dict] = json.loads(artifact.data) if isinstance(artifact.data, str) else artifact.data  # type: ignore[assignment]  # a table artifact's data is its rows
    seconds = {row["stage"]: row for row in table if row["what"].startswith("seconds")}
    assert set(STAGE_NAMES) <= set(seconds)
    assert all(seconds[stage]["count"] > 0 for stage in BUSY_STAGES), seconds
    assert seconds["nlp"]["what"] == "seconds, summed over workers"
    assert seconds["commit"]["what"] == "seconds"


def test_workers_report_their_seconds_per_phase():
    texts = [f"Harbour story {n}\n\n{STORY}".encode() for n in range(3)]
    raws = [
        RawDocument(doc_id=sha256_hex(text), source=f"story-{n}.txt", url=None, content=text, media_type="text/plain")
        for n, text in enumerate(texts)
    ]
    spent = PhaseSeconds()
    results = process_documents(raws, PipelineOptions(), workers=1, spent=spent)
    assert len(results) == 3
    assert spent.prepare > 0 and spent.analyse > 0


def test_stage_seconds_add_up_with_the_counts_and_reach_the_runs_row():
    first = BatchCounts(documents=2, seconds=StageSeconds(read=1.0, nlp=2.5))
    second = BatchCounts(documents=3, seconds=StageSeconds(read=0.5, publish=0.25))
    total = first + second
    assert total.documents == 5
    assert total.seconds == StageSeconds(read=1.5, nlp=2.5, publish=0.25)
    row = run_summary("run", datetime(2026, 1, 1, tzinfo=UTC), "completed", 1, total, 2)
    assert (row.seconds_read, row.seconds_nlp, row.seconds_publish, row.seconds_commit) == (1.5, 2.5, 0.25, 0.0)


def test_a_rerun_over_known_documents_publishes_and_clusters_nothing(prefect_server, seeded_copy):
    """A batch whose documents are all known commits no marker: no lookups past the known ids, no views
    published for it (issue 13: a rerun over an unchanged archive does almost no work)."""
    from flows.ingest import ingest
    from tests.conftest import SEEDS_DIR

    warehouse, _ = seeded_copy  # the seeds already ingested
    again = ingest(sources=[str(SEEDS_DIR)], warehouse=str(warehouse), workers=1, batch_size=2)
    assert again.counts.articles == 0 and again.counts.committed == 0
    assert again.counts.skipped == again.counts.documents > 0
    [row] = sql(
        warehouse, "SELECT seconds_publish, seconds_dedup, seconds_commit FROM runs WHERE run_id = ?", again.run_id
    )
    assert row == (0.0, 0.0, 0.0)
