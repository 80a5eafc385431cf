"""Search speed on a synthetic index: `python -m bench.search [--articles 100000]`.

The index is built with warehouse/search.py's own schema and document builder (`index_schema`,
`index_document`) from short synthetic articles, not through a warehouse: this measures the index side
of a search (parse, BM25 top hits with filters, snippets), which grows with the archive. The story
lookup in the views that `search` adds costs one query over the hits' ids.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import tempfile
import time
from datetime import date, timedelta

import tantivy

from warehouse.search import (
    SNIPPET_CHARS,
    TITLE_BOOST,
    WRITER_HEAP_BYTES,
    _filters,
    _highlighted,
    index_document,
    index_schema,
)

WORDS = (
    "council harbour troops missiles budget minister election river bridge school hospital storm border "
    "market bank energy gas oil wheat port rail strike court police fire museum festival vaccine drought "
    "flood tariff export import treaty summit protest union factory mine forest coast island capital"
).split()
RARE = "javelin"
QUERIES = ('"harbour budget"', "troops AND border", "Javelin", "storm OR flood", "election -court", "council")


def synthetic_rows(n: int, seed: int = 14):
    rng = random.Random(seed)
    for i in range(n):
        words = rng.choices(WORDS, k=rng.randint(60, 160))
        if i % 1000 == 0:
            words.insert(rng.randrange(len(words)), RARE)
        yield {
            "article_id": f"a{i:08d}",
            "batch_id": f"b{i // 200:06d}",
            "title": " ".join(rng.choices(WORDS, k=6)).capitalize(),
            "text": " ".join(words).capitalize() + ".",
            "published_date": date(2020, 1, 1) + timedelta(days=i % 1500),
            "url": f"https://site{i % 40}.example.com/news/{i}",
            "entity_ids": [f"e{rng.randrange(5000)}" for _ in range(5)],
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        index = tantivy.Index(index_schema(), path=folder, reuse=False)
        writer = index.writer(WRITER_HEAP_BYTES, 1)
        for row in synthetic_rows(args.articles):
            writer.add_document(index_document(row))
        writer.commit()
        writer.wait_merging_threads()
        index.reload()
        built = time.perf_counter() - started
        searcher = index.searcher()
        size = sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder))
        print(f"machine: {platform.machine()} {os.cpu_count()} cpus, {platform.python_version()}, tantivy")
        print(f"index: {searcher.num_docs} synthetic articles, {size / 1e6:.0f} MB, built in {built:.1f} s")
        filters = _filters(index.schema, date(2021, 1, 1), date(2022, 12, 31), "site7.example.com", ["e42", "e43"])
        for label, extra in (("no filter", []), ("date+site+entity", filters)):
            for text in QUERIES:
                times = []
                for _ in range(args.repeats):
                    t = time.perf_counter()
                    words = index.parse_query(
                        text, ["title", "text"], {"title": TITLE_BOOST}, conjunction_by_default=True
                    )
                    query = tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in [words, *extra]])
                    hits = searcher.search(query, 50, count=True)
                    matches = hits.count  # type: ignore[attr-defined]  # the stub lacks count; the binding has it
                    snippets = tantivy.SnippetGenerator.create(searcher, words, index.schema, "text")
                    snippets.set_max_num_chars(SNIPPET_CHARS)
                    for _, address in hits.hits[:10]:
                        _highlighted(snippets.snippet_from_doc(searcher.doc(address)))
                    times.append(time.perf_counter() - t)
                print(
                    f"  {label:17} {text:22} {matches:>7} matches  "
                    f"median {statistics.median(times) * 1000:7.1f} ms  max {max(times) * 1000:7.1f} ms"
                )


if __name__ == "__main__":
    main()
