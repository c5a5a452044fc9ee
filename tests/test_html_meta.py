"""Metadata the ``html`` parser finds in pages without JSON-LD, on pages written for these tests:
the headline from ``og:title``, ``<h1>`` or ``<title>``, fields free of markup and character
references, a published date from the page itself, and the language from everything the page
says."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

import articlekit
from articlekit.formats.html.meta import normalise_language, plain_text, title_headline, url_date
from articlekit.model import Article

PROSE = (
    "The harbour board met on Monday and agreed to dredge the channel before winter, after pilots "
    "warned that larger ships could no longer turn in the basin at low tide."
)
BODY = "".join(f"<p>{PROSE} Paragraph {i}.</p>" for i in range(3))


def page(head: str = "", body: str = BODY, html_attributes: str = "") -> bytes:
    return (
        f'<!DOCTYPE html><html{html_attributes}><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'
    ).encode()


def parse(data: bytes, **options: object) -> Article:
    return articlekit.parse(data, format="html", enrich=False, **options)


def source(article: Article, field: str) -> str:
    provenance = article.extensions["provenance"]
    assert isinstance(provenance, dict)
    return str(provenance.get(field))


# --------------------------------------------------------------------------- headline


def test_og_title_comes_before_the_page_itself() -> None:
    article = parse(page('<meta property="og:title" content="Dredging agreed"><title>Home | Gazette</title>'))
    assert article.headline == "Dredging agreed"


def test_the_h1_the_title_holds_is_the_headline() -> None:
    body = "<h1>Gazette</h1><article><h1>Dredging agreed for the harbour</h1>" + BODY + "</article>"
    article = parse(page("<title>Dredging agreed for the harbour - Gazette</title>", body))
    assert article.headline == "Dredging agreed for the harbour"
    assert source(article, "headline") == "the <h1> on the page"
    assert not article.body[0].text.startswith("Dredging agreed")  # type: ignore[union-attr]


def test_without_a_title_the_h1_nearest_before_the_text_is_the_headline() -> None:
    body = (
        '<div class="top"><h1>The Harbour Gazette</h1></div><nav><h1>Menu</h1></nav>'
        f"<div><h1>Dredging agreed</h1><p>{PROSE}</p><h1>Comments</h1></div>"
    )
    article = parse(page('<meta property="og:site_name" content="The Harbour Gazette">', body))
    assert article.headline == "Dredging agreed"


@pytest.mark.parametrize(
    ("head", "base_url", "expected"),
    [
        ('<meta property="og:site_name" content="Springfield Times">', None, "Dredging agreed at last"),
        ("", "https://www.springfieldtimes.example/news/1", "Dredging agreed at last"),
        ("", None, "Dredging agreed at last"),  # no name to go on: the short part at the end
    ],
)
def test_the_title_without_the_sites_name(head: str, base_url: str | None, expected: str) -> None:
    data = page(f"<title>Dredging agreed at last | Springfield Times</title>{head}", f"<div>{BODY}</div>")
    article = parse(data, base_url=base_url) if base_url else parse(data)
    assert article.headline == expected
    assert source(article, "headline") == "<title>, without the site's name"
    markdown = articlekit.dumps(article, "md")
    assert isinstance(markdown, str)
    assert "\n# Dredging agreed at last\n" in markdown


def test_title_headline() -> None:
    assert title_headline("Budget passes - BBC News", {"bbc"}) == "Budget passes"
    assert title_headline("BBC News - Budget passes", {"bbc"}) == "Budget passes"
    assert title_headline("Budget passes | Politics | The Gazette") == "Budget passes"
    assert title_headline("Gazette :: Council votes to dredge the harbour") == "Council votes to dredge the harbour"
    assert title_headline("Anti-war march - and a counter-march - fill the square", {"gazette"}) == (
        "Anti-war march - and a counter-march - fill the square"
    )
    assert title_headline("Gone fishing at last — Harbour Blog") == "Gone fishing at last"
    # a dash before a part longer than the rest: nothing tells the site's name from the headline
    # (13m12: on the web-dev pages the whole title reads as the <h1> on 4 such pages, the part
    # before the dash on 3), so the title stays whole rather than leave only a name, unless what
    # stands before the dash is in sentence case, as a headline and no name is (13f12)
    assert title_headline("Gone Fishing! — Jane's Harbour Blog") == "Gone Fishing! — Jane's Harbour Blog"
    assert title_headline("Gone fishing! — Jane's Harbour Blog") == "Gone fishing!"
    assert title_headline("Dredging agreed") == "Dredging agreed"
    assert title_headline("Gazette | Gazette", {"gazette"}) == "Gazette"


# --------------------------------------------------------------------------- plain text


def test_no_character_reference_nor_markup_reaches_a_field() -> None:
    ld = {
        "@type": "NewsArticle",
        "headline": "&#8216;The Medium is the Message&#8217;&nbsp;at 50",
        "description": (
            'Pilots warned the board &amp;quot;again&amp;quot;. <a class="read-more" href="/x">Read more</a>'
        ),
        "author": {"@type": "Person", "name": "Jane <b>Doe</b>"},
        "keywords": ["Gas &amp; Electric"],
    }
    head = (
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
        '<meta property="og:image" content="https://x.example/a.jpg">'
        '<meta property="og:image:alt" content="The basin &lt;br&gt; at low tide">'
    )
    article = parse(page(head))
    assert article.headline == "\u2018The Medium is the Message\u2019 at 50"
    assert article.summary == 'Pilots warned the board "again".'
    assert [a.name for a in article.authors] == ["Jane Doe"]
    assert article.keywords == ("Gas & Electric",)
    assert article.media[0].caption == "The basin at low tide"


def test_plain_text() -> None:
    assert plain_text("Obama&#8217;s &#8220;rainbow coalition,&#8221;") == "Obama\u2019s \u201crainbow coalition,\u201d"
    assert plain_text("<p>Holiday parties</p><p>are here</p>") == "Holiday parties are here"
    assert plain_text("Quake maps <BR> Risk of liquefaction") == "Quake maps Risk of liquefaction"
    assert plain_text("wean my baby … <a href='/x'>Continue reading <span>→</span></a>") == "wean my baby …"
    assert plain_text("var x = 1; // ]]> --></script> The story") == "The story"
    # a title in angle brackets, as Korean text writes them, is no markup
    korean_title = "came to watch <The Palace: Tale of Jang Noksu>"
    assert plain_text(korean_title) == korean_title
    assert plain_text("2 < 3 & 4 > 1") == "2 < 3 & 4 > 1"


# --------------------------------------------------------------------------- dates


def test_a_date_line_under_the_headline() -> None:
    body = f'<h1>Dredging agreed</h1><div class="info">Posted on March 3, 2012 by Jane Doe</div><p>{PROSE}</p>'
    article = parse(page("<title>Dredging agreed | Gazette</title>", body + BODY))
    assert article.published == datetime(2012, 3, 3)
    assert source(article, "published") == "the date shown on the page"


def test_a_date_in_the_text_or_far_from_the_headline_is_not_the_published_date() -> None:
    prose = f"<p>{PROSE} The work starts on March 3, 2031.</p>"
    after = "<p>" + PROSE + "</p><p>March 3, 2031</p>"
    for body in (prose, after):
        article = parse(page("<title>Dredging agreed | Gazette</title>", "<h1>Dredging agreed</h1>" + body + BODY))
        assert article.published is None


def test_the_date_in_the_pages_address_comes_last() -> None:
    head = '<link rel="canonical" href="https://gazette.example/news/2019/nov/18/dredging-agreed/">'
    article = parse(page(head))
    assert article.published == datetime(2019, 11, 18)
    assert source(article, "published") == "the date in the page's URL"
    timed = parse(page(head + '<meta property="article:published_time" content="2019-11-19T08:00:00Z">'))
    assert timed.published is not None and timed.published.day == 19


def test_url_date() -> None:
    assert url_date("https://x.example/2019/11/28/story") == datetime(2019, 11, 28)
    assert url_date("https://x.example/2019-11-28-story.html") == datetime(2019, 11, 28)
    assert url_date("https://x.example/story-20191115/") == datetime(2019, 11, 15)
    assert url_date("https://x.example/2019/sept/02/story") == datetime(2019, 9, 2)
    for url in ("https://x.example/2019/13/28/x", "https://x.example/id/12345678/", "https://x.example/2019/x/", None):
        assert url_date(url) is None


# --------------------------------------------------------------------------- language


@pytest.mark.parametrize(
    ("head", "attributes", "expected", "where"),
    [
        ("", ' lang="EN_gb"', "en-GB", "<html lang>"),
        ("", ' xml:lang="fr"', "fr", "<html lang>"),
        ('<meta property="og:locale" content="pt_BR">', "", "pt-BR", "OpenGraph"),
        ('<meta http-equiv="Content-Language" content="de-AT, de">', "", "de-AT", "<meta>"),
        ('<meta name="language" content="English">', "", "en", "<meta>"),
        (
            '<script type="application/ld+json">{"@type": "WebPage", "inLanguage": "pt-BR"}</script>',
            "",
            "pt-BR",
            "JSON-LD",
        ),
        (
            '<link rel="alternate" hreflang="en-gb" href="/a"><link rel="alternate" hreflang="en-us" href="/a">'
            '<link rel="alternate" hreflang="x-default" href="/a">',
            "",
            "en",
            "<link rel=alternate hreflang>",
        ),
        ('<meta property="og:locale" content="javascript">', ' lang="nl"', "nl", "<html lang>"),
    ],
)
def test_the_language_from_everything_the_page_says(head: str, attributes: str, expected: str, where: str) -> None:
    article = parse(page(head, html_attributes=attributes))
    assert article.language == expected
    assert source(article, "language") == where


def test_no_language_when_the_page_names_several_or_none() -> None:
    several = '<link rel="alternate" hreflang="en" href="/en"><link rel="alternate" hreflang="fr" href="/fr">'
    for head, attributes in ((several, ""), ("", ' lang=""'), ("", ' lang="und"')):
        assert parse(page(head, html_attributes=attributes)).language is None


def test_normalise_language() -> None:
    assert normalise_language("zh-hant-tw") == "zh-Hant-TW"
    assert normalise_language("es-419") == "es-419"
    assert normalise_language("en-US; q=0.8") == "en-US"
    for junk in ("", "und", "x-default", "en_US_POSIX_extra_long_thing", "1234"):
        assert normalise_language(junk) is None


def test_a_page_saved_without_its_head_takes_the_element_named_for_the_headline() -> None:
    body = (
        '<div class="site-title">The Harbour Gazette</div><div class="nav-title">Local news</div>'
        '<h3 class="storyheadline">Dredging agreed after pilots warn the board</h3>' + BODY
    )
    article = parse(f"<html><body>{body}</body></html>".encode())
    assert article.headline == "Dredging agreed after pilots warn the board"
    assert source(article, "headline") == "an element named for the headline"
    links = '<div class="headline">Home | News | Sport</div><span class="article-title">Menu</span>' + BODY
    assert parse(f"<html><body>{links}</body></html>".encode()).headline == ""


# --------------------------------------------------------------------------- computing less


def test_short_text_reads_no_further_than_it_takes_to_tell() -> None:
    from lxml import html as lxml_html

    from articlekit.formats.html import meta

    samples = [
        "<div>Posted on <b>March 3</b>, 2012</div>",
        "<div>  \n </div>",
        "<div>" + "<span>   </span>" * 400 + "<i>March 3, 2012</i></div>",  # mostly white space
        "<div>" + "<span>word </span>" * 29 + "<span>four</span></div>",  # exactly at the limit
        "<div>" + "<span>word </span>" * 29 + "<span>fou</span></div>",  # one under it
        f"<div><p>{PROSE}</p><p>{PROSE}</p></div>",
    ]
    for markup in samples:
        element = lxml_html.fragment_fromstring(markup)
        whole = meta._own_text(element)
        for limit in (1, 6, 101, 150, 151, 401):
            assert meta._short_text(element, limit) == (whole if len(whole) < limit else None), (markup, limit)


def test_a_date_line_inside_the_wrapper_after_the_headline() -> None:
    # the wrapper right under the headline holds the whole article (long: passed over), the
    # date line inside it comes next in document order
    body = (
        f'<h1>Dredging agreed</h1><div class="wrap"><div class="info">Posted on March 3, 2012 by Jane Doe</div>'
        f"<p>{PROSE}</p>{BODY}</div>"
    )
    article = parse(page("<title>Dredging agreed | Gazette</title>", body))
    assert article.published == datetime(2012, 3, 3)
    assert source(article, "published") == "the date shown on the page"


def test_a_value_for_a_field_already_filled_is_not_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from articlekit.formats.html import meta

    head = (
        '<meta property="article:published_time" content="2019-11-19T08:00:00Z"><meta name="date" content="2019-11-18">'
    )
    converted: list[str] = []
    original = meta.parse_page_date

    def parse_page_date(value: str | None) -> datetime | None:
        converted.append(str(value))
        return original(value)

    monkeypatch.setattr(meta, "parse_page_date", parse_page_date)
    body = '<span itemprop="datePublished">November 17, 2019</span>' + BODY
    article = parse(page(head, body))
    assert article.published is not None and article.published.day == 19
    assert converted == ["2019-11-19T08:00:00Z"]  # neither the other meta date nor the microdata one


def test_the_microdata_elements_are_every_element_with_an_itemprop_in_document_order() -> None:
    """``_WITH_ITEMPROP`` reaches the elements from their ``itemprop`` attributes: the same
    elements, in the same order, as a test of every element for the attribute, nested ones and
    the root included; an ``itemprop`` in another namespace is not one."""
    from lxml import etree

    from articlekit.formats.html import meta

    markup = (
        '<html itemprop="page"><body><div itemscope itemprop="author">'
        '<span itemprop="name">Ann <b itemprop="givenName">Lee</b></span></div>'
        '<p>text</p><time itemprop="datePublished" datetime="2024-01-02">2 Jan</time>'
        '<div><div><em ITEMPROP="headline">Loud</em></div><i data-itemprop="no">x</i></div>'
        '<svg xmlns:x="urn:x"><g x:itemprop="no"/></svg><p itemprop="">empty</p></body></html>'
    )
    root = etree.fromstring(markup, etree.HTMLParser())
    expected = [element for element in root.iter() if element.get("itemprop") is not None]
    assert [element.tag for element in expected] == ["html", "div", "span", "b", "time", "em", "p"]
    assert meta._WITH_ITEMPROP(root) == expected
    assert meta._WITH_ITEMPROP(root.find("body/div")) == expected[1:4]
