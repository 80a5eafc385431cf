"""The bag-of-words score of bench/eval_extraction.py: CJK text counted by characters, truth read as UTF-8;
the readers of the L3S-GN1 and WCXB sets."""

from __future__ import annotations

import gzip
import json

import pytest

from bench.eval_extraction import (
    bag_of_words,
    fundus_body,
    fundus_pages,
    html_text,
    l3s_body,
    l3s_pages,
    tokens,
    wcxb_pages,
    wcxb_test_pages,
)


def test_chinese_and_japanese_are_scored_by_character():
    body = "市政府周二宣布新的公交线路。"
    half = "市政府周二宣布"
    assert tokens(half) == list("市政府周二宣布")
    precision, recall = bag_of_words(half, body)
    assert precision == 1.0 and recall == pytest.approx(7 / 13)
    assert tokens("港と駅を結ぶバス") == list("港と駅を結ぶバス")


def test_latin_and_hangul_words_stay_words():
    assert tokens("The ferry's fares rose 5% on Monday, officials said.") == [
        "the", "ferry", "s", "fares", "rose", "5", "on", "monday", "officials", "said",
    ]  # fmt: skip
    assert tokens("Café au lait: 서울 시청") == ["café", "au", "lait", "서울", "시청"]
    assert tokens("Tokyo (東京) is big") == ["tokyo", "東", "京", "is", "big"]


def test_truth_fragments_are_read_as_utf8():
    fragment = "<div><p>The mayor’s café plan — 市政府</p></div>".encode()
    assert html_text(fragment) == "The mayor’s café plan — 市政府"


def test_l3s_body_is_the_text_labelled_full_text(tmp_path):
    annotated = (
        b'<html><body><span class="x-nc-sel0">Home | World</span>'
        b'<h1><span class="x-nc-sel1">Ferry fares rise</span></h1>'
        b'<p><span class="x-nc-sel2">Fares on the harbour ferry rose on Monday.</span></p>'
        b'<p><span class="x-nc-sel3">Photo: the ferry at dawn</span></p>'
        b'<p><span class="x-nc-sel2">The council said <a href="/x">costs</a> had doubled.</span></p>'
        b'<p><span class="x-nc-sel4">Bus strike ends</span><span class="x-nc-sel5">Great story!</span></p>'
        b"</body></html>"
    )
    assert l3s_body(annotated) == "Fares on the harbour ferry rose on Monday. The council said costs had doubled."
    for folder in ("original", "annotated"):
        (tmp_path / folder).mkdir()
    (tmp_path / "original" / "abc-1.html").write_bytes(b"<html><body><p>page</p></body></html>")
    (tmp_path / "annotated" / "abc-1.html").write_bytes(annotated)
    (tmp_path / "original" / "abc-2.html").write_bytes(b"<html></html>")  # no labels beside it: left out
    (tmp_path / "url-mapping.txt").write_text("<urn:uuid:abc-1>\thttp://example.org/ferry\n", encoding="utf-8")
    pages = list(l3s_pages(tmp_path))
    assert [(page.name, page.url) for page in pages] == [("abc-1", "http://example.org/ferry")]


def write_wcxb_split(folder, split: str, pages: list[tuple[str, str, str | None]]) -> None:
    truth, html = folder / split / "ground-truth", folder / split / "html"
    truth.mkdir(parents=True)
    html.mkdir(parents=True)
    for key, kind, body in pages:
        entry = {"url": f"https://example.org/{key}", "_internal": {"page_type": {"primary": kind}}}
        entry["ground_truth"] = {"main_content": body} if body else {}
        (truth / f"{key}.json").write_text(json.dumps(entry), encoding="utf-8")
        (html / f"{key}.html.gz").write_bytes(gzip.compress(b"<html><body><p>x</p></body></html>"))


def test_wcxb_pages_are_its_development_articles(tmp_path):
    write_wcxb_split(
        tmp_path,
        "dev",
        [("0001", "article", "Fares rose."), ("0002", "product", "A kettle."), ("0003", "article", None)],
    )
    pages = list(wcxb_pages(tmp_path))
    assert [(page.name, page.body) for page in pages] == [("0001", "Fares rose.")]


def test_wcxb_test_pages_are_the_test_splits_articles_and_never_the_dev_splits(tmp_path):
    write_wcxb_split(tmp_path, "dev", [("0001", "article", "Fares rose.")])
    write_wcxb_split(tmp_path, "test", [("4011", "article", "Rents fell."), ("4012", "forum", "A thread.")])
    assert [(page.name, page.body) for page in wcxb_test_pages(tmp_path)] == [("4011", "Rents fell.")]


ENGLISH_BODY = (
    "The council said on Monday that the new bridge over the river would open in the spring, and that the work "
    "had cost less than the town had feared when the old one was closed."
)
GERMAN_BODY = (
    "Der Rat sagte am Montag, dass die neue Brücke über den Fluss im Frühling eröffnet wird und dass die Arbeiten "
    "weniger gekostet haben, als die Stadt befürchtet hatte, als die alte Brücke geschlossen wurde."
)


def fundus_entry(body: str) -> dict:
    """One parser version's expected output, shaped as fundus's test JSON shapes it."""
    first, _, rest = body.partition(", and ")
    sections = [{"headline": [], "paragraphs": [first]}, {"headline": ["The cost"], "paragraphs": [rest]}]
    return {"title": "A bridge", "body": {"summary": ["A standfirst."], "sections": sections}}


