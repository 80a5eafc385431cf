"""Clean extracted text: repair Unicode, fold whitespace, drop lines that are page chrome."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import ftfy

# Each pattern matches a whole line that is page furniture, not story. Keep the
# list short and general; tests show one removed line and one kept story line each.
RESIDUE_PATTERNS: dict[str, re.Pattern[str]] = {
    # Video or gallery captions end in a clock duration and carry no sentence punctuation.
    "media_caption": re.compile(r"^[^.!?]{3,200}?\s\d{1,2}:\d{2}(?::\d{2})?$"),
    "comment_prompt": re.compile(
        r"^(leave a (comment|reply)|post a comment|add a comment|join the (conversation|discussion)"
        r"|show comments|\d+ comments?|comments?)\s*:?$", re.I),
    "comment_policy": re.compile(
        r"^this site uses akismet to reduce spam\b|^(comments are|all comments are) (moderated|closed)\b", re.I),
    "share_prompt": re.compile(
        r"^(share( this( article| story)?)?|(sign up|subscribe) (for|to) (our|the) (free )?newsletter\b.*"
        r"|follow us on\b.*)$", re.I),
    # Wire services close copy with a pointer to their editorial principles.
    "standards_footer": re.compile(r"^our standards:\s", re.I),
}

_INLINE_SPACE = re.compile(r"[^\S\n]+")


@dataclass(frozen=True, slots=True)
class NormaliseOptions:
    drop_residue: bool = True


def residue_reason(line: str) -> str | None:
    """Name of the residue pattern a line matches, or None for a story line."""
    for name, pattern in RESIDUE_PATTERNS.items():
        if pattern.search(line):
            return name
    return None


def normalise_line(line: str) -> str:
    return _INLINE_SPACE.sub(" ", line).strip()


def normalise_text(text: str, options: NormaliseOptions = NormaliseOptions()) -> str:
    """Repaired, NFC, one paragraph per line; running it on its own output changes nothing."""
    # Curly quotes and dashes carry meaning (quotation, apostrophe): repair, never flatten.
    repaired = unicodedata.normalize("NFC", ftfy.fix_text(text, uncurl_quotes=False))
    paragraphs = []
    for raw_line in repaired.splitlines():
        line = normalise_line(raw_line)
        if not line:
            continue
        if options.drop_residue and residue_reason(line):
            continue
        paragraphs.append(line)
    return "\n".join(paragraphs)


def word_count(text: str) -> int:
    return len(text.split())
