"""The schema version a warehouse was written with, recorded in `newsetl.json` at its root.

A file rather than Delta table metadata: the version is one fact of the whole warehouse (a
newer schema may add tables), a writer claims it once per run instead of committing to every
table, and `json` alone reads it, so `newsetl run` refuses a newer warehouse before Prefect,
deltalake or DuckDB load. It is replaced atomically (a temporary file renamed over it).
A warehouse without the file was written by schema version 5 or before: it is accepted and stamped.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from transforms.records import SCHEMA_VERSION

VERSION_FILE = "newsetl.json"


class WarehouseTooNew(RuntimeError):
    """The warehouse was written by a newer newsetl: this one must not write to it."""


def version_path(warehouse: Path) -> Path:
    return warehouse / VERSION_FILE


def written_schema_version(warehouse: Path) -> int | None:
    """The schema version the warehouse records; None when it records none (schema 5 or before, or new).

    Raises ValueError when the file is there but says no version this newsetl can read.
    """
    try:
        text = version_path(warehouse).read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):  # a warehouse path that is no folder fails where it is used
        return None
    try:
        return int(json.loads(text)["schema_version"])
    except (ValueError, KeyError, TypeError) as error:
        raise ValueError(f"no schema_version in {version_path(warehouse)}: {error!r}") from None


def write_refusal(warehouse: Path) -> str | None:
    """Why this newsetl must not write to the warehouse, in one line; None when it may."""
    advice = "upgrade newsetl (pip install -r requirements.lock) or use another --warehouse"
    try:
        found = written_schema_version(warehouse)
    except ValueError as error:
        return f"warehouse {warehouse}: {error}; this newsetl knows schema versions up to {SCHEMA_VERSION}: {advice}"
    if found is None or found <= SCHEMA_VERSION:
        return None
    return (
        f"warehouse {warehouse} was written by schema version {found}; "
        f"this newsetl knows up to {SCHEMA_VERSION}: {advice}"
    )


def stamp_schema_version(warehouse: Path, version: int = SCHEMA_VERSION) -> None:
    """Record `version` in the warehouse; readers see the old file or the new, never half of one."""
    path = version_path(warehouse)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(json.dumps({"schema_version": version}) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def claim_for_writing(warehouse: Path) -> None:
    """Refuse a warehouse written by a newer schema (WarehouseTooNew); stamp an older or new one with ours.

    Call while holding the warehouse lock, before the run writes anything.
    """
    refusal = write_refusal(warehouse)
    if refusal is not None:
        raise WarehouseTooNew(refusal)
    if written_schema_version(warehouse) != SCHEMA_VERSION:
        warehouse.mkdir(parents=True, exist_ok=True)
        stamp_schema_version(warehouse)
