"""Language of a clean text as an ISO 639-1 code with a confidence; 'und' when it cannot be told."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from transforms.options import LanguageOptions

UNDETERMINED = "und"


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


def detect_language(text: str, options: LanguageOptions = LanguageOptions()) -> LanguageGuess:
    sample = text[: options.max_chars]
    if len(sample.split()) < options.min_words:
        return LanguageGuess(UNDETERMINED, None)
    code, confidence = _classify(sample)
    if confidence < options.min_confidence:
        return LanguageGuess(UNDETERMINED, confidence)
    if options.detect_mixed:
        halves = [half for half in _halves(sample) if len(half.split()) >= options.min_words]
        if len(halves) == 2:
            guesses = [_classify(half) for half in halves]
            codes = {c for c, p in guesses if p >= options.min_confidence}
            if len(codes) == 2:
                # Confidently two languages: no single code describes the text.
                return LanguageGuess(UNDETERMINED, min(p for _, p in guesses))
    return LanguageGuess(code, confidence)
