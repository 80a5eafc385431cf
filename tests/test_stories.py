"""Each story counts once: the story views, the ready-question macros, the headline that opened the body,
and the README's and docs' own example queries giving the right answers on the seeds."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import duckdb
import pytest

from tests.conftest import PROJECT_ROOT, sql
from tests.story_fixtures import (
    ACME,
    BOB,
    article,
    commit,
    commit_copy_merging_a1_and_b1,
    commit_separate_stories,
    mentions,
    run,
)
from tests.test_cli import run_cli
from transforms.normalise import drop_title_line
from transforms.records import Figure, Rejection
from warehouse.query import query, views_path
from warehouse.schemas import ARTICLES, ENTITIES, ENTITY_MENTIONS, FIGURES, REJECTIONS, RUNS
from warehouse.store import append_rows, ensure_tables
from warehouse.views import KEY_NUMBERS, STORED_VIEWS, create_views, publish_views

TROOPS_STORY = "c2278a263db1be19bee2786d29d2fd35"  # seeds/000_5a32eef5980db437.txt, also seeds/cnn_troops.html
TROOPS_PAGE = "86e072f47ba9a327741ae66b209f7f2e"  # seeds/cnn_troops.html
HARBOR_STORY = "ca2848f17c27028653cf23def747c2ca"  # seeds/harbor_budget.html
HARBOR_WIRE = "3de890f3afece59c21855807d8184059"  # seeds/harbor_budget_wire.html: its <h1> opened the body


# --- a headline repeated as the body's first line ------------------------------------------------


def test_a_first_line_that_repeats_the_title_is_dropped():
    text = "Maine port city approves $1.2 billion harbor overhaul\nThe city council approved a $1.2 billion plan."
    assert drop_title_line(text, "Maine port city approves $1.2 billion harbor overhaul") == (
        "The city council approved a $1.2 billion plan."
    )
    # Case, folded whitespace and edge punctuation or quotes do not hide it; either title may match.
    assert drop_title_line("“MAINE  port City approves.”\nBody.", None, "Maine port city approves") == "Body."


def test_other_first_lines_and_a_text_that_is_only_its_title_stay():
    body = "The council met on Wednesday.\nIt approved the plan."
    assert drop_title_line(body, "Council approves plan") == body
    assert drop_title_line("Council approves plan", "Council approves plan") == "Council approves plan"
    assert drop_title_line(body, None, "") == body
    # Only the first line: a later paragraph that quotes the headline is story text.
    quoted = "The council met.\nCouncil approves plan"
    assert drop_title_line(quoted, "Council approves plan") == quoted


def test_the_wire_copy_counts_its_headline_figure_once(seeded_warehouse):
    warehouse, _ = seeded_warehouse
    [(title, text)] = sql(warehouse, "select title, text from articles where article_id = ?", HARBOR_WIRE)
    assert not text.startswith(title)
    rows = sql(warehouse, "select count(*) from figures where article_id = ? and value = 1.2e9", HARBOR_WIRE)
    assert rows == [(1,)]


# --- the story views on the seeds ----------------------------------------------------------------


def test_stories_group_the_copies(seeded_warehouse):
    warehouse, _ = seeded_warehouse
    rows = sql(warehouse, "select story_id, copies, texts, sites from stories order by story_id")
    assert (TROOPS_STORY, 2, 1, ["edition.example-news.com"]) in rows
    assert (HARBOR_STORY, 2, 2, ["coastal-ledger.example.com", "example-wire.net"]) in rows
    assert len(rows) == 3 == sql(warehouse, "select count(distinct cluster_id) from articles")[0][0]
    representatives = sql(warehouse, "select count(*) from story_copies where representative group by story_id")
    assert {n for (n,) in representatives} == {1}
    [(story_date, published)] = sql(
        warehouse, "select story_date, first_published from stories where story_id = ?", HARBOR_STORY
    )
    assert story_date == published == date(2024, 3, 14)


def test_story_mentions_and_figures_come_from_the_representative_only(seeded_warehouse):
    warehouse, _ = seeded_warehouse
    [(mentions, figures)] = sql(
        warehouse,
        "select (select count(*) from entity_mentions where article_id = ?), "
        "(select count(*) from figures where article_id = ?)",
        TROOPS_STORY,
        TROOPS_STORY,
    )
    rows = sql(
        warehouse,
        "select (select count(*) from story_mentions where story_id = ?), "
        "(select count(*) from story_figures where story_id = ?), "
        "(select sum(mentions) from story_entities where story_id = ?)",
        TROOPS_STORY,
        TROOPS_STORY,
        TROOPS_STORY,
    )
    assert rows == [(mentions, figures, mentions)]
    assert sql(warehouse, "select count(*) from figures where article_id in (?, ?)", TROOPS_STORY, TROOPS_PAGE) == [
        (2 * figures,)
    ]


# --- the README's and the docs' example queries ---------------------------------------------------


def example_queries(path: Path) -> list[tuple[str, str]]:
    """Each statement of the page's ```sql blocks, with the `--` comment line above it (or the one before)."""
    text = path.read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```sql\n(.*?)```", text, flags=re.DOTALL):
        comment, statement = "", list[str]()
        for line in block.splitlines():
            if line.startswith("--") and not statement:
                comment = line.removeprefix("--").strip()
                continue
            statement.append(line)
            if line.rstrip().endswith(";"):
                found.append((comment, "\n".join(statement)))
                statement = []
    return found


