"""Fit and finish of the command line (issue 17): what a new user met in a first afternoon."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

import articlekit
from articlekit.cli import main
from articlekit.progress import Progress, plural

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
    assert code == 0 and len(list((tmp_path / "out").glob("*.json"))) == 2


# -- 5. what can be known before parsing fails fast ----------------------------------------------


def story(headline: str) -> bytes:
    return json.dumps({"schema": "articlekit/1", "headline": headline}).encode()


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(5):
        (folder / f"a{number}.json").write_bytes(story(f"Story {number}"))
    return folder


def test_an_output_folder_that_cannot_be_written_stops_before_parsing(
    capsys: pytest.CaptureFixture[str], tree: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder would be")
    code, _, err = run(capsys, "convert", str(tree), "-o", f"{blocker / 'out'}/")
    assert code == 2
    assert err.count("articlekit: error:") == 1 and "is a file, not a folder" in err


def test_an_unknown_time_zone_is_one_usage_error(capsys: pytest.CaptureFixture[str], tree: Path) -> None:
    code, out, err = run(capsys, "convert", str(tree), "--to", "jsonl", "--tz", "Mars/Olympus")
    assert code == 2 and out == ""
    assert err.count("articlekit: error:") == 1 and "--tz" in err and "Europe/Berlin" in err


def test_existing_outputs_stop_the_batch_before_it_starts(
    capsys: pytest.CaptureFixture[str], tree: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "a3.json").write_text("mine")
    code, _, err = run(capsys, "convert", str(tree), "-o", f"{out}/")
    assert code == 2 and "a3.json: exist already" in err and "--force" in err
    assert sorted(p.name for p in out.iterdir()) == ["a3.json"]  # nothing was written, no manifest either
    assert (out / "a3.json").read_text() == "mine"
    # --skip-existing leaves it alone and converts the others; --force replaces it
    code, _, _ = run(capsys, "convert", str(tree), "-o", f"{out}/", "--skip-existing", "-q")
    assert code == 0 and len(list(out.glob("*.json"))) == 5 and (out / "a3.json").read_text() == "mine"
    code, _, _ = run(capsys, "convert", str(tree), "-o", f"{out}/", "--force", "-q")
    assert code == 0 and (out / "a3.json").read_text() != "mine"


# -- 6. the progress bar fits the terminal; plurals --------------------------------------------


@pytest.mark.parametrize("width", [40, 60, 80, 100, 120])
def test_the_progress_line_fits_the_terminal_and_is_never_cut_mid_word(width: int) -> None:
    now = [0.0]
    progress = Progress(968, io.StringIO(), enabled=True, clock=lambda: now[0])
    now[0] += 3.0
    for number in range(131):
        progress.advance(failed=number % 40 == 0)
    line = progress.line(width)
    assert len(line) <= width - 1  # the last column would make a terminal wrap
    assert line.endswith("4 failed")  # whole, at the end
    assert "131/968 files" in line
    if width >= 80:
        assert "ETA 0:19" in line and "/s" in line


def test_plurals_agree_with_their_counts(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert (plural(1, "article"), plural(2, "article"), plural(0, "warning")) == (
        "1 article",
        "2 articles",
        "0 warnings",
    )
    progress = Progress(1, io.StringIO(), enabled=True, clock=lambda: 1.0)
    progress.advance()
    assert "1/1 file " in progress.line(120)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.json").write_bytes(story("One"))
    code, _, err = run(capsys, "convert", str(folder), "-o", f"{tmp_path / 'out'}/")
    assert code == 0 and "; 1 article in " in err


# -- 7. command and message rough edges ----------------------------------------------------------


@pytest.mark.parametrize("command", ["convert", "inspect", "formats", "quotes"])
def test_version_works_after_every_sub_command(capsys: pytest.CaptureFixture[str], command: str) -> None:
    code, out, _ = run(capsys, command, "--version")
    assert code == 0 and out.startswith("articlekit ")


def test_include_and_exclude_apply_to_glob_inputs(
    capsys: pytest.CaptureFixture[str], tree: Path, tmp_path: Path
) -> None:
    (tree / "skip.txt").write_text("Not a story\n")
    code, out, _ = run(capsys, "convert", str(tree / "*"), "--to", "jsonl", "--include", "*.json", "--exclude", "a1*")
    assert code == 0
    assert [json.loads(line)["headline"] for line in out.splitlines()] == ["Story 0", "Story 2", "Story 3", "Story 4"]


def test_messages_speak_the_command_line_on_the_command_line_and_python_in_python(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    unknown = tmp_path / "blob.bin"
    unknown.write_bytes(b"\x00\x01\x02" * 10)
    code, _, err = run(capsys, "convert", str(unknown))
    assert code == 1 and "--from NAME" in err and "format=" not in err
    with pytest.raises(articlekit.UnknownFormatError, match=r"format=NAME") as caught:
        articlekit.parse(unknown)
    assert "--from" not in str(caught.value)
    target = tmp_path / "out.json"
    target.write_text("mine")
    with pytest.raises(articlekit.WriteError, match=r"use force=True") as refused:
        articlekit.convert(story("A"), "json", target)
    assert "--force" not in str(refused.value)


def test_inspect_exits_1_without_an_article_and_words_a_missing_file_as_convert_does(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.xml"
    empty.write_bytes(b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>')
    code, out, err = run(capsys, "inspect", str(empty))
    assert code == 1 and "articles   0" in out and "no article found" in err
    missing = str(tmp_path / "nope.xml")
    _, _, from_convert = run(capsys, "convert", missing)
    code, _, from_inspect = run(capsys, "inspect", missing)
    assert code == 1 and from_inspect == from_convert == f"articlekit: error: {missing}: no such file or folder\n"


def test_inspect_names_a_gzipped_input_as_given(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    gzipped = tmp_path / "crawl.feed.gz"
    gzipped.write_bytes(gzip.compress(FEED))
    code, out, _ = run(capsys, "inspect", str(gzipped))
    assert code == 0 and out.startswith(f"input      {gzipped} ({len(FEED):,} bytes once ungzipped)")


def test_a_format_chosen_by_extension_alone_is_not_named_as_the_input_s_format(tmp_path: Path) -> None:
    group_set = tmp_path / "set.xml"
    group_set.write_bytes(b'<?xml version="1.0"?>\n<groupSet xmlns="urn:example:other"><group/></groupSet>')
    with pytest.raises(articlekit.ParseError) as caught:
        articlekit.parse(group_set)
    message = str(caught.value)
    assert message.startswith(f"{group_set}:2: cannot tell what format this is: no parser recognised its content")
    assert "read as xml (the format of its file name's extension)" in message


# -- 9. quotes says why a non-English article has none --------------------------------------------


def test_quotes_says_the_finder_reads_english_only(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    german = tmp_path / "de.json"
    german.write_text(
        json.dumps(
            {
                "schema": "articlekit/1",
                "headline": "Kanzlerin spricht",
                "language": "de",
                "body": [{"type": "paragraph", "text": "„Wir schaffen das“, sagte die Kanzlerin."}],
            }
        )
    )
    code, out, _ = run(capsys, "quotes", str(german))
    assert code == 0
    assert "no quotes found: the quote finder reads English only, and this article is in de" in out
    english = tmp_path / "en.json"
    english.write_text(json.dumps({"schema": "articlekit/1", "headline": "Quiet", "language": "en"}))
    code, out, _ = run(capsys, "quotes", str(english))
    assert code == 0 and out.rstrip().endswith("  no quotes")
