"""Progress of a long run: a line redrawn in place on a terminal, plain log lines otherwise."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from typing import TextIO


class Progress:
    """Counts documents read, pages fetched, articles and rejections; shows them with the rate.

    On a terminal the line is redrawn at most `tty_interval` seconds apart; elsewhere (CI, cron,
    a log file) a plain line goes to `log` at most every `log_interval` seconds, and at the end.
    """

    def __init__(
        self,
        total: int,
        stream: TextIO | None = None,
        log: Callable[[str], None] | None = None,
        tty_interval: float = 0.2,
        log_interval: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.log = log or (lambda line: print(line, file=self.stream, flush=True))
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.interval = tty_interval if self.tty else log_interval
        self.clock = clock
        self.started = clock()
        self.last_shown = self.started
        self.read = self.fetched = self.articles = self.rejected = 0
        self._lock = threading.Lock()

    def add(self, read: int = 0, fetched: int = 0, articles: int = 0, rejected: int = 0) -> None:
        with self._lock:
            self.read += read
            self.fetched += fetched
            self.articles += articles
            self.rejected += rejected
            now = self.clock()
            if now - self.last_shown >= self.interval:
                self.last_shown = now
                self._show(final=False)

    def line(self) -> str:
        seconds = max(self.clock() - self.started, 1e-9)
        rate = self.read / seconds
        left = f", about {(self.total - self.read) / rate:.0f}s left" if rate and self.read < self.total else ""
        return (
            f"read {self.read}/{self.total}, fetched {self.fetched}, articles {self.articles}, "
            f"rejected {self.rejected}, {rate:.1f} documents/s{left}"
        )

    def finish(self) -> None:
        with self._lock:
            self._show(final=True)

    def _show(self, final: bool) -> None:
        if self.tty:
            # The cursor goes back to the line's start: a log line printed meanwhile overwrites it
            # instead of running on after it, and the next redraw comes below that log line.
            self.stream.write("\r\x1b[K" + self.line() + ("\n" if final else "\r"))
            self.stream.flush()
        else:
            self.log(self.line())


_current: Progress | None = None


def start(progress: Progress | None) -> None:
    global _current
    _current = progress


def report(read: int = 0, fetched: int = 0, articles: int = 0, rejected: int = 0) -> None:
    """Count into the run's progress, if one is shown (tasks call this; tests may run without)."""
    if _current is not None:
        _current.add(read=read, fetched=fetched, articles=articles, rejected=rejected)


def current_finish() -> None:
    """Show the final line and stop counting."""
    global _current
    if _current is not None:
        _current.finish()
    _current = None
