"""articlekit on Dask: the same outputs as a local run whatever the cluster and partitioning,
failed inputs in the same --errors report, a killed worker's inputs run again and written once,
and the bag and dataframe API. One local cluster of worker processes serves the module."""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyarrow")
pytest.importorskip("pandas")
distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")

import articlekit  # noqa: E402
from articlekit import tables  # noqa: E402
from articlekit.batch import InputSet, convert_batch  # noqa: E402
from articlekit.cli import main  # noqa: E402
from articlekit.distributed import (  # noqa: E402
    Address,
    parse_address,
    read_articles,
    runner,
    to_frames,
    write_tables,
)
from articlekit.errors import ArticlekitError  # noqa: E402

from .news_corpus import write_corpus  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """Two worker processes, one thread each, for every test of the module."""
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=40
        ) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"), texts=16, feeds=4)


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _local(corpus: Path, out: Path, to: str) -> dict[str, bytes]:
    code = main(["convert", str(corpus), "-o", f"{out}/", "--to", to, "-q", "--errors", f"{out}.errors"])
    assert code == 1  # the corpus's two broken inputs
    return _files(out)


def test_parse_address() -> None:
    assert parse_address("local:3") == Address(None, 3)
    assert parse_address("local").workers >= 1
    assert parse_address("10.0.0.5:8786") == Address("tcp://10.0.0.5:8786")
    assert parse_address("tls://scheduler:8786") == Address("tls://scheduler:8786")
    for bad in ("local:0", "local:x", " "):
        with pytest.raises(ValueError):
            parse_address(bad)


def test_bad_dask_option_is_a_usage_error(capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path) -> None:
    assert main(["convert", str(corpus), "-o", f"{tmp_path}/", "--dask", "local:none"]) == 2
    assert "local:N" in capsys.readouterr().err
    assert main(["convert", str(corpus), "-o", f"{tmp_path}/", "--dask", "local:1", "--jobs", "2"]) == 2
    assert "--jobs and --dask" in capsys.readouterr().err


@pytest.mark.parametrize("to", ["json", "parquet"])
def test_cli_same_bytes_as_local(client: Any, corpus: Path, tmp_path: Path, to: str) -> None:
    local = _local(corpus, tmp_path / "local", to)
    address = client.scheduler.address
    code = main(
        ["convert", str(corpus), "-o", f"{tmp_path}/dask/", "--to", to, "-q", "--dask", address,
         "--errors", f"{tmp_path}/dask.errors"]
    )  # fmt: skip
    assert code == 1
    assert _files(tmp_path / "dask") == local
    errors = (tmp_path / "dask.errors").read_bytes()
    assert errors == (tmp_path / "local.errors").read_bytes()
    assert b"empty.txt" in errors and b"cut.json" in errors


def test_cli_local_cluster_of_one_and_two(corpus: Path, tmp_path: Path) -> None:
    local = _local(corpus, tmp_path / "local", "parquet")
    for workers in (1, 2):
        out = tmp_path / f"dask{workers}"
        code = main(["convert", str(corpus), "-o", f"{out}/", "--to", "parquet", "-q", "--dask", f"local:{workers}"])
        assert code == 1
        assert _files(out) == local, workers


@pytest.mark.parametrize("window", [1, 3, 50])
def test_runner_windows_give_the_same_outputs(client: Any, corpus: Path, tmp_path: Path, window: int) -> None:
    local = _local(corpus, tmp_path / "local", "md")
    result = convert_batch(InputSet([str(corpus)]), "md", tmp_path / "dask", folder=True,
                           runner=runner(client, window=window))  # fmt: skip
    assert len(result.failed) == 2 and result.converted == 20
    assert _files(tmp_path / "dask") == local


def test_killed_worker_inputs_are_run_again_and_written_once(client: Any, corpus: Path, tmp_path: Path) -> None:
    local = _local(corpus, tmp_path / "local", "json")
    pids = client.run(os.getpid)
    killed: list[int] = []

    def kill_one(_item: Any, _failed: bool) -> None:
        if not killed:  # at the first input done, most others are queued or held on the workers
            pid = sorted(pids.values())[0]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    result = convert_batch(InputSet([str(corpus)]), "json", tmp_path / "dask", folder=True,
                           runner=runner(client, window=100), on_progress=kill_one)  # fmt: skip
    assert killed
    assert result.converted == 20 and len(result.failed) == 2
    assert _files(tmp_path / "dask") == local  # nothing lost, no "-2" name from a second write
    # the nanny starts a new worker: the cluster is whole again for the next tests
    deadline = time.monotonic() + 60
    while len(client.scheduler_info()["workers"]) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)


