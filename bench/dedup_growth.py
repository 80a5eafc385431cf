"""Where a batch's dedup seconds go as an archive's clusters grow (python -m bench.dedup_growth).

One real warehouse (Delta tables, the lookup index) grows batch by batch through the dedup stage a
run uses (flows.clusters.cluster_batch) and commits its signatures, band keys and links as a batch
does. Each batch is half copies of a few "hot" stories (edited as syndication does, a copy sometimes
of an earlier copy, so a story drifts) and half new stories of the same vocabulary
(bench/dedup_corpus.py), so the hot stories' clusters grow with the archive. Printed per window of
batches: CPU seconds per batch of the band-match lookup and of the comparisons, the earlier articles
the lookup returned and the signatures compared. Then each setting's clusters (connected components
of the links, as the article_clusters view makes them) against the first setting's and against the
true stories.

    --per-band 0 8   compares every earlier member (0) with the bound of 8 on the same data
    --pages bench-data/corpus/10000 --batches 20   the first 4,000 pages of make bench's corpus instead
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import transforms.dedup
from bench.dedup import find_root
from bench.dedup_corpus import EDITS, _story, edit_copy, pair_precision_recall
from flows import clusters
from transforms.dedup import minhash_signature
from transforms.options import DedupOptions
from transforms.pipeline import ProcessedDocument
from transforms.records import Article, BatchCommit
from warehouse.schemas import BATCHES, DUPLICATE_LINKS, LSH_BANDS, MINHASH_SIGNATURES
from warehouse.store import append_rows, ensure_tables


@dataclass(frozen=True, slots=True)
class Doc:
    article_id: str
    story: str
    signature: tuple[int, ...]


def documents(batches: int, batch_size: int, hot: int, seed: int, options: DedupOptions) -> list[list[Doc]]:
    """Batches of documents: half copies of `hot` stories (of the original or of an earlier copy), half new."""
    rng = random.Random(seed)
    versions = {f"hot{n:02d}": [_story(rng)] for n in range(hot)}
    out: list[list[Doc]] = []
    count = 0
    for _ in range(batches):
        batch = []
        for slot in range(batch_size):
            count += 1
            if slot % 2 == 0:
                story = rng.choice(sorted(versions))
                lines = edit_copy(rng.choice(versions[story][-20:]), rng.choice(EDITS), rng)
                if rng.random() < 0.2:
                    versions[story].append(lines)
            else:
                story, lines = f"new{count}", _story(rng)
            article_id = f"{rng.getrandbits(128):032x}"
            batch.append(Doc(article_id, story, minhash_signature("\n".join(lines), options)))
        out.append(batch)
    return out


def documents_from_pages(folder: Path, limit: int, batch_size: int, options: DedupOptions) -> list[list[Doc]]:
    """Batches of the first `limit` HTML pages of a corpus folder (bench/corpus.py), text by trafilatura;
    each page its own story (the corpus does not say which are copies)."""
    import hashlib

    import trafilatura

    docs = []
    for path in sorted(folder.glob("*.html"))[:limit]:
        text = trafilatura.extract(path.read_text(encoding="utf-8")) or ""
        article_id = hashlib.sha256(path.name.encode()).hexdigest()[:32]
        docs.append(Doc(article_id, article_id, minhash_signature(text, options)))
    return [docs[i : i + batch_size] for i in range(0, len(docs), batch_size)]


def processed(doc: Doc) -> ProcessedDocument:
    values: dict = {f.name: None for f in dataclasses.fields(Article)}
    values.update(
        article_id=doc.article_id, doc_id=doc.article_id, source=doc.article_id, language="en", text="",
        text_hash=doc.article_id, cluster_id=doc.article_id, word_count=0,
    )  # fmt: skip
    return ProcessedDocument(article=Article(**values), mentions=[], entities=[], figures=[], signature=doc.signature)


_LOOKUP, _SIMILARITY = clusters.committed_band_matches, transforms.dedup.estimate_similarity


@dataclass
class Counters:
    lookup_cpu: float = 0.0
    returned: int = 0
    compared: int = 0
    per_batch: list[tuple[float, float, int, int]] = field(default_factory=list)


def instrument(counters: Counters) -> None:
    """Count what the dedup stage does: the lookup's CPU seconds and rows, the signatures compared."""
    lookup, similarity = _LOOKUP, _SIMILARITY

    def timed_lookup(*args, **kwargs):
        started = time.process_time()
        found = lookup(*args, **kwargs)
        counters.lookup_cpu += time.process_time() - started
        counters.returned += len(found)
        return found

    def counted_similarity(first, second):
        counters.compared += 1
        return similarity(first, second)

    clusters.committed_band_matches = timed_lookup  # measurement only
    transforms.dedup.estimate_similarity = counted_similarity  # measurement only


