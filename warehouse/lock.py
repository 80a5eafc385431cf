"""One writer per warehouse: an exclusive lock file that the kernel releases when its holder dies.

`flock` rather than a pid file checked for liveness: a killed holder can never leave
a stale lock behind, and two starters cannot both decide a lock is stale. The file
also records who holds it (pid, host, run id, since when) for the message the second
run prints, and for the next holder to learn which run was cut short.
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

LOCK_FILE = ".newsetl.lock"
# The views file's new link before its rename (a publish killed in between), and the views file and log an older
# version wrote before renaming it.
VIEWS_TEMPORARY_GLOBS = (".newsetl.duckdb.*.tmp", ".newsetl.duckdb.*.tmp.wal")


class WarehouseBusy(RuntimeError):
    """Another live run holds the warehouse; the message says which and what to do."""


@dataclass(frozen=True, slots=True)
class LockHolder:
    pid: int
    host: str
    run_id: str
    since: str
    finished: bool = False

    def describe(self) -> str:
        return f"run {self.run_id} (pid {self.pid} on {self.host}, since {self.since})"


def lock_path(warehouse: Path) -> Path:
    return warehouse / LOCK_FILE


def _read_holder(handle) -> LockHolder | None:
    handle.seek(0)
    try:
        data = json.loads(handle.read() or "null")
        return LockHolder(**data) if isinstance(data, dict) else None
    except (ValueError, TypeError):
        return None


def _write_holder(handle, holder: LockHolder) -> None:
    handle.seek(0)
    handle.truncate()
    handle.write(json.dumps(asdict(holder)))
    handle.flush()
    os.fsync(handle.fileno())


def busy_message(warehouse: Path, holder: LockHolder | None) -> str:
    who = holder.describe() if holder else "another run"
    return f"warehouse {warehouse} is in use by {who}; wait for it to finish (or stop it) and run again"


def check_not_busy(warehouse: Path) -> None:
    """Raise WarehouseBusy when a live run holds the warehouse now; takes nothing, creates nothing.

    For the command line, to answer "busy" at once rather than after Prefect starts. A shared
    lock conflicts only with a holder's exclusive one, and is dropped at once; a run starting in
    that instant may be told "busy" by mistake, as it would be a moment later by the prober's run.
    The run itself still takes the lock: this only answers early.
    """
    try:
        handle = open(lock_path(warehouse), encoding="utf-8")  # noqa: SIM115 - closed below, lock or not
    except OSError:  # no lock file (no run yet), or no folder: nobody holds it; the run reports the rest
        return
    with handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            raise WarehouseBusy(busy_message(warehouse, _read_holder(handle))) from None
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


@contextmanager
def hold_warehouse(
    warehouse: Path, run_id: str, wait_seconds: float = 0.0, poll_seconds: float = 0.5
) -> Iterator[LockHolder | None]:
    """Hold the warehouse for one run; yields the previous holder if it died without finishing.

    Waits up to `wait_seconds` for a live holder to finish, then raises WarehouseBusy.
    """
    warehouse.mkdir(parents=True, exist_ok=True)
    handle = open(lock_path(warehouse), "a+", encoding="utf-8")  # noqa: SIM115 - held for the run
    try:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise WarehouseBusy(busy_message(warehouse, _read_holder(handle))) from None
                time.sleep(poll_seconds)
        previous = _read_holder(handle)
        me = LockHolder(
            pid=os.getpid(),
            host=socket.gethostname(),
            run_id=run_id,
            since=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        _write_holder(handle, me)
        try:
            yield previous if previous is not None and not previous.finished else None
        finally:
            # A run that ends, even by an error, records its own end; only a killed one does not.
            _write_holder(handle, replace(me, finished=True))
    finally:
        handle.close()  # closing releases the lock


def remove_stale_temporaries(warehouse: Path) -> list[Path]:
    """Half-written views files of a publish that was killed; call only while holding the lock."""
    removed = []
    for pattern in VIEWS_TEMPORARY_GLOBS:
        for path in sorted(warehouse.glob(pattern)):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed
