"""Language identification: ISO 639-1 with a confidence; 'und' for short or mixed texts."""

from __future__ import annotations

from transforms.language import detect_language
from transforms.options import LanguageOptions

ENGLISH = (
    "The city council on Wednesday night approved a plan to dredge and rebuild the harbor, "
    "ending two years of debate over who should pay for the work and how long it would take.\n"
    "Supporters said the project would bring hundreds of jobs to the waterfront, while critics "
    "warned that higher fees would drive smaller shipping lines to other ports along the coast."
)
GERMAN = (
    "Der Senat hat am Dienstag beschlossen, die Straßenbahnlinie bis zum Hauptbahnhof zu verlängern. "
    "Die Bauarbeiten sollen im kommenden Frühjahr beginnen und etwa drei Jahre dauern.\n"
    "Anwohner kritisierten, dass die Pläne zu spät öffentlich gemacht worden seien, und forderten "
    "eine weitere Bürgerversammlung, bevor die ersten Bäume gefällt werden."
)


def test_english_and_german_with_confidence():
    english = detect_language(ENGLISH)
    german = detect_language(GERMAN)
    assert (english.code, german.code) == ("en", "de")
    assert english.confidence is not None and english.confidence >= 0.99
    assert german.confidence is not None and german.confidence >= 0.99


def test_too_short_is_und_without_confidence():
    guess = detect_language("Council approves harbor plan")
    assert guess.code == "und" and guess.confidence is None


def test_mixed_text_is_und():
    mixed = ENGLISH + "\n" + GERMAN
    assert detect_language(mixed).code == "und"
    # The same text judged only as a whole picks one language: the mixed check is what says und.
    assert detect_language(mixed, LanguageOptions(detect_mixed=False, min_confidence=0.0)).code in {"en", "de"}


def test_low_confidence_is_und_but_keeps_its_confidence():
    guess = detect_language(ENGLISH, LanguageOptions(min_confidence=1.01))
    assert guess.code == "und" and guess.confidence is not None and guess.confidence > 0.9


def test_codes_are_iso_639_1():
    for text in (ENGLISH, GERMAN):
        code = detect_language(text).code
        assert len(code) == 2 and code.isalpha() and code.islower()
