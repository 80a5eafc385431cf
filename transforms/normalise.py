"""Clean extracted text: repair Unicode, fold whitespace, drop lines that are page chrome."""

from __future__ import annotations

import re
import unicodedata

import ftfy

from transforms.options import NormaliseOptions

# A line that ends like a sentence ("." "!" "?" or a closing quote after one) is story
# until proven otherwise; most chrome below is short and unpunctuated.
_NO_SENTENCE_END = r"(?<![.!?\"”’])"
# A byline's names: capitalised words and name particles, joined by spaces, commas, "&" or a
# spaced "and" (in five languages). Each step of the repetition starts in a way no other step can
# (a space then a capital, a particle or a connector word; or a comma or "&"), and a connector is a
# whole word, so a line has one way to match: no backtracking that doubles per name ("Henry" is
# not "Henr" + "y"), and a hostile line of thousands of names fails in linear time.
_NAME_WORD = r"[A-Z][\w'’.-]*"
_PARTICLE = r"(?:de|da|van|von|der|del|di|la|le|bin|al)(?![\w'’])"
_NAMES = (
    _NAME_WORD + r"(?:\s+(?:" + _NAME_WORD + "|" + _PARTICLE + r")"
    r"|\s*[,&]\s*" + _NAME_WORD + r"|\s+(?:and|und|et|y)\s+" + _NAME_WORD + r")*"
)

# Each pattern matches a whole line that is page furniture, not story. Keep the list
# short and general: tests/test_normalise.py shows one line each removes and one
# similar story line it keeps. Patterns are tried in order; the first match names the reason.
RESIDUE_PATTERNS: dict[str, re.Pattern[str]] = {
    # Video or gallery captions end in a clock duration and carry no sentence punctuation
    # before it: "Watch: floods sweep through the valley 12:04", "Video 2:15".
    "media_caption": re.compile(r"^[^.!?]{0,200}?(?:^|\s)\(?\d{1,2}:\d{2}(?::\d{2})?\)?$"),
    # Calls to comment and comment counters: "Leave a Comment", "Comments (12)", "View 34 comments".
    "comment_prompt": re.compile(
        r"^(?:leave a (?:comment|reply)|post a comment|add a comment|write a comment"
        r"|join the (?:conversation|discussion)|(?:show|view|load|see|read) (?:all )?(?:\d+ )?comments?"
        r"|\d+ comments?|comments?(?: \(\d+\))?|be the first to comment|you must be logged in to post a comment"
        r"|what do you think\?? (?:let us know|tell us) in the comments\b.*)\s*[:.]?$",
        re.I,
    ),
    # Rules about comments, not story: "Comments are closed.", "This site uses Akismet ...".
    "comment_policy": re.compile(
        r"^(?:this site uses akismet to reduce spam\b.*"
        r"|(?:comments are|all comments are|comments on this (?:story|article) are) (?:moderated|closed|disabled)"
        r"(?: (?:for|on) this (?:story|article|post))?(?: before (?:they|it) appears?)?\.?"
        r"|(?:please )?(?:read|see|review) our (?:community guidelines|comment(?:ing)? policy|comment guidelines)\b.*"
        r"|we welcome (?:your )?comments? that\b.*)$",
        re.I,
    ),
    # Share bars: "Share this:", "Share on Facebook", "Click to share on X (Opens in new window)".
    "share_prompt": re.compile(
        r"^(?:share(?: this(?: article| story| page)?)?(?: on| via| with)?(?: \w+)?|tweet|email|print"
        r"|(?:click to )?(?:share|email|print)(?: this)?(?: on| via| to| a link to a friend)?(?: [\w ]{1,20})?"
        r" ?\(opens in new window\)|follow us on\b.{0,60}|copy link|link copied)\s*:?$",
        re.I,
    ),
    # Newsletter and subscription prompts: "Sign up for our newsletter", "Subscribe now".
    "newsletter_prompt": re.compile(
        r"^(?:(?:sign up|subscribe|register)(?: now| today| here)?"
        r"(?: (?:for|to) (?:our|the|my) .{0,60}?newsletters?\b.*)?"
        r"|get (?:the latest|our|the best|breaking) .{0,60}?(?:delivered )?(?:to|in) your inbox\b.*"
        r"|by subscribing,? you agree\b.*|already a subscriber\??.{0,40}"
        r"|(?:subscribe|sign up) (?:now |today )?(?:for|to get) (?:unlimited|full|free)"
        r" (?:access|digital access)\b.*)$",
        re.I,
    ),
    # Links to other stories: "Read more: ...", "Related: ...", "See also: ...", "More from Example Wire".
    "related_link": re.compile(
        r"^(?:(?:read|see) (?:more|also)(?: here)?|also read|related(?: (?:stories|articles|content|coverage|links))?"
        r"|more (?:from|on|about) [^.!?]{1,60}|recommended(?: for you)?|most (?:read|popular|viewed)"
        r"|you (?:may|might) also like|trending(?: now)?)\s*(?:[:|»>›-].{0,200}" + _NO_SENTENCE_END + r")?$",
        re.I,
    ),
    # A byline repeated in the body: "By Jane Doe, Staff Writer", "By Jane Doe and Tom Li | Reuters".
    "byline": re.compile(
        r"^(?i:by|von|par|por|di|door)\s+" + _NAMES + r"(?:\s*[,|/·•–—-]\s*[^.!?]{0,60})?" + _NO_SENTENCE_END + r"$"
    ),
    # Photo and image credits: "Photo: Jane Doe/Reuters", "(Photo by Jane Doe/Getty Images)".
    "photo_credit": re.compile(
        r"^[(\[]?(?:(?:photo|photograph|image|picture|pictures|photos|foto|bild)(?:graph)?s?"
        r"(?: by|:| credit:?| courtesy(?: of)?)|credit:|©|\(c\)|source:)\s*[^.!?]{1,100}"
        r"(?:/|\b(?:getty images|reuters|afp|ap|associated press|epa|shutterstock|dpa)\b)[^.!?]{0,60}[)\]]?$",
        re.I,
    ),
    # A bare "Name/Agency" credit line: "Jane Doe/Reuters", "John Smith / Getty Images".
    "agency_credit": re.compile(
        r"^[(\[]?[A-Z][\w'’. -]{1,60}\s?/\s?(?:getty images|reuters|afp|ap|associated press|epa(?:-efe)?"
        r"|shutterstock|dpa|picture alliance|anadolu|bloomberg)[)\]]?$",
        re.I,
    ),
    # Wire services close copy with a pointer to their editorial principles.
    "standards_footer": re.compile(r"^our standards:\s", re.I),
}

