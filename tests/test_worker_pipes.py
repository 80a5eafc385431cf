"""What crosses the worker pipes: the records of a batch's documents and of their results are pickled as
calls of their classes (flows/workers.py, `_send`), and read back equal, of the same types, by a plain
`recv` at the other end."""

from __future__ import annotations

import dataclasses
import io
import multiprocessing
import pickle
import pickletools
from pathlib import Path

import pytest

from flows import workers
from transforms.entities import NerModels, load_ner
from transforms.options import PipelineOptions
from transforms.pipeline import PreparedDocument, ProcessedDocument, analyse_documents, prepare_document
from transforms.records import RawDocument, Rejection

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def seed_documents() -> list[RawDocument]:
    pages = sorted(SEEDS.glob("*.html"))[:6]
    assert pages, "the project's seeds hold HTML pages"
    return [
        RawDocument(
            doc_id=f"doc-{index}", source=str(page), url=None, content=page.read_bytes(), media_type="text/html"
        )
        for index, page in enumerate(pages)
    ]


def through_a_pipe(message: object) -> object:
    reading, writing = multiprocessing.Pipe(duplex=False)
    try:
        workers._send(writing, message)
        return reading.recv()
    finally:
        reading.close()
        writing.close()


def rebuilt_from_state(message: object) -> int:
    """How many objects of `message`, as the pipes pickle it, are rebuilt from state set after their creation
    (pickle's BUILD opcode) instead of by one call of their class."""
    out = io.BytesIO()
    workers._PipePickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(message)
    return sum(1 for opcode, _, _ in pickletools.genops(out.getvalue()) if opcode.name == "BUILD")


def test_a_batch_and_its_results_cross_the_pipes_equal_and_rebuilt_by_their_constructors():
    options = PipelineOptions()
    raws = seed_documents()
    prepared = [prepare_document(raw, options) for raw in raws]
    to_analyse = [p for p in prepared if isinstance(p, PreparedDocument) and p.needs_nlp]
    assert to_analyse, "the seeds hold English articles"
    nlp = NerModels(options.entities, {options.entities.model: load_ner(options.entities)})
    results: list[ProcessedDocument | Rejection] = list(analyse_documents(to_analyse, nlp, options))
    assert any(r.mentions and r.figures for r in results if isinstance(r, ProcessedDocument))
    results.append(Rejection(doc_id="x", source="x.html", stage="extract", reason="no_text", detail="nothing"))

    for message in [("task", "prepare", list(enumerate(raws))), ("task", "analyse", list(enumerate(to_analyse)))] + [
        ("done", index, result, 0.25) for index, result in enumerate(results)
    ]:
        back = through_a_pipe(message)
        assert back == message
        assert [type(item) for item in _walk(back)] == [type(item) for item in _walk(message)]
        # No record comes back as state set field by field: each is one call of its class.
        assert rebuilt_from_state(message) == 0


def _walk(value: object) -> list[object]:
    """`value` and every record and list item inside it, depth first."""
    found = [value]
    if isinstance(value, list | tuple):
        for item in value:
            found += _walk(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            found += _walk(getattr(value, field.name))
    return found


def test_a_record_whose_fields_init_does_not_take_is_refused():
    @dataclasses.dataclass(frozen=True)
    class Derived:
        value: int
        double: int = dataclasses.field(init=False, default=0)

    with pytest.raises(TypeError, match="__init__ does not take"):
        workers._by_constructor(Derived)
