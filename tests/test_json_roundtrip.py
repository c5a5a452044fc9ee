from __future__ import annotations

from hypothesis import given

import articlekit
from tests.strategies import articles


@given(articles())
def test_json_round_trip(article: articlekit.Article) -> None:
    assert articlekit.parse(articlekit.dumps(article, "json"), "json") == article
