"""Fetch URLs politely and safely: robots.txt, per-host rate and concurrency, retries, limits.

Every failure is a value with a reason code (`FetchFailure`), never an exception to the caller.
Retries happen here, per request, and only for transient trouble (timeouts, connection errors,
429 and 5xx): a Prefect retry of a whole batch would fetch every other page again.
"""

from __future__ import annotations

import asyncio
import email.utils
import ipaddress
import logging
import random
import socket
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx
from protego import Protego

from transforms.reasons import HTTP_STATUS_PREFIX, Reason, http_status_reason
from warehouse.options import FetchOptions

T = TypeVar("T")
# Standard logging (no Prefect here): a flow's console shows warnings, and tests read them with caplog.
logger = logging.getLogger("newsetl.fetch")

HTML_TYPES = ("text/html", "application/xhtml+xml")
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
# Headers worth keeping with the raw bytes: enough to revalidate and to decode.
KEPT_HEADERS = ("content-type", "content-language", "etag", "last-modified", "date")


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # as asked
    final_url: str  # after redirects
    status: int
    headers: dict[str, str]  # KEPT_HEADERS that were present, lower-case names
    content: bytes
    fetched_at: datetime
    not_modified: bool = False  # a conditional request answered 304: content is empty

    @property
    def content_type(self) -> str | None:
        value = self.headers.get("content-type")
        return value.split(";")[0].strip().lower() if value else None


@dataclass(frozen=True, slots=True)
class FetchFailure:
    url: str
    reason: str  # a Reason member (timeout, robots_disallowed, ...) or http_status_reason(404)
    detail: str


@dataclass(frozen=True, slots=True)
class FetchRequest:
    url: str
    etag: str | None = None  # sent as If-None-Match
    last_modified: str | None = None  # sent as If-Modified-Since


@dataclass(slots=True)
class _Attempt:
    result: Fetched | FetchFailure | None = None
    redirect_to: str | None = None
    transient: bool = False
    retry_after: float | None = None


# When each host may next be asked, shared by every fetcher of the process so the rate holds
# across batches. Keyed by scheme and host:port.
_next_slot: dict[str, float] = {}
_next_slot_lock = threading.Lock()
# robots.txt rules by (user agent, scheme://host:port): (monotonic expiry, rules or None for "no rules").
_robots_cache: dict[tuple[str, str], tuple[float, Protego | None]] = {}
ROBOTS_TTL_SECONDS = 3600.0


def forget_robots() -> None:
    """Drop the robots.txt rules kept for the process (a test server's port may be reused)."""
    _robots_cache.clear()


def run_coroutine(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run async code from sync code, also when the caller's thread already runs an event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def fetch_all(
    requests: Sequence[FetchRequest],
    options: FetchOptions,
    accept: tuple[str, ...] | None = HTML_TYPES,
    on_done: Callable[[Fetched | FetchFailure], None] | None = None,
) -> list[Fetched | FetchFailure]:
    """Fetch each request (results in input order); accept=None takes any content type.
    on_done is called as each request finishes (for progress)."""

    async def one(fetcher: Fetcher, request: FetchRequest) -> Fetched | FetchFailure:
        result = await fetcher.fetch(request, accept)
        if on_done is not None:
            on_done(result)
        return result

    async def main() -> list[Fetched | FetchFailure]:
        async with Fetcher(options) as fetcher:
            return await asyncio.gather(*(one(fetcher, r) for r in requests))

    return run_coroutine(main()) if requests else []


