"""A deterministic corpus of news-like HTML pages: varied paragraphs in realistic page chrome."""

from __future__ import annotations

import json
import random
from pathlib import Path

FIRST = "Maria John Aisha Pedro Elena Tomasz Mei Kwame Sofia David Ingrid Ravi Laura Omar Hana Lucas".split()
LAST = "Lopez Kirby Okafor Silva Novak Chen Mensah Rossi Cohen Berg Patel Fischer Haddad Sato Moreau Walsh".split()
ORGS = [
    "the World Bank",
    "the Port Authority",
    "Reuters",
    "the European Commission",
    "Siemens",
    "the Red Cross",
    "the city council",
    "NATO",
    "the Ministry of Health",
    "Amnesty International",
]
PLACES = [
    "Lisbon",
    "Nairobi",
    "Poland",
    "Chile",
    "Manila",
    "Ohio",
    "Bavaria",
    "Quebec",
    "Ghana",
    "Osaka",
    "the Baltic States",
    "Eastern Europe",
    "Texas",
    "Kenya",
    "Norway",
]
THINGS = [
    "workers",
    "buses",
    "homes",
    "soldiers",
    "nurses",
    "classrooms",
    "wind turbines",
    "patients",
    "families",
    "trucks",
    "tonnes of grain",
    "hospital beds",
    "students",
    "police officers",
]
NUMBERS = [
    "12",
    "300",
    "8,500",
    "about 1,000",
    "more than 40",
    "nearly 2,000",
    "tens of thousands of",
    "hundreds of",
    "three",
    "two and a half",
    "1.2 million",
    "at least 150",
    "roughly 70",
]
VERBS = ["said", "told reporters", "warned", "announced", "confirmed", "added"]
TIMES = ["on Monday", "last week", "on Tuesday", "this month", "in a statement", "late on Friday"]


def sentence(rng: random.Random) -> str:
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    templates = [
        lambda: (
            f"{person} {rng.choice(VERBS)} {rng.choice(TIMES)} that {rng.choice(ORGS)} would send "
            f"{rng.choice(NUMBERS)} {rng.choice(THINGS)} to {rng.choice(PLACES)}."
        ),
        lambda: (
            f"Officials in {rng.choice(PLACES)} expect the work to take "
            f"{rng.choice(['one to two', 'three', 'six'])} "
            f"{rng.choice(['weeks', 'months', 'years'])}, according to {rng.choice(ORGS)}."
        ),
        lambda: (
            f"The budget rose {rng.randint(2, 40)}% to ${rng.randint(1, 90)}.{rng.randint(1, 9)} billion, "
            f"{person.split()[1]} said, the largest increase in a decade."
        ),
        lambda: (
            f"In {rng.choice(PLACES)}, {rng.choice(NUMBERS)} {rng.choice(THINGS)} were waiting "
            f"{rng.choice(TIMES)}, and {rng.choice(ORGS)} said more help would follow."
        ),
        lambda: (
            f"“We are doing everything we can,” {person} {rng.choice(VERBS)}, adding that "
            f"{rng.choice(ORGS)} had promised {rng.choice(NUMBERS)} {rng.choice(THINGS)}."
        ),
    ]
    return rng.choice(templates)()


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))


def chrome_links(rng: random.Random, count: int) -> str:
    return "".join(
        f'<li><a href="/section/{rng.randint(1, 9999)}">{rng.choice(PLACES)} {rng.choice(THINGS)} update</a></li>'
        for _ in range(count)
    )


def page(index: int, rng: random.Random) -> str:
    title = f"{rng.choice(ORGS).removeprefix('the ').capitalize()} plans aid for {rng.choice(PLACES)}"
    paragraphs = []
    words = 0
    while words < rng.randint(500, 1000):
        text = paragraph(rng)
        words += len(text.split())
        paragraphs.append(f"<p>{text}</p>")
        if rng.random() < 0.15:
            paragraphs.append(
                f'<div class="video"><figcaption>{rng.choice(PLACES)} residents react '
                f"{rng.randint(0, 9)}:{rng.randint(10, 59)}</figcaption></div>"
            )
    # Real pages carry large scripts and state blobs; extraction must wade through them.
    state = json.dumps(
        {"items": [{"id": i, "t": rng.choice(THINGS), "p": rng.choice(PLACES)} for i in range(rng.randint(800, 1800))]}
    )
    dated = index % 2 == 0
    meta_date = (
        (f'<meta property="article:published_time" content="2024-{index % 12 + 1:02d}-{index % 27 + 1:02d}T08:00:00Z">')
        if dated
        else ""
    )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:title" content="{title}"><meta property="og:site_name" content="Bench News">
<link rel="canonical" href="https://news.example.org/world/story-{index}.html">{meta_date}
<style>{".c{margin:0;padding:0}" * 200}</style><script>window.__STATE__={state};</script></head>
<body><div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<header><nav><ul>{chrome_links(rng, 60)}</ul></nav></header>
<main><article><h1>{title}</h1><p class="byline">By {rng.choice(FIRST)} {rng.choice(LAST)}</p>
{"".join(paragraphs)}</article>
<aside><h2>Related stories</h2><ul>{chrome_links(rng, 15)}</ul></aside>
<section class="comments"><h3>Leave a Comment</h3><form><textarea></textarea><button>Post</button></form>
<p>This site uses Akismet to reduce spam. Learn how your comment data is processed.</p></section></main>
<footer><ul>{chrome_links(rng, 30)}</ul><p>© Bench News. All rights reserved.</p></footer></body></html>"""


def build_corpus(folder: Path, count: int, seed: int = 20221) -> list[Path]:
    """Write `count` pages once; a later call with the same arguments reuses them."""
    folder.mkdir(parents=True, exist_ok=True)
    marker = folder / f".complete-{count}-{seed}"
    paths = [folder / f"page-{i:05d}.html" for i in range(count)]
    if marker.exists():
        return paths
    rng = random.Random(seed)
    for index, path in enumerate(paths):
        path.write_text(page(index, rng), encoding="utf-8")
    marker.touch()
    return paths
