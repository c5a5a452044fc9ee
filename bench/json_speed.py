"""JSON dumps and parse speed on generated articles, against the bare stdlib ``json`` round trip
of the same data in the same run (the floor any JSON format pays).

    python bench/run.py json [--n 2000]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from datetime import datetime, timedelta, timezone

import articlekit
from articlekit.converter import article_to_data
from articlekit.model import (
    Article,
    Contributor,
    Cue,
    Heading,
    Media,
    Paragraph,
    Place,
    Quote,
    QuoteContext,
    Source,
    Span,
    Speaker,
)

WORDS = [
    "the",
    "minister",
    "said",
    "talks",
    "would",
    "continue",
    "next",
    "week",
    "despite",
    "growing",
    "pressure",
    "from",
    "allies",
]


def generate(n: int, seed: int = 7) -> list[Article]:
    """``n`` articles of news-like size: 12 paragraphs, a heading, 4 quotes, 2 sources."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        paragraphs = []
        for _ in range(12):
            words = rng.choices(WORDS, k=rng.randint(20, 45))
            paragraphs.append(Paragraph('"' + " ".join(words[:10]) + '," Jane Doe said. ' + " ".join(words[10:]) + "."))
        body = (paragraphs[0], Heading("A subheading"), *paragraphs[1:])
        quotes = tuple(
            Quote(
                id=f"q{k + 1}",
                kind="direct",
                text=body[b].text[1 : body[b].text.index(',"') + 1],
                spans=(Span(b, 1, body[b].text.index(',"') + 1),),
                cue=Cue("said", Span(b, body[b].text.index(" said") + 1, body[b].text.index(" said") + 5)),
                speaker=Speaker("Jane Doe", "s1"),
                context=QuoteContext(channel="Telegram"),
            )
            for k, b in enumerate((0, 2, 4, 6))
        )
        out.append(
            Article(
                headline=f"Generated article {i}",
                published=datetime(2025, 11, 28, 12, 44, tzinfo=timezone(timedelta(hours=1))),
                authors=(Contributor("Jane Doe"),),
                provider="Example Agency",
                datelines=(Place("MOSCOW"),),
                media=(Media(url="https://example.org/a.jpg", caption="A caption", credit="AFP"),),
                body=body,
                quotes=quotes,
                sources=(
                    Source("s1", "person", "Jane Doe", titles=("minister",)),
                    Source("s2", "organisation", "Kremlin"),
                ),
                keywords=("politics", "ukraine"),
            )
        )
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench json")
    parser.add_argument("--n", type=int, default=2000)
    args = parser.parse_args(argv)
    articles = generate(args.n)

    start = time.perf_counter()
    texts = [articlekit.dumps(a, "json") for a in articles]
    dump_s = time.perf_counter() - start
    start = time.perf_counter()
    back = [articlekit.parse(t, "json") for t in texts]
    parse_s = time.perf_counter() - start
    assert back == articles

    datas = [article_to_data(a) for a in articles]
    start = time.perf_counter()
    raw = [json.dumps(d, ensure_ascii=False, indent=2) for d in datas]
    raw_dump_s = time.perf_counter() - start
    start = time.perf_counter()
    for r in raw:
        json.loads(r)
    raw_load_s = time.perf_counter() - start

    n = len(articles)
    print(f"articles: {n} (12 paragraphs, 4 quotes each)")
    print(f"articlekit dumps json: {n / dump_s:9.0f} articles/s")
    print(f"articlekit parse json: {n / parse_s:9.0f} articles/s (read, validate, structure)")
    print(f"stdlib json.dumps    : {n / raw_dump_s:9.0f} articles/s  -> dumps ratio {raw_dump_s / dump_s:.2f}")
    print(f"stdlib json.loads    : {n / raw_load_s:9.0f} articles/s  -> parse ratio {raw_load_s / parse_s:.2f}")
    return 0
