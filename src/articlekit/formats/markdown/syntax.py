"""Markdown's syntax as both directions need it: escaping article text so that it stays text,
and reading the escapes back."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from html.entities import html5

import attrs

from articlekit.marks import links_apart, nest
from articlekit.model import Mark

__all__ = ["BREAK", "EMPTY_LIST", "escape_destination", "escape_text", "marked_up", "safe_link", "unescape"]


BREAK = "* * *"
"""The line that ends the header and the body."""

EMPTY_LIST = {False: "<!-- articlekit: empty list -->", True: "<!-- articlekit: empty numbered list -->"}


# --------------------------------------------------------------------------- escaping

_ALWAYS = {"\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]", "<": "&lt;"}
_ENTITY_LIKE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});")
_LINE_START = frozenset("#>+-=~|")
_ORDERED_START = re.compile(r"[0-9]{1,9}[.)]")
_REFERENCED = frozenset("\ufeff\ufffe\uffff\u2028\u2029")


def _charref(ch: str) -> str:
    return f"&#{ord(ch)};"


def _needs_charref(ch: str) -> bool:
    return ch in _REFERENCED or unicodedata.category(ch) in ("Cc", "Cs")


def escape_text(text: str) -> str:
    """``text`` as CommonMark inline content on one line that renders as exactly ``text``
    wherever a block's text starts (after ``# ``, ``> ``, ``- `` or at the line's start)."""
    return "".join(_escaped(text))


def _escaped(text: str) -> list[str]:
    """Each character of ``text`` as ``escape_text`` writes it, one entry per character."""
    out: list[str] = []
    last = len(text) - 1
    for i, ch in enumerate(text):
        if ch in _ALWAYS:
            out.append(_ALWAYS[ch])
        elif _needs_charref(ch) or ((i == 0 or i == last) and ch.isspace()):
            out.append(_charref(ch))
        elif ch == "&" and _ENTITY_LIKE.match(text, i):
            out.append("\\&")
        elif ch == "(" and i and text[i - 1] == "]":  # never "](": no link can form, even in raw text
            out.append("\\(")
        elif (i == 0 and ch in _LINE_START) or (i == last and ch == "#"):
            out.append("\\" + ch)
        else:
            out.append(ch)
    match = _ORDERED_START.match(text)
    if match:  # "2024. A year" must not start a numbered list
        digits = match.end() - 1
        out[digits] = "\\" + out[digits]
    return out


def _escape_title(title: str) -> str:
    """A link title, double-quoted: its quotes and backslashes escaped, what CommonMark would
    read as an entity or drop written so that it stays text."""
    out = []
    for i, ch in enumerate(title):
        if ch in '"\\' or (ch == "&" and _ENTITY_LIKE.match(title, i)):
            out.append("\\" + ch)
        elif _needs_charref(ch) or ch in "\n\r":
            out.append(_charref(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def marked_up(text: str, marks: Sequence[Mark], offset: int = 0) -> str:
    """``text`` (which starts at ``offset`` in its block's text) escaped, with the block's
    marks inside it as CommonMark: ``[text](href "title")``, ``**strong**``, and ``*emphasis*``
    (``_emphasis_`` where it touches a strong's ``**``, so no run of asterisks is ambiguous).
    Marks that cross are written in pieces that nest; a link inside another is left out, as
    CommonMark has no link in a link (see [`links_apart`][articlekit.marks.links_apart])."""
    chars = _escaped(text)
    inside = [
        attrs.evolve(m, start=max(m.start, offset) - offset, end=min(m.end, offset + len(text)) - offset)
        for m in links_apart(marks)
        if m.start < offset + len(text) and m.end > offset
    ]
    if not inside:
        return "".join(chars)
    # ("text", escaped) or ("open" | "close", mark), and whether a delimiter cuts its mark
    # short (a piece of a mark another crosses)
    tokens: list[tuple[str, Mark | str, bool]] = []
    stack: list[Mark] = []
    position = 0
    for run, covering in nest(text, inside):
        keep = 0
        while keep < len(stack) and keep < len(covering) and stack[keep] is covering[keep]:
            keep += 1
        tokens.extend(("close", mark, mark.end != position) for mark in reversed(stack[keep:]))
        del stack[keep:]
        tokens.extend(("open", mark, mark.start != position) for mark in covering[keep:])
        stack.extend(covering[keep:])
        tokens.append(("text", "".join(chars[position : position + len(run)]), False))
        position += len(run)
    tokens.extend(("close", mark, False) for mark in reversed(stack))
    _spaces_outside_pieces(tokens)
    pairs = [(what, item) for what, item, _cut in tokens]
    return "".join(_delimiters(pairs))


def _spaces_outside_pieces(tokens: list[tuple[str, Mark | str, bool]]) -> None:
    """Where a mark is written in pieces, white space at a cut moves outside the delimiters, so
    that CommonMark still sees emphasis (``*a* [*b*](x)``, not ``*a *[*b*](x)``); the reader
    joins pieces that only white space separates."""
    index = 0
    while index < len(tokens):
        what = tokens[index][0]
        end = index
        while end < len(tokens) and tokens[end][0] == what and what != "text":
            end += 1
        if end == index:
            index += 1
            continue
        cut = all(token[2] for token in tokens[index:end])
        if cut and what == "open" and end < len(tokens) and tokens[end][0] == "text":
            piece = str(tokens[end][1])
            stripped = piece.lstrip()
            if stripped and len(stripped) < len(piece):
                tokens[end] = ("text", stripped, False)
                tokens.insert(index, ("text", piece[: len(piece) - len(stripped)], False))
                end += 1
        elif cut and what == "close" and index > 0 and tokens[index - 1][0] == "text":
            piece = str(tokens[index - 1][1])
            stripped = piece.rstrip()
            if stripped and len(stripped) < len(piece):
                tokens[index - 1] = ("text", stripped, False)
                tokens.insert(end, ("text", piece[len(stripped) :], False))
        index = end


def _delimiters(tokens: Sequence[tuple[str, Mark | str]]) -> list[str]:
    """The Markdown of each token: text as it is, a mark's delimiters. Emphasis is ``*``, or
    ``_`` at both ends where either end touches a strong's ``**``."""

    def touches_strong(index: int) -> bool:
        beside = [tokens[i][1] for i in (index - 1, index + 1) if 0 <= i < len(tokens)]
        return any(isinstance(b, Mark) and b.kind == "strong" for b in beside)

    out = [""] * len(tokens)
    opened: list[int] = []
    for index, (what, item) in enumerate(tokens):
        if isinstance(item, str):
            out[index] = item
        elif item.kind == "link":
            out[index] = "[" if what == "open" else f"]({escape_destination(item.href or '')}{_link_title(item)})"
        elif item.kind == "strong":
            out[index] = "**"
        elif what == "open":
            opened.append(index)
        else:
            start = opened.pop()
            delimiter = "_" if touches_strong(start) or touches_strong(index) else "*"
            out[start] = out[index] = delimiter
    return out


def _link_title(mark: Mark) -> str:
    return " " + _escape_title(mark.title) if mark.title is not None else ""


def escape_destination(url: str) -> str:
    """``url`` as a link destination: bare where that is safe, else in ``<...>``."""
    if re.fullmatch(r"[A-Za-z0-9._~:/?#@!$%'+,;=-]*", url):
        return url
    out = []
    for i, ch in enumerate(url):
        if ch in "\\<>" or (ch == "&" and _ENTITY_LIKE.match(url, i)):
            out.append("\\" + ch)
        elif _needs_charref(ch):
            out.append(_charref(ch))
        else:
            out.append(ch)
    return "<" + "".join(out) + ">"


def safe_link(url: str) -> bool:
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", url)
    return scheme is None or scheme.group(1).lower() in ("http", "https", "mailto", "ftp")


_UNESCAPE = re.compile(
    r"\\([!-/:-@\[-`{-~])|&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});",
)


def _unescape_one(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return match.group(1)
    name = match.group(2)
    if name.startswith(("#x", "#X")):
        code = int(name[2:], 16)
    elif name.startswith("#"):
        code = int(name[1:])
    else:
        return html5.get(name + ";", match.group(0))
    # as HTML does: no code point past Unicode, and no lone surrogate, which no UTF-8 output holds
    return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"


def unescape(markdown: str) -> str:
    """The text that escaped Markdown stands for: backslash escapes and character references
    decoded. The inverse of [`escape_text`][articlekit.formats.markdown.reader.escape_text]."""
    return _UNESCAPE.sub(_unescape_one, markdown)
