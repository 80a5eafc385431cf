"""Objects of prices, shares and sizes on pages that sell or advise (issue 12, round 32, objects50).

Every figure slice the rules were tuned on was chosen as news; shopping guides, product reviews, price guides and
how-to posts were set aside. Twenty such pages of WCXB's development split (`--source wcxb --set dev2`) showed the
object rules weakest where such pages say what costs what: the thing priced is the subject of a verb of pricing
("Custom backsplashes ... can cost $1,500 to $5,000", "The costs for these simpler projects typically range between
$100 and $300"), or the noun a price is "at" ("the Canon RF 50 mm 1.4 L VCM lens at $1400"); a company's share of a
market is said with a verb of holding ("Google secured 15% market share"); and spec lists and price tables set a value
on its own line under its label ("Chihuahua" / "$11.16").

The rules that read the parse take the sentence as `parsed_objects` parses it and run after its rules, where those
gave no object (or only "market share" for a share); the line rule reads the text. They are called from
`parsed_objects.find_objects_and_parses` (that module imports this one where it runs: this one reads its helpers).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from transforms.figures.objects import PERSONAL_PRONOUNS
from transforms.figures.parsed_objects import (
    COMPARED_FORMS,
    COPULAS,
    EMPTY_HEADS,
    LEVEL_NOUNS,
    RELATIVE_PRONOUNS,
    SPEED_UNITS,
    coordinated_phrase,
    figure_head,
    first_child,
    is_nominal,
    subject_of,
    verb_forms,
)
from transforms.records import Figure

# Verbs whose subject is the thing a sum after them prices: "costs $800", "range from $8 to $30", "hovers around $62",
# "start from S$2,000", "retails for about $1,300", "runs about $40". Not "come in at": "people are coming in at
# $3,500" says what they offer.
PRICING_VERBS = verb_forms(
    "cost/costs/costing",
    "range/ranges/ranged/ranging",
    "start/starts/started/starting",
    "hover/hovers/hovered/hovering",
    "retail/retails/retailed/retailing",
    "run/runs/ran/running",
    "average/averages/averaged/averaging",
)
# Prepositions and hedges a price hangs on between its verb and itself ("range between", "hovers around").
PRICE_LINKS = frozenset("between from around about at to under over for".split())
# Heads that only say a sum is a price: the thing priced is their "of" or "for" ("the average cost of dog insurance",
# "The costs for these simpler projects").
PRICE_HEADS = frozenset("cost costs price prices pricing".split())
# Prepositions a price is said with after the thing it prices ("the lens at $1400", "our START plan at $49/month").
PRICED_AT = frozenset({"at"})
# Dependencies of a word that heads a clause rather than a noun phrase (the parse runs without a tagger).
CLAUSE_DEPS = frozenset("ROOT conj xcomp advcl relcl acl ccomp pcomp".split())
NOUN_DEPS = frozenset("nsubj nsubjpass dobj pobj attr appos".split())
NOT_PRICED = PERSONAL_PRONOUNS | EMPTY_HEADS | RELATIVE_PRONOUNS


def priced_thing(noun: Token | None) -> Token | None:
    """The thing a price's subject names: the "of"/"for" noun of a price head, the object of a gerund ("Painting
    walls", "reinforcing a foundation"), else the subject itself; None for a pronoun."""
    if noun is None or not is_nominal(noun) or noun.lower_ in NOT_PRICED:
        return None
    if noun.lower_ in PRICE_HEADS:
        said = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("of", "for")), None)
        thing = first_child(said, ("pobj",)) if said is not None else None
        return thing if thing is not None and is_nominal(thing) and thing.lower_ not in NOT_PRICED else None
    if noun.lower_.endswith("ing"):
        done = first_child(noun, ("dobj",))
        return done if done is not None and is_nominal(done) else None
    return noun


