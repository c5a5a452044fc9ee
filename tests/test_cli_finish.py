"""Fit and finish of the command line (issue 17): what a new user met in a first afternoon."""

from __future__ import annotations

from pathlib import Path

import pytest

from articlekit.cli import main

FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example</title><id>urn:example:feed</id><updated>2024-01-02T10:00:00Z</updated>
  <entry><title>First story</title><id>urn:example:1</id><updated>2024-01-02T10:00:00Z</updated>
    <content type="html">&lt;p&gt;One.&lt;/p&gt;</content></entry>
  <entry><title>Second story</title><id>urn:example:2</id><updated>2024-01-02T11:00:00Z</updated>
    <content type="html">&lt;p&gt;Two.&lt;/p&gt;</content></entry>
</feed>
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    path = tmp_path / "feed.xml"
    path.write_bytes(FEED)
    return path


# -- 1. several articles on standard output -----------------------------------------------------


@pytest.mark.parametrize("to", ["json", "xml", "nitf", "ninjs", "md", "text"])
def test_several_articles_to_stdout_in_a_one_article_format_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], feed: Path, to: str
) -> None:
    code, out, err = run(capsys, "convert", str(feed), "--to", to)
    assert code == 2
    assert out == ""  # nothing half-written: no glued documents
    assert "holds 2 articles" in err and "--to jsonl" in err and "-o DIR/" in err


def test_several_articles_to_one_file_is_the_same_usage_error(
    capsys: pytest.CaptureFixture[str], feed: Path, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "convert", str(feed), "-o", str(tmp_path / "feed.json"))
    assert code == 2 and "--to jsonl" in err
    assert not (tmp_path / "feed.json").exists()


def test_several_articles_to_stdout_as_jsonl_or_into_a_folder_work(
    capsys: pytest.CaptureFixture[str], feed: Path, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "convert", str(feed), "--to", "jsonl")
    assert code == 0 and len(out.splitlines()) == 2
    code, _, _ = run(capsys, "convert", str(feed), "-o", f"{tmp_path / 'out'}/", "-q")
    assert code == 0 and len(list((tmp_path / "out").iterdir())) == 2
