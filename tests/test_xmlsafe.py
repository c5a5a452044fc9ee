"""``articlekit.xmlsafe``: XML is read without DTDs, entities or network, errors carry their
position, and the helpers work on namespaced and plain documents alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from articlekit.common.xmlsafe import find_child, local_name, namespace, parse_xml, root_name, text_of
from articlekit.errors import ParseError


def test_external_and_nested_entities_stay_unresolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    data = f"""<!DOCTYPE x [<!ENTITY s SYSTEM "file://{secret}"><!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>
<x>&s; &b; &amp; &#233;</x>""".encode()
    text = text_of(parse_xml(data, "t.xml"))
    assert "SECRET" not in text and "aaaa" not in text
    assert text == "& \u00e9"
    # with an external DTD (never loaded), HTML entities it would define are read as characters
    dtd = b'<!DOCTYPE nitf SYSTEM "http://example.invalid/nitf.dtd"><nitf>a&mdash;b&nbsp;c</nitf>'
    assert text_of(parse_xml(dtd, "d.xml")) == "a\u2014b c"


def test_errors_have_line_and_column() -> None:
    with pytest.raises(ParseError) as caught:
        parse_xml(b"<a>\n  <b>\n</a>", "broken.xml", what="NITF")
    error = caught.value
    assert (error.file, error.line) == ("broken.xml", 3)
    assert error.reason.startswith("not well-formed NITF: ")
    assert ", line" not in error.reason  # the position is in the prefix only
    with pytest.raises(ParseError, match=r"nesting|depth|Excessive"):
        parse_xml(b"<a>" * 1000 + b"</a>" * 1000, "deep.xml")


def test_recover_mode_and_redecoding() -> None:
    assert local_name(parse_xml(b"<rss><channel><item></rss>", "r", recover=True)) == "rss"
    latin1 = '<?xml version="1.0" encoding="utf-8"?><a>caf\u00e9</a>'.encode("latin-1")
    assert text_of(parse_xml(latin1, "l")) == "caf\u00e9"
    with pytest.raises(ParseError):
        parse_xml(latin1, "l", redecode=False)
    # a comment before the XML declaration (hand-made files) is forgiven
    assert local_name(parse_xml(b'<!-- c -->\n<?xml version="1.0"?><x/>', "c")) == "x"


def test_helpers() -> None:
    root = parse_xml(b'<n:a xmlns:n="urn:n"><n:b>one <i>two</i></n:b></n:a>', "h")
    assert (local_name(root), namespace(root)) == ("a", "urn:n")
    assert text_of(find_child(root, "b")) == "one two"
    assert root_name(b'<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY x "y">]><!-- c --><nitf>') == "nitf"
    assert root_name(b'{"body": "<nitf>"}') is None
    assert root_name(b"") is None


def test_undeclared_legacy_encodings_are_detected() -> None:
    chinese = "<a><t>不归移民漫画系列：专业工作</t><t>中文新闻标题与正文内容测试</t></a>"
    assert text_of(parse_xml(chinese.encode("gb2312"), "zh")) == "不归移民漫画系列：专业工作中文新闻标题与正文内容测试"
    western = "<a>Café naïve – “quoted” Résumé été à ü ö ä ß</a>"
    assert text_of(parse_xml(western.encode("cp1252"), "w")) == "Café naïve – “quoted” Résumé été à ü ö ä ß"


def test_case_blind_answers_as_its_pattern_does() -> None:
    import re

    from articlekit.common.xmlsafe import CaseBlind

    words = re.compile(r"^(?:[a-z]{1,2}[-_]+)?(?:author|by-?line|share)s?(?:$|[-_])", re.I)
    blind = CaseBlind(words)
    names = [
        "author", "AUTHOR", "c-Byline", "x_shares-bar", "post-author", "authority", "",
        "ſhare",  # the long s folds to s: searched as given, not in lower case
        "\u212author", "Auteur-é", "by-line\n", "sharé",
    ]  # fmt: skip
    for name in names:
        assert blind.search(name) is (words.search(name) is not None), name
        assert blind.match(name) is (words.match(name) is not None), name
    assert blind.search("ſhare") and blind.search("BY-LINE") and not blind.search("authority")
    # a pattern whose source holds upper case (an escape such as \S) is searched as given
    escaped = CaseBlind(re.compile(r"^\S+-(?:x)$", re.I))
    assert escaped.search("ab-X") and not escaped.search("a b-x")


def test_case_blind_reads_character_codes_and_scoped_flags_as_given() -> None:
    import re

    from articlekit.common.xmlsafe import CaseBlind

    # lower-case sources that do not mean lower case: a code naming an upper-case letter (\x41
    # is "A", \101 too, \u0042 is "B") and case blindness turned off for a part
    for source, name in [
        (r"\x41uthor", "author"),
        (r"\x41uthor", "AUTHOR"),
        (r"\101uthor", "Author"),
        (r"\u0042yline", "byline"),
        (r"x(?-i:a)", "xA"),
        (r"x(?-i:a)", "Xa"),
    ]:
        pattern = re.compile(source, re.I)
        blind = CaseBlind(pattern)
        assert blind.search(name) is (pattern.search(name) is not None), (source, name)
        assert blind.match(name) is (pattern.match(name) is not None), (source, name)
    # a plain lower-case pattern keeps the fast path (and its answers)
    plain = CaseBlind(re.compile(r"(?:^|[-_])date(?:$|[-_])", re.I))
    assert plain._folded is not None and plain.search("POST-DATE") and not plain.search("update")


def test_the_case_blind_names_in_use_answer_as_their_patterns() -> None:
    """Every CaseBlind the web extractor uses, over names built from its own words in mixed case
    and with the letters whose folds differ beyond ASCII (dotted and dotless i, long s, Kelvin
    sign, sharp s): the same answer as its pattern."""
    import random
    import re

    from articlekit.common import htmlbody
    from articlekit.common.xmlsafe import CaseBlind
    from articlekit.formats.html import body, meta

    blinds = [
        body._CONTENT_NAME, body._FURNITURE_NAME, body._FURNITURE_SEGMENT,
        meta._DATE_NAME, meta._STANDFIRST_NAME, meta._AUTHOR_NAME, htmlbody._FIGURE_NAME,
    ]  # fmt: skip
    rnd = random.Random(13)
    odd = ["ı", "İ", "ſ", "\u212a", "ß", "é", "-", "_", "\n", " ", "1"]
    for blind in blinds:
        assert isinstance(blind, CaseBlind)
        words = re.findall(r"[a-z]{2,}", blind.pattern.pattern) or ["x"]
        for _ in range(400):
            parts = [rnd.choice(words) for _ in range(rnd.randint(1, 3))]
            name = rnd.choice(["", "-", "_", "x-", "ab_"]).join(parts)
            name = "".join(c.upper() if rnd.random() < 0.3 else c for c in name)
            if rnd.random() < 0.4:
                at = rnd.randint(0, len(name))
                name = name[:at] + rnd.choice(odd) + name[at:]
            if rnd.random() < 0.2:
                name = name.replace("s", "ſ").replace("k", "\u212a").replace("i", rnd.choice("ıİ"))
            assert blind.search(name) is (blind.pattern.search(name) is not None), name
            assert blind.match(name) is (blind.pattern.match(name) is not None), name
