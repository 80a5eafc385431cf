"""`make bench` works end to end on a small corpus (speed itself is never asserted)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench import run
from bench.corpus import build_corpus
from bench.run import main


def test_corpus_is_deterministic_and_looks_like_news(tmp_path):
    first = build_corpus(tmp_path / "a", 6)
    second = build_corpus(tmp_path / "b", 6)
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]
    page = first[0].read_text(encoding="utf-8")
    assert "<nav>" in page and "Leave a Comment" in page and "<article>" in page


@pytest.mark.timeout(600)  # the whole benchmark on 4 pages: Prefect server, worker processes, spaCy twice
def test_bench_prints_both_rates_and_ratio(prefect_server, tmp_path, capsys):
    main(["--docs", "4", "--workers", "1", "--corpus", str(tmp_path / "corpus")])
    out = capsys.readouterr().out
    assert "bare loop" in out and "pipeline" in out
    ratio = float(out.split("ratio pipeline/bare, 1 worker(s):")[1].split()[0])
    assert ratio > 0
    copies = float(out.split("30% exact copies")[1].split("ratio pipeline/bare:")[1].split()[0])
    assert copies > 0 and "machine:" in out
    warc_ratio = float(out.split("ratio reader/bare:")[1].split()[0])
    assert warc_ratio > 0 and "records/s" in out
    assert "NER only" in out and "NER + figure-sentence parse" in out
    stage = float(out.split("ratio stage/bare libraries:")[1].split()[0])
    assert stage > 0 and "seconds per 1,000 articles" in out


def test_the_bare_loop_spawns_with_the_shells_thread_setting_not_the_pipelines(monkeypatch):
    # The pipeline's import sets OPENBLAS_NUM_THREADS for its workers; the bare loop stands for a script
    # and must not inherit it, or its 1- and 2-worker runs differ in more than the worker count.
    monkeypatch.setattr(run, "SHELL_OPENBLAS_THREADS", None)
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "1")
    with run._shell_openblas_threads():
        assert "OPENBLAS_NUM_THREADS" not in os.environ
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
    monkeypatch.setattr(run, "SHELL_OPENBLAS_THREADS", "4")
    with run._shell_openblas_threads():
        assert os.environ["OPENBLAS_NUM_THREADS"] == "4"
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"


def test_bench_scale_grows_its_archive_ending_with_batches_of_a_real_runs_size(tmp_path):
    """The synthetic growth's last COMPACT_MIN_FILES batches are of a real run's size, so the files the next compaction
    merges at the largest size are a real batch's, as at the smaller ones (not ten times larger)."""
    import pyarrow.compute as pc

    from bench.scale import archive_articles, grow_synthetic
    from warehouse.options import COMPACT_MIN_FILES
    from warehouse.schemas import BATCHES
    from warehouse.store import ensure_tables, open_table, table_path

    ensure_tables(tmp_path)
    last = 5
    grow_synthetic(tmp_path, 250 + COMPACT_MIN_FILES * last, 100, seed=1, last_batch=last)
    markers = open_table(table_path(tmp_path, BATCHES)).to_pyarrow_table()  # type: ignore[union-attr]
    markers = markers.take(pc.sort_indices(markers, [("batch_id", "ascending")]))
    assert markers["articles"].to_pylist() == [100, 100, 50] + [last] * COMPACT_MIN_FILES
    assert archive_articles(tmp_path) == 250 + COMPACT_MIN_FILES * last


