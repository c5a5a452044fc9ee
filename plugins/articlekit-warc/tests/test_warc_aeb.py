"""The 121 aeb-dev pages, stored in one archive, become 121 articles whose bodies are exactly
what the html parser makes of the raw pages: the same body F1 against the benchmark's ground
truth, measured the benchmark's way."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from articlekit_warc import WarcStats
from warc_helpers import Record, aeb_pages, aeb_truth, require_html

import articlekit
from articlekit import Article, MediaRef, Related


def body_text(article: Article) -> str:
    """Every body block except Related and media, in order, joined by newlines."""
    return "\n".join(block.text for block in article.body if not isinstance(block, (Related, MediaRef)))


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = re.findall(r"\w+", text)
    return Counter(tuple(tokens[i : i + 4]) for i in range(max(1, len(tokens) - 3)))


def body_f1(predicted: Iterable[tuple[str, str]], truth: dict[str, str]) -> float:
    """The benchmark's metric: 4-token shingles; per page TP, FP, FN normalised to sum to 1 and
    averaged over pages; F1 of the precision and recall of those averages."""
    sums = [0.0, 0.0, 0.0]
    pages = 0
    for page_id, text in predicted:
        got, expected = _shingles(text), _shingles(truth[page_id])
        tp = sum((got & expected).values())
        fp, fn = sum(got.values()) - tp, sum(expected.values()) - tp
        total = (tp + fp + fn) or 1
        for i, value in enumerate((tp, fp, fn)):
            sums[i] += value / total
        pages += 1
    tp, fp, fn = (value / pages for value in sums)
    precision, recall = tp / ((tp + fp) or 1), tp / ((tp + fn) or 1)
    return 2 * precision * recall / ((precision + recall) or 1)


def test_every_aeb_page_in_an_archive_becomes_the_article_the_html_parser_makes(
    warc_file: Callable[..., Path],
) -> None:
    require_html()
    pages = aeb_pages()
    assert len(pages) == 121
    archive = warc_file([Record(url, html) for _id, url, html in pages], "aeb.warc.gz")
    stats = WarcStats()
    from_archive = list(articlekit.parse_all(archive, warc_stats=stats, enrich=False))
    assert (stats.records, stats.articles, stats.skipped) == (122, 121, 1)  # and the warcinfo record
    direct = [articlekit.parse(html, "html", name=f"{page_id}.html", enrich=False) for page_id, _url, html in pages]
    ids = [page_id for page_id, _url, _html in pages]
    for page_id, got, expected in zip(ids, from_archive, direct, strict=True):
        assert body_text(got) == body_text(expected), page_id
    truth = aeb_truth()
    f1_archive = body_f1(zip(ids, map(body_text, from_archive), strict=True), truth)
    f1_direct = body_f1(zip(ids, map(body_text, direct), strict=True), truth)
    assert f1_archive == f1_direct
    assert f1_archive > 0.5  # a sanity floor: the pages are really read, not emptied
