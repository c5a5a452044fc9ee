"""The ``html`` parser on the shared pages: newspaper4k's test pages (headline, authors, date)
and extruct's JSON-LD edge cases. The files stay in ../shared (see ``require_shared``)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from lxml import html

import articlekit
from articlekit.errors import ParseError
from articlekit.formats.html.meta import load_json_ld, read_metadata
from articlekit.formats.html.parser import decode_page, sniff_html
from tests.conftest import require_shared

UTC = timezone.utc

# name -> (headline, authors, published). Checked against each page; where newspaper4k's
# reference metadata says otherwise, the reason is in NOTES.
EXPECTED: dict[str, tuple[str, list[str], datetime | None]] = {
    "arabic_article": ("معارضون يسيطرون على مخازن للصواريخ بريف دمشق", [], None),
    "article_with_divs": (
        "Nollywood Actress, Kate Henshaw Is Looking Stunning In New Photos",
        ["LinkNaija"],
        datetime(2018, 10, 6, 8, 57, tzinfo=timezone(timedelta(hours=2))),
    ),
    "chinese_article_001": ("外国专家：中美合作共赢符合国际社会利益", ["严玉洁"], datetime(2023, 11, 17)),
    "cleveland.com1": (
        "Let me Google that for you: 2014's most popular food-related searches",
        ["National Desk"],
        datetime(2014, 12, 27, 12, 6),
    ),
    "cnn_article": (
        "After storm, forecasters see smooth sailing for Thanksgiving",
        ["Dana A. Ford", "James S.A. Corey", "Chien-Ming Wang", "Tom Watkins"],
        datetime(2013, 11, 27, 8, 36, 32, tzinfo=UTC),
    ),
    "fox13now_001": (
        "New Year, new laws: Obamacare, pot, guns and drones",
        ["CNN Wire"],
        datetime(2013, 12, 30, 14, 42, 1, tzinfo=timezone(timedelta(hours=-7))),
    ),
    "japanese_article2": (
        "動画：ナイジェリアで少女らによる自爆攻撃、ロケット弾も撃ち込まれ31人死亡",
        [],
        datetime(2018, 6, 18, 1, 1, tzinfo=UTC),
    ),
    "latvian_article": ("Norvēģijā pēc zemes nogruvuma pieci bojāgājušie", ["Anna Ūdre"], datetime(2021, 1, 3, 17, 40)),
    "spanish_article": ("Anticorrupción decidirá en Madrid si recurre la imputación de la Infanta", [], None),
    "thai_article": ("ผล DNA ยืนยัน ศพลอยแม่น้ำโขงเป็นคนสนิท อ.สุรชัย", [], datetime(2019, 1, 21, 13, 49)),
    "time_001": (
        "We Need Geoengineering to Stop Out of Control Warming, Warns Climate Scientist James Hansen",
        ["Alejandro de la Garza"],
        datetime(2023, 11, 2, 19, 53, 52, tzinfo=UTC),
    ),
    "video_article_01": (
        "Let me Google that for you: 2014's most popular food-related searches",
        ["National Desk"],
        datetime(2014, 12, 27, 12, 6),
    ),
    "yna_co_kr": (
        "N. Korea slams S. Korea for joint military drill, warns of consequences",
        [],
        datetime(2019, 8, 20, 9, 31, 1, tzinfo=timezone(timedelta(hours=9))),
    ),
}

NOTES = {
    ("chinese_article_001", "authors"): "the page's <meta name=author> names 严玉洁; the reference has none",
    ("cleveland.com1", "authors"): "the page's article_author is 'National Desk'; the reference has none",
    ("cnn_article", "published"): "the reference keeps only the day; the page gives 08:36:32 UTC",
    ("fox13now_001", "published"): "the reference keeps only the day; JSON-LD gives 14:42:01-07:00",
    (
        "japanese_article2",
        "published",
    ): "the reference is article:modified_time; the page publishes at epoch 1529283660",
    ("time_001", "headline"): "the reference is the <title>; the page's h1 and JSON-LD headline differ from it",
    ("video_article_01", "authors"): "the reference splits the dateline into authors ('on December', 'at PM')",
    ("thai_article", "published"): "the reference has none; the page shows 'Submitted on Mon, 2019-01-21 13:49'",
    ("yna_co_kr", "authors"): "the reference names 'www.facebook.com', a share link, as the author",
}
"""Where newspaper4k's reference metadata is wrong, and why."""


