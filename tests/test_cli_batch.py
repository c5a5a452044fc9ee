"""``articlekit convert`` at scale: folders, globs, stdin, --jobs, progress, summary, --fail-fast,
--errors, JSON Lines, no overwriting, atomic outputs, Ctrl-C; and ``inspect``."""

from __future__ import annotations

import contextlib
import io
import json
import os
import pty
import select
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

import articlekit
from articlekit import Article, ParseError, ParserSpec, hookimpl
from articlekit.batch import InputSet, convert_batch
from articlekit.cli import main
from articlekit.manifest import MANIFEST_NAME
from articlekit.progress import Progress, format_duration
from articlekit.registry import Document, Options

from . import slow_cli

CORRUPT = b'{"schema": "articlekit/1", "headline": '


def article_json(headline: str, **fields: Any) -> bytes:
    text = articlekit.dumps(Article(headline=headline, **fields), "json")
    assert isinstance(text, str)
    return text.encode()


def make_tree(root: Path, count: int, corrupt_every: int = 0) -> tuple[list[Path], list[Path]]:
    """``count`` small article files below ``root`` (10 subfolders); every ``corrupt_every``-th is
    broken. Returns (good, corrupt) paths."""
    good, corrupt = [], []
    template = article_json("HEADLINE")
    for i in range(count):
        folder = root / f"d{i % 10}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"a{i:05d}.json"
        if corrupt_every and i % corrupt_every == 0:
            path.write_bytes(CORRUPT)
            corrupt.append(path)
        else:
            path.write_bytes(template.replace(b"HEADLINE", f"Story {i}".encode()))
            good.append(path)
    return good, corrupt


def leftovers(root: Path) -> list[Path]:
    """Temporary files an atomic write might have left behind."""
    return [p for p in root.rglob(".*.tmp")]


def files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != MANIFEST_NAME
    }


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# -- gathering inputs ----------------------------------------------------------------------------


def test_folder_is_walked_recursively_in_order_skipping_hidden(tmp_path: Path) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    for name in ["z.json", "a.json", "b/c/deep.json", "b/x.xml", ".hidden.json", "b/.git/config"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"{}")
    found = [item.relative for item in InputSet([str(tmp_path)])]
    assert found == ["a.json", "z.json", "b/x.xml", "b/c/deep.json"]


def test_include_and_exclude_globs(tmp_path: Path) -> None:
    for name in ["a.json", "b.xml", "drafts/c.json", "sub/d.json"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"{}")
    only_json = [i.relative for i in InputSet([str(tmp_path)], include=["*.json"], exclude=["drafts/*"])]
    assert only_json == ["a.json", "sub/d.json"]
    assert [i.relative for i in InputSet([str(tmp_path)], include=["sub/*"])] == ["sub/d.json"]


def test_symlink_loop_in_an_input_folder_is_walked_once(tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "sub" / "a.json").write_bytes(article_json("A"))
    (tmp_path / "in" / "sub" / "loop").symlink_to(tmp_path / "in", target_is_directory=True)
    (tmp_path / "in" / "self").symlink_to(".", target_is_directory=True)
    found = [i.relative for i in InputSet([str(tmp_path / "in")])]
    assert found == ["sub/a.json"]


def test_several_files_globs_and_missing_arguments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ["one.json", "two.json", "three.json"]:
        (tmp_path / name).write_bytes(article_json(name))
    out = tmp_path / "out"
    code, _, err = run(
        capsys, "convert", str(tmp_path / "one.json"), str(tmp_path / "t*.json"), str(tmp_path / "nope.json"), "-o",
        str(out), "-q",
    )  # fmt: skip
    assert code == 1
    assert sorted(files(out)) == ["one.json", "three.json", "two.json"]
    assert err.strip() == f"articlekit: error: {tmp_path / 'nope.json'}: no such file or folder"


def test_stdin_to_stdout(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(article_json("From stdin"))))
    code, out, err = run(capsys, "convert", "-", "--to", "jsonl")
    assert code == 0, err
    assert json.loads(out)["headline"] == "From stdin"


def test_stdin_with_files_into_jsonl_in_argument_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.json").write_bytes(article_json("File A"))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(article_json("From stdin"))))
    code, out, _ = run(capsys, "convert", str(tmp_path / "a.json"), "-", "--to", "jsonl", "-q", "-j", "2")
    assert code == 0
    assert [json.loads(line)["headline"] for line in out.splitlines()] == ["File A", "From stdin"]


def test_dash_output_is_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_tree(tmp_path / "in", 2)
    code, out, _ = run(capsys, "convert", str(tmp_path / "in"), "-o", "-", "--to", "jsonl", "-q")
    assert code == 0 and len(out.splitlines()) == 2
    assert not Path("-").exists()


def test_errors_dash_is_refused_not_a_file_named_dash(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tree(tmp_path / "in", 2, corrupt_every=2)
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "convert", "in", "--to", "jsonl", "--errors", "-")
    assert (code, out) == (2, "")
    assert err == "articlekit: error: --errors -: give a file; each failure is told on standard error already\n"
    assert not (tmp_path / "-").exists()


def test_stdin_twice_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "convert", "-", "-", "--to", "jsonl")
    assert code == 2
    assert "only once" in err


def test_several_inputs_to_stdout_need_a_gathering_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_tree(tmp_path / "in", 3)
    code, out, err = run(capsys, "convert", str(tmp_path / "in"))
    assert (code, out) == (2, "")
    assert "-o DIR" in err and "Traceback" not in err
    code, out, _ = run(capsys, "convert", str(tmp_path / "in"), "--to", "jsonl", "-q")
    assert code == 0 and len(out.splitlines()) == 3


