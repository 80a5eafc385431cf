"""Worker processes that each load each NER model once and run documents through the transforms.

A worker loads the default model (`pipeline.entities.model`) when it starts and another language's
model (`pipeline.entities.models`) the first time an article in that language comes to it.

Plain processes returning plain records: spaCy holds the GIL, so threads would not scale, and Prefect
task runs per document would cost more than the NLP itself.

A batch goes through in two phases: extraction and cleaning of every document (`prepare`), then, for
the texts that need it and are not exact copies of a text already analysed, NER, figures and syntax
(`analyse`, the model reading chunks of texts with `nlp.pipe`). An exact copy takes the analysis of the
earlier text (a committed article found by `text_hash`, or the first copy in the batch).

The pool is our own, not a ProcessPoolExecutor, because a document past its time limit must cost only
its worker: each worker says which documents it is on, and the parent kills a worker whose current
document is past its deadline, starts another in its place and goes on. A worker that dies on its own
(killed by the kernel, an operator) still breaks the batch with BrokenProcessPool, which the batch task
retries (flows/failures.py).

A worker is also replaced after `recycle_after` documents (setting `worker_documents`): spaCy's vocabulary
(its StringStore and lexemes) keeps every new word a process has seen, so a long-lived worker grows with
the archive's vocabulary; a fresh one starts from the model's own. The retiring worker takes no new task,
finishes its own, and stops; its replacement loads the model meanwhile while the other workers go on (a
pool of one starts the replacement alongside the last task, so a batch never waits for a model to load).
"""

from __future__ import annotations

import contextlib
import copyreg
import dataclasses
import gc
import io
import multiprocessing
import os
import pickle
import signal
import sys
import time
import traceback
from collections import deque
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from functools import partial
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, NoReturn, TypeVar

from flows import progress, timeline
from transforms.entities import NerModels, check_models, load_ner
from transforms.options import PipelineOptions
from transforms.pipeline import (
    Analysis,
    PreparedDocument,
    ProcessedDocument,
    analyse_documents,
    analysis_of,
    copied_document,
    prepare_document,
    without_nlp,
)
from transforms.reasons import Reason, Stage
from transforms.records import Article, Entity, EntityMention, Figure, RawDocument, Rejection, SiteLine
from warehouse.gazetteer_cache import load_gazetteer

T = TypeVar("T")

# Worker processes stay single-threaded. numpy's bundled OpenBLAS otherwise starts a pool of threads sized
# to the cores when it loads; spaCy gives it almost no work, but one more thread in a process is enough
# for glibc to take every uncontended mutex with atomic instructions (a process that never started a
# thread takes it with plain stores), and spaCy's parser and NER take and drop the GIL, a mutex, many
# times per token in their transition loop: a worker spent 10-14% more CPU per document with
# the pool than without (docs/benchmarks.md, round 14). Spawned workers inherit this environment;
# OpenBLAS reads it when it loads, which in this process has happened already, so it is set here, at
# import, before any thread of ours reads the environment. Dask's nanny sets the same for its workers
# (`distributed.nanny.pre-spawn-environ`), whose killable children inherit it (flows/dask_runner.py).
# Not OMP_NUM_THREADS: Arrow sizes the flow process's CPU thread pool from it.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

Prepare = Callable[[RawDocument, PipelineOptions, Collection[str]], PreparedDocument | Rejection]
Analyse = Callable[[Sequence[PreparedDocument], NerModels, PipelineOptions], Iterator[ProcessedDocument]]
# Committed analyses of these text hashes by (text hash, NER model) (warehouse.lookups.committed_copies,
# bound to a warehouse): a copy takes the analysis by the model that reads its language now.
EarlierCopies = Callable[[Sequence[str]], Mapping[tuple[str, str], Analysis]]


@dataclass(frozen=True, slots=True)
class Steps:
    """The two phases a worker runs. Module-level functions, so a spawned worker finds them by name;
    another extractor or pipeline step is one argument away (and the stuck-document test uses one)."""

    prepare: Prepare = prepare_document
    analyse: Analyse = analyse_documents


PIPELINE = Steps()

# Documents per task: small, so results come back (and are counted) as they finish and a stuck
# document holds few others; the NLP phase takes more, since the model reads a chunk in one batch.
PREPARE_CHUNK = 4
ANALYSE_CHUNK = 16


