from __future__ import annotations

from datetime import date

import attrs
import pytest

from articlekit.model import (
    Article,
    Cue,
    Heading,
    ListBlock,
    Media,
    MediaRef,
    Paragraph,
    Quote,
    Source,
    Span,
    Speaker,
    When,
)

BODY = (Paragraph('"We will win," Jane Doe said.'), ListBlock(("one", "two")))


def quote(**changes: object) -> Quote:
    base = Quote(
        id="q1",
        kind="direct",
        text="We will win,",
        spans=(Span(0, 1, 13),),
        cue=Cue("said", Span(0, 24, 28)),
        speaker=Speaker("Jane Doe", "s1", Span(0, 15, 23)),
    )
    return attrs.evolve(base, **changes)


def article(*quotes: Quote, sources: tuple[Source, ...] = (Source("s1", "person", "Jane Doe"),)) -> Article:
    return Article(headline="h", body=BODY, quotes=quotes, sources=sources)


def test_a_valid_quote_passes() -> None:
    a = article(quote())
    assert a.quotes[0].text == a.body[0].text[1:13]


def test_span_must_slice_back_to_the_text() -> None:
    with pytest.raises(ValueError, match="its spans give"):
        article(quote(text="We will lose"))


def test_span_must_lie_inside_its_block() -> None:
    with pytest.raises(ValueError, match="runs past block 0"):
        article(quote(spans=(Span(0, 1, 500),)))
    with pytest.raises(ValueError, match="block 7 is out of range"):
        article(quote(spans=(Span(7, 0, 1),)))


def test_span_end_cannot_precede_start() -> None:
    with pytest.raises(ValueError, match="before its start"):
        Span(0, 5, 2)


def test_several_spans_join_with_a_space() -> None:
    q = quote(spans=(Span(0, 1, 5), Span(1, 0, 3)), text='"We  one')
    with pytest.raises(ValueError):
        article(q)
    assert article(quote(spans=(Span(0, 1, 3), Span(1, 4, 7)), text="We two")).quotes[0].text == "We two"


def test_cue_and_speaker_spans_are_checked() -> None:
    with pytest.raises(ValueError, match="cue span"):
        article(quote(cue=Cue("says", Span(0, 24, 28))))
    with pytest.raises(ValueError, match="speaker span"):
        article(quote(speaker=Speaker("John Roe", "s1", Span(0, 15, 23))))


def test_speaker_source_must_exist() -> None:
    with pytest.raises(ValueError, match="source 's9' does not exist"):
        article(quote(speaker=Speaker("Jane Doe", "s9")))


def test_ids_are_unique() -> None:
    with pytest.raises(ValueError, match="quote ids"):
        article(quote(), quote())
    with pytest.raises(ValueError, match="source ids"):
        article(sources=(Source("s1", "person", "A"), Source("s1", "person", "B")))


def test_media_refs_point_at_media() -> None:
    with pytest.raises(ValueError, match="media reference"):
        Article(body=(MediaRef(0),))
    assert Article(body=(MediaRef(0),), media=(Media(),)).body[0].text == ""


def test_kinds_are_checked() -> None:
    with pytest.raises(ValueError):
        quote(kind="rumour")
    with pytest.raises(ValueError):
        Source("s1", "alien", "X")
    with pytest.raises(ValueError):
        Heading("x", level=7)


def test_evolve_revalidates() -> None:
    a = article(quote())
    with pytest.raises(ValueError):
        attrs.evolve(a, sources=())


def test_list_text_and_article_text() -> None:
    a = article()
    assert a.body[1].text == "one\ntwo"
    assert a.text == '"We will win," Jane Doe said.\none\ntwo'
    assert a.paragraphs == (BODY[0],)


def test_when_date_is_single_day_only() -> None:
    assert When("Thursday", date(2025, 11, 27), date(2025, 11, 27)).date == date(2025, 11, 27)
    assert When("last week", date(2025, 11, 17), date(2025, 11, 23)).date is None
    assert When("once").date is None


def test_models_are_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article().headline = "changed"  # type: ignore[misc]


def test_evolve_skips_the_check_only_for_the_very_parts_checked() -> None:
    checked = article(quote())
    # the same body, quotes, sources and media: nothing to check again
    assert attrs.evolve(checked, language="en").language == "en"
    # new quotes with the same body are checked
    with pytest.raises(ValueError, match="out of range"):
        attrs.evolve(checked, quotes=(quote(spans=(Span(5, 0, 2),), text='"W'),))
    # a list (not a tuple) can change under the same identity: it is checked each time
    body: list[Paragraph] = [Paragraph("abc")]
    first = Article(body=body, quotes=(Quote("q1", "direct", "abc", (Span(0, 0, 3),)),))  # type: ignore[arg-type]
    body[0] = Paragraph("x")
    with pytest.raises(ValueError, match="runs past block 0"):
        attrs.evolve(first, language="en")


def test_a_quote_s_spans_are_checked_again_over_another_body() -> None:
    checked = article(quote())
    same = checked.quotes[0]
    # the same spans, cue and mention around another speaker source: nothing to check again
    rebuilt = attrs.evolve(same, speaker=Speaker(same.speaker.mention, "s2", same.speaker.span))  # type: ignore[union-attr]
    assert attrs.evolve(checked, quotes=(rebuilt,), sources=(Source("s2", "person", "Jane Doe"),)).quotes == (rebuilt,)
    # the very same quote over a shorter body is checked
    with pytest.raises(ValueError, match="runs past block 0"):
        attrs.evolve(checked, body=(Paragraph('"We will'), BODY[1]))


@pytest.mark.parametrize(
    ("numbers", "message"),
    [
        ((-1, 0, 0), "block must be >= 0, got -1"),
        ((0, -2, 0), "start must be >= 0, got -2"),
        ((0, 0, -3), "end must be >= 0, got -3"),
        ((-1, -2, -3), "block must be >= 0, got -1"),  # the first field wrong is named
        ((0, 5, 2), "span end 2 is before its start 5"),
    ],
)
def test_a_bad_span_names_what_is_wrong(numbers: tuple[int, int, int], message: str) -> None:
    with pytest.raises(ValueError, match=f"^{message}$"):
        Span(*numbers)
    assert Span(0, 2, 2).end == 2
