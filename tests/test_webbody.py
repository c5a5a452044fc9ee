"""The web-page block classifier (``articlekit.webbody``) on small pages written for these tests:
each is a kind of page the container heuristic alone got wrong on public benchmarks (a footer,
a sidebar, a copyright line or an archive's toolbar chosen as the body; an old table layout read
as nothing)."""

from __future__ import annotations

import math
from typing import Any

import pytest

import articlekit
from articlekit.formats.html import body as webbody

SENTENCES = [
    "The harbour board met on Thursday evening to decide the future of the old grain pier, which has stood "
    "empty since the last ship left in 1998.",
    "Members heard from engineers who said the timber piles were sound below the waterline but rotten above "
    "it, and that repairs would take two summers.",
    "A local fishing cooperative offered to lease the pier for ten years if the board paid for the work, an "
    "offer several members called generous.",
    "Others argued the money would be better spent dredging the channel, which has silted up so badly that "
    "larger boats now wait for the tide.",
    "After three hours the board voted five to four to commission a full survey, with a final decision "
    "expected before the end of the year.",
    "The survey will cost about forty thousand pounds, shared between the board and the county, and should "
    "be finished by the spring.",
    "Until then the pier stays fenced off, although anglers have been seen climbing the gate at its landward "
    "end on calm evenings.",
]


def text_of(markup: str) -> str:
    return articlekit.parse(markup.encode(), format="html", enrich=False).text


def assert_only_the_article(text: str, *absent: str) -> None:
    for sentence in SENTENCES:
        assert sentence in text
    for words in absent:
        assert words not in text


def test_an_old_table_layout_gives_its_text_not_the_menu_nor_the_copyright_row() -> None:
    menu = "".join(f'<a href="/s{i}">Section {i}</a><br>' for i in range(12))
    text = "<br><br>".join(SENTENCES)
    page = f"""<html><head><title>Pier vote</title></head><body>
<table width="100%"><tr><td colspan=2><img src="/logo.gif"> <font size=1><a href="/">Home</a> |
<a href="/news">News</a> | <a href="/sport">Sport</a></font></td></tr>
<tr><td width="150" valign="top"><font size="1">{menu}</font></td>
<td valign="top"><table><tr><td><font face="Arial" size="2"><b>Harbour board votes on pier</b><br><br>
{text}</font></td></tr></table></td></tr>
<tr><td colspan=2><font size=1>Copyright 2004 The Harbour Gazette. All rights reserved.</font></td></tr></table>
</body></html>"""
    body = text_of(page)
    assert_only_the_article(body, "Section 3", "All rights reserved", "Sport")
    assert body.splitlines()[1:] == SENTENCES


def test_a_web_archive_toolbar_pinned_to_the_window_is_not_the_article() -> None:
    captures = " ".join(f'<a href="/web/2008{i:02d}">{i} captures</a>' for i in range(1, 13))
    toolbar = (
        '<div id="wm-ipp"><div style="position: fixed; top: 0"><table><tr><td><a href="/">Archive</a></td>'
        f"<td>{captures}</td></tr><tr><td colspan=2>This page was captured 47 times between March 2, 2005 and "
        "November 9, 2012, and it is shown here as it was when the crawler saw it. Captures are taken "
        "automatically, and some images may be missing.</td></tr></table></div></div>"
    )
    paragraphs = "".join(f'<div class="txt">{s}</div>' for s in SENTENCES)
    page = f"""<html><head><title>Pier vote</title></head><body>{toolbar}
<div id="page"><div class="hd"><a href="/">The Gazette</a></div>
<div class="col"><h2>Harbour board votes on pier</h2>{paragraphs}</div></div></body></html>"""
    assert_only_the_article(text_of(page), "captured 47 times", "captures")


def test_a_copyright_line_and_a_footer_are_left_out() -> None:
    page = f"""<html><head><title>Pier vote</title></head><body>
<center><table width=760><tr><td><table><tr><td class="bodytext">{"<br><br>".join(SENTENCES)}</td></tr></table>
</td></tr></table>
<div id="copyright"><p>© 2004 The Harbour Gazette Ltd. All rights reserved. Reproduction of any material
on this site without written permission is prohibited.</p></div>
<div class="site-footer"><p>The Harbour Gazette has been published every week since 1887, and is read in
every town along the coast. We are owned by a trust that keeps local news independent.</p></div>
</center></body></html>"""
    assert_only_the_article(text_of(page), "All rights reserved", "published every week since 1887")


def test_a_blog_post_is_read_and_not_the_about_me_box_in_the_sidebar() -> None:
    bio = (
        "I live by the sea and write about boats, harbours and the people who work on them. Here I share "
        "what I learn, and celebrate the makers and fixers of the coast. I have sailed since I was six."
    )
    post = "<br>".join(SENTENCES[:3])
    archive = "".join(f'<li><a href="/{y}">{y}</a></li>' for y in range(2005, 2013))
    page = f"""<html><head><title>Pier vote</title></head><body>
<div id="outer"><div id="main"><h2 class="post-title"><a href="/p/1">Pier vote tonight</a></h2>
<div class="post-body">{post}</div></div>
<div id="sidebar-wrapper"><div class="widget"><h2>About me</h2><p>{bio}</p></div>
<div class="widget"><ul>{archive}</ul></div></div></div></body></html>"""
    body = text_of(page)
    assert body.splitlines() == SENTENCES[:3]


def test_a_short_post_of_teasers_is_read_though_a_sidebar_paragraph_holds_more_prose() -> None:
    # the container heuristic alone picks the "About me" paragraph and loses the post. (Readability's
    # vote picks it too, as readability-lxml does: the post's first block scores 0.45; lost to the
    # vote at the 0.5 threshold, read again since 2026-12-07 at the 0.45 the shipped model chose
    # with its sequence decoding)
    bio = (
        "I live by the sea and write about boats, harbours and the people who work on them. Here I share "
        "what I learn, and celebrate the makers and fixers of the coast. I have sailed since I was six. "
        "My first boat was a clinker dinghy my grandfather built, and I still take her out on calm days."
    )
    lines = [s[:80].strip() for s in SENTENCES[:3]]
    post = "<br>".join(f'{line} <a href="/x">more</a>' for line in lines)
    archive = "".join(f'<li><a href="/{y}">{y}</a></li>' for y in range(2005, 2013))
    page = f"""<html><head><title>Pier vote</title></head><body>
<div id="outer"><div id="c1"><h2><a href="/p/1">Pier vote tonight</a></h2><div>{post}</div></div>
<div id="c2"><div class="box"><h2>About me</h2><p>{bio}</p></div>
<div class="box"><ul>{archive}</ul></div></div></div></body></html>"""
    body = text_of(page).splitlines()
    assert body[:3] == [f"{line} more" for line in lines]
    with webbody.use_model(None):
        assert lines[0] not in text_of(page)