def test_empty_folder_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    code, _, err = run(capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert code == 1
    assert "no input found" in err


# -- the large batch -----------------------------------------------------------------------------


def test_ten_thousand_files_with_five_percent_corrupt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good, corrupt = make_tree(tmp_path / "in", 10_000, corrupt_every=20)
    assert len(corrupt) == 500
    started = time.monotonic()
    code, _, err = run(
        capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "out.jsonl"), "--errors",
        str(tmp_path / "errors.jsonl"),
    )  # fmt: skip
    elapsed = time.monotonic() - started
    assert code == 1
    lines = (tmp_path / "out.jsonl").read_bytes().splitlines()
    assert len(lines) == 9_500
    assert {json.loads(line)["headline"] for line in lines} == {f"Story {int(p.stem[1:])}" for p in good}
    records = [json.loads(line) for line in (tmp_path / "errors.jsonl").read_text().splitlines()]
    assert sorted(r["input"] for r in records) == sorted(str(p) for p in corrupt)
    assert {r["error"] for r in records} == {"ParseError"}
    assert all(r["reason"] and r["message"].startswith(r["input"]) for r in records)
    error_lines = [line for line in err.splitlines() if line.startswith("articlekit: error:")]
    assert sorted(error_lines) == sorted(f"articlekit: error: {r['message']}" for r in records)
    assert "9,500 converted, 500 failed, 0 skipped; 9,500 articles in" in err
    assert elapsed < 120, f"10,000 small files took {elapsed:.1f} s"


def test_jobs_two_gives_the_same_bytes_as_jobs_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_tree(tmp_path / "in", 300, corrupt_every=17)
    (tmp_path / "in" / "d3" / "feed.json").write_bytes(
        b"[" + article_json("first of two") + b"," + article_json("second of two") + b"]"
    )
    results = {}
    for jobs in ("1", "2"):
        code_dir, _, _ = run(capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / f"dir{jobs}"), "-j", jobs)
        code_jsonl, _, _ = run(
            capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / f"all{jobs}.jsonl"), "-j", jobs, "--errors",
            str(tmp_path / f"errors{jobs}.jsonl"),
        )  # fmt: skip
        results[jobs] = (
            code_dir,
            code_jsonl,
            files(tmp_path / f"dir{jobs}"),
            (tmp_path / f"all{jobs}.jsonl").read_bytes(),
            (tmp_path / f"errors{jobs}.jsonl").read_bytes(),
        )
    assert results["1"] == results["2"]
    assert results["1"][0] == 1
    assert "d3/feed-001.json" in results["1"][2] and "d3/feed-002.json" in results["1"][2]


def test_jobs_zero_means_one_per_cpu(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_tree(tmp_path / "in", 4)
    code, _, _ = run(capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "out.jsonl"), "-j", "0")
    assert code == 0 and len((tmp_path / "out.jsonl").read_bytes().splitlines()) == 4


# -- failures, errors file, fail-fast ------------------------------------------------------------


def test_fail_fast_stops_at_the_first_failure_and_writes_no_partial_jsonl(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_tree(tmp_path / "in", 40, corrupt_every=7)  # a00000 is the first and corrupt; it sorts first in d0
    code, _, err = run(
        capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "out.jsonl"), "--fail-fast", "--errors",
        str(tmp_path / "e.jsonl"),
    )  # fmt: skip
    assert code == 1
    assert not (tmp_path / "out.jsonl").exists()
    records = (tmp_path / "e.jsonl").read_text().splitlines()
    assert len(records) == 1
    assert "--fail-fast" in err and str(tmp_path / "out.jsonl") in err
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_fail_fast_in_a_folder_keeps_what_was_finished(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    for i in range(30):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / f"{i:02d}.json").write_bytes(CORRUPT if i == 12 else article_json(str(i)))
    code, _, err = run(
        capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--fail-fast", "-q", "-j", jobs
    )
    assert code == 1
    assert sorted(files(tmp_path / "out")) == [f"{i:02d}.json" for i in range(12)]
    assert err.count("articlekit: error:") == 2 and "--fail-fast" in err


def test_carrying_on_is_the_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(5):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / f"{i}.json").write_bytes(CORRUPT if i == 2 else article_json(str(i)))
    code, _, err = run(capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert code == 1
    assert sorted(files(tmp_path / "out")) == ["0.json", "1.json", "3.json", "4.json"]
    assert err.count("articlekit: error:") == 1
    assert f"{tmp_path / 'in' / '2.json'}:1:" in err
    assert "Traceback" not in err


def test_a_plugin_bug_is_one_line_and_the_batch_carries_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fresh_plugins: None
) -> None:
    class Buggy:
        @hookimpl
        def articlekit_parsers(self) -> Sequence[ParserSpec]:
            def parse(document: Document, options: Options) -> Iterator[Article]:
                if b"boom" in document.data:
                    raise KeyError("oops")
                yield Article(headline=document.data.decode())

            return [ParserSpec(name="buggy", parse=parse, extensions=(".bug",))]

    articlekit.register_plugin(Buggy(), name="buggy")
    (tmp_path / "in").mkdir()
    for name, text in [("a.bug", "fine"), ("b.bug", "boom"), ("c.bug", "also fine")]:
        (tmp_path / "in" / name).write_text(text)
    code, _, err = run(
        capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--errors", str(tmp_path / "e")
    )
    assert code == 1
    assert sorted(files(tmp_path / "out")) == ["a.json", "c.json"]
    assert "unexpected KeyError" in err and "Traceback" not in err
    assert json.loads((tmp_path / "e").read_text())["error"] == "KeyError"


