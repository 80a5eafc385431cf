"""Named entities: spaCy finds spans, these rules give each span one canonical entity.

Three steps, each usable alone so `make eval` can price it:
`span_names` (the model's spans as written), `clean_names` (rules: titles, possessives,
leading articles, demonyms) and `canonicalise` (gazetteer and within-article resolution:
countries to ISO 3166, organisation variants, surnames to full names, one label per name).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pycountry
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from transforms.ids import entity_id_for
from transforms.options import EntityOptions
from transforms.records import Entity, EntityMention

# Numbers and dates are the figure parser's job, not entities.
NUMERIC_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A one-word span with one of these labels may be the surname of a person named in full
# elsewhere in the article: the small model often calls a lone surname ORG or GPE.
SHORT_FORM_LABELS = frozenset({"PERSON", "ORG", "LOC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})

# Words in front of a name that are a role, not part of it ("President Joe Biden").
# Royal and religious titles stay: "King Charles" and "Pope Francis" are how they are named.
PERSON_TITLES = frozenset(
    """
president vice prime minister secretary press senator sen. sen representative rep. rep governor gov. gov
mayor chancellor general gen. gen colonel col. col captain capt. capt lieutenant lt. sergeant sgt. admiral
adm. ambassador diplomat judge justice mr. mr mrs. mrs ms. ms miss dr. dr prof. prof professor sir dame
lord lady chief director spokesman spokeswoman spokesperson commissioner inspector detective officer
chairman chairwoman chair ceo cfo coo executive founder leader premier president-elect deputy former
late minister-president congressman congresswoman councillor councilman councilwoman attorney coach
manager striker midfielder defender goalkeeper star singer actor actress author analyst economist
""".split()
)
# Lower-case words inside a name ("Vincent van Gogh", "Margherita della Valle").
NAME_PARTICLES = frozenset("van von der den de da das dos del della di du la le ter ten bin ibn al el".split())

# How news copy writes countries that pycountry does not spell that way. Keys are
# lower case with dots removed.
COUNTRY_ALIASES = {
    "us": "US",
    "usa": "US",
    "america": "US",
    "united states of america": "US",
    "the states": "US",
    "uk": "GB",
    "britain": "GB",
    "great britain": "GB",
    "russia": "RU",
    "turkey": "TR",
    "holland": "NL",
    "ivory coast": "CI",
    "czech republic": "CZ",
    "burma": "MM",
    "macedonia": "MK",
    "swaziland": "SZ",
    "cape verde": "CV",
    "vatican": "VA",
    "east timor": "TL",
    "palestine": "PS",
    "palestinian territories": "PS",
    "uae": "AE",
    "emirates": "AE",
    "drc": "CD",
    "dr congo": "CD",
    "democratic republic of congo": "CD",
    "democratic republic of the congo": "CD",
    "republic of congo": "CG",
    "congo-brazzaville": "CG",
    "brunei": "BN",
    "micronesia": "FM",
    "gambia": "GM",
    "bahamas": "BS",
    "netherlands": "NL",
    "south korea": "KR",
    "north korea": "KP",
    "prc": "CN",
    "mainland china": "CN",
}
# Names to show for countries whose ISO name reads like an index entry.
COUNTRY_DISPLAY_NAMES = {
    "RU": "Russia",
    "PS": "Palestine",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "BN": "Brunei",
    "FM": "Micronesia",
    "VA": "Vatican City",
    "TR": "Turkey",
    "GB": "United Kingdom",
    "US": "United States",
    "CZ": "Czech Republic",
    "MK": "North Macedonia",
}

# Places other than countries with an older or foreign spelling still common in news
# copy; the name is the one the place's own government uses in English. Keys lower case.
PLACE_ALIASES = {
    "kiev": "Kyiv",
    "odessa": "Odesa",
    "kharkov": "Kharkiv",
    "lvov": "Lviv",
    "lwow": "Lviv",
    "nikolaev": "Mykolaiv",
    "zaporozhye": "Zaporizhzhia",
    "dnepropetrovsk": "Dnipro",
    "dnipropetrovsk": "Dnipro",
    "bombay": "Mumbai",
    "calcutta": "Kolkata",
    "madras": "Chennai",
    "bangalore": "Bengaluru",
    "peking": "Beijing",
    "canton": "Guangzhou",
    "saigon": "Ho Chi Minh City",
    "rangoon": "Yangon",
    "new york city": "New York",
    "nyc": "New York",
    "washington dc": "Washington",
    "washington, dc": "Washington",
}

# Organisations written several ways; keys lower case with dots removed.
ORG_ALIASES = {
    "un": "United Nations",
    "united nations": "United Nations",
    "eu": "European Union",
    "european union": "European Union",
    "north atlantic treaty organization": "NATO",
    "north atlantic treaty organisation": "NATO",
    "who": "World Health Organization",
    "world health organisation": "World Health Organization",
    "imf": "International Monetary Fund",
    "ecb": "European Central Bank",
    "federal bureau of investigation": "FBI",
    "central intelligence agency": "CIA",
    "us state department": "State Department",
    "department of state": "State Department",
    "us department of defense": "Pentagon",
    "department of defense": "Pentagon",
    "us defense department": "Pentagon",
    "defense department": "Pentagon",
    "organization of the petroleum exporting countries": "OPEC",
}

# Demonyms the suffix rule below misses; spans the model labels as places that are
# one of these are peoples and adjectives (NORP), not places.
DEMONYMS = frozenset(
    """
