"""Hostile input on the I/O side costs only itself: huge records, lying headers, pipes, devices,
symlink loops, names that are not UTF-8, a full disk while publishing, an hour's Crawl-delay."""

from __future__ import annotations

import contextlib
import errno
import functools
import gzip
import json
import os
import signal
import socket
import tracemalloc
import uuid
import zlib
from collections.abc import Callable, Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

import brotli  # type: ignore[import-untyped]  # brotli ships no type stubs
import duckdb
import pytest

from tests.conftest import sql
from tests.http_fixtures import Site, serving
from tests.warc_fixtures import WarcRecordSpec, page, record_bytes, write_warc
from transforms.batches import BatchCounts, run_summary
from transforms.records import RawDocument, Rejection
from warehouse import views
from warehouse.lock import LOCK_FILE, LockHolder, remove_stale_temporaries
from warehouse.options import FetchOptions
from warehouse.query import query
from warehouse.schemas import RUNS
from warehouse.sources import DocumentRef, discover_documents, read_document, read_documents, scan_warc
from warehouse.sources.discovery import MAX_LISTING_BYTES
from warehouse.sources.warc import MAX_FILE_BYTES
from warehouse.store import append_rows, ensure_tables

SENTENCE = "The harbour board approved forty new cranes and about three hundred workers on Tuesday."