def pricing_subject(head: Token) -> Token | None:
    """The thing a sum prices when a verb of pricing (`PRICING_VERBS`) says the sum of its subject: "Custom
    backsplashes ... can cost $1,500 to $5,000" -> backsplashes, "The costs for these simpler projects typically range
    between $100 and $300" -> projects, "adding new vinyl flooring could cost $3,000" -> vinyl flooring.

    Fires on every page that says what something costs (price guides, reviews, news of fares, rents and fees:
    "Tickets cost $25", "Rents range from $900 to $1,400", "The average price of a home hovers around $400,000")."""
    link = head
    if head.dep_ == "pobj" and head.head.lower_ in PRICE_LINKS and head.head.dep_ == "prep":
        link = head.head  # "range between $100", "hovers around $62"
    if link.dep_ == "prep" and link.lower_ in PRICE_LINKS:
        verb = link.head  # "between $100 and $300" whole: the figure's head is the preposition
    elif head.dep_ in ("dobj", "npadvmod"):
        verb = head.head
    else:
        return None
    if verb.lower_ not in PRICING_VERBS or verb.i > head.i:
        return None
    if any(c.dep_ in ("dative", "dobj") and c.i < head.i for c in verb.children):
        return None  # "costing the service several hundred pounds", "costs India about 86 dollars": a loss to someone
    gerund = first_child(verb, ("csubj",))  # "Adding new vinyl flooring could cost": what is added
    if gerund is not None:
        done = first_child(gerund, ("dobj",))
        return done if done is not None and is_nominal(done) else None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
    labelled = len(subjects) > 1 and any(t.text == ":" for t in verb.doc[subjects[0].i : subjects[-1].i])
    if labelled:  # "Solar Panels: ..., solar installation may cost": a label before a colon parsed as a subject
        return priced_thing(subjects[-1])
    return priced_thing(subject_of(verb))


def priced_at(head: Token) -> Token | None:
    """The noun a sum is said "at" after: the object of the verb the "at" hangs on ("I'd recommend the Canon RF 50 mm
    1.4 L VCM lens at $1400" -> lens), or the noun it hangs on ("our START plan at $49/month" -> START plan), either
    right before the "at". None where the "at" says a level reached ("closed at $50": no object before it; "a new
    low at $22.39") or follows a copula ("is a bit pricey ... at $200" was judged without object).

    Fires on shopping and review pages and on news of offers ("Apple sells the base model at $799", "tickets at $45
    each")."""
    link = head.head
    if head.dep_ != "pobj" or link.lower_ not in PRICED_AT or link.dep_ != "prep":
        return None
    owner = link.head
    if owner.dep_ in NOUN_DEPS and owner.right_edge.i == link.i - 1 and not owner.like_num:
        return priced_thing(owner) if owner.lower_ not in LEVEL_NOUNS else None
    if owner.dep_ not in CLAUSE_DEPS:
        return None
    done = first_child(owner, ("dobj",))
    if done is None or done.right_edge.i != link.i - 1 or done.lower_ in LEVEL_NOUNS:
        return None  # "to establish a new 52-week low at $22.39": a level reached, not a thing priced
    return priced_thing(done)


def rated_thing(head: Token, span: Span) -> str | None:
    """The thing a frame rate or a speed is of when it is said right after it, "at" it or "up to" it: "4K video at
    60 fps" -> 4K video (the noun the "at" hangs on, or the verb's object right before the "at": "get 6.2K video at 30
    fps"), "6K video up to 60 fps" (the measure set beside the noun, "up to" inside the figure) -> 6K video. None where
    a verb says the measure of its subject ("The train ran at 80 mph": other rules read the subject), after a level
    noun, or with a comma between.

    Fires on spec sentences of reviews (frame rates, speeds, capacities) and on news of weather and traffic ("winds up
    to 70 mph", "a car at 100 mph")."""
    if head.dep_ == "pobj" and head.head.lower_ == "at" and head.head.dep_ == "prep":
        link = head.head
        owner = link.head
        if owner.dep_ not in NOUN_DEPS and owner.dep_ in CLAUSE_DEPS:
            owner = first_child(owner, ("dobj",)) or owner  # "get 6.2K video at 30 fps"; not the verb itself
        before = link.i - 1
    elif head.dep_ == "appos" and head.head.i == span.start - 1 and span[0].lower_ == "up":
        owner, before = head.head, span.start - 1
    else:
        return None
    if owner.dep_ not in NOUN_DEPS or not is_nominal(owner) or owner.i != before or owner.lower_ in LEVEL_NOUNS:
        return None
    return glued_phrase(owner, span)