@dataclass(slots=True)
class PhaseSeconds:
    """Seconds the workers spent on documents in each phase, summed over documents and workers (not
    wall time): `prepare` is extraction and cleaning, `analyse` the NLP."""

    prepare: float = 0.0
    analyse: float = 0.0


def process_documents(
    raws: Sequence[RawDocument],
    options: PipelineOptions,
    workers: int,
    chrome: Collection[str] = frozenset(),
    earlier_copies: EarlierCopies | None = None,
    time_limit: float = 0.0,
    spent: PhaseSeconds | None = None,
    dask_address: str | None = None,
    recycle_after: int = 0,
    steps: Steps = PIPELINE,
) -> list[ProcessedDocument | Rejection]:
    """Results in input order, each document counted into the run's progress as it is done.

    `chrome`: site boilerplate line hashes known when the batch started. `earlier_copies`: committed
    analyses by text hash (None: only copies within these documents are reused). `time_limit`: seconds
    one document's extraction or NLP may take (0: no limit). With no limit one worker runs in this
    process; a limit needs a process that can be killed, so then even one worker is a child process.
    `spent`: the workers' seconds per phase are added to it.
    `dask_address`: run on that Dask cluster instead (flows/dask_runner.py; the limit holds there too).
    `recycle_after`: documents a worker process extracts before it is replaced by a fresh one (0: never;
    the in-process worker and Dask's workers are not replaced).
    """
    if not raws:
        return []
    runner = _runner_for(options, workers, time_limit, steps, dask_address, recycle_after)
    try:
        return _process_with(
            runner, list(raws), options, chrome, earlier_copies or _no_copies, time_limit, spent or PhaseSeconds()
        )
    except BaseException:
        # A dead worker, Ctrl-C or a bug here: the workers may be mid-task, so the next call starts afresh.
        shutdown_workers()
        raise


def _no_copies(text_hashes: Sequence[str]) -> Mapping[tuple[str, str], Analysis]:
    return {}


def _process_with(
    runner: _Runner,
    raws: list[RawDocument],
    options: PipelineOptions,
    chrome: Collection[str],
    earlier_copies: EarlierCopies,
    time_limit: float,
    spent: PhaseSeconds,
) -> list[ProcessedDocument | Rejection]:
    results: list[ProcessedDocument | Rejection | None] = [None] * len(raws)

    def done(index: int, result: ProcessedDocument | Rejection) -> None:
        results[index] = result
        progress.report(read=1)

    prepared: dict[int, PreparedDocument] = {}
    # Each phase's tasks go out largest first (_largest_first): pages by their bytes, texts by their length.
    chunk, sizes = _chunk(len(raws), runner.size, PREPARE_CHUNK), [len(raw.content) for raw in raws]
    for index, outcome, seconds in runner.run("prepare", raws, chunk, chrome, sizes=sizes):
        spent.prepare += seconds
        if outcome is TIMED_OUT:
            done(index, _timeout(raws[index], "extraction", time_limit))
        elif isinstance(outcome, Rejection):
            done(index, outcome)
        elif not outcome.needs_nlp:
            done(index, without_nlp(outcome))
        else:
            prepared[index] = outcome

    # Exact copies: of a committed article (one keyed lookup for the batch), or of an earlier document here.
    earlier = earlier_copies(sorted({p.article.text_hash for p in prepared.values()})) if prepared else {}
    timeline.mark("copies looked up", len(earlier))
    first_of: dict[str, int] = {}
    fresh: list[int] = []
    copies: list[int] = []
    taken: list[tuple[int, Analysis]] = []  # copies of committed (or in-flight) articles, with their analysis
    for index, document in sorted(prepared.items()):
        text_hash, model = document.article.text_hash, options.entities.model_for(document.article.language)
        if model is not None and (text_hash, model) in earlier:
            taken.append((index, earlier[text_hash, model]))
        elif text_hash in first_of:
            copies.append(index)
        else:
            first_of[text_hash] = index
            fresh.append(index)

    def take_copies() -> None:
        # Run while the workers analyse the fresh texts, not before they are sent: the first copy in a
        # process loads the gazetteer (placed_for_a_copy), and both are ~0.3 s the workers waited idle.
        for index, analysis in taken:
            done(index, copied_document(prepared[index], analysis, options.entities))
        timeline.mark("copies taken", len(taken))

    texts = [prepared[index] for index in fresh]
    chunk, sizes = _chunk(len(texts), runner.size, ANALYSE_CHUNK), [len(text.article.text) for text in texts]
    for position, outcome, seconds in runner.run("analyse", texts, chunk, chrome, take_copies, sizes):
        spent.analyse += seconds
        index = fresh[position]
        done(index, _timeout(raws[index], "NLP", time_limit) if outcome is TIMED_OUT else outcome)

    for index in copies:
        first = results[first_of[prepared[index].article.text_hash]]
        assert first is not None  # analysed above
        if isinstance(first, Rejection):  # the same text would fail the same way: say so, do not try again
            detail = f"same text as {first.source}, rejected with: {first.detail}"[:1000]
            done(index, replace(first, doc_id=raws[index].doc_id, source=raws[index].source, detail=detail))
        else:
            done(index, copied_document(prepared[index], analysis_of(first), options.entities))
    return [result for result in results if result is not None]