class Fetcher:
    def __init__(self, options: FetchOptions) -> None:
        self.options = options
        self._allowed = [ipaddress.ip_network(n, strict=False) for n in options.allowed_networks]
        self._client: httpx.AsyncClient | None = None
        self._all = asyncio.Semaphore(options.concurrency)
        self._per_host: defaultdict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(options.concurrency_per_host)
        )
        self._host_turn: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._robots: dict[str, Protego | FetchFailure | None] = {}
        self._robots_lock: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._address_checks: dict[str, FetchFailure | None] = {}
        self._crawl_delay_capped: set[str] = set()  # hosts whose Crawl-delay was over the cap (logged once)

    async def __aenter__(self) -> Fetcher:
        timeout = httpx.Timeout(self.options.deadline_seconds)
        # TLS is always verified; there is deliberately no switch to turn that off.
        self._client = httpx.AsyncClient(
            transport=_GuardedTransport(
                self._allowed, verify=True, limits=httpx.Limits(max_connections=self.options.concurrency)
            ),
            follow_redirects=False,
            verify=True,
            timeout=timeout,
            trust_env=False,
            headers={"User-Agent": self.options.user_agent, "Accept-Encoding": "gzip, deflate"},
        )
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        assert self._client is not None
        await self._client.aclose()

    async def fetch(
        self, request: FetchRequest, accept: tuple[str, ...] | None = HTML_TYPES, obey_robots: bool | None = None
    ) -> Fetched | FetchFailure:
        """Follow redirects by hand, checking every hop's scheme, address and robots.txt."""
        obey = self.options.obey_robots if obey_robots is None else obey_robots
        url = request.url
        for _hop in range(self.options.max_redirects + 1):
            refused = await self._refuse(request.url, url, obey)
            if refused is not None:
                return refused
            attempt = await self._with_retries(request, url, accept)
            if attempt.redirect_to is None:
                assert attempt.result is not None
                return attempt.result
            url = attempt.redirect_to
        return FetchFailure(
            request.url, Reason.TOO_MANY_REDIRECTS, f"more than {self.options.max_redirects} redirects; last to {url}"
        )

    async def _refuse(self, asked: str, url: str, obey_robots: bool) -> FetchFailure | None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return FetchFailure(asked, Reason.BAD_URL, f"{url!r} is not an http(s) URL")
        blocked = await self._check_address(parts.hostname)
        if blocked is not None:
            return FetchFailure(asked, blocked.reason, blocked.detail)
        if obey_robots:
            robots = await self._robots_for(parts.scheme, parts.netloc)
            if isinstance(robots, FetchFailure):
                return FetchFailure(asked, Reason.ROBOTS_UNAVAILABLE, robots.detail)
            if robots is not None and not robots.can_fetch(url, self.options.user_agent):
                return FetchFailure(
                    asked,
                    Reason.ROBOTS_DISALLOWED,
                    f"robots.txt of {parts.netloc} disallows {parts.path or '/'} for {self.options.user_agent}",
                )
        return None

    async def _check_address(self, host: str) -> FetchFailure | None:
        """Refuse early, with a clear reason, before robots.txt is asked for. The connection itself
        is checked again (`_GuardedBackend`), so a name that resolves differently later gains nothing."""
        if host in self._address_checks:
            return self._address_checks[host]
        try:
            await resolve_allowed(host, self._allowed)
            failure = None
        except BlockedAddress as error:
            failure = FetchFailure(host, Reason.BLOCKED_ADDRESS, str(error))
        except (socket.gaierror, UnicodeError) as error:
            failure = FetchFailure(host, Reason.DNS_ERROR, f"{host}: {error}")
        self._address_checks[host] = failure
        return failure

    async def _robots_for(self, scheme: str, netloc: str) -> Protego | FetchFailure | None:
        """None allows everything (no robots.txt); a failure disallows everything (RFC 9309)."""
        key = f"{scheme}://{netloc}"
        async with self._robots_lock[key]:
            if key not in self._robots:
                cached = _robots_cache.get((self.options.user_agent, key))
                if cached is not None and cached[0] > time.monotonic():
                    self._robots[key] = cached[1]
                    return cached[1]
                result = await self.fetch(FetchRequest(f"{key}/robots.txt"), accept=None, obey_robots=False)
                if isinstance(result, Fetched) or result.reason.startswith(f"{HTTP_STATUS_PREFIX}4"):
                    rules = (
                        Protego.parse(result.content.decode("utf-8", errors="replace"))
                        if isinstance(result, Fetched)
                        else None
                    )
                    self._robots[key] = rules
                    # Rules are kept for the process (next batches) for a while; a failure is not,
                    # so the next batch asks again.
                    _robots_cache[(self.options.user_agent, key)] = (time.monotonic() + ROBOTS_TTL_SECONDS, rules)
                else:
                    self._robots[key] = FetchFailure(
                        result.url,
                        result.reason,
                        f"robots.txt of {netloc}: {result.reason} ({result.detail}); not fetching from that host",
                    )
            return self._robots[key]

    def _host_interval(self, key: str) -> float:
        interval = 1.0 / self.options.requests_per_second_per_host
        robots = self._robots.get(key)
        if isinstance(robots, Protego):
            delay = robots.crawl_delay(self.options.user_agent)
            if delay:
                interval = max(interval, self._capped_crawl_delay(key, float(delay)))
        return interval

    def _capped_crawl_delay(self, key: str, delay: float) -> float:
        cap = self.options.max_crawl_delay_seconds
        if delay <= cap:
            return delay
        if key not in self._crawl_delay_capped:
            self._crawl_delay_capped.add(key)
            logger.warning(
                "robots.txt of %s asks for a Crawl-delay of %g s; fetching it every %g s instead "
                "(fetch.max_crawl_delay_seconds)",
                key,
                delay,
                cap,
            )
        return cap

    async def _wait_turn(self, scheme: str, netloc: str) -> None:
        key = f"{scheme}://{netloc}"
        async with self._host_turn[key]:
            interval = self._host_interval(key)
            with _next_slot_lock:
                now = time.monotonic()
                start = max(now, _next_slot.get(key, 0.0))
                _next_slot[key] = start + interval
            if start > now:
                await asyncio.sleep(start - now)

    async def _with_retries(self, request: FetchRequest, url: str, accept: tuple[str, ...] | None) -> _Attempt:
        options = self.options
        parts = urlsplit(url)
        for retry in range(options.retries + 1):
            async with self._all, self._per_host[parts.netloc]:
                await self._wait_turn(parts.scheme, parts.netloc)
                attempt = await self._attempt(request, url, accept)
            if not attempt.transient or retry == options.retries:
                return attempt
            if attempt.retry_after is not None:
                if attempt.retry_after > options.max_retry_after_seconds:
                    return attempt
                delay = attempt.retry_after
            else:
                ceiling = min(options.backoff_max_seconds, options.backoff_base_seconds * 2**retry)
                delay = random.uniform(ceiling / 2, ceiling)
            await asyncio.sleep(delay)
        return attempt

    async def _attempt(self, request: FetchRequest, url: str, accept: tuple[str, ...] | None) -> _Attempt:
        assert self._client is not None
        headers = {}
        if request.etag:
            headers["If-None-Match"] = request.etag
        if request.last_modified:
            headers["If-Modified-Since"] = request.last_modified
        fail = lambda reason, detail, **kw: _Attempt(FetchFailure(request.url, reason, detail), **kw)  # noqa: E731 - a one-line shorthand for this attempt's failures
        try:
            async with asyncio.timeout(self.options.deadline_seconds):
                async with self._client.stream("GET", url, headers=headers) as response:
                    status = response.status_code
                    if status in REDIRECT_STATUSES and "location" in response.headers:
                        return _Attempt(redirect_to=urljoin(url, response.headers["location"]))
                    if status == 429 or status >= 500:
                        return fail(
                            http_status_reason(status),
                            f"{url} answered {status} {response.reason_phrase}",
                            transient=True,
                            retry_after=parse_retry_after(response.headers),
                        )
                    if status == 304 and headers:
                        return _Attempt(self._fetched(request, url, response, b"", not_modified=True))
                    if status >= 400 or status < 200 or status in REDIRECT_STATUSES:
                        return fail(http_status_reason(status), f"{url} answered {status} {response.reason_phrase}")
                    content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
                    if accept is not None and content_type not in accept:
                        return fail(
                            Reason.NOT_HTML,
                            f"{url} is {content_type or 'of no declared type'}, not one of {', '.join(accept)}",
                        )
                    limit = self.options.max_body_bytes
                    declared = response.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > limit:
                        return fail(Reason.TOO_LARGE, f"{url} declares {declared} bytes; the limit is {limit}")
                    # The bytes as sent (content codings not undone): httpx's decoders give all that a chunk
                    # holds at once, and 481 bytes of brotli were 300 MiB before the limit was looked at.
                    body = bytearray()
                    async for chunk in response.aiter_raw():
                        body += chunk
                        if len(body) > limit:
                            return fail(Reason.TOO_LARGE, f"{url} sent more than {limit} bytes")
                    codings = _content_codings(response.headers)
                    if codings:
                        return self._decoded(request, url, response, bytes(body), codings, fail)
                    return _Attempt(self._fetched(request, url, response, bytes(body)))
        except TimeoutError:
            return fail(Reason.TIMEOUT, f"{url} took longer than {self.options.deadline_seconds}s", transient=True)
        except httpx.TimeoutException as error:
            return fail(Reason.TIMEOUT, f"{url}: {type(error).__name__}", transient=True)
        except httpx.TransportError as error:
            return fail(Reason.CONNECTION_ERROR, f"{url}: {type(error).__name__}: {error}", transient=True)
        except httpx.InvalidURL as error:
            return fail(Reason.BAD_URL, f"{url}: {error}")
        except BlockedAddress as error:
            return fail(Reason.BLOCKED_ADDRESS, str(error))
        except (socket.gaierror, UnicodeError) as error:
            return fail(Reason.DNS_ERROR, f"{url}: {error}", transient=True)

    def _decoded(
        self,
        request: FetchRequest,
        url: str,
        response: httpx.Response,
        body: bytes,
        codings: list[str],
        fail: Callable[[str, str], _Attempt],
    ) -> _Attempt:
        """The body decoded from its content codings, never past the size limit (a compression bomb stops there):
        gzip, `x-gzip` (which browsers read as gzip), deflate and br; a coding newsetl does not decode (zstd, sent
        unasked) is refused unless the body is text after all. Without that, zstd bytes were kept as the page."""
        # Imported here: warehouse.sources imports this module.
        from warehouse.sources.http_payload import BadEncoding, HttpHead, TooLargeDecoded, http_body

        head = HttpHead(response.status_code, (("content-encoding", ", ".join(codings)),), 0)
        try:
            decoded = http_body(head, body, self.options.max_body_bytes)
        except BadEncoding as error:
            return fail(Reason.BAD_ENCODING, f"{url}: {error}")
        except TooLargeDecoded as error:
            return fail(Reason.TOO_LARGE, f"{url}: {error}")
        return _Attempt(self._fetched(request, url, response, decoded))

    @staticmethod
    def _fetched(
        request: FetchRequest, url: str, response: httpx.Response, content: bytes, not_modified: bool = False
    ) -> Fetched:
        kept = {name: response.headers[name] for name in KEPT_HEADERS if name in response.headers}
        return Fetched(
            url=request.url,
            final_url=url,
            status=response.status_code,
            headers=kept,
            content=content,
            fetched_at=datetime.now(UTC),
            not_modified=not_modified,
        )