def compared_thing(span: Span) -> Token | None:
    """The noun a duration or a measure is compared to with a comparative and "than" right before it: the noun right
    before the comparative ("trips longer than one week", "distances (greater than 15 miles a day)") or the subject of
    a copula there ("If trips are shorter than three days" -> trips). None where a verb stands there ("lasted longer
    than three hours", "took longer than"): the time is the verb's, not a thing's.

    Fires on advice and spec pages (limits of trips, loads, distances) and on news ("sentences longer than ten years",
    "queues were longer than two hours", "buildings taller than 100 metres")."""
    doc = span.doc
    at = span.start - 1
    if at < 2 or doc[at].lower_ != "than" or doc[at - 1].lower_ not in COMPARED_FORMS:
        return None
    at -= 2
    while at > 0 and doc[at].text == "(":
        at -= 1
    if doc[at].lower_ in COPULAS and at > 0:
        at -= 1
        if doc[at].dep_ not in ("nsubj", "nsubjpass"):
            return None
    noun = doc[at]
    if noun.dep_ not in NOUN_DEPS or not is_nominal(noun) or noun.lower_ in NOT_PRICED:
        return None
    return noun


def glued_phrase(noun: Token, span: Span) -> str | None:
    """The noun with the words before it that modify it, a number kept where it is glued to the next word ("4K video":
    the tokenizer splits "4K", and `coordinated_phrase` drops numbers); determiners, possessors and free-standing
    numbers dropped. None for a pronoun, a noun inside the figure, or a phrase with punctuation other than hyphens."""
    doc = noun.doc
    if noun.lower_ in NOT_PRICED or span.start <= noun.i < span.end:
        return None
    first = noun.left_edge.i
    while first < noun.i and (
        doc[first].dep_ in ("det", "poss", "punct", "cc", "advmod") or (doc[first].like_num and doc[first].whitespace_)
    ):
        first += 1
    words = doc[first : noun.i + 1]
    if any(t.is_punct and t.text != "-" for t in words) or any(t.like_num and t.whitespace_ for t in words):
        return None
    return words.text


# Verbs a company holds its share of a market with: "Google secured 15% market share", "NVIDIA ... holding 92% of the
# market share", "IBM ... currently holds a 2% share in this market".
SHARE_HOLDING_VERBS = verb_forms(
    "hold/holds/held/holding",
    "secure/secures/secured/securing",
    "have/has/had/having",
    "command/commands/commanded/commanding",
    "capture/captures/captured/capturing",
    "control/controls/controlled/controlling",
    "take/takes/took/taking",
    "own/owns/owned/owning",
)
SHARE_WORDS = frozenset({"market share", "share"})


def share_holder(head: Token) -> Token | None:
    """The name that holds a share of a market (the standard: a company's market share is the company's), where the
    share is the object of a verb of holding whose subject is a capitalised name: "US-based hyperscaler Google
    secured 15% market share in 2024" -> Google; through a participle clause to the main verb's subject ("NVIDIA
    vastly led the data center GPU market, holding 92% of the market share" -> NVIDIA). None for a common noun
    ("the company holds 5%": the name is not in the sentence).

    Fires on business news of market shares ("Samsung holds 20% of the smartphone market share", "Airbus captured
    a 60% share")."""
    share = head.head
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        return None  # "92% of": the share is the "of" itself, read below
    if head.dep_ in ("nsubj", "dobj") and head.head.dep_ in CLAUSE_DEPS:
        share = head  # "holding 92% of the market share": the sum is the verb's object, the share its "of"
    verb = share.head if share.dep_ == "dobj" else None
    if verb is None or verb.lower_ not in SHARE_HOLDING_VERBS:
        return None
    if verb.dep_ in ("advcl", "conj", "xcomp") and first_child(verb, ("nsubj",)) is None:
        verb = verb.head
    # the capitalised one of the subjects the parse gives ("hyperscaler Google": both subjects of "secured")
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.text[:1].isupper()), None)
    if subject is None or subject.lower_ in NOT_PRICED:
        return None
    return subject


# Durations and measures a thing is compared to: "If trips are shorter than three days", "for trips longer than one
# week", "long distances (greater than 15 miles a day)". Round 32 (objects51).
COMPARED_TO_KINDS = frozenset({"duration", "measure"})

