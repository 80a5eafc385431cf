"""Giving the C heap's free memory back to the system after the steps that allocate much and then free it.

Why: glibc's malloc keeps what a process frees for its next allocations, in the arena of the thread that freed it. The
flow process's big steps free a lot in arenas other steps do not reuse: the lookup index's catch-up when it seals or
merges band runs (SQLite's pages of a merge, the merged run's filter) in the writer thread's arena, the search index's
update in tantivy's writer threads' arenas. Kept, that memory stays in the process's RSS from one such step to the next,
and a run's RSS grew with the archive (bench/flow_memory.py, docs/benchmarks.md). `malloc_trim(0)` returns the free
pages of every arena; a few milliseconds, so it runs after those steps only, not after every batch's. With another C
library (musl, macOS) there is no such function and this does nothing.
"""

from __future__ import annotations

import ctypes
import functools
from collections.abc import Callable


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, from the process's own C library; None where there is none."""
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def give_back_free_memory() -> bool:
    """Return the C heap's free pages to the system; False when the C library cannot (not glibc)."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
