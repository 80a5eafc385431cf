"""Options of the warehouse's own I/O: how URLs are fetched.

Light on purpose (no httpx here): flows/settings.py builds these from the environment and
newsetl.toml, and `newsetl sql` or `newsetl config` must not load the fetcher to read a
setting. The ranges are `annotated_types` metadata, which pydantic checks when settings
are validated; code that builds options directly is trusted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from annotated_types import Ge, Gt
from pydantic import BeforeValidator, IPvAnyNetwork

POSITIVE = Gt(0)
NON_NEGATIVE = Ge(0)


def comma_separated(value: object) -> object:
    """A list from the environment comes as one string: '127.0.0.1,10.0.0.0/8'."""
    return tuple(part.strip() for part in value.split(",") if part.strip()) if isinstance(value, str) else value


@dataclass(frozen=True, slots=True)
class FetchOptions:
    user_agent: str = "newsetl/0.1"
    requests_per_second_per_host: Annotated[float, POSITIVE] = 1.0
    concurrency_per_host: Annotated[int, POSITIVE] = 2
    concurrency: Annotated[int, POSITIVE] = 16
    deadline_seconds: Annotated[float, POSITIVE] = 30.0  # one attempt, from connecting to the last byte
    max_body_bytes: Annotated[int, POSITIVE] = 10 * 1024 * 1024  # after content decoding, so a gzip bomb stops here too
    max_redirects: Annotated[int, NON_NEGATIVE] = 5
    retries: Annotated[int, POSITIVE] = 3
    backoff_base_seconds: Annotated[float, NON_NEGATIVE] = 1.0
    backoff_max_seconds: Annotated[float, NON_NEGATIVE] = 60.0
    max_retry_after_seconds: Annotated[float, NON_NEGATIVE] = 120.0  # a longer Retry-After gives up instead of waiting
    # A robots.txt Crawl-delay longer than this is obeyed only up to it (an hour per URL would stall a run).
    max_crawl_delay_seconds: Annotated[float, NON_NEGATIVE] = 30.0
    obey_robots: bool = True
    # Networks that may be fetched although private, loopback or link-local (e.g. "127.0.0.1/32").
    # pydantic reads addresses and networks into IPv4Network/IPv6Network; the fetcher also
    # takes them as strings (tests build options directly).
    allowed_networks: Annotated[tuple[IPvAnyNetwork, ...], BeforeValidator(comma_separated)] = ()


# Defaults of the `compact_min_files` and `vacuum_retention_hours` settings, here and not in warehouse.store
# so that reading settings (`newsetl config`, `newsetl sql`) does not import deltalake and pyarrow.
# Small files a table may hold before a compaction.
COMPACT_MIN_FILES = 16
# How long a compaction's replaced files stay for readers.
VACUUM_RETENTION_HOURS = 168
