"""Whether a change left the pipeline's output alone: every row an original page gives (its article, mentions,
entities and figures, and its signature and site lines), or its rejection, over the bench pages, one process.

    PYTHONPATH=$PWD python -m bench.pipeline_identity --save before.jsonl     # on the old code
    PYTHONPATH=$PWD python -m bench.pipeline_identity --compare before.jsonl  # on the new code

`process_document` is what each worker runs on a page (both phases), so its records are the rows the writer
stores for it; the writer's own columns (run, batch, cluster) do not depend on them. One JSON line a page with a
hash of each part (every field, through JSON), so two runs compare part by part. CPU ms a page is printed too.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

from bench.nlp_cost import CORPUS, SHARED_CORPUS
from transforms.entities import NerModels
from transforms.options import PipelineOptions
from transforms.pipeline import ProcessedDocument, process_document
from transforms.records import RawDocument, Rejection


def _digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:16]


def parts_of(result: ProcessedDocument | Rejection) -> dict[str, str]:
    """A hash of each table's rows for one page (the order kept: it is the order they are written in)."""
    if isinstance(result, Rejection):
        return {"rejection": _digest(dataclasses.asdict(result))}
    return {
        "article": _digest(dataclasses.asdict(result.article)),
        "mentions": _digest([dataclasses.asdict(m) for m in result.mentions]),
        "entities": _digest([dataclasses.asdict(e) for e in result.entities]),
        "figures": _digest([dataclasses.asdict(f) for f in result.figures]),
        "signature": _digest(list(result.signature)),
        "site_lines": _digest([dataclasses.asdict(s) for s in result.site_lines]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--corpus", type=Path, default=CORPUS if CORPUS.is_dir() else SHARED_CORPUS)
    parser.add_argument("--save", type=Path, help="write each page's hashes here")
    parser.add_argument("--compare", type=Path, help="compare with hashes written by --save")
    args = parser.parse_args(argv)

    options = PipelineOptions()
    models = NerModels(options.entities, {})
    models.model(options.entities.model)  # loaded before the clock starts, as a worker's initializer does
    paths = sorted(args.corpus.glob("*.html"))[: args.docs]
    raws = [
        RawDocument(doc_id=path.name, source=str(path), url=None, content=path.read_bytes(), media_type="text/html")
        for path in paths
    ]
    started = time.process_time()
    results = [process_document(raw, models, options) for raw in raws]
    seconds = time.process_time() - started
    print(
        f"{len(raws)} pages, {sum(isinstance(r, ProcessedDocument) for r in results)} articles: "
        f"{1000 * seconds / len(raws):.1f} ms CPU a page (process_document, one process)"
    )
    rows = [{"doc_id": raw.doc_id, **parts_of(result)} for raw, result in zip(raws, results, strict=True)]
    if args.save:
        args.save.write_text("".join(json.dumps(row, sort_keys=True) + "\n" for row in rows), encoding="utf-8")
    if args.compare:
        saved = [json.loads(line) for line in args.compare.read_text(encoding="utf-8").splitlines()]
        differing = [now["doc_id"] for now, before in zip(rows, saved, strict=False) if now != before]
        if len(saved) != len(rows):
            differing.append(f"{len(rows)} pages against {len(saved)} saved")
        print(f"compared with {args.compare}: {len(rows) - len(differing)} of {len(rows)} pages the same")
        for doc_id in differing[:20]:
            print(f"DIFFERENT: {doc_id}")
        return 1 if differing else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
