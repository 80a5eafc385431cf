"""The worker pool: spaCy reads chunks of texts with `nlp.pipe`, exact copies take over the analysis of
their earlier text, and a document past its time limit costs one `process/timeout` rejection and its
worker process, never the batch."""

from __future__ import annotations

import atexit
import gc
import pickle
import time
from collections.abc import Collection, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

import flows.batch as batch_module
from flows import workers
from flows.ingest import ingest
from tests.conftest import sql
from tests.worker_threads import frozen_reporting_prepare, threads_reporting_prepare
from transforms.entities import NerModels, load_ner, read_text, read_texts, spans_of
from transforms.options import EntityOptions, PipelineOptions
from transforms.pipeline import PreparedDocument, ProcessedDocument, analyse_documents, prepare_document
from transforms.records import RawDocument, Rejection
from warehouse.query import failed_checks

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
NEVER_FINISHES = "<!-- never finishes -->"


def test_nlp_pipe_finds_the_same_entities_as_one_call_each():
    options = EntityOptions()
    nlp = load_ner(options)
    texts = [
        "President Joe Biden met Olaf Scholz in Berlin on Tuesday.",
        "The United Nations said 300 troops would leave Mali.",
        "",
        "Apple and Microsoft reported results. Tim Cook spoke in Cupertino, California.",
        " ".join(["Angela Merkel visited Paris and spoke with Emmanuel Macron."] * 30),
    ]
    one_each = [spans_of(read_text(nlp, text, options)) for text in texts]
    piped = [spans_of(doc) for doc in read_texts(nlp, texts, options, batch_size=3)]
    assert piped == one_each and any(one_each)


def test_a_timeout_that_came_back_from_another_process_is_still_a_timeout():
    # A Dask worker's results travel pickled; the runner tells a timeout by identity.
    assert pickle.loads(pickle.dumps(workers.TIMED_OUT)) is workers.TIMED_OUT


def stuck_prepare(raw: RawDocument, options: PipelineOptions, chrome: Collection[str]) -> PreparedDocument | Rejection:
    """The real extraction, except for a marked page, where it never finishes (as a pathological page
    can hold a regex or a parser). Module level, so a spawned worker imports it by name."""
    if NEVER_FINISHES.encode() in raw.content:
        while True:
            time.sleep(1)
    return prepare_document(raw, options, chrome)


def with_steps(steps: workers.Steps, real=batch_module.process_documents):
    def process_documents(raws, *more):
        return real(raws, *more, steps=steps)

    return process_documents


@pytest.mark.timeout(600)
def test_a_stuck_document_becomes_one_timeout_and_the_batch_goes_on(prefect_server, tmp_path, monkeypatch):
    folder = tmp_path / "pages"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.html"))
    for seed in seeds:
        (folder / seed.name).write_bytes(seed.read_bytes())
    stuck = folder / "stuck.html"
    stuck.write_text(seeds[0].read_text(encoding="utf-8") + NEVER_FINISHES, encoding="utf-8")
    monkeypatch.setattr(batch_module, "process_documents", with_steps(workers.Steps(prepare=stuck_prepare)))
    monkeypatch.setenv("NEWSETL_TIME_LIMIT_SECONDS", "20")
    warehouse = tmp_path / "wh"

    report = ingest(sources=[str(folder)], warehouse=str(warehouse), workers=1, batch_size=len(seeds) + 1)

    rejections = sql(warehouse, "SELECT source, stage, reason FROM rejections")
    assert rejections == [(str(stuck), "process", "timeout")]
    assert report.counts.articles == len(seeds) and report.batches == 1
    assert sql(warehouse, "SELECT count(*) FROM articles") == [(len(seeds),)]
    assert sql(warehouse, "SELECT status FROM runs") == [("completed",)]
    assert failed_checks(warehouse) == {}


analysed_sources: list[str] = []


def counting_analyse(
    prepared: Sequence[PreparedDocument], nlp: NerModels, options: PipelineOptions
) -> Iterator[ProcessedDocument]:
    """The real NLP, noting which sources it ran on (in this process: no time limit, one worker)."""
    analysed_sources.extend(p.article.source for p in prepared)
    return analyse_documents(prepared, nlp, options)


