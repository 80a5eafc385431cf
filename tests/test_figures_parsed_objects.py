"""Objects named by the dependency parse where the token rules name none (real model and parser)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from transforms.entities import load_ner
from transforms.figures import find_figures
from transforms.figures.parsed_objects import fill_objects, find_objects_of, magnitude_of, sentences_to_parse
from transforms.options import EntityOptions


@pytest.fixture(scope="module")
def nlp():
    return load_ner(EntityOptions(syntax=True))


def objects(nlp, text: str) -> dict[str, str | None]:
    """Each figure's object as the pipeline gives it: token rules, then the parse."""
    return {f.surface: f.object for f in find_objects_of(nlp, [(text, find_figures(text, "a1"))])[0]}


def parsed_only(nlp, text: str) -> dict[str, str | None]:
    """Each figure's object from the parse alone (the token rules' objects cleared first)."""
    cleared = [replace(f, object=None) for f in find_figures(text, "a1")]
    return {f.surface: f.object for f in find_objects_of(nlp, [(text, cleared)])[0]}


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # The subject of a price verb, or the thing a price noun subject is "for".
        ("Prices for the new e-reader start at $129 in most stores.", "$129", "new e-reader"),
        ("The refurbished console goes for $199 on the company's own store.", "$199", "refurbished console"),
        ("Tickets for the final round will total almost $4 million, organisers said.", "almost $4 million", "Tickets"),
        ("A spokesman said the two-bedroom flats went for £180,000 each.", "£180,000", "flats"),
        # A thing that pays (not a payer named, nor a passive's payee).
        ("The new deal will pay the striker £200,000 a week.", "£200,000", "new deal"),
        # What a share or an amount is "of", its adverbs kept with their adjectives.
        ("Surveyors mapped 40,000 acres of newly planted forest.", "40,000 acres", "newly planted forest"),
        ("About 15 percent of newly registered voters turned out.", "About 15 percent", "newly registered voters"),
        (
            "The agency set aside 2 million litres of freshly treated water.",
            "2 million litres",
            "freshly treated water",
        ),
    ],
)
def test_the_parse_names_what_the_sentence_says(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("The compact tripod, which starts at $45, folds to the size of a book.", "$45", "compact tripod"),
        ("The printer, which retails for $89, uses standard cartridges.", "$89", "printer"),
        (
            "The new footbridge is expected to cost around 90 million euros.",
            "around 90 million euros",
            "new footbridge",
        ),
        ("The council found $5 million of unpaid parking fines.", "$5 million", "unpaid parking fines"),
        # A possessor is left out of an "of" phrase's noun.
        ("Some 45 percent of the island's coral has bleached since 2016.", "Some 45 percent", "coral"),
    ],
)
def test_the_parse_alone_finds_the_token_rules_objects(nlp, text, surface, expected):
    assert parsed_only(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("It costs $9 a month after the trial.", "$9"),  # a pronoun names nothing
        ("The basic model costs $50 less than last year's.", "$50"),  # a difference, not a price
        # a named payer (round 24: "to settle the claims" after it now names what the sum is for, as the standard says)
        ("Acme Corp will pay $3 million over two years.", "$3 million"),
        ("He had spent 11 of his 19 years in care.", "11"),  # a duration's "of" is the period it lies in
        ("She served only 20 minutes of a two-day sentence.", "20 minutes"),
        ("The storm cut power to 4,000 homes for six hours.", "six hours"),  # no price verb, no "of"
    ],
)
def test_the_parse_leaves_an_object_empty_where_the_sentence_does(nlp, text, surface):
    assert objects(nlp, text)[surface] is None


def test_a_token_rules_object_is_kept(nlp):
    text = "More than 30 percent of the region's farmland lies fallow."
    assert objects(nlp, text) == {f.surface: f.object for f in find_figures(text, "a1")}


def test_only_sentences_a_rule_could_reach_are_parsed(nlp):
    text = "The storm cut power to 4,000 homes for six hours. Prices for the kit start at $80."
    chosen = sentences_to_parse(nlp, text, find_figures(text, "a1"))
    assert [(start, doc.text) for start, doc, _ in chosen] == [(50, "Prices for the kit start at $80.")]


def test_without_a_parse_the_figures_are_unchanged():
    text = "Prices for the new e-reader start at $129 in most stores."
    figures = find_figures(text, "a1")
    assert find_objects_of(load_ner(EntityOptions(syntax=False)), [(text, figures)]) == [figures]
    doc = load_ner(EntityOptions(syntax=False)).make_doc(text)
    assert fill_objects(doc, figures) == figures


def test_fill_objects_reads_one_parsed_sentence(nlp):
    text = "Prices for the new e-reader start at $129 in most stores."
    doc = next(nlp.pipe([text], disable=["ner"]))
    assert [f.object for f in fill_objects(doc, find_figures(text, "a1"))] == ["new e-reader"]


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # What a change noun the figure sizes is a change of, over the token rules' "rise" or none.
        ("Forecasters give a 40 percent chance of snow on Sunday.", "40 percent", "snow"),
        ("Districts saw a 9 percent decline in their teaching staff this year.", "9 percent", "teaching staff"),
        ("Few predicted the river's 3-foot rise overnight.", "3-foot", "river"),
        # A stock report's level is the company's, through its bracketed ticker.
        (
            "Tailspin Toys Holdings (NYSE: TTC) slid about 3% on Friday to post a new low of $9.45.",
            "$9.45",
            "Tailspin Toys Holdings",
        ),
        # A conversion in brackets is of the thing the first figure is of.
        ("The wreckage drifted 30 km (19 miles) to the north.", "19 miles", "wreckage"),
        # A place named before a distance set off by a comma.
        ("Survivors were taken to Lakeside Clinic, some 15 miles away.", "some 15 miles", "Lakeside Clinic"),
        # A level verb's subject, also through a participle after it.
        (
            "Copper output peaked in 2015 at 1.9 million tonnes, falling to 1.6 million tonnes.",
            "1.6 million tonnes",
            "Copper output",
        ),
        # The thing bought for a price noun, rented, valued, or bought in the passive.
        ("The group bought Alder Cider for a $30 million price.", "$30 million", "Alder Cider"),
        ("The band rented a Ford van for $700.", "$700", "Ford van"),
        (
            "Analysts value the airline’s pension gap at about $4 billion—including interest.",
            "about $4 billion",
            "pension gap",
        ),
        ("Used bikes can be bought or rented for between $20 to $40.", "$20 to $40", "Used bikes"),
        # A list of figures of one thing, and a gapped list of names' figures.
        (
            "The vacancy rate averaged 7.2 percent in 2019, 6.9 percent in 2020 and 8.1 percent in 2021.",
            "8.1 percent",
            "vacancy rate",
        ),
        ("Iowa was 2.2 percent below its peak, Kansas 1.7 percent and Idaho 0.9 percent.", "0.9 percent", "Idaho"),
        # A change verb's share said with its "by", a sum's possessor, a table row's label, a list item's recipient.
        ("The scandal caused its shares to drop sharply by 11 percent.", "by 11 percent", "shares"),
        ("At the close its market value was $52 billion, just behind Litware's $57 billion.", "$57 billion", "Litware"),
        ("Page weight by type:\n| Fonts | 80Kb | 96Kb | +20% |", "96Kb", "Fonts"),
        (
            "Our gifts this year. The largest went to schools.\n- $2,000 to Friends For Libraries",
            "$2,000",
            "Friends For Libraries",
        ),
        # The modifiers that name the thing, left off by the token rules, and a size adjective's clause.
        ("Investigators say she defrauded the U.S. government of $3 million.", "$3 million", "U.S. government"),
        (
            "The woman is described as being in her 40s, about 5 feet 4 inches tall and 150 pounds, police said.",
            "150 pounds",
            "woman",
        ),
    ],
)
def test_the_parse_names_objects_of_round_21(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # The judges name the change itself where nothing else is said: the token rules' word stands.
        (
            "The ferry will receive $2.3 billion, an increase of $410 million over the request.",
            "$410 million",
            "increase",
        ),
        # Without a bracketed ticker the subject of a clause with a level is not taken: the token rules' word stands.
        ("Analysts expect the shares to post a new low of $9.45 this week.", "$9.45", "low"),
        # The parse adds no word that only describes ("own") to the token rules' object.
        ("Saudi Arabia said it would make its own cut of 300,000 barrels a day.", "300,000 barrels", "cut"),
        # A comparison after a sum its verb's subject gets is not on a list with it.
        (
            "The agency will get $8 billion for 2017, more than half a billion dollars above the request.",
            "more than half a billion dollars",
            None,
        ),
        (
            "The agency will get $8 billion for 2017, more than half a billion dollars above the request.",
            "$8 billion",
            "agency",
        ),
    ],
)
def test_the_parse_of_round_21_leaves_what_the_judges_leave(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


# Round 22 (figures40): the object standard of docs/evaluation.md, "Round 22, figures40: one standard for objects".
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # describing words left out, a compound name's first word kept
        ("Exports made up 18% of the total output last year.", "18%", "output"),
        ("About 40% of the original herd survived the winter.", "About 40%", "herd"),
        ("The current account deficit reached 5% of GDP.", "5%", "current account deficit"),
        # a share in brackets after what it is a share of
        ("Households heat with gas (61.2%), oil (20.5%) and wood (4.1%).", "4.1%", "wood"),
        # weight lost or put on
        ("He lost 45 pounds over the winter.", "45 pounds", "weight"),
        ("The truck lost 200 kg of cargo on the bend.", "200 kg", "cargo"),
        ("She gained about 6 kg during the tour.", "about 6 kg", "weight"),
        # money amassed or raised is its holder's, a name in apposition before a common noun; paid, its payee's
        ("By then the collector had amassed more than $3 million.", "more than $3 million", "collector"),
        ("Another chip maker, Voltane, raised $25 million last month.", "$25 million", "Voltane"),
        ("The witness was paid $20,000 by the magazine.", "$20,000", "witness"),
        ("The workers were paid $15 an hour.", "$15", "workers"),
        # money invested "in" what it goes into
        ("The fund is investing $40 million in three coastal towns.", "$40 million", "coastal towns"),
        # a share held or staying at a level
        ("The central bank kept its benchmark rate at 4.5 per cent.", "4.5 per cent", "benchmark rate"),
        ("The lender held its fixed rate at 6.1% for new borrowers.", "6.1%", "fixed rate"),
        ("Unemployment remained steady at 5.2%.", "5.2%", "Unemployment"),
        # a distance away from or located from a place: the place said before it
        ("The farmhouse, located about 12 miles from the nearest town, has no power.", "about 12 miles", "farmhouse"),
        ("Harwick, a small port 30 kilometres from the border, was spared.", "30 kilometres", "Harwick"),
        ("A lorry 200 metres away caught fire.", "200 metres", "lorry"),
    ],
)
def test_the_objects_of_round_22_follow_the_standard(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("It stayed at 3% all year.", "3%"),  # a pronoun stays nothing
        ("Households spend 3% (or less) on books.", "3%"),  # no word right before the bracket: no label
    ],
)
def test_the_objects_of_round_22_leave_what_names_nothing(nlp, text, surface):
    assert objects(nlp, text)[surface] is None


