"""The rules of a batch and of a run, apart from any I/O: what is still to do, what counts, what a run did.

Both flows (`ingest`, `reprocess`) go through `flows/batch.py`, which applies these rules.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from transforms.reasons import Reason, Stage
from transforms.records import RawDocument, Rejection, RunSummary

if TYPE_CHECKING:  # only a type here; importing it at run time would load spaCy
    from transforms.pipeline import ProcessedDocument

T = TypeVar("T")
D = TypeVar("D", RawDocument, Rejection)

# Rejections at these stages say the input could not be read this time (a URL answering 404, an
# unreadable file): not a verdict on a document, so the input is read again and counted on every run.
RETRIED_STAGES = (Stage.READ, Stage.FETCH)


# The stages of StageSeconds in the order a document goes through them; `runs` has a seconds_<stage> column each.
STAGE_NAMES = ("read", "lookups", "extract_clean", "nlp", "dedup", "commit", "publish")
# Stages timed in the worker processes: their seconds are summed over documents and workers.
WORKER_STAGES = frozenset({"extract_clean", "nlp"})


@dataclass(frozen=True, slots=True)
class StageSeconds:
    """Where a batch's (or a run's) time went, in seconds per stage.

    `extract_clean` and `nlp` are the worker processes' time on each document, summed over documents and
    workers (two busy workers spend up to twice the wall time); the others are the flow's own wall time:
    `read` reading and fetching sources, `lookups` the warehouse queries a batch makes (known documents,
    stored pages, site chrome, earlier copies), `dedup` duplicate clustering, `commit` the Delta appends
    and the marker, `publish` the views database and the search index after each batch.
    """

    read: float = 0.0
    lookups: float = 0.0
    extract_clean: float = 0.0
    nlp: float = 0.0
    dedup: float = 0.0
    commit: float = 0.0
    publish: float = 0.0

    def __add__(self, other: StageSeconds) -> StageSeconds:
        return StageSeconds(*(a + b for a, b in zip(self.astuple(), other.astuple(), strict=True)))

    def astuple(self) -> tuple[float, ...]:
        return (self.read, self.lookups, self.extract_clean, self.nlp, self.dedup, self.commit, self.publish)

    def by_stage(self) -> dict[str, float]:
        """Stage name to seconds, in the order a document goes through them."""
        return dict(zip(STAGE_NAMES, self.astuple(), strict=True))


@dataclass(frozen=True, slots=True)
class BatchCounts:
    """What one batch did; small enough to pass between tasks and add up."""

    documents: int = 0
    skipped: int = 0
    articles: int = 0
    entity_mentions: int = 0
    figures: int = 0
    rejections: int = 0
    seconds: StageSeconds = StageSeconds()
    # Batches that committed a marker: only those change what the views show.
    committed: int = 0

    def __add__(self, other: BatchCounts) -> BatchCounts:
        documents, skipped, articles, mentions, figures, rejections = (
            a + b for a, b in zip(self.astuple(), other.astuple(), strict=True)
        )
        return BatchCounts(
            documents,
            skipped,
            articles,
            mentions,
            figures,
            rejections,
            seconds=self.seconds + other.seconds,
            committed=self.committed + other.committed,
        )

    def astuple(self) -> tuple[int, ...]:
        return (self.documents, self.skipped, self.articles, self.entity_mentions, self.figures, self.rejections)


@dataclass(frozen=True, slots=True)
class RunReport:
    run_id: str
    warehouse: str
    sources: int
    batches: int
    counts: BatchCounts
    seconds: float
    entities: int = 0
    rejection_reasons: list[tuple[str, str, int]] = field(default_factory=list)
    # SQL checks (warehouse/sql/checks) that found violations at the end of the run, with how many rows.
    failed_checks: dict[str, int] = field(default_factory=dict)
    # Seen in sources but not documents, counted not rejected (e.g. "warc/request": 120).
    skipped_in_sources: dict[str, int] = field(default_factory=dict)


def chunked(items: Sequence[T], size: int) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def groups_of_batches(sizes: Sequence[tuple[str, int]], most: int) -> list[list[str]]:
    """The batches of `sizes` (batch id, documents), in order, in consecutive groups of at most `most` documents each;
    a batch of more than `most` is a group of its own, and batches of none join the group they fall in."""
    groups: list[list[str]] = []
    held = most + 1  # documents of the group being filled: none is open yet
    for batch_id, documents in sizes:
        if held + documents > most:
            groups.append([])
            held = 0
        groups[-1].append(batch_id)
        held += documents
    return groups


def split_known(raws: list[D], known: set[str]) -> tuple[list[D], int]:
    """Documents (or read rejections) still to do, once each; and how many were already known or repeated."""
    todo: list[D] = []
    seen = set(known)
    for raw in raws:
        if raw.doc_id not in seen:
            seen.add(raw.doc_id)
            todo.append(raw)
    return todo, len(raws) - len(todo)


def split_results(results: list[ProcessedDocument | Rejection]) -> tuple[list[ProcessedDocument], list[Rejection]]:
    """Articles once each: a second document of the same article in a batch is a rejection."""
    processed: dict[str, ProcessedDocument] = {}
    rejections: list[Rejection] = []
    for result in results:
        if isinstance(result, Rejection):
            rejections.append(result)
        elif result.article.article_id in processed:
            first = processed[result.article.article_id].article
            rejections.append(
                Rejection(
                    doc_id=result.article.doc_id,
                    source=result.article.source,
                    stage=Stage.DEDUP,
                    reason=Reason.DUPLICATE_ARTICLE,
                    detail=f"same article as {first.source} ({first.article_id})",
                )
            )
        else:
            processed[result.article.article_id] = result
    return list(processed.values()), rejections


def run_summary(
    run_id: str,
    started_at: datetime | None,
    status: str,
    sources: int,
    counts: BatchCounts,
    batches: int,
    finished_at: datetime | None = None,
    error: str | None = None,
    check_violations: int | None = None,
) -> RunSummary:
    """The `runs` row of a run that has done `counts` in `batches` batches so far.

    `started_at` is None only for a run found cut short before it wrote a row (recovery fills it in).
    `error` says why a run that did not complete stopped; `check_violations` is what the SQL checks found.
    """
    return RunSummary(
        run_id=run_id,
        started_at=started_at,  # type: ignore[arg-type]  # None: a placeholder recovery fills in before writing
        finished_at=finished_at,
        status=status,
        sources=sources,
        **run_counts(counts, batches),
        error=error,
        check_violations=check_violations,
        seconds_read=counts.seconds.read,
        seconds_lookups=counts.seconds.lookups,
        seconds_extract_clean=counts.seconds.extract_clean,
        seconds_nlp=counts.seconds.nlp,
        seconds_dedup=counts.seconds.dedup,
        seconds_commit=counts.seconds.commit,
        seconds_publish=counts.seconds.publish,
    )


ERROR_CHARS = 500  # a runs cell, not a traceback: the log has the rest


def error_line(error: BaseException) -> str:
    """How the `runs` row says why a run stopped: "ExceptionType: message", first line, capped."""
    message = str(error).strip().splitlines()
    text = f"{type(error).__name__}: {message[0]}" if message else type(error).__name__
    return text if len(text) <= ERROR_CHARS else text[: ERROR_CHARS - 1] + "…"


def run_counts(total: BatchCounts, batches: int) -> dict[str, int]:
    """The count columns of a `runs` row."""
    return {
        "documents_seen": total.documents,
        "documents_skipped": total.skipped,
        "articles": total.articles,
        "entity_mentions": total.entity_mentions,
        "figures": total.figures,
        "rejections": total.rejections,
        "batches": batches,
    }


# Stages (as stored strings compare equal to these) whose rejections never had text extracted.
_BEFORE_TEXT = frozenset(stage for stage in Stage if stage.before_text)


def extracted(run_report: RunReport) -> int:
    """Documents this run got text out of: the new ones, less those rejected before or at extraction."""
    lost = sum(n for stage, _, n in run_report.rejection_reasons if stage in _BEFORE_TEXT)
    return run_report.counts.documents - run_report.counts.skipped - lost
