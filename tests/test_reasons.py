"""The rejection vocabulary: one registry of stages and reasons, one recipe for ids of inputs without bytes."""

from __future__ import annotations

from transforms.ids import rejection_id
from transforms.reasons import REASONS, Reason, Stage, http_status_reason, is_known


def test_each_stage_reason_pair_is_listed_once():
    pairs = [(code.stage, code.reason) for code in REASONS]
    assert len(pairs) == len(set(pairs))


def test_every_reason_member_occurs_at_some_stage():
    listed = {code.reason for code in REASONS}
    assert {member.value for member in Reason} <= listed


def test_members_are_plain_strings_when_stored():
    assert Stage.FETCH == "fetch" and str(Reason.TOO_SHORT) == "too_short"
    assert is_known("fetch", http_status_reason(404))
    assert is_known("normalise", "too_short")
    assert not is_known("normalise", "http_404")
    assert not is_known("read", "no_such_reason")


def test_rejection_id_is_stable_and_ignores_nothing_it_is_given():
    base = rejection_id(Stage.FETCH, "http_404", "https://example.org/a")
    assert base == rejection_id("fetch", "http_404", "https://example.org/a")
    assert base != rejection_id(Stage.FETCH, "http_410", "https://example.org/a")
    assert base != rejection_id(Stage.FETCH, "http_404", "https://example.org/b")
    assert rejection_id(Stage.READ, Reason.WARC_CORRUPT, "a.warc.gz", 0) != rejection_id(
        Stage.READ, Reason.WARC_CORRUPT, "a.warc.gz", 10)
    assert len(base) == 64
