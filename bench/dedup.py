"""Near-duplicate detection measured: rensa against datasketch, and the thresholds, on one labelled set.

    .venv/bin/python -m bench.dedup            (datasketch is optional: `pip install datasketch`)

Prints, for each MinHash library, the cost of a signature, the error of its Jaccard
estimate against the exact value, and pairwise precision/recall of the clustering the
pipeline would make (LSH candidates, threshold, join earlier clusters, merge bridges).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import replace

from bench.dedup_corpus import LabelledText, build_dedup_set, pair_precision_recall
from transforms.dedup import DuplicateIndex, band_keys, choose_cluster, minhash_signature, word_shingles
from transforms.options import DedupOptions

Signer = Callable[[str, DedupOptions], tuple[int, ...]]


def datasketch_signer() -> Signer | None:
    try:
        from datasketch import MinHash
    except ImportError:
        return None

    def sign(text: str, options: DedupOptions) -> tuple[int, ...]:
        minhash = MinHash(num_perm=options.num_perm, seed=options.seed)
        minhash.update_batch([s.encode("utf-8") for s in sorted(word_shingles(text, options.shingle_words))])
        return tuple(int(v) for v in minhash.hashvalues)

    return sign


def find_root(parent: dict[str, str], key: str) -> str:
    """The representative of `key`'s component in a union-find forest (halving the path as it walks)."""
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def cluster(texts: list[LabelledText], options: DedupOptions, sign: Signer) -> dict[str, str]:
    """Sequential assignment as the batch task does it, then connected components (as the view does)."""
    index = DuplicateIndex(options)
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        return find_root(parent, key)

    stored: dict[str, str] = {}
    for item in texts:
        signature = sign(item.text, options)
        keys = band_keys(signature, options)
        choice = choose_cluster(item.key, index.matches(item.key, signature, keys))
        stored[item.key] = choice.cluster_id
        parent[item.key] = item.key
        for link in choice.links:
            a, b = root(item.key), root(link.article_id)
            if a != b:
                parent[max(a, b)] = min(a, b)
        index.add(item.key, choice.cluster_id, signature, keys)
    labels: dict[str, str] = {}
    for key in stored:
        labels.setdefault(root(key), stored[key])
        labels[root(key)] = min(labels[root(key)], stored[key])
    return {key: labels[root(key)] for key in stored}


def jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b)


def estimate_error(texts: list[LabelledText], options: DedupOptions, sign: Signer, rng: random.Random) -> float:
    """Mean absolute error of the estimated Jaccard similarity over copy pairs and random pairs."""
    by_origin: dict[str, list[LabelledText]] = {}
    for item in texts:
        by_origin.setdefault(item.origin, []).append(item)
    pairs = [(g[0], other) for g in by_origin.values() for other in g[1:]]
    randoms = [rng.sample(texts, 2) for _ in range(len(pairs))]
    pairs += [(a, b) for a, b in randoms]
    errors = []
    for a, b in pairs:
        sa, sb = sign(a.text, options), sign(b.text, options)
        estimate = sum(x == y for x, y in zip(sa, sb, strict=True)) / len(sa)
        exact = jaccard(word_shingles(a.text, options.shingle_words), word_shingles(b.text, options.shingle_words))
        errors.append(abs(estimate - exact))
    return statistics.fmean(errors)


def signature_ms(texts: list[LabelledText], options: DedupOptions, sign: Signer, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        for item in texts:
            sign(item.text, options)
        best = min(best, time.perf_counter() - started)
    return best * 1000 / len(texts)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=300)
    args = parser.parse_args(argv)
    texts = build_dedup_set(stories=args.stories)
    copies = sum(t.edit not in ("original", "unrelated", "shares_quote") for t in texts)
    words = statistics.fmean(len(t.text.split()) for t in texts)
    print(f"set: {len(texts)} texts, {copies} edited copies, {words:.0f} words on average")
    defaults = DedupOptions()
    signers: dict[str, Signer] = {"rensa": lambda text, options: minhash_signature(text, options)}
    if (datasketch := datasketch_signer()) is not None:
        signers["datasketch"] = datasketch
    else:
        print("datasketch not installed: only rensa measured")
    print("library     ms/signature  |est-exact| J  precision  recall   (defaults)")
    for name, sign in signers.items():
        error = estimate_error(texts, defaults, sign, random.Random(1))
        precision, recall = pair_precision_recall({t.key: t.origin for t in texts}, cluster(texts, defaults, sign))
        print(f"{name:<11} {signature_ms(texts, defaults, sign):12.3f}  {error:14.4f}  {precision:9.3f}  {recall:6.3f}")
    print("\nrensa, threshold and shingle size:")
    print("words  threshold  precision  recall")
    truth = {t.key: t.origin for t in texts}
    for words_per_shingle in (3, 5, 7):
        for threshold in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
            options = replace(defaults, shingle_words=words_per_shingle, threshold=threshold)
            precision, recall = pair_precision_recall(truth, cluster(texts, options, signers["rensa"]))
            print(f"{words_per_shingle:5d}  {threshold:9.1f}  {precision:9.3f}  {recall:6.3f}")
    print("\nrensa, LSH bands x rows (threshold and shingle size as defaults):")
    print("bands  rows  precision  recall")
    for bands in (16, 32, 42, 63):
        options = replace(defaults, bands=bands)
        precision, recall = pair_precision_recall(truth, cluster(texts, options, signers["rensa"]))
        print(f"{bands:5d}  {options.rows:4d}  {precision:9.3f}  {recall:6.3f}")
    print("\nrecall by kind of edit (defaults, rensa):")
    found = cluster(texts, defaults, signers["rensa"])
    originals = {t.origin: t.key for t in texts if t.edit == "original"}
    for edit in sorted({t.edit for t in texts} - {"original", "shares_quote"}):
        items = [t for t in texts if t.edit == edit]
        joined = sum(found[t.key] == found[originals[t.origin]] for t in items)
        print(f"  {edit:<16} {joined}/{len(items)}")
    quoted = [t for t in texts if t.edit == "shares_quote"]
    wrongly = sum(found[t.key] == found[originals[t.origin[:-1]]] for t in quoted)
    print(f"  shares_quote grouped with the story it quotes (should be 0): {wrongly}/{len(quoted)}")


if __name__ == "__main__":
    main()
