"""Every PolNeAR train and dev text parses, and its paragraphs are verbatim slices of it (the
corpus is read from shared/, for measuring only: nothing here depends on one file)."""

from __future__ import annotations

import pytest

from articlekit.formats.text.parser import locate_blocks, parse_text
from articlekit.model import Paragraph
from articlekit.registry import Document
from tests.conftest import require_shared


@pytest.mark.shared
def test_every_polnear_text_parses_with_verbatim_paragraphs() -> None:
    root = require_shared("corpora", "polnear")
    files = sorted(root.glob("*/text/*.txt"))
    assert len(files) == 924
    for path in files:
        data = path.read_bytes()
        article = next(iter(parse_text(Document(data, str(path)), {})))
        text = data.decode("utf-8")
        assert article.headline, path.name
        assert article.headline in text[:2000], path.name
        for block, span in zip(article.body, locate_blocks(text, article), strict=True):
            if isinstance(block, Paragraph):
                assert span is not None, f"{path.name}: {block.text[:50]!r} is not a slice of the text"
