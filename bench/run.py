"""Pipeline against a bare library loop on the same pages and the same cores; prints rates and ratio.

The pages are `bench.corpus`'s templated ones, or with `--pages DIR` a folder of real pages (its `*.html` and
`*.html.gz`): then only issue 13's 1- and N-worker ratios and its 30% copies are measured, on those pages.
"""

from __future__ import annotations

import argparse
import glob
import gzip
import hashlib
import os
import platform
import resource
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from multiprocessing import get_context
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

# Before Prefect is imported (by the pipeline), so that a benchmark never reports analytics.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

import trafilatura
from fastwarc.warc import ArchiveIterator, WarcRecordType
from spacy.language import Language
from trafilatura.settings import Document

from bench.corpus import build_corpus

# The tests' WARC writer: one way to write fixtures, shared with the benchmark.
from tests.warc_fixtures import WarcRecordSpec, write_warc
from transforms.batches import RunReport
from transforms.entities import load_ner, read_texts, resolve_mentions, spans_of
from transforms.figures import find_figures
from transforms.holders import worth_parsing
from transforms.options import EntityOptions
from transforms.records import EntityMention

# The shell's OpenBLAS thread setting, read before the pipeline's import sets one for its own workers
# (flows/workers.py): the bare loop's workers run with the shell's, as a script's would, in every run of
# this process, so its 1- and 2-worker runs are measured alike.
SHELL_OPENBLAS_THREADS = os.environ.get("OPENBLAS_NUM_THREADS")

_nlp: Language | None = None


def _extracted_text(html: bytes, **options: Any) -> str:
    """trafilatura's text, or "" when it finds none. Its result is typed as a dict too, for the
    deprecated `as_dict=True`, which is never passed here."""
    document = trafilatura.bare_extraction(html, **options)
    return (document.text or "") if isinstance(document, Document) else ""


def _bare_init() -> None:
    global _nlp
    _nlp = load_ner(EntityOptions())


# The real pages `--pages` reads from its folder, in this order; ingest is given the same patterns as its
# sources, so its discovery lists the same files as the bare loop (glob's rules, hidden files left out, in both).
PAGE_PATTERNS = ("*.html", "*.html.gz")


def real_pages(folder: Path) -> tuple[list[Path], list[str]]:
    """The folder's pages (not its subfolders'), and the sources that name exactly them to `ingest`: the
    patterns that match a page (a pattern that matches nothing is a missing source to `ingest`)."""
    patterns = [os.path.join(glob.escape(str(folder)), pattern) for pattern in PAGE_PATTERNS]
    found = {pattern: sorted(glob.glob(pattern)) for pattern in patterns}
    return [Path(path) for pattern in patterns for path in found[pattern]], [p for p in patterns if found[p]]


def page_bytes(path: Path) -> bytes:
    """A page's HTML as the pipeline's reader gives it: a `.gz` page decompressed."""
    content = path.read_bytes()
    return gzip.decompress(content) if path.suffix.lower() == ".gz" else content


def _bare_document(html: bytes) -> Document | None:
    """The bare loop's trafilatura call: the page's text and metadata (its address among them), or None."""
    document = trafilatura.bare_extraction(
        html, with_metadata=True, deduplicate=False, include_comments=False, include_tables=False, favor_precision=True
    )
    return document if isinstance(document, Document) else None


def _bare_one(path: str) -> int:
    """What a script would do: extract, run NER, find figures; nothing stored."""
    document = _bare_document(page_bytes(Path(path)))
    text = (document.text or "") if document is not None else ""
    if not text:
        return 0
    assert _nlp is not None, "loaded by the pool's initializer, _bare_init"
    doc = _nlp(text)
    return len(doc.ents) + len(find_figures(text, "bench"))