def test_bench_scale_times_each_size_publishes_after_new_batches(tmp_path, capsys):
    """publish_series commits, catches up with and publishes a probe batch at a time on each warehouse in turn, and
    times each publish: the views then show every batch committed, and its table prints the ratio."""
    from bench.scale import archive_articles, grow_synthetic, publish_series
    from warehouse.query import connect_views
    from warehouse.store import ensure_tables

    warehouses = [tmp_path / "small", tmp_path / "large"]
    for warehouse, articles in zip(warehouses, (20, 60), strict=True):
        ensure_tables(warehouse)
        grow_synthetic(warehouse, articles, 20, seed=articles, last_batch=10)
    cpus = publish_series(warehouses, batch=5, count=3, seeds=[0, 1])
    assert [len(seconds) for seconds in cpus] == [3, 3]
    assert all(seconds > 0 for per_size in cpus for seconds in per_size)
    for warehouse in warehouses:
        with connect_views(warehouse) as con:
            shown = con.execute("select count(*) from articles").fetchone()
        assert shown == (archive_articles(warehouse),)
    assert "largest/smallest: median" in capsys.readouterr().out


def test_bench_scale_s_publish_series_takes_the_sizes_in_turn_each_turn_opened_by_an_untimed_publish(
    tmp_path, monkeypatch
):
    """One size's 16 publishes and then the other's met different loads (0.98-1.33 for the same code, round 30): the
    series takes the warehouses in turn, PUBLISH_BLOCK publishes a turn, and a turn starts with an untimed publish of
    its warehouse (the process keeps what it knows of one views file, as a run does)."""
    from bench import scale
    from warehouse.store import ensure_tables

    warehouses = [tmp_path / "small", tmp_path / "large"]
    for warehouse, articles in zip(warehouses, (20, 60), strict=True):
        ensure_tables(warehouse)
        scale.grow_synthetic(warehouse, articles, 20, seed=articles, last_batch=10)
    published: list[tuple[str, bool]] = []
    timing = [False]
    publish, timed = scale.views.publish_views, scale.timed

    def recorded_publish(warehouse):
        published.append((warehouse.name, timing[0]))
        return publish(warehouse)

    def recorded_timed(step, calls=1):
        timing[0] = True
        try:
            return timed(step, calls)
        finally:
            timing[0] = False

    monkeypatch.setattr(scale.views, "publish_views", recorded_publish)
    monkeypatch.setattr(scale, "timed", recorded_timed)
    monkeypatch.setattr(scale, "PUBLISH_BLOCK", 2)
    cpus = scale.publish_series(warehouses, batch=5, count=3, seeds=[0, 1])
    assert [len(seconds) for seconds in cpus] == [3, 3]
    turn = [False, True, True]  # an untimed publish, then the turn's timed ones
    assert published == (
        [("small", t) for t in turn]
        + [("large", t) for t in turn]
        + [("small", False), ("small", True)]
        + [("large", False), ("large", True)]
    )


def test_bench_scale_takes_every_step_in_fresh_processes_the_sizes_in_turn(tmp_path, monkeypatch, capsys):
    """In one process the two sizes share what it keeps (index connections, footers, its heap), and sizes timed minutes
    apart meet different loads (the copy lookup 1.17-1.22 and stored pages 1.05-1.33 side by side, round 31): in_turn
    times every step in fresh processes, the first size's and the last's in turn, a pair on one probe seed, each on its
    own copy (the warehouses it is given are not changed), and prints each pair's ratio, their median and spread."""
    from bench import scale
    from warehouse.store import ensure_tables

    warehouses = [tmp_path / "small", tmp_path / "large"]
    for warehouse, articles in zip(warehouses, (20, 60), strict=True):
        ensure_tables(warehouse)
        scale.grow_synthetic(warehouse, articles, 20, seed=articles, last_batch=10)
    before = [sorted(p.relative_to(w) for p in w.rglob("*")) for w in warehouses]
    started: list[tuple[str, str]] = []
    answers: list[dict] = []
    run = scale.subprocess.run

    def recorded_run(command, **kwargs):
        started.append((command[command.index("--turn-of") + 1], command[command.index("--turn-seed") + 1]))
        finished = run(command, **kwargs)
        answers.append(scale.json.loads(finished.stdout.strip().splitlines()[-1]))
        return finished

    monkeypatch.setattr(scale.subprocess, "run", recorded_run)
    ratios = scale.in_turn(warehouses, tmp_path / "scratch", batch=5, repeat=1, pairs=2, commits=2, publishes=1)
    assert [(Path(source).name, seed) for source, seed in started] == [
        ("small", "2000"),
        ("large", "2000"),
        ("small", "2001"),
        ("large", "2001"),
    ]
    assert len({answer["pid"] for answer in answers}) == 4 and os.getpid() not in {a["pid"] for a in answers}
    assert [answer["size"] for answer in answers] == [20, 60, 20, 60]
    assert len(ratios) == 2 and all(set(pair) == set(scale.TURN_STEPS) for pair in ratios)
    assert all(r > 0 for pair in ratios for step in pair.values() for r in step)
    assert [sorted(p.relative_to(w) for p in w.rglob("*")) for w in warehouses] == before
    out = capsys.readouterr().out
    assert "Every step in fresh processes in turn, 2 pairs" in out and "| stored pages |" in out


