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
from articlekit.model import Block, Heading, ListBlock, MediaRef, Related

__all__ = ["is_end_matter", "trim_tail"]

_TERMINALS = ".!?:;\u2026\u203c\u2047\u0964\u0965\u061f\u06d4\u0589\u1362\u104b\u3002\uff01\uff1f"
"""Sentence terminals of the scripts a page may be in: Latin and Greek punctuation, the ellipsis,
Devanagari's danda, Arabic and Urdu, Armenian, Ethiopic, Myanmar, CJK full stops and marks."""
_CLOSERS = "\"'\u201d\u2019\u201c\u201e)]\u300d\u300f\u00bb\u00ab\u203a\u2039\uff09"
_SENTENCE_END = re.compile(f"[{re.escape(_TERMINALS)}][\\s{re.escape(_CLOSERS)}]*$")
_QUOTATION = re.compile(f'^["\u201c\u201e\u00ab\u00bb\u2039\u300c\u300e].*[{re.escape(_CLOSERS)}]\\s*$', re.S)
"""A line that opens and closes with quote marks: someone's words (« On revit enfin »)."""
_COPYRIGHT = re.compile(
    r"^\W{0,3}(?:\u00a9|&copy;|\(c\)\s*(?:19|20)\d\d\b|copyright\b(?:\s*(?:\u00a9|\(c\))|[^.]{0,60}?\b(?:19|20)\d\d\b))",
    re.I,
)
"""A notice's shape: the sign or the word with a sign or a year (not 'Copyright holders will ...',
nor a list's item '(c) the landlord ...')."""
_RIGHTS = re.compile(r"\ball\s+rights\s+reserved\b", re.I)
_RIGHTS_MARK = re.compile(r"\u00a9|\b(?:19|20)\d\d\b")
_DIGIT = re.compile(r"\d")
_TABLE_ROWS = 3
"""A run holding this many short lines with a digit or more is a table's rows (results, prices,
scores), not end matter."""


def is_end_matter(text: str) -> bool:
    """A line of end matter where it follows the article: a line shorter than the classifier
    judges that ends no sentence and is no quotation, or a copyright notice (under 300
    characters; 'all rights reserved' only in a short line with the sign or a year)."""
    if len(text) < MIN_CHARS and not _SENTENCE_END.search(text) and not _QUOTATION.match(text):
        return True
    if len(text) >= 300:
        return False
    if _COPYRIGHT.match(text):
        return True
    return len(text) < 120 and _RIGHTS.search(text) is not None and _RIGHTS_MARK.search(text) is not None


def _content_run(run: Sequence[Block], before: Block | None) -> bool:
    """The run is a section of the article, not end matter: it holds a heading with a line after
    it, or a list introduced by the line before it (ending in a colon)."""
    for i, block in enumerate(run):
        if isinstance(block, Heading) and any(not isinstance(b, (MediaRef, Related)) for b in run[i + 1 :]):
            return True
        if isinstance(block, ListBlock) and len(block.items) > 1:
            lead = run[i - 1] if i else before
            if lead is not None and not isinstance(lead, (MediaRef, Related)) and lead.text.rstrip().endswith(":"):
                return True
    return False


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
    if end == len(blocks) or rows >= _TABLE_ROWS or _content_run(blocks[end:], blocks[end - 1]):
        return list(blocks)
    rest = [b.text for b in blocks[:end] if not isinstance(b, (MediaRef, Related))]
    if trimmed > sum(map(len, rest)) or not any(len(text) >= MIN_CHARS for text in rest):
        return list(blocks)
    return [*blocks[:end], *(b for b in blocks[end:] if isinstance(b, (MediaRef, Related)))]
