"""The NLP on a Dask cluster (flows/dask_runner.py): a LocalCluster of two workers gives the same tables
as the local process pool and leaves the process's Dask config as it was; a bad address is one line.
A lost worker and a stuck document on a running cluster: tests/test_dask_cluster.py (a file of its own,
so that under `--dist loadfile` the two slow halves run in parallel)."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path

import dask
import distributed  # noqa: F401 - its defaults join dask.config on import: before the test's snapshot of it
import pytest

from bench.dedup_corpus import build_dedup_set
from flows.ingest import ingest
from tests.conftest import sql
from warehouse.query import failed_checks

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
VIEWS = ("articles", "entity_mentions", "figures", "rejections")
BATCH = 4


# Short stories of one site, each with the same line of chrome (as in tests/test_boilerplate.py).
CHROME = "Got a story tip for the Harbor Gazette? Write to the newsroom any time"
MIN_STORIES = 3  # a line in this many stories of one site is chrome: fewer pages than the default 5


def story_page(title: str, paragraphs: list[str], index: int) -> str:
    body = "".join(f"<p>{p}</p>" for p in [paragraphs[0], CHROME, *paragraphs[1:]])
    return (
        f'<html><head><title>{title}</title><link rel="canonical" '
        f'href="https://www.gazette.example.com/news/{index}/"></head>'
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


@pytest.fixture
def pages(tmp_path: Path, monkeypatch) -> Path:
    """10 documents, 3 batches of 4 (few: every chunk of a batch is a Prefect task on a Dask worker).
    Batch 0: three stories of one site and cnn_troops; batch 1: the other seeds and a page that is no
    article; batch 2: a fourth story of the site, which is extracted with the chrome committed by batch 0
    (its line of chrome dropped), and an exact copy of cnn_troops at another URL, which takes the
    committed analysis."""
    monkeypatch.setenv("NEWSETL_PIPELINE__BOILERPLATE__MIN_STORIES", str(MIN_STORIES))
    folder = tmp_path / "pages"
    folder.mkdir()
    stories = [t for t in build_dedup_set(stories=8, seed=3) if t.edit == "original"][: MIN_STORIES + 1]
    for index, story in enumerate(stories):
        title, *paragraphs = story.text.splitlines()
        name = f"a-story-{index}.html" if index < MIN_STORIES else f"z-story-{index}.html"
        (folder / name).write_text(story_page(title, paragraphs, index), encoding="utf-8")
    for seed in sorted(SEEDS.glob("*.html")):
        name = "b-" + seed.name if seed.name == "cnn_troops.html" else seed.name  # sorts into batch 0
        (folder / name).write_bytes(seed.read_bytes())
    html = (SEEDS / "cnn_troops.html").read_text(encoding="utf-8")
    (folder / "zz-copy.html").write_text(html.replace("/index.html", "/index-copy.html"), encoding="utf-8")
    (folder / "empty.html").write_text("<html><body><p>Subscribe.</p></body></html>", encoding="utf-8")
    return folder


def rows(warehouse: Path, view: str) -> list[tuple]:
    """Every row of a view, lineage aside (run and batch ids differ from run to run by design)."""
    return sql(warehouse, f"SELECT COLUMNS(lambda c: c NOT IN ('run_id', 'batch_id')) FROM {view} ORDER BY ALL")


@pytest.mark.timeout(900)
def test_a_local_cluster_gives_the_same_tables_as_the_process_pool(prefect_server, pages, tmp_path, monkeypatch):
    documents = len(list(pages.glob("*.html")))
    monkeypatch.delenv("NEWSETL_DASK_ADDRESS", raising=False)
    ingest(sources=[str(pages)], warehouse=str(tmp_path / "pool"), workers=2, batch_size=BATCH)
    monkeypatch.setenv("NEWSETL_DASK_ADDRESS", "local:2")
    config_before = copy.deepcopy(dask.config.config)
    report = ingest(sources=[str(pages)], warehouse=str(tmp_path / "dask"), workers=2, batch_size=BATCH)

    # The LocalCluster's non-daemonic workers were its own: the process's Dask config is as it was.
    assert dask.config.config == config_before

    assert report.counts.articles + report.counts.rejections == documents and report.counts.rejections >= 1
    assert report.counts.entity_mentions > 0 and report.counts.figures > 0
    for view in VIEWS:
        assert rows(tmp_path / "dask", view) == rows(tmp_path / "pool", view), view
    # The copy was not analysed again: its mentions are those of the original under its own article id.
    copies = sql(
        tmp_path / "dask",
        "SELECT count(DISTINCT article_id) FROM articles WHERE text_hash IN "
        "(SELECT text_hash FROM articles GROUP BY 1 HAVING count(*) > 1)",
    )
    assert copies == [(2,)]
    # The chrome learnt from batch 0 reached the Dask workers that extracted batch 2.
    texts = dict(sql(tmp_path / "dask", "SELECT source, text FROM articles WHERE source LIKE '%story%'"))
    assert [CHROME in text for _, text in sorted(texts.items())] == [True] * MIN_STORIES + [False]
    assert failed_checks(tmp_path / "dask") == {}


def test_a_bad_dask_address_is_one_line_before_anything_starts(tmp_path):
    result = subprocess.run(
        [str(Path(sys.executable).with_name("newsetl")), "run", str(SEEDS), "-w", str(tmp_path / "wh"), "--dask", "h"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2 and len(lines) == 1, result.stderr
    assert "not a Dask scheduler address" in lines[0] and "tcp://host:8786" in lines[0]
    assert not (tmp_path / "wh").exists()
