"""Entity canonicalisation within an article (rules over model spans, no model needed)."""

from __future__ import annotations

from transforms.entities import Span, clean_name, resolve_mentions


def spans(*items: tuple[str, str]) -> list[Span]:
    out, offset = [], 0
    for surface, label in items:
        out.append(Span(surface, label, offset, offset + len(surface)))
        offset += len(surface) + 1
    return out


def names(found) -> set[tuple[str, str]]:
    return {(e.name, e.label) for e in found[1]}


def test_short_names_resolve_to_the_full_name():
    found = resolve_mentions(
        spans(("President Joe Biden", "PERSON"), ("Biden", "PERSON"), ("John Kirby", "PERSON"), ("Kirby's", "PERSON")),
        "a1",
    )
    assert names(found) == {("Joe Biden", "PERSON"), ("John Kirby", "PERSON")}
    assert [m.surface for m in found[0]] == ["President Joe Biden", "Biden", "John Kirby", "Kirby's"]


def test_surname_mislabelled_as_org_resolves_to_person():
    found = resolve_mentions(spans(("Jen Psaki", "PERSON"), ("Psaki", "ORG")), "a1")
    assert names(found) == {("Jen Psaki", "PERSON")}


def test_ambiguous_surname_stays_as_written():
    found = resolve_mentions(spans(("Joe Biden", "PERSON"), ("Jill Biden", "PERSON"), ("Biden", "PERSON")), "a1")
    assert ("Biden", "PERSON") in names(found)


def test_places_and_labels():
    found = resolve_mentions(
        spans(
            ("the United States", "GPE"),
            ("US", "GPE"),
            ("America", "GPE"),
            ("Europe", "LOC"),
            ("three", "CARDINAL"),
            ("n’t", "GPE"),
        ),
        "a1",
    )
    assert names(found) == {("United States", "LOC"), ("Europe", "LOC")}


def test_clean_name_strips_article_and_possessive():
    assert clean_name("the White House", "ORG") == "White House"
    assert clean_name("Russia’s", "LOC") == "Russia"


def one(found) -> tuple[str, str, str | None]:
    (entity,) = found[1]
    return entity.name, entity.label, entity.country_code


def resolved(*items: tuple[str, str]) -> tuple[str, str, str | None]:
    """The one entity that mentions of these (surface, label) pairs resolve to in one article."""
    return one(resolve_mentions(spans(*items), "a1"))


def test_country_variants_are_one_entity_with_an_iso_code():
    found = resolve_mentions(
        spans(
            ("US", "GPE"),
            ("the United States", "GPE"),
            ("America", "GPE"),
            ("USA", "GPE"),
            ("U.S.", "GPE"),
            ("the US", "ORG"),
        ),
        "a1",
    )
    assert one(found) == ("United States", "LOC", "US")
    assert len({m.entity_id for m in found[0]}) == 1


def test_countries_take_a_news_name_and_keep_an_id_tied_to_the_code():
    assert resolved(("Britain", "GPE"), ("the UK", "GPE"), ("U.K.", "GPE")) == ("United Kingdom", "LOC", "GB")
    assert resolved(("Russia’s", "GPE"), ("Russian Federation", "GPE")) == ("Russia", "LOC", "RU")
    assert resolved(("South Korea", "GPE")) == ("South Korea", "LOC", "KR")
    ids = {
        resolve_mentions(spans((name, "GPE")), article)[1][0].entity_id
        for name, article in (("Germany", "a1"), ("Germany", "a2"))
    }
    assert len(ids) == 1


def test_a_city_has_its_country_code_and_a_point_but_is_not_the_country():
    # Schema 7: a city's row carries its country's code; before, only countries had one.
    (kyiv,) = resolve_mentions(spans(("Kyiv", "GPE")), "a1")[1]
    (ukraine,) = resolve_mentions(spans(("Ukraine", "GPE")), "a1")[1]
    assert (kyiv.name, kyiv.label, kyiv.country_code) == ("Kyiv", "LOC", "UA")
    assert kyiv.entity_id != ukraine.entity_id
    assert kyiv.latitude is not None and kyiv.longitude is not None
    assert abs(kyiv.latitude - 50.45) < 0.1 and abs(kyiv.longitude - 30.52) < 0.1
    assert ukraine.latitude is not None and ukraine.longitude is not None
    assert 44 < ukraine.latitude < 53 and 22 < ukraine.longitude < 41
    # A place the gazetteer does not know keeps no code and no point.
    assert resolved(("Eastern Europe", "LOC")) == ("Eastern Europe", "LOC", None)


def test_demonyms_are_not_places():
    for word in ("Russian", "Ukrainians", "Chinese", "French", "Americans", "Israeli"):
        assert resolved((word, "GPE"))[1] == "NORP", word
    assert resolved(("Ukrainian", "NORP")) == ("Ukrainian", "NORP", None)