def _reference(folder: Path, name: str) -> dict[str, object]:
    path = folder / "metadata" / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_newspaper4k_pages(name: str) -> None:
    folder = require_shared("formats", "html", "newspaper4k")
    article = articlekit.parse(folder / "html" / f"{name}.html", format="html", enrich=False)
    headline, authors, published = EXPECTED[name]
    assert article.headline == headline
    assert [a.name for a in article.authors] == authors
    assert article.published == published
    assert len(article.text) > 200
    reference = _reference(folder, name)
    if reference:
        # agree with the reference wherever it is not listed as wrong
        if (name, "headline") not in NOTES:
            assert article.headline == reference["title"]
        if (name, "authors") not in NOTES:
            assert [a.name for a in article.authors] == reference["authors"]
        ref_date = reference.get("publish_date")
        if (name, "published") not in NOTES:
            expected = datetime.fromisoformat(ref_date) if isinstance(ref_date, str) else None
            assert article.published == expected


def test_newspaper4k_body_text_agrees_with_the_reference_text() -> None:
    folder = require_shared("formats", "html", "newspaper4k")
    for name in ("cnn_article", "time_001", "yna_co_kr", "latvian_article"):
        article = articlekit.parse(folder / "html" / f"{name}.html", format="html", enrich=False)
        reference = (folder / "txt" / f"{name}.txt").read_text(encoding="utf-8")
        # the standfirst is the article's summary, not a body paragraph
        ours = set(f"{article.summary or ''} {article.text}".split())
        words = reference.split()
        found = sum(1 for w in words if w in ours) / len(words)
        assert found > 0.9, f"{name}: only {found:.0%} of the reference's words"


def test_an_rss_feed_saved_as_html_is_not_claimed() -> None:
    folder = require_shared("formats", "html", "newspaper4k")
    path = folder / "html" / "sample_rss.html"
    assert sniff_html(path.read_bytes()[:4096], path.name) == 0.0


def _edge_cases() -> list[Path]:
    folder = require_shared("formats", "html", "extruct_jsonld_edgecases")
    return sorted(folder.rglob("*.html"))


def test_extruct_json_ld_edge_cases_parse_and_read_as_extruct_expects() -> None:
    pages = _edge_cases()
    assert pages
    for path in pages:
        try:
            article = articlekit.parse(path, format="html")
        except ParseError as exc:  # most are a JSON-LD script and no text at all
            assert "no article text found" in str(exc), path.name
        else:
            assert article.origin.format == "html"
        root = html.fromstring(decode_page(path.read_bytes())[0])
        found = []
        for script in root.iter("script"):
            if script.get("type") == "application/ld+json":
                data = load_json_ld(script.text or "")
                if data is not None:
                    found.extend(data if isinstance(data, list) else [data])
        expected = json.loads(path.with_suffix(".jsonld").read_text(encoding="utf-8"))
        assert found == expected, path.name


def test_a_json_ld_news_article_with_comments_gives_its_metadata() -> None:
    folder = require_shared("formats", "html", "extruct_jsonld_edgecases")
    path = folder / "custom.invalid" / "JSONLD_with_JS_comment.html"
    meta = read_metadata(html.fromstring(decode_page(path.read_bytes())[0]))
    assert meta.headline == "讓AI挑出感興趣 SparkAmplify精準行銷當紅"
    assert meta.section == "商情"
    assert meta.url == "https://money.udn.com/money/story/5635/4158094"
    with pytest.raises(ParseError, match="no article text found"):  # metadata alone is no article
        articlekit.parse(path, format="html")


def test_no_other_shared_format_is_sniffed_as_a_web_page() -> None:
    formats = require_shared("formats")
    claimed = []
    for folder in sorted(p for p in formats.iterdir() if p.is_dir() and p.name != "html"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and sniff_html(path.read_bytes()[:4096], path.name) >= 0.5:
                claimed.append(str(path.relative_to(formats)))
    assert claimed == []