def test_bag_one_partition_per_input(client: Any, corpus: Path) -> None:
    bag = read_articles(str(corpus / "feeds"))
    assert bag.npartitions == 4
    articles = bag.compute()
    expected = [a for p in sorted((corpus / "feeds").iterdir()) for a in articlekit.parse_all(p, name=str(p))]
    assert articles == expected


def test_bag_errors(client: Any, corpus: Path) -> None:
    with pytest.raises(ArticlekitError):
        read_articles(str(corpus / "wire" / "cut.json")).compute()
    skipped = read_articles(str(corpus / "wire"), errors="skip").compute()
    assert len(skipped) == 16
    with pytest.raises(ArticlekitError, match="no such file"):
        read_articles(str(corpus / "nothing-here"))


def test_frames_match_local_tables(client: Any, corpus: Path) -> None:
    bag = read_articles(str(corpus), errors="skip")
    articles, quotes, sources = dask.compute(*to_frames(bag))
    local = articlekit.frames(bag.compute())
    for got, expected in zip((articles, quotes, sources), local, strict=True):
        assert list(got.columns) == list(expected.columns)
        assert got.reset_index(drop=True).equals(expected.reset_index(drop=True))
    assert len(quotes) > len(articles) > 0


@pytest.mark.parametrize("partitions", [None, 1, 5])
def test_write_tables_same_bytes_as_the_cli(client: Any, corpus: Path, tmp_path: Path, partitions: int | None) -> None:
    local = _local(corpus, tmp_path / "local", "parquet")
    bag = read_articles(str(corpus), errors="skip")
    if partitions is not None:  # fewer, larger partitions: each still holds whole inputs
        bag = bag.repartition(npartitions=partitions)
    counts = write_tables(bag, tmp_path / "api", window=2)
    assert counts["articles"] == 16 + 4 * 3
    assert _files(tmp_path / "api") == local


def test_fsspec_urls(corpus: Path, tmp_path: Path) -> None:
    import fsspec

    memory = fsspec.filesystem("memory")
    for path in sorted((corpus / "wire").glob("story-00*.txt")):
        memory.pipe(f"/news/{path.name}", path.read_bytes())
    with dask.config.set(scheduler="sync"):  # the memory filesystem lives in this process
        bag = read_articles("memory://news/*.txt")
        assert bag.npartitions == 10
        articles = bag.compute()
    # the name is the URL as fsspec spells it (the memory filesystem's paths start with /)
    assert [a.origin.file for a in articles] == [f"memory:///news/story-00{i}.txt" for i in range(10)]
    assert all(a.quotes for a in articles)
    with pytest.raises(ArticlekitError, match="no file matches"):
        read_articles("memory://news/*.nothing")


def test_tables_schema_survives_dask(client: Any, corpus: Path) -> None:
    _articles, quotes, _sources = to_frames(read_articles(str(corpus / "wire"), errors="skip"))
    assert list(quotes.columns) == [c.name for c in tables.QUOTE_COLUMNS]
    assert quotes.groupby("speaker_name").size().compute()["Maria Lopez"] == 16


def test_scale_benchmark_runs(tmp_path: Path) -> None:
    """bench/scale.py stays runnable (on a tiny corpus; the figures come from the full run)."""
    pytest.importorskip("articlekit_warc", reason="the scale benchmark reads web archives: plugins/articlekit-warc")
    import subprocess

    bench = Path(__file__).resolve().parent.parent / "bench" / "run.py"
    done = subprocess.run(
        [sys.executable, str(bench), "scale", "--pages=60", "--per-file=20", "--small=20", "--repeat=1"],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "speed-up, 2 workers over 1" in done.stdout
    assert "peak RSS per worker, 60 over 20 pages" in done.stdout
    assert "     60 articles  2 worker(s)" in done.stdout


@pytest.mark.parametrize("to", ["json", "parquet"])
def test_missing_dask_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], corpus: Path, tmp_path: Path, to: str
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    story = str(corpus / "wire" / "story-000.txt")
    assert main(["convert", story, "-o", f"{tmp_path}/", "--to", to, "--dask", "local:1"]) == 1
    assert 'needs distributed, which is not installed: pip install "articlekit[dask]"' in capsys.readouterr().err
    assert not any(tmp_path.iterdir())
