"""``articlekit.encoding``: a caller's charset against what the bytes show (rv12w findings 5, 7
and 9, mended by 13f12). Every input is written here."""

from __future__ import annotations

import codecs
import random

import pytest

import articlekit
from articlekit.encoding import decode, looks_binary, text_head, transport_charset

TEXT = (
    "Council votes to close library\n\nThe harbour board met on Monday and agreed to dredge the channel "
    "before winter, after pilots warned that larger ships could no longer turn.\n"
)
PAGE = (
    "<!DOCTYPE html><html><head><title>Council votes to close library</title></head><body>"
    + "<p>The harbour board met on Monday and agreed to dredge the channel before winter, after pilots "
    "warned that larger ships could no longer turn in the basin at low tide.</p>" * 3 + "</body></html>"
)


# --------------------------------------------------------------------------- 5: a caller's "utf-16"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("declared", ["utf-16", "UTF16", "utf-32", "latin-1", "utf-8", None])
def test_utf16_without_a_mark_is_read_in_its_byte_order_whatever_charset_without_one_is_named(
    codec: str, declared: str | None
) -> None:
    assert decode(TEXT.encode(codec), declared) == (TEXT, codec)


def test_a_charset_naming_the_byte_order_wins() -> None:
    assert decode(TEXT.encode("utf-16-le"), "utf-16-le") == (TEXT, "utf-16-le")
    assert decode(TEXT.encode("utf-16-le"), "utf-16-be")[1] == "utf-16-be"  # the caller's word, mojibake or not


@pytest.mark.parametrize("charset", ["utf-16", "utf-32"])
def test_the_text_parser_reads_big_endian_utf16_named_without_its_order(charset: str) -> None:
    article = articlekit.parse(TEXT.encode("utf-16-be"), format="text", charset=charset, enrich=False)
    assert article.headline == "Council votes to close library"
    assert article.origin.charset == "utf-16-be"
    assert "\x00" not in article.text


def test_a_utf16_charset_from_http_without_an_order_follows_the_bytes() -> None:
    payload, charset = transport_charset(PAGE.encode("utf-16-be"), "text/html; charset=utf-16")
    assert charset == "utf-16-be"
    assert payload == codecs.BOM_UTF8 + PAGE.encode()
    # with its mark, the mark speaks; a named order is taken at its word
    assert transport_charset(PAGE.encode("utf-16"), "text/html; charset=utf-16") == (PAGE.encode("utf-16"), None)
    assert transport_charset(PAGE.encode("utf-16-le"), "text/html; charset=utf-16-le")[1] == "utf-16-le"


# --------------------------------------------------------------------------- 7: UTF-32's mark


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_a_head_in_utf32_with_its_mark_is_read_as_text(codec: str) -> None:
    bom = codecs.BOM_UTF32_LE if codec.endswith("le") else codecs.BOM_UTF32_BE
    data = bom + PAGE.encode(codec)
    assert text_head(data[:99]) == b"<!DOCTYPE html><html><h"  # (24 characters, cut inside the 25th)
    article = articlekit.parse(data, enrich=False)  # no format named: detected as a page
    assert (article.origin.format, article.origin.charset) == ("html", "utf-32")
    assert article.headline == "Council votes to close library"
    text = articlekit.parse(bom + TEXT.encode(codec), enrich=False)
    assert (text.origin.format, text.headline) == ("text", "Council votes to close library")


# --------------------------------------------------------------------------- 9: binary data after a UTF-16 head


def test_binary_data_after_a_head_in_utf16_is_binary() -> None:
    noise = random.Random(3).randbytes(3000)
    data = "<html><body><p>Hello there, a page in UTF-16.</p>".encode("utf-16-le")[:64] + noise
    assert looks_binary(data)
    with pytest.raises(articlekit.ParseError, match="binary"):
        articlekit.parse(data, enrich=False)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_page_in_utf16_beyond_latin1_is_still_text(codec: str) -> None:
    # CJK, typographic quotes and dashes after the ASCII head: characters, not controls
    page = "<html><body>" + "<p>The harbour board met — 港口委员会 “agreed” to dredge.</p>" * 50 + "</body></html>"
    assert not looks_binary(page.encode(codec))