class _CutOff:
    """A parser of archives holding one article a line, cut off where a line says "cut"."""

    @hookimpl
    def articlekit_parsers(self) -> Sequence[ParserSpec]:
        def parse(document: Document, options: Options) -> Iterator[Article]:
            for line in document.data.decode().splitlines():
                if line == "cut":
                    raise ParseError("the archive is cut off here", file=document.name, line=3)
                yield Article(headline=line)

        return [ParserSpec(name="cutoff", parse=parse, extensions=(".cutoff",))]


def test_articles_before_an_error_are_written_and_the_input_still_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fresh_plugins: None
) -> None:
    articlekit.register_plugin(_CutOff(), name="cutoff")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.cutoff").write_text("one\ntwo\ncut\nlost\n")
    (tmp_path / "in" / "b.cutoff").write_text("cut\n")
    code, _, err = run(capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "out.jsonl"))
    assert code == 1
    written = [json.loads(line)["headline"] for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert written == ["one", "two"]
    assert "a.cutoff:3: the archive is cut off here (after 2 articles, which are kept)" in err
    assert "b.cutoff:3: the archive is cut off here" in err and "kept" not in err.split("b.cutoff")[1]
    code, _, err = run(capsys, "convert", str(tmp_path / "in" / "a.cutoff"), "-o", f"{tmp_path / 'each'}/")
    assert code == 1 and len(files(tmp_path / "each")) == 2


def test_empty_files_are_failures_that_say_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.json").write_bytes(b"")
    (tmp_path / "in" / "ok.json").write_bytes(article_json("ok"))
    code, _, err = run(capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert code == 1
    assert f"{tmp_path / 'in' / 'empty.json'}: empty file: nothing to convert" in err


# -- writing: jsonl, no overwriting, atomicity, naming -------------------------------------------


def test_output_jsonl_is_inferred_from_the_file_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_tree(tmp_path / "in", 5)
    code, _, _ = run(capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "out.jsonl"), "-q")
    assert code == 0
    lines = (tmp_path / "out.jsonl").read_bytes().splitlines()
    assert [json.loads(line)["headline"] for line in lines] == [f"Story {i}" for i in (0, 1, 2, 3, 4)]


def test_nothing_is_overwritten_without_force(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_tree(tmp_path / "in", 3)
    (tmp_path / "out.jsonl").write_bytes(b"precious")
    code, _, err = run(capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "out.jsonl"))
    assert code == 2 and "--force" in err
    assert (tmp_path / "out.jsonl").read_bytes() == b"precious"

    (tmp_path / "out" / "d0").mkdir(parents=True)
    (tmp_path / "out" / "d0" / "a00000.json").write_bytes(b"precious")
    code, _, err = run(capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    # the outputs' names are known before parsing: the batch stops before it starts (issue 17)
    assert code == 2 and "exist already; use --force" in err
    assert (tmp_path / "out" / "d0" / "a00000.json").read_bytes() == b"precious"
    assert not (tmp_path / "out" / "d1").exists()

    (tmp_path / "errors.jsonl").write_bytes(b"precious")
    code, _, err = run(
        capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "o2"), "--errors", str(tmp_path / "errors.jsonl")
    )
    assert code == 2 and (tmp_path / "errors.jsonl").read_bytes() == b"precious"

    code, _, _ = run(capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--force", "-q")
    assert code == 0
    assert json.loads((tmp_path / "out" / "d0" / "a00000.json").read_bytes())["headline"] == "Story 0"
    assert leftovers(tmp_path) == []


def test_skip_existing_resumes_a_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_tree(tmp_path / "in", 10)
    (tmp_path / "out" / "d0").mkdir(parents=True)
    (tmp_path / "out" / "d0" / "a00000.json").write_bytes(b"done before")
    code, _, err = run(capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--skip-existing")
    assert code == 0
    assert "9 converted, 0 failed, 1 skipped" in err
    assert (tmp_path / "out" / "d0" / "a00000.json").read_bytes() == b"done before"
    assert len(files(tmp_path / "out")) == 10


def test_outputs_with_the_same_stem_do_not_clobber_each_other(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.json").write_bytes(article_json("json one"))
    (tmp_path / "in" / "story.json.gz").write_bytes(__import__("gzip").compress(article_json("gz one")))
    code, _, _ = run(capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-q")
    assert code == 0
    written = files(tmp_path / "out")
    assert sorted(written) == ["story-2.json", "story.json"]
    assert {json.loads(v)["headline"] for v in written.values()} == {"json one", "gz one"}


def test_a_resume_with_the_arguments_reordered_never_keeps_another_inputs_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # two inputs with one stem: the first run names them a.json and a-2.json; given in the other
    # order, each is a new input (the manifest knows an input by its argument), and its name is
    # the other's output: kept, the manifest said that d2 made what d1 made
    for sub in ("d1", "d2"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "a.json").write_bytes(article_json(f"from {sub}"))
    d1, d2, out = str(tmp_path / "d1" / "a.json"), str(tmp_path / "d2" / "a.json"), str(tmp_path / "out")
    assert run(capsys, "convert", d1, d2, "-o", out, "-q")[0] == 0
    code, _, err = run(capsys, "convert", d2, d1, "-o", out, "-q", "--skip-existing")
    assert code == 1
    assert f"out/a.json: exists, made from {d1} by an earlier run; use --force to replace it" in err
    assert run(capsys, "convert", d2, d1, "-o", out, "-q", "--skip-existing", "--force")[0] == 0
    headlines = {name: json.loads(data)["headline"] for name, data in files(tmp_path / "out").items()}
    assert headlines == {"a.json": "from d2", "a-2.json": "from d1"}
    made = {}
    for line in (tmp_path / "out" / MANIFEST_NAME).read_text().splitlines():
        record = json.loads(line)
        if "output" in record:
            made[(record["argument"], record["output"])] = Path(record["input"]).parent.name
    assert made[(0, "a.json")] == "d2" and made[(1, "a-2.json")] == "d1"  # what the last run says


@pytest.mark.parametrize("naming", ["id", "headline"])
def test_article_id_or_headline_cannot_escape_the_output_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], naming: str
) -> None:
    (tmp_path / "work" / "in").mkdir(parents=True)
    hostile = ["../../etc/x", "/etc/passwd", "..", "a/../../../b", "C:\\Windows\\x", "", "\x00nul"]
    for i, value in enumerate(hostile):
        (tmp_path / "work" / "in" / f"{i}.json").write_bytes(article_json(value, id=value))
    out = tmp_path / "work" / "out"
    code, _, err = run(capsys, "convert", str(tmp_path / "work" / "in"), "-o", str(out), "--names", naming, "-q")
    assert code == 0, err
    written = sorted(
        p
        for p in tmp_path.rglob("*")
        if p.is_file() and "in" not in p.relative_to(tmp_path).parts and p.name != MANIFEST_NAME
    )
    assert len(written) == len(hostile)
    for path in written:
        assert path.resolve().is_relative_to(out.resolve())
        assert path.parent == out
    assert not (tmp_path / "etc").exists()


def test_writes_are_atomic_when_a_write_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tree(tmp_path / "in", 3)
    real_fsync = os.fsync
    calls = {"n": 0}

    def failing_fsync(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", failing_fsync)  # the os module articlekit.output writes through
    result = convert_batch(InputSet([str(tmp_path / "in")]), "json", tmp_path / "out", folder=True)
    assert result.converted == 2 and len(result.failed) == 1
    assert "No space left" in result.failed[0].line
    assert leftovers(tmp_path) == []
    assert len(files(tmp_path / "out")) == 2


# -- Ctrl-C --------------------------------------------------------------------------------------


class Interrupting:
    """A parser that raises KeyboardInterrupt (Ctrl-C) on an input holding ``STOP``."""

    @hookimpl
    def articlekit_parsers(self) -> Sequence[ParserSpec]:
        def parse(document: Document, options: Options) -> Iterator[Article]:
            if document.data.startswith(b"STOP"):
                raise KeyboardInterrupt
            yield Article(headline=document.data.decode())

        return [ParserSpec(name="stoppable", parse=parse, extensions=(".stop",))]


@pytest.mark.parametrize("target", ["out", "out.jsonl"])
def test_ctrl_c_stops_cleanly_and_says_how_far_it_got(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fresh_plugins: None, target: str
) -> None:
    articlekit.register_plugin(Interrupting(), name="stoppable")
    (tmp_path / "in").mkdir()
    for i in range(10):
        (tmp_path / "in" / f"{i}.stop").write_text("STOP" if i == 4 else f"story {i}")
    code, _, err = run(
        capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / target), "--errors", str(tmp_path / "e.jsonl")
    )
    assert code == 130
    assert "interrupted after 4 of 10 inputs (4 converted, 0 failed, 0 skipped)" in err
    assert not (tmp_path / "e.jsonl").exists()
    assert leftovers(tmp_path) == []
    if target == "out":
        assert sorted(files(tmp_path / "out")) == ["0.json", "1.json", "2.json", "3.json"]
        assert "--skip-existing" in err
    else:
        assert not (tmp_path / "out.jsonl").exists()
        assert "nothing partial is left" in err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_real_sigint_stops_the_workers_and_leaves_no_partial_file(tmp_path: Path, jobs: str) -> None:
    (tmp_path / "in").mkdir()
    for i in range(400):
        (tmp_path / "in" / f"{i:03d}.slow").write_text(f"story {i}")
    out = tmp_path / "out"
    proc = slow_cli.start("convert", str(tmp_path / "in"), "-o", str(out), "-j", jobs, SLOW_PARSE="0.05")
    slow_cli.wait_for(lambda: len(list(out.glob("*.json"))) >= 5)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: the whole process group
    _, err = proc.communicate(timeout=60)
    text = err.decode()
    assert proc.returncode == 130, text
    assert "interrupted after" in text and "of 400 inputs" in text
    assert "Traceback" not in text
    done = sorted(out.glob("*.json"))
    assert 5 <= len(done) < 400
    assert all(json.loads(p.read_bytes())["headline"].startswith("story") for p in done)
    assert leftovers(tmp_path) == []


# -- progress and summary ------------------------------------------------------------------------


def test_progress_line_has_count_rate_and_eta() -> None:
    now = [100.0]
    progress = Progress(200, io.StringIO(), enabled=True, clock=lambda: now[0])
    now[0] += 10.0
    for _ in range(50):
        progress.advance()
    progress.advance(failed=True)
    line = progress.line(100)
    assert "51/200 files" in line and "26%" in line and "5.1/s" in line and "ETA 0:29" in line
    assert "1 failed" in line and line.startswith("[")
    assert format_duration(3725) == "1:02:05"


def test_progress_is_silent_when_not_a_terminal(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_tree(tmp_path / "in", 20)
    code, _, err = run(capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert code == 0
    assert "\r" not in err and "ETA" not in err
    assert err.startswith("articlekit: 20 converted, 0 failed, 0 skipped; 20 articles in ")
    assert "articles/s)" in err
    code, _, err = run(capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "out2"), "--quiet")
    assert (code, err) == (0, "")


def _read_pty(fd: int, proc: subprocess.Popen[bytes]) -> bytes:
    chunks = []
    while True:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                data = os.read(fd, 65536)
            except OSError:  # the other side closed
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    return b"".join(chunks)


def on_terminal(args: list[str], timeout: float = 60) -> tuple[int, str]:
    """Run ``articlekit ARGS`` with its stderr on a pseudo-terminal: (exit code, what it showed)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "articlekit.cli", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env={**os.environ, "COLUMNS": "100"},
    )
    os.close(slave)
    try:
        screen = _read_pty(master, proc).decode(errors="replace")
    finally:
        os.close(master)
    return proc.wait(timeout=timeout), screen


@pytest.mark.parametrize("quiet", [False, True])
def test_progress_bar_on_a_terminal(tmp_path: Path, quiet: bool) -> None:
    make_tree(tmp_path / "in", 3000, corrupt_every=1000)
    argv = ["convert", str(tmp_path / "in"), "-o", str(tmp_path / "out.jsonl")]
    code, screen = on_terminal([*argv, *(["--quiet"] if quiet else [])])
    assert code == 1
    errors = [line for line in screen.replace("\r\x1b[K", "\n").splitlines() if "error:" in line]
    assert len(errors) == 3 and all(line.startswith("articlekit: error:") for line in errors)
    if quiet:
        assert "ETA" not in screen and "\r" not in screen.replace("\r\n", "\n")
        assert "converted" not in screen
        return
    assert "\r\x1b[K[" in screen
    assert "/3,000 files" in screen and "/s" in screen and "ETA" in screen
    assert "3,000/3,000 files" in screen
    assert "2,997 converted, 3 failed, 0 skipped" in screen


# -- inspect and the other commands --------------------------------------------------------------


def test_inspect_says_what_why_which_parser_fields_and_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "story.json"
    path.write_bytes(article_json("Inspected", summary="A summary", keywords=("a", "b")))
    code, out, err = run(capsys, "inspect", str(path))
    assert code == 0, err
    assert "format     json (detected)" in out
    assert "articlekit.formats.json" in out
    assert "* json" in out and "1.00" in out and "extension matches" in out
    assert "headline     Inspected" in out and "summary      A summary" in out and "keywords     2" in out
    assert "warnings   none" in out


def test_inspect_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "story.json"
    path.write_bytes(article_json("Inspected", keywords=("a", "b")))
    code, out, _ = run(capsys, "inspect", str(path), "--json")
    assert code == 0
    report = json.loads(out)
    assert (report["format"], report["how"], report["plugin"]) == ("json", "detected", "articlekit.formats.json")
    assert report["sniffing"][0] == {"parser": "json", "confidence": 1.0, "extension": True}
    fields = {f["field"]: f["value"] for f in report["articles"][0]["fields"]}
    assert fields == {"headline": "Inspected", "keywords": "2"}
    assert report["warnings"] == []


def test_inspect_shows_provenance_and_warnings_a_parser_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fresh_plugins: None
) -> None:
    import logging
    import warnings as warnings_module

    class Noisy:
        @hookimpl
        def articlekit_parsers(self) -> Sequence[ParserSpec]:
            def parse(document: Document, options: Options) -> Iterator[Article]:
                warnings_module.warn("no date found", stacklevel=1)
                logging.getLogger("articlekit.noisy").warning("odd byline")
                yield Article(headline="H", extensions={"provenance": {"headline": "<title>"}})

            return [ParserSpec(name="noisy", parse=parse, sniff=lambda head, name: 0.7 if b"NOISY" in head else 0.0)]

    articlekit.register_plugin(Noisy(), name="noisy-plugin")
    path = tmp_path / "x.txt"
    path.write_text("NOISY")
    code, out, _ = run(capsys, "inspect", str(path))
    assert code == 0
    assert "format     noisy (detected)" in out and "from plugin noisy-plugin" in out
    assert "* noisy" in out and "0.70" in out
    assert "headline     H  [from <title>]" in out
    assert "warnings   2" in out and "no date found" in out and "articlekit.noisy: odd byline" in out


@pytest.mark.parametrize(
    ("argv", "code", "needle"),
    [
        (["inspect", "missing.xml"], 1, "missing.xml: no such file or folder"),
        (["inspect", "--from", "nosuchformat", "x"], 2, "no parser for format 'nosuchformat'"),
        (["convert", "--to", "nosuchformat", "x"], 2, "no writer for format 'nosuchformat'"),
        (["convert", "missing.xml", "-o", "out"], 1, "missing.xml: no such file or folder"),
        (["frobnicate"], 2, "invalid choice"),
    ],
)
def test_commands_fail_alike_with_one_line(
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    code: int,
    needle: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    got, _, err = run(capsys, *argv)
    assert got == code
    assert needle in err and "Traceback" not in err


def test_inspect_of_an_undetectable_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "blob").write_bytes(b"\x00\x01\x02 nothing anyone reads")
    code, _, err = run(capsys, "inspect", str(tmp_path / "blob"))
    assert code == 1
    assert err.count("\n") == 1 and "cannot tell what format" in err


def test_formats_fails_like_convert_on_a_broken_plugin(
    capsys: pytest.CaptureFixture[str], fresh_plugins: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    import articlekit.plugins

    def broken() -> None:
        raise articlekit.PluginError("plugin 'x' failed in articlekit_parsers: boom")

    monkeypatch.setattr(articlekit.plugins, "get_registry", broken)
    monkeypatch.setattr("articlekit.cli.get_registry", broken)
    code, _, err = run(capsys, "formats")
    assert code == 1
    assert err == "articlekit: error: plugin 'x' failed in articlekit_parsers: boom\n"
    code, _, err = run(capsys, "formats", "--debug")
    assert "Traceback" in err


def test_formats_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "formats", "--json")
    assert code == 0
    rows = json.loads(out)
    assert {"kind": "writer", "name": "jsonl"}.items() <= next(r for r in rows if r["name"] == "jsonl").items()


def test_max_size_is_configurable_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.json").write_bytes(article_json("x" * 500))
    code, _, err = run(capsys, "convert", str(tmp_path / "a.json"), "--max-size", "100")
    assert code == 1 and "larger than the 100-byte limit" in err
    code, out, _ = run(capsys, "convert", str(tmp_path / "a.json"), "--max-size", "1k")
    assert code == 0 and "x" * 500 in out


def test_parse_error_names_the_position(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.json").write_bytes(b'{"schema": "articlekit/1",\n  "headline": }')
    code, _, err = run(capsys, "convert", str(tmp_path / "bad.json"))
    assert code == 1
    assert err.startswith(f"articlekit: error: {tmp_path / 'bad.json'}:2:15: ")
    with pytest.raises(ParseError):
        articlekit.parse((tmp_path / "bad.json").read_bytes(), "json")


def test_outputs_inside_the_input_folder_are_never_read_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tree(tmp_path, 20)
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "convert", ".", "-o", "out/", "--errors", "errors.jsonl")
    assert code == 0, err
    assert len(files(tmp_path / "out")) == 20
    (tmp_path / "all.jsonl").write_bytes(b"")
    code, _, err = run(capsys, "convert", ".", "--include", "*.json", "-o", "all.jsonl", "--force", "-q")
    assert code == 0, err  # neither out/ (20 more) nor all.jsonl itself is an input
    assert len((tmp_path / "all.jsonl").read_bytes().splitlines()) == 20 + 20


def test_a_glob_keeps_the_folders_below_its_fixed_part(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    make_tree(tmp_path / "feeds", 20)
    code, _, _ = run(capsys, "convert", str(tmp_path / "feeds" / "**" / "a0000[0-3].json"), "-o", str(tmp_path / "out"))
    assert code == 0
    assert sorted(files(tmp_path / "out")) == ["d0/a00000.json", "d1/a00001.json", "d2/a00002.json", "d3/a00003.json"]


def test_two_arguments_writing_to_one_folder_never_clobber_each_other(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        for name in ("x", "y"):
            (tmp_path / folder / f"{name}.json").write_bytes(article_json(f"{folder} {name}"))
    args = [str(tmp_path / "one"), str(tmp_path / "two"), "-o", str(tmp_path / "out"), "-q"]
    code, _, _ = run(capsys, "convert", *args)
    assert code == 0
    written = files(tmp_path / "out")
    assert sorted(written) == ["x-2.json", "x.json", "y-2.json", "y.json"]
    assert {json.loads(v)["headline"] for v in written.values()} == {"one x", "one y", "two x", "two y"}


def test_skip_existing_and_force_with_one_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.json").write_bytes(article_json("A"))
    (tmp_path / "out.json").write_bytes(b"kept")
    assert run(capsys, "convert", str(tmp_path / "a.json"), "-o", str(tmp_path / "out.json"))[0] == 2
    assert run(capsys, "convert", str(tmp_path / "a.json"), "-o", str(tmp_path / "out.json"), "--skip-existing")[0] == 0
    assert (tmp_path / "out.json").read_bytes() == b"kept"
    assert run(capsys, "convert", str(tmp_path / "a.json"), "-o", str(tmp_path / "out.json"), "--force")[0] == 0
    assert json.loads((tmp_path / "out.json").read_bytes())["headline"] == "A"


def test_several_inputs_into_an_existing_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_tree(tmp_path / "in", 3)
    (tmp_path / "out.json").write_bytes(b"kept")
    code, _, err = run(capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "out.json"), "--force")
    assert code == 2 and "need a folder" in err
    assert (tmp_path / "out.json").read_bytes() == b"kept"


class Hanging:
    """A parser that never ends on an input holding ``HANG``, even swallowing exceptions."""

    @hookimpl
    def articlekit_parsers(self) -> Sequence[ParserSpec]:
        def parse(document: Document, options: Options) -> Iterator[Article]:
            while document.data.startswith(b"HANG"):
                # a careless plugin swallows every Exception: the time limit must still get through
                with contextlib.suppress(Exception):
                    time.sleep(0.01)
            yield Article(headline=document.data.decode())

        return [ParserSpec(name="hanging", parse=parse, extensions=(".hang",))]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_input_that_hangs_is_stopped_by_the_time_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fresh_plugins: None, jobs: str
) -> None:
    articlekit.register_plugin(Hanging(), name="hanging")
    (tmp_path / "in").mkdir()
    for i in range(4):
        (tmp_path / "in" / f"{i}.hang").write_text("HANG" if i == 1 else f"story {i}")
    started = time.monotonic()
    code, _, err = run(
        capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--timeout", "0.5", "-j", jobs,
        "--errors", str(tmp_path / "e.jsonl"),
    )  # fmt: skip
    assert time.monotonic() - started < 20
    assert code == 1
    assert f"{tmp_path / 'in' / '1.hang'}: took longer than 0.5 s; stopped" in err
    assert sorted(files(tmp_path / "out")) == ["0.json", "2.json", "3.json"]
    assert json.loads((tmp_path / "e.jsonl").read_text())["error"] == "Timeout"


def test_the_time_limit_leaves_a_callers_own_timer_running(tmp_path: Path) -> None:
    from articlekit.batch import _time_limit

    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(1))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        with _time_limit(5):
            pass
        time.sleep(0.6)
        assert fired == [1]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _subcommands() -> set[str]:
    from articlekit.cli import build_parser

    found: set[str] = set()
    for action in build_parser()._actions:
        choices = getattr(action, "choices", None)
        if isinstance(choices, dict):
            found.update(choices)
    return found


def test_quotes_fails_like_convert(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if "quotes" not in _subcommands():
        pytest.xfail("the quotes command (issue 4) has not landed yet")
    code, _, err = run(capsys, "quotes", str(tmp_path / "missing.xml"))
    assert code == 1
    assert err.startswith("articlekit: error: ") and "missing.xml" in err and "Traceback" not in err
    assert run(capsys, "quotes", "--no-such-option", "x")[0] == 2


def test_every_command_is_listed_in_the_cli_reference() -> None:
    reference = (Path(__file__).resolve().parent.parent / "docs" / "cli.md").read_text()
    for command in sorted(_subcommands()):
        assert f"## `articlekit {command}`" in reference, f"docs/cli.md does not describe {command!r}"


def test_a_trailing_slash_makes_a_folder_for_one_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "two.json").write_bytes(b"[" + article_json("first") + b"," + article_json("second") + b"]")
    code, _, _ = run(capsys, "convert", str(tmp_path / "two.json"), "-o", str(tmp_path / "out") + "/")
    assert code == 0
    assert sorted(files(tmp_path / "out")) == ["two-001.json", "two-002.json"]


class Warny:
    """A parser that warns about every input, through warnings and through logging."""

    @hookimpl
    def articlekit_parsers(self) -> Sequence[ParserSpec]:
        def parse(document: Document, options: Options) -> Iterator[Article]:
            import logging
            import warnings

            warnings.warn(f"{document.name}: no date found", stacklevel=1)
            logging.getLogger("articlekit.warny").warning("odd byline in %s", document.name)
            yield Article(headline=document.data.decode())

        return [ParserSpec(name="warny", parse=parse, extensions=(".warn",))]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_warnings_are_one_line_each_in_input_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fresh_plugins: None, jobs: str
) -> None:
    articlekit.register_plugin(Warny(), name="warny")
    (tmp_path / "in").mkdir()
    for i in range(3):
        (tmp_path / "in" / f"{i}.warn").write_text(f"story {i}")
    code, _, err = run(capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", jobs)
    assert code == 0
    lines = err.splitlines()
    expected = []
    for i in range(3):
        path = tmp_path / "in" / f"{i}.warn"
        expected += [
            f"articlekit: warning: {path}: no date found",
            f"articlekit: warning: {path}: articlekit.warny: odd byline in {path}",
        ]
    assert lines[:-1] == expected
    assert "3 converted, 0 failed, 0 skipped, 6 warnings;" in lines[-1]
    code, _, err = run(capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "out2"), "-q")
    assert (code, err) == (0, "")


def _real_inputs(root: Path, shared: Path) -> None:
    """Real articles in several formats: the seeds and a few shared samples of each kind."""
    root.mkdir()
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    for path in sorted(seeds.glob("*.txt")):
        (root / path.name).write_bytes(path.read_bytes())
    picks = [
        ("nitf/examples", "*.xml"),
        ("newsml-g2/examples_real", "*.xml"),
        ("ninjs/examples", "*.json"),
        ("html/newspaper4k/html", "*.html"),
        ("feeds/feed-rs", "*.xml"),
    ]
    for folder, pattern in picks:
        for path in sorted((shared / "formats" / folder).rglob(pattern))[:4]:
            (root / f"{path.parent.name}_{path.name}").write_bytes(path.read_bytes())


def test_outputs_are_the_same_whatever_the_jobs_and_the_hash_seed(tmp_path: Path, shared: Path) -> None:
    """Real parsers and enrichers, in fresh processes with different hash seeds (set and dict
    order of strings differ): --jobs 2 must write exactly what --jobs 1 writes."""
    _real_inputs(tmp_path / "in", shared)
    outputs = {}
    for jobs, seed in (("1", "1"), ("2", "2"), ("2", "3")):
        out = tmp_path / f"out-{jobs}-{seed}"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "articlekit.cli",
                "convert",
                str(tmp_path / "in"),
                "-o",
                f"{out}/",
                "-j",
                jobs,
                "-q",
            ],
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=False,
            timeout=300,
        )
        outputs[(jobs, seed)] = files(out)
    first = outputs[("1", "1")]
    assert len(first) >= 20
    for key, written in outputs.items():
        differing = sorted(name for name in first.keys() | written.keys() if first.get(name) != written.get(name))
        assert differing == [], f"--jobs {key[0]} with PYTHONHASHSEED={key[1]} differs in {differing}"


class Crashing:
    """A parser whose process dies on an input holding ``CRASH`` (as a segfault or the OOM killer would)."""

    @hookimpl
    def articlekit_parsers(self) -> Sequence[ParserSpec]:
        def parse(document: Document, options: Options) -> Iterator[Article]:
            if document.data.startswith(b"CRASH"):
                os._exit(3)
            yield Article(headline=document.data.decode())

        return [ParserSpec(name="crashing", parse=parse, extensions=(".crash",))]


def test_a_worker_that_dies_costs_only_its_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fresh_plugins: None
) -> None:
    articlekit.register_plugin(Crashing(), name="crashing")
    (tmp_path / "in").mkdir()
    for i in range(40):
        (tmp_path / "in" / f"{i:02d}.crash").write_text("CRASH" if i in (5, 29) else f"story {i}")
    code, _, err = run(
        capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "out.jsonl"), "-j", "2", "--errors",
        str(tmp_path / "e.jsonl"),
    )  # fmt: skip
    assert code == 1, err
    assert (tmp_path / "out.jsonl").exists(), err
    headlines = [json.loads(line)["headline"] for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert headlines == [f"story {i}" for i in range(40) if i not in (5, 29)]
    records = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert [(Path(r["input"]).name, r["error"]) for r in records] == [
        ("05.crash", "WorkerDied"),
        ("29.crash", "WorkerDied"),
    ]
    assert "05.crash: the process converting it died" in err and "Traceback" not in err


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX file modes")
@pytest.mark.parametrize("mask", [0o022, 0o077])
def test_outputs_get_the_mode_of_any_new_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], mask: int) -> None:
    make_tree(tmp_path / "in", 2)
    previous = os.umask(mask)
    try:
        code, _, _ = run(
            capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--errors", str(tmp_path / "e.jsonl")
        )
        run(capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "all.jsonl"))
    finally:
        os.umask(previous)
    assert code == 0
    written = [*(tmp_path / "out").rglob("*.json"), tmp_path / "e.jsonl", tmp_path / "all.jsonl"]
    assert {oct(p.stat().st_mode & 0o777) for p in written} == {oct(0o666 & ~mask)}


def _many(count: int, broken_at: int | None = None) -> bytes:
    """A JSON Lines input holding ``count`` articles (one line broken at ``broken_at``)."""
    lines = [json.dumps(json.loads(article_json(f"Item {i}"))).encode() for i in range(count)]
    if broken_at is not None:
        lines[broken_at] = b'{"schema": "articlekit/1", "headline": '
    return b"\n".join(lines) + b"\n"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_input_holding_many_articles_is_spilled_not_held(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    import articlekit.batch

    spill = tmp_path / "tmp"
    spill.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spill))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a-many.jsonl").write_bytes(_many(3 * articlekit.batch._SPILL_AFTER + 5))
    (tmp_path / "in" / "b-broken.jsonl").write_bytes(_many(2 * articlekit.batch._SPILL_AFTER, broken_at=50))
    (tmp_path / "in" / "c-one.json").write_bytes(article_json("single"))
    code, _, err = run(capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "-j", jobs, "-q")
    assert code == 1
    assert "b-broken.jsonl:51:" in err  # the input fails, the 50 articles before the error are kept
    assert "(after 50 articles, which are kept)" in err
    written = files(tmp_path / "out")
    count = 3 * articlekit.batch._SPILL_AFTER + 5
    assert sorted(written) == [f"a-many-{i:03d}.json" for i in range(1, count + 1)] + [
        f"b-broken-{i:03d}.json" for i in range(1, 51)
    ] + ["c-one.json"]
    assert [json.loads(written[f"a-many-{i:03d}.json"])["headline"] for i in (1, count)] == [
        "Item 0",
        f"Item {count - 1}",
    ]
    code, _, _ = run(capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "all.jsonl"), "-j", jobs, "-q")
    lines = (tmp_path / "all.jsonl").read_bytes().splitlines()
    assert [json.loads(line)["headline"] for line in lines] == [f"Item {i}" for i in range(count)] + [
        f"Item {i}" for i in range(50)
    ] + ["single"]
    assert list(spill.iterdir()) == []  # every spilled file and the batch's spool folder are gone


# -- parser and writer options -------------------------------------------------------------------


def test_option_flags_reach_writers_and_enrichers(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text('Lee blamed the outage\n\n"We will fix it," Mayor Ann Lee said on Monday.\n', encoding="utf-8")
    code, out, _ = run(capsys, "convert", str(source), "--to", "md")
    assert code == 0 and out.startswith("---\n")  # front matter by default
    code, out, _ = run(capsys, "convert", str(source), "--to", "md", "-O", "front_matter=false")
    assert code == 0 and not out.startswith("---")
    code, out, _ = run(capsys, "convert", str(source), "-O", "indent=none")
    assert code == 0 and out.count("\n") == 1  # compact JSON, one line
    assert json.loads(out)["quotes"]
    code, out, _ = run(capsys, "convert", str(source), "-O", "quotes=false", "--option", "indent=none")
    assert code == 0 and json.loads(out)["quotes"] == []


@pytest.mark.parametrize(
    ("flag", "message"),
    [("foo", "expected KEY=VALUE"), ("tz=UTC", "tz is set with --tz"), ("max-size=1", "--max-size")],
)
def test_bad_option_flags_are_usage_errors(capsys: pytest.CaptureFixture[str], flag: str, message: str) -> None:
    code, _, err = run(capsys, "convert", "x.txt", "-O", flag)
    assert code == 2
    assert message in err
