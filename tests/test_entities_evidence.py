"""The entity rules of issue 12's real-news round, each on sentences of our own: one it fixes, one like it
that it must leave alone. The model's spans are given (as the small English model gave such spans on real
news), so each test checks a rule, not the model."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.entities import (
    NamedSpan,
    Span,
    _occurrences,
    canonicalise,
    clean_names,
    is_technical_term,
    list_parts,
    reads_as_region_name,
    resolve_mentions,
    site_names_of,
    span_names,
)
from transforms.options import EntityOptions
from transforms.places import gazetteer

OPTIONS = EntityOptions()


def spans(text: str, found: list[tuple[str, str]]) -> list[NamedSpan]:
    """Each (surface, model label) at its next occurrence in the text, as the model would give it."""
    result, position = [], 0
    for surface, label in found:
        start = text.index(surface, position)
        result.append(Span(surface, label, start, start + len(surface), text))
        position = start + 1
    return span_names(result)


def labels(text: str, found: list[tuple[str, str]]) -> dict[str, set[str]]:
    """Each surface the rules keep -> the labels its mentions end with (a name as the rules cleaned it)."""
    out: dict[str, set[str]] = {}
    for item in canonicalise(clean_names(spans(text, found)), OPTIONS):
        out.setdefault(item.span.surface, set()).add(item.label)
    return out


# --- Names cut short and names whose own words say what they are -----------------------------------


def test_a_street_cut_before_its_street_word_is_taken_whole() -> None:
    text = "A cyclist was hurt on the 400 block of West 3rd Street on Sunday."
    assert labels(text, [("West 3rd", "LOC")]) == {"West 3rd Street": {"LOC"}}


def test_a_first_name_before_a_surname_like_street_word_stays_a_person() -> None:
    text = "Marcus spoke to Nadia Lane after the hearing, and Marcus Lane left early."
    assert labels(text, [("Marcus", "PERSON"), ("Nadia Lane", "PERSON")]) == {
        "Marcus": {"PERSON"},
        "Nadia Lane": {"PERSON"},
    }


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        # A place's kind as the last word: the model called them a person and an organisation.
        (
            "Hikers reach Tamsin Falls by noon, then walk up Corrow Mountain.",
            [("Tamsin Falls", "PERSON"), ("Corrow Mountain", "ORG")],
            {"Tamsin Falls": {"LOC"}, "Corrow Mountain": {"LOC"}},
        ),
        # Surnames that are place words stay people; a club named for a forest stays a club.
        (
            "The host, Dana Lake, welcomed Nottingham Forest's new signing.",
            [("Dana Lake", "PERSON"), ("Nottingham Forest", "ORG")],
            {"Dana Lake": {"PERSON"}, "Nottingham Forest": {"ORG"}},
        ),
        # "University" in a name the model called a place; "Bank" alone is no organisation.
        (
            "Researchers at the University of Wessex studied farms in the West Bank.",
            [("the University of Wessex", "LOC"), ("the West Bank", "LOC")],
            {"the University of Wessex": {"ORG"}, "the West Bank": {"LOC"}},
        ),
    ],
)
def test_the_words_of_a_name_say_its_kind(text: str, found: list[tuple[str, str]], expected: dict) -> None:
    assert labels(text, found) == expected


# --- People, firms and places by the words around them ----------------------------------------------


def test_a_job_before_a_name_makes_it_a_person() -> None:
    text = "Quarterback Ezra Mbeki threw twice to wide receiver Tobin Halvorsen before halftime."
    assert labels(text, [("Ezra Mbeki", "PERSON"), ("Tobin Halvorsen", "LOC")])["Tobin Halvorsen"] == {"PERSON"}


def test_a_title_shared_with_places_is_no_evidence_of_a_person() -> None:
    text = "Diplomats from the former Soviet Union met in Vienna."
    assert labels(text, [("Soviet Union", "LOC"), ("Vienna", "LOC")])["Soviet Union"] == {"LOC"}


def test_a_full_name_whose_surname_stands_alone_as_a_person_is_a_person() -> None:
    text = "Priya Sandoval won the vault. Sandoval, 19, said she had trained for years."
    assert labels(text, [("Priya Sandoval", "ORG"), ("Sandoval", "PERSON")]) == {
        "Priya Sandoval": {"PERSON"},
        "Sandoval": {"PERSON"},
    }


def test_a_full_name_before_who_is_a_person_but_a_firm_named_for_its_kind_stays_a_firm() -> None:
    text = "Shares were bought by Odile Fennimore, who sold them to Corvane Industries, who sold them on."
    found = [("Odile Fennimore", "ORG"), ("Corvane Industries", "ORG")]
    assert labels(text, found) == {"Odile Fennimore": {"PERSON"}, "Corvane Industries": {"ORG"}}


def test_a_surname_that_is_also_an_organisations_kind_before_who_is_a_person() -> None:
    text = "The first serve went to Ingrid Court, who won in straight sets."
    assert labels(text, [("Ingrid Court", "ORG")]) == {"Ingrid Court": {"PERSON"}}


def test_a_club_named_for_its_town_stays_a_club_beside_a_stray_person_label() -> None:
    text = "The Denver Broncos lost again. The Broncos have not won since October."
    assert labels(text, [("The Denver Broncos", "ORG"), ("Broncos", "PERSON")])["The Denver Broncos"] == {"ORG"}


def test_a_kind_of_firm_before_a_name_makes_it_a_firm() -> None:
    text = "She met her husband on the dating app Kindle Hearts in 2019."
    assert labels(text, [("Kindle Hearts", "PERSON")]) == {"Kindle Hearts": {"ORG"}}


def test_a_job_of_people_and_firms_alike_makes_no_firm() -> None:
    text = '"Prices will hold," said broker Imran Qadir.'
    assert labels(text, [("Imran Qadir", "PERSON")]) == {"Imran Qadir": {"PERSON"}}


def test_a_town_that_residents_and_police_are_of_is_a_place() -> None:
    text = "A Pellston resident called police. Pellston police said the driver fled."
    assert labels(text, [("Pellston", "PERSON"), ("Pellston", "PERSON")]) == {"Pellston": {"LOC"}}


def test_a_family_name_before_family_stays_a_person() -> None:
    text = "Friends raised money for the Okafor family. Okafor said he was grateful."
    assert labels(text, [("Okafor", "PERSON"), ("Okafor", "PERSON")]) == {"Okafor": {"PERSON"}}


def test_a_dateline_is_a_place() -> None:
    text = "BRAMFORD - Two people were hurt in a fire on Tuesday, officials said."
    assert labels(text, [("BRAMFORD", "ORG")]) == {"BRAMFORD": {"LOC"}}


def test_an_acronym_before_a_dash_further_down_is_no_dateline() -> None:
    text = (
        "The launch slipped again on Friday after engineers found a fault in a valve on the upper stage, the third "
        "delay this year. Crews drained the tanks overnight and the crew went back to their quarters to wait.\n"
        "NASA - the agency said - would try again within a week."
    )
    assert labels(text, [("NASA", "ORG")]) == {"NASA": {"ORG"}}


def test_a_region_after_a_comma_makes_a_place() -> None:
    text = "The Toledo, Ohio native moved to Chicago in 2004."
    assert labels(text, [("Toledo", "PERSON"), ("Ohio", "LOC"), ("Chicago", "LOC")])["Toledo"] == {"LOC"}


def test_a_list_of_people_is_no_list_of_places() -> None:
    # "Stuart" is the name of a town of some 16,000 people; here it is a first name.
    text = "Scotland picked Callum Ferris, Stuart McBride and Ewan Tait."
    found = [("Scotland", "LOC"), ("Callum Ferris", "PERSON"), ("Stuart McBride", "PERSON"), ("Ewan Tait", "PERSON")]
    assert labels(text, found)["Callum Ferris"] == {"PERSON"}


def test_an_organisation_with_a_place_after_a_comma_stays_an_organisation() -> None:
    text = "The loan came from Harbor National Bank, Texas, last year."
    assert labels(text, [("Harbor National Bank", "ORG"), ("Texas", "LOC")])["Harbor National Bank"] == {"ORG"}


# --- Sides in results ----------------------------------------------------------------------------------


def test_towns_in_a_results_line_are_clubs() -> None:
    text = "Results on Saturday:\nDenver 5 Portland 3\nDerby beat Luton on penalties."
    found = [("Denver", "LOC"), ("Portland", "LOC"), ("Derby", "LOC"), ("Luton", "LOC")]
    assert labels(text, found) == {"Denver": {"ORG"}, "Portland": {"ORG"}, "Derby": {"ORG"}, "Luton": {"ORG"}}


def test_countries_and_towns_outside_results_stay_places() -> None:
    text = "Italy 2 Wales 1\nIn Denver 40 people were evacuated, and Denver schools closed."
    found = [("Italy", "LOC"), ("Wales", "LOC"), ("Denver", "LOC"), ("Denver", "LOC")]
    assert labels(text, found) == {"Italy": {"LOC"}, "Wales": {"LOC"}, "Denver": {"LOC"}}


# --- Finding a name's occurrences without a regular expression ---------------------------------------


@given(
    words=st.lists(st.sampled_from(["New", "York", "Ann", "Lee", "N"]), min_size=1, max_size=3),
    text=st.lists(st.sampled_from(["New", "York", "Newark", "Ann", "Lee", " ", "  ", "\n", "_", "-", "é", "."])),
)
def test_occurrences_are_where_the_regular_expression_finds_them(words: list[str], text: list[str]) -> None:
    document = "".join(text)
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(word) for word in words) + r"(?!\w)")
    assert list(_occurrences(words, document)) == [m.span() for m in pattern.finditer(document)]


# --- Round 12 (entities14): credits, roles cut in two, capitals as governments and with their peers --------
# Each rule: a sentence it fixes, then a similar one it keeps.

ROUND_12_LABELS = [
    pytest.param(
        "Volunteers cleared the beach on Sunday.\nPhoto: Reuters/Marta Kowalczyk",
        [("Reuters/Marta Kowalczyk", "ORG")],
        {"Reuters": {"ORG"}, "Marta Kowalczyk": {"PERSON"}},
        id="a credit of an agency and a photographer is two names",
    ),
    pytest.param(
        "Crowds lined the route. (AP Photo/Ramon Castellanos)",
        [("AP Photo/Ramon Castellanos", "ORG")],
        {"AP": {"ORG"}, "Ramon Castellanos": {"PERSON"}},
        id="the kind of credit is no part of the agency",
    ),
    pytest.param(
        "The clip was shared by Fox6 News Milwaukee/YouTube and AC/DC fans.",
        [("Fox6 News Milwaukee/YouTube", "ORG"), ("AC/DC", "ORG")],
        {"Fox6 News Milwaukee/YouTube": {"ORG"}, "AC/DC": {"ORG"}},
        id="two names across a slash with no person stay whole",
    ),
    pytest.param(
        "Software Engineer Tobias Renner built the app in a weekend.",
        [("Software", "ORG"), ("Tobias Renner", "PERSON")],
        {"Tobias Renner": {"PERSON"}},
        id="the first words of a role are no organisation",
    ),
    pytest.param(
        "Software AG said its results would beat forecasts, Engineer magazine reported.",
        [("Software AG", "ORG"), ("Engineer", "ORG")],
        {"Software AG": {"ORG"}, "Engineer": {"ORG"}},
        id="a firm whose next word is no role stays a firm",
    ),
    pytest.param(
        "Dakar and Bamako signed the accord on Monday. Dakar will host the next round.",
        [("Dakar", "PERSON"), ("Bamako", "PERSON"), ("Dakar", "PERSON")],
        {"Dakar": {"LOC"}, "Bamako": {"LOC"}},
        id="capitals named together are places",
    ),
    pytest.param(
        "Washington and Lincoln are on the banknotes, the curator said.",
        [("Washington", "PERSON"), ("Lincoln", "PERSON")],
        {"Washington": {"PERSON"}, "Lincoln": {"PERSON"}},
        id="a capital named with a person stays a person",
    ),
    pytest.param(
        "Harare announced new currency controls on Tuesday.",
        [("Harare", "ORG")],
        {"Harare": {"LOC"}},
        id="a capital the model calls an organisation is its government, a place",
    ),
    pytest.param(
        "Harare Polytechnic announced new courses on Tuesday.",
        [("Harare Polytechnic", "ORG")],
        {"Harare Polytechnic": {"ORG"}},
        id="an organisation named for a capital with more words stays",
    ),
]


@pytest.mark.parametrize(("text", "found", "expected"), ROUND_12_LABELS)
def test_round_12_rules(text: str, found: list[tuple[str, str]], expected: dict[str, set[str]]) -> None:
    assert labels(text, found) == expected


@pytest.mark.parametrize(
    ("text", "found", "names"),
    [
        pytest.param(
            "Follow Ian Rapoport @RapSheet for more.",
            [("Ian Rapoport @RapSheet", "PERSON")],
            {"Ian Rapoport"},
            id="a handle after a name is no part of it",
        ),
        pytest.param(
            "Posts by @RapSheet were shared widely.",
            [("@RapSheet", "PERSON")],
            {"@RapSheet"},
            id="a handle alone stays",
        ),
        pytest.param(
            "Fans cheer in the second half. Mandatory Credit: Priya Nandakumar-USA TODAY Sports",
            [("Priya Nandakumar-USA", "PERSON")],
            {"Priya Nandakumar"},
            id="an agency joined to a photographer by a hyphen is cut",
        ),
        pytest.param(
            "The goal came from Ana Ruiz-Tagle in the second half.",
            [("Ana Ruiz-Tagle", "PERSON")],
            {"Ana Ruiz-Tagle"},
            id="a double surname stays whole",
        ),
    ],
)
def test_names_in_credits_are_cleaned(text: str, found: list[tuple[str, str]], names: set[str]) -> None:
    assert {item.name for item in clean_names(spans(text, found))} == names


# --- Abbreviations of things on software and product pages -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # A unit after a number wherever it stands.
        ("The installer is a 25 MB download; the full set is 1.2 GB.", [("MB", "ORG"), ("GB", "ORG")]),
        # A format written in lower case too, as a file's extension; a term written in lower case twice.
        ("Save the PDF and attach annual-report.pdf to the form.", [("PDF", "ORG")]),
        ("The GUI is optional: the gui runs on Linux, and the gui can be themed.", [("GUI", "ORG")]),
        # A plural with a lower-case s.
        ("Each API has a key; the APIs are listed below.", [("API", "ORG")]),
        # Spelt out in lower-case words, and the head of a noun phrase after "an".
        ("The lab used a gas chromatograph (GC). Download an APK from the site.", [("GC", "ORG"), ("APK", "PERSON")]),
        # A function word in capitals, in a line of code.
        ("SELECT name AS label FROM users", [("AS", "ORG")]),
    ],
)
def test_an_abbreviation_the_text_shows_is_a_thing_is_no_name(text: str, found: list[tuple[str, str]]) -> None:
    assert labels(text, found) == {}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Organisations in capitals, one after a year, one with an address in lower case.
        ("In 2019 NASA said the launch would slip; see nasa.gov and @NASA.", [("NASA", "ORG")]),
        ("The FBI and the CIA declined to comment. An FBI agent was there.", [("FBI", "ORG"), ("CIA", "ORG")]),
        # Spelt out in capitalised words: the name of a body.
        (
            "Kansas Legal Services (KLS) offers forms. Read more (KLS).",
            [("Kansas Legal Services", "ORG"), ("KLS", "ORG")],
        ),
        # Written once in lower case in a reader's post: a slip, not a common word.
        ("We didn't have NBC at home. I was watching her on nbc in 2012.", [("NBC", "ORG")]),
        # After a number in one place, alone in another: "3 NHS trusts" and "the NHS".
        (
            "Three hospitals in 3 NHS trusts closed wards. The NHS said beds were short.",
            [("NHS", "ORG"), ("NHS", "ORG")],
        ),
    ],
)
def test_an_organisation_in_capitals_stays(text: str, found: list[tuple[str, str]]) -> None:
    assert set(labels(text, found)) == {surface for surface, _ in found}


# --- Round 13 (entities15): towns by their name's shape and their neighbours, languages and code -------------
# Each rule: a sentence it fixes, then a similar one it keeps.

# id -> (text, the model's spans, the labels each surface ends with)
ROUND_13_LABELS = {
    "a name ending in a settlement word after 'in' is a place": (
        "Police in Brackley Cross said two men were arrested on Friday night.",
        [("Brackley Cross", "ORG")],
        {"Brackley Cross": {"LOC"}},
    ),
    "one word with a town's ending after 'in' is a place": (
        "A fire in Oakhampton destroyed a barn on Sunday.",
        [("Oakhampton", "ORG")],
        {"Oakhampton": {"LOC"}},
    ),
    "an organisation after 'in' without a town's shape stays": (
        "Members in Congress voted against the bill, and a fund took a stake in Supercell.",
        [("Congress", "ORG"), ("Supercell", "ORG")],
        {"Congress": {"ORG"}, "Supercell": {"ORG"}},
    ),
    "a name qualifying a noun after 'in' is no place by it": (
        "Volunteers in Red Cross shelters handed out blankets.",
        [("Red Cross", "ORG")],
        {"Red Cross": {"ORG"}},
    ),
    "where a man is from is a place": (
        "In addition, a Hammonton man lost his life in a collision on the highway.",
        [("Hammonton", "ORG")],
        {"Hammonton": {"LOC"}},
    ),
    "a party a man belongs to stays an organisation": (
        "He has always been a Labour man, his brother said.",
        [("Labour", "ORG")],
        {"Labour": {"ORG"}},
    ),
    "a museum or a studio is a place": (
        "The tour ends at the National Toy Museum, after a stop at Larkspur Studio.",
        [("the National Toy Museum", "ORG"), ("Larkspur Studio", "ORG")],
        {"the National Toy Museum": {"LOC"}, "Larkspur Studio": {"LOC"}},
    ),
    "a firm whose name starts with a place word stays a firm": (
        "Studio Ghibli said the film would open in July.",
        [("Studio Ghibli", "ORG")],
        {"Studio Ghibli": {"ORG"}},
    ),
    "counties the model calls people are sides in a result": (
        "Derbyshire beat Worcestershire by six wickets at Chesterfield.",
        [("Derbyshire", "PERSON"), ("Worcestershire", "PERSON"), ("Chesterfield", "GPE")],
        {"Derbyshire": {"ORG"}, "Worcestershire": {"ORG"}, "Chesterfield": {"LOC"}},
    ),
    "players in a result stay people": (
        "Agassi beat Sampras in four sets on Sunday.",
        [("Agassi", "PERSON"), ("Sampras", "PERSON")],
        {"Agassi": {"PERSON"}, "Sampras": {"PERSON"}},
    ),
    "a family name written first is the person's": (
        "Police detained the dissident Wang Lifeng on Friday. Wang had written to the court, and Wang's wife said"
        " Wang would appeal.",
        [("Wang Lifeng", "PERSON"), ("Wang", "ORG"), ("Wang", "ORG"), ("Wang", "PERSON")],
        {"Wang Lifeng": {"PERSON"}, "Wang": {"PERSON"}},
    ),
    "a firm the model never calls a person alone stays a firm": (
        "Google said on Monday that Google Ads would change its prices.",
        [("Google", "ORG"), ("Google Ads", "PERSON")],
        {"Google": {"ORG"}, "Google Ads": {"PERSON"}},
    ),
    "a town joined to a place of the text is a place": (
        "Ferries between Dover and Calais were cancelled on Tuesday after the storm.",
        [("Dover", "GPE"), ("Calais", "PERSON")],
        {"Dover": {"LOC"}, "Calais": {"LOC"}},
    ),
    "a name the gazetteer does not know joined to a place stays": (
        "Talks between Israel and Hamas resumed in Cairo on Sunday.",
        [("Israel", "GPE"), ("Hamas", "ORG"), ("Cairo", "GPE")],
        {"Israel": {"LOC"}, "Hamas": {"ORG"}, "Cairo": {"LOC"}},
    ),
}


@pytest.mark.parametrize(("text", "found", "expected"), list(ROUND_13_LABELS.values()), ids=list(ROUND_13_LABELS))
def test_round_13_rules(text: str, found: list[tuple[str, str]], expected: dict[str, set[str]]) -> None:
    assert labels(text, found) == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Names of computer languages and formats in capitals.
        ("Write the query in SQL and style the page with CSS.", [("SQL", "ORG"), ("CSS", "ORG")]),
        ("The endpoint returns JSON, and the old one returned XML.", [("JSON", "PERSON"), ("XML", "ORG")]),
        # With a version number.
        ("The player is built with HTML5 and CSS3 only.", [("HTML5", "ORG"), ("CSS3", "ORG")]),
        # Identifiers written as code: called, as attributes, raised.
        (
            "const [count, setCount] = useState(0); the handler calls setCount(count + 1).",
            [("useState", "ORG"), ("setCount", "ORG")],
        ),
        ("owner = models.ForeignKey(Person, on_delete=models.CASCADE)", [("ForeignKey", "PERSON")]),
        ("if count == 0:\n    raise ValueError", [("ValueError", "ORG")]),
    ],
)
def test_a_language_or_an_identifier_in_code_is_no_name(text: str, found: list[tuple[str, str]]) -> None:
    assert labels(text, found) == {}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # A language's name that the text spells out as an organisation's.
        (
            "Scandinavian Airlines System (SAS) flies to Oslo. SAS said fares would rise.",
            [("Scandinavian Airlines System", "ORG"), ("SAS", "ORG")],
        ),
        # A word in brackets after a name in a squad list, and a ticker after a space.
        ("Son, Kulusevski and Werner(loan) started on the left.", [("Son", "PERSON"), ("Werner", "PERSON")]),
        # The address is the site's organisation, as the golds count it (round 32, entities40); "Apple" stays.
        ("Shares of Apple (AAPL) rose after Apple.com went down.", [("Apple", "ORG"), ("Apple.com", "ORG")]),
        # "raise" and "except" in prose, on a text without marks of code.
        ("Lawmakers voted to raise Medicare rates, except Medicaid ones.", [("Medicare", "ORG"), ("Medicaid", "ORG")]),
        # A two-letter language name that is also a college's.
        ("BC scored twice in the fourth quarter to win 21-14.", [("BC", "ORG")]),
    ],
)
def test_names_beside_brackets_and_dots_stay(text: str, found: list[tuple[str, str]]) -> None:
    assert set(labels(text, found)) == {surface for surface, _ in found}


def test_a_keyword_of_sql_code_is_no_name() -> None:
    text = "SELECT id FROM jobs WHERE state = 'new' ORDER BY id DESC FOR UPDATE NOWAIT;"
    assert labels(text, [("DESC", "ORG"), ("NOWAIT", "ORG")]) == {}


def test_a_name_in_capitals_without_sql_code_around_it_stays() -> None:
    text = "Ministers met UNION leaders from the docks; the chair said SELECT committee hearings start soon."
    assert labels(text, [("UNION", "ORG")]) == {"UNION": {"ORG"}}


# --- Round 14 (entities16): things named after a determiner or a kind of code, teams by their nicknames ----------
# Each rule: a sentence it fixes, then a similar one it keeps.

ROUND_14_LABELS = {
    "an abbreviation heading a noun phrase after 'your' or 'each' is a thing": (
        "Enter your SSN. Each GPU in the rack has a queue of its own, and the tax form asks for it again.",
        [("SSN", "ORG"), ("GPU", "ORG")],
        {},
    ),
    "an abbreviation after a modifier and 'a' is a thing": (
        "Version 3 has a simpler API, and the pricing page was moved.",
        [("API", "ORG")],
        {},
    ),
    "an apostrophe's plural is a thing": (
        "Prices of GPU's vary from shop to shop this winter.",
        [("GPU", "ORG")],
        {},
    ),
    "an organisation qualifying a noun after a possessive stays": (
        "The envoy asked them to drop their ICC plans, and an FBI agent was present.",
        [("ICC", "ORG"), ("FBI", "ORG")],
        {"ICC": {"ORG"}, "FBI": {"ORG"}},
    ),
    "a firm after a noun in apposition stays": (
        "Beijing backs its national champion SMIC, which has never been granted a licence.",
        [("SMIC", "ORG")],
        {"SMIC": {"ORG"}},
    ),
    "a body after 'a member of' stays": (
        "Finland became a member of NATO. NATO said the move made the alliance stronger.",
        [("NATO", "ORG"), ("NATO", "ORG")],
        {"NATO": {"ORG"}},
    ),
    "the name of a protocol or a header is no name": (
        "Servers find accounts with the WebFinger protocol, and each reply sets the Content-Type header.",
        [("WebFinger", "ORG"), ("Content-Type", "ORG")],
        {},
    ),
    "the name of a variant on a text with code is no name": (
        "let n = match parsed { Ok(v) => v, Err(e) => return e };\nThe Err variant holds what went wrong.",
        [("Err", "PERSON"), ("Err", "PERSON")],
        {},
    ),
    "a kind of code after a name in prose is no evidence": (
        "Ann Lee teaches a Lee method class on Fridays, and the Smith command of the river held.",
        [("Ann Lee", "PERSON"), ("Smith", "PERSON")],
        {"Ann Lee": {"PERSON"}, "Smith": {"PERSON"}},
    ),
    "a header line names a header": (
        "The reply starts with these lines:\nContent-Type: application/json\nCache-Control: no-store\n",
        [("Content-Type", "ORG"), ("Cache-Control", "PERSON")],
        {},
    ),
    "a path of code names a type": (
        'let name = String::from("Ada"); println!("{}", name); String owns its bytes.',
        [("String", "PERSON"), ("String", "PERSON")],
        {},
    ),
    "a footballer's header and a person's property stay": (
        "A late Arias header won it, and police searched the Trump property in Florida.",
        [("Arias", "PERSON"), ("Trump", "PERSON"), ("Florida", "GPE")],
        {"Arias": {"PERSON"}, "Trump": {"PERSON"}, "Florida": {"LOC"}},
    ),
    "a plural nickname after 'the' is a team": (
        "Hill has stayed healthy for the Dolphins in his two seasons in Miami.",
        [("Hill", "PERSON"), ("Dolphins", "PERSON"), ("Miami", "GPE")],
        {"Hill": {"PERSON"}, "Dolphins": {"ORG"}, "Miami": {"LOC"}},
    ),
    "a plural nickname that ends a club's full name is the club": (
        "He missed the game against the New York Jets. Before that, Jets fans had booed him.",
        [("the New York Jets", "ORG"), ("Jets", "PERSON")],
        {"the New York Jets": {"ORG"}, "Jets": {"ORG"}},
    ),
    "a surname ending a name the model calls an organisation stays a person": (
        "The plan is backed by Transport Secretary Ans Persoons. The rules are outdated, said Persoons.",
        [("Transport Secretary Ans Persoons", "ORG"), ("Persoons", "PERSON")],
        {"Transport Secretary Ans Persoons": {"PERSON"}, "Persoons": {"PERSON"}},
    ),
    "a family in the plural stays people": (
        "Barack Obama left office in 2017, and the Obamas moved to Kalorama.",
        [("Barack Obama", "PERSON"), ("Obamas", "PERSON"), ("Kalorama", "GPE")],
        {"Barack Obama": {"PERSON"}, "Obamas": {"PERSON"}, "Kalorama": {"LOC"}},
    ),
    "a product the model calls a person is no person": (
        "Tap twice on the back of your Pixel's case to mute it; the option works on any Pixel, really.",
        [("Pixel", "PERSON"), ("Pixel", "PERSON")],
        {},
    ),
    "a person qualifying an administration stays a person": (
        "Joe Biden spoke on Friday. The Biden administration is weighing tariffs, Biden said.",
        [("Joe Biden", "PERSON"), ("Biden", "PERSON"), ("Biden", "PERSON")],
        {"Joe Biden": {"PERSON"}, "Biden": {"PERSON"}},
    ),
    "a family after 'the' stays people": (
        "The scandal could damage the Clintons. Hillary Clinton declined to comment.",
        [("Clintons", "PERSON"), ("Hillary Clinton", "PERSON")],
        {"Clintons": {"PERSON"}, "Hillary Clinton": {"PERSON"}},
    ),
    "a surname ending in s stays a person": (
        "Simone Biles won again. The crowd cheered as Biles landed the vault.",
        [("Simone Biles", "PERSON"), ("Biles", "PERSON")],
        {"Simone Biles": {"PERSON"}, "Biles": {"PERSON"}},
    ),
}


@pytest.mark.parametrize(("text", "found", "expected"), list(ROUND_14_LABELS.values()), ids=list(ROUND_14_LABELS))
def test_round_14_rules(text: str, found: list[tuple[str, str]], expected: dict[str, set[str]]) -> None:
    assert labels(text, found) == expected


@pytest.mark.parametrize(
    ("surface", "name"),
    [
        ("WR Tyreek Hill", "Tyreek Hill"),  # a position in capitals before a full name
        ("MP Jane Ruiz", "Jane Ruiz"),
        ("AJ Brown", "AJ Brown"),  # initials before one word are the name
        ("DJ Khaled", "DJ Khaled"),
    ],
)
def test_a_role_in_capitals_before_a_full_name_goes(surface: str, name: str) -> None:
    text = f"Yesterday {surface} spoke."
    assert [item.name for item in clean_names(spans(text, [(surface, "PERSON")]))] == [name]


# --- Round 15 (entities17): technical terms, list items, numbers after people, towns by their region, clubs -------

ROUND_15_LABELS = {
    "a technical term written bare is no organisation": (
        "Good SEO takes months, and DNS changes can take a day to spread.",
        [("SEO", "ORG"), ("DNS", "ORG")],
        {},
    ),
    "a technical term the model calls a place is no place": (
        "AI is changing how newsrooms work, and SaaS vendors know it.",
        [("AI", "GPE"), ("SaaS", "ORG")],
        {},
    ),
    "an organisation in capitals outside the lexicon stays": (
        "The ANC said on Monday that NASA had no role in the talks.",
        [("ANC", "ORG"), ("NASA", "ORG")],
        {"ANC": {"ORG"}, "NASA": {"ORG"}},
    ),
    "a span across lines is the names of its lines": (
        "Reporting by\nReuters\nSTOCKHOLM, Sweden -- Shares rose on Monday.",
        [("Reuters\nSTOCKHOLM", "ORG"), ("Sweden", "GPE")],
        {"Reuters": {"ORG"}, "STOCKHOLM": {"LOC"}, "Sweden": {"LOC"}},
    ),
    "a span across bullets is the names of its items": (
        "Writers: Helen Marsh • David Okafor • Priya Raman. The council voted.",
        [("Helen Marsh • David Okafor", "PERSON"), ("Priya Raman", "PERSON")],
        {"Helen Marsh": {"PERSON"}, "David Okafor": {"PERSON"}, "Priya Raman": {"PERSON"}},
    ),
    "a town the text writes as a side is a club": (
        "The club rejected a bid from Bolton. Bolton manager Gary Megson wants a striker.",
        [("Bolton", "PERSON"), ("Bolton", "PERSON"), ("Gary Megson", "PERSON")],
        {"Bolton": {"ORG"}, "Gary Megson": {"PERSON"}},
    ),
    "a town-like surname of a full name stays a person": (
        "Andy Murray reached the final. Nobody expected anyone to beat Murray on grass.",
        [("Andy Murray", "PERSON"), ("Murray", "PERSON")],
        {"Andy Murray": {"PERSON"}, "Murray": {"PERSON"}},
    ),
    "a byline's agency and reporter are two names without the role": (
        "JERUSALEM - Talks resumed. ___ Associated Press Writer Ibrahim Barzak contributed to this report.",
        [("Associated Press Writer Ibrahim Barzak", "ORG")],
        # round 23: the dateline's place, untagged here, is found too
        {"Associated Press": {"ORG"}, "Ibrahim Barzak": {"PERSON"}, "JERUSALEM": {"LOC"}},
    ),
    "an organisation with a writer in its name stays whole": (
        "The Writers Guild said the strike would go on, and the Staff Writer Fund paid out.",
        [("Writers Guild", "ORG"), ("Staff Writer Fund", "ORG")],
        {"Writers Guild": {"ORG"}, "Staff Writer Fund": {"ORG"}},
    ),
    "a wire's date after its name goes": (
        "Associated Press - January 10, 2008 3:23 PM ET\nSix people are in stable condition.",
        [("Associated Press - January 10, 2008", "ORG")],
        {"Associated Press - January 10, 2008": {"ORG"}},
    ),
    "a full name in a list of people is a person": (
        "Scott Cowie, Martin Paryzek, Thomas Kiriakou and Julien Demers tallied the assists.",
        [
            ("Scott Cowie", "PERSON"),
            ("Martin Paryzek", "PERSON"),
            ("Thomas Kiriakou", "PERSON"),
            ("Julien Demers", "ORG"),
        ],
        {
            "Scott Cowie": {"PERSON"},
            "Martin Paryzek": {"PERSON"},
            "Thomas Kiriakou": {"PERSON"},
            "Julien Demers": {"PERSON"},
        },
    ),
    "a firm beside one person stays a firm": (
        "Shares of Goldman Sachs and Warren Buffett's company fell.",
        [("Goldman Sachs", "ORG"), ("Warren Buffett", "PERSON")],
        {"Goldman Sachs": {"ORG"}, "Warren Buffett": {"PERSON"}},
    ),
    "a first name of a full name after 'this' stays a person": (
        "Canelo Alvarez won again. Afterwards he said nobody can beat this Canelo.",
        [("Canelo Alvarez", "PERSON"), ("Canelo", "PERSON")],
        {"Canelo Alvarez": {"PERSON"}, "Canelo": {"PERSON"}},
    ),
}


@pytest.mark.parametrize(("text", "found", "expected"), list(ROUND_15_LABELS.values()), ids=list(ROUND_15_LABELS))
def test_round_15_rules(text: str, found: list[tuple[str, str]], expected: dict[str, set[str]]) -> None:
    assert labels(text, found) == expected


def test_a_wires_date_is_cut_from_its_name() -> None:
    text = "Associated Press - January 10, 2008 3:23 PM ET"
    assert [item.name for item in clean_names(spans(text, [("Associated Press - January 10, 2008", "ORG")]))] == [
        "Associated Press"
    ]


def test_list_items_keep_their_own_offsets() -> None:
    text = "Blogs:\nRich Tehrani\nTom Keating\nGreg Galitzine\nRussell Shaw\nMore stories"
    surface = "Tom Keating\nGreg Galitzine\nRussell Shaw"
    parts = list_parts(spans(text, [(surface, "PERSON")])[0])
    assert [item.name for item in parts] == ["Tom Keating", "Greg Galitzine", "Russell Shaw"]
    assert all(text[item.span.char_start : item.span.char_end] == item.name for item in parts)


@pytest.mark.parametrize(
    ("surface", "label", "name"),
    [
        ("N. Alam 51.5", "PERSON", "N. Alam"),  # a jockey's weight on a racing card
        ("Everton 2-1", "PERSON", "Everton"),  # a score
        ("Area 51", "LOC", "Area 51"),  # a place's number is its name's
        ("Windows 3.1", "ORG", "Windows 3.1"),
    ],
)
def test_a_number_after_a_persons_name_goes(surface: str, label: str, name: str) -> None:
    text = f"Yesterday {surface} was there."
    assert [item.name for item in clean_names(spans(text, [(surface, label)]))] == [name]


@pytest.mark.parametrize(
    ("text", "place", "country"),
    [
        ("The flight from Victoria, British Columbia, landed in Calgary. Victoria is wet.", "Victoria", "CA"),
        ("Ticket prices in Paris, Texas, rose sharply.", "Paris", "US"),
        ("The festival in London, Ontario, drew crowds.", "London", "CA"),
        ("Talks in London, England, ended.", "London", "GB"),  # the gazetteer's first is already there
        ("Crowds filled Victoria on Sunday.", "Victoria", "HK"),  # nothing after it: the gazetteer's first
    ],
)
def test_the_region_after_a_town_chooses_among_towns_of_its_name(text: str, place: str, country: str) -> None:
    mentions, entities = resolve_mentions(
        [Span(place, "GPE", m.start(), m.end(), text) for m in re.finditer(place, text)], "a", OPTIONS
    )
    located = [entity for entity in entities if entity.name == place]
    assert [entity.country_code for entity in located] == [country]
    assert len({mention.entity_id for mention in mentions}) == 1


def test_a_town_chosen_by_its_region_is_an_entity_of_its_own() -> None:
    """Victoria, Canada and the gazetteer's Victoria (Hong Kong) are two entities, so the warehouse never mixes one's
    country with the other's point."""
    canada = "Victoria, British Columbia, is wet."
    plain = "Victoria is wet."
    _, [in_canada] = resolve_mentions([Span("Victoria", "GPE", 0, 8, canada)], "a", OPTIONS)
    _, [victoria] = resolve_mentions([Span("Victoria", "GPE", 0, 8, plain)], "b", OPTIONS)
    assert in_canada.entity_id != victoria.entity_id
    assert (in_canada.country_code, victoria.country_code) == ("CA", "HK")


