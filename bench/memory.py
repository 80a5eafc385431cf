"""Peak memory and rerun cost: a first run into a fresh warehouse, then a rerun over the unchanged pages.

For each corpus size, a child process runs `ingest` (a warm-up run first, so Prefect's start is not
counted) while this process samples the resident memory of the child's whole process tree (flow
process, worker processes, Prefect's temporary server) every quarter second. Prints, per size, the
peak RSS of each run, with and without the Prefect server, and of the flow process and of the largest
worker process alone (which of them grows with the run), the seconds of each run and the rerun's
share of the first run, with the seconds per stage of both runs and the machine's load average; then
the two numbers of issue 13 against their targets: peak RSS flat (within ±10%) from the smallest to the
largest size, and the rerun of the largest size at most 5% of its first run.

    python -m bench.memory --docs 1000 10000        (make bench-memory)

`--worker-documents N` sets the documents after which a worker process is replaced (0: never, as before
that setting existed), to compare the same sizes with and without.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil  # type: ignore[import-untyped]  # no type hints shipped; types-psutil is not a dependency

from bench.corpus import build_corpus
from bench.tree import describe_tree, measured_tree, tree_environment

MARK = "BENCH "  # lines of the child's output meant for this process
SAMPLE_SECONDS = 0.25


def _is_prefect_server(process: psutil.Process) -> bool:
    try:
        command = " ".join(process.cmdline())
    except psutil.Error:
        return False
    return "prefect" in command and ("server" in command or "uvicorn" in command)


def _is_worker(process: psutil.Process) -> bool:
    try:
        return "multiprocessing.spawn" in " ".join(process.cmdline())
    except psutil.Error:
        return False


def tree_rss(root: psutil.Process) -> tuple[int, int, int, int]:
    """Resident bytes of `root` and all its descendants; of the same less Prefect's server; of `root` (the
    flow process) alone; and of the largest worker process."""
    total = pipeline = flow = worker = 0
    try:
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0, 0, 0, 0
    for process in processes:
        try:
            rss = process.memory_info().rss
        except psutil.Error:  # ended between the listing and the read
            continue
        total += rss
        if not _is_prefect_server(process):
            pipeline += rss
        if process is root:
            flow = rss
        elif _is_worker(process):
            worker = max(worker, rss)
    return total, pipeline, flow, worker


def child_environment(worker_documents: int | None = None) -> dict[str, str]:
    """The child's environment: this process's, with the tree this process measures first on the child's path
    (bench/tree.py), so the child runs this tree's code wherever it is started from."""
    # A busy machine can take longer than Prefect's default 20 s to start its temporary server.
    env = {"PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180", **os.environ, "PYTHONUNBUFFERED": "1"}
    if worker_documents is not None:
        env["NEWSETL_WORKER_DOCUMENTS"] = str(worker_documents)
    return tree_environment(env)


def measure(folder: Path, workers: int, batch_size: int, worker_documents: int | None = None) -> dict:
    """Run the child on `folder`; the peak RSS of each of its phases, and what it reported."""
    command = [sys.executable, "-m", "bench.memory", "--child", str(folder), "--workers", str(workers)]
    command += ["--batch-size", str(batch_size)]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=child_environment(worker_documents))
    root = psutil.Process(child.pid)
    phase = ["start"]
    peaks: dict[str, list[int]] = {}
    timelines: dict[str, list[tuple[float, int, int]]] = {}  # per phase: (seconds in, pipeline RSS, flow RSS)
    reported: dict = {}

    def read_output() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith(MARK):
                message = json.loads(line[len(MARK) :])
                if "phase" in message:
                    phase[0] = message["phase"]
                else:
                    reported.update(message)

    reader = threading.Thread(target=read_output, daemon=True)
    reader.start()
    started: dict[str, float] = {}  # when each phase was first sampled
    while child.poll() is None:
        sample = tree_rss(root)
        now = phase[0]
        peak = peaks.setdefault(now, [0, 0, 0, 0])
        peak[:] = [max(old, new) for old, new in zip(peak, sample, strict=True)]
        elapsed = time.perf_counter() - started.setdefault(now, time.perf_counter())
        timelines.setdefault(now, []).append((elapsed, sample[1], sample[2]))
        time.sleep(SAMPLE_SECONDS)
    reader.join(timeout=10)
    if child.returncode:
        raise SystemExit(f"the benchmark run failed (exit code {child.returncode}); its log is above")
    return {"peaks": peaks, "timelines": timelines, **reported}