american americans german germans mexican mexicans african africans cuban cubans moroccan moroccans
kenyan kenyans ugandan ugandans afghan afghans israeli israelis iraqi iraqis saudi saudis yemeni yemenis
kuwaiti kuwaitis qatari qataris emirati emiratis pakistani pakistanis bangladeshi bangladeshis nepali
somali somalis french dutch swiss greek greeks thai welsh irish czech czechs slovak slovaks serb serbs
croat croats pole poles turk turks dane danes swede swedes finn finns brit brits european europeans
""".split()
)
_DEMONYM_SUFFIX = re.compile(r"(?:ian|ean|ese|ish)s?$")

_POSSESSIVE = re.compile(r"(?:[’']s|(?<=s)[’'])$")
_LEADING_ARTICLE = re.compile(r"^the\s+", re.I)
_DOTTED_ACRONYM = re.compile(r"^(?:[A-Za-z]\.){2,}$")
_EDGE_PUNCTUATION = " .,;:-–—\"“”'‘’()[]"


@dataclass(frozen=True, slots=True)
class Span:
    """A model's entity span: its text, label and character offsets."""

    surface: str
    label: str
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class NamedSpan:
    """A span with the name and label it stands for (and a country's ISO 3166 alpha-2 code)."""

    span: Span
    label: str
    name: str
    country_code: str | None = None


class UnknownModel(ValueError):
    """The NER model named is neither an installed spaCy pipeline package nor a model folder."""


def check_model(model: str) -> None:
    """Raise UnknownModel at once, before any document is read, rather than deep inside spaCy."""
    if not (spacy.util.is_package(model) or Path(model).is_dir()):
        raise UnknownModel(f"NER model {model!r} is not an installed spaCy pipeline package (or a model folder)")


def load_ner(options: EntityOptions) -> Language:
    """The model with only what NER (and, with syntax, the parser) needs.

    The small English model's NER has its own embedding layer; the shared tok2vec
    feeds only the tagger and the parser, so without syntax it is dropped too.
    """
    check_model(options.model)
    nlp = spacy.load(options.model)
    keep = {"ner", "tok2vec", "parser"} if options.syntax else {"ner"}
    nlp.select_pipes(enable=[name for name in nlp.pipe_names if name in keep])
    return nlp


