"""Whether a change left a whole run's output alone: every table's rows after `ingest` over a folder (the writer,
the copies' lookups and the clusters included, which `bench.pipeline_identity` does not run).

    PYTHONPATH=$PWD python -m bench.run_identity FOLDER --save before.json     # on the old code
    PYTHONPATH=$PWD python -m bench.run_identity FOLDER --compare before.json  # on the new code

Each table's rows are hashed in a stable order, without what differs from run to run by design: the run id,
timestamps, the `runs` row's seconds, and the run id inside batch ids (kept: the batch's number).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import pyarrow as pa
from deltalake import DeltaTable


def _plain(value: Any) -> str:
    return value.hex() if isinstance(value, bytes) else str(value)


def _row_key(row: dict[str, Any]) -> str:
    return json.dumps(row, sort_keys=True, default=_plain)


def table_digest(path: Path, run_id: str) -> dict[str, Any]:
    """Rows and a hash of them, the run's own values taken out."""
    table = DeltaTable(str(path)).to_pyarrow_table()
    keep = [
        field.name
        for field in table.schema
        if field.name != "run_id" and not pa.types.is_timestamp(field.type) and not field.name.startswith("seconds_")
    ]
    rows = []
    for row in table.select(keep).to_pylist():
        if isinstance(row.get("batch_id"), str):
            row["batch_id"] = row["batch_id"].replace(run_id, "RUN")
        rows.append(_row_key(row))
    rows.sort()
    return {"rows": len(rows), "hash": hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16]}


def run_digests(folder: Path, workers: int, batch_size: int) -> dict[str, dict[str, Any]]:
    from flows.cli import run_settings
    from flows.ingest import ingest

    scratch = Path(tempfile.mkdtemp(prefix="newsetl-identity-"))
    try:
        with run_settings():
            ingest(sources=[str(folder)], warehouse=str(scratch / "wh"), workers=workers, batch_size=batch_size)
        tables = scratch / "wh" / "tables"
        # One run: its `running` and `completed` rows.
        [run_id] = set(DeltaTable(str(tables / "runs")).to_pyarrow_table(columns=["run_id"])["run_id"].to_pylist())
        return {path.name: table_digest(path, run_id) for path in sorted(tables.iterdir()) if path.is_dir()}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--save", type=Path, help="write each table's rows and hash here")
    parser.add_argument("--compare", type=Path, help="compare with what --save wrote")
    args = parser.parse_args(argv)
    digests = run_digests(args.folder, args.workers, args.batch_size)
    for name, digest in digests.items():
        print(f"{name}: {digest['rows']} rows, {digest['hash']}")
    if args.save:
        args.save.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if args.compare:
        saved = json.loads(args.compare.read_text(encoding="utf-8"))
        differing = sorted(name for name in saved.keys() | digests.keys() if saved.get(name) != digests.get(name))
        print(f"compared with {args.compare}: {len(digests) - len(differing)} of {len(digests)} tables the same")
        for name in differing:
            print(f"DIFFERENT: {name}: {saved.get(name)} before, {digests.get(name)} now")
        return 1 if differing else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
