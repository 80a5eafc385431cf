"""Normalisation: repaired Unicode, folded whitespace, page chrome lines dropped, idempotent."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.normalise import normalise_text, residue_reason, word_count

# One line each pattern removes, and one similar story line it keeps.
RESIDUE_CASES = [
    ("media_caption", "This is what Putin is looking for with Ukraine and NATO, according to an expert 1:51",
     "The meeting ended at 10:30."),
    ("media_caption", "Watch: floods sweep through the valley 12:04",
     "Officials said the flood peaked at 3:15 a.m. on Sunday."),
    ("comment_prompt", "Leave a Comment", "Officials declined to leave a comment on the record."),
    ("comment_policy", "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
     "The site uses radar to track storms."),
    ("share_prompt", "Sign up for our newsletter", "She signed up for the army in 2004."),
    ("standards_footer", "Our Standards: The Example Wire Trust Principles.",
     "Our standards for safety are high, the harbour master said."),
]


@pytest.mark.parametrize("pattern, chrome, story", RESIDUE_CASES, ids=[c[0] + str(i) for i, c in enumerate(RESIDUE_CASES)])
def test_residue_pattern_removes_chrome_and_keeps_story(pattern, chrome, story):
    assert residue_reason(chrome) == pattern
    assert residue_reason(story) is None
    cleaned = normalise_text(f"{story}\n{chrome}\n")
    assert chrome not in cleaned and story in cleaned


def test_mojibake_is_repaired_and_nfc():
    assert normalise_text("The mayorâ€™s office said") == "The mayor’s office said"
    assert normalise_text("Cafe\u0301 owners") == "Caf\u00e9 owners"


def test_whitespace_folded_and_paragraphs_kept():
    assert normalise_text("  First   para\tgraph. \n\n\n Second\u00a0one.  ") == "First para graph.\nSecond one."


def test_word_count():
    assert word_count("one two\nthree") == 3


@given(st.text())
def test_normalise_is_idempotent_and_total(text):
    once = normalise_text(text)
    assert normalise_text(once) == once