# Rates said of the noun right before them, "at" it or "up to" it: "4K video at 60 fps", "6K video up to 60 fps",
# "winds up to 70 mph". Frame rates and speeds only: a level said "at" ("the impacts at 7.2 degrees", "travelling at
# 32,000 feet") and a data rate ("exchanging data at 1.2 gigabits-per-second") were judged without object on news
# slices. Round 32 (objects51).
RATED_KINDS = frozenset({"measure"})
RATED_UNITS = SPEED_UNITS | {"FPS"}
RATED_WORDS = frozenset({"at", "up"})


def may_be_rated_at(figure: Figure) -> bool:
    """Whether `rated_thing` may give the figure an object: a frame rate or a speed with none."""
    return figure.kind in RATED_KINDS and figure.unit in RATED_UNITS and not figure.object


def may_be_compared_to(figure: Figure) -> bool:
    """Whether `compared_thing` may give the figure an object: a duration or a measure with none."""
    return figure.kind in COMPARED_TO_KINDS and not figure.object


def may_be_priced_or_held(figure: Figure) -> bool:
    """Whether these parse rules may give the figure an object: a sum with none, or a share said of "market share"."""
    said = (figure.object or "").lower()
    shared = said in SHARE_WORDS or said.endswith(" market share")  # "the data center GPU market share"
    return (figure.kind == "money" and not said) or (figure.kind == "percent" and shared)


def could_be_priced_or_held(sentence: Doc, figures: Sequence[Figure]) -> bool:
    """Whether the tokenised sentence has a word these rules read for one of its figures: a verb of pricing for any
    sum, "at" for a sum with no object, a verb of holding for a share said of "market share"
    (`may_be_priced_or_held`). Most sentences have none, and are not parsed for them."""
    words = {token.lower_ for token in sentence}
    bare = any(f.kind == "money" for f in figures if may_be_priced_or_held(f))
    priced = any(f.kind == "money" for f in figures) and bool(words & PRICING_VERBS)  # over a token rules' object too
    held = any(f.kind == "percent" for f in figures if may_be_priced_or_held(f))
    rated = any(may_be_rated_at(f) for f in figures) and bool(words & RATED_WORDS)
    rated = rated or (any(may_be_compared_to(f) for f in figures) and "than" in words)
    return priced or (bare and bool(words & PRICED_AT)) or (held and bool(words & SHARE_HOLDING_VERBS)) or rated


def price_or_share_object(doc: Doc, figure: Figure, start: int, named: str | None) -> str | None:
    """The object these rules give a money figure the other rules left without one (`pricing_subject`, `priced_at`) or
    gave a word after the sum where a verb of pricing names its subject, or a percent whose object is only "market
    share" (`share_holder`); else `named` as it stands."""
    said = named if named is not None else figure.object
    span = doc.char_span(figure.char_start - start, figure.char_end - start, alignment_mode="expand")
    if span is None or not len(span):
        return named
    head = figure_head(span)
    if figure.kind == "money" and said and named is not None:
        return named  # a parse rule's object stands ("rates ranging from $240 for a 30-minute ..." -> what it is for)
    if figure.kind == "money" and said:
        # a verb of pricing whose subject is the thing priced outranks a noun the token rules took after the sum ("per
        # room", an example "such as ... metal"); not one of the subject's own words, which they may have trimmed
        subject = pricing_subject(head)
        found = coordinated_phrase(subject, span) if subject is not None else None
        # not where either holds the other's words: the token rules may have trimmed the subject or kept its name
        # whole ("the One X costs $500": "One X", where the parse's phrase drops "One" as a number)
        own_words = (
            subject is not None
            and found is not None
            and (set(said.split()) <= set(found.split()) or subject.text in said.split())
        )
        return found if found and not own_words and span.start > subject.i else named  # type: ignore[union-attr]
    if may_be_rated_at(replace(figure, object=said or None)):  # round 32 (objects51)
        return rated_thing(head, span) or named
    if may_be_compared_to(replace(figure, object=said or None)):  # round 32 (objects51)
        thing = compared_thing(span)
        return (coordinated_phrase(thing, span) if thing is not None else None) or named
    if not may_be_priced_or_held(replace(figure, object=said or None)):
        return named
    if figure.kind == "percent":
        holder = share_holder(head)
        return holder_phrase(holder, span) if holder is not None else named
    thing = pricing_subject(head) or priced_at(head)
    found = coordinated_phrase(thing, span) if thing is not None else None
    # "such projects": "such" points back as "these" does, and goes as a determiner does
    return found.removeprefix("such ") if found else named