def test_an_airport_code_is_no_town() -> None:
    places = gazetteer(OPTIONS.gazetteer_min_population)
    assert places.find("ATF") is None  # Ambato's airport, a name in capitals on a software page
    assert places.find("NYC") is not None  # New York City's initials
    assert is_technical_term("SaaS") and is_technical_term("DNS")
    assert not is_technical_term("ANC") and not is_technical_term("Seo")


# --- Round 16: teams named by their town, page chrome, titles of works, sites, towns by their neighbours ---


def countries(text: str, found: list[tuple[str, str]]) -> dict[str, set[str | None]]:
    """Each place name the rules keep -> the countries its mentions are located in."""
    out: dict[str, set[str | None]] = {}
    for item in canonicalise(clean_names(spans(text, found)), OPTIONS):
        if item.label == "LOC":
            out.setdefault(item.name, set()).add(item.country_code)
    return out


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        ("Portland beat Seattle 4-2 on Friday.", [("Portland", "GPE"), ("Seattle", "GPE")], {"ORG"}),
        ("Bristol were relegated on the last day.", [("Bristol", "GPE")], {"ORG"}),
        ("Norwich won 3-1 at home to end the run.", [("Norwich", "GPE")], {"ORG"}),
        ("Denver made it four straight wins on Sunday.", [("Denver", "GPE")], {"ORG"}),
        ("It was no slight to Dallas's quarterback, who threw twice.", [("Dallas", "GPE")], {"ORG"}),
        ("Everton's owners want to sell the club.", [("Everton", "GPE")], {"ORG"}),
    ],
)
def test_a_town_the_sentence_treats_as_a_team_is_a_club(
    text: str, found: list[tuple[str, str]], expected: set[str]
) -> None:
    assert labels(text, found)[found[0][0]] == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Portland's mayor said the city won a grant of $4 million.", [("Portland", "GPE")]),
        ("Bristol residents were relieved when the bridge reopened.", [("Bristol", "GPE")]),
        ("Prices in Denver rose for four straight months.", [("Denver", "GPE")]),
        ("Portland's defense of its camping ban went to court.", [("Portland", "GPE")]),
    ],
)
def test_a_town_its_own_people_speak_of_stays_a_place(text: str, found: list[tuple[str, str]]) -> None:
    assert labels(text, found)[found[0][0]] == {"LOC"}


