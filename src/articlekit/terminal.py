"""Text from inputs made safe to print on a terminal.

An article's text, or a file's name, may hold control characters: an escape sequence can set
the window title, write to the clipboard (OSC 52), clear the screen or move the cursor (CSI),
and a newline in a file name splits an error line in two. What the command line prints from
its inputs goes through [`printable`][articlekit.terminal.printable], which shows each control
character as an escape (``\\x1b``, ``\\n``) instead of sending it.
"""

from __future__ import annotations

__all__ = ["printable", "printable_json", "quoted_name"]

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_CONTROLS = [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]
"""C0 controls (ESC among them), DEL and the C1 controls (U+009B is a one-character CSI)."""
_BIDI = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
"""Bidirectional overrides and isolates, which make a line read otherwise than it is."""

_ESCAPES: dict[int, str] = {
    **{code: _NAMED.get(chr(code), f"\\x{code:02x}") for code in _CONTROLS},
    **{code: f"\\u{code:04x}" for code in _BIDI},
}


def printable(text: str) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``, ``\\n``, ``\\u202e``),
    so that printing it cannot drive the terminal; other text, non-ASCII letters included, is
    left as it is."""
    return text.translate(_ESCAPES)


def quoted_name(name: str) -> str:
    """A file name as printed in a message: as it is, or, when it holds a control character
    (a newline), escaped and in quotes, so that the message stays one line and the name is
    plainly one."""
    shown = printable(name)
    return name if shown == name else "'" + shown.replace("'", "\\'") + "'"


_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in (0x7F, *range(0x80, 0xA0), *_BIDI)}


def printable_json(text: str) -> str:
    """JSON text (from ``json.dumps``, which escapes the C0 controls already) with DEL, the C1
    controls and the bidirectional controls escaped too: the same JSON value, safe to print."""
    return text.translate(_JSON_ESCAPES)
