"""The ``articlekit`` command with a slow test parser, for tests that run it as a subprocess
and send it real signals.

The parser ``slow`` reads ``.slow`` and ``.slo`` files, one article per line, after sleeping
``SLOW_PARSE`` seconds (environment, default 0.03). An input whose first line is ``STUCK``
blocks the signals a parser written in Python could be stopped by, and SIGTERM, then sleeps a
minute: a parser stuck in a C library. ``SLOW_WRITE`` (seconds, default 0) slows every output
written, like a slow disk, so that an interrupt can land while an input's outputs are written.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

SCRIPT = """
import os, signal, sys, time
import articlekit
import articlekit.batch
from articlekit import Article, ParserSpec, hookimpl

# Ctrl-C as from a terminal, even when the tests run as a background job of a shell (which
# starts its children with SIGINT ignored)
signal.signal(signal.SIGINT, signal.default_int_handler)

class Slow:
    @hookimpl
    def articlekit_parsers(self):
        def parse(document, options):
            lines = [line.strip() for line in document.data.decode().splitlines() if line.strip()]
            if lines[:1] == ["STUCK"]:
                signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM, signal.SIGTERM})
                time.sleep(60)
            time.sleep(float(os.environ.get("SLOW_PARSE", "0.03")))
            for line in lines:
                yield Article(headline=line)
        return [ParserSpec(name="slow", parse=parse, extensions=(".slow", ".slo"))]

articlekit.register_plugin(Slow(), name="slow")
write = articlekit.batch.write_atomic
pause = float(os.environ.get("SLOW_WRITE", "0"))

def slow_write(path, data, *, force=False):
    time.sleep(pause)
    write(path, data, force=force)

articlekit.batch.write_atomic = slow_write
from articlekit.cli import main
sys.exit(main(sys.argv[1:]))
"""


def start(*argv: str, tmp: Path | None = None, stdin: Any = subprocess.DEVNULL, **env: str) -> subprocess.Popen[bytes]:
    """``articlekit`` with the slow parser, in a session of its own (its own process group);
    ``tmp`` is its TMPDIR (where ``articlekit-batch-*`` folders go)."""
    environ = {**os.environ, **env}
    if tmp is not None:
        environ["TMPDIR"] = str(tmp)
    return subprocess.Popen(
        [sys.executable, "-c", SCRIPT, *argv],
        stdin=stdin,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        start_new_session=True,
        env=environ,
    )


def wait_for(condition: Callable[[], bool], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.02)
    raise AssertionError("the batch did not get there in time")


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def running(pid: int) -> bool:
    """True while ``pid`` exists and is not a zombie."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def stop(processes: Iterator[int] | list[int]) -> None:
    """Kill what a failed test may have left (never reached when the test passes)."""
    for pid in processes:
        if running(pid):
            os.kill(pid, signal.SIGKILL)
