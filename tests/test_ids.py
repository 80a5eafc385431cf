"""Identity: ids are hashes of content, and URLs are compared in canonical form."""

from __future__ import annotations

from transforms.ids import article_id_for, batch_id_of, canonical_url, doc_id_for, entity_id_for, run_batch_prefix


def test_doc_id_is_sha256_of_bytes():
    assert doc_id_for(b"abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_canonical_url_drops_tracking_and_fragment():
    assert canonical_url("https://Example.com/a/story?utm_source=x&id=3#top") == "https://example.com/a/story?id=3"
    assert canonical_url("not a url") is None
    assert canonical_url(None) is None


def test_article_id_prefers_url_over_text():
    by_url = article_id_for("https://example.com/a", "hash1")
    assert by_url == article_id_for("https://example.com/a", "hash2")
    assert article_id_for(None, "hash1") != article_id_for(None, "hash2")


def test_entity_id_ignores_case_but_not_label():
    assert entity_id_for("PERSON", "Joe Biden") == entity_id_for("PERSON", "joe biden")
    assert entity_id_for("PERSON", "Washington") != entity_id_for("LOC", "Washington")


def test_spellings_of_one_url_by_its_percent_escapes_are_one_canonical_url_and_one_article():
    # RFC 3986 6.2.2: "%7E", "%7e" and "~" name one page, as do "%41" and "A"; "%2f" and "%2F" are one escape.
    spellings = [
        "https://news.example/%7Eed/a%2fb%41",
        "https://news.example/%7eed/a%2Fb%41",
        "https://news.example/~ed/a%2FbA",
    ]
    assert {canonical_url(url) for url in spellings} == {"https://news.example/~ed/a%2FbA"}
    assert len({article_id_for(canonical_url(url), "same text") for url in spellings}) == 1
    # An escape of a reserved or non-ASCII character stays one: decoding it could name another resource.
    assert canonical_url("https://news.example/a%3Fb/%e2%82%ac") == "https://news.example/a%3Fb/%E2%82%AC"
    assert canonical_url("https://news.example/100%") == "https://news.example/100%"


def test_a_runs_batch_ids_and_only_its_own_start_with_its_prefix():
    # The lookups tell this run's rows by the prefix (warehouse/lookups.py): a run whose id extends another's
    # must not be taken for it.
    assert batch_id_of("run-7", 3) == "run-7-00003"
    assert batch_id_of("run-7", 3).startswith(run_batch_prefix("run-7"))
    assert f"{batch_id_of('run-7', 3)}-a2".startswith(run_batch_prefix("run-7"))
    assert not batch_id_of("run-70", 3).startswith(run_batch_prefix("run-7"))
