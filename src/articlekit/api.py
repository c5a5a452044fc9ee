"""The pipeline: read, detect, parse, enrich, write. Nothing format-specific lives here."""

from __future__ import annotations

import io
import os
import warnings
import zlib
from collections.abc import Callable, Collection, Iterable, Iterator
from datetime import datetime, tzinfo
from pathlib import Path
from typing import IO, Any, Literal, overload

import attrs

from articlekit.contributors import tidy_contributors
from articlekit.detect import owns_name, sniff
from articlekit.enrich.language import wanted_language, wanted_languages
from articlekit.errors import (
    ArticlekitError,
    ManyArticlesError,
    ParseError,
    SkippedError,
    UnknownFormatError,
    WriteError,
)
from articlekit.inputs import DEFAULT_MAX_BYTES, InputSource, read_document
from articlekit.model import Article, Origin
from articlekit.options import OptionSpec, PluginOptions, check_options
from articlekit.output import write_atomic
from articlekit.plugins import get_plugin_manager, get_registry
from articlekit.registry import Document, Options, ParserSpec, Registry, StreamParseFn, WriterSpec
from articlekit.repair import repair_article

__all__ = ["convert", "detect_format", "dumps", "enrich", "parse", "parse_all", "parse_document"]

ENRICH = OptionSpec("enrich", bool, True, "run the enrichers (false: each article as its parser gave it)")
PIPELINE_OPTIONS = (
    OptionSpec("tz", None, None, "an IANA time zone for dates given without one (Europe/Berlin), or a tzinfo"),
    ENRICH,
    OptionSpec(
        "max_bytes", int, DEFAULT_MAX_BYTES, "refuse inputs larger than this many bytes (0: no limit)", minimum=0
    ),
    OptionSpec("languages", None, None, 'keep only articles in these languages ("en,de" or a list)'),
    OptionSpec("name", str, None, "the input's name, for messages and detection"),
    OptionSpec("fetch_timeout", float, None, "seconds a server may send nothing before a fetch gives up", minimum=0),
    OptionSpec("retry_after_max", float, None, "the longest Retry-After a fetch waits for, in seconds", minimum=0),
)
"""The options every run reads, whatever its plugins: the pipeline's own."""

_GZIP_MAGIC = b"\x1f\x8b"
_HEAD_SIZE = 4096
_RAW_PEEK = 64 * 1024


def detect_format(document: Document, registry: Registry | None = None) -> str:
    """The name of the format ``document`` is in: content first, the file name second.

    Raises [`UnknownFormatError`][articlekit.errors.UnknownFormatError] when no parser claims it.
    """
    registry = registry or get_registry()
    name = get_plugin_manager().hook.articlekit_detect_format(
        head=document.head, name=document.name, parsers=registry.parser_specs()
    )
    if name is None:
        raise UnknownFormatError(f"{document.name}: cannot tell what format this is; name its format with format=NAME")
    return str(name)


def run_options(
    registry: Registry, *, parser: str | None = None, parsing: bool = True, writer: WriterSpec | None = None
) -> list[PluginOptions]:
    """What the plugins of one run declare: (``parsing``) the pipeline's options, the parser
    named ``parser`` (every parser when None, as detection may choose any) and every enricher;
    then ``writer``'s."""
    plugins = []
    if parsing:
        plugins.append(PluginOptions("pipeline", "articlekit", PIPELINE_OPTIONS))
        parsers = [registry.parser(parser)] if parser else registry.parser_specs()
        plugins += [PluginOptions.of("parser", spec) for spec in parsers]
        plugins += [PluginOptions.of("enricher", spec) for spec in registry.enricher_specs()]
    if writer is not None:
        plugins.append(PluginOptions.of("writer", writer))
    return plugins


def _declared_anywhere(registry: Registry) -> set[str]:
    return {option.name for _kind, provided in registry for option in provided.spec.options or ()}


