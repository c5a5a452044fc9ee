"""The ``newsml-1`` parser: the legacy NewsML 1.2 samples (AFP, Business Wire)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

import articlekit
from articlekit.errors import ParseError
from articlekit.model import ListBlock
from tests.conftest import require_shared


def test_afp_newsml_1_2_with_nitf_body() -> None:
    article = articlekit.parse(require_shared("formats", "newsml-1.2", "afp.com_newsml1.2_sample.xml"))
    assert article.origin.format == "newsml-1"
    assert article.headline == "Israel strikes key Hamas targets as UN Security Council to meet"
    assert article.published == datetime(2021, 5, 16, 8, 6, 25, tzinfo=timezone.utc)
    assert [a.name for a in article.authors] == ["Adel Zaanoun with Guillaume Lavallee in Jerusalem"]
    assert article.provider == "AFP"
    assert (article.datelines[0].name, article.datelines[0].country) == ("Gaza City", "Palestinian Territories")
    assert article.language == "en"
    assert article.priority == 4
    assert article.slug == "Israel-Palestinians-conflict"
    assert article.keywords == ("Israel", "Palestinians", "conflict")  # people shown in images left out
    assert article.id == "urn:newsml:afp.com:20210516T080625Z:TX-PAR-WGF71:1"
    assert len(article.paragraphs) == 39
    assert article.paragraphs[0].text.startswith("Israel's army said Sunday it had bombed the home")
    assert article.quotes  # the enrichers ran


def test_business_wire_components_roles_and_media() -> None:
    path = require_shared("formats", "newsml-1.2", "businesswire-newsml-20130731006140.xml")
    article = articlekit.parse(path)
    assert article.headline == "Lunch Taking a Toll? Let Applebee’s® Industrial Strength Lunch Decoy Stand In"
    assert article.subheadline is not None and article.subheadline.startswith("With a Year’s Worth of Lunch Combos")
    assert article.provider == "Applebee’s"
    assert (article.datelines[0].name, article.datelines[0].region) == ("KANSAS CITY", "Mo.")
    first = article.paragraphs[0].text
    assert first.startswith("With more Applebee’s® Lunch Combos than ever") and "\n" not in first
    assert any(isinstance(b, ListBlock) for b in article.body)
    video = article.media[0]
    assert video.kind == "video" and video.url is not None and video.url.endswith(".mp4")
    assert video.caption is not None and video.caption.startswith("Now that Applebee's has over 200 lunch combos")
    assert article.media[1].kind == "graphic"  # the logo


def test_not_newsml_1() -> None:
    with pytest.raises(ParseError, match="expected a <NewsML> root"):
        articlekit.parse("<rss/>", format="newsml-1")
    with pytest.raises(ParseError, match="none with text"):
        articlekit.parse("<NewsML><NewsItem><NewsComponent/></NewsItem></NewsML>", format="newsml-1")
