"""Articles as three tables for research: ``articles``, ``quotes`` (one row per quote) and
``sources`` (one row per source), with a documented, stable schema.

The rows are built in plain Python (``article_row``, ``quote_rows``, ``source_rows``); Arrow,
Parquet and pandas come in only where asked for, so ``import articlekit`` stays small. Install
them with ``pip install "articlekit[parquet]"``.

Every table starts with the article's key: ``input`` (the input the article was read from, as
``Article.origin.file`` records it) and ``position`` (its number within that input, from 1).
The columns, in order, are in ``ARTICLE_COLUMNS``, ``QUOTE_COLUMNS`` and ``SOURCE_COLUMNS``;
``schemas()`` gives them as pyarrow schemas, and the "Running at scale" page lists them.

    >>> import articlekit
    >>> articles, quotes, sources = articlekit.frames(articles_list)  # doctest: +SKIP
    >>> quotes.groupby("speaker_name").size()  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from types import ModuleType
from typing import IO, TYPE_CHECKING, Any

import attrs

from articlekit.errors import ArticlekitError, WriteError
from articlekit.model import Article, Paragraph, Quote, Source
from articlekit.output import atomic_writer

if TYPE_CHECKING:
    import pandas
    import pyarrow

__all__ = [
    "ARTICLE_COLUMNS",
    "PARQUET",
    "QUOTE_COLUMNS",
    "SCHEMA_VERSION",
    "SOURCE_COLUMNS",
    "TABLES",
    "Column",
    "Packet",
    "ParquetTables",
    "Positions",
    "arrow_tables",
    "article_row",
    "frames",
    "pack",
    "paragraph_of",
    "quote_rows",
    "schemas",
    "source_rows",
]

SCHEMA_VERSION = "2"
"""The tables' schema version, recorded in each Parquet file's metadata (``articlekit.schema``).
Columns are only ever added at the end within a version; renaming or retyping one bumps it."""

TABLES = ("articles", "quotes", "sources")
"""The tables' names, which are also their Parquet files' stems (``articles.parquet``)."""

PARQUET = "parquet"
"""The command line's ``--to parquet``: the three tables as Parquet files under ``-o DIR/``."""

EXTRA = "parquet"
"""The optional dependencies' extra: ``pip install "articlekit[parquet]"``."""


@attrs.frozen
class Column:
    """One column of a table: its name, its Arrow type (as pyarrow spells it) and what it holds."""

    name: str
    type: str
    """``string``, ``large_string``, ``int32``, ``date32``, ``timestamp[us, UTC]`` or
    ``list<string>``; every column may be null except the key's."""
    doc: str


_KEY = (
    Column("input", "string", "The input the article was read from (`Article.origin.file`); with `position`, the key."),
    Column("position", "int32", "The article's number within its input, from 1 (an archive or feed holds many)."),
)

ARTICLE_COLUMNS: tuple[Column, ...] = (
    *_KEY,
    Column("id", "string", "The article's identifier in its source (a NewsML guid, a WARC record id)."),
    Column("url", "string", "The canonical address."),
    Column("headline", "string", "The main headline."),
    Column("subheadline", "string", "A second headline or deck."),
    Column("summary", "string", "An abstract or standfirst."),
    Column("language", "string", "A BCP 47 language tag."),
    Column("published", "string", "When first published, ISO 8601, with its UTC offset when the source gives one."),
    Column("published_utc", "timestamp[us, UTC]", "The same instant in UTC; null when the source gives no offset."),
    Column("published_date", "date32", "The publication day as written in the source."),
    Column("updated", "string", "When last updated, ISO 8601 (same rules as `published`)."),
    Column("updated_utc", "timestamp[us, UTC]", "The same instant in UTC; null without an offset."),
    Column("provider", "string", "The agency or publisher that supplied it."),
    Column("section", "string", "The section or desk."),
    Column("slug", "string", "The agency slug or keyword line."),
    Column("priority", "int32", "The agency priority (1 is highest)."),
    Column("authors", "list<string>", "Everyone credited, by name, in order."),
    Column("keywords", "list<string>", "Free keywords and tags."),
    Column("subjects", "list<string>", "Classifications, by label."),
    Column("datelines", "list<string>", "The places in the dateline, by name."),
    Column("format", "string", "The input format (`html`, `text`, `nitf`, ...)."),
    Column("parser", "string", "The plugin that parsed it."),
    Column("charset", "string", "The character encoding the input was decoded with."),
    Column("paragraphs", "int32", "How many paragraphs the body holds."),
    Column("quotes", "int32", "How many quotes were found (rows in the quotes table)."),
    Column("sources", "int32", "How many sources were found (rows in the sources table)."),
    Column("text", "large_string", "The body text, one block per line (`Article.text`)."),
)
"""The ``articles`` table: one row per article."""

