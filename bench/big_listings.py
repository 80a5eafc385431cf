"""What discovering listings at the size limit costs: CPU seconds and peak RSS of one process.

    python -m bench.big_listings [--case sitemaps|feed|...]... [--folder DIR] [--code CHECKOUT]...

Writes, once, two sitemaps of just under the 50 MiB listing limit (about 1.27 million URLs each) and an RSS feed
of 1,000,000 items (46.6 MiB), serves them from 127.0.0.1 (`python -m http.server`, a process of its own), and
discovers each case in a fresh process, which prints its own figures:

- sitemaps: both sitemaps; the first fills the run's 1,000,000 listed URLs, the rest of it and all of the second
  are past the limit;
- feed: the feed, whose million items all fit the run's limit;
- sitemap-then-feed: the first sitemap, then the feed, all of whose items are past the limit;
- feed-utf16: a feed of 500,000 items in UTF-16 (46.6 MiB), all taken;
- sitemap-gz: the first sitemap gzipped (a local .xml.gz, read from disk, not served); its first million URLs taken;
- feed-gz: the feed gzipped, a local .xml.gz; all its million items taken;
- feed-gz2-served: the feed gzipped as two members (`cat a.gz b.gz`), served on 127.0.0.1 (a gzip body, not
  undone by the fetcher: `http.server` sends it without Content-Encoding); all its items taken.

`--code` measures the same cases with the code of other checkouts too (their folder on PYTHONPATH), one process
each, so that "before" and "after" share one run and its load.
"""

from __future__ import annotations

import argparse
import gzip
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from warehouse.sources.discovery import MAX_LISTING_BYTES

CASES = {
    "sitemaps": ["a-sitemap.xml", "b-sitemap.xml"],
    "feed": ["feed.xml"],
    "sitemap-then-feed": ["a-sitemap.xml", "feed.xml"],
    "feed-utf16": ["feed-utf16.xml"],
    "sitemap-gz": ["a-sitemap.xml.gz"],
    "feed-gz": ["feed.xml.gz"],
    "feed-gz2-served": ["feed2.xml.gz"],
}
LOCAL = {"sitemap-gz", "feed-gz"}  # cases whose files are read from the folder, as paths
FEED_ITEMS = 1_000_000
UTF16_FEED_ITEMS = 500_000  # twice the bytes of UTF-8: half the items fit the 50 MiB limit
SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def write_inputs(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, host in (("a-sitemap.xml", "a.example"), ("b-sitemap.xml", "b.example")):
        if not (folder / name).exists():
            _write_sitemap(folder / name, host)
    for name, items, encoding in (("feed.xml", FEED_ITEMS, "utf-8"), ("feed-utf16.xml", UTF16_FEED_ITEMS, "utf-16")):
        if not (folder / name).exists():
            entries = "".join(f"<item><link>http://f.example/{n}</link></item>" for n in range(items))
            feed = f"<?xml version='1.0' encoding='{encoding}'?><rss version='2.0'><channel><title>Big</title>"
            (folder / name).write_bytes(f"{feed}{entries}</channel></rss>".encode(encoding))
    if not (folder / "a-sitemap.xml.gz").exists():
        (folder / "a-sitemap.xml.gz").write_bytes(gzip.compress((folder / "a-sitemap.xml").read_bytes(), 6))
    if not (folder / "feed.xml.gz").exists():
        plain = (folder / "feed.xml").read_bytes()
        (folder / "feed.xml.gz").write_bytes(gzip.compress(plain, 6))
        half = len(plain) // 2  # two members, cut anywhere: the reader joins their bytes
        (folder / "feed2.xml.gz").write_bytes(gzip.compress(plain[:half], 6) + gzip.compress(plain[half:], 6))


def _write_sitemap(path: Path, host: str) -> None:
    head, tail = f"<?xml version='1.0'?><urlset xmlns='{SITEMAPS}'>".encode(), b"</urlset>"
    with open(path, "wb") as out:
        out.write(head)
        n = 0
        while True:
            entry = f"<url><loc>http://{host}/{n}</loc></url>".encode()
            if out.tell() + len(entry) + len(tail) > MAX_LISTING_BYTES:
                break
            out.write(entry)
            n += 1
        out.write(tail)


def measure(urls: list[str]) -> dict[str, object]:
    """Discovery of the URLs in this process: what it found, its CPU seconds and its peak RSS."""
    from warehouse.options import FetchOptions
    from warehouse.sources import discover_documents

    options = FetchOptions(
        allowed_networks=("127.0.0.1/32",),  # type: ignore[arg-type]  # the fetcher takes strings too
        requests_per_second_per_host=1000.0,
        deadline_seconds=300.0,
    )
    start = time.process_time()
    discovery = discover_documents(urls, options)
    cpu = time.process_time() - start
    kinds: dict[str, int] = {}
    for ref in discovery.refs:
        key = ref.kind if ref.kind != "rejected" else f"rejected/{ref.reason}"
        kinds[key] = kinds.get(key, 0) + 1
    return {"refs": kinds, "skipped": dict(discovery.skipped), "cpu_s": round(cpu, 1), "peak_mib": _peak_mib()}


# The child's work, by the measure function of its own checkout (this file may be newer than the one measured).
_MEASURE = "import json, sys; from bench.big_listings import measure; print(json.dumps(measure(sys.argv[1:])))"


def _peak_mib() -> int:
    """VmHWM: this process's own high-water mark (getrusage's survives exec on Linux)."""
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) // 1024


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--case", action="append", choices=sorted(CASES), help="default: all")
    parser.add_argument("--folder", type=Path, help="where the inputs are written (default: a temporary folder)")
    parser.add_argument("--code", action="append", type=Path, default=[], help="another checkout to measure too")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="big-listings-") as scratch:
        folder = args.folder or Path(scratch)
        write_inputs(folder)
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(folder)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            time.sleep(1.0)  # the server binds its port
            for case in args.case or list(CASES):
                urls = [
                    str(folder / name) if case in LOCAL else f"http://127.0.0.1:{port}/{name}" for name in CASES[case]
                ]
                for code in [Path.cwd(), *args.code]:
                    done = subprocess.run(
                        [sys.executable, "-c", _MEASURE, *urls],
                        capture_output=True,
                        text=True,
                        check=True,
                        env={**os.environ, "PYTHONPATH": str(code.resolve())},
                        cwd=code,
                    )
                    print(case, code.name, done.stdout.strip().splitlines()[-1], flush=True)
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