def holder_phrase(holder: Token, span: Span) -> str | None:
    """A share holder's name alone, with the capitalised words of the name right before it ("US-based hyperscaler
    Google" -> Google, "Travelers Insurance Group" whole): the standard keeps a name set after the common noun that
    says what it is, alone."""
    first = holder.i
    while first > 0 and holder.doc[first - 1].dep_ == "compound" and holder.doc[first - 1].text[:1].isupper():
        first -= 1
    if span.start <= holder.i < span.end or span.start <= first < span.end:
        return None
    return holder.doc[first : holder.i + 1].text


# A label on a line of its own: one to five words, no digit, no sentence punctuation at its end.
LABEL_LINE = re.compile(r"^[A-Za-z][A-Za-z&/'’()\- ]{0,60}$")
# Sums only: a measure's label names a property of a thing said elsewhere ("Weight: 221g" was judged without object,
# `parsed_objects.colon_labelled`), while a price table's row names the thing priced, as `row_labelled` reads it.
LINE_LABELLED_KINDS = frozenset({"money"})


def labelled_by_line(figure: Figure, text: str) -> Figure:
    """A sum alone on its line, with no object, given the line above it when that line is a short label ("Chihuahua" /
    "$11.16"): a price table kept as text one cell a line, whose row label `row_labelled` would give it in a piped
    table. Others as they are.

    Fires on price lists and rate tables of shopping, insurance and travel pages, and on news fact boxes ("Budget" /
    "$4.5 million"); not on a sum that shares its line with words, nor under a label of more than five words."""
    if figure.kind not in LINE_LABELLED_KINDS or figure.object is not None:
        return figure
    line_start = text.rfind("\n", 0, figure.char_start) + 1
    line_end = text.find("\n", figure.char_end)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:line_end].strip() != figure.surface.strip() or line_start == 0:
        return figure
    above_start = text.rfind("\n", 0, line_start - 1) + 1
    label = text[above_start : line_start - 1].strip()
    if not LABEL_LINE.match(label) or len(label.split()) > 5:
        return figure
    return replace(figure, object=label)


# Round 32 (objects51): a time spent doing something names the doing whole: "24 hours of GPS tracking", "its 320-hour
# solar-powered GPS tracking," -> GPS tracking, where the rules stop before the word in -ing; and a rate of doing it
# ("8 fps burst shooting and ..." -> burst shooting). Only where that word ends the phrase (a stop, a comma, a verb
# after it): "of debt maturing in 2025" says what the debt does.
ACTIVITY_KINDS = frozenset({"duration", "measure"})
ACTIVITY_AFTER = re.compile(r" ([a-z]{3,}ing)(?=[,.;:!?)]|$| (?:is|was|are|were|has|had|thanks|and|or|but)\b)")
# Words in -ing that open a phrase of their own or are no doing: "three hours during", "two days including".
NOT_ACTIVITIES = frozenset(
    "during including excluding following according regarding concerning pending being nothing something anything "
    "everything thing king ring spring string morning evening".split()
)


def activity_kept(figure: Figure, text: str) -> Figure:
    """A duration or a measure whose object the rules cut before the word in -ing that ends it given that word too
    ("roughly 85 hours of GPS recording thanks to" -> GPS recording); others as they are.

    Fires on reviews' battery and usage times and on news of time spent ("after 12 hours of police questioning", "two
    years of peace talks" stays as it is)."""
    if figure.kind not in ACTIVITY_KINDS or not figure.object:
        return figure
    after = text[figure.char_end : figure.char_end + 40 + len(figure.object)]
    at = after.find(figure.object)
    if at < 0 or len(after[:at].split()) > 1:  # the object right after the figure, or after one word ("of")
        return figure
    doing = ACTIVITY_AFTER.match(after, at + len(figure.object))
    if doing is None or doing.group(1) in NOT_ACTIVITIES:
        return figure
    return replace(figure, object=f"{figure.object} {doing.group(1)}")
