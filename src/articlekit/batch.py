"""Converting many inputs: gathering them, converting them in one or several processes, naming
and writing the outputs safely, and carrying on past bad files.

The order of the outputs never depends on ``jobs``: workers only parse and render, and the
main process writes every output in input order, so ``jobs=4`` gives the same bytes as
``jobs=1``. Inputs are walked lazily and at most a few per worker are in flight, so memory
stays flat however many files a batch holds.
"""

from __future__ import annotations

import contextlib
import fnmatch
import glob
import itertools
import json
import logging
import os
import pickle
import shutil
import signal
import stat
import sys
import tempfile
import threading
import time
import warnings
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import IO, Any, Literal

import attrs

from articlekit.api import parse_all
from articlekit.errors import ArticlekitError, ParseError, WriteError
from articlekit.inputs import DEFAULT_MAX_BYTES
from articlekit.model import Article
from articlekit.output import atomic_writer, safe_name, write_atomic
from articlekit.plugins import get_registry
from articlekit.registry import WriterSpec

__all__ = [
    "STDIN",
    "BatchResult",
    "Failure",
    "InputItem",
    "InputSet",
    "Naming",
    "capture_warnings",
    "collect_inputs",
    "convert_batch",
]

STDIN = "-"
"""The input name that means standard input."""

Naming = Literal["input", "id", "headline"]
"""How outputs in a folder are named: after the input file (default), the article's id, or
its headline; id and headline fall back to the input's name when missing."""

_CHUNK = 8
"""Inputs sent to a worker process at once: fewer round trips for small files."""
_CHUNKS_PER_JOB = 2
"""Chunks in flight per worker: enough to keep workers busy, few enough to keep memory flat."""


@attrs.frozen
class InputItem:
    """One input to convert: a path (or ``-``) and where its outputs go relative to ``-o``."""

    path: str
    relative: str
    """The output's place below ``-o``, as a POSIX path: the path below the input folder, or
    the bare file name for a file given by itself."""
    refused: str | None = None
    """Why this input is not read at all (a named pipe or a device found in a folder), or None."""


@attrs.frozen
class Failure:
    """An input that could not be converted."""

    input: str
    """The input's path, ``-`` for standard input."""
    reason: str
    """What was wrong, one line, without the input's name in front."""
    error: str = "ParseError"
    """The kind of error: ``ParseError``, ``UnknownFormatError``, ``WriteError``, or the name
    of an unexpected exception (a bug in a plugin)."""
    line: str = ""
    """The whole message as printed on the command line: ``input:line:column: reason``."""

    def record(self) -> dict[str, str]:
        """The JSON record written to ``--errors``."""
        return {"input": self.input, "error": self.error, "reason": self.reason, "message": self.line}


@attrs.define
class BatchResult:
    """What a batch did."""

    total: int = 0
    """Inputs in the batch."""
    converted: int = 0
    """Inputs converted."""
    skipped: int = 0
    """Inputs left alone because their output already existed (``skip_existing``)."""
    articles: int = 0
    """Articles written."""
    failed: list[Failure] = attrs.Factory(list)
    """Every input that failed, in input order."""
    interrupted: bool = False
    """True when the batch was stopped by Ctrl-C (KeyboardInterrupt)."""
    stopped: bool = False
    """True when ``fail_fast`` stopped the batch at its first failure."""
    warnings: int = 0
    """Warnings the parsers and enrichers gave (each reported through ``on_warning``)."""
    discarded: list[str] = attrs.Factory(list)
    """Outputs that were not written because the batch did not finish (no partial file is left)."""

    @property
    def processed(self) -> int:
        """Inputs done so far: converted, failed or skipped."""
        return self.converted + len(self.failed) + self.skipped


def _fixed_prefix(pattern: str) -> str:
    """The folder a glob pattern starts from: its leading components without wildcards."""
    parts = pattern.split(os.sep)[:-1]
    fixed = []
    for part in parts:
        if glob.has_magic(part):
            break
        fixed.append(part)
    return os.sep.join(fixed) if fixed != [""] else os.sep


def _matches(relative: str, patterns: Sequence[str]) -> bool:
    name = relative.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(relative, p) or fnmatch.fnmatchcase(name, p) for p in patterns)