def test_bench_scale_counts_the_bytes_a_series_compactions_rewrote(tmp_path):
    """compacted_bytes sums the files that compactions after the given versions replaced, from their Delta commits:
    the count printed beside the commit series' times (not the appends, not the compactions before)."""
    from bench.scale import compacted_bytes, table_versions
    from tests.test_compaction import file_sizes, markers
    from warehouse.schemas import BATCHES
    from warehouse.store import append_rows, compact_tables, ensure_tables, open_table, table_path

    ensure_tables(tmp_path)
    path = table_path(tmp_path, BATCHES)
    for batch in range(3):
        append_rows(tmp_path, BATCHES, markers(batch, 20), {"run_id": "r"})
    compact_tables(tmp_path, min_files=1, retention_hours=0)  # before the series: not counted
    since = table_versions(tmp_path)
    assert compacted_bytes(tmp_path, since) == 0
    for batch in range(3, 6):
        append_rows(tmp_path, BATCHES, markers(batch, 20), {"run_id": "r"})
    before = file_sizes(open_table(path))  # type: ignore[arg-type]
    assert BATCHES.name in compact_tables(tmp_path, min_files=1, retention_hours=0)
    after = file_sizes(open_table(path))  # type: ignore[arg-type]
    replaced = sum(size for name, size in before.items() if name not in after)
    assert replaced > 0 and compacted_bytes(tmp_path, since) == replaced


def test_bench_pool_idle_pairs_each_task_with_its_end_and_finds_the_waits_between_batches(
    prefect_server, tmp_path, capsys
):
    from bench import pool_idle
    from flows import timeline
    from flows.ingest import ingest
    from tests.conftest import SEEDS_DIR

    with timeline.recording() as moments:
        report = ingest(sources=[str(SEEDS_DIR)], warehouse=str(tmp_path / "wh"), workers=2, batch_size=4)
    assert report.batches > 1
    spans = pool_idle.busy_spans(moments)
    assert sum(map(len, spans.values())) == len(timeline.positions(moments, "task sent"))
    assert all(start <= end for worker in spans.values() for start, end in worker)
    # The next batch is read by the flow process after the last one's results: no worker has a task then.
    gaps = pool_idle.idle_gaps(moments)
    assert sum("batch start" in inside for _, _, inside in gaps) == report.batches - 1
    pool_idle.report(moments, worker_cpu=1.0, flow_cpu=1.0)
    assert "serial share by CPU" in capsys.readouterr().out


@pytest.mark.timeout(600)  # the copies part alone: the bare loop, a warm-up run and the pipeline on 4 pages
def test_bench_copies_only_prints_the_copies_ratio_alone(prefect_server, tmp_path, capsys):
    main(["--docs", "4", "--workers", "1", "--corpus", str(tmp_path / "corpus"), "--copies-only"])
    out = capsys.readouterr().out
    copies = float(out.split("30% exact copies")[1].split("ratio pipeline/bare:")[1].split()[0])
    assert copies > 0
    assert float(out.split("30% exact copies CPU s")[1].split("(no warm-up):")[1].split()[0]) > 0
    assert "ratio pipeline/bare, 1 worker(s)" not in out and "records/s" not in out


