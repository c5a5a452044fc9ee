"""What plugins provide: parser, writer and enricher specs, and the registry that holds them.

A plugin's registration hooks return these specs; the registry records which plugin and which
distribution provided each one, and refuses a name provided twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import IO, Any

import attrs
from attrs import field, frozen

from articlekit.errors import PluginError, UnknownFormatError
from articlekit.model import Article
from articlekit.options import OptionSpec

__all__ = [
    "Document",
    "EnricherSpec",
    "OptionSpec",
    "Options",
    "ParserSpec",
    "Provided",
    "Registry",
    "WriterSpec",
]

Options = Mapping[str, Any]
"""Keyword options passed through from [`parse`][articlekit.parse] or the command line.
Parsers, writers and enrichers read the keys they declare (their ``options``) and ignore the
rest: one set of options serves a whole run, its parser, enrichers and writer."""


@frozen
class Document:
    """One input as a parser receives it: its bytes and the name to use in messages."""

    data: bytes
    """The raw bytes, already decompressed when the input was gzip."""
    name: str = "<input>"
    """The file name as given, ``-`` for standard input, ``<bytes>`` for in-memory data."""

    @property
    def head(self) -> bytes:
        """The first 4 KiB, for sniffing."""
        return self.data[:4096]


Sniffer = Callable[[bytes, str], float]
ParseFn = Callable[[Document, Options], Iterable[Article]]
StreamParseFn = Callable[[IO[bytes], str, Options], Iterable[Article]]
WriteFn = Callable[[Article, Options], "str | bytes"]
StreamFn = Callable[[Iterable[Article], IO[bytes], Options], int]
EnrichFn = Callable[[Article, Options], Article]


def _lower_tuple(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(v.lower() for v in values)


def _never(_head: bytes, _name: str) -> float:
    return 0.0


def _option_tuple(values: Iterable[OptionSpec] | None) -> tuple[OptionSpec, ...] | None:
    if values is None:
        return None
    declared = tuple(values)
    for option in declared:
        if not isinstance(option, OptionSpec):
            raise TypeError(f"a spec's options are OptionSpecs, not {option!r}")
    names = [option.name for option in declared]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise ValueError(f"option {twice[0]!r} is declared twice")
    return declared


@frozen
class ParserSpec:
    """A format a plugin can read."""

    name: str
    """The format's name, as used with ``--from`` (``text``, ``nitf``). Lower case, unique."""
    parse: ParseFn
    """``parse(document, options) -> Iterable[Article]``: one article for most formats, several
    for a feed, a news message or an archive. Raises
    [`ParseError`][articlekit.errors.ParseError] for input it cannot read."""
    sniff: Sniffer = _never
    """``sniff(head, name) -> float``: how sure the parser is, from 0 (not mine) to 1 (surely
    mine), that an input is in its format, from the input's first 4 KiB and its file name.
    Must be fast and must not raise."""
    extensions: tuple[str, ...] = field(default=(), converter=_lower_tuple)
    """File name endings, with the dot (``.xml``, ``.nitf``), used when content does not decide."""
    media_types: tuple[str, ...] = ()
    """MIME types of the format."""
    description: str = ""
    """One line for ``articlekit formats``."""
    lossless: bool = False
    """True for a format that serialises the whole model (articlekit JSON, XML): its articles
    keep the origin they record and the enrichers do not run again, so
    ``parse(dumps(article, f), f) == article``."""
    parse_stream: StreamParseFn | None = None
    """``parse_stream(stream, name, options) -> Iterable[Article]``, for formats whose inputs
    can be too large to read into memory (web archives, big feeds). When set, a file given by
    path, or an open seekable binary file, reaches it as a binary file positioned at its start
    and *as stored*: gzip is not taken off and no size limit applies, so the parser reads at
    its own pace and yields articles as it goes. ``name`` is the input's name for messages.
    ``parse`` still serves bytes, text and standard input."""
    options: tuple[OptionSpec, ...] | None = field(default=None, converter=_option_tuple)
    """The options it reads, each an [`OptionSpec`][articlekit.options.OptionSpec]; ``()``
    reads none. ``None`` (the default, for plugins written before declarations) declares
    nothing: a run with this plugin takes any option, unchecked, as before."""