@attrs.define
class InputSet:
    """The inputs named on the command line, walked lazily (folders recursively, in sorted order).

    ``include`` and ``exclude`` are glob patterns matched against each file's path below its
    folder and against its bare name (``*.xml``, ``drafts/*``); they apply to files found in
    folders, not to files named directly. Hidden files and folders are skipped. Symbolic links
    are followed, but a folder already visited (a link loop) is not entered again.
    """

    args: Sequence[str]
    include: Sequence[str] = ()
    exclude: Sequence[str] = ()
    avoid: Sequence[str | os.PathLike[str]] = ()
    """Paths never read as inputs: the batch's own outputs (``-o``, ``--errors``), so that
    ``convert . -o out/`` does not convert what it is writing."""
    _avoid: frozenset[str] | None = attrs.field(default=None, init=False, repr=False)
    missing: list[tuple[str, str]] = attrs.Factory(list)
    """``(argument, reason)`` for arguments that name nothing; filled by ``check``."""

    def check(self) -> list[tuple[str, str]]:
        """The arguments that name nothing, with the reason."""
        self.missing = []
        for arg in self.args:
            if arg == STDIN or os.path.lexists(arg):
                continue
            if glob.has_magic(arg):
                if not any(True for _ in self._glob(arg)):
                    self.missing.append((arg, "no file matches this pattern"))
            else:
                self.missing.append((arg, "no such file or folder"))
        return self.missing

    @property
    def several(self) -> bool:
        """True when the inputs can be more than one: several arguments, a folder or a glob."""
        return len(self.args) > 1 or any(
            arg != STDIN and (os.path.isdir(arg) or (glob.has_magic(arg) and not os.path.lexists(arg)))
            for arg in self.args
        )

    def count(self) -> int:
        """How many inputs there are (walks the folders once more)."""
        return sum(1 for _ in self)

    def __iter__(self) -> Iterator[InputItem]:
        for arg in self.args:
            if arg == STDIN:
                yield InputItem(STDIN, "stdin")
            elif os.path.isdir(arg):
                yield from self._walk(arg)
            elif os.path.lexists(arg):
                yield InputItem(arg, os.path.basename(arg))
            elif glob.has_magic(arg):
                base = _fixed_prefix(arg)
                for match in self._glob(arg):
                    if self._skipped(match):
                        continue
                    relative = os.path.relpath(match, base) if base else match
                    yield InputItem(match, relative.replace(os.sep, "/"))

    def _skipped(self, path: str) -> bool:
        if self._avoid is None:
            self._avoid = frozenset(os.path.realpath(p) for p in self.avoid)
        return bool(self._avoid) and os.path.realpath(path) in self._avoid

    @staticmethod
    def _glob(pattern: str) -> Iterator[str]:
        for match in sorted(glob.iglob(pattern, recursive=True)):
            if os.path.isfile(match):
                yield match

    def _walk(self, top: str) -> Iterator[InputItem]:
        """The files below ``top`` in the order ``os.walk`` gives (a folder's files, then each
        sub-folder in turn), sorted by name; one ``scandir`` per folder, no ``stat`` per file."""
        seen: set[tuple[int, int]] = set()
        pending: list[tuple[str, str]] = [(top, "")]
        while pending:
            folder, prefix = pending.pop()
            try:
                info = os.stat(folder)
                key = (info.st_dev, info.st_ino)
                if key in seen:  # a symbolic link back to a folder already walked
                    continue
                seen.add(key)
                with os.scandir(folder) as listing:
                    entries = sorted(listing, key=lambda entry: entry.name)
            except OSError:
                continue
            real = os.path.realpath(folder) if self.avoid else ""
            folders: list[tuple[str, str]] = []
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if _is_dir(entry):
                    if not self._skipped(entry.path):
                        folders.append((entry.path, f"{prefix}{entry.name}/"))
                    continue
                relative = prefix + entry.name
                if self.avoid and os.path.join(real, entry.name) in (self._avoid or ()):
                    continue
                if self.include and not _matches(relative, self.include):
                    continue
                if self.exclude and _matches(relative, self.exclude):
                    continue
                yield InputItem(entry.path, relative, _refusal(entry))
            pending.extend(reversed(folders))


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _refusal(entry: os.DirEntry[str]) -> str | None:
    """Why a folder's entry is not read: reading a named pipe or a device may never end."""
    try:
        if entry.is_file() or not os.path.exists(entry.path):
            return None  # a regular file, or a dangling link whose reading says why it fails
        mode = entry.stat().st_mode
    except OSError:
        return None
    kind = "a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    return f"not a regular file ({kind}); name it on the command line to read it"


