"""Metadata of web pages, per page set: how many pages the ``html`` parser leaves without a
headline, a published date or a language, how many keep a character reference or markup in a
text field, and how many it refuses: ``python bench/run.py web-meta [--set NAME ...] [--show N]``.

The sets are ``corpora/aeb-dev`` (the metadata rules were tuned there) and every set in
``corpora/web-dev`` (never tuned on: the honest figures), read from ``$ARTICLEKIT_SHARED``
(default ``../shared`` beside the repository) and never copied into the repository. Enrichers
are off: only what the page says is counted. ``--show N`` prints up to N page ids per problem;
``--dump FILE`` writes every page's fields, to compare two trees page by page.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import articlekit
from aeb import shared_dir
from articlekit.errors import ArticlekitError
from articlekit.formats.html.meta import CHARACTER_REFERENCE, HTML_TAG
from articlekit.model import Article
from web import WEB_SETS, set_folder

ENTITY_OR_MARKUP = re.compile(f"{CHARACTER_REFERENCE.pattern}|{HTML_TAG.pattern}", re.I)
"""A character reference (``&#8220;``, ``&nbsp;``, ``&amp;``) or an HTML tag
(``<a class="more">``) left in a field; ``<The Palace>``, a title in angle brackets, is no tag."""

PROBLEMS = ("no headline", "entities/markup", "no date", "no language", "empty", "binary", "refused")
"""What is counted per set: pages without a headline, date or language, with a character reference
or a tag left in a field, with no article text (an empty article before, an error now), refused
as binary, refused for another reason."""


def sets() -> dict[str, Path]:
    """Set name -> folder of ``*.html.gz`` pages, aeb-dev first (the sets of ``bench/web.py``)."""
    found = {name: set_folder(name) / "html" for name in ("aeb-dev", *WEB_SETS)}
    return {name: path for name, path in found.items() if path.is_dir()}


def text_fields(article: Article) -> Iterator[str]:
    """Every text field a page's metadata fills."""
    for value in (article.headline, article.subheadline, article.summary, article.section, article.provider):
        if value:
            yield value
    for person in article.authors:
        yield person.name
    yield from article.keywords
    for item in article.media[:1]:
        for value in (item.caption, item.credit):
            if value:
                yield value


def problems(article: Article) -> list[str]:
    found = []
    if not article.headline.strip() or article.headline.strip() == "#":
        found.append("no headline")
    if any(ENTITY_OR_MARKUP.search(text) for text in text_fields(article)):
        found.append("entities/markup")
    if article.published is None:
        found.append("no date")
    if not article.language:
        found.append("no language")
    return found


def fields(article: Article) -> dict[str, object]:
    """What ``--dump`` records of a page: the metadata fields, to compare two trees page by page."""
    return {
        "headline": article.headline,
        "subheadline": article.subheadline,
        "summary": article.summary,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language,
        "authors": [person.name for person in article.authors],
        "text_chars": len(article.text),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench/run.py web-meta", description=__doc__)
    parser.add_argument("--set", action="append", dest="only", help="only this set (repeatable)")
    parser.add_argument("--show", type=int, default=0, help="print up to N page ids per problem")
    parser.add_argument(
        "--dump", type=Path, help="write every page's headline, date, language and authors to this JSON file"
    )
    args = parser.parse_args(argv)
    available = sets()
    if not available:
        print(f"no page sets under {shared_dir() / 'corpora'}: set ARTICLEKIT_SHARED", file=sys.stderr)
        return 1
    chosen = {n: p for n, p in available.items() if not args.only or n in args.only}
    dumped: dict[str, dict[str, object]] = {}
    print(f"{'set':<12} {'pages':>6} " + " ".join(f"{p:>15}" for p in PROBLEMS))
    print("(empty: no article text, an error since issue 13; the other columns count the pages read)")
    for name, folder in chosen.items():
        pages = sorted(folder.glob("*.html.gz"))
        seen: dict[str, list[str]] = {p: [] for p in PROBLEMS}
        for path in pages:
            page_id = path.name.removesuffix(".html.gz")
            try:
                article = articlekit.parse(gzip.decompress(path.read_bytes()), format="html", enrich=False)
            except ArticlekitError as exc:
                reason = str(exc)
                kind = "empty" if "no article text" in reason else "binary" if "binary" in reason else "refused"
                seen[kind].append(page_id)
                dumped[f"{name}/{page_id}"] = {"error": reason}
                continue
            dumped[f"{name}/{page_id}"] = fields(article)
            if not article.text.strip():
                seen["empty"].append(page_id)
            for problem in problems(article):
                seen[problem].append(page_id)
        print(f"{name:<12} {len(pages):>6} " + " ".join(f"{len(seen[p]):>15}" for p in PROBLEMS))
        if args.show:
            for problem, ids in seen.items():
                if ids:
                    print(f"    {problem}: {' '.join(ids[: args.show])}")
    if args.dump:
        args.dump.write_text(json.dumps(dumped, indent=1, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
