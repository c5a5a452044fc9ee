"""The shared HTML-body converter: blocks, figures, related links, XHTML, hostile nesting."""

from __future__ import annotations

from lxml import etree

from articlekit.common.htmlbody import Body, convert_element, convert_html, split_caption_credit
from articlekit.model import BlockQuote, Heading, ListBlock, Mark, Media, MediaRef, Paragraph, Related


def test_paragraphs_headings_and_line_breaks() -> None:
    body = convert_html("<h2>Sub <em>head</em></h2><p>Hello <b>world</b>,<br>line two<br><br>new para</p><h4>Low</h4>")
    assert body.blocks == (
        Heading("Sub head", 2, marks=(Mark.emphasis(4, 8),)),
        Paragraph("Hello world,\nline two", marks=(Mark.strong(6, 11),)),
        Paragraph("new para"),
        Heading("Low", 4),
    )


def test_text_directly_in_divs_becomes_paragraphs() -> None:
    body = convert_html("<div>First run<div>inner block</div>tail text</div>")
    assert [b.text for b in body.blocks] == ["First run", "inner block", "tail text"]


def test_lists_nested_lists_flatten_and_ordered() -> None:
    body = convert_html("<ul><li>one<ul><li>one-a</li></ul></li><li>two</li></ul><ol><li>x</li></ol>")
    assert body.blocks == (ListBlock(("one", "one-a", "two")), ListBlock(("x",), ordered=True))


def test_block_quote_keeps_cite_and_paragraphs() -> None:
    body = convert_html('<blockquote cite="https://e.x/q"><p>Quoted</p><p>more</p></blockquote>')
    assert body.blocks == (BlockQuote("Quoted\nmore", cite="https://e.x/q"),)


def test_figure_caption_and_credit_from_class_and_from_text() -> None:
    body = convert_html(
        '<figure><img src="/a.jpg" alt="A" width="800"><figcaption>Rescuers at work. '
        '<span class="credit">AP Photo/Jane Doe</span></figcaption></figure>'
        '<p>Text</p><figure><img data-src="b.jpg" src="data:image/gif;base64,R0"><figcaption>'
        "Caption here (Photo: Reuters)</figcaption></figure>",
        base_url="https://ex.com/news/",
    )
    assert body.blocks == (MediaRef(0), Paragraph("Text"), MediaRef(1))
    assert body.media == (
        Media(url="https://ex.com/a.jpg", caption="Rescuers at work.", credit="AP Photo/Jane Doe", alt="A", width=800),
        Media(url="https://ex.com/news/b.jpg", caption="Caption here", credit="Reuters"),
    )


def test_media_offset_counts_media_already_in_the_article() -> None:
    body = convert_html('<p>a</p><img src="x.jpg"><p>b</p>', media_offset=2)
    assert body.blocks == (Paragraph("a"), MediaRef(2), Paragraph("b"))
    assert body.media[0].url == "x.jpg"


def test_tracking_pixels_and_srcset() -> None:
    body = convert_html('<img src="p.gif" width="1" height="1"><img srcset="s.jpg 320w, l.jpg 1024w">')
    assert [m.url for m in body.media] == ["l.jpg"]


def test_read_more_and_labelled_link_lists_become_related() -> None:
    body = convert_html(
        '<p>Before.</p><p><strong>READ MORE:</strong> <a href="/x">Big story</a></p>'
        '<h3>Related stories</h3><ul><li><a href="/1">First</a></li><li><a href="/2">Second</a></li></ul>'
        '<p>Related:</p><p><a href="/3">Third one</a></p><p>After.</p>',
        base_url="https://ex.com/",
    )
    assert body.blocks == (
        Paragraph("Before."),
        Related("Big story", label="READ MORE", url="https://ex.com/x"),
        Related("First", label="Related stories", url="https://ex.com/1"),
        Related("Second", label="Related stories", url="https://ex.com/2"),
        Related("Third one", label="Related", url="https://ex.com/3"),
        Paragraph("After."),
    )
    assert body.text == "Before.\nAfter."