def timeline_summary(samples: list[tuple[float, int, int]], parts: int = 10) -> str:
    """When in a run its memory peaks: the highest pipeline and flow-process RSS (MB) in each tenth of the
    run, so growth over the run shows apart from a spike at one step (a late compaction, the last publish)."""
    if not samples:
        return "no samples"
    end = samples[-1][0] or 1.0
    tenths: list[list[int]] = [[0, 0] for _ in range(parts)]
    for elapsed, pipeline, flow in samples:
        part = tenths[min(int(elapsed / end * parts), parts - 1)]
        part[:] = [max(part[0], pipeline), max(part[1], flow)]
    return " | ".join(f"{round(pipeline / 2**20)}/{round(flow / 2**20)}" for pipeline, flow in tenths)


def child(folder: Path, workers: int, batch_size: int) -> None:
    """Warm-up, first run, rerun; say which phase is on and what each run took."""
    from flows.ingest import ingest

    def say(**message: object) -> None:
        print(MARK + json.dumps(message), flush=True)

    say(tree=str(measured_tree()))  # the code the flow process runs, as it imported it
    scratch = Path(tempfile.mkdtemp(prefix="newsetl-memory-"))
    try:
        first_page = sorted(folder.glob("*.html"))[0]
        ingest(sources=[str(first_page)], warehouse=str(scratch / "warmup"), workers=workers)
        for run in ("first", "rerun"):
            say(phase=run)
            started = time.perf_counter()
            report = ingest(
                sources=[str(folder)], warehouse=str(scratch / "wh"), workers=workers, batch_size=batch_size
            )
            seconds = time.perf_counter() - started
            stages = {stage: round(value, 2) for stage, value in report.counts.seconds.by_stage().items()}
            say(**{run: {"seconds": seconds, "articles": report.counts.articles, "stages": stages}})
        say(phase="end")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def machine() -> str:
    """What the numbers were measured on: CPU model, cores, memory, Python."""
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = psutil.virtual_memory().total / 2**30
    return f"{model}, {os.cpu_count()} cores, {memory:.0f} GB, Python {platform.python_version()}, {platform.system()}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--corpus", default="bench-data/corpus")
    parser.add_argument("--worker-documents", type=int, help="replace a worker after this many documents (0: never)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.workers, args.batch_size)
        return

    print(f"machine: {machine()}")
    recycling = "setting's default" if args.worker_documents is None else args.worker_documents or "never"
    print(
        f"{args.workers} workers, batches of {args.batch_size}, worker replaced after documents: {recycling}, "
        f"load average {os.getloadavg()[0]:.1f} at the start"
    )
    peaks, reruns = {}, {}
    for docs in args.docs:
        folder = Path(args.corpus) / str(docs)
        build_corpus(folder, docs)
        load = os.getloadavg()[0]
        result = measure(folder, args.workers, args.batch_size, args.worker_documents)
        first, rerun = result["first"], result["rerun"]
        mb = {run: [round(n / 2**20) for n in result["peaks"].get(run, [0, 0, 0, 0])] for run in ("first", "rerun")}
        peaks[docs] = mb["first"][1]
        reruns[docs] = rerun["seconds"] / first["seconds"]
        print(f"{docs} documents (load average {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end):")
        print(f"  code measured: {describe_tree(Path(result['tree']))}")
        print(
            f"  first run: {first['seconds']:.1f}s, {first['articles']} articles; peak RSS {mb['first'][0]} MB "
            f"(process tree), {mb['first'][1]} MB without Prefect's server; flow process {mb['first'][2]} MB, "
            f"largest worker {mb['first'][3]} MB"
        )
        print(
            f"  rerun:     {rerun['seconds']:.1f}s ({rerun['seconds'] / first['seconds']:.1%} of the first run); "
            f"peak RSS {mb['rerun'][0]} MB, {mb['rerun'][1]} MB without Prefect's server"
        )
        print(
            "  first run's peak RSS by tenth of the run, without Prefect's server / flow process (MB): "
            + timeline_summary(result["timelines"].get("first", []))
        )
        print(f"  seconds per stage, first run: {first['stages']}")
        print(f"  seconds per stage, rerun:     {rerun['stages']}")
        # A rerun extracts nothing, so its stages are all wall time and the rest is the run's own overhead.
        outside = rerun["seconds"] - sum(rerun["stages"].values())
        print(f"  rerun outside the stages (discovery, Prefect task runs, checks, compaction): {outside:.1f}s")
    smallest, largest = min(peaks), max(peaks)
    if len(peaks) > 1:
        change = peaks[largest] / peaks[smallest] - 1
        verdict = "flat" if abs(change) <= 0.10 else "NOT flat"
        print(
            f"peak RSS without Prefect's server, {largest} against {smallest} documents: "
            f"{peaks[smallest]} -> {peaks[largest]} MB ({change:+.1%}; target within ±10%: {verdict})"
        )
    verdict = "met" if reruns[largest] <= 0.05 else "NOT met"
    print(f"rerun of {largest} unchanged documents: {reruns[largest]:.1%} of the first run (target ≤ 5%: {verdict})")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
