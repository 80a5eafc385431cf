"""Notes a site sets around a story, kept by the extractor as paragraphs of it: the writer's
biography and contact line after the story, the affiliate or editorial disclosure before or after it.

They are whole prose paragraphs, so the line patterns of transforms/normalise.py (short, unpunctuated
furniture) do not reach them, and their markup often names nothing (a bare <p> or <em> in the story's
container). What gives them away is what they say and where they stand: a biography is third-person
("Jane Doe is a senior reporter for …", "Jane Doe can be reached at …") and closes the text; a
disclosure speaks of the site's own commissions or opinions ("we may earn a commission", "the views
expressed are not necessarily those of …") and opens or closes it. Measured on the development sets
in docs/evaluation.md, round 13.
"""

from __future__ import annotations

import re

# How far from the text's end a biography, and from either end a disclosure, may stand.
NOTE_REACH = 3
# A note is a paragraph, not a story: longer ones are left alone.
MAX_NOTE_WORDS = 120

# A person's or a desk's name opening the paragraph: one to four capitalised words, after a bullet, a
# dash or a bracket ("• Vaughn Cockayne …", "—Staff writer Cam E. Kettles …", "(Paul Fenaroli …").
_NAME = r"[*•(—–-]?\s?(?:[A-Z][\w'’.-]*\s){0,3}[A-Z][\w'’.-]*"
# What a biography says its subject is.
_ROLE = (
    r"(?:writer|reporter|journalist|editor|contributor|correspondent|columnist|author|freelancer?|critic"
    r"|blogger|producer|photographer|analyst|anchor|host)"
)
_BIOGRAPHY = re.compile(
    rf"^{_NAME}(?:\s\((?:she|he|they)/\w+\))?,?\s(?:is|was|has been|serves as)\s(?:a|an|the)\b"
    rf"[^.!?]{{0,80}}?\b{_ROLE}s?\b"
    rf"|^{_NAME}\s(?:writes (?:about|for|on)|covers|reports on|is based in)\b"
)
# How to reach the writer: "Jane Doe can be reached at …", "Contact Jane Doe at jdoe@example.com",
# "Follow her on X at @jdoe", "E-mail: news@example.com".
_CONTACT = re.compile(
    r"\b(?:can|may) be reached (?:at|by|on)\b|\bwrite to (?:him|her|them) at\b|\bfollow (?:him|her|them) on\b"
    r"|^\W{0,2}(?:contact|e-?mail)\b[^.!?]{0,60}\S@\S|^\W{0,2}(?:contact|e-?mail)\s?:\s?\S+@\S+$",
    re.I,
)
# A sentence of a story about such a subject speaks of others; a note about the writer does not say
# "I" or "we" (an author's own closing words are the story's).
_FIRST_PERSON = re.compile(r"\bI\b|\b(?:[Ww]e|[Mm]y|[Oo]ur|me|us)\b")
# The site or the writer speaking ("US" is a country, not "us").
_SITE_PERSON = r"(?-i:\b(?:[Ww]e|I|us|[Oo]ur)\b)"
_AFFILIATE_THING = r"(?:links?|commissions?|partnerships?|relationships?|programs?|fee)"
# The site's own money and opinions: "we may earn a commission", "Us Weekly has affiliate partnerships.
# We receive compensation …", "The views expressed … are not necessarily those of …", "This article has
# been reviewed according to Science X's editorial process".
_DISCLOSURE = re.compile(
    r"(?:\b(?:we|I) (?:may |might |will |could |can )?(?:also )?(?:earn|receive|get|make)s?|\bearns? (?:us|me))\b"
    r"[^.!?]{0,60}\b(?:commissions?|compensation|fee|payments?|kickback|percentage)\b"
    rf"|\baffiliate {_AFFILIATE_THING}\b[^.!?]{{0,80}}{_SITE_PERSON}"
    rf"|{_SITE_PERSON}[^.!?]{{0,80}}\baffiliate {_AFFILIATE_THING}\b"
    r"|\b(?:views|opinions) expressed\b[^.!?]{0,120}\b(?:not necessarily|(?:are|is) (?:solely )?(?:their own"
    r"|the author['’]?s?\b|his own|her own)|do not (?:necessarily )?reflect)"
    r"|\breviewed according to\b[^.!?]{0,60}\beditorial process"
    r"|\bindependently selected by our editors\b",
    re.I,
)


def note_kind(paragraph: str, from_start: int, from_end: int) -> str | None:
    """The kind of note a paragraph is at that place (paragraphs before and after it): "biography",
    "disclosure" or None."""
    if len(paragraph.split()) > MAX_NOTE_WORDS:
        return None
    if (
        from_end < NOTE_REACH
        and not _FIRST_PERSON.search(paragraph)
        and (_BIOGRAPHY.search(paragraph) or _CONTACT.search(paragraph))
    ):
        return "biography"
    if (from_start < NOTE_REACH or from_end < NOTE_REACH) and _DISCLOSURE.search(paragraph):
        return "disclosure"
    return None


def drop_notes(text: str) -> str:
    """The text without the notes at its ends (one paragraph a line): the run of biographies, contact
    lines and disclosures that closes it (up to NOTE_REACH paragraphs, so a story's own last paragraph
    about some writer stays when a story paragraph follows it), and the disclosures near either end."""
    lines = text.split("\n")
    count = len(lines)
    end = count
    while end > max(count - NOTE_REACH, 1) and note_kind(lines[end - 1], end - 1, count - end):
        end -= 1
    dropped = set(range(end, count))
    for index in range(min(NOTE_REACH, end - 1)):
        if note_kind(lines[index], index, count - 1 - index) == "disclosure":
            dropped.add(index)
    for index in range(max(end - NOTE_REACH, 1), end):
        if note_kind(lines[index], index, count - 1 - index) == "disclosure":
            dropped.add(index)
    if not dropped:
        return text
    return "\n".join(line for index, line in enumerate(lines) if index not in dropped)
