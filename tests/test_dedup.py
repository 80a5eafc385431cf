"""Near duplicates: shingles, signatures, band keys, cluster choice; precision/recall on known copies."""

from __future__ import annotations

import random
import shutil
from collections import Counter
from dataclasses import replace

from bench.dedup import cluster
from bench.dedup_corpus import EDITS, build_dedup_set, edit_copy, pair_precision_recall
from tests.conftest import sql
from transforms import dedup
from transforms.dedup import (
    DedupOptions,
    DuplicateIndex,
    Match,
    assign_clusters,
    band_keys,
    choose_cluster,
    estimate_similarity,
    minhash_signature,
    signature_bytes,
    signature_from_bytes,
    word_shingles,
)

STORY = (
    "The city council on Wednesday night approved a $1.2 billion plan to dredge and rebuild the harbor, "
    "ending two years of debate over who should pay for it. Supporters said the work would bring "
    "hundreds of jobs, while critics warned that higher fees would drive shipping lines away."
)


def test_shingles_ignore_case_and_punctuation():
    assert word_shingles("The Port, the PORT; the port.", 2) == {"the port", "port the"}
    assert word_shingles("Too short", 5) == {"too short"}


def test_signature_is_deterministic_and_round_trips_as_bytes():
    first, second = minhash_signature(STORY), minhash_signature(STORY)
    assert first == second and len(first) == DedupOptions().num_perm
    assert signature_from_bytes(signature_bytes(first)) == first
    assert band_keys(first) == band_keys(second) and len(set(band_keys(first))) == DedupOptions().bands


def test_copy_is_similar_and_other_story_is_not():
    copy = STORY.replace("Wednesday night", "Wednesday") + " The mayor signed the plan on Thursday."
    other = (
        "The school board on Monday voted to close two elementary schools, citing falling enrolment and "
        "a $3 million budget gap. Parents said the district had not listened to them."
    )
    signature = minhash_signature(STORY)
    assert estimate_similarity(signature, minhash_signature(copy)) >= DedupOptions().threshold
    assert estimate_similarity(signature, minhash_signature(other)) < 0.1
    assert set(band_keys(signature)) & set(band_keys(minhash_signature(copy)))


def test_choose_cluster_founds_joins_and_bridges():
    assert choose_cluster("a5", []).cluster_id == "a5"
    joined = choose_cluster("a5", [Match("a2", "c9", 0.8), Match("a3", "c9", 0.9)])
    assert joined.cluster_id == "c9" and [m.article_id for m in joined.links] == ["a3"]
    bridged = choose_cluster("a5", [Match("a2", "c9", 0.8), Match("a4", "c1", 0.6)])
    assert bridged.cluster_id == "c1" and {m.cluster_id for m in bridged.links} == {"c1", "c9"}
    # An earlier version of the same article is not a copy of it.
    assert choose_cluster("a5", [Match("a5", "c1", 1.0)]).cluster_id == "a5"


def test_copies_in_one_batch_find_each_other():
    options = DedupOptions()
    copy = STORY + " The vote was 7 to 2."
    chosen = assign_clusters(DuplicateIndex(options), [("b", minhash_signature(STORY)), ("a", minhash_signature(copy))])
    assert [choice.cluster_id for choice, _ in chosen] == ["b", "b"]


def test_band_keys_given_by_the_caller_are_not_computed_again(monkeypatch):
    # flows/clusters.py computes each article's band keys to ask the warehouse; the assignment takes them.
    options = DedupOptions()
    signatures = [("b", minhash_signature(STORY)), ("a", minhash_signature(STORY + " The vote was 7 to 2."))]
    keys_of = [band_keys(signature, options) for _, signature in signatures]
    expected = assign_clusters(DuplicateIndex(options), signatures)
    computed: list[object] = []
    monkeypatch.setattr(dedup, "band_keys", lambda *args: computed.append(args))
    assert assign_clusters(DuplicateIndex(options), signatures, keys_of) == expected
    assert computed == []


def partition(labels: dict[str, str]) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for key, label in labels.items():
        groups.setdefault(label, set()).add(key)
    return {frozenset(group) for group in groups.values()}