def checked_options(
    registry: Registry,
    options: Options,
    *,
    parser: str | None = None,
    parsing: bool = True,
    writer: WriterSpec | None = None,
    whole_run: bool = True,
    from_text: bool = False,
) -> dict[str, Any]:
    """``options`` checked against the plugins of a run (see
    [`run_options`][articlekit.api.run_options]) and converted to their declared types.

    ``whole_run``: these plugins are the whole run, so a name none of them declares is an
    error. Otherwise (``parse_all`` and ``dumps``, one step of what may be a larger run, as
    ``convert`` and the command line give one set of options to the parser, the enrichers and
    the writer) a name declared by any installed plugin is passed on unchecked, and only a
    name that none declares is an error.
    Raises [`OptionError`][articlekit.options.OptionError].
    """
    registered = writer is None or (writer.name in registry.writers and registry.writers[writer.name].spec is writer)
    key = ("run", parser and parser.lower(), parsing, writer and writer.name)
    plugins = registry.derived.get(key) if registered else None
    if plugins is None:  # the same for every input of a batch: worked out once
        plugins = run_options(registry, parser=parser, parsing=parsing, writer=writer)
        if registered:
            registry.derived[key] = plugins

    def passed_on() -> Collection[str] | None:
        if whole_run:
            return ()
        if "anywhere" not in registry.derived:
            undeclared = any(provided.spec.options is None for _kind, provided in registry)
            # a plugin that declares nothing may read any name
            anywhere = None if undeclared else _declared_anywhere(registry) | {o.name for o in PIPELINE_OPTIONS}
            registry.derived["anywhere"] = anywhere
        taken: Collection[str] | None = registry.derived["anywhere"]
        return taken

    def others() -> list[PluginOptions]:
        in_run = {(plugin.kind, plugin.name) for plugin in plugins}
        return [PluginOptions.of(kind, p.spec) for kind, p in registry if (kind, p.spec.name) not in in_run]

    return check_options(options, plugins, from_text=from_text, passed_on=passed_on, others=others)


def _zone(options: Options) -> tzinfo | None:
    tz = options.get("tz")
    if tz is None or isinstance(tz, tzinfo):
        return tz
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(str(tz))
    except (ZoneInfoNotFoundError, ValueError):
        raise ArticlekitError(f"unknown time zone {tz!r}; expected an IANA name such as Europe/Berlin") from None


def zone_of(name: str) -> tzinfo:
    """The IANA time zone ``name`` (``Europe/Berlin``); an ``ArticlekitError`` when unknown."""
    zone = _zone({"tz": name})
    assert zone is not None
    return zone


def _localise(value: datetime | None, zone: tzinfo | None) -> datetime | None:
    if value is None or zone is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=zone)


def enrich(article: Article, registry: Registry | None = None, **options: Any) -> Article:
    """Run every registered enricher over ``article``, in order, and return the result.
    ``options`` are checked as [`parse_all`][articlekit.parse_all] checks them."""
    registry = registry or get_registry()
    return _enriched(article, registry, checked_options(registry, options, whole_run=False))


def _enriched(article: Article, registry: Registry, options: Options) -> Article:
    for spec in registry.enricher_specs():
        article = spec.run(article, options)
    return article


def _finish(article: Article, document: Document, fmt: str, registry: Registry, options: Options) -> Article:
    provided = registry.parsers[fmt]
    if provided.spec.lossless:
        return article
    origin = article.origin
    # one copy of the article with every change (each reads fields the others leave alone)
    changes: dict[str, Any] = {
        "origin": Origin(
            format=origin.format or fmt,
            file=origin.file or document.name,
            parser=origin.parser or provided.plugin,
            charset=origin.charset,
        )
    }
    if article.authors:
        changes["authors"] = tidy_contributors(article.authors)
    zone = _zone(options)
    if zone is not None:
        changes["published"] = _localise(article.published, zone)
        changes["updated"] = _localise(article.updated, zone)
    article = attrs.evolve(article, **changes)
    if ENRICH.value(options):
        article = _enriched(article, registry, options)
    return article


def parse_document(
    document: Document, format: str | None = None, *, registry: Registry | None = None, **options: Any
) -> Iterator[Article]:
    """Parse an already-read [`Document`][articlekit.registry.Document]; see
    [`parse_all`][articlekit.parse_all]."""
    registry = registry or get_registry()
    checked = checked_options(registry, options, parser=format, whole_run=False)
    yield from _parse_document(document, format, registry, checked)


