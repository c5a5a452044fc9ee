"""Signals and stalls (issue 15, items 7, 8 and 9), with the command run as a subprocess and
sent real signals: SIGTERM acts like Ctrl-C and exits 143, a double Ctrl-C never hangs nor
prints a traceback, no worker outlives the command, no temporary file or folder is left, and
``--timeout`` stops a parse that never returns to Python, and a stdin that never ends."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from articlekit import workers

from . import slow_cli
from .test_cli_batch import leftovers, run

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc (Linux)")


def slow_folder(root: Path, count: int, stuck: int | None = None) -> Path:
    folder = root / "in"
    folder.mkdir()
    for index in range(count):
        (folder / f"{index:03d}.slow").write_text("STUCK\n" if index == stuck else f"story {index}\n")
    return folder


def workers_of(proc: subprocess.Popen[bytes], count: int) -> list[int]:
    slow_cli.wait_for(lambda: len(slow_cli.children(proc.pid)) >= count)
    return slow_cli.children(proc.pid)


@pytest.mark.parametrize(("jobs", "timeout"), [("1", "0"), ("1", "300"), ("2", "300")])
def test_sigterm_stops_like_ctrl_c_cleans_up_and_exits_143(tmp_path: Path, jobs: str, timeout: str) -> None:
    source = slow_folder(tmp_path, 300)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    out = tmp_path / "out"
    argv = ["convert", str(source), "-o", str(out), "-j", jobs, "--timeout", timeout]
    proc = slow_cli.start(*argv, tmp=tmp, SLOW_PARSE="0.05")
    workers = workers_of(proc, int(jobs)) if timeout != "0" else []  # --timeout 0 -j 1: no worker
    try:
        slow_cli.wait_for(lambda: len(list(out.glob("*.json"))) >= 5)
        proc.send_signal(signal.SIGTERM)  # to the command alone, as `kill` or a service manager does
        _, err = proc.communicate(timeout=30)
        text = err.decode()
        assert proc.returncode == 143, text
        assert "terminated (SIGTERM) after" in text and "of 300 inputs" in text
        assert "Traceback" not in text
        slow_cli.wait_for(lambda: not any(slow_cli.running(pid) for pid in workers), 10)
    finally:
        slow_cli.stop(workers)
    done = sorted(out.glob("*.json"))
    assert 5 <= len(done) < 300
    assert all(json.loads(p.read_bytes())["headline"].startswith("story") for p in done)
    assert leftovers(tmp_path) == []
    assert list(tmp.iterdir()) == []  # the articlekit-batch-* spool folder is gone


def test_a_double_ctrl_c_during_cleanup_never_hangs_nor_prints_a_traceback(tmp_path: Path) -> None:
    # one worker is stuck where no signal reaches it (it blocks SIGTERM): stopping it takes the
    # cleanup's full grace, and the second Ctrl-C lands in the middle of that
    source = slow_folder(tmp_path, 60, stuck=1)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    out = tmp_path / "out"
    proc = slow_cli.start("convert", str(source), "-o", str(out), "-j", "2", "--timeout", "0", tmp=tmp)
    workers = workers_of(proc, 2)
    try:
        slow_cli.wait_for(lambda: len(list(out.glob("*.json"))) >= 1)
        started = time.monotonic()
        os.killpg(proc.pid, signal.SIGINT)
        time.sleep(0.3)
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=30)
        assert time.monotonic() - started < 15
        text = err.decode()
        assert proc.returncode == 130, text
        assert "interrupted after" in text and "Traceback" not in text
        slow_cli.wait_for(lambda: not any(slow_cli.running(pid) for pid in workers), 10)
    finally:
        slow_cli.stop(workers)
    assert leftovers(tmp_path) == []
    assert list(tmp.iterdir()) == []


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_timeout_stops_a_parse_that_never_returns_to_python(tmp_path: Path, jobs: str) -> None:
    source = slow_folder(tmp_path, 4, stuck=1)
    out = tmp_path / "out"
    started = time.monotonic()
    proc = slow_cli.start(
        "convert", str(source), "-o", str(out), "-j", jobs, "--timeout", "1", "--errors", str(tmp_path / "e.jsonl")
    )
    _, err = proc.communicate(timeout=60)
    assert time.monotonic() - started < 20  # not the 60 s the parse would take
    text = err.decode()
    assert proc.returncode == 1, text
    assert f"{source / '001.slow'}: took longer than 1 s; stopped" in text
    assert sorted(p.name for p in out.glob("*.json")) == ["000.json", "002.json", "003.json"]
    assert [json.loads(line)["error"] for line in (tmp_path / "e.jsonl").read_text().splitlines()] == ["Timeout"]


def test_a_stdin_that_never_ends_stops_at_the_timeout(tmp_path: Path) -> None:
    started = time.monotonic()
    proc = slow_cli.start("convert", "-", "--from", "text", "--timeout", "1", stdin=subprocess.PIPE)
    assert proc.stdin is not None
    proc.stdin.write(b"A headline\n\nA first paragraph that never ends")
    proc.stdin.flush()  # and the pipe stays open
    try:
        proc.wait(timeout=30)  # (not communicate: it would close the pipe)
    finally:
        proc.stdin.close()
    assert time.monotonic() - started < 15
    assert proc.stderr is not None
    err = proc.stderr.read().decode()
    assert proc.returncode == 1, err
    assert "-: took longer than 1 s; stopped" in err


def test_an_endless_stdin_without_a_timeout_stops_at_the_size_limit(tmp_path: Path) -> None:
    producer = subprocess.Popen(["yes", "a line of an endless input"], stdout=subprocess.PIPE)
    try:
        proc = slow_cli.start("convert", "-", "--timeout", "0", "--max-size", "1M", stdin=producer.stdout)
        _, err = proc.communicate(timeout=60)
    finally:
        producer.kill()
        producer.wait()
    assert proc.returncode == 1
    assert "larger than the 1,048,576-byte limit" in err.decode()


def test_a_device_that_never_ends_stops_at_the_size_limit(capsys: pytest.CaptureFixture[str]) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero")
    started = time.monotonic()
    code, _, err = run(capsys, "convert", "/dev/zero", "--timeout", "0", "--max-size", "1M")
    assert code == 1 and "/dev/zero: input is larger than the 1,048,576-byte limit" in err
    assert time.monotonic() - started < 30


def test_workers_die_with_the_command_even_when_it_is_killed(tmp_path: Path) -> None:
    source = slow_folder(tmp_path, 8, stuck=0)
    tmp = tmp_path / "tmp"  # where the killed command's spool folder stays
    tmp.mkdir()
    argv = ["convert", str(source), "-o", str(tmp_path / "out"), "-j", "2", "--timeout", "0"]
    proc = slow_cli.start(*argv, tmp=tmp)
    workers = workers_of(proc, 2)
    try:
        proc.kill()  # SIGKILL: no cleanup runs in the command
        proc.communicate(timeout=30)
        slow_cli.wait_for(lambda: not any(slow_cli.running(pid) for pid in workers), 10)
    finally:
        slow_cli.stop(workers)


def _twice(_context: object, task: int) -> int:
    return task * 2


def _lost_task(_task: int, why: str, _detail: str) -> int:
    raise AssertionError(f"task lost: {why}")


@pytest.mark.skipif(
    not hasattr(signal, "pthread_sigmask") or multiprocessing.get_start_method() != "fork",
    reason="signal masks inherited by fork",
)
def test_a_worker_starts_with_the_stop_signals_blocked_until_it_has_its_own_handlers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a worker stopped at once (a batch whose every input is skipped) used to run the main
    # process's SIGTERM handler, inherited by fork, and print "Exception ignored ... Terminated"
    seen = tmp_path / "mask"
    serve = workers._serve

    def recording(conn: Any, work: Any, context: Any, parent: int) -> None:
        seen.write_text(" ".join(str(int(sig)) for sig in sorted(signal.pthread_sigmask(signal.SIG_BLOCK, []))))
        serve(conn, work, context, parent)
        # (the worker's own handlers are in place: the stop signals are no longer blocked)

    monkeypatch.setattr(workers, "_serve", recording)
    pool: workers.WorkerPool[int, int] = workers.WorkerPool(1, _twice, None, _lost_task)
    try:
        assert [result for _key, result in pool.map((key, key) for key in range(3))] == [0, 2, 4]
    finally:
        pool.close()
    blocked = {int(word) for word in seen.read_text().split()}
    assert {int(signal.SIGINT), int(signal.SIGTERM)} <= blocked
    assert not {signal.SIGINT, signal.SIGTERM} & signal.pthread_sigmask(signal.SIG_BLOCK, [])  # restored here
