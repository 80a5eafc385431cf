"""Progress lines: plain log lines spaced out, on a terminal too, counted per document."""

from __future__ import annotations

import io
import sys

from flows import progress as progress_module
from flows.progress import Progress
from flows.workers import process_documents
from tests.test_batches import raw
from transforms.options import PipelineOptions
from transforms.records import Rejection


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_plain_lines_at_most_every_interval():
    lines: list[str] = []
    clock = Clock()
    progress = Progress(total=100, log=lines.append, log_interval=10, clock=clock)
    for _ in range(10):
        clock.now += 3
        progress.add(read=10)
    progress.finish()
    assert len(lines) == 3  # at 12s, 24s and the end (30s)
    assert lines[0].startswith("read 40/100") and "about 18s left" in lines[0]
    assert all("\r" not in line for line in lines)


def test_a_batch_settles_the_count_so_a_retried_batch_counts_once():
    lines: list[str] = []
    progress = Progress(total=4, log=lines.append, clock=Clock())
    progress.add(read=3)  # two documents, then a retry of the batch counted one again
    progress.settle(read=2)
    progress.finish()
    assert lines == [lines[-1]] and lines[-1].startswith("read 2/4")


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_progress_is_whole_log_lines_that_nothing_overwrites(monkeypatch):
    """A line redrawn in place was overwritten by the next log line; a log line cannot be."""
    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    lines: list[str] = []
    progress = Progress(total=10, log=lines.append, clock=Clock())
    progress.add(read=5)
    progress.finish()

    assert len(lines) == 1 and lines[0].startswith("read 5/10")
    assert screen.getvalue() == ""  # nothing drawn around the log


class TickingClock:
    """A second passes each time the clock is read."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1
        return self.now


def test_documents_are_counted_as_each_finishes_within_a_batch(monkeypatch):
    """A long batch shows the documents done so far: each finished document is counted at once."""
    lines: list[str] = []
    monkeypatch.setattr(
        progress_module, "_current", Progress(total=3, log=lines.append, log_interval=1, clock=TickingClock())
    )
    results = process_documents([raw(f"d{i}") for i in range(3)], PipelineOptions(), workers=1)
    assert [r.doc_id for r in results if isinstance(r, Rejection)] == ["d0", "d1", "d2"]  # in input order
    assert [line.split(",")[0] for line in lines] == ["read 1/3", "read 2/3", "read 3/3"]
