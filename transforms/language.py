"""Language of a clean text as an ISO 639-1 code with a confidence; 'und' when it cannot be told."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from transforms.options import LanguageOptions

UNDETERMINED = "und"
ENGLISH = "en"

# Frequent English function words; "in", "on" and "an" are German, Dutch or French words too, so
# a text also counts the function words of those languages (below) and must have far fewer of them.
# "a" and "die" are left out: too common elsewhere. A curated list, most frequent first.
ENGLISH_FUNCTION_WORDS = frozenset(
    """
the of and to in for on with that is was are were be been by from at as an this which who has have
had it its his her their they them he she we our you your not but or if than then there when where
after before into over under about against between during while would will could should can said
says up out also more most other some such what only new first two three four
""".split()
)
# Function words of the other languages most often written in Latin letters (German, French,
# Spanish, Italian, Dutch, Portuguese) that are not English words.
OTHER_FUNCTION_WORDS = frozenset(
    """
der die das und ist nicht mit von zu den dem des ein eine einer auf für sich auch wird im
le la les et est une du dans pour pas que qui sur au aux ses sont été avec
el los las y es por con una para del lo su al más pero como fue
il di che per non sono della nel alla gli ha anche
het een van op niet dat zijn voor ook werd bij naar
os um uma não com pela pelo foi são mais
""".split()
)
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    code: str  # ISO 639-1, or 'und'
    confidence: float | None  # None when the text was too short to try


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    # The model ships inside the package; norm_probs gives a confidence in 0..1.
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _classify(text: str) -> tuple[str, float]:
    code, confidence = _identifier().classify(text)
    return str(code), float(confidence)


def _halves(text: str) -> tuple[str, str]:
    lines = text.splitlines()
    if len(lines) >= 2:
        middle = len(lines) // 2
        return "\n".join(lines[:middle]), "\n".join(lines[middle:])
    words = text.split()
    middle = len(words) // 2
    return " ".join(words[:middle]), " ".join(words[middle:])


def is_latin_script(words: list[str]) -> bool:
    """Most letters are Latin ones (accented or not)."""
    letters = [ch for word in words for ch in word]
    latin = sum(unicodedata.name(ch, "").startswith("LATIN") for ch in letters)
    return bool(letters) and latin >= 0.9 * len(letters)


def reads_as_english(text: str, options: LanguageOptions) -> bool:
    """Latin letters and enough English function words: English, whatever the n-gram model says."""
    words = _WORD.findall(text)
    if options.english_word_share <= 0 or not words or not is_latin_script(words):
        return False
    # Names and headlines are capitalised in any language; the lower-case words are the prose.
    # Distinct words, so a results table's hundred "beat"s or "loss"es count once.
    lower = {word for word in words if word[0].islower()}
    english = lower & ENGLISH_FUNCTION_WORDS
    other = lower & OTHER_FUNCTION_WORDS
    return (
        len(english) >= options.english_min_function_words
        and len(english) >= options.english_word_share * len(lower)
        and len(other) * 3 <= len(english)
    )


def detect_language(text: str, options: LanguageOptions = LanguageOptions()) -> LanguageGuess:
    sample = text[: options.max_chars]
    if len(sample.split()) < options.min_words:
        # Too short for n-grams; the confidence stays NULL: the words, not the model, decided.
        return LanguageGuess(ENGLISH if reads_as_english(sample, options) else UNDETERMINED, None)
    code, confidence = _classify(sample)
    if confidence < options.min_confidence:
        code = ENGLISH if reads_as_english(sample, options) else UNDETERMINED
        if code == UNDETERMINED:
            return LanguageGuess(code, confidence)
    if options.detect_mixed:
        halves = [half for half in _halves(sample) if len(half.split()) >= options.min_words]
        if len(halves) == 2:
            guesses = [_classify(half) for half in halves]
            codes = {c for c, p in guesses if p >= options.min_confidence}
            if len(codes) == 2:
                # Confidently two languages: no single code describes the text.
                return LanguageGuess(UNDETERMINED, min(p for _, p in guesses))
    return LanguageGuess(code, confidence)
