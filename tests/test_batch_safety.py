"""Where a batch reads and writes (issue 15, items 5, 6, 11, 12 and 15): never its own outputs,
an unreadable folder reported, ``--force`` replacing regular files only, no symbolic link
inside the output folder followed, names cut by bytes, and a full disk a WriteError."""

from __future__ import annotations

import errno
import json
import os
import signal
import stat
import tempfile
from pathlib import Path

import pytest

import articlekit.output
from articlekit.errors import WriteError
from articlekit.output import NAME_BYTES, atomic_writer, safe_name

from .test_cli_batch import article_json, files, leftovers, run

# -- item 5: the batch never reads its own outputs ----------------------------------------------


def flat_folder(root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    for index in range(3):
        (root / f"{index}.json").write_bytes(article_json(f"Story {index}"))


def test_a_folder_without_sub_folders_never_reads_its_gathered_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    flat_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    for _ in range(3):
        code, _, err = run(capsys, "convert", ".", "-o", "all.jsonl", "--force", "-q")
        assert code == 0, err
        assert len((tmp_path / "all.jsonl").read_text().splitlines()) == 3


def test_a_glob_or_a_named_file_never_reads_the_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    flat_folder(tmp_path / "in")
    target = tmp_path / "in" / "all.json"  # matched by the glob below once written
    for _ in range(2):
        code, _, err = run(
            capsys, "convert", str(tmp_path / "in" / "*.json"), "-o", str(target), "--to", "jsonl", "--force"
        )
        assert code == 0, err
        assert len(target.read_text().splitlines()) == 3
    # as the shell would expand the glob: the output named among the inputs is not read, and says so
    named = sorted(str(p) for p in (tmp_path / "in").glob("*.json"))
    code, _, err = run(capsys, "convert", *named, "-o", str(target), "--to", "jsonl", "--force")
    assert code == 0
    assert f"{target}: not read: it is this command's own output" in err
    assert len(target.read_text().splitlines()) == 3


def test_nothing_inside_the_output_folder_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    flat_folder(tmp_path / "in")
    out = tmp_path / "in" / "out"
    assert run(capsys, "convert", str(tmp_path / "in"), "-o", str(out), "-q")[0] == 0
    code, _, err = run(capsys, "convert", str(tmp_path / "in" / "**" / "*.json"), "-o", str(out), "--force", "-q")
    assert code == 0, err
    assert sorted(files(out)) == ["0.json", "1.json", "2.json"]


def test_a_link_to_an_output_inside_the_input_folder_is_not_followed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    flat_folder(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    (tmp_path / "in" / "sub").symlink_to(out)  # the output folder, under another name
    for _ in range(2):
        assert run(capsys, "convert", str(tmp_path / "in"), "-o", str(out), "--force", "-q")[0] == 0
        assert sorted(files(out)) == ["0.json", "1.json", "2.json"]
    (tmp_path / "in" / "sub").unlink()
    (tmp_path / "all.jsonl").write_text("")
    (tmp_path / "in" / "all.jsonl").symlink_to(tmp_path / "all.jsonl")  # the gathered output
    for _ in range(2):
        assert run(capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "all.jsonl"), "--force", "-q")[0] == 0
        assert len((tmp_path / "all.jsonl").read_text().splitlines()) == 3


# -- item 6: an unreadable sub-folder is reported and fails ---------------------------------------


def test_an_unreadable_sub_folder_is_one_line_and_counts_as_failed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    flat_folder(tmp_path / "in")
    flat_folder(tmp_path / "in" / "locked")
    locked = str(tmp_path / "in" / "locked")
    real_scandir = os.scandir

    def scandir(path: object) -> object:  # as chmod 000 does for anyone but root
        if isinstance(path, str) and path == locked:
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, _, err = run(capsys, "convert", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert code == 1
    lines = [line for line in err.splitlines() if "locked" in line]
    assert lines == [
        f"articlekit: error: {locked}: cannot read this folder: Permission denied; its files are not converted"
    ]
    assert "3 converted, 1 failed, 0 skipped" in err


# -- item 11: --force replaces regular files only; links inside -o are never followed -----------


def special(tmp_path: Path, kind: str) -> Path:
    node = tmp_path / f"node-{kind}"
    if kind == "fifo":
        os.mkfifo(node)
    elif kind == "symlink":
        (tmp_path / "elsewhere.jsonl").write_text("keep me\n")
        node.symlink_to(tmp_path / "elsewhere.jsonl")
    elif kind == "folder":
        node.mkdir()
        (node / "keep.txt").write_text("keep me\n")
    else:
        try:
            os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a /dev/null of our own
        except (PermissionError, OSError):
            pytest.skip("cannot make a device node here")
    return node


@pytest.mark.parametrize("kind", ["fifo", "symlink", "device"])
@pytest.mark.parametrize("flag", ["-o", "--errors"])
def test_force_never_replaces_a_device_a_fifo_or_a_symlink(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, flag: str
) -> None:
    node = special(tmp_path, kind)
    before = os.lstat(node)
    (tmp_path / "a.json").write_bytes(article_json("Story"))
    argv = ["convert", str(tmp_path / "a.json"), flag, str(node), "--force"]
    if flag == "--errors":
        argv += ["-o", str(tmp_path / "out.json")]
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert "not a regular file; only regular files are replaced" in err
    after = os.lstat(node)
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)
    if kind == "symlink":
        assert (tmp_path / "elsewhere.jsonl").read_text() == "keep me\n"


@pytest.mark.parametrize("kind", ["fifo", "symlink", "device", "folder"])
def test_atomic_writer_with_force_refuses_what_is_not_a_regular_file(tmp_path: Path, kind: str) -> None:
    node = special(tmp_path, kind)
    with pytest.raises(WriteError, match="not a regular file"), atomic_writer(node, force=True) as fh:
        fh.write(b"x")
    assert leftovers(tmp_path) == []


def test_a_symlink_planted_inside_the_output_folder_is_never_followed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "a.json").write_bytes(article_json("A"))
    (tmp_path / "in" / "sub" / "b.json").write_bytes(article_json("B"))
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.json").write_text("keep me")
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").symlink_to(outside)  # a folder link: b.json would land outside
    (out / "a.json").symlink_to(outside / "a.json")  # a file link: --force would write through it
    for force in ([], ["--force"]):
        code, _, err = run(capsys, "convert", str(tmp_path / "in"), "-o", str(out), *force)
        assert code == 1
        assert "sub: is a symbolic link inside the output folder; outputs never follow one" in err
        assert sorted(p.name for p in outside.iterdir()) == ["a.json"]
        assert (outside / "a.json").read_text() == "keep me"
    assert "a.json: is a symbolic link, not a regular file" in err


