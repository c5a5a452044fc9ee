"""Every article the industry parsers (nitf, newsml-g2, newsml-1, ninjs, feed) read from the
shared samples is a valid articlekit document: its JSON validates against the schema and reads
back as the same Article."""

from __future__ import annotations

import json
import warnings

import jsonschema

import articlekit
from articlekit.errors import ParseError
from articlekit.formats.newsml.g2 import SkippedItemWarning
from articlekit.schema import json_schema
from tests.conftest import require_shared

PATTERNS = (
    "nitf/**/*.xml",
    "newsml-g2/**/*.xml",
    "newsml-1.2/*.xml",
    "ninjs/examples/**/*.json",
    "feeds/feed-rs/**/*.xml",
    "feeds/feed-rs/**/*.json",
    "feeds/feedparser_microtests/**/*.xml",
)


def direct_quote_pieces(article: articlekit.Article) -> set[str]:
    """The text of every span of the article's direct quotes: what a writer that marks quotes
    inline (NITF <q>, ninjs <span class="quote">) writes, one mark per span."""
    return {
        article.body[span.block].text[span.start : span.end]
        for quote in article.quotes
        if quote.kind == "direct"
        for span in quote.spans
    }


def test_every_article_from_the_shared_samples_is_valid_and_round_trips() -> None:
    formats = require_shared("formats")
    validator = jsonschema.Draft202012Validator(json_schema(), format_checker=jsonschema.FormatChecker())
    articles = 0
    seen_formats = set()
    for pattern in PATTERNS:
        for path in sorted(formats.glob(pattern)):
            if "schema" in path.parts or path.name.endswith(".serde.json"):
                continue
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", SkippedItemWarning)
                    parsed = list(articlekit.parse_all(path))
            except ParseError:
                continue  # the files expected to fail are checked by each format's tests
            for article in parsed:
                data = json.loads(articlekit.dumps(article, "json"))
                errors = [e.message for e in validator.iter_errors(data)]
                assert not errors, (path, errors[:3])
                assert articlekit.parse(json.dumps(data)) == article, path
                seen_formats.add(article.origin.format)
                articles += 1
    assert seen_formats == {"nitf", "newsml-g2", "newsml-1", "ninjs", "feed"}
    assert articles > 450
