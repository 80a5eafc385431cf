"""Real articles in any shape are kept: hard-wrapped, Japanese, list-heavy; listings still are not."""

from __future__ import annotations

from transforms.options import PipelineOptions
from transforms.pipeline import drop_trailing_headlines, is_list_article, paragraphs, prose_share, reject_text
from transforms.records import RawDocument
from transforms.words import ends_like_sentence, word_count

RAW = RawDocument(doc_id="d1", source="mem", url=None, content=b"", media_type="text/plain")

# A plain-text story wrapped at 60 columns, as e-mailed wire copy and old archives store it.
HARD_WRAPPED = """\
The harbour board voted on Tuesday night to spend 40 million
pounds on new cranes for the eastern quay, ending a dispute
That had lasted since the spring of last year between the
board and the dockers' union over the pace of modernisation.
Union leaders said the vote was a victory for the workers,
who had warned that the old cranes were unsafe in high wind.
The chairman of the board, Margaret Hale, said the money
Would come from the port's reserves and from a loan backed
by the city council, which owns a third of the harbour.
Work on the first two cranes is due to start in October,
and the board expects the whole quay to be ready by 2027.
"""

JAPANESE = (
    "東京都は二十日、臨海部の再開発計画を正式に発表した。"
    "計画では、老朽化した倉庫街を住宅と商業施設に建て替え、約一万人が暮らす新しい街をつくる。"
    "総事業費は約三千億円を見込み、二〇三〇年の完成を目指す。\n"
    "都の担当者は記者会見で「防災と環境に配慮した街にしたい」と述べた。"
    "地元の商店会からは、家賃の上昇を心配する声も上がっている。"
    "都は来月から住民説明会を開き、意見を聞いたうえで詳細を決める方針だ。\n"
)

INTRO = (
    "Prime Day is over, but plenty of the best discounts are still running this weekend, "
    "and we have checked every one of them against its price history.\n"
    "We only list deals that bring a product to its lowest price in at least three months, "
    "and we update this list twice a day while the sale lasts.\n"
)
OUTRO = (
    "If a deal has sold out by the time you read this, check back later: "
    "retailers often restock their most popular items overnight.\n"
)
DEALS = (
    INTRO
    + """\
Headphones
Sony WH-1000XM5 wireless headphones for $298 instead of $399
Apple AirPods Pro with USB-C charging case for $189
Bose QuietComfort earbuds in black or white for $179
Kitchen
Ninja air fryer with two baskets for $119 instead of $159
Instant Pot Duo seven-in-one pressure cooker for $79
KitchenAid stand mixer in five colours for $329
Laptops
MacBook Air with the M3 chip and 16GB of memory for $999
Lenovo ThinkPad X1 Carbon with a 14-inch screen for $1,249
Dell XPS 13 with an OLED display for $1,099
Toys
LEGO Star Wars Millennium Falcon set for $135
Nintendo Switch OLED with Mario Kart for $299
"""
    + OUTRO
)

SCORES = "\n".join(
    f"{home} {h} - {a} {away}"
    for home, h, a, away in [
        ("Arsenal", 2, 1, "Chelsea"),
        ("Leeds", 0, 0, "Everton"),
        ("Fulham", 3, 2, "Brentford"),
        ("Wolves", 1, 4, "Spurs"),
    ]
    * 8
)
SCORE_PAGE = (
    "Here are all of this weekend's results in the Premier League, the Championship and the lower leagues.\n" + SCORES
)

LINK_INDEX = "\n".join(
    [
        "Council approves new cranes for the eastern quay",
        "Union welcomes harbour vote after a year of talks",
        "Mayor opens the new library in the old customs house",
        "Ferry timetable changes for the winter season announced",
        "Police appeal for witnesses after a crash on the coast road",
        "School inspection praises teachers at Harbour Primary",
        "Storm warning for the weekend as gales are expected",
        "Local team wins the regional cup for the third year",
        "New bus route links the station with the hospital",
        "Fishermen protest over the new quota rules in the bay",
        "Artist paints a mural on the wall of the fish market",
        "Harbour festival returns with music, food and boats",
    ]
)


