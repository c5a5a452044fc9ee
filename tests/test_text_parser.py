"""The ``text`` parser on small inputs: each kind of line, bad input, encodings, sniffing."""

from __future__ import annotations

import codecs
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import articlekit
from articlekit.detect import CONFIDENT
from articlekit.errors import ParseError
from articlekit.formats.text import rules
from articlekit.formats.text.parser import _sniff, read_text
from articlekit.model import BlockQuote, Contributor, Heading, ListBlock, Media, MediaRef, Paragraph, Place, Related


def parse(text: str | bytes, name: str = "story.txt") -> articlekit.Article:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return articlekit.parse(data, "text", name=name, enrich=False)


# --------------------------------------------------------------------------- bylines


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Xinhua", [Contributor("Xinhua", kind="organisation")]),
        (
            "By Jane Doe and John Roe, Reuters",
            [Contributor("Jane Doe", affiliation="Reuters"), Contributor("John Roe", affiliation="Reuters")],
        ),
        ("By JANE DOE Associated Press", [Contributor("JANE DOE", affiliation="Associated Press")]),
        ("Jane Doe | Staff writer", [Contributor("Jane Doe", title="Staff writer")]),
        ("By Jane Doe, Moscow correspondent", [Contributor("Jane Doe", title="Moscow correspondent")]),
        ("By The Associated Press", [Contributor("The Associated Press", kind="organisation")]),
        (
            "By Anna de Vries, Mark Jansen and Sofia Kowalski",
            [Contributor("Anna de Vries"), Contributor("Mark Jansen"), Contributor("Sofia Kowalski")],
        ),
        (
            "By Tom Krasovic, The San Diego Union-Tribune =",
            [Contributor("Tom Krasovic", affiliation="The San Diego Union-Tribune")],
        ),
    ],
)
def test_bylines(line: str, expected: list[Contributor]) -> None:
    assert rules.parse_byline(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "By the time the vote was counted, the polls had closed.",
        "By Thursday, officials had left the city.",
        "By 2015, the coal market was in a deep slide.",
        "Bylines are not always at the top.",
        "Election 2016 | Politics",
    ],
)
def test_sentences_are_not_bylines(line: str) -> None:
    assert rules.parse_byline(line) is None


def test_byline_continuation_lines() -> None:
    people = [Contributor("PAUL BYRNE")]
    assert rules.byline_continuation("Associated Press", people) == [
        Contributor("PAUL BYRNE", affiliation="Associated Press")
    ]
    assert rules.byline_continuation("AP Sports Writer=", people) == [
        Contributor("PAUL BYRNE", title="AP Sports Writer")
    ]
    assert rules.byline_continuation("The minister spoke on Monday.", people) is None


def test_a_byline_under_the_headline_with_its_agency_on_the_next_line() -> None:
    article = parse("Headline here\nBy JANE DOE\nAssociated Press\n\nWASHINGTON (AP) — Text of the story.\n")
    assert article.authors == (Contributor("JANE DOE", affiliation="Associated Press"),)
    assert article.provider == "AP"
    assert article.body == (Paragraph("Text of the story."),)


# --------------------------------------------------------------------------- captions


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        (
            "A rescuer at work. (PHOTO / UKRAINIAN EMERGENCY SERVICE VIA AFP)",
            "A rescuer at work.",
            "UKRAINIAN EMERGENCY SERVICE VIA AFP",
        ),
        ("Workers clear snow in Harbin. Photo: Reuters", "Workers clear snow in Harbin.", "Reuters"),
        ("Farmers harvest rice. [Photo/Agencies]", "Farmers harvest rice.", "Agencies"),
        (
            "The senator speaks on Thursday. (AP Photo/Sam Rivera)",
            "The senator speaks on Thursday.",
            "AP Photo/Sam Rivera",
        ),
        ("Commuters wait at the station. (Getty Images)", "Commuters wait at the station.", "Getty Images"),
        ("(AP Photo/Sam Rivera)", None, "AP Photo/Sam Rivera"),
    ],
)
def test_captions(line: str, caption: str | None, credit: str) -> None:
    found = rules.match_caption(line)
    assert found is not None
    assert (found.caption, found.credit) == (caption, credit)