def test_a_lone_first_name_labelled_person_is_not_a_country():
    assert resolved(("Chad", "PERSON")) == ("Chad", "PERSON", None)


def test_organisation_variants_merge():
    found = resolve_mentions(spans(("the Pentagon", "ORG"), ("Pentagon", "ORG"), ("Pentagon’s", "ORG")), "a1")
    assert one(found) == ("Pentagon", "ORG", None)
    found = resolve_mentions(spans(("The U.N.", "ORG"), ("United Nations", "ORG"), ("UN", "GPE")), "a1")
    assert one(found) == ("United Nations", "ORG", None)


def test_titles_and_roles_are_stripped_but_name_particles_kept():
    assert clean_name("Pentagon press secretary John Kirby", "PERSON") == "John Kirby"
    assert clean_name("Former chief executive Dennis Muilenburg", "PERSON") == "Dennis Muilenburg"
    assert clean_name("Mr. Macron", "PERSON") == "Macron"
    assert clean_name("Vincent van Gogh", "PERSON") == "Vincent van Gogh"
    assert clean_name("Margherita della Valle", "PERSON") == "Margherita della Valle"
    assert clean_name("Pope Francis", "PERSON") == "Pope Francis"
    assert clean_name("Psaki’s", "PERSON") == "Psaki"
    assert clean_name("the Ukrainians'", "NORP") == "Ukrainians"


def test_short_forms_resolve_whatever_the_label_and_order():
    found = resolve_mentions(
        spans(
            ("Mr. Macron", "PERSON"),
            ("Kvien", "GPE"),
            ("Emmanuel Macron", "PERSON"),
            ("Kristina Kvien", "PERSON"),
            ("Della Valle", "ORG"),
            ("Margherita Della Valle", "PERSON"),
        ),
        "a1",
    )
    assert names(found) == {
        ("Emmanuel Macron", "PERSON"),
        ("Kristina Kvien", "PERSON"),
        ("Margherita Della Valle", "PERSON"),
    }


def test_a_country_name_is_never_taken_for_a_surname():
    found = resolve_mentions(spans(("Michael Jordan", "PERSON"), ("Jordan", "GPE")), "a1")
    assert names(found) == {("Michael Jordan", "PERSON"), ("Jordan", "LOC")}


def test_one_label_per_name_in_an_article():
    found = resolve_mentions(spans(("Kremlin", "ORG"), ("Kremlin", "ORG"), ("Kremlin", "PERSON")), "a1")
    assert names(found) == {("Kremlin", "ORG")}


def test_every_mention_keeps_its_offsets_and_surface():
    text = "President Joe Biden met Britain’s leaders. Biden left."
    items = [("President Joe Biden", "PERSON", 0), ("Britain’s", "GPE", 24), ("Biden", "PERSON", 43)]
    found = resolve_mentions([Span(s, label, start, start + len(s)) for s, label, start in items], "a1")
    assert [text[m.char_start : m.char_end] for m in found[0]] == [m.surface for m in found[0]]
    assert [m.label for m in found[0]] == ["PERSON", "LOC", "PERSON"]


def test_older_spellings_of_places_take_the_standard_name():
    found = resolve_mentions(spans(("Kiev", "GPE"), ("Kyiv", "GPE"), ("Washington, D.C.", "GPE")), "a1")
    assert names(found) == {("Kyiv", "LOC"), ("Washington", "LOC")}


def spans_in(text: str, *items: tuple[str, str]) -> list[Span]:
    """Spans found in order in the text, each carrying the text as its document."""
    out, offset = [], 0
    for surface, label in items:
        start = text.index(surface, offset)
        out.append(Span(surface, label, start, start + len(surface), text))
        offset = start + len(surface)
    return out


def test_a_capital_is_not_outvoted_into_a_person():
    text = "Talks in Abuja stalled. Abuja said no. Abuja wants more."
    found = resolve_mentions(spans_in(text, ("Abuja", "GPE"), ("Abuja", "PERSON"), ("Abuja", "PERSON")), "a1")
    assert one(found) == ("Abuja", "LOC", "NG")
    assert [m.label for m in found[0]] == ["LOC", "LOC", "LOC"]


def test_a_capital_the_model_calls_an_organisation_is_a_place_by_its_preposition():
    text = "Diplomats in Nairobi met on Friday. Nairobi wants a ceasefire."
    assert one(resolve_mentions(spans_in(text, ("Nairobi", "ORG")), "a1")) == ("Nairobi", "LOC", "KE")
    # Without any words around it a capital is still the capital acting as its government (round 12); an
    # organisation stays one: "in Congress" is no place.
    assert one(resolve_mentions([Span("Nairobi", "ORG", 0, 7)], "a1"))[1] == "LOC"
    text = "A vote in Congress failed."
    assert one(resolve_mentions(spans_in(text, ("Congress", "ORG")), "a1"))[1] == "ORG"


