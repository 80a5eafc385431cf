"""Worker processes that each load the NER model once and run documents through the transforms.

Plain processes returning plain records: spaCy holds the GIL, so threads would not
scale, and Prefect task runs per document would cost more than the NLP itself.
"""

from __future__ import annotations

import itertools
import multiprocessing
import signal
import traceback
from collections.abc import Collection, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from spacy.language import Language

from flows import progress
from transforms.entities import check_model, load_ner
from transforms.options import PipelineOptions
from transforms.pipeline import ProcessedDocument, process_document
from transforms.reasons import Reason, Stage
from transforms.records import RawDocument, Rejection

_worker_nlp: Language | None = None
_worker_options: PipelineOptions | None = None

_pool: ProcessPoolExecutor | None = None
_pool_key: tuple[PipelineOptions, int] | None = None


def _init_worker(options: PipelineOptions) -> None:
    global _worker_nlp, _worker_options
    if multiprocessing.parent_process() is not None:
        # Ctrl-C reaches the whole process group: the parent stops the run and shuts the pool down;
        # a worker that died of it first would fail the batch instead.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_options = options
    _worker_nlp = load_ner(options.entities)


def _process_one(raw: RawDocument, chrome: Collection[str] = frozenset()) -> ProcessedDocument | Rejection:
    """A bug or a hostile document costs one rejection row, never the batch."""
    assert _worker_nlp is not None and _worker_options is not None
    try:
        return process_document(raw, _worker_nlp, _worker_options, chrome)
    except Exception as error:  # noqa: BLE001 - recorded with its traceback tail
        tail = traceback.format_exc(limit=-2).strip().splitlines()[-1]
        return Rejection(
            doc_id=raw.doc_id,
            source=raw.source,
            stage=Stage.PROCESS,
            reason=Reason.INTERNAL_ERROR,
            detail=f"{type(error).__name__}: {error} ({tail})"[:1000],
        )


def _pool_for(options: PipelineOptions, workers: int) -> ProcessPoolExecutor:
    global _pool, _pool_key
    if _pool is None or _pool_key != (options, workers):
        shutdown_workers()
        check_model(options.entities.model)  # here, with its message, not as a broken pool of workers
        # spawn, not fork: the parent runs Prefect's threads and event loop.
        context = multiprocessing.get_context("spawn")
        _pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(options,))
        _pool_key = (options, workers)
    return _pool


def process_documents(
    raws: Sequence[RawDocument], options: PipelineOptions, workers: int, chrome: Collection[str] = frozenset()
) -> list[ProcessedDocument | Rejection]:
    """Results in input order, each counted into the run's progress as it finishes. One worker runs in
    this process (no start-up cost).

    `chrome`: the site boilerplate line hashes known when the batch started.
    """
    if not raws:
        return []
    if workers <= 1:
        if _worker_nlp is None or _worker_options != options:
            _init_worker(options)
        return [_counted(_process_one(raw, chrome)) for raw in raws]
    # Small chunks: results come back (and are counted) a chunk at a time.
    chunksize = max(1, min(4, len(raws) // (workers * 4)))
    try:
        results = _pool_for(options, workers).map(_process_one, raws, itertools.repeat(chrome), chunksize=chunksize)
        return [_counted(result) for result in results]  # map yields in input order, as each is ready
    except BrokenProcessPool:
        # A worker died; the pool cannot be used again, so the next call starts a fresh one.
        shutdown_workers()
        raise


def _counted(result: ProcessedDocument | Rejection) -> ProcessedDocument | Rejection:
    progress.report(read=1)
    return result


def shutdown_workers() -> None:
    global _pool, _pool_key
    if _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
    _pool, _pool_key = None, None