def collect_inputs(args: list[str]) -> tuple[list[InputItem], list[tuple[str, str]]]:
    """Every input named by ``args`` as a list, and ``(argument, reason)`` for arguments
    that name nothing. Prefer [`InputSet`][articlekit.batch.InputSet] for large batches."""
    inputs = InputSet(args)
    missing = inputs.check()
    return list(inputs), missing


# -- the work done for one input, in a worker process or in this one ----------------------------


@attrs.frozen
class _Job:
    """What every worker needs to know, sent once when it starts."""

    to: str
    fmt: str | None
    options: dict[str, Any]
    render: bool
    """True: render each article with the writer (one output per article); False: send the
    articles back for a writer that gathers many into one output."""
    timeout: float = 0.0
    """Seconds one input may take (0: no limit)."""
    spool: str | None = None
    """The folder where the results of an input holding many articles are spilled, so that
    neither a worker nor the main process holds them all in memory."""


_Task = tuple[str, "bytes | None"]
"""One input for a worker: its path, and its bytes when it is standard input."""


class _TimedOut(BaseException):
    """Raised into a parser that has run past the time limit. A BaseException, so that a
    plugin's ``except Exception`` cannot swallow it."""


@contextlib.contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Interrupt the work after ``seconds`` (Unix main thread only; elsewhere, no limit). Code
    running inside a C library is interrupted when it returns to Python. A timer already set
    by the caller (a test's own limit) is put back afterwards."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise _TimedOut

    previous_handler = signal.signal(signal.SIGALRM, expire)
    previous_delay, _interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    started = time.monotonic()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_delay > 0:
            signal.setitimer(signal.ITIMER_REAL, max(0.001, previous_delay - (time.monotonic() - started)))


class _LogNotes(logging.Handler):
    def __init__(self, notes: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.notes = notes

    def emit(self, record: logging.LogRecord) -> None:
        self.notes.append(f"{record.name}: {record.getMessage()}")


@contextlib.contextmanager
def capture_warnings() -> Iterator[list[str]]:
    """Collect, instead of printing, what parsers and enrichers warn about while the block runs:
    Python warnings and records of level WARNING or above from the ``articlekit`` loggers.
    Yields the list the messages (one line each, in order, without repeats) are added to.
    Main thread only (``warnings.catch_warnings`` is process-wide)."""
    notes: list[str] = []
    handler = _LogNotes(notes)
    logger = logging.getLogger("articlekit")
    logger.addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield notes
            notes[:0] = [str(w.message) for w in caught]
    finally:
        logger.removeHandler(handler)
        unique = list(dict.fromkeys(" ".join(note.split()) for note in notes))
        notes[:] = unique


_SPILL_AFTER = 32
"""Articles of one input kept in memory; beyond, they go to a temporary file in ``_Job.spool``."""

Label = tuple["str | None", str]
"""``(id, headline)`` of an article, for naming its output."""


class _Results:
    """The articles of one input, each as ``(label, payload)`` (payload: the rendered output,
    or the Article for a gathering writer), in memory while few, then spilled to a file."""

    def __init__(self, folder: str | None) -> None:
        self.folder = folder
        self.count = 0
        self.kept: list[tuple[Label, Any]] = []
        self.path: str | None = None
        self._file: IO[bytes] | None = None

    def add(self, label: Label, payload: Any) -> None:
        self.count += 1
        if self._file is None and (self.folder is None or len(self.kept) < _SPILL_AFTER):
            self.kept.append((label, payload))
            return
        if self._file is None:
            handle, self.path = tempfile.mkstemp(prefix="spool-", dir=self.folder)
            self._file = os.fdopen(handle, "wb")
            for entry in self.kept:
                pickle.dump(entry, self._file, pickle.HIGHEST_PROTOCOL)
            self.kept = []
        pickle.dump((label, payload), self._file, pickle.HIGHEST_PROTOCOL)

    def close(self) -> None:
        """Finish writing (before the results travel to another process)."""
        if self._file is not None:
            self._file.close()
            self._file = None

    def discard(self) -> None:
        self.close()
        if self.path is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.path)
            self.path = None
        self.kept = []

    def __getstate__(self) -> dict[str, Any]:
        self.close()
        return {"folder": self.folder, "count": self.count, "kept": self.kept, "path": self.path, "_file": None}

    def __iter__(self) -> Iterator[tuple[Label, Any]]:
        """Every result once, in order; a spilled file is removed as it is read."""
        if self.path is None:
            yield from self.kept
            return
        try:
            with open(self.path, "rb") as fh:
                for _ in range(self.count):
                    yield pickle.load(fh)
        finally:
            self.discard()


@attrs.frozen
class _Outcome:
    results: _Results | None = None
    """The input's articles (for a failed input, those read before its error), None when it
    failed before giving any."""
    failure: Failure | None = None
    warnings: tuple[str, ...] = ()
    """What the parser and enrichers warned about, one line each."""


def _as_bytes(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def _failure(path: str, exc: BaseException) -> Failure:
    kind = type(exc).__name__
    if isinstance(exc, ParseError):
        line = exc.with_file(path).message
    elif isinstance(exc, ArticlekitError):
        line = str(exc)
    else:
        line = f"unexpected {kind}: {exc} (a bug in a plugin; please report it)"
    line = " ".join(line.split()) or kind
    if not line.startswith(path):
        line = f"{path}: {line}"
    reason = line[len(path) :].lstrip(":").strip() if line.startswith(f"{path}:") else line[len(path) :].strip()
    return Failure(path, reason or kind, kind, line)


def _convert_one(job: _Job, path: str, data: bytes | None) -> _Outcome:
    with capture_warnings() as notes:
        try:
            with _time_limit(job.timeout):
                outcome = _convert(job, path, data)
        except _TimedOut:
            reason = f"took longer than {job.timeout:g} s; stopped (raise the limit with --timeout)"
            outcome = _Outcome(failure=Failure(path, reason, "Timeout", f"{path}: {reason}"))
    return attrs.evolve(outcome, warnings=tuple(notes)) if notes else outcome


def _convert(job: _Job, path: str, data: bytes | None) -> _Outcome:
    options = job.options
    results = _Results(job.spool)
    try:
        if data is None:
            if os.path.isfile(path) and os.path.getsize(path) == 0:
                raise ParseError("empty file: nothing to convert", file=path)
            # parse_all, not read_document: a parser that reads streams gets the open file
            articles = parse_all(Path(path), job.fmt, name=path, **options)
        else:
            if not data.strip():
                raise ParseError("empty input: nothing to convert", file=path)
            articles = parse_all(data, job.fmt, name=path, **options)
        writer = get_registry().writer(job.to) if job.render else None
        for article in articles:  # one at a time: an archive of thousands is never all in memory
            payload = _as_bytes(writer.write(article, options)) if writer is not None else article
            results.add((article.id, article.headline), payload)
        if not results.count:
            raise ParseError("no article found in the input", file=path)
        results.close()
        return _Outcome(results=results)
    except BaseException as exc:
        if not isinstance(exc, Exception):
            results.discard()
            raise  # KeyboardInterrupt, the time limit
        # one bad input (or a plugin's bug) must not stop the batch
        failure = _failure(path, exc)
        if not results.count:
            results.discard()
            return _Outcome(failure=failure)
        # the articles read before the error are kept (an archive cut off at its end): the
        # input still counts as failed, and its line says how many were written
        results.close()
        kept = f" (after {results.count} article{'' if results.count == 1 else 's'}, which are kept)"
        return _Outcome(
            results=results, failure=attrs.evolve(failure, reason=failure.reason + kept, line=failure.line + kept)
        )


_worker_job: _Job | None = None


def _init_worker(job: _Job) -> None:
    global _worker_job
    _worker_job = job
    # Ctrl-C reaches the whole process group: the main process handles it and stops the pool.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _work(tasks: list[tuple[str, bytes | None]]) -> list[_Outcome]:
    assert _worker_job is not None
    return [_convert_one(_worker_job, path, data) for path, data in tasks]


def _refused(item: InputItem) -> _Outcome:
    reason = item.refused or "refused"
    return _Outcome(failure=Failure(item.path, reason, "ParseError", f"{item.path}: {reason}"))


def _read_stdin(max_bytes: int) -> bytes:
    stream: IO[bytes] = sys.stdin.buffer
    data = stream.read(max_bytes + 1) if max_bytes > 0 else stream.read()
    return data


def _outcomes(
    items: Iterable[InputItem], job: _Job, jobs: int, accept: Callable[[InputItem], bool]
) -> Generator[tuple[InputItem, _Outcome | None], None, None]:
    """``(item, outcome)`` in input order; outcome None for an item ``accept`` turned down."""
    max_bytes = int(job.options.get("max_bytes", DEFAULT_MAX_BYTES))

    def payload(item: InputItem) -> bytes | None:
        return _read_stdin(max_bytes) if item.path == STDIN else None

    if jobs <= 1:
        for item in items:
            if item.refused is not None:
                yield item, _refused(item)
            elif not accept(item):
                yield item, None
            else:
                yield item, _convert_one(job, item.path, payload(item))
        return
    pool = _Pool(jobs, job)
    # inputs go to workers in chunks (fewer round trips for small files), a few chunks per worker
    pending: deque[tuple[list[tuple[InputItem, bool]], list[_Task], Future[list[_Outcome]]]] = deque()
    source = iter(items)
    try:

        def fill() -> None:
            while len(pending) < jobs * _CHUNKS_PER_JOB:
                chunk = [(item, item.refused is None and accept(item)) for item in itertools.islice(source, _CHUNK)]
                if not chunk:
                    return
                tasks = [(item.path, payload(item)) for item, accepted in chunk if accepted]
                pending.append((chunk, tasks, pool.submit(tasks)))

        fill()
        while pending:
            chunk, tasks, future = pending.popleft()
            try:
                results = future.result()
            except BrokenProcessPool:
                # a worker died (a crash in a parser or a library, or killed for memory): find the
                # input that did it by converting this chunk's inputs one by one in a new pool,
                # then send the chunks that were waiting again
                pool.renew()
                results = [pool.alone(task) for task in tasks]
                for index, (waiting, waiting_tasks, _broken) in enumerate(pending):
                    pending[index] = (waiting, waiting_tasks, pool.submit(waiting_tasks))
            outcomes = iter(results)
            fill()
            for item, accepted in chunk:
                if accepted:
                    yield item, next(outcomes)
                else:
                    yield item, _refused(item) if item.refused is not None else None
    finally:
        pool.close()


class _Pool:
    """Worker processes that are replaced when one of them dies."""

    def __init__(self, jobs: int, job: _Job) -> None:
        self.jobs = jobs
        self.job = job
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.jobs, initializer=_init_worker, initargs=(self.job,))

    def submit(self, tasks: list[_Task]) -> Future[list[_Outcome]]:
        return self.executor.submit(_work, tasks)

    def renew(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._start()

    def alone(self, task: _Task) -> _Outcome:
        """Convert one input by itself; if its worker dies, that input is the one to blame."""
        try:
            return self.submit([task]).result()[0]
        except BrokenProcessPool:
            self.renew()
            path = task[0]
            reason = "the process converting it died (a crash in a parser or a library, or out of memory)"
            return _Outcome(failure=Failure(path, reason, "WorkerDied", f"{path}: {reason}"))

    def close(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)


# -- writing ---------------------------------------------------------------------------------


def _stem(relative: str) -> str:
    name = relative.rsplit("/", 1)[-1]
    if name.lower().endswith(".gz"):
        name = name[:-3]
    stem = name.rsplit(".", 1)[0] if "." in name.strip(".") else name
    return safe_name(stem, "input")


def _inside(folder: Path, path: Path) -> bool:
    root = os.path.abspath(folder)
    return os.path.commonpath([root, os.path.abspath(path)]) == root


@attrs.define
class _Namer:
    """Output paths below a folder: unique within the batch, never outside the folder.

    Names are claimed one output folder at a time (inputs arrive folder by folder), so memory
    does not grow with the batch. Back in an output folder it left earlier (several arguments
    writing to one place), it takes every name already there as claimed: it may add ``-2``
    where ``--force`` would have replaced a file, but it never overwrites an output of its own.
    """

    folder: Path
    extension: str
    naming: Naming
    current: str | None = None
    claimed: set[str] = attrs.Factory(set)
    left: set[str] = attrs.Factory(set)
    """Output folders (relative) left behind: one entry per folder, not per file."""

    def parent(self, item: InputItem) -> str:
        parts = [safe_name(p, "_") for p in item.relative.split("/")[:-1] if p not in ("", ".", "..")]
        return "/".join(parts)

    def first(self, item: InputItem) -> tuple[Path, Path]:
        """Where the output of a one-article input, and the first of a several-article input,
        would go by the input's name (for ``skip_existing`` before any parsing)."""
        base = self.folder / self.parent(item) / _stem(item.relative)
        return base.with_name(base.name + self.extension), base.with_name(base.name + "-001" + self.extension)

    def path(self, item: InputItem, index: int, count: int, label: Label) -> Path:
        """The output of article ``index`` (from 1) of ``count`` in ``item``."""
        stem = _stem(item.relative)
        ident, headline = label
        chosen = {"id": ident, "headline": headline}.get(self.naming)
        if chosen and chosen.strip():
            name = safe_name(chosen[:80], stem)
        else:
            name = f"{stem}-{index:03d}" if count > 1 else stem
        return self._claim(self.parent(item), name)

    def _enter(self, parent: str) -> None:
        if self.current is not None:
            self.left.add(self.current)
        self.current = parent
        self.claimed = set()
        folder = self.folder / parent
        if parent in self.left and folder.is_dir():
            self.claimed = {entry.name.lower() for entry in os.scandir(folder)}

    def _claim(self, parent: str, name: str) -> Path:
        if parent != self.current:
            self._enter(parent)
        candidate, number = name, 1
        while True:
            key = f"{candidate}{self.extension}".lower()
            if key not in self.claimed:
                self.claimed.add(key)
                path = self.folder / parent / f"{candidate}{self.extension}"
                if not _inside(self.folder, path):  # safe_name makes this impossible; keep it so
                    raise WriteError(f"{path}: would be written outside {self.folder}")
                return path
            number += 1
            candidate = f"{name}-{number}"


def _stdout_stream() -> IO[bytes]:
    return sys.stdout.buffer


def convert_batch(
    items: Iterable[InputItem],
    to: str,
    output: Path | None,
    *,
    fmt: str | None = None,
    force: bool = False,
    options: dict[str, Any] | None = None,
    on_error: Callable[[str, str], None] | None = None,
    jobs: int = 1,
    fail_fast: bool = False,
    skip_existing: bool = False,
    naming: Naming = "input",
    errors: Path | None = None,
    folder: bool | None = None,
    on_progress: Callable[[InputItem, bool], None] | None = None,
    stdout: Callable[[], IO[bytes]] = _stdout_stream,
    timeout: float = 0.0,
    on_warning: Callable[[str, str], None] | None = None,
    sink: WriterSpec | None = None,
) -> BatchResult:
    """Convert ``items`` to the format ``to``.

    With ``output`` None, everything goes to standard output (several inputs need a writer
    that gathers many articles into one output, such as ``jsonl``). With a folder (``folder``
    True, or ``output`` an existing folder or ending in ``/``), each article gets its own file:
    ``<stem>.<ext>``, or ``<stem>-001.<ext>`` ... for an input holding several. With a file
    and a gathering writer (``jsonl``), every article goes into that one file. Every output is
    written atomically and never over an existing file without ``force``.

    Failures are reported through ``on_error(input, line)`` and, when ``errors`` is given, as
    one JSON record per failed input in that file. ``fail_fast`` stops at the first failure.
    ``timeout`` (seconds, 0 for none) stops an input that takes longer and counts it as failed.
    What parsers warn about is reported through ``on_warning(input, message)``, in input order.
    On Ctrl-C the batch stops, finished outputs stay, and outputs that gather many articles
    (the ``output`` file, ``errors``) are not written at all; the result says how far it got.
    ``sink``, a writer that gathers many articles and is not registered (the ``report``
    command's), is used instead of the writer named ``to``.
    """
    options = dict(options or {})
    registry = get_registry()
    writer = sink if sink is not None else registry.writer(to)
    if fmt is not None:
        registry.parser(fmt)
    result = BatchResult()
    if folder is None:
        folder = output is not None and (output.is_dir() or str(output).endswith((os.sep, "/")))
    gather = writer.stream is not None and not folder
    spool = tempfile.mkdtemp(prefix="articlekit-batch-")
    job = _Job(to=writer.name, fmt=fmt, options=options, render=not gather, timeout=timeout, spool=spool)
    namer = _Namer(output, writer.extension, naming) if folder and output is not None else None

    def accept(item: InputItem) -> bool:
        if not skip_existing or output is None or gather:
            return True
        if namer is None:  # one input, one output file
            return not output.exists()
        return naming != "input" or not any(p.exists() for p in namer.first(item))

    def report(failure: Failure, errors_out: IO[bytes] | None) -> None:
        result.failed.append(failure)
        if errors_out is not None:
            errors_out.write(json.dumps(failure.record(), ensure_ascii=False).encode("utf-8") + b"\n")
            errors_out.flush()
        if on_error is not None:
            on_error(failure.input, failure.line)

    def done(item: InputItem, failed: bool) -> None:
        if on_progress is not None:
            on_progress(item, failed)

    def write_outputs(item: InputItem, results: _Results) -> None:
        if output is None:
            out = stdout()
            for _label, data in results:
                out.write(data)
            out.flush()
        elif namer is None:
            if results.count > 1:
                results.discard()
                raise WriteError(
                    f"holds {results.count} articles; give a folder with -o DIR/ "
                    "or a multi-article format such as --to jsonl"
                )
            for _label, data in results:
                write_atomic(output, data, force=force)
        else:
            for index, (label, data) in enumerate(results, start=1):
                path = namer.path(item, index, results.count, label)
                if skip_existing and path.exists():
                    continue
                write_atomic(path, data, force=force)

    class _Stop(Exception):
        """fail_fast: leave the loops, discarding a gathered output."""

    def handle(item: InputItem, outcome: _Outcome | None, errors_out: IO[bytes] | None) -> Iterator[Article]:
        """Write (or, for a gathering writer, yield) the outcome's articles and count it."""
        if outcome is None:
            result.skipped += 1
            done(item, False)
            return
        result.warnings += len(outcome.warnings)
        if on_warning is not None:
            for note in outcome.warnings:
                on_warning(item.path, note)
        failure, results = outcome.failure, outcome.results
        if results is not None and job.render:
            try:
                write_outputs(item, results)  # (also the articles a failed input gave before its error)
            except ArticlekitError as exc:
                failure, results = _failure(item.path, exc), None
        if results is not None:
            if not job.render:
                for _label, article in results:
                    yield article
            result.articles += results.count
        if failure is not None or results is None:
            report(failure or Failure(item.path, "no result", "Error", f"{item.path}: no result"), errors_out)
            done(item, True)
            if fail_fast:
                result.stopped = True
                raise _Stop
            return
        result.converted += 1
        done(item, False)

    def run(errors_out: IO[bytes] | None) -> None:
        stream = _outcomes(items, job, jobs, accept)
        try:
            if not gather:
                for item, outcome in stream:
                    for _nothing in handle(item, outcome, errors_out):
                        pass  # rendering writers write as they go; nothing is yielded
                return

            def articles() -> Iterator[Article]:
                for item, outcome in stream:
                    yield from handle(item, outcome, errors_out)

            assert writer.stream is not None
            if output is None:
                out = stdout()
                writer.stream(articles(), out, options)
                out.flush()
            else:
                try:
                    with atomic_writer(output, force=force) as fh:
                        writer.stream(articles(), fh, options)
                except (_Stop, KeyboardInterrupt):
                    result.discarded.append(str(output))
                    raise
        finally:
            stream.close()

    try:
        if errors is None:
            with contextlib.suppress(_Stop):
                run(None)
        else:
            try:
                with atomic_writer(errors, force=force) as errors_out, contextlib.suppress(_Stop):
                    run(errors_out)
            except KeyboardInterrupt:
                result.discarded.append(str(errors))
                raise
    except KeyboardInterrupt:
        result.interrupted = True
    finally:
        shutil.rmtree(spool, ignore_errors=True)
    return result