@pytest.mark.parametrize(
    "line",
    [
        "The minister said the talks would continue (Reuters).",
        "He thanked his team (h/t Mediaite)",
        "Prices rose 3% (year on year)",
    ],
)
def test_paragraphs_are_not_captions(line: str) -> None:
    assert rules.match_caption(line) is None


def test_a_credit_on_its_own_line_makes_the_line_above_a_caption() -> None:
    article = parse(
        "Headline\n\nFirst paragraph of the story, long enough to be a paragraph.\n\n"
        "Protesters march in the capital on Friday.\nPhoto: Jane Doe/Reuters\n\nLast paragraph.\n"
    )
    assert article.media[0].caption == "Protesters march in the capital on Friday."
    assert article.media[0].credit == "Jane Doe/Reuters"
    assert article.body == (
        Paragraph("First paragraph of the story, long enough to be a paragraph."),
        MediaRef(0),
        Paragraph("Last paragraph."),
    )


# --------------------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("text", "places", "provider", "rest"),
    [
        ("MOSCOW/KYIV - The plan", (Place("MOSCOW"), Place("KYIV")), None, "The plan"),
        ("WASHINGTON (AP) — The Senate", (Place("WASHINGTON"),), "AP", "The Senate"),
        ("BEIJING, Nov. 28 (Xinhua) -- China's output", (Place("BEIJING"),), "Xinhua", "China's output"),
        ("LONDON, Nov 27 (Reuters) - Shares fell", (Place("LONDON"),), "Reuters", "Shares fell"),
        ("PARIS (AFP) - France said", (Place("PARIS"),), "AFP", "France said"),
        ("KYIV, Ukraine — The city", (Place("KYIV", country="Ukraine"),), None, "The city"),
        ("BUENA PARK, Calif. - Rallying", (Place("BUENA PARK", region="Calif."),), None, "Rallying"),
        ("Berlin (dpa) - Negotiations", (Place("Berlin"),), "dpa", "Negotiations"),
        ("ROSCOE, South Dakota (AP) _ Robert", (Place("ROSCOE", region="South Dakota"),), "AP", "Robert"),
        ("NEW DELHI: The government", (Place("NEW DELHI"),), None, "The government"),
        (
            "HAMBURG, Germany, Nov. 27, 2025 /PRNewswire/ -- Nordwind",
            (Place("HAMBURG", country="Germany"),),
            "PRNewswire",
            "Nordwind",
        ),
        ("(CNN) — The US and Ukraine", (), "CNN", "The US and Ukraine"),
    ],
)
def test_datelines(text: str, places: tuple[Place, ...], provider: str | None, rest: str) -> None:
    found = rules.match_dateline(text)
    assert found is not None
    assert found.places == places
    assert found.provider == provider
    assert text[found.end :] == rest


@pytest.mark.parametrize(
    "text",
    [
        "UPDATE - The figures were revised.",
        "Meanwhile - nothing happened.",
        "The - sign",
        "I - for one - agree.",
        "(Photo) - odd",
        "(laughs) - and then",
    ],
)
def test_not_datelines(text: str) -> None:
    assert rules.match_dateline(text) is None


def test_the_dateline_is_cut_from_the_first_paragraph_only() -> None:
    article = parse("Headline\n\nPARIS (AFP) - First.\n\nLONDON (Reuters) - Second.\n")
    assert article.body == (Paragraph("First."), Paragraph("LONDON (Reuters) - Second."))
    assert article.datelines == (Place("PARIS"),)
    assert article.provider == "AFP"


# --------------------------------------------------------------------------- body structure


def test_related_links() -> None:
    assert rules.match_related("ALSO READ: Kremlin says it is too early") == Related(
        "Kremlin says it is too early", label="ALSO READ"
    )
    assert rules.match_related("Read more: How it works https://example.com/x") == Related(
        "How it works", label="Read more", url="https://example.com/x"
    )
    assert rules.match_related("Related: Title here") == Related("Title here", label="Related")
    assert rules.match_related("Relatedly, the minister said") is None