# Release notes as a small app's blog posts them: a headline, then only marked items, no paragraph.
RELEASE_NOTES = "Harbourmaster 4.2 - The Winter Release\n" + "\n".join(
    [
        "+ Added a tide chart for every port on the east coast",
        "+ Added offline maps for the northern islands",
        "+ Added a night mode that follows the time of sunset",
        "+ Added warnings when a gale is forecast for your route",
        "+ Ferry timetables now update every ten minutes",
        "+ Saved routes can be shared with other sailors",
        "* The harbour list loads twice as fast on older phones",
        "* Anchor alarms are louder and can be snoozed",
        "* Depth readings are shown in metres or in feet",
        "* Fixed a crash when a harbour had no name",
        "* Fixed wrong sunrise times in the far north",
        "- Removed the old weather widget",
    ]
)

# The same markers in front of numbers and dates: still a score table and a calendar.
MARKED_SCORES = "Weekend results\n" + "\n".join(f"- {line}" for line in SCORES.splitlines())
MARKED_CALENDAR = "What's on in March\n" + "\n".join(
    f"* {day} March 19:30 {event}" for day in range(1, 25) for event in ["Choir, St Mary's"]
)

# A magazine's numbered ranking under a blogger's comment: names, each with its place number.
RANKING_INTRO = (
    "A sailing magazine asked its readers to name the greatest harbours in Europe, and the results "
    "came out this week. I was surprised that so many small ports made it into the top thirty.\n"
    "My own favourite, the old quay at Kinsale, is missing, which I think is a real shame.\n"
    "Here is the whole list as the magazine printed it.\n"
)
HARBOURS = [
    "Port Grimaud",
    "Kinsale Town",
    "St Ives Bay",
    "Portofino Marina",
    "Honfleur Old Port",
    "Cascais Bay",
    "Dubrovnik Old Harbour",
    "Collioure Bay",
    "Tobermory Pier",
    "Camogli Beach",
    "Hydra Harbour",
    "Vernazza Cove",
    "Mousehole Quay",
    "Sausalito Docks",
    "Ribe Old Harbour",
    "Nyhavn Canal",
    "Bergen Bryggen",
    "Stavanger Quay",
    "Visby Harbour",
    "Porto Venere",
    "Cadaques Bay",
    "Oia Waterfront",
    "Piran Marina",
    "Rovinj Quay",
    "Lindos Bay",
    "Kotor Harbour",
    "Tallinn Old Port",
    "Alesund Harbour",
    "Reine Lofoten",
    "Balestrand Pier",
]
RANKING = RANKING_INTRO + "\n".join(f"{place:02d}. {name}" for place, name in enumerate(HARBOURS, 1))
# The same intro over a numbered league table: the items are numbers, not names.
LEAGUE_TABLE = RANKING_INTRO + "\n".join(
    f"{place}. {name} 38 {30 - place} {place % 7} {8 + place} {70 - place}:{20 + place}"
    for place, name in enumerate(HARBOURS[:20], 1)
)

# A blogger's daily roundup: marked headlines of other sites with their links, no prose.
LINK_ROUNDUP = "Links of the day\n" + "\n".join(
    f"- {headline} via {site} https://{site}/{number}"
    for number, (headline, site) in enumerate(
        [(line, site) for line in LINK_INDEX.splitlines() for site in ("harbournews.example", "coastpost.example")]
    )
)


def test_cjk_words_and_sentence_ends_are_counted():
    assert word_count("one two\nthree") == 3
    assert word_count(JAPANESE) >= 80  # about 200 characters; split() sees 2 "words"
    assert ends_like_sentence("都は来月から住民説明会を開く方針だ。")
    assert ends_like_sentence("「防災に配慮した街にしたい」")
    assert not ends_like_sentence("Harbour news")


def test_japanese_story_is_an_article():
    assert prose_share(JAPANESE) == 1.0
    assert reject_text(RAW, JAPANESE, PipelineOptions()) is None


def test_hard_wrapped_story_is_read_as_paragraphs():
    joined = paragraphs(HARD_WRAPPED)
    # One paragraph per sentence here: each wrap that split a sentence is joined again.
    assert len(joined) == 4 and all(paragraph.endswith(".") for paragraph in joined)
    assert prose_share(HARD_WRAPPED) == 1.0
    assert reject_text(RAW, HARD_WRAPPED, PipelineOptions()) is None


def test_list_heavy_article_is_kept():
    assert prose_share(DEALS) < PipelineOptions().min_prose_share
    assert reject_text(RAW, DEALS, PipelineOptions()) is None