_INLINE_SPACE = re.compile(r"[^\S\n]+")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def residue_reason(line: str) -> str | None:
    """Name of the residue pattern a line matches, or None for a story line."""
    for name, pattern in RESIDUE_PATTERNS.items():
        if pattern.search(line):
            return name
    return None


def normalise_line(line: str) -> str:
    return _INLINE_SPACE.sub(" ", line).strip()


def repair_text(text: str) -> str:
    """Mojibake repaired, then NFC. Curly quotes and dashes carry meaning: repair, never flatten."""
    # A lone surrogate cannot be encoded and is never text; ftfy would otherwise pass it on.
    text = _LONE_SURROGATE.sub("\ufffd", text)
    return unicodedata.normalize("NFC", ftfy.fix_text(text, uncurl_quotes=False))


def clean_lines(text: str, options: NormaliseOptions = NormaliseOptions()) -> list[str]:
    """Paragraphs of the repaired text, whitespace folded, residue lines dropped."""
    paragraphs = []
    for raw_line in repair_text(text).splitlines():
        line = normalise_line(raw_line)
        if not line:
            continue
        if options.drop_residue and residue_reason(line):
            continue
        paragraphs.append(line)
    return paragraphs


def normalise_text(text: str, options: NormaliseOptions = NormaliseOptions()) -> str:
    """Repaired, NFC, one paragraph per line; running it on its own output changes nothing."""
    cleaned = "\n".join(clean_lines(text, options))
    # ftfy's fixes can expose text that a second pass would fix again (rare, e.g. doubly
    # encoded HTML entities); iterate until stable so the result is a fixed point.
    for _ in range(3):
        again = "\n".join(clean_lines(cleaned, options))
        if again == cleaned:
            break
        cleaned = again
    return cleaned


_BYLINE_LEAD = re.compile(r"^(?:by|von|par|por|di|door)\s+", re.I)
_BYLINE_TAIL = re.compile(r"\s*[,|/·•–—-]\s*[^.!?]{0,60}$")


def drop_author_lines(text: str, author: str | None) -> str:
    """Lines that are only the article's own byline ("Hannah Cole", "By Hannah Cole, Staff Writer")."""
    if not author:
        return text
    name = " ".join(author.split()).casefold()

    def is_byline(line: str) -> bool:
        bare = _BYLINE_LEAD.sub("", line).casefold()
        return bare == name or (bare.startswith(name) and _BYLINE_TAIL.fullmatch(bare[len(name) :]) is not None)

    return "\n".join(line for line in text.splitlines() if not is_byline(line))


_TITLE_EDGES = " \t.!?:;,\"'“”‘’«»"


def _title_key(line: str) -> str:
    return " ".join(line.split()).strip(_TITLE_EDGES).casefold()


def drop_title_line(text: str, *titles: str | None) -> str:
    """The first line when it only repeats the headline. Extraction keeps a page's <h1> as the body's
    first paragraph, so the headline's names and figures ("approves $1.2 billion ...") would count
    again beside the lead sentence that says the same; the headline stays in `title`. A text that is
    only its headline is left as it is (and rejected as too short)."""
    first, _, rest = text.partition("\n")
    keys = {_title_key(title) for title in titles if title}
    if rest and _title_key(first) in keys - {""}:
        return rest
    return text


def metadata_field(value: str | None) -> str | None:
    """A title, author or site name on one line; empty means unknown."""
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None