def test_surname_like_cities_follow_the_evidence_in_the_text():
    place = "Roads flooded in Houston, Texas, and Houston schools closed."
    found = resolve_mentions(spans_in(place, ("Houston", "PERSON"), ("Houston", "PERSON")), "a1")
    assert one(found) == ("Houston", "LOC", "US")
    person = "Mr. Houston said the fund would grow. Houston joined in 2019, in Dallas."
    found = resolve_mentions(spans_in(person, ("Houston", "PERSON"), ("Houston", "GPE")), "a1")
    assert names(found) == {("Houston", "PERSON")}
    # No evidence either way: the model's labels stand.
    assert names(resolve_mentions(spans_in("Jackson won.", ("Jackson", "PERSON")), "a1")) == {("Jackson", "PERSON")}


def test_invented_towns_are_places_by_the_words_around_them():
    text = "The town of Millbury Cross voted on Monday. Residents of Ashwell were not asked."
    found = resolve_mentions(spans_in(text, ("Millbury Cross", "PERSON"), ("Ashwell", "PERSON")), "a1")
    assert names(found) == {("Millbury Cross", "LOC"), ("Ashwell", "LOC")}
    assert all(e.country_code is None and e.latitude is None for e in found[1])


def test_roles_before_a_name_go_but_names_that_are_roles_stay():
    assert clean_name("Librarian Grace Whitman", "PERSON") == "Grace Whitman"
    assert clean_name("Police Officer Ann Ruiz", "PERSON") == "Ann Ruiz"
    assert clean_name("Firefighter Luis Ortega", "PERSON") == "Luis Ortega"
    for name in ("Baker Mayfield", "Hunter Biden", "Grace Whitman", "Mason Mount"):
        assert clean_name(name, "PERSON") == name


def test_a_form_of_address_goes_but_a_royal_or_religious_title_stays_in_the_stored_name():
    assert clean_name("Rev. Khalil Haddad", "PERSON") == "Khalil Haddad"
    assert clean_name("the Reverend Ada Moss", "PERSON") == "Ada Moss"
    assert clean_name("King Charles", "PERSON") == "King Charles"
    assert clean_name("Pope Francis", "PERSON") == "Pope Francis"


def test_french_spans_take_the_project_labels_and_french_cleaning():
    """A WikiNER-trained model's PER is PERSON and its MISC is dropped; leading articles and elisions
    go, French country names reach their ISO code; the English rules stay out."""
    found = resolve_mentions(
        spans(
            ("Jean Dupont", "PER"),
            ("Dupont", "PER"),
            ("l'Allemagne", "LOC"),
            ("la Chine", "LOC"),
            ("Coupe du monde", "MISC"),
            ("La Haye", "LOC"),
            ("Président Paul Martin", "PER"),
        ),
        "a1",
        language="fr",
    )
    assert names(found) == {
        ("Jean Dupont", "PERSON"),
        ("Germany", "LOC"),
        ("China", "LOC"),
        ("The Hague", "LOC"),  # the gazetteer's name; "La" was kept as part of the name
        ("Président Paul Martin", "PERSON"),  # the English title list does not read French
    }
    assert {e.country_code for e in found[1] if e.label == "LOC"} >= {"DE", "CN"}
    assert clean_name("la Chine", "LOC") == "la Chine"  # French cleaning is for French only


def test_common_words_capitalised_by_a_sentence_start_are_not_names():
    text = "Fertiliser prices rose again.\nFertiliser is costly, farmers said, and fertiliser sales fell."
    assert names(resolve_mentions(spans_in(text, ("Fertiliser", "ORG"), ("Fertiliser", "PERSON")), "a1")) == set()
    # Capitalised inside a sentence somewhere, or never written in lower case: a name.
    text = "Marsh said no. The marsh flooded, and Councillor Marsh left."
    assert names(resolve_mentions(spans_in(text, ("Marsh", "PERSON")), "a1")) == {("Marsh", "PERSON")}
    text = "Ofgem said no. Prices rose."
    assert names(resolve_mentions(spans_in(text, ("Ofgem", "ORG")), "a1")) == {("Ofgem", "ORG")}
    # A bracket holds names: "(Reuters)" is no sentence start.
    text = "Prices fell (Tribune) and the tribune rose."
    assert names(resolve_mentions(spans_in(text, ("Tribune", "ORG")), "a1")) == {("Tribune", "ORG")}


def test_a_stance_is_not_a_people():
    text = "The anti-Kremlin and pro-Kyiv groups met Ukrainians."
    stances = spans_in(text, ("anti-Kremlin", "NORP"), ("pro-Kyiv", "NORP"), ("Ukrainians", "NORP"))
    found = resolve_mentions(stances, "a1")
    assert names(found) == {("Ukrainians", "NORP")}
