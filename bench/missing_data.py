"""What a scorer prints when its data is missing, so `make eval` on a new machine says what it cannot score and why.

Two kinds of data are read from the data folder: public sets, whose truth comes with them and which can be
copied again (each scorer says from where), and our own judgements (gold files the project wrote), which
cannot. The judgements made before round 19 were kept outside git and were lost when the project moved
machines; from round 19 they are committed under bench/gold/. A scorer whose data is missing skips, says which
file and which kind, and exits 0: a missing file is not a failed gate.
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
