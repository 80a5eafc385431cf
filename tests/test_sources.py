"""Sources without the network: files, globs, gzip, WARC (whole, truncated, corrupt), local listings."""

from __future__ import annotations

import gzip
from datetime import UTC, date, datetime

import pytest

from tests.conftest import all_instances
from tests.warc_fixtures import WarcRecordSpec, page, write_warc
from transforms.records import RawDocument, Rejection
from warehouse.sources import (
    SourceNotFound,
    discover_documents,
    file_kind,
    missing_sources,
    read_documents,
)

SENTENCE = "The harbour board approved forty new cranes and about three hundred workers on Tuesday."


def warc_records() -> list[WarcRecordSpec]:
    return [
        WarcRecordSpec("http://example.com/", b"software: test", warc_type="warcinfo"),
        WarcRecordSpec("http://news.example/a", b"", warc_type="request"),
        WarcRecordSpec("http://news.example/a", page("Cranes for the harbour", SENTENCE), date="2024-05-01T10:00:00Z"),
        WarcRecordSpec("http://news.example/data.json", b'{"a": 1}', content_type="application/json"),
        WarcRecordSpec("http://news.example/gone", page("Gone", SENTENCE), status="404 Not Found"),
        WarcRecordSpec(
            "http://news.example/b",
            page("Budget passes", SENTENCE.replace("cranes", "boats")),
            content_type="text/html; charset=iso-8859-1",
            date="2024-05-02T11:30:00Z",
        ),
    ]


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_yields_html_responses_with_uri_and_fetch_date(tmp_path, name):
    path = tmp_path / name
    offsets = write_warc(path, warc_records())
    discovery = discover_documents([str(path)])
    assert [ref.kind for ref in discovery.refs] == ["warc", "warc"]
    assert [ref.offset for ref in discovery.refs] == [offsets[2], offsets[5]]
    assert discovery.skipped == {"warc/warcinfo": 1, "warc/request": 1, "warc/not_html": 1, "warc/status_not_200": 1}
    docs = read_documents(discovery.refs).documents
    assert all_instances(docs, RawDocument)
    assert [d.url for d in docs] == ["http://news.example/a", "http://news.example/b"]
    assert docs[0].fetched_at == datetime(2024, 5, 1, 10, 0, tzinfo=UTC)
    assert docs[1].charset == "iso-8859-1"
    assert docs[0].content.startswith(b"<html>") and b"Cranes for the harbour" in docs[0].content
    assert docs[0].source == f"{path}#{offsets[2]}"


@pytest.mark.parametrize("name", ["cut.warc", "cut.warc.gz"])
def test_truncated_warc_yields_records_before_the_damage_and_one_rejection(tmp_path, name):
    path = tmp_path / name
    offsets = write_warc(path, warc_records())
    path.write_bytes(path.read_bytes()[:-40])  # the last record loses its end
    discovery = discover_documents([str(path)])
    kinds = [ref.kind for ref in discovery.refs]
    assert kinds == ["warc", "rejected"]
    rejected = read_documents(discovery.refs).documents[1]
    assert isinstance(rejected, Rejection)
    assert (rejected.stage, rejected.reason) == ("read", "warc_truncated")
    assert f"offset {offsets[5]}" in rejected.detail


def test_corrupt_gzip_member_is_one_rejection_naming_it_and_the_records_after_it_land(tmp_path):
    path = tmp_path / "bad.warc.gz"
    offsets = write_warc(path, warc_records())
    data = bytearray(path.read_bytes())
    start = offsets[3]  # the JSON record's member: garble its deflate stream
    data[start + 20 : start + 60] = b"\x00garbage" * 5
    path.write_bytes(bytes(data))
    discovery = discover_documents([str(path)])
    assert [(ref.kind, ref.offset) for ref in discovery.refs] == [
        ("warc", offsets[2]),
        ("warc", offsets[5]),
        ("rejected", offsets[3]),
    ]
    assert discovery.refs[2].reason == "warc_corrupt"
    assert f"offset {offsets[3]}" in (discovery.refs[2].detail or "")


