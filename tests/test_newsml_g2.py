"""The ``newsml-g2`` parser: the IPTC listings, real agency messages, packages and skipping."""

from __future__ import annotations

import warnings
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import articlekit
from articlekit.errors import ParseError
from articlekit.formats.newsml.g2 import SkippedItemWarning
from articlekit.model import BlockQuote, ListBlock, MediaRef
from tests.conftest import require_shared

NOT_TEXT = {
    # standalone items that are not text: a ParseError saying so
    "LISTING_10_Abstract_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml",
    "LISTING_11_Person_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml",
    "LISTING_12_Knowledge_Item_for_Access_Codes.xml",
    "LISTING_13_Complete_Catalog_Item.xml",
    "LISTING_14_Event_sent_as_a_Concept_Item.xml",
    "LISTING_15_Two_Related_Events_in_a_Knowledge_Item.xml",
    "LISTING_16_A_Set_of_Events_carried_in_a_News_Item.xml",
    "LISTING_17_Planning_Item_a_CCL.xml",
    "LISTING_18_Planning_Item_at_PCL.xml",
    "LISTING_19_Planning_Item_with_delivery_at_CCL.xml",
    "LISTING_20_Planning_Item_with_delivery_at_PCL.xml",
    "LISTING_23_SportsML-G2_Package.xml",
    "LISTING_26_Embedded_photo_metadata_fields_mapped_to_NewsML-G2.xml",
    "LISTING_3A_Photo_in_NewsML-G2__URI_sibling_attributes_.xml",
    "LISTING_3_Photo_in_NewsML-G2.xml",
    "LISTING_4_Multiple_Renditions_of_a_Video_in_NewsML-G2.xml",
    "LISTING_5_Multi-part_Video_in_NewsML-G2.xml",
    "LISTING_6_Simple_NewsML-G2_Package.xml",
    "ap_metadata_example.xml",
}
NOT_G2 = {
    # bare groupSet fragments of the guidelines: neither an item nor a message
    "LISTING_7_Group_Set_example_showing_Hierarchical_Package_Structure.xml",
    "LISTING_8_Group_Set_example_showing_an_ALT_Package_Mode.xml",
    "LISTING_9_Group_Set_example_showing_a_SEQ_Package_Mode.xml",
}
# messages whose items are all packages or placeholders: nothing to read, everything reported
NO_TEXT_MESSAGES = {
    "LISTING_24_News_Message_conveying_a_complete_News_Package.xml",
    "snep.xml",
    "tag_reuters.com_2014_newsml_KBN0FL0NM_version_10.xml",
}
# text items with a body: the number of articles
TEXT = {"ap.xml": 3, "dpa.xml": 1, "ansa-newsmlg2-text.xml": 1, "stt_newsml_test.xml": 1, "TT_newsmlg2_sample.xml": 1}

CDT = timezone(timedelta(hours=-5))


def _all(path: Path) -> list[articlekit.Article]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SkippedItemWarning)
        return list(articlekit.parse_all(path))


def test_every_shared_file() -> None:
    folder = require_shared("formats", "newsml-g2")
    files = sorted(p for p in folder.rglob("*.xml") if "schema" not in p.parts)
    assert len(files) >= 40
    for path in files:
        if path.name in NOT_TEXT:
            with pytest.raises(ParseError, match="not a text item"):
                _all(path)
        elif path.name in NOT_G2:
            with pytest.raises(ParseError, match="not NewsML-G2"):
                list(articlekit.parse_all(path, format="newsml-g2"))
        elif path.name in NO_TEXT_MESSAGES:
            with pytest.warns(SkippedItemWarning):
                assert list(articlekit.parse_all(path)) == []
        else:
            articles = _all(path)
            assert articles, path
            assert all(a.origin.format == "newsml-g2" for a in articles), path
            if path.name in TEXT:
                assert len(articles) == TEXT[path.name], path
                assert all(a.headline and a.paragraphs for a in articles), path


def _listing(name: str) -> articlekit.Article:
    return articlekit.parse(require_shared("formats", "newsml-g2", "examples", name))


def test_listing_1() -> None:
    article = _listing("LISTING_1_A_NewsML-G2_News_Item.xml")
    assert article.headline == 'Fed to halt QE to avert "bubble"'
    assert article.id == "urn:newsml:acmenews.com:20161018:US-FINANCE-FED"
    assert article.published == datetime(2016, 10, 18, 13, 12, 21, tzinfo=CDT)  # firstCreated
    assert article.updated == datetime(2018, 10, 21, 16, 25, 32, tzinfo=CDT)  # versionCreated
    assert [a.name for a in article.authors] == ["Meredith Jameson"]
    assert len(article.paragraphs) == 0  # its inlineXML holds only a comment
    assert article.provider == "REUTERS"
    assert article.language == "en-GB"
    assert article.slug == "US-Finance-Fed"
    assert (article.datelines[0].name, article.datelines[0].country) == ("Berlin", "Germany")
    assert [s.code for s in article.subjects] == ["medtop:04000000", "medtop:20000523"]
    extension = article.extensions["newsml-g2"]
    assert extension["genres"] == ["Interview"]
    assert extension["dates"]["embargoed"] == "2018-10-23T12:00:00+00:00"