def test_a_nickname_the_model_cut_from_its_town_joins_it_as_one_team() -> None:
    text = "Denver Broncos safety Ray Ortiz and the Atlanta 76ers' coach met in Denver."
    found = [("Denver", "GPE"), ("Ray Ortiz", "PERSON"), ("Atlanta", "GPE"), ("Denver", "GPE")]
    assert labels(text, found) == {
        "Denver Broncos": {"ORG"},
        "Ray Ortiz": {"PERSON"},
        "Atlanta 76ers": {"ORG"},
        "Denver": {"LOC"},
    }


def test_a_place_s_own_kind_or_an_event_after_a_town_is_no_nickname() -> None:
    text = "Crowds left Glenwood Springs for the Paris Olympics."
    assert labels(text, [("Glenwood", "GPE"), ("Paris", "GPE")]) == {"Glenwood": {"LOC"}, "Paris": {"LOC"}}


def test_a_menu_s_words_on_a_line_of_their_own_are_no_names() -> None:
    text = "Home\nLatest News | Sport\nSign In | Subscribe\nTara Quinlan joined the council on Monday."
    found = [("Home", "ORG"), ("Sport", "ORG"), ("Subscribe", "PERSON"), ("Tara Quinlan", "PERSON")]
    assert labels(text, found) == {"Tara Quinlan": {"PERSON"}}


