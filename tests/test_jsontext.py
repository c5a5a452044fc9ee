"""The JSON writers' generated hot path writes exactly what ``json.dumps`` writes of the
converter's data, in every layout, for every part of the model and for values it does not
expect."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime, timezone
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from articlekit import model as m
from articlekit.converter import article_to_data, get_converter
from articlekit.jsontext import article_json

from .strategies import articles

LAYOUTS: list[tuple[int | None, tuple[str, str] | None]] = [(None, None), (None, (",", ":")), (2, None), (4, None)]


def reference(article: m.Article, indent: int | None, separators: tuple[str, str] | None) -> str:
    return json.dumps(
        article_to_data(article), ensure_ascii=False, allow_nan=False, indent=indent, separators=separators
    )


def assert_same(article: m.Article) -> None:
    for indent, separators in LAYOUTS:
        assert article_json(article, indent, separators) == reference(article, indent, separators), (indent, separators)


def full_article() -> m.Article:
    body: tuple[m.Block, ...] = (
        m.Paragraph('Ünïcödé "quoted," she said.\tA tab, a \\ and a \x7f.', marks=(m.Mark("emphasis", 0, 7),)),
        m.Heading("A heading", level=2, marks=(m.Mark("link", 2, 9, href="https://example.org/?a=1&b=2", title="T"),)),
        m.BlockQuote("Cited words", cite="Somebody"),
        m.ListBlock(("one", "two"), ordered=True),
        m.Related("More", label="ALSO READ", url="https://example.org/more"),
        m.MediaRef(0),
        m.Paragraph("Plain."),
    )
    quote = m.Quote(
        id="q1",
        kind="direct",
        text="Ünïcödé",
        spans=(m.Span(0, 0, 7),),
        cue=m.Cue("said", m.Span(0, 22, 26)),
        speaker=m.Speaker("she", "s1", m.Span(0, 18, 21)),
        context=m.QuoteContext(venue="a rally", channel="television", when=m.When("Tuesday", date(2024, 5, 7), None)),
    )
    return m.Article(
        headline="Héadline",
        subheadline="Deck",
        language="en",
        id="urn:1",
        published=datetime(2024, 5, 8, 9, 30, tzinfo=timezone.utc),
        updated=datetime(2024, 5, 8, 10, 0),
        authors=(m.Contributor("Jane Roe", role="author", title="Reporter"),),
        provider="Agency",
        datelines=(m.Place("Paris", country="France"),),
        media=(m.Media("image", url="https://example.org/a.jpg", caption="A caption", width=640, height=480),),
        body=body,
        quotes=(quote,),
        sources=(m.Source("s1", "person", "Jane Doe", titles=("Mayor",), aliases=("she",)),),
        keywords=("a", "b"),
        subjects=(m.Subject("Politics", code="11000000", scheme="iptc"),),
        section="World",
        priority=3,
        extensions={"plugin": {"score": 0.25, "list": [1, 2.5, None, True], "nested": {"x": []}}, "empty": {}},
        origin=m.Origin("text", "a.txt", "articlekit.formats.text", "utf-8"),
    )


def test_every_part_of_the_model_in_every_layout() -> None:
    assert_same(full_article())
    assert_same(m.Article())


def test_values_of_other_types_than_declared_go_through_the_converter() -> None:
    article = full_article()
    odd = attrs.evolve(
        article,
        # a list where a tuple belongs, a block whose marks are a list, an integer and a truth
        # value where text belongs, keys that are no strings
        keywords=["x", 1, True],  # type: ignore[arg-type]
        body=(*article.body[:-1], attrs.evolve(article.body[-1], marks=[])),  # type: ignore[arg-type]
        priority=True,
        extensions={1: "one", None: [float("1e300")], "deep": [[[{"a": "é"}]]]},
    )
    object.__setattr__(odd, "headline", 7)
    object.__setattr__(odd, "published", date(2024, 1, 1))
    assert_same(odd)


def test_a_number_json_cannot_hold_is_the_same_error() -> None:
    article = attrs.evolve(m.Article(), extensions={"x": float("nan")})
    with pytest.raises(ValueError, match="Out of range float values are not JSON compliant"):
        reference(article, None, None)
    with pytest.raises(ValueError, match="Out of range float values are not JSON compliant"):
        article_json(article)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_generated_articles(article: m.Article) -> None:
    assert_same(article)


def test_the_writers_use_it() -> None:
    import articlekit

    article = full_article()
    data: Any = article_to_data(article)
    assert articlekit.dumps(article, "json") == json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    assert articlekit.dumps(article, "json", indent=None) == json.dumps(data, ensure_ascii=False) + "\n"
    compact = json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    assert articlekit.dumps(article, "jsonl") == compact


def _plain_cattrs_hook(hook: object, cls: type) -> bool:
    """Whether the writers generate code for ``cls`` written by ``hook`` (cattrs' default hook)."""
    from articlekit.jsontext import _field_hooks

    return _field_hooks(hook, cls) is not None


def test_a_class_whose_hook_renames_or_leaves_out_fields_goes_through_its_hook() -> None:
    import cattrs
    from cattrs.gen import make_dict_unstructure_fn, override

    conv = cattrs.Converter()
    assert _plain_cattrs_hook(conv.get_unstructure_hook(m.Span), m.Span)
    renamed = make_dict_unstructure_fn(m.Span, conv, block=override(rename="b"))
    assert not _plain_cattrs_hook(renamed, m.Span)
    assert not _plain_cattrs_hook(make_dict_unstructure_fn(m.Place, conv, _cattrs_omit_if_default=True), m.Place)
    assert not _plain_cattrs_hook(lambda span: {}, m.Span)


def test_every_model_class_but_the_mark_gets_a_generated_writer() -> None:
    from articlekit.converter import get_converter

    conv = get_converter()
    classes = [m.Article, m.Quote, m.Span, m.Cue, m.Speaker, m.QuoteContext, m.When, m.Source, m.Origin,
               m.Contributor, m.Place, m.Media, m.Subject, m.Paragraph, m.Heading, m.BlockQuote, m.ListBlock,
               m.Related, m.MediaRef]  # fmt: skip
    assert [c.__name__ for c in classes if not _plain_cattrs_hook(conv.get_unstructure_hook(c), c)] == []
    assert not _plain_cattrs_hook(conv.get_unstructure_hook(m.Mark), m.Mark)  # the converter's own hook


@pytest.fixture
def own_converter() -> Any:
    """The converter, for a test to register hooks on; a fresh one for the tests after."""
    from articlekit.converter import get_converter

    get_converter.cache_clear()
    yield get_converter()
    get_converter.cache_clear()


def test_a_hook_registered_after_the_first_write_is_followed(own_converter: Any) -> None:
    from cattrs.gen import make_dict_unstructure_fn, override

    article = full_article()
    assert_same(article)  # (the writers of every layout generated)
    own_converter.register_unstructure_hook(datetime, lambda value: value.strftime("%Y"))
    assert '"published": "2024"' in article_json(article)
    assert_same(article)
    own_converter.register_unstructure_hook(m.Source, lambda source: {"id": source.id})
    assert '"sources": [{"id": "s1"}]' in article_json(article)
    assert_same(article)
    own_converter.register_unstructure_hook(m.Paragraph, lambda block: {"text": block.text.upper()})
    assert '"text": "PLAIN."' in article_json(article)
    assert_same(article)
    # a hook of a class's own for one field (cattrs' override): the same generated shape
    hook = make_dict_unstructure_fn(m.Place, own_converter, name=override(unstruct_hook=str.upper))
    own_converter.register_unstructure_hook(m.Place, hook)
    assert '"name": "PARIS"' in article_json(article)
    assert_same(article)


def test_a_date_hook_registered_before_the_first_write_is_followed(own_converter: Any) -> None:
    own_converter.register_unstructure_hook(date, lambda value: [value.year])
    article = attrs.evolve(full_article(), published=None)
    assert '"start": [2024]' in article_json(article)
    assert_same(article)


def test_layouts_json_dumps_takes_and_the_writers_do_not_generate() -> None:
    article = full_article()
    for indent, separators in [("\t", None), ("", None), (2, (",\n", ":\n")), (0, None), (-1, None), (True, None)]:
        expected = reference(article, indent, separators)  # type: ignore[arg-type]
        assert article_json(article, indent, separators) == expected, (indent, separators)  # type: ignore[arg-type]


def test_every_field_but_the_extensions_is_written_by_generated_code(monkeypatch: pytest.MonkeyPatch) -> None:
    # (the hooks are told by cattrs' and the converter's own names: a cattrs that names them
    # otherwise would send every field through json.dumps, the same text but slower)
    from articlekit import jsontext

    generic: list[Any] = []
    value = jsontext._Generator.value

    def watched(self: Any, kind: Any, out: str, hook: Any) -> list[str]:
        lines = value(self, kind, out, hook)
        if lines[0].startswith("x = "):  # (the hook, then json.dumps)
            generic.append(kind)
        return lines

    monkeypatch.setattr(jsontext._Generator, "value", watched)
    jsontext._Generator(3, ",", ": ").article(get_converter().get_unstructure_hook(m.Article))
    assert generic == [Mapping[str, Any]]