def _chunk(documents: int, workers: int, largest: int) -> int:
    """Enough tasks to keep every worker busy to the end, none over `largest` documents."""
    return max(1, min(largest, documents // (workers * 4)))


def _largest_first(tasks: list[list[int]], sizes: Sequence[int] | None) -> list[list[int]]:
    """The tasks in order of their items' total size, largest first (ties as they were); as they were without
    sizes. The tasks get smaller towards a phase's end (_tasks), but a large document in one of the last still
    kept one worker busy while the others waited for the phase to end: the analysis of a text takes time about
    in proportion to its length, the extraction of a page to its bytes. Only the order changes, not which
    documents share a task: the NLP reads a task's texts in one call, and which texts share a call moves a
    few figures (docs/benchmarks.md, round 26)."""
    if sizes is None:
        return tasks
    return sorted(tasks, key=lambda task: -sum(sizes[position] for position in task))


def _tasks(items: int, largest: int, workers: int) -> list[list[int]]:
    """Positions 0..items-1 in tasks of at most `largest`, smaller towards the end (each at most the
    remainder shared over twice the workers): the last tasks of a phase are short, so no worker waits long
    for another to finish a big one (a chunk of 16 texts is seconds of NLP)."""
    tasks, start = [], 0
    while start < items:
        size = max(1, min(largest, -(-(items - start) // (2 * workers))))
        tasks.append(list(range(start, start + size)))
        start += size
    return tasks


def _timeout(raw: RawDocument, phase: str, time_limit: float) -> Rejection:
    return Rejection(
        doc_id=raw.doc_id,
        source=raw.source,
        stage=Stage.PROCESS,
        reason=Reason.TIMEOUT,
        detail=f"{phase} took longer than {time_limit:g} s (time_limit_seconds); its worker process was replaced",
    )


# --- over the pipes ----------------------------------------------------------------------------------

# The records that cross the pipes by the thousand: a batch's documents out, their results (an article with
# tens of mentions, entities and figures each) back. Pickled as a call of the class with its field values,
# which the reading side runs as the dataclass's own __init__. A frozen dataclass with slots otherwise
# pickles its values as state that `dataclasses` sets back field by field in Python, looking up the class's
# fields for every object: twice the CPU to read a result back, paid in the flow process (0.32-0.36 against
# 0.16-0.18 ms per document of the bench corpus, docs/benchmarks.md, round 12), and as much to write one.
_PIPE_RECORDS: tuple[type, ...] = (
    RawDocument,
    PreparedDocument,
    ProcessedDocument,
    Article,
    EntityMention,
    Entity,
    Figure,
    SiteLine,
    Rejection,
)


def _by_constructor(record_type: type) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    """The reduction of `record_type` to its constructor call; every field must be an __init__ argument."""
    fields = dataclasses.fields(record_type)
    if not all(field.init for field in fields):
        raise TypeError(f"{record_type.__name__} has fields __init__ does not take: it cannot be rebuilt by a call")
    names = [field.name for field in fields]

    def reduce(record: Any) -> tuple[type, tuple[Any, ...]]:
        return record_type, tuple(map(record.__getattribute__, names))

    return reduce


_PIPE_REDUCTIONS = {**copyreg.dispatch_table, **{record: _by_constructor(record) for record in _PIPE_RECORDS}}


class _PipePickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, protocol: int = pickle.HIGHEST_PROTOCOL) -> None:
        super().__init__(file, protocol)
        self.dispatch_table = _PIPE_REDUCTIONS


def _send(conn: Connection, message: object) -> None:
    """`conn.send`, with the pipe's records pickled as constructor calls; the other end reads it with
    `conn.recv` as usual (plain pickle: the reduction is in the bytes, not in the reader)."""
    buffer = io.BytesIO()
    _PipePickler(buffer).dump(message)
    conn.send_bytes(buffer.getbuffer())


# --- inside a worker ---------------------------------------------------------------------------------

_worker_nlp: NerModels | None = None
_worker_options: PipelineOptions | None = None
_worker_steps: Steps = PIPELINE
_worker_chrome: Collection[str] = frozenset()


def _init_worker(options: PipelineOptions, steps: Steps) -> None:
    global _worker_nlp, _worker_options, _worker_steps
    _worker_options, _worker_steps = options, steps
    entities = options.entities
    _worker_nlp = NerModels(entities, {entities.model: load_ner(entities)})
    # Read from its cache file now (~0.1 s), not built at the first document (~0.9 s, every worker, every run).
    load_gazetteer(entities.gazetteer_min_population)


def _guarded(doc_id: str, source: str, work: Callable[[], T]) -> T | Rejection:
    """A bug or a hostile document costs one rejection row, never the batch."""
    try:
        return work()
    except Exception as error:  # noqa: BLE001 - recorded with its traceback tail
        tail = traceback.format_exc(limit=-2).strip().splitlines()[-1]
        return Rejection(
            doc_id=doc_id,
            source=source,
            stage=Stage.PROCESS,
            reason=Reason.INTERNAL_ERROR,
            detail=f"{type(error).__name__}: {error} ({tail})"[:1000],
        )


def _run_task(step: str, items: list[tuple[int, Any]], working_on: Callable[[list[int]], None]) -> Iterator[tuple]:
    """(position, result, seconds) for each item of one task, in order; `working_on` is told which items
    the worker works on from now, so the parent can time them. `seconds`: what the item took here; in a
    chunk the model reads at once, the time from the previous result to this one."""
    nlp, options, steps = _worker_nlp, _worker_options, _worker_steps
    assert nlp is not None and options is not None
    if step == "prepare":
        for position, raw in items:
            working_on([position])
            started = time.perf_counter()
            prepared = _guarded(raw.doc_id, raw.source, partial(steps.prepare, raw, options, _worker_chrome))
            yield position, prepared, time.perf_counter() - started
        return
    working_on([position for position, _ in items])
    finished = 0
    started = time.perf_counter()
    try:
        for result in steps.analyse([document for _, document in items], nlp, options):
            yield items[finished][0], result, time.perf_counter() - started
            finished += 1
            started = time.perf_counter()  # not the time the result took to reach the parent
    except Exception:  # noqa: BLE001 - the rest one at a time, so only the text at fault is rejected
        for position, document in items[finished:]:
            working_on([position])
            article = document.article
            started = time.perf_counter()
            analysed = _guarded(article.doc_id, article.source, partial(_analyse_one, steps, document, nlp, options))
            yield position, analysed, time.perf_counter() - started


def _analyse_one(
    steps: Steps, document: PreparedDocument, nlp: NerModels, options: PipelineOptions
) -> ProcessedDocument:
    return next(steps.analyse([document], nlp, options))


def _serve(conn: Connection, options: PipelineOptions, steps: Steps) -> None:
    """A worker: load the model, then run tasks until told to stop or the parent is gone."""
    global _worker_chrome
    # Ctrl-C and SIGTERM reach the whole process group: the parent stops the run and then ends its
    # workers; a worker that died of the signal first would fail the batch instead.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        _init_worker(options, steps)
        # What a worker process holds for its whole life (the imported modules, the model) leaves the garbage
        # collector's walks: a worker's documents leave few survivors, so its rare full collections were walks
        # of those ~150,000 objects, 0.24 of 25.5 CPU s over 250 documents, 0.05 frozen (docs/benchmarks.md,
        # round 16). Here only: the in-process worker shares the flow's process (or a Dask worker's), whose
        # objects come and go with its runs, and a frozen object is never collected.
        gc.freeze()
        _send(conn, ("ready", time.process_time()))  # its CPU seconds to load the model, for timeline
        while (message := conn.recv()) is not None:
            if message[0] == "chrome":
                _worker_chrome = message[1]
                continue
            _, step, items = message
            for position, result, seconds in _run_task(step, items, lambda positions: _send(conn, ("on", positions))):
                _send(conn, ("done", position, result, seconds))
    except (EOFError, OSError):  # the parent is gone: nobody wants the results
        pass
    _end_worker()


def _end_worker() -> NoReturn:
    """End this worker process now, without the interpreter's shutdown.

    A spawned process otherwise ends with `sys.exit`: every module torn down and every object freed one by
    one, the model's included. The end of every run waited 1.1-1.2 s for that on a busy machine (2.7 s for a
    pool of two closed alone; docs/benchmarks.md, round 13), and a recycled worker spent it beside the others.
    Everything it owes the parent went over the pipe already; the kernel frees the rest."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(0)


# --- in the parent -----------------------------------------------------------------------------------


class _TimedOut:
    def __repr__(self) -> str:
        return "TIMED_OUT"

    def __reduce__(self) -> str:
        # The one instance by name, so `is TIMED_OUT` holds for one that came back from a Dask worker.
        return "TIMED_OUT"


TIMED_OUT: Any = _TimedOut()  # in place of a result: the document was past its deadline


def _nothing() -> None:
    pass


class _Runner:
    size: int

    def run(
        self,
        step: str,
        items: list[Any],
        chunk: int,
        chrome: Collection[str],
        meanwhile: Callable[[], None] = _nothing,
        sizes: Sequence[int] | None = None,
    ) -> Iterator[tuple[int, Any, float]]:
        """(position, result, the worker's seconds on it) for each item, as each is done. `meanwhile` is
        called once, before the first result, while the workers have their first tasks (at once if none).
        `sizes`: each item's size, by which a pool hands out its tasks, largest first (_largest_first)."""
        raise NotImplementedError

    def close(self) -> None:
        pass


class _InProcess(_Runner):
    """One worker in this process: no start-up cost, and no time limit (nothing to kill)."""

    size = 1

    def __init__(self, options: PipelineOptions, steps: Steps) -> None:
        global _worker_steps
        if _worker_nlp is None or _worker_options != options:  # the model stays loaded from run to run
            _init_worker(options, steps)
        _worker_steps = steps

    def run(
        self,
        step: str,
        items: list[Any],
        chunk: int,
        chrome: Collection[str],
        meanwhile: Callable[[], None] = _nothing,
        sizes: Sequence[int] | None = None,
    ) -> Iterator[tuple[int, Any, float]]:
        global _worker_chrome
        meanwhile()  # the one worker is this process: nothing runs beside it
        _worker_chrome = chrome
        for start in range(0, len(items), chunk):
            yield from _run_task(step, list(enumerate(items))[start : start + chunk], lambda positions: None)


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    conn: Connection
    ready: bool = False
    chrome: Collection[str] | None = None
    # Positions of its task not done yet; when none is left it reads the next task (pipes keep order).
    task: list[int] = field(default_factory=list)
    working_on: list[int] = field(default_factory=list)
    deadline: float | None = None
    documents: int = 0  # documents given to it to extract, for recycling
    retiring: bool = False  # takes no new task; stopped once its task is done


class _Pool(_Runner):
    """Spawned worker processes fed over pipes, a task (a few documents) at a time."""

    def __init__(
        self, options: PipelineOptions, size: int, steps: Steps, time_limit: float, recycle_after: int = 0
    ) -> None:
        check_models(options.entities)  # here, with its message, not as a dead worker
        # spawn, not fork: the parent runs Prefect's threads and event loop.
        self.context = multiprocessing.get_context("spawn")
        self.options, self.steps, self.size, self.time_limit = options, steps, size, time_limit
        self.recycle_after = recycle_after
        timeline.mark("pool starting", size)
        self.workers = [self._start() for _ in range(size)]
        self.stopped: list[_Worker] = []  # told to stop after recycling, not yet reaped
        self.replaced = 0  # workers recycled so far (read by the tests)

    def _start(self) -> _Worker:
        parent_end, child_end = self.context.Pipe()
        process = self.context.Process(
            target=_serve, args=(child_end, self.options, self.steps), name="newsetl-worker", daemon=True
        )
        process.start()
        child_end.close()
        return _Worker(process, parent_end)

    def run(
        self,
        step: str,
        items: list[Any],
        chunk: int,
        chrome: Collection[str],
        meanwhile: Callable[[], None] = _nothing,
        sizes: Sequence[int] | None = None,
    ) -> Iterator[tuple[int, Any, float]]:
        queue = deque(_largest_first(_tasks(len(items), chunk, self.size), sizes))
        left = len(items)
        timeline.mark(f"{step} start", len(items))
        if not left:
            meanwhile()
        while left:
            for worker in list(self.workers):
                if worker.ready and not worker.retiring and not worker.task and queue:
                    if worker.chrome is not chrome:
                        _send(worker.conn, ("chrome", chrome))
                        worker.chrome = chrome
                    worker.task = queue.popleft()
                    timeline.mark("task sent", worker.process.pid)
                    _send(worker.conn, ("task", step, [(position, items[position]) for position in worker.task]))
                    if step == "prepare":
                        self._count(worker, len(worker.task))
            self._retire_idle()
            if left == len(items):  # the first tasks are out (or the workers still load): before waiting on them
                meanwhile, then = _nothing, meanwhile
                then()
            for position, result, seconds in self._receive():
                if left == len(items):
                    timeline.mark(f"{step} first result")
                left -= 1
                yield position, result, seconds
            for worker in self._late():
                blamed, again = self._replace(worker)
                queue.extend([position] for position in again)  # one at a time: none held by another
                for position in blamed:
                    left -= 1
                    yield position, TIMED_OUT, self.time_limit  # what its worker spent on it before the kill
        self._retire_idle()  # a worker retired by the last tasks stops now, not when the next batch comes
        timeline.mark(f"{step} end")

    def _count(self, worker: _Worker, documents: int) -> None:
        """Count documents given to `worker`; at `recycle_after` it retires after this task. Its replacement
        starts now when no other worker could take the next task meanwhile, else once it has stopped (so
        the pool holds no extra process while the others carry on)."""
        worker.documents += documents
        if not self.recycle_after or worker.documents < self.recycle_after:
            return
        worker.retiring = True
        if not any(w.ready and not w.retiring for w in self.workers):
            self.workers.append(self._start())

    def _retire_idle(self) -> None:
        """Stop each retiring worker that has finished its task, and start its replacement if none is yet."""
        for worker in [w for w in self.workers if w.retiring and not w.task]:
            self.workers.remove(worker)
            try:
                worker.conn.send(None)  # it ends by itself; reaped below without waiting for it here
            except OSError:
                worker.process.kill()
            worker.conn.close()
            self.stopped.append(worker)
            self.replaced += 1
            if len(self.workers) < self.size:
                self.workers.append(self._start())
        for worker in [w for w in self.stopped if not w.process.is_alive()]:
            worker.process.join()
            self.stopped.remove(worker)

    def _receive(self) -> list[tuple[int, Any, float]]:
        """Wait for messages (at most until the next deadline) and handle them; results in arrival order."""
        deadlines = [w.deadline for w in self.workers if w.deadline is not None]
        timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
        wait([w.conn for w in self.workers], timeout)
        results = []
        for worker in self.workers:
            try:
                while worker.conn.poll():
                    results.extend(self._handle(worker, worker.conn.recv()))
            except (EOFError, OSError):
                worker.process.join(timeout=5)
                raise BrokenProcessPool(
                    f"a worker process died (exit code {worker.process.exitcode}) while working on a batch; "
                    "the batch is tried again"
                ) from None
        return results

    def _handle(self, worker: _Worker, message: tuple) -> list[tuple[int, Any, float]]:
        kind = message[0]
        if kind == "ready":
            worker.ready = True
            timeline.mark("worker ready", f"{message[1]:.2f} CPU s")
        elif kind == "on":
            worker.working_on = message[1]
            worker.deadline = time.monotonic() + self.time_limit if self.time_limit else None
        elif kind == "done":
            position = message[1]
            worker.task.remove(position)
            if not worker.task:  # bench.pool_idle: from here to its next "task sent" the worker waits
                timeline.mark("task done", worker.process.pid)
            if position in worker.working_on:
                worker.working_on.remove(position)
            # The rest of a chunk gets its own time again.
            worker.deadline = time.monotonic() + self.time_limit if self.time_limit and worker.working_on else None
            return [(position, message[2], message[3])]
        return []

    def _late(self) -> list[_Worker]:
        now = time.monotonic()
        return [w for w in self.workers if w.deadline is not None and w.working_on and now >= w.deadline]

    def _replace(self, worker: _Worker) -> tuple[list[int], list[int]]:
        """Kill a worker past its deadline and start another. Returns the documents timed out (the one it
        was on) and those to do again: the rest of its task, or all of it when it was on several at
        once (a chunk of texts in the model), which then run one at a time to find the slow one."""
        self._kill(worker)
        if worker.retiring and len(self.workers) > self.size:  # its replacement is already there
            self.workers.remove(worker)
        else:
            self.workers[self.workers.index(worker)] = self._start()
        blamed = worker.working_on if len(worker.working_on) == 1 else []
        return blamed, [position for position in worker.task if position not in blamed]

    @staticmethod
    def _kill(worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join()
        worker.conn.close()

    def close(self) -> None:
        # Every idle worker is told to stop before any is waited for: they exit (the model's memory
        # freed) at the same time, not one after another.
        told = []
        for worker in self.workers:
            if worker.ready and not worker.task:
                try:
                    worker.conn.send(None)
                    told.append(worker)
                except OSError:
                    pass
        for worker in told:
            worker.process.join(timeout=5)
        for worker in self.workers:
            if worker.process.is_alive():
                self._kill(worker)
            worker.conn.close()
        for worker in self.stopped:
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
        self.stopped = []


_runner: _Runner | None = None
_runner_key: tuple | None = None


def _runner_for(
    options: PipelineOptions,
    workers: int,
    time_limit: float,
    steps: Steps,
    dask_address: str | None = None,
    recycle_after: int = 0,
) -> _Runner:
    global _runner, _runner_key
    recycle_after = 0 if dask_address else recycle_after  # Dask's workers are the cluster's to replace
    key = (options, workers, time_limit, steps, dask_address, recycle_after)
    if _runner is None or _runner_key != key:
        shutdown_workers()
        in_process = workers <= 1 and not time_limit
        if dask_address:
            from flows.dask_runner import DaskRunner  # here: dask loads only for runs that use it

            _runner = DaskRunner(dask_address, workers, options, steps, time_limit)
        else:
            _runner = (
                _InProcess(options, steps) if in_process else _Pool(options, workers, steps, time_limit, recycle_after)
            )
        _runner_key = key
    return _runner


def start_workers(
    options: PipelineOptions, workers: int, time_limit: float, dask_address: str | None, recycle_after: int = 0
) -> None:
    """Start the workers the batches will use (the same ones: `_runner_for` keeps them, given the same
    arguments as `process_documents`), at the start of a run, before its discovery and first reads.

    A worker process spends 1-2 s importing the libraries and loading the model before its first
    document (more on a busy machine); started here, that overlaps the flow's own start (discovery,
    the `runs` row, the first batch's lookups and reading) instead of following it, with 1 worker or
    many (docs/benchmarks.md, round 15). A cluster that cannot run them stops the run before its first
    batch, with its message, instead of failing every batch in turn. The cost: a run that finds nothing new
    starts workers it then ends (killed while they load, if they have not finished), and a run that fetches
    holds their memory while it discovers and fetches its first batch.

    A worker in this process (1 worker, no time limit) is not started here: its model would load in the
    flow's own thread, with nothing to overlap, and a run that finds nothing new would pay for it.
    """
    if workers <= 1 and not time_limit and not dask_address:
        return
    _runner_for(options, workers, time_limit, PIPELINE, dask_address, recycle_after)


def shutdown_workers() -> None:
    global _runner, _runner_key
    if _runner is not None:
        _runner.close()
    _runner, _runner_key = None, None
