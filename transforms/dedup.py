"""Near-duplicate detection: word shingles, MinHash signatures (rensa), LSH band keys, cluster choice.

Pure: the warehouse keeps the signatures and band keys of committed articles, the
batch task in flows/ looks candidates up and calls `choose_cluster` one article at a time.
"""

from __future__ import annotations

import bisect
import hashlib
import operator
import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rensa import RMinHash

from transforms.options import DedupOptions

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Match:
    """An earlier article whose signature is close enough to be a copy."""

    article_id: str
    cluster_id: str
    similarity: float


@dataclass(frozen=True, slots=True)
class ClusterChoice:
    cluster_id: str
    # One link per distinct earlier cluster joined: enough to keep every copy connected.
    links: tuple[Match, ...]


def signature_scheme(options: DedupOptions) -> str:
    """Signatures are comparable only under the same scheme; it is stored with each one."""
    return (
        f"rensa{RMinHash.ALGORITHM_VERSION}-w{options.shingle_words}-p{options.num_perm}"
        f"-b{options.bands}-s{options.seed}"
    )


def word_shingles(text: str, size: int) -> set[str]:
    """Case-folded word n-grams; punctuation and line breaks are not part of a shingle."""
    words = _WORD.findall(text.casefold())
    if len(words) <= size:
        return {" ".join(words)}
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def minhash_signature(text: str, options: DedupOptions = DedupOptions()) -> tuple[int, ...]:
    minhash = RMinHash(num_perm=options.num_perm, seed=options.seed)
    minhash.update(sorted(word_shingles(text, options.shingle_words)))
    return tuple(minhash.digest())


def signature_bytes(signature: tuple[int, ...]) -> bytes:
    return array("I", signature).tobytes()


def signature_from_bytes(data: bytes) -> tuple[int, ...]:
    values = array("I")
    values.frombytes(data)
    return tuple(values)


def band_keys(signature: tuple[int, ...], options: DedupOptions = DedupOptions()) -> list[str]:
    """One key per band; two signatures that agree on a whole band share its key."""
    scheme = signature_scheme(options).encode()
    rows = options.rows
    keys = []
    for band in range(options.bands):
        chunk = array("I", signature[band * rows : (band + 1) * rows]).tobytes()
        digest = hashlib.blake2b(chunk, digest_size=12, person=band.to_bytes(4, "little"), key=scheme[:64])
        keys.append(digest.hexdigest())
    return keys


def estimate_similarity(first: tuple[int, ...], second: tuple[int, ...]) -> float:
    """Share of agreeing MinHash positions: an unbiased estimate of the Jaccard similarity."""
    if not first or len(first) != len(second):
        return 0.0
    # map(operator.eq) counts in C: a third of the generator's time over a batch's thousands of pairs.
    return sum(map(operator.eq, first, second)) / len(first)


def choose_cluster(article_id: str, matches: Iterable[Match]) -> ClusterChoice:
    """Join the existing cluster of earlier copies; found a new one (named after itself) if none.

    When copies of several clusters match (the new article bridges them), it takes the
    smallest of their ids and links to each, so the views merge them whatever the order.
    """
    best: dict[str, Match] = {}
    # The most similar copy of each cluster is its link; ties go to the smaller article id.
    for match in sorted(matches, key=lambda m: (-m.similarity, m.article_id)):
        if match.article_id != article_id:  # an earlier version of the same article is not a copy
            best.setdefault(match.cluster_id, match)
    if not best:
        return ClusterChoice(cluster_id=article_id, links=())
    links = tuple(best[cluster] for cluster in sorted(best))
    return ClusterChoice(cluster_id=links[0].cluster_id, links=links)


class DuplicateIndex:
    """Band keys and signatures of the earlier articles a batch compares with: the committed ones the
    warehouse returned and the batch's own, in turn.

    Per band key it keeps only the `candidates_per_band` + 1 smallest article ids: an article compares
    with the `candidates_per_band` smallest other than itself (an earlier version of it is no copy). The
    smallest ids, not the first come, so the choice does not depend on the order or the batches the
    articles came in, and the warehouse can return the same few members per key from its B-tree
    (warehouse/sql/index/band_hits.sql) whatever a cluster's size.
    """

    def __init__(self, options: DedupOptions) -> None:
        self.options = options
        self._keep = options.candidates_per_band + 1
        self._by_band: dict[str, list[str]] = {}
        self._entries: dict[str, tuple[str, tuple[int, ...]]] = {}

    def add(self, article_id: str, cluster_id: str, signature: tuple[int, ...], keys: list[str]) -> None:
        self._entries[article_id] = (cluster_id, signature)
        for key in keys:
            members = self._by_band.setdefault(key, [])
            if article_id not in members:
                bisect.insort(members, article_id)
                del members[self._keep :]

    def candidates(self, article_id: str, keys: list[str]) -> set[str]:
        """The earlier articles `article_id` compares with: per key, the smallest ids but its own."""
        limit = self.options.candidates_per_band
        found: set[str] = set()
        for key in keys:
            found.update([other for other in self._by_band.get(key, ()) if other != article_id][:limit])
        return found

    def matches(self, article_id: str, signature: tuple[int, ...], keys: list[str]) -> list[Match]:
        found = []
        for other_id in sorted(self.candidates(article_id, keys)):
            cluster_id, other = self._entries[other_id]
            similarity = estimate_similarity(signature, other)
            if similarity >= self.options.threshold:
                found.append(Match(other_id, cluster_id, similarity))
        return found


def assign_clusters(
    index: DuplicateIndex,
    signatures: Sequence[tuple[str, tuple[int, ...]]],
    keys_of: Sequence[list[str]] | None = None,
) -> list[tuple[ClusterChoice, list[str]]]:
    """Each article in turn against the index and the articles before it: (choice, band keys) each. `keys_of`: each
    signature's band_keys when the caller has them already (flows/clusters.py asks the warehouse by them), so they
    are not computed twice (a BLAKE2b digest per band).

    Sequential on purpose: the second of two copies in one batch must find the first.
    """
    chosen = []
    for number, (article_id, signature) in enumerate(signatures):
        keys = keys_of[number] if keys_of is not None else band_keys(signature, index.options)
        choice = choose_cluster(article_id, index.matches(article_id, signature, keys))
        index.add(article_id, choice.cluster_id, signature, keys)
        chosen.append((choice, keys))
    return chosen