@frozen
class WriterSpec:
    """A format a plugin can write."""

    name: str
    """The format's name, as used with ``--to`` (``json``, ``md``). Lower case, unique."""
    write: WriteFn
    """``write(article, options) -> str | bytes``: one article's output."""
    extension: str
    """The file name ending for outputs, with the dot (``.json``)."""
    media_type: str = "application/octet-stream"
    """The MIME type of outputs."""
    description: str = ""
    """One line for ``articlekit formats``."""
    stream: StreamFn | None = None
    """For formats that gather many articles into one output (JSON Lines, CSV):
    ``stream(articles, binary_file, options) -> count`` writes them all and returns how many
    articles it wrote. None for one-output-per-article formats."""
    options: tuple[OptionSpec, ...] | None = field(default=None, converter=_option_tuple)
    """The options it reads, each an [`OptionSpec`][articlekit.options.OptionSpec]; ``()``
    reads none. ``None`` (the default, for plugins written before declarations) declares
    nothing: a run with this plugin takes any option, unchecked, as before."""


@frozen
class EnricherSpec:
    """A step run on every parsed article."""

    name: str
    """Unique name (``quotes``, ``sources``)."""
    run: EnrichFn
    """``run(article, options) -> Article``: returns the enriched article (or the same one)."""
    order: int = 500
    """Enrichers run in ascending order: quotes (100) before sources (200) before dates (300)."""
    description: str = ""
    """One line for ``articlekit formats``."""
    options: tuple[OptionSpec, ...] | None = field(default=None, converter=_option_tuple)
    """The options it reads, each an [`OptionSpec`][articlekit.options.OptionSpec]; ``()``
    reads none. ``None`` (the default, for plugins written before declarations) declares
    nothing: a run with this plugin takes any option, unchecked, as before."""


@frozen
class Provided:
    """A spec with what provided it."""

    spec: Any
    """The ParserSpec, WriterSpec or EnricherSpec."""
    plugin: str
    """The name the plugin is registered under."""
    distribution: str | None = None
    """The installed distribution and version (``articlekit-warc 0.1.0``), None for a plugin
    registered in code."""


@attrs.define
class Registry:
    """Every parser, writer and enricher on offer, by name."""

    parsers: dict[str, Provided] = attrs.Factory(dict)
    writers: dict[str, Provided] = attrs.Factory(dict)
    enrichers: dict[str, Provided] = attrs.Factory(dict)
    derived: dict[Any, Any] = attrs.field(factory=dict, eq=False, repr=False)
    """Values computed from the specs and kept (what the plugins of a run declare); emptied
    whenever a spec is added."""

    def add(self, kind: str, spec: Any, plugin: str, distribution: str | None = None) -> None:
        """Record ``spec`` (kind ``parser``, ``writer`` or ``enricher``) as coming from ``plugin``.

        Raises [`PluginError`][articlekit.errors.PluginError] when another plugin already
        provides the name, or when the spec is of the wrong type.
        """
        table, expected = {
            "parser": (self.parsers, ParserSpec),
            "writer": (self.writers, WriterSpec),
            "enricher": (self.enrichers, EnricherSpec),
        }[kind]
        if not isinstance(spec, expected):
            raise PluginError(
                f"plugin {plugin!r} returned {spec!r} from articlekit_{kind}s; expected a {expected.__name__}"
            )
        name: str = spec.name  # type: ignore[attr-defined]
        if not name or name != name.lower() or any(c.isspace() for c in name):
            raise PluginError(f"plugin {plugin!r}: {kind} name {name!r} must be non-empty lower case without spaces")
        if name in table:
            other = table[name].plugin
            raise PluginError(f"the {kind} {name!r} is provided twice: by plugin {other!r} and by plugin {plugin!r}")
        table[name] = Provided(spec, plugin, distribution)
        self.derived.clear()

    def parser(self, name: str) -> ParserSpec:
        """The parser for a format name; raises UnknownFormatError listing the known ones."""
        try:
            spec: ParserSpec = self.parsers[name.lower()].spec
        except KeyError:
            known = ", ".join(sorted(self.parsers)) or "none"
            raise UnknownFormatError(f"no parser for format {name!r}; known input formats: {known}") from None
        return spec

    def writer(self, name: str) -> WriterSpec:
        """The writer for a format name; raises UnknownFormatError listing the known ones."""
        try:
            spec: WriterSpec = self.writers[name.lower()].spec
        except KeyError:
            known = ", ".join(sorted(self.writers)) or "none"
            raise UnknownFormatError(f"no writer for format {name!r}; known output formats: {known}") from None
        return spec

    def parser_specs(self) -> Sequence[ParserSpec]:
        """Every parser, in registration order."""
        return [p.spec for p in self.parsers.values()]

    def enricher_specs(self) -> Sequence[EnricherSpec]:
        """Every enricher, in the order they run."""
        return sorted((p.spec for p in self.enrichers.values()), key=lambda s: (s.order, s.name))

    def __iter__(self) -> Iterator[tuple[str, Provided]]:
        for kind, table in (("parser", self.parsers), ("writer", self.writers), ("enricher", self.enrichers)):
            for provided in table.values():
                yield kind, provided