def test_a_menu_word_inside_a_name_on_a_sentence_s_line_stays() -> None:
    text = "The Home Office said so.\nHome Office\nSearch Partners was fined."
    found = [("The Home Office", "ORG"), ("Home Office", "ORG"), ("Search Partners", "ORG")]
    assert labels(text, found) == {"The Home Office": {"ORG"}, "Home Office": {"ORG"}, "Search Partners": {"ORG"}}


@pytest.mark.parametrize(
    ("text", "found", "name", "kept"),
    [
        # Titles of works go.
        ("Her debut novel Halcyon Marsh sold well in Leeds.", [("Halcyon Marsh", "PERSON")], "Halcyon Marsh", False),
        ("The band's album Copperline topped the charts.", [("Copperline", "ORG")], "Copperline", False),
        ("Audiences loved “Marigold Vance” last summer.", [("Marigold Vance", "PERSON")], "Marigold Vance", False),
        ("Tin Lantern, directed by Ada Reyes, opens in May.", [("Tin Lantern", "ORG")], "Tin Lantern", False),
        # Names in a quotation, beside a match's words or a winner's year stay.
        ("“Quinlan was right,” she said of Tara Quinlan.", [("Quinlan", "PERSON")], "Quinlan", True),
        ("In the game Smith threw for 300 yards.", [("Smith", "PERSON")], "Smith", True),
        (
            "The Hall of Fame named Marshall Fenton (2004) a member.",
            [("Marshall Fenton", "PERSON")],
            "Marshall Fenton",
            True,
        ),
        ("After a one-man show, Henry's season ended.", [("Henry", "PERSON")], "Henry", True),
    ],
)
def test_the_title_of_a_work_is_no_person_or_firm(
    text: str, found: list[tuple[str, str]], name: str, kept: bool
) -> None:
    assert (name in labels(text, found)) == kept


def test_a_blog_or_a_site_the_model_calls_a_person_is_an_organisation() -> None:
    text = "Readers of the blog Amber Lantern and the site Quiet Harbor argued. Amber Lantern later apologised."
    found = [("Amber Lantern", "PERSON"), ("Quiet Harbor", "PERSON"), ("Amber Lantern", "PERSON")]
    assert labels(text, found) == {"Amber Lantern": {"ORG"}, "Quiet Harbor": {"ORG"}}


@pytest.mark.parametrize(
    ("text", "found", "name", "country"),
    [
        # A town with no region beside it, in the country of the article's other places.
        (
            "Students from Cambridge rallied in Boston, and officials in Massachusetts and Vermont listened.",
            [("Cambridge", "GPE"), ("Boston", "GPE"), ("Massachusetts", "GPE"), ("Vermont", "GPE")],
            "Cambridge",
            "US",
        ),
        # An old name of a city ("Canton", Guangzhou) is the town of that name in the article's country.
        (
            "The plant near Canton will close, workers in Akron and Ohio were told.",
            [("Canton", "GPE"), ("Akron", "GPE"), ("Ohio", "GPE")],
            "Canton",
            "US",
        ),
        # Paris, Texas is far smaller than the capital: the capital stays.
        (
            "Fans from Dallas and Houston flew to Paris.",
            [("Dallas", "GPE"), ("Houston", "GPE"), ("Paris", "GPE")],
            "Paris",
            "FR",
        ),
        # One other place is not a country's worth of evidence.
        ("Students from Cambridge rallied in Boston.", [("Cambridge", "GPE"), ("Boston", "GPE")], "Cambridge", "GB"),
        # The article's places are in the gazetteer's own country.
        (
            "Cambridge, Oxford and Leeds students marched.",
            [("Cambridge", "GPE"), ("Oxford", "GPE"), ("Leeds", "GPE")],
            "Cambridge",
            "GB",
        ),
    ],
)
def test_a_town_without_a_region_is_located_by_its_neighbours(
    text: str, found: list[tuple[str, str]], name: str, country: str
) -> None:
    assert countries(text, found)[name] == {country}


def test_a_table_cell_s_capital_is_no_name_when_the_text_writes_the_word_in_lower_case() -> None:
    text = "She withdrew from the final.\n| 2021 | Silver | Withdrew | Gold |\nLena Ortiz coached her."
    found = [("Withdrew", "ORG"), ("Lena Ortiz", "PERSON")]
    assert labels(text, found) == {"Lena Ortiz": {"PERSON"}}


def test_a_surname_after_an_airport_is_no_team_s_nickname() -> None:
    text = "Winner: Halden International Airport Perkins&Will, and Leeds Rhinos."
    found = [("Halden International Airport", "FAC"), ("Leeds", "GPE")]
    assert labels(text, found) == {"Halden International Airport": {"LOC"}, "Leeds Rhinos": {"ORG"}}


def test_a_country_written_as_a_team_stays_a_place() -> None:
    text = "Benin coach Ade Sola said Benin were relegated from the top group."
    found = [("Benin", "PERSON"), ("Ade Sola", "PERSON"), ("Benin", "PERSON")]
    assert "ORG" not in labels(text, found).get("Benin", set())


# --- Round 17: clubs shown once, shows on television, towns by their region, the site's country ------------


def test_a_town_the_page_shows_to_be_a_club_is_the_club_in_its_other_mentions() -> None:
    text = (
        "Hartlepool were relegated on Saturday. Hartlepool sold two strikers in January, and Hartlepool face "
        "a long rebuild."
    )
    found = [("Hartlepool", "GPE"), ("Hartlepool", "GPE"), ("Hartlepool", "GPE")]
    assert labels(text, found) == {"Hartlepool": {"ORG"}}


@pytest.mark.parametrize(
    "town_sentence",
    [
        "Fans in Hartlepool wept.",  # a place's preposition
        "Hartlepool council closed the stand.",  # the town's own people
        "Hartlepool's mayor said sorry.",
    ],
)
def test_a_mention_written_as_the_town_stays_a_place_beside_the_club(town_sentence: str) -> None:
    text = f"Hartlepool were relegated on Saturday. {town_sentence}"
    found = [("Hartlepool", "GPE"), ("Hartlepool", "GPE")]
    kept = canonicalise(clean_names(spans(text, found)), OPTIONS)
    assert [item.label for item in kept] == ["ORG", "LOC"]


def test_a_town_no_mention_shows_to_be_a_club_stays_a_place() -> None:
    text = "Hartlepool sold its old docks. Hartlepool hopes for jobs."
    assert labels(text, [("Hartlepool", "GPE"), ("Hartlepool", "GPE")]) == {"Hartlepool": {"LOC"}}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Mara Quist won season 9 of The Lantern Hour. The Lantern Hour stage was hers.",
            [("Mara Quist", "PERSON"), ("The Lantern Hour", "ORG"), ("The Lantern Hour", "ORG")],
        ),
        ("On the reality show Island Vows, Mara Quist cried.", [("Island Vows", "PERSON"), ("Mara Quist", "PERSON")]),
        ("Mara Quist and other Night Desk contestants sang.", [("Mara Quist", "PERSON"), ("Night Desk", "ORG")]),
    ],
)
def test_a_television_programme_is_no_person_or_firm(text: str, found: list[tuple[str, str]]) -> None:
    assert labels(text, found) == {"Mara Quist": {"PERSON"}}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("A late Chelsea winner settled it.", [("Chelsea", "ORG")]),
        ("The Netflix premiere drew a crowd.", [("Netflix", "ORG")]),
        ("Orrin Vale's first season of coaching went well.", [("Orrin Vale", "PERSON")]),
    ],
)
def test_a_club_a_firm_or_a_person_beside_a_programme_s_words_stays(text: str, found: list[tuple[str, str]]) -> None:
    assert found[0][0] in labels(text, found)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "The single featured Lantern Hour winner Mara Quist. Lantern Hour paid her.",
            [("Lantern Hour", "ORG"), ("Mara Quist", "PERSON"), ("Lantern Hour", "ORG")],
        ),
        ("Harbour Cup runner-up Mara Quist sang.", [("Harbour Cup", "PERSON"), ("Mara Quist", "PERSON")]),
    ],
)
def test_a_contest_before_its_winner_s_name_is_no_person_or_firm(text: str, found: list[tuple[str, str]]) -> None:
    assert labels(text, found) == {"Mara Quist": {"PERSON"}}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("A late Chelsea winner Sunday settled it.", [("Chelsea", "ORG")]),  # no person after the word
        ("Orrin Vale named Tarn Media winner of the bid.", [("Orrin Vale", "PERSON"), ("Tarn Media", "ORG")]),
        ("Tarn Media host Mara Quist left.", [("Tarn Media", "ORG"), ("Mara Quist", "PERSON")]),  # a channel's host
    ],
)
def test_a_firm_or_a_club_before_winner_without_a_winner_named_stays(text: str, found: list[tuple[str, str]]) -> None:
    assert "Tarn Media" in labels(text, found) or "Chelsea" in labels(text, found)


def located(text: str, found: list[tuple[str, str]]) -> dict[str, tuple[str | None, float | None]]:
    """Each place name the rules keep -> (country, latitude) of its last mention."""
    return {
        item.name: (item.country_code, item.latitude)
        for item in canonicalise(clean_names(spans(text, found)), OPTIONS)
        if item.label == "LOC"
    }


def test_the_state_after_a_town_chooses_the_town_in_that_state() -> None:
    springfields = {place.region for place in gazetteer().by_region["springfield"].values()}
    assert {"IL", "MO"} <= springfields  # the gazetteer's first Springfield is Missouri's, the larger
    text = "The fair in Springfield, Illinois drew crowds."
    country, latitude = located(text, [("Springfield", "GPE"), ("Illinois", "GPE")])["Springfield"]
    assert country == "US" and latitude is not None and 39.5 < latitude < 40.1
    country, latitude = located("The fair in Springfield drew crowds.", [("Springfield", "GPE")])["Springfield"]
    assert latitude is not None and latitude < 38  # no state named: the largest


def test_a_town_the_gazetteer_lacks_in_the_region_named_after_it_is_in_that_region_s_country() -> None:
    # The gazetteer's only Mantua is Italy's; the text says Ohio.
    assert gazetteer().find("Mantua").country_code == "IT"  # type: ignore[union-attr]
    found = [("Mantua", "GPE"), ("Ohio", "GPE")]
    assert located("A barn burned in Mantua, Ohio on Friday.", found)["Mantua"] == ("US", None)
    assert located("A barn burned in Mantua on Friday.", [("Mantua", "GPE")])["Mantua"][0] == "IT"


def test_a_town_named_with_its_region_where_the_gazetteer_cannot_tell_regions_keeps_its_point() -> None:
    # Canada's provinces are coded otherwise in GeoNames than in ISO 3166-2: the country alone chooses.
    found = [("Victoria", "GPE"), ("British Columbia", "GPE")]
    country, latitude = located("Tourists love Victoria, British Columbia.", found)["Victoria"]
    assert country == "CA" and latitude is not None