def example(path: Path, comment: str) -> str:
    return next(statement for said, statement in example_queries(path) if said.startswith(comment))


PAGES = [PROJECT_ROOT / "README.md", PROJECT_ROOT / "docs" / "views.md"]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_example_query_runs(seeded_warehouse, page):
    warehouse, _ = seeded_warehouse
    queries = example_queries(page)
    assert len(queries) >= 4
    for comment, statement in queries:
        try:
            sql(warehouse, statement)
        except duckdb.Error as error:
            pytest.fail(f"{page.name}: '{comment}' fails: {error}")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_troops_by_the_country_holding_them_counts_the_story_once(seeded_warehouse, page):
    """The sample story is in the seeds twice (a text file and a page): 8,500 troops, not 17,000."""
    warehouse, _ = seeded_warehouse
    rows = sql(warehouse, example(page, "troops by the country holding them"))
    assert [(row[0], row[-1]) for row in rows] == [("United States", 8500.0)]


def test_who_is_mentioned_with_whom_counts_stories(seeded_warehouse):
    """Not mention-by-mention pairs (Joe Biden and the United States were 108 in one story)."""
    warehouse, _ = seeded_warehouse
    for page in PAGES:
        rows = sql(warehouse, example(page, "who is mentioned with whom").replace("limit 20", ""))
        assert ("Joe Biden", "United States", 1) in rows
        assert max(row[2] for row in rows) == 1  # no two stories of the seeds share a person and a place


# --- the ready questions on the seeds: through newsetl sql, and a plain read-only DuckDB ---------------


def test_figures_of_an_entity_by_object_and_role(seeded_warehouse):
    warehouse, _ = seeded_warehouse
    rows = sql(
        warehouse,
        "select story_id, entity, role, value, object "
        "from figures_of('united states', object := 'troop', role := 'holder')",
    )
    assert rows == [(TROOPS_STORY, "United States", "holder", 8500.0, "troops")]
    given = sql(warehouse, "select surface from figures_of('United States', role := 'giver') order by 1")
    assert [surface for (surface,) in given] == sorted(
        ["300 Javelin anti-tank missiles", "800 bunker-buster bombs", "hundreds of thousands of munitions"]
    )


def test_mentioned_with_counts_stories_and_names_them(seeded_warehouse):
    warehouse, _ = seeded_warehouse
    rows = sql(warehouse, "select name, stories, story_ids from mentioned_with('John Kirby')")
    assert ("United States", 1, [TROOPS_STORY]) in rows
    assert "John Kirby" not in {name for name, _, _ in rows}
    assert {stories for _, stories, _ in rows} == {1}


