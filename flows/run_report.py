"""The end of a run for the analyst: the night's key numbers as a Prefect markdown artifact `run-report`,
and, with the `report_after_run` setting, the HTML report at <warehouse>/report.html."""

from __future__ import annotations

from prefect import get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from flows.settings import Settings
from transforms.records import RunSummary
from transforms.report_page import run_markdown
from warehouse import report
from warehouse.views import publish_views

ARTIFACT_KEY = "run-report"


@task(name="publish-run-report", cache_policy=NO_CACHE)
def publish_run_report(
    summary: RunSummary, settings: Settings, reasons: list[tuple[str, str, int]] | None = None
) -> str | None:
    """Write the HTML report when the settings ask for it, then the artifact; neither can fail the run.

    `reasons`: the run's rejections by stage and reason, when the run read them already
    (`report.check_and_read_run`); otherwise they are read here. Returns the report's path, or None
    when none was written.
    """
    logger = get_run_logger()
    written = None
    if settings.report_after_run:
        from warehouse.html_report import REPORT_FILE, write_report  # here: matplotlib loads only when asked

        try:
            publish_views(settings.warehouse)  # so the report shows this run completed
            written = str(write_report(settings.warehouse, settings.warehouse / REPORT_FILE))
        except Exception as error:  # noqa: BLE001 - the run's data is committed; the report is derived from it
            logger.warning("could not write the report (%s); `newsetl report` writes it from the views", error)
    if reasons is None:
        try:
            reasons = report.rejection_reasons(settings.warehouse, summary.run_id)
        except Exception as error:  # noqa: BLE001 - the numbers of the summary are known without them
            logger.warning("could not read the run's rejections back (%s)", error)
            reasons = []
    create_markdown_artifact(
        key=ARTIFACT_KEY,
        markdown=run_markdown(summary, reasons, str(settings.warehouse), written),
        description=f"newsetl run {summary.run_id}",
    )
    return written
