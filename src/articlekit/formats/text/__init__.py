"""The ``text`` parser: the plugin (``parser``), agency wire copy (``wire``) and database exports
(``exports``). The parser's public functions are importable from here, as before the package."""

from typing import TYPE_CHECKING

from articlekit._moved import moved_name
from articlekit.formats.text.parser import locate_blocks, parse_text, read_text, read_texts

__all__ = ["locate_blocks", "parse_text", "read_text", "read_texts"]


if not TYPE_CHECKING:  # hidden from mypy, so that code here cannot use a moved name unnoticed

    def __getattr__(name: str) -> object:
        """The public names this module had that moved elsewhere, with a ``DeprecationWarning``
        ([`MOVED_NAMES`][articlekit._moved.MOVED_NAMES])."""
        return moved_name(__name__, name)
