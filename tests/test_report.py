"""The report: its figures (``summary``) on the seeds and on a generated corpus, the HTML page
showing those figures, escaping, bounded memory and size, and the ``report`` command. The
page in a real browser is tested in test_report_browser.py."""

from __future__ import annotations

import json
import os
import sys
import tracemalloc
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from articlekit import parse_all
from articlekit.cli import main
from articlekit.model import Article, Quote, QuoteContext, Source, Speaker
from articlekit.report import CHARTS, render_html, summary
from articlekit.report.html import plotly_js
from articlekit.report.summary import Tally, time_unit
from tests.report_corpus import HOSTILE, corpus

if os.environ.get("CI") != "true":
    pytest.importorskip("plotly", reason="the report needs plotly: pip install -e '.[report]'")

SEED_TEXTS = sorted(Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt"))
JS = "/* plotly stand-in: the page's structure does not depend on it */"


def seed_articles() -> list[Article]:
    return [a for path in SEED_TEXTS for a in parse_all(path)]


def expected(articles: list[Article]) -> dict[str, Any]:
    """The headline figures counted the plain way, for comparison with ``summary``."""
    kinds: Counter[str] = Counter()
    naming: Counter[str] = Counter()
    source_kinds: Counter[str] = Counter()
    for article in articles:
        by_id = {s.id: s for s in article.sources}
        source_kinds.update(s.kind for s in article.sources)
        for quote in article.quotes:
            kinds[quote.kind] += 1
            source = by_id.get(quote.speaker.source) if quote.speaker and quote.speaker.source else None
            naming[
                "unattributed"
                if source is None
                else "named"
                if source.kind in ("person", "organisation")
                else "unnamed"
            ] += 1
    return {
        "articles": len(articles),
        "quotes": sum(len(a.quotes) for a in articles),
        "sources": sum(len(a.sources) for a in articles),
        "dated_articles": sum(1 for a in articles if a.published),
        "quote_kinds": {k: kinds[k] for k in ("direct", "indirect", "mixed")},
        "quotes_by_naming": {k: naming[k] for k in ("named", "unnamed", "unattributed")},
        "sources_by_kind": {k: source_kinds[k] for k in ("person", "organisation", "group", "unnamed")},
        "articles_by_provider": Counter(a.provider or "unknown" for a in articles),
    }


def check_headline_figures(figures: dict[str, Any], articles: list[Article]) -> None:
    want = expected(articles)
    for key in (
        "articles",
        "quotes",
        "sources",
        "dated_articles",
        "quote_kinds",
        "quotes_by_naming",
        "sources_by_kind",
    ):
        assert figures[key] == want[key], key
    assert figures["articles_by_provider"] == dict(want["articles_by_provider"])
    assert sum(figures["quotes_per_article"].values()) == len(articles)
    assert sum(sum(c.values()) for c in figures["quotes_by_date"].values()) == sum(
        len(a.quotes) for a in articles if a.published
    )
    assert sum(figures["articles_by_date"].values()) == want["dated_articles"]


def test_summary_of_the_seeds() -> None:
    articles = seed_articles()
    figures = summary(articles)
    check_headline_figures(figures, articles)
    assert figures["articles"] == len(SEED_TEXTS) == 19
    # the first seed: Putin is quoted most, in a press conference, and through Telegram
    top = figures["top_sources"][0]
    assert top["name"] == "Vladimir Putin"
    speakers = [a.source(q.speaker.source) for a in articles for q in a.quotes if q.speaker and q.speaker.source]
    assert top["quotes"] == sum(1 for s in speakers if s is not None and s.name == "Vladimir Putin")
    assert "Russian President" in top["titles"]
    assert top["example"]["kind"] == "direct" and top["example"]["paragraph"] >= 1
    assert figures["channels"]["Telegram"] >= 1
    assert any("press conference" in venue for venue in figures["venues"])
    json.dumps(figures)  # plain data


def test_summary_of_a_generated_corpus() -> None:
    articles = list(corpus(600))
    figures = summary(iter(articles))
    check_headline_figures(figures, articles)
    # by construction: article i has i % 6 quotes, by a person, an organisation, a group, an
    # unnamed source and no one, in that order
    assert figures["quotes_per_article"] == {str(n): 100 if n < 6 else 0 for n in range(10)} | {"10+": 0}
    assert figures["quotes_by_naming"]["unattributed"] == 100
    assert figures["languages"] == {"en": 300, "fr": 150, "unknown": 150}
    # "a statement" and "the statement" are one channel
    assert set(figures["channels"]) == {"a statement", "Telegram", "X"}
    people = {t["name"]: t for t in figures["top_sources"] if t["kind"] == "person"}
    # Person k speaks in every article i with i % 13 == k and at least one quote
    count = sum(1 for i in range(600) if i % 13 == 0 and i % 6 >= 1)
    assert people["Person 0"]["quotes"] == people["Person 0"]["articles"] == count
    assert len(people["Person 0"]["appearances"]) == 3
    who = figures["who_quotes_whom"]
    assert sum(map(sum, who["quotes"])) == sum(t["quotes"] for t in figures["top_sources"])
    assert figures["named_sources"] == 13 + 2


def test_past_the_cap_the_rarest_names_are_dropped_and_the_top_stay_exact() -> None:
    tally = Tally(top=3, max_keys=50)
    for i in range(2000):
        sources = (Source("s1", "person", f"Frequent {i % 3}"), Source("s2", "person", f"Rare {i}"))
        quotes = (
            Quote("q1", "direct", "a", speaker=Speaker("F", "s1"), context=QuoteContext(channel="Telegram")),
            Quote("q2", "direct", "b", speaker=Speaker("R", "s2"), context=QuoteContext(channel=f"channel {i}")),
        )
        tally.add(Article(headline=f"h{i}", quotes=quotes, sources=sources))
        assert len(tally.channels.counts) <= 50
    figures = tally.result()
    assert [(t["name"], t["quotes"], t["articles"]) for t in figures["top_sources"]] == [
        ("Frequent 0", 667, 667),
        ("Frequent 1", 667, 667),
        ("Frequent 2", 666, 666),
    ]
    assert figures["channels"]["Telegram"] == 2000 and max(figures["channels"].values()) == 2000
    assert figures["quotes"] == 4000 and figures["quotes_by_naming"]["named"] == 4000
    assert figures["named_sources"] <= 50  # the long tail is not all kept


def numbers_shown(page: str) -> tuple[dict[str, int], dict[str, dict[str, int]]]:
    """The tiles and every chart's table of numbers, as the page shows them."""
    tree = lxml_html.fromstring(page)
    tiles = {e.get("data-figure"): int(e.text_content().replace(",", "")) for e in tree.xpath("//*[@data-figure]")}
    tables = {}
    for table in tree.xpath("//table[@data-chart]"):
        rows = table.xpath("./tr[td]")
        tables[table.get("data-chart")] = {r[0].text_content(): int(r[1].text_content().replace(",", "")) for r in rows}
    return tiles, tables


@pytest.mark.parametrize("source", ["seeds", "generated"])
def test_the_page_shows_the_summary(source: str) -> None:
    articles = seed_articles() if source == "seeds" else list(corpus(300))
    figures = summary(articles)
    page = render_html(figures, javascript=JS)
    tiles, tables = numbers_shown(page)
    for key in ("articles", "quotes", "sources", "named_sources", "dated_articles"):
        assert tiles[key] == figures[key]
    assert tables["quote-kinds"] == figures["quote_kinds"]
    assert tables["quotes-by-naming"] == figures["quotes_by_naming"]
    assert tables["sources-by-kind"] == figures["sources_by_kind"]
    assert tables["articles-by-provider"] == figures["articles_by_provider"]
    assert tables["articles-by-date"] == figures["articles_over_time"]
    assert figures["time_unit"] == "day" and figures["articles_over_time"] == figures["articles_by_date"]
    assert tables["top-sources"] == {t["name"]: t["quotes"] for t in figures["top_sources"]}
    assert tables["quotes-per-article"] == figures["quotes_per_article"]
    # every chart the report knows is drawn for these corpora (several outlets, channels, venues)
    drawn = set(json.loads(lxml_html.fromstring(page).get_element_by_id("report-figures").text))
    venues = bool(figures["venues"])
    assert drawn == {chart for _s, chart, _t, _f in CHARTS if venues or chart != "venues"}


def test_long_spans_are_counted_by_month_or_year() -> None:
    assert time_unit([]) == time_unit(["2025-01-01", "2025-04-02"]) == "day"
    assert time_unit(["2019-12-30", "2019-01-01", "2025-01-01"]) == "month"
    assert time_unit(["2001-01-01", "2025-01-01"]) == "year"
    days = (datetime(2019, 1, 5), datetime(2019, 1, 20), datetime(2020, 3, 1), None)
    figures = summary(Article(headline="x", published=day) for day in days)
    assert figures["time_unit"] == "month"
    assert figures["articles_over_time"] == {"2019-01": 2, "2020-03": 1}
    assert figures["articles_by_date"] == {"2019-01-05": 1, "2019-01-20": 1, "2020-03-01": 1}
    tiles, tables = numbers_shown(render_html(figures, javascript=JS))
    assert tables["articles-by-date"] == figures["articles_over_time"]
    assert tiles["dated_articles"] == 3


def test_article_text_stays_text() -> None:
    articles = list(corpus(40, text=HOSTILE))
    page = render_html(summary(articles), javascript=JS)
    tree = lxml_html.fromstring(page)
    assert not tree.xpath("//img"), "markup from an article became an element"
    scripts = tree.xpath("//script")
    assert len(scripts) == 4  # the figures, the summary, plotly, the drawing code
    assert "</script" not in "".join(s.text or "" for s in scripts).lower()
    assert HOSTILE + "Headline" in tree.text_content()  # shown as written
    # the embedded data gives the text back exactly
    data = json.loads(tree.get_element_by_id("report-summary").text)
    assert data["top_sources"][0]["appearances"][0]["headline"].startswith(HOSTILE)


def test_links_go_only_to_web_pages_and_local_files() -> None:
    import attrs

    from tests.report_corpus import article

    bad = attrs.evolve(article(1), url="javascript:alert(1)")
    good = article(13)  # https://example.org/13
    page = render_html(summary([bad, good]), javascript=JS)
    hrefs = lxml_html.fromstring(page).xpath("//a/@href")
    assert hrefs and all(h.startswith("https://example.org/13") for h in hrefs)
    assert any("#:~:text=words%200%20of%20article%2013" in h for h in hrefs)


def test_an_empty_corpus_gives_a_page_without_charts() -> None:
    page = render_html(summary([]), javascript=JS)
    tiles, tables = numbers_shown(page)
    assert tiles["articles"] == 0 and not tables
    assert "Nothing to draw" in page


def peak_memory(count: int) -> tuple[int, int]:
    """Peak traced memory while summarising ``count`` generated articles, and the page's size."""
    tracemalloc.start()
    try:
        figures = summary(corpus(count))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak, len(render_html(figures, javascript=JS).encode())


def test_memory_and_size_stay_bounded() -> None:
    small_peak, small_size = peak_memory(500)
    large_peak, large_size = peak_memory(4000)
    # eight times the articles: memory and the page grow with distinct days and names only
    assert large_peak < small_peak * 1.5, (small_peak, large_peak)
    assert large_size < small_size * 1.2, (small_size, large_size)
    assert large_size < 200_000  # without the charting library's bundle


# -- the command ---------------------------------------------------------------------------


def test_the_command_writes_one_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.html"
    assert main(["report", *map(str, SEED_TEXTS), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    tiles, _tables = numbers_shown(page)
    assert tiles["articles"] == 19
    assert tiles["quotes"] == summary(seed_articles())["quotes"]
    javascript, _version = plotly_js()
    assert javascript in page  # the library is embedded whole
    assert "19 articles" in capsys.readouterr().err
    # no overwrite without --force; --force overwrites
    assert main(["report", str(SEED_TEXTS[0]), "-o", str(out)]) == 2
    assert "exists; use --force" in capsys.readouterr().err
    assert main(["report", str(SEED_TEXTS[0]), "-o", str(out), "--force", "-q"]) == 0
    assert numbers_shown(out.read_text(encoding="utf-8"))[0]["articles"] == 1


def test_the_command_with_two_processes(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert main(["report", *map(str, SEED_TEXTS[:6]), "-o", str(out), "--jobs", "2", "-q"]) == 0
    figures = summary(a for p in SEED_TEXTS[:6] for a in parse_all(p))
    assert numbers_shown(out.read_text(encoding="utf-8"))[0]["quotes"] == figures["quotes"]


def test_the_command_carries_on_past_bad_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    out = tmp_path / "report.html"
    assert main(["report", str(bad), str(SEED_TEXTS[0]), str(tmp_path / "nothing.txt"), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}: empty file" in err and "nothing.txt: no such file or folder" in err
    assert "Traceback" not in err
    assert numbers_shown(out.read_text(encoding="utf-8"))[0]["articles"] == 1


def test_the_command_refuses_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", str(SEED_TEXTS[0]), "-o", str(tmp_path)]) == 2
    assert "one HTML file, not a folder" in capsys.readouterr().err


def test_without_plotly_the_command_says_what_to_install(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    plotly_js.cache_clear()
    monkeypatch.setitem(sys.modules, "plotly", None)
    try:
        assert main(["report", str(SEED_TEXTS[0]), "-o", str(tmp_path / "r.html")]) == 1
    finally:
        plotly_js.cache_clear()
    assert "pip install 'articlekit[report]'" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()


def test_the_progress_bar_is_convert_s(tmp_path: Path) -> None:
    import shutil

    from tests.test_cli_batch import on_terminal

    for i in range(300):
        shutil.copy(SEED_TEXTS[i % len(SEED_TEXTS)], tmp_path / f"{i:03d}.txt")
    out = tmp_path.parent / f"{tmp_path.name}-report.html"
    code, screen = on_terminal(["report", str(tmp_path), "-o", str(out)], timeout=120)
    assert code == 0
    assert "\r\x1b[K[" in screen and "300/300 files" in screen
    assert "300 converted, 0 failed, 0 skipped; 300 articles" in screen and f"report in {out}" in screen
    assert numbers_shown(out.read_text(encoding="utf-8"))[0]["articles"] == 300