# Round 23 (objects29): docs/evaluation.md, "Round 23, objects29". Every case but the first poll share fails on main.
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a ranking table's row: the label after the rank names every cell, its closing aside left out
        ("| 12 | Harbor Mutual Group | 2,345,678 | 4.5 |", "2,345,678", "Harbor Mutual Group"),
        ("| 12 | Harbor Mutual Group | 2,345,678 | 4.5 |", "4.5", "Harbor Mutual Group"),
        ("| Operating Income/(Loss) | $12.5 bn | $3.1 bn |", "$12.5 bn", "Operating Income"),
        # a changed thing: a passive's subject, an index named with its number, a conjoined verb's subject
        ("The housing grant has been cut from $4 million to $2.5 million.", "$4 million", "housing grant"),
        ("Japan's Nikkei 225 slipped 0.8 per cent on Monday.", "0.8 per cent", "Nikkei 225"),
        (
            "Ticket sales reached $40 million in 2021 and will climb to $55 million by 2026.",
            "$55 million",
            "Ticket sales",
        ),
        # what a sum is worth; a price's "for" hung on the thing bought; an extent spanned by a clause's subject
        (
            "The riverside mill, which was estimated to be worth $3 million, burned down.",
            "$3 million",
            "riverside mill",
        ),
        ("Northwind acquired Tailspin, which makes drones, for $45 million.", "$45 million", "Tailspin"),
        ("Spanning 30 miles, the canal path links two towns.", "30 miles", "canal path"),
        # sums managed are their holder's; earned "in" a kind of money, that kind (the round-30 ruling, which made this
        # "Acme Foods" revenue); a rating is the rated thing's
        ("He moved his savings to Harbor Capital, which manages $8 billion.", "$8 billion", "Harbor Capital"),
        ("Acme Foods brought in $2.3 billion in revenue last year.", "$2.3 billion", "revenue"),
        ("The Quiet Harbor has a 96 percent rating on the review site.", "96 percent", "The Quiet Harbor"),
        # a giving verb's "to" names who gets it, without a conjunct said of it
        ("The foundation has given $2 million to the city library and its staff.", "$2 million", "city library"),
        # a share down after a clause's count; a range's subject; a share of a possessed thing
        ("Statewide, 12,400 permits were issued, down 6.5 percent from a year earlier.", "6.5 percent", "permits"),
        ("The tax rate, which ranges from 4% to 9% in most counties, is set locally.", "from 4% to 9%", "tax rate"),
        ("The scheme took 40% of the members' savings.", "40%", "savings"),
        # a share followed by its verb takes the group of the share before it; a word past the noun is left off
        ("Some 90% of the nurses reported fatigue, with 70% reporting insomnia.", "70%", "nurses"),
        ("Hourly wages nationwide rose 2.5 percent in May.", "2.5 percent", "Hourly wages"),
        # a poll's shares are its candidates'; a name's economy keeps the name; a changing verb's object
        ("A new poll has Marsh at 41 percent to 37 percent for Delgado.", "41 percent", "Marsh"),
        ("A new poll has Marsh at 41 percent to 37 percent for Delgado.", "37 percent", "Delgado"),
        ("Chile’s economy grew 2.1% in the quarter.", "2.1%", "Chile’s economy"),
        (
            "India aims to increase national solar capacity 60 percent to 2,000 gigawatts from 1,250 gigawatts now.",
            "60 percent",
            "national solar capacity",
        ),
        (
            "India aims to increase national solar capacity 60 percent to 2,000 gigawatts from 1,250 gigawatts now.",
            "1,250 gigawatts",
            "national solar capacity",
        ),
    ],
)
def test_the_objects_of_round_23(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # a pronoun's change names nothing (round 24 moved the forecast's case below: it names its place now)
        ("That was down 4.5 percent from a year ago.", "4.5 percent"),
    ],
)
def test_the_objects_of_round_23_leave_what_names_nothing(nlp, text, surface):
    assert objects(nlp, text)[surface] is None


# Round 24 (objects30): docs/evaluation.md, "Round 24, objects30". Sentences of my own, one or two per class; every
# case fails on main a0725d4 (the forecast's case was a guard there that its object stays empty).
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # what a growth, a change or a forecast of growth is of
        ("The bank slashed its outlook for growth in Peru to 1.2% this year.", "1.2%", "Peru"),
        ("Treaties aim to limit the increase in sea temperatures to 1.8 degrees.", "1.8 degrees", "sea temperatures"),
        ("Coal plants caused 40% of the growth in sulphur emissions last decade.", "40%", "sulphur emissions"),
        ("The region's economy expanded at an annual rate of 3.7 percent.", "3.7 percent", "economy"),
        # a poll's margin is its subject's
        ("By 61% to 30%, farmers said the levy was unfair.", "61%", "farmers"),
        # a sum asked "for which", a price "for" a verb's object, an infinitive's purpose
        (
            "The funds go to a proposed Mars probe, for which the agency had requested $40 million.",
            "$40 million",
            "Mars probe",
        ),
        ("There are printers that, for $20 to $30, make a wooden sign.", "$20 to $30", "wooden sign"),
        ("The insurer paid $2.4 million to settle claims by former staff.", "$2.4 million", "claims"),
        # kinds of money said "in", with what they go to: the kind, by the round-30 ruling (these said "rural clinics"
        # and "local and regional councils" until then); an investment "in each of"
        ("The trust announced $6 million in grants for rural clinics.", "$6 million", "grants"),
        ("The miner will produce $900 million in payments to local and regional councils.", "$900 million", "payments"),
        ("The fund is investing $12 million in each of the four provinces.", "$12 million", "provinces"),
        # a price after a quoted title; a purchase in cash or in a deal; a name after its title noun
        ("“Lantern Road” ($25)", "$25", "Lantern Road"),
        ("Orbitex is acquiring security firm Quillpay for $410 million in cash and stock.", "$410 million", "Quillpay"),
        ("Harbor Partners agreed to acquire Brightwell in a $1.3 billion deal.", "$1.3 billion", "Brightwell"),
        # a name keeps its "of" words
        ("She has donated $3 million to Friends of Nature, a charity.", "$3 million", "Friends of Nature"),
        # distances set beside a name or a name's thing, with their conversions
        (
            "Rebels reached Tarhuna, about 40 miles (65 kilometers) south of Tripoli, on Friday.",
            "about 40 miles",
            "Tarhuna",
        ),
        (
            "Rebels reached Tarhuna, about 40 miles (65 kilometers) south of Tripoli, on Friday.",
            "65 kilometers",
            "Tarhuna",
        ),
        # round 29 (objects39): the name's possessor stays, by the round-27 ruling on possessors that name an owner
        (
            "The dam floods Maria Quispe’s farm 300 kilometers (186 miles) away.",
            "300 kilometers",
            "Maria Quispe’s farm",
        ),
        # measures through weighing and moving verbs, running participles and setting passives
        ("The new tablet weighs 1.2 pounds and costs less.", "1.2 pounds", "new tablet"),
        (
            "On Monday night, rebel units moved 25 kilometers (16 miles) from Brega to Ajdabiya.",
            "25 kilometers",
            "rebel units",
        ),
        ("It ships with a quad-core chip running at 3.1GHz.", "3.1GHz", "quad-core chip"),
        ("The glass will be heated to 1,500 degrees Celsius in the kiln.", "1,500 degrees Celsius", "glass"),
        # a producing verb's relative clause names its antecedent; a level reached by an infinitive, its clause's
        # subject, "average" kept and a group "for" the subject no figure of its own
        (
            "Exports fell from the small island state, which produced some 90,000 barrels per day.",
            "some 90,000 barrels",
            "small island state",
        ),
        ("Average file size has grown by 20% this year to reach 3,100Kb.", "3,100Kb", "Average file size"),
        # a number in what the subject is "on" is not the subject's own; a describing word or an adverb opening the
        # sentence is left out of the object it opens
        ("The rate on the 30-year mortgage has risen by a quarter point, to 7.1 percent.", "7.1 percent", "rate"),
        ("Overall hotel bookings fell by 4 per cent.", "by 4 per cent", "hotel bookings"),
        ("Meanwhile US sales were up 4.4 per cent on March 2015.", "4.4 per cent", "US sales"),
        (
            "Average water use for the town's 12,000 homes has fallen to about 4 million gallons per day.",
            "about 4 million gallons",
            "Average water use",
        ),
    ],
)
def test_the_objects_of_round_24(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # a poll's margin said by a pronoun names nothing
        ("By 56% to 35%, they said the levy was unfair.", "56%"),
        # a distance said after a time opening the sentence places nothing
        ("On Tuesday, about 40 km from the border, shelling resumed.", "about 40 km"),
        # what an infinitive changes is its object, not the wanting subject's
        ("The council wants to cut it to 12% by 2030.", "12%"),
    ],
)
def test_the_objects_of_round_24_leave_what_names_nothing(nlp, text, surface):
    assert objects(nlp, text)[surface] is None


# Round 25 (lead): docs/evaluation.md, "Round 25, lead: objects out of their sentence". A level a subject passes or
# comes to (fail on main fe45819).
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Online ticket sales comfortably surpassed $80 million in March.", "$80 million", "Online ticket sales"),
        ("Net premiums slightly exceeded $410 bn last year.", "$410 bn", "Net premiums"),
        # a bill "for" a thing names the thing, by the round-30 ruling (it said "repair bill" until then)
        ("The repair bill for the old bridge came in at about $6 million.", "about $6 million", "old bridge"),
        # a year or an ordinal in the subject says which thing it is, not how many
        ("For rural nurses, the pay gap in 1990 was only 4 percent.", "4 percent", "pay gap"),
        ("Its target for the second phase had been 7 percent.", "7 percent", "target"),
        # a count's object without the words that say how alike the things are; "major" stays
        ("The lab found 14 different soil samples.", "14 different soil samples", "soil samples"),
        ("Two separate warehouses burned down.", "Two separate warehouses", "warehouses"),
        ("Voters backed the two major parties.", "two major parties", "major parties"),
        (
            "She met seven current and former ministers.",
            "seven current and former ministers",
            "current and former ministers",
        ),
        # a short label before a colon names what the count or share is of, up to a place or a time after it
        ("Attendance: 41,250.", "41,250", "Attendance"),
        ("Reported burglaries in Leeds (2022): 312", "312", "Reported burglaries"),
        ("Turnout at the time: 64%", "64%", "Turnout"),
        # a count a verb of change or level reaches is its subject's, or the noun of its start
        ("The death toll from the floods had risen to 34 by Sunday.", "34", "death toll"),
        ("The town's population stood at about 12,000 in 1900.", "about 12,000", "population"),
        ("Its fleet has grown from 40 buses to about 65.", "about 65", "buses"),
        ("The workforce was little changed at 5,200.", "5,200", "workforce"),
        # a dashed duration's noun, short of the words after it; what lasts that long
        ("A three-year supply deal allowing exports ended.", "three-year", "supply deal"),
        ("The governor will sign the two-year $12 billion budget.", "two-year", "budget"),
        ("The blackout lasted about three hours.", "about three hours", "blackout"),
    ],
)
def test_the_objects_of_round_25(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # a pronoun's level names nothing; "came in" without "at" is no level
        ("It came in at $5 million.", "$5 million"),
        ("They easily topped $90 million.", "$90 million"),
        # a sum's label, a measure's property, a speaker or a clause before a colon names nothing counted
        ("My guess: $23,000,000", "$23,000,000"),
        ("Weight: 221g", "221g"),
        ("He said: 300", "300"),
        ("Dallas barely saw growth: 0.2% in those years.", "0.2%"),
        ("It rose to 40.", "40"),
        ("It lasted two hours.", "two hours"),
    ],
)
def test_the_objects_of_round_25_leave_what_names_nothing(nlp, text, surface):
    assert objects(nlp, text)[surface] is None


