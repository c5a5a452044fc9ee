"""articlekit: news articles from any source format into one typed model, out as JSON,
Markdown, XML, NITF, ninjs and more.

>>> import articlekit
>>> from pathlib import Path
>>> article = articlekit.parse(Path("seeds/000_fceb5e4b891116b7.txt"))  # doctest: +SKIP
>>> print(articlekit.dumps(article, "md"))  # doctest: +SKIP
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

import articlekit.enrich as _enrichers
from articlekit import _moved  # noqa: F401  (the old paths of modules that moved keep working)
from articlekit._help import tidy_help
from articlekit.api import convert, detect_format, dumps, enrich, parse, parse_all, parse_document
from articlekit.errors import (
    ArticlekitError,
    ManyArticlesError,
    ParseError,
    PluginError,
    PluginWarning,
    UnknownFormatError,
    WriteError,
)
from articlekit.fetch import FetchError, fetch, fetch_all
from articlekit.hookspecs import hookimpl
from articlekit.model import (
    Article,
    BlockQuote,
    Contributor,
    Cue,
    Heading,
    ListBlock,
    Mark,
    Media,
    MediaRef,
    Origin,
    Paragraph,
    Place,
    Quote,
    QuoteContext,
    Related,
    Source,
    Span,
    Speaker,
    Subject,
    When,
)
from articlekit.options import OptionError, OptionSpec
from articlekit.plugins import get_registry, register_plugin, unregister_plugin
from articlekit.registry import Document, EnricherSpec, ParserSpec, WriterSpec
from articlekit.tables import frames

try:
    __version__ = version("articlekit")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "Article",
    "ArticlekitError",
    "BlockQuote",
    "Contributor",
    "Cue",
    "Document",
    "EnricherSpec",
    "FetchError",
    "Heading",
    "ListBlock",
    "ManyArticlesError",
    "Mark",
    "Media",
    "MediaRef",
    "OptionError",
    "OptionSpec",
    "Origin",
    "Paragraph",
    "ParseError",
    "ParserSpec",
    "Place",
    "PluginError",
    "PluginWarning",
    "Quote",
    "QuoteContext",
    "Related",
    "Source",
    "Span",
    "Speaker",
    "Subject",
    "UnknownFormatError",
    "When",
    "WriteError",
    "WriterSpec",
    "__version__",
    "convert",
    "detect_format",
    "dumps",
    "enrich",
    "fetch",
    "fetch_all",
    "frames",
    "get_registry",
    "hookimpl",
    "parse",
    "parse_all",
    "parse_document",
    "register_plugin",
    "unregister_plugin",
]

tidy_help(globals()[name] for name in __all__ if name != "__version__")

# ``articlekit.enrich`` names both the function ``enrich`` and the package of built-in enrichers:
# it is the package, made callable as the function (``articlekit.enrich(article)``), so that
# ``articlekit.enrich.quotes`` and ``import articlekit.enrich.quotes as quotes`` reach the module.
# Bound through ``globals()`` so that type checkers and the reference pages see the function.
globals()["enrich"] = _enrichers