@contextmanager
def _shell_openblas_threads() -> Iterator[None]:
    """The shell's OPENBLAS_NUM_THREADS (or none) while the block spawns processes, then the pipeline's again."""
    pipeline_setting = os.environ.pop("OPENBLAS_NUM_THREADS", None)
    if SHELL_OPENBLAS_THREADS is not None:
        os.environ["OPENBLAS_NUM_THREADS"] = SHELL_OPENBLAS_THREADS
    try:
        yield
    finally:
        os.environ.pop("OPENBLAS_NUM_THREADS", None)
        if pipeline_setting is not None:
            os.environ["OPENBLAS_NUM_THREADS"] = pipeline_setting


def bare_loop(paths: list[Path], workers: int) -> float:
    started = time.perf_counter()
    with (
        _shell_openblas_threads(),
        ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_bare_init) as pool,
    ):
        found = sum(pool.map(_bare_one, [str(p) for p in paths], chunksize=8))
    assert found > 0
    return time.perf_counter() - started


def _extract_text(path: str) -> str:
    return _extracted_text(
        Path(path).read_bytes(),
        with_metadata=False,
        deduplicate=False,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )


def _seconds(run: Callable[[str], object], texts: list[str]) -> float:
    started = time.perf_counter()
    for text in texts:
        run(text)
    return time.perf_counter() - started


def cleaning_stage(paths: list[Path], workers: int) -> dict[str, float]:
    """Seconds per 1,000 articles, one core, of each step from extracted text to clustered article."""
    import ftfy
    from rensa import RMinHash

    from transforms.boilerplate import drop_site_chrome, site_lines
    from transforms.dedup import band_keys, minhash_signature
    from transforms.language import _identifier, detect_language
    from transforms.normalise import normalise_text
    from transforms.options import BoilerplateOptions, DedupOptions

    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
        texts = [t for t in pool.map(_extract_text, [str(p) for p in paths], chunksize=8) if t]
    _identifier()  # model load is once per process, not per article
    cleaned = [normalise_text(t) for t in texts]
    dedup, boilerplate = DedupOptions(), BoilerplateOptions()

    def bare(text: str) -> None:
        """The libraries alone: ftfy, py3langid, rensa over naive 5-word shingles."""
        fixed = ftfy.fix_text(text)
        _identifier().classify(fixed)
        words = fixed.split()
        minhash = RMinHash(num_perm=dedup.num_perm, seed=dedup.seed)
        minhash.update([" ".join(words[i : i + 5]) for i in range(max(1, len(words) - 4))])
        minhash.digest()

    def site_chrome(text: str) -> None:
        site_lines("bench", "a", text, boilerplate)
        drop_site_chrome("bench", text, {"0" * 32})

    per_thousand = 1000 / len(texts)
    steps = {
        "normalise (ftfy, NFC, residue patterns)": _seconds(normalise_text, texts),
        "language (py3langid, mixed check)": _seconds(detect_language, cleaned),
        "minhash signature + LSH band keys": _seconds(lambda t: band_keys(minhash_signature(t, dedup), dedup), cleaned),
        "site lines + site chrome drop": _seconds(site_chrome, cleaned),
    }
    steps = {name: seconds * per_thousand for name, seconds in steps.items()}
    steps["total"] = sum(steps.values())
    steps["bare libraries (ftfy + py3langid + rensa)"] = _seconds(bare, texts) * per_thousand
    return steps


