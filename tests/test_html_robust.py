"""The ``html`` parser on damaged pages written for these tests: stray NUL and control bytes,
nesting past libxml2's depth limit, and pages with no article text."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

import articlekit
from articlekit.cli import main
from articlekit.encoding import looks_binary
from articlekit.errors import ParseError
from articlekit.model import Article

PROSE = (
    "The harbour board met on Monday and agreed to dredge the channel before winter, after pilots "
    "warned that larger ships could no longer turn in the basin at low tide."
)


def parse(data: bytes) -> Article:
    return articlekit.parse(data, format="html", enrich=False, name="page.html")


def story(middle: bytes = b"") -> bytes:
    """A plain page: a title, a headline and three paragraphs, ``middle`` after the first."""
    head = b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Dredging agreed</title></head>'
    first = b"<p>" + PROSE.encode() + b" First.</p>"
    rest = b"".join(b"<p>" + PROSE.encode() + f" Paragraph {i}.</p>".encode() for i in (2, 3))
    return head + b"<body><article><h1>Dredging agreed</h1>" + first + middle + rest + b"</article></body></html>"


# --------------------------------------------------------------------------- stray bytes


def test_nul_bytes_inside_a_real_page_do_not_make_it_binary() -> None:
    data = story(b"<!-- saved by a broken tool \x00\x00 -->") + b"\x00" * 3
    data = data.replace(b"First.", b"Fi\x00rst.")
    assert b"\x00" in data and not looks_binary(data)
    article = parse(data)
    assert "at low tide. First.\n" in article.text
    assert "\x00" not in article.text and "Paragraph 3." in article.text


def test_other_stray_control_bytes_are_dropped_and_a_form_feed_is_a_space() -> None:
    article = parse(story().replace(b"First.", b"Fir\x01st\x1b.\x0cEnd."))
    assert "at low tide. First. End.\n" in article.text


def test_the_quick_look_for_stray_controls_finds_exactly_the_characters_that_are_dropped() -> None:
    from articlekit.formats.html.parser import _STRAY_CONTROL_CHARS, _STRAY_CONTROLS

    dropped = {c for c in map(chr, range(0x110000)) if _STRAY_CONTROLS.match(c)}
    assert set(_STRAY_CONTROL_CHARS) == dropped


def test_stray_controls_in_a_page_beyond_ascii_are_dropped_whatever_its_charset() -> None:
    page = story().decode().replace("First.", "Fir\x01st — naïve\x7f.\x0cEnd.")
    for data in (page.encode(), page.replace('charset="utf-8"', 'charset="utf-16"').encode("utf-16")):
        assert "at low tide. First — naïve. End.\n" in parse(data).text
    assert "First — naïve" in parse(story().decode().replace("First.", "First — naïve.").encode()).text


def test_stray_controls_are_looked_for_in_the_bytes_only_where_the_charset_keeps_them() -> None:
    import random

    from articlekit.formats.html.parser import _BYTE_FAITHFUL, _STRAY_CONTROL_CHARS, _holds_stray_controls

    rng = random.Random(13)
    pool = "ab <>\t\n\r\x0c\x0b\x00\x1f\x7f\x80\x9féü€—“”あ𝄞"
    for charset in (*sorted(_BYTE_FAITHFUL), "utf-16", "cp1251"):
        for _ in range(300):
            text = "".join(rng.choice(pool) for _ in range(rng.randrange(8)))
            try:
                data = text.encode(charset)
                if data.decode(charset) != text:
                    continue
            except UnicodeError:
                continue
            held = any(c in text for c in _STRAY_CONTROL_CHARS)
            assert _holds_stray_controls(data, text, charset) is held, (charset, text)


def test_a_utf8_page_read_from_its_bytes_gives_the_tree_its_text_gives() -> None:
    # libxml2 reads a UTF-8 page's own bytes (no conversion of a string): whatever charset the page
    # declares, the bytes are read as the UTF-8 the page was decoded from
    from lxml import etree

    from articlekit.formats.html.parser import _parse_tree, decode_page

    declarations = (
        '<meta charset="iso-8859-1">',
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
        '<meta charset="shift_jis">',
        '<?xml version="1.0" encoding="iso-8859-1"?>',
        "",
        # charsets that do not read ASCII, ignored: the page is read as UTF-8 and from its bytes
        '<meta charset="utf-16">',
        '<meta charset="cp037">',
        '<meta charset="utf-7">',
    )
    for number, declaration in enumerate(declarations):
        line_end = ("\n", "\r\n", "\r")[number % 3]
        page = (
            f"<!DOCTYPE html><html><head>{declaration}<title>Naïve — “t”</title></head>{line_end}"
            f"<body><p>Café — naïve “quotes” あ 𝄞 &amp; &eacute;</p>{line_end}<p>\ufffe\uffff\ufeff</p></body></html>"
        )
        data = page.encode()
        text, charset = decode_page(data)
        assert charset == "utf-8"
        from_text = etree.tostring(_parse_tree(text, "page.html"), encoding=str)
        assert etree.tostring(_parse_tree(text, "page.html", data), encoding=str) == from_text
        assert "Café — naïve “quotes” あ 𝄞 &amp; é" in from_text
        assert parse(data).text.endswith("Café — naïve “quotes” あ 𝄞 & é")


def test_real_binary_data_is_still_refused() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02" + bytes(range(256)) * 40
    for data in (png, b"<html>" + bytes(range(256)) * 100):
        with pytest.raises(ParseError, match="binary"):
            parse(data)


# --------------------------------------------------------------------------- depth


@pytest.mark.parametrize("depth", [300, 3000, 100_000])
def test_nesting_past_the_parsers_depth_limit_keeps_all_the_text(depth: int) -> None:
    nest = b"<div>" * depth + b"<p>" + PROSE.encode() + b" Deep inside.</p>" + b"</div>" * depth
    article = parse(story(nest))
    text = article.text
    assert "Deep inside." in text
    # what follows the deep part is read too: libxml2 alone stops at its limit and drops the rest
    assert "Paragraph 3." in text
    assert article.headline == "Dredging agreed"


def test_unclosed_tags_past_the_depth_limit_keep_their_text() -> None:
    data = b"<html><body>" + b"<div><span><b>" * 2000 + PROSE.encode() + b" The end."
    assert parse(data).text.endswith("The end.")


# --------------------------------------------------------------------------- no text


NO_TEXT = (
    b'<!DOCTYPE html><html><head><title>Gazette</title><meta property="og:title" content="Dredging agreed">'
    b'</head><body><div id="app"></div><script>render("#app", window.__STATE__)</script></body></html>'
)
"""A page whose text is drawn by a script: a headline in its metadata, and nothing to read."""


def test_a_page_with_no_article_text_is_an_error_that_says_so() -> None:
    for data in (NO_TEXT, b"<html><body><img src='a.jpg'></body></html>", b"<html><head><title>x</title></head>"):
        with pytest.raises(ParseError, match="no article text found") as caught:
            parse(data)
        assert caught.value.file == "page.html"


def test_the_cli_reports_a_page_with_no_text_and_exits_non_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.html").write_bytes(NO_TEXT)
    status = main(["convert", str(tmp_path / "empty.html"), "--to", "json", "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status != 0
    assert "empty.html" in err and "no article text found" in err
    assert "Traceback" not in err


def test_a_broken_xml_declaration_does_not_stop_the_page() -> None:
    for start in (
        b'<?xml version="1.0" encoding="utf-8, harbour, dredging" />\n',
        b'<!-- saved -->\n<?xml version="1.0"?>',
    ):
        article = parse(start + story())
        assert "Paragraph 3." in article.text


@pytest.mark.parametrize("enabled", [True, False])
def test_the_garbage_collector_is_left_as_it_was_after_a_page_read_or_refused(
    enabled: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (the parser pauses it while it reads a page: see formats.html.parser._collector_paused)
    import gc

    def broken(*args: object, **kwargs: object) -> None:
        assert not gc.isenabled()
        raise RuntimeError("broken")

    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        assert parse(story()).text
        assert gc.isenabled() is enabled
        with pytest.raises(ParseError, match="no article text"):
            parse(b"<html><body><div> </div></body></html>")
        assert gc.isenabled() is enabled
        # (lxml's function, looked up on its module at each call: a compiled parser's own
        # functions call each other directly, past a patch of their module's names)
        monkeypatch.setattr(etree, "strip_elements", broken)
        with pytest.raises(RuntimeError, match="broken"):
            parse(story())
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


@pytest.mark.parametrize("charset", ["cp037", "cp500", "utf-7", "hz-gb-2312", "utf-32", "unicode_escape", "punycode"])
def test_a_declared_charset_that_does_not_read_ascii_is_ignored(charset: str) -> None:
    # the declaration was read in ASCII, so the page is not in EBCDIC (whose bytes would decode
    # to no markup at all), UTF-7 or HZ (whose "+" and "~" start other characters); punycode's
    # decoding error is a UnicodeError, no UnicodeDecodeError, and came through as a traceback
    page = story().replace(b'charset="utf-8"', f'charset="{charset}"'.encode())
    page = page.replace(b" First.", " First: C++ at A+B ~{x}~ \\u00e9, café.".encode())
    article = parse(page)
    assert "First: C++ at A+B ~{x}~ \\u00e9, café." in article.body[0].text  # type: ignore[union-attr]


def test_a_page_declaring_punycode_reads_through_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(story().replace(b'charset="utf-8"', b'charset="punycode"'))
    assert main(["convert", str(page), "--from", "html", "--to", "json"]) == 0
    assert "Dredging agreed" in capsys.readouterr().out


# --------------------------------------------------------------------------- a title never closed

COOKIES = (
    b'<div class="cookie-banner"><p>We use cookies to improve your experience on this site. '
    b"Accept all cookies or manage your settings.</p></div>"
)
AFTER = (
    b'<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Ferry timetable changes '
    b'for the winter months</a></li><li><a href="/b">New berth for cruise ships opens in spring</a></li></ul></aside>'
    b'<div class="author-bio"><p>Mara Quill covers the port and the river for the Harbour Gazette '
    b"and has written about shipping since 2009.</p></div>"
    b'<div id="comments" class="comments"><h3>3 comments</h3><div class="comment"><p>About time too, '
    b"the pilots have been saying this for years and nobody listened to them.</p></div></div>"
    b"<footer><p>Copyright 2024 Harbour Gazette. All rights reserved. Contact us, terms, privacy.</p></footer>"
)


def damaged(cut: bytes, head_rest: bytes = b"") -> bytes:
    """``story()`` with its ``</title>`` cut out and ``cut`` in its place (the remains of what a
    damaged copy lost), a cookie banner, a related box, an author's box, comments and a footer
    around the article."""
    page = story().replace(b"</head>", head_rest + b"</head>")
    page = page.replace(b"<body><article>", b"<body>" + COOKIES + b"<article>")
    page = page.replace(b"</article>", b"</article>" + AFTER)
    return page.replace(b"Dredging agreed</title>", b"Dredging agreed" + cut, 1)


@pytest.mark.parametrize(
    "cut",
    [
        b"",  # the end tag alone lost
        b" - Harbour Gazettent.write('x');\nvar ads = \"top\";\n}\n</script>\n",  # a script's end left
        b' | News</titavaScript" src="/js/site.js">',  # cut inside the end tag: a bogus end tag
        b'</titlevalue="true" -->',  # the same, with an end tag name run on
    ],
)
def test_a_title_never_closed_does_not_swallow_the_page(cut: bytes) -> None:
    scripts = b'<script src="/a.js"></script><link rel="stylesheet" href="/s.css">' * 3
    article = parse(damaged(cut, scripts + b"<meta name='x' content='" + b"y" * 1200 + b"'>"))
    text = article.text
    assert "at low tide. First." in text and "Paragraph 3." in text
    # the page's furniture is still left out, and the remains of the cut are not text
    for furniture in ("cookies", "Related stories", "Mara Quill", "pilots have been saying", "Copyright"):
        assert furniture not in text
    assert "var ads" not in text and "javaScript" not in text.lower().replace(" ", "")
    assert article.headline == "Dredging agreed"


SVG_ICON = b'<svg viewBox="0 0 24 24"><title>Share on social media</title><path d="M0 0h24v24H0z"/></svg>'


@pytest.mark.parametrize(
    ("cut", "head_rest", "body_rest"),
    [
        # an icon's title later in the page: libxml2 closes the head's title there (review rv18x)
        (b"", b"", SVG_ICON),
        # a title written out in a comment before the real one, and comments in the body
        (b"", b"", b"<!-- mid ad -->"),
        # the first line run on into junk longer than any title: no title kept, the h1 stands
        (b" " + b"junk " * 100 + b"\n", b"", b""),
        # lines ended by a carriage return alone
        (b"\r" + b"junk " * 10 + b"\r", b"", b""),
    ],
)
def test_a_title_never_closed_is_mended_past_icons_comments_and_junk(
    cut: bytes, head_rest: bytes, body_rest: bytes
) -> None:
    page = damaged(cut, head_rest + b"<meta name='x' content='" + b"y" * 1200 + b"'>")
    page = page.replace(b"<head>", b"<head><!-- <title>Old site title -->", 1)
    page = page.replace(b"</article>", body_rest + b"</article>", 1)
    article = parse(page)
    assert "at low tide. First." in article.text and "Paragraph 3." in article.text
    assert article.headline == "Dredging agreed"
    assert "junk" not in article.text and "Old site" not in article.text


def test_a_closed_title_is_left_as_it_is() -> None:
    # a long title with markup written out in it, closed: the page is read as it was
    from articlekit.formats.html.parser import _close_title

    long_title = b"Dredging agreed: " + b"what the &lt;b&gt;board&lt;/b&gt; said, " * 40
    for closing in (b"</title>", b"</TITLE >", b"</title\n>", b"</title/>"):
        page = story().replace(b"Dredging agreed</title>", long_title + closing, 1)
        article = parse(page)
        assert "Paragraph 3." in article.text
        assert article.headline.endswith("what the board said, what the board said,")  # read whole
        tree = etree.fromstring(page, etree.HTMLParser())
        assert _close_title(tree, page.decode()) is None


@pytest.mark.parametrize(
    "page",
    [
        # no title at all
        story().replace(b"<title>Dredging agreed</title>", b""),
        # an unclosed title holding only a short text: nothing swallowed worth mending (and no markup)
        story().replace(b"</title>", b"", 1).split(b"<body>")[0] + b" continues in plain words",
        # an SVG's title in the body, never closed, and the head's title closed
        story().replace(b"<article>", b'<svg viewBox="0 0 1 1"><title>Map of the basin<g></g></svg><article>'),
    ],
)
def test_the_title_mend_leaves_other_pages_alone(page: bytes) -> None:
    from articlekit.formats.html.parser import _close_title

    tree = etree.fromstring(page, etree.HTMLParser())
    assert _close_title(tree, page.decode()) is None
