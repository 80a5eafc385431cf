"""bench/eval_ner_junk.py: which pages it reads, how judged names are counted, and a run without the data."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

import pytest

from bench.eval_ner_junk import Junk, gate_failures, load_judged, main, pages, report


def test_only_wcxb_pages_that_are_not_articles_are_read(tmp_path: Path) -> None:
    for page_id, page_type in (("0001", "article"), ("0002", "documentation"), ("0003", "product")):
        truth = {"url": f"https://example.org/{page_id}", "_internal": {"page_type": {"primary": page_type}}}
        (tmp_path / "wcxb" / "dev" / "ground-truth").mkdir(parents=True, exist_ok=True)
        (tmp_path / "wcxb" / "dev" / "html").mkdir(parents=True, exist_ok=True)
        (tmp_path / "wcxb" / "dev" / "ground-truth" / f"{page_id}.json").write_text(json.dumps(truth))
        (tmp_path / "wcxb" / "dev" / "html" / f"{page_id}.html.gz").write_bytes(gzip.compress(b"<html></html>"))
    assert [page.name for page in pages(tmp_path)] == ["wcxb/0002", "wcxb/0003"]


def test_junk_is_counted_per_hundred_kept_pages_and_lost_good_names_are_listed(tmp_path: Path) -> None:
    judged = [
        {"page": "p1", "label": "ORG", "name": "PDF", "junk": True},
        {"page": "p1", "label": "ORG", "name": "NASA", "junk": False},
        {"page": "p2", "label": "ORG", "name": "IBM", "junk": False},
        {"page": "p2", "label": "ORG", "name": "EPYC", "junk": None},
    ]
    path = tmp_path / "judged.json"
    path.write_text(json.dumps({"judged": judged}), encoding="utf-8")
    found = Counter(
        {("p1", "ORG", "PDF"): 3, ("p1", "ORG", "NASA"): 1, ("p2", "ORG", "EPYC"): 1, ("p2", "PERSON", "Ann Lee"): 2}
    )
    text = report(Junk(pages=5, kept=4, mentions=found), load_judged(path), show_unjudged=True)
    assert "junk: 3 mentions (1 names a page), 75.0 per 100 kept pages (PERSON 0, ORG 3)" in text
    assert "judged good names still found: 1 of 2" in text
    assert "lost good: p2 ORG 'IBM'" in text
    assert "unjudged: p2 PERSON 'Ann Lee' x2" in text


def test_a_run_without_the_data_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data", str(tmp_path)]) == 0
    assert "skipped" in capsys.readouterr().out


def test_without_the_judgements_it_names_the_file_and_runs_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A new machine: WCXB copied again, the judgement file (ours, kept outside git) gone. No model is loaded.
    (tmp_path / "wcxb" / "dev" / "ground-truth").mkdir(parents=True)
    (tmp_path / "wcxb" / "dev" / "html").mkdir(parents=True)
    truth = {"url": "https://example.org/1", "_internal": {"page_type": {"primary": "documentation"}}}
    (tmp_path / "wcxb" / "dev" / "ground-truth" / "0001.json").write_text(json.dumps(truth))
    (tmp_path / "wcxb" / "dev" / "html" / "0001.html.gz").write_bytes(gzip.compress(b"<html></html>"))
    assert main(["--data", str(tmp_path), "--every", "2", "--gate"]) == 0
    out = capsys.readouterr().out
    assert str(tmp_path / "entities-junk" / "judged.json") in out and "own judgements" in out
    assert "junk:" not in out  # no junk rate of 0 that reads as a result


def test_the_gate_fails_on_more_junk_or_fewer_good_names() -> None:
    judged = {("p1", "ORG", "PDF"): True, ("p1", "ORG", "NASA"): False}
    clean = Junk(pages=200, kept=100, mentions=Counter({("p1", "ORG", "PDF"): 3, ("p1", "ORG", "NASA"): 1}))
    assert [line for line in gate_failures(clean, judged) if "junk" in line] == []
    assert any("good names" in line for line in gate_failures(clean, judged))  # 1 judged good found, gate 141
    noisy = Junk(pages=2, kept=1, mentions=Counter({("p1", "ORG", "PDF"): 300}))
    assert any(line.startswith("junk per 100 kept pages 30000.0") for line in gate_failures(noisy, judged))