@pytest.mark.parametrize(
    ("text", "town", "region", "country"),
    [
        ("Ferries left Vancouver, Washington at dawn.", "Vancouver", "Washington", "US"),  # not Canada's larger one
        ("A fire in Kingston, New York closed roads.", "Kingston", "New York", "US"),  # not Jamaica's capital
        ("A fire in Richmond, Quebec closed roads.", "Richmond", "Quebec", "CA"),  # not Virginia's
    ],
)
def test_a_region_named_like_a_city_of_its_country_still_places_the_town_before_it(
    text: str, town: str, region: str, country: str
) -> None:
    assert gazetteer().find(region).population > 0  # type: ignore[union-attr]  # the name is first a city's
    assert gazetteer().find(town).country_code != country  # type: ignore[union-attr]
    assert located(text, [(town, "GPE"), (region, "GPE")])[town][0] == country


def test_a_list_of_cities_is_no_town_and_its_region() -> None:
    text = "Flights to Boston, New York and Chicago resumed."
    boston = located(text, [("Boston", "GPE"), ("New York", "GPE"), ("Chicago", "GPE")])["Boston"]
    assert boston[0] == "US" and boston[1] is not None and 42 < boston[1] < 43  # Massachusetts's, with its point


def test_a_standings_row_with_a_winning_share_makes_its_town_a_club_and_the_venue_stays_a_town() -> None:
    text = "W L PCT GB\nHARTFORD 71 60 .542 -\nDUNMORE 64 67 .489 7\nSCHEDULE\nHARTFORD AT DUNMORE"
    found = [("HARTFORD", "GPE"), ("DUNMORE", "GPE"), ("HARTFORD", "GPE"), ("DUNMORE", "GPE")]
    kept = canonicalise(clean_names(spans(text, found)), OPTIONS)
    assert [item.label for item in kept] == ["ORG", "ORG", "ORG", "LOC"]


@pytest.mark.parametrize("model_label", ["PERSON", "ORG"])
def test_a_name_the_gazetteer_lacks_before_a_state_is_a_town_of_that_state(model_label: str) -> None:
    text = "A barn burned near Quillby, Ohio on Friday."
    assert located(text, [("Quillby", model_label), ("Ohio", "GPE")])["Quillby"] == ("US", None)


def test_a_person_before_a_state_s_post_is_no_town() -> None:
    text = "Dana Quillby, Ohio's treasurer, spoke."
    assert labels(text, [("Dana Quillby", "PERSON"), ("Ohio", "GPE")])["Dana Quillby"] == {"PERSON"}


def test_the_short_form_of_a_quoted_title_is_no_organisation() -> None:
    text = "Critics praised “Harbour Lights Tonight” (HLT), and HLT won a prize. The Harbour Trust (HT) paid."
    found = [("HLT", "ORG"), ("HLT", "ORG"), ("The Harbour Trust", "ORG"), ("HT", "ORG")]
    assert labels(text, found) == {"The Harbour Trust": {"ORG"}, "HT": {"ORG"}}


# --- Round 26: streets, regions, datelines, shops, titles and roles (trafilatura's dev pages) ----------


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        # A street by its kind, a road's kind alone, and a street named again without its kind.
        ("Dresden Drive is closed.", [("Dresden Drive", "PERSON")], {"Dresden Drive": {"LOC"}}),
        ("Cars flipped under the Turnpike.", [("Turnpike", "ORG")], {"Turnpike": {"LOC"}}),
        (
            "A crash on Miller Drive; the car sped east on Miller.",
            [("Miller Drive", "FAC"), ("Miller", "PERSON")],
            {"Miller Drive": {"LOC"}, "Miller": {"LOC"}},
        ),
        # ... not a surname of a person the text names in full.
        (
            "Ann Miller lives on Miller Drive. Miller said so.",
            [("Ann Miller", "PERSON"), ("Miller Drive", "FAC"), ("Miller", "PERSON")],
            {"Ann Miller": {"PERSON"}, "Miller Drive": {"LOC"}, "Miller": {"PERSON"}},
        ),
        # A town after a person's age and "of", or before "area" after "the".
        (
            "Ann Lee, 30, of Dedham, was charged.",
            [("Ann Lee", "PERSON"), ("Dedham", "PERSON")],
            {"Ann Lee": {"PERSON"}, "Dedham": {"LOC"}},
        ),
        ("Deputies searched the Fordham area.", [("Fordham", "PERSON")], {"Fordham": {"LOC"}}),
        ("Fordham said the area was closed.", [("Fordham", "PERSON")], {"Fordham": {"PERSON"}}),
        # The model's people label on one mention does not keep the name from being a place.
        (
            "Deputies searched the Fordham area and the Fordham location.",
            [("Fordham", "NORP"), ("Fordham", "PERSON")],
            {"Fordham": {"LOC"}},
        ),
        # A call sign the model calls a person, and an agency after a dateline with its state in title case.
        (
            "HOUSTON, Texas (KTRK) -- A salon was robbed.",
            [("HOUSTON", "GPE"), ("Texas", "GPE"), ("KTRK", "PERSON")],
            {"HOUSTON": {"LOC"}, "Texas": {"LOC"}, "KTRK": {"ORG"}},
        ),
        (
            "DAYTON, Ohio (Valley Wire) - A barn burned.",
            [("DAYTON", "GPE"), ("Ohio", "GPE"), ("Valley Wire", "PERSON")],
            {"DAYTON": {"LOC"}, "Ohio": {"LOC"}, "Valley Wire": {"ORG"}},
        ),
        # A dateline's region in capitals.
        (
            "TAMPA, FLA. (WFLA) - A sinkhole opened.",
            [("FLA", "ORG"), ("WFLA", "ORG")],
            {"TAMPA": {"LOC"}, "FLA": {"LOC"}, "WFLA": {"ORG"}},
        ),
        # A shop named for its owner is one name; an owner's possessive before a firm that is no trade stays two.
        (
            "Aisha's Salon and Spa opened.",
            [("Aisha", "PERSON"), ("Salon and Spa", "ORG")],
            {"Aisha's Salon and Spa": {"ORG"}},
        ),
        (
            "Ann Lee's Acme Corp deal closed.",
            [("Ann Lee", "PERSON"), ("Acme Corp", "ORG")],
            {"Ann Lee": {"PERSON"}, "Acme Corp": {"ORG"}},
        ),
        # Counties and the land along rivers by their ending; a county in a story about sport is its club.
        ("Roads closed across Dumfriesshire.", [("Dumfriesshire", "ORG")], {"Dumfriesshire": {"LOC"}}),
        ("Prices rose on Teesside.", [("Teesside", "ORG")], {"Teesside": {"LOC"}}),
        ("Jobs returned to Tyneside.", [("Tyneside", "PRODUCT")], {"Tyneside": {"LOC"}}),
        ("The storm hit Yorkshire hardest.", [("Yorkshire", "PERSON")], {"Yorkshire": {"LOC"}}),
        ("Yorkshire won the county cricket final.", [("Yorkshire", "PERSON")], {"Yorkshire": {"ORG"}}),
        # ... without the score the model read into a person's span.
        ("County cricket: Hampshire 232 all out.", [("Hampshire 232", "PERSON")], {"Hampshire": {"ORG"}}),
        # A surname tagged alone that makes a full name of the text with the word before it; a surname alone stays.
        (
            "Ann Brody, 41, was charged.\nAnn Brody and Tim Brody were freed.",
            [("Ann Brody", "PERSON"), ("Ann", "NORP"), ("Brody", "PERSON"), ("Tim Brody", "PERSON")],
            {"Ann Brody": {"PERSON"}, "Tim Brody": {"PERSON"}},
        ),
        (
            "Ann Brody was charged. Police said Brody fled.",
            [("Ann Brody", "PERSON"), ("Brody", "PERSON")],
            {"Ann Brody": {"PERSON"}, "Brody": {"PERSON"}},
        ),
        # A country tagged apart from the organisation right after it; one before a comma stays apart.
        (
            "Hartford’s U.S. District Court heard the case.",
            [("Hartford", "GPE"), ("U.S.", "GPE"), ("District Court", "ORG")],
            {"Hartford": {"LOC"}, "U.S. District Court": {"ORG"}},
        ),
        (
            "Talks in France, Acme Corp said, went well.",
            [("France", "GPE"), ("Acme Corp", "ORG")],
            {"France": {"LOC"}, "Acme Corp": {"ORG"}},
        ),
        # A region named by its kind and "of", cut by the model before or after the "of"; a province and its
        # country stay two places.
        (
            "He was held in the Central District of California.",
            [("the Central District", "LOC"), ("California", "GPE")],
            {"the Central District of California": {"LOC"}},
        ),
        (
            "The Attorney for the District of Vermont spoke.",
            [("Vermont", "GPE")],
            {"District of Vermont": {"LOC"}},
        ),
        (
            "Factories in Guangdong Province of China closed.",
            [("Guangdong Province", "GPE"), ("China", "GPE")],
            {"Guangdong Province": {"LOC"}, "China": {"LOC"}},
        ),
        # A province's abbreviation after a town the gazetteer knows.
        (
            "Sales fell in Brampton, Ont., last month.",
            [("Brampton", "GPE"), ("Ont", "PERSON")],
            {"Brampton": {"LOC"}, "Ont": {"LOC"}},
        ),
    ],
)
def test_round_26_rules(text: str, found: list[tuple[str, str]], expected: dict[str, set[str]]) -> None:
    assert labels(text, found) == expected


def test_a_region_reads_by_its_ending() -> None:
    assert all(map(reads_as_region_name, ["Dumfriesshire", "Teesside", "Merseyside", "Lancashire"]))
    assert not any(map(reads_as_region_name, ["Outside", "Upside", "Seaside", "TYNESIDE", "Tees side"]))