# Round 26 (objects32): docs/evaluation.md, "Round 26, objects32". A verb or an adverb the token rules took for an
# object gives way to the parse; nouns joined by "and"; describing words; deals; table labels (fail on main 436ba4a).
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Enrolment fell by 12% owing to the strike.", "by 12%", "Enrolment"),
        ("By Friday, Leeds and York will face highs of 31 degrees.", "31 degrees", "highs"),
        ("The firm paid $9 million in penalties and fees last year.", "$9 million", "penalties and fees"),
        ("Growth in services offset a 4.1% drop in fishing and forestry.", "4.1%", "fishing and forestry"),
        (
            "The campaign booked $12 million in radio and newspaper advertising.",
            "$12 million",
            "radio and newspaper advertising",
        ),
        ("Some of the 140 passengers and crew were rescued.", "140 passengers", "passengers and crew"),
        ("The best plan would cost about $900 a month.", "about $900", "plan"),
        ("Users report 20% better battery life than before.", "20%", "battery life"),
        ("The fully loaded truck weighs 12 tonnes.", "12 tonnes", "truck"),
        ("The trail offers 8 miles of gently rolling hills.", "8 miles", "hills"),
        ("The 12-foot tall statue was unveiled on Monday.", "12-foot", "statue"),
        (
            "Towns where the average rent was above $900 saw evictions decrease 12 percent this year.",
            "12 percent",
            "evictions",
        ),
        ("A 40-litre steel drum stands by the door.", "40-litre", "steel drum"),
        ("Serco has sold its Harbour Line to the investor Allegro Funds in a £40m deal.", "£40m", "Harbour Line"),
        ("Acme agreed a $2 billion deal to buy Northwind Labs.", "$2 billion", "Northwind Labs"),
        ("Sunday’s peak load, according to the operator, reached 38,200 megawatts.", "38,200 megawatts", "peak load"),
        ("| Less: Storm Losses (Points) | 2.4 |", "2.4", "Storm Losses"),
        ("| Net Operating Margin (NOM) Ratio | 7.5 |", "7.5", "Net Operating Margin Ratio"),
        ("| Reserve Strengthening/(Release) Charge | 1.2 |", "1.2", "Reserve Strengthening Charge"),
        (
            "MADRID (AP) — Spain’s economy grew by 0.8% in the second quarter, the bank said.",
            "by 0.8%",
            "Spain’s economy",
        ),
    ],
)
def test_the_objects_of_round_26(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # "Tickets cost from $40 to $95 depending on the seat." moved to tests/test_figures_priced_objects.py: since
        # round 32 (objects50) the subject of "cost" is the thing priced ("depending" still names nothing)
        ("There was perhaps $3 million circulating in the town.", "$3 million"),
        ("They said it could go upward of $5,000 next year.", "upward of $5,000"),  # "upward of" a bound since round 28
    ],
)
def test_the_objects_of_round_26_leave_what_names_nothing(nlp, text, surface):
    assert objects(nlp, text)[surface] is None


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a gerund with its object is an activity; "or" and a next figure's noun are not joined; a modifier of the
        # first noun may go with both; a label's bracket that is no short form of it stays
        ("The charity spent $40,000 training volunteers last year.", "$40,000", "training volunteers"),
        ("Every guest gets 12 ounce cups or bottles for $6.", "12 ounce", "cups"),
        ("The region saw 3 per cent fewer tourists and hotels 2 per cent fewer.", "3 per cent", "tourists"),
        # (a kind of money said "in" keeps its joined nouns, as the lead's round-26 ruling keeps coordinated heads whole
        # and round 30 names the kind: this said "back rent" until then)
        ("Officials paid $2 million in back rent and interest.", "$2 million", "back rent and interest"),
        ("| Fairfax Financial (USA) Group | 2.9 |", "2.9", "Fairfax Financial (USA) Group"),
    ],
)
def test_the_objects_of_round_26_keep_what_the_judges_keep(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


# Round 27 (objects33): docs/evaluation.md, "Round 27, objects33". A loss told as done is its loser's; what a change
# verb's subject earns "from" a source is the subject's; a change a subject sees or registers is the subject's; "new"
# and "fresh" pick out a group and stay (the object standard, round 25).
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("Shareholders lost more than $40 billion in the crash of 1987.", "more than $40 billion", "Shareholders"),
        ("Contoso Bank lost $90 million in trading copper futures.", "$90 million", "Contoso Bank"),
        (
            "Jane Roe, the region's second largest landowner, lost $2.1m in the flood.",
            "$2.1m",
            "Jane Roe",
        ),
        ("Income from the rail business fell 4.2 per cent to $81.5 million.", "4.2 per cent", "Income"),
        ("Income from the rail business fell 4.2 per cent to $81.5 million.", "$81.5 million", "Income"),
        ("Meanwhile, revenue from the hotel segment climbed 12.5 per cent.", "12.5 per cent", "revenue"),
        ("Ticket sales spiked by 140% after the final.", "140%", "Ticket sales"),
        ("Cycling also saw a 45% increase last summer.", "45%", "Cycling"),
        ("The town, whose population registered an increase of 18% since 2010, needs schools.", "18%", "population"),
        ("About 12% of new subscribers cancel within a month.", "About 12%", "new subscribers"),
        ("The ministry reported 310 fresh infections on Friday.", "310 fresh infections", "fresh infections"),
        # a move in brackets after a name; a distance and a direction after "lies"; a name in "'s"; a thing limited to
        # a level; a measure a verb of warming or change takes "by"
        (
            "Shares of Northwind Traders (up 2.15 per cent), Tailspin Toys (down 0.4 per cent) and A & B Foods "
            "(up 1.1 per cent) led the index.",
            "2.15 per cent",
            "Northwind Traders",
        ),
        (
            "Shares of Northwind Traders (up 2.15 per cent), Tailspin Toys (down 0.4 per cent) and A & B Foods "
            "(up 1.1 per cent) led the index.",
            "1.1 per cent",
            "A & B Foods",
        ),
        ("The old quarry lies 35km north-east of the city.", "35km", "old quarry"),
        ("McKenna’s raised $12m at its spring auction.", "$12m", "McKenna’s"),
        ("The treaty aims to limit ocean warming to 1.2°C this century.", "1.2°C", "ocean warming"),
        ("The bay has cooled by nearly 3 degrees since June.", "nearly 3 degrees", "bay"),
        # a low a thing falls to; a share higher or lower after a verb of level, or of costs themselves
        ("Quarterly profits fell to a record low of $2 million.", "$2 million", "Quarterly profits"),
        ("Attendance totaled 18% higher than last season.", "18%", "Attendance"),
        ("Operating costs were 4.5 per cent higher this year.", "4.5 per cent", "Operating costs"),
        # a thing sold for a price; a thing launched at one
        ("The bakery sells sourdough loaves for $7.", "$7", "sourdough loaves"),
        ("The Zune HD launched at $219 in 2009.", "$219", "Zune HD"),
        ("The trust now has $4 million in the bank after the sale.", "$4 million", "trust"),
        # a ranked table row's long name
        (
            "| 31 | Eastern Valley Farm Mutual Ins Group | 1,204,332 | 2.6 |",
            "1,204,332",
            "Eastern Valley Farm Mutual Ins Group",
        ),
    ],
)
def test_the_objects_of_round_27(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a loss that may come, or one said "on" a thing, is not its loser's; "more" still says how many more; "at"
        # is left to the token rules
        ("The orchard stands to lose up to $80,000 this season.", "up to $80,000", None),
        ("Growers would have lost millions more without the rain.", "millions", None),
        ("The carrier expects to lose $7 million on the route.", "$7 million", "route"),
        ("The army sent 300 more troops to the border.", "300 more troops", "troops"),
        ("We had $3 million in the bank by June.", "$3 million", None),
        ("After selling itself to Fabrikam’s parent for $90 million last year, the studio grew.", "$90 million", None),
    ],
)
def test_the_objects_of_round_27_keep_what_the_judges_keep(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


# Round 27 (objects34): the lead's possessor ruling (docs/evaluation.md, "Added in round 27 (lead)"): a possessor that
# names an owner is kept before a common noun, dropped before a name and when it names a time. Sentences of my own.
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # from the parse: a sum a name's programme receives, a thing a name's possessive owns
        ("ESA's lunar lander program received $412 million.", "$412 million", "ESA's lunar lander program"),
        ("Ohio’s farm output stands 3.1 percent under its peak.", "3.1 percent", "Ohio’s farm output"),
        # from the token rules: the noun right after the possessor, or after the figure the possessor stands before
        ("Chile’s imports fell 12 percent in the spring.", "12 percent", "Chile’s imports"),
        ("Westbury’s nine losses all came on the road.", "nine losses", "Westbury’s losses"),
        ("Nearly half of Norway’s 5 million people live near the coast.", "5 million people", "Norway’s people"),
    ],
)
def test_the_objects_of_round_27_keep_a_names_possessor(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # before a name, for a time, for a pronoun or a contraction the possessor stays out
        ("Britain’s FTSE 250 slipped 0.3 per cent.", "0.3 per cent", "FTSE 250"),
        ("Sunday’s peak load reached 38,000 megawatts.", "38,000 megawatts", "peak load"),
        ("This year’s grain quota is 20 percent lower.", "20 percent", "grain quota"),
        ("Our village has warmed by 3 degrees since 1950.", "3 degrees", "village"),
        ("There’s a 40 percent chance of snow.", "40 percent", "snow"),
    ],
)
def test_the_objects_of_round_27_drop_other_possessors(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


# Round 28 (objects36): measures and durations by class. Sentences of my own.
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a size "in" a dimension is of the noun it modifies, or of the copula's subject
        ("Crews laid a culvert (about 300 feet long and 8 feet in diameter) under the road.", "8 feet", "culvert"),
        ("Each beam is 4 metres in length.", "4 metres", "beam"),
        # a temperature's noun said before it, not a place or a time after it
        (
            "With afternoon temperatures in Madrid and Seville reaching 41 degrees, officials issued warnings.",
            "41 degrees",
            "afternoon temperatures",
        ),
        ("In winter, night temperatures can fall below -15C in northern Norway.", "-15C", "night temperatures"),
        ("Heavy rain fell, with gusts reaching up to 90 kilometers per hour.", "up to 90 kilometers per hour", "gusts"),
        # a span a verb of lasting takes, or a "for" of going on, is its subject's; a "for" on a predicate noun
        (
            "“A safety inspection needs more than six hours, and that is a long time,” she said.",
            "more than six hours",
            "safety inspection",
        ),
        ("Notices will be posted for five days along the coast.", "five days", "Notices"),
        ("He has been a pilot for 22 years and flies weekly.", "22 years", "pilot"),
        # a participle or a word of how often opens what a span is of
        ("She faces two years of supervised probation.", "two years", "supervised probation"),
        # a distance "away" places the noun said right before it
        ("Each morning she drives to a primary school 12 miles away.", "12 miles", "primary school"),
        ("The senator, at her office 3 miles away, did not reply.", "3 miles", "office"),
        # a unit's dashed half goes before what it measures
        ("The mill will use 40 million kilowatt-hours of power a year.", "40 million kilowatt", "power"),
        # a describing word leaves a duration's object too; a debt's term is of the debt, not its yield
        ("Reserves cover little more than three months of current imports.", "more than three months", "imports"),
        ("The 5-year note yield slipped to 2.1%.", "5-year", "note"),
    ],
)
def test_the_objects_of_round_28_measures_and_durations(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


# Round 28 (objects35): the lead's round-28 rulings (docs/evaluation.md, "Added in round 28 (lead)") and the classes of
# money and share objects the sets got wrong ("Round 28, objects35"). Sentences of my own; each fails on main f8ab07c.
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a common noun's possessor after a determiner points back, as "its" does, and is dropped
        ("Dairy farms supply 30 percent of the region's fresh milk.", "30 percent", "fresh milk"),
        ("About 4 per cent of the retail chain's workforce was cut last year.", "About 4 per cent", "workforce"),
        # a bare plural possessor says whose kind is meant and stays
        ("Nearly 40 percent of farmers' incomes come from subsidies.", "Nearly 40 percent", "farmers' incomes"),
        # a superlative or a comparative opening an object describes it
        ("The cheapest model sells for $350.", "$350", "model"),
        ("The two largest lenders lost 6 percent of their value.", "two largest lenders", "lenders"),
    ],
)
def test_the_objects_of_round_28_follow_the_leads_rulings(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a span said from a point names no object
        ("The runoff vote is less than a month away.", "less than a month", None),
        ("Flights are booked up to three hours in advance.", "up to three hours", None),
        # guards: a debt's own name, a temperature with its noun after it, a size "of" its noun, a state
        ("Investors watch the 10-year Treasury note closely.", "10-year", "Treasury note"),
        ("The ore is heated to almost 2,000 degrees Celsius.", "almost 2,000 degrees Celsius", "ore"),
        ("The firm has been profitable for five years.", "five years", None),
        # round 28 (objects37): the lead's rulings turned two guards: a span's own noun is an empty head, and a span
        # a thing takes names it ("Added in round 28 (lead)"); the distance guard went with the ruling that a place
        # named before a distance is its object (not built: see docs/evaluation.md, "Round 28, objects37")
        ("The debate included an about 40-minute period of questions.", "about 40-minute", "questions"),
        ("The vaccine will likely take 12 to 18 months to develop.", "12 to 18 months", "vaccine"),
    ],
)
def test_the_objects_of_round_28_spans_from_a_point_and_guards(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a stock's move and price are the company's, named before its bracketed ticker and "shares"/"stock"
        ("Brightwell Foods Inc. (NYSE: BWF) shares fell 3.2% to $41.10 on Monday.", "3.2%", "Brightwell Foods Inc."),
        ("Brightwell Foods Inc. (NYSE: BWF) shares fell 3.2% to $41.10 on Monday.", "$41.10", "Brightwell Foods Inc."),
        ("Halvorsen Marine (NASDAQ: HLVM) stock gained 5% at $12.30.", "5%", "Halvorsen Marine"),
        ("Halvorsen Marine (NASDAQ: HLVM) stock gained 5% at $12.30.", "$12.30", "Halvorsen Marine"),
        # in a report quoting several tickers, a move is the company whose ticker stands last before it
        (
            "Harbor Mills (HBM.TO) closed up 2.1 percent and Keystone Rail (KSR.TO) ended down 0.8 percent.",
            "0.8 percent",
            "Keystone Rail",
        ),
        ("Retail shares slipped, with Dunmore Foods (DNF.L) losing 1.2 percent.", "1.2 percent", "Dunmore Foods"),
        # a level a poll shows a thing at is that thing's
        ("A new survey showed the mayor's approval rating at 41 percent.", "41 percent", "approval rating"),
        # a worth or a value is its holder's
        ("The net worth of the town's pension fund reached $4.2 billion in March.", "$4.2 billion", "pension fund"),
        ("The charity has a net worth estimated at $12 million.", "$12 million", "charity"),
        # a sum right before a compound noun sizes the whole compound
        ("Each pupil gets a $40 lunch voucher per term.", "$40", "lunch voucher"),
        # the noun a "per" unit rates, not the unit
        ("Net profit per share was $1.12, up from $0.98 a year earlier.", "$1.12", "net profit"),
        ("Net profit per share was $1.12, up from $0.98 a year earlier.", "$0.98", "net profit"),
        # a level expected or estimated to be reached is its subject's
        ("Online ticket sales are estimated to reach $3 billion by 2030.", "$3 billion", "Online ticket sales"),
        (
            "The repair fund is small but growing, projected to reach about $90 million.",
            "about $90 million",
            "repair fund",
        ),
        # an empty head the token rules took is replaced by its "of"
        ("The number of passengers also fell, dropping 12% from a year earlier.", "12%", "passengers"),
        # a share "of those" and a participle is of the group the participle names
        ("About 12% of those polled backed the plan.", "About 12%", "those polled"),
        # a levy's rate is of what the levy is on
        ("Ottawa announced 30% tariffs on Chinese electric vehicles last year.", "30%", "Chinese electric vehicles"),
        ("The council approved a 5 percent levy on hotel rooms.", "5 percent", "hotel rooms"),
        # money poured into a group word's "of" is for what that names
        (
            "The two foundations pour millions of dollars each year into a range of local charities.",
            "millions of dollars",
            "local charities",
        ),
        # a common noun bought for a sum is what the sum prices
        (
            "The district is now considering buying a used school bus for more than $90,000, the paper said.",
            "more than $90,000",
            "used school bus",
        ),
    ],
)
def test_the_money_and_share_objects_of_round_28(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


# Round 28 (objects37): the lead's rulings on objects of durations ("Added in round 28 (lead)"). Sentences of my own.
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a span a thing lasts, takes or remains for names the thing, through "and", "to" and a relative clause
        ("The walkout started on Monday and lasted for nine days.", "nine days", "walkout"),
        ("These curfews will remain in place for two weeks, the mayor said.", "two weeks", "curfews"),
        ("A new bridge will likely take four years to build.", "four years", "new bridge"),
        ("The council set up a panel that will last about a year.", "about a year", "panel"),
        ("The board allowed the hiring freeze to remain in force for 18 months.", "18 months", "hiring freeze"),
        # time spent in a place or a state names it
        ("He served 14 months in a county jail for fraud.", "14 months", "county jail"),
        ("She spent nearly six weeks in the intensive care unit.", "nearly six weeks", "intensive care unit"),
        ("The band spent 40 days at a recording studio in Wales.", "40 days", "recording studio"),
        # "period" is an empty head: no object, or the noun of its "of"
        ("Engineers tested the pump over a 72-hour period.", "72-hour", None),
        ("Patients join an intensive five-day period of physiotherapy.", "five-day", "physiotherapy"),
        # "N units of <activity>": an adverb goes with the word it qualifies
        ("Tenants faced three decades of rapidly rising rents.", "three decades", "rents"),
        # "long" after "become", as after a copula; "continuous" describes how, and goes
        ("As shifts become ten hours long, staff tire.", "ten hours", "shifts"),
        ("Results held after two years of continuous outpatient care.", "two years", "outpatient care"),
    ],
)
def test_the_objects_of_round_28_lead_rulings_on_durations(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # guards: a name's possessive stays, a price per unit stays the unit's, a name holding a comparative stays
        ("Exports make up 20 percent of Kenya’s GDP.", "20 percent", "Kenya’s GDP"),
        ("The average price per unit rose to €3.6 million.", "€3.6 million", "unit"),
        ("Greater Manchester got $5 million.", "$5 million", "Greater Manchester"),
        ("Apple shares rose 3% to $170.", "3%", "Apple shares"),
        ("He bought it for $5.", "$5", None),
        ("This accounted for 60% of all members' spending on defence.", "60%", "spending"),
        ("About 12% of those who voted backed the plan.", "About 12%", None),
    ],
)
def test_the_objects_of_round_28_leave_other_phrasings(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # a break someone takes, a person's time, a time "in" a part of something: no object
        ("The coaches took a week off after the final.", "a week"),
        ("We hired an engineer who took a month to decide.", "a month"),
        ("He spent two years in the early part of his career abroad.", "two years"),
    ],
)
def test_the_objects_of_round_28_lead_rulings_leave_what_names_nothing(nlp, text, surface):
    assert objects(nlp, text)[surface] is None


