"""The ``dates`` enricher: when each quote was said, as dates, resolved against the
article's publication date.

The words stay as written in [`When.text`][articlekit.model.When.text]; ``start`` and ``end``
give the days they can mean, by [`articlekit.dates.resolve_day`][articlekit.common.dates.resolve_day]
(the rules every part of articlekit shares):

- a weekday (``Thursday``, ``on Tuesday night``) is the latest such day on or before the
  publication date: ``Thursday`` in an article published on Friday 2025-11-28 is 2025-11-27;
- ``today``, ``tonight``, ``yesterday``;
- ``last week`` / ``this week`` / ``earlier this week``, and the same with month and year, are
  ranges (weeks run Monday to Sunday);
- a day and month (``Nov. 27``), in the latest year that does not put it in the future;
- anything else is kept as written, unresolved.

Without a publication date only dates written with their year resolve. Words whose days
would fall outside the calendar (``yesterday`` for a date of 0001-01-01, ``next year`` for
9999-12-31) stay unresolved: the enricher never raises.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import attrs

from articlekit.common.dates import parse_date, resolve_day
from articlekit.hookspecs import hookimpl
from articlekit.model import Article, When
from articlekit.options import OptionSpec
from articlekit.registry import EnricherSpec, Options

__all__ = ["resolve_when"]


def resolve_when(text: str, published: date | None) -> When:
    """The dates ``text`` means for an article published on ``published``.

    >>> resolve_when("Thursday", date(2025, 11, 28)).date
    datetime.date(2025, 11, 27)
    >>> w = resolve_when("last week", date(2025, 11, 28)); (w.start, w.end)
    (datetime.date(2025, 11, 17), datetime.date(2025, 11, 23))
    """
    if published is None:
        try:
            day = parse_date(text)
        except (OverflowError, ValueError):
            day = None
        return When(text, day, day) if day is not None else When(text)
    try:
        found = resolve_day(text, published)
    except (OverflowError, ValueError):
        found = None  # a day before 0001-01-01 or after 9999-12-31: unresolved, never an error
    return When(text, *found) if found is not None else When(text)


DATES = OptionSpec("dates", bool, True, "resolve when each quote was said (false: leave it as it is)")


def enrich_dates(article: Article, options: Options) -> Article:
    """The enricher: every quote's ``context.when`` resolved where it can be. The option
    ``dates=False`` turns it off."""
    if not DATES.value(options) or not article.quotes:
        return article
    published = article.published.date() if article.published is not None else None
    quotes = []
    changed = False
    for quote in article.quotes:
        when = quote.context.when
        if when is not None and when.start is None:
            resolved = resolve_when(when.text, published)
            if resolved != when:
                quote = attrs.evolve(quote, context=attrs.evolve(quote.context, when=resolved))
                changed = True
        quotes.append(quote)
    return attrs.evolve(article, quotes=tuple(quotes)) if changed else article


@hookimpl
def articlekit_enrichers() -> Sequence[EnricherSpec]:
    return [
        EnricherSpec(
            name="dates",
            run=enrich_dates,
            order=300,
            description="when each quote was said, resolved against the publication date",
            options=(DATES,),
        )
    ]
