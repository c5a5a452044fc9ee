"""The ``text`` parser: the plugin (``parser``), agency wire copy (``wire``) and database exports
(``exports``). The parser's public functions are importable from here, as before the package."""

from articlekit.formats.text.parser import locate_blocks, parse_text, read_text, read_texts

__all__ = ["locate_blocks", "parse_text", "read_text", "read_texts"]