def copy_of(seed: Path, target: Path, n: int) -> Path:
    """The same page at another canonical URL: another article with the same text."""
    html = seed.read_text(encoding="utf-8")
    target.write_text(html.replace("/index.html", f"/index-copy-{n}.html"), encoding="utf-8")
    return target


@pytest.mark.timeout(600)
def test_exact_copies_take_the_earlier_analysis_with_valid_offsets(prefect_server, tmp_path, monkeypatch):
    seed = SEEDS / "cnn_troops.html"
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    original = first / seed.name
    original.write_bytes(seed.read_bytes())
    batch_copy = copy_of(seed, first / "copy-1.html", 1)  # of the original, in the same batch
    committed_copy = copy_of(seed, later / "copy-2.html", 2)  # of an article of an earlier run
    monkeypatch.setattr(batch_module, "process_documents", with_steps(workers.Steps(analyse=counting_analyse)))
    monkeypatch.setenv("NEWSETL_TIME_LIMIT_SECONDS", "0")
    warehouse = tmp_path / "wh"
    analysed_sources.clear()

    ingest(sources=[str(first)], warehouse=str(warehouse), workers=1)
    assert analysed_sources == [str(original)]
    report = ingest(sources=[str(later)], warehouse=str(warehouse), workers=1)
    assert analysed_sources == [str(original)] and report.counts.articles == 1  # no NER for either copy

    articles = dict(sql(warehouse, "SELECT source, article_id FROM articles"))
    assert len(set(articles.values())) == 3
    for table in ("entity_mentions", "figures"):
        broken = sql(
            warehouse,
            f"SELECT count(*) FROM {table} JOIN articles USING (article_id) "
            "WHERE substring(text, char_start + 1, char_end - char_start) <> surface",
        )
        assert broken == [(0,)], table
    columns = {
        "entity_mentions": "entity_id, surface, label, char_start, char_end",
        "figures": "surface, value, value_low, value_high, approximate, qualifier, unit, object, kind, "
        "char_start, char_end, sentence, entity_id, role",
    }
    for table, selected in columns.items():
        rows = {
            source: sql(warehouse, f"SELECT {selected} FROM {table} WHERE article_id = ? ORDER BY ALL", article_id)
            for source, article_id in articles.items()
        }
        assert rows[str(original)], table
        assert rows[str(committed_copy)] == rows[str(original)] == rows[str(batch_copy)], table
    figure_ids = sql(warehouse, "SELECT count(DISTINCT figure_id), count(*) FROM figures")
    assert figure_ids[0][0] == figure_ids[0][1]
    assert sql(warehouse, "SELECT count(DISTINCT ner_model) FROM articles") == [(1,)]
    assert failed_checks(warehouse) == {}


def distinct_raws(count: int) -> list[RawDocument]:
    """`count` documents from the seed pages, each with bytes (and so a doc id) of its own."""
    pages = sorted(SEEDS.glob("*.html"))
    raws = []
    for n in range(count):
        content = pages[n % len(pages)].read_bytes() + f"<!-- {n} -->".encode()
        doc_id = f"recycle-{n:02d}"
        raws.append(
            RawDocument(doc_id=doc_id, source=f"{doc_id}.html", url=None, content=content, media_type="text/html")
        )
    return raws


@pytest.mark.timeout(600)
@pytest.mark.parametrize("pool_size", [1, 2])
def test_workers_are_replaced_after_their_documents_and_the_batch_lands_whole(pool_size):
    # 3 documents, 2 per worker: the worker given the second document of one worker retires after it.
    # Alone in its pool, its replacement starts alongside its last task; with another, once it has stopped.
    raws = distinct_raws(3)
    options = PipelineOptions()
    try:
        expected = workers.process_documents(raws, options, workers=1)  # in this process, never replaced
        workers.shutdown_workers()
        results = workers.process_documents(raws, options, workers=pool_size, time_limit=60, recycle_after=2)
        pool = workers._runner
        assert isinstance(pool, workers._Pool)
        assert pool.replaced == 1
        assert len(pool.workers) == pool_size and not any(worker.retiring for worker in pool.workers)
        assert results == expected
    finally:
        workers.shutdown_workers()


