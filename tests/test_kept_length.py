"""bench/kept_length.py: where a kept text's words beyond its truth sit."""

from __future__ import annotations

from bench.kept_length import kept_length, long_pages

STORY = (
    "The harbour board voted on Tuesday to spend four million pounds on new cranes.\n"
    "The dockers' union welcomed the vote after a long dispute over the pace of modernisation."
)


def test_extra_lines_are_placed_before_inside_and_after_the_truth():
    kept = "\n".join(
        [
            "Home | News | Sport",
            "The harbour board voted on Tuesday to spend four million pounds on new cranes.",
            "Photo: the old cranes at dusk",
            "The dockers' union welcomed the vote after a long dispute over the pace of modernisation.",
            "- quaywatcher1 About time too, the old ones were rusting away. Reply",
        ]
    )
    page = kept_length("cranes", kept, STORY)
    assert page.before == ["Home | News | Sport"]
    assert page.inside == ["Photo: the old cranes at dusk"]
    assert page.after == ["- quaywatcher1 About time too, the old ones were rusting away. Reply"]
    assert page.recall == 1.0
    assert page.truth_words == len(STORY.split())


def test_only_pages_over_the_ratio_are_listed_longest_first():
    long_story = STORY + "\n" + "\n".join(f"Teaser headline number {n} about another story." for n in range(30))
    pairs = [("same", STORY, STORY), ("long", long_story, STORY), ("rejected", "", STORY)]
    listed = long_pages(pairs, 1.5)
    assert [page.name for page in listed] == ["long"]
    assert listed[0].ratio > 3
