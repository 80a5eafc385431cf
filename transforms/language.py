"""Language of a clean text as an ISO 639-1 code, 'und' when it cannot be told."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier


@dataclass(frozen=True, slots=True)
class LanguageOptions:
    min_words: int = 15
    min_confidence: float = 0.8


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    # The model ships inside the package; norm_probs gives a confidence in 0..1.
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, options: LanguageOptions = LanguageOptions()) -> tuple[str, float]:
    if len(text.split()) < options.min_words:
        return "und", 0.0
    code, confidence = _identifier().classify(text)
    if confidence < options.min_confidence:
        return "und", float(confidence)
    return code, float(confidence)
