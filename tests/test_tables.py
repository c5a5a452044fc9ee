"""The research tables: their schemas (stable, documented), their rows, the streaming Parquet
writer, ``articlekit.frames`` and the command line's ``--to parquet``."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pd = pytest.importorskip("pandas")

import articlekit  # noqa: E402
from articlekit import tables  # noqa: E402
from articlekit.cli import main  # noqa: E402
from articlekit.errors import ArticlekitError  # noqa: E402

from .news_corpus import feed, text_article, write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

# The published schema: a change here is a change for every reader of the files (bump
# tables.SCHEMA_VERSION and say so in the changelog).
EXPECTED = {
    "articles": [
        ("input", "string"), ("position", "int32"), ("id", "string"), ("url", "string"), ("headline", "string"),
        ("subheadline", "string"), ("summary", "string"), ("language", "string"), ("published", "string"),
        ("published_utc", "timestamp[us, tz=UTC]"), ("published_date", "date32[day]"), ("updated", "string"),
        ("updated_utc", "timestamp[us, tz=UTC]"), ("provider", "string"), ("section", "string"), ("slug", "string"),
        ("priority", "int32"), ("authors", "list<element: string>"), ("keywords", "list<element: string>"),
        ("subjects", "list<element: string>"), ("datelines", "list<element: string>"), ("format", "string"),
        ("parser", "string"), ("charset", "string"), ("paragraphs", "int32"), ("quotes", "int32"),
        ("sources", "int32"), ("text", "large_string"),
    ],
    "quotes": [
        ("input", "string"), ("position", "int32"), ("article_id", "string"), ("headline", "string"),
        ("url", "string"), ("provider", "string"), ("published", "string"), ("published_date", "date32[day]"),
        ("quote_id", "string"), ("kind", "string"), ("text", "large_string"), ("cue", "string"),
        ("speaker", "string"), ("source_id", "string"), ("speaker_name", "string"), ("speaker_kind", "string"),
        ("speaker_titles", "list<element: string>"), ("speaker_affiliation", "string"), ("when", "string"),
        ("when_start", "date32[day]"), ("when_end", "date32[day]"), ("channel", "string"), ("venue", "string"),
        ("block", "int32"), ("paragraph", "int32"),
    ],
    "sources": [
        ("input", "string"), ("position", "int32"), ("article_id", "string"), ("headline", "string"),
        ("url", "string"), ("provider", "string"), ("published", "string"), ("published_date", "date32[day]"),
        ("source_id", "string"), ("kind", "string"), ("name", "string"), ("titles", "list<element: string>"),
        ("affiliation", "string"), ("aliases", "list<element: string>"), ("quotes", "int32"),
    ],
}  # fmt: skip


def _articles(count: int = 3) -> list[articlekit.Article]:
    return [articlekit.parse(text_article(i), name=f"story-{i}.txt") for i in range(count)]


def test_schemas_are_the_published_ones() -> None:
    found = tables.schemas()
    assert list(found) == ["articles", "quotes", "sources"]
    for name, schema in found.items():
        assert [(f.name, str(f.type)) for f in schema] == EXPECTED[name], name
        assert not schema.field("input").nullable and not schema.field("position").nullable
        assert schema.metadata[b"articlekit.schema"] == tables.SCHEMA_VERSION.encode()
        assert schema.metadata[b"articlekit.table"] == name.encode()


def test_every_column_is_documented_on_the_scale_page() -> None:
    page = (ROOT / "docs" / "scale.md").read_text(encoding="utf-8")
    for name, columns in tables.COLUMNS.items():
        section = page.split(f"### {name}", 1)[1].split("###", 1)[0]
        for column in columns:
            assert f"| `{column.name}` | {column.type} |" in section, f"{name}.{column.name}"


def test_quote_rows_carry_what_researchers_group_by() -> None:
    article = articlekit.parse(text_article(0), name="story-0.txt")
    rows = tables.quote_rows(article, "story-0.txt", 1)
    assert len(rows) == len(article.quotes) >= 3
    direct = next(r for r in rows if r["kind"] == "direct")
    assert direct["speaker_name"] == "Anna Kowalski"
    assert direct["speaker_kind"] == "person"
    assert direct["speaker_titles"] == ["Mayor"]
    assert direct["venue"] == "a press conference"
    assert direct["cue"] == "said"
    assert direct["headline"] == article.headline
    assert (direct["input"], direct["position"]) == ("story-0.txt", 1)
    assert direct["source_id"] == next(s.id for s in article.sources if s.name == "Anna Kowalski")
    sources = tables.source_rows(article, "story-0.txt", 1)
    assert sum(s["quotes"] for s in sources) == sum(1 for q in article.quotes if q.speaker and q.speaker.source)


def test_article_row_dates() -> None:
    from datetime import datetime, timedelta, timezone

    article = articlekit.Article(
        headline="H", published=datetime(2026, 12, 1, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    )
    row = tables.article_row(article, "x", 1)
    assert row["published"] == "2026-12-01T23:30:00-05:00"
    assert row["published_date"].isoformat() == "2026-12-01"  # the day as written, not in UTC
    assert row["published_utc"] == datetime(2026, 12, 2, 4, 30, tzinfo=timezone.utc)
    naive = tables.article_row(articlekit.Article(headline="H", published=datetime(2026, 12, 1, 9)), "x", 1)
    assert naive["published_utc"] is None and naive["published"] == "2026-12-01T09:00:00"


def test_frames() -> None:
    articles = _articles(3)
    frame, quotes, sources = articlekit.frames(articles)
    assert list(frame["position"]) == [1, 1, 1]
    assert list(frame["input"]) == ["story-0.txt", "story-1.txt", "story-2.txt"]
    assert len(quotes) == sum(len(a.quotes) for a in articles)
    assert len(sources) == sum(len(a.sources) for a in articles)
    assert list(frame.columns) == [c.name for c in tables.ARTICLE_COLUMNS]
    per_speaker = quotes.groupby("speaker_name").size()
    assert per_speaker["Maria Lopez"] == 3


def test_positions_count_within_an_input() -> None:
    frame, _quotes, _sources = articlekit.frames(articlekit.parse_all(feed(0).encode(), name="feed.xml"))
    assert list(frame["position"]) == [1, 2, 3]
    assert set(frame["input"]) == {"feed.xml"}


def test_missing_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ArticlekitError, match=r'pip install "articlekit\[parquet\]"'):
        articlekit.frames(_articles(1))


def test_import_articlekit_stays_small() -> None:
    code = (
        "import sys, articlekit, articlekit.cli, articlekit.tables\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('pyarrow', 'pandas', 'dask', 'distributed'))\n"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_parquet_bytes_do_not_depend_on_how_rows_arrive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tables, "ROW_GROUP_ROWS", {"articles": 2, "quotes": 5, "sources": 4})
    articles = _articles(7)
    with tables.ParquetTables(tmp_path / "one") as one:
        for article in articles:
            one.add(article)
    with tables.ParquetTables(tmp_path / "rows") as by_rows:
        for start in (0, 3, 4):  # rows built elsewhere, in uneven parts
            part = [a for a in articles[start : {0: 3, 3: 4, 4: 7}[start]]]
            by_rows.add_rows("articles", [tables.article_row(a, a.origin.file or "", 1) for a in part])
            by_rows.add_rows("quotes", [r for a in part for r in tables.quote_rows(a, a.origin.file or "", 1)])
            by_rows.add_rows("sources", [r for a in part for r in tables.source_rows(a, a.origin.file or "", 1)])
    for name in tables.TABLES:
        one_bytes, rows_bytes = ((tmp_path / d / f"{name}.parquet").read_bytes() for d in ("one", "rows"))
        assert one_bytes == rows_bytes
        meta = pq.ParquetFile(tmp_path / "one" / f"{name}.parquet").metadata
        size = tables.ROW_GROUP_ROWS[name]
        groups = [meta.row_group(i).num_rows for i in range(meta.num_row_groups)]
        assert all(g == size for g in groups[:-1]) and 0 < groups[-1] <= size
    read = pq.read_table(tmp_path / "one" / "articles.parquet")
    assert read.schema.equals(tables.schemas()["articles"], check_metadata=True)
    assert read.num_rows == 7


def _table_bytes(folder: Path) -> dict[str, bytes]:
    return {name: (folder / f"{name}.parquet").read_bytes() for name in tables.TABLES}


def test_packets_give_the_bytes_of_articles_added_one_by_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows built in packets elsewhere (a worker's, for ``--to parquet``) and cut into row groups
    across packets and inputs: the same files as the articles added here."""
    monkeypatch.setattr(tables, "ROW_GROUP_ROWS", {"articles": 4, "quotes": 7, "sources": 5})
    monkeypatch.setattr(tables, "PACKET_ARTICLES", 3)
    inputs = {f"in-{n}.txt": _articles(size) for n, size in enumerate((7, 1, 3, 5))}
    with tables.ParquetTables(tmp_path / "one") as one:
        for name, articles in inputs.items():
            one.positions.restart()
            for article in articles:
                one.add(article, name)
    with tables.ParquetTables(tmp_path / "packets") as packed:
        for name, articles in inputs.items():
            counts = []
            for count, packet in packed.pack(articles, name):
                counts.append(count)
                packed.add_packet(packet, name)
            assert counts == [3] * (len(articles) // 3) + ([len(articles) % 3] if len(articles) % 3 else [])
    with tables.ParquetTables(tmp_path / "mixed") as mixed:  # articles and packets in turn
        for index, (name, articles) in enumerate(inputs.items()):
            if index % 2:
                for _count, packet in tables.pack(articles, name):
                    mixed.add_packet(packet)
            else:
                mixed.positions.restart()
                for article in articles:
                    mixed.add(article, name)
    expected = _table_bytes(tmp_path / "one")
    assert _table_bytes(tmp_path / "packets") == expected
    assert _table_bytes(tmp_path / "mixed") == expected
    read = pq.read_table(tmp_path / "packets" / "articles.parquet")
    assert read.column("position").to_pylist() == [1, 2, 3, 4, 5, 6, 7, 1, 1, 2, 3, 1, 2, 3, 4, 5]
    assert pq.ParquetFile(tmp_path / "packets" / "articles.parquet").metadata.num_row_groups == 4


def test_packets_cut_into_pages_as_one_table_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Row groups of several data pages (text beyond the writer's page size): the pages are
    cut the same whether the rows came as one list or as many small Arrow tables."""
    monkeypatch.setattr(tables, "ROW_GROUP_ROWS", {"articles": 250, "quotes": 20_000, "sources": 20_000})
    model = tables.article_row(_articles(1)[0], "big.txt", 1)
    rows = [{**model, "position": n, "text": f"{n} " + "word " * (3_000 + n % 97)} for n in range(1, 601)]
    with tables.ParquetTables(tmp_path / "rows") as by_rows:
        by_rows.add_rows("articles", rows)
    with tables.ParquetTables(tmp_path / "packets") as packed:
        for start in range(0, len(rows), 37):
            part = rows[start : start + 37]
            packed.add_packet(tables._packet({"articles": part, "quotes": [], "sources": []}, len(part)))
    assert _table_bytes(tmp_path / "packets") == _table_bytes(tmp_path / "rows")
    meta = pq.ParquetFile(tmp_path / "rows" / "articles.parquet").metadata
    assert meta.num_row_groups == 3
    text = meta.row_group(0).column(list(tables.COLUMNS["articles"]).index(tables.ARTICLE_COLUMNS[-1]))
    assert text.total_uncompressed_size > 2 * 2**20  # more than one page of the default 1 MiB


def test_articles_without_quotes_give_empty_tables(tmp_path: Path) -> None:
    article = articlekit.parse("Headline\n\nA body without any quote at all.\n", "text")
    assert not article.quotes and not article.sources
    with tables.ParquetTables(tmp_path / "one") as one:
        one.add(article, "a.txt")
    with tables.ParquetTables(tmp_path / "packets") as packed:
        for _count, packet in tables.pack([article], "a.txt"):
            packed.add_packet(packet)
    assert _table_bytes(tmp_path / "packets") == _table_bytes(tmp_path / "one")
    for name, rows in (("articles", 1), ("quotes", 0), ("sources", 0)):
        read = pq.read_table(tmp_path / "one" / f"{name}.parquet")
        assert read.num_rows == rows and read.schema.equals(tables.schemas()[name])


def test_pack_keeps_the_articles_before_an_error() -> None:
    def cut_off() -> Iterator[articlekit.Article]:
        yield from _articles(2)
        raise articlekit.ParseError("cut off", file="cut.txt")

    given = []
    with pytest.raises(articlekit.ParseError):
        for count, packet in tables.pack(cut_off(), "cut.txt"):
            given.append((count, packet.tables[0].column("position").to_pylist()))
    assert given == [(2, [1, 2])]


def test_cli_keeps_the_rows_of_articles_before_an_error(tmp_path: Path) -> None:
    """An input cut off after three articles: --to parquet (rows built in packets) writes those
    three, the same bytes as adding them one by one, and the report says they are kept."""
    articles = _articles(3)
    source = tmp_path / "cut.jsonl"
    lines = "".join(articlekit.dumps(a, "json").replace("\n", " ") + "\n" for a in articles)
    source.write_text(lines + '{"headline": \n', encoding="utf-8")
    code = main(["convert", str(source), "-o", f"{tmp_path}/out/", "--to", "parquet", "-q",
                 "--errors", str(tmp_path / "errors.jsonl")])  # fmt: skip
    assert code == 1
    assert "(after 3 articles, which are kept)" in (tmp_path / "errors.jsonl").read_text()
    with tables.ParquetTables(tmp_path / "one") as one:
        for article in articlekit.parse_all(lines.encode(), name=str(source)):
            one.add(article, str(source))
    assert _table_bytes(tmp_path / "out") == _table_bytes(tmp_path / "one")


def test_a_packet_of_other_columns_is_refused(tmp_path: Path) -> None:
    (_count, packet), *_ = tables.pack(_articles(1), "a.txt")
    wrong = tables.Packet(1, (packet.tables[1], packet.tables[1], packet.tables[2]))
    with (
        pytest.raises(articlekit.WriteError, match=r"a\.txt: a packet's articles rows"),
        tables.ParquetTables(tmp_path) as out,
    ):
        out.add_packet(wrong, "a.txt")
    assert list(tmp_path.iterdir()) == []


def test_parquet_writer_leaves_nothing_when_stopped(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError), tables.ParquetTables(tmp_path) as out:
        out.add(_articles(1)[0])
        raise RuntimeError("stop")
    assert list(tmp_path.iterdir()) == []


def test_cli_to_parquet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = write_corpus(tmp_path / "in", texts=4, feeds=2)
    out = tmp_path / "out"
    errors = tmp_path / "errors.jsonl"
    code = main(["convert", str(corpus), "-o", str(out), "--to", "parquet", "-q", "--errors", str(errors)])
    assert code == 1  # the two broken inputs
    assert sorted(p.name for p in out.iterdir()) == ["articles.parquet", "quotes.parquet", "sources.parquet"]
    assert len(errors.read_text().splitlines()) == 2
    articles = pq.read_table(out / "articles.parquet").to_pandas()
    assert len(articles) == 4 + 2 * 3
    assert articles.groupby("input")["position"].max().max() == 3
    quotes = pq.read_table(out / "quotes.parquet").to_pandas()
    assert set(quotes["kind"]) <= {"direct", "indirect", "mixed"}
    capsys.readouterr()
    # not over existing tables without --force; with it, the same bytes again
    before = (out / "quotes.parquet").read_bytes()
    assert main(["convert", str(corpus), "-o", str(out), "--to", "parquet", "-q"]) == 2
    assert "exists" in capsys.readouterr().err
    assert main(["convert", str(corpus), "-o", str(out), "--to", "parquet", "-q", "--force"]) == 1
    assert (out / "quotes.parquet").read_bytes() == before


def test_cli_parquet_needs_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.txt"
    source.write_text(text_article(1), encoding="utf-8")
    assert main(["convert", str(source), "--to", "parquet"]) == 2
    assert "give -o DIR/" in capsys.readouterr().err
