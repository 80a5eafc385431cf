"""`make docs`: write the lists in docs/ that the code already holds, so they cannot drift from it.

A page marks each generated block, and only the text between the markers is rewritten; the prose
around it stays hand-written:

    <!-- generated: reasons -->
    ...
    <!-- end generated -->

Blocks: `reasons` (stages and reason codes from transforms/reasons.py), `views` (each view's columns
and types, read from an empty warehouse, with the view's leading SQL comment) and `settings` (every
setting with its type, default and description, from the `Settings` model and the option classes
its sections hold). tests/test_docs.py fails when a committed page differs from what this writes.

    python -m tools.gendocs            # rewrite the pages whose blocks are stale
    python -m tools.gendocs --check    # only list them; exit status 1 if any
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import io
import json
import re
import sys
import tempfile
import textwrap
import tokenize
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
VIEWS_SQL = ROOT / "warehouse" / "sql" / "views"

BLOCK = re.compile(
    r"(?P<start><!-- generated: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(?P<end><!-- end generated -->)", re.DOTALL
)


def cell(text: str) -> str:
    """Text for one cell of a Markdown table: one line, pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def source_comments(cls: type) -> dict[str, str]:
    """The comments above or beside each attribute of a class body, by attribute name.

    Option dataclasses and enums say what a field means in a comment; reading it here means the
    docs quote the code rather than repeat it.
    """
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):
        return {}
    lines = source.splitlines()
    comments = {
        token.start[0]: token.string.lstrip("#").strip()
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type == tokenize.COMMENT
    }

    def comment_only(number: int) -> bool:
        return lines[number - 1].lstrip().startswith("#")

    found = {}
    body = next(node for node in ast.parse(source).body if isinstance(node, ast.ClassDef)).body
    for node in body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            name = node.target.id
        elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
        else:
            continue
        above: list[str] = []
        number = node.lineno - 1
        while number >= 1 and comment_only(number):
            above.insert(0, comments[number])
            number -= 1
        beside = [
            comments[n]
            for n in range(node.lineno, (node.end_lineno or node.lineno) + 1)
            if n in comments and not comment_only(n)
        ]
        if above or beside:
            found[name] = " ".join(above + beside)
    return found


# --- reasons --------------------------------------------------------------------------------


def reasons_block() -> str:
    from transforms.reasons import REASONS, Stage

    stage_notes = source_comments(Stage)
    stages = table(
        ("stage", "where the input stopped"), [(f"`{stage.value}`", stage_notes.get(stage.name, "")) for stage in Stage]
    )
    reasons = table(
        ("stage", "reason", "meaning"),
        [(f"`{code.stage.value}`", f"`{code.reason}`", code.meaning) for code in REASONS],
    )
    return stages + "\n" + reasons


# --- views ----------------------------------------------------------------------------------