@pytest.mark.timeout(300)
def test_a_phase_runs_its_meanwhile_work_once_with_the_first_tasks_out():
    # The copies of committed articles are taken while the workers analyse the fresh texts, not before the
    # texts are sent (the workers then waited for them).
    raws = distinct_raws(2)
    seen: list[list[list[int]]] = []
    try:
        workers.process_documents(raws[:1], PipelineOptions(), workers=1, time_limit=60)  # its worker is ready
        pool = workers._runner
        assert isinstance(pool, workers._Pool)

        def note_tasks() -> None:
            seen.append([list(worker.task) for worker in pool.workers])

        done = list(pool.run("prepare", raws, 1, frozenset(), note_tasks))
        assert seen == [[[0]]]  # once: the first task is out and no result has come back
        assert sorted(position for position, _, _ in done) == [0, 1]
        assert list(pool.run("prepare", [], 1, frozenset(), lambda: seen.append([]))) == []
        assert seen == [[[0]], []]  # with nothing to send: at once
    finally:
        workers.shutdown_workers()


@pytest.mark.timeout(300)
def test_a_pool_hands_out_its_tasks_largest_first_and_keeps_which_documents_share_one():
    # A large document among a phase's last tasks kept one worker busy while the others waited for the phase
    # to end (docs/benchmarks.md, round 26). Which texts share a task stays: the NLP reads them in one call.
    raws = distinct_raws(4)
    try:
        workers.process_documents(raws[:1], PipelineOptions(), workers=1, time_limit=60)  # its worker is ready
        pool = workers._runner
        assert isinstance(pool, workers._Pool)
        # One worker takes one task at a time, so its results come back in the order the tasks went out.
        done = [position for position, _, _ in pool.run("prepare", raws, 1, frozenset(), sizes=[1, 3, 2, 4])]
        assert done == [3, 1, 2, 0]
        assert [position for position, _, _ in pool.run("prepare", raws, 1, frozenset())] == [0, 1, 2, 3]
    finally:
        workers.shutdown_workers()
    assert workers._largest_first([[0, 1], [2, 3], [4]], [5, 1, 1, 1, 9]) == [[4], [0, 1], [2, 3]]


def test_a_run_keeps_what_was_there_before_it_out_of_the_collectors_walks_until_its_batches_are_done(
    prefect_server, tmp_path, monkeypatch
):
    frozen: list[int] = []

    def process_documents(raws, *more, real=batch_module.process_documents, **named):
        frozen.append(gc.get_freeze_count())
        return real(raws, *more, **named)

    monkeypatch.setattr(batch_module, "process_documents", process_documents)
    gc.unfreeze()
    ingest(sources=[str(SEEDS / "cnn_troops.html")], warehouse=str(tmp_path / "wh"), workers=1)
    assert len(frozen) == 1 and frozen[0] > 10_000, frozen  # Prefect, DuckDB's and Arrow's modules: far more
    assert gc.get_freeze_count() == 0


def exit_watching_prepare(
    raw: RawDocument, options: PipelineOptions, chrome: Collection[str]
) -> PreparedDocument | Rejection:
    """The real step, in a worker that notes whether its interpreter's shutdown runs (an atexit hook writes the
    file named by the document's source) and prints a line (a child's stdout is a pipe or file: buffered)."""
    atexit.register(Path(raw.source).write_text, "the interpreter's shutdown ran")
    print(f"worker prepared {raw.doc_id}")
    return prepare_document(raw, options, chrome)


@pytest.mark.timeout(300)
def test_a_worker_told_to_stop_ends_at_once_and_its_output_is_not_lost(tmp_path, capfd):
    # A worker ends with os._exit once told to stop: no module teardown, no freeing of the model object by
    # object (seconds the parent waited for at the end of every run), but what it printed is flushed first.
    marker = tmp_path / "shutdown-ran"
    raw = replace(distinct_raws(1)[0], source=str(marker))
    steps = workers.Steps(prepare=exit_watching_prepare)
    try:
        results = workers.process_documents([raw], PipelineOptions(), workers=1, time_limit=60, steps=steps)
        assert isinstance(results[0], ProcessedDocument)
        pool = workers._runner
        assert isinstance(pool, workers._Pool)
        process = pool.workers[0].process
    finally:
        workers.shutdown_workers()
    assert process.exitcode == 0
    assert not marker.exists()
    assert f"worker prepared {raw.doc_id}" in capfd.readouterr().out