def _content_codings(headers: httpx.Headers) -> list[str]:
    """The content codings a response lists, in the order they were applied (`identity` is none)."""
    listed = [c.strip().lower() for value in headers.get_list("content-encoding") for c in value.split(",")]
    return [c for c in listed if c and c != "identity"]


class BlockedAddress(OSError):
    """A host resolves to an address that may not be fetched."""


Network = ipaddress.IPv4Network | ipaddress.IPv6Network


async def resolve_allowed(host: str, allowed: Sequence[Network]) -> list[str]:
    """The host's addresses, or BlockedAddress if any is private, loopback, link-local or otherwise
    not global (and not in `allowed`)."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
    addresses = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not any(address in network for network in allowed) and (not address.is_global or address.is_multicast):
            raise BlockedAddress(
                f"{host} resolves to {address}, a private, loopback or link-local "
                "address; allow it with fetch.allowed_networks (NEWSETL_FETCH__ALLOWED_NETWORKS)"
            )
        addresses.append(str(address))
    return addresses


class _GuardedBackend(httpcore.AsyncNetworkBackend):
    """Connects only to checked addresses: the name is resolved and checked here, at connect time,
    and the connection goes to the checked address (TLS still verifies the host name)."""

    def __init__(self, allowed: Sequence[Network]) -> None:
        self._allowed = allowed
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await resolve_allowed(host, self._allowed)
        return await self._inner.connect_tcp(
            addresses[0], port, timeout=timeout, local_address=local_address, socket_options=socket_options
        )

    async def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.AsyncNetworkStream:
        raise BlockedAddress("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class _GuardedTransport(httpx.AsyncHTTPTransport):
    def __init__(self, allowed: Sequence[Network], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        # httpx takes no network backend; its pool (httpcore, pinned) does.
        self._pool._network_backend = _GuardedBackend(allowed)


def parse_retry_after(headers: httpx.Headers | dict[str, str], now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header: a number of seconds or an HTTP date."""
    value = (headers.get("retry-after") or "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