def test_article_details_and_copies_of(seeded_warehouse):
    warehouse, _ = seeded_warehouse
    [(story, entities, figures)] = sql(
        warehouse, "select story_id, entities, figures from article_details(?)", TROOPS_PAGE
    )
    assert story == TROOPS_STORY
    assert any(e["name"] == "John Kirby" and e["label"] == "PERSON" and e["mentions"] >= 1 for e in entities)
    troops = [f for f in figures if f["surface"] == "8,500 troops"]
    assert troops and troops[0]["entity"] == "United States" and troops[0]["role"] == "holder"
    copies = sql(warehouse, "select article_id, representative, same_text from copies_of(?)", TROOPS_PAGE)
    assert copies == [(TROOPS_STORY, True, True), (TROOPS_PAGE, False, True)]
    assert sql(warehouse, "select count(*) from copies_of(?)", HARBOR_STORY) == [(2,)]


def test_macros_work_from_newsetl_sql_and_a_plain_read_only_connection(seeded_warehouse, tmp_path):
    warehouse, _ = seeded_warehouse
    query = "select stories, articles from entity_timeline('John Kirby', 'month')"
    result = run_cli("sql", query, "-w", str(warehouse), "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [{"stories": 1, "articles": 2}]
    # As docs/views.md tells a notebook to open it: read-only, relative table paths resolved against the warehouse.
    with duckdb.connect(str(views_path(warehouse)), read_only=True, config={"file_search_path": str(warehouse)}) as con:
        assert con.execute(query).fetchall() == [(1, 2)]


# --- timelines and rejections over time on a small synthetic warehouse ----------------------------


def five_hundred_workers(article_id: str, figure_id: str) -> Figure:
    """Acme holding "500 workers", the first words of the article's text."""
    return Figure(
        article_id,
        figure_id,
        "500 workers",
        500,
        500,
        500,
        False,
        None,
        None,
        "workers",
        "count",
        0,
        11,
        "s",
        "e-acme",
        "holder",
    )


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    """Acme in three stories; story a1 has a later copy a2 (published two days after it, committed in a later
    run); Bob Ray only in a1 and a4. Rejections in two runs a month apart."""
    warehouse = tmp_path_factory.mktemp("synthetic")
    ensure_tables(warehouse)
    commit(
        warehouse,
        "r1",
        "b1",
        date(2024, 1, 1),
        {
            ARTICLES: [article("a1", "a1", date(2024, 1, 1)), article("a3", "a3", date(2024, 1, 9))],
            ENTITIES: [ACME, BOB],
            ENTITY_MENTIONS: mentions("a1", "e-acme", 2) + mentions("a1", "e-bob", 1) + mentions("a3", "e-acme", 1),
            FIGURES: [five_hundred_workers("a1", "f1")],
            REJECTIONS: [Rejection("d1", "x", "read", "empty", "0 bytes"), Rejection("d2", "y", "read", "empty", "")],
        },
    )
    commit(
        warehouse,
        "r2",
        "b2",
        date(2024, 2, 3),
        {
            ARTICLES: [article("a2", "a1", date(2024, 1, 3)), article("a4", "a4", date(2024, 2, 15))],
            ENTITIES: [ACME, BOB],
            ENTITY_MENTIONS: mentions("a2", "e-acme", 1) + mentions("a4", "e-acme", 1) + mentions("a4", "e-bob", 1),
            FIGURES: [five_hundred_workers("a2", "f2")],
            REJECTIONS: [Rejection("d3", "z", "normalise", "too_short", "3 words")],
        },
    )
    append_rows(warehouse, RUNS, [run("r1", date(2024, 1, 1)), run("r2", date(2024, 2, 3))])
    publish_views(warehouse)
    return warehouse


@pytest.mark.parametrize(
    ("grain", "expected"),
    [
        (
            "day",
            [
                (date(2024, 1, 1), 1, 1, 2),
                (date(2024, 1, 3), 0, 1, 1),
                (date(2024, 1, 9), 1, 1, 1),
                (date(2024, 2, 15), 1, 1, 1),
            ],
        ),
        ("week", [(date(2024, 1, 1), 1, 2, 3), (date(2024, 1, 8), 1, 1, 1), (date(2024, 2, 12), 1, 1, 1)]),
        ("month", [(date(2024, 1, 1), 2, 3, 4), (date(2024, 2, 1), 1, 1, 1)]),
    ],
)
def test_entity_timeline_by_stories_and_by_articles(synthetic, grain, expected):
    """A story counts once, on its earliest copy's date; articles count every copy, on its own date."""
    assert sql(synthetic, "select * from entity_timeline(?, ?)", "acme", grain) == expected
    assert sql(synthetic, "select * from entity_timeline('e-acme', grain := ?)", grain) == expected


def test_together_and_figures_on_the_synthetic_warehouse(synthetic):
    rows = sql(synthetic, "select name, stories, story_ids from mentioned_with('Bob Ray')")
    assert rows == [("Acme", 2, ["a4", "a1"])]  # newest story first
    assert sql(synthetic, "select sum(value) from figures_of('Acme', object := 'Worker')") == [(500.0,)]
    assert sql(synthetic, "select copies, story_date from stories where story_id = 'a1'") == [(2, date(2024, 1, 1))]


def test_rejections_over_time(synthetic):
    assert sql(synthetic, "select * from rejections_over_time('month')") == [
        (date(2024, 1, 1), "read", "empty", 2),
        (date(2024, 2, 1), "normalise", "too_short", 1),
    ]
    assert sql(synthetic, "select sum(rejections) from rejections_over_time()") == [(3,)]


# --- stored story tables: the same rows as the SQL they store ------------------------------------

# Every view that reads the stored tables (warehouse/views.py STORED_VIEWS), and the stored tables themselves.
STORY_QUESTIONS = (
    "select * from stories order by story_id",
    "select * exclude (text) from story_copies order by article_id",
    "select * from story_entities order by story_id, entity_id",
    "select * from story_mentions order by story_id, char_start, entity_id",
    "select * from story_figures order by story_id, figure_id",
    "select * from articles order by article_id",
    "select * from entity_timeline('Acme')",
    "select * from mentioned_with('Acme')",
    "select * from figures_of('Acme')",
    # The key numbers a stored table carries (KEY_NUMBERS) are the publish's, not its SQL's: left out.
    *(
        f"select columns(lambda c: c not in ({', '.join(repr(no) for no in KEY_NUMBERS.get(name, ['']))})) "
        f"from {name} order by all"
        for name in STORED_VIEWS
    ),
)


def answers(warehouse: Path, views: Path | None = None) -> list[list[tuple]]:
    return [query(warehouse, question, views=views)[1] for question in STORY_QUESTIONS]


def answers_from_the_sql_alone(warehouse: Path, folder: Path) -> list[list[tuple]]:
    """The answers of a views database that stores nothing: every stored table computed by its view."""
    path = folder / "unstored.duckdb"
    path.unlink(missing_ok=True)
    with duckdb.connect(str(path), config={"file_search_path": str(warehouse.resolve())}) as con:
        create_views(con, warehouse, stored=())
    return answers(warehouse, path)


def test_stored_story_tables_follow_a_copy_that_merges_two_old_stories(tmp_path):
    """Publish after publish, the stored tables hold what their SQL gives from all the rows: a later copy
    that links two older stories merges them (and moves their mentions to one representative), a newer
    version of an article replaces it, a later rejection removes one."""
    warehouse = tmp_path / "warehouse"
    ensure_tables(warehouse)
    commit_separate_stories(warehouse)
    publish_views(warehouse)
    first = answers(warehouse)
    assert first == answers_from_the_sql_alone(warehouse, tmp_path)
    assert sql(warehouse, "select count(*) from stories") == [(3,)]

    commit_copy_merging_a1_and_b1(
        warehouse,
        newer_b1=article("b1", "b1", date(2024, 1, 2)),
        rejections=[Rejection("doc-d1", "/archive/d1.html", "normalise", "too_short", "3 words")],
    )
    publish_views(warehouse)
    second = answers(warehouse)
    assert second != first
    assert second == answers_from_the_sql_alone(warehouse, tmp_path)
    # a1, b1 and c1 are one story now (named by its first copy, a1), d1 is gone; b1's newer version counts.
    assert sql(warehouse, "select story_id, copies, article_id from stories") == [("a1", 3, "a1")]
    assert sql(warehouse, "select sum(mentions) from story_entities") == [(2,)]
    assert sql(warehouse, "select stories, articles, mentions from entity_timeline('Acme', 'year')") == [(1, 3, 6)]
    stored = "select table_name from duckdb_tables() where table_name like '\\_%' escape '\\' order by 1"
    with duckdb.connect(str(views_path(warehouse)), read_only=True) as con:
        assert [row[0] for row in con.execute(stored).fetchall()] == sorted(STORED_VIEWS)
