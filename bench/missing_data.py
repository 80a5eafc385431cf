"""What a scorer prints when its data is missing, so `make eval` on a new machine says what it cannot score and why.

Two kinds of data are read from the data folder: public sets, whose truth comes with them and which can be
copied again (each scorer says from where), and our own judgements (gold files the project wrote), which
cannot. The judgements made before round 19 were kept outside git and were lost when the project moved
machines; from round 19 they are committed under bench/gold/ (newspaper4k's entity gold, `entities-real/`, was judged
again on other pages in round 29: bench/gold/newspaper4k-articles/, so no scorer reads the lost path). The texts
those committed judgements were made on are not committed: each is rebuilt from a public set with the transforms/ of
the commit the set's NOTES.md names (the entity golds of newspaper4k and L3S-GN1 were judged on the pipeline's kept
documents, built from the pages on each run). A scorer whose data is missing skips, says which file and which kind,
and exits 0: a missing file is not a failed gate.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

SECTION = "docs/evaluation.md, 'Evaluation data on a new machine'"
OWN_JUDGEMENTS = (
    "these are the project's own judgements (or texts built for them), not a public set: those made before "
    "round 19 were kept outside git and lost when the project moved machines; new ones are committed under "
    f"bench/gold/ ({SECTION})"
)


def own_gold_missing(scorer: str, missing: Iterable[Path]) -> str:
    """The line a scorer prints when the judgements it scores against are missing."""
    names = ", ".join(str(path) for path in missing)
    return f"{scorer} skipped (not a failure): {names} missing; {OWN_JUDGEMENTS}"


def public_set_missing(scorer: str, missing: Path, how: str) -> str:
    """The line a scorer prints when a public set it reads is missing, with how to copy it again."""
    return f"{scorer} skipped (not a failure): {missing} missing; it is a public set: {how} ({SECTION})"


def gold_texts_missing(scorer: str, missing: Iterable[Path], gold_folder: Path, what: str = "missing") -> str:
    """The line a scorer prints when the texts of a committed gold are missing (or, `what`, lack pages the gold
    judges): the judgements are safe in git, the texts are rebuilt from the public pages, with transforms/ as at the
    commit the gold's NOTES.md names (its offsets hold for those texts only)."""
    names = ", ".join(str(path) for path in missing)
    return (
        f"{scorer} skipped (not a failure): {names} {what}; the judgements are committed in {gold_folder}/, their "
        "texts are built from a public set: copy it and build the texts with transforms/ as at the commit "
        f"{gold_folder.name}/NOTES.md names (`python -m bench.with_tree TREE BUILDER FOLDER`; {SECTION})"
    )
