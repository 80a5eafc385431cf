"""bench/eval_entities_real.py: the gold file read as the scorer compares names, and a run without the data."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from bench.eval_entities_real import (
    GOLD_ROOT,
    PAGE_SETS,
    RealEntities,
    found_keys,
    gate_failures,
    gate_floors,
    gold_path_for,
    load_gold,
    main,
)
from bench.evaluate import Scores
from transforms.entities import Span, span_names


def test_gold_names_are_compared_as_the_pipeline_cleans_them(tmp_path: Path) -> None:
    gold = {
        "articles": [
            {
                "key": "a1",
                "mentions": [
                    {"label": "ORG", "surface": "the U.S. Drug Enforcement Administration", "count": 2},
                    {"label": "PERSON", "surface": "Sen. Ada Brook", "count": 1},
                    {"label": "PERSON", "surface": "Brook", "count": 3},
                ],
            }
        ]
    }
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    keys, documents = load_gold(path)
    assert keys == ["a1"]
    assert documents[0].mentions == Counter(
        {("ORG", "us drug enforcement administration"): 2, ("PERSON", "ada brook"): 1, ("PERSON", "brook"): 3}
    )


def test_found_mentions_are_keyed_by_their_surface_and_label() -> None:
    text = "The DEA warned Ada Brook's pharmacy; Brook said the DEA was wrong."
    spans = [Span("The DEA", "ORG", 0, 7, text), Span("Ada Brook's", "PERSON", 15, 26, text)]
    spans += [Span("Brook", "PERSON", 37, 42, text), Span("DEA", "ORG", 52, 55, text)]
    expected = Counter({("ORG", "dea"): 2, ("PERSON", "ada brook"): 1, ("PERSON", "brook"): 1})
    assert found_keys(span_names(spans)) == expected


def test_without_the_data_it_says_how_to_get_it_and_succeeds(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["--data", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "skipped" in out and "postlight-fixtures" in out
    assert "bench.with_tree" in out and "bench.fixture_texts" in out
    assert main(["--data", str(tmp_path), "--source", "newspaper"]) == 0
    assert "article-extraction-dataset" in capsys.readouterr().out
    assert main(["--data", str(tmp_path), "--source", "l3s", "--set", "heldout"]) == 0
    out = capsys.readouterr().out
    assert "geodrome/page-signal" in out and f"{tmp_path}/l3s-gn1/annotated" in out
    assert main(["--data", str(tmp_path), "--source", "newspaper", "--set", "heldout"]) == 0
    out = capsys.readouterr().out  # a public set: copied again from its repository, no texts to build
    assert "article-extraction-dataset" in out and f"{tmp_path}/newspaper4k-articles/ground-truth.json" in out
    assert main(["--data", str(tmp_path), "--source", "newspaper3k", "--gate"]) == 0
    assert "newspaper3k-fixtures" in capsys.readouterr().out
    assert main(["--data", str(tmp_path), "--source", "fundus", "--gate"]) == 0
    out = capsys.readouterr().out  # the texts of a committed gold: built with the transforms/ its notes name
    assert f"{tmp_path}/fundus-testdata/test_data/" in out and "bench/gold/fundus-testdata/NOTES.md" in out
    assert f"python -m bench.with_tree TREE bench.fundus_news {tmp_path}/fundus-testdata" in out
    assert main(["--data", str(tmp_path), "--source", "trafilatura"]) == 0
    assert "bench.with_tree TREE bench.trafilatura_news" in capsys.readouterr().out
    assert main(["--data", str(tmp_path), "--source", "trafilatura", "--set", "heldout"]) == 0
    assert "bench.trafilatura_news" in capsys.readouterr().out
    assert main(["--data", str(tmp_path), "--source", "metadata", "--set", "heldout"]) == 0
    out = capsys.readouterr().out
    assert f"{tmp_path}/mediacloud-metadata/figures/articles.json" in out
    assert f"python -m bench.with_tree TREE bench.metadata_lib_news {tmp_path}/mediacloud-metadata" in out
    assert main(["--data", str(tmp_path), "--source", "smallrivers"]) == 0
    out = capsys.readouterr().out
    assert f"{tmp_path}/snacktory-smallrivers/figures/articles.json" in out
    assert f"python -m bench.with_tree TREE bench.smallrivers_news {tmp_path}/snacktory-smallrivers" in out


def test_without_our_gold_it_names_the_file_and_the_gate_does_not_fail(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    # The public pages copied again, a gold file named with --gold (ours, kept outside git) gone.
    (tmp_path / "newspaper4k-articles").mkdir()
    (tmp_path / "newspaper4k-articles" / "ground-truth.json").write_text("{}")
    missing = tmp_path / "entities-real" / "gold-dev.json"
    assert main(["--data", str(tmp_path), "--source", "newspaper", "--gold", str(missing), "--gate"]) == 0
    out = capsys.readouterr().out
    assert str(missing) in out and "own judgements" in out


def test_the_newspaper4k_pages_are_scored_against_the_committed_gold(tmp_path: Path) -> None:
    # Round 11's gold under the data folder (entities-real/) was lost in round 19; round 29's is in git, read first.
    for split in ("dev", "heldout"):
        path = gold_path_for(PAGE_SETS["newspaper"], split, tmp_path)
        assert path == GOLD_ROOT / "newspaper4k-articles" / f"entities-{split}.json" and path.exists()
    # The gold was judged on the kept documents, so only the kept document is gated; the body is read.
    assert set(PAGE_SETS["newspaper"].gate_f1) == {"kept document"}


def test_the_second_newspaper4k_held_out_slice_is_read_with_set_heldout2(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    # Round 30's blind slice: positions 52-63 of accept33's order, committed in git, read by --set heldout2.
    path = gold_path_for(PAGE_SETS["newspaper"], "heldout2", tmp_path)
    assert path == GOLD_ROOT / "newspaper4k-articles" / "entities-heldout2.json" and path.exists()
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert [article["position"] for article in gold["articles"]] == list(range(52, 64))
    # No page of it was judged before: not the entity halves, not the figure pages (positions 12-31).
    figure_gold = [GOLD_ROOT / "newspaper4k-articles" / f"gold-{split}.json" for split in ("dev", "heldout")]
    figure_keys = {article["key"] for path in figure_gold for article in json.loads(path.read_text())["articles"]}
    entity_keys = {
        key for split in ("dev", "heldout") for key in load_gold(GOLD_ROOT / PAGE_SETS["newspaper"].gold[split])[0]
    }
    keys, _ = load_gold(path)
    assert len(set(keys)) == 12 and not set(keys) & (figure_keys | entity_keys)
    # Without the dataset it says where to copy it; a source with no such slice says so; neither fails.
    assert main(["--data", str(tmp_path), "--source", "newspaper", "--set", "heldout2"]) == 0
    assert f"{tmp_path}/newspaper4k-articles/ground-truth.json" in capsys.readouterr().out
    assert main(["--data", str(tmp_path), "--source", "l3s", "--set", "heldout2"]) == 0
    assert "no heldout2 gold for --source l3s" in capsys.readouterr().out


def test_the_third_newspaper4k_held_out_slice_is_read_with_set_heldout3(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    # Round 31's blind slice: positions 96-111 of accept33's order, committed in git, read by --set heldout3.
    page_set = PAGE_SETS["newspaper"]
    path = gold_path_for(page_set, "heldout3", tmp_path)
    assert path == GOLD_ROOT / "newspaper4k-articles" / "entities-heldout3.json" and path.exists()
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert [article["position"] for article in gold["articles"]] == list(range(96, 112))
    # No page of it is in another entity split or in a figure gold judged before it (positions 12-51 and 80-95).
    figure_splits = ("dev", "heldout", "heldout2", "dev2")
    figure_gold = [GOLD_ROOT / "newspaper4k-articles" / f"gold-{split}.json" for split in figure_splits]
    figure_keys = {article["key"] for path in figure_gold for article in json.loads(path.read_text())["articles"]}
    other_keys = {
        key
        for split, relative in page_set.gold.items()
        if split != "heldout3"
        for key in load_gold(GOLD_ROOT / relative)[0]
    }
    keys, documents = load_gold(path)
    assert len(set(keys)) == 16 and not set(keys) & (figure_keys | other_keys)
    assert sum(sum(document.mentions.values()) for document in documents) == 348
    # Nobody tunes on it: no floor; without the dataset it says where to copy it; another source has no such slice.
    assert gate_floors(page_set, "heldout3") == {}
    assert main(["--data", str(tmp_path), "--source", "newspaper", "--set", "heldout3", "--gate"]) == 0
    assert f"{tmp_path}/newspaper4k-articles/ground-truth.json" in capsys.readouterr().out
    assert main(["--data", str(tmp_path), "--source", "metadata", "--set", "heldout3"]) == 0
    assert "no heldout3 gold for --source metadata" in capsys.readouterr().out


def test_the_second_newspaper4k_dev_slice_is_read_and_gated_with_set_dev2(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    # Round 30's second dev slice: positions 64-79 of accept33's order, committed in git, read by --set dev2.
    page_set = PAGE_SETS["newspaper"]
    path = gold_path_for(page_set, "dev2", tmp_path)
    assert path == GOLD_ROOT / "newspaper4k-articles" / "entities-dev2.json" and path.exists()
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert [article["position"] for article in gold["articles"]] == list(range(64, 80))
    # No page of it is in another split, entity or figure gold (figure pages are positions 12-51).
    figure_gold = [GOLD_ROOT / "newspaper4k-articles" / f"gold-{split}.json" for split in ("dev", "heldout")]
    figure_keys = {article["key"] for path in figure_gold for article in json.loads(path.read_text())["articles"]}
    other_keys = {
        key
        for split, relative in page_set.gold.items()
        if split != "dev2"
        for key in load_gold(GOLD_ROOT / relative)[0]
    }
    keys, documents = load_gold(path)
    assert len(set(keys)) == 16 and not set(keys) & (figure_keys | other_keys)
    assert sum(sum(document.mentions.values()) for document in documents) == 336
    # It is tuned on, so --gate holds it to its own floor, as dev; held-out slices and other sources have none.
    assert gate_floors(page_set, "dev2") == {"kept document": 0.829}
    assert gate_floors(page_set, "dev") == page_set.gate_f1
    assert gate_floors(page_set, "heldout2") == {} and gate_floors(PAGE_SETS["l3s"], "dev2") == {}
    assert main(["--data", str(tmp_path), "--source", "newspaper", "--set", "dev2", "--gate"]) == 0
    assert f"{tmp_path}/newspaper4k-articles/ground-truth.json" in capsys.readouterr().out
    assert main(["--data", str(tmp_path), "--source", "fundus", "--set", "dev2"]) == 0
    assert "no dev2 gold for --source fundus" in capsys.readouterr().out


def test_l3s_pages_are_read_from_their_labels_and_the_url_mapping(tmp_path: Path) -> None:
    # L3S-GN1 has no JSON of texts: the body is the text labelled full text, the page is in original/.
    page_set = PAGE_SETS["l3s"]
    folder = tmp_path / page_set.folder
    (folder / "annotated").mkdir(parents=True)
    annotated = b'<html><body><span class="x-nc-sel1">Ferry fares rise</span><p><span class="x-nc-sel2">'
    annotated += b"Fares on the Lyle ferry rose.</span></p></body></html>"
    (folder / "annotated" / "abc-1.html").write_bytes(annotated)
    (folder / "annotated" / "abc-2.html").write_bytes(b"<html></html>")  # not judged: not read
    (folder / "url-mapping.txt").write_text("<urn:uuid:abc-1>\thttp://example.org/ferry\n", encoding="utf-8")
    truth = page_set.read_bodies(folder / page_set.bodies, ["abc-1"])
    assert truth == {"abc-1": {"articleBody": "Fares on the Lyle ferry rose.", "url": "http://example.org/ferry"}}
    assert page_set.pages == "original" and set(page_set.gate_f1) == {"kept document"}
    for split in ("dev", "heldout"):
        assert gold_path_for(page_set, split, tmp_path) == GOLD_ROOT / "l3s-gn1" / f"entities-{split}.json"


def test_the_gate_names_each_stored_f1_under_its_floor() -> None:
    def scores(tp: int, wrong: int) -> Scores:
        result = Scores()
        result.add("ORG", tp=tp, fp=wrong, fn=wrong)
        return result

    stored = {("kept document", "+canonical"): scores(95, 5), ("judged text", "+canonical"): scores(95, 5)}
    floors = PAGE_SETS["postlight"].gate_f1
    assert gate_failures(RealEntities(scores=stored, errors={}), floors) == []
    stored["kept document", "+canonical"] = scores(60, 40)
    floor = floors["kept document"]
    assert gate_failures(RealEntities(scores=stored, errors={}), floors) == [f"kept document F1 0.600 < {floor}"]


@pytest.mark.parametrize(
    "source", ["postlight", "newspaper3k", "fundus", "trafilatura", "metadata", "smallrivers", "newspaper", "l3s"]
)
def test_the_committed_gold_splits_its_pages_in_two(source: str) -> None:
    # Our judgements live in git (a new machine keeps them); dev and held-out never share a page.
    keys = {}
    for split, relative in PAGE_SETS[source].gold.items():
        keys[split], documents = load_gold(GOLD_ROOT / relative)
        # a page may hold no name (smallrivers' bbc_nocss: whatever is found there is an extra), a split may not
        assert len(set(keys[split])) == len(keys[split])
        assert sum(sum(document.mentions.values()) for document in documents) > 0
    assert keys["dev"] and keys["heldout"]
    assert all(not set(keys[a]) & set(keys[b]) for a in keys for b in keys if a < b)  # heldout2, 3 too


def test_the_scorers_compare_a_persons_name_without_a_royal_or_religious_title() -> None:
    """The stored name keeps "King Charles"; a judge writes "Charles" (docs/evaluation.md, round 30)."""
    from bench.eval_ner import gold_key

    assert gold_key("PERSON", "Prince Charles") == gold_key("PERSON", "Charles")
    assert gold_key("PERSON", "Pope Francis") == gold_key("PERSON", "Francis")
    assert gold_key("PERSON", "Cardinal Joseph Bernardin") == gold_key("PERSON", "Joseph Bernardin")
    assert gold_key("ORG", "King Features") != gold_key("ORG", "Features")
    assert gold_key("PERSON", "Prince")[1]  # a name that is only the title is left whole


def test_the_conll_eval_reads_the_test_split_only_when_asked_and_names_it(tmp_path, capsys):
    from bench import eval_ner

    eval_ner.main(["--test", "--data", str(tmp_path / "test.txt")])
    assert "copy the CoNLL-2003 English test split there" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        eval_ner.main(["--test", "--errors", "--data", str(tmp_path / "test.txt")])
    result = eval_ner.NerResult(eval_ner.score_mentions([], {})[0], 3, 3, [])
    assert eval_ner.report(result, split="test").startswith("CoNLL-2003 English test: 3 documents")


def make_targets(makefile: Path) -> dict[str, list[str]]:
    """Each target of the Makefile and its recipe's lines."""
    targets: dict[str, list[str]] = {}
    current = None
    for line in makefile.read_text(encoding="utf-8").splitlines():
        if line.startswith("\t") and current is not None:
            targets[current].append(line.strip())
        elif line and not line.startswith(("#", " ", ".")) and ":" in line:
            current = line.split(":", 1)[0]
            targets[current] = []
    return targets


