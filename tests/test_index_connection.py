"""The lookup index's kept connection (warehouse/index.py): a lookup with nothing committed since the last
one opens neither the index nor a Delta table, and what it kept never hides another commit or a rebuild."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.test_lookup_index import night
from warehouse import index
from warehouse.lookups import committed_doc_ids, committed_site_chrome
from warehouse.store import ensure_tables

REPO = Path(__file__).resolve().parent.parent


def counted_opens(monkeypatch) -> list[str]:
    """What is opened from now on: 'index' per index connection, the table's name per Delta table."""
    opened: list[str] = []
    real_open, real_table = index._open, index.open_table

    def open_index(warehouse):
        opened.append("index")
        return real_open(warehouse)

    def open_table(path):
        opened.append(Path(path).name)
        return real_table(path)

    monkeypatch.setattr(index, "_open", open_index)
    monkeypatch.setattr(index, "open_table", open_table)
    return opened


def in_another_process(warehouse: Path, code: str) -> None:
    """Run `code` (with `warehouse`, `night`, `index` and `committed_doc_ids` at hand) in a new Python process."""
    prelude = (
        "from pathlib import Path\n"
        "from tests.test_lookup_index import night\n"
        "from warehouse import index\n"
        "from warehouse.lookups import committed_doc_ids\n"
        f"warehouse = Path({str(warehouse)!r})\n"
    )
    subprocess.run([sys.executable, "-c", prelude + code], cwd=REPO, check=True, env={"PYTHONPATH": str(REPO)})


def test_a_lookup_with_nothing_committed_since_opens_neither_the_index_nor_a_table(tmp_path, monkeypatch):
    ensure_tables(tmp_path)
    night(tmp_path, 1)
    assert committed_doc_ids(tmp_path, ["d1"]) == {"d1"}
    opened = counted_opens(monkeypatch)
    assert committed_doc_ids(tmp_path, ["d1", "d2"]) == {"d1"}
    assert committed_site_chrome(tmp_path, 1) == frozenset({"home"})
    assert opened == []
    night(tmp_path, 2)  # a new commit: the tables are read again, on the same connection
    assert committed_doc_ids(tmp_path, ["d1", "d2"]) == {"d1", "d2"}
    assert "index" not in opened and "articles" in opened
    # Another thread has its own connection (a sqlite3 connection stays in the thread that made it).
    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(committed_doc_ids, tmp_path, ["d2"]).result() == {"d2"}


def test_a_kept_connection_sees_another_process_commit_index_and_rebuild(tmp_path):
    ensure_tables(tmp_path)
    night(tmp_path, 1)
    assert committed_doc_ids(tmp_path, ["d1", "d2"]) == {"d1"}
    # Another process commits a batch and brings the index level with it through its own connection.
    in_another_process(tmp_path, "night(warehouse, 2)\nassert committed_doc_ids(warehouse, ['d2']) == {'d2'}")
    assert committed_doc_ids(tmp_path, ["d1", "d2", "d3"]) == {"d1", "d2"}
    # Another process deletes the index and builds it anew: this one's kept connection is on the old file.
    in_another_process(tmp_path, "index.delete_index(warehouse)\nnight(warehouse, 3)\ncommitted_doc_ids(warehouse, [])")
    in_another_process(tmp_path, "committed_doc_ids(warehouse, ['d3'])")
    assert committed_doc_ids(tmp_path, ["d1", "d2", "d3"]) == {"d1", "d2", "d3"}
    # The index file damaged in place: rebuilt, not believed.
    index.index_path(tmp_path).write_bytes(b"not a database")
    assert committed_doc_ids(tmp_path, ["d1", "d2", "d3"]) == {"d1", "d2", "d3"}