def test_listing_2() -> None:
    article = _listing("LISTING_2_NewsML-G2_Text_Document.xml")
    assert article.headline == 'Fed to halt QE to avert "bubble"'
    assert article.published == datetime(2016, 11, 21, 15, 21, 6, tzinfo=CDT)
    assert article.updated == datetime(2018, 11, 21, 16, 25, 32, tzinfo=CDT)
    assert [a.name for a in article.authors] == ["Meredith Jameson"]
    assert len(article.paragraphs) == 2
    assert article.paragraphs[0].text.startswith("(New York, NY - October 21) Et, sent luptat")
    assert article.extensions["newsml-g2"]["info_sources"] == ["Associated Press"]
    provenance = article.extensions["provenance"]
    assert provenance["published"] == "contentMeta/contentCreated"
    assert provenance["body"] == "contentSet/inlineXML (application/nitf+xml)"


def test_listing_22_sports_story_in_nitf() -> None:
    article = _listing("LISTING_22_Sports_story_in_NewsML-G2NITF.xml")
    assert article.headline == "Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m."
    assert article.published == datetime(2016, 10, 19, 11, 15, tzinfo=CDT)
    assert article.updated == datetime(2018, 10, 19, 11, 45, tzinfo=timezone(timedelta(hours=-4)))
    assert [a.name for a in article.authors] == ["The Sports Network"]
    assert len(article.paragraphs) == 6
    assert article.summary is not None and article.summary.startswith("A pair of teams coming off")
    assert (article.datelines[0].name, article.datelines[0].country) == ("Philadelphia", "USA")


def test_tt_message_with_package_photo_as_media() -> None:
    path = require_shared("formats", "newsml-g2", "examples_real", "TT_newsmlg2_sample.xml")
    with warnings.catch_warnings():
        warnings.simplefilter("error", SkippedItemWarning)  # the package is structure, the photo is used
        articles = list(articlekit.parse_all(path))
    assert len(articles) == 1
    article = articles[0]
    assert article.headline == 'Jan Guillou skriver på ny "Hamilton"-bok'
    assert article.published == datetime(2021, 9, 19, 20, 57, 43, tzinfo=timezone(timedelta(hours=2)))
    assert article.authors == ()  # TT credits no writer
    assert article.provider == "TT"
    assert article.language == "sv"
    assert article.priority == 3
    photo = article.media[0]
    assert photo.url == "https://beta.tt.se/media/text/210919-janguillou-879f202b/a001_NormalHires.jpg"
    assert photo.caption is not None and photo.caption.startswith("Journalisten och författaren Jan Guillou")
    assert (photo.width, photo.height, photo.kind) == (4928, 3280, "image")
    skipped = article.extensions["newsml-g2"]["skipped"]
    assert {"guid": "http://tt.se/media/image/sdlm1btzmKu8WU", "class": "ninat:picture"}.items() <= skipped[1].items()
    assert skipped[1]["reason"] == "media of http://tt.se/media/text/210919-janguillou-879f202b"
    texts = [p.text for p in article.paragraphs]
    assert len(texts) == 3  # the repeated headline and TT's section/source line are left out
    assert texts[1].startswith("Boken blir den elfte i serien")
    assert sum(isinstance(b, BlockQuote) for b in article.body) == 2
    # the body's figure shows the package photo: one media item, referenced where it stands
    assert len(article.media) == 1 and article.body[0] == MediaRef(0)


def test_dpa_xhtml_body_without_its_header() -> None:
    path = require_shared("formats", "newsml-g2", "examples_superdesk_AGPL", "dpa.xml")
    article = _all(path)[0]
    assert article.paragraphs[0].text.startswith("London (dpa) - 2019 gab es bittere Tränen")
    assert not any(isinstance(b, ListBlock) for b in article.body)
    assert article.datelines[0].name == "London"


def test_ansa_indented_wire_paragraphs() -> None:
    path = require_shared("formats", "newsml-g2", "examples_superdesk_AGPL", "ansa-newsmlg2-text.xml")
    article = _all(path)[0]
    assert article.paragraphs[1].text.startswith('"Unacceptable Catalan unilateral independence declaration,"')
    assert all("\n" not in p.text for p in article.paragraphs)


