"""The ``quotes-csv`` writer and the ``articlekit quotes`` command."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import articlekit
from articlekit.cli import main
from articlekit.formats.quotes_csv import COLUMNS, neutralise
from articlekit.model import Article, Paragraph, Quote, Source, Span, Speaker

from .conftest import SEEDS

SEED = SEEDS / "000_fceb5e4b891116b7.txt"


def rows(output: str | bytes) -> list[dict[str, str]]:
    text = output.decode("utf-8") if isinstance(output, bytes) else output
    return list(csv.DictReader(io.StringIO(text)))


def test_quotes_csv_has_one_row_per_quote() -> None:
    article = articlekit.parse(Path(SEED))
    table = rows(articlekit.dumps(article, "quotes-csv"))
    assert len(table) == 13
    assert list(table[0]) == list(COLUMNS)
    first = table[0]
    assert first["speaker"] == "Vladimir Putin"
    assert first["titles"] == "Russian President"
    assert first["kind"] == "indirect"
    assert first["when"] == "Thursday" and first["when_start"] == "2025-11-27"
    assert first["published"].startswith("2025-11-28")
    assert table[7]["channel"] == "Telegram"
    assert table[1]["venue"] == "a press conference in Bishkek, Kyrgyzstan"


def test_an_article_without_quotes_still_has_its_row() -> None:
    article = Article(headline="Council meets", body=(Paragraph("The council met on Monday."),))
    (row,) = rows(articlekit.dumps(article, "quotes-csv"))
    assert row["article"] == "Council meets" and row["quote_id"] == "" and row["text"] == ""


def test_quotes_csv_gathers_many_articles_under_one_header(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    second = tmp_path / "b.txt"
    first.write_text('Headline\n\n"We will win," Smith said.\n', encoding="utf-8")
    second.write_text("Headline\n\nThe bridge will reopen in May, the mayor said.\n", encoding="utf-8")
    articles = [articlekit.parse(first, format="text"), articlekit.parse(second, format="text")]
    output = articlekit.api.write_many(articles, "quotes-csv")
    table = rows(output)
    assert [r["speaker"] for r in table] == ["Smith", "the mayor"]
    assert output.count(b"quote_id") == 1


@pytest.mark.parametrize(
    "cell",
    [
        "=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx",
        # behind what a spreadsheet skips, and look-alikes it folds (issue 15)
        "\x00=1+1", "\n=1+1", "\ufeff=1+1", "\u200b=1+1", "\u00a0 @cmd", "\n\t x", "\x00\rx",
        "\uff1d1+1", "\uff0bSUM(A1)", "\uff0d2+3", "\uff20cmd", "\ufe661+1", "\u22122+3", "\u200b\uff1dA1",
    ],
)  # fmt: skip
def test_formula_cells_are_neutralised(cell: str) -> None:
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["plain -dash", "", "\u200b", "\ufeffword", " 2 + 2", "\u00e9=", "'=already"])
def test_other_cells_are_left_alone(cell: str) -> None:
    assert neutralise(cell) == cell


def test_csv_injection_in_every_column() -> None:
    text = '"=cmd|calc," +Evil said.'
    article = Article(
        headline="=1+1",
        body=(Paragraph(text),),
        quotes=(
            Quote(
                id="q1",
                kind="direct",
                text="=cmd|calc,",
                spans=(Span(0, 1, 11),),
                speaker=Speaker("+Evil", "s1", Span(0, 13, 18)),
            ),
        ),
        sources=(Source(id="s1", kind="person", name="@Evil", titles=("-boss",), affiliation="=org"),),
    )
    cells = [cell for row in csv.reader(io.StringIO(str(articlekit.dumps(article, "quotes-csv")))) for cell in row]
    assert "'=cmd|calc," in cells and "'@Evil" in cells and "'-boss" in cells and "'=org" in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


def test_quotes_command_prints_who_said_what(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", str(SEED), "--width", "120"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{SEED}: Putin: US-proposed list")
    assert "q13  indirect  Denys Shmyhal" in out
    assert "s1  Vladimir Putin (person, Russian President)" in out
    assert out.count("\n  q") == 13


def test_quotes_command_goes_on_after_a_bad_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "articlekit/1", "headline": 5', encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text('Headline\n\n"We will win," Smith said.\n', encoding="utf-8")
    code = main(["quotes", str(bad), str(tmp_path / "missing.txt"), str(good), "--full"])
    captured = capsys.readouterr()
    assert code == 1
    errors = captured.err.strip().splitlines()
    assert len(errors) == 2
    assert all(line.startswith("articlekit: error: ") for line in errors)
    assert "bad.json" in captured.err and "missing.txt" in captured.err
    assert "Smith" in captured.out and "We will win" in captured.out


def test_quotes_command_says_when_there_are_none(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("Headline\n\nThe council met on Monday.\n", encoding="utf-8")
    assert main(["quotes", str(plain), "--no-sources"]) == 0
    assert "no quotes" in capsys.readouterr().out


def test_every_row_has_the_columns_researchers_group_by() -> None:
    """headline, url, provider and published on every row, quotes or none (issue 17)."""
    quoted = Article(
        headline="Mayor backs bridge",
        url="https://example.org/bridge",
        provider="Example News",
        body=(Paragraph('"We will build it," the mayor said.'),),
    )
    quoted = articlekit.enrich(quoted)
    silent = Article(headline="Council meets", provider="=cmd", body=(Paragraph("The council met."),))
    table = rows(articlekit.api.write_many([quoted, silent], "quotes-csv"))
    assert [(r["headline"], r["url"], r["provider"]) for r in table] == [
        ("Mayor backs bridge", "https://example.org/bridge", "Example News"),
        ("Council meets", "", "'=cmd"),  # neutralised like every cell
    ]
    assert table[0]["article"] == "https://example.org/bridge" and table[0]["quote_id"] == "q1"
    assert list(table[0])[:5] == ["article", "headline", "url", "provider", "published"]