def test_without_a_model_the_heuristic_alone_answers() -> None:
    page = f"<html><body><article>{''.join(f'<p>{s}</p>' for s in SENTENCES)}</article></body></html>"
    with webbody.use_model(None):
        assert text_of(page).splitlines() == SENTENCES
    assert webbody.current_model() is webbody.load_model()


def test_the_heuristic_weighs_the_walks_blocks_outside_furniture_and_hidden_text() -> None:
    # one reader: the heuristic weighs the classifier's blocks (hidden text left out, a data
    # table's rows with their table), and leaves out the blocks inside furniture holding little
    from lxml import etree

    long = "This is a long paragraph of article text that goes on. " * 6
    page = (
        f'<html><body><div id="a"><p>{long}</p><p>Lead text <span class="byline">By Jo Smith</span> more'
        ' text<span style="display:none"> hidden words</span>.</p>'
        '<table><tr><td>Name:</td><td>John</td></tr></table></div><div class="sidebar"><p>Ours: a short'
        " note on the side.</p></div></body></html>"
    )
    start = etree.fromstring(page, etree.HTMLParser()).find("body")
    walk = webbody.walk_page(start, True)
    assert walk.blocks is walk.found
    assert [(b.tag, b.parts[0], b.in_furniture) for b in walk.found] == [
        ("p", long.strip(), False),
        ("p", "Lead text By Jo Smith more text.", False),
        ("tr", "Name: John", False),
        ("p", "Ours: a short note on the side.", True),
    ]
    scorer = webbody._Scorer(None)
    scorer.read(walk)
    div, table, sidebar = start.find("div"), start.find(".//table"), start.find("div[@class]")
    paragraphs = div.findall("p")
    assert scorer.totals[table] == scorer.weight("Name: John", 0)
    assert scorer.totals[div] == sum(scorer.totals[e] for e in (*paragraphs, table))
    assert sidebar not in scorer.totals and scorer.totals[start] == scorer.totals[div]
    hidden = "".join(f"<p>{s} {s}</p>" for s in SENTENCES)
    visible = "".join(f"<p>{s}</p>" for s in SENTENCES[:2])
    with webbody.use_model(None):
        # a hidden wrapper's prose, which the converter never shows, cannot pull the choice away
        page = f'<html><body><div id="a">{visible}</div><div style="display: none">{hidden}</div></body></html>'
        assert text_of(page).splitlines() == SENTENCES[:2]


def test_a_leaf_is_read_whole_whatever_its_names_say() -> None:
    # a leaf opening no block is read at its start: its text and the text after it, a link's as
    # link characters; one hidden (hidden, aria-hidden, a style saying display: none) gives only
    # the text after it; its names, role or a pinned style mark no block (it holds none), and
    # a style that hides without saying "none" is read, as for any other element
    from lxml import etree

    page = (
        "<html><body><p>Lead <span class='share-bar'>shared</span> then "
        "<a class='byline' href='/x'>link text</a> after<br>next "
        "<b hidden>gone</b>kept <i aria-hidden='true'>gone</i>kept "
        "<em style='display: none'>gone</em>kept <em style='visibility: hidden'>shown</em> "
        "<nav role='navigation'></nav><u style='position: fixed'>pinned</u> end "
        "<select><option>gone</option></select>tail</p>"
        "<table><tr><td class='share'>Name:</td><td hidden>gone</td><td>John</td></tr></table></body></html>"
    )
    start = etree.fromstring(page, etree.HTMLParser()).find("body")
    walk = webbody.walk_page(start, True)
    block, row = walk.found
    assert (row.tag, row.parts[0], row.furniture) == ("tr", "Name: John", False)
    assert block.parts[0] == ("Lead shared then link text after next kept kept kept shown pinned end tail")
    assert block.links == len("link text")
    assert (block.furniture, block.tag_f, block.around, block.in_furniture) == (False, False, (), False)
    assert walk.region[block.element] == [len(block.parts[0]), len("link text")]


def test_ties_among_the_heuristics_totals_go_to_the_innermost_wrapper() -> None:
    # wrappers around the same text tie: the innermost is taken (the descent below it and the
    # siblings beside it decide the rest), and the body still comes out whole
    from lxml import etree

    prose = "".join(f"<p>{s}</p>" for s in SENTENCES[:3])

    def best(page: str) -> str:
        start = etree.fromstring(page, etree.HTMLParser()).find("body")
        scorer = webbody._Scorer(None)
        scorer.read(webbody.walk_page(start, True))
        element, keep = scorer.best(start)
        assert keep is None
        return str(element.tag)

    assert best(f"<html><body><table><tr><td>{prose}</td></tr></table></body></html>") == "table"
    assert best(f"<html><body><div><div><p>{SENTENCES[0]} {SENTENCES[1]}</p></div></div></body></html>") == "p"
    with webbody.use_model(None):
        page = f"<html><body><table><tr><td>{prose}</td></tr></table></body></html>"
        assert text_of(page).splitlines() == SENTENCES[:3]


def test_the_heuristic_weighs_a_data_tables_rows_as_one_text() -> None:
    # each row alone is a short line (weighed as noise), together they are the table's text
    from lxml import etree

    rows = "".join(f"<tr><td>{i}</td><td>Runner number {i}</td><td>{300 - i} points</td></tr>" for i in range(8))
    page = f'<html><body><div id="a"><p>{SENTENCES[0]}</p><table id="t">{rows}</table></div></body></html>'
    start = etree.fromstring(page, etree.HTMLParser()).find("body")
    scorer = webbody._Scorer(None)
    scorer.read(webbody.walk_page(start, True))
    table = start.find(".//table")
    assert table in scorer.totals and scorer.totals[table] > 0
    assert not any(e.tag in ("tr", "td") for e in scorer.totals)


def test_the_shipped_model_matches_the_features_it_is_given() -> None:
    model = webbody.load_model()
    assert model is not None
    assert len(model.weights) == len(webbody.FEATURES)
    assert 0.0 < model.keep_threshold <= model.threshold < 1.0
    with pytest.raises(ValueError, match="other features"):
        webbody.Model.from_json({**model.to_json(), "features": ["bias"]})


