"""Progress of a long run: a plain log line at most every 10 s, counted per document, and at the end.

Log lines only, on a terminal too: a line redrawn in place is overwritten by the next log line
(Prefect's console handler knows nothing of it), and a log line cannot be.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable


class Progress:
    """Counts documents done, pages fetched, articles and rejections; logs them with the rate.

    A line goes to `log` when a count changes at least `log_interval` seconds after the last line,
    and at the end. Documents are counted as each one finishes, so a long batch shows its progress.
    """

    def __init__(
        self,
        total: int,
        log: Callable[[str], None] | None = None,
        log_interval: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.log = log or (lambda line: print(line, file=sys.stderr, flush=True))
        self.interval = log_interval
        self.clock = clock
        self.started = clock()
        self.last_shown = self.started
        self.read = self.fetched = self.articles = self.rejected = 0
        self._lock = threading.Lock()
        self._finished = threading.Event()

    def keep_showing(self) -> None:
        """Show the line every interval even while no document finishes (one slow document, a fetch)."""

        def tick() -> None:
            while not self._finished.wait(self.interval):
                self.add()

        threading.Thread(target=tick, name="newsetl-progress", daemon=True).start()

    def add(self, read: int = 0, fetched: int = 0, articles: int = 0, rejected: int = 0) -> None:
        with self._lock:
            self.read += read
            self.fetched += fetched
            self.articles += articles
            self.rejected += rejected
            now = self.clock()
            if now - self.last_shown >= self.interval:
                self.last_shown = now
                self.log(self.line())

    def settle(self, read: int) -> None:
        """Documents done when a batch ends: also those skipped, and none twice when a batch was retried."""
        with self._lock:
            self.read = read

    def line(self) -> str:
        seconds = max(self.clock() - self.started, 1e-9)
        rate = self.read / seconds
        left = f", about {(self.total - self.read) / rate:.0f}s left" if rate and self.read < self.total else ""
        return (
            f"read {self.read}/{self.total}, fetched {self.fetched}, articles {self.articles}, "
            f"rejected {self.rejected}, {rate:.1f} documents/s{left}"
        )

    def finish(self) -> None:
        self._finished.set()
        with self._lock:
            self.log(self.line())


_current: Progress | None = None


def start(progress: Progress | None) -> None:
    """Count into `progress` from here on, and show it every interval until `current_finish`."""
    global _current
    _current = progress
    if progress is not None:
        progress.keep_showing()


def report(read: int = 0, fetched: int = 0, articles: int = 0, rejected: int = 0) -> None:
    """Count into the run's progress, if one is shown (tasks call this; tests may run without)."""
    if _current is not None:
        _current.add(read=read, fetched=fetched, articles=articles, rejected=rejected)


def settle(read: int) -> None:
    """Set the documents done at the end of a batch, if a progress is shown."""
    if _current is not None:
        _current.settle(read)


def current_finish() -> None:
    """Show the final line and stop counting."""
    global _current
    if _current is not None:
        _current.finish()
    _current = None