def test_pipeline_identity_finds_the_same_rows_again_and_a_page_whose_rows_changed(tmp_path, capsys):
    from bench import pipeline_identity

    corpus = tmp_path / "corpus"
    build_corpus(corpus, 3)
    saved = tmp_path / "before.jsonl"
    assert pipeline_identity.main(["--docs", "3", "--corpus", str(corpus), "--save", str(saved)]) == 0
    assert pipeline_identity.main(["--docs", "3", "--corpus", str(corpus), "--compare", str(saved)]) == 0
    assert "3 of 3 pages the same" in capsys.readouterr().out
    rows = saved.read_text(encoding="utf-8").splitlines()
    saved.write_text("\n".join([rows[0].replace('"mentions": "', '"mentions": "0'), *rows[1:]]), encoding="utf-8")
    assert pipeline_identity.main(["--docs", "3", "--corpus", str(corpus), "--compare", str(saved)]) == 1
    assert "2 of 3 pages the same" in capsys.readouterr().out


def test_bench_scale_s_stored_pages_probe_asks_for_stored_urls_where_the_archive_stored_none(tmp_path, monkeypatch):
    """At its first size bench.scale's archive comes from real runs over files, which store no fetched page: the
    stored-pages lookup's first look there found none of its URLs and read nothing, while at the synthetic sizes half
    of them are stored and committed, so its ratio compared unlike work (docs/benchmarks.md, round 30). measure()
    commits a probe batch before it draws the keys: half the URLs asked are stored at every size."""
    from datetime import date

    from bench import scale
    from tests.story_fixtures import ACME, article, commit
    from warehouse import lookups
    from warehouse.schemas import ARTICLES, ENTITIES, RAW_PAGES
    from warehouse.store import ensure_tables, table_files

    ensure_tables(tmp_path)
    day = date(2024, 1, 2)
    commit(
        tmp_path,
        "night",
        "night-1",
        day,
        {ARTICLES: [article(f"a{n}", f"a{n}", day) for n in range(20)], ENTITIES: [ACME]},
    )
    assert table_files(tmp_path, RAW_PAGES) == []  # as a night over files leaves it
    asked = []
    stored_pages = lookups.stored_pages

    def counted(warehouse, urls):
        found = stored_pages(warehouse, urls)
        asked.append((len(set(urls)), len(found.known_urls) + len(found.pages)))
        return found

    monkeypatch.setattr(lookups, "stored_pages", counted)
    scale.measure(tmp_path, batch=10, repeat=1, seed=1)
    assert asked and all(found == urls // 2 for urls, found in asked), asked


def test_bench_scale_s_nights_and_bench_memory_s_child_run_the_measured_tree_s_code(tmp_path):
    """The processes bench.scale and bench.memory start import the code of the tree they measure, not the editable
    install's (a helper's tree measured /work/main's code for bench.scale's nights, round 29): the tree comes first
    on their path, and a process started so, from a folder with no code in it, imports its packages from there."""
    import subprocess
    import sys
    from pathlib import Path

    from bench.memory import child_environment
    from bench.scale import night_command
    from bench.tree import measured_tree

    tree = measured_tree()
    elsewhere = str(tmp_path / "elsewhere")
    command, env = night_command(tmp_path / "pages", tmp_path / "wh", 200, {**os.environ, "PYTHONPATH": elsewhere})
    assert Path(command[0]).name == "newsetl" and command[1] == "run"
    assert env["PYTHONPATH"].split(os.pathsep) == [str(tree), elsewhere]
    assert child_environment()["PYTHONPATH"].split(os.pathsep)[0] == str(tree)
    where = "import flows.cli, transforms, warehouse as w; print(flows.cli.__file__, transforms.__file__, w.__file__)"
    imported = subprocess.run([sys.executable, "-c", where], cwd=tmp_path, env=env, capture_output=True, text=True)
    files = [Path(file) for file in imported.stdout.split()]
    assert len(files) == 3 and all(file.resolve().is_relative_to(tree) for file in files), imported.stderr


def _real_pages_folder(tmp_path):
    """Three pages as a real set holds them (two plain, one gzipped) beside files neither runner reads."""
    import gzip
    import shutil

    pages = tmp_path / "pages"
    (pages / "older").mkdir(parents=True)
    made = build_corpus(tmp_path / "made", 3)
    shutil.copy(made[0], pages / "b.html")
    shutil.copy(made[1], pages / "a.html")
    (pages / "c.html.gz").write_bytes(gzip.compress(made[2].read_bytes()))
    shutil.copy(made[0], pages / ".hidden.html")
    shutil.copy(made[1], pages / "older" / "d.html")
    (pages / "README.md").write_text("# Where these pages come from\n", encoding="utf-8")
    return pages, made


def test_bench_real_pages_are_the_folders_html_and_both_runners_read_the_same_bytes(tmp_path):
    from warehouse.sources import discover_documents, read_documents

    pages, made = _real_pages_folder(tmp_path)
    paths, sources = run.real_pages(pages)
    assert [p.name for p in paths] == ["a.html", "b.html", "c.html.gz"]
    # The pipeline is given `sources`: its discovery lists the same files, and its reader gives the bytes the
    # bare loop reads (the gzipped page decompressed by both).
    refs = discover_documents(sources).refs
    assert [ref.path for ref in refs] == [str(p.resolve()) for p in paths]
    read = [document.content for document in read_documents(refs).documents]  # type: ignore[union-attr]
    assert (
        read == [run.page_bytes(p) for p in paths] == [made[1].read_bytes(), made[0].read_bytes(), made[2].read_bytes()]
    )
    # A set of plain pages only: no pattern for gzipped ones (a pattern that matches nothing stops `ingest`).
    (pages / "c.html.gz").unlink()
    plain, plain_sources = run.real_pages(pages)
    assert [ref.path for ref in discover_documents(plain_sources).refs] == [str(p.resolve()) for p in plain]
    assert len(plain) == 2


def test_bench_real_pages_skip_with_one_line_when_the_folder_holds_none(tmp_path, capsys):
    main(["--pages", str(tmp_path / "not-here")])
    (tmp_path / "empty").mkdir()
    main(["--pages", str(tmp_path / "empty")])
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"real pages: no *.html or *.html.gz in {tmp_path / 'not-here'}; skipped, nothing measured on real pages",
        f"real pages: no *.html or *.html.gz in {tmp_path / 'empty'}; skipped, nothing measured on real pages",
    ]


