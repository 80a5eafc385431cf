"""bench/fundus_news.py: fundus's English parser test pages become a fixture folder (html/, not-news.txt,
articles.json), the pages eval_extraction's fundus set reads plus those set aside as not news, listed as such."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from bench import fundus_news
from tests.test_extraction_scoring import ENGLISH_BODY, GERMAN_BODY, fundus_entry
from tests.test_fixture_texts import BODY, page


def write_country(folder: Path, country: str, publisher: str, pages: dict[str, tuple[str, bytes]]) -> None:
    """One country folder of fundus's layout: gzipped pages, meta.info, the publisher's expected bodies by version."""
    where = folder / "test_data" / country
    where.mkdir(parents=True)
    meta, entries = {}, {}
    for version, (date, html) in pages.items():
        file = f"{publisher}_{date}.html.gz"
        (where / file).write_bytes(gzip.compress(html))
        meta[file] = {"url": f"https://example.org/{date}", "crawl_date": date.replace("_", "-")}
        entries[version] = fundus_entry(GERMAN_BODY if country == "de" else ENGLISH_BODY)
    (where / "meta.info").write_text(json.dumps(meta), encoding="utf-8")
    (where / f"{publisher}.json").write_text(json.dumps(entries), encoding="utf-8")


def test_english_pages_are_written_ungzipped_the_set_aside_ones_listed_and_their_texts_built(tmp_path, monkeypatch):
    story = page("Council backs new bridge", [BODY[:300], BODY[300:]])
    write_country(tmp_path, "us", "Paper", {"V1": ("2024_12_31", story), "V2": ("2025_01_02", story)})
    write_country(tmp_path, "de", "Zeitung", {"V1": ("2024_05_01", story)})  # a German body: not an English page
    monkeypatch.setattr(fundus_news, "FUNDUS_NOT_NEWS", frozenset({"us_Paper_2025_01_02"}))

    assert fundus_news.main([str(tmp_path)]) == 0

    assert sorted(path.name for path in (tmp_path / "html").iterdir()) == [
        "us_Paper_2024_12_31.html",
        "us_Paper_2025_01_02.html",
    ]
    assert (tmp_path / "html" / "us_Paper_2024_12_31.html").read_bytes() == story
    assert (tmp_path / "not-news.txt").read_text().startswith("us_Paper_2025_01_02.html  # set aside")
    articles = json.loads((tmp_path / "articles.json").read_text(encoding="utf-8"))
    assert (
        list(articles) == ["us_Paper_2024_12_31"] and "$4.5 million" in articles["us_Paper_2024_12_31"]["articleBody"]
    )
    assert json.loads((tmp_path / "build.json").read_text())["left_out"] == {"us_Paper_2025_01_02.html": "not news"}