def test_an_article_inside_a_page_wide_form_is_read() -> None:
    # ASP.NET pages wrap the whole page in one <form>, whose content the converter never reads
    paragraphs = "".join(f"<p>{s}</p>" for s in SENTENCES)
    page = f"""<html><body><form id="aspnetForm" method="post"><div class="nav"><a href="/">Home</a></div>
<div id="ctl00_content">{paragraphs}</div><input type="hidden" name="state" value="x"></form></body></html>"""
    assert text_of(page).splitlines() == SENTENCES


def test_an_article_whose_only_wrapper_is_named_like_furniture_is_not_an_empty_body() -> None:
    paragraphs = "".join(f"<p>{s}</p>" for s in SENTENCES)
    page = f"""<html><body><div class="header"><a href="/">Home</a></div>
<div class="comment-body">{paragraphs}</div></body></html>"""
    assert_only_the_article(text_of(page), "Home")


def test_a_blog_post_in_a_widget_beside_a_long_archive_of_links_is_read() -> None:
    # the post sits in a wrapper named like furniture ("widget"), and the sidebar's links hold
    # far more characters than the post: the post is still most of the page's own text
    archive = "".join(f'<li><a href="/2012/{i}">Notes from the harbour, part {i}</a></li>' for i in range(120))
    paragraphs = "".join(f'<div style="text-align: justify;"><span>{s}</span></div>' for s in SENTENCES)
    page = f"""<html><head><title>Harbour notes: the pier vote</title></head><body>
<div id="header"><h1><a href="/">Harbour notes</a></h1></div>
<div id="main-wrapper"><div class="widget Blog" id="Blog1"><h2 class="date-header">Tuesday, November 6, 2012</h2>
<div class="post"><h3 class="post-title"><a href="/p/1">The pier vote</a></h3>
<div class="post-body">{paragraphs}</div></div></div></div>
<div id="sidebar-wrapper"><div class="widget BlogArchive"><h2>Blog archive</h2><ul>{archive}</ul></div></div>
</body></html>"""
    # (before: "no article text found"; the model may not yet take every paragraph back, but what
    # it gives is the post's text and none of the archive)
    lines = text_of(page).splitlines()
    assert lines
    assert all(line in SENTENCES for line in lines)


def test_the_second_stage_reads_each_score_beside_its_neighbours() -> None:
    rows = webbody.context_rows([2.0, -1.0, 3.0], [True, False, True])
    assert [len(r) for r in rows] == [len(webbody.CONTEXT_FEATURES)] * 3
    named = [dict(zip(webbody.CONTEXT_FEATURES, r, strict=True)) for r in rows]
    assert named[1]["prev_score"] == 2.0 and named[1]["next_score"] == 3.0
    assert named[1]["below_best"] == 4.0 and named[1]["heuristic"] == 0.0
    assert named[0]["prev_score"] == named[2]["next_score"] < 0  # no neighbour: a low score
    assert webbody.context_rows([], []) == []
    # a model that trusts the neighbours lifts a weak block between two strong ones
    n = len(webbody.FEATURES)
    weights = [0.0] * n
    weights[webbody.FEATURES.index("log_chars")] = 1.0
    context = [0.0] * len(webbody.CONTEXT_FEATURES)
    context[webbody.CONTEXT_FEATURES.index("score")] = 1.0
    context[webbody.CONTEXT_FEATURES.index("best_neighbour")] = 1.0
    alone = webbody.Model(weights, [0.0] * n, [1.0] * n)
    smoothed = webbody.Model(weights, [0.0] * n, [1.0] * n, context=context)
    block_rows = [[0.0] * n for _ in range(3)]
    block_rows[0][webbody.FEATURES.index("log_chars")] = 4.0
    block_rows[1][webbody.FEATURES.index("log_chars")] = -1.0
    block_rows[2][webbody.FEATURES.index("log_chars")] = 4.0
    assert alone.probabilities(block_rows)[1] < 0.5 < smoothed.probabilities(block_rows)[1]
    assert alone.probabilities(block_rows) == [alone.probability(r) for r in block_rows]


def test_the_sequence_decoding_is_the_threshold_without_transitions_and_joins_a_weak_block_with_them() -> None:
    # gains are each block's log-odds over its threshold; None: the block cannot be article text
    gains = [3.0, -0.5, 2.5, None, -4.0, 0.2]
    flat = webbody.decode(gains, [[0.0, 0.0], [0.0, 0.0]], [0.0, 0.0])
    assert flat == [True, False, True, False, False, True]
    sticky = [[math.log(0.9), math.log(0.1)], [math.log(0.1), math.log(0.9)]]
    joined = webbody.decode(gains, sticky, [math.log(0.5), math.log(0.5)])
    # the weak block between two strong ones joins them; the isolated weak positive one goes;
    # a block that cannot be article text never is
    assert joined == [True, True, True, False, False, False]
    assert webbody.decode([], sticky, [0.0, 0.0]) == []
    assert webbody.decode([None], sticky, [0.0, 0.0]) == [False]


def test_a_model_with_transitions_decides_by_sequence_and_round_trips() -> None:
    n = len(webbody.FEATURES)
    weights = [0.0] * n
    weights[webbody.FEATURES.index("log_chars")] = 1.0
    sticky = [[math.log(0.9), math.log(0.1)], [math.log(0.1), math.log(0.9)]]
    alone = webbody.Model(weights, [0.0] * n, [1.0] * n)
    decoded = webbody.Model(weights, [0.0] * n, [1.0] * n, transitions=sticky, initial=[0.0, 0.0])
    rows = [[0.0] * n for _ in range(3)]
    for row, size in zip(rows, (4.0, -1.0, 4.0), strict=True):
        row[webbody.FEATURES.index("log_chars")] = size
    probabilities = alone.probabilities(rows)
    assert alone.decide(probabilities, rows) == [True, False, True]
    assert decoded.decide(probabilities, rows) == [True, True, True]
    # a block that is mostly links is never added, whatever its neighbours
    rows[1][webbody.FEATURES.index("link_density")] = 0.9
    assert decoded.decide(probabilities, rows) == [True, False, True]
    data = decoded.to_json()
    assert webbody.Model.from_json(data).to_json() == data
    assert webbody.Model.from_json({k: v for k, v in alone.to_json().items() if k != "transitions"}).transitions is None
    with pytest.raises(ValueError, match="transitions"):
        webbody.Model(weights, [0.0] * n, [1.0] * n, transitions=[[0.0, 0.0]])


