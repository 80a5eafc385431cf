"""Notes around a story: biographies and contact lines closing it, disclosures at either end."""

from __future__ import annotations

from dataclasses import replace

import pytest
import spacy

from transforms.ids import doc_id_for
from transforms.notes import drop_notes, note_kind
from transforms.options import EntityOptions, NormaliseOptions, PipelineOptions
from transforms.pipeline import ProcessedDocument, process_document
from transforms.records import RawDocument

STORY = [
    "The harbour board voted on Tuesday to spend four million pounds on new cranes for the eastern quay.",
    "The vote ends a long dispute with the dockers' union over the pace of modernisation at the port.",
    "Work on the first crane is due to start in the spring, the board's chairman told reporters.",
]

# A note that each rule drops at the text's end, and a story paragraph like it that stays there.
CLOSING_NOTES = [
    (
        "Mary Quay is a senior reporter for the Harbour Times, covering the port and its unions.",
        "Mary Quay is a crane driver on the eastern quay, and she has worked there for twenty years.",
    ),
    (
        "Tom Dock writes about shipping and the docks for the Harbour Times and its weekly edition.",
        "Tom Dock wrote to the board in March to ask for the vote to be held in public.",
    ),
    (
        "Mary Quay can be reached at mquay@harbourtimes.example. Follow her on X at @maryquay.",
        "The union said its members could be reached through the branch office on the quay.",
    ),
    (
        "—Contact reporter Tom Dock at tdock@harbourtimes.example",
        "Contact between the union and the board had broken down by the end of last year.",
    ),
    (
        "When you buy something through our retail links, we may earn an affiliate commission.",
        "The crane maker said it would earn a fee of two million pounds for the work.",
    ),
    (
        "The views expressed in this column are not necessarily those of the Harbour Times.",
        "The views expressed by the dockers at Monday's meeting are those of a frustrated workforce.",
    ),
    (
        "This post contains affiliate links, which means we may earn a small commission.",
        "US affiliate programs of the crane maker will pay the union's training costs.",
    ),
]


@pytest.mark.parametrize(("note", "story_line"), CLOSING_NOTES)
def test_a_note_closing_the_story_is_dropped_and_a_story_line_like_it_stays(note, story_line):
    assert drop_notes("\n".join([*STORY, note])) == "\n".join(STORY)
    kept = "\n".join([*STORY, story_line])
    assert drop_notes(kept) == kept


def test_a_disclosure_opening_the_story_is_dropped():
    disclosure = "All products featured here are independently selected by our editors."
    assert drop_notes("\n".join([disclosure, *STORY])) == "\n".join(STORY)


def test_a_biography_is_dropped_only_at_the_end():
    """The same paragraph followed by story paragraphs is the story's (a profile of a reporter)."""
    note = CLOSING_NOTES[0][0]
    text = "\n".join([STORY[0], note, *STORY[1:]])
    assert drop_notes(text) == text
    assert note_kind(note, 0, 3) is None


def test_a_biography_in_the_first_person_is_the_writers_own_closing_words():
    text = "\n".join([*STORY, "I am a reporter for the Harbour Times and we have covered the port since 1990."])
    assert drop_notes(text) == text


def test_the_run_of_notes_closing_the_text_goes_and_the_story_before_it_stays():
    notes = [CLOSING_NOTES[4][0], CLOSING_NOTES[0][0], CLOSING_NOTES[2][0]]
    assert drop_notes("\n".join([*STORY, *notes])) == "\n".join(STORY)


def test_a_text_of_one_paragraph_is_left_to_the_length_rules():
    assert drop_notes(CLOSING_NOTES[0][0]) == CLOSING_NOTES[0][0]


def test_the_pipeline_drops_notes_unless_told_not_to():
    paragraphs = "".join(f"<p>{line} {line}</p>" for line in STORY)
    html = (
        "<html><head><title>Cranes</title></head><body><article><h1>Cranes for the quay</h1>"
        f"{paragraphs}<p><em>{CLOSING_NOTES[0][0]}</em></p></article></body></html>"
    ).encode()
    document = RawDocument(doc_id=doc_id_for(html), source="mem", url=None, content=html, media_type="text/html")
    options = PipelineOptions(entities=EntityOptions(languages=()))
    nlp = spacy.blank("en")
    texts = []
    for drop in (True, False):
        result = process_document(document, nlp, replace(options, normalise=NormaliseOptions(drop_notes=drop)))
        assert isinstance(result, ProcessedDocument), result
        texts.append(result.article.text)
    assert "senior reporter" not in texts[0] and "eastern quay" in texts[0]
    assert "senior reporter" in texts[1]
