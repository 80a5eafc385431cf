"""Which errors are worth another try: transient I/O and a worker process that died."""

from __future__ import annotations

import errno
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # names for the annotations only: is_transient alone should not import Prefect
    from prefect import Task
    from prefect.client.schemas import TaskRun
    from prefect.states import State

# Errors of the moment (a busy or flaky disk or network), not of the input or the code.
TRANSIENT_ERRNOS = frozenset(
    {
        errno.EAGAIN,
        errno.EBUSY,
        errno.EINTR,
        errno.EIO,
        errno.ETIMEDOUT,
        errno.ECONNRESET,
        errno.ECONNREFUSED,
        errno.ECONNABORTED,
        errno.ENETUNREACH,
        errno.EHOSTUNREACH,
        errno.ESTALE,
    }
)


def is_transient(error: BaseException) -> bool:
    """True when the same work may well succeed if tried again shortly."""
    if isinstance(error, BrokenProcessPool):
        # A worker was killed (out of memory, by an operator); a fresh pool usually finishes.
        return True
    if isinstance(error, (TimeoutError, ConnectionError)):
        return True
    return isinstance(error, OSError) and error.errno in TRANSIENT_ERRNOS


def retry_if_transient(task: Task[..., Any], task_run: TaskRun, state: State) -> bool:
    """Prefect `retry_condition_fn`: retry a failed task only for a transient error."""
    try:
        state.result(raise_on_failure=True)
    except Exception as error:  # noqa: BLE001 - classified, not swallowed
        return is_transient(error)
    return False
