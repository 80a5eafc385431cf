"""The rejection vocabulary: one registry of stages and reasons, one recipe for ids of inputs without bytes."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from flows import workers
from tests.conftest import all_instances
from tests.http_fixtures import running_site
from tests.test_fetch import site_options
from tests.test_sources import warc_records
from tests.warc_fixtures import write_warc
from transforms.decode import decode_document
from transforms.extract import extract_document
from transforms.ids import doc_id_for, rejection_id
from transforms.options import ExtractOptions, PipelineOptions
from transforms.pipeline import reject_text
from transforms.reasons import REASONS, Reason, Stage, http_status_reason, is_known
from transforms.records import RawDocument, Rejection
from warehouse.fetch import FetchFailure
from warehouse.sources import DocumentRef, discover_documents, read_documents, reading


def test_each_stage_reason_pair_is_listed_once():
    pairs = [(code.stage, code.reason) for code in REASONS]
    assert len(pairs) == len(set(pairs))


def test_every_reason_member_occurs_at_some_stage():
    listed = {code.reason for code in REASONS}
    assert {member.value for member in Reason} <= listed


def test_members_are_plain_strings_when_stored():
    assert Stage.FETCH == "fetch" and str(Reason.TOO_SHORT) == "too_short"
    assert is_known("fetch", http_status_reason(404))
    assert is_known("normalise", "too_short")
    assert not is_known("normalise", "http_404")
    assert not is_known("read", "no_such_reason")


def test_rejection_id_is_stable_and_ignores_nothing_it_is_given():
    base = rejection_id(Stage.FETCH, "http_404", "https://example.org/a")
    assert base == rejection_id("fetch", "http_404", "https://example.org/a")
    assert base != rejection_id(Stage.FETCH, "http_410", "https://example.org/a")
    assert base != rejection_id(Stage.FETCH, "http_404", "https://example.org/b")
    assert rejection_id(Stage.READ, Reason.WARC_CORRUPT, "a.warc.gz", 0) != rejection_id(
        Stage.READ, Reason.WARC_CORRUPT, "a.warc.gz", 10
    )
    assert len(base) == 64


# --- every producer uses the registry -----------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent
PRODUCER_FOLDERS = ("flows", "transforms", "warehouse")
# Files that may still build rejections from string literals, each with why. Converted on its
# own branch of the issue "House in order" (item 1: one registry of stages and reasons):
# remove the entry when that branch lands (test_the_allow_list_names_only_files_that_need_it says so).
# Where the stage and reason of each kind of record go: (positional index, keyword).
RECORD_FIELDS = {
    "Rejection": {"stage": 2, "reason": 3},
    "FetchFailure": {"reason": 1},
    "DocumentRef": {"reason": 5},
}


def _callee(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _helpers(tree: ast.Module) -> dict[str, dict[str, int]]:
    """A module's own functions (and lambdas given a name) with a `stage` or `reason` parameter:
    `_reject(raw, "empty", ...)` is a rejection built from a literal as much as `Rejection(...)` is."""
    helpers: dict[str, dict[str, int]] = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            name, args = node.name, node.args
        elif (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Lambda)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
        ):
            name, args = node.targets[0].id, node.value.args
        else:
            continue
        positional = [a.arg for a in args.posonlyargs + args.args if a.arg not in ("self", "cls")]
        fields = {p: i for i, p in enumerate(positional) if p in ("stage", "reason")}
        if fields and name not in RECORD_FIELDS:
            helpers[name] = fields
    return helpers


def _has_literal(node: ast.AST) -> bool:
    return any(
        isinstance(n, ast.JoinedStr) or (isinstance(n, ast.Constant) and isinstance(n.value, str))
        for n in ast.walk(node)
    )


def literal_stages_and_reasons(root: Path) -> dict[str, list[str]]:
    """file -> "line: call(field)" for each stage or reason given as a string literal (or f-string)."""
    found: dict[str, list[tuple[int, str]]] = {}
    for folder in PRODUCER_FOLDERS:
        for path in sorted((root / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            targets = {**_helpers(tree), **RECORD_FIELDS}
            for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
                name = _callee(call)
                if name not in targets:
                    continue
                if name == "DocumentRef" and not any(
                    k.arg == "kind" and isinstance(k.value, ast.Constant) and k.value.value == "rejected"
                    for k in call.keywords
                ):
                    continue
                for field_name, index in targets[name].items():
                    given = [k.value for k in call.keywords if k.arg == field_name]
                    if index < len(call.args) and not any(isinstance(a, ast.Starred) for a in call.args[: index + 1]):
                        given.append(call.args[index])
                    if any(_has_literal(value) for value in given):
                        found.setdefault(path.relative_to(root).as_posix(), []).append(
                            (call.lineno, f"{call.lineno}: {name}({field_name})")
                        )
    return {path: [said for _, said in sorted(calls)] for path, calls in found.items()}


def test_producers_take_stages_and_reasons_from_the_registry():
    found = literal_stages_and_reasons(ROOT)
    assert found == {}, "use Stage.* / Reason.* (transforms/reasons.py), or http_status_reason()"


def test_the_scan_sees_literals_in_records_and_in_helpers(tmp_path):
    module = tmp_path / "warehouse" / "bad.py"
    module.parent.mkdir()
    module.write_text(
        "def _reject(raw, reason, detail):\n"
        "    return Rejection(doc_id=raw.doc_id, source=raw.source, stage=Stage.READ, reason=reason, detail=detail)\n"
        "a = Rejection('id', 'src', 'read', Reason.TOO_LARGE, 'x')\n"
        "b = _reject(raw, 'empty', 'no bytes')\n"
        "fail = lambda reason, detail: FetchFailure('u', reason, detail)\n"
        "c = fail(f'http_{status}', 'x')\n"
        "d = DocumentRef(url, kind='rejected', reason=result.reason or 'unreadable')\n"
        "e = DocumentRef(url, kind='url', title='fine')\n",
        encoding="utf-8",
    )
    assert literal_stages_and_reasons(tmp_path) == {
        "warehouse/bad.py": ["3: Rejection(stage)", "4: _reject(reason)", "6: fail(reason)", "7: DocumentRef(reason)"]
    }


def assert_known(rejections: list[Rejection]) -> None:
    unknown = [(r.source, r.stage, r.reason) for r in rejections if not is_known(r.stage, r.reason)]
    assert unknown == []
    # The stored value is the plain string, whatever type the producer used.
    assert all(isinstance(r.stage, str) and isinstance(r.reason, str) for r in rejections)


def test_rejections_of_bad_files_warc_and_listings_are_known(tmp_path):
    (tmp_path / "bad.html.gz").write_bytes(b"\x1f\x8b\x08not gzip at all")
    (tmp_path / "d.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "bad.urls").write_text("https://news.example/1\nnot a url at all\n", encoding="utf-8")
    (tmp_path / "feed.rss").write_text("<html><body>a page, not a feed</body></html>", encoding="utf-8")
    cut = tmp_path / "cut.warc"
    offsets = write_warc(cut, warc_records())
    cut.write_bytes(cut.read_bytes()[:-40])
    garbled = tmp_path / "bad.warc.gz"
    offsets = write_warc(garbled, warc_records())
    data = bytearray(garbled.read_bytes())
    data[offsets[3] + 20 : offsets[3] + 60] = b"\x00garbage" * 5
    garbled.write_bytes(bytes(data))
    moved = tmp_path / "moved" / "moved.warc.gz"
    moved.parent.mkdir()
    offsets = write_warc(moved, warc_records())
    refs = discover_documents([str(tmp_path)]).refs
    moved.write_bytes(moved.read_bytes()[: offsets[5] + 10])
    refs.append(DocumentRef(str(tmp_path / "gone.html")))  # deleted after discovery
    rejections = [d for d in read_documents(refs).documents if isinstance(d, Rejection)]
    assert {(r.stage, r.reason) for r in rejections} == {
        ("read", "bad_gzip"),
        ("read", "unsupported_type"),
        ("read", "bad_url_list"),
        ("read", "not_a_listing"),
        ("read", "warc_truncated"),
        ("read", "warc_corrupt"),
        ("read", "unreadable"),
    }
    assert_known(rejections)


@pytest.mark.parametrize(
    "content, media_type",
    [
        (b"", "text/plain"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "text/plain"),
        (bytes(range(128, 256)) * 8 + b"\x7f" * 64, "text/plain"),
        (b"<html><head><title>x</title></head><body><div></div></body></html>", "text/html"),  # test_extract's
    ],
)
def test_rejections_of_bad_bytes_and_pages_without_text_are_known(content, media_type):
    raw = RawDocument(doc_id=doc_id_for(content), source="mem", url=None, content=content, media_type=media_type)
    decoded = decode_document(raw)
    result = decoded if isinstance(decoded, Rejection) else extract_document(raw, decoded, ExtractOptions())
    assert isinstance(result, Rejection)
    assert_known([result])


def test_rejections_of_texts_that_are_not_articles_are_known():
    raw = RawDocument(doc_id="d", source="mem", url=None, content=b"", media_type="text/plain")
    prose = " ".join(["The harbour board approved forty new cranes on Tuesday."] * 10)
    listing = "\n".join(f"Result {n}: 3-{n}" for n in range(60))
    rejections = [reject_text(raw, text, PipelineOptions()) for text in ("", "Too short.", listing, prose)]
    assert [r.reason if r else None for r in rejections] == ["empty_after_cleaning", "too_short", "not_news", None]
    assert_known([r for r in rejections if r is not None])


def test_an_internal_error_is_known(monkeypatch):
    def broken(*args):
        raise RuntimeError("a bug")

    result = workers._guarded("d", "mem", broken)
    assert isinstance(result, Rejection) and result.reason == "internal_error"
    assert_known([result])


@pytest.fixture()
def site():
    with running_site() as site:
        yield site


def test_fetch_failures_and_their_rejections_are_known(site):
    paths = [
        "/private/secret.html",
        "/slow.html",
        "/huge.html",
        "/loop/a",
        "/data.json",
        "/missing.html",
        "/missing-feed.xml",
    ]
    options = site_options(site, retries=0)
    refs = discover_documents([site.base + p for p in paths], options).refs
    refs.append(DocumentRef("ftp://example.org/a", kind="url"))
    rejections = read_documents(refs, options).documents
    assert all_instances(rejections, Rejection)
    assert {r.reason for r in rejections} == {
        "robots_disallowed",
        "timeout",
        "too_large",
        "too_many_redirects",
        "not_html",
        "http_404",
        "bad_url",
    }
    [blocked] = read_documents(
        [DocumentRef(site.base + "/pages/1.html", kind="url")], site_options(site, allowed_networks=())
    ).documents
    assert isinstance(blocked, Rejection)
    assert_known([*rejections, blocked])
    assert blocked.reason == "blocked_address"


# --- ids of inputs without bytes ----------------------------------------------------------


def test_the_rejection_id_of_a_failing_url_ignores_the_message(monkeypatch):
    url = "https://news.example/gone"
    ids = []
    for detail in ("https://news.example/gone answered 503 at 10:00", "answered 503 at 10:05 from 10.0.0.7"):
        monkeypatch.setattr(
            reading, "fetch_all", lambda requests, *args, detail=detail, **kw: [FetchFailure(url, "http_503", detail)]
        )
        [fetched] = read_documents([DocumentRef(url, kind="url")]).documents
        [listed] = read_documents([DocumentRef(url, kind="rejected", reason="http_503", detail=detail)]).documents
        ids += [fetched.doc_id, listed.doc_id]
    assert set(ids) == {rejection_id(Stage.FETCH, http_status_reason(503), url)}


def test_the_rejection_id_of_a_damaged_archive_names_the_offset_not_the_message(tmp_path):
    path = tmp_path / "cut.warc"
    offsets = write_warc(path, warc_records())
    path.write_bytes(path.read_bytes()[:-40])
    [rejected] = [r for r in read_documents(discover_documents([str(path)]).refs).documents if isinstance(r, Rejection)]
    assert rejected.doc_id == rejection_id(Stage.READ, Reason.WARC_TRUNCATED, str(path.resolve()), offsets[5])
