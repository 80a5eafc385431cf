"""Bloom filters of the band runs (warehouse/index.py): which runs may hold a band key, told without a probe.

Why: a batch's copy lookup asks for ~8,400 band keys, half of them new. Each run is a B-tree, so a key costs a
probe in every run that holds rows: one at 1,000 articles, a dozen at 100,000. With a filter per run a key is
probed only in the runs that may hold it (the one that does, and a false positive now and then): the lookup costs
a probe per key found, whatever the number of runs. A filter never says no to a key its run holds, so the answer
is the runs' own.

A filter is an array of bits in 64-bit words; a key sets HASHES bits of one word (register-blocked), so testing a key
is one read of one word and a compare, for any number of filters. Band keys as dedup makes them
(transforms.dedup.band_keys) are 12 bytes of a BLAKE2b digest already, so their bytes are the hash; any other key is
hashed here.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Sequence

import numpy as np

HASHES = 4
WORD = 64  # all of a key's bits are in one 64-bit word
MIN_FILTER_BITS = 512  # the smallest filter made
# Bits per key: a filter with fewer than MIN_BITS for each row of its level is rebuilt with twice MIN_BITS per row
# (false positives ~0.5% at 16 bits a key, ~4% at 8: a key's bits share a word), so a growing level's rebuilds cost
# O(1) a row.
MIN_BITS = 8
DIGEST = 12  # bytes of a dedup band key as the index stores it (warehouse.index.band_value)


def digests(values: Sequence[str | bytes]) -> np.ndarray:
    """The hash of each key (stored values, warehouse.index.band_value) that its bit positions in a filter of
    any size come from: an (n, 3) array of 32-bit words. Computed once for
    the filters of every level."""
    try:
        joined = b"".join(values)  # type: ignore[arg-type]  # a str among them raises: the slow path below
    except TypeError:
        joined = b""
    if values and set(map(len, values)) == {DIGEST} and len(joined) == DIGEST * len(values):
        return _hash_words(joined)  # dedup's keys as a level stores them: no call a key
    return _hash_words(
        b"".join(
            value
            if type(value) is bytes and len(value) == DIGEST
            else hashlib.blake2b(
                value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass"), digest_size=DIGEST
            ).digest()
            for value in values
        )
    )


def digests_of_joined(joined: bytes) -> np.ndarray:
    """`digests` of keys that are all DIGEST bytes long, given joined: one conversion for a batch's keys."""
    return _hash_words(joined)


def _hash_words(raw: bytes) -> np.ndarray:
    return np.frombuffer(raw, dtype="<u4").reshape(-1, 3).astype(np.uint32)


def _word_masks(hashes: np.ndarray) -> np.ndarray:
    """Each key's HASHES bits within its word: a uint64 mask, from its second hash word (four 6-bit positions)."""
    second = hashes[:, 1].astype(np.uint64)
    masks = np.zeros(len(hashes), dtype=np.uint64)
    for shift in range(0, 6 * HASHES, 6):
        masks |= np.uint64(1) << ((second >> np.uint64(shift)) & np.uint64(WORD - 1))
    return masks


def _words(bits: np.ndarray) -> np.ndarray:
    """A filter's bytes as its little-endian 64-bit words (the same bytes on every machine), not copied."""
    return bits.view("<u8")


def size_for(rows: int) -> int:
    """Bytes of a new filter for a level of `rows` rows: 2 x MIN_BITS bits a row, rounded up to a power of two."""
    bits = max(MIN_FILTER_BITS, 1 << (2 * MIN_BITS * max(rows, 1) - 1).bit_length())
    return bits // 8


def fits(filter_bytes: int, rows: int) -> bool:
    """A filter of this size still has MIN_BITS bits for each of `rows` rows."""
    return filter_bytes * 8 >= MIN_BITS * rows


def add(bits: np.ndarray, hashes: np.ndarray) -> None:
    """Set the bits of these keys (their `digests`) in a filter (a uint8 array, changed in place)."""
    words = _words(bits)
    np.bitwise_or.at(words, hashes[:, 0] & np.uint32(words.size - 1), _word_masks(hashes))


def may_hold(bits: np.ndarray, hashes: np.ndarray) -> np.ndarray:
    """Per key (their `digests`): whether the filter's level may hold it (False: it does not)."""
    return Probe(hashes).may_hold(bits)


class Probe:
    """A batch's keys (their `digests`) made ready to test against many filters: each key's mask is worked out once,
    and each filter costs one read of a word per key (a lookup tests a run's filter for each of a dozen runs at
    100,000 articles: testing four bytes of a 512-bit block per key cost ten times as much)."""

    def __init__(self, hashes: np.ndarray) -> None:
        self._first = hashes[:, 0]
        self._masks = _word_masks(hashes)

    def may_hold(self, bits: np.ndarray) -> np.ndarray:
        """Per key: whether this filter's level may hold it (False: it does not)."""
        words = _words(bits)
        return np.asarray((words[self._first & np.uint32(words.size - 1)] & self._masks) == self._masks)

    def may_hold_each(self, stack: Stack) -> np.ndarray:
        """Per filter of the stack and per key (a filters x keys array): whether that filter's level may hold it. One
        pass for all the filters: each alone costs a few NumPy calls, more than the test of a few hundred keys."""
        places = stack.offsets + (self._first.astype(np.int64) & stack.last_words)
        return np.asarray((stack.words[places] & self._masks) == self._masks)


class Stack:
    """Several filters' words one after the other, for Probe.may_hold_each."""

    def __init__(self, filters: Sequence[np.ndarray]) -> None:
        words = [_words(bits) for bits in filters]
        sizes = np.array([part.size for part in words], dtype=np.int64)
        self.words = np.concatenate(words) if words else np.zeros(0, dtype="<u8")
        self.offsets = (np.cumsum(sizes) - sizes)[:, None]  # where each filter's words start
        self.last_words = (sizes - 1)[:, None]  # each filter's word count less one: a power of two less one


class FilterCache:
    """Filters read from the index, by the token each write of one gives: a filter is read again only after it
    changed (a newest level's after each batch; a sealed or merged one's never). Shared by the threads; the oldest
    entries are dropped past `size`."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._bits: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()  # an eviction walks the dict while another thread may add to it

    def get(self, token: str, load: Callable[[], bytes]) -> np.ndarray:
        """The filter of this token, from `load` (its bytes) when not kept."""
        with self._lock:
            bits = self._bits.get(token)
        if bits is None:
            bits = np.frombuffer(load(), dtype=np.uint8)
            with self._lock:
                while len(self._bits) >= self._size:
                    self._bits.pop(next(iter(self._bits)))
                self._bits[token] = bits
        return bits

    def values(self) -> list[np.ndarray]:
        with self._lock:
            return list(self._bits.values())

    def clear(self) -> None:
        with self._lock:
            self._bits.clear()