def ner_cost(paths: list[Path], sample: int) -> dict[str, float]:
    """Milliseconds per document of NER alone, NER with a parse of the whole text, and NER with a parse
    of only the sentences that hold a figure and an actor, as the pipeline parses; one process. Which
    sentences those are (mentions, figures) is worked out before the clock starts, and holders are not
    attached: each mode times the model's work its label names, so the last two compare."""
    extracted = (_extracted_text(path.read_bytes(), deduplicate=False, favor_precision=True) for path in paths[:sample])
    texts = [text for text in extracted if text]
    options = EntityOptions()
    ner_only, with_parser = load_ner(replace(options, syntax=False)), load_ner(replace(options, syntax=True))
    # The pipeline's choice (transforms.holders.worth_parsing): sentences with a figure and an actor
    # whose tokens could give a holder, tokenised once; the parser reads them all in one pipe call.
    chosen = [
        doc
        for text, mentions in zip(texts, _mentions(with_parser, texts, options), strict=True)
        for _, _, doc in worth_parsing(with_parser, text, find_figures(text, "bench"), mentions)
    ]

    def ner_and_chosen_sentences() -> None:
        for _ in read_texts(with_parser, texts, options):  # NER, the parser left out (as the pipeline runs it)
            pass
        for _ in with_parser.pipe(chosen, disable=["ner"]):  # then the parser alone, as find_holders_of does
            pass

    modes = {
        "NER only": lambda: list(ner_only.pipe(texts)),
        "NER + whole-text parse": lambda: list(with_parser.pipe(texts)),
        "NER + figure-sentence parse": ner_and_chosen_sentences,
    }
    costs = {}
    for name, run in modes.items():
        started = time.perf_counter()
        run()
        costs[name] = (time.perf_counter() - started) * 1000 / len(texts)
    return costs


def _mentions(nlp: Language, texts: list[str], options: EntityOptions) -> list[list[EntityMention]]:
    return [resolve_mentions(spans_of(doc), "bench")[0] for doc in read_texts(nlp, texts, options)]


_warmed_up = False  # the first flow of a process (Prefect server start, imports) is paid once, by a warm-up run


def ingest_pages(
    paths: list[Path], sources: list[str] | None, warehouse: Path, workers: int, batch_size: int
) -> RunReport:
    """`ingest` over the pages into a new warehouse. `sources`: what names the pages to it (`real_pages`');
    None for a folder that holds nothing else, named whole."""
    from flows.ingest import ingest

    report = ingest(
        sources=sources or [str(paths[0].parent)], warehouse=str(warehouse), workers=workers, batch_size=batch_size
    )
    # Every page read; a templated page always makes an article, a real one may be rejected (no text in it).
    assert report.counts.documents == len(paths), report
    assert report.counts.articles == len(paths) or sources is not None, report
    return report


def pipeline(
    paths: list[Path], workers: int, batch_size: int, sources: list[str] | None = None
) -> tuple[float, float, float]:
    """Seconds of `ingest` over the pages into a new warehouse, of the warm-up run before it (0.0
    when this process already ran one: later runs find Prefect and the imports ready), and the CPU seconds
    of the measured run (this process and the workers it ended; not the warm-up's)."""
    global _warmed_up
    from flows.cli import run_settings
    from flows.ingest import ingest

    scratch = Path(tempfile.mkdtemp(prefix="newsetl-bench-"))
    try:
        warmup = 0.0
        # With Prefect's settings for a run of `newsetl ingest` (heartbeats off on the temporary server).
        with run_settings():
            if not _warmed_up:
                started = time.perf_counter()
                ingest(sources=[str(paths[0])], warehouse=str(scratch / "warmup"), workers=1)
                warmup = time.perf_counter() - started
                _warmed_up = True
            before, started = _cpu(), time.perf_counter()
            ingest_pages(paths, sources, scratch / "wh", workers, batch_size)
            seconds, after = time.perf_counter() - started, _cpu()
        return seconds, warmup, sum(after) - sum(before)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


COPY_MARK = "copy-of-"  # put before the last part of a copy's path: the same site, another address


def moved_page(html: bytes) -> bytes | None:
    """The page under another address of its site, its story's text unchanged: the path of the address the
    pipeline reads for a page (trafilatura's metadata URL: og:url, twitter:url or the canonical link) rewritten
    wherever the page writes it, `COPY_MARK` before its last part. None when the page has no such address, or
    the rewrite does not move it or changes the text."""
    document = _bare_document(html)
    if document is None or not document.url or not document.text:
        return None
    path = urlsplit(document.url).path
    head, _, last = path.rstrip("/").rpartition("/")
    if not last:  # a site's front page: no story's address to move
        return None
    moved = html.replace(path.encode(), f"{head}/{COPY_MARK}{path[len(head) + 1 :]}".encode())
    copy = _bare_document(moved)
    if copy is None or copy.url in (None, document.url) or copy.text != document.text:
        return None
    return moved