# Round 29 (objects38): the lead's round-29 money rulings (docs/evaluation.md, "Added in round 29 (lead)") and the
# classes of money objects the sets got wrong ("Round 29, objects38"). Sentences of my own; each fails on main b5247b9.
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # the lead's round-29 ruling: a cost's object is the thing that costs, never its bearer
        ("The software bug that cost the retailer $12 million was fixed within a day.", "$12 million", "software bug"),
        ("The storm, which hit the coast on Monday, cost insurers $2 billion.", "$2 billion", "storm"),
        # was left empty for its bearer ("who pays comes first") until the round-29 ruling
        ("The repairs will cost the city $3 million over two years.", "$3 million", "repairs"),
        ("Even a small uptick in fuel prices can cost the airline millions.", "millions", "fuel prices"),
        ("Each barrel of crude shipped abroad costs the refiner about 9 dollars.", "about 9 dollars", "crude"),
        (
            "The union called a strike, costing the carmaker hundreds of millions of dollars.",
            "hundreds of millions of dollars",
            "strike",
        ),
        (
            "Residents were handed emergency blankets -- costing roughly $4 each -- by the council.",
            "roughly $4",
            "emergency blankets",
        ),
        ("Replacing the water mains would cost the town $3 million, the engineer said.", "$3 million", "water mains"),
        # the lead's round-29 ruling: a sum said as the "of" of a noun names that noun
        ("The insurer reported a net worth of $3.1 billion at year-end.", "$3.1 billion", "net worth"),
        # a sum paid for a thing is that thing's
        ("He paid the city $50,000 for a lease on the old pier.", "$50,000", "lease"),
        ("Few buyers would pay millions for a runner-up.", "millions", "runner-up"),
        ("Growers are usually paid between $2 and $3 a kilo for cherries.", "between $2 and $3", "cherries"),
        ("Users can shell out $8 a month to unlock offline maps.", "$8", "offline maps"),
        ("Unless you fork over $30 a year for the pro plan, the ads stay on.", "over $30", "pro plan"),
        # a level in a sentence of its own is the company of the paragraph's last ticker
        (
            "Harbor Mills Inc. (NYSE: HBM) shares rose 2% to $14.20 on Friday. The 52-week range is $9.85 to $16.40.",
            "$9.85 to $16.40",
            "Harbor Mills Inc.",
        ),
        # a price or valuation changed is of the thing priced or valued
        ("The shop cut the price of its flagship blender by $40 last week.", "$40", "flagship blender"),
        ("The dealer cut the price of the 12-seater van from $48,000 to $41,000.", "$41,000", "van"),
        ("The valuation of its office towers fell by $310 million.", "by $310 million", "office towers"),
        # an adjective after a sum is no object; its "to" names who gets the sum
        ("There is a penalty of $5 million payable to the city if the deal fails.", "$5 million", "city"),
        ("There are ten prizes totaling $50,000 available for entrants this year.", "$50,000", "prizes"),
        # a price list's line names what it prices
        ("- Basic: $5 per seat per month, for small teams.", "$5", "Basic"),
        ("Parking $12.", "$12", "Parking"),
        ("Entry free; boat hire $30.", "$30", "boat hire"),
    ],
)
def test_the_money_objects_of_round_29(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # "the equivalent of" stands where the sum stands
        ("A junior nurse in the province receives the equivalent of $900 a month.", "$900", "junior nurse"),
        # a participle's "to" after the sum names who gets it
        ("The agency will hire auditors to chase millions owed to the treasury.", "millions", "treasury"),
        # pay taken home is earned; a name after its kind keeps the name alone
        ("In Tucson, veteran welder Marta Ruiz takes home about $3,100 a month.", "about $3,100", "Marta Ruiz"),
        # "big" says how big
        (
            "Congress has spent less than half of the $40 billion allocated to big bridge projects.",
            "$40 billion",
            "bridge projects",
        ),
        # a sum "in" a kind of money the token rules stop before
        ("Senators balked at adding to the $12 billion in Ukraine aid already approved.", "$12 billion", "Ukraine aid"),
        # what a vague number counts holds the sum; said "in" a kind of money, the kind (the round-30 ruling: this said
        # "farmers" until then)
        ("Tens of thousands of farmers will receive $2 billion over two years.", "$2 billion", "farmers"),
        (
            "Tens of thousands of farmers who lost crops will receive $2 billion in disaster payments.",
            "$2 billion",
            "disaster payments",
        ),
        # a change's size is no changed object; a "from ... to" chain; a source on the subject's participle
        ("Income from the leasing unit grew 6.1 per cent to $48 million, the group said.", "$48 million", "Income"),
        (
            "Sales generated from the online store will grow from $3 million in 2024 to $9 million by 2027.",
            "$9 million",
            "Sales",
        ),
        # a price below a level said by a copula is the subject's
        ("Gold has fallen sharply this month and is now below $1,900 an ounce.", "below $1,900", "Gold"),
        # a sum a clause's subject does something "with" is the subject's
        # (said "in" a kind of money, the kind, by the round-30 ruling: this said "Harlow Mutual" until then; the
        # trade's term whole, by the round-30 second part: "net premiums" until then)
        (
            "Harlow Mutual led the market with $4.1 bn in net premiums written last year.",
            "$4.1 bn",
            "net premiums written",
        ),
        ("With $3 million in the bank, the startup is hiring engineers.", "$3 million", "startup"),
        (
            "Commercial auto insurance leads with $90.2 bn, followed by workers' compensation.",
            "$90.2 bn",
            "Commercial auto insurance",
        ),
    ],
)
def test_the_money_objects_of_round_29_second_pass(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a sum labelled without a list mark names nothing; a pronoun paid for is not named; a worth "at" stays its
        # holder's; a passive's payee stays without a "for"; a difference is no price
        ("My estimate: $40,000", "$40,000", None),
        ("The company paid $2 million for it.", "$2 million", "company"),
        ("The charity has a net worth estimated at $12 million.", "$12 million", "charity"),
        ("Giuffre was paid $160,000 for the year.", "$160,000", "Giuffre"),
        ("Tickets cost $20, and parking costs $5 more than last year.", "$20", "Tickets"),
        # a stake, a comparison and a thing given "with" a sum name no holder
        ("With billions of dollars at stake, the rivals will fight in court.", "billions of dollars", None),
        ("Net income fell to $12m, compared with $15m a year earlier.", "$15m", "Net income"),
        ("The allies will provide the army with $2 billion a year for training.", "$2 billion", "training"),
    ],
)
def test_the_money_objects_of_round_29_leave_what_they_left(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


# Round 29 (objects39): measures whose thing is said around them in ways the token rules and the parse missed, and
# the lead's round-29 ruling on stories and blocks. Sentences of my own.
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a place named "the <noun> of <Name>" before a distance from it, and its conversion in brackets
        (
            "Rebels pushed west on Sunday, reaching the town of Kelmore, 50 miles (80 kilometers) from Dunmore.",
            "50 miles",
            "Kelmore",
        ),
        (
            "Rebels pushed west on Sunday, reaching the town of Kelmore, 50 miles (80 kilometers) from Dunmore.",
            "80 kilometers",
            "Kelmore",
        ),
        # a name a relative clause places ("X, which sits N from")
        ("Drills near Kelmore, which sits about 40 miles north of Dunmore, ended.", "about 40 miles", "Kelmore"),
        # a name's place keeps the name; a bare plural after a preposition is the thing that far
        (
            "The mine is uprooting Maria Okafor’s village 9,000 kilometers (5,600 miles) away in the hills.",
            "9,000 kilometers",
            "Maria Okafor’s village",
        ),
        ("Medics flew in to the camp from ships more than 300 miles away in the gulf.", "more than 300 miles", "ships"),
        # a dashed measure before a possessor sizes the possessor; a glued unit's dashed extent sizes the noun after
        ("Crews repaired the 3,000-square-foot warehouse's loading dock.", "3,000-square-foot", "warehouse"),
        ("The bridge hangs from 40mm-thick steel cables.", "40mm", "steel cables"),
        # a height a thing is thrown to (stories are a height here, the lead's ruling)
        (
            "The blast was strong enough to throw a 200-pound steel grate three stories into the air.",
            "three stories",
            "steel grate",
        ),
        # the subject of "grow to", "top out at" and "reach"
        ("Anglers landed a catfish that can grow to 90 pounds.", "90 pounds", "catfish"),
        ("The new laptop has 16GB of memory and tops out at 5 teraflops.", "5 teraflops", "new laptop"),
        (
            "Snow totals for the northern hills this week are expected to reach 8 to 12 inches.",
            "8 to 12 inches",
            "Snow totals",
        ),
        # blocks that say how far (the lead's ruling)
        ("The clinic is two blocks away from the station.", "two blocks", "clinic"),
        # a temperature that says how much warming
        ("Current plans point to a warming of about 2.8°C by 2100.", "about 2.8°C", "warming"),
        ("Crops may fail if global warming continues to 4 degrees in the south.", "4 degrees", "global warming"),
        ("Delhi would see such heat every year, and under 2.5 degrees warming.", "under 2.5 degrees", "warming"),
        # a size set after its noun with its word of extent, and its conversion
        (
            "The valley, where a pit 300 meters (980 feet) deep and wider than the town will be dug, is quiet.",
            "300 meters",
            "pit",
        ),
        (
            "The valley, where a pit 300 meters (980 feet) deep and wider than the town will be dug, is quiet.",
            "980 feet",
            "pit",
        ),
        # a measure "by" which one thing outstrips another, or "by" a participle of change after a clause
        (
            "Analysts say that by 2030 world demand for the grain may outstrip supply by 40 million tonnes.",
            "40 million tonnes",
            "world demand",
        ),
        ("The storm weakened quickly over land, dropping by 30 millibars in a day.", "by 30 millibars", "storm"),
        # a height a named place is perched at
        ("Herders live in Ayllu, perched at 4,200 meters in the Andes.", "4,200 meters", "Ayllu"),
        # a speed "at" is of what moves, through a noun of pace and a verb that keeps it moving
        ("Commuters say that traffic is crawling at a 5-mile clip on the bridge.", "5-mile", "traffic"),
        (
            "The roadworks, which are keeping traffic moving at a slow 15 miles per hour, end in May.",
            "15 miles per hour",
            "traffic",
        ),
        # a spec in brackets inside a part's name
        ("The board has two HDMI 2.1 (48 Gbps) ports for displays.", "48 Gbps", "HDMI 2.1 ports"),
        ("- 2x Thunderbolt 4 ports (40 Gbps)", "40 Gbps", "Thunderbolt 4 ports"),
    ],
)
def test_the_objects_of_round_29_measures(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # guards: a person grows, an unnamed subject reaches; a distance between two places said after it has none
        ("He has grown to 6 feet.", "6 feet", None),
        ("They expect to reach 40 miles.", "40 miles", None),
        ("The town is 40 miles south of Leeds.", "40 miles", "town"),
        ("She has written nine stories.", "nine stories", "stories"),
        # a dimension said before "of" is the judges' object
        ("The dam has a height of 40 metres.", "40 metres", "height"),
    ],
)
def test_the_objects_of_round_29_leave_other_phrasings(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # a noun right after a measure that only names its dimension is no object; a person's pace names nothing
        ("She was running at 8 miles per hour.", "8 miles per hour"),
        ("They outpaced us by 20 miles.", "20 miles"),
        ("Visitors should keep a 2 metre distance from the nests.", "2 metre"),
        ("The hedge grows to 80cm height within a year.", "80cm"),
    ],
)
def test_the_objects_of_round_29_leave_a_dimension_said_after(nlp, text, surface):
    assert objects(nlp, text)[surface] is None


