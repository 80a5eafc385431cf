"""Every seed, ingested through the whole flow, gives what its .expected.json says."""

from __future__ import annotations

import pytest

from tests.conftest import SEEDS, sql

# Keys of an expected figure that are compared to the column of the same name.
FIGURE_COLUMNS = ("value", "value_low", "value_high", "approximate", "qualifier", "unit", "kind", "object")
# The name of the entity a figure is tied to, and its role (null where syntax ties it to none).
HOLDER_COLUMNS = ("holder", "role")


def article_of(warehouse, seed):
    rows = sql(
        warehouse,
        "SELECT article_id, text, language, published_date, title FROM articles WHERE source = ?",
        str(seed.path),
    )
    assert len(rows) == 1, f"{seed.name}: expected one article, found {len(rows)}"
    return rows[0]


def test_seeds_exist():
    assert len(SEEDS) >= 5
    kinds = {seed.path.suffix for seed in SEEDS}
    assert {".txt", ".html"} <= kinds


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: s.name)
def test_seed_text_metadata(seeded_warehouse, seed):
    warehouse, _ = seeded_warehouse
    _, text, language, published, title = article_of(warehouse, seed)
    expected = seed.expected
    assert language == expected["language"]
    expected_date = expected.get("published_date")
    assert (published.isoformat() if published else None) == expected_date
    if expected.get("title"):
        assert title == expected["title"]
    for snippet in expected.get("text_includes", []):
        assert snippet in text, f"story text lost: {snippet!r}"
    for snippet in expected.get("text_excludes", []):
        assert snippet not in text, f"boilerplate survived: {snippet!r}"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: s.name)
def test_seed_entities(seeded_warehouse, seed):
    warehouse, _ = seeded_warehouse
    article_id = article_of(warehouse, seed)[0]
    found = sql(
        warehouse,
        "SELECT DISTINCT e.name, e.label FROM entity_mentions m JOIN entities e USING (entity_id) "
        "WHERE m.article_id = ?",
        article_id,
    )
    by_label: dict[str, set[str]] = {}
    for name, label in found:
        by_label.setdefault(label, set()).add(name)
    for label, names in seed.expected["entities"].items():
        missing = set(names) - by_label.get(label, set())
        assert not missing, f"{label} not found: {sorted(missing)}; found {sorted(by_label.get(label, []))}"
    for label, names in seed.expected.get("entities_absent", {}).items():
        present = set(names) & by_label.get(label, set())
        assert not present, f"{label} should have been resolved to full names: {sorted(present)}"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda s: s.name)
def test_seed_figures(seeded_warehouse, seed):
    warehouse, _ = seeded_warehouse
    article_id = article_of(warehouse, seed)[0]
    columns = ", ".join(f"f.{c}" for c in ("surface", *FIGURE_COLUMNS))
    rows = sql(
        warehouse,
        f"SELECT {columns}, e.name AS holder, f.role FROM figures f "
        "LEFT JOIN entities e USING (entity_id) WHERE f.article_id = ?",
        article_id,
    )
    figures = [dict(zip(("surface", *FIGURE_COLUMNS, *HOLDER_COLUMNS), row, strict=True)) for row in rows]
    if not seed.expected["figures"]:
        assert figures == []
    for want in seed.expected["figures"]:
        candidates = [f for f in figures if want["surface_contains"] in f["surface"]]
        assert candidates, f"no figure with {want['surface_contains']!r}; found {[f['surface'] for f in figures]}"
        mismatches = []
        for figure in candidates:
            wrong = {
                k: (figure[k], want[k]) for k in FIGURE_COLUMNS + HOLDER_COLUMNS if k in want and figure[k] != want[k]
            }
            if not wrong:
                break
            mismatches.append((figure["surface"], wrong))
        else:
            pytest.fail(f"{want['surface_contains']!r}: (found, expected) differ: {mismatches}")


def test_sample_people_are_each_one_entity(seeded_warehouse):
    warehouse, _ = seeded_warehouse
    people = [row[0] for row in sql(warehouse, "SELECT name FROM entities WHERE label = 'PERSON' ORDER BY 1")]
    for person in ["Jen Psaki", "Joe Biden", "John Kirby", "Kristina Kvien", "Sam Kiley", "Vladimir Putin"]:
        assert people.count(person) == 1
    for short in ["Biden", "Kirby", "Psaki"]:
        assert short not in people


def test_sql_checks_pass(seeded_warehouse):
    from warehouse.query import failed_checks

    warehouse, _ = seeded_warehouse
    assert failed_checks(warehouse) == {}


def test_country_variants_are_one_entity_and_aliases_explain_it(seeded_warehouse):
    warehouse, _ = seeded_warehouse
    rows = sql(warehouse, "SELECT DISTINCT surface FROM entity_aliases WHERE name = 'United States' AND label = 'LOC'")
    assert {"US", "the United States"} <= {row[0] for row in rows}
    assert sql(warehouse, "SELECT country_code FROM entities WHERE name = 'United States'") == [("US",)]


def test_articles_without_a_model_for_their_language_are_counted(seeded_warehouse):
    warehouse, report = seeded_warehouse
    skipped = sql(warehouse, "SELECT language, count(*) FROM articles WHERE ner_model IS NULL GROUP BY 1")
    assert skipped == [("de", 1)]
    assert sql(warehouse, "SELECT articles_without_ner FROM runs WHERE run_id = ?", report.run_id) == [(1,)]


NEAR_DUPLICATE_SEEDS = [seed for seed in SEEDS if seed.expected.get("near_duplicate_of")]


@pytest.mark.parametrize("seed", NEAR_DUPLICATE_SEEDS, ids=lambda s: s.name)
def test_seed_near_duplicate_shares_cluster_and_others_do_not(seeded_warehouse, seed):
    warehouse, _ = seeded_warehouse
    clusters = dict(sql(warehouse, "SELECT source, cluster_id FROM articles"))
    original = next(s for s in SEEDS if s.path.name.split(".")[0] == seed.expected["near_duplicate_of"])
    assert clusters[str(seed.path)] == clusters[str(original.path)]
    others = {path for path, cluster in clusters.items() if cluster == clusters[str(seed.path)]}
    assert others == {str(seed.path), str(original.path)}
