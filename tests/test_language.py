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
    # english_word_share=0: without the English-words rule (tested below), which would say "en".
    guess = detect_language(ENGLISH, LanguageOptions(min_confidence=1.01, english_word_share=0))
    assert guess.code == "und" and guess.confidence is not None and guess.confidence > 0.9


def test_codes_are_iso_639_1():
    for text in (ENGLISH, GERMAN):
        code = detect_language(text).code
        assert len(code) == 2 and code.isalpha() and code.islower()


# Briefs that are mostly names and numbers: py3langid is unsure of them (confidence ~0.4-0.75).
SPORTS_BRIEF = (
    "SOCCER - HARTLEPOOL HOLD GRIMSBY.\n"
    "Hartlepool drew 1-1 with Grimsby on Saturday. Scorers: Hartlepool - Mackay (34th); "
    "Grimsby - Oduya (71st). Attendance: 4,512."
)
SHIPPING_BRIEF = (
    "Shipping - Rotterdam arrivals: Maersk Tanjong (Singapore), Nordic Orion (Murmansk), "
    "Stena Impero 2 from Fujairah; berths 4-7 at Europoort."
)


def test_short_english_briefs_read_as_english_by_their_words():
    for text in (SPORTS_BRIEF, SHIPPING_BRIEF):
        assert detect_language(text, LanguageOptions(english_word_share=0)).code == "und", text
        assert detect_language(text).code == "en", text


def test_english_words_rule_leaves_other_languages_and_headlines_alone():
    assert detect_language("Council approves harbor plan").code == "und"
    for text in (
        "Feyenoord speelde in Rotterdam op zondag een goede wedstrijd tegen Ajax.",
        "Der Senat hat am Dienstag in Berlin an der Spree die neue Linie beschlossen.",
        "Le conseil municipal a approuvé mardi le plan de rénovation du port.",
        "Дума приняла закон о бюджете в среду и отправила его в Совет Федерации.",
    ):
        assert detect_language(text).code != "en", text