@pytest.mark.parametrize(
    ("text", "found", "kept"),
    [
        # A holiday named with a possessive goes, whole or its first word alone; a possessive before another noun stays.
        ("Roses sold out before Valentine's Day.", [("Valentine's Day", "PERSON")], set()),
        ("Roses sold out before Valentine’s Day.", [("Valentine", "PERSON")], set()),
        ("Valentine's dog barked.", [("Valentine", "PERSON")], {"Valentine"}),
        # A title named by its kind once is a title at every mention, and so is one joined to it by a slash; the
        # owner before a title's possessive stays.
        (
            "Its feature single, ‘Lift Off’, opens Pale Blue Dot / Lift Off.",
            [("Lift Off", "PERSON"), ("Pale Blue Dot", "PERSON"), ("Lift Off", "PERSON")],
            set(),
        ),
        (
            "The single Lift Off opens Luboku’s Pale Blue Dot / Lift Off.",
            [("Lift Off", "PERSON"), ("Luboku’s Pale Blue Dot", "PERSON"), ("Lift Off", "PERSON")],
            {"Luboku’s Pale Blue Dot"},
        ),
        # A role the text writes in lower case before a person goes from a span it opens at a sentence's start;
        # a verb before a name is no role ("said Ann Lee" and "Said Khan").
        (
            "Homes sold, realtor Shaun Ghulam said.\nRealtor Ghulam said prices fell.",
            [("Shaun Ghulam", "PERSON"), ("Realtor Ghulam", "PERSON")],
            {"Shaun Ghulam", "Ghulam"},
        ),
        (
            "Police said Ann Lee left. Said Khan, her lawyer, agreed.",
            [("Ann Lee", "PERSON"), ("Said Khan", "PERSON")],
            {"Ann Lee", "Said Khan"},
        ),
    ],
)
def test_round_26_names_that_go_or_lose_a_word(text: str, found: list[tuple[str, str]], kept: set[str]) -> None:
    assert set(labels(text, found)) == kept


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        # A title written with a hyphen is a person's cue, whole or by a part; a place's "-based" is none.
        (
            "When President-elect Oakes takes office, Oakes will name a cabinet.",
            [("Oakes", "ORG"), ("Oakes", "ORG")],
            {"Oakes": {"PERSON"}},
        ),
        (
            "The show's co-host Ivers joked. Ivers said sorry.",
            [("Ivers", "ORG"), ("Ivers", "ORG")],
            {"Ivers": {"PERSON"}},
        ),
        (
            "The Boston-based Keller said it hired staff. Keller grew fast.",
            [("Keller", "ORG"), ("Keller", "ORG")],
            {"Keller": {"ORG"}},
        ),
        # A public body's kind after a place the model cut it from; a lower-case "police" stays outside the name.
        (
            "Lakemoor Police said the road was closed.",
            [("Lakemoor", "GPE")],
            {"Lakemoor Police": {"ORG"}},
        ),
        (
            "Lakemoor police said the road was closed.",
            [("Lakemoor", "GPE")],
            {"Lakemoor": {"LOC"}},
        ),
        # A person's first name opens a name called an organisation: a person, unless a place or a firm's kind.
        (
            "Officer Blake Ruddock spoke. The day I met Blake Curtis changed my life.",
            [("Blake Ruddock", "PERSON"), ("Blake Curtis", "ORG")],
            {"Blake Ruddock": {"PERSON"}, "Blake Curtis": {"PERSON"}},
        ),
        (
            "Officer Jordan Pike spoke. Jordan Aviation cut flights.",
            [("Jordan Pike", "PERSON"), ("Jordan Aviation", "ORG")],
            {"Jordan Pike": {"PERSON"}, "Jordan Aviation": {"ORG"}},
        ),
        (
            "Officer Tate Ruddock spoke. Tate Industries cut jobs.",
            [("Tate Ruddock", "PERSON"), ("Tate Industries", "ORG")],
            {"Tate Ruddock": {"PERSON"}, "Tate Industries": {"ORG"}},
        ),
        # Known firms in one span with a comma are firms each; a span with a name no lexicon holds stays whole.
        (
            "Sites like Facebook, Google and Amazon backed it.",
            [("Facebook, Google", "WORK_OF_ART"), ("Amazon", "ORG")],
            {"Facebook": {"ORG"}, "Google": {"ORG"}, "Amazon": {"ORG"}},
        ),
        (
            "Sites like Facebook, Quillory and Amazon backed it.",
            [("Facebook, Quillory", "WORK_OF_ART"), ("Amazon", "ORG")],
            {"Facebook, Quillory": {"WORK_OF_ART"}, "Amazon": {"ORG"}},
        ),
        # A place the gazetteer knows stays a place after a genre's word ("a drama Paris" is no title).
        (
            "The comedy Zorvale flopped, and it was filmed in Paris.",
            [("Zorvale", "GPE"), ("Paris", "GPE")],
            {"Paris": {"LOC"}},
        ),
        # A newspaper's kind after a place the gazetteer knows; a person's surname after a first name stays hers.
        (
            "The pick is open, notes Tampa Examiner. Emily Post wrote on manners.",
            [("Tampa Examiner", "PERSON"), ("Emily Post", "PERSON")],
            {"Tampa Examiner": {"ORG"}, "Emily Post": {"PERSON"}},
        ),
        # A street after a house number's "block of"; a block of shares is none.
        (
            "He fled to the 400 block of Kessler. Fund X bought a block of Kessler shares.",
            [("Kessler", "PERSON"), ("Kessler", "PERSON")],
            {"Kessler": {"LOC"}},
        ),
        (
            "Fund X bought a block of Kessler shares.",
            [("Kessler", "PERSON")],
            {"Kessler": {"PERSON"}},
        ),
        # A people's label alone on a place the gazetteer knows gives way to a place cue; a demonym's stays.
        (
            "Many people living in Cornwall work. Many Cornish people live in Cornwall.",
            [("Cornwall", "NORP"), ("Cornish", "NORP"), ("Cornwall", "NORP")],
            {"Cornwall": {"LOC"}, "Cornish": {"NORP"}},
        ),
        (
            "The Cornwall council voted on Monday.",
            [("Cornwall", "NORP")],
            {"Cornwall": {"NORP"}},
        ),
        # A firm named with its legal kind, untagged, is found; not the end of a longer name after "of".
        (
            "Bags\nHollis Industries' bag lasts, said Ann Lee.",
            [("Ann Lee", "PERSON")],
            {"Hollis Industries": {"ORG"}, "Ann Lee": {"PERSON"}},
        ),
        (
            "Miners at Gold Fields of South Africa Ltd struck.",
            [("Gold Fields", "ORG")],
            {"Gold Fields": {"ORG"}},
        ),
        # A listing's line in capitals is a venue and a town only when the gazetteer knows the town.
        (
            "Votes so far\nSMITH, JONES\nTurnout was low.",
            [("SMITH", "ORG"), ("JONES", "PERSON")],
            {"SMITH": {"ORG"}, "JONES": {"PERSON"}},
        ),
        # A role read into an organisation goes only before a person the model tagged.
        (
            "Lakemoor Police Sergeant Ann Ruiz spoke.",
            [("Lakemoor Police Sergeant", "ORG"), ("Ann Ruiz", "PERSON")],
            {"Lakemoor Police": {"ORG"}, "Ann Ruiz": {"PERSON"}},
        ),
        (
            "The Office of the Budget Analyst, Ann Ruiz said, was late.",
            [("Office of the Budget Analyst", "ORG"), ("Ann Ruiz", "PERSON")],
            {"Office of the Budget Analyst": {"ORG"}, "Ann Ruiz": {"PERSON"}},
        ),
    ],
)
def test_round_27_rules(text: str, found: list[tuple[str, str]], expected: dict[str, set[str]]) -> None:
    assert labels(text, found) == expected


# --- Round 28: the site a story is on, common nouns where a sentence starts ------------------------------


@pytest.mark.parametrize(
    ("url", "names"),
    [
        ("https://www.mashable.com/article/x", {"mashable"}),
        ("http://fandom.wikia.com/articles/x", {"fandom", "wikia"}),
        ("https://www.thesun.co.uk/sport/1/", {"thesun"}),
        ("http://in.reuters.com/article/x", {"reuters"}),
        ("https://247sports.com/Article/x", {"247sports"}),
        ("https://m.abc.net.au/news/x", {"abc"}),
        (None, set()),
    ],
)
def test_site_names_are_the_labels_of_an_address_that_are_no_edition_or_suffix(
    url: str | None, names: set[str]
) -> None:
    assert site_names_of(url) == names


def site_labels(text: str, found: list[tuple[str, str]], url: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for item in canonicalise(clean_names(spans(text, found)), OPTIONS, site_names=site_names_of(url)):
        out.setdefault(item.span.surface, set()).add(item.label)
    return out


@pytest.mark.parametrize(
    ("text", "found", "url", "expected"),
    [
        # Untagged or called a person: the site at every mention, as one word or as the words of its name.
        (
            "Ann Ruiz told Quillbrook the vote is on. Quillbrook asked why.",
            [("Ann Ruiz", "PERSON"), ("Quillbrook", "PERSON")],
            "https://quillbrook.com/x",
            {"Ann Ruiz": {"PERSON"}, "Quillbrook": {"ORG"}},
        ),
        (
            "Ann Ruiz told City Ledger the vote is on.",
            [("Ann Ruiz", "PERSON")],
            "https://www.cityledger.org/x",
            {"Ann Ruiz": {"PERSON"}, "City Ledger": {"ORG"}},
        ),
        # Not its address, not the start of a longer name, not words in lower case.
        (
            "Ann Ruiz wrote for The Ledger Weekly and at cityledger.org, a city ledger of votes.",
            [("Ann Ruiz", "PERSON")],
            "https://www.cityledger.org/x",
            # the address itself is the site's organisation (round 32, entities40), not "City Ledger" read from it
            {"Ann Ruiz": {"PERSON"}, "cityledger.org": {"ORG"}},
        ),
        # A common word of the text is no site's name here: "People" of "people.com" beside "people".
        (
            "Ann Ruiz thanked People after the show. The people were patient, and people sang.",
            [("Ann Ruiz", "PERSON")],
            "https://people.com/x",
            {"Ann Ruiz": {"PERSON"}},
        ),
        # No address: nothing changes. (Not "told Quillbrook": one spoken to is a publication, entities31's rule.)
        (
            "Ann Ruiz thanked Quillbrook for the vote.",
            [("Ann Ruiz", "PERSON")],
            "",
            {"Ann Ruiz": {"PERSON"}},
        ),
    ],
)
def test_the_site_a_story_is_on_is_an_organisation(
    text: str, found: list[tuple[str, str]], url: str, expected: dict[str, set[str]]
) -> None:
    assert site_labels(text, found, url) == expected


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        # Common nouns capitalised only where a line or a sentence starts go.
        (
            "Accident: a van hit a wall, said Ann Ruiz.\nArrests: none.",
            [("Accident", "ORG"), ("Ann Ruiz", "PERSON"), ("Arrests", "ORG")],
            {"Ann Ruiz": {"PERSON"}},
        ),
        # A surname that is a noun stays with a verb of saying, an age or a possessive after it, a title before
        # it, inside a full name of the text, or capitalised where no sentence starts.
        ("Baker said the deal was done.", [("Baker", "PERSON")], {"Baker": {"PERSON"}}),
        (
            "Baker won. Baker and Kane scored.",
            [("Baker", "PERSON"), ("Kane", "PERSON")],
            {"Baker": {"PERSON"}, "Kane": {"PERSON"}},
        ),
        ("Baker, 54, leads the union.", [("Baker", "PERSON")], {"Baker": {"PERSON"}}),
        ("Officer Baker left. Baker was tired.", [("Baker", "PERSON")], {"Baker": {"PERSON"}}),
        (
            "Ann Baker spoke first. Baker was tired.",
            [("Ann Baker", "PERSON"), ("Baker", "PERSON")],
            {"Ann Baker": {"PERSON"}, "Baker": {"PERSON"}},
        ),
        ("The vote went to Baker. Baker was tired.", [("Baker", "PERSON")], {"Baker": {"PERSON"}}),
        # A place the gazetteer knows, or a known firm, stays.
        ("Reading won again. Reading is a town.", [("Reading", "ORG")], {"Reading": {"ORG"}}),
        # An organisation opening a sentence, not a line, stays ("Apple cut prices").
        (
            "Ann Ruiz spoke. Apple and its rivals cut prices.",
            [("Ann Ruiz", "PERSON"), ("Apple", "ORG")],
            {"Ann Ruiz": {"PERSON"}, "Apple": {"ORG"}},
        ),
    ],
)
def test_common_nouns_where_a_sentence_starts_are_no_names(
    text: str, found: list[tuple[str, str]], expected: dict[str, set[str]]
) -> None:
    assert labels(text, found) == expected


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        # A country in brackets after a full name the model called an organisation: the person's.
        (
            "Petra Vosk (Croatia) beat Tomas Lind (Sweden) 6-4 6-2.",
            [("Petra Vosk", "ORG"), ("Croatia", "GPE"), ("Tomas Lind", "PERSON"), ("Sweden", "GPE")],
            {"Petra Vosk": {"PERSON"}, "Croatia": {"LOC"}, "Tomas Lind": {"PERSON"}, "Sweden": {"LOC"}},
        ),
        # Not a club named for its town, nor brackets that hold no country.
        (
            "Dynamo Kiev (Ukraine) beat Rapid Vienna (Austria) 2-1.",
            [("Dynamo Kiev", "ORG"), ("Ukraine", "GPE"), ("Rapid Vienna", "ORG"), ("Austria", "GPE")],
            {"Dynamo Kiev": {"ORG"}, "Ukraine": {"LOC"}, "Rapid Vienna": {"ORG"}, "Austria": {"LOC"}},
        ),
        (
            "Hollis Partners (HP) said profits rose.",
            [("Hollis Partners", "ORG")],
            {"Hollis Partners": {"ORG"}},
        ),
    ],
)
def test_a_country_in_brackets_after_a_full_name_makes_it_a_person(
    text: str, found: list[tuple[str, str]], expected: dict[str, set[str]]
) -> None:
    assert labels(text, found) == expected


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        # A former member's or a stance's prefix makes a modifier of the name, not a mention of it.
        ("An ex-New York official spoke.", [("ex-New York", "ORG")], {}),
        (
            "The ex-England captain Tom Hale spoke.",
            [("ex-England", "PERSON"), ("Tom Hale", "PERSON")],
            {"Tom Hale": {"PERSON"}},
        ),
        (
            "Ex-Yankee Rob Dell hit a home run.",
            [("Ex-Yankee", "ORG"), ("Rob Dell", "PERSON")],
            {"Rob Dell": {"PERSON"}},
        ),
        # A name's own particle in lower case stays ("al-Assad").
        ("Bashar al-Assad spoke.", [("Bashar al-Assad", "PERSON")], {"Bashar al-Assad": {"PERSON"}}),
    ],
)
def test_a_name_after_ex_or_a_stance_prefix_is_no_mention(
    text: str, found: list[tuple[str, str]], expected: dict[str, set[str]]
) -> None:
    assert labels(text, found) == expected


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        # A rank a span took in goes; the team is an organisation.
        (
            "The 4th ranked Cardinals beat the Tigers in basketball.",
            [("4th ranked Cardinals", "ORG"), ("Tigers", "ORG")],
            {"Cardinals": {"ORG"}, "Tigers": {"ORG"}},
        ),
        # A place after a rank is the team there, and one untagged that reads as a team is found.
        (
            "In basketball, No. 2 Duke State beat 7th-ranked Kansas.",
            [("Kansas", "GPE")],
            {"Duke State": {"ORG"}, "Kansas": {"ORG"}},
        ),
        # A person after a rank stays; a story of no sport has no teams; a name that reads as no team is left.
        (
            "World No. 1 Ana Ruiz won the tennis final; her basketball coach watched.",
            [("Ana Ruiz", "PERSON")],
            {"Ana Ruiz": {"PERSON"}},
        ),
        ("The minister left No. 10 Downing Street.", [("Downing Street", "FAC")], {"Downing Street": {"LOC"}}),
        ("In basketball, No. 12 Quillon beat Tom Reyes's side.", [("Tom Reyes", "PERSON")], {"Tom Reyes": {"PERSON"}}),
    ],
)
def test_a_team_after_a_polls_rank_is_an_organisation(
    text: str, found: list[tuple[str, str]], expected: dict[str, set[str]]
) -> None:
    assert labels(text, found) == expected