# Round 29 (objects40): classes of share and count objects the sets got wrong ("Round 29, objects40" in
# docs/evaluation.md). Sentences of my own; each fails on main b5247b9.
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a figure set against an earlier one through a forecast's noun or a rival's possessive is the earlier one's
        (
            "Peru is now expected to grow 2.8% this year compared with growth of 2.5% in the April forecast.",
            "2.5%",
            "Peru",
        ),
        (
            "The bank cut its outlook for growth in Chile to 3.1% this year, down from a March forecast of 3.6%.",
            "3.6%",
            "Chile",
        ),
        ("The survey put Ortega on 48 percent support compared to Ruiz’s 39 percent.", "39 percent", "support"),
        # a participle going on a change, or after its clause, has the clause's subject
        (
            "Figures show that hospital admissions have nearly doubled, rising from 2.1 per cent to 4.0 per cent.",
            "4.0 per cent",
            "hospital admissions",
        ),
        ("Northgate Mutual held its rank, climbing 7.4% over the year.", "7.4%", "Northgate Mutual"),
        # "slow" changes what it slows
        (
            "Critics say the rules are slowing down rural broadband projects by 15%.",
            "by 15%",
            "rural broadband projects",
        ),
        # a reduction sizes what it is a reduction in
        (
            "Its 30 percent reduction in this year’s grain quotas was criticised by farmers.",
            "30 percent",
            "grain quotas",
        ),
        # a change set right after a sum is of what the sum is of
        (
            "The bakery chain reported sales of $88 million in the U.S., a more than 20% increase.",
            "more than 20%",
            "sales",
        ),
        (
            "The group recorded a sales volume of 90 million euros in Spain, which represents a growth of 45% on 2022.",
            "45%",
            "sales volume",
        ),
        ("The co-op wrote more than $2 bn in premiums, with a 6.5% increase from 2022.", "6.5%", "premiums"),
        # a quote box kept as lines names the shares and points after it
        (
            "Bonds were firmer.\nThe 5-year Treasury note yield\nTMUBMUSD05Y,\n1.210%\nslipped 3.1 basis points to"
            " 1.179%. Stocks rose.",
            "1.179%",
            "Treasury note yield",
        ),
        (
            "Bonds were firmer.\nThe 5-year Treasury note yield\nTMUBMUSD05Y,\n1.210%\nslipped 3.1 basis points to"
            " 1.179%. Stocks rose.",
            "1.210%",
            "Treasury note yield",
        ),
        # "twice" counts times, as "two times" does
        ("Rinse the filter twice a week.", "twice", "times"),
        # words that judge or size the things counted go
        ("We picked five standout comedy specials this year.", "five standout comedy specials", "comedy specials"),
        ("The team won four straight matches.", "four straight matches", "matches"),
        (
            "Two prominent climate scientists signed the letter.",
            "Two prominent climate scientists",
            "climate scientists",
        ),
        # a level a thing remains near is the thing's
        ("Analysts expect inflation to remain near 3.5 percent next year.", "3.5 percent", "inflation"),
        # "value" is an empty head: the share is of the value's "of"
        ("The shares sold are only about 15 percent of the value of the bank.", "about 15 percent", "bank"),
        # a share of what a thing is made of is the thing's; a name's bare apostrophe stays with it
        ("The town’s council is 60% women.", "60%", "council"),
        ("The engine’s code is 70% C and 20% Rust.", "20%", "code"),
        ("Thomas’ garden is 80% lawn.", "80%", "Thomas’ garden"),
        # a stake is a share of what it is "in"
        ("The fund holds a 15 per cent stake in the brewer.", "15 per cent", "brewer"),
        # a count with no noun counts the noun of the "of" after it, through a group word
        ("Three of the four old bridges across the river need repairs.", "Three", "old bridges"),
        ("The museum has sold two of its collection of six paintings.", "two", "paintings"),
        ("Police detained four of Garcia's neighbours on Sunday.", "four", "Garcia's neighbours"),
        # "N of M" in brackets after a group counts the group
        ("Her plan is backed by the Green members (12 of 15) and most others.", "12", "Green members"),
        ("Her plan is backed by the Green members (12 of 15) and most others.", "15", "Green members"),
        # a share beside a rate, or the change it sizes set beside one, is the rate's
        ("The county jobless rate, 6.2 per cent, was the lowest in years.", "6.2 per cent", "county jobless rate"),
        (
            "This growth comes entirely from the county arrest rate, which went from 12 per 1,000 in 2015 to 19 per"
            " 1,000 in 2020 – a 58% jump.",
            "58%",
            "county arrest rate",
        ),
        # a second share said by the same "by"
        (
            "Wheat yields would fall by 12% if rains fail or by 7% if they come late.",
            "7%",
            "Wheat yields",
        ),
        ("The mayor was praised by just 41 percent of residents and blamed by 33 percent.", "33 percent", "residents"),
        # what a chance is of past "becoming" or an amount; what a target is set for past an empty head
        ("Forecasters give the storm a 40% chance of becoming a hurricane by Friday.", "40%", "hurricane"),
        ("Towns face a 70% chance of more than ten centimetres of snow.", "70%", "snow"),
        ("The bank adopted a 3 per cent target for its chosen measure of wage growth.", "3 per cent", "wage growth"),
        # a rate named right before a share; shares joined before one "of"
        ("Officials hailed a vacancy rate under 2% for the third year.", "under 2%", "vacancy rate"),
        ("Brazil and Chile follow, at 9% and 4 % of exports, respectively.", "9%", "exports"),
        # a comparison through an adverb keeps the owner said short whole; a verb of forecasting ends the phrase
        (
            "The bank sees Peru’s economy growing 2.1% this year, down sharply from 3.9% last year.",
            "3.9%",
            "Peru’s economy",
        ),
        ("In March the OECD forecast global trade growth of 1.7% in 2026.", "1.7%", "global trade growth"),
        # "ages" before an age range is no part of the group
        ("About 12% of workers ages 55-64 plan to retire early.", "About 12%", "workers"),
        # a bare count after a rate, a tally or a family is that noun's
        ("Norway and Finland had rates of 41.2 and 30.5 respectively.", "41.2", "rates"),
        ("The flat is too small for a family of five.", "five", "family"),
    ],
)
def test_the_share_and_count_objects_of_round_29(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # guards: a share with an object of its own keeps it; a sum far from the change; "mother of three"; a
        # comparison without a forecast noun; a describing word the judges keep ("notable")
        ("Sales reached $40 million, a 9% increase in online orders.", "9%", "online orders"),
        ("She is a mother of three.", "three", None),
        ("Two of them were hurt in the crash.", "Two", None),
        # a share saying how many do or reported something names no base
        ("The plan sets a goal of 30 percent teleworking by May.", "30 percent", None),
        ("Most backed the plan; 12% reported serious doubts about it.", "12%", None),
        # set beside another noun, a share says something else about it
        ("More than 3% of adults react to shellfish, a 50% increase since 2000.", "50%", None),
        ("It rained in five of the last six years.", "five", None),
        ("Rents rose 4% in May, compared with a drop of 2% for offices.", "2%", "offices"),
        ("Three notable economists signed it.", "Three notable economists", "notable economists"),
    ],
)
def test_the_share_and_count_objects_of_round_29_leave_other_phrasings(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


# Round 29 (objects41): money and measure objects the sets still got wrong, by class ("Round 29, objects41" in
# docs/evaluation.md): a holder counted, described by a clause or said by a pronoun, a bound taken for the object, an
# object cut before its noun, a name re-described, the far end of a range or a rise.
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a holder's own count, or a relative clause set off after it, holds no sum of its own
        ("One small charity in Leeds managed to raise £12,000 at its summer fair.", "£12,000", "small charity"),
        ("The studio, which employs 300 animators, earned $95 million last year.", "$95 million", "studio"),
        # "it" or "they" in a reported clause is the holder the verb of saying names
        ("The museum said it hoped to raise £2 million by the spring.", "£2 million", "museum"),
        # a bound is what limits the figure, not what it is of
        ("The fines are to be increased to a maximum of £5,000 for repeat offenders.", "£5,000", "fines"),
        ("The airline will charge a minimum of $40 for each checked bag.", "$40", None),
        # an object the token rules stopped on a word that describes the noun after it
        ("The agency would buy $50 billion in long-dated Treasurys this month.", "$50 billion", "long-dated Treasurys"),
        ("The motel should charge $3 in average nightly fees.", "$3", "average nightly fees"),
        (
            "The group would take in $9 billion in additional annual, recurring fees.",
            "$9 billion",
            "annual, recurring fees",
        ),
        ("The $4 billion spending cut was approved.", "$4 billion", "spending cut"),
        # a noun phrase set off after a name re-describes the named thing
        (
            "The best ride in town is the Cedar Valley Greenway, a 12-mile paved path along the river.",
            "12-mile",
            "Cedar Valley Greenway",
        ),
        ("Analysts praised the launch of Plus, Walmart’s $98-a-year delivery plan.", "$98", "Plus"),
        # the far end of a range or of a rise is of what its start is of
        (
            "Ticket sales are expected to grow from $4 million this year to $9 million by 2030.",
            "$9 million",
            "Ticket sales",
        ),
        (
            "The council may issue a parking charge of £60 for a first offence, rising to £240 for a third.",
            "£240",
            "parking charge",
        ),
    ],
)
def test_the_holder_bound_cut_and_range_objects_of_round_29(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # guards: a stretch of trail is no "trail runs"; "it" in a clause of its own; a list's item after a name; a
        # range cut by a semicolon; a maximum that is no bound (no "a"/"the" before it)
        ("A 4-mile stretch of trail runs past the old mill.", "4-mile", "trail"),
        ("The town grew fast in 1990, a year it earned $5 million from tourism.", "$5 million", None),
        ("It ships with 16GB of LPDDR5 memory, a 512GB solid-state drive and a fan.", "512GB", "solid-state drive"),
        ("Rents rose from $900 in May; by June, prices went to $1,100.", "$1,100", None),
        ("The fund hit its maximum of $5 million in March.", "$5 million", "maximum"),
    ],
)
def test_the_holder_bound_cut_and_range_objects_of_round_29_leave_other_phrasings(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


# Round 29 (objects42): sentences of my own.
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a distance said from somewhere else is the place's before it, climbed through the places it is nested in
        ("The guards waited at tables just 3 metres from the gate, reading newspapers.", "3 metres", "tables"),
        (
            "The children played in a meadow near the old mill, only 300 yards or so from the road.",
            "300 yards",
            "meadow",
        ),
        (
            "The fox hid in a hollow near Mill Road and Oak Lane, roughly two miles away from the farm.",
            "roughly two miles",
            "hollow",
        ),
        ("They ate lunch in a cafe at the Grand Hotel, 20 floors above the harbour.", "20 floors", "cafe"),
        # a measure whose number the parse hangs on a noun after its unit sizes that noun
        ("The old truck ran on a 350 cubic inch V-8 built in Detroit.", "350 cubic inch", "V-8"),
        ("She guarded the 6-foot-9 Maria Lopez all night.", "6-foot-9", "Maria Lopez"),
        # a price said "per share" is of what is bought, as "a share" reads
        ("The fund agreed to buy Acme Corp. for $30.10 per share in cash.", "$30.10", "Acme Corp."),
        # a size with a hyphened unit before quoted words sizes what they name
        ('They sold a 12-foot fiberglass "party boat" that sleeps six.', "12-foot", "party boat"),
        (
            "The city is building a forty-mile glass-lined “water highway” that will feed the farms.",
            "forty-mile",
            "water highway",
        ),
    ],
)
def test_the_distanced_places_quoted_things_and_share_prices_of_round_29(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # guards: a distance gone is the mover's; a direction is no place; a place opening the clause is where, not what
        ("The boat drifted 5 miles from the coast.", "5 miles", "boat"),
        ("The hikers walked to the south about 3 miles from the camp.", "about 3 miles", "hikers"),
        ("In Paris, about 40 km from the border, shelling resumed.", "about 40 km", None),
        ('She stood 6-foot "and I was scared," he said.', "6-foot", None),
        ("The company earned $1.20 per share last quarter.", "$1.20", "company"),
    ],
)
def test_the_distanced_places_quoted_things_and_share_prices_of_round_29_leave_other_phrasings(
    nlp, text, surface, expected
):
    assert objects(nlp, text)[surface] == expected