def test_score_table_and_link_index_are_still_not_news():
    for text in (SCORE_PAGE, LINK_INDEX):
        rejection = reject_text(RAW, text, PipelineOptions())
        assert rejection is not None and rejection.reason == "not_news", text[:40]


def test_release_notes_of_marked_items_are_kept():
    assert prose_share(RELEASE_NOTES) < 0.2
    assert reject_text(RAW, RELEASE_NOTES, PipelineOptions()) is None


def test_numbered_ranking_with_a_comment_is_kept():
    assert reject_text(RAW, RANKING, PipelineOptions()) is None


def test_marked_score_lists_calendars_and_bare_headlines_are_not_news():
    for text in (MARKED_SCORES, MARKED_CALENDAR, LINK_INDEX, LEAGUE_TABLE, LINK_ROUNDUP):
        rejection = reject_text(RAW, text, PipelineOptions())
        assert rejection is not None and rejection.reason == "not_news", text[:40]


# A shop's clearance written up as news: an intro, then one product and its prices a line, unmarked.
SHOES = ["Trail Runner 2", "Road Racer Pro", "Harbour Walker", "Cliff Path Hiker", "Dune Sandal", "Quay Loafer"]
PRICED_DEALS = (
    "The outdoor chain Tidewater has cut prices on last season's shoes, and the sale runs until Sunday.\n"
    "Most sizes are still in stock online, and orders over $50 ship free to any address in the country.\n"
    "Members get an extra ten per cent off at the till, and returns are free for thirty days.\n"
    "Here are the best of the reductions we found this morning:\n"
    + "\n".join(
        f"Tidewater {shoe} {kind} Sale Price ${40 + i} Regular Price ${90 + i}"
        for i, shoe in enumerate(SHOES)
        for kind in ("for men", "for women", "for children", "in black", "in grey")
    )
)
# The same lines with no story around them: a shop's price list, not an article.
PRICE_LIST = "Tidewater shoes\n" + PRICED_DEALS.split("found this morning:\n")[1]
# A headline index whose lines name money: headlines with figures, no prices of items for sale.
PRICED_HEADLINES = "Business news\n" + "\n".join(
    f"{headline}\nBy Harbour Desk, Dec {day}, 2023"
    for day, headline in enumerate(
        [
            "Port wins $40 million grant for the eastern quay",
            "Ferry company posts record profits for the summer",
            "Fish market rents rise as the council reviews leases",
            "New hotel on the seafront to open in the spring",
            "Shipyard order book is full until the end of 2025",
            "Harbour tolls to rise by 5% from January",
            "Local bakery opens a second shop on the high street",
            "Bus company cuts fares for students and pensioners",
        ]
        * 3,
        1,
    )
)
# A venue's note of one concert: a headline, its date, price and doors, and a sentence about the band.
EVENT_NOTE = (
    "Harbour Lights (The Lighthouse Family tribute)\n"
    "Friday March 15, 2024 08:00 PM\n"
    "Cost: $12 + fees\n"
    "Doors: 7 PM, all ages\n"
    "From the venue:\n"
    "HARBOUR LIGHTS (Lighthouse Family Tribute Show)\n"
    "Share on Facebook\n"
    "Harbour Lights play the band's best-loved songs from the nineties, with a full horn section and "
    "two singers, in their first show on the coast since the summer festival sold out!\n"
    "Buy Tickets\n"
)
# A venue's calendar: one line per show, dates and prices, no sentence.
PRICED_CALENDAR = "What's on in March\n" + "\n".join(f"{day} March 19:30-22:00 Choir £8 / £5" for day in range(1, 25))


def test_deal_list_with_priced_lines_is_kept():
    assert prose_share(PRICED_DEALS) < PipelineOptions().min_list_prose_share
    assert reject_text(RAW, PRICED_DEALS, PipelineOptions()) is None


def test_event_note_under_its_headline_is_kept():
    assert reject_text(RAW, EVENT_NOTE, PipelineOptions()) is None


def test_price_lists_calendars_and_headline_indexes_with_money_are_not_news():
    for text in (PRICE_LIST, PRICED_HEADLINES, PRICED_CALENDAR):
        rejection = reject_text(RAW, text, PipelineOptions())
        assert rejection is not None and rejection.reason == "not_news", text[:40]


