"""Words and sentence ends in any script, including those written without spaces between words.

`text.split()` counts a Japanese or Chinese paragraph as one word and Thai as a handful, so a
long CJK story looked "too short". Runs of characters of the scripts written without spaces
(Han, kana, Thai, Lao, Khmer, Myanmar) are counted by characters instead, at a rate that
stays on the low side of their average word length, so the minimum-length rule is not weakened.
"""

from __future__ import annotations

import re

# Chinese words average about 1.5 characters and Japanese ones a little more; one word per two
# characters undercounts both a little.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9f\u3005\u3007"
CJK_CHARS_PER_WORD = 2
# Thai, Lao, Khmer and Myanmar words average 4 to 6 code points (vowel and tone marks included).
_SOUTHEAST_ASIAN = "\u0e00-\u0e7f\u0e80-\u0eff\u1780-\u17ff\u1000-\u109f"
SOUTHEAST_ASIAN_CHARS_PER_WORD = 4

# A word: a piece of a run of a spaceless script, that script's characters-per-word long (the
# last piece of a run may be shorter), or any other run of characters up to a space or such a run.
_WORD_PIECE = re.compile(
    f"([{_CJK}]{{1,{CJK_CHARS_PER_WORD}}})"
    f"|([{_SOUTHEAST_ASIAN}]{{1,{SOUTHEAST_ASIAN_CHARS_PER_WORD}}})"
    f"|[^\\s{_CJK}{_SOUTHEAST_ASIAN}]+"
)
_SPACELESS = re.compile(f"[{_CJK}{_SOUTHEAST_ASIAN}]")
# A token is a word when it holds a letter or a digit; a lone dash or bullet is not.
_WORDLIKE = re.compile(r"\w")

# Marks that end a sentence: Latin, CJK full-width (。！？), Devanagari danda, Arabic question
# mark and Urdu full stop, Armenian, Ethiopic; ':' and ';' end a clause a line may stop on.
SENTENCE_END_MARKS = frozenset(".!?…:;。！？｡।॥؟۔։።")
# Closing quotes and brackets after the mark ("… he said.”", 「…。」).
CLOSERS = frozenset("\"'”’»)]」』）】〕〉》›")


def words(text: str) -> list[str]:
    """The text's words (see the module's note): tokens between spaces that hold a letter or a
    digit, and runs of the spaceless scripts cut into pieces of their characters-per-word. Two texts
    that hold the same paragraph cut it into the same pieces, so the pieces can be compared."""
    if _SPACELESS.search(text) is None:
        # The same tokens, found faster: without spaceless scripts a word runs from space to space.
        return [token for token in text.split() if _WORDLIKE.search(token)]
    return [
        match.group()
        for match in _WORD_PIECE.finditer(text)
        if match.lastindex is not None or _WORDLIKE.search(match.group())
    ]


def word_count(text: str) -> int:
    """Words in the text, counting spaceless scripts by characters (see the module's note)."""
    return len(words(text))


def ends_like_sentence(line: str) -> bool:
    """The line stops on a sentence mark, possibly followed by closing quotes or brackets.

    A closing bracket or quote on its own also counts: a paragraph that ends in a quotation
    or a parenthesis is a sentence whose mark sits inside.
    """
    stripped = line.rstrip()
    if stripped[-1:] in CLOSERS:
        return True
    return stripped[-1:] in SENTENCE_END_MARKS


def through_last_sentence_end(paragraph: str) -> str:
    """The paragraph up to its last sentence mark (and closers after it); "" when it has none.

    What trails the last sentence is often not prose: a credit, a flattened link or caption.
    Only marks that close a sentence count here, not ':' or ';'.
    """
    for index in range(len(paragraph) - 1, -1, -1):
        char = paragraph[index]
        if char in SENTENCE_END_MARKS and char not in ":;":
            after = paragraph[index + 1 : index + 2]
            if not after or after.isspace() or after in CLOSERS:
                return paragraph[: index + 1]
    return ""


def letter_share(text: str) -> float:
    """Share of word tokens that are mostly letters: low for score tables, calendars and timetables."""
    tokens = [token for token in text.split() if _WORDLIKE.search(token)]
    if not tokens:
        return 0.0
    wordy = sum(1 for token in tokens if sum(c.isalpha() for c in token) * 2 > len(token))
    return wordy / len(tokens)


def sentence_share(text: str) -> float:
    """Share of the words in lines of at least `SENTENCE_LINE_WORDS` words that end like a sentence:
    a story's text is mostly such lines, a menu, a link list or a table is not."""
    total = in_sentences = 0
    for line in text.splitlines():
        words = word_count(line)
        total += words
        if words >= SENTENCE_LINE_WORDS and ends_like_sentence(line):
            in_sentences += words
    return in_sentences / total if total else 0.0


SENTENCE_LINE_WORDS = 8