def test_end_matter_credits() -> None:
    assert rules.credit_line(
        "(Reporting by Jane Doe in London; Additional reporting by John Roe; Editing by Max Power)"
    ) == [
        Contributor("Jane Doe", role="reporting"),
        Contributor("John Roe", role="additional reporting"),
        Contributor("Max Power", role="editing"),
    ]
    assert rules.credit_line("- Editing by: Joseph Nasr") == [Contributor("Joseph Nasr", role="editing")]
    assert rules.credit_line("AP writer Lena Park in Des Moines, Iowa, contributed to this report.") == [
        Contributor("Lena Park", role="contributing", affiliation="AP")
    ]
    assert rules.credit_line("The report was written by officials in Kyiv.") is None


@pytest.mark.parametrize(
    "mark",
    [
        "-- End --",
        "###",
        "-30-",
        "ENDS",
        "Enditem",
        "(END)",
        "# Notebook",
        "# dpa NOTEBOOK",
        "Copyright 2025 The Associated Press. All rights reserved. This material may not be published.",
        "© 2025 The Riverside Courier",
        "Our Standards: The Thomson Reuters Trust Principles.",
    ],
)
def test_end_marks_end_the_body(mark: str) -> None:
    article = parse(f"Headline\n\nThe story.\n\n{mark}\n\nContact: press@example.com\n(Editing by Max Power)\n")
    assert article.body == (Paragraph("The story."),)
    assert article.authors == (Contributor("Max Power", role="editing"),)


def test_lists_headings_and_separators() -> None:
    article = parse(
        "Headline\n\nThe council listed three steps:\n\n"
        "1. Repair the bridge.\n2. Widen the road.\n3) Paint the lines.\n\n"
        "Subheading here\n\nMore text follows here.\n\n* * *\n\n- one\n- two\n\n## A marked heading\n\nEnd text.\n\n"
        "- Old hands -\n\nClosing paragraph.\n"
    )
    assert article.body == (
        Paragraph("The council listed three steps:"),
        ListBlock(("Repair the bridge.", "Widen the road.", "Paint the lines."), ordered=True),
        Heading("Subheading here"),
        Paragraph("More text follows here."),
        ListBlock(("one", "two")),
        Heading("A marked heading", level=2),
        Paragraph("End text."),
        Heading("Old hands"),
        Paragraph("Closing paragraph."),
    )


def test_short_lines_that_are_not_headings() -> None:
    # a question, a line with final punctuation, the last line, a line inside a block
    article = parse(
        "Headline\n\nFirst paragraph.\n\nWhat happens now?\n\nRams 54, Chiefs 51.\n\n"
        "Line one\nLine two\n\nSign-off line\n"
    )
    assert not any(isinstance(b, Heading) for b in article.body)


def test_paragraph_text_is_verbatim() -> None:
    line = "  “Quoted,”  he said -- with  double  spaces and a\u00a0no-break space ‘here’.\u00a0"
    article = parse(f"Headline\n\n{line}\n")
    assert article.body == (Paragraph(line.strip()),)


def test_hard_wrapped_paragraphs_are_unwrapped() -> None:
    wrapped = (
        "Headline of the wrapped story\n\n"
        "   The first paragraph of a story that was wrapped by an old\n"
        "wire system at a width of about sixty characters per line.\n\n"
        "   The second paragraph, which is also wrapped over several\n"
        "lines of text, so the parser has to join them back together\n"
        "with single spaces.\n"
    )
    article = parse(wrapped)
    assert article.body == (
        Paragraph(
            "The first paragraph of a story that was wrapped by an old wire system at a width of about sixty "
            "characters per line."
        ),
        Paragraph(
            "The second paragraph, which is also wrapped over several lines of text, so the parser has to join "
            "them back together with single spaces."
        ),
    )