def with_copies(paths: list[Path], folder: Path, share: float = 0.3) -> tuple[list[Path], list[str]]:
    """The same number of pages, the last `share` of them replaced by exact copies of the first ones whose
    address `moved_page` can move (the same text under another address, as syndicated stories are): its
    pages and the sources naming them, as `real_pages` gives them. Written once: a folder already made is
    read again."""
    if not folder.exists():
        partial = folder.with_name(folder.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        copies = int(len(paths) * share)
        kept = paths[: len(paths) - copies]
        for path in kept:
            shutil.copyfile(path, partial / path.name)
        made = 0
        for original in kept:
            if made == copies:
                break
            moved = moved_page(page_bytes(original))
            if moved is None:
                continue
            # Named to sort after the originals of its kind: a copy comes in a later batch than its story, as in
            # an archive; a gzipped page's copy is gzipped too.
            gzipped = original.suffix.lower() == ".gz"
            target = partial / f"zz-copy-{made:05d}.html{'.gz' if gzipped else ''}"
            target.write_bytes(gzip.compress(moved, mtime=0) if gzipped else moved)
            made += 1
        if made < copies:
            raise ValueError(
                f"{made} of the first {len(kept)} pages can be copied under another address; {copies} asked"
            )
        partial.rename(folder)
    return real_pages(folder)


def build_warc(paths: list[Path], target: Path) -> Path:
    """The corpus pages as a crawl would store them: a request and a response record per page."""
    if not target.exists():
        records = []
        for index, path in enumerate(paths):
            uri = f"https://news.example/{index}.html"
            records.append(WarcRecordSpec(uri, b"", warc_type="request"))
            records.append(WarcRecordSpec(uri, path.read_bytes()))
        partial = target.with_suffix(".partial")
        write_warc(partial.with_name(partial.name + ".gz"), records)
        partial.with_name(partial.name + ".gz").rename(target)
    return target


def bare_warc_loop(path: Path) -> tuple[int, int, float]:
    """Records seen and HTML bodies read by a plain fastwarc loop; the seconds it took."""
    started = time.perf_counter()
    records = documents = 0
    for record in ArchiveIterator(str(path), record_types=WarcRecordType.any_type, parse_http=True, auto_decode="all"):
        records += 1
        if (
            record.record_type == WarcRecordType.response
            and record.http_headers.status_code == 200
            and (record.http_content_type or "") in ("text/html", "application/xhtml+xml")
        ):
            documents += len(record.reader.read()) > 0
    return records, documents, time.perf_counter() - started


def pipeline_warc_reader(path: Path, batch_size: int) -> tuple[int, float]:
    """Discovery (one pass, refs by offset), then reading the refs a batch at a time as the flow does."""
    from transforms.records import RawDocument
    from warehouse.sources import discover_documents, read_documents

    started = time.perf_counter()
    refs = discover_documents([str(path)]).refs
    documents = 0
    for start in range(0, len(refs), batch_size):
        documents += sum(isinstance(d, RawDocument) for d in read_documents(refs[start : start + batch_size]).documents)
    return documents, time.perf_counter() - started


def add_corpus_arguments(parser: argparse.ArgumentParser) -> None:
    """The bench corpus and the pipeline's shape: pages, workers, batch size (shared with bench.run_phases)."""
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--corpus", default="bench-data/corpus")
    parser.add_argument(
        "--pages",
        type=Path,
        help="a folder of real pages (its *.html, *.html.gz) to measure on, in place of the templated corpus",
    )


def bench_pages(args: argparse.Namespace) -> tuple[list[Path], list[str] | None]:
    """The pages to measure on and the sources naming them to `ingest`: `--pages`'s real ones, or the
    templated corpus (built once; `ingest` is given its folder). A `--pages` folder with none stops the bench
    with a line saying so (exit status 1)."""
    if args.pages is not None:
        paths, sources = real_pages(args.pages)
        if not paths:
            raise SystemExit(
                f"--pages {args.pages}: the folder holds no pages ({' or '.join(PAGE_PATTERNS)}); nothing to measure"
            )
        return paths, sources
    return build_corpus(Path(args.corpus) / str(args.docs), args.docs), None


def copies_of(paths: list[Path], args: argparse.Namespace) -> tuple[list[Path], list[str] | None]:
    """Issue 13's archive with 30% copies made from the pages (`with_copies`, written once under `--corpus`),
    and the sources naming it to `ingest` (None for the templated corpus's, a folder of pages only)."""
    if args.pages is None:
        return with_copies(paths, Path(args.corpus) / f"{args.docs}-30pct-copies")[0], None
    # Real pages' copies are kept apart by the pages they were made from.
    named = hashlib.sha256("\n".join(str(path.resolve()) for path in paths).encode()).hexdigest()[:12]
    return with_copies(paths, Path(args.corpus) / f"pages-{named}-30pct-copies")


def copies_run(paths: list[Path], args: argparse.Namespace) -> None:
    """Issue 13's archive with 30% copies: the bare loop, then the pipeline, over the same pages."""
    copied, sources = copies_of(paths, args)
    before = _cpu()
    bare_copied = bare_loop(copied, args.workers)
    bare_cpu = _cpu()
    pipeline_copied, _, measured_cpu = pipeline(copied, args.workers, args.batch_size, sources)
    pipeline_cpu = _cpu()
    print(
        f"30% exact copies, {args.workers} worker(s): bare loop {bare_copied:.1f}s, pipeline {pipeline_copied:.1f}s; "
        f"ratio pipeline/bare: {bare_copied / pipeline_copied:.2f}"
    )
    # CPU seconds (this process, its ended child processes): a shared machine moves the wall seconds, less these.
    print(
        f"30% exact copies CPU s (this process / workers): bare loop {bare_cpu[0] - before[0]:.1f} / "
        f"{bare_cpu[1] - before[1]:.1f}, pipeline with its warm-up {pipeline_cpu[0] - bare_cpu[0]:.1f} / "
        f"{pipeline_cpu[1] - bare_cpu[1]:.1f}; ratio bare/pipeline CPU, the measured run (no warm-up): "
        f"{(sum(bare_cpu) - sum(before)) / measured_cpu:.2f}"
    )


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process and of its child processes that have ended."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def worker_ratios(paths: list[Path], args: argparse.Namespace, sources: list[str] | None = None) -> None:
    """Issue 13's ratios on the pages: pipeline against the bare loop with 1 worker and with `--workers`,
    and each one's speed-up from 1 worker to `--workers`."""
    seconds: dict[tuple[str, int], float] = {}
    for workers in sorted({1, args.workers}):
        before = _cpu()
        seconds["bare", workers] = bare_loop(paths, workers)
        bare_cpu = sum(_cpu()) - sum(before)
        print(
            f"bare loop (trafilatura + spaCy NER + figures), {workers} worker(s): "
            f"{len(paths) / seconds['bare', workers]:7.2f} docs/s ({seconds['bare', workers]:.1f}s)"
        )
        seconds["pipeline", workers], warmup, pipeline_cpu = pipeline(paths, workers, args.batch_size, sources)
        print(
            f"pipeline (newsetl ingest into a fresh warehouse), {workers} worker(s): "
            f"{len(paths) / seconds['pipeline', workers]:7.2f} docs/s ({seconds['pipeline', workers]:.1f}s; "
            + (f"Prefect server start and warm-up run {warmup:.1f}s, not counted)" if warmup else "warm already)")
        )
        print(
            f"ratio pipeline/bare, {workers} worker(s): {seconds['bare', workers] / seconds['pipeline', workers]:.2f}"
        )
        # On a shared machine the wall seconds move with the others' load; the CPU seconds much less.
        print(
            f"CPU s, {workers} worker(s) (this process + workers): bare loop {bare_cpu:.1f}, pipeline "
            f"{pipeline_cpu:.1f}; ratio bare/pipeline CPU: {bare_cpu / pipeline_cpu:.2f}"
        )
    if args.workers > 1:
        for kind in ("bare", "pipeline"):
            speedup = seconds[kind, 1] / seconds[kind, args.workers]
            print(f"{kind}: {args.workers} workers against 1: {speedup:.2f}x")


def _print_pages(label: str, paths: list[Path], workers: int) -> None:
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    print(
        f"{label}: {len(paths)} pages, {megabytes:.1f} MB ({megabytes * 1000 / len(paths):.0f} KB/page), "
        f"{workers} worker processes, {os.cpu_count()} cores"
    )
    print(f"machine: {platform.platform()}, Python {platform.python_version()}, load average {os.getloadavg()[0]:.1f}")


def real_pages_run(args: argparse.Namespace) -> None:
    """The ratios and the 30% copies on a folder of real pages; one line and nothing else when it holds none
    (`make bench` on a machine without the public set; the other benches taking `--pages` stop there)."""
    paths, sources = real_pages(args.pages)
    if not paths:
        print(f"real pages: no {' or '.join(PAGE_PATTERNS)} in {args.pages}; skipped, nothing measured on real pages")
        return
    _print_pages(f"real pages ({args.pages})", paths, args.workers)
    if not args.copies_only:
        worker_ratios(paths, args, sources)
    copies_run(paths, args)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    add_corpus_arguments(parser)
    parser.add_argument(
        "--stage-sample", type=int, default=100, help="pages on which NER alone and NER + parser are timed"
    )
    parser.add_argument(
        "--copies-only", action="store_true", help="only the 30%% copies run: bare loop, then pipeline (warm-up first)"
    )
    args = parser.parse_args(argv)
    if args.pages is not None:
        real_pages_run(args)
        return

    paths, _ = bench_pages(args)
    _print_pages("corpus", paths, args.workers)
    # Issue 13's ratios, all from this one run: pipeline against the bare loop with 1 worker and with
    # `--workers`, each one's speed-up from 1 worker to `--workers`, and an archive with 30% copies.
    if args.copies_only:
        copies_run(paths, args)
        return
    worker_ratios(paths, args)
    copies_run(paths, args)
    costs = ner_cost(paths, args.stage_sample)
    only = costs["NER only"]
    for name, cost in costs.items():
        print(
            f"{name}: {cost:.1f} ms/doc (x{cost / only:.2f}); one process, {min(args.stage_sample, len(paths))} pages"
        )
    print("cleaning, language and duplicate stage, one core, seconds per 1,000 articles:")
    stage = cleaning_stage(paths, args.workers)
    for name, seconds_per_thousand in stage.items():
        print(f"  {name:<45} {seconds_per_thousand:6.2f}")
    print(f"  ratio stage/bare libraries: {stage['total'] / stage['bare libraries (ftfy + py3langid + rensa)']:.2f}")

    warc = build_warc(paths, Path(args.corpus) / f"{args.docs}.warc.gz")
    records, bare_docs, bare_seconds = bare_warc_loop(warc)
    docs, reader_seconds = pipeline_warc_reader(warc, args.batch_size)
    assert docs == bare_docs == len(paths), (docs, bare_docs)
    print(
        f"WARC ({records} records, {warc.stat().st_size / 1e6:.1f} MB gzip): bare fastwarc loop "
        f"{records / bare_seconds:8.0f} records/s; pipeline reader (discover + read) "
        f"{records / reader_seconds:8.0f} records/s; ratio reader/bare: {bare_seconds / reader_seconds:.2f}"
    )


if __name__ == "__main__":
    main()
