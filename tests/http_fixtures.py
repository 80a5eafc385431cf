"""A real HTTP server on 127.0.0.1 for fetch tests: pages, robots.txt, a feed, sitemaps and trouble."""

from __future__ import annotations

import gzip
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TypeVar

from tests.warc_fixtures import page
from warehouse.fetch import forget_robots

SENTENCE = (
    "The harbour board approved forty new cranes and about three hundred workers on Tuesday, "
    "and the council said the port would spend twelve million dollars over two years."
)
ROBOTS = "User-agent: *\nDisallow: /private/\n"
SLOW_SECONDS = 3.0
# A route answers with (status, headers, body).
Response = tuple[int, dict[str, str], bytes]


def article(n: int) -> bytes:
    return page(f"Page title {n}", SENTENCE.replace("forty", f"{n + 40}"), words=120)


class Site:
    """Routes and a log of (monotonic time, path) for every request received."""

    def __init__(self) -> None:
        self.log: list[tuple[float, str]] = []
        self.hits: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.base = ""
        self.max_body = 0
        self.robots = ROBOTS

    def routes(self) -> dict[str, Callable[[], Response]]:
        html = {"Content-Type": "text/html; charset=utf-8"}
        feed = (
            f"<?xml version='1.0'?><rss version='2.0'><channel><title>Harbour news</title>"
            f"<item><title>Feed title one</title><link>{self.base}/pages/1.html</link>"
            f"<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>"
            f"<item><title>Secret</title><link>{self.base}/private/secret.html</link></item>"
            f"</channel></rss>"
        ).encode()
        index = (
            f"<?xml version='1.0'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            f"<sitemap><loc>{self.base}/sitemap-news.xml.gz</loc></sitemap>"
            f"<sitemap><loc>{self.base}/sitemap-pages.xml</loc></sitemap></sitemapindex>"
        ).encode()
        news = (
            f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
            f"xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>"
            f"<url><loc>{self.base}/pages/2.html</loc><news:news><news:title>News sitemap title two"
            f"</news:title><news:publication_date>2024-03-04</news:publication_date></news:news></url>"
            f"</urlset>"
        ).encode()
        pages = (
            f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            f"<url><loc>{self.base}/pages/3.html</loc></url></urlset>"
        ).encode()
        routes: dict[str, Callable[[], Response]] = {
            "/robots.txt": lambda: (200, {"Content-Type": "text/plain"}, self.robots.encode()),
            "/feed.xml": lambda: (200, {"Content-Type": "application/rss+xml"}, feed),
            "/sitemap_index.xml": lambda: (200, {"Content-Type": "application/xml"}, index),
            "/sitemap-news.xml.gz": lambda: (200, {"Content-Type": "application/gzip"}, gzip.compress(news)),
            "/sitemap-pages.xml": lambda: (200, {"Content-Type": "application/xml"}, pages),
            "/private/secret.html": lambda: (200, html, article(99)),
            "/busy.html": lambda: (
                (429, {"Retry-After": "1"}, b"slow down") if self.hits["/busy.html"] == 1 else (200, html, article(4))
            ),
            "/flaky.html": lambda: (500, {}, b"oops") if self.hits["/flaky.html"] == 1 else (200, html, article(5)),
            "/slow.html": self.slow,
            "/huge.html": lambda: (200, html, b"<html><body>" + b"x" * (self.max_body + 10) + b"</body></html>"),
            "/loop/a": lambda: (302, {"Location": "/loop/b"}, b""),
            "/loop/b": lambda: (302, {"Location": "/loop/a"}, b""),
            "/data.json": lambda: (200, {"Content-Type": "application/json"}, b'{"a": 1}'),
            "/moved.html": lambda: (301, {"Location": "/pages/6.html"}, b""),
            "/pages/short.html": lambda: (200, html, b"<html><body><p>Too short to be news.</p></body></html>"),
        }

        def numbered_page(n: int) -> Callable[[], Response]:
            return lambda: (200, html, article(n))

        for n in range(1, 8):
            routes[f"/pages/{n}.html"] = numbered_page(n)
        return routes

    def slow(self) -> tuple[int, dict[str, str], bytes]:
        time.sleep(SLOW_SECONDS)
        return 200, {"Content-Type": "text/html"}, article(8)


AnySite = TypeVar("AnySite", bound=Site)  # the test site or a subclass with more routes


def serve(site: Site) -> tuple[ThreadingHTTPServer, threading.Thread]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            with site.lock:
                site.log.append((time.monotonic(), path))
                site.hits[path] += 1
            route = site.routes().get(path)
            status, headers, body = route() if route else (404, {}, b"not found")
            if path.startswith("/pages/") and status == 200:
                # Pages revalidate: the ETag is the path, and asking with it again gets a 304.
                headers = {**headers, "ETag": f'"{path}"', "Last-Modified": "Mon, 04 Mar 2024 08:00:00 GMT"}
                if self.headers.get("If-None-Match") == f'"{path}"':
                    status, body = 304, b""
                    with site.lock:
                        site.hits["304 " + path] += 1
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread


@contextmanager
def serving(site: AnySite) -> Iterator[AnySite]:
    """`site` (the test site or one with more routes) served for the duration of the block; robots.txt rules kept
    for it are dropped after."""
    server, thread = serve(site)
    try:
        yield site
    finally:
        forget_robots()
        server.shutdown()
        server.server_close()
        thread.join(5)


def running_site() -> AbstractContextManager[Site]:
    """The test site, served for the duration of the block."""
    return serving(Site())
