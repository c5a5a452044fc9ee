"""Resuming a batch (issue 15, items 1 and 2): the manifest, same-stem inputs, many-article
inputs, and a real interrupt followed by ``--skip-existing`` giving exactly the outputs of a
run that was never interrupted, with ``--jobs 1`` and ``--jobs 2``."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

import pytest

import articlekit.batch
from articlekit.cli import main
from articlekit.manifest import MANIFEST_NAME, Manifest

from . import slow_cli
from .test_cli_batch import article_json, files, leftovers, run


def story(headline: str) -> str:
    return f"{headline}\n\nThe council met on Monday to discuss the {headline.lower()} plan.\n"


def same_stem_inputs(root: Path) -> list[str]:
    """Two inputs named on the command line with one stem, and a folder holding another pair."""
    for folder in ("a", "b"):
        (root / folder).mkdir(parents=True)
        (root / folder / "story.txt").write_text(story(f"Story from {folder}"))
    (root / "in").mkdir()
    (root / "in" / "story.txt").write_text(story("Plain story"))
    (root / "in" / "story.json").write_bytes(article_json("Story in JSON"))
    return [str(root / "a" / "story.txt"), str(root / "b" / "story.txt"), str(root / "in")]


def test_skip_existing_never_drops_an_input_that_shares_a_stem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = same_stem_inputs(tmp_path)
    out = tmp_path / "out"
    code, _, err = run(capsys, "convert", *inputs, "-o", str(out), "--skip-existing")
    assert code == 0, err
    assert "4 converted, 0 failed, 0 skipped" in err
    written = files(out)
    assert sorted(written) == ["story-2.json", "story-3.json", "story-4.json", "story.json"]
    headlines = {json.loads(data)["headline"] for data in written.values()}
    assert headlines == {"Story from a", "Story from b", "Plain story", "Story in JSON"}
    # run again: everything is skipped, nothing is written twice, the names stay
    code, _, err = run(capsys, "convert", *inputs, "-o", str(out), "--skip-existing")
    assert code == 0 and "0 converted, 0 failed, 4 skipped" in err
    assert files(out) == written


def test_the_manifest_records_each_output_and_each_finished_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = same_stem_inputs(tmp_path)
    out = tmp_path / "out"
    assert run(capsys, "convert", *inputs, "-o", str(out))[0] == 0
    records = [json.loads(line) for line in (out / MANIFEST_NAME).read_text().splitlines()]
    outputs = [
        (Path(r["input"]).parent.name, r["argument"], r["article"], r["output"]) for r in records if "output" in r
    ]
    assert outputs == [
        ("a", 0, 1, "story.json"),
        ("b", 1, 1, "story-2.json"),
        ("in", 2, 1, "story-3.json"),
        ("in", 2, 1, "story-4.json"),
    ]
    assert [r["done"] for r in records if "done" in r] == [1, 1, 1, 1]
    source = tmp_path / "a" / "story.txt"
    first = records[0]
    assert first["input"] == str(source.resolve()) and first["size"] == source.stat().st_size
    # an input that changed since is converted again (its old output is not replaced without --force)
    source.write_text(story("Story from a, corrected"))
    entries = Manifest(out, load=True)
    assert len(entries.entries) == 4
    code, _, err = run(capsys, "convert", *inputs, "-o", str(out), "--skip-existing")
    assert code == 1 and "story.json: exists; use --force" in err and "0 converted, 1 failed, 3 skipped" in err


def test_a_cut_last_line_of_the_manifest_is_ignored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inputs = same_stem_inputs(tmp_path)
    out = tmp_path / "out"
    assert run(capsys, "convert", *inputs, "-o", str(out))[0] == 0
    expected = files(out)
    manifest = out / MANIFEST_NAME
    lines = manifest.read_bytes().splitlines(keepends=True)
    # the last input's output line is whole, its "done" line cut short by a crash
    manifest.write_bytes(b"".join(lines[:-1]) + lines[-1][:20])
    code, _, err = run(capsys, "convert", *inputs, "-o", str(out), "--skip-existing")
    assert code == 0 and "0 converted, 0 failed, 4 skipped" in err
    assert files(out) == expected


def _many_lines(count: int) -> bytes:
    return b"".join(json.dumps(json.loads(article_json(f"Item {i}"))).encode() + b"\n" for i in range(count))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_many_article_input_interrupted_while_written_resumes_where_it_stopped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    inputs = same_stem_inputs(tmp_path)
    (tmp_path / "in" / "many.jsonl").write_bytes(_many_lines(3 * articlekit.batch._SPILL_AFTER))
    (tmp_path / "in" / "zz.txt").write_text(story("Last story"))
    clean = tmp_path / "clean"
    assert run(capsys, "convert", *inputs, "-o", str(clean), "-j", jobs, "-q")[0] == 0
    expected = files(clean)
    assert len(expected) == 4 + 3 * articlekit.batch._SPILL_AFTER + 1

    real = articlekit.batch.write_atomic
    calls = []

    def interrupted_write(path: Path, data: bytes, *, force: bool = False) -> None:
        calls.append(path)
        if len(calls) == 40:  # in the middle of many.jsonl's 96 outputs
            raise KeyboardInterrupt
        real(path, data, force=force)

    monkeypatch.setattr(articlekit.batch, "write_atomic", interrupted_write)
    out = tmp_path / "out"
    code, _, err = run(capsys, "convert", *inputs, "-o", str(out), "-j", jobs)
    assert code == 130 and "run again with --skip-existing" in err
    partial = files(out)
    assert len(partial) == 39 and set(partial.items()) <= set(expected.items())
    monkeypatch.setattr(articlekit.batch, "write_atomic", real)
    code, _, err = run(capsys, "convert", *inputs, "-o", str(out), "-j", jobs, "--skip-existing")
    assert code == 0, err
    assert files(out) == expected
    assert leftovers(tmp_path) == []


# -- a real interrupt, in a subprocess ------------------------------------------------------------

MANY = 80


def slow_inputs(root: Path) -> list[str]:
    """Same stems in a folder and on the command line, and an input holding MANY articles."""
    for index in range(6):
        folder = root / "in" / f"d{index}"
        folder.mkdir(parents=True)
        (folder / "item.slow").write_text(f"item {index}\n")
        (folder / "item.slo").write_text(f"item {index} again\n")
    (root / "in" / "d3" / "many.slow").write_text("".join(f"article {i}\n" for i in range(MANY)))
    for name in ("p", "q"):
        (root / name).mkdir()
        (root / name / "story.slow").write_text(f"story from {name}\n")
    return [str(root / "in"), str(root / "p" / "story.slow"), str(root / "q" / "story.slow")]


def convert(*argv: str, tmp: Path) -> subprocess.Popen[bytes]:
    return slow_cli.start("convert", *argv, "-q", tmp=tmp, SLOW_WRITE="0.01")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_interrupt_and_resume_give_what_an_uninterrupted_run_gives(tmp_path: Path, jobs: str) -> None:
    inputs = slow_inputs(tmp_path)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    clean = tmp_path / "clean"
    done = convert(*inputs, "-o", str(clean), "-j", jobs, tmp=tmp)
    assert done.wait(timeout=120) == 0, done.communicate()[1].decode()
    expected = files(clean)
    assert len(expected) == 12 + MANY + 2
    assert {"story.json", "story-2.json", "d0/item.json", "d0/item-2.json", "d3/many-080.json"} <= set(expected)

    out = tmp_path / "out"
    proc = convert(*inputs, "-o", str(out), "-j", jobs, tmp=tmp)
    slow_cli.wait_for(lambda: len(list((out / "d3").glob("many-*.json"))) >= 10 if (out / "d3").is_dir() else False)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err.decode()
    assert "Traceback" not in err.decode()
    partial = files(out)
    assert set(partial.items()) < set(expected.items())  # no output that differs, some missing
    assert len(list((out / "d3").glob("many-*.json"))) < MANY, "interrupted too late to test a resume"

    resumed = convert(*inputs, "-o", str(out), "-j", jobs, "--skip-existing", tmp=tmp)
    _, err = resumed.communicate(timeout=120)
    assert resumed.returncode == 0, err.decode()
    assert files(out) == expected
    assert leftovers(tmp_path) == []
    assert list(tmp.iterdir()) == []  # no articlekit-batch-* folder left behind


def test_jobs_one_and_two_give_the_same_names_for_the_same_stems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = same_stem_inputs(tmp_path)
    for jobs in ("1", "2"):
        assert main(["convert", *inputs, "-o", str(tmp_path / f"out{jobs}"), "-j", jobs, "-q"]) == 0
    assert files(tmp_path / "out1") == files(tmp_path / "out2")
    capsys.readouterr()