def test_files_globs_gzip_and_unknown_kinds(tmp_path):
    (tmp_path / "a.html").write_bytes(page("A", SENTENCE))
    (tmp_path / "b.htm.gz").write_bytes(gzip.compress(page("B", SENTENCE)))
    (tmp_path / "c.txt").write_text("Headline\n" + SENTENCE, encoding="utf-8")
    (tmp_path / "bad.html.gz").write_bytes(b"\x1f\x8b\x08not gzip at all")
    (tmp_path / "d.pdf").write_bytes(b"%PDF-1.4")
    refs = discover_documents([str(tmp_path / "*.htm*")]).refs
    assert sorted(r.path.rsplit("/", 1)[-1] for r in refs) == ["a.html", "b.htm.gz", "bad.html.gz"]
    docs = {d.source.rsplit("/", 1)[-1]: d for d in read_documents(discover_documents([str(tmp_path)]).refs).documents}
    assert isinstance(docs["b.htm.gz"], RawDocument) and docs["b.htm.gz"].content.startswith(b"<html>")
    text, bad_gzip, pdf = docs["c.txt"], docs["bad.html.gz"], docs["d.pdf"]
    assert isinstance(text, RawDocument) and text.media_type == "text/plain"
    assert isinstance(bad_gzip, Rejection) and isinstance(pdf, Rejection)
    assert (bad_gzip.reason, pdf.reason) == ("bad_gzip", "unsupported_type")
    assert missing_sources([str(tmp_path / "*.nothing"), str(tmp_path), "https://example.org/x"]) == [
        str(tmp_path / "*.nothing")
    ]
    with pytest.raises(SourceNotFound):
        discover_documents([str(tmp_path / "nope")])


def test_url_lists_and_local_feeds_and_sitemaps_become_url_refs_with_metadata(tmp_path):
    (tmp_path / "list.txt").write_text(
        "# today's pages\nhttps://news.example/1\n\nhttps://news.example/2\n", encoding="utf-8"
    )
    (tmp_path / "story.txt").write_text(
        "A story\nhttps://news.example/1 is where it was first told.\n", encoding="utf-8"
    )
    (tmp_path / "feed.rss").write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>N</title>"
        "<item><title>Cranes &amp; boats</title><link>https://news.example/2</link>"
        "<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item></channel></rss>",
        encoding="utf-8",
    )
    news = (
        "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
        "xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>"
        "<url><loc>https://news.example/3</loc><lastmod>2024-06-01</lastmod><news:news>"
        "<news:publication_date>2024-03-04T08:00:00+01:00</news:publication_date>"
        "<news:title>Port budget</news:title></news:news></url>"
        "<url><loc>https://news.example/4</loc><lastmod>2024-06-01</lastmod></url></urlset>"
    )
    (tmp_path / "news.xml.gz").write_bytes(gzip.compress(news.encode("utf-8")))
    assert file_kind(tmp_path / "list.txt") == "url_list" and file_kind(tmp_path / "story.txt") == "file"
    discovery = discover_documents([str(tmp_path)])
    urls = {ref.path: ref for ref in discovery.refs if ref.kind == "url"}
    assert sorted(urls) == [f"https://news.example/{n}" for n in range(1, 5)]
    assert (urls["https://news.example/2"].title, urls["https://news.example/2"].published) == (
        "Cranes & boats",
        "2024-03-05",
    )
    assert (urls["https://news.example/3"].title, urls["https://news.example/3"].published) == (
        "Port budget",
        "2024-03-04",
    )
    assert urls["https://news.example/4"].published is None  # lastmod is not a publication date
    assert discovery.listings == 3
    published = urls["https://news.example/3"].published
    assert published is not None and date.fromisoformat(published) == date(2024, 3, 4)


def test_a_warc_record_that_cannot_be_read_later_is_a_rejection_naming_its_offset(tmp_path):
    path = tmp_path / "moved.warc.gz"
    offsets = write_warc(path, warc_records())
    refs = discover_documents([str(path)]).refs
    path.write_bytes(path.read_bytes()[: offsets[5] + 10])  # the archive changed between discovery and reading
    first, second = read_documents(refs).documents
    assert isinstance(first, RawDocument)
    assert isinstance(second, Rejection) and second.reason == "warc_corrupt"
    assert f"offset {offsets[5]}" in second.detail


def test_a_warehouse_under_the_input_folder_is_not_read_as_input(tmp_path):
    # A run's warehouse inside its own input folder (`newsetl run -w news/wh news`): its tables,
    # DuckDB and JSON files are the tool's output, counted as skipped, never rejections.
    (tmp_path / "story.html").write_bytes(page("Cranes for the harbour", SENTENCE))
    warehouse = tmp_path / "wh"
    (warehouse / "tables" / "articles").mkdir(parents=True)
    (warehouse / ".newsetl.lock").write_text("")
    (warehouse / "newsetl.json").write_text("{}")
    (warehouse / "tables" / "articles" / "part-0.parquet").write_bytes(b"PAR1")

    discovery = discover_documents([str(tmp_path)])

    assert [ref.source for ref in discovery.refs] == [str((tmp_path / "story.html").resolve())]
    assert discovery.skipped == {"folder/warehouse": 3}