@pytest.mark.timeout(600)  # the ratios alone on 3 pages: Prefect server, worker processes, spaCy twice
def test_bench_real_pages_print_the_ratios_on_the_folders_pages(prefect_server, tmp_path, capsys):
    pages, _ = _real_pages_folder(tmp_path)
    main(["--pages", str(pages), "--workers", "1", "--corpus", str(tmp_path / "corpus")])
    out = capsys.readouterr().out
    assert f"real pages ({pages}): 3 pages" in out
    assert float(out.split("ratio pipeline/bare, 1 worker(s):")[1].split()[0]) > 0
    assert float(out.split("ratio bare/pipeline CPU:")[1].split()[0]) > 0
    # The ratios and the copies: no templated corpus built, no stage or WARC parts.
    assert float(out.split("30% exact copies")[1].split("ratio pipeline/bare:")[1].split()[0]) > 0
    assert not (tmp_path / "corpus" / "500").exists() and "records/s" not in out


def test_bench_copies_of_real_pages_are_earlier_stories_under_other_addresses_of_their_sites(tmp_path):
    """Real pages' 30% copies (perf31): the first pages with an address of a story, each with that address's path
    moved wherever the page writes it and its text unchanged, after its original in the order both runners
    read; a gzipped page's copy gzipped. The templated corpus's copies are what its `/story-` rewrite made."""
    import gzip
    import re

    from warehouse.sources import discover_documents

    made = [path.read_bytes() for path in build_corpus(tmp_path / "made", 10)]
    canonical = rb'<link rel="canonical" href="https://news.example.org/world/story-1.html">'
    pages = tmp_path / "pages"
    pages.mkdir()
    # No address of its own: its copy would be the same article, known by its text.
    (pages / "a0.html").write_bytes(re.sub(rb'<link rel="canonical"[^>]*>', b"", made[0]))
    # The address in og:url, as most real pages give it, and again in twitter:url.
    og = b'<meta property="og:url" content="https://www.example.com/2024/05/one-story">'
    twitter = b'<meta name="twitter:url" content="https://www.example.com/2024/05/one-story">'
    (pages / "a1.html").write_bytes(made[1].replace(canonical, og + twitter))
    (pages / "a2.html").write_bytes(made[2].replace(b"/world/story-2.html", b"/"))  # a site's front page
    (pages / "a3.html").write_bytes(made[3])
    for index in range(4, 10):
        (pages / f"g{index}.html.gz").write_bytes(gzip.compress(made[index]))
    paths, _ = run.real_pages(pages)

    copied, sources = run.with_copies(paths, tmp_path / "copies")
    names = ["a0.html", "a1.html", "a2.html", "a3.html", "zz-copy-00000.html", "zz-copy-00001.html"]
    names += ["g4.html.gz", "g5.html.gz", "g6.html.gz", "zz-copy-00002.html.gz"]
    assert [path.name for path in copied] == names
    assert [ref.path for ref in discover_documents(sources).refs] == [str(path.resolve()) for path in copied]
    for original, copy in (("a1.html", "zz-copy-00000.html"), ("a3.html", "zz-copy-00001.html")):
        before, after = (
            run._bare_document(run.page_bytes(pages.parent / "copies" / name)) for name in (original, copy)
        )
        assert before is not None and after is not None and before.text and after.text == before.text
    first, third = (run._bare_document(run.page_bytes(copied[index])) for index in (4, 9))
    assert first is not None and first.url == "https://www.example.com/2024/05/copy-of-one-story"
    assert copied[4].read_bytes().count(b"https://www.example.com/2024/05/copy-of-one-story") == 2
    assert third is not None and third.url == "https://news.example.org/world/copy-of-story-4.html"
    assert copied[5].read_bytes() == made[3].replace(b"/story-", b"/copy-of-story-")
    # Written once: a second call reads the folder.
    assert run.with_copies(paths, tmp_path / "copies") == (copied, sources)


def test_the_benches_taking_pages_stop_with_a_line_on_a_folder_without_pages(tmp_path):
    """bench.run_phases and bench.pool_idle ended in an IndexError on an empty `--pages` folder, and
    bench.dedup_growth in a ZeroDivisionError (round 31): each says the folder holds no pages and exits non-zero."""
    from bench import dedup_growth, pool_idle, run_phases

    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "README.md").write_text("# No pages here\n", encoding="utf-8")
    for bench_main, arguments in (
        (run_phases.main, ["--corpus", str(tmp_path / "corpus")]),
        (pool_idle.main, ["--corpus", str(tmp_path / "corpus")]),
        (dedup_growth.main, ["--batches", "2"]),
    ):
        with pytest.raises(SystemExit) as stopped:
            bench_main(["--pages", str(empty), *arguments])
        said = stopped.value.code
        assert isinstance(said, str) and said.startswith(f"--pages {empty}: the folder holds no pages"), said
    assert not (tmp_path / "corpus").exists()