def _parse_document(document: Document, format: str | None, registry: Registry, options: Options) -> Iterator[Article]:
    fmt = (format or detect_format(document, registry)).lower()
    spec = registry.parser(fmt)
    if format is not None or not _by_name_alone(spec, document):
        yield from _finished(lambda: spec.parse(document, options), document, fmt, registry, options)
        return
    try:
        yield from _finished(lambda: spec.parse(document, options), document, fmt, registry, options)
    except ParseError as exc:
        # chosen by the file name alone: "not articlekit XML" would name a format nobody claimed
        raise ParseError(
            f"cannot tell what format this is: no parser recognised its content, and read as {fmt} "
            f"(the format of its file name's extension) it is not valid ({exc.reason}); "
            "name its format with format=NAME",
            file=exc.file,
            line=exc.line,
            column=exc.column,
            offset=exc.offset,
        ) from None


def _by_name_alone(spec: ParserSpec, document: Document) -> bool:
    """Whether detection can only have chosen ``spec`` for the file name's extension: its
    sniffer does not claim the content. (A parser without a sniffer, which only its name can
    choose, and a choice a plugin's detector made without the extension, do not count.)"""
    if spec.sniff is attrs.fields(ParserSpec).sniff.default or not owns_name(spec, document.name):
        return False
    return sniff(spec, document.head, document.name) <= 0


def _finished(
    articles: Callable[[], Iterable[Article]], document: Document, fmt: str, registry: Registry, options: Options
) -> Iterator[Article]:
    _zone(options)  # a bad zone is an error before any parsing
    languages = wanted_languages(options.get("languages"))
    other: list[str] = []
    try:
        kept = 0
        for article in articles():
            # what no writer can encode is repaired here, whichever parser or enricher (or
            # plugin) put it there
            article = repair_article(_finish(article, document, fmt, registry, options), document.name)
            if not wanted_language(article, languages):
                other.append(article.language or "an unknown language")
                continue
            kept += 1
            yield article
    except ParseError as exc:
        raise exc.with_file(document.name) from None
    except RecursionError:
        raise ParseError("input is nested too deeply to read", file=document.name) from None
    except UnicodeDecodeError as exc:
        # bad bytes that reached a library unchecked (lxml decoding a recovered tree's names)
        reason = f"the input holds text that cannot be decoded as {exc.encoding} ({exc.reason})"
        raise ParseError(reason, file=document.name) from None
    if other:
        assert languages is not None
        found = ", ".join(sorted(set(other)))
        reason = f"in {found}, not in {', '.join(sorted(languages))}"
        if not kept:
            raise SkippedError(
                f"skipped: {'its articles are' if len(other) > 1 else 'the article is'} {reason}", file=document.name
            )
        warnings.warn(f"{document.name}: skipped {len(other)} of {len(other) + kept} articles, {reason}", stacklevel=2)


def _peek_head(stream: IO[bytes]) -> bytes:
    """The first 4 KiB of a seekable binary file, gzip taken off, leaving its position as it was."""
    start = stream.tell()
    try:
        raw = stream.read(_RAW_PEEK)
    finally:
        stream.seek(start)
    if not isinstance(raw, bytes):  # a text file after all: read_document decodes it
        raise TypeError("not a binary file")
    if not raw.startswith(_GZIP_MAGIC):
        return raw[:_HEAD_SIZE]
    head = bytearray()
    # a web archive is many gzip members, one per record: read on past the first if it is short
    while raw.startswith(_GZIP_MAGIC) and len(head) < _HEAD_SIZE:
        member = zlib.decompressobj(wbits=31)
        try:
            head += member.decompress(raw, _HEAD_SIZE - len(head))
        except zlib.error:
            break
        if not member.eof:
            break
        raw = member.unused_data
    return bytes(head)


def _seekable(source: object) -> bool:
    try:
        return bool(source.seekable())  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError):
        return False