STORY = (
    "The council voted on Tuesday to spend four million pounds on new cranes for the eastern quay.\n"
    "Work starts in the spring, and the harbour master expects the first ships to berth there by autumn.\n"
)


def test_headlines_after_the_story_are_dropped():
    teasers = "Ferry fares rise for the winter\nMost read\nSchool praised by inspectors\n"
    assert drop_trailing_headlines(STORY + teasers) == STORY.rstrip("\n")


def test_a_credit_a_list_and_an_announced_list_after_the_story_stay():
    for tail in (
        "Reporting by Jane Doe\n",
        "- Cranes ordered from Rotterdam\n- Quay walls repaired first\n",
        "Tide charts now cover every port in the region\nThe harbour ferry runs later on Fridays\n"
        "Anchor alarms can be snoozed twice\nWeather warnings come a day earlier now\n" * 8,
    ):
        assert drop_trailing_headlines(STORY + tail) == STORY + tail
    announced = STORY + "These are the four cranes the council ordered today:\nQuay crane A\nQuay crane B\n"
    assert drop_trailing_headlines(announced) == announced


# A study written up as a story: paragraphs of findings around two data tables, as trafilatura writes
# tables ("| cell |" rows under a "|---|" rule). Most of its words are table cells.
STUDY_PROSE = [
    "Harbour towns along the east coast saw the fastest rise in house prices last year, a study by the "
    "regional housing trust found, as buyers from the cities looked for homes near the sea.",
    "The trust scored each town on the change in its median sale price, the share of homes sold above "
    "the asking price and the number of days a home stayed on the market before it was sold.",
    "Prices in the smallest ports rose fastest of all, while the two large cities on the coast barely "
    "moved, which the trust put down to the number of new flats built there since the spring.",
    "The table below gives each town's score, from the hottest market to the coolest one, and the "
    "trust said it would publish the same study again next year with the figures for the islands.",
    "Estate agents in the harbour towns said that demand had cooled a little since the autumn, but that "
    "homes with a view of the water still sold within a few weeks of going on the market.",
]
TOWNS = ["Kinsale", "Whitby", "Padstow", "Tobermory", "Rye", "Aldeburgh", "Staithes", "Mousehole"] * 3
STUDY_TABLE = "| Town | Score | Price change | Days on market |\n|---|---|---|---|\n" + "\n".join(
    f"| {town} {n} | {90 - n}.{n % 10} | +{n % 13}.{n % 7}% | {20 + n} |" for n, town in enumerate(TOWNS)
)
STUDY = "\n".join(STUDY_PROSE[:3]) + "\n" + STUDY_TABLE + "\n" + "\n".join(STUDY_PROSE[3:]) + "\n" + STUDY_TABLE
# The same tables under two paragraphs of introduction: a rankings page, not a story.
RANKINGS_TABLE = "Hottest harbour towns\n" + "\n".join(STUDY_PROSE[3:]) + "\n" + STUDY_TABLE + "\n" + STUDY_TABLE
# A venue's calendar as a table, under a short note.
CALENDAR_TABLE = (
    "What's on at the Harbour Hall this spring, with every concert, talk and film we have booked so far.\n"
    "| Date | Time | Event | Tickets |\n|---|---|---|---|\n"
    + "\n".join(f"| {day} March 2024 | 19:30 | Choir | £8 / £5 |" for day in range(1, 31))
)
# A shop's catalogue index as a table: products and prices, an intro and no story.
CATALOGUE_TABLE = (
    "Browse our full range of marine hardware, from cleats and shackles to anchors and chain.\n"
    + "| Product | Code | Price |\n|---|---|---|\n"
    + "\n".join(f"| Stainless shackle {n} mm | SH-{n:03d} | £{n}.99 |" for n in range(4, 40))
)


def test_story_with_data_tables_is_kept():
    assert prose_share(STUDY) < PipelineOptions().min_prose_share
    assert not is_list_article(STUDY, PipelineOptions())  # the rows are numbers, not a list of words
    assert reject_text(RAW, STUDY, PipelineOptions()) is None


def test_rankings_calendars_and_catalogues_in_tables_are_not_news():
    for text in (RANKINGS_TABLE, CALENDAR_TABLE, CATALOGUE_TABLE):
        rejection = reject_text(RAW, text, PipelineOptions())
        assert rejection is not None and rejection.reason == "not_news", text[:40]
