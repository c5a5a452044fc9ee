from __future__ import annotations

import json

import jsonschema
from hypothesis import given

import articlekit
from articlekit.schema import json_schema
from tests.strategies import articles

JSON_VALIDATOR = jsonschema.Draft202012Validator(json_schema(), format_checker=jsonschema.FormatChecker())


@given(articles())
def test_json_round_trip(article: articlekit.Article) -> None:
    assert articlekit.parse(articlekit.dumps(article, "json"), "json") == article


@given(articles())
def test_json_output_validates_against_the_schema(article: articlekit.Article) -> None:
    JSON_VALIDATOR.validate(json.loads(articlekit.dumps(article, "json")))


def test_every_key_is_always_written() -> None:
    data = json.loads(articlekit.dumps(articlekit.Article(headline="x"), "json"))
    assert list(data)[:2] == ["schema", "headline"]
    assert set(data) == set(json_schema()["properties"])