def test_header_dates_and_subheadline() -> None:
    article = parse(
        "Published: 12:44, November 28, 2025 | Updated: 13:00, November 28, 2025\n"
        "A headline\nA deck that explains the headline\n\nBody text.\n"
    )
    assert article.published == datetime(2025, 11, 28, 12, 44)
    assert article.updated == datetime(2025, 11, 28, 13, 0)
    assert article.subheadline == "A deck that explains the headline"
    guardian = parse("Headline\nPosted Fri 28 Nov 2025 at 1:05pm, updated Fri 28 Nov 2025 at 3:10pm\n\nBody.\n")
    assert (guardian.published, guardian.updated) == (datetime(2025, 11, 28, 13, 5), datetime(2025, 11, 28, 15, 10))
    assert parse("Headline\n28 Nov 2025 · 5 min read\n\nBody.\n").published == datetime(2025, 11, 28)
    est = parse("Updated 3:05 PM EST, Fri November 28, 2025\nHeadline\n\nBody.\n")
    assert est.updated == datetime(2025, 11, 28, 15, 5, tzinfo=timezone(timedelta(hours=-5)))


def test_bare_text_first_line_is_the_headline() -> None:
    article = read_text("Clinton leads in new poll.\n\nShe leads by four points.\n\n“It is close,” he said.\n")
    assert article.headline == "Clinton leads in new poll."
    assert article.body == (Paragraph("She leads by four points."), Paragraph("“It is close,” he said."))


def test_lines_without_blank_lines_are_paragraphs() -> None:
    article = read_text("Headline\nFirst paragraph, a whole line of text.\nSecond paragraph, another line.\n")
    assert article.subheadline is None
    assert article.body == (
        Paragraph("First paragraph, a whole line of text."),
        Paragraph("Second paragraph, another line."),
    )


def test_no_blockquotes_invented() -> None:
    article = parse("Headline\n\n> not a block quote marker we read\n")
    assert not any(isinstance(b, BlockQuote) for b in article.body)


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("data", "charset"),
    [
        (codecs.BOM_UTF8 + "Zürich “news”\n\nBody – text.\n".encode(), "utf-8"),
        (codecs.BOM_UTF16_LE + "Zürich “news”\n\nBody – text.\n".encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + "Zürich “news”\n\nBody – text.\n".encode("utf-16-be"), "utf-16"),
        ("Zürich “news”\n\nBody – text.\n".encode("cp1252"), "cp1252"),
    ],
)
def test_encodings(data: bytes, charset: str) -> None:
    article = parse(data)
    assert article.headline == "Zürich “news”"
    assert article.body == (Paragraph("Body – text."),)
    assert article.origin.charset == charset


def test_latin1_without_typographic_bytes() -> None:
    article = parse("Müller sagt\n\nGrüße aus Köln.\n".encode("latin-1"))
    assert article.body == (Paragraph("Grüße aus Köln."),)


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\r\n ", "only white space"),
        (b"\x00\x01\x02binary\x00\xff" * 50, "binary data"),
        (b"id,name,score\n1,alice,3\n2,bob,5\n3,carol,7\n4,dave,1\n", "table"),
        (
            b"2025-11-28 12:44:01 INFO starting\n2025-11-28 12:44:02 WARN slow\n2025-11-28 12:44:03 ERROR failed\n",
            "log file",
        ),
        (b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", "markup"),
        (b'{"headline": "x"}', "JSON"),
        (b"[1, 2, 3]", "JSON"),
    ],
)
def test_bad_input_is_a_parse_error_naming_the_file(data: bytes, reason: str) -> None:
    with pytest.raises(ParseError) as info:
        articlekit.parse(data, "text", name="inputs/bad.txt")
    assert info.value.file == "inputs/bad.txt"
    assert reason in info.value.reason
    assert str(info.value).startswith("inputs/bad.txt: ")


