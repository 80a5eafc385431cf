"""bench/fixture_texts.py: a folder of saved pages becomes the articles.json the figure scorer reads, each text
the one the pipeline stores for its page."""

from __future__ import annotations

import json
import subprocess

from bench import eval_figures_real
from bench.eval_figures_real import main as score
from bench.fixture_texts import PageText, articles_of, build, split_order

BODY = (
    "The city council voted on Tuesday to spend $4.5 million on a new bridge over the Clear River, ending a "
    "debate that had lasted three years. The old bridge, built in 1931, carries about 12,000 cars a day and "
    "was closed twice last winter after engineers found cracks in two of its steel beams. Council member Ana "
    "Ruiz said the vote was the most important of her term. Work is to start in the spring and take 18 months, "
    "and the state will pay a third of the cost. Residents who spoke at the meeting mostly backed the plan, "
    "though several asked why the repairs had waited so long."
)


def page(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html lang='en'><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>Contact us</footer></body></html>"
    ).encode()


def test_a_folder_of_pages_becomes_articles_the_scorer_reads(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "some-fixtures"
    (folder / "html").mkdir(parents=True)
    (folder / "html" / "news.example.html").write_bytes(page("Council backs new bridge", [BODY[:300], BODY[300:]]))
    (folder / "html" / "short.example.html").write_bytes(page("A note", ["It costs 5 dollars."]))
    (folder / "html" / "shop.example.html").write_bytes(page("Deals", [BODY]))
    (folder / "not-news.txt").write_text("# judged by title\nshop.example.html  # a shopping list\n")

    summary = build(folder, dev=0)

    articles = json.loads((folder / "articles.json").read_text(encoding="utf-8"))
    assert list(articles) == ["news.example"]
    article = articles["news.example"]
    assert "$4.5 million on a new bridge" in article["articleBody"]
    assert "Contact us" not in article["articleBody"]  # the pipeline's text, not the page's
    assert article["title"] == "Council backs new bridge" and article["language"] == "en"
    assert article["split"] == "heldout" and article["heldout_index"] == 0 and "dev_index" not in article
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    assert article["built_at"] == head == summary["commit"]
    assert summary["left_out"]["shop.example.html"] == "not news"
    assert summary["left_out"]["short.example.html"] in ("rejected by the pipeline", "4 words")
    assert json.loads((folder / "build.json").read_text())["kept"] == 1

    # the scorer reads it: one true figure judged by offsets in the stored text
    text = article["articleBody"]
    start = text.index("$4.5 million")
    figure = {"surface": "$4.5 million", "char_start": start, "char_end": start + 12, "value": 4_500_000.0}
    figure |= {"value_low": None, "value_high": None, "unit": "USD", "kind": "money", "object": "bridge"}
    gold = {"key": "news.example", "heldout_index": 0, "recall_checked": False, "figures": [figure]}
    (folder / "gold-heldout1.json").write_text(json.dumps({"articles": [gold | {"not_figures": []}]}))
    (tmp_path / "newspaper3k-fixtures").symlink_to(folder)
    monkeypatch.setattr(eval_figures_real, "GOLD_ROOT", tmp_path / "no-committed-gold")  # only this folder's gold
    assert score(["--data", str(tmp_path), "--source", "newspaper3k", "--set", "heldout"]) == 0
    assert "true figures still found, all judged articles: 1/1" in capsys.readouterr().out


def test_the_split_follows_the_sha1_of_the_file_name_and_skips_what_is_left_out():
    names = [f"site{n}.html" for n in range(6)]
    pages = [PageText(name, "In 2014 it sold 40 cars. " * 20, "T", "en", 120) for name in names]
    pages.append(PageText("foreign.html", "Il a vendu 40 voitures. " * 20, "T", "fr", 120))
    pages.append(PageText("nodigit.html", "No numbers here at all. " * 20, "T", "en", 120))
    articles, left_out = articles_of(pages, frozenset({"site5.html"}), dev=2, built_at="abc1234")
    order = sorted(names[:5], key=split_order)
    assert [a["file"] for a in articles.values()] == order
    assert [(a["split"], a.get("dev_index", a.get("heldout_index"))) for a in articles.values()] == [
        ("dev", 0),
        ("dev", 1),
        ("heldout", 0),
        ("heldout", 1),
        ("heldout", 2),
    ]
    assert left_out == {"site5.html": "not news", "foreign.html": "language fr", "nodigit.html": "no digit"}


def test_readabilitys_news_pages_become_a_figure_set_with_expected_text_where_the_pipeline_stores_none(tmp_path):
    from bench.readability_news import main as readability

    folder = tmp_path / "readability-testpages"
    french = (
        "Le conseil municipal a voté mardi la construction d'un nouveau pont sur la rivière, après trois ans de débat."
    )
    pages = {
        "cnn": (page("Council backs new bridge", [BODY[:300], BODY[300:]]), f"<div><p>{BODY}</p></div>"),
        "tmz-1": (b"<html><body></body></html>", f"<div><h2>Bridge vote</h2><p>{BODY}</p></div>"),
        "lemonde-1": (page("Le pont", [french * 4]), f"<div><p>{french * 4}</p></div>"),
        "001": (page("Council backs new bridge", [BODY]), f"<div><p>{BODY}</p></div>"),  # not a news publisher
    }
    for name, (source, expected) in pages.items():
        (folder / "pages" / name).mkdir(parents=True)
        (folder / "pages" / name / "source.html").write_bytes(source)
        (folder / "pages" / name / "expected.html").write_text(expected, encoding="utf-8")

    assert readability([str(folder)]) == 0

    out = folder / "figures"
    assert sorted(p.name for p in (out / "html").iterdir()) == ["cnn.html", "tmz-1.html"]
    articles = json.loads((out / "articles.json").read_text(encoding="utf-8"))
    assert sorted(articles) == ["cnn", "tmz-1"]
    assert articles["tmz-1"]["articleBody"] == f"Bridge vote\n{BODY}"  # expected.html's text, one block a line
    assert "$4.5 million" in articles["cnn"]["articleBody"]
    assert json.loads((out / "build.json").read_text())["expected_text"] == ["tmz-1.html"]


def test_trafilaturas_pages_of_news_hosts_become_a_figure_set(tmp_path):
    from bench.trafilatura_news import main as trafilatura

    folder = tmp_path / "trafilatura-eval"
    (folder / "tests" / "eval").mkdir(parents=True)
    files = {
        "https://www.bbc.com/news/world-52241221": ("bbc.com.bridge.html", page("Council backs bridge", [BODY])),
        "https://www.nytimes.com/2020/08/16/short.html": ("nytimes.com.short.html", page("A note", ["It costs $5."])),
        "https://www.healthline.com/health/bridges": ("healthline.com.html", page("Bridges", [BODY])),  # not news
        "https://www.latimes.com/missing": ("latimes.com.missing.html", None),  # listed, absent from the copy
    }
    for entry in files.values():
        if entry[1] is not None:
            (folder / "tests" / "eval" / entry[0]).write_bytes(entry[1])
    listing = {url: {"file": file, "with": [], "without": []} for url, (file, _) in files.items()}
    (folder / "tests" / "evaldata.json").write_text(json.dumps(listing), encoding="utf-8")

    assert trafilatura([str(folder)]) == 0

    out = folder / "figures"
    assert sorted(p.name for p in (out / "html").iterdir()) == ["bbc.com.bridge.html", "nytimes.com.short.html"]
    articles = json.loads((out / "articles.json").read_text(encoding="utf-8"))
    assert list(articles) == ["bbc.com.bridge"]
    assert articles["bbc.com.bridge"]["heldout_index"] == 0
    assert "$4.5 million" in articles["bbc.com.bridge"]["articleBody"]
    left_out = json.loads((out / "build.json").read_text())["left_out"]
    assert left_out == {"nytimes.com.short.html": "rejected by the pipeline"}


def test_each_fixture_sets_pages_judged_not_news_are_committed_and_none_of_them_is_judged():
    # Round 27: the lists were lost with the old machine and rebuilt from the gold's split indices; without them
    # the sha1 split numbers the pages differently and the gold's keys land on the wrong indices.
    from bench.fixture_texts import FIXTURE_ORIGINS, read_not_news

    gold_root = eval_figures_real.GOLD_ROOT
    sizes = {}
    for folder in FIXTURE_ORIGINS:
        not_news = read_not_news(gold_root / folder / "not-news.txt")
        judged = {
            a["key"] + ".html"
            for f in (gold_root / folder).glob("*.json")
            for a in json.loads(f.read_text())["articles"]
        }
        assert judged and not judged & not_news, folder
        sizes[folder] = len(not_news)
    assert sizes == {"postlight-fixtures": 28, "goose3-fixtures": 10, "newspaper3k-fixtures": 45}


def test_without_a_fixture_sets_texts_the_scorers_say_how_to_rebuild_them_at_the_golds_commit(tmp_path, capsys):
    from bench.eval_entities_real import main as score_entities

    assert score([f"--data={tmp_path}", "--source=postlight", "--set=dev"]) == 0
    out = capsys.readouterr().out
    assert "public set" in out and "own judgements" not in out  # the pages are public and the gold is committed
    assert (
        "postlight/parser's fixtures/*.html at e8ba7ece" in out and "bench/gold/postlight-fixtures/not-news.txt" in out
    )
    assert "python -m bench.with_tree /tmp/at074b648 bench.fixture_texts" in out and out.rstrip().count("--dev 30") == 1
    assert score_entities([f"--data={tmp_path}", "--source=newspaper3k"]) == 0
    out = capsys.readouterr().out
    assert "codelucas/newspaper's tests/data/html/*.html at 1618b547" in out and "at 074b648" in out
    assert "--dev" not in out  # every newspaper3k page is held out
