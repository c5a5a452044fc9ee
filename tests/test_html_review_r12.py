"""The web review rv12w's findings on this session's page changes (UTF-16 without a mark, the
headline rules, Markdown), mended by 13f12: each test is the finding's own case, on a page or a
text written for this module (none is copied from a site or a corpus)."""

from __future__ import annotations

import pytest

from articlekit.formats.html.meta import title_headline
from tests.test_html_meta import BODY, page, parse, source

# --------------------------------------------------------------------------- 1: the <h1> settles a title kept whole


@pytest.mark.parametrize(
    ("title", "h1"),
    [
        ("Fed Raises Rates - The Wall Street Journal", "Fed Raises Rates"),
        ("Vacations! — Paulo Coelho's Blog", "Vacations!"),  # docs/formats/html.md's "cut before" page
        ("Harbour Dredging Agreed - Springfield Times Online", "Harbour Dredging Agreed"),
    ],
)
def test_an_h1_that_is_the_leading_part_of_a_title_kept_whole_is_the_headline(title: str, h1: str) -> None:
    article = parse(page(f"<title>{title}</title>", f"<h1>{h1}</h1>{BODY}"))
    assert article.headline == h1
    assert source(article, "headline") == "the <h1> on the page"
    assert not article.text.startswith(h1)  # the headline leaves the body


def test_an_h1_naming_a_trailing_part_stays_something_else() -> None:
    # the blog's name above its post: the leading part only settles the title
    article = parse(
        page("<title>Fed Raises Rates - The Wall Street Journal</title>", f"<h1>Wall Street Journal</h1>{BODY}")
    )
    assert article.headline == "Fed Raises Rates - The Wall Street Journal"


def test_a_permalink_sign_is_no_part_of_a_heading_headline() -> None:
    # a documentation page's headings end with <a class="headerlink">¶</a>
    body = '<h1>Shared Mutable History<a class="headerlink" href="#shared">¶</a></h1>' + BODY
    article = parse(page("<title>Shared Mutable History | Evolve 1.0</title>", body))
    assert article.headline == "Shared Mutable History"


# --------------------------------------------------------------------------- 2: a long <title> in linear time


@pytest.mark.parametrize("dash", ["-", "–", "—"])
def test_a_title_of_many_dashed_parts_is_read_in_linear_time(dash: str) -> None:
    # 25,000 parts: quadratic, this took about a minute (a "|" title 50 ms); no clock here, the
    # suite's own time is the bound
    title = f"A {dash} " * 25_000 + "B"
    assert title_headline(title) == "A"
    assert parse(page(f"<title>{title}</title>")).headline == "A"


# --------------------------------------------------------------------------- 3: the held dash rule


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # sentence case before the dash: a headline, and what follows it the site's name
        ("Budget passes - The Springfield Daily Herald", "Budget passes"),
        ("Merkel tritt zurück - Frankfurter Allgemeine Zeitung", "Merkel tritt zurück"),
        ("Мэр ушёл в отставку - Российская Газета Онлайн", "Мэр ушёл в отставку"),
        ("Gone fishing! — Jane's Harbour Blog", "Gone fishing!"),
        # title case or capitals: nothing tells a name from a headline, and the title stays whole
        ("Storm Hits Coast - Thousands Flee Their Homes", "Storm Hits Coast - Thousands Flee Their Homes"),
        ("Zee Times - Om Shanti Om Reviewed", "Zee Times - Om Shanti Om Reviewed"),
        ("Hall of Fame - Stanley Cup Journals", "Hall of Fame - Stanley Cup Journals"),  # short words aside
        ("EDDIE ROSS - On Quadrille Today", "EDDIE ROSS - On Quadrille Today"),
        # a site's name shorter than the headline goes as before, whatever its case
        ("Council votes to dredge the harbour - Daily Herald", "Council votes to dredge the harbour"),
    ],
)
def test_the_dash_holds_a_title_whole_only_after_a_part_not_in_sentence_case(title: str, expected: str) -> None:
    assert title_headline(title) == expected


def test_a_name_given_by_the_page_still_goes_after_title_case() -> None:
    head = '<title>Mayor Resigns - Springfield News-Leader</title><meta property="og:site_name" content="News-Leader">'
    assert parse(page(head)).headline == "Mayor Resigns"
