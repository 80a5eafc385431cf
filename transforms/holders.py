"""Who holds a figure: the entity a sentence's syntax ties a figure to, and its role.

Only dependency paths count, never nearness: "the United States has 8,500 troops"
(subject of a verb of having: holder), "the 300 missiles that the United States
delivered to Ukraine" (subject of a verb of giving in a relative clause: giver),
"Ukraine will receive 31 tanks" (receiver), "Russia's 100,000 troops" (possessor:
holder). Anything else leaves the figure's entity NULL.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from transforms.records import EntityMention, Figure

__all__ = ["VERB_ROLES", "attach_holders", "could_have_holder", "find_holders", "find_holders_of"]


def verb_forms(role: str, *verbs: str) -> dict[str, str]:
    """'give/gives/gave/given/giving' -> role; the parser runs without the lemmatizer."""
    return {form: role for verb in verbs for form in verb.split("/")}


# Inflected forms, because the lemmatizer (and the tagger it needs) is not loaded.
VERB_ROLES = {
    **verb_forms(
        "holder",
        "have/has/had/having",
        "hold/holds/held/holding",
        "own/owns/owned/owning",
        "keep/keeps/kept/keeping",
        "employ/employs/employed/employing",
        "station/stations/stationed/stationing",
        "possess/possesses/possessed/possessing",
        "control/controls/controlled/controlling",
        "maintain/maintains/maintained/maintaining",
        "field/fields/fielded/fielding",
        "operate/operates/operated/operating",
    ),
    **verb_forms(
        "giver",
        "give/gives/gave/given/giving",
        "send/sends/sent/sending",
        "deliver/delivers/delivered/delivering",
        "provide/provides/provided/providing",
        "supply/supplies/supplied/supplying",
        "pledge/pledges/pledged/pledging",
        "promise/promises/promised/promising",
        "donate/donates/donated/donating",
        "sell/sells/sold/selling",
        "ship/ships/shipped/shipping",
        "export/exports/exported/exporting",
        "pay/pays/paid/paying",
        "lend/lends/lent/lending",
        "transfer/transfers/transferred/transferring",
        "grant/grants/granted/granting",
        "offer/offers/offered/offering",
        "contribute/contributes/contributed/contributing",
        "deploy/deploys/deployed/deploying",
        "commit/commits/committed/committing",
        "invest/invests/invested/investing",
        "spend/spends/spent/spending",
        "allocate/allocates/allocated/allocating",
    ),
    **verb_forms(
        "receiver",
        "receive/receives/received/receiving",
        "get/gets/got/gotten/getting",
        "obtain/obtains/obtained/obtaining",
        "buy/buys/bought/buying",
        "import/imports/imported/importing",
        "acquire/acquires/acquired/acquiring",
        "purchase/purchases/purchased/purchasing",
        "raise/raises/raised/raising",
        "earn/earns/earned/earning",
        "collect/collects/collected/collecting",
        "accept/accepts/accepted/accepting",
    ),
}
# Labels of entities that can hold, give or receive things.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "LOC", "NORP"})
# What marks a possessor ("Russia's 100,000 troops", "its 300 tanks"): a possessive word or an apostrophe.
POSSESSIVE_WORDS = frozenset("my your his her its our their whose".split())
APOSTROPHES = "'’ʼ`"
SUBJECTS = ("nsubj",)
OBJECTS = ("dobj", "obj")


def find_holders(nlp: Language, text: str, figures: list[Figure], mentions: list[EntityMention]) -> list[Figure]:
    """Figures with their holders, parsing only the sentences that could have one.

    The parser costs about as much as NER per sentence, and a holder needs a figure
    and an actor in the same sentence: most sentences of a story have neither.
    """
    return find_holders_of(nlp, [(text, figures, mentions)])[0]


def find_holders_of(
    nlp: Language,
    articles: Sequence[tuple[str, list[Figure], list[EntityMention]]],
    parsed: Sequence[Mapping[int, Doc]] | None = None,
) -> list[list[Figure]]:
    """`find_holders` of each (text, figures, mentions), the chosen sentences of all of them parsed in
    one `pipe` call: a call costs a few milliseconds whatever it holds, and a sentence's parse is the
    same whatever else is in its batch. `parsed`: for each article, sentences already parsed (by start
    offset; `transforms.figures.parsed_objects.find_objects_and_parses`), which are not parsed again."""
    if "parser" not in nlp.pipe_names:
        return [figures for _, figures, _ in articles]
    earlier = parsed if parsed is not None else [{} for _ in articles]
    chosen = [
        worth_parsing(nlp, text, figures, mentions, done)
        for (text, figures, mentions), done in zip(articles, earlier, strict=True)
    ]
    # Which sentences the parser reads is settled before it runs: `pipe` parses the Docs themselves, a
    # batch (`nlp.batch_size`) ahead of the one taken, so a sentence asked about afterwards would look
    # parsed already and every later sentence would take the parse of another (round 27, perf23).
    to_parse = [[not doc.has_annotation("DEP") for _, _, doc in sentences] for sentences in chosen]
    unparsed = [
        doc
        for sentences, unread in zip(chosen, to_parse, strict=True)
        for (_, _, doc), parse in zip(sentences, unread, strict=True)
        if parse
    ]
    parses = iter(nlp.pipe(unparsed, disable=["ner"]))
    return [
        with_holders(
            figures,
            mentions,
            [
                (start, end, next(parses) if parse else doc)
                for (start, end, doc), parse in zip(sentences, unread, strict=True)
            ],
        )
        for (_, figures, mentions), sentences, unread in zip(articles, chosen, to_parse, strict=True)
    ]


def worth_parsing(
    nlp: Language,
    text: str,
    figures: list[Figure],
    mentions: list[EntityMention],
    parsed: Mapping[int, Doc] | None = None,
) -> list[tuple[int, int, Doc]]:
    """The sentences holding a figure and an actor whose tokens could give a holder, tokenised once:
    the tokens say whether the parse could tie anything (`could_have_holder`), and the parser reads
    the same Doc. A sentence in `parsed` (by start) keeps that parse."""
    sentences = []
    for start, end in sentences_to_parse(text, figures, mentions):
        earlier = parsed.get(start) if parsed else None
        if earlier is None or earlier.text != text[start:end]:
            earlier = nlp.make_doc(text[start:end])
        sentences.append((start, end, earlier))
    return [(start, end, doc) for start, end, doc in sentences if could_have_holder(doc)]


def with_holders(
    figures: list[Figure], mentions: list[EntityMention], parsed: list[tuple[int, int, Doc]]
) -> list[Figure]:
    """The figures, each with the holder its parsed sentence (start, end, parse) gives it, if any."""
    # Figures are in text order, mentions nearly so (spaCy's entities): each sentence takes its own
    # by bisection, not by a scan of the whole article's lists.
    figures_by_start = sorted(figures, key=lambda f: f.char_start)
    mentions_by_start = sorted(mentions, key=lambda m: m.char_start)
    figure_starts = [f.char_start for f in figures_by_start]
    mention_starts = [m.char_start for m in mentions_by_start]
    found: dict[str, Figure] = {}
    for start, end, doc in parsed:
        inside = [
            shift(f, -start)
            for f in figures_by_start[bisect_left(figure_starts, start) : bisect_right(figure_starts, end)]
            if f.char_end <= end
        ]
        near = [
            shift(m, -start)
            for m in mentions_by_start[bisect_left(mention_starts, start) : bisect_right(mention_starts, end)]
            if m.char_end <= end
        ]
        found.update((f.figure_id, f) for f in attach_holders(doc, inside, near) if f.entity_id)
    return [
        replace(f, entity_id=found[f.figure_id].entity_id, role=found[f.figure_id].role) if f.figure_id in found else f
        for f in figures
    ]


def could_have_holder(sentence: Doc) -> bool:
    """Whether `holder_of` could find a holder in the sentence, from its tokens alone.

    Every tie but one goes through a verb of `VERB_ROLES` (object, passive subject, relative clause),
    and the parser cannot make a token that is not one of those verbs one; the other is a possessor,
    which English marks with 's (or ') or a possessive word. A sentence with neither, most sentences
    with a figure and a name in news copy, is not parsed: its figures would keep no holder anyway.
    """
    return any(
        token.lower_ in VERB_ROLES
        or token.lower_ in POSSESSIVE_WORDS
        or any(mark in token.text for mark in APOSTROPHES)
        for token in sentence
    )


def sentences_to_parse(text: str, figures: list[Figure], mentions: list[EntityMention]) -> list[tuple[int, int]]:
    """Character ranges of the sentences holding both a figure and an actor mention."""
    ranges = set()
    for figure in figures:
        # The last occurrence of the sentence that starts at or before the figure.
        start = text.rfind(figure.sentence, 0, figure.char_start + len(figure.sentence))
        if start < 0 or start + len(figure.sentence) < figure.char_end:
            continue
        end = start + len(figure.sentence)
        if any(m.label in ACTOR_LABELS and start <= m.char_start and m.char_end <= end for m in mentions):
            ranges.add((start, end))
    return sorted(ranges)


def shift(item, offset: int):
    return replace(item, char_start=item.char_start + offset, char_end=item.char_end + offset)


def attach_holders(doc: Doc, figures: list[Figure], mentions: list[EntityMention]) -> list[Figure]:
    """Each figure with the entity and role its sentence's syntax gives it; the rest unchanged."""
    if not doc.has_annotation("DEP"):
        return figures
    mention_at = {}
    for mention in mentions:
        if mention.label in ACTOR_LABELS:
            for char in range(mention.char_start, mention.char_end):
                mention_at[char] = mention
    attached = []
    for figure in figures:
        span = doc.char_span(figure.char_start, figure.char_end, alignment_mode="expand")
        found = holder_of(span.root, mention_at) if span is not None and len(span) else None
        if found is not None and not overlaps(found[0], figure):
            figure = replace(figure, entity_id=found[0].entity_id, role=found[1])
        attached.append(figure)
    return attached


