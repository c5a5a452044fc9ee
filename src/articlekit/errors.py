"""The errors articlekit raises. Catch [`ArticlekitError`][articlekit.errors.ArticlekitError]
to catch them all."""

from __future__ import annotations

__all__ = [
    "ArticlekitError",
    "ParseError",
    "PluginError",
    "SkippedError",
    "UnknownFormatError",
    "WriteError",
]


class ArticlekitError(Exception):
    """The base of every error articlekit raises on purpose."""


class ParseError(ArticlekitError):
    """An input could not be read as an article.

    The message names the file, the position where known, and what was expected, for instance
    ``story.xml:12:5: not NITF: expected a <nitf> root element, found <html>``.
    """

    def __init__(
        self,
        reason: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        offset: int | None = None,
    ) -> None:
        self.reason = reason.strip()
        """What was wrong and what was expected (libxml2's messages end in a newline: trimmed)."""
        self.file = file
        """The input's name, where known."""
        self.line = line
        """The 1-based line, where known."""
        self.column = column
        """The 1-based column, where known."""
        self.offset = offset
        """The 0-based byte or character offset, where known and no line is."""
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The whole message: ``file:line:column: reason``."""
        where = self.file or "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        elif self.offset is not None:
            where += f" at offset {self.offset}"
        return f"{where}: {self.reason}"

    def with_file(self, file: str) -> ParseError:
        """A copy naming ``file`` when this error names none."""
        if self.file is not None:
            return self
        return ParseError(self.reason, file=file, line=self.line, column=self.column, offset=self.offset)

    def __reduce__(self) -> tuple[object, ...]:
        # keep keyword-only arguments through pickling (worker processes send errors back)
        return (_rebuild_parse_error, (self.reason, self.file, self.line, self.column, self.offset))


def _rebuild_parse_error(
    reason: str, file: str | None, line: int | None, column: int | None, offset: int | None
) -> ParseError:
    return ParseError(reason, file=file, line=line, column=column, offset=offset)


class UnknownFormatError(ArticlekitError):
    """A format name that no installed plugin provides, or an input whose format could not be
    detected."""


class PluginError(ArticlekitError):
    """A plugin is broken: a misspelled hook, a format name provided twice, a bad spec."""


class WriteError(ArticlekitError):
    """An output could not be written: it exists (and ``force`` was not given), or the path is
    unsafe, or the writer failed."""


class SkippedError(ArticlekitError):
    """An input left out on purpose: none of its articles is in the languages asked for
    (the ``languages`` option, ``--lang``). Not a failure: a batch counts it as skipped."""

    def __init__(self, reason: str, *, file: str | None = None) -> None:
        self.reason = reason
        """Why it was left out."""
        self.file = file
        """The input's name, where known."""
        super().__init__(f"{file}: {reason}" if file else reason)
