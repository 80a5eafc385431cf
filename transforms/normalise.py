"""Clean extracted text: repair Unicode, fold whitespace, drop lines that are page chrome."""

from __future__ import annotations

import re
import unicodedata

import ftfy

from transforms.options import NormaliseOptions
from transforms.words import ends_like_sentence, word_count

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

# Dates and times as pages print them (English month and weekday names; numeric forms of any language).
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_MONTH_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?"
_DATE = (
    r"(?:" + _MONTH + r"\s+" + _MONTH_DAY + r",?\s+\d{4}|" + _MONTH_DAY + r"\.?\s+(?:of\s+)?" + _MONTH + r",?\s+\d{4}"
    r"|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
)
_CLOCK = (
    r"\d{1,2}[:.]\d{2}(?::\d{2})?\s?(?:[ap]\.?m\.?|h|hrs|uhr)?"
    r"(?:\s(?:gmt|utc|bst|cet|cest|est|edt|cst|cdt|mst|mdt|pst|pdt|ist|aest|aedt|et|pt)(?:[+-]\d{1,2})?)?"
)
_STAMP_LABEL = (
    r"(?:posted|published|updated|last updated|first published|last modified|modified|created|date)"
    r"(?:\s(?:on|at))?\s?:?"
)
_DATE_AND_CLOCK = (
    rf"(?:{_WEEKDAY}\s+)?(?:{_CLOCK},?\s+)?(?:{_WEEKDAY}\s+)?{_DATE}(?:,?\s*(?:at\s+|-\s*|\|\s*)?{_CLOCK})?\s*[-|,]?$"
)
# A date line without a label: in a schedule of events (a clinic's dates, a tour's), each is story.
_BARE_DATE_LINE = re.compile("^" + _DATE_AND_CLOCK, re.I)
_MIN_SCHEDULE_DATES = 3
# An item of a menu line: one to four words (a word starts with a letter or digit; "&", "@" and "+" join words).
_MENU_WORD = r"(?:\w[\w'’.@+/:-]*|[&@+])"
_MENU_ITEM = _MENU_WORD + r"(?:\s" + _MENU_WORD + r"){0,3}"

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
        # An empty comment section's own words: "Post your comment", "Comments (No comments posted.)".
        r"|post (?:a |your )?comments?|add (?:a |your )?comments?|(?:comments? \()?no comments(?: posted| yet)?\.?\)?"
        r"|(?:this|the) (?:article|story) (?:does not have|has no) (?:any )?comments(?: associated with it)?"
        r"|what do you think\?? (?:let us know|tell us) in the comments\b.*)\s*[:.]?$",
        re.I,
    ),
    # Rules about comments, not story: "Comments are closed.", "This site uses Akismet ...".
    "comment_policy": re.compile(
        r"^(?:this site uses akismet to reduce spam\b.*"
        r"|(?:comments are|all comments are|comments on this (?:story|article) are) (?:moderated|closed|disabled)"
        r"(?: (?:for|on) this (?:story|article|post))?(?: before (?:they|it) appears?)?\.?"
        r"|(?:please )?(?:read|see|review) our (?:community guidelines|comment(?:ing)? policy|comment guidelines)\b.*"
        r"|we welcome (?:your )?comments? that\b.*"
        r"|the following are comments from (?:the |our )?readers\b.*)$",
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
        # What a sign-up form says once it is sent: "Thanks for signing up!", "Your subscription has been confirmed."
        r"|thanks? (?:you )?for (?:signing up|subscribing)(?:\s?!.{0,100}|\W{0,3})"
        r"|your subscription (?:has been|is) confirmed\b.{0,80}"
        r"|(?:subscribe|sign up) (?:now |today )?(?:for|to get) (?:unlimited|full|free)"
        r" (?:access|digital access)\b.*"
        # "Never miss the latest news by signing up to our newsletter today!"
        r"|(?:never|don't|do not) miss\b.{0,60}?\b(?:sign(?:ing)? up|subscrib(?:e|ing)) (?:to|for) (?:our|the)"
        r" (?:\w+ ){0,2}newsletters?\b.{0,40})$",
        re.I,
    ),
    # A newsletter pitch is a short paragraph that names a newsletter and asks the reader to join it, in a
    # sentence or not: "Want more recipes? Subscribe to our newsletter and follow us on Instagram.",
    # "Dann abonnieren Sie unseren Newsletter!". A story about a newsletter does not ask the reader.
    "newsletter_pitch": re.compile(
        r"^(?=.{0,300}$)(?=.*newsletter).*\b(?:subscribe to|sign up (?:for|to)|abonnieren sie|abonniere|newsletter"
        r" abonnieren|(?:zum|für unseren) newsletter an(?:melden)?|melde dich|hol dir|tragen sie sich"
        r"|inscr[ií]b[ae]te|suscr[ií]b(?:ete|ase|irse)|abonnez-vous|inscrivez-vous|iscriviti|zapisz się)\b.*$",
        re.I,
    ),
    # Asking for money or a subscription after the story: "If you enjoyed reading this post, would you
    # consider supporting our work?", "Support independent journalism: become a member today".
    "support_prompt": re.compile(
        r"^(?:if you (?:enjoyed|liked|value|appreciate)(?: reading)? (?:this|our|the) (?:post|article|story"
        r"|journalism|reporting|work)\b.{0,200}\b(?:support|donat|subscri|become a (?:member|patron))\w*\b.{0,100}"
        r"|(?:please )?support (?:our|independent|quality) (?:journalism|reporting|work)\b.{0,120})$",
        re.I,
    ),
    # Paywall prompts left where the rest of the story would be: "Subscribe to continue reading",
    # "Pour lire la suite, abonnez-vous", "This article is for subscribers only".
    "paywall_prompt": re.compile(
        r"^(?:(?:to|subscribe to|sign in to|log in to) (?:continue|keep) reading\b.{0,100}"
        r"|this (?:article|story|content) is (?:only )?(?:available )?(?:for|to) (?:subscribers|members)"
        r"(?: only)?\W{0,3}"
        r"|pour (?:lire la suite|accéder en illimité|continuer à lire)\b.{0,100}"
        r"|(?:jetzt )?weiterlesen mit\b.{0,60}|para (?:seguir|continuar) leyendo\b.{0,100})$",
        re.I,
    ),
    # Advertising labels on a line of their own: "Advertisement", "ANZEIGE", "Story continues below advertisement".
    "ad_label": re.compile(
        r"^(?:advertisement|advertising|sponsored(?: content)?|anzeige|werbung|publicidad|publicité|pubblicità|reklama"
        r"|(?:story|article) continues below(?: this)? (?:advertisement|ad)|continue reading (?:the main story|below)"
        r"|scroll to continue(?: with content)?)\s*:?$",
        re.I,
    ),
    # A post's tags or topics as a label: "Tags: budget, harbour", "Filed under: Politics", "Themen", "Temas:".
    # The singular "Category:" is left alone: award stories list their categories so.
    "tag_line": re.compile(
        r"^(?:tags?|topics|filed under|schlagw(?:ö|oe)rter|schlagworte|themen|temas|etiquetas|kategorien|categories"
        r"|mots[- ]clés|tagi|tematy)(?:\s*:.{0,200}" + _NO_SENTENCE_END + r")?$",
        re.I,
    ),
    # Placeholders of embedded content the reader has not allowed: "Click the button below to load the
    # content from www.example.com.", "Klicken Sie auf den unteren Button, um den Inhalt von ... zu laden."
    "embed_notice": re.compile(
        r"^(?:click|klicken sie)\b.{0,60}\b(?:button|schaltfläche)\b.{0,60}\b(?:to load|zu laden)\b.{0,80}$", re.I
    ),
    # Calls to follow a link, in capitals or not: "CLICK HERE TO GET THE FOX NEWS APP", "Click here for the
    # latest market news", "GO HERE FOR MORE TRUE CRIME", "Get our app on the go by clicking here". A story
    # does not tell its reader where to click.
    "click_prompt": re.compile(
        r"^(?:(?:click|tap|go) here|(?:click|tap) (?:the link|below))\b.{0,150}$"
        r"|^.{0,100}\bby (?:clicking|tapping) here\W{0,3}$",
        re.I,
    ),
    # A video player's own words: "Now watching", "Up next", "Next video starts in : 7", "Unfortunately, this
    # video is not available in your region." (a story about a video says more than that).
    "player_chrome": re.compile(
        r"^(?:now (?:playing|watching)|up next|next video(?: starts in)?\b\W{0,5}\w{0,10}"
        r"|autoplay(?: (?:is )?(?:on|off))?"
        r"|(?:unfortunately,? |sorry,? )?this video is (?:not|no longer|currently not|currently un) ?available"
        r"(?: in your (?:region|country|location))?\W{0,3}"
        # "Video verfügbar bis 28.02.2026": how long a broadcaster's player keeps a clip.
        r"|video (?:verfügbar bis|available until)\s?:?\s?[\d./-]{6,10}(?:,? [\d:.]{4,5} uhr)?)$",
        re.I,
    ),
    # What a blog's share, rating and loading widgets print, in the languages of the pages measured:
    # "Share this:" is above; "Teilen mit:", "Bewerten:", "Rate this:", "Wird geladen …", "Loading...".
    "widget_label": re.compile(
        r"^(?:teilen mit|bewerten|rate this|gefällt mir|like this|(?:wird geladen|loading|cargando|chargement)"
        r"\s?(?:\.\.\.|…)?)\s*:?$",
        re.I,
    ),
    # Asking readers for tips: "Have a tip? Send it to us!", "Got a news tip? Email us at tips@example.com".
    "tip_prompt": re.compile(r"^(?:have|got) a (?:news |story )?tip\?.{0,120}$", re.I),
    # Links to other stories: "Read more: ...", "Related: ...", "See also: ...", "More from Example Wire".
    # The same in the languages of the pages measured (Spanish, Portuguese, French, German, Italian,
    # Dutch, Polish): "Lea también: ...", "Le puede interesar: ...", "Zum Weiterlesen:", "Lire aussi".
    "related_link": re.compile(
        # A link set in brackets inside the story counts too: "[Read: Ferry fares rise again]".
        r"^[\[(]?(?:(?:read|see) (?:more|also)(?: here)?|read(?=\s?:)|also read"
        r"|related(?: (?:stories|articles|content|coverage|links))?"
        r"|more (?:from|on|about) [^.!?]{1,60}|recommended(?: for you)?|most (?:read|popular|viewed)"
        r"|you (?:may|might) also like|trending(?: now)?"
        r"|lea(?: (?:también|además|más))?|lee (?:también|más)|ver también|(?:también )?(?:le|te) (?:puede|podría)"
        r" interesar|(?:notas|noticias|artículos|contenidos?) relacionad[oa]s?|leia (?:também|mais)|veja também"
        r"|(?:à )?lire (?:aussi|également)|voir aussi|sur le même sujet|lesen sie (?:auch|mehr)|zum weiterlesen"
        r"|mehr zum thema|siehe auch|das könnte sie auch interessieren|leggi anche|articoli correlati"
        r"|lees (?:ook|meer)|czytaj (?:też|także|więcej)|zobacz (?:też|także)"
        r"|empfohlene (?:beiträge|artikel)|weitere (?:beiträge|artikel)(?: (?:zum thema|aus [^.!?:]{1,60}))?)"
        r"\s*(?:[:|»>›-].{0,200}" + _NO_SENTENCE_END + r")?$"
        # Prompts that only ever come before a linked headline: "MIRA: ...", "Puedes ver: ...",
        # "Te recomendamos: ..." (a bare "Mira" could be a name).
        # A question mark may close such a headline, a full stop never.
        r"|^(?:mir[ae]|puedes ver|te recomendamos|ver más|also watch|watch more)\s*:\s*\S.{0,200}(?<![.!])$"
        # "Also: ..." and "See: ..." link a headline the same way, a short one ("Also:" opens long German
        # sentences too); a sentence after them ends with a full stop.
        r"|^(?:also|see)\s*:\s*(?:\S+\s){0,14}\S+(?<![.!])$",
        re.I,
    ),
    # A byline repeated in the body: "By Jane Doe, Staff Writer", "By Jane Doe and Tom Li | Reuters".
    "byline": re.compile(
        r"^(?i:by|von|par|por|di|door)\s+" + _NAMES + r"(?:\s*[,|/·•–—-]\s*[^.!?]{0,60})?" + _NO_SENTENCE_END + r"$"
    ),
    # Photo and image credits: "Photo: Jane Doe/Reuters", "(Photo by Jane Doe/Getty Images)".
    "photo_credit": re.compile(
        r"^[(\[]?(?:(?:photo|photograph|image|picture|pictures|photos|foto|bild)(?:graph)?s?"
        r"(?: by|:| credit:?| courtesy(?: of)?)|fot\.|credit:|©|\(c\)|source:)\s*[^.!?]{1,100}"
        r"(?:/|\b(?:getty images|reuters|afp|ap|associated press|epa|shutterstock|dpa)\b)[^.!?]{0,60}[)\]]?$",
        re.I,
    ),
    # A credit naming only the photographer: "Photo: Jane Doe", "Foto: M. Rädel (Copyright)". A caption
    # that says what is shown is longer or ends like a sentence.
    "photo_byline": re.compile(
        r"^(?i:photos?|foto|fotos|bild|image|picture|fotografía|zdjęcie)\s?:\s?" + _NAMES + r"(?:\s?\([^()]{1,40}\))?$"
    ),
    # A bare "Name/Agency" credit line: "Jane Doe/Reuters", "John Smith / Getty Images".
    "agency_credit": re.compile(
        r"^[(\[]?[A-Z][\w'’. -]{1,60}\s?/\s?(?:getty images|reuters|afp|ap|associated press|epa(?:-efe)?"
        r"|shutterstock|dpa|picture alliance|anadolu|bloomberg)[)\]]?$",
        re.I,
    ),
    # Wire services close copy with a pointer to their editorial principles.
    "standards_footer": re.compile(r"^our standards:\s", re.I),
    # Where a story came from, as a label: "Source: Ministry of Health", "Quelle: Deutscher Jagdverband (DJV),
    # 2. Februar 2022". A sentence that starts so ("Source: the ministry said ...") ends like one and stays.
    "source_line": re.compile(
        r"^(?:sources?|quellen?|fuentes?|fonte|źródło|bron)\s?:\s?[^!?]{1,120}" + _NO_SENTENCE_END + "$", re.I
    ),
    # Copyright notices: "© 2024 Example News", "(Copyright 2008 by The Associated Press. All Rights Reserved.)",
    # "Materiał chroniony prawem autorskim - ..." (line starts only:
    # a search through every line for the phrase costs more than the rare mid-line notice is worth).
    "copyright": re.compile(
        r"^[(\[]?(?:©|\(c\)\s|copyright\b|all rights reserved|alle rechte vorbehalten|todos los derechos reservados"
        r"|tous droits réservés|tutti i diritti riservati|wszelkie prawa zastrzeżone"
        r"|materiał chroniony prawem autorskim).{0,200}$",
        re.I,
    ),
    # Reading-time and last-change stamps: "4 min read", "Lesezeit: 3 Minuten", "Letzte Änderung 14.02.2019".
    "page_stamp": re.compile(
        r"^(?:(?:\d+|one|two|three|four|five) min(?:ute)?s? read|(?:reading time|lesezeit|lesedauer|tiempo de lectura"
        r"|temps de lecture|czas czytania)\s?:?.{0,20}|ten tekst przeczytasz\b.{0,40}"
        r"|(?:last (?:updated|modified)|updated|letzte änderung|zuletzt (?:aktualisiert|geändert)|aktualisiert(?: am)?"
        r"|última actualización|actualizado|dernière mise à jour|mis à jour(?: le)?)\s?:?\s?(?:on |am |le )?"
        r"(?:\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\.? \w+ \d{4}|\w+ \d{1,2},? \d{4})[\d:., apmuhr-]*)$",
        re.I,
    ),
    # A line that is only a date and time, with or without a label: "Tuesday, January 15, 2008",
    # "Posted: 6:12 PM Dec 30, 2007", "Published: January 08, 2008 14:21h", "2008-01-12 11:31:01 -". The
    # page's date is metadata (`published_date`); as a line of its own it is a stamp, not story, except
    # in a schedule (`clean_lines` keeps bare dates where the text has several).
    "date_line": re.compile(r"^(?:" + _STAMP_LABEL + r"\s*)?" + _DATE_AND_CLOCK, re.I),
    # A site menu printed as one line: five or more items of one to four words between the same separator,
    # "Home - Weather - News - Sports - Contact Us", "RSS Feeds | Help | Advertise | Contact Us | Privacy Policy".
    # A table row is written with a leading "|" and is not one; a story line is not a run of short items. An
    # en dash is typeset prose, not a menu: "Inside: Helium – radiation pressure – …" lists a podcast's topics.
    "menu_line": re.compile(
        r"^(?:" + _MENU_ITEM + r")\s([|•·-])\s(?:" + _MENU_ITEM + r"\s\1\s){3,}" + _MENU_ITEM + r"(?:\s\1)?$"
    ),
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
    in_related_list = False
    in_page_source = False
    lines = [line for line in map(normalise_line, repair_text(text).splitlines()) if line]
    # Several bare date lines are a schedule's (dates, places, times of events), not the page's stamps.
    schedule = sum(1 for line in lines if _BARE_DATE_LINE.match(line)) >= _MIN_SCHEDULE_DATES
    for line in lines:
        if options.drop_residue:
            # Page source read as text: from a line that opens with the end tag of a script, noscript or
            # style element (the extractor took the inside of one, which holds markup and code), every line
            # is code until one reads as prose again.
            if _PAGE_SOURCE_START.match(line):
                in_page_source = True
                continue
            if in_page_source:
                if not _reads_as_prose(line):
                    continue
                in_page_source = False
            reason = residue_reason(line)
            if reason == "date_line" and schedule and _BARE_DATE_LINE.match(line):
                reason = None
            if reason:
                in_related_list = reason == "related_link" and not _HEADLINE_AFTER.search(line)
                continue
            # Under a bare "Related stories" header come the linked headlines (and their dates), up to
            # the first line that ends like a sentence: the story again, or a teaser that is one.
            if in_related_list and not ends_like_sentence(line) and word_count(line) <= _MAX_HEADLINE_WORDS:
                continue
            in_related_list = False
        paragraphs.append(line)
    return paragraphs


_PAGE_SOURCE_START = re.compile(r"</(?:script|noscript|style)>", re.I)
_CODE_CHARS = re.compile(r"[{}();=<>]")
_MIN_PROSE_WORDS = 12


def _reads_as_prose(line: str) -> bool:
    """A sentence of a dozen words or more with no character of code in it."""
    return ends_like_sentence(line) and word_count(line) >= _MIN_PROSE_WORDS and _CODE_CHARS.search(line) is None


# "Related: <headline>" links one story; "Related stories" or "Notas relacionadas:" heads a list.
_HEADLINE_AFTER = re.compile(r"[:|»>›-]\s*\w")
_MAX_HEADLINE_WORDS = 30


def normalise_text(text: str, options: NormaliseOptions = NormaliseOptions()) -> str:
    """Repaired, NFC, one paragraph per line; running it on its own output changes nothing."""
    cleaned = "\n".join(clean_lines(text, options))
    if cleaned == text:
        # Nothing changed: a second pass would read the same text again and give it back (most
        # extracted texts are clean already; the pass is half of this function's time).
        return cleaned
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