def test_a_label_without_links_stays_text() -> None:
    body = convert_html("<h2>Related</h2><p>Plain words follow.</p>")
    assert body.blocks == (Paragraph("Related"), Paragraph("Plain words follow."))


def test_related_off_keeps_text() -> None:
    body = convert_html('<p>Read more: <a href="/x">Story</a></p>', related=False)
    # the link has no page address to resolve against: it stays as written
    assert body.blocks == (Paragraph("Read more: Story", marks=(Mark.link(11, 16, "/x"),)),)


def test_scripts_styles_hidden_and_forms_are_dropped() -> None:
    body = convert_html(
        "<p>Keep<script>no()</script></p><style>p{}</style><p hidden>no</p>"
        '<p style="display: none">no</p><form><p>no</p></form><noscript>no</noscript>'
    )
    assert body.blocks == (Paragraph("Keep"),)


def test_pre_keeps_whitespace_and_tables_read_by_row() -> None:
    body = convert_html("<pre>  a\n   b</pre><table><tr><th>k</th><td>v</td></tr><tr><td>1</td><td>2</td></tr></table>")
    assert body.blocks == (Paragraph("  a\n   b"), Paragraph("k v"), Paragraph("1 2"))


def test_namespaced_xhtml_element() -> None:
    root = etree.fromstring(
        '<body xmlns="http://www.w3.org/1999/xhtml"><h1>T</h1><p>One <a href="#">x</a></p><ul><li>i</li></ul></body>'
    )
    assert convert_element(root).blocks == (Heading("T", 1), Paragraph("One x"), ListBlock(("i",)))


def test_whole_documents_and_empty_input() -> None:
    assert convert_html("") == Body()
    body = convert_html("<!DOCTYPE html><html><head><title>No</title></head><body><p>Yes</p></body></html>")
    assert body.blocks == (Paragraph("Yes"),)


def test_deep_nesting_does_not_recurse() -> None:
    depth = 5000
    root = etree.Element("div")
    node = root
    for _ in range(depth):
        node = etree.SubElement(node, "div")
    node.text = "deep"
    assert convert_element(root).blocks == (Paragraph("deep"),)


def test_split_caption_credit() -> None:
    assert split_caption_credit("Rescuers at work. (AP Photo/Jane Doe)") == ("Rescuers at work.", "AP Photo/Jane Doe")
    assert split_caption_credit("Photo: Reuters") == (None, "Reuters")
    assert split_caption_credit("A quiet street. © Jane Doe") == ("A quiet street.", "Jane Doe")
    assert split_caption_credit("Just a caption (in brackets)") == ("Just a caption (in brackets)", None)
    assert split_caption_credit(None) == (None, None)


def test_a_wrapper_named_like_a_figure_is_a_figure() -> None:
    body = convert_html(
        '<p>Before.</p><div class="article-image"><img src="p.jpg"><p>Protesters in the square. '
        '<span class="photo-credit">Jane Doe/AFP</span></p></div>'
        '<div class="photo-gallery"><img src="a.jpg"><img src="b.jpg"><p>Two images: not one figure.</p></div>'
    )
    assert body.blocks[:2] == (Paragraph("Before."), MediaRef(0))
    assert (body.media[0].caption, body.media[0].credit) == ("Protesters in the square.", "Jane Doe/AFP")
    assert Paragraph("Two images: not one figure.") in body.blocks
    assert len(body.media) == 3


def test_a_bare_read_more_button_is_dropped() -> None:
    body = convert_html('<p>Text.</p><p><a href="/full">Read more</a></p><p>Read more: no link here at all</p>')
    # without a link, a "Read more:" line is text
    assert body.blocks == (Paragraph("Text."), Paragraph("Read more: no link here at all"))