def read_text(nlp: Language, text: str, options: EntityOptions) -> Doc:
    """Entities of the text; the parser, when loaded, runs later on chosen sentences only."""
    return nlp(text[: options.max_chars], disable=[p for p in ("tok2vec", "parser") if p in nlp.pipe_names])


def read_texts(nlp: Language, texts: Iterable[str], options: EntityOptions, batch_size: int = 16) -> Iterator[Doc]:
    """`read_text` of each text, in order, through `nlp.pipe`: the model runs on batches of texts,
    which costs less per text than one call each; each text's entities are the same either way."""
    skip = [p for p in ("tok2vec", "parser") if p in nlp.pipe_names]
    return nlp.pipe((text[: options.max_chars] for text in texts), disable=skip, batch_size=batch_size)


def spans_of(doc: Doc) -> list[Span]:
    return [Span(ent.text, ent.label_, ent.start_char, ent.end_char) for ent in doc.ents]


def recognise_spans(nlp: Language, text: str, options: EntityOptions) -> list[Span]:
    return spans_of(read_text(nlp, text, options))


def canonical_label(model_label: str) -> str | None:
    if model_label in NUMERIC_LABELS:
        return None
    return "LOC" if model_label in PLACE_LABELS else model_label


# --- Step 1: the model's spans as written ------------------------------------------------------


def span_names(spans: list[Span]) -> list[NamedSpan]:
    """Each non-numeric span named by its text, with the project's label; no rules."""
    named = []
    for span in spans:
        label = canonical_label(span.label)
        name = " ".join(span.surface.split())
        if label is not None and name:
            named.append(NamedSpan(span, label, name))
    return named


# --- Step 2: rules on each span ------------------------------------------------------------------


def clean_name(surface: str, label: str) -> str:
    """Whitespace, leading 'the', possessive, dotted acronyms, and a person's titles removed."""
    name = " ".join(surface.split()).strip(_EDGE_PUNCTUATION + " ")
    name = _POSSESSIVE.sub("", name)
    name = _LEADING_ARTICLE.sub("", name)
    if label == "PERSON":
        name = strip_titles(name)
    if _DOTTED_ACRONYM.match(name):
        name = name.replace(".", "")
    return name.strip(_EDGE_PUNCTUATION)


def strip_titles(name: str) -> str:
    """Keep what follows the last title or lower-case word ('Pentagon press secretary John Kirby')."""
    words = name.split()
    cut = 0
    for n, word in enumerate(words[:-1]):
        low = word.casefold()
        if low in PERSON_TITLES or (word[:1].islower() and low not in NAME_PARTICLES):
            cut = n + 1
    return " ".join(words[cut:])


def is_plausible_name(name: str) -> bool:
    """A name has a capital letter and a few letters; 'n’t' or '—' are tokenizer debris."""
    return len(name) >= 2 and any(ch.isupper() for ch in name) and sum(ch.isalpha() for ch in name) >= 2


def is_demonym(name: str) -> bool:
    """'Russian', 'Ukrainians', 'French': a people or an adjective, not a place."""
    low = name.casefold()
    return " " not in low and (low in DEMONYMS or bool(_DEMONYM_SUFFIX.search(low)))


def clean_names(named: list[NamedSpan]) -> list[NamedSpan]:
    cleaned = []
    for item in named:
        name = clean_name(item.span.surface, item.label)
        if not is_plausible_name(name):
            continue
        label = item.label
        if label == "LOC" and country_code_of(name) is None and is_demonym(name):
            label = "NORP"
        cleaned.append(replace(item, label=label, name=name))
    return cleaned


# --- Step 3: canonical names ----------------------------------------------------------------------


def alias_key(name: str) -> str:
    return " ".join(name.casefold().replace(".", "").split())


def _country_index() -> dict[str, str]:
    index = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                index[alias_key(value)] = country.alpha_2
    index.update(COUNTRY_ALIASES)
    return index


COUNTRY_CODES_BY_NAME = _country_index()


def country_code_of(name: str) -> str | None:
    return COUNTRY_CODES_BY_NAME.get(alias_key(name))