def _parse_streamed(
    source: InputSource, format: str | None, name: str | None, registry: Registry, options: Options
) -> Iterator[Article] | None:
    """The articles of a file or seekable binary file whose parser reads streams, or None when
    the input should be read whole (no such parser, or another format)."""
    if format is not None:
        spec = registry.parser(format)
        if spec.parse_stream is None:
            return None
    elif not any(s.parse_stream is not None for s in registry.parser_specs()):
        return None
    if isinstance(source, os.PathLike):
        label = name or str(source)
        path = Path(source)
        # only a regular file can be streamed: a named pipe must be opened once, by read_document
        if not path.is_file():
            return None  # read_document reads it, or says why not, in its words
        try:
            stream: IO[bytes] = path.open("rb")  # closed by the generator below
        except OSError:
            return None
        if not _seekable(stream):
            stream.close()
            return None
        owned = True
    elif hasattr(source, "read") and not isinstance(source, io.TextIOBase) and _seekable(source):
        stream = source  # type: ignore[assignment]
        label = name or str(getattr(source, "name", "<stream>"))
        owned = False
    else:
        return None
    try:
        try:
            head = _peek_head(stream)
        except TypeError:  # a text file: read_document reads it whole, and decodes it
            if owned:
                stream.close()
            return None
        if format is None:
            detect_name = label[:-3] if head and label.lower().endswith(".gz") else label
            fmt = detect_format(Document(head, detect_name), registry).lower()
        else:
            fmt = format.lower()
        spec = registry.parser(fmt)
    except BaseException:
        if owned:
            stream.close()
        raise
    parse_stream = spec.parse_stream
    if parse_stream is None:
        if owned:
            stream.close()
        return None
    return _stream_articles(parse_stream, stream, owned, Document(head, label), fmt, registry, options)


def _stream_articles(
    parse_stream: StreamParseFn,
    stream: IO[bytes],
    owned: bool,
    document: Document,
    fmt: str,
    registry: Registry,
    options: Options,
) -> Iterator[Article]:
    try:
        yield from _finished(lambda: parse_stream(stream, document.name, options), document, fmt, registry, options)
    finally:
        if owned:
            stream.close()


def parse_all(
    source: InputSource,
    format: str | None = None,
    *,
    name: str | None = None,
    registry: Registry | None = None,
    **options: Any,
) -> Iterator[Article]:
    """Every article in ``source``: one for most formats, several for a feed, a NewsML-G2
    message or an archive.

    :param source: a path (``pathlib.Path``), ``bytes``, a ``str`` holding the input's text
        (not a file name: wrap names in ``Path``), or a binary file object. Gzip is taken off,
        except for a parser that reads streams (``ParserSpec.parse_stream``, such as a web
        archive's): a path or seekable file reaches it unread, as stored, article by article.
    :param format: the input format's name; detected from content, then the name, when None.
    :param name: the name to use in messages and for detection (defaults to the path).
    :param options: ``tz`` (an IANA zone for naive dates), ``enrich`` (False skips the
        enrichers), ``max_bytes`` (the input size limit), ``languages`` (``["en", "de"]`` or
        ``"en,de"``: only articles in those languages, detected where the input does not say;
        the others are left out, with a warning), and any option a plugin declares
        (``articlekit formats --options`` lists them), converted to its declared type.
    :raises OptionError: an option no installed plugin declares, or a value its declaration
        refuses (before anything is read).
    :raises ParseError: the input cannot be read as that format.
    :raises SkippedError: ``languages`` was given and no article of the input is in them.
    :raises UnknownFormatError: the format is unknown or cannot be detected.
    """
    registry = registry or get_registry()
    options = checked_options(registry, options, parser=format, whole_run=False)
    streamed = _parse_streamed(source, format, name, registry, options)
    if streamed is not None:
        yield from streamed
        return
    max_bytes = int(options.get("max_bytes", DEFAULT_MAX_BYTES))
    document = read_document(source, name, max_bytes=max_bytes)
    yield from _parse_document(document, format, registry, options)