def view_comments() -> dict[str, str]:
    """Each view's leading SQL comment (the `--` lines right above its CREATE VIEW), by view name."""
    found = {}
    for path in sorted(VIEWS_SQL.rglob("*.sql")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            match = re.match(r"\s*CREATE\s+(?:OR\s+REPLACE\s+)?VIEW\s+(\w+)", line, re.IGNORECASE)
            if not match:
                continue
            above: list[str] = []
            for earlier in reversed(lines[:number]):
                if not earlier.lstrip().startswith("--"):
                    break
                above.insert(0, earlier.lstrip().removeprefix("--").strip())
            found[match.group(1)] = " ".join(above)
    return found


def view_columns() -> dict[str, list[tuple[str, str]]]:
    """Columns and DuckDB types of every public view, read from a fresh, empty warehouse."""
    import duckdb

    from warehouse.store import ensure_tables
    from warehouse.views import publish_views

    with tempfile.TemporaryDirectory(prefix="newsetl-docs-") as folder:
        warehouse = Path(folder)
        ensure_tables(warehouse)
        with duckdb.connect(str(publish_views(warehouse)), read_only=True) as con:
            names = [
                row[0]
                for row in con.execute(
                    "SELECT view_name FROM duckdb_views() WHERE NOT internal AND view_name NOT LIKE '\\_%' ESCAPE '\\' "
                    "ORDER BY view_name"
                ).fetchall()
            ]
            return {name: [(row[0], row[1]) for row in con.execute(f'DESCRIBE "{name}"').fetchall()] for name in names}


def views_block() -> str:
    comments = view_comments()
    parts = []
    for name, columns in view_columns().items():
        parts.append(f"### `{name}`\n")
        if comments.get(name):
            parts.append(textwrap.fill(comments[name], width=110) + "\n")
        parts.append(table(("column", "type"), [(f"`{column}`", kind) for column, kind in columns]))
    return "\n".join(parts)


# --- settings -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Computed:
    """A default computed when settings are loaded (it depends on the machine): shown by its function."""

    name: str


@dataclass(frozen=True)
class Option:
    key: str  # dotted path, as in newsetl.toml
    kind: str
    default: object
    description: str


@dataclass(frozen=True)
class Section:
    key: str  # dotted path; "" for the top level
    description: str
    options: list[Option]


@dataclass(frozen=True)
class FieldFacts:
    name: str
    hint: Any
    description: str
    default: object  # Computed, dataclasses.MISSING (required) or the value


def is_section(hint: Any) -> bool:
    """A field whose type is a dataclass or a pydantic model holds options of its own."""
    from pydantic import BaseModel

    hint = unwrap(hint)
    return isinstance(hint, type) and (dataclasses.is_dataclass(hint) or issubclass(hint, BaseModel))


def unwrap(hint: Any) -> Any:
    """The type under Annotated[...] and `T | None`."""
    if typing.get_origin(hint) is typing.Annotated:
        return unwrap(typing.get_args(hint)[0])
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        members = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if len(members) == 1:
            return unwrap(members[0])
    return hint


def class_summary(cls: type) -> str:
    """The first paragraph of a class's own docstring (not the signature dataclasses write in its place)."""
    doc = inspect.cleandoc(cls.__dict__.get("__doc__") or "")
    return "" if doc.startswith(f"{cls.__name__}(") else " ".join(doc.split("\n\n")[0].split())


def factory_default(factory: Callable[..., object]) -> object:
    """Option classes are built (their defaults are fixed); other factories depend on the machine."""
    if isinstance(factory, type):
        return factory()
    return Computed(getattr(factory, "__name__", repr(factory)))


def fields_of(cls: type) -> list[FieldFacts]:
    """The fields of a pydantic model or a dataclass, with descriptions from Field(...), metadata or comments."""
    from pydantic import BaseModel
    from pydantic_core import PydanticUndefined

    comments = source_comments(cls)
    facts = []
    model_fields = (
        cls.model_fields
        if isinstance(cls, type) and issubclass(cls, BaseModel)
        else getattr(cls, "__pydantic_fields__", None)
    )
    if model_fields is not None:
        for name, info in model_fields.items():
            hint = typing.Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation
            if info.default_factory is not None:
                default = factory_default(info.default_factory)
            elif info.default is PydanticUndefined:
                default = dataclasses.MISSING
            else:
                default = info.default
            facts.append(FieldFacts(name, hint, info.description or comments.get(name, ""), default))
        return facts
    try:
        hints = typing.get_type_hints(cls, include_extras=True)
    except (NameError, TypeError):  # a name imported only for type checkers: show the annotation as written
        hints = {}
    for field in dataclasses.fields(cls):
        if field.default_factory is not dataclasses.MISSING:
            default = factory_default(field.default_factory)
        else:
            default = field.default
        description = field.metadata.get("description") or comments.get(field.name, "")
        facts.append(FieldFacts(field.name, hints.get(field.name, field.type), description, default))
    return facts


def walk_settings(cls: type, key: str = "", description: str = "", defaults: object = None) -> Iterator[Section]:
    """The settings of `cls` and, depth first, of every section it holds.

    `defaults` is the section's default object, when its parent gives one: its values are the
    defaults shown (they may differ from the class's own).
    """
    options = []
    sections = []
    for facts in fields_of(cls):
        path = f"{key}.{facts.name}" if key else facts.name
        default = facts.default
        if defaults is not None and hasattr(defaults, facts.name):
            default = getattr(defaults, facts.name)
        if is_section(facts.hint):
            section_cls = unwrap(facts.hint)
            doc = facts.description or class_summary(section_cls)
            sections.append((section_cls, path, doc, default if not isinstance(default, Computed) else None))
        else:
            options.append(Option(path, type_text(facts.hint), default, facts.description))
    yield Section(key, description, options)
    for section_cls, path, doc, section_defaults in sections:
        yield from walk_settings(
            section_cls, path, doc, section_defaults if section_defaults is not dataclasses.MISSING else None
        )


def type_name(hint: Any) -> str:
    origin = typing.get_origin(hint)
    if origin is typing.Annotated:
        return type_name(typing.get_args(hint)[0])
    if origin in (typing.Union, types.UnionType):
        return " | ".join(type_name(arg) for arg in typing.get_args(hint))
    if hint is type(None):
        return "None"
    if hint is Ellipsis:
        return "..."
    if origin is not None:
        return f"{getattr(origin, '__name__', str(origin))}[{', '.join(type_name(a) for a in typing.get_args(hint))}]"
    if isinstance(hint, type):
        return hint.__name__
    return re.sub(r"\b(?:[a-z_]\w*\.)+(\w+)", r"\1", str(hint))


def constraints(hint: Any) -> list[str]:
    """Range checks written on a type (pydantic's Field(gt=...), PositiveInt, annotated_types)."""
    found = []
    if typing.get_origin(hint) is typing.Annotated:
        base, *metadata = typing.get_args(hint)
        found += constraints(base)
        for item in metadata:
            for inner in [item, *getattr(item, "metadata", [])]:
                for attribute, sign in (("gt", ">"), ("ge", "≥"), ("lt", "<"), ("le", "≤")):
                    value = getattr(inner, attribute, None)
                    if isinstance(value, (int, float)) and not isinstance(value, bool):
                        found.append(f"{sign} {value}")
    elif typing.get_origin(hint) in (typing.Union, types.UnionType):
        for arg in typing.get_args(hint):
            found += constraints(arg)
    return list(dict.fromkeys(found))


def type_text(hint: Any) -> str:
    limits = constraints(hint)
    return f"`{type_name(hint)}`" + (f", {', '.join(limits)}" if limits else "")


def toml_value(value: object) -> str:
    """A default as it would be written in newsetl.toml; paths inside the project are relative."""
    if isinstance(value, Enum):
        return toml_value(value.value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (str, Path)):
        text = str(value)
        if Path(text).is_absolute() and Path(text).is_relative_to(ROOT):
            text = Path(text).relative_to(ROOT).as_posix()
        return json.dumps(text, ensure_ascii=False)
    if isinstance(value, (set, frozenset)):
        return "[" + ", ".join(sorted(toml_value(item) for item in value)) + "]"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key} = {toml_value(item)}" for key, item in value.items()) + "}"
    return repr(value)