def overlaps(mention: EntityMention, figure: Figure) -> bool:
    return mention.char_start < figure.char_end and figure.char_start < mention.char_end


def holder_of(root: Token, mention_at: dict[int, EntityMention]) -> tuple[EntityMention, str] | None:
    """(mention, role) for the figure whose phrase is headed by root, or None."""
    # "Russia's 100,000 troops": the possessor holds them.
    for child in root.children:
        if child.dep_ == "poss":
            found = entity_at(child, mention_at)
            if found is not None:
                return found, "holder"
    verb = root.head
    if root.dep_ in OBJECTS and verb.lower_ in VERB_ROLES:
        # "the United States has 8,500 troops": the subject holds, gives or receives them.
        subject = subject_of(verb)
        found = entity_at(subject, mention_at) if subject is not None else None
        if found is not None:
            return found, VERB_ROLES[verb.lower_]
    if root.dep_ == "nsubjpass" and VERB_ROLES.get(verb.lower_) == "giver":
        # "8,500 troops were sent by the US to Poland": the agent gives, "to" receives.
        for child in verb.children:
            if child.dep_ == "agent":
                found = first_object_entity(child, mention_at)
                if found is not None:
                    return found, "giver"
        for child in verb.children:
            if child.dep_ in ("prep", "dative") and child.lower_ == "to":
                found = first_object_entity(child, mention_at)
                if found is not None:
                    return found, "receiver"
    for clause in (child for member in coordination(root) for child in member.children):
        # "the 300 missiles that the United States delivered": the clause's subject. A relative
        # clause after a list ("300 missiles, 800 bombs and ... that the US delivered") is
        # attached by the parser to one member; it describes them all.
        if clause.dep_ == "relcl" and clause.lower_ in VERB_ROLES:
            subject = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
            found = entity_at(subject, mention_at) if subject is not None else None
            if found is not None:
                return found, VERB_ROLES[clause.lower_]
    return None


def coordination(noun: Token) -> list[Token]:
    """The noun and the nouns coordinated with it ('missiles, bombs and munitions')."""
    first = noun
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    members, todo = [], [first]
    while todo:
        member = todo.pop()
        members.append(member)
        todo += [child for child in member.children if child.dep_ == "conj"]
    return members


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or the subject it shares: 'agreed to pay' (xcomp), 'and sold' (conj)."""
    while True:
        subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
        if subject is not None or verb.dep_ not in ("xcomp", "conj") or verb.head is verb:
            return subject
        verb = verb.head


def entity_at(token: Token, mention_at: dict[int, EntityMention]) -> EntityMention | None:
    """The mention covering the token, or covering its apposition ('Its founder, Jeff Bezos')."""
    found = mention_at.get(token.idx)
    if found is not None:
        return found
    for child in token.children:
        if child.dep_ == "appos":
            found = mention_at.get(child.idx)
            if found is not None:
                return found
    return None


def first_object_entity(preposition: Token, mention_at: dict[int, EntityMention]) -> EntityMention | None:
    for child in preposition.children:
        if child.dep_ == "pobj":
            return entity_at(child, mention_at)
    return None
