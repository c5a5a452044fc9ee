"""The report in a real browser: headless Chromium (Debian's ``chromium``, which ``.ci/run``
installs), driven over the DevTools protocol. One browser for the module; two pages: the
seeds' report and a generated corpus whose text is hostile markup.

Skipped, with the reason, where Chromium or plotly is missing; under CI=true they must run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from articlekit import parse_all
from articlekit.report import CHARTS, summary, write_report
from tests.browser import Browser, Page, coloured_share, find_chromium
from tests.report_corpus import HOSTILE, corpus

SEED_TEXTS = sorted(Path(__file__).resolve().parent.parent.joinpath("seeds").glob("*.txt"))


def _require(what: object, reason: str) -> None:
    if what:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = find_chromium()
    _require(executable, "no Chromium found (apt-get install chromium); the report's browser tests need it")
    try:
        import plotly  # noqa: F401
    except ImportError:
        _require(False, "the report needs plotly: pip install -e '.[report]'")
    assert executable is not None
    chromium = Browser(executable)
    try:
        yield chromium
    finally:
        chromium.close()


def _open(browser: Browser, path: Path) -> Page:
    page = browser.open(path)
    charts = page.evaluate("document.querySelectorAll('.chart').length")
    page.wait_until(f"document.querySelectorAll('.chart[data-drawn]').length == {charts}")
    return page


@pytest.fixture(scope="module")
def seeds_page(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> tuple[Page, dict[str, Any]]:
    path = tmp_path_factory.mktemp("report") / "seeds.html"
    articles = [a for p in SEED_TEXTS for a in parse_all(p)]
    with path.open("wb") as out:
        write_report(iter(articles), out)
    return _open(browser, path), summary(articles)


def test_opens_with_no_console_error_and_no_request(seeds_page: tuple[Page, dict[str, Any]]) -> None:
    page, _figures = seeds_page
    assert page.errors() == []
    assert page.requests() == []
    assert page.evaluate("typeof Plotly") == "object"


def test_every_chart_is_drawn(seeds_page: tuple[Page, dict[str, Any]]) -> None:
    page, _figures = seeds_page
    ids = page.evaluate("Array.from(document.querySelectorAll('.chart')).map(e => e.id)")
    assert ids == [f"chart-{chart}" for _s, chart, _t, _f in CHARTS]  # the seeds draw them all
    for chart_id in ids:
        box = page.evaluate(
            f"(() => {{ const r = document.getElementById('{chart_id}').getBoundingClientRect();"
            " return {x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height}; })()"
        )
        assert box["width"] > 200 and box["height"] > 200, (chart_id, box)
        share = coloured_share(page.screenshot(box, scale=0.4))
        assert share > 0.005, f"{chart_id}: only {share:.2%} of the chart area is drawn"


def test_the_numbers_shown_are_the_summary(seeds_page: tuple[Page, dict[str, Any]]) -> None:
    page, figures = seeds_page
    shown = page.evaluate(
        "Object.fromEntries(Array.from(document.querySelectorAll('[data-figure]'))"
        ".map(e => [e.dataset.figure, Number(e.textContent.replace(/,/g, ''))]))"
    )
    assert shown == {k: figures[k] for k in ("articles", "quotes", "sources", "named_sources", "dated_articles")}
    # the top source's bar is as long as its count of quotes
    bars = page.evaluate(
        "(() => { const d = document.getElementById('chart-top-sources').data[0];"
        " return Object.fromEntries(d.y.map((name, i) => [name, d.x[i]])); })()"
    )
    assert bars == {t["name"]: t["quotes"] for t in figures["top_sources"]}


def test_hostile_text_stays_text(browser: Browser, tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    with path.open("wb") as out:
        write_report(corpus(60, text=HOSTILE), out)
    page = _open(browser, path)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate(f"document.body.innerText.includes({HOSTILE + 'Headline'!r})")
    assert page.errors() == []
    assert page.requests() == []