def _reported_by_a_pool_worker(prepare: workers.Prepare) -> list[str]:
    """The details of the rejections a stand-in `prepare` returns in a pool worker that has loaded its model."""
    try:
        results = workers.process_documents(
            distinct_raws(1), PipelineOptions(), workers=1, time_limit=60, steps=workers.Steps(prepare=prepare)
        )
    finally:
        workers.shutdown_workers()
    return [result.detail for result in results if isinstance(result, Rejection)]


@pytest.mark.timeout(300)
def test_a_worker_process_runs_on_one_thread():
    # numpy's OpenBLAS would start a thread pool when the worker imports it; with one more thread glibc
    # takes every mutex (the GIL, which spaCy's parser drops and takes in its loop) with atomic instructions.
    assert _reported_by_a_pool_worker(threads_reporting_prepare) == ["threads=1"]


@pytest.mark.timeout(300)
def test_a_worker_process_keeps_its_modules_and_model_out_of_the_collectors_walks():
    # Frozen once the model is loaded: the worker's full collections then walk only what its documents left.
    [detail] = _reported_by_a_pool_worker(frozen_reporting_prepare)
    assert int(detail.removeprefix("frozen=")) > 50_000, detail  # spaCy, trafilatura and the model: ~150,000


def roads_page(path: Path, address: str) -> Path:
    """A story whose only town, Hamilton, the text leaves in no country, at this canonical address."""
    paragraphs = "".join(
        f"<p>Volunteers from the church filled {n} sandbags before the second wave of rain arrived.</p>"
        for n in range(6)
    )
    path.write_text(
        f'<html><head><link rel="canonical" href="{address}"></head><body><article><h1>Roads closed</h1>'
        "<p>Flooding closed two roads in Hamilton on Sunday, and the council opened a shelter for families.</p>"
        f"{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    return path


@pytest.mark.timeout(600)
def test_an_exact_copy_on_a_site_of_another_country_places_its_town_there(prefect_server, tmp_path, monkeypatch):
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    roads_page(first / "1-roads.html", "https://www.herald.example.com/roads")  # read first
    roads_page(first / "2-roads.html", "https://www.herald.example.co.nz/roads")  # its copy in the batch
    roads_page(later / "roads-nz.html", "https://www.times.example.co.nz/roads")  # a copy of a committed article
    monkeypatch.setattr(batch_module, "process_documents", with_steps(workers.Steps(analyse=counting_analyse)))
    monkeypatch.setenv("NEWSETL_TIME_LIMIT_SECONDS", "0")
    warehouse = tmp_path / "wh"
    analysed_sources.clear()

    ingest(sources=[str(first)], warehouse=str(warehouse), workers=1)
    ingest(sources=[str(later)], warehouse=str(warehouse), workers=1)
    assert len(analysed_sources) == 1  # the copies took the first text's analysis: no NER

    places = sql(
        warehouse,
        "SELECT a.canonical_url, e.country_code FROM entity_mentions AS m JOIN articles AS a USING (article_id) "
        "JOIN (SELECT DISTINCT entity_id, country_code FROM entities) AS e USING (entity_id) "
        "WHERE m.surface = 'Hamilton' ORDER BY ALL",
    )
    assert places == [
        ("https://www.herald.example.co.nz/roads", "NZ"),
        ("https://www.herald.example.com/roads", "CA"),
        ("https://www.times.example.co.nz/roads", "NZ"),
    ]
    broken = sql(
        warehouse,
        "SELECT count(*) FROM entity_mentions JOIN articles USING (article_id) "
        "WHERE substring(text, char_start + 1, char_end - char_start) <> surface",
    )
    assert broken == [(0,)]
    assert failed_checks(warehouse) == {}
