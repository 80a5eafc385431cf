"""Lookups of committed rows (warehouse/lookups.py): rows of a batch without a marker never count."""

from __future__ import annotations

import ast
import dataclasses
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from transforms.ids import doc_id_for, rejection_id
from transforms.reasons import Reason, Stage
from transforms.records import Article, BatchCommit, LshBand, MinhashSignature, RawPage, Rejection, RunSummary, SiteLine
from warehouse.batch_failures import failed_document
from warehouse.index import current_index
from warehouse.lookups import (
    StoredPages,
    committed_band_matches,
    committed_doc_ids,
    committed_site_chrome,
    latest_raw_pages,
    raw_page_urls,
    stored_pages,
    unfinished_runs,
)
from warehouse.schemas import ARTICLES, BATCHES, LSH_BANDS, MINHASH_SIGNATURES, RAW_PAGES, REJECTIONS, RUNS, SITE_LINES
from warehouse.sources import DocumentRef
from warehouse.store import append_rows, ensure_tables, table_files

ROOT = Path(__file__).resolve().parent.parent


def day(n: int) -> datetime:
    return datetime(2026, 1, n, tzinfo=UTC)


def article(doc_id: str, cluster_id: str = "c") -> Article:
    values: dict[str, Any] = {f.name: None for f in dataclasses.fields(Article)}
    values.update(
        article_id="a-" + doc_id,
        doc_id=doc_id,
        source=doc_id + ".html",
        language="en",
        text="text",
        text_hash="h",
        cluster_id=cluster_id,
        word_count=60,
    )
    return Article(**values)


def page(url: str, content: bytes, fetched: int) -> RawPage:
    return RawPage(
        doc_id=doc_id_for(content),
        url=url,
        final_url=url,
        status=200,
        content_type="text/html",
        content_language=None,
        etag=None,
        last_modified=None,
        fetched_at=day(fetched),
        title=None,
        published_date=None,
        content=content,
    )


def write_batch(warehouse: Path, batch_id: str, committed_on: int | None, run_id: str = "run", **rows) -> None:
    """Rows of one batch; its marker only when `committed_on` is a day (else a crash before the commit)."""
    lineage = {"run_id": run_id, "batch_id": batch_id}
    for spec in (ARTICLES, REJECTIONS, RAW_PAGES, LSH_BANDS, MINHASH_SIGNATURES, SITE_LINES):
        append_rows(warehouse, spec, rows.get(spec.name, []), lineage)
    if committed_on is not None:
        append_rows(
            warehouse,
            BATCHES,
            [
                BatchCommit(
                    batch_id, 1, len(rows.get("articles", [])), len(rows.get("rejections", [])), day(committed_on)
                )
            ],
            {"run_id": run_id},
        )


def test_only_committed_documents_are_known_and_a_failed_batch_is_not_done(tmp_path):
    ensure_tables(tmp_path)
    failed = Rejection("d3", "d3.html", Stage.PROCESS, Reason.BATCH_FAILED, "ValueError: bug")
    write_batch(
        tmp_path,
        "b1",
        1,
        articles=[article("d1")],
        rejections=[Rejection("d2", "d2.html", Stage.NORMALISE, Reason.TOO_SHORT, "10 words"), failed],
    )
    write_batch(tmp_path, "ghost", None, articles=[article("d4")])
    assert committed_doc_ids(tmp_path, ["d1", "d2", "d3", "d4", "d5"]) == {"d1", "d2"}
    assert committed_doc_ids(tmp_path, []) == set()


def test_raw_pages_newest_committed_fetch_wins(tmp_path):
    ensure_tables(tmp_path)
    assert raw_page_urls(tmp_path) == [] and latest_raw_pages(tmp_path, ["https://a.example/"]) == {}
    write_batch(tmp_path, "b1", 1, raw_pages=[page("https://b.example/", b"b", 1), page("https://a.example/", b"1", 1)])
    write_batch(tmp_path, "b2", 2, raw_pages=[page("https://a.example/", b"2", 2)])
    write_batch(
        tmp_path, "ghost", None, raw_pages=[page("https://a.example/", b"3", 3), page("https://c.example/", b"c", 3)]
    )
    assert raw_page_urls(tmp_path) == ["https://a.example/", "https://b.example/"]
    latest = latest_raw_pages(tmp_path, ["https://a.example/", "https://c.example/"])
    assert latest == {"https://a.example/": page("https://a.example/", b"2", 2)}


def test_stored_pages_knows_committed_fetches_from_the_index_without_reading_their_bytes(tmp_path):
    ensure_tables(tmp_path)
    known, fresh = page("https://a.example/", b"known", 1), page("https://b.example/", b"fresh", 1)
    write_batch(tmp_path, "b1", 1, raw_pages=[known], articles=[article(known.doc_id)])
    # b.example's fetch is committed but its document is not (as after an outcome that is retried).
    write_batch(tmp_path, "b2", 2, raw_pages=[fresh])
    urls = ["https://a.example/", "https://b.example/", "https://none.example/"]
    assert stored_pages(tmp_path, urls) == StoredPages(frozenset({"https://a.example/"}), {fresh.url: fresh})
    # The known page's bytes are never read: with its Parquet file gone the answer is the same
    # (reading every stored fetch, as a batch did before, now fails).
    files = table_files(tmp_path, RAW_PAGES)
    (known_file,) = [f for f in files if pq.read_table(f, columns=["batch_id"])["batch_id"].to_pylist() == ["b1"]]
    Path(known_file).unlink()
    assert stored_pages(tmp_path, urls) == StoredPages(frozenset({"https://a.example/"}), {fresh.url: fresh})
    with pytest.raises(OSError):
        latest_raw_pages(tmp_path, urls)