def write_fundus_country(folder, name: str, files: dict[str, str], entries: dict[str, dict]) -> None:
    country = folder / "test_data" / name
    country.mkdir(parents=True)
    meta = {}
    for file, crawl_date in files.items():
        (country / file).write_bytes(gzip.compress(f"<html><body><p>{file}</p></body></html>".encode()))
        meta[file] = {"url": f"https://example.org/{file}", "crawl_date": crawl_date}
    (country / "meta.info").write_text(json.dumps(meta), encoding="utf-8")
    publisher = next(iter(files)).split("_", 1)[0]
    (country / f"{publisher}.json").write_text(json.dumps(entries), encoding="utf-8")


def test_fundus_body_is_the_summary_then_each_sections_headline_and_paragraphs():
    body = fundus_body(fundus_entry(ENGLISH_BODY))
    assert body.split("\n") == [
        "A standfirst.",
        ENGLISH_BODY.partition(", and ")[0],
        "The cost",
        ENGLISH_BODY.partition(", and ")[2],
    ]


def test_fundus_pages_pair_versions_with_pages_by_crawl_date_and_keep_english_news(tmp_path, monkeypatch):
    from bench import eval_extraction

    later = ENGLISH_BODY.replace("bridge", "tunnel")
    # V2 is the newer parser: it goes with the page crawled later, whatever the file names' order
    write_fundus_country(
        tmp_path,
        "us",
        {"Paper_2025_01_02.html.gz": "2025-01-02 10:00:00", "Paper_2024_12_31.html.gz": "2024-12-31 09:00:00"},
        {"V2": fundus_entry(later), "V1": fundus_entry(ENGLISH_BODY)},
    )
    write_fundus_country(
        tmp_path, "de", {"Zeitung_2024_05_01.html.gz": "2024-05-01"}, {"V1": fundus_entry(GERMAN_BODY)}
    )
    pages = list(fundus_pages(tmp_path))
    assert [(page.name, "tunnel" in (page.body or "")) for page in pages] == [
        ("us_Paper_2024_12_31", False),
        ("us_Paper_2025_01_02", True),
    ]
    assert pages[0].url == "https://example.org/Paper_2024_12_31.html.gz"
    assert b"Paper_2024_12_31" in pages[0].html  # the page itself, ungzipped
    monkeypatch.setattr(eval_extraction, "FUNDUS_NOT_NEWS", frozenset({"us_Paper_2025_01_02"}))
    assert [page.name for page in fundus_pages(tmp_path)] == ["us_Paper_2024_12_31"]


def test_fundus_publisher_whose_pages_and_versions_differ_in_number_is_skipped(tmp_path):
    write_fundus_country(tmp_path, "uk", {"Daily_2024_01_01.html.gz": "2024-01-01"}, {})
    assert list(fundus_pages(tmp_path)) == []


def test_a_missing_fundus_set_says_where_to_copy_it_from(tmp_path, capsys):
    from bench.eval_extraction import main

    assert main(["--set", "fundus", "--data", str(tmp_path)]) == 0
    assert "github.com/flairNLP/fundus" in capsys.readouterr().out


def test_texts_option_saves_each_runners_text_and_the_truth(tmp_path, capsys):
    """`--texts DIR`: what each runner kept of each page, beside the body it is scored against."""
    from bench.eval_extraction import main

    paragraphs = [
        f"The harbour board voted on Tuesday to spend {n} million pounds on new cranes for the eastern quay, "
        "ending a long dispute with the dockers' union over the pace of modernisation."
        for n in range(1, 6)
    ]
    folder = tmp_path / "newspaper4k-articles"
    (folder / "html").mkdir(parents=True)
    (folder / "html" / "p1.html").write_text(
        "<html><head><title>Cranes</title></head><body><article><h1>Cranes</h1>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
        + "</article></body></html>",
        encoding="utf-8",
    )
    truth = {"p1": {"articleBody": "\n".join(paragraphs)}}
    (folder / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    out = tmp_path / "texts"
    assert main(["--set", "newspaper", "--data", str(tmp_path), "--pipeline-only", "--texts", str(out)]) == 0
    assert paragraphs[2] in (out / "newsetl-pipeline" / "p1.txt").read_text(encoding="utf-8")
    assert (out / "truth" / "p1.txt").read_text(encoding="utf-8") == "\n".join(paragraphs)
    assert "CPU ms/page" in capsys.readouterr().out


def test_gate_fails_under_a_sets_f1_floor_or_under_the_pages_kept_floor():
    from bench.eval_extraction import GATE_F1, MIN_KEPT, Page, Score, gate_failures

    good, poor = Score(), Score()
    page = Page(name="p", url=None, html=b"", body="fares rose on the harbour ferry")
    good.add(page, "fares rose on the harbour ferry")
    poor.add(page, "fares rose")
    assert gate_failures("newspaper", good) == []
    assert gate_failures("newspaper", poor) == [f"newspaper F1 {poor.f1:.4f} < {GATE_F1['newspaper']}"]
    # A sample (--every) is not the set the floor was measured on; the share kept still counts.
    assert gate_failures("newspaper", poor, every=6) == []
    lost = Score()
    for _ in range(3):
        lost.add(page, "fares rose on the harbour ferry")
    lost.add(page, "")
    assert lost.kept / lost.pages < MIN_KEPT
    assert any("pages kept" in failure for failure in gate_failures("newspaper", lost))