# --- Round 28 (entities31): organisations by their evidence ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        # An exchange before a ticker, untagged or read with the ticker; a party's "(R)" names no exchange.
        (
            "Ardo Inc. (NYSE:ARDO) rose. Belt Co (NYSE: BLT) fell. Ann Lee (R) spoke.",
            [("Ardo Inc.", "ORG"), ("Belt Co", "ORG"), ("NYSE: BLT", "ORG"), ("Ann Lee", "PERSON")],
            {"Ardo Inc.": {"ORG"}, "NYSE": {"ORG"}, "Belt Co": {"ORG"}, "Ann Lee": {"PERSON"}},
        ),
        # A town and a team's nickname the model calls a place is the team, and its nickname alone after is it.
        (
            "The Tacoma Otters lost, the coach said. The Otters play Friday.",
            [("The Tacoma Otters", "FAC")],
            {"The Tacoma Otters": {"ORG"}, "Otters": {"ORG"}},
        ),
        # A person whose first name is a town and whose surname has a plural's shape stays a person, and a
        # place and a plural's shape outside a story about sport stays a place.
        (
            "Kyle Hughes wrote it. The quarterback thanked him.",
            [("Kyle Hughes", "PERSON")],
            {"Kyle Hughes": {"PERSON"}},
        ),
        (
            "We walked through the Tacoma Flats at dawn.",
            [("the Tacoma Flats", "LOC")],
            {"the Tacoma Flats": {"LOC"}},
        ),
        # A coined name, untagged, is an organisation; not a person's name with a particle, a handle or a hashtag.
        (
            "Ann Lee wrote for NewsBarn. Ron DeSantis and Bo McCrea spoke to @NewsBarn about #GoTeam.",
            [("Ann Lee", "PERSON"), ("Ron", "PERSON"), ("Bo", "PERSON")],
            {"Ann Lee": {"PERSON"}, "NewsBarn": {"ORG"}, "Ron": {"PERSON"}, "Bo": {"PERSON"}},
        ),
        # An apposition naming a kind of organisation; a person who is the company's founder or a union's leader
        # stays a person.
        (
            "Norvik, the Oslo-based lender, said so. Ann Lee, the company’s founder, agreed.",
            [("Norvik", "PERSON"), ("Ann Lee", "PERSON")],
            {"Norvik": {"ORG"}, "Ann Lee": {"PERSON"}},
        ),
        (
            "Ann Lee, the union leader, said so.",
            [("Ann Lee", "PERSON")],
            {"Ann Lee": {"PERSON"}},
        ),
        # A device named with a small "i" is no organisation; a firm named so with two capitals stays one.
        (
            "She sold her iPod to iHeartMedia.",
            [("iPod", "ORG"), ("iHeartMedia", "ORG")],
            {"iPod": {"PRODUCT"}, "iHeartMedia": {"ORG"}},
        ),
        # A publication spoken to; a person, a place or a stop word spoken to is none.
        (
            "Ann Lee told Brightline the news. She told Lee and told Ohio, then told The press.",
            [("Ann Lee", "PERSON")],
            {"Ann Lee": {"PERSON"}, "Brightline": {"ORG"}, "Lee": {"PERSON"}},
        ),
        # A people in the plural is no person and no team; a surname of that shape stays a person.
        (
            "The Kenyans claim they waited, said the coach. Ann Hughes agreed.",
            [("Kenyans", "PERSON"), ("Ann Hughes", "PERSON")],
            {"Kenyans": {"NORP"}, "Ann Hughes": {"PERSON"}},
        ),
    ],
)
def test_round_28_organisations(text: str, found: list[tuple[str, str]], expected: dict[str, set[str]]) -> None:
    assert labels(text, found) == expected


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        # A house named with "the" is a building; a chamber is not, nor a firm named for a house without "the".
        (
            "She advised the White House. The Lower House voted. Random House said so.",
            [("the White House", "ORG"), ("The Lower House", "ORG"), ("Random House", "ORG")],
            {"the White House": {"LOC"}, "The Lower House": {"ORG"}, "Random House": {"ORG"}},
        ),
        # A church someone enters is a building; the denomination named alone stays an organisation.
        (
            "He entered Mount Hope Church at noon. The Catholic Church said nothing.",
            [("Mount Hope Church", "ORG"), ("The Catholic Church", "ORG")],
            {"Mount Hope Church": {"LOC"}, "The Catholic Church": {"ORG"}},
        ),
        # A centre something happens at, a port or a mosque named before its kind and a motel are buildings; a
        # centre that says something stays a body.
        (
            "Finals at the Harbour Tennis Centre. Ships left Sunda Kelapa port. The Pine Motel burned. "
            "The Carter Center said so.",
            [
                ("the Harbour Tennis Centre", "ORG"),
                ("Sunda Kelapa", "ORG"),
                ("The Pine Motel", "ORG"),
                ("The Carter Center", "ORG"),
            ],
            {
                "the Harbour Tennis Centre": {"LOC"},
                "Sunda Kelapa": {"LOC"},
                "The Pine Motel": {"LOC"},
                "The Carter Center": {"ORG"},
            },
        ),
        # An outlet's reporter is a person; a firm's unit that reports stays an organisation.
        (
            "As WNYC’s Dana Petrov reported, Alphabet's Google Cloud reported a loss and Acme's Whole Foods "
            "wrote off stock.",
            [("WNYC", "ORG"), ("Dana Petrov", "ORG"), ("Google Cloud", "ORG"), ("Whole Foods", "ORG")],
            {"WNYC": {"ORG"}, "Dana Petrov": {"PERSON"}, "Google Cloud": {"ORG"}, "Whole Foods": {"ORG"}},
        ),
        # A first name the model calls an organisation beside one full name is the person; a known firm beside a
        # product the model calls a person is not, nor a town's name.
        (
            "Pierce Odum won. Well done, Pierce. Google makes Google Ads. Wilson Achebe left Wilson.",
            [
                ("Pierce Odum", "PERSON"),
                ("Pierce", "ORG"),
                ("Google", "ORG"),
                ("Google Ads", "PERSON"),
                ("Wilson Achebe", "PERSON"),
                ("Wilson", "ORG"),
            ],
            {
                "Pierce Odum": {"PERSON"},
                "Pierce": {"PERSON"},
                "Google": {"ORG"},
                "Google Ads": {"PERSON"},
                "Wilson Achebe": {"PERSON"},
                "Wilson": {"ORG"},
            },
        ),
        # A credit line's names are people, whole; an agency's staff is none.
        (
            "Shares fell.\n(Reporting by Ilse Varga and Tom Brandt in Vienna; Editing by Reuters Staff)",
            [("Varga", "PERSON"), ("Vienna", "GPE"), ("Reuters Staff", "ORG")],
            {"Ilse Varga": {"PERSON"}, "Tom Brandt": {"PERSON"}, "Vienna": {"LOC"}, "Reuters Staff": {"ORG"}},
        ),
    ],
)
def test_round_29_classes(text: str, found: list[tuple[str, str]], expected: dict[str, set[str]]) -> None:
    assert labels(text, found) == expected


# --- Round 29 (entities33): teams named by their town ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        # The sides of a results line the model ran together with their scores, and a standings table it left
        # untagged, are teams; the model's span over them goes.
        (
            "The football results:\nAshford 2 Corby 1\nStandings:\nHexham 5 4 1 0 13\n",
            [("Ashford 2 Corby", "PERSON")],
            {"Ashford": {"ORG"}, "Corby": {"ORG"}, "Hexham": {"ORG"}},
        ),
        # A fixture after a colon, and the team's other mention in a sentence.
        (
            "The football. Postponed: Ludlow v Kendal\nLudlow and Kendal will meet again.",
            [("Ludlow v Kendal", "PERSON"), ("Ludlow", "LOC")],
            {"Ludlow": {"ORG"}, "Kendal": {"ORG"}},
        ),
        # A national side stays its country; a golfer's rounds and a table of prices are no standings.
        (
            "The football. Next match: India v Zimbabwe, Sunday.\nGolf leaders:\nAnn Ruiz 70 68 71 209\n",
            [("India", "GPE"), ("Zimbabwe", "GPE"), ("Ann Ruiz", "PERSON")],
            {"India": {"LOC"}, "Zimbabwe": {"LOC"}, "Ann Ruiz": {"PERSON"}},
        ),
        # A schedule's line: the visitors are the team, the host after "at" the town; a wire's sport heading in
        # capitals makes the story one about sport.
        (
            "BASEBALL - SCHEDULE\nKENDAL AT HEXHAM\nKENDAL 70 59 .543 -\n",
            [("KENDAL AT HEXHAM", "ORG")],
            {"KENDAL": {"ORG"}, "HEXHAM": {"LOC"}},
        ),
        # A cricket scorecard: the sides of its innings and its result, not the players in brackets; a line of
        # scorers names no team.
        (
            "The cricket scores:\nAt Alnwick: Kendal beat Hexham by 40 runs.\nKendal 210 and 180 (A. Lee 5-40), "
            "Hexham 150 and 200.\nThe football scorers: Ann Ruiz 23, Bo Ames 45.",
            [
                ("Kendal", "PERSON"),
                ("Hexham", "GPE"),
                ("Kendal 210", "PERSON"),
                ("A. Lee", "PERSON"),
                ("Ann Ruiz", "PERSON"),
            ],
            {"Kendal": {"ORG"}, "Hexham": {"ORG"}, "A. Lee": {"PERSON"}, "Ann Ruiz": {"PERSON"}},
        ),
    ],
)
def test_round_29_results_lines(text: str, found: list[tuple[str, str]], expected: dict[str, set[str]]) -> None:
    assert labels(text, found) == expected


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        # A town a story about sport writes as its club: a British plural verb, a club's people after it, its
        # possessive before a player, a win over it, a transfer to it; its other mentions follow, but not "in".
        (
            "The striker said Hexham have appointed a new boss. Hexham owner Ann Lee agreed. He lives in Hexham.",
            [("Hexham", "LOC"), ("Hexham", "LOC"), ("Ann Lee", "PERSON"), ("Hexham", "LOC")],
            {"Hexham": {"ORG", "LOC"}, "Ann Lee": {"PERSON"}},
        ),
        (
            "In football, Corby's Tom Hale scored in a 2-1 victory over Kendal, and Bo Ames joined Ludlow.",
            [("Corby", "LOC"), ("Tom Hale", "PERSON"), ("Kendal", "LOC"), ("Bo Ames", "PERSON"), ("Ludlow", "LOC")],
            {"Corby": {"ORG"}, "Tom Hale": {"PERSON"}, "Kendal": {"ORG"}, "Bo Ames": {"PERSON"}, "Ludlow": {"ORG"}},
        ),
        # Outside sport the same words leave the town alone, and a capital stays a place in a story about sport.
        (
            "Residents said Hexham have waited years. Kendal's Tom Hale agreed.",
            [("Hexham", "LOC"), ("Kendal", "LOC"), ("Tom Hale", "PERSON")],
            {"Hexham": {"LOC"}, "Kendal": {"LOC"}, "Tom Hale": {"PERSON"}},
        ),
        (
            "The striker joined a protest against Hexham council.",
            [("Hexham", "GPE")],
            {"Hexham": {"LOC"}},
        ),
        (
            "The striker said London have more clubs than any city.",
            [("London", "GPE")],
            {"London": {"LOC"}},
        ),
    ],
)
def test_round_29_towns_said_as_clubs(text: str, found: list[tuple[str, str]], expected: dict[str, set[str]]) -> None:
    assert labels(text, found) == expected


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        # Competitions in a story about sport and contests anywhere are events; a league's body keeps its label.
        (
            "The football coach watched the Northern Cup and the Fenland League; the Eastern Football League ruled.",
            [("the Northern Cup", "ORG"), ("the Fenland League", "ORG"), ("the Eastern Football League", "ORG")],
            {"the Northern Cup": {"EVENT"}, "the Fenland League": {"EVENT"}, "the Eastern Football League": {"ORG"}},
        ),
        (
            "Ten firms entered the Harbour Startup Challenge. The Awami League met.",
            [("the Harbour Startup Challenge", "ORG"), ("The Awami League", "ORG")],
            {"the Harbour Startup Challenge": {"EVENT"}, "The Awami League": {"ORG"}},
        ),
    ],
)
def test_round_29_events_by_their_kind(text: str, found: list[tuple[str, str]], expected: dict[str, set[str]]) -> None:
    assert labels(text, found) == expected


