"""Named moments of a run (the pool started, a worker ready, discovery done, a batch committed, ...), for
whoever listens: `bench.run_phases` prints where a run's start and end go, and tests check their order.

Nobody listens in a normal run, and a mark is then one global read. Marks come from the flow's thread and
from the writer's (flows/committer.py), so a listener must take them from both.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Moment:
    """`event` at `wall` (time.perf_counter) with `cpu` seconds of the flow process used so far
    (time.process_time); `detail`: which batch or worker, or a worker's own CPU seconds."""

    event: str
    wall: float
    cpu: float
    detail: str = ""


_listening: list[Moment] | None = None
_lock = threading.Lock()


def mark(event: str, detail: object = "") -> None:
    """Note that `event` happened now, if anyone listens."""
    if _listening is None:
        return
    moment = Moment(event, time.perf_counter(), time.process_time(), str(detail))
    with _lock:
        if _listening is not None:
            _listening.append(moment)


@contextmanager
def recording() -> Iterator[list[Moment]]:
    """The moments marked while the block runs, in the order they were marked."""
    global _listening
    moments: list[Moment] = []
    _listening = moments
    try:
        yield moments
    finally:
        _listening = None


def positions(moments: list[Moment], event: str) -> list[int]:
    """Where the moments named `event` are in `moments`, in order."""
    return [index for index, moment in enumerate(moments) if moment.event == event]