def test_cli_reports_a_bad_input_and_carries_on(
    tmp_path: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    from pathlib import Path

    from articlekit.cli import main

    folder = Path(str(tmp_path))
    (folder / "good.txt").write_text("Headline\n\nBody.\n")
    (folder / "empty.txt").write_bytes(b"")
    code = main(["convert", str(folder / "good.txt"), str(folder / "empty.txt"), "-o", str(folder / "out")])
    err = capsys.readouterr().err
    assert code == 1
    assert "empty.txt" in err and "empty file" in err
    assert (folder / "out" / "good.json").exists()


# --------------------------------------------------------------------------- sniffing


def test_sniff() -> None:
    assert _sniff(b"Headline\n\nBody text.\n", "story.txt") == pytest.approx(0.1)
    assert _sniff(b"Headline\n\nBody text.\n", "-") == pytest.approx(0.1)
    assert _sniff(b"\x01eca062 4 i 211\r\n\x02Headline =", "wire") >= 0.9
    assert _sniff(b"\x16\x16\x01W2870\x1fasian\n\x02^BC-", "x") >= 0.9
    assert _sniff(b"<html><body>Hi</body></html>", "page.txt") == 0.0
    assert _sniff(b'{"schema": "articlekit/1"}', "-") == 0.0
    # a weak match: detection lets the owner of a file name's extension win over it
    assert 0 < _sniff(b"Headline\n\nBody\n", "page.html") < CONFIDENT
    assert _sniff(b"", "empty.txt") == 0.0
    assert _sniff(b"\x00\x01\x02\x03" * 100, "blob") == 0.0


def test_a_byline_sharing_its_line_with_dates() -> None:
    article = parse(
        "Fog disrupts flights at Beijing airport\n"
        "By ZHANG WEI in Beijing | China Daily | Updated: 2025-11-28 09:12\n\n"
        "Dense fog grounded flights on Friday. [Photo/Agencies]\n\n"
        "More than 200 flights were cancelled.\n"
    )
    assert article.authors == (Contributor("ZHANG WEI", affiliation="China Daily"),)
    assert article.updated == datetime(2025, 11, 28, 9, 12)
    assert article.media[0].credit == "Agencies"
    assert article.body == (MediaRef(0), Paragraph("More than 200 flights were cancelled."))


# --------------------------------------------------------------------------- any input


@given(st.binary(max_size=3000))
@settings(max_examples=200)
def test_any_bytes_give_an_article_or_a_parse_error(data: bytes) -> None:
    try:
        article = articlekit.parse(data, "text", name="fuzz.txt", enrich=False)
    except ParseError as exc:
        assert exc.file == "fuzz.txt"
        return
    assert article.headline or article.body
    assert all(block.text or isinstance(block, MediaRef) for block in article.body)


LINES = st.sampled_from(
    [
        "",
        "By Jane Doe, Reuters",
        "WASHINGTON (AP) — The story begins.",
        "Published: 12:44, November 28, 2025",
        "A caption. (AP Photo/Name)",
        "Photo: Reuters",
        "ALSO READ: Something",
        "- item",
        "1. item",
        "###",
        "Short heading",
        "“A quote,” she said.",
        "(Reporting by Jane Doe; Editing by John Roe)",
        "A plain sentence of a paragraph that goes on for a while.",
    ]
)


@given(st.lists(LINES, min_size=1, max_size=30))
def test_any_arrangement_of_news_lines_parses(lines: list[str]) -> None:
    text = "\n".join(lines)
    if not text.strip():
        return
    article = read_text(text)
    flat = " ".join(text.split())
    for block in article.body:
        if isinstance(block, Paragraph):
            # verbatim, or (hard-wrapped copy) verbatim but for the line breaks
            assert block.text and (block.text in text or " ".join(block.text.split()) in flat)


def test_a_database_export_is_read_by_its_fields() -> None:
    root = Path(__file__).resolve().parent.parent
    article = articlekit.parse(root / "seeds" / "017_lexisnexis_export.txt", enrich=False)
    assert article.headline == "Council delays vote on stadium funding after packed hearing"
    assert article.provider == "The Riverside Courier"
    assert article.language == "en"
    assert article.section == "LOCAL; Pg. A1"
    assert article.datelines == (Place("RIVERSIDE", region="Calif."),)
    assert article.authors == (Contributor("Abigail Moreno"),)
    assert article.extensions["text"]["length"] == "214 words"
    assert not any(":" in b.text[:12] for b in article.body)


def test_one_labelled_line_is_not_an_export() -> None:
    article = parse("Headline\n\nUnemployment fell to 4.1% in October.\n\nSOURCE: Bureau of Labor Statistics\n")
    assert article.body[-1] == Paragraph("SOURCE: Bureau of Labor Statistics")
    assert "text" not in article.extensions


def test_a_labelled_byline_above_the_headline() -> None:
    article = parse("BYLINE: Amber Phillips.\n\nBest thing that happened to Democrats.\n\nThey made history.\n")
    assert article.authors == (Contributor("Amber Phillips"),)
    assert article.headline == "Best thing that happened to Democrats."
    assert article.body == (Paragraph("They made history."),)


def test_labelled_image_lines() -> None:
    article = parse(
        "Rail strike called off\n\nThe strike will not go ahead, the union said.\n\n"
        "Image source, Getty Images\nImage caption, Commuters at London Bridge on Thursday\n\n"
        "Trains will run as normal.\n"
    )
    assert article.media == (Media(caption="Commuters at London Bridge on Thursday", credit="Getty Images"),)
    assert article.body == (
        Paragraph("The strike will not go ahead, the union said."),
        MediaRef(0),
        Paragraph("Trains will run as normal."),
    )


def test_a_single_dash_line_is_an_attribution_not_a_list() -> None:
    article = parse(
        "Headline\n\n“We will win,” the post said.\n\n— Jane Doe (@janedoe) November 1, 2025\n\nMore text.\n"
    )
    assert article.body[1] == Paragraph("— Jane Doe (@janedoe) November 1, 2025")
    two = parse("Headline\n\nIntro:\n\n— first thing\n— second thing\n")
    assert two.body[1] == ListBlock(("first thing", "second thing"))


def test_a_declared_charset_is_used() -> None:
    # no BOM, and characters beyond Latin-1 first: only the declaration tells (a text whose first
    # characters are ASCII or Latin-1 is read as UTF-16 without one: tests/test_html_probe_m12.py)
    data = "Ζυρίχη news\n\nBody text.\n".encode("utf-16-le")
    with pytest.raises(ParseError, match="binary data"):
        parse(data)
    article = articlekit.parse(data, "text", charset="utf-16-le", enrich=False)
    assert article.headline == "Ζυρίχη news"
    assert article.origin.charset == "utf-16-le"
    latin = "Zürich news\n\nBody text.\n".encode("utf-16-le")
    assert parse(latin).headline == articlekit.parse(latin, "text", charset="utf-16-le", enrich=False).headline
    greek = articlekit.parse("Αθήνα\n\nΚείμενο.\n".encode("iso8859-7"), "text", charset="iso-8859-7", enrich=False)
    assert greek.headline == "Αθήνα"


def test_a_section_label_above_the_headline() -> None:
    article = parse("WORLD\nPutin says plan could form basis for agreements\nBy Xinhua\n\nThe plan was discussed.\n")
    assert article.section == "WORLD"
    assert article.headline == "Putin says plan could form basis for agreements"
    short = parse("Trump fires Comey\nThe president dismissed the FBI director on Tuesday.\n\nBody.\n")
    assert short.headline == "Trump fires Comey" and short.section is None
    labelled = parse("Politics\nSenate passes the budget after a long night\n\nBody.\n")
    assert labelled.section == "Politics"


def test_the_page_address_copied_with_the_text() -> None:
    article = parse("https://news.example/world/2025/11/28/story\nHeadline here\n\nBody.\n")
    assert article.url == "https://news.example/world/2025/11/28/story"
    assert article.headline == "Headline here"
    labelled = parse("Headline here\nURL: <https://news.example/a>\n\nBody.\n")
    assert labelled.url == "https://news.example/a"


def test_brackets_around_text_are_not_json() -> None:
    article = parse(
        "[Updated] Council votes on budget\n\nThe council voted on Tuesday. [Photo/Agencies]\n\nMore text here [sic]"
    )
    assert article.headline == "[Updated] Council votes on budget"


def test_relative_times_in_the_head_are_skipped() -> None:
    article = parse("Updated 2 hours ago\nHeadline of the story\nBy Jane Doe\n\nBody text.\n")
    assert article.headline == "Headline of the story"
    assert article.updated is None


WORDS = st.sampled_from(["council", "vote", "the", "budget", "said", "on", "Tuesday", "minister", "plan", "city"])


@st.composite
def sentences(draw: st.DrawFn) -> str:
    words = draw(st.lists(WORDS, min_size=3, max_size=25))
    quoted = draw(st.booleans())
    text = " ".join(words)
    text = text[0].upper() + text[1:] + "."
    return f"“{text}” she said." if quoted else text


@given(st.lists(WORDS, min_size=2, max_size=8), st.lists(sentences(), min_size=1, max_size=12))
def test_the_text_writer_output_reads_back(headline_words: list[str], paragraphs: list[str]) -> None:
    """What articlekit's own plain-text writer writes, the text parser reads back."""
    from articlekit.model import Article

    headline = " ".join(headline_words).capitalize()
    article = Article(headline=headline, body=tuple(Paragraph(p) for p in paragraphs))
    written = articlekit.dumps(article, "text")
    assert isinstance(written, str)
    back = parse(written)
    assert back.headline == headline
    assert back.body == article.body


def test_a_factiva_export_with_two_articles() -> None:
    root = Path(__file__).resolve().parent.parent
    one = (root / "seeds" / "018_factiva_export.txt").read_text(encoding="utf-8")
    two = one.replace("Harbour ferry returns", "Second ferry returns").replace("el1q00005", "el1q00006")
    articles = list(articlekit.parse_all((one + "\n" + two).encode(), "text", enrich=False))
    assert [a.headline for a in articles] == [
        "Harbour ferry returns to service after storm repairs",
        "Second ferry returns to service after storm repairs",
    ]
    assert [a.id for a in articles] == ["COAHER0020251126el1q00005", "COAHER0020251126el1q00006"]
    first = articles[0]
    assert first.published == datetime(2025, 11, 26, 7, 30)
    assert first.provider == "The Coastal Herald"
    assert first.datelines == (Place("PORTLAND", region="Maine"),)
    assert first.language == "en"


def test_a_lone_code_line_is_not_factiva() -> None:
    article = parse("HD\nRadio show returns\n\nThe HD radio show returns on Monday.\n")
    assert article.body == (Paragraph("The HD radio show returns on Monday."),)
    assert "text" not in article.extensions


def test_a_table_or_a_log_named_as_such_gets_the_text_parsers_reason(tmp_path: Path) -> None:
    table = tmp_path / "prices.csv"
    table.write_text("a,b,c\n1,2,3\n4,5,6\n7,8,9\n", encoding="utf-8")
    with pytest.raises(ParseError, match=r"prices\.csv"):
        articlekit.parse(table)
    page = tmp_path / "page.html"
    page.write_text("Headline\n\nBody text.\n", encoding="utf-8")
    assert articlekit.detect_format(articlekit.Document(page.read_bytes(), str(page))) == "html"


def test_read_texts_builds_each_article_with_the_origin_given() -> None:
    from articlekit.formats.text import read_texts
    from articlekit.model import Origin

    text = "Council approves budget\n\nThe council voted on Tuesday.\n"
    assert next(read_texts(text)).origin == Origin()
    given = Origin(format="text", charset="utf-8")
    assert next(read_texts(text, origin=given)).origin is given
    factiva = "HD\nCouncil approves budget\nSN\nThe Gazette\nLA\nEnglish\nTD\nThe council voted on Tuesday.\n" * 2
    articles = list(read_texts(factiva, origin=given))
    assert len(articles) == 2 and articles[0].extensions["text"] == {"export": "Factiva"}
    assert all(article.origin is given for article in articles)
    # the pipeline adds the file and the parser, and tidies the authors, in one copy
    article = articlekit.parse(b"Council approves budget\n\nBy Jane Doe\n\nThe council voted.\n", "text", name="a.txt")
    assert article.origin == Origin(format="text", file="a.txt", parser="articlekit.formats.text", charset="utf-8")
    assert [author.name for author in article.authors] == ["Jane Doe"]
