"""The bag-of-words score of bench/eval_extraction.py: CJK text counted by characters, truth read as UTF-8."""

from __future__ import annotations

import pytest

from bench.eval_extraction import bag_of_words, html_text, tokens


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
