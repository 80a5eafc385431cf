"""bench/newspaper4k_figures.py: which newspaper4k pages rounds 29's to 31's figure golds hold, from the dataset's
fields."""

from __future__ import annotations

from bench.newspaper4k_figures import ENTITY_PAGES, figure_pages, ordered_pages, sha1


def page(id_: int, url: str, words: int = 100) -> dict:
    return {"id": id_, "url": url, "articleBody": "word " * words}


def test_eligible_pages_are_news_after_the_old_gold_short_present_and_unnamed_in_sha1_order_of_their_url():
    truth = {
        "a": page(200, "https://www.example.com/a"),
        "b": page(201, "https://www.example.com/b"),
        "old": page(140, "https://www.example.com/old"),  # round 11's entity gold could hold it
        "long": page(202, "https://www.example.com/long", words=601),
        "blog": page(203, "https://medium.com/x"),  # not a news publisher
        "absent": page(204, "https://www.example.com/absent"),
        "named": page(205, "https://www.example.com/named"),  # its key is in the repository already
    }
    present = frozenset(truth) - {"absent"}
    order = ordered_pages(truth, present, frozenset({"named"}))
    assert order == sorted(["a", "b"], key=lambda key: sha1(truth[key]["url"]))


def test_the_figure_pages_follow_the_entity_pages_eight_dev_then_twelve_held_out():
    order = [f"k{n}" for n in range(120)]
    chosen = figure_pages(order)
    assert chosen[0] == ("k12", "dev", 0, 12) and chosen[7] == ("k19", "dev", 7, 19)
    assert chosen[8] == ("k20", "heldout", 0, 20) and chosen[19] == ("k31", "heldout", 11, 31)
    assert ENTITY_PAGES == 12


def test_the_second_held_out_slice_is_positions_32_to_51():
    # round 30 (accept35)
    chosen = figure_pages([f"k{n}" for n in range(120)])
    heldout2 = [page for page in chosen if page[1] == "heldout2"]
    assert heldout2[0] == ("k32", "heldout2", 0, 32) and heldout2[-1] == ("k51", "heldout2", 19, 51)
    assert len(heldout2) == 20


def test_the_second_dev_slice_is_positions_80_to_95_and_the_entity_pages_between_are_not_built():
    # round 30 (accept38): positions 52-79 are entity pages, 96 on another round's
    chosen = figure_pages([f"k{n}" for n in range(120)])
    dev2 = [page for page in chosen if page[1] == "dev2"]
    assert dev2[0] == ("k80", "dev2", 0, 80) and dev2[-1] == ("k95", "dev2", 15, 95) and len(dev2) == 16
    assert [page[3] for page in chosen][:56] == list(range(12, 52)) + list(range(80, 96))


def test_the_third_held_out_slice_is_positions_96_to_119_the_last_of_the_eligible_pages():
    # round 31 (accept39): the last 24 of the 120 eligible pages, held out as heldout3
    chosen = figure_pages([f"k{n}" for n in range(120)])
    heldout3 = [page for page in chosen if page[1] == "heldout3"]
    assert heldout3[0] == ("k96", "heldout3", 0, 96) and heldout3[-1] == ("k119", "heldout3", 23, 119)
    assert [page[3] for page in chosen] == list(range(12, 52)) + list(range(80, 120))
