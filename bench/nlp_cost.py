"""What the NLP phase costs per document, step by step, on the bench pages, and whether its output
changed: the workers' `analyse_documents` (NER through `nlp.pipe`, entity resolution, figures,
holders) over the first N pages of bench-data/corpus/500, one process.

    PYTHONPATH=$PWD python -m bench.nlp_cost --docs 100 [--save out.jsonl | --compare out.jsonl]

Each step is timed by wrapping the function `transforms.pipeline` calls for it, so the code measured
is the code the workers run. CPU seconds of this process (the machine is shared: wall time lies);
compare two versions back to back, in one sitting. `--save` writes every article's mentions,
entities and figures (all fields) as JSON lines; `--compare` reads such a file and says which
documents differ, so a change that should not alter the output can be shown not to.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import transforms.pipeline as pipeline
from transforms.entities import NerModels
from transforms.options import PipelineOptions
from transforms.pipeline import PreparedDocument, ProcessedDocument, analyse_documents, prepare_document
from transforms.places import gazetteer
from transforms.records import RawDocument

CORPUS = Path(__file__).resolve().parent.parent / "bench-data" / "corpus" / "500"
SHARED_CORPUS = Path("/work/main/bench-data/corpus/500")
# The steps of `_analyse_run`, by the name it calls each one under (a name the pipeline does not use
# is left out: earlier versions called find_holders once per document).
STEPS = (
    "read_texts",
    "resolve_mentions",
    "find_figures",
    "find_objects_of",
    "find_objects_and_parses",
    "find_holders",
    "find_holders_of",
)


def prepared_pages(corpus: Path, docs: int, options: PipelineOptions) -> list[PreparedDocument]:
    """The first `docs` pages of the corpus that reach the NLP (articles in a language a model reads)."""
    prepared = []
    for path in sorted(corpus.glob("*.html")):
        raw = RawDocument(
            doc_id=path.name, source=str(path), url=None, content=path.read_bytes(), media_type="text/html"
        )
        document = prepare_document(raw, options)
        if isinstance(document, PreparedDocument) and document.needs_nlp:
            prepared.append(document)
            if len(prepared) == docs:
                break
    return prepared


class StepClock:
    """CPU seconds spent in each step, by wrapping the names `transforms.pipeline` looks up."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._originals: dict[str, Callable[..., Any]] = {}

    def __enter__(self) -> StepClock:
        for name in STEPS:
            if not hasattr(pipeline, name):
                continue
            original = getattr(pipeline, name)
            self._originals[name] = original
            wrapped = self._timed_iterator(name, original) if name == "read_texts" else self._timed(name, original)
            setattr(pipeline, name, wrapped)
        return self

    def __exit__(self, *exc: object) -> None:
        for name, original in self._originals.items():
            setattr(pipeline, name, original)

    def _timed(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[name] += time.process_time() - started

        return timed

    def _timed_iterator(self, name: str, function: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
        # nlp.pipe is lazy: its work happens as each doc is taken.
        def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
            iterator = iter(function(*args, **kwargs))
            while True:
                started = time.process_time()
                try:
                    item = next(iterator)
                except StopIteration:
                    self.seconds[name] += time.process_time() - started
                    return
                self.seconds[name] += time.process_time() - started
                yield item

        return timed


def output_of(processed: ProcessedDocument) -> dict[str, Any]:
    return {
        "article_id": processed.article.article_id,
        "ner_model": processed.article.ner_model,
        "mentions": [dataclasses.asdict(m) for m in processed.mentions],
        "entities": [dataclasses.asdict(e) for e in processed.entities],
        "figures": [dataclasses.asdict(f) for f in processed.figures],
    }


def compare(outputs: list[dict[str, Any]], path: Path) -> int:
    """Documents whose output differs from the saved one (printed), as a count."""
    saved = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    if len(saved) != len(outputs):
        print(f"DIFFERENT: {len(outputs)} documents, {len(saved)} saved")
        return max(len(saved), len(outputs))
    # Through JSON both ways, so tuples and lists compare alike.
    current = [json.loads(json.dumps(output)) for output in outputs]
    differing = 0
    for now, before in zip(current, saved, strict=True):
        if now != before:
            differing += 1
            fields = [key for key in now if now[key] != before.get(key)]
            print(f"DIFFERENT: {now['article_id']}: {', '.join(fields)}")
    print(f"compared with {path}: {'identical' if not differing else f'{differing} documents differ'}")
    return differing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100)
    parser.add_argument("--corpus", type=Path, default=CORPUS if CORPUS.is_dir() else SHARED_CORPUS)
    parser.add_argument("--save", type=Path, help="write every document's mentions, entities and figures here")
    parser.add_argument("--compare", type=Path, help="compare the output with one written by --save")
    args = parser.parse_args(argv)

    options = PipelineOptions()
    prepared = prepared_pages(args.corpus, args.docs, options)
    models = NerModels(options.entities, {})
    for document in prepared:  # every model loaded before the clock starts
        name = models.name_for(document.article.language)
        if name is not None:
            models.model(name)
    # The workers load the gazetteer when they start (`flows.workers`), before any document; built inside the first
    # document's entity resolution it added ~0.8 s CPU to `resolve_mentions` (round 29, perf26).
    gazetteer(options.entities.gazetteer_min_population)

    with StepClock() as clock:
        started, wall = time.process_time(), time.perf_counter()
        processed = list(analyse_documents(prepared, models, options))
        total, wall = time.process_time() - started, time.perf_counter() - wall

    n = len(processed)
    print(f"{n} documents, {sum(len(p.article.text) for p in processed) / n:.0f} characters each on average")
    print(f"analyse_documents: {1000 * total / n:.1f} ms CPU/doc ({1000 * wall / n:.1f} ms wall/doc)")
    for name in [name for name in STEPS if name in clock.seconds]:
        print(f"  {name:<17} {1000 * clock.seconds[name] / n:7.1f} ms CPU/doc")
    rest = total - sum(clock.seconds.values())
    print(f"  {'rest':<17} {1000 * rest / n:7.1f} ms CPU/doc")

    outputs = [output_of(p) for p in processed]
    if args.save:
        args.save.write_text("".join(json.dumps(o, sort_keys=True) + "\n" for o in outputs), encoding="utf-8")
        print(f"saved {n} documents' output to {args.save}")
    if args.compare:
        return 1 if compare(outputs, args.compare) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
