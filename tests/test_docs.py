"""The docs stay true to the code: generated lists are current, every page is reachable, links resolve."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from pydantic import BaseModel, Field

from tools import gendocs

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
PAGES = sorted((ROOT / "docs").glob("*.md"))
# [text](target) in Markdown; the target ends at the first space or closing parenthesis.
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)[^)]*\)")


def relative_links(path: Path) -> list[str]:
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)  # code is not prose
    return [
        target
        for target in LINK.findall(text)
        if not re.match(r"[a-z][a-z0-9+.-]*:", target) and not target.startswith("#")
    ]


def test_generated_docs_match_the_code():
    stale = [path.relative_to(ROOT).as_posix() for path in gendocs.stale_pages()]
    assert not stale, f"{', '.join(stale)} differ from what the code generates: run `make docs`"


def test_every_docs_page_is_linked_from_the_readme():
    assert PAGES, "no docs/*.md pages"
    linked = {(README.parent / target.split("#")[0]).resolve() for target in relative_links(README)}
    missing = [page.relative_to(ROOT).as_posix() for page in PAGES if page.resolve() not in linked]
    assert not missing, f"not linked from README.md: {', '.join(missing)}"


@pytest.mark.parametrize("path", [README, *PAGES], ids=lambda p: p.relative_to(ROOT).as_posix())
def test_relative_links_point_to_existing_files(path):
    broken = [target for target in relative_links(path) if not (path.parent / target.split("#")[0]).exists()]
    assert not broken, f"{path.relative_to(ROOT)} links to missing files: {', '.join(broken)}"


def test_readme_stays_short():
    assert len(README.read_text(encoding="utf-8").splitlines()) <= 200, (
        "the README is a front page: move detail to docs/"
    )


def test_a_block_is_replaced_and_the_prose_around_it_kept():
    page = "Prose.\n<!-- generated: reasons -->\nold\n<!-- end generated -->\nMore prose.\n"
    assert gendocs.fill(page, {"reasons": "new\n"}) == (
        "Prose.\n<!-- generated: reasons -->\nnew\n<!-- end generated -->\nMore prose.\n"
    )
    with pytest.raises(ValueError, match="unknown generated block"):
        gendocs.block_names("<!-- generated: nonsense -->\n<!-- end generated -->")


@dataclasses.dataclass(frozen=True)
class _Inner:
    # How many of a thing.
    count: int = 3


class _Nested(BaseModel):
    limit: float = Field(default=0.5, gt=0, le=1, description="A share.")


class _Model(BaseModel):
    name: str = Field("x", description="A name.")
    inner: _Inner = Field(default_factory=_Inner, description="Inner options.")
    nested: _Nested = Field(default_factory=_Nested)


def test_settings_walker_treats_dataclasses_and_models_as_sections():
    sections = {section.key: section for section in gendocs.walk_settings(_Model)}
    assert list(sections) == ["", "inner", "nested"]
    assert [(o.key, o.default, o.description) for o in sections[""].options] == [("name", "x", "A name.")]
    assert sections["inner"].description == "Inner options."
    assert [(o.key, o.default, o.description) for o in sections["inner"].options] == [
        ("inner.count", 3, "How many of a thing.")
    ]
    [limit] = sections["nested"].options
    assert (limit.key, limit.default, limit.kind) == ("nested.limit", 0.5, "`float`, > 0, ≤ 1")