# Round 30 (objects43): docs/evaluation.md, "Round 30, objects43", the lead's two money rulings ("Added in round 30
# (lead)" in the standard). Each sentence fails on main 5dbbc31.
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a sum "in" a kind of money names the kind, not who earns, raises, collects or reports it (`held_in`)
        ("Northwind Mutual earned $3.2 billion in net income last year.", "$3.2 billion", "net income"),
        ("The club has raised $2 million in sponsorship.", "$2 million", "sponsorship"),
        ("The port authority collected $45 million in fees.", "$45 million", "fees"),
        ("The firm reported $12 million in losses for the quarter.", "$12 million", "losses"),
        # ... nor the subject a clause does something "with" it (`held_with`)
        ("Brightwater Insurance led the field with $6.3 bn in earned premiums.", "$6.3 bn", "earned premiums"),
        # ... nor whom it goes to (`funded_purpose`)
        ("The charity has awarded $250,000 in grants to village schools.", "$250,000", "grants"),
        # ... where the token rules named nothing ("2019" says when) or named the subject
        ("Acme generated roughly $2 billion in 2019 sales for its parent.", "roughly $2 billion", "sales"),
        ("So far, the appeal has raised over £12,000 in donations.", "over £12,000", "donations"),
        # "full" says how much
        ("Borrowers will receive $2.1 billion in full loan discharges.", "$2.1 billion", "loan discharges"),
        # a sum that sizes a bill, fee, contract ... "for" a thing names the thing (on the noun or on its verb)
        ("The final bill for the new library came in at around $4 million.", "around $4 million", "new library"),
        ("The union signed a $20 million contract for new buses last year.", "$20 million", "new buses"),
        ("The city charges a $300 fee for late filing.", "$300", "late filing"),
        # ... else the payment word with its classifying words, not who is paid
        ("The agency faces a so-called exit fee of $2 million payable to the state.", "$2 million", "exit fee"),
        # a copula's sum through a verb or an adjective of expecting is the subject's (a cost's, what it is of)
        (
            "Direct damage is expected to be between 2 billion dollars if rates fall and 3 billion dollars if not.",
            "2 billion dollars",
            "Direct damage",
        ),
        (
            "The cost of the repairs is likely to be between $2 million and $3 million.",
            "between $2 million and $3 million",
            "repairs",
        ),
        # a price set "For $X," before its clause is of the clause's subject, when the verb's object names nothing
        ("For $50 - $100, these little routers can act as media servers for the whole house.", "$50", "routers"),
        ("For $50 - $100, these little routers can act as media servers for the whole house.", "$100", "routers"),
        ("For $20, the basic plan gives you ten gigabytes.", "$20", "basic plan"),
        # a price glued after "sub-" sizes the noun after it
        ("And a sub-$800 Acme notebook would be a huge hit with students.", "$800", "Acme notebook"),
        # a sum in apposition right after a noun, a bound between; a change "quadrupled", as "doubled"
        (
            "The gang rented flats across the city, with monthly rent up to $2,500, to run the scheme.",
            "up to $2,500",
            "monthly rent",
        ),
        ("The fine can be quadrupled to £2,000 if the breach is reckless.", "£2,000", "fine"),
        # a price a verb of starting takes after "around"; a kind said "in" with nouns joined by "and"
        ("Secondhand bikes seem to start around $300.", "around $300", "Secondhand bikes"),
        (
            "The senator would pay $43,787.13 in back taxes and interest, the office said.",
            "$43,787.13",
            "back taxes and interest",
        ),
    ],
)
def test_the_money_kinds_and_payments_of_round_30(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # guards: "in" a gerund's phrase, a place or a time is no kind; a price "for" a thing keeps the thing; a bill
        # the sum is only part of; a payment word without "for"
        ("Contoso Bank lost $90 million in trading copper futures.", "$90 million", "Contoso Bank"),
        ("Investors lost more than $40 billion in the crash of 1987.", "more than $40 billion", "Investors"),
        ("The startup has $3 million in the bank.", "$3 million", "startup"),
        ("He agreed to buy Acme for $54.20 in cash.", "$54.20", "Acme"),
        ("The bill includes $3 million for roads.", "$3 million", "roads"),
        ("The monthly bill was $1,200.", "$1,200", "monthly bill"),
        ("She had to pay a $300 fine.", "$300", "fine"),
        ("For about $30, you can get a decent kettle.", "about $30", "decent kettle"),
        ("The repair bill will be $3 million.", "$3 million", "repair bill"),
        ("Acme sells three sub-$500 phones.", "$500", "phones"),
        ("A rival sold a painting for a record $179m.", "$179m", None),
        # a margin "ahead of" a rival stays the subject's now that the sum before it names its kind (`margin_holder`)
        (
            "Acme Mutual led the market with $92.6 bn in net premiums written, $20 bn ahead of second-place Beta.",
            "$20 bn",
            "Acme Mutual",
        ),
    ],
)
def test_the_money_kinds_and_payments_of_round_30_leave_other_phrasings(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


# Round 30 (objects44): sentences of my own.
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a measure said through a relative pronoun, "at N" before a copula, "as ADJ as N", a copula typed twice
        (
            "Most of the city sits on marshland, which at 3 metres is the lowest ground in the county.",
            "3 metres",
            "marshland",
        ),
        ("The old canal, which spans 12 miles, is being restored.", "12 miles", "old canal"),
        ("Heat waves are longer on a planet that's 2 degrees warmer than it was.", "2 degrees", "planet"),
        ("There are drones that are 2 kilograms or lighter, including toy models.", "2 kilograms", "drones"),
        ("The ferry can only sail when fog is as thin as 500 metres.", "500 metres", "fog"),
        ("The Ridge Path, also known as the Miners Way, which spans 9 miles, opens in May.", "9 miles", "Ridge Path"),
        ("The label is is 4 cm wide.", "4 cm", "label"),
        # a measure set between dashes after a noun
        (
            "The crew found the wreck in cold water—about 2,000 metres—near the reef.",
            "about 2,000 metres",
            "cold water",
        ),
        (
            "Pilots flew into thin air—more than 8 kilometres above the sea—without masks.",
            "more than 8 kilometres",
            "thin air",
        ),
        # an example's "of", the sides of one size, and a word of size the measure restates
        ("A good example of a small cabin is: 610 x 420 x 300 (in centimetres).", "610", "cabin"),
        ("A good example of a small cabin is: 610 x 420 x 300 (in centimetres).", "300", "cabin"),
        ("The deep trench is 11 kilometres deep.", "11 kilometres", "trench"),
        # a letter that labels the next side
        ("The chart lists W 300mm D 250mm for the box.", "300mm", None),
        # a measure after "<noun> of", a distance "from N away" on a participle, a conversion before the side
        (
            "The rules keep a safety gap of 2 lateral miles and 500 vertical feet between jets.",
            "2 lateral miles",
            "safety gap",
        ),
        (
            "The rules keep a safety gap of 2 lateral miles and 500 vertical feet between jets.",
            "500 vertical feet",
            "safety gap",
        ),
        (
            "Police said the shots came from a hunting rifle fired from 800 metres away - the length of the field.",
            "800 metres",
            "hunting rifle",
        ),
        (
            "Divers found the wreck at the edge of a quiet lagoon 5 miles (8 km) north of the town.",
            "5 miles",
            "quiet lagoon",
        ),
        (
            "Storms brought tornadoes with some strong, very large hail over three inches in diameter, "
            "and wind damage.",
            "over three inches",
            "hail",
        ),
        # temperatures: a change with nothing said to change, a thing warmed, a gapped list, a restating aside
        ("Last month was the warmest on record, with a 2°C increase from the long-run average.", "2°C", None),
        ("The warming of the oceans by 0.6°C since 1950 worries fishermen.", "0.6°C", "oceans"),
        (
            "With night temperatures in Oslo and Bergen falling to two degrees, Tromso hitting 4 degrees and "
            "Bodo, 6 degrees, the cold lasted.",
            "6 degrees",
            "Bodo",
        ),
        (
            "The report says the average app has grown by 10% this year to reach 980Kb — just under 1Mb — "
            "and makes 40 requests.",
            "under 1Mb",
            "average app",
        ),
        # an "of" after a comma, "they" for an opening clause's subject, "its size —", a gloss, "required"
        (
            "Engineers say forecasts of coastal erosion, of up to 3 metres by 2050, are too low.",
            "up to 3 metres",
            "coastal erosion",
        ),
        (
            "Although river levels will keep falling this week, they could rise by up to 2 metres in March.",
            "up to 2 metres",
            "river levels",
        ),
        ("A tortilla, or flat bread, is prized for its size — 30 centimetres across.", "30 centimetres", "tortilla"),
        ("The teams must keep the required safety margin of 5 nautical miles.", "5 nautical miles", "safety margin"),
        # a subject behind an inverted verb of saying; a spec word that goes with its own decimal
        (
            "But, notes Ortiz, the total capacity of all lines—including “dark fiber” that’s not in use—across the "
            "Pacific is 90 terabits per second, which means little is used.",
            "90 terabits per second",
            "capacity",
        ),
        (
            "The match was for a 0.22 calibre rifle fired from 90 metres away - the same distance as the shots.",
            "90 metres",
            "rifle",
        ),
    ],
)
def test_the_relatives_asides_examples_and_side_labels_of_round_30(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # guards: a pronoun, a clause of saying, a conversion between dashes, kinds that keep their first word
        ("It is 10 miles long.", "10 miles", None),
        ("She said that it was 40 miles away.", "40 miles", None),
        ("The 3,000 meters—about two miles—were covered in a day.", "about two miles", None),
        ("The bridge is 40 metres high and 300 metres long.", "300 metres", "bridge"),
        ("The thin pipe runs 300 miles under the city.", "300 miles", "thin pipe"),
    ],
)
def test_the_relatives_asides_examples_and_side_labels_of_round_30_leave_other_phrasings(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


# Round 30 (objects45): docs/evaluation.md, "Round 30, objects45", the lead's round-30 rulings, second part ("Added in
# round 30 (lead), second part" in the standard), and money objects by class. Each sentence fails on main 7600618.
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a name's possessor stays with the noun a changing verb's sum is of (was the subject, or nothing)
        (
            "The club will raise Okafor's salary to $9 million next season (from $6 million).",
            "$9 million",
            "Okafor's salary",
        ),
        (
            "The club will raise Okafor's salary to $9 million next season (from $6 million).",
            "$6 million",
            "Okafor's salary",
        ),
        # a fixed term of the trade whole: said "in" after the sum, or before it with its "of"
        ("Lakeside Mutual ended the year with $3.4 bn in net premiums written.", "$3.4 bn", "net premiums written"),
        (
            "Orchard Insurance reported net premiums written of about $2.7 billion.",
            "about $2.7 billion",
            "net premiums written",
        ),
        # a fine "for" an offence keeps the payment word, without "new"
        (
            "New fines for dropping litter, starting at £150 for a first offence and rising to £2,500, begin today.",
            "£150",
            "fines",
        ),
        # a conversion in brackets the parser took for the verb's object: the kind "in" after it, for both sums
        ("The fund has sold €120-billion ($170-billion Canadian) in bonds, backed by loans.", "€120-billion", "bonds"),
        ("The fund has sold €120-billion ($170-billion Canadian) in bonds, backed by loans.", "$170-billion", "bonds"),
        # a sum received "in the form of": the receiver
        ("The hospice is receiving support in the form of 2 million euros from a bank.", "2 million euros", "hospice"),
        # a range whose ends are each priced "for" a thing: each end's thing ("N units of" it, what "of" names)
        ("Lessons range from $30 for a group class to $90 for two hours of coaching.", "$30", "group class"),
        ("Lessons range from $30 for a group class to $90 for two hours of coaching.", "$90", "coaching"),
        # a price "for" the sum right after the noun it buys, the "for" hung on the clause's copula
        ("I was less sure about a torta de jamon for $9, the price of two elsewhere.", "$9", "torta de jamon"),
        # ... or, hedged, "in the region of"
        ("So far, the documentary has earned in the region of $41m worldwide.", "$41m", "documentary"),
        # a sum sought is the seeker's
        ("The abbey, which needs a new roof, is seeking 800,000 euros from visitors.", "800,000 euros", "abbey"),
    ],
)
def test_the_money_objects_of_round_30_second_part(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # guards: a participle that says what was done with the money is dropped; a fine without "new" or a fee keeps
        # its words; a sum paid "in the form of" is no receiver's
        ("He would pay $5,000 in taxes owed to the state.", "$5,000", "taxes"),
        ("The firm paid a $300 late fee.", "$300", "late fee"),
        ("Earned premiums slightly exceeded $500 bn.", "$500 bn", "Earned premiums"),
        # a range's end priced "for" its payers keeps the range's noun (a fee "for" its payers keeps the payment word)
        ("Tickets range from $15 for children to $40 for adults.", "$15", "Tickets"),
    ],
)
def test_the_money_objects_of_round_30_second_part_leave_other_phrasings(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # round 30, third part: a change's subject set off by a relative clause or an aside still names what changes
        ("The regional wage index, which leaves out bonuses, rose 0.4% in March.", "0.4%", "regional wage index"),
        ("The jobless rate, a closely watched gauge, fell 0.3 percent last month.", "0.3 percent", "jobless rate"),
    ],
)
def test_the_changes_subjects_past_an_aside_of_round_30_third_part(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # round 30, third part: a name's possessor with a describing word between keeps the possessor and the noun
        (
            "The regulator noted Harbor Power Corporation's special $3 bn dividend in 2022.",
            "$3 bn",
            "Harbor Power Corporation's dividend",
        ),
        (
            "Analysts cited Lakeview Mining's extraordinary $40 million payout last year.",
            "$40 million",
            "Lakeview Mining's payout",
        ),
    ],
)
def test_the_possessors_past_a_describing_word_of_round_30_third_part(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # round 30, third part: fees "for" a thing bought keep the thing, with the length that sizes it
        ("Parents pay fees of $2,000 for a two-year certificate.", "$2,000", "two-year certificate"),
        ("He paid $40 for a one-day pass at the gate.", "$40", "one-day pass"),
    ],
)
def test_the_things_bought_with_their_length_of_round_30_third_part(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # round 30, third part: a fixed trade term opening a sentence is the sum's object, not its holder
        (
            "Global reinsurance market net premiums written reached $400 billion in 2022.",
            "$400 billion",
            "net premiums written",
        ),
        ("Gross premiums written for the group reached $9 billion.", "$9 billion", "Gross premiums written"),
    ],
)
def test_the_trade_terms_opening_a_sentence_of_round_30_third_part(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # round 30 (objects46): a share said of what "which" stands for, of a verb of measuring, of a verb of staying
        ("Shoppers turned to rentals, which rose 3% in May.", "3%", "rentals"),
        # ... and a range after "<noun> of between", said without its "and"
        ("Lenders quoted a mortgage rate of between 6.5%-7% last week.", "6.5%-7%", "mortgage rate"),
        ("Over the spring, the wage index measured 2.4% on a yearly basis.", "2.4%", "wage index"),
        ("The vacancy rate has lingered between 5% and 6% since 2021.", "between 5% and 6%", "vacancy rate"),
    ],
)
def test_the_shares_of_relatives_and_staying_verbs_of_round_30_objects46(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # round 30 (objects46): a change's subject carried over a dash and "and"; a long index name kept whole
        (
            "The regional sentiment gauge rose 4.1% in March — and 9.8% over the year.",
            "9.8%",
            "regional sentiment gauge",
        ),
        (
            "The Bank of Canada Index of Commodity Prices fell 2.2% in May.",
            "2.2%",
            "Bank of Canada Index of Commodity Prices",
        ),
    ],
)
def test_the_dashed_changes_and_long_index_names_of_round_30_objects46(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


# Round 31 (objects48): holders a clause or a phrase away from a sum or a measure.
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # a level "at"/"above" through a copula is its subject's, in a "while" or "where" clause too, over words the
        # token rules read outside the clause
        ("Tickets cost $40 at the front gate, while the matinee was cheaper at $25.", "$25", "matinee"),
        (
            "Buyers in towns where the median sale price was above $600,000 saw offers drop 8 percent.",
            "above $600,000",
            "median sale price",
        ),
        # "the total" a participle moves stands for the clause's subject; a combined total names nothing else
        (
            "Card spending rose 3% to $2 billion in the spring, pushing the total to $9 billion for the year.",
            "$9 billion",
            "Card spending",
        ),
        ("The two funds agreed to put in a combined total of $40 million.", "$40 million", None),
        # "its" price is the last name's before it
        ("The main complaint about the Pixel Fold is its $1,799 price.", "$1,799", "Pixel Fold"),
        (
            "Regulators let Acme Corp buy Beta Labs for less than its earlier $90 million asking price.",
            "$90 million",
            "Beta Labs",
        ),
        # a sum glued to a rate of time sizes the noun after it, or the copula's subject that noun classes
        ("They stayed in a cramped, $90-a-night hostel near the station.", "$90", "hostel"),
        ("Tourism is a $3 billion-a-year business in the state.", "$3 billion", "Tourism"),
        # on sale, on the market
        ("The old lighthouse is on sale for £850,000.", "£850,000", "old lighthouse"),
        ("The cottage, which is on the market for $750,000, has a garden.", "$750,000", "cottage"),
        # a conversion after a slash restates the figure before it; its unit is no object of the first
        ("The drone has a top speed of 120 kph / 75 mph.", "75 mph", "top speed"),
        ("The glider stays low, at around 50 meters/160 feet.", "around 50 meters", None),
        # a name split by the parser at a capitalised particle keeps its words
        ("Grab the Acme Quick Fix Up Spray Kit for just $12 at the store.", "$12", "Acme Quick Fix Up Spray Kit"),
        # a price discounted to a level, as one cut to it; a sum the parse hangs on "raised" as a modifier
        ("The boxed edition is discounted to only $35 at most shops this week.", "$35", "boxed edition"),
        ("The start-up, which runs 40 million web accounts – a tenth of the market – raised $90m.", "$90m", "start-up"),
        # a size a verb holds is its subject's
        ("The new trail which covers distance of 12km opened on Monday.", "12km", "new trail"),
        # a word glued to another number is that number's
        ("The 6-foot-3, 240-pounder was a steady presence in the backfield.", "6-foot-3", None),
        # a sum put into a thing, the participle read as a verb or a relative clause
        ("Voters want back the $2 billion or so put into the stadium.", "$2 billion", "stadium"),
        ("The city wants back the $40 million it put into the arena.", "$40 million", "arena"),
        # a kind said "in" past a rate of time; "part" is no object
        ("He was now responsible for over $2B/year in ad sales.", "over $2B", "ad sales"),
        (
            "The mill is part of about $3 billion in Chinese steel investments planned for Chile, a third of it.",
            "about $3 billion",
            "Chinese steel investments",
        ),
        # a name's possessive before a sum that heads its phrase; a noun a price bound hangs on, with its possessor
        (
            "Despite the Orion Group’s $4 billion under management, high-rent offices and analysts, it closed.",
            "$4 billion",
            "Orion Group",
        ),
        ("That is Dell's second tablet under $300, after the slate.", "under $300", "Dell's tablet"),
        # a sum in brackets after a share of a base restates the share: the copula's subject
        ("For Spain, health spending in 2024 was 6.1% of GDP (about €90bn).", "about €90bn", "health spending"),
        ("The bill was 2% of the total (about $40).", "about $40", "bill"),
        # a sum spent in a "where" clause after a place
        (
            "The ads ran most often in Ohio, where the two campaigns will spend more than $90 million before the vote.",
            "more than $90 million",
            "Ohio",
        ),
    ],
)
def test_the_holders_said_apart_of_round_31_objects48(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # guards: a pronoun's level, "its" with no name before it, a clause that does not hold the sum, a change "at"
        ("It was cheaper at $25.", "$25", None),
        ("The company said its $20 price would hold.", "$20", "price"),
        ("Buyers in towns where prices are high paid $600,000 for a flat.", "$600,000", "flat"),
        ("Prices rose 5% at $80 a barrel.", "$80", "Prices"),
        ("The fund raised $90m last year.", "$90m", "fund"),
        ("The reserve spans an area of 40 square kilometres.", "40 square kilometres", "area"),
        ("He is a 250-pound lineman who stands 6 feet tall.", "6 feet", None),
        ("Oil fell to a three-year low below $60 a barrel.", "below $60", "Oil"),
        ("The $5 million went into the arena.", "$5 million", None),
        ("They met in Ohio, where the campaigns will spend $90 million on ads.", "$90 million", "ads"),
    ],
)
def test_the_holders_said_apart_of_round_31_objects48_leave_other_phrasings(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


# Round 32 (objects49): objects a clause says of the figure (`said_of_event`), found on round 31's blind slice; the
# sentences are my own.
@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        ("A magnitude 6.2 earthquake shook the island on Tuesday.", "6.2", "earthquake"),
        ('The sitcom "Neighbours Next Door" finally closed after 12 years.', "12 years", "Neighbours Next Door"),
        ("Talks on the new treaty have been ongoing for two years.", "two years", "Talks"),
        ("The number of wounded climbed to 85 by Sunday.", "85", "wounded"),
        ("Build a 10-foot fence running along the road.", "10-foot", "fence"),
        ("Patients waited up to 12 hours in the emergency department.", "up to 12 hours", "emergency department"),
    ],
)
def test_the_objects_said_of_the_event_of_round_32_objects49(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


@pytest.mark.parametrize(
    ("text", "surface", "expected"),
    [
        # guards: a person leaving, a verb of ending with an object, a state held, a unit after "or more", a change
        ("The coach quit the club after nine years.", "nine years", None),
        ("The council closed the library after 40 years.", "40 years", None),
        ("The shop has been profitable for three years.", "three years", None),
        ("Ships may sail 40 or more miles offshore.", "40", None),
        ("Sales growth of 3% in Asia beat forecasts.", "3%", "Sales growth"),
    ],
)
def test_the_objects_said_of_the_event_of_round_32_objects49_leave_other_phrasings(nlp, text, surface, expected):
    assert objects(nlp, text)[surface] == expected


def test_a_magnitude_said_inside_the_figure_is_of_the_quake_round_32_objects49(nlp):
    # should the finder read "magnitude 6.2" as a measure in its scale, the quake stays its object
    doc = nlp("A magnitude 6.2 earthquake shook the island.")
    assert magnitude_of(doc[1:3]) == "earthquake"
    assert magnitude_of(doc[2:3]) == "earthquake"
    assert magnitude_of(nlp("The quake measured magnitude 6.2 on Monday.")[3:5]) is None