def test_a_model_whose_second_stage_was_trained_on_other_features_is_refused() -> None:
    model = webbody.load_model()
    assert model is not None
    data = model.to_json()
    assert webbody.Model.from_json(data).to_json() == data
    if data["context"] is not None:
        with pytest.raises(ValueError, match="second stage"):
            webbody.Model.from_json({**data, "context_features": ["bias"]})
    with pytest.raises(ValueError, match="second stage needs"):
        webbody.Model(model.weights, model.mean, model.scale, context=[1.0])


@pytest.mark.parametrize(
    "text",
    [
        "© 2024 The Harbour Gazette",
        "Text &copy; the authors",
        "COPYRIGHT NOTICE: do not reproduce",
        "All Rights Reserved.",
        "ALL RIGHTS RESERVED",
        "The copyrighted work was cited",  # no word boundary after "copyright"
        "Our copyright-free images",
        "aLL riGhts reserved by nobody",
        "all rights reſerved",  # the long s folds to s in a case-blind pattern
        "\u212aall rights reserved",  # a Kelvin sign before "all": no boundary there
        "all rıghts reserved",  # the dotless i folds to i
        "CopyrİGHT",  # the dotted capital I folds to i
        "All r",
        "copyr",
        "a plain paragraph about the harbour, with no notice in it at all",
        "",
    ],
)
def test_the_copyright_feature_agrees_with_its_pattern(text: str) -> None:
    assert webbody._says_copyright(text) == (webbody._COPYRIGHT.search(text) is not None)


def _blocks_of(page: str) -> webbody.PageBlocks:
    seen: list[webbody.PageBlocks] = []
    webbody.observe(seen.append)
    try:
        with webbody.use_model(None):
            text_of(page)
    finally:
        webbody.observe(None)
    return seen[0]


def _named_rows(blocks: webbody.PageBlocks) -> dict[str, dict[str, float]]:
    return {
        text[:24]: dict(zip(webbody.FEATURES, row, strict=True))
        for text, row in zip(blocks.texts, blocks.features, strict=True)
    }


def test_the_paragraph_vote_marks_the_top_candidate_and_the_siblings_it_takes_in() -> None:
    # Readability's scoring: the post's div collects its paragraphs' votes and is the top
    # candidate; the short paragraph ending a sentence beside it joins it; the sidebar's
    # paragraph (furniture) gives no vote, and a block inside it lies in neither
    paragraphs = "".join(f"<p>{s}</p>" for s in SENTENCES[:5])
    page = f"""<html><body><div id="wrap"><div class="post">{paragraphs}</div>
<p>Follow-up reporting to come.</p>
<div class="sidebar"><p>{SENTENCES[6]}</p></div></div></body></html>"""
    rows = _named_rows(_blocks_of(page))
    post = rows[SENTENCES[0][:24]]
    assert (post["vote_ancestor"], post["vote_inside_top"], post["vote_inside_sibling"]) == (1.0, 1.0, 0.0)
    joined = rows["Follow-up reporting to c"]
    assert (joined["vote_inside_top"], joined["vote_inside_sibling"]) == (0.0, 1.0)
    sidebar = rows[SENTENCES[6][:24]]
    assert (sidebar["vote_inside_top"], sidebar["vote_inside_sibling"]) == (0.0, 0.0)
    assert 0.0 <= sidebar["vote_ancestor"] < 1.0


def test_the_votes_scale_by_link_density_and_a_page_without_paragraphs_has_none() -> None:
    links = "".join(f'<p><a href="/{i}">{s}</a></p>' for i, s in enumerate(SENTENCES[:4]))
    prose = "".join(f"<p>{s}</p>" for s in SENTENCES[4:])
    page = f'<html><body><div id="a">{links}</div><div id="b">{prose}</div></body></html>'
    rows = _named_rows(_blocks_of(page))
    assert rows[SENTENCES[4][:24]]["vote_inside_top"] == 1.0
    assert rows[SENTENCES[0][:24]]["vote_inside_top"] == 0.0
    assert rows[SENTENCES[0][:24]]["vote_ancestor"] < 0.5
    short = _named_rows(_blocks_of("<html><body><div><h2>Only a heading here, nothing else</h2></div></body></html>"))
    assert [(r["vote_ancestor"], r["vote_inside_top"], r["vote_inside_sibling"]) for r in short.values()] == [
        (0.0, 0.0, 0.0)
    ]