def parse(source: InputSource, format: str | None = None, **options: Any) -> Article:
    """The article in ``source``; for an input holding several, the first (use
    [`parse_all`][articlekit.parse_all] for all of them). Takes the same arguments as
    ``parse_all``.

    >>> import articlekit
    >>> article = articlekit.parse('{"schema": "articlekit/1", "headline": "Hello"}')
    >>> article.headline
    'Hello'
    """
    for article in parse_all(source, format, **options):
        return article
    raise ParseError("no article found in the input", file=options.get("name"))


TextFormat = Literal["json", "jsonl", "jsonld", "md", "ninjs", "nitf", "quotes-csv", "text", "xml"]
"""The built-in writers: each writes text, so ``dumps`` gives a ``str`` for them. A plugin's
format (any other name) may write ``bytes``."""


@overload
def dumps(article: Article, format: TextFormat = "json", **options: Any) -> str: ...


@overload
def dumps(article: Article, format: str, **options: Any) -> str | bytes: ...


def dumps(article: Article, format: str = "json", **options: Any) -> str | bytes:
    """The article written in ``format`` (``json``, ``md``, ``nitf``, ...): a ``str`` for every
    built-in format; a plugin's writer may give ``bytes``. ``options`` are the writer's
    (``indent=4``, ``pretty=False``: see ``articlekit formats --options``); one that no
    installed plugin declares, or a value its declaration refuses, is an
    [`OptionError`][articlekit.options.OptionError]."""
    registry = options.pop("registry", None) or get_registry()
    writer = registry.writer(format)
    return render(writer, article, checked_options(registry, options, parsing=False, writer=writer, whole_run=False))


def render(writer: WriterSpec, article: Article, options: Options) -> str | bytes:
    """``writer.write(article, options)``; a WriteError for data nested too deeply to write
    (extensions hundreds of levels deep, which JSON reads but YAML and XML writers recurse into)."""
    try:
        return writer.write(article, options)
    except RecursionError:
        raise WriteError(f"the article's data is nested too deeply to write as {writer.name}") from None


def convert(
    source: InputSource,
    to: str = "json",
    output: str | Path | None = None,
    *,
    format: str | None = None,
    force: bool = False,
    **options: Any,
) -> str | bytes:
    """Parse ``source`` and write it as ``to``; return the output, and write it to ``output``
    too when given (atomically; an existing file is replaced only with ``force=True``).

    An input holding several articles needs a writer that gathers many into one output (such
    as ``jsonl``); use the command line or [`parse_all`][articlekit.parse_all] to write one
    file per article.

    ``options`` go to the parser, the enrichers and the writer: one that none of them
    declares (nor the pipeline: ``tz``, ``enrich``, ``max_bytes``, ``languages``) is an
    [`OptionError`][articlekit.options.OptionError] naming the close matches.
    """
    registry = options.pop("registry", None) or get_registry()
    writer = registry.writer(to)
    options = checked_options(registry, options, parser=format, writer=writer)
    articles = list(parse_all(source, format, registry=registry, **options))
    if not articles:
        raise ParseError("no article found in the input", file=options.get("name"))
    result: str | bytes
    if len(articles) == 1 and writer.stream is None:
        result = render(writer, articles[0], options)
    elif writer.stream is not None:
        buffer = io.BytesIO()
        writer.stream(articles, buffer, options)
        result = buffer.getvalue()
    else:
        raise ManyArticlesError(
            f"the input holds {len(articles)} articles and {to!r} writes one per file; "
            "convert to a multi-article format such as 'jsonl', or use the command line with -o DIR"
        )
    if output is not None:
        write_atomic(Path(output), result, force=force)
    return result


def write_many(articles: Iterable[Article], to: str, **options: Any) -> bytes:
    """Gather ``articles`` into one output of a multi-article format (``jsonl``)."""
    registry = get_registry()
    writer = registry.writer(to)
    if writer.stream is None:
        raise ArticlekitError(f"{to!r} writes one article per output; it cannot gather several")
    options = checked_options(registry, options, parsing=False, writer=writer, whole_run=False)
    buffer = io.BytesIO()
    writer.stream(articles, buffer, options)
    return buffer.getvalue()
