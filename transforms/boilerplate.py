"""Site chrome learnt from the archive: a short line found verbatim in many stories of one site.

The warehouse counts, per site, in how many distinct stories (near-duplicate clusters)
each short line appears; lines at or above `min_stories` are chrome for that site and are
dropped from its later articles. The `site_boilerplate` view shows the counts behind it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from urllib.parse import urlsplit

from transforms.options import BoilerplateOptions
from transforms.records import SiteLine


def site_key(canonical_url: str | None, url: str | None, sitename: str | None) -> str | None:
    """The host without 'www.', else the site's name; None when the site cannot be told."""
    for candidate in (canonical_url, url):
        if candidate:
            host = urlsplit(candidate).hostname
            if host:
                return host.removeprefix("www.")
    if sitename:
        return " ".join(sitename.casefold().split())
    return None


def line_hash(site: str, line: str) -> str:
    return hashlib.sha256(f"{site}\x1f{line}".encode()).hexdigest()[:32]


def site_lines(site: str | None, article_id: str, text: str, options: BoilerplateOptions) -> list[SiteLine]:
    """The article's distinct short lines, to be counted for its site."""
    if site is None or not options.enabled:
        return []
    seen: dict[str, SiteLine] = {}
    for line in text.splitlines():
        if len(line.split()) <= options.max_words:
            key = line_hash(site, line)
            seen.setdefault(key, SiteLine(site=site, line_hash=key, article_id=article_id, line=line))
    return list(seen.values())


def drop_site_chrome(site: str | None, text: str, chrome: Collection[str]) -> tuple[str, int]:
    """Text without the lines known as chrome for its site, and how many lines went."""
    if site is None or not chrome:
        return text, 0
    kept = [line for line in text.splitlines() if line_hash(site, line) not in chrome]
    return "\n".join(kept), text.count("\n") + 1 - len(kept)
