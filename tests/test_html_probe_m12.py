"""The last defects of issue 13's metadata and robustness (session 13m12): a page or a text in
UTF-16 without its byte-order mark read with no format given, the site's name on ``og:title``,
and a hostile user's pages (only a ``<title>``, headings in ``<header>``, entities in every
field, ``lang`` variants).

Every page here was written for this module; none is copied from a site or a corpus."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest

import articlekit
from articlekit.cli import main
from articlekit.encoding import decode, looks_binary, text_head, unmarked_utf16
from articlekit.errors import ParseError
from articlekit.model import Article
from articlekit.registry import Document
from tests.test_html_meta import BODY, PROSE, page

HEADLINE = "Council votes to close library"
TEXT = f"{HEADLINE}\n\n{PROSE}\n\n{PROSE} Second paragraph.\n"
HTML = (
    '<!DOCTYPE html><html lang="en"><head><title>Café owners meet | The Gazette</title></head>'
    f"<body><article>{BODY}</article></body></html>"
)


def parse(data: bytes, **options: Any) -> Article:
    """With no format given: the input's bytes decide."""
    return articlekit.parse(data, enrich=False, **options)


# --------------------------------------------------------------------------- UTF-16 without a mark

WIDE = ["utf-16-le", "utf-16-be", "utf-16"]  # (Python's "utf-16" writes a byte-order mark)


@pytest.mark.parametrize("codec", WIDE)
def test_a_page_in_utf16_is_detected_as_html_with_or_without_its_mark(codec: str) -> None:
    # defect: without the mark, format sniffing did not see a page (only format="html" read it)
    data = HTML.encode(codec)
    assert articlekit.detect_format(Document(data, "page")) == "html"
    article = parse(data)
    assert (article.origin.format, article.headline) == ("html", "Café owners meet")
    assert article.text.count("Paragraph") == 3 and "\x00" not in article.text


@pytest.mark.parametrize("codec", WIDE)
def test_a_plain_text_in_utf16_goes_to_the_text_parser(codec: str) -> None:
    data = TEXT.encode(codec)
    assert articlekit.detect_format(Document(data, "story")) == "text"
    article = parse(data)
    assert (article.origin.format, article.headline) == ("text", HEADLINE)
    assert "Second paragraph." in article.text and "\x00" not in article.text


@pytest.mark.parametrize("codec", WIDE)
def test_a_page_in_utf16_leading_with_white_space(codec: str) -> None:
    # a space first: stripping bytes before reading the characters would shift every NUL over
    article = parse(("\n  " + HTML).encode(codec))
    assert (article.origin.format, article.headline) == ("html", "Café owners meet")


def test_the_command_line_reads_utf16_pages_and_texts_with_no_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "page").write_bytes(HTML.encode("utf-16-be"))
    (tmp_path / "story").write_bytes(TEXT.encode("utf-16-le"))
    for name, headline in (("page", "Café owners meet"), ("story", HEADLINE)):
        status = main(["convert", str(tmp_path / name), "--to", "md", "-o", str(tmp_path / f"{name}.md")])
        assert status == 0, capsys.readouterr().err
        assert f"\n# {headline}\n" in (tmp_path / f"{name}.md").read_text(encoding="utf-8")


def test_the_detection_of_utf16_without_a_mark() -> None:
    assert unmarked_utf16(HTML.encode("utf-16-le")) == "utf-16-le"
    assert unmarked_utf16(TEXT.encode("utf-16-be")) == "utf-16-be"
    assert unmarked_utf16("Zoë Müller à Genève, déjà vu again".encode("utf-16-le")) == "utf-16-le"  # Latin-1
    assert unmarked_utf16(HTML.encode("utf-16")) is None  # a mark says it already
    assert unmarked_utf16(HTML.encode()) is None
    assert unmarked_utf16(HTML.encode("utf-32-le")) is None  # three NULs in four bytes
    assert unmarked_utf16("<p>short</p>".encode("utf-16-le")[:14]) is None  # too little to tell
    assert text_head(HTML.encode("utf-16-be")[:41]).startswith(b"<!DOCTYPE html><html")  # cut mid-character
    assert text_head(b"\x89PNG\r\n\x1a\n") == b"\x89PNG\r\n\x1a\n"
    assert decode(TEXT.encode("utf-16-be")) == (TEXT, "utf-16-be")
    # a charset named by the caller as wide wins over the guess
    assert decode("䄀䈀".encode("utf-16-le") * 20, "utf-16-be")[1] == "utf-16-be"


BINARY = {
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00" + bytes(200),
    "zeros": bytes(4096),
    "bytes": bytes(range(256)) * 8,
    "alternating-controls": b"\x01\x00\x02\x00\x03\x00" * 40,
    "utf16-strings-after-a-header": b"MZ\x90\x00\x03\x00\x00\x00" + "Program name".encode("utf-16-le") * 8,
    "gzip": gzip.compress(bytes(range(256)) * 4),
}


@pytest.mark.parametrize("data", BINARY.values(), ids=BINARY.keys())
def test_binary_data_is_not_taken_for_utf16(data: bytes) -> None:
    assert unmarked_utf16(data) is None and looks_binary(data)
    with pytest.raises(ParseError, match="binary"):
        articlekit.parse(data, format="html", enrich=False)


def test_utf8_text_holding_nul_bytes_is_still_text() -> None:
    # issue 13 part 3: a stray NUL in a real page is no sign of binary data
    data = HTML.replace("</title>", "</title>\x00").replace("Paragraph 1.", "Paragraph\x00 1.").encode()
    assert unmarked_utf16(data) is None and not looks_binary(data)
    article = parse(data)
    assert (article.origin.format, article.origin.charset) == ("html", "utf-8")
    assert "Paragraph 1." in article.text
    text = (TEXT + "\x00" + TEXT).encode()
    assert unmarked_utf16(text) is None and parse(text).origin.format == "text"