def default_text(value: object) -> str:
    if value is dataclasses.MISSING:
        return "required"
    if value is None:
        return "not set"
    if isinstance(value, Computed):
        return f"computed: `{value.name}()`"
    return f"`{toml_value(value)}`"


def settings_block() -> str:
    from flows.settings import Settings

    parts = []
    for section in walk_settings(Settings):
        if section.key:
            parts.append(f"### `{section.key}`\n")
            if section.description:
                parts.append(textwrap.fill(section.description, width=110) + "\n")
        if section.options:
            parts.append(
                table(
                    ("key", "type", "default", "description"),
                    [
                        (f"`{option.key}`", option.kind, default_text(option.default), option.description)
                        for option in section.options
                    ],
                )
            )
    return "\n".join(parts)


# --- pages ----------------------------------------------------------------------------------

GENERATORS: dict[str, Callable[[], str]] = {"reasons": reasons_block, "views": views_block, "settings": settings_block}


def fill(text: str, blocks: dict[str, str]) -> str:
    """`text` with the body of each generated block replaced by `blocks[name]`."""
    return BLOCK.sub(lambda match: match["start"] + blocks[match["name"]] + match["end"], text)


def block_names(text: str) -> list[str]:
    names = [match["name"] for match in BLOCK.finditer(text)]
    unknown = sorted(set(names) - set(GENERATORS))
    if unknown:
        raise ValueError(f"unknown generated block(s) {', '.join(unknown)}; known: {', '.join(GENERATORS)}")
    return names


def generated_pages(docs: Path = DOCS) -> dict[Path, tuple[str, str]]:
    """Every page with generated blocks: (its text now, its text with the blocks generated afresh)."""
    pages = {path: path.read_text(encoding="utf-8") for path in sorted(docs.glob("*.md"))}
    wanted = {name for text in pages.values() for name in block_names(text)}
    blocks = {name: GENERATORS[name]() for name in sorted(wanted)}
    return {path: (text, fill(text, blocks)) for path, text in pages.items() if block_names(text)}


def stale_pages(docs: Path = DOCS) -> list[Path]:
    return [path for path, (now, generated) in generated_pages(docs).items() if now != generated]


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for path, (now, generated) in generated_pages().items():
        if now != generated:
            stale.append(path.relative_to(ROOT).as_posix())
            if not check:
                path.write_text(generated, encoding="utf-8")
    verb = "stale" if check else "rewritten"
    print(f"{verb}: {', '.join(stale)}" if stale else "docs are current")
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