def test_the_scrapinghub_entity_slice_is_read_for_acceptance_only_and_refuses_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    # Round 32's blind slice of a public test split: positions 0-15 of bench/aeb_entities.py's order, committed in
    # git, read by --source aeb --set test (gzipped pages, urls from ground-truth.json).
    page_set = PAGE_SETS["aeb"]
    path = gold_path_for(page_set, "test", tmp_path)
    assert path == GOLD_ROOT / "scrapinghub-aeb" / "entities-test.json" and path.exists()
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert gold["split"] == "test" and [article["position"] for article in gold["articles"]] == list(range(16))
    keys, documents = load_gold(path)
    assert len(set(keys)) == 16 and sum(sum(document.mentions.values()) for document in documents) == 617
    assert set(page_set.gold) == {"test"} and page_set.page_suffix == ".html.gz" and page_set.acceptance_only
    # Never tuned on: no floor, and its misses and extras are never printed (--errors refused, before any page is read).
    assert gate_floors(page_set, "test") == {}
    with pytest.raises(SystemExit) as refused:
        main(["--data", str(tmp_path), "--source", "aeb", "--set", "test", "--errors"])
    assert refused.value.code != 0 and "--errors is refused for --source aeb" in capsys.readouterr().err
    # Without the dataset it says where to copy it and succeeds; no other source has a test split.
    assert main(["--data", str(tmp_path), "--source", "aeb", "--set", "test"]) == 0
    out = capsys.readouterr().out
    assert "skipped" in out and f"{tmp_path}/scrapinghub-aeb/ground-truth.json" in out
    assert "scrapinghub/article-extraction-benchmark" in out
    assert main(["--data", str(tmp_path), "--source", "newspaper", "--set", "test"]) == 0
    assert "no test gold for --source newspaper" in capsys.readouterr().out
    # Read by make accept (the public test splits), never by make eval.
    targets = make_targets(Path(__file__).resolve().parent.parent / "Makefile")
    line = "$(BIN)/python -m bench.eval_entities_real --data $(EVAL_DATA) --source aeb --set test"
    assert line in targets["accept"] and not any("--source aeb" in recipe for recipe in targets["eval"])


