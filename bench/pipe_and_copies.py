"""What the worker changes of issue 13 buy, on synthetic pages (bench/corpus.py), one process:

- NER through `nlp.pipe` in chunks against one `nlp()` call per text, on the same texts;
- a batch where 30% of the documents are exact copies (another URL, same text) against one without.

    PYTHONPATH=$PWD python -m bench.pipe_and_copies [--docs 200]

Ratios measured in one run on a shared machine; not a test.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from bench.corpus import build_corpus
from flows.workers import process_documents, shutdown_workers
from transforms.entities import load_ner, read_text, read_texts, spans_of
from transforms.options import PipelineOptions
from transforms.pipeline import PreparedDocument, prepare_document
from transforms.records import RawDocument


def raw(path: Path, content: bytes) -> RawDocument:
    return RawDocument(doc_id=path.name, source=str(path), url=None, content=content, media_type="text/html")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    args = parser.parse_args(argv)
    options = PipelineOptions()
    with tempfile.TemporaryDirectory() as folder:
        paths = build_corpus(Path(folder), args.docs)
        raws = [raw(path, path.read_bytes()) for path in paths]
    texts = [p.article.text for r in raws if isinstance(p := prepare_document(r, options), PreparedDocument)]

    nlp = load_ner(options.entities)
    started = time.perf_counter()
    one_each = [read_text(nlp, text, options.entities) for text in texts]
    per_call = time.perf_counter() - started
    started = time.perf_counter()
    piped = list(read_texts(nlp, texts, options.entities))
    per_pipe = time.perf_counter() - started
    same = [spans_of(d) for d in one_each] == [spans_of(d) for d in piped]
    print(
        f"NER of {len(texts)} texts: nlp() each {per_call:.1f}s, nlp.pipe {per_pipe:.1f}s, "
        f"{per_call / per_pipe:.2f}x; same entities: {same}"
    )

    # 30% copies: the last 30% of the documents replaced by copies of the first ones at other URLs.
    keep = len(raws) - len(raws) * 3 // 10
    copies = [
        raw(Path(f"copy-{n}.html"), raws[n].content.replace(b"/story-", b"/copy-of-story-"))
        for n in range(len(raws) - keep)
    ]
    timings = {}
    for name, batch in (("distinct", raws), ("30% copies", raws[:keep] + copies)):
        process_documents(batch[:2], options, 1)  # the model loaded before the clock starts
        started = time.perf_counter()
        results = process_documents(batch, options, 1)
        timings[name] = time.perf_counter() - started
        print(f"{name}: {len(results)} documents in {timings[name]:.1f}s")
    print(f"30% exact copies: {timings['distinct'] / timings['30% copies']:.2f}x faster than none")
    shutdown_workers()


if __name__ == "__main__":
    main()