def test_precision_recall_on_known_copies_and_any_order():
    texts = build_dedup_set(stories=60, seed=11)
    truth = {t.key: t.origin for t in texts}
    found = cluster(texts, DedupOptions(), lambda text, options: minhash_signature(text, options))
    precision, recall = pair_precision_recall(truth, found)
    print(f"\nnear-duplicate clustering, {len(texts)} texts: precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.98 and recall >= 0.95
    shuffled = texts[:]
    random.Random(3).shuffle(shuffled)
    again = cluster(shuffled, DedupOptions(), lambda text, options: minhash_signature(text, options))
    assert partition(again) == partition(found)


def test_clusters_across_runs_are_the_same_in_either_order(prefect_server, tmp_path):
    """Copies committed in two runs, in opposite orders, group the same way in the articles view."""
    from flows.ingest import ingest

    # Plain-text copies have no URL, so a copy with the same body (exact, or a new headline, which
    # becomes the title) is the same article by identity: leave those two edits out here.
    texts = build_dedup_set(stories=10, seed=5, edits=tuple(e for e in EDITS if e not in ("exact", "headline")))
    halves = {"first": tmp_path / "first", "second": tmp_path / "second"}
    for index, item in enumerate(texts):
        folder = halves["first" if index % 2 == 0 else "second"]
        folder.mkdir(exist_ok=True)
        (folder / f"{item.key}.txt").write_text(item.text, encoding="utf-8")
    groupings = []
    for order in (("first", "second"), ("second", "first")):
        warehouse = tmp_path / f"wh-{order[0]}"
        for name in order:
            ingest(sources=[str(halves[name])], warehouse=str(warehouse), workers=1, batch_size=20)
        rows = sql(warehouse, "SELECT source, cluster_id FROM articles")
        groupings.append({path.rsplit("/", 1)[-1].removesuffix(".txt"): cluster for path, cluster in rows})
    assert len(groupings[0]) == len(texts)
    assert partition(groupings[0]) == partition(groupings[1])
    precision, recall = pair_precision_recall({t.key: t.origin for t in texts}, groupings[0])
    print(f"\nthrough the flow, {len(texts)} texts in two runs: precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.95 and recall >= 0.9
    shutil.rmtree(tmp_path / "first")


def test_exact_copies_share_text_hash_and_show_once_with_first_source(prefect_server, tmp_path):
    """The same story under two URLs: two articles, one text_hash, one articles_unique row (the first)."""
    from flows.ingest import ingest
    from tests.conftest import SEEDS_DIR

    page = (SEEDS_DIR / "harbor_budget.html").read_text(encoding="utf-8")
    url = "https://www.coastal-ledger.example.com/news/local/port-ellery-harbor-plan-approved/"
    for name in ("first", "second"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "page.html").write_text(
            page.replace(url, f"https://{name}.example.org/harbor/"), encoding="utf-8"
        )
    warehouse = tmp_path / "wh"
    for name in ("first", "second"):
        ingest(sources=[str(tmp_path / name)], warehouse=str(warehouse), workers=1)
    rows = sql(warehouse, "SELECT canonical_url, text_hash, cluster_id FROM articles ORDER BY 1")
    assert len(rows) == 2 and rows[0][1:] == rows[1][1:]
    unique = sql(warehouse, "SELECT source, exact_copies FROM articles_unique")
    assert unique == [(str(tmp_path / "first" / "page.html"), 2)]


def test_an_article_compares_with_the_same_few_members_of_each_band_in_any_order():
    options = DedupOptions(candidates_per_band=3)
    signature = minhash_signature(STORY)
    keys = band_keys(signature, options)
    members = [f"a{n:02d}" for n in range(20)]
    found = []
    for order in (members, members[::-1]):
        index = DuplicateIndex(options)
        for article_id in order:
            index.add(article_id, "a00", signature, keys)
        found.append(index.candidates("a01", keys))
    # Per key the three smallest ids but its own, whichever came first.
    assert found[0] == found[1] == {"a00", "a02", "a03"}


def test_a_story_with_many_copies_clusters_the_same_with_a_few_candidates_per_band():
    rng = random.Random(4)
    texts = build_dedup_set(stories=12, seed=9)
    lines = texts[0].text.split("\n")
    for n in range(40):  # one story copied forty times, some copies of copies
        edited = edit_copy(lines, EDITS[n % len(EDITS)], rng)
        texts.append(replace(texts[0], key=f"many-{n:02d}", edit=EDITS[n % len(EDITS)], text="\n".join(edited)))
        lines = edited if n % 3 == 0 else lines
    sign = lambda text, options: minhash_signature(text, options)  # noqa: E731 (a signer, as bench.dedup takes)
    every = cluster(texts, DedupOptions(candidates_per_band=10_000), sign)
    few = cluster(texts, DedupOptions(candidates_per_band=2), sign)
    assert partition(few) == partition(every)
    assert max(len(group) for group in partition(every)) > 20  # the copies make one large cluster at least


def test_a_batch_fetches_a_bounded_number_of_earlier_copies_as_their_cluster_grows(tmp_path, monkeypatch):
    """Each new copy of a story finds its cluster, while the warehouse returns at most
    `candidates_per_band` + 1 earlier articles per band key however many copies are committed."""
    from bench.dedup_growth import Doc, commit, processed
    from flows import clusters
    from warehouse.store import ensure_tables

    options = DedupOptions(candidates_per_band=3)
    returned: list[list[tuple[str, str, bytes, list[str]]]] = []
    lookup = clusters.committed_band_matches

    def recorded(*args, **kwargs):
        returned.append(lookup(*args, **kwargs))
        return returned[-1]

    monkeypatch.setattr(clusters, "committed_band_matches", recorded)
    ensure_tables(tmp_path)
    cluster_ids = []
    for n in range(16):  # one copy a batch: every other one exact, the others with their own last words
        text = STORY if n % 2 else f"{STORY} Copy {n} of the story, filed by desk {n * 7}."
        doc = Doc(f"{(n * 7919) % 97:02d}-{n}", "story", minhash_signature(text, options))
        result = clusters.cluster_batch(tmp_path, [processed(doc)], options)
        commit(tmp_path, n, result)
        cluster_ids.append(result.processed[0].article.cluster_id)
    assert set(cluster_ids) == {cluster_ids[0]}
    per_key = [Counter(key for *_, keys in found for key in keys) for found in returned]
    assert max(count for counts in per_key for count in counts.values()) == 4
    # An exact copy shares every key with the exact copies before it: four earlier articles in all.
    assert [len(found) for found in returned][:4] == [0, 1, 2, 3] and len(returned[-1]) < 15