@contextlib.contextmanager
def no_hang(seconds: int = 60) -> Iterator[None]:
    """A hang becomes a test failure instead of a stuck suite (a safety net, not a timing assertion)."""

    def stop(signum, frame):
        raise AssertionError(f"still blocked after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def good(n: int) -> WarcRecordSpec:
    return WarcRecordSpec(f"http://news.example/{n}", page(f"Story {n}", SENTENCE))


def landed_urls(path: Path) -> list[str | None]:
    documents = read_documents(discover_documents([str(path)]).refs).documents
    return [d.url for d in documents if isinstance(d, RawDocument)]


# --- WARC: one huge record, lying lengths, damage between good records ---


def test_a_huge_record_is_skipped_or_refused_without_being_held_in_memory(tmp_path):
    path = tmp_path / "huge.warc.gz"
    huge = b"\0" * (MAX_FILE_BYTES + 1024 * 1024)
    offsets = write_warc(
        path,
        [
            WarcRecordSpec("http://news.example/blob", huge, content_type="application/octet-stream"),
            WarcRecordSpec("http://news.example/big-page", huge),
            good(1),
        ],
    )
    del huge
    tracemalloc.start()
    try:
        scan = scan_warc(str(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024  # chunks, never a whole block
    assert scan.offsets == [offsets[2]]
    assert scan.skipped == {"warc/not_html": 1}
    [too_large] = scan.refused
    assert (too_large.reason, too_large.offset) == ("too_large", offsets[1])
    refs = discover_documents([str(path)]).refs
    documents = read_documents(refs).documents
    assert [d.url for d in documents if isinstance(d, RawDocument)] == ["http://news.example/1"]
    [rejection] = [d for d in documents if isinstance(d, Rejection)]
    assert (rejection.reason, rejection.source) == ("too_large", str(path))
    assert f"offset {offsets[1]}" in rejection.detail


@pytest.mark.parametrize("name", ["lies.warc", "lies.warc.gz"])
@pytest.mark.parametrize("lie", ["longer", "shorter", "swallows_the_next"])
def test_a_record_whose_length_lies_is_rejected_at_its_offset_and_its_neighbours_land(tmp_path, name, lie):
    path = tmp_path / name
    by = {"longer": 300, "shorter": -300, "swallows_the_next": len(record_bytes(good(3)))}[lie]
    liar = WarcRecordSpec("http://news.example/2", page("Story 2", SENTENCE), length_lie=by)
    offsets = write_warc(path, [good(1), liar, good(3), good(4)])
    discovery = discover_documents([str(path)])
    assert [(r.kind, r.offset) for r in discovery.refs] == [
        ("warc", offsets[0]),
        ("warc", offsets[2]),
        ("warc", offsets[3]),
        ("rejected", offsets[1]),
    ]
    documents = read_documents(discovery.refs).documents
    landed = [d for d in documents[:3] if isinstance(d, RawDocument)]
    assert [d.url for d in landed] == [f"http://news.example/{n}" for n in (1, 3, 4)]
    assert all(b"Story 2" not in d.content for d in landed)
    rejection = documents[3]
    assert isinstance(rejection, Rejection) and rejection.reason == "warc_corrupt"
    assert f"offset {offsets[1]}" in rejection.detail and rejection.source == str(path)


def test_a_damaged_record_between_two_good_ones_costs_only_itself_in_a_plain_warc(tmp_path):
    path = tmp_path / "damaged.warc"
    offsets = write_warc(path, [good(1), good(2), good(3)])
    data = bytearray(path.read_bytes())
    data[offsets[1] : offsets[1] + 8] = b"GARBAGE!"  # the middle record's version line
    path.write_bytes(bytes(data))
    discovery = discover_documents([str(path)])
    assert [(r.kind, r.offset, r.reason) for r in discovery.refs] == [
        ("warc", offsets[0], None),
        ("warc", offsets[2], None),
        ("rejected", offsets[1], "warc_corrupt"),
    ]
    assert landed_urls(path) == ["http://news.example/1", "http://news.example/3"]


# --- only regular files are read ---


def test_a_named_pipe_named_or_in_a_folder_is_a_rejection_not_a_hang(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.html").write_bytes(page("A", SENTENCE))
    os.mkfifo(folder / "pipe.html")
    os.mkfifo(folder / "pipe.txt")  # .txt is sniffed for URLs: that must not open it either
    os.mkfifo(tmp_path / "named.xml")
    with no_hang():
        for source in (folder, tmp_path / "named.xml"):
            documents = read_documents(discover_documents([str(source)]).refs).documents
            rejected = {Path(d.source).name: d for d in documents if isinstance(d, Rejection)}
            for name in ("pipe.html", "pipe.txt") if source == folder else ("named.xml",):
                assert (rejected[name].stage, rejected[name].reason) == ("read", "not_a_regular_file")
                assert "named pipe" in rejected[name].detail
        # a pipe that appears between discovery and reading is refused on the open descriptor
        late = read_document(DocumentRef(str(folder / "pipe.html")))
        assert isinstance(late, Rejection) and late.reason == "not_a_regular_file"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_device_given_as_a_source_is_a_rejection_at_once(device):
    if not os.path.exists(device):
        pytest.skip(f"{device} is not here")
    with no_hang():
        [rejection] = read_documents(discover_documents([device]).refs).documents
    assert isinstance(rejection, Rejection)
    assert (rejection.reason, rejection.source) == ("not_a_regular_file", device)
    assert "character device" in rejection.detail


def test_symlink_loops_and_sockets_named_or_in_a_folder_are_rejections(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.html").write_bytes(page("A", SENTENCE))
    (folder / "loop.html").symlink_to(folder / "loop.html")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "s.html"))
    try:
        with no_hang():
            documents = read_documents(discover_documents([str(folder), str(folder / "loop.html")]).refs).documents
    finally:
        server.close()
    rejected = sorted((Path(d.source).name, d.reason) for d in documents if isinstance(d, Rejection))
    assert rejected == [
        ("loop.html", "not_a_regular_file"),
        ("loop.html", "not_a_regular_file"),
        ("s.html", "not_a_regular_file"),
    ]
    assert [d.source for d in documents if isinstance(d, RawDocument)] == [str(folder / "a.html")]


# --- local listings are capped before they are read ---


@pytest.mark.parametrize("name", ["feed.xml", "list.urls"])
def test_a_local_listing_over_the_cap_is_refused_before_it_is_read(tmp_path, name):
    path = tmp_path / name
    with path.open("wb") as handle:
        handle.truncate(MAX_LISTING_BYTES + 1)  # sparse: no disk, but reading it would take 50 MiB
    tracemalloc.start()
    try:
        discovery = discover_documents([str(path)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * 1024 * 1024
    [ref] = discovery.refs
    assert (ref.kind, ref.reason) == ("rejected", "too_large")
    assert str(MAX_LISTING_BYTES) in (ref.detail or "")


# --- names that are not UTF-8 ---


def test_a_file_name_that_is_not_utf8_is_read_and_stored_with_escapes(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    raw = os.fsencode(folder) + b"/caf\xe9 \xff.html"
    with open(raw, "wb") as handle:
        handle.write(page("Caf", SENTENCE))
    [document] = read_documents(discover_documents([str(folder)]).refs).documents
    assert isinstance(document, RawDocument)
    assert document.source == f"{folder}/caf\\xe9 \\xff.html"
    document.source.encode("utf-8")  # storable


# --- a full disk while publishing the views ---


class _DiskFillsUp:
    """A real DuckDB connection whose writes stop with ENOSPC after `after` statements, as on a full disk."""

    def __init__(self, con, after: int) -> None:
        self._con, self._left = con, after

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self._con.close()

    def execute(self, sql, *args):
        if self._left == 0:
            raise duckdb.IOException(f"Could not write file: {os.strerror(errno.ENOSPC)}")
        self._left -= 1
        return self._con.execute(sql, *args)


class _WritesVanish(_DiskFillsUp):
    """Every statement 'succeeds' and nothing reaches the file: what a full disk did to DuckDB's checkpoint."""

    def execute(self, sql, *args):
        return None


def publish_with(monkeypatch, warehouse: Path, connection) -> None:
    """Publish with the views file's writes going through `connection` (the publishing instance, with the
    file being written attached; its read-only checks see the real one)."""
    real_attached = views._attached

    @contextlib.contextmanager
    def attached(path: Path, warehouse: Path, read_only: bool = False) -> Iterator[object]:
        with real_attached(path, warehouse, read_only) as con:
            yield con if read_only else connection(con)

    monkeypatch.setattr(views, "_attached", attached)
    try:
        views.publish_views(warehouse)
    finally:
        monkeypatch.setattr(views, "_attached", real_attached)


@pytest.mark.parametrize(
    "connection", [lambda con: _DiskFillsUp(con, after=5), lambda con: _WritesVanish(con, after=0)]
)
def test_a_publish_that_cannot_write_leaves_the_old_views_and_no_temporaries(tmp_path, monkeypatch, connection):
    warehouse = tmp_path / "wh"
    warehouse.mkdir()
    views.publish_views(warehouse)
    before = views.views_path(warehouse).read_bytes()
    ensure_tables(warehouse)  # the tables moved: the next publish writes (one with nothing new writes nothing)
    with pytest.raises(views.ViewsNotPublished) as refused:
        publish_with(monkeypatch, warehouse, connection)
    assert "\n" not in str(refused.value) and "previous views stand" in str(refused.value)
    assert views.views_path(warehouse).read_bytes() == before
    assert query(warehouse, "SELECT count(*) FROM articles")[1] == [(0,)]
    assert sorted(p.name for p in warehouse.iterdir()) == [".newsetl.duckdb.1", "newsetl.duckdb", "tables"]


def test_recovery_sweeps_a_killed_publish_and_its_write_ahead_log(tmp_path):
    for name in (".newsetl.duckdb.41.tmp", ".newsetl.duckdb.41.tmp.wal", "newsetl.duckdb"):
        (tmp_path / name).write_bytes(b"x")
    removed = remove_stale_temporaries(tmp_path)
    assert sorted(p.name for p in removed) == [".newsetl.duckdb.41.tmp", ".newsetl.duckdb.41.tmp.wal"]
    assert [p.name for p in tmp_path.iterdir()] == ["newsetl.duckdb"]


# --- a run killed after its completed row ---


def test_a_run_killed_after_recording_completed_is_marked_crashed_in_prefect(prefect_server, tmp_path):
    from prefect import flow
    from prefect.client.orchestration import get_client
    from prefect.states import Running

    from flows.ingest import ingest

    @flow(name="killed-after-recording-its-end")
    def killed() -> None:
        """Stands for a run that wrote its completed row and was killed before Prefect heard."""

    with get_client(sync_client=True) as client:
        run_id = str(client.create_flow_run(killed, state=Running()).id)
    warehouse = tmp_path / "wh"
    warehouse.mkdir()
    now = datetime.now(UTC)
    append_rows(warehouse, RUNS, [run_summary(run_id, now, "completed", 1, BatchCounts(), 0, finished_at=now)])
    holder = LockHolder(pid=1, host="gone", run_id=run_id, since=now.isoformat(), finished=False)
    (warehouse / LOCK_FILE).write_text(json.dumps(asdict(holder)), encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.html").write_bytes(page("A", SENTENCE))

    ingest(sources=[str(folder)], warehouse=str(warehouse), workers=1)

    with get_client(sync_client=True) as client:
        state = client.read_flow_run(uuid.UUID(run_id)).state
    assert state is not None and state.type.value == "CRASHED"
    assert dict(sql(warehouse, "SELECT run_id, status FROM runs"))[run_id] == "completed"  # its row stands


def test_a_hostile_folder_lands_every_good_document_and_a_row_for_every_bad_one(prefect_server, tmp_path):
    from flows.ingest import ingest

    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/\xff.html", "wb") as handle:
        handle.write(page("Harbour board approves cranes", SENTENCE, words=160))
    os.mkfifo(folder / "pipe.html")
    (folder / "loop.html").symlink_to(folder / "loop.html")
    liar = WarcRecordSpec("http://news.example/2", page("Story 2", SENTENCE), length_lie=300)
    write_warc(
        folder / "crawl.warc.gz", [WarcRecordSpec("http://news.example/1", page("Story 1", SENTENCE, 160)), liar]
    )
    warehouse = tmp_path / "wh"
    with no_hang(300):
        ingest(sources=[str(folder)], warehouse=str(warehouse), workers=1)
    assert sorted(sql(warehouse, "SELECT source FROM articles")) == [
        (f"{folder}/\\xff.html",),
        (f"{folder}/crawl.warc.gz#0",),
    ]
    rejected = sorted((Path(s).name, r) for s, r in sql(warehouse, "SELECT source, reason FROM rejections"))
    assert rejected == [
        ("crawl.warc.gz", "warc_corrupt"),
        ("loop.html", "not_a_regular_file"),
        ("pipe.html", "not_a_regular_file"),
    ]


class _BigSitemaps(Site):
    """A sitemap index of children that are each several MiB (a comment pads them), built once."""

    CHILDREN = 8
    CHILD_BYTES = 6 * 1024 * 1024

    def __init__(self) -> None:
        super().__init__()
        self.bodies: dict[str, bytes] = {}

    def build(self) -> None:
        ns = "http://www.sitemaps.org/schemas/sitemap/0.9"
        children = "".join(f"<sitemap><loc>{self.base}/big-{n}.xml</loc></sitemap>" for n in range(self.CHILDREN))
        self.bodies["/big-index.xml"] = (
            f"<?xml version='1.0'?><sitemapindex xmlns='{ns}'>{children}</sitemapindex>".encode()
        )
        for n in range(self.CHILDREN):
            self.bodies[f"/big-{n}.xml"] = (
                f"<?xml version='1.0'?><urlset xmlns='{ns}'><!-- {'x' * self.CHILD_BYTES} -->"
                f"<url><loc>{self.base}/pages/{n + 1}.html</loc></url></urlset>"
            ).encode()

    def routes(self) -> dict[str, Callable[[], tuple[int, dict[str, str], bytes]]]:
        routes = super().routes()
        for path, body in self.bodies.items():
            routes[path] = functools.partial(_xml, body)
        return routes


def _xml(body: bytes) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "application/xml"}, body


def test_a_sitemap_index_of_large_children_holds_one_child_at_a_time():
    with serving(_BigSitemaps()) as site:
        site.build()
        options = FetchOptions(
            user_agent="newsetl-test",
            requests_per_second_per_host=100.0,
            allowed_networks=("127.0.0.1/32",),  # type: ignore[arg-type]  # the fetcher takes strings too
        )
        tracemalloc.start()
        try:
            discovery = discover_documents([f"{site.base}/big-index.xml"], options)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert sorted(r.path for r in discovery.refs) == sorted(f"{site.base}/pages/{n}.html" for n in range(1, 9))
    # One child's body, its copies while being read and parsed; all eight at once would be 8 or more.
    assert peak < 5 * _BigSitemaps.CHILD_BYTES


# --- Listing servers that drip, never answer, or name each other in a loop ---

SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def _sitemap_index(base: str, *paths: str) -> bytes:
    children = "".join(f"<sitemap><loc>{base}{path}</loc></sitemap>" for path in paths)
    return f"<?xml version='1.0'?><sitemapindex xmlns='{SITEMAPS}'>{children}</sitemapindex>".encode()


@contextlib.contextmanager
def _troubled_listings() -> Iterator[tuple[str, dict[str, int]]]:
    """A server on 127.0.0.1 whose feed drips a byte every 0.1 s for ever, whose sitemap never answers, and
    whose sitemap indexes name each other and themselves; yields its base URL and the count of asks a path."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from threading import Event, Lock, Thread

    stop, lock, hits = Event(), Lock(), dict[str, int]()
    base = ""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            with lock:
                hits[self.path] = hits.get(self.path, 0) + 1
            loops = {
                "/loop-a-sitemap.xml": _sitemap_index(base, "/loop-b-sitemap.xml", "/loop-a-sitemap.xml"),
                "/loop-b-sitemap.xml": _sitemap_index(base, "/loop-a-sitemap.xml", "/loop-b-sitemap.xml"),
            }
            try:
                if self.path == "/robots.txt":
                    self._answer(b"User-agent: *\nAllow: /\n", "text/plain")
                elif self.path in loops:
                    self._answer(loops[self.path], "application/xml")
                elif self.path == "/drip-feed.xml":
                    self.send_response(200)
                    self.send_header("Content-Type", "application/rss+xml")
                    self.end_headers()
                    self.wfile.write(b"<?xml version='1.0'?><rss version='2.0'><channel>")
                    while not stop.wait(0.1):
                        self.wfile.write(b" ")
                        self.wfile.flush()
                else:  # /silent-sitemap.xml: the request is read, and nothing ever comes back
                    stop.wait()
            except (BrokenPipeError, ConnectionResetError):
                pass

        def _answer(self, body: bytes, media_type: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", media_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base, hits
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_listings_that_drip_never_answer_or_name_each_other_end_as_rejections_and_counts():
    options = FetchOptions(
        deadline_seconds=1.0,
        retries=1,
        requests_per_second_per_host=1000.0,
        allowed_networks=("127.0.0.1/32",),  # type: ignore[arg-type]  # the fetcher takes strings too
    )
    with _troubled_listings() as (base, hits), no_hang(60):
        named = ["/drip-feed.xml", "/silent-sitemap.xml", "/loop-a-sitemap.xml", "/loop-a-sitemap.xml"]
        discovery = discover_documents([base + path for path in named], options)
    assert sorted((ref.path.removeprefix(base), ref.reason) for ref in discovery.refs) == [
        ("/drip-feed.xml", "timeout"),  # the deadline covers the whole body, not the gap between two bytes
        ("/silent-sitemap.xml", "timeout"),
    ]
    # Each index is fetched once: a then b; every later mention of either is counted, never fetched again.
    assert (hits["/loop-a-sitemap.xml"], hits["/loop-b-sitemap.xml"]) == (1, 1)
    assert discovery.skipped == {"listing/repeated": 4}


# --- Compression bombs from a server: content codings and gzipped listings ---

_BOMB_MIB = 100  # of zeros, behind a few KiB (gzip, deflate) or a few hundred bytes (br)
_BOMB_LIMIT = 1 << 20


def _bombs() -> dict[str, bytes]:
    """Each content coding's bomb: _BOMB_MIB MiB of zeros, compressed a MiB at a time."""
    zeros = b"\0" * (1 << 20)
    gzip_, deflate, br = zlib.compressobj(9, zlib.DEFLATED, 31), zlib.compressobj(9), brotli.Compressor(quality=5)
    bodies: dict[str, list[bytes]] = {"gzip": [], "deflate": [], "br": []}
    for _ in range(_BOMB_MIB):
        bodies["gzip"].append(gzip_.compress(zeros))
        bodies["deflate"].append(deflate.compress(zeros))
        bodies["br"].append(br.process(zeros))
    bodies["gzip"].append(gzip_.flush())
    bodies["deflate"].append(deflate.flush())
    bodies["br"].append(br.finish())
    return {coding: b"".join(parts) for coding, parts in bodies.items()}


class _BombSite(Site):
    """Pages and listings that are bombs once decoded: by their Content-Encoding (which httpx decoded a whole
    network read at a time, and br in one go), or a sitemap served as a .gz file."""

    def __init__(self) -> None:
        super().__init__()
        self.bombs = _bombs()

    def routes(self) -> dict[str, Callable[[], tuple[int, dict[str, str], bytes]]]:
        routes = super().routes()
        for coding, body in self.bombs.items():
            for path, media_type in ((f"/{coding}.html", "text/html"), (f"/{coding}-sitemap.xml", "application/xml")):
                routes[path] = functools.partial(_encoded, body, media_type, coding)
        routes["/bomb-sitemap.xml.gz"] = lambda: (200, {"Content-Type": "application/gzip"}, self.bombs["gzip"])
        return routes


def _encoded(body: bytes, media_type: str, coding: str) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": media_type, "Content-Encoding": coding}, body


def test_compression_bombs_from_a_server_stop_at_the_size_limit_without_being_decoded_whole(monkeypatch):
    from warehouse.fetch import FetchRequest, fetch_all

    monkeypatch.setattr("warehouse.sources.discovery.MAX_LISTING_BYTES", _BOMB_LIMIT)
    options = FetchOptions(
        requests_per_second_per_host=1000.0,
        max_body_bytes=_BOMB_LIMIT,
        allowed_networks=("127.0.0.1/32",),  # type: ignore[arg-type]  # the fetcher takes strings too
    )
    with serving(_BombSite()) as site, no_hang(120):
        tracemalloc.start()
        try:
            pages = fetch_all([FetchRequest(f"{site.base}/{coding}.html") for coding in site.bombs], options)
            listings = [f"{site.base}/{coding}-sitemap.xml" for coding in site.bombs]
            discovery = discover_documents([*listings, f"{site.base}/bomb-sitemap.xml.gz"], options)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert [(type(r).__name__, getattr(r, "reason", None)) for r in pages] == [("FetchFailure", "too_large")] * 3
    assert sorted((ref.path.removeprefix(site.base), ref.reason) for ref in discovery.refs) == [
        ("/bomb-sitemap.xml.gz", "too_large"),
        ("/br-sitemap.xml", "too_large"),
        ("/deflate-sitemap.xml", "too_large"),
        ("/gzip-sitemap.xml", "too_large"),
    ]
    # Decoded no further than the limit (and a copy or two): a network read of gzip was up to 64 MiB at once, and
    # the br bomb's few hundred bytes 100 MiB.
    assert peak < 8 * _BOMB_LIMIT


# --- WARC headers that never end, HTTP answers that never end ---


def _response_record(extra_fields: bytes, block: bytes = b"") -> bytes:
    return (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://news.example/long-head\r\n"
        + extra_fields
        + b"Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n" % len(block)
        + block
        + b"\r\n\r\n"
    )


@pytest.mark.parametrize("name", ["headers.warc", "headers.warc.gz"])
def test_a_warc_header_of_a_megabyte_costs_only_its_record(tmp_path, name):
    # A header line of 1 MiB, and 100,000 header lines: each its record's warc_corrupt, never read into memory
    # whole; a response whose HTTP head is 100,000 lines is read, as its WARC header is sound.
    many_lines = b"".join(b"X-%d: 1\r\n" % n for n in range(100_000))
    records = [
        record_bytes(good(1)),
        _response_record(b"X-Long: " + b"a" * (1 << 20) + b"\r\n"),
        _response_record(many_lines),
        _response_record(
            b"", b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + many_lines + b"\r\n" + page("9", SENTENCE)
        ),
        record_bytes(good(2)),
    ]
    path = tmp_path / name
    path.write_bytes(b"".join(gzip.compress(r) for r in records) if name.endswith(".gz") else b"".join(records))
    tracemalloc.start()
    try:
        refs = discover_documents([str(path)]).refs
        documents = read_documents(refs).documents
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [d.url for d in documents if isinstance(d, RawDocument)] == [
        "http://news.example/1",
        "http://news.example/long-head",
        "http://news.example/2",
    ]
    rejected = [(d.reason, d.detail.split(":")[1].split(";")[0]) for d in documents if isinstance(d, Rejection)]
    assert rejected == [("warc_corrupt", " a WARC header over 65536 bytes")] * 2
    assert peak < 40 * 1024 * 1024  # the 1.1 MB HTTP head and its page, with copies; not the file read whole


# robots.txt's answer says the connection closes: the server answers one request a connection, and a client that
# kept the connection for its next request found it closed (a connection_error now and then).
OK_CLOSE = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"


@contextlib.contextmanager
def _endless_server() -> Iterator[str]:
    """A server on 127.0.0.1 that writes raw bytes for ever: a body with no length, a chunked body, a header line,
    header lines, a status line, and header lines a few a second."""
    from threading import Event, Thread

    stop = Event()
    text = b"<p>" + b"word " * 2000 + b"</p>"
    forever = {
        "/endless.html": (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", lambda n: text),
        "/endless-chunked.html": (
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n",
            lambda n: b"%x\r\n%s\r\n" % (len(text), text),
        ),
        "/endless-header.html": (b"HTTP/1.1 200 OK\r\nX-Long: ", lambda n: b"a" * 65536),
        "/endless-headers.html": (b"HTTP/1.1 200 OK\r\n", lambda n: b"X-%d: 1\r\n" % n),
        "/endless-status.html": (b"HTTP/1.1 200 ", lambda n: b"O" * 65536),
    }

    def answer(connection: socket.socket) -> None:
        with connection:
            try:
                request = b""
                while b"\r\n" not in request:  # the request line, however the client's bytes arrive
                    received = connection.recv(65536)
                    if not received:
                        return
                    request += received
                path = request.split(b" ")[1].decode()
                if path == "/robots.txt":
                    connection.sendall(OK_CLOSE)
                    return
                start, more = forever.get(path, (b"HTTP/1.1 200 OK\r\n", lambda n: b"X-%d: 1\r\n" % n))
                connection.sendall(start)
                n = 0
                while not stop.wait(0.2 if path == "/drip-headers.html" else 0):
                    connection.sendall(more(n))
                    n += 1
            except OSError:
                pass

    listener = socket.create_server(("127.0.0.1", 0))

    def accept() -> None:
        with contextlib.suppress(OSError):
            while not stop.is_set():
                Thread(target=answer, args=(listener.accept()[0],), daemon=True).start()

    Thread(target=accept, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        listener.close()


def test_answers_that_never_end_are_rejections_within_the_limits():
    from warehouse.fetch import FetchRequest, fetch_all

    options = FetchOptions(
        deadline_seconds=2.0,
        retries=0,
        max_body_bytes=1 << 20,
        requests_per_second_per_host=1000.0,
        allowed_networks=("127.0.0.1/32",),  # type: ignore[arg-type]  # the fetcher takes strings too
    )
    paths = [
        "/endless.html",
        "/endless-chunked.html",
        "/endless-header.html",
        "/endless-headers.html",
        "/endless-status.html",
        "/drip-headers.html",
    ]
    with _endless_server() as base, no_hang(60):
        tracemalloc.start()
        try:
            results = fetch_all([FetchRequest(base + path) for path in paths], options)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert [getattr(result, "reason", None) for result in results] == [
        "too_large",  # the body limit, with or without a length
        "too_large",
        "connection_error",  # h11 refuses a head past its buffer (16 KiB)
        "connection_error",
        "connection_error",
        "timeout",  # the deadline covers the head too
    ]
    assert peak < 16 * (1 << 20)


# --- Entities in listings: a billion laughs, an external entity (XXE) ---

_LAUGHS = (
    "<!DOCTYPE r [<!ENTITY a 'aaaaaaaaaa'>"
    + "".join(f"<!ENTITY {chr(98 + i)} '{('&' + chr(97 + i) + ';') * 10}'>" for i in range(9))
    + "]>"
)


class _EntitySite(Site):
    """Sitemaps and feeds whose first entry's URL holds an entity: one that expands to 10^10 letters, and one
    that names a local file."""

    secret_path = ""

    def routes(self) -> dict[str, Callable[[], tuple[int, dict[str, str], bytes]]]:
        routes = super().routes()
        doctypes = {
            "laughs": (_LAUGHS, "&j;"),
            "xxe": (f"<!DOCTYPE r [<!ENTITY x SYSTEM '{self.secret_path}'>]>", "&x;"),
        }
        for name, (doctype, ref) in doctypes.items():
            sitemap = (
                f"<?xml version='1.0'?>{doctype}<urlset xmlns='{SITEMAPS}'><url><loc>{self.base}/{ref}1.html</loc>"
                f"</url><url><loc>{self.base}/pages/2.html</loc></url></urlset>"
            )
            feed = (
                f"<?xml version='1.0'?>{doctype}<rss version='2.0'><channel><title>{ref}</title><item><title>{ref}"
                f"</title><link>{self.base}/{ref}1.html</link></item><item><title>Two</title>"
                f"<link>{self.base}/pages/2.html</link></item></channel></rss>"
            )
            routes[f"/{name}-sitemap.xml"] = functools.partial(_xml, sitemap.encode())
            routes[f"/{name}-feed.xml"] = functools.partial(_xml, feed.encode())
        return routes


def test_entities_in_listings_are_never_expanded_and_what_they_cost_is_a_rejection(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("never-to-be-read")
    site = _EntitySite()
    site.secret_path = secret.as_uri()
    options = FetchOptions(
        requests_per_second_per_host=1000.0,
        allowed_networks=("127.0.0.1/32",),  # type: ignore[arg-type]  # the fetcher takes strings too
    )
    with serving(site), no_hang(60):
        tracemalloc.start()
        try:
            named = ["/laughs-sitemap.xml", "/xxe-sitemap.xml", "/laughs-feed.xml", "/xxe-feed.xml"]
            discovery = discover_documents([site.base + path for path in named], options)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    found = sorted((ref.path.removeprefix(site.base), ref.reason, ref.offset) for ref in discovery.refs)
    # libxml2 stopped reading the laughs sitemap at its first entry: refused, not read as empty (it was silent);
    # the XXE sitemap's first URL is an entity reference, not a URL (it was its site's home page, "/").
    assert [entry for entry in found if entry[1] is not None] == [
        ("/laughs-sitemap.xml", "not_a_listing", None),
        ("/xxe-sitemap.xml", "bad_url", 1),
    ]
    assert "/pages/2.html" in {path for path, reason, _ in found if reason is None}
    assert not any("never-to-be-read" in (ref.path + (ref.title or "")) for ref in discovery.refs)
    assert not any(len(ref.path) > 200 or len(ref.title or "") > 200 for ref in discovery.refs)
    assert peak < 128 * (1 << 20)  # 10^10 letters expanded would be 10 GB; expat stops at its own limit (~40 MB)
