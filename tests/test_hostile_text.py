"""Hostile text (issue 15): what no writer can encode is repaired at the door, errors a user can
act on instead of "please report it", spreadsheet and terminal injection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import articlekit
from articlekit import model as m
from articlekit.cli import main
from articlekit.repair import RepairedTextWarning, repair_article

REGISTRY = articlekit.get_registry()
WRITERS = sorted(REGISTRY.writers)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- item 3: a lone surrogate is repaired at the door, with a warning naming the input ----------

LONE = "\\ud83d"  # as escaped in JSON and YAML: half of an emoji, cut off

SURROGATE_INPUTS = {
    "json": (f'{{"schema": "articlekit/1", "headline": "cut {LONE}", "keywords": ["k{LONE}"]}}', "json"),
    "ninjs": (f'{{"uri": "urn:x", "type": "text", "headline": "cut {LONE}", "body_text": "Said {LONE}."}}', "ninjs"),
    "json-feed": (
        '{"version": "https://jsonfeed.org/version/1.1", "title": "F",'
        f' "items": [{{"id": "1", "title": "cut {LONE}", "content_text": "x"}}]}}',
        None,
    ),
    "json-ld": (
        '<html><head><script type="application/ld+json">'
        f'{{"@type": "NewsArticle", "headline": "cut {LONE}"}}</script></head>'
        "<body><p>The body of the page, long enough to be read.</p></body></html>",
        "html",
    ),
    "front-matter": (f'---\nschema: articlekit/1\nheadline: "cut {LONE}"\n---\n\nBody.\n', "md"),
    "extension-key": (
        f'{{"schema": "articlekit/1", "headline": "x", "extensions": {{"k{LONE}": ["v{LONE}"]}}}}',
        "json",
    ),
}


@pytest.mark.parametrize("case", sorted(SURROGATE_INPUTS))
def test_a_lone_surrogate_is_repaired_with_a_warning_naming_the_input(case: str) -> None:
    text, fmt = SURROGATE_INPUTS[case]
    with pytest.warns(RepairedTextWarning, match=r"^story\.in: a lone surrogate .* replaced by U\+FFFD in "):
        articles = list(articlekit.parse_all(text.encode("utf-8"), fmt, name="story.in"))
    assert articles
    for article in articles:
        assert "\ufffd" in articlekit.dumps(article, "json")
        for writer in WRITERS:
            if REGISTRY.writers[writer].spec.stream is None:
                articlekit.dumps(article, writer)  # every writer can write it: nothing raises


def test_repair_keeps_offsets_and_returns_the_same_object_when_clean() -> None:
    clean = m.Article(headline="ok", body=(m.Paragraph("fine"),))
    assert repair_article(clean, "x") is clean
    broken = m.Article(
        headline="ok",
        body=(m.Paragraph("a\ud83d said b"),),
        quotes=(m.Quote(id="q1", kind="direct", text="b", spans=(m.Span(0, 8, 9),)),),
    )
    with pytest.warns(RepairedTextWarning, match=r"in body\[0\]\.text"):
        fixed = repair_article(broken, "x")
    assert fixed.body == (m.Paragraph("a\ufffd said b"),)
    assert fixed.quotes == broken.quotes  # one code point for one: spans still point at "b"


def test_a_python_string_holding_a_lone_surrogate_is_read() -> None:
    with pytest.warns(RepairedTextWarning, match=r"^<text>: a lone surrogate"):
        article = articlekit.parse("Headline \ud83d\n\nBody text here.\n", "text")
    assert "\ufffd" in article.headline


@pytest.mark.parametrize("output", ["all.jsonl", "-"])
def test_one_bad_article_among_good_ones_is_written_repaired(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], output: str
) -> None:
    names = []
    for index, headline in enumerate(["good 1", f"bad {LONE}", "good 2", "good 3"]):
        path = tmp_path / f"in{index}.json"
        path.write_text(f'{{"schema": "articlekit/1", "headline": "{headline}"}}', encoding="utf-8")
        names.append(str(path))
    target = str(tmp_path / output) if output != "-" else "-"
    code, out, err = run(capsys, "convert", *names, "-o", target, "--to", "jsonl")
    assert code == 0, err
    text = (tmp_path / output).read_text(encoding="utf-8") if output != "-" else out
    headlines = [json.loads(line)["headline"] for line in text.splitlines()]
    assert headlines == ["good 1", "bad \ufffd", "good 2", "good 3"]
    assert f"warning: {names[1]}: a lone surrogate" in err
    assert "unexpected" not in err


def test_a_writer_failing_inside_a_gathered_output_names_the_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from articlekit.formats import json as json_format

    real = json_format._write_jsonl

    def fragile(article: m.Article, options: dict[str, object]) -> str:
        if article.headline == "boom":
            "\ud800".encode()
        return real(article, options)

    monkeypatch.setattr(json_format, "_write_jsonl", fragile)
    for name, headline in [("a", "fine"), ("b", "boom")]:
        (tmp_path / f"{name}.json").write_text(f'{{"schema": "articlekit/1", "headline": "{headline}"}}')
    code, _, err = run(capsys, "convert", str(tmp_path / "a.json"), str(tmp_path / "b.json"), "--to", "jsonl")
    assert code == 1
    assert f"{tmp_path / 'b.json'}: cannot be written as jsonl" in err
    assert "unexpected" not in err
