"""The ``text`` parser: the plugin (``parser``), agency wire copy (``wire``) and database exports
(``exports``)."""

from articlekit.formats.text.parser import locate_blocks, parse_text, read_text

__all__ = ["locate_blocks", "parse_text", "read_text"]
