"""Bloom filters of the band levels (warehouse/index.py): which levels may hold a band key, told without a probe.

Why: a batch's copy lookup asks for ~8,400 band keys, half of them new. Each level is a B-tree, so a key costs a
probe in every level that holds rows: one level at 1,000 articles, three at 100,000. With a filter per level a
key is probed only in the levels that may hold it (the one that does, and a false positive now and then): the
lookup costs a probe per key found, whatever the number of levels. A filter never says no to a key its level
holds, so the answer is the levels' own.

A filter is an array of bits; a key sets HASHES of them. Band keys as dedup makes them (transforms.dedup.band_keys)
are 12 bytes of a BLAKE2b digest already, so their bytes are the hash; any other key is hashed here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

HASHES = 4
BLOCK = 512  # bits of a block: one 64-byte cache line holds all of a key's bits
# Bits per key: a filter with fewer than MIN_BITS for each row of its level is rebuilt with twice MIN_BITS per row
# (false positives 0.3% at 16 bits a key, 2.5% at 8), so a growing level's rebuilds cost O(1) a row.
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
        return _words(joined)  # dedup's keys as a level stores them: no call a key
    return _words(
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
    return _words(joined)


def _words(raw: bytes) -> np.ndarray:
    return np.frombuffer(raw, dtype="<u4").reshape(-1, 3).astype(np.uint32)


def _positions(hashes: np.ndarray, bits: int) -> np.ndarray:
    """The HASHES bit positions of each key in a filter of `bits` bits (a power of two, at least BLOCK): (n,
    HASHES). All of a key's bits are in one BLOCK-bit block (a cache line), so a key costs one memory access
    per filter: a level's filter grows past the CPU's caches, and a test of scattered bits grew with it."""
    first, second, third = hashes[:, 0:1], hashes[:, 1:2], hashes[:, 2:3]
    block = (first & np.uint32(bits // BLOCK - 1)) * np.uint32(BLOCK)
    # Three 9-bit positions from the second word, one from the third: 4 of the block's 512 bits.
    within = np.concatenate(
        [(second >> np.uint32(shift)) & np.uint32(BLOCK - 1) for shift in (0, 9, 18)] + [third & np.uint32(BLOCK - 1)],
        axis=1,
    )
    return block + within


def size_for(rows: int) -> int:
    """Bytes of a new filter for a level of `rows` rows: 2 x MIN_BITS bits a row, rounded up to a power of two."""
    bits = max(BLOCK, 1 << (2 * MIN_BITS * max(rows, 1) - 1).bit_length())
    return bits // 8


def fits(filter_bytes: int, rows: int) -> bool:
    """A filter of this size still has MIN_BITS bits for each of `rows` rows."""
    return filter_bytes * 8 >= MIN_BITS * rows


def add(bits: np.ndarray, hashes: np.ndarray) -> None:
    """Set the bits of these keys (their `digests`) in a filter (a uint8 array, changed in place)."""
    positions = _positions(hashes, bits.size * 8).ravel()
    np.bitwise_or.at(bits, positions >> 3, (np.uint8(1) << (positions & 7).astype(np.uint8)))


def may_hold(bits: np.ndarray, hashes: np.ndarray) -> np.ndarray:
    """Per key (their `digests`): whether the filter's level may hold it (False: it does not)."""
    return Probe(hashes).may_hold(bits)


class Probe:
    """A batch's keys (their `digests`) made ready to test against many filters: where a key's bits sit in its block
    does not depend on the filter's size, so it is worked out once, and each filter costs only the block's offset and
    the one read of it (a lookup tests a dozen runs' filters at 100,000 articles)."""

    def __init__(self, hashes: np.ndarray) -> None:
        second, third = hashes[:, 1:2], hashes[:, 2:3]
        within = np.concatenate(
            [(second >> np.uint32(shift)) & np.uint32(BLOCK - 1) for shift in (0, 9, 18)]
            + [third & np.uint32(BLOCK - 1)],
            axis=1,
        )
        self._first = hashes[:, 0]
        self._byte = (within >> np.uint32(3)).astype(np.intp)  # (n, HASHES) bytes into the key's block
        self._mask = (np.uint8(1) << (within & np.uint32(7)).astype(np.uint8)).astype(np.uint8)

    def may_hold(self, bits: np.ndarray) -> np.ndarray:
        """Per key: whether this filter's level may hold it (False: it does not)."""
        blocks = bits.size * 8 // BLOCK
        start = (self._first & np.uint32(blocks - 1)).astype(np.intp) * (BLOCK // 8)
        return np.asarray(((bits[start[:, None] + self._byte] & self._mask) != 0).all(axis=1))
