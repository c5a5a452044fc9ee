"""The report from the Parquet tables: ``summary_tables`` gives, field by field, the figures
``summary`` gives from the articles the tables were written from, and ``articlekit report DIR/``
writes the same page as the report of the inputs themselves."""

from __future__ import annotations

import os
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from articlekit import parse_all
from articlekit.cli import main
from articlekit.model import Article
from articlekit.report import TablesError, summary, summary_tables
from articlekit.tables import ParquetTables
from tests.report_corpus import HOSTILE, corpus

if os.environ.get("CI") != "true":
    pytest.importorskip("pyarrow", reason="the tables need pyarrow: pip install -e '.[parquet]'")

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_TEXTS = sorted(SEEDS.glob("*.txt"))


def assert_same(found: dict[str, Any], wanted: dict[str, Any]) -> None:
    assert list(found) == list(wanted)
    for key, value in wanted.items():
        assert found[key] == value, key


def write_tables(folder: Path, articles: list[Article]) -> Path:
    with ParquetTables(folder) as tables:
        for article in articles:
            tables.add(article)
    return folder


@pytest.fixture(scope="module")
def seed_tables(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seeds") / "tables"
    assert main(["convert", *map(str, SEED_TEXTS), "--to", "parquet", "-o", f"{folder}/", "-q"]) == 0
    return folder


def test_the_seeds_tables_give_the_figures_of_the_seeds(seed_tables: Path) -> None:
    articles = [a for path in SEED_TEXTS for a in parse_all(path)]
    wanted = summary(articles)
    assert wanted["quotes"] > 0 and wanted["top_sources"]  # a corpus with something to compare
    assert any(s["example"]["paragraph"] for s in wanted["top_sources"])
    assert_same(summary_tables(seed_tables), wanted)
    # the path of one of the tables names the same folder
    assert_same(summary_tables(seed_tables / "articles.parquet"), wanted)


@pytest.mark.parametrize("batch_rows", [1, 7, 4096])
def test_a_generated_corpus_gives_the_same_figures_however_it_is_read(tmp_path: Path, batch_rows: int) -> None:
    articles = [*corpus(300), *corpus(5, text=HOSTILE)]
    write_tables(tmp_path, articles)
    assert_same(summary_tables(tmp_path, batch_rows=batch_rows, top=5), summary(articles, top=5))


def test_several_folders_are_one_corpus(tmp_path: Path) -> None:
    articles = list(corpus(40))
    write_tables(tmp_path / "a", articles[:25])
    write_tables(tmp_path / "b", articles[25:])
    assert_same(summary_tables(tmp_path / "a", tmp_path / "b"), summary(articles))


def peak_memory(folder: Path) -> int:
    """Peak memory traced while summarising the tables in ``folder``, 128 rows at a time."""
    tracemalloc.start()
    try:
        summary_tables(folder, batch_rows=128)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_bounded(tmp_path: Path) -> None:
    small = write_tables(tmp_path / "small", list(corpus(300)))
    large = write_tables(tmp_path / "large", list(corpus(2400)))
    small_peak, large_peak = peak_memory(small), peak_memory(large)
    # eight times the articles: the batches and the counts stay the same size
    assert large_peak < small_peak * 1.5, (small_peak, large_peak)


def test_tables_of_schema_1_are_read_without_paragraphs(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    articles = list(corpus(30))
    write_tables(tmp_path, articles)
    quotes = pq.read_table(tmp_path / "quotes.parquet")
    old = quotes.drop_columns(["paragraph"]).replace_schema_metadata(
        {**quotes.schema.metadata, b"articlekit.schema": b"1"}
    )
    pq.write_table(old, tmp_path / "quotes.parquet")
    found, wanted = summary_tables(tmp_path), summary(articles)
    for figures in (found, wanted):
        for source in figures["top_sources"]:
            source["example"]["paragraph"] = None
            for appearance in source["appearances"]:
                appearance["paragraph"] = None
    assert_same(found, wanted)


def test_tables_from_different_conversions_are_refused(tmp_path: Path) -> None:
    write_tables(tmp_path / "a", list(corpus(12)))
    write_tables(tmp_path / "b", list(corpus(12))[2:])
    (tmp_path / "a" / "quotes.parquet").replace(tmp_path / "b" / "quotes.parquet")
    with pytest.raises(TablesError, match=r"quotes\.parquet: row of article generated-\d+ #1 where one of"):
        summary_tables(tmp_path / "b")


def test_missing_and_foreign_tables_are_named(tmp_path: Path) -> None:
    write_tables(tmp_path, list(corpus(3)))
    (tmp_path / "sources.parquet").unlink()
    with pytest.raises(TablesError, match=r"sources\.parquet: not found"):
        summary_tables(tmp_path)
    (tmp_path / "sources.parquet").write_bytes(b"not parquet at all")
    with pytest.raises(TablesError, match=r"sources\.parquet: not a Parquet file"):
        summary_tables(tmp_path)
    (tmp_path / "sources.parquet").write_bytes((tmp_path / "quotes.parquet").read_bytes())
    with pytest.raises(TablesError, match=r"sources\.parquet: not the articlekit sources table"):
        summary_tables(tmp_path)


def test_without_pyarrow_the_error_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_tables(tmp_path, list(corpus(3)))
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(Exception, match=r"articlekit\[parquet\]"):
        summary_tables(tmp_path)


def test_the_command_reports_the_tables_as_it_reports_the_inputs(
    seed_tables: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("plotly", reason="the report needs plotly: pip install -e '.[report]'")
    from_inputs, from_tables = tmp_path / "inputs.html", tmp_path / "tables.html"
    assert main(["report", *map(str, SEED_TEXTS), "-o", str(from_inputs), "-q"]) == 0
    assert main(["report", f"{seed_tables}/", "-o", str(from_tables)]) == 0
    assert f"{len(SEED_TEXTS)} articles" in capsys.readouterr().err
    assert from_tables.read_bytes() == from_inputs.read_bytes()
    # the articles table's path names the same tables; an existing page needs --force
    assert main(["report", str(seed_tables / "articles.parquet"), "-o", str(from_tables), "-q"]) == 2
    assert "exists" in capsys.readouterr().err
    assert main(["report", str(seed_tables / "articles.parquet"), "-o", str(from_tables), "-q", "--force"]) == 0


def test_the_command_refuses_tables_mixed_with_inputs(seed_tables: Path, tmp_path: Path, capsys: Any) -> None:
    out = tmp_path / "r.html"
    assert main(["report", str(seed_tables), str(SEED_TEXTS[0]), "-o", str(out), "-q"]) == 2
    assert "not Parquet tables" in capsys.readouterr().err
    (seed_tables.parent / "broken").mkdir()
    (seed_tables.parent / "broken" / "articles.parquet").write_bytes(b"x")
    assert main(["report", str(seed_tables.parent / "broken"), "-o", str(out), "-q"]) == 1
    assert "quotes.parquet: not found" in capsys.readouterr().err
    assert not out.exists()
