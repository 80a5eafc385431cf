"""Local files as sources: only regular files are read, and their names are stored as valid UTF-8.

A named pipe would block the run, a device never ends, a symlink loop cannot be opened: each
becomes a rejection. Nothing here knows about the kinds of source.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from transforms.reasons import Reason


class TooLarge(OSError):
    """Data over its limit (a file's size, or decompressed data)."""


class NotRegularFile(OSError):
    """A FIFO, socket, device or directory where a file was expected: reading it could block or never end."""


def stored_name(path: str) -> str:
    """A file name as text that can be stored: Python reads a name that is not UTF-8 with surrogate
    escapes, which no UTF-8 column (nor a hash of it) takes; its bad bytes become \\xff escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


@contextmanager
def open_regular(path: str | Path, max_bytes: int | None = None) -> Iterator[BinaryIO]:
    """A regular file opened for reading, or NotRegularFile / TooLarge (an OSError) raised at once.

    Opened without blocking (a FIFO would wait for a writer) and checked on the open descriptor,
    so what is read is what was checked: a device, pipe or socket never is, nor a file over `max_bytes`.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(errno.EINVAL, f"{_file_type(info.st_mode)}, not a regular file")
        if max_bytes is not None and info.st_size > max_bytes:
            raise TooLarge(errno.EFBIG, f"{info.st_size} bytes; the limit is {max_bytes}")
        os.set_blocking(descriptor, True)
    except BaseException:
        os.close(descriptor)
        raise
    with os.fdopen(descriptor, "rb") as handle:
        yield handle


def _file_type(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISDIR, "a directory"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def regular_file_problem(path: Path) -> tuple[Reason, str] | None:
    """Why a path found by `expand_paths` is not read (None: a regular file, following symlinks)."""
    try:
        info = path.stat()
    except OSError as error:
        if error.errno == errno.ELOOP:
            return Reason.NOT_A_REGULAR_FILE, f"a symlink loop: {error.strerror}"
        return Reason.UNREADABLE, str(error)
    if not stat.S_ISREG(info.st_mode):
        return Reason.NOT_A_REGULAR_FILE, f"{_file_type(info.st_mode)}: only regular files are read"
    return None