def test_aeb_pages_are_kept_by_the_fixture_rule_and_ordered_by_the_sha1_of_their_file_name(tmp_path: Path) -> None:
    import gzip

    from bench.aeb_entities import ordered_pages
    from bench.fixture_texts import split_order

    folder = tmp_path / "scrapinghub-aeb"
    (folder / "html").mkdir(parents=True)
    story = (
        "The ferry between Lyle and Norbury carried 412 passengers on its first crossing of the season, the operator "
        "said on Monday. Its captain, who has worked on the river for nineteen years, said the water was calm and the "
        "wind light, and that the new engines ran more quietly than the old ones had. The town council, which pays "
        "for part of the service, will decide next month whether the boat can run on Sundays through the winter, when "
        "fewer people travel and the days are short. Traders on both banks have asked for the extra crossings."
    )
    pages = {
        "a": f"<html><head><title>Ferry</title></head><body><article><h1>Ferry sails</h1><p>{story}</p></article>",
        "b": f"<html><head><title>Boat</title></head><body><article><h1>Boat sails</h1><p>{story} Again.</p></article>",
        "k3": "<html><head><title>Short</title></head><body><article><p>Only 3 words.</p></article></body></html>",
    }
    truth = {}
    for key, html in pages.items():
        (folder / "html" / f"{key}.html.gz").write_bytes(gzip.compress(html.encode("utf-8")))
        truth[key] = {"articleBody": "", "url": f"https://news.example.org/{key}"}
    (folder / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    order, left_out = ordered_pages(folder)
    # "b.html.gz" sorts before "a.html.gz" by sha1 (the key's own sha1, or of "KEY.html", would put "a" first)
    assert split_order("b.html.gz") < split_order("a.html.gz") and order == ["b", "a"]
    assert left_out == {"k3": "rejected by the pipeline"}
