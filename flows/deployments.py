"""The deployments `newsetl serve` offers: `nightly` on a cron schedule and `manual` from the UI form."""

from __future__ import annotations

from prefect.deployments.runner import RunnerDeployment
from prefect.schedules import Cron

from flows.ingest import ingest
from flows.settings import Settings

TAGS = ["newsetl"]


def nightly_deployment(settings: Settings) -> RunnerDeployment:
    """No parameters: each run reads the configuration (environment, newsetl.toml) when it starts,
    so a changed source list applies from the next night on without serving again.
    Never two at once: the warehouse lock stops a second run with a clear message, and a
    killed run holds nothing (the kernel drops its lock), so no slot can leak.
    """
    return RunnerDeployment.from_flow(
        ingest,
        name="nightly",
        schedules=[Cron(settings.schedule, timezone=settings.timezone.key)],
        tags=TAGS,
        description=f"Every night ({settings.schedule}, {settings.timezone.key}): ingest the configured sources "
        "into the configured warehouse.",
    )


def manual_deployment(settings: Settings) -> RunnerDeployment:
    """Started by a person from the UI; the form is filled with this machine's configuration."""
    return RunnerDeployment.from_flow(
        ingest,
        name="manual",
        tags=TAGS,
        parameters={
            "sources": list(settings.sources),
            "warehouse": str(settings.warehouse),
            "batch_size": settings.batch_size,
            "workers": settings.workers,
            "lock_wait_seconds": settings.lock_wait_seconds,
        },
        description="Ingest the sources you give into a warehouse. Edit the form, then Run. "
        "A run started while another holds the warehouse waits `lock_wait_seconds`, then stops.",
    )


def deployments(settings: Settings) -> list[RunnerDeployment]:
    return [nightly_deployment(settings), manual_deployment(settings)]
