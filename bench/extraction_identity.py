"""A speed change of the extraction checked to change no text: a fingerprint of what the pipeline extracts from
every page of the extraction sets (bench/eval_extraction.py), written by one checkout and compared by another.

For each page: the extracted document (text, title, author, sitename, URL, date and its source) or the
rejection (stage, reason, detail); the text the pipeline stores is made from these alone. The CPU of
extraction (decode and `extract_document`, `time.process_time`, this process) is printed per set.

    PYTHONPATH=/work/main python /path/to/bench/extraction_identity.py --data DIR --out before.jsonl
    PYTHONPATH=$PWD python -m bench.extraction_identity --data DIR --out after.jsonl --compare before.jsonl

Exit 1 when a page differs from the compared file. Not a test: it reads the public sets (eval-data/).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from dataclasses import astuple
from pathlib import Path

from bench.eval_extraction import PAGE_READERS, SETS
from transforms.decode import decode_document
from transforms.extract import ExtractedDocument, extract_document
from transforms.ids import doc_id_for
from transforms.options import EntityOptions, PipelineOptions
from transforms.records import RawDocument, Rejection

# The sets that `make eval` gates, and fundus (acceptance): the test set is read once, never here.
IDENTITY_SETS = ("dev", "readability", "newspaper", "l3s", "wcxb", "fundus")


def fingerprint(result: ExtractedDocument | Rejection) -> str:
    """A short hash of every field of an extracted document or rejection."""
    fields = astuple(result)
    return hashlib.sha256(repr(fields).encode()).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("eval-data"))
    parser.add_argument("--set", action="append", choices=IDENTITY_SETS, help="default: all of IDENTITY_SETS")
    parser.add_argument("--every", type=int, default=1, help="only every N-th page")
    parser.add_argument("--out", type=Path, required=True, help="write one JSON line a page here")
    parser.add_argument("--compare", type=Path, help="an earlier --out file: list and count the pages that differ")
    args = parser.parse_args(argv)
    options = PipelineOptions(entities=EntityOptions(languages=()))  # as bench.eval_extraction runs it
    rows = []
    for set_name in args.set or IDENTITY_SETS:
        folder = args.data / SETS[set_name][0]
        if not folder.exists():
            print(f"{set_name}: {folder} is missing, skipped")
            continue
        pages = list(PAGE_READERS[set_name](folder))[:: args.every]
        cpu = 0.0
        for page in pages:
            raw = RawDocument(
                doc_id=doc_id_for(page.html), source=page.name, url=page.url, content=page.html, media_type="text/html"
            )
            started = time.process_time()
            decoded = decode_document(raw)
            extracted = decoded if isinstance(decoded, Rejection) else extract_document(raw, decoded, options.extract)
            cpu += time.process_time() - started
            rows.append({"set": set_name, "page": page.name, "extracted": fingerprint(extracted)})
        print(f"{set_name}: {len(pages)} pages, extraction CPU {cpu / max(len(pages), 1) * 1000:.1f} ms a page")
    args.out.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    if not args.compare:
        return 0
    before = {(row["set"], row["page"]): row for row in map(json.loads, args.compare.read_text().splitlines())}
    differ = [row for row in rows if before.get((row["set"], row["page"])) != row]
    for row in differ:
        print(f"differs: {row['set']} {row['page']}")
    print(f"{len(rows) - len(differ)} of {len(rows)} pages the same as in {args.compare}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