_ARTICLE_CONTEXT = (
    Column("article_id", "string", "The article's `id`."),
    Column("headline", "string", "The article's headline."),
    Column("url", "string", "The article's address."),
    Column("provider", "string", "The article's provider."),
    Column("published", "string", "The article's publication time, ISO 8601."),
    Column("published_date", "date32", "The article's publication day."),
)

QUOTE_COLUMNS: tuple[Column, ...] = (
    *_KEY,
    *_ARTICLE_CONTEXT,
    Column("quote_id", "string", "The quote's id within the article (`q1`, `q2`, ...)."),
    Column("kind", "string", "`direct`, `indirect` or `mixed`."),
    Column("text", "large_string", "The quoted or reported words."),
    Column("cue", "string", "The attributing words (`said`, `told reporters`)."),
    Column("speaker", "string", "The speaker as the text names them at that point (`he`, `the ministry`)."),
    Column("source_id", "string", "The id of the source the speaker resolves to (a row of the sources table)."),
    Column("speaker_name", "string", "The source's fullest name, else the mention; null for no speaker."),
    Column("speaker_kind", "string", "The source's kind: `person`, `organisation`, `group` or `unnamed`."),
    Column("speaker_titles", "list<string>", "The source's titles and roles."),
    Column("speaker_affiliation", "string", "The organisation the source speaks for."),
    Column("when", "string", "When it was said, as written (`Thursday`)."),
    Column("when_start", "date32", "The first day those words can mean."),
    Column("when_end", "date32", "The last day those words can mean."),
    Column("channel", "string", "Through what it was said (`a statement`, `X`)."),
    Column("venue", "string", "Where it was said."),
    Column("block", "int32", "The body block the quote starts in."),
    Column(
        "paragraph",
        "int32",
        "The paragraph the quote starts in, counted from 1 among the body's paragraphs (schema 2).",
    ),
)
"""The ``quotes`` table: one row per quote, with what researchers group by."""

SOURCE_COLUMNS: tuple[Column, ...] = (
    *_KEY,
    *_ARTICLE_CONTEXT,
    Column("source_id", "string", "The source's id within the article (`s1`, `s2`, ...)."),
    Column("kind", "string", "`person`, `organisation`, `group` or `unnamed`."),
    Column("name", "string", "The fullest name seen, or the description of an unnamed source."),
    Column("titles", "list<string>", "Titles and roles seen."),
    Column("affiliation", "string", "The organisation they speak for."),
    Column("aliases", "list<string>", "Every other way the article refers to them."),
    Column("quotes", "int32", "How many of the article's quotes are theirs."),
)
"""The ``sources`` table: one row per source of each article."""

COLUMNS: dict[str, tuple[Column, ...]] = {
    "articles": ARTICLE_COLUMNS,
    "quotes": QUOTE_COLUMNS,
    "sources": SOURCE_COLUMNS,
}

ROW_GROUP_ROWS: dict[str, int] = {"articles": 2_000, "quotes": 20_000, "sources": 20_000}
"""Rows per Parquet row group. Groups are cut at these counts whatever the inputs' sizes, so
the same articles give the same bytes however the work was split."""

PACKET_ARTICLES = 100
"""Articles per [`Packet`][articlekit.tables.Packet]: enough that building the Arrow tables
costs little per article, few enough that a worker holds little of an input at once."""


