"""The ``html`` parser: the plugin (``parser``), the page's metadata (``meta``) and the web body
extraction (``body``, with its block classifier's weights in ``webbody_model.json``). The
parser's public functions are importable from here, as before the package."""

from articlekit.formats.html.parser import decode_page, is_boilerplate, parse_html, sniff_html

__all__ = ["decode_page", "is_boilerplate", "parse_html", "sniff_html"]
