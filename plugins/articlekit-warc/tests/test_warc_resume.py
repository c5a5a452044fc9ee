"""A web archive interrupted while its articles are written resumes where it stopped
(articlekit issue 15, item 2): ``--skip-existing`` after Ctrl-C gives exactly the outputs of a
run that was never interrupted, with ``--jobs 1`` and ``--jobs 2``, and an archive sharing its
stem with another keeps its own names."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from warc_helpers import Record, page

import articlekit.batch
from articlekit.cli import main
from articlekit.manifest import MANIFEST_NAME


def _outputs(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != MANIFEST_NAME
    }


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_archive_interrupted_while_written_resumes_where_it_stopped(
    tmp_path: Path,
    warc_file: Callable[..., Path],
    page_parser: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    jobs: str,
) -> None:
    big = [Record(f"https://example.org/news/{i}", page(f"Story {i}", f"Paragraph {i}.")) for i in range(120)]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = warc_file(big, "a/news.warc.gz")
    second = warc_file(big[:3], "b/news.warc.gz")  # the same stem, given after it
    options = [f"-O{key}={value}" for key, value in page_parser.items()]
    argv = ["convert", str(first), str(second), "-j", jobs, "-q", *options]
    assert main([*argv, "-o", str(tmp_path / "clean")]) == 0
    expected = _outputs(tmp_path / "clean")
    assert len(expected) == 123 and "news-120.json" in expected

    real = articlekit.batch.write_atomic
    calls: list[Path] = []

    def interrupted(path: Path, data: bytes, *, force: bool = False) -> None:
        calls.append(path)
        if len(calls) == 50:  # Ctrl-C after 49 of the archive's 120 articles
            raise KeyboardInterrupt
        real(path, data, force=force)

    monkeypatch.setattr(articlekit.batch, "write_atomic", interrupted)
    out = tmp_path / "out"
    assert main([*argv, "-o", str(out)]) == 130
    assert len(_outputs(out)) == 49
    monkeypatch.setattr(articlekit.batch, "write_atomic", real)
    assert main([*argv, "-o", str(out), "--skip-existing"]) == 0
    assert _outputs(out) == expected
    capsys.readouterr()