def test_round_29_a_portfolio_after_secretary_of_is_no_organisation() -> None:
    text = "Secretary of State Ann Whitlow met the Secretary of Canada and Minister of State Security Bo Ames."
    found = [("State", "ORG"), ("Ann Whitlow", "PERSON"), ("Canada", "GPE"), ("State Security", "ORG")]
    assert labels(text, found) == {"Ann Whitlow": {"PERSON"}, "Canada": {"LOC"}, "State Security": {"ORG"}}


def test_round_29_a_menu_bars_cells_of_menu_words_go_and_names_beside_them_stay() -> None:
    text = "| Home | | Video | | UK | | Search |\nSee our Home and Search pages | ok |\nAnn Lee wrote."
    found = [("Home", "ORG"), ("UK", "GPE"), ("Search", "ORG"), ("Home", "ORG"), ("Ann Lee", "PERSON")]
    # the second line has too few cells to be a menu bar: its "Home" is left to the other rules
    assert labels(text, found) == {"UK": {"LOC"}, "Home": {"ORG"}, "Ann Lee": {"PERSON"}}


# --- Round 29 (lead): a building is no town ---------------------------------------------------------


def test_a_building_is_not_resolved_to_a_town_of_its_alternate_name() -> None:
    # GeoNames lists "White House" among Casablanca's alternate names (a translation); a building called a place by
    # its form ("the White House" said by its kind) keeps its own name, and no country or point of a namesake town.
    text = "The White House said talks would go on. White House officials declined to comment."
    found = [("The White House", "ORG"), ("White House", "ORG")]
    placed = {
        (item.name, item.label, item.country_code) for item in canonicalise(clean_names(spans(text, found)), OPTIONS)
    }
    assert placed == {("White House", "LOC", None)}


# --- Round 29, helper entities34: the new held-outs' classes, fixed on the dev halves and CoNLL-2003 dev -----


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        # A city before a season's record, untagged by the model, is the team in a story about sport; a
        # pitcher's surname with his own record is not, nor a person's name word, nor the same line outside sport.
        (
            "The quarterback was hurt. Memphis (11-6) hosts Kendal, and Wall (9-4) pitched for Kendal.",
            [("Kendal", "ORG"), ("Kendal", "ORG")],
            {"Memphis": {"ORG"}, "Kendal": {"ORG"}},
        ),
        (
            "The quarterback, Tom Memphis, threw twice; Memphis (11-6) is his record.",
            [("Tom Memphis", "PERSON")],
            {"Tom Memphis": {"PERSON"}, "Memphis": {"PERSON"}},
        ),
        (
            "The vote in Memphis (11-6) passed.",
            [],
            {},
        ),
        # American cues: a game's result with a singular verb, a lead the possessive holds, a lead given.
        (
            "In baseball, Milwaukee has won 10 of its last 15, Cleveland's lead over Boston grew, and a homer gave "
            "Dayton a 2-0 lead. Giles homered for Toledo.",
            [("Milwaukee", "GPE"), ("Cleveland", "GPE"), ("Boston", "GPE"), ("Dayton", "GPE"), ("Toledo", "GPE")],
            {"Milwaukee": {"ORG"}, "Cleveland": {"ORG"}, "Boston": {"ORG"}, "Dayton": {"ORG"}, "Toledo": {"ORG"}},
        ),
        # A place before its kind and a kibbutz; a person's "camp" is no place.
        (
            "Troops held the al-Jib checkpoint and shelled the Jebel Marra region near Kibbutz Kfar Aza. "
            "Ann Lee camp aides left.",
            [("al-Jib", "ORG"), ("Jebel Marra", "PERSON"), ("Kibbutz Kfar Aza", "PERSON"), ("Ann Lee", "PERSON")],
            {"al-Jib": {"LOC"}, "Jebel Marra": {"LOC"}, "Kibbutz Kfar Aza": {"LOC"}, "Ann Lee": {"PERSON"}},
        ),
        # An agency tagged with its kind after it is the agency; a name not in the lexicon keeps its span.
        (
            "Interfax news agency said so, and Harbour news agency agreed.",
            [("Interfax news agency", "ORG"), ("Harbour news agency", "ORG")],
            {"Interfax": {"ORG"}, "Harbour news agency": {"ORG"}},
        ),
    ],
)
def test_round_29_entities34_classes(text: str, found: list[tuple[str, str]], expected: dict[str, set[str]]) -> None:
    assert labels(text, found) == expected


# --- Round 30, helper entities35: entity errors left on the dev halves ---------------------------------------


@pytest.mark.parametrize(
    ("text", "found", "expected"),
    [
        # Characters of a cast: before their actor in brackets, after an actor and "as", after an actor's possessive.
        (
            "The cast of the series: the pilot April (Nora Vance), Omar Haddad’s Kiro, and Lena Dorsey as Brisk.",
            [("Nora Vance", "PERSON"), ("Omar Haddad’s Kiro", "PERSON"), ("Lena Dorsey", "PERSON")],
            {
                "April": {"PERSON"},
                "Nora Vance": {"PERSON"},
                "Omar Haddad": {"PERSON"},
                "Kiro": {"PERSON"},
                "Lena Dorsey": {"PERSON"},
                "Brisk": {"PERSON"},
            },
        ),
        # ... not a role after "as", a place the gazetteer knows, nor any of it in a text with no cast word.
        (
            "The cast changed: Lena Dorsey as Chairman, and the rebel Flint (Jonas Berg).",
            [("Lena Dorsey", "PERSON"), ("Jonas Berg", "PERSON")],
            {"Lena Dorsey": {"PERSON"}, "Jonas Berg": {"PERSON"}},
        ),
        (
            "The board met: the pilot April (Nora Vance) and Lena Dorsey as Brisk.",
            [("Nora Vance", "PERSON"), ("Lena Dorsey", "PERSON")],
            {"Nora Vance": {"PERSON"}, "Lena Dorsey": {"PERSON"}},
        ),
        # A title with its subtitle after a colon is a work at every mention; a source before a colon is not.
        (
            "The film of Skyhold: The Last Gate opens in May. Fans of Skyhold are thrilled.",
            [("Skyhold", "ORG"), ("Skyhold", "ORG")],
            {},
        ),
        (
            "The film opens in May. Reuters: The company said it would sell it.",
            [("Reuters", "ORG")],
            {"Reuters": {"ORG"}},
        ),
        # A named storm; a surname "Storm" of a person's full name stays.
        (
            "Storm Ciaran hit Wales. Ann Storm said so.",
            [("Storm Ciaran", "PERSON"), ("Wales", "GPE"), ("Ann Storm", "PERSON")],
            {"Storm Ciaran": {"EVENT"}, "Wales": {"LOC"}, "Ann Storm": {"PERSON"}},
        ),
        # A heading's title-case phrase the text writes in lower case goes; a name never so written stays.
        (
            "Tips.\n1. Seek Medical Care and Keep Records\nAlways seek medical care. The White House agreed.",
            [("Seek Medical Care", "ORG"), ("White House", "ORG")],
            {"White House": {"LOC"}},
        ),
        # Sponsors by their tier; a partner's post before a person's name is none.
        (
            "It is backed by Lead Sponsors Orlen Optics and Quintara. Managing Partner Ann Lee spoke.",
            [("Lead Sponsors Orlen Optics and Quintara", "ORG"), ("Ann Lee", "PERSON")],
            {"Orlen Optics": {"ORG"}, "Quintara": {"ORG"}, "Ann Lee": {"PERSON"}},
        ),
        # A list's items named with a colon, two of them organisations; a list with a person among them is left.
        (
            "Finalists:\n- LumaGrid: A sensor.\n- Brackwater: A filter.\n- NovaTherm: A pump.",
            [("LumaGrid", "ORG"), ("NovaTherm", "ORG")],
            {"LumaGrid": {"ORG"}, "Brackwater": {"ORG"}, "NovaTherm": {"ORG"}},
        ),
        (
            "Speakers:\n- LumaGrid: A sensor.\n- Ann Lee: A founder.\n- NovaTherm: A pump.\n- Brackwater: A filter.",
            [("LumaGrid", "ORG"), ("Ann Lee", "PERSON"), ("NovaTherm", "ORG")],
            {"LumaGrid": {"ORG"}, "Ann Lee": {"PERSON"}, "NovaTherm": {"ORG"}},
        ),
        # A firm called a person between two organisations of a list.
        (
            "Winners include Tessaro Biotech, Double Prism Optics, and PhotoWave.",
            [("Tessaro Biotech", "PERSON"), ("Double Prism Optics", "ORG"), ("PhotoWave", "ORG")],
            {"Tessaro Biotech": {"ORG"}, "Double Prism Optics": {"ORG"}, "PhotoWave": {"ORG"}},
        ),
        # Painters for their paintings; a one-word organisation named like a person's surname stays.
        (
            "Stolen Monet found. The Monet paintings stolen and works by Renoir were found. Claude Monet painted them.",
            [("Stolen Monet", "PERSON"), ("Monet", "WORK_OF_ART"), ("Renoir", "ORG"), ("Claude Monet", "PERSON")],
            {"Monet": {"PERSON"}, "Renoir": {"PERSON"}, "Claude Monet": {"PERSON"}},
        ),
        # ... not a participle the text never writes in lower case, nor an organisation without "works by".
        (
            "Wanted Monet found. The Renoir group met. Claude Monet painted them.",
            [("Wanted Monet", "PERSON"), ("Renoir", "ORG"), ("Claude Monet", "PERSON")],
            {"Wanted Monet": {"PERSON"}, "Renoir": {"ORG"}, "Claude Monet": {"PERSON"}},
        ),
        # A name after "the" the model calls a person: an institution by its city or its short form.
        (
            "It copied the Louvre in Paris. The Lisbon Art Trust (Limma) reopens; the Limma as a whole is shut.",
            [
                ("Louvre", "PERSON"),
                ("Paris", "GPE"),
                ("Lisbon Art Trust", "ORG"),
                ("Limma", "ORG"),
                ("Limma", "PERSON"),
            ],
            {"Louvre": {"ORG"}, "Paris": {"LOC"}, "Lisbon Art Trust": {"ORG"}, "Limma": {"ORG"}},
        ),
        # "Greater" before a city the model cut; not an event named for it.
        (
            "They were found in Greater Sao Paulo. He won the Greater Milwaukee Open.",
            [("Sao Paulo", "GPE"), ("Milwaukee", "GPE")],
            {"Greater Sao Paulo": {"LOC"}, "Milwaukee": {"LOC"}},
        ),
        # An office's title before a one-word name that is also a town's, an editor's insertion between; not a
        # town after "of".
        (
            "Under President [Barack] Obama, rules grew in Japan.",
            [("Obama", "GPE"), ("Japan", "GPE")],
            {"Obama": {"PERSON"}, "Japan": {"LOC"}},
        ),
        (
            "The mayor of Obama, in Japan, spoke.",
            [("Obama", "GPE"), ("Japan", "GPE")],
            {"Obama": {"LOC"}, "Japan": {"LOC"}},
        ),
        # A full name left untagged between two people of a list; not a name with an organisation's word.
        (
            "The cast includes Dana Whitfield, Amber Stonecrop, Utkar Bose, and Pia Ruiz.",
            [("Dana Whitfield", "PERSON"), ("Utkar Bose", "PERSON"), ("Pia Ruiz", "PERSON")],
            {
                "Dana Whitfield": {"PERSON"},
                "Amber Stonecrop": {"PERSON"},
                "Utkar Bose": {"PERSON"},
                "Pia Ruiz": {"PERSON"},
            },
        ),
        (
            "Donors include Dana Whitfield, Harbor University, and Pia Ruiz.",
            [("Dana Whitfield", "PERSON"), ("Pia Ruiz", "PERSON")],
            {"Dana Whitfield": {"PERSON"}, "Pia Ruiz": {"PERSON"}},
        ),
        # A widget's status line is chrome.
        (
            "Police asked for tips.\nLoading Photo Gallery\nAnn Lee said so.",
            [("Loading Photo Gallery", "PERSON"), ("Ann Lee", "PERSON")],
            {"Ann Lee": {"PERSON"}},
        ),
        # An infection and its short form are no organisation.
        (
            "It prevents Urinary Tract Infections (UTI) in wards.",
            [("Urinary Tract Infections", "ORG"), ("UTI", "ORG")],
            {},
        ),
    ],
)
def test_round_30_entities35_classes(text: str, found: list[tuple[str, str]], expected: dict[str, set[str]]) -> None:
    assert labels(text, found) == expected


def test_round_30_a_wire_dateline_with_the_date_is_a_place() -> None:
    text = "Ministers meet.\nVIENNA 1996-09-02\nAustria's minister spoke on Monday."
    assert labels(text, [("Austria", "GPE")]) == {"VIENNA": {"LOC"}, "Austria": {"LOC"}}
