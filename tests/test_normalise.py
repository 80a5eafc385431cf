"""Normalisation: repaired Unicode, folded whitespace, page chrome lines dropped, idempotent."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transforms.normalise import drop_author_lines, normalise_text, residue_reason
from transforms.words import word_count

# One line each pattern removes, and one similar story line it keeps.
RESIDUE_CASES = [
    (
        "media_caption",
        "This is what Putin is looking for with Ukraine and NATO, according to an expert 1:51",
        "The meeting ended at 10:30.",
    ),
    (
        "media_caption",
        "Watch: floods sweep through the valley 12:04",
        "Officials said the flood peaked at 3:15 a.m. on Sunday.",
    ),
    ("media_caption", "Video (2:15)", "The video, which runs 2:15, shows the crane collapsing."),
    ("comment_prompt", "Leave a Comment", "Officials declined to leave a comment on the record."),
    ("comment_prompt", "View 34 comments", "The agency received 34 comments on the draft rule."),
    ("comment_prompt", "Comments (12)", "Comments from residents filled two hours of the hearing."),
    (
        "comment_policy",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "The site uses radar to track storms.",
    ),
    (
        "comment_policy",
        "Comments are closed.",
        "Comments are closed to the public until the review ends, the clerk said.",
    ),
    (
        "comment_policy",
        "Please read our community guidelines before posting.",
        "The league asked players to read the new guidelines before the season.",
    ),
    ("share_prompt", "Share this:", "Share prices fell 4% on the news."),
    (
        "share_prompt",
        "Click to share on Facebook (Opens in new window)",
        "Users can share posts on Facebook, the company said.",
    ),
    ("share_prompt", "Follow us on Twitter and Instagram", "Follow-up inspections are planned for May."),
    ("newsletter_prompt", "Sign up for our newsletter", "She signed up for the army in 2004."),
    (
        "newsletter_prompt",
        "Get the latest headlines delivered to your inbox every morning",
        "Most people get the latest news from their phones, the survey found.",
    ),
    ("newsletter_prompt", "Subscribe now", "Subscribers now pay $12 a month, up from $9."),
    (
        "related_link",
        "Related: Harbor Authority budget hearing draws packed room",
        "Related measures passed the senate last year.",
    ),
    (
        "related_link",
        "Read more: Ferry schedule changes take effect",
        "Read more about the plan in the council's report, the mayor said.",
    ),
    ("related_link", "More from Example Wire", "More from the budget will go to schools next year."),
    ("related_link", "Most Read", "Most readers said they would renew."),
    ("byline", "By Hannah Cole, Staff Writer", "By Tuesday, the council had approved the plan."),
    ("byline", "By Jane Doe and Tom Li | Reuters", "By the end of the year, the port will hire 300 workers."),
    ("photo_credit", "(Photo by Jane Doe/Getty Images)", "A photo by Jane Doe won the regional prize in 2019."),
    ("photo_credit", "Photo: Sam Reyes/Reuters", "Photos showed flooded streets in the old town."),
    ("agency_credit", "Jane Doe/AP", "Jane Doe told AP the plan was sound."),
    (
        "standards_footer",
        "Our Standards: The Example Wire Trust Principles.",
        "Our standards for safety are high, the harbour master said.",
    ),
    # Issue 12: the same chrome in other languages, and lines that say where a page stands.
    (
        "related_link",
        "Lea también: Cierran el puerto por la tormenta",
        "Lea Torres también dijo que el puerto cerrará.",
    ),
    ("related_link", "LE PUEDE INTERESAR: El alcalde inaugura la biblioteca", "Le puede interesar a usted, dijo."),
    ("related_link", "Zum Weiterlesen:", "Zum Weiterlesen empfahl der Bürgermeister den Bericht des Rates."),
    ("related_link", "Lire aussi : Le port rouvre lundi", "Lire aussi les journaux locaux aide, dit-elle."),
    (
        "newsletter_prompt",
        "Never miss a story by signing up to our daily newsletter today!",
        "She signed up to the union's newsletter in 2004.",
    ),
    ("photo_credit", "Fot. Jan Kowalski / Agencja Gazeta", "Fotografowie przyszli o 9.00 rano."),
    ("source_line", "Source: Office for National Statistics", "Source: the ministry said 40 people had died."),
    (
        "source_line",
        "Quelle: Deutscher Wetterdienst (DWD), 2. Februar 2022, Offenbach",
        "Quellen im Rathaus sagten, der Plan sei fertig.",
    ),
    (
        "copyright",
        "© 2024 Example News. All rights reserved.",
        "The band kept all rights to its songs, the court ruled.",
    ),
    ("page_stamp", "Updated: March 4, 2024 10:32 am", "Updated figures show 40 new cases."),
    ("page_stamp", "4 min read", "Read the 4 minute report, the mayor said."),
    ("page_stamp", "Letzte Änderung 14.02.2019", "Die letzte Änderung kam 2019."),
    # Issue 12, precision: what the pipeline kept on trafilatura's dev pages beyond favor_precision.
    (
        "related_link",
        "MIRA: Vecinos de Mixco denuncian cortes de agua",
        "Mira Fuentes, vecina de Mixco, denunció cortes de agua.",
    ),
    (
        "related_link",
        "Puedes ver: ¿Cuándo reabre el puerto de Callao?",
        "Puedes ver el puerto desde el malecón, dijo el alcalde.",
    ),
    (
        "related_link",
        "[Read: Why the ferry company lost its licence]",
        "Read: the word the mayor used most, the report said.",
    ),
    ("related_link", "Contenido relacionado", "El contenido relacionado con la obra se publicó ayer."),
    ("related_link", "Weitere Beiträge aus der Kolumne:", "Weitere Beiträge der Stadt sollen 2025 folgen."),
    (
        "newsletter_pitch",
        "Hungry for more? Subscribe to our newsletter and follow us on Instagram for new recipes.",
        "The bakery's newsletter reached 20,000 readers last spring, its owner said.",
    ),
    (
        "newsletter_pitch",
        "Kein Rezept mehr verpassen? Dann abonnieren Sie unseren Newsletter!",
        "Der Verein verschickt seinen Newsletter seit 2019 an alle Mitglieder.",
    ),
    (
        "support_prompt",
        "If you liked reading this article, please consider supporting our small newsroom with a donation.",
        "If the council approves the budget, the newsroom will support more local reporting, she said.",
    ),
    ("paywall_prompt", "Subscribe to continue reading", "Subscribers continue reading on paper, the survey found."),
    ("paywall_prompt", "Pour lire la suite, abonnez-vous", "Pour lire la lettre, il a mis ses lunettes."),
    ("ad_label", "Advertisement", "The advertisement for the show ran for six weeks."),
    ("ad_label", "ANZEIGE", "Die Anzeige ging am Montag bei der Polizei ein."),
    ("tag_line", "Tags: harbour, budget, ferries", "Tags on the crates showed they came from Rotterdam."),
    ("tag_line", "Temas", "Los temas de vivienda dominaron el debate."),
    (
        "embed_notice",
        "Click the button below to load the content from maps.example.org.",
        "Click beetles load their hinge with energy before they jump, the study found.",
    ),
    ("photo_byline", "Photo: Grace Whitfield", "Photo: a crane lifts the bridge deck into place."),
    ("photo_byline", "Foto: K. Brandt (Archiv)", "Fotos zeigen die Brücke vor dem Einsturz."),
    # Issue 12, fourth round: chrome found on the newspaper4k and Readability development pages.
    ("click_prompt", "CLICK HERE TO GET THE HARBOUR GAZETTE APP", "Click beetles were heard near the harbour here."),
    ("click_prompt", "Click here for the latest ferry timetables and fares", "Here, click-and-collect grew 40%."),
    ("click_prompt", "Get our weather alerts on the go by clicking here", "Visitors go here for the views, he said."),
    ("player_chrome", "Now watching", "Now watched by 2 million viewers, the channel is growing."),
    ("player_chrome", "Next video starts in : 5", "The next video starts in a council chamber in Leeds."),
    (
        "player_chrome",
        "Unfortunately, this video is not available in your region.",
        "The video is not available to the public, the court ruled.",
    ),
    (
        "tip_prompt",
        "Got a news tip? Email the desk at tips@harbourgazette.example.",
        "Police got a tip from a neighbour on Tuesday.",
    ),
    ("newsletter_prompt", "Thanks for signing up!", "Thanks for signing up so many volunteers, the mayor told them."),
    (
        "newsletter_prompt",
        "Your subscription has been confirmed. Keep an eye on your inbox!",
        "Your subscription fee funds the lifeboat crew, the charity says.",
    ),
    ("player_chrome", "Video verfügbar bis 14.03.2026", "Das Video war bis zum Abend im Netz verfügbar."),
    ("widget_label", "Teilen mit:", "Teilen mit den Nachbarn wollte er den Garten nicht."),
    ("widget_label", "Wird geladen …", "Die Fähre wird geladen, bevor der Sturm kommt."),
    ("widget_label", "Loading...", "Loading the ferry took four hours on Monday."),
    ("related_link", "Also: The best rain jackets for a wet autumn", "Also: the ferry will not run on Sunday."),
    ("related_link", "See: Harbour fees are rising again, and shippers are worried", "See: the map below."),
    # Issue 12, L3S-GN1 (news pages of 2008): stamps, menus, wire copyright and empty comment sections.
    ("date_line", "Wednesday, March 4, 2009", "The ferry ran aground on Wednesday, March 4, in fog."),
    ("date_line", "Posted: 7:40 PM Mar 3, 2009", "Posted to Malta in March 2009, he stayed three years."),
    ("date_line", "Last Updated: 9:05 AM Mar 4, 2009", "Updated figures for March 4, 2009 show 40 arrests."),
    ("date_line", "Published: March 04, 2009 18:02h", "Published on March 4, 2009, the report named six firms."),
    ("date_line", "2009-03-04 07:15:22 -", "The 2009-03-04 filing lists 7 directors."),
    ("date_line", "4th March, 2009", "By 4 March 2009 the pier was closed."),
    ("date_line", "04.03.2009 16:40", "Am 04.03.2009 um 16:40 Uhr schloss die Börse."),
    (
        "menu_line",
        "Home - Weather - Local News - Traffic - Sports - Jobs @ Gazette - Contact Us -",
        "Home - where the ferry docks - was rebuilt in 1998, the council said.",
    ),
    (
        "menu_line",
        "SITE MAP gazette.example main | news | sports | harbour guide | food & home | contact",
        "Results: Leeds 2 - 1 Everton; Hull 0 - 0 Derby",
    ),
    (
        "copyright",
        "(Copyright 2009 by Harbour Wire. All Rights Reserved.)",
        "(The company owns the copyright, its lawyer said.)",
    ),
    ("comment_prompt", "Post your comment", "Police would not comment on the post, a spokesman said."),
    ("comment_prompt", "Comments (No comments posted.)", "No comments were posted before the vote closed."),
    (
        "comment_prompt",
        "This article does not have any comments associated with it",
        "This article was corrected to add comments from the minister.",
    ),
    (
        "comment_policy",
        "The following are comments from the readers. In no way do they represent the view of the Gazette.",
        "The following are comments from the minister, made on Monday.",
    ),
]


def test_a_data_table_row_is_not_a_menu_line():
    row = "| Leeds | Hull | Derby | York | Bath |"
    assert residue_reason(row) is None
    topics = "In this episode: Helium – radiation pressure – gravity – the triple-alpha process – white dwarfs"
    assert residue_reason(topics) is None
    assert normalise_text(f"The five towns bid for the games.\n{row}") == f"The five towns bid for the games.\n{row}"


@pytest.mark.parametrize(
    "pattern, chrome, story",
    RESIDUE_CASES,
    ids=[f"{pattern}:{chrome[:30].rstrip()}" for pattern, chrome, _ in RESIDUE_CASES],
)
def test_residue_pattern_removes_chrome_and_keeps_story(pattern, chrome, story):
    assert residue_reason(chrome) == pattern
    assert residue_reason(story) is None
    cleaned = normalise_text(f"{story}\n{chrome}\n")
    assert chrome not in cleaned and story in cleaned


def test_headlines_under_a_bare_related_header_go_and_the_story_after_them_stays():
    text = (
        "The minister said the country would not pay.\n"
        "Notas relacionadas\n"
        "Hackers ofrecen descuento al Gobierno\n"
        "Jueves 21 abril, 2022\n"
        "The attack began on Sunday, officials said.\n"
        "Officials said a second ministry was hit"
    )
    assert normalise_text(text).splitlines() == [
        "The minister said the country would not pay.",
        "The attack began on Sunday, officials said.",
        "Officials said a second ministry was hit",
    ]


def test_mojibake_is_repaired_and_nfc():
    assert normalise_text("The mayorâ€™s office said") == "The mayor’s office said"
    assert normalise_text("Cafe\u0301 owners") == "Caf\u00e9 owners"


def test_whitespace_folded_and_paragraphs_kept():
    assert normalise_text("  First   para\tgraph. \n\n\n Second\u00a0one.  ") == "First para graph.\nSecond one."


def test_word_count():
    assert word_count("one two\nthree") == 3


@given(st.text())
def test_normalise_is_idempotent(text):
    once = normalise_text(text)
    assert normalise_text(once) == once


# Every code point, lone surrogates and controls included: normalising never raises.
ANY_UNICODE = st.text(st.characters(codec=None, categories=None), max_size=200)


@given(ANY_UNICODE)
def test_normalise_never_raises_and_is_stable_on_any_unicode(text):
    once = normalise_text(text)
    assert isinstance(once, str) and "\n\n" not in once
    assert normalise_text(once) == once


@given(
    st.lists(
        st.sampled_from(
            [c[1] for c in RESIDUE_CASES]
            + [c[2] for c in RESIDUE_CASES]
            + ["Caf\u00e9 owners said the mayorâ€™s plan  was   late."]
        ),
        max_size=8,
    )
)
def test_normalise_is_idempotent_on_mixed_story_and_chrome(lines):
    once = normalise_text("\n".join(lines))
    assert normalise_text(once) == once


def test_the_articles_own_byline_is_dropped_and_story_lines_naming_the_author_kept():
    text = (
        "Hannah Cole\nHANNAH COLE, Staff Writer\nBy Hannah Cole | The Coastal Ledger\n"
        "Hannah Cole contributed reporting from Augusta.\nThe council met on Tuesday."
    )
    assert drop_author_lines(text, "Hannah  Cole") == (
        "Hannah Cole contributed reporting from Augusta.\nThe council met on Tuesday."
    )
    assert drop_author_lines(text, None) == text


def test_page_source_read_as_text_goes_until_prose_returns():
    story = "The harbour board approved the new ferry timetable on Tuesday after a long debate."
    leaked = [
        '</noscript><script id="page-data" type="application/json">{"section":"sport","id":"4411"}',
        "window.adQueue = window.adQueue || [];",
        "if (consent.ready) {",
        "loadSlots(consent, 'top');",
        "</script></body></html>",
    ]
    after = "Fares will rise by 3% in March, the board said in a statement released after the vote."
    cleaned = normalise_text("\n".join([story, *leaked, after]))
    assert cleaned == f"{story}\n{after}"
    # A code listing in a tutorial opens with its tags, it does not start with an end tag: it stays.
    listing = '<script src="vendor/chart.js"></script>\n<script>drawChart(data);</script>'
    assert normalise_text(f"{story}\n{listing}") == f"{story}\n{listing}"


def test_also_heads_a_short_headline_not_a_long_german_sentence():
    assert residue_reason("Also: Five ferries that changed the harbour") == "related_link"
    line = (
        "Also: Niemand hat etwas gegen eine gründliche Prüfung der Hafengebühren, aber bitte ohne Eile und"
        " ohne neue Schulden für die Gemeinde"
    )
    assert residue_reason(line) is None


def test_dates_of_a_schedule_stay_and_a_lone_date_stamp_goes():
    story = "Donors can give blood at these clinics this month:"
    schedule = (
        "Tuesday, March 10, 2009\nSt. Anne's Hall\n3:30 - 8:00 pm\n"
        "Saturday, March 14, 2009\nRiverside Library\n10:00 am - 3:00 pm\n"
        "Monday, March 16, 2009\nHarbour Church\n2:00 - 8:00 pm"
    )
    assert normalise_text(f"{story}\n{schedule}") == f"{story}\n{schedule}"
    stamped = f"Tuesday, March 10, 2009\n{story}\nSt. Anne's Hall, 3:30 - 8:00 pm\nPosted: 9:12 AM Mar 9, 2009"
    assert normalise_text(stamped) == f"{story}\nSt. Anne's Hall, 3:30 - 8:00 pm"
    # Labelled stamps go even beside a schedule.
    assert "Posted" not in normalise_text(f"Posted: 9:12 AM Mar 9, 2009\n{story}\n{schedule}")
