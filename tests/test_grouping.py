"""A document's mentions and figures do not depend on which documents share its NLP call: not on the
grouping `analyse_documents` is given, nor on the worker count or batch size that sets it in a run (issue
13; docs/benchmarks.md, "Round 27, perf23"). The stories are dense in sentences the holders' parser
reads (tests/eval/holder_stories.json), so that a group of a few of them holds more of those sentences
than one of spaCy's batches (`nlp.batch_size`)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from flows.ingest import ingest
from tests.conftest import sql
from transforms.entities import NerModels
from transforms.options import PipelineOptions
from transforms.pipeline import PreparedDocument, ProcessedDocument, analyse_documents, prepare_document
from transforms.records import RawDocument

SENTENCES = json.loads((Path(__file__).parent / "eval" / "holder_stories.json").read_text(encoding="utf-8"))[
    "sentences"
]


def story_page(index: int, rounds: int = 1) -> str:
    """A story of the sentences in an order of its own (`rounds` times over), four a paragraph."""
    rng = random.Random(index)
    sentences = [s for _ in range(rounds) for s in rng.sample(SENTENCES, len(SENTENCES))]
    paragraphs = "".join(f"<p>{' '.join(sentences[i : i + 4])}</p>" for i in range(0, len(sentences), 4))
    return (
        f"<html><head><title>Aid and trade, part {index}</title></head>"
        f"<body><article><h1>Aid and trade, part {index}</h1>{paragraphs}</article></body></html>"
    )


def analysis(processed: ProcessedDocument) -> tuple:
    return processed.article.article_id, processed.mentions, processed.entities, processed.figures


@pytest.fixture(scope="module")
def stories() -> tuple[list[PreparedDocument], NerModels, PipelineOptions]:
    options = PipelineOptions()
    prepared = []
    for index in range(12):
        raw = RawDocument(
            doc_id=f"story-{index}",
            source=f"story-{index}.html",
            url=None,
            content=story_page(index).encode(),
            media_type="text/html",
        )
        document = prepare_document(raw, options)
        assert isinstance(document, PreparedDocument)
        prepared.append(document)
    return prepared, NerModels(options.entities), options


def test_a_story_has_the_same_mentions_and_figures_whichever_stories_share_its_nlp_call(stories, monkeypatch):
    prepared, models, options = stories
    nlp = models.model(options.entities.model)
    parse, parsed_at_once = nlp.pipe, []

    def counting_pipe(docs, **kwargs):
        docs = list(docs)
        parsed_at_once.append(len(docs))
        return parse(docs, **kwargs)

    monkeypatch.setattr(nlp, "pipe", counting_pipe)
    together = [analysis(p) for p in analyse_documents(prepared, models, options)]
    # The holders' parser read more sentences in one call than spaCy parses in one batch.
    assert max(parsed_at_once) > nlp.batch_size
    assert sum(1 for *_, figures in together for f in figures if f.entity_id) > 400
    one_each = [analysis(p) for document in prepared for p in analyse_documents([document], models, options)]
    halves_reversed = [
        analysis(p) for half in (prepared[6:], prepared[:6]) for p in analyse_documents(half[::-1], models, options)
    ]
    assert one_each == together
    assert sorted(halves_reversed, key=lambda a: a[0]) == sorted(together, key=lambda a: a[0])


def rows(warehouse: Path, view: str) -> list[tuple]:
    """Every row of a view, lineage aside (run and batch ids differ from run to run by design)."""
    return sql(warehouse, f"SELECT COLUMNS(lambda c: c NOT IN ('run_id', 'batch_id')) FROM {view} ORDER BY ALL")


@pytest.mark.timeout(900)
def test_one_worker_and_two_write_the_same_mentions_and_figures(prefect_server, tmp_path):
    """24 stories in one batch: one worker analyses them in tasks of 6 stories (over 256 of the holders'
    sentences a task), two workers in tasks of 3 (`flows.workers._chunk`)."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for index in range(24):
        (pages / f"story-{index:02d}.html").write_text(story_page(index, rounds=2), encoding="utf-8")
    for workers in (1, 2):
        report = ingest(sources=[str(pages)], warehouse=str(tmp_path / f"{workers}w"), workers=workers, batch_size=24)
        assert report.counts.articles == 24
    for view in ("articles", "entity_mentions", "figures"):
        assert rows(tmp_path / "1w", view) == rows(tmp_path / "2w", view), view
    assert sql(tmp_path / "1w", "SELECT count(*) > 1000 FROM figures WHERE entity_id IS NOT NULL") == [(True,)]