def commit(warehouse: Path, number: int, result: clusters.ClusteredBatch) -> None:
    batch_id = f"b{number:05d}"
    lineage = {"run_id": "dedup-growth", "batch_id": batch_id}
    append_rows(warehouse, MINHASH_SIGNATURES, result.signatures, lineage)
    append_rows(warehouse, LSH_BANDS, result.bands, lineage)
    append_rows(warehouse, DUPLICATE_LINKS, result.links, lineage)
    marker = BatchCommit(batch_id, len(result.processed), len(result.processed), 0, datetime.now(UTC))
    append_rows(warehouse, BATCHES, [marker], {"run_id": "dedup-growth"})


def grow(warehouse: Path, batches: list[list[Doc]], options: DedupOptions) -> tuple[Counters, dict[str, str]]:
    """Dedup and commit every batch in turn; the counters and each article's cluster (linked components)."""
    ensure_tables(warehouse)
    counters = Counters()
    instrument(counters)
    parent: dict[str, str] = {}
    stored: dict[str, str] = {}

    def root(key: str) -> str:
        return find_root(parent, key)

    for number, batch in enumerate(batches):
        before = (counters.lookup_cpu, counters.returned, counters.compared)
        started = time.process_time()
        result = clusters.cluster_batch(warehouse, [processed(doc) for doc in batch], options)
        total = time.process_time() - started
        lookup = counters.lookup_cpu - before[0]
        counters.per_batch.append(
            (lookup, total - lookup, counters.returned - before[1], counters.compared - before[2])
        )
        commit(warehouse, number, result)
        for document in result.processed:
            parent.setdefault(document.article.article_id, document.article.article_id)
            stored[document.article.article_id] = document.article.cluster_id
        for link in result.links:
            a, b = root(link.article_id), root(link.duplicate_of)
            if a != b:
                parent[max(a, b)] = min(a, b)
    return counters, {key: root(key) for key in stored}


def partition(labels: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for key, label in labels.items():
        groups.setdefault(label, set()).add(key)
    return {frozenset(group) for group in groups.values()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--batches", type=int, default=50)
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--hot", type=int, default=10, help="stories every batch copies")
    parser.add_argument("--window", type=int, default=10, help="batches per printed line")
    parser.add_argument("--per-band", type=int, nargs="+", default=[0, 8], help="0: every earlier member")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--pages", type=Path, help="a corpus folder of HTML pages instead of generated stories")
    args = parser.parse_args(argv)
    defaults = DedupOptions()
    bounded = "candidates_per_band" in {f.name for f in dataclasses.fields(DedupOptions)}
    started = time.perf_counter()
    if args.pages:
        batches = documents_from_pages(args.pages, args.batches * args.batch_size, args.batch_size, defaults)
        if not batches:
            raise SystemExit(f"--pages {args.pages}: the folder holds no pages (*.html); nothing to measure")
    else:
        batches = documents(args.batches, args.batch_size, args.hot, args.seed, defaults)
    print(f"{args.batches} batches of {args.batch_size} (half copies of {args.hot} stories), signed in "
          f"{time.perf_counter() - started:.1f} s; load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    truth = {doc.article_id: doc.story for batch in batches for doc in batch}
    results: list[tuple[int, dict[str, str]]] = []
    for per_band in args.per_band if bounded else [0]:
        options = dataclasses.replace(defaults, candidates_per_band=per_band or 10**9) if bounded else defaults
        folder = Path(tempfile.mkdtemp(prefix="dedup-growth-"))
        try:
            counters, found = grow(folder, batches, options)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        results.append((per_band, found))
        label = f"per band {per_band}" if per_band else "every member"
        print(f"\n{label}: archive before the batches | CPU s per batch: lookup, compare | returned, compared")
        for first in range(0, args.batches, args.window):
            rows = counters.per_batch[first : first + args.window]
            mean = [sum(row[i] for row in rows) / len(rows) for i in range(4)]
            print(f"  {first * args.batch_size:>7,} - {(first + len(rows)) * args.batch_size:>7,} articles "
                  f"| {mean[0]:6.3f} {mean[1]:6.3f} | {mean[2]:8.0f} {mean[3]:8.0f}")  # fmt: skip
        total = [sum(row[i] for row in counters.per_batch) for i in range(2)]
        precision, recall = pair_precision_recall(truth, found)
        print(f"  all batches: lookup {total[0]:.1f} s, compare {total[1]:.1f} s CPU; "
              f"precision {precision:.4f}, recall {recall:.4f}, {len(partition(found))} clusters")  # fmt: skip
    reference_band, reference = results[0]
    for per_band, found in results[1:]:
        differ = partition(found) ^ partition(reference)
        moved = sum(len(group) for group in differ if group not in partition(reference))
        print(f"per band {per_band} against {reference_band or 'every member'}: "
              f"{'the same clusters' if not differ else f'{moved} articles in other clusters'}")  # fmt: skip


if __name__ == "__main__":
    main()
