"""The page's end matter after the article's last line: trimmed from the body.

The block classifier judges lines of ``MIN_CHARS`` characters or more; shorter ones keep the
container heuristic's decision, which takes in the short lines that close a page's article
container (a name, a label, "Tweet", "12 comments", a score, a date) and its copyright notice.
After the last line of article text such lines are end matter: ``trim_tail`` drops the run of
them, and keeps the body as it is where that run looks like content (the rows of a table, or
more text than the article before it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from articlekit.formats.html.body import MIN_CHARS
from articlekit.model import Block, MediaRef, Related

__all__ = ["is_end_matter", "trim_tail"]

_SENTENCE_END = re.compile(r"[.!?:;。！？][\"'”’)\]」』]*\s*$")
_COPYRIGHT = re.compile(r"^\W{0,3}(?:©|\(c\)|copyright\b)|\ball\s+rights\s+reserved\b", re.I)
_DIGIT = re.compile(r"\d")
_TABLE_ROWS = 3
"""A run holding this many short lines with a digit or more is a table's rows (results, prices,
scores), not end matter."""


def is_end_matter(text: str) -> bool:
    """A line of end matter where it follows the article: a line shorter than the classifier
    judges that ends no sentence, or a copyright notice under 300 characters."""
    if len(text) < MIN_CHARS and not _SENTENCE_END.search(text):
        return True
    return len(text) < 300 and _COPYRIGHT.search(text) is not None


def trim_tail(blocks: Sequence[Block]) -> list[Block]:
    """``blocks`` without the run of end matter after the last line of article text; related
    links and media inside the run stay. The body stays whole when the run holds the rows of a
    table, when what remains holds no line the classifier judges, or less text than the run."""
    end = len(blocks)
    trimmed = rows = 0
    while end > 1:
        block = blocks[end - 1]
        if not isinstance(block, (MediaRef, Related)):
            if not is_end_matter(block.text):
                break
            trimmed += len(block.text)
            rows += len(block.text) < MIN_CHARS and _DIGIT.search(block.text) is not None
        end -= 1
    if end == len(blocks) or rows >= _TABLE_ROWS:
        return list(blocks)
    rest = [b.text for b in blocks[:end] if not isinstance(b, (MediaRef, Related))]
    if trimmed > sum(map(len, rest)) or not any(len(text) >= MIN_CHARS for text in rest):
        return list(blocks)
    return [*blocks[:end], *(b for b in blocks[end:] if isinstance(b, (MediaRef, Related)))]