def test_a_link_planted_between_two_runs_is_not_followed_on_resume(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "sub" / "b.json").write_bytes(article_json("B"))
    out = tmp_path / "out"
    assert run(capsys, "convert", str(tmp_path / "in"), "-o", str(out), "-q")[0] == 0
    outside = tmp_path / "outside"
    (out / "sub").rename(outside)
    (out / "sub").symlink_to(outside)  # b.json is still found through it: b is skipped
    (tmp_path / "in" / "sub" / "c.json").write_bytes(article_json("C"))
    code, _, err = run(capsys, "convert", str(tmp_path / "in"), "-o", str(out), "--skip-existing")
    assert code == 1
    assert "c.json: " in err and "sub: is a symbolic link inside the output folder" in err
    assert "0 converted, 1 failed, 1 skipped" in err
    assert sorted(p.name for p in outside.iterdir()) == ["b.json"]


# -- item 12: long names, a file beside a folder of the same name, -o equal to --errors ------------


def test_names_are_cut_by_bytes_so_long_cjk_names_work(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert len(safe_name("新" * 80).encode()) <= NAME_BYTES
    assert safe_name("新" * 80) == "新" * (NAME_BYTES // 3)
    assert safe_name("é" * 100).encode().decode() == "é" * (NAME_BYTES // 2)
    (tmp_path / "in").mkdir()
    long_stem = "新闻" * 40  # 80 characters, 240 bytes: a legal name, too long with a suffix
    (tmp_path / "in" / f"{long_stem}.json").write_bytes(article_json("標題" * 40))
    lines = b"".join(json.dumps(json.loads(article_json(f"記事 {i}"))).encode() + b"\n" for i in range(3))
    (tmp_path / "in" / f"{long_stem[:-1]}.jsonl").write_bytes(lines)
    for naming in ("input", "headline"):
        out = tmp_path / f"out-{naming}"
        code, _, err = run(capsys, "convert", str(tmp_path / "in"), "-o", str(out), "--names", naming)
        assert code == 0, err
        names = sorted(files(out))
        assert len(names) == 4
        assert all(len(name.encode()) <= NAME_BYTES + len("-001-2.json") for name in names)


def test_a_file_beside_a_folder_of_its_outputs_name_takes_a_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in" / "x.json").mkdir(parents=True)
    (tmp_path / "in" / "x.txt").write_text("A headline\n\nThe first paragraph.\n")
    (tmp_path / "in" / "x.json" / "y.json").write_bytes(article_json("Inside"))
    for pattern in ("", "**/*"):
        out = tmp_path / f"out{len(pattern)}"
        source = str(tmp_path / "in" / pattern) if pattern else str(tmp_path / "in")
        code, _, err = run(capsys, "convert", source, "-o", str(out))
        assert code == 0, err
        assert sorted(files(out)) == ["x-2.json", "x.json/y.json"]


def test_output_and_errors_naming_one_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.json").write_bytes(article_json("A"))
    target = tmp_path / "same.jsonl"
    code, _, err = run(capsys, "convert", str(tmp_path / "a.json"), "-o", str(target), "--errors", str(target))
    assert code == 2
    assert "--errors and -o name the same file" in err
    assert not target.exists()


# -- item 15: a full disk is a WriteError ------------------------------------------------------


@pytest.mark.parametrize("target", ["out", "all.jsonl", "errors"])
def test_a_full_disk_is_a_write_error_not_a_bug(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    flat_folder(tmp_path / "in")
    (tmp_path / "in" / "bad.json").write_bytes(b"{")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(articlekit.output.os, "fsync", full)
    argv = ["convert", str(tmp_path / "in"), "-j", "1"]
    if target == "errors":
        argv += ["-o", str(tmp_path / "all.jsonl"), "--errors", str(tmp_path / "errors.jsonl")]
    else:
        argv += ["-o", str(tmp_path / target)]
    code, _, err = run(capsys, *argv)
    assert code == 1
    assert "cannot write: No space left on device" in err
    assert "unexpected" not in err and "please report it" not in err
    assert leftovers(tmp_path) == []
    if target == "out":
        assert files(tmp_path / "out") == {}
        assert err.count("No space left on device") == 3  # one line per input, and the batch goes on
    else:
        assert not (tmp_path / "all.jsonl").exists()


def test_a_full_disk_while_writing_a_gathered_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(WriteError, match=r"all.jsonl: cannot write: No space left on device"):  # noqa: SIM117
        with atomic_writer(tmp_path / "all.jsonl") as fh:
            fh.write(b"one line\n")
            raise OSError(errno.ENOSPC, "No space left on device")
    assert list(tmp_path.iterdir()) == []


def test_a_full_temporary_folder_is_a_write_error_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import articlekit.batch

    many = b"".join(
        json.dumps(json.loads(article_json(f"Item {i}"))).encode() + b"\n"
        for i in range(articlekit.batch._SPILL_AFTER + 2)
    )
    (tmp_path / "many.jsonl").write_bytes(many)

    class FullTemporaryFolder:
        mkdtemp = staticmethod(tempfile.mkdtemp)

        @staticmethod
        def mkstemp(*_args: object, **_kwargs: object) -> tuple[int, str]:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(articlekit.batch, "tempfile", FullTemporaryFolder)  # the batch's spool only
    out = f"{tmp_path / 'out'}/"
    code, _, err = run(capsys, "convert", str(tmp_path / "many.jsonl"), "-o", out, "--timeout", "0")
    assert code == 1
    assert "cannot write temporary results: No space left on device" in err
    assert "(after 32 articles, which are kept)" in err
    assert "unexpected" not in err


def test_an_output_named_near_the_limit_is_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.json").write_bytes(article_json("A"))
    target = tmp_path / ("n" * 245 + ".json")  # 250 bytes: the temporary name beside it is cut
    code, _, err = run(capsys, "convert", str(tmp_path / "a.json"), "-o", str(target))
    assert code == 0, err
    assert json.loads(target.read_bytes())["headline"] == "A"
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="no signal masks on this platform")
def test_ctrl_c_just_after_the_temporary_file_is_made_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Ctrl-C that lands between making the temporary file and noting its name (seen in a
    batch interrupted under load: a ``.name.json.XXXX.tmp`` left in the output folder) is held
    until the name is noted, and the file is removed."""
    import signal

    made = tempfile.mkstemp

    def mkstemp_then_interrupted(**kwargs: object) -> tuple[int, str]:
        made_now = made(**kwargs)  # type: ignore[call-overload]
        os.kill(os.getpid(), signal.SIGINT)  # as if Ctrl-C came now
        for _ in range(1000):  # places where Python runs a signal handler that arrived
            pass
        return made_now  # type: ignore[no-any-return]

    monkeypatch.setattr(articlekit.output.tempfile, "mkstemp", mkstemp_then_interrupted)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt), atomic_writer(tmp_path / "out.json") as fh:
            fh.write(b"{}")
    finally:
        signal.signal(signal.SIGINT, previous)
    assert list(tmp_path.iterdir()) == []


def test_an_interrupt_while_the_temporary_file_is_set_up_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(fd: int, mode: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(articlekit.output.os, "fchmod", interrupted, raising=False)
    with pytest.raises(KeyboardInterrupt), atomic_writer(tmp_path / "out.json") as fh:
        fh.write(b"{}")
    assert list(tmp_path.iterdir()) == []