def test_source_newlines_are_spaces_and_only_br_breaks_a_line() -> None:
    body = convert_html("<p>Wrapped\nat seventy\r\ncharacters<br>then a break</p><pre>kept\nas is</pre>")
    assert body.blocks == (Paragraph("Wrapped at seventy characters\nthen a break"), Paragraph("kept\nas is"))


def test_credit_elements_outermost_once_without_their_wrapping() -> None:
    body = convert_html(
        '<figure><img src="a.jpg"><figcaption><div class="caption">Lungs made of tongues.</div>'
        '<div class="attribution"><p class="credit-line">RenderBurger for Quanta</p></div></figcaption></figure>'
        '<figure><img src="b.jpg"><figcaption><span class="image-credit">(Image: Jane Doe / Getty Images)</span>'
        "</figcaption></figure>"
        '<figure><img src="c.jpg"><figcaption><div class="_pattribution-w-auto">Not a credit, a layout class.'
        "</div></figcaption></figure>"
    )
    assert [(m.caption, m.credit) for m in body.media] == [
        ("Lungs made of tongues.", "RenderBurger for Quanta"),
        (None, "Jane Doe / Getty Images"),
        ("Not a credit, a layout class.", None),
    ]


def test_a_line_repeating_the_image_alt_text_is_its_caption() -> None:
    body = convert_html(
        '<p>Text.</p><div><img src="k.jpg" alt="The new keyboard"><br><span>The new keyboard</span></div>'
    )
    assert body.blocks == (Paragraph("Text."), MediaRef(0))
    assert (body.media[0].alt, body.media[0].caption) == ("The new keyboard", "The new keyboard")


def _flood(lines: int) -> str:
    return "<html><body><article><p>" + "A line of the poem<br>\n" * lines + "</p></article></body></html>"


def _best_of_three(markup: str) -> float:
    """The least CPU time of three conversions (CPU, not wall time: other work on the machine
    does not count), with the garbage collector paused while timing."""
    import gc
    import time

    best = float("inf")
    for _ in range(3):
        gc.disable()
        try:
            start = time.process_time()
            convert_html(markup)
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def test_a_flood_of_single_line_breaks_takes_linear_time() -> None:
    # each <br> once read the whole paragraph so far: 0.8 MB of them took 104 s
    body = convert_html(_flood(5))
    assert body.blocks == (Paragraph("\n".join(["A line of the poem"] * 5)),)
    small, large = _flood(15_000), _flood(30_000)
    assert len(convert_html(large).text) == 2 * len(convert_html(small).text) + 1
    # twice the input: about twice the work (quadratic work would take four times as long)
    ratio = _best_of_three(large) / _best_of_three(small)
    assert ratio < 3.0, f"doubling the input multiplied the time by {ratio:.1f}"


def test_double_line_breaks_still_split_paragraphs_in_a_flood() -> None:
    body = convert_html("<p>" + "one<br> \u00a0<br>two<br>" * 3 + "</p>")
    assert [b.text for b in body.blocks] == ["one", "two\none", "two\none", "two"]


def test_enter_reads_an_element_whose_tag_is_never_read() -> None:
    root = etree.fromstring("<div><form><p>Inside the form.</p></form><p>After.</p></div>")
    assert [b.text for b in convert_element(root).blocks] == ["After."]
    form = root[0]
    assert [b.text for b in convert_element(root, enter={form}).blocks] == ["Inside the form.", "After."]


def test_mute_leaves_out_an_elements_own_text_but_not_its_blocks() -> None:
    root = etree.fromstring("<div>By <b>Ana</b> on Monday<p>The text <i>itself</i>.</p>tail of p<p>More.</p></div>")
    body = convert_element(root, mute={root: True, root[1]: False, root[2]: False})
    assert [b.text for b in body.blocks] == ["The text itself.", "More."]
    assert [b.text for b in convert_element(root).blocks] == [
        "By Ana on Monday",
        "The text itself.",
        "tail of p",
        "More.",
    ]