def country_name(code: str) -> str:
    if code in COUNTRY_DISPLAY_NAMES:
        return COUNTRY_DISPLAY_NAMES[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        raise LookupError(f"{code!r} is not an ISO 3166 country code")
    return getattr(country, "common_name", None) or country.name


def gazetteer_name(item: NamedSpan) -> NamedSpan:
    """Countries to their ISO code and one name; organisations' common variants to one name."""
    if item.label in ("LOC", "ORG", "NORP"):
        # A model may call a country an organisation ("the US said"). Not a person:
        # "Chad" or "Jordan" alone, labelled PERSON, is more likely someone's name.
        code = country_code_of(item.name)
        if code is not None:
            return replace(item, label="LOC", name=country_name(code), country_code=code)
    if item.label == "LOC" and alias_key(item.name) in PLACE_ALIASES:
        return replace(item, name=PLACE_ALIASES[alias_key(item.name)])
    if item.label in ("ORG", "LOC", "NORP"):
        canonical = ORG_ALIASES.get(alias_key(item.name))
        if canonical is not None:
            return replace(item, label="ORG", name=canonical)
    return item


def full_name_index(named: list[NamedSpan]) -> dict[tuple[str, ...], str]:
    """Trailing words of each full person name ('Kirby', 'Della Valle') -> the full name, if unique."""
    seen: dict[tuple[str, ...], set[str]] = {}
    for item in named:
        words = tuple(word.casefold() for word in item.name.split())
        if item.label != "PERSON" or len(words) < 2:
            continue
        for k in range(1, len(words)):
            seen.setdefault(words[-k:], set()).add(item.name)
    return {tail: next(iter(full)) for tail, full in seen.items() if len(full) == 1}


def resolve_short_forms(named: list[NamedSpan]) -> list[NamedSpan]:
    """A surname or short form takes the article's full name, whatever label the model gave it."""
    full_names = full_name_index(named)
    resolved = []
    for item in named:
        key = tuple(word.casefold() for word in item.name.split())
        full = full_names.get(key)
        if full is not None and item.country_code is None and item.label in SHORT_FORM_LABELS:
            item = replace(item, label="PERSON", name=full)
        resolved.append(item)
    return resolved


def one_label_per_name(named: list[NamedSpan]) -> list[NamedSpan]:
    """The model can label one name two ways in one article; the most frequent label wins."""
    votes: dict[str, Counter] = {}
    for item in named:
        votes.setdefault(alias_key(item.name), Counter())[item.label] += 1
    chosen = {key: counts.most_common(1)[0][0] for key, counts in votes.items()}
    return [
        item if item.country_code is not None else replace(item, label=chosen[alias_key(item.name)]) for item in named
    ]


def canonicalise(named: list[NamedSpan]) -> list[NamedSpan]:
    return resolve_short_forms(one_label_per_name([gazetteer_name(item) for item in named]))


def entity_id_of(item: NamedSpan) -> str:
    # A country is known by its code, so its id survives a change of display name.
    if item.country_code is not None:
        return entity_id_for("LOC", f"iso3166:{item.country_code}")
    return entity_id_for(item.label, item.name)


def resolve_mentions(spans: list[Span], article_id: str) -> tuple[list[EntityMention], list[Entity]]:
    """One canonical entity per span; short names resolve to the article's full name."""
    mentions: list[EntityMention] = []
    entities: dict[str, Entity] = {}
    for item in canonicalise(clean_names(span_names(spans))):
        entity_id = entity_id_of(item)
        entities.setdefault(
            entity_id, Entity(entity_id=entity_id, name=item.name, label=item.label, country_code=item.country_code)
        )
        span = item.span
        mentions.append(
            EntityMention(
                article_id=article_id,
                entity_id=entity_id,
                surface=span.surface,
                label=item.label,
                char_start=span.char_start,
                char_end=span.char_end,
            )
        )
    return mentions, list(entities.values())
