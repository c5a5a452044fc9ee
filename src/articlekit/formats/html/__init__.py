"""The ``html`` parser: the plugin (``parser``), the page's metadata (``meta``) and the web body
extraction (``body``, with its block classifier's weights in ``webbody_model.json``). The
parser's public functions are importable from here, as before the package.

``COMPILED`` says whether this install's parser modules are compiled (an opt-in build, see
``docs/formats/html.md``)."""

from typing import TYPE_CHECKING

from articlekit._moved import moved_name
from articlekit.formats.html import body as _body
from articlekit.formats.html.parser import decode_page, is_boilerplate, parse_html, sniff_html

__all__ = ["COMPILED", "decode_page", "is_boilerplate", "parse_html", "sniff_html"]

COMPILED: bool = not (_body.__file__ or "").endswith(".py")
"""True when the parser's modules were compiled with mypyc at install (the opt-in build:
``HATCH_BUILD_HOOK_ENABLE_MYPYC=1 pip install .``), False for the pure-Python default."""


if not TYPE_CHECKING:  # hidden from mypy, so that code here cannot use a moved name unnoticed

    def __getattr__(name: str) -> object:
        """The public names this module had that moved elsewhere, with a ``DeprecationWarning``
        ([`MOVED_NAMES`][articlekit._moved.MOVED_NAMES])."""
        return moved_name(__name__, name)
