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
import functools
import glob
import json
import logging
import os
import pickle
import select
import shutil
import signal
import stat
import sys
import tempfile
import threading
import time
import warnings
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Protocol

import attrs

from articlekit.api import checked_options, parse_all, render
from articlekit.errors import ArticlekitError, ManyArticlesError, ParseError, SkippedError, WriteError
from articlekit.fetch import fetch_all, is_url, url_name
from articlekit.inputs import DEFAULT_MAX_BYTES, read_at_most
from articlekit.manifest import Entry, Identity, Manifest
from articlekit.model import Article
from articlekit.output import Naming, OutputPlan, atomic_writer, safe_name, write_atomic
from articlekit.plugins import get_registry
from articlekit.registry import WriterSpec
from articlekit.workers import Lost, WorkerPool

__all__ = [
    "STDIN",
    "Batch",
    "BatchResult",
    "Events",
    "Failure",
    "InputItem",
    "InputSet",
    "Naming",
    "Runner",
    "TableSink",
    "Terminated",
    "capture_warnings",
    "collect_inputs",
    "convert_batch",
]

STDIN = "-"
"""The input name that means standard input."""

_CHUNK = 8
"""Inputs sent to a worker process at once: fewer round trips for small files."""


@attrs.frozen
class InputItem:
    """One input to convert: a path (or ``-``) and where its outputs go relative to ``-o``."""

    path: str
    relative: str
    """The output's place below ``-o``, as a POSIX path: the path below the input folder, or
    the bare file name for a file given by itself."""
    refused: str | None = None
    """Why this input is not read at all (a named pipe or a device found in a folder, a folder
    that cannot be read), or None."""
    argument: int = 0
    """The position of the command-line argument that named it (0 for the first)."""
    folders: frozenset[str] = frozenset()
    """The names of the sub-folders beside this input whose outputs go beside its own: an
    output file never takes a name one of them needs (``x.txt`` beside ``x.json/``)."""


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
    """Inputs left alone because their output already existed (``skip_existing``), or because
    none of their articles is in the languages asked for (the ``languages`` option)."""
    articles: int = 0
    """Articles written."""
    failed: list[Failure] = attrs.Factory(list)
    """Every input that failed, in input order."""
    interrupted: bool = False
    """True when the batch was stopped by Ctrl-C (KeyboardInterrupt) or SIGTERM."""
    terminated: bool = False
    """True when the batch was stopped by SIGTERM."""
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
    folder (or below a glob pattern's fixed part) and against its bare name (``*.xml``,
    ``drafts/*``); they apply to files found in folders and by glob patterns, not to files
    named directly. Hidden files and folders are skipped. Symbolic links
    are followed, but a folder already visited (a link loop) is not entered again.
    """

    args: Sequence[str]
    include: Sequence[str] = ()
    exclude: Sequence[str] = ()
    avoid: Sequence[str | os.PathLike[str]] = ()
    """Paths never read as inputs: the batch's own outputs (``-o``, ``--errors``), so that
    ``convert . -o out/`` does not convert what it is writing. Nothing inside an avoided
    folder is read either."""
    _avoid: frozenset[str] | None = attrs.field(default=None, init=False, repr=False)
    missing: list[tuple[str, str]] = attrs.Factory(list)
    """``(argument, reason)`` for arguments that name nothing; filled by ``check``."""
    own: list[str] = attrs.Factory(list)
    """Arguments that are (or are inside) the batch's own outputs, and so are not read;
    filled by ``check``."""

    def check(self) -> list[tuple[str, str]]:
        """The arguments that name nothing, with the reason (and ``own``, those not read)."""
        self.missing = []
        self.own = []
        for arg in self.args:
            if arg == STDIN:
                continue
            if is_url(arg):
                if not arg.lower().startswith(("http://", "https://")):
                    self.missing.append((arg, "only http and https URLs can be fetched"))
                continue
            if os.path.lexists(arg):
                if self._skipped(arg):
                    self.own.append(arg)
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
            arg != STDIN
            and not is_url(arg)
            and (os.path.isdir(arg) or (glob.has_magic(arg) and not os.path.lexists(arg)))
            for arg in self.args
        )

    def count(self) -> int:
        """How many inputs there are (walks the folders once more)."""
        return sum(1 for _ in self)

    def __iter__(self) -> Iterator[InputItem]:
        for argument, arg in enumerate(self.args):
            if arg == STDIN:
                yield InputItem(STDIN, "stdin", argument=argument)
            elif is_url(arg):  # fetched by the worker that converts it
                if arg.lower().startswith(("http://", "https://")):
                    yield InputItem(arg, url_name(arg), argument=argument)
            elif os.path.lexists(arg) and self._skipped(arg):
                continue  # the batch's own output, named directly or by the shell's glob
            elif os.path.isdir(arg):
                yield from self._walk(arg, argument)
            elif os.path.lexists(arg):
                yield InputItem(arg, os.path.basename(arg), argument=argument)
            elif glob.has_magic(arg):
                base = _fixed_prefix(arg)
                matches = [match for match in self._glob(arg) if not self._skipped(match)]
                relatives = [(os.path.relpath(m, base) if base else m).replace(os.sep, "/") for m in matches]
                beside = _subfolders(relatives)
                for match, relative in zip(matches, relatives, strict=True):
                    if not self._wanted(relative):
                        continue
                    parent = relative.rpartition("/")[0]
                    yield InputItem(match, relative, argument=argument, folders=beside.get(parent, frozenset()))

    def _wanted(self, relative: str) -> bool:
        """``include`` and ``exclude`` say yes to a file found in a folder or by a pattern."""
        if self.include and not _matches(relative, self.include):
            return False
        return not (self.exclude and _matches(relative, self.exclude))

    @property
    def _avoided(self) -> frozenset[str]:
        if self._avoid is None:
            self._avoid = frozenset(os.path.realpath(p) for p in self.avoid)
        return self._avoid

    def _skipped(self, path: str) -> bool:
        """True for one of the batch's own outputs, or anything inside an output folder."""
        avoided = self._avoided
        if not avoided:
            return False
        real = os.path.realpath(path)
        while True:
            if real in avoided:
                return True
            parent = os.path.dirname(real)
            if parent == real:
                return False
            real = parent

    @staticmethod
    def _glob(pattern: str) -> Iterator[str]:
        for match in sorted(glob.iglob(pattern, recursive=True)):
            if os.path.isfile(match):
                yield match

    def _walk(self, top: str, argument: int) -> Iterator[InputItem]:
        """The files below ``top`` in the order ``os.walk`` gives (a folder's files, then each
        sub-folder in turn), sorted by name; one ``scandir`` per folder, no ``stat`` per file.
        A folder that cannot be read is one refused input, so it is reported, not lost."""
        seen: set[tuple[int, int]] = set()
        pending: list[tuple[str, str]] = [(top, "")]
        avoided = self._avoided
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
            except OSError as exc:
                reason = f"cannot read this folder: {exc.strerror or exc}; its files are not converted"
                yield InputItem(folder, prefix.rstrip("/") or os.path.basename(folder), reason, argument)
                continue
            real = os.path.realpath(folder) if avoided else ""
            folders: list[tuple[str, str]] = []
            files: list[tuple[os.DirEntry[str], str]] = []
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if avoided and (
                    os.path.join(real, entry.name) in avoided or (entry.is_symlink() and self._skipped(entry.path))
                ):
                    continue  # an output, or a link to one (a link's target is resolved)
                if _is_dir(entry):
                    folders.append((entry.path, f"{prefix}{entry.name}/"))
                    continue
                relative = prefix + entry.name
                if not self._wanted(relative):
                    continue
                files.append((entry, relative))
            beside = frozenset(os.path.basename(path) for path, _ in folders)
            for entry, relative in files:
                yield InputItem(entry.path, relative, _refusal(entry), argument, beside)
            pending.extend(reversed(folders))


def _subfolders(relatives: Sequence[str]) -> dict[str, frozenset[str]]:
    """For each folder (relative, POSIX) holding a file of ``relatives``, the names of its
    sub-folders that hold one too."""
    children: dict[str, set[str]] = {}
    for relative in relatives:
        parts = relative.split("/")[:-1]
        for depth, part in enumerate(parts):
            children.setdefault("/".join(parts[:depth]), set()).add(part)
    return {parent: frozenset(names) for parent, names in children.items()}


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
    pack: Packer | None = None
    """The sink's [`pack`][articlekit.batch.TableSink.pack]: each input's articles are turned
    into its packets where they are made (a worker), instead of being sent back."""


Packer = Callable[[Iterable[Article], str], Iterator[tuple[int, Any]]]
"""Turns the articles of one input (its path second) into ``(articles, packet)`` pairs."""


class TableSink(Protocol):
    """Takes a batch's articles in input order and writes them somewhere of its own (the Parquet
    tables: [`ParquetTables`][articlekit.tables.ParquetTables])."""

    @property
    def paths(self) -> Mapping[str, Path]:
        """The outputs, by name, for messages (not written if the batch stops)."""

    @property
    def pack(self) -> Packer | None:
        """None: the sink takes articles (``add``). Else a function, picklable, that turns an
        input's articles into packets (its rows, ready-made) where they are made, in the worker
        processes or on the cluster, so that this process only adds the packets (``add_packet``)."""

    def add(self, article: Article, input: str | None = None) -> None: ...
    def add_packet(self, packet: Any, input: str | None = None) -> None: ...
    def close(self) -> None: ...
    def abort(self) -> None: ...


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
        self.articles = 0
        """The articles the results are of (more than ``count`` when a packet holds several)."""
        self.kept: list[tuple[Label, Any]] = []
        self.path: str | None = None
        self._file: IO[bytes] | None = None

    def add(self, label: Label, payload: Any, articles: int = 1) -> None:
        if self._file is None and (self.folder is None or len(self.kept) < _SPILL_AFTER):
            self.kept.append((label, payload))
            self.count += 1
            self.articles += articles
            return
        try:
            if self._file is None:
                handle, self.path = tempfile.mkstemp(prefix="spool-", dir=self.folder)
                self._file = os.fdopen(handle, "wb")
                for entry in self.kept:
                    pickle.dump(entry, self._file, pickle.HIGHEST_PROTOCOL)
                self.kept = []
            pickle.dump((label, payload), self._file, pickle.HIGHEST_PROTOCOL)
            self.articles += articles
        except OSError as exc:  # a full temporary folder is a write error, not a bug
            if self.kept and self._file is not None:  # failed while moving the kept ones: keep them here
                with contextlib.suppress(OSError):
                    self._file.close()
                self._file = None
                if self.path is not None:
                    with contextlib.suppress(OSError):
                        os.unlink(self.path)
                    self.path = None
            raise WriteError(f"{self.folder}: cannot write temporary results: {exc.strerror or exc}") from None
        self.count += 1

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
        return {"folder": self.folder, "count": self.count, "articles": self.articles, "kept": self.kept,
                "path": self.path, "_file": None}  # fmt: skip

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
    skipped: str | None = None
    """Why the input was left out on purpose (``languages``), its line for the report."""


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
    folded = " ".join(path.split())
    if folded != path and line.startswith(folded):  # a name holding a newline: keep it as it is
        line = path + line[len(folded) :]
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
            outcome = _timed_out(path, job.timeout)
    return attrs.evolve(outcome, warnings=tuple(notes)) if notes else outcome


def _convert(job: _Job, path: str, data: bytes | None) -> _Outcome:
    options = job.options
    results = _Results(job.spool)
    try:
        if data is None and is_url(path):
            articles = fetch_all(path, job.fmt, **options)
        elif data is None:
            if os.path.isfile(path) and os.path.getsize(path) == 0:
                raise ParseError("empty file: nothing to convert", file=path)
            # parse_all, not read_document: a parser that reads streams gets the open file
            articles = parse_all(Path(path), job.fmt, name=path, **options)
        else:
            if not data.strip():
                raise ParseError("empty input: nothing to convert", file=path)
            articles = parse_all(data, job.fmt, name=path, **options)
        writer = get_registry().writer(job.to) if job.render else None
        if job.pack is not None:
            for count, packet in job.pack(articles, path):
                results.add((None, ""), packet, count)
        else:
            for article in articles:  # one at a time: an archive of thousands is never all in memory
                payload = _as_bytes(render(writer, article, options)) if writer is not None else article
                results.add((article.id, article.headline), payload)
        if not results.articles:
            raise ParseError("no article found in the input", file=path)
        results.close()
        return _Outcome(results=results)
    except SkippedError as exc:
        results.discard()
        return _Outcome(skipped=str(exc))
    except BaseException as exc:
        if not isinstance(exc, Exception):
            results.discard()
            raise  # KeyboardInterrupt, the time limit
        # one bad input (or a plugin's bug) must not stop the batch
        failure = _failure(path, exc)
        if not results.articles:
            results.discard()
            return _Outcome(failure=failure)
        # the articles read before the error are kept (an archive cut off at its end): the
        # input still counts as failed, and its line says how many were written
        results.close()
        kept = f" (after {results.articles} article{'' if results.articles == 1 else 's'}, which are kept)"
        return _Outcome(
            results=results, failure=attrs.evolve(failure, reason=failure.reason + kept, line=failure.line + kept)
        )


def _convert_task(job: _Job, task: _Task) -> _Outcome:
    """What a worker process does with one task."""
    return _convert_one(job, *task)


def _lost(timeout: float, task: _Task, why: Lost, detail: str) -> _Outcome:
    """The outcome of an input whose worker was killed at the time limit, or died."""
    path = task[0]
    if why == "timeout":
        return _timed_out(path, timeout)
    if why == "died":
        reason = "the process converting it died (a crash in a parser or a library, or out of memory)"
        kind = "WorkerDied"
    else:
        reason, kind = f"its result could not be sent back from the worker process ({detail})", "Error"
    return _Outcome(failure=Failure(path, reason, kind, f"{path}: {reason}"))


def _timed_out(path: str, seconds: float) -> _Outcome:
    reason = f"took longer than {seconds:g} s; stopped (raise the limit with --timeout)"
    return _Outcome(failure=Failure(path, reason, "Timeout", f"{path}: {reason}"))


def _refused(item: InputItem) -> _Outcome:
    reason = item.refused or "refused"
    return _Outcome(failure=Failure(item.path, reason, "ParseError", f"{item.path}: {reason}"))


class _StdinTimeout(Exception):
    """Standard input did not end within the time limit."""


def _read_stdin(max_bytes: int, timeout: float = 0.0) -> bytes:
    """Standard input, up to ``max_bytes`` + 1 bytes (one more says it is too large), within
    ``timeout`` seconds (0: no limit): a stdin that never ends cannot stall the batch."""
    stream: IO[bytes] = sys.stdin.buffer
    try:
        fd = stream.fileno()
    except (OSError, ValueError, AttributeError):
        fd = -1
    if fd < 0 or timeout <= 0:
        return read_at_most(stream, max_bytes)
    deadline = time.monotonic() + timeout
    chunks: list[bytes] = []
    size = 0
    while max_bytes <= 0 or size <= max_bytes:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise _StdinTimeout
        readable, _, _ = select.select([fd], [], [], remaining)
        if not readable:
            continue
        want = 1 << 16 if max_bytes <= 0 else min(1 << 16, max_bytes + 1 - size)
        chunk = os.read(fd, want)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


Runner = Callable[[_Job, Iterator[_Task]], Iterator[_Outcome]]
"""Converts tasks somewhere else (``articlekit.distributed`` on a Dask cluster): given the job and
the tasks, lazily, it gives one outcome per task, in the tasks' order (``_convert_one``'s)."""


def _outcomes(
    items: Iterable[InputItem],
    job: _Job,
    jobs: int,
    accept: Callable[[InputItem], bool],
    runner: Runner | None = None,
) -> Generator[tuple[InputItem, _Outcome | None], None, None]:
    """``(item, outcome)`` in input order; outcome None for an item ``accept`` turned down.

    With ``jobs`` above 1, or a time limit, inputs are converted in worker processes (see
    [`WorkerPool`][articlekit.workers.WorkerPool]): a worker past the limit or dead costs only
    its input. Otherwise they are converted here, one by one."""
    max_bytes = int(job.options.get("max_bytes", DEFAULT_MAX_BYTES))

    def prepared(item: InputItem) -> tuple[tuple[InputItem, _Outcome | None], _Task | None]:
        """``((item, outcome known already), task to run)``: one of the two is None, or both
        when the item is turned down."""
        if item.refused is not None:
            return (item, _refused(item)), None
        if not accept(item):
            return (item, None), None
        if item.path != STDIN:
            return (item, None), (item.path, None)
        try:
            return (item, None), (item.path, _read_stdin(max_bytes, job.timeout))
        except _StdinTimeout:
            return (item, _timed_out(STDIN, job.timeout)), None

    if runner is not None:

        def payload(item: InputItem) -> bytes | None:
            return _read_stdin(max_bytes) if item.path == STDIN else None

        yield from _run_elsewhere(items, job, accept, runner, payload)
        return
    if jobs <= 1 and job.timeout <= 0:
        for item in items:
            (item, known), task = prepared(item)
            yield item, _convert_one(job, *task) if task is not None else known
        return
    pool: WorkerPool[_Task, _Outcome] = WorkerPool(
        jobs, _convert_task, job, functools.partial(_lost, job.timeout), timeout=job.timeout, chunk=_CHUNK
    )
    try:
        for (item, known), outcome in pool.map(prepared(item) for item in items):
            yield item, outcome if outcome is not None else known
    finally:
        pool.close()


def _run_elsewhere(
    items: Iterable[InputItem],
    job: _Job,
    accept: Callable[[InputItem], bool],
    runner: Runner,
    payload: Callable[[InputItem], bytes | None],
) -> Iterator[tuple[InputItem, _Outcome | None]]:
    """``_outcomes`` through a runner, which may read tasks ahead: items are remembered in
    order as the runner takes them, and the runner's k-th outcome belongs to the k-th accepted."""
    decided: deque[tuple[InputItem, bool]] = deque()

    def tasks() -> Iterator[_Task]:
        for item in items:
            accepted = item.refused is None and accept(item)
            decided.append((item, accepted))
            if accepted:
                yield item.path, payload(item)

    def turned_down(item: InputItem) -> tuple[InputItem, _Outcome | None]:
        return item, _refused(item) if item.refused is not None else None

    outcomes = runner(job, tasks())
    try:
        for outcome in outcomes:
            while not decided[0][1]:
                yield turned_down(decided.popleft()[0])
            yield decided.popleft()[0], outcome
        while decided:
            yield turned_down(decided.popleft()[0])
    finally:
        close = getattr(outcomes, "close", None)
        if close is not None:
            close()


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
    """Output paths below a folder: unique within the batch, never outside the folder, and the
    same whatever the number of processes (names are claimed in input order).

    Names are claimed one output folder at a time (inputs arrive folder by folder), so memory
    does not grow with the batch. Back in an output folder it left earlier (several arguments
    writing to one place), it takes every name already there as claimed: it may add ``-2``
    where ``--force`` would have replaced a file, but it never overwrites an output of its own.
    A name that a sub-folder of outputs needs is never given to a file, and a symbolic link
    inside the folder is never followed.
    """

    folder: Path
    extension: str
    naming: Naming
    current: str | None = None
    claimed: set[str] = attrs.Factory(set)
    left: set[str] = attrs.Factory(set)
    """Output folders (relative) left behind: one entry per folder, not per file."""
    checked: bool = False
    """True when the current folder was checked for links (see ``_check_folders``)."""

    def parent(self, item: InputItem) -> str:
        parts = [safe_name(p, "_") for p in item.relative.split("/")[:-1] if p not in ("", ".", "..")]
        return "/".join(parts)

    def path(self, item: InputItem, index: int, count: int, label: Label) -> Path:
        """The output of article ``index`` (from 1) of ``count`` in ``item``."""
        stem = _stem(item.relative)
        ident, headline = label
        chosen = {"id": ident, "headline": headline}.get(self.naming)
        if chosen and chosen.strip():
            name = safe_name(chosen[:80], stem)
        else:
            name = f"{stem}-{index:03d}" if count > 1 else stem
        reserved = {safe_name(folder, "_").lower() for folder in item.folders}
        return self._claim(self.parent(item), name, reserved)

    def relative(self, path: Path) -> str:
        """``path`` below the folder, as a POSIX path (for the manifest)."""
        return path.relative_to(self.folder).as_posix()

    def claim(self, relative: str) -> None:
        """Take ``relative`` (a path below the folder an earlier run wrote, from the manifest)
        as claimed, so that no later input is given it."""
        parent, _, name = relative.rpartition("/")
        if parent != self.current:
            self._enter(parent, writing=False)
        self.claimed.add(name.lower())

    def _enter(self, parent: str, *, writing: bool = True) -> None:
        if writing:
            self._check_folders(parent)
        self.checked = writing
        if self.current is not None:
            self.left.add(self.current)
        self.current = parent
        self.claimed = set()
        folder = self.folder / parent
        if parent in self.left and folder.is_dir():
            self.claimed = {entry.name.lower() for entry in os.scandir(folder)}

    def _check_folders(self, parent: str) -> None:
        """Refuse to write below a symbolic link (or through a file) inside the output folder:
        what is planted there must not send outputs elsewhere."""
        folder = self.folder
        for part in parent.split("/") if parent else ():
            folder = folder / part
            try:
                mode = os.lstat(folder).st_mode
            except FileNotFoundError:
                return  # made when the first output is written
            except OSError as exc:
                raise WriteError(f"{folder}: cannot write: {exc.strerror or exc}") from None
            if stat.S_ISLNK(mode):
                raise WriteError(f"{folder}: is a symbolic link inside the output folder; outputs never follow one")
            if not stat.S_ISDIR(mode):
                raise WriteError(f"{folder}: is a file where a folder of outputs goes")

    def _claim(self, parent: str, name: str, reserved: set[str]) -> Path:
        if parent != self.current:
            self._enter(parent)
        elif not self.checked:  # entered to claim a resumed run's names: check before writing
            self._check_folders(parent)
            self.checked = True
        candidate, number = name, 1
        while True:
            file_name = f"{candidate}{self.extension}"
            key = file_name.lower()
            if key not in self.claimed and key not in reserved and not (self.folder / parent / file_name).is_dir():
                self.claimed.add(key)
                path = self.folder / parent / file_name
                if not _inside(self.folder, path):  # safe_name makes this impossible; keep it so
                    raise WriteError(f"{path}: would be written outside {self.folder}")
                return path
            number += 1
            candidate = f"{name}-{number}"


def existing_outputs(items: Iterable[InputItem], folder: Path, extension: str, naming: Naming) -> Iterator[Path]:
    """The outputs in ``folder`` that exist already, where their names are known before
    parsing (named after the input: ``<stem>.<ext>``, or ``<stem>-001.<ext>`` for the first of
    several articles), so that a batch without ``--force`` can stop before it starts."""
    if naming != "input" or not folder.is_dir():
        return
    namer = _Namer(folder, extension, naming)
    for item in items:
        base = folder / namer.parent(item) / _stem(item.relative)
        for path in (base.with_name(base.name + extension), base.with_name(base.name + "-001" + extension)):
            # a symbolic link on the way is the batch's to refuse, with its own message
            links = [p for p in (path, *path.parents) if _inside(folder, p) and p != folder and p.is_symlink()]
            if path.exists() and not links:
                yield path


def _stdout_stream() -> IO[bytes]:
    return sys.stdout.buffer


@attrs.frozen
class Events:
    """What a batch tells its caller as it goes, in input order; each may be None."""

    on_error: Callable[[str, str], None] | None = None
    """``(input, line)``: the input failed; ``line`` is the whole message."""
    on_progress: Callable[[InputItem, bool], None] | None = None
    """``(item, failed)``: the input is done (converted, failed or skipped)."""
    on_warning: Callable[[str, str], None] | None = None
    """``(input, message)``: what its parser or an enricher warned about."""
    on_skip: Callable[[str, str], None] | None = None
    """``(input, line)``: the input is left out on purpose (the ``languages`` option)."""


class _Stop(Exception):
    """fail_fast: leave the loops, discarding a gathered output."""


@attrs.frozen
class _Written:
    """One input after the ``write`` step."""

    results: _Results | None
    """Its articles: still to be gathered, or (rendered) only to be counted; None when it gave none."""
    failure: Failure | None
    written: int = -1
    """The outputs written for it; -1 when none was rendered (gathered, or failed)."""


class Batch:
    """One batch, as named steps that every input goes through in input order:

    1. [`accept`][articlekit.batch.Batch.accept]: is it converted at all (with ``skip_existing``,
       not when an earlier run finished it);
    2. [`convert`][articlekit.batch.Batch.convert]: its outcome, converted here, in worker
       processes or elsewhere (a ``runner``);
    3. [`write`][articlekit.batch.Batch.write]: its outputs written, one per article, where the
       [`OutputPlan`][articlekit.output.OutputPlan] says; for a gathered output, its articles
       handed on to the one stream ([`payloads`][articlekit.batch.Batch.payloads]); or
       [`skip`][articlekit.batch.Batch.skip], for an input left alone;
    4. [`report`][articlekit.batch.Batch.report]: a failure recorded, written to the errors
       file and told;
    5. [`finish`][articlekit.batch.Batch.finish]: the input counted, recorded in the manifest,
       told to the progress; with ``fail_fast``, the first failure stops the batch here.

    [`run`][articlekit.batch.Batch.run] drives them, and answers for what holds around them:
    SIGINT and SIGTERM stop the batch with finished outputs kept, the gathered output and the
    errors file written atomically (not at all when the batch is stopped), the manifest closed
    and the temporary results removed. A batch runs once; see
    [`convert_batch`][articlekit.batch.convert_batch] for the arguments.
    """

    def __init__(
        self,
        plan: OutputPlan,
        to: str,
        *,
        fmt: str | None = None,
        options: dict[str, Any] | None = None,
        jobs: int = 1,
        fail_fast: bool = False,
        errors: Path | None = None,
        timeout: float = 0.0,
        events: Events = Events(),
        stdout: Callable[[], IO[bytes]] = _stdout_stream,
        sink: TableSink | None = None,
        runner: Runner | None = None,
    ) -> None:
        if plan.writer is None and sink is None:
            raise ValueError("a plan without a writer (the tables) needs the sink that writes them: sink=...")
        registry = get_registry()
        if fmt is not None:
            registry.parser(fmt)
        writer = plan.writer
        # one set of options for the parser, the enrichers and the writer, checked once, here
        self.options = checked_options(registry, options or {}, parser=fmt, writer=writer)
        self.plan = plan
        self.to = to
        self.job = _Job(to=writer.name if writer else to, fmt=fmt, options=self.options, render=plan.render,
                        timeout=timeout, pack=sink.pack if sink is not None else None)  # fmt: skip
        self.jobs = jobs
        self.fail_fast = fail_fast
        self.errors = errors
        self.events = events
        self.stdout = stdout
        self.sink = sink
        self.runner = runner
        self.result = BatchResult()
        folder = plan.output if plan.target == "folder" else None
        self.namer = _Namer(folder, plan.extension, plan.naming) if folder is not None else None
        self.manifest = Manifest(folder, load=plan.skip_existing) if folder is not None else None
        self._errors_out: IO[bytes] | None = None
        self._ran = False

    # -- the steps, for one input ----------------------------------------------------------------

    def recorded(self, item: InputItem) -> tuple[Identity | None, Entry | None]:
        """The input's identity, and what the manifest of an earlier run says about it."""
        if self.manifest is None:
            return None, None
        identity = Identity.of(item.path, item.argument)
        return identity, self.manifest.lookup(identity)

    def accept(self, item: InputItem) -> bool:
        """False for an input left alone: its output exists already (``skip_existing``)."""
        output = self.plan.output
        if not self.plan.resumes or output is None:
            return True
        if self.namer is None:  # one input, one output file
            return not output.exists()
        # skipped only when an earlier run finished it and its outputs are still there: an
        # input it did not reach, or left part-way, is converted again (its finished outputs
        # are kept, see write), and a stem shared with another input never hides it
        entry = self.recorded(item)[1]
        return entry is None or not entry.complete(output)

    def convert(self, items: Iterable[InputItem]) -> Generator[tuple[InputItem, _Outcome | None], None, None]:
        """``(item, outcome)`` in input order; outcome None for an item ``accept`` turned down."""
        return _outcomes(items, self.job, self.jobs, self.accept, self.runner)

    def write(self, item: InputItem, outcome: _Outcome) -> _Written:
        """Tell the outcome's warnings, and write its outputs when each article has its own
        (also the articles a failed input gave before its error); a gathered output's
        articles are only handed on."""
        self.result.warnings += len(outcome.warnings)
        if self.events.on_warning is not None:
            for note in outcome.warnings:
                self.events.on_warning(item.path, note)
        failure, results = outcome.failure, outcome.results
        written = -1
        if results is not None and self.plan.render:
            try:
                written = self._write_outputs(item, results)
            except ArticlekitError as exc:
                failure, results = _failure(item.path, exc), None
        return _Written(results, failure, written)

    def report(self, failure: Failure) -> None:
        """Record a failed input: in the result, the errors file, and through ``on_error``."""
        self.result.failed.append(failure)
        if self._errors_out is not None:
            self._errors_out.write(json.dumps(failure.record(), ensure_ascii=False).encode("utf-8") + b"\n")
            self._errors_out.flush()
        if self.events.on_error is not None:
            self.events.on_error(failure.input, failure.line)

    def finish(self, item: InputItem, done: _Written) -> None:
        """Count the input (after its articles were gathered, if they are), record it in the
        manifest, and tell the progress. With ``fail_fast``, a failure stops the batch."""
        result = self.result
        if done.results is not None:
            result.articles += done.results.articles
        if done.failure is not None or done.results is None:
            failure = done.failure or Failure(item.path, "no result", "Error", f"{item.path}: no result")
            self.report(failure)
            self._progress(item, True)
            if self.fail_fast:
                result.stopped = True
                raise _Stop
            return
        if self.manifest is not None:
            self.manifest.done(Identity.of(item.path, item.argument), done.results.count)
        if done.written == 0:
            result.skipped += 1  # every output was there already (--skip-existing)
        else:
            result.converted += 1
        self._progress(item, False)

    def skip(self, item: InputItem, outcome: _Outcome | None) -> None:
        """Count an input left alone: turned down by ``accept`` (outcome None; the names its
        earlier run wrote stay taken) or by its parser (``outcome.skipped``, the reason)."""
        entry = self.recorded(item)[1] if outcome is None else None
        if self.namer is not None and entry is not None:
            for name in entry.outputs.values():
                self.namer.claim(name)  # so that no later input takes it
        self.result.skipped += 1
        if outcome is not None and self.events.on_skip is not None:
            self.events.on_skip(item.path, outcome.skipped or "")
        self._progress(item, False)

    def _progress(self, item: InputItem, failed: bool) -> None:
        if self.events.on_progress is not None:
            self.events.on_progress(item, failed)

    def _write_outputs(self, item: InputItem, results: _Results) -> int:
        """Write the input's outputs; how many were written (not found done already)."""
        plan, namer, output = self.plan, self.namer, self.plan.output
        if namer is None and results.count > 1:
            # one output (a file, or standard output) holds one document: several glued
            # together would be invalid JSON, XML or NITF
            results.discard()
            raise ManyArticlesError(
                f"holds {results.count} articles, and {self.job.to} writes one per output; "
                "give a folder with -o DIR/ or a multi-article format such as --to jsonl"
            )
        if output is None:
            out = self.stdout()
            with _writing_stdout():
                for _label, data in results:
                    out.write(data)
                out.flush()
            return results.count
        if namer is None:
            for _label, data in results:
                write_atomic(output, data, force=plan.force)
            return results.count
        assert self.manifest is not None
        identity, entry = self.recorded(item)
        # an output already there is kept with --skip-existing (a crash between writing it and
        # recording it; a folder written before manifests), unless it is of an older version
        # of this input: then it is replaced with --force, or the input fails
        keep = plan.skip_existing and not self.manifest.changed(identity)
        written = 0
        for index, (label, data) in enumerate(results, start=1):
            done_before = entry.outputs.get(index) if entry is not None else None
            if done_before is not None and os.path.lexists(output / done_before):
                namer.claim(done_before)  # written by the run this one resumes
                continue
            path = namer.path(item, index, results.count, label)
            name = namer.relative(path)
            if not (keep and os.path.lexists(path)):
                write_atomic(path, data, force=plan.force)
                written += 1
            elif (maker := self.manifest.maker(name, identity)) is not None:
                # the earlier run made it from another input (the arguments were given in
                # another order): kept, the manifest would say this input made it
                if not plan.force:
                    raise WriteError(f"{path}: exists, made from {maker} by an earlier run; use --force to replace it")
                write_atomic(path, data, force=True)  # (--force)
                written += 1
            self.manifest.output(identity, index, name)
        return written

    # -- the whole batch -------------------------------------------------------------------------

    def take(self, item: InputItem, outcome: _Outcome | None) -> _Written | None:
        """Skip the input (None), or write it: the steps between ``convert`` and ``finish``."""
        if outcome is None or outcome.skipped is not None:
            self.skip(item, outcome)
            return None
        return self.write(item, outcome)

    def payloads(self, stream: Iterable[tuple[InputItem, _Outcome | None]]) -> Iterator[tuple[InputItem, Any]]:
        """``(item, payload)`` for every article (or sink packet) of ``stream`` to gather; each
        input is finished once its payloads are out, so that a failure stops the batch only
        after the articles its input gave before its error."""
        for item, outcome in stream:
            done = self.take(item, outcome)
            if done is None:
                continue
            if done.results is not None and self.plan.gathered:  # (rendered ones are written already)
                for _label, payload in done.results:
                    yield item, payload
            self.finish(item, done)

    def run(self, items: Iterable[InputItem]) -> BatchResult:
        """Convert ``items``; what was done, also when the batch was stopped. A batch runs once
        (its result, manifest and errors file are its own): a second run raises RuntimeError."""
        if self._ran:
            raise RuntimeError("this batch has run already; make a new Batch for another run")
        self._ran = True
        result = self.result
        spool = tempfile.mkdtemp(prefix="articlekit-batch-")
        self.job = attrs.evolve(self.job, spool=spool)
        try:
            with _stopped_by_signals():
                try:
                    self._run_with_errors(items)
                except KeyboardInterrupt as exc:
                    result.interrupted = True
                    result.terminated = isinstance(exc, Terminated)
                finally:
                    if self.manifest is not None:
                        self.manifest.close()
                    shutil.rmtree(spool, ignore_errors=True)
        except KeyboardInterrupt as exc:  # the signal came after the batch had finished its work
            result.interrupted = True
            result.terminated = isinstance(exc, Terminated)
        return result

    def _run_with_errors(self, items: Iterable[InputItem]) -> None:
        """The batch, with its errors file open (written atomically: not at all if stopped)."""
        if self.errors is None:
            with contextlib.suppress(_Stop):
                self._run(items)
            return
        try:
            with atomic_writer(self.errors, force=self.plan.force) as self._errors_out, contextlib.suppress(_Stop):
                self._run(items)
        except KeyboardInterrupt:
            self.result.discarded.append(str(self.errors))
            raise
        finally:
            self._errors_out = None

    def _run(self, items: Iterable[InputItem]) -> None:
        stream = self.convert(items)
        try:
            if self.sink is not None:
                self._fill(self.sink, stream)
            elif self.plan.render:
                for item, outcome in stream:
                    done = self.take(item, outcome)
                    if done is not None:
                        self.finish(item, done)
            else:
                self._gather(stream)
        finally:
            stream.close()

    def _fill(self, sink: TableSink, stream: Iterable[tuple[InputItem, _Outcome | None]]) -> None:
        """Every article (or packet) to the table sink, which is aborted if the batch stops."""
        try:
            add = sink.add if self.job.pack is None else sink.add_packet
            for item, payload in self.payloads(stream):
                add(payload, item.path)
        except BaseException:
            sink.abort()
            self.result.discarded.extend(str(path) for path in sink.paths.values())
            raise
        sink.close()

    def _gather(self, stream: Iterable[tuple[InputItem, _Outcome | None]]) -> None:
        """Every article through the writer's stream, into standard output or the one file
        (written atomically: not at all if the batch stops)."""
        writer, output = self.plan.writer, self.plan.output
        assert writer is not None and writer.stream is not None
        current: list[str] = []

        def tracked() -> Iterator[tuple[InputItem, _Outcome | None]]:
            for item, outcome in stream:
                current[:] = [item.path]
                yield item, outcome

        def articles() -> Iterator[Article]:
            for _item, article in self.payloads(tracked()):
                yield article

        try:
            if output is None:
                out = self.stdout()
                with _writing_stdout():
                    writer.stream(articles(), out, self.options)
                    out.flush()
            else:
                try:
                    with atomic_writer(output, force=self.plan.force) as fh:
                        writer.stream(articles(), fh, self.options)
                except (_Stop, KeyboardInterrupt):
                    self.result.discarded.append(str(output))
                    raise
        except (UnicodeError, ValueError) as exc:
            # a writer that cannot render an article (parsers repair text no output can
            # encode, so this is a writer's bug): name the input that brought it
            where = current[0] if current else "<output>"
            raise WriteError(f"{where}: cannot be written as {self.to}: {exc}") from exc


@contextlib.contextmanager
def _writing_stdout() -> Iterator[None]:
    """A failing standard output is a WriteError; a closed pipe (``| head``) passes through."""
    try:
        yield
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        raise WriteError(f"standard output: cannot write: {exc.strerror or exc}") from None


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
    on_skip: Callable[[str, str], None] | None = None,
    sink: TableSink | None = None,
    runner: Runner | None = None,
    writer_spec: WriterSpec | None = None,
) -> BatchResult:
    """Convert ``items`` to the format ``to``.

    With ``output`` None, everything goes to standard output (several inputs need a writer
    that gathers many articles into one output, such as ``jsonl``). With a folder (``folder``
    True, or ``output`` an existing folder; ``Path("out/")`` forgets its ``/``, so a folder
    still to be made needs ``folder=True``), each article gets its own file:
    ``<stem>.<ext>``, or ``<stem>-001.<ext>`` ... for an input holding several. With a file
    and a gathering writer (``jsonl``), every article goes into that one file. Every output is
    written atomically and never over an existing file without ``force``.

    Failures are reported through ``on_error(input, line)`` and, when ``errors`` is given, as
    one JSON record per failed input in that file. ``fail_fast`` stops at the first failure.
    ``timeout`` (seconds, 0 for none) stops an input that takes longer and counts it as failed:
    with a limit, or ``jobs`` above 1, inputs are converted in worker processes, and one still
    busy past the limit is killed and replaced (see `articlekit.workers.WorkerPool`).
    What parsers warn about is reported through ``on_warning(input, message)``, in input order;
    an input left out because none of its articles is in the ``languages`` option asked for
    counts as skipped, reported through ``on_skip(input, line)``.
    ``sink`` takes every article with its input's path, in input order, instead of a writer
    (``to`` is then only a name: the Parquet tables); ``runner`` converts elsewhere (a Dask
    cluster) while this process names, writes and reports exactly as it does for a local run.
    ``writer_spec``, a writer that gathers many articles and is not registered (the ``report``
    command's), is used instead of the writer named ``to``.
    ``options`` go to the parser, the enrichers and the writer, checked against what they
    declare before any input is read (an [`OptionError`][articlekit.options.OptionError]).

    In a folder, a manifest (see `articlekit.manifest`) records which
    input made which output as they are written; with ``skip_existing`` an input it records as
    finished is skipped (its names stay taken), and one left part-way is converted again with
    only its missing outputs written, so a resumed batch ends with the outputs of one never
    interrupted. On Ctrl-C or SIGTERM (when the caller has not set its own handlers) the batch
    stops, finished outputs stay, and outputs that gather many articles (the ``output`` file,
    ``errors``) are not written at all; the result says how far it got.
    """
    writer = writer_spec if writer_spec is not None else get_registry().writer(to) if sink is None else None
    plan = OutputPlan.of(output, writer, folder=folder, force=force, skip_existing=skip_existing, naming=naming)
    events = Events(on_error=on_error, on_progress=on_progress, on_warning=on_warning, on_skip=on_skip)
    batch = Batch(plan, to, fmt=fmt, options=options, jobs=jobs, fail_fast=fail_fast, errors=errors,
                  timeout=timeout, events=events, stdout=stdout, sink=sink, runner=runner)  # fmt: skip
    return batch.run(items)


class Terminated(KeyboardInterrupt):
    """Raised in the main thread when the process gets SIGTERM during a batch: the batch stops
    as it does on Ctrl-C, and the command exits with 143."""


@contextlib.contextmanager
def _stopped_by_signals() -> Iterator[None]:
    """While the block runs, SIGINT raises KeyboardInterrupt and SIGTERM raises Terminated;
    after the first, both are ignored until the block has ended, so that a second Ctrl-C
    cannot break the cleanup (stopping the workers, removing temporary files), which is
    bounded in time. A handler the caller installed itself is left alone."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    defaults = {signal.SIGINT: signal.default_int_handler, signal.SIGTERM: signal.SIG_DFL}
    previous = {sig: signal.getsignal(sig) for sig in defaults}
    ours = [sig for sig, handler in previous.items() if handler in (defaults[sig], None)]

    def stop(signum: int, _frame: object) -> None:
        for sig in ours:
            signal.signal(sig, signal.SIG_IGN)
        raise Terminated if signum == signal.SIGTERM else KeyboardInterrupt

    for sig in ours:
        signal.signal(sig, stop)
    try:
        yield
    finally:
        for sig in ours:
            signal.signal(sig, previous[sig])