@pytest.mark.parametrize("where", ["div", "select", "nav"])
@pytest.mark.parametrize("extra", [-1, 0, 1])
def test_the_walk_drops_the_classifiers_blocks_exactly_past_the_element_limit(
    where: str, extra: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the walk counts the elements as it goes (those of the subtrees it skips too, such as a
    # select's options) where wants_blocks counts them first: the two agree at the limit
    from lxml import etree

    monkeypatch.setattr(webbody, "MAX_ELEMENTS", 60)
    prose = "The council met on Monday and agreed the budget after a long debate about the roads."
    fillers = "<span>x</span>" * 20
    head = f"<p>{prose}</p><{where}>{fillers}</{where}>"
    base = etree.fromstring(f"<html><body>{head}</body></html>", etree.HTMLParser()).find("body")
    # body, p, the wrapper and its spans: pad with empty paragraphs to the limit plus extra
    padding = "<p></p>" * (60 - sum(1 for _ in base.iter()) + extra)
    root = etree.fromstring(f"<html><body>{head}{padding}</body></html>", etree.HTMLParser())
    start = root.find("body")
    assert sum(1 for _ in start.iter()) == 60 + extra
    walk = webbody.walk_page(start, True)
    assert (walk.blocks is not None) is webbody.wants_blocks(start) is (extra <= 0)


def test_the_sequence_decoding_without_transitions_breaks_a_tie_as_the_threshold_does() -> None:
    # a gain of 0 is a probability exactly at its threshold: Model.keeps keeps it
    flat = [[0.0, 0.0], [0.0, 0.0]]
    assert webbody.decode([0.0], flat, [0.0, 0.0]) == [True]
    assert webbody.decode([0.0, -1.0, 0.0, None, 0.0], flat, [0.0, 0.0]) == [True, False, True, False, True]
    # a block that cannot be article text is not one on a tie of impossible paths either
    forbidden = [[0.0, -math.inf], [0.0, -math.inf]]
    assert webbody.decode([None, 2.0, 3.0], forbidden, [0.0, -math.inf]) == [False, False, False]


@pytest.mark.parametrize(
    ("transitions", "initial"),
    [
        ([[math.nan, 0.0], [0.0, 0.0]], [0.0, 0.0]),
        ([[math.inf, 0.0], [0.0, 0.0]], [0.0, 0.0]),
        ([[-math.inf, -math.inf], [0.0, 0.0]], [0.0, 0.0]),
        ([[0.0, "x"], [0.0, 0.0]], [0.0, 0.0]),
        ([[0.0, True], [0.0, 0.0]], [0.0, 0.0]),
        (5, [0.0, 0.0]),
        ("ab", [0.0, 0.0]),
        ([[0.0, 0.0], [0.0, 0.0]], [math.nan, 0.0]),
        ([[0.0, 0.0], [0.0, 0.0]], [-math.inf, -math.inf]),
        ([[0.0, 0.0], [0.0, 0.0]], 3),
    ],
)
def test_a_model_with_malformed_transitions_is_refused_when_it_loads(transitions: object, initial: object) -> None:
    model = webbody.load_model()
    assert model is not None
    data = model.to_json() | {"transitions": transitions, "initial": initial}
    with pytest.raises(ValueError, match="log weights"):
        webbody.Model.from_json(data)


def test_a_model_with_a_step_never_taken_loads_and_decides() -> None:
    # log(0) = -inf, from a transition never counted: a path around it is still found
    model = webbody.load_model()
    assert model is not None
    data = model.to_json() | {"transitions": [[0.0, -math.inf], [0.0, 0.0]], "initial": [0.0, 0.0]}
    never_enters = webbody.Model.from_json(data)
    assert never_enters.transitions == [[0.0, -math.inf], [0.0, 0.0]]
    page = "<html><body><article>" + "<p>The council met on Tuesday and agreed a budget for the year ahead.</p>" * 3
    with webbody.use_model(never_enters):
        article = articlekit.parse((page + "</article></body></html>").encode(), format="html")
    assert article.body


def _copyright_only_model(fallback: float) -> webbody.Model:
    """A model that keeps a copyright notice and nothing else (to test what follows the decision)."""
    n = len(webbody.FEATURES)
    weights = [0.0] * n
    weights[webbody.FEATURES.index("bias")] = -10.0
    weights[webbody.FEATURES.index("copyright")] = 20.0
    return webbody.Model(weights, [0.0] * n, [1.0] * n, fallback=fallback)


def test_a_kept_text_far_shorter_than_readabilitys_top_candidate_falls_back_to_it() -> None:
    # the decision keeps a notice of 200 characters or more (so the fallback for next to nothing
    # does not apply) beside an article about four times its size, which Readability's scoring
    # makes its top candidate: under the model's share of that text, the article is kept too
    notice = (
        "Copyright 2012 The Harbour Gazette. Every article, photograph and table on these pages is"
        " shared with the reader for personal reading only, and none of it may be copied, sold or"
        " put on another site without the written consent of the publisher."
    )
    paragraphs = "".join(f"<p>{s}</p>" for s in SENTENCES)
    page = f"""<html><body><div id="wrap"><div class="story">{paragraphs}</div>
<div class="legal"><p>{notice}</p></div></div></body></html>"""
    assert len(notice) >= 200
    with webbody.use_model(_copyright_only_model(0.0)):
        assert text_of(page).splitlines() == [notice]
    with webbody.use_model(_copyright_only_model(0.2)):  # the notice is over a fifth of the article
        assert text_of(page).splitlines() == [notice]
    with webbody.use_model(_copyright_only_model(0.5)):
        # the article is kept; the notice after its last line is end matter, trimmed (endmatter.py)
        assert text_of(page).splitlines() == SENTENCES


def test_a_models_fallback_round_trips_and_must_be_a_share() -> None:
    model = _copyright_only_model(0.3)
    data = model.to_json()
    assert webbody.Model.from_json(data).fallback == 0.3
    assert webbody.Model.from_json({k: v for k, v in data.items() if k != "fallback"}).fallback == 0.0
    for bad in (-0.1, 1.5):
        with pytest.raises(ValueError, match="fallback"):
            webbody.Model.from_json({**data, "fallback": bad})


_COMMENTS = [
    "I have taken the early boat every weekday for eleven years, and the later sailing the board is talking"
    " about would make my children miss the first lesson at the island school, so please keep the seven"
    " o'clock run whatever else happens to the timetable this winter.",
    "Thank you for writing this up. Nobody at the board answered the letter our residents' group sent in"
    " October, and the minutes of the last two meetings still have not been put online, so this page is the"
    " only place where most of us have been able to read what was said.",
    "The timetable has been cut twice already since the new operator took over the route. Each time we were"
    " told that it was only for one season and each time it stayed exactly as it was, so forgive me if I do"
    " not believe that this change will be any different from the others.",
    "My mother is ninety and relies on the lunchtime boat for her hospital visits on the mainland; a gap of"
    " four hours in the middle of the day would be very hard on her, and on the neighbours who go with her,"
    " because the waiting room at the terminal has no heating at all in winter.",
]


def _long_blocks_model() -> webbody.Model:
    """A model that keeps the blocks of about 180 characters or more and no shorter one."""
    n = len(webbody.FEATURES)
    weights = [0.0] * n
    weights[webbody.FEATURES.index("bias")] = -104.0
    weights[webbody.FEATURES.index("log_chars")] = 20.0
    return webbody.Model(weights, [0.0] * n, [1.0] * n)


def test_readers_comments_kept_for_a_short_post_give_way_to_the_post(monkeypatch: pytest.MonkeyPatch) -> None:
    # a short post above a long thread of readers' comments, which holds most of the page's text
    # (so it is not left out as furniture): the decision keeps only the comments; Readability's
    # top candidate is the post, outside the element named as the comments, so the post is kept
    # and the comments left out
    post = SENTENCES[:3]
    paragraphs = "".join(f"<p>{s}</p>" for s in post)
    thread = "".join(
        f'<li class="depth-1"><div class="vcard">Reader {i} on 3 March 2012</div>'
        f'<div class="comment-body"><p>{c}</p></div></li>'
        for i, c in enumerate(_COMMENTS)
    )
    page = f"""<html><head><title>Pier</title></head><body><div id="page">
<div class="post hentry"><div class="entry-content">{paragraphs}</div></div>
<div id="comments"><h3>4 Responses</h3><ol class="commentlist">{thread}</ol></div></div></body></html>"""
    with webbody.use_model(_long_blocks_model()):
        text = text_of(page)
        monkeypatch.setattr(webbody, "_comments_for_post", lambda *args: None)
        before = text_of(page)
    assert all(c in before for c in _COMMENTS) and post[0] not in before
    assert text.splitlines() == post


def test_a_post_kept_beside_its_readers_comments_keeps_them() -> None:
    # the decision keeps the post and the comments, which hold more than half of the text kept
    # but under the share that makes them the only thing kept (80%): both stay
    post = [f"{s} {s}" for s in SENTENCES[:3]]
    paragraphs = "".join(f"<p>{s}</p>" for s in post)
    thread = "".join(f'<div class="comment-body"><p>{c}</p></div>' for c in _COMMENTS)
    page = f"""<html><body><div class="entry-content">{paragraphs}</div>
<div id="comments">{thread}</div></body></html>"""
    with webbody.use_model(_long_blocks_model()):
        text = text_of(page)
    assert text.splitlines() == [*post, *_COMMENTS]


def test_paragraphs_in_readers_comments_give_no_vote_whatever_their_own_wrapper_says() -> None:
    # a thread of long comments under a short post, each comment's paragraph in a wrapper that
    # names both comments and a body ("comment-body"): inside the element named as the comments,
    # they give Readability's scoring no vote (as readability-lxml drops such a thread before
    # scoring), and the post is the top candidate
    paragraphs = "".join(f"<p>{s}</p>" for s in SENTENCES[:2])
    thread = "".join(f'<dd class="comment-body"><p>{c}</p></dd>' for c in _COMMENTS * 2)
    page = f"""<html><body><div id="wrap"><div class="item">{paragraphs}</div>
<div id="comments"><dl class="thread">{thread}</dl></div></div></body></html>"""
    rows = _named_rows(_blocks_of(page))
    assert rows[SENTENCES[0][:24]]["vote_inside_top"] == 1.0
    for comment in _COMMENTS:
        assert rows[comment[:24]]["vote_inside_top"] == 0.0


# a review's cases (rv14c): an article whose own wrapper's name holds a comment word stays whole
_LEAD = (
    "The harbour board's chair opened the meeting by reading a letter from the island's residents,"
    " who asked the board to keep the early ferry running through the winter months ahead, and who"
    " said that the later sailing would leave their children late for school every single day."
)
_STORY = [
    f"Part {i} of the report sets out what the dredging of the harbour will cost the ratepayers, why the"
    f" council has put off its vote again, and what the port authority says about the ferries' safety."
    f" Part {i} goes on to list the contractors who bid for the work and the dates they could start it."
    f" Part {i} ends with what the residents' group plans to ask at the next open meeting of the board."
    for i in range(6)
]


@pytest.mark.parametrize(
    "markup",
    [
        '<div class="wrap"><p class="lead">{lead}</p><div class="entry comment-count">{body}</div></div>',
        '<div id="content"><p class="lead">{lead}</p><div class="entry-content has-comments">{body}</div></div>',
        '<div class="story"><p>{lead}</p><div class="story-text has-comments">{body}</div></div>',
        '<div class="intro"><p>{lead}</p></div><article class="post comments-open">{body}</article>',
    ],
)
def test_an_article_in_a_wrapper_named_with_a_comment_word_is_kept(markup: str) -> None:
    body = "".join(f"<p>{part}</p>" for part in _STORY)
    text = text_of(f"<html><body>{markup.format(lead=_LEAD, body=body)}</body></html>")
    assert all(part in text for part in _STORY)


def test_comment_state_words_do_not_name_the_thread() -> None:
    for name in ("comments-open", "has-comments", "comment-count", "no-comments", "comments_link"):
        assert webbody._COMMENT_STATE.search(name) is not None
    for name in ("comments", "comment-list", "commentlist", "disqus_thread"):
        assert webbody._COMMENT_STATE.search(name) is None


def test_a_short_line_between_kept_blocks_beyond_the_heuristics_container_is_kept(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the heuristic chooses the wrapper of the article's first part; the model keeps the second
    # part's paragraphs too, beside it: the subheading between them, too short for the model to
    # judge, joins them (a short line of links there does not)
    long = [f"{s} {s}" for s in SENTENCES]
    first, rest = long[:5], long[5:]
    page = f"""<html><body><div id="wrap"><div class="part">{"".join(f"<p>{s}</p>" for s in first)}</div></div>
<div id="more"><h3>The survey</h3><p><a href="/survey">Survey pages</a></p>{"".join(f"<p>{s}</p>" for s in rest)}</div>
</body></html>"""
    with webbody.use_model(_long_blocks_model()):
        text = text_of(page)
        monkeypatch.setattr(webbody, "_join_short_lines", lambda *args: None)
        before = text_of(page)
    assert before.splitlines() == long
    assert text.splitlines() == [*first, "The survey", *rest]


# --------------------------------------------------------------------------- short lines: rv15w's shapes


def test_the_rows_of_a_results_table_with_linked_names_all_stay() -> None:
    # a page with no long line: every row of the results table is too short for the model to
    # judge, some more than half links: the table stays whole (no row goes for its links)
    boats = [
        ("Heron", "T. Walsh", "7:02.4"),
        ("Osprey", "B. Ngata", "7:05.9"),
        ("Kittiwake", "E. Moss", "7:11.0"),
        ("Tern", "G. Okafor", "7:12.6"),
        ("Cormorant", "P. Lund", "7:15.3"),
        ("Gannet", "D. Rossi", "7:19.8"),
    ]
    rows = "".join(
        f'<tr><td><a href="/boat/{i}">{boat}</a></td><td><a href="/crew/{i}">{cox}</a></td>'
        f"<td>Open</td><td>{time}</td></tr>"
        for i, (boat, cox, time) in enumerate(boats)
    )
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Regatta results - Harbour Rowing Club</title>
</head><body><div id="nav"><p><a href="/">Club home</a> · <a href="/join">Join the club</a> ·
<a href="/boats">Our boats</a> · <a href="/events">Events this season</a></p></div>
<div id="content"><h1>Regatta results</h1><p>Rowed on 9 June</p>
<table><tr><th>Boat</th><th>Cox</th><th>Class</th><th>Time</th></tr>{rows}</table><p>Entries: 14 boats</p></div>
<footer><p>© 2025 Harbour Rowing Club, Quay Street. All rights reserved.</p></footer></body></html>"""
    text = text_of(page)  # the shipped model
    for boat, cox, time in boats:
        assert f"{boat} {cox} Open {time}" in text


def test_the_widgets_between_the_standfirst_and_the_body_are_not_joined_to_the_article() -> None:
    # the headline and the standfirst in one element, the body in another (the heuristic's
    # choice), both kept; between them short lines in elements of their own (a player, a
    # timestamp, a picture's credit): they are not the article's text
    standfirst = f"{SENTENCES[0]} {SENTENCES[1]}"
    body = [f"{s} {s}" for s in SENTENCES[2:]]
    page = f"""<html><body><div class="page"><div class="head"><h1>The pier waits</h1><p>{standfirst}</p></div>
<div class="tools"><span>Hear this story</span> <span>4 min</span></div>
<p class="when">Changed an hour ago</p>
<div class="pic"><img src="/pier.jpg" alt=""><p>Picture agency</p></div>
<div class="text">{"".join(f"<p>{s}</p>" for s in body)}</div></div></body></html>"""
    with webbody.use_model(_long_blocks_model()):
        text = text_of(page)
    assert standfirst in text and all(s in text for s in body)
    for widget in ("Hear this story", "Changed an hour ago", "Picture agency"):
        assert widget not in text


def test_a_run_of_end_matter_before_a_kept_notice_is_not_joined_to_the_article() -> None:
    # after the body, a run of short lines (a poll, the author's box, a player, a gallery's
    # counter), then a long notice the model keeps: the run between them stays out
    body = [f"{s} {s}" for s in SENTENCES[:5]]
    notice = f"Correction: {SENTENCES[5]} {SENTENCES[6]}"
    tail = ["Did this help you?", "Yes · No", "Ann Marsh", "Harbour reporter", "Play 2:40", "3 / 9"]
    page = f"""<html><body><div class="page"><div class="txt">{"".join(f"<p>{s}</p>" for s in body)}</div>
<div class="after">{"".join(f"<p>{line}</p>" for line in tail)}</div>
<div class="note"><p>{notice}</p></div></div></body></html>"""
    with webbody.use_model(_long_blocks_model()):
        text = text_of(page)
    assert notice in text and all(s in text for s in body)
    for line in tail:
        assert line not in text


def test_a_run_of_short_lines_of_scores_stays_though_mostly_links_away_from_the_article() -> None:
    # the layout's first cells: a menu and three lines of scores, mostly links, with only a
    # judged line the model leaves out between them and the article: the lines of scores stay
    # (a short line keeps the heuristic's decision; rv15w F1: no rule drops a line of a table)
    long = [f"{s} {s}" for s in SENTENCES]
    scores = [("Rovers", 3, "Mill Lane", 1), ("Quay", 0, "St Brides", 2), ("Pier", 2, "Old Town", 2)]
    cells = "".join(
        f'<tr><td><a href="/m/{i}">{a} {x} {b}</a> {y}<br></td></tr>' for i, (a, x, b, y) in enumerate(scores)
    )
    page = f"""<html><body><table id="layout">
<tr><td><a href="/harbour">Harbour pages</a> | <a href="/pier">Pier</a><br></td></tr>{cells}
<tr><td>Filed on Friday under the local news.<br></td></tr>
<tr><td>{"".join(f"<p>{s}</p>" for s in long)}</td></tr>
</table></body></html>"""
    with webbody.use_model(_long_blocks_model()):
        text = text_of(page)
    assert text.splitlines()[-10:] == ["Rovers 3 Mill Lane 1", "Quay 0 St Brides 2", "Pier 2 Old Town 2", *long]


def test_a_list_of_two_items_between_kept_parts_beyond_the_container_is_kept() -> None:
    # as a subheading: the list's items sit (through the list) in the element of the kept
    # paragraphs after them; a gap of three short lines is not joined
    long = [f"{s} {s}" for s in SENTENCES]
    first, rest = long[:5], long[5:]

    def page(items: list[str]) -> str:
        listed = "".join(f"<li>{item}</li>" for item in items)
        return f"""<html><body><div id="wrap"><div class="part">{"".join(f"<p>{s}</p>" for s in first)}</div></div>
<div id="more"><ul>{listed}</ul>{"".join(f"<p>{s}</p>" for s in rest)}</div></body></html>"""

    with webbody.use_model(_long_blocks_model()):
        two = text_of(page(["The pier survey", "The channel"]))
        three = text_of(page(["The pier survey", "The channel", "The county"]))
    assert two.splitlines() == [*first, "The pier survey", "The channel", *rest]
    assert three.splitlines() == long


def _body_of(page: str) -> Any:
    from lxml import etree

    return etree.fromstring(page, etree.HTMLParser()).find("body")


def test_a_block_without_children_is_read_as_it_opens_and_the_region_holds_only_blocks_with_text() -> None:
    # a heading, a paragraph of plain text inside a link, an empty paragraph, a list item holding
    # only spaces and a furniture footer's line: each a block without children, closed at its start;
    # the walk's region and parents keep only the block elements holding text, with the sizes of
    # the blocks inside them
    page = (
        "<html><body><div id='post'><h2>The  council\n votes</h2><p></p>"
        "<a href='/more'><p>A linked line</p></a> after the link"
        "<ul><li>  </li><li>One item</li></ul><div><div></div></div></div>"
        "<footer><p>Copyright line</p></footer></body></html>"
    )
    start = _body_of(page)
    walk = webbody.walk_page(start, True)
    post, footer = start.find("div"), start.find("footer")
    heading, linked, item = post.find("h2"), post.find("a/p"), post.findall("ul/li")[1]
    # (in the order the blocks open: the wrapper's own text first)
    found = [("div", "after the link", 0, 1), ("h2", "The council votes", 0, 2)]
    found += [("p", "A linked line", len("A linked line"), 2), ("li", "One item", 0, 3), ("p", "Copyright line", 0, 2)]
    assert [(b.tag, b.parts[0], b.links, b.depth) for b in walk.found] == found
    assert walk.found[-1].around == (footer,)
    assert list(walk.region) == [start, post, heading, linked, post.find("ul"), item, footer, footer[0]]
    assert walk.region[post] == [sum(len(text) for _, text, _, _ in found[:4]), len("A linked line")]
    assert walk.region[start] == [walk.region[post][0] + len("Copyright line"), len("A linked line")]
    assert walk.parents[heading] is post and walk.parents[item] is post.find("ul")
    # (the text outside links the furniture share is measured on: the footer holds under 30% of it)
    assert walk.found[-1].in_furniture


def test_the_rows_of_the_judged_blocks_are_those_every_row_gives_them() -> None:
    # without every_row (the parse), only the blocks the model judges get a row, and each is the
    # row the training's every_row gives the same block; the others' rows are empty
    page = (
        "<html><body><div id='post'><h1>Short title</h1>"
        + "".join(f"<p>{s}</p>" for s in SENTENCES)
        + "<p>Tiny.</p><p>Another paragraph, with a comma, and 2024's figures of 12 and 13.</p></div>"
        "<div class='sidebar'><a href='/a'>Other story one here</a><p>A side note that is long enough.</p></div>"
        "</body></html>"
    )
    start = _body_of(page)
    walk = webbody.walk_page(start, True)
    container = start.find("div")
    every = webbody.page_blocks(walk, container, lambda element, name: False, None, every_row=True)
    judged = webbody.page_blocks(walk, container, lambda element, name: False, None, every_row=False)
    assert judged.texts == every.texts and judged.heuristic == every.heuristic
    short = [index for index, text in enumerate(every.texts) if len(text) < webbody.MIN_CHARS]
    assert short and len(short) < len(every.texts)
    for index, row in enumerate(judged.features):
        assert row == ([] if index in short else every.features[index])
        assert len(every.features[index]) == len(webbody.FEATURES)


# --------------------------------------------------------------------------- the headline's run


_BIO = (
    "I live by the sea and write about boats, harbours and the people who work on them. Here I share "
    "what I learn, and celebrate the makers and fixers of the coast. I have sailed since I was six. "
    "My first boat was a clinker dinghy my grandfather built, and I still take her out on calm days."
)


def _blog_page(post: str, wrapper: str = "aside") -> str:
    archive = "".join(f'<li><a href="/{y}">{y}</a></li>' for y in range(2005, 2013))
    return f"""<html><head><title>Harbour Notes: Vote on the old grain pier</title></head><body>
<div id="header"><h1>Harbour Notes</h1></div>
<{wrapper}><h2>Thursday, 9 June</h2><h3 class="post-title">Vote on the old grain pier</h3>
<div class="post-body">{post}</div><h4>No comments:</h4></{wrapper}>
<div id="c2"><div class="box"><h2>About me</h2><p>{_BIO}</p></div><div class="box"><ul>{archive}</ul></div></div>
</body></html>"""


@pytest.mark.xfail(
    strict=True,
    reason="a short blog post lost to an About-me box beside it: 13a15's rule for it (the run after "
    "the metadata's headline) was reverted after review rv16w (it dropped whole articles whose "
    "subheadings stand at the headline's level)",
)
def test_a_short_post_under_the_pages_headline_is_read_not_the_about_me_box() -> None:
    # the post's lines are short and its template names it as furniture: the decision (the
    # shipped model) keeps only the "About me" box
    lines = [s[:90].strip() for s in SENTENCES[:2]]
    text = text_of(_blog_page("<br>".join(lines)))
    assert text.splitlines() == lines


def test_a_kept_post_under_the_headline_is_left_as_decided() -> None:
    # the decision already keeps the text after the headline: nothing changes, the box stays too
    post = [f"{s} {s}" for s in SENTENCES[:2]]
    with webbody.use_model(_long_blocks_model()):
        text = text_of(_blog_page("".join(f"<p>{s}</p>" for s in post), wrapper="div"))
    assert _BIO in text and all(s in text for s in post)


def test_an_article_after_a_subheading_in_the_headlines_section_is_left_as_decided() -> None:
    # under the headline a picture's caption the decision leaves out, then a subheading and the
    # kept paragraphs: the text kept lies in the headline's section, so nothing changes
    long = [f"{s} {s}" for s in SENTENCES[:3]]
    page = f"""<html><head><title>Vote on the old grain pier | Harbour Notes</title></head><body>
<div id="story"><h1>Vote on the old grain pier</h1>
<figure><img src="/pier.jpg"><figcaption>The old grain pier at low tide, seen from the harbour wall last week.
</figcaption></figure>
<h2>A survey first</h2>{"".join(f"<p>{s}</p>" for s in long)}</div></body></html>"""
    with webbody.use_model(_long_blocks_model()):
        text = text_of(page)
    assert all(s in text for s in long)


def test_the_headline_repeated_above_the_comments_does_not_move_the_body() -> None:
    # the story is kept; its title stands again as the heading of the readers' comments below
    # it, with a notice the decision leaves out: text is kept before that heading, so the body
    # stays the story
    long = [f"{s} {s}" for s in SENTENCES[:3]]
    notice = "The comments below are owned by whoever posted them; we are not responsible for them."
    page = f"""<html><head><title>Vote on the old grain pier</title></head><body>
<div id="story">{"".join(f"<p>{s}</p>" for s in long)}</div>
<div id="talk"><h2>Vote on the old grain pier</h2><p>{notice}</p></div></body></html>"""
    with webbody.use_model(_long_blocks_model()):
        text = text_of(page)
    assert text.splitlines() == long


# review rv16w: pages where the reverted rule dropped the whole article for one line of furniture;
# the article must be read

_HERBS = [
    "Thyme loves the heat and the poor, fast-draining compost that balcony pots end up with, and it "
    "shrugs off the wind that flattens everything else on the rail.",
    "Rosemary grew into a small shrub in a single summer. Give it the biggest pot you can carry and it "
    "will reward you with sprigs all through the winter months.",
    "A single pot of chives has given me something to cut nearly every week since April, and the "
    "purple flowers bring the bees up four floors.",
]


def test_subheadings_at_the_headlines_level_stay_in_the_article() -> None:
    items = "".join(
        f"<h2>{n}. {name}</h2><p>{text}</p>"
        for n, (name, text) in enumerate(zip(["Thyme", "Rosemary", "Chives"], _HERBS, strict=True), 1)
    )
    page = f"""<!doctype html><html><head><title>Five herbs for a windy balcony | Green Corners</title>
<meta property="og:title" content="Five herbs for a windy balcony"></head><body>
<header><a href="/">Green Corners</a> <nav><a href="/">Home</a> <a href="/about">About</a></nav></header>
<article><header><h2>Five herbs for a windy balcony</h2><p class="standfirst">What survived a year on the
fourth floor, and what did not.</p></header>{items}</article>
<aside><h3>About me</h3><p>I am Clara, a teacher and keen amateur gardener in Leeds, writing about food
grown in small spaces.</p></aside></body></html>"""
    text = text_of(page)
    assert all(herb in text for herb in _HERBS)