# -- rows ---------------------------------------------------------------------------------------


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _utc(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is None or value.utcoffset() is None:
        return None
    return value.astimezone(timezone.utc)


def _day(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


def article_row(article: Article, input: str, position: int) -> dict[str, Any]:
    """The ``articles`` row of ``article``, the ``position``-th article of ``input``."""
    return {
        "input": input,
        "position": position,
        "id": article.id,
        "url": article.url,
        "headline": article.headline,
        "subheadline": article.subheadline,
        "summary": article.summary,
        "language": article.language,
        "published": _iso(article.published),
        "published_utc": _utc(article.published),
        "published_date": _day(article.published),
        "updated": _iso(article.updated),
        "updated_utc": _utc(article.updated),
        "provider": article.provider,
        "section": article.section,
        "slug": article.slug,
        "priority": article.priority,
        "authors": [a.name for a in article.authors],
        "keywords": list(article.keywords),
        "subjects": [s.name for s in article.subjects],
        "datelines": [p.name for p in article.datelines],
        "format": article.origin.format,
        "parser": article.origin.parser,
        "charset": article.origin.charset,
        "paragraphs": len(article.paragraphs),
        "quotes": len(article.quotes),
        "sources": len(article.sources),
        "text": article.text,
    }


def _context(article: Article, input: str, position: int) -> dict[str, Any]:
    return {
        "input": input,
        "position": position,
        "article_id": article.id,
        "headline": article.headline,
        "url": article.url,
        "provider": article.provider,
        "published": _iso(article.published),
        "published_date": _day(article.published),
    }


def paragraph_of(article: Article, quote: Quote) -> int | None:
    """The paragraph ``quote`` starts in, counted from 1 among ``article``'s body paragraphs
    (headings, lists and other blocks are not counted); ``None`` for a quote with no span or
    one outside every paragraph's count."""
    if not quote.spans:
        return None
    block = quote.spans[0].block
    return sum(1 for b in article.body[: block + 1] if isinstance(b, Paragraph)) or None


def _quote_row(quote: Quote, source: Source | None, context: dict[str, Any], paragraph: int | None) -> dict[str, Any]:
    speaker = quote.speaker
    when = quote.context.when
    return {
        **context,
        "quote_id": quote.id,
        "kind": quote.kind,
        "text": quote.text,
        "cue": quote.cue.text if quote.cue is not None else None,
        "speaker": speaker.mention if speaker is not None else None,
        "source_id": source.id if source is not None else None,
        "speaker_name": source.name if source is not None else speaker.mention if speaker is not None else None,
        "speaker_kind": source.kind if source is not None else None,
        "speaker_titles": list(source.titles) if source is not None else [],
        "speaker_affiliation": source.affiliation if source is not None else None,
        "when": when.text if when is not None else None,
        "when_start": when.start if when is not None else None,
        "when_end": when.end if when is not None else None,
        "channel": quote.context.channel,
        "venue": quote.context.venue,
        "block": quote.spans[0].block if quote.spans else None,
        "paragraph": paragraph,
    }


def quote_rows(article: Article, input: str, position: int) -> list[dict[str, Any]]:
    """The ``quotes`` rows of ``article``: one per quote, in order."""
    context = _context(article, input, position)
    sources = {source.id: source for source in article.sources}
    rows = []
    for quote in article.quotes:
        source_id = quote.speaker.source if quote.speaker is not None else None
        source = sources.get(source_id) if source_id else None
        rows.append(_quote_row(quote, source, context, paragraph_of(article, quote)))
    return rows


def source_rows(article: Article, input: str, position: int) -> list[dict[str, Any]]:
    """The ``sources`` rows of ``article``: one per source, in order."""
    context = _context(article, input, position)
    counts: dict[str, int] = {}
    for quote in article.quotes:
        if quote.speaker is not None and quote.speaker.source:
            counts[quote.speaker.source] = counts.get(quote.speaker.source, 0) + 1
    return [
        {
            **context,
            "source_id": source.id,
            "kind": source.kind,
            "name": source.name,
            "titles": list(source.titles),
            "affiliation": source.affiliation,
            "aliases": list(source.aliases),
            "quotes": counts.get(source.id, 0),
        }
        for source in article.sources
    ]


@attrs.define
class Positions:
    """Numbers articles within their input: a new input (a different ``origin.file``, or
    ``restart``) starts again at 1."""

    current: str | None = None
    count: int = 0

    def next(self, input: str) -> int:
        """The position of the next article of ``input``."""
        if input != self.current:
            self.current, self.count = input, 0
        self.count += 1
        return self.count

    def restart(self) -> None:
        """The next article starts a new input, even if it has the same name."""
        self.current, self.count = None, 0


@attrs.frozen
class Packet:
    """The three tables' rows of consecutive articles of one input, already in Arrow: what a
    worker process sends back for ``--to parquet`` instead of the articles, so that the process
    writing the files only concatenates them (see [`pack`][articlekit.tables.pack])."""

    articles: int
    """How many articles the rows are of."""
    tables: tuple[pyarrow.Table, pyarrow.Table, pyarrow.Table]
    """``articles``, ``quotes`` and ``sources`` rows, in the order of ``TABLES``."""


def _packet(rows: dict[str, list[dict[str, Any]]], articles: int) -> Packet:
    pa = _require("pyarrow")
    found = schemas()
    built = [pa.Table.from_pylist(rows[name], schema=found[name]) for name in TABLES]
    return Packet(articles, (built[0], built[1], built[2]))


def pack(articles: Iterable[Article], input: str) -> Iterator[tuple[int, Packet]]:
    """The rows of ``articles``, all of ``input`` (numbered from 1, as a new input in
    [`ParquetTables`][articlekit.tables.ParquetTables]), as ``(count, packet)``, a packet per
    ``PACKET_ARTICLES`` articles. Run where the articles are made, it turns them into what
    [`ParquetTables.add_packet`][articlekit.tables.ParquetTables.add_packet] takes.

    If ``articles`` stops with an error, the packet of the articles read before it comes first,
    then the error: those articles are kept, as a local run keeps them.
    """
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    position = 0
    count = 0
    try:
        for article in articles:
            position += 1
            count += 1
            rows["articles"].append(article_row(article, input, position))
            rows["quotes"].extend(quote_rows(article, input, position))
            rows["sources"].extend(source_rows(article, input, position))
            if count == PACKET_ARTICLES:
                yield count, _packet(rows, count)
                rows, count = {name: [] for name in TABLES}, 0
    except Exception:
        if count:
            yield count, _packet(rows, count)
        raise
    if count:
        yield count, _packet(rows, count)


def input_of(article: Article, fallback: str = "") -> str:
    """The ``input`` key of ``article``: its ``origin.file``, else ``fallback``."""
    return article.origin.file or fallback


# -- Arrow, Parquet, pandas -------------------------------------------------------------------


def _require(module: str) -> ModuleType:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise ArticlekitError(
            f'the tables need {module.split(".")[0]}, which is not installed: pip install "articlekit[{EXTRA}]"'
        ) from None


def _arrow_type(pa: Any, name: str) -> Any:
    simple = {
        "string": pa.string(),
        "large_string": pa.large_string(),
        "int32": pa.int32(),
        "date32": pa.date32(),
        "timestamp[us, UTC]": pa.timestamp("us", tz="UTC"),
        # "element", the item's name Parquet's nested types use: the files read back with this schema
        "list<string>": pa.list_(pa.field("element", pa.string())),
    }
    return simple[name]


def schemas() -> dict[str, pyarrow.Schema]:
    """The three tables' pyarrow schemas, by table name (``articles``, ``quotes``, ``sources``).

    :raises ArticlekitError: pyarrow is not installed (the ``parquet`` extra).
    """
    pa = _require("pyarrow")
    found = {}
    for table, columns in COLUMNS.items():
        fields = [pa.field(c.name, _arrow_type(pa, c.type), nullable=c not in _KEY) for c in columns]
        metadata = {"articlekit.schema": SCHEMA_VERSION, "articlekit.table": table}
        found[table] = pa.schema(fields, metadata=metadata)
    return found


def _rows(articles: Iterable[Article]) -> Iterator[tuple[str, list[dict[str, Any]]]]:
    positions = Positions()
    for article in articles:
        input = input_of(article)
        position = positions.next(input)
        yield "articles", [article_row(article, input, position)]
        yield "quotes", quote_rows(article, input, position)
        yield "sources", source_rows(article, input, position)


def arrow_tables(articles: Iterable[Article]) -> tuple[pyarrow.Table, pyarrow.Table, pyarrow.Table]:
    """``(articles, quotes, sources)`` as Arrow tables with the schemas of ``schemas()``.

    Articles are keyed by ``origin.file`` and their number among the consecutive articles of
    that file. For a corpus that does not fit in memory, write Parquet with
    [`ParquetTables`][articlekit.tables.ParquetTables] or the command line's ``--to parquet``.
    """
    pa = _require("pyarrow")
    found = schemas()
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for name, new in _rows(articles):
        rows[name].extend(new)
    built = [pa.Table.from_pylist(rows[name], schema=found[name]) for name in TABLES]
    return built[0], built[1], built[2]


def frames(articles: Iterable[Article]) -> tuple[pandas.DataFrame, pandas.DataFrame, pandas.DataFrame]:
    """``(articles, quotes, sources)`` as pandas DataFrames: the three tables of
    [`arrow_tables`][articlekit.tables.arrow_tables], with pyarrow-backed columns (lists stay
    lists, missing values stay null).

    >>> articles, quotes, sources = articlekit.frames(articlekit.parse_all(path))  # doctest: +SKIP
    >>> quotes.groupby("speaker_name").size().sort_values()  # doctest: +SKIP

    :raises ArticlekitError: pandas or pyarrow is not installed (``pip install "articlekit[parquet]"``).
    """
    pd = _require("pandas")
    tables = arrow_tables(articles)
    converted = [t.to_pandas(types_mapper=pd.ArrowDtype) for t in tables]
    return converted[0], converted[1], converted[2]


class ParquetTables:
    """Writes ``articles.parquet``, ``quotes.parquet`` and ``sources.parquet`` in ``folder``,
    streaming: rows are cut into row groups of ``ROW_GROUP_ROWS`` as they come, so memory holds
    one row group per table whatever the corpus's size.

    The files appear only when [`close`][articlekit.tables.ParquetTables.close] is reached
    (each is written to a temporary file and renamed); ``abort`` leaves nothing. Existing files
    are replaced only with ``force``. The bytes depend only on the articles and their order.

        with ParquetTables(Path("out")) as tables:
            for article in articlekit.parse_all(path):
                tables.add(article)
    """

    def __init__(self, folder: Path, *, force: bool = False) -> None:
        self.folder = Path(folder)
        pq = _require("pyarrow.parquet")
        self._pa = _require("pyarrow")
        self._schemas = schemas()
        self.paths = {name: self.folder / f"{name}.parquet" for name in TABLES}
        if not force:
            for path in self.paths.values():
                if path.exists():
                    raise WriteError(f"{path}: exists; use force=True to overwrite it")
        self._stack = contextlib.ExitStack()
        self._closed = False
        self._writers: dict[str, Any] = {}
        self._pending: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        # rows that came as Arrow tables (packets), before the rows in _pending
        self._pieces: dict[str, list[Any]] = {name: [] for name in TABLES}
        self._queued = dict.fromkeys(TABLES, 0)
        self.positions = Positions()
        self.counts = dict.fromkeys(TABLES, 0)
        """Rows written so far, by table."""
        try:
            for name, path in self.paths.items():
                handle: IO[bytes] = self._stack.enter_context(atomic_writer(path, force=force))
                self._writers[name] = pq.ParquetWriter(
                    handle, self._schemas[name], compression="zstd", use_dictionary=True, write_statistics=True
                )
        except BaseException:
            self._stack.close()
            raise

    @property
    def pack(self) -> Callable[[Iterable[Article], str], Iterator[tuple[int, Packet]]]:
        """[`pack`][articlekit.tables.pack]: a batch (``convert_batch``) has its workers build
        the rows of each input, and gives them here with ``add_packet``."""
        return pack

    def add(self, article: Article, input: str | None = None) -> None:
        """Add ``article``'s rows; ``input`` (default ``origin.file``) names the input it came from."""
        key = input if input is not None else input_of(article)
        position = self.positions.next(key)
        self._extend("articles", [article_row(article, key, position)])
        self._extend("quotes", quote_rows(article, key, position))
        self._extend("sources", source_rows(article, key, position))

    def add_all(self, articles: Iterable[Article], input: str | None = None) -> None:
        """Add every article of one input (numbered from 1 even if the last input had the same name)."""
        self.positions.restart()
        for article in articles:
            self.add(article, input)

    def add_rows(self, table: str, rows: Iterable[dict[str, Any]]) -> None:
        """Add rows already built (``article_row``, ``quote_rows``, ``source_rows``) to ``table``."""
        self._extend(table, list(rows))

    def add_packet(self, packet: Packet, input: str | None = None) -> None:
        """Add the rows of a [`Packet`][articlekit.tables.Packet] (made by
        [`pack`][articlekit.tables.pack], numbered within its input: the next article added
        with ``add`` starts a new input). ``input`` is for messages only; the rows hold theirs."""
        self.positions.restart()
        for name, table in zip(TABLES, packet.tables, strict=True):
            if not table.num_rows:
                continue
            if table.schema != self._schemas[name]:
                where = f"{input}: " if input else ""
                raise WriteError(f"{where}a packet's {name} rows do not have the {name} table's columns")
            self._settle(name)
            self._pieces[name].append(table)
            self._queued[name] += table.num_rows
            self._cut(name)

    def _extend(self, name: str, rows: list[dict[str, Any]]) -> None:
        pending = self._pending[name]
        pending.extend(rows)
        size = ROW_GROUP_ROWS[name]
        if self._pieces[name]:
            if self._queued[name] + len(pending) >= size:
                self._settle(name)
                self._cut(name)
            return
        while len(pending) >= size:
            self._flush(name, pending[:size])
            del pending[:size]

    def _settle(self, name: str) -> None:
        """The rows pending as dicts become an Arrow piece, after the pieces before them."""
        pending = self._pending[name]
        if pending:
            self._pieces[name].append(self._pa.Table.from_pylist(pending, schema=self._schemas[name]))
            self._queued[name] += len(pending)
            self._pending[name] = []

    def _cut(self, name: str, *, last: bool = False) -> None:
        """Write the Arrow pieces' rows as row groups of ``ROW_GROUP_ROWS`` (and, ``last``, the rest)."""
        size = ROW_GROUP_ROWS[name]
        while self._queued[name] >= size or (last and self._queued[name]):
            pieces = self._pieces[name]
            whole = pieces[0] if len(pieces) == 1 else self._pa.concat_tables(pieces)
            group = min(size, whole.num_rows)
            # one chunk per column, as a table built from rows has: the writer cuts its pages
            # by chunk, and the bytes must not depend on how the rows were split into packets
            self._write(name, whole.slice(0, group).combine_chunks())
            rest = whole.slice(group)
            self._pieces[name] = [rest] if rest.num_rows else []
            self._queued[name] = rest.num_rows

    def _flush(self, name: str, rows: list[dict[str, Any]]) -> None:
        self._write(name, self._pa.Table.from_pylist(rows, schema=self._schemas[name]))

    def _write(self, name: str, table: Any) -> None:
        # (an empty table, for articles without quotes: pyarrow refuses a row group size of 0)
        self._writers[name].write_table(table, row_group_size=table.num_rows or None)
        self.counts[name] += table.num_rows

    def close(self) -> None:
        """Write what is pending and put the three files in place."""
        if self._closed:
            return
        self._closed = True
        try:
            for name in TABLES:
                if self._pieces[name]:
                    self._settle(name)
                    self._cut(name, last=True)
                elif self._pending[name] or not self.counts[name]:
                    self._flush(name, self._pending[name])
                    self._pending[name] = []
                self._writers[name].close()
        except BaseException as exc:
            self._stack.__exit__(type(exc), exc, exc.__traceback__)
            raise
        self._stack.close()

    def abort(self) -> None:
        """Stop, leaving no file behind (after ``close``, nothing: the files stay)."""
        if self._closed:
            return
        self._closed = True
        for writer in self._writers.values():
            with contextlib.suppress(Exception):
                writer.close()
        error = KeyboardInterrupt()
        with contextlib.suppress(KeyboardInterrupt):
            self._stack.__exit__(KeyboardInterrupt, error, None)

    def __enter__(self) -> ParquetTables:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()
