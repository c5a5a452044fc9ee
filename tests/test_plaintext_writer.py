"""The ``text`` writer: the headline, a blank line, then one block of text per body block."""

from __future__ import annotations

import pytest
from hypothesis import given

import articlekit
from articlekit import model as m
from articlekit.common.plain import PlainTextRenderer
from articlekit.errors import WriteError
from articlekit.plugins import get_registry
from tests.conftest import SEEDS
from tests.strategies import articles


def written_blocks(article: m.Article) -> list[m.Block]:
    """The blocks the writer keeps: those with text, but no related links or media."""
    kept = []
    for block in article.body:
        if isinstance(block, (m.Related, m.MediaRef)):
            continue
        if block.text.strip():
            kept.append(block)
    return kept


@given(articles())
def test_blank_lines_separate_the_headline_and_each_block(article: m.Article) -> None:
    output = articlekit.dumps(article, "text")
    assert isinstance(output, str)
    headline = " ".join(article.headline.split())
    blocks = written_blocks(article)
    if not headline and not blocks:
        assert output == ""
        return
    assert output.endswith("\n") and not output.endswith("\n\n")
    parts = output[:-1].split("\n\n")
    expected = ([headline] if headline else []) + [" ".join(b.text.split()) for b in blocks]
    # every part is one block, nothing lost but white space
    assert [" ".join(p.split()) for p in parts] == expected
    assert all(p and p == p.strip() for p in parts)
    if headline:
        assert "\n" not in parts[0]


def test_a_simple_article() -> None:
    article = m.Article(
        headline="Putin: list could form basis\nfor agreements",
        subheadline="not written",
        body=(
            m.Paragraph("MOSCOW/KYIV - The US-proposed list could form a basis."),
            m.Heading("Deal on drone production"),
            m.Paragraph("  A paragraph\r\nwith a line break\n\n\nand blank lines.  "),
            m.Related("Kremlin says too early", label="ALSO READ"),
            m.ListBlock(("first", "second"), ordered=True),
            m.BlockQuote("We are ready.", cite="Kremlin"),
            m.Paragraph("   "),
            m.MediaRef(0),
        ),
        media=(m.Media(caption="not written"),),
    )
    assert articlekit.dumps(article, "text") == (
        "Putin: list could form basis for agreements\n"
        "\n"
        "MOSCOW/KYIV - The US-proposed list could form a basis.\n"
        "\n"
        "Deal on drone production\n"
        "\n"
        "A paragraph\nwith a line break\nand blank lines.\n"
        "\n"
        "first\nsecond\n"
        "\n"
        "We are ready.\n"
    )


def test_no_headline_starts_with_the_body() -> None:
    assert articlekit.dumps(m.Article(body=(m.Paragraph("Only this."),)), "text") == "Only this.\n"
    assert articlekit.dumps(m.Article(), "text") == ""


def test_an_unknown_block_type_is_an_error() -> None:
    class Table:
        text = "a table"

    article = m.Article(headline="h", body=(Table(),))  # type: ignore[arg-type]
    with pytest.raises(WriteError, match="Table"):
        PlainTextRenderer().render(article)


def test_the_writer_is_registered() -> None:
    provided = get_registry().writers["text"]
    assert provided.plugin == "articlekit.formats.plaintext"
    assert provided.spec.extension == ".txt" and provided.spec.media_type == "text/plain"


def test_the_seed() -> None:
    article = articlekit.parse(SEEDS / "000_fceb5e4b891116b7.txt")
    output = articlekit.dumps(article, "text")
    assert isinstance(output, str)
    headline, *blocks = output.rstrip("\n").split("\n\n")
    assert headline == article.headline
    assert blocks[0].startswith("The US-proposed list of points on Ukraine")
    assert "Deal on drone production" in blocks  # the subheading, as a block of its own
    assert not any(b.startswith("ALSO READ") for b in blocks)  # the related link is left out