def test_stored_pages_asks_where_a_fetch_is_stored_only_for_the_pages_it_reads(tmp_path):
    # A rerun's URLs are mostly known: each one's place (a seek in page_files, at a random leaf in a large archive)
    # is asked only when its bytes are read.
    ensure_tables(tmp_path)
    known, fresh = page("https://a.example/", b"known", 1), page("https://b.example/", b"fresh", 1)
    write_batch(tmp_path, "b1", 1, raw_pages=[known], articles=[article(known.doc_id)])
    write_batch(tmp_path, "b2", 2, raw_pages=[fresh])
    stored_pages(tmp_path, [known.url])  # the index caught up
    with current_index(tmp_path) as con:
        statements: list[str] = []
        con.set_trace_callback(statements.append)
        try:
            assert stored_pages(tmp_path, [known.url]) == StoredPages(frozenset({known.url}), {})
            asked_for_known = list(statements)
            assert stored_pages(tmp_path, [known.url, fresh.url]) == StoredPages(
                frozenset({known.url}), {fresh.url: fresh}
            )
        finally:
            con.set_trace_callback(None)
    assert asked_for_known and not any("JOIN page_files" in statement for statement in asked_for_known)
    assert any("JOIN page_files" in statement for statement in statements[len(asked_for_known) :])


def test_band_matches_and_site_chrome_see_committed_rows_only(tmp_path):
    ensure_tables(tmp_path)
    signature = MinhashSignature("a-d1", "c1", "scheme-1", b"\x01\x00\x00\x00")
    write_batch(
        tmp_path,
        "b1",
        1,
        articles=[article("d1", "c1"), article("d2", "c2")],
        lsh_bands=[LshBand("k1", "a-d1"), LshBand("k2", "a-d1"), LshBand("k9", "a-d2")],
        minhash_signatures=[signature, MinhashSignature("a-d2", "c2", "scheme-2", b"\x02\x00\x00\x00")],
        site_lines=[
            SiteLine("site", "h1", "a-d1", "Home"),
            SiteLine("site", "h1", "a-d2", "Home"),
            SiteLine("site", "h2", "a-d1", "Only once"),
        ],
    )
    write_batch(
        tmp_path,
        "ghost",
        None,
        articles=[article("d3", "c3")],
        lsh_bands=[LshBand("k1", "a-d3")],
        minhash_signatures=[MinhashSignature("a-d3", "c3", "scheme-1", b"\x03\x00\x00\x00")],
        site_lines=[SiteLine("site", "h2", "a-d3", "Only once")],
    )
    assert committed_band_matches(tmp_path, ["k1", "k2", "k9"], "scheme-1") == [
        ("a-d1", "c1", b"\x01\x00\x00\x00", ["k1", "k2"])
    ]
    assert committed_band_matches(tmp_path, [], "scheme-1") == []
    assert committed_site_chrome(tmp_path, 2) == frozenset({"h1"})


def test_unfinished_runs_count_what_their_batches_committed(tmp_path):
    ensure_tables(tmp_path)
    append_rows(
        tmp_path,
        RUNS,
        [
            RunSummary("killed", day(1), None, "running", 2, 9, 0, 0, 0, 0, 0, 0),
            RunSummary("done", day(1), None, "running", 1, 1, 0, 0, 0, 0, 0, 0),
            RunSummary("done", day(1), day(2), "completed", 1, 1, 0, 1, 0, 0, 0, 1),
        ],
    )
    write_batch(tmp_path, "k-1", 1, run_id="killed", articles=[article("d1")])
    write_batch(
        tmp_path,
        "k-2",
        1,
        run_id="killed",
        articles=[article("d2")],
        rejections=[Rejection("d3", "d3.html", Stage.DECODE, Reason.EMPTY, "no bytes")],
    )
    cut_short = unfinished_runs(tmp_path, also=["done", "never-wrote"])
    assert cut_short == [
        RunSummary("killed", day(1), None, "running", 2, 9, 0, 2, 0, 0, 1, 2),
        # No row: no start time, for recovery to fill in.
        RunSummary("never-wrote", None, None, "running", 0, 0, 0, 0, 0, 0, 0, 0),  # type: ignore[arg-type]  # None as the comment above says
    ]


def test_a_failed_batch_rejects_each_document_under_the_id_it_would_have(tmp_path):
    good = tmp_path / "good.html"
    good.write_bytes(b"<p>news</p>")
    local = failed_document(DocumentRef(str(good)), "ValueError: bug")
    assert (local.doc_id, local.stage, local.reason) == (doc_id_for(b"<p>news</p>"), "process", "batch_failed")
    url = failed_document(DocumentRef("https://news.example/a", kind="url"), "ValueError: bug")
    assert url.doc_id == rejection_id(Stage.PROCESS, Reason.BATCH_FAILED, "https://news.example/a")
    assert url.detail == "ValueError: bug"
    unsupported = failed_document(DocumentRef(str(tmp_path / "notes.pdf")), "ValueError: bug")
    assert (unsupported.stage, unsupported.reason) == ("read", "unreadable")  # its own verdict, not the batch's


def test_committed_batches_rule_is_written_in_sql_only():
    """Python code reads committed rows through sql/queries/ and the `batches` view, never by itself."""
    offences = []
    for path in sorted((ROOT / "warehouse").glob("*.py")) + sorted((ROOT / "flows").glob("*.py")):
        strings = [
            node.value
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
        ]
        offences += [
            f"{path.relative_to(ROOT)}: {s[:60]!r}"
            for s in strings
            if "batch_id" in s and ("SELECT" in s.upper() or "JOIN" in s.upper())
        ]
    assert not offences, "\n".join(offences)
