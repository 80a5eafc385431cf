"""The one ordered writer of a run: a thread of the flow process that commits batches strictly in order
while the flow reads the next batch and keeps the workers busy with it.

Why a thread: a batch's serial part (duplicate clustering, the Delta appends and marker, compaction,
the views) runs in the flow process and, done in line, leaves every worker idle for seconds per batch.
In a thread it overlaps the next batch's reading, lookups and worker phases; the Delta appends and
DuckDB release the GIL, and the flow's own work while the workers run is small.

The rules that keep it exact (docs/architecture.md, "Overlapped batches"):
- one writer: items are written in the order they are submitted, one at a time, and a failure stops
  the writer (the next call from the flow raises it); nothing after a failed item is written;
- `lock` is held by every warehouse read or write of the flow process: the writer holds it for a
  whole item (rows, marker, compaction, views), so a lookup never sees half a batch (the lookup index
  takes a row whose marker is missing for one of a failed attempt, warehouse/index.py);
- the flow sees what it handed over but what is not written yet (`in_flight`, read under `lock`, as
  the warehouse is);
- a batch waits before it starts for the commit of the batch two before it, and takes the site chrome
  the writer read right after that commit (`chrome_for`): the same input in the same batches gives the
  same chrome, however the timing falls;
- the writer starts on item `index` only once the flow has made the first lookups of the batch after it
  (`looked_up(index + 1)`, or handed that batch over), or waits for the item, or stops: those lookups
  come right when the workers finished batch `index` and wait for them, and the writer's item (seconds
  of commit, compaction and views) would otherwise hold the lock through them. Batch `index` is then in
  flight for them, which every lookup counts as it counts a committed batch.
"""

from __future__ import annotations

import contextvars
import threading
from collections import deque
from collections.abc import Callable
from typing import Generic, TypeVar

W = TypeVar("W")

# Seconds between checks of a wait: a signal handler (SIGTERM, Ctrl-C) runs in the main thread only
# between them, so the flow stops promptly even while it waits for the writer.
_WAIT_STEP = 0.2


class OrderedWriter(Generic[W]):
    """Writes submitted items in order in its own thread; `chrome` is read again after each one that
    committed something (`write` returns whether it did), but after the last of `items` (when given), which
    no batch takes (batch i takes the one after i - 2)."""

    def __init__(
        self, write: Callable[[int, W], bool], chrome: Callable[[], frozenset[str]], items: int | None = None
    ) -> None:
        self.lock = threading.RLock()  # every warehouse read or write of the flow process
        self.in_flight: dict[int, W] = {}  # handed over, not written yet; read and changed under `lock`
        self._write, self._read_chrome = write, chrome
        # Reading the chrome catches the lookup index up with the commit (warehouse/index.py). After the last
        # batch that was on the run's end, the workers gone, for a chrome no batch takes; the next lookup (the
        # next run's first, while its workers load their model) catches the index up instead. The chrome after
        # the batch before the last is not taken either, but read all the same: that catch-up runs beside the
        # last batch's workers, and skipped it would fall to that batch's copy lookup, the workers waiting.
        self._last = items - 1 if items is not None else None
        self._changed = threading.Condition()
        self._queue: deque[tuple[int, W]] = deque()
        self._written = -1  # index of the last item written
        self._writable = -1  # the writer may start on items up to this index (`looked_up`)
        self._chrome: dict[int, frozenset[str]] = {}
        self._error: BaseException | None = None
        self._closing = False
        with self.lock:
            self._chrome[-1] = chrome()  # what the first two batches see: the chrome before the run
        # Prefect's run context (logger, task runs) goes with the thread.
        context = contextvars.copy_context()
        self._thread = threading.Thread(target=context.run, args=(self._loop,), name="newsetl-writer", daemon=True)
        self._thread.start()

    def submit(self, index: int, item: W) -> None:
        """Hand item `index` (0, 1, 2, ... in order) to the writer; it counts as in flight at once."""
        with self.lock:
            self.in_flight[index] = item
        with self._changed:
            self._raise_error()
            self._queue.append((index, item))
            self._writable = max(self._writable, index - 1)  # batch `index` is past its lookups
            self._changed.notify_all()

    def looked_up(self, index: int) -> None:
        """Batch `index` made the lookups it starts with: the writer may write the item before it."""
        with self._changed:
            self._writable = max(self._writable, index - 1)
            self._changed.notify_all()

    def chrome_for(self, index: int) -> frozenset[str]:
        """The site chrome batch `index` extracts with: the committed one after batch `index - 2`, waited for."""
        written = max(index - 2, -1)
        self.wait_for(written)
        return self._chrome[written]

    def wait_for(self, index: int) -> None:
        """Until item `index` (and every one before it) is written; the writer's error if it failed."""
        with self._changed:
            self._writable = max(self._writable, index)  # nothing to wait for before writing it
            self._changed.notify_all()
            while self._written < index:
                self._raise_error()
                self._changed.wait(_WAIT_STEP)
            self._raise_error()

    def finish(self, last: int) -> None:
        """Wait for every item up to `last`, then end the thread."""
        self.wait_for(last)
        self.stop()

    def stop(self) -> None:
        """Write nothing more: the item being written is finished (a commit is not cut half-way, and the
        caller may then record the run), the queued ones are dropped (their documents are not known, so
        the next run does them)."""
        with self._changed:
            self._closing = True
            self._queue.clear()
            self._changed.notify_all()
        self._thread.join()

    def _raise_error(self) -> None:
        if self._error is not None:
            raise self._error

    def _loop(self) -> None:
        while True:
            with self._changed:
                while not self._queue and not self._closing:
                    self._changed.wait()
                if self._closing:
                    return
                index, item = self._queue.popleft()
                # Stopping opens the gate: this item was handed over before the stop, as one being
                # written already would have been.
                while index > self._writable and not self._closing:
                    self._changed.wait()
            try:
                with self.lock:
                    committed = self._write(index, item)
                    if index == self._last:
                        chrome: frozenset[str] = frozenset()  # no batch takes it
                    else:
                        chrome = self._read_chrome() if committed else self._chrome[self._written]
                    del self.in_flight[index]
            except BaseException as error:  # noqa: BLE001 - handed to the flow, which records the run
                with self._changed:
                    self._error, self._closing = error, True
                    self._changed.notify_all()
                return
            with self._changed:
                self._chrome[index] = chrome
                self._chrome.pop(index - 2, None)  # no batch asks for it any more
                self._written = index
                self._changed.notify_all()