MESSAGE = """<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
  <header><sent>2025-11-28T10:00:00Z</sent></header>
  <itemSet>
    <newsItem guid="t1" version="1">
      <itemMeta><itemClass qcode="ninat:text"/><provider literal="Example"/>
        <versionCreated>2025-11-28T09:00:00Z</versionCreated></itemMeta>
      <contentMeta><headline>One</headline><by>By Ann Example</by><keyword>alpha</keyword>
        <dateline>KYIV, Ukraine</dateline><description role="drol:summary">The gist.</description></contentMeta>
      <contentSet><inlineData contenttype="text/plain">First paragraph.

Second paragraph.</inlineData></contentSet>
    </newsItem>
    <newsItem guid="v1"><itemMeta><itemClass qcode="ninat:video"/></itemMeta></newsItem>
    <newsItem guid="t2"><itemMeta><itemClass qcode="ninat:text"/></itemMeta>
      <contentMeta><headline>Two</headline></contentMeta>
      <contentSet><inlineXML contenttype="application/nitf+xml">
        <nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.head>
        <byline>By <person>Bo Writer</person></byline></body.head><body.content>
        <p>He said <q quote-source="Bo Writer">it works</q>.</p></body.content></body></nitf>
      </inlineXML></contentSet>
    </newsItem>
    <newsItem guid="p1"><itemMeta><itemClass qcode="ninat:picture"/></itemMeta>
      <contentMeta><description role="drol:caption">A photo.</description><creditline>AP</creditline></contentMeta>
      <contentSet><remoteContent href="https://example.com/p1.jpg" contenttype="image/jpeg" width="800" height="600"/>
      </contentSet></newsItem>
    <packageItem guid="pk"><itemMeta><itemClass qcode="ninat:composite"/></itemMeta>
      <groupSet root="g"><group id="g"><itemRef residref="t2"/><itemRef residref="p1"/></group></groupSet>
    </packageItem>
  </itemSet>
</newsMessage>"""


def test_message_items_media_and_skipped_report() -> None:
    with pytest.warns(SkippedItemWarning, match=r"skipped 1 .*ninat:video"):
        articles = list(articlekit.parse_all(MESSAGE))
    assert [a.headline for a in articles] == ["One", "Two"]
    one, two = articles
    assert [p.text for p in one.paragraphs] == ["First paragraph.", "Second paragraph."]
    assert [a.name for a in one.authors] == ["Ann Example"]
    assert (one.datelines[0].name, one.datelines[0].country) == ("KYIV", "Ukraine")
    assert one.provider == "Example" and one.keywords == ("alpha",) and one.summary == "The gist."
    assert one.published == datetime(2025, 11, 28, 9, 0, tzinfo=timezone.utc)
    assert one.media == ()
    assert [(m.url, m.caption, m.credit) for m in two.media] == [("https://example.com/p1.jpg", "A photo.", "AP")]
    assert not any(isinstance(b, MediaRef) for b in two.body)
    assert [a.name for a in two.authors] == ["Bo Writer"]
    quote = next(q for q in two.quotes if q.text == "it works")
    assert quote.speaker is not None and quote.speaker.mention == "Bo Writer"
    reasons = {e["guid"]: e["reason"] for e in one.extensions["newsml-g2"]["skipped"]}
    assert reasons == {"v1": "not a text item", "p1": "media of t2", "pk": "package"}


def test_a_text_item_linking_its_picture() -> None:
    message = """<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>
      <newsItem guid="t"><itemMeta><itemClass qcode="ninat:text"/>
        <link rel="irel:associatedWith" residref="p"/></itemMeta>
        <contentMeta><headline>H</headline></contentMeta></newsItem>
      <newsItem guid="p"><itemMeta><itemClass qcode="ninat:picture"/></itemMeta>
        <contentMeta><description role="drol:caption">Cap</description></contentMeta>
        <contentSet><remoteContent href="https://x.example/p.jpg"/></contentSet></newsItem>
    </itemSet></newsMessage>"""
    with warnings.catch_warnings():
        warnings.simplefilter("error", SkippedItemWarning)  # the picture is used, nothing is skipped unused
        (article,) = articlekit.parse_all(message)
    assert [(m.url, m.caption) for m in article.media] == [("https://x.example/p.jpg", "Cap")]


def test_standalone_non_text_item_is_a_parse_error() -> None:
    picture = """<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="p">
      <itemMeta><itemClass qcode="ninat:picture"/></itemMeta></newsItem>"""
    with pytest.raises(ParseError, match=r"not a text item.*ninat:picture"):
        articlekit.parse(picture)


def test_broken_xml_is_a_parse_error() -> None:
    with pytest.raises(ParseError) as caught:
        articlekit.parse("<newsItem>\n<contentMeta>\n</newsItem>", format="newsml-g2")
    assert caught.value.line == 3
    with pytest.raises(ParseError, match="expected a newsItem or newsMessage"):
        articlekit.parse("<rss/>", format="newsml-g2")
