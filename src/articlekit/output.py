"""Writing outputs safely: atomically (a temporary file, then a rename), never over an existing
file unless asked, and never outside the output folder."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Literal

import attrs

from articlekit.errors import ArticlekitError, WriteError

if TYPE_CHECKING:
    from articlekit.registry import WriterSpec

__all__ = [
    "NAME_BYTES",
    "STDOUT",
    "Naming",
    "OutputPlan",
    "OutputRefused",
    "Target",
    "atomic_writer",
    "check_replaceable",
    "output_path",
    "safe_name",
    "write_atomic",
]

_UNSAFE = re.compile(r"[^\w.\-]+")

NAME_BYTES = 120
"""The longest name ``safe_name`` gives, in UTF-8 bytes: file systems count bytes (255 at most),
and a suffix (``-001``, ``-2``, ``.json``) and the temporary name around it must still fit."""


def _cut(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` UTF-8 bytes, never inside a character."""
    data = text.encode("utf-8", "surrogatepass")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", "ignore")


def safe_name(name: str, fallback: str = "article") -> str:
    """A file name made from arbitrary text (a headline, an id) that cannot leave its folder:
    no separators, no ``..``, no leading dot, at most ``NAME_BYTES`` bytes in UTF-8 (40 CJK
    characters, 120 ASCII ones)."""
    cleaned = _UNSAFE.sub("_", name).strip("._")
    cleaned = _cut(re.sub(r"_+", "_", cleaned), NAME_BYTES).strip("._")
    return cleaned or fallback


_DISK_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS, errno.EACCES, errno.EPERM})
"""What a write can run into on the way to the disk: reported as a WriteError, not as a bug."""


def _cannot_write(path: Path | str, exc: OSError) -> WriteError:
    return WriteError(f"{path}: cannot write: {exc.strerror or exc}")


def check_replaceable(path: Path) -> None:
    """Raise WriteError unless ``path`` is missing or a regular file: ``--force`` replaces files,
    never a device (``/dev/null``), a named pipe, a folder or a symbolic link (whose target
    may lie anywhere)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    if stat.S_ISREG(mode):
        return
    kind = (
        "a symbolic link"
        if stat.S_ISLNK(mode)
        else "a folder"
        if stat.S_ISDIR(mode)
        else "a named pipe"
        if stat.S_ISFIFO(mode)
        else "a device or socket"
    )
    raise WriteError(f"{path}: is {kind}, not a regular file; only regular files are replaced (use -o - for stdout)")


def _umask() -> int:
    mask = os.umask(0o022)  # reading the mask means setting it: put it straight back
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_writer(path: Path, *, force: bool = False) -> Iterator[IO[bytes]]:
    """A binary file to write ``path`` through: the data goes to a temporary file beside it,
    which replaces ``path`` only when the block ends without error. Without ``force`` an
    existing ``path`` is never replaced (WriteError); with it, only a regular file is (see
    [`check_replaceable`][articlekit.output.check_replaceable]). A disk error (a full disk, a
    quota, a read-only file system) is a WriteError, and no temporary file is left."""
    path = Path(path)
    if not force and os.path.lexists(path):
        raise WriteError(f"{path}: exists; use force=True to overwrite it")
    if force:
        check_replaceable(path)
    folder = path.parent
    tmp: Path | None = None
    writing = False  # True while the caller's block runs: its own errors pass through
    try:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with stops_held():  # a Ctrl-C between making the file and noting its name would leave it
                # the temporary name is cut, so that an output whose name is near the limit still works
                fd, tmp_name = tempfile.mkstemp(prefix=f".{_cut(path.name, 200)}.", suffix=".tmp", dir=folder)
                tmp = Path(tmp_name)
            if hasattr(os, "fchmod"):
                # mkstemp makes the file private (0600); an output gets the mode any new file would
                os.fchmod(fd, 0o666 & ~_umask())
        except BaseException:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
            raise
        with os.fdopen(fd, "wb") as fh:
            writing = True
            try:
                yield fh
            except OSError as exc:
                if exc.errno in _DISK_ERRORS:
                    raise _cannot_write(path, exc) from None
                raise
            writing = False
            fh.flush()
            os.fsync(fh.fileno())
        if force:
            check_replaceable(path)  # again: something may have been planted meanwhile
            os.replace(tmp, path)
        else:
            try:
                # link() refuses to replace an existing file: no race with another writer
                os.link(tmp, path)
            except FileExistsError:
                raise WriteError(f"{path}: exists; use force=True to overwrite it") from None
            except OSError:
                if os.path.lexists(path):
                    raise WriteError(f"{path}: exists; use force=True to overwrite it") from None
                os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
        if writing:
            raise
        raise _cannot_write(path, exc) from None
    except BaseException:
        if tmp is not None:
            with contextlib.suppress(OSError):
                tmp.unlink()
        raise
    else:
        with contextlib.suppress(OSError):
            tmp.unlink()


STOPS = (signal.SIGINT, signal.SIGTERM)
"""The signals that stop a batch (Ctrl-C, ``kill``)."""


@contextlib.contextmanager
def stops_held() -> Iterator[None]:
    """SIGINT and SIGTERM held (blocked) in this thread for the block, delivered after it, where
    the platform has signal masks: for a step that must not be cut in two, such as making a
    temporary file and noting its name so that it can be removed."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, STOPS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def write_atomic(path: Path, data: str | bytes, *, force: bool = False) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` atomically; see [`atomic_writer`][articlekit.output.atomic_writer]."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        with atomic_writer(path, force=force) as fh:
            fh.write(payload)
    except OSError as exc:
        raise _cannot_write(path, exc) from None


# -- where a batch's outputs go -------------------------------------------------------------

STDOUT = "-"
"""The ``-o`` that means standard output, as leaving ``-o`` out does."""

Naming = Literal["input", "id", "headline"]
"""How outputs in a folder are named: after the input file (default), the article's id, or
its headline; id and headline fall back to the input's name when missing."""

Target = Literal["stdout", "file", "folder", "tables"]
"""Where a batch writes: standard output, one file, one file per article in a folder, or a
table sink (the Parquet tables)."""


class OutputRefused(ArticlekitError):
    """The outputs asked for cannot be written as asked (the command line's usage error)."""


def output_path(argument: str | None) -> Path | None:
    """The path ``-o`` names; None for standard output (``-o -``, or no ``-o``)."""
    return Path(argument) if argument and argument != STDOUT else None


@attrs.frozen
class OutputPlan:
    """Where a batch's outputs go and how, decided once from the arguments, before any input is
    read; the command line ([`for_command`][articlekit.output.OutputPlan.for_command]) and
    ``convert_batch`` ([`of`][articlekit.output.OutputPlan.of]) decide with it, and the batch
    writes by it.

    The plans there are:

    - ``stdout``: every article to standard output: one article rendered (one input, a writer
      of one article per output), or every article gathered by the writer's stream (``jsonl``);
    - ``file``: the same into the file ``output``, written atomically;
    - ``folder``: one file per article below ``output``, named by ``naming`` with the writer's
      ``extension``, with a manifest recording which input made which output;
    - ``tables``: every article to a table sink, which writes its own files.
    """

    target: Target
    output: Path | None
    """``-o``: the file or folder written; None for standard output (and for a table sink
    given no folder, which refuses it itself)."""
    gathered: bool
    """True: the articles of every input go into one output, through the writer's ``stream``
    (or to the table sink); False: each article is rendered on its own, one output each."""
    writer: WriterSpec | None = attrs.field(default=None, eq=False, repr=False)
    """The writer: it renders each article, or its ``stream`` gathers them; None for a table
    sink."""
    naming: Naming = "input"
    """How the outputs in a folder are named."""
    force: bool = False
    """Existing outputs are replaced (regular files only)."""
    skip_existing: bool = False
    """Resume: an input whose outputs exist already is left alone (see ``skips``)."""

    @property
    def folder(self) -> bool:
        """``output`` is a folder: of one file per article, or of the tables."""
        return self.output is not None and self.target in ("folder", "tables")

    @property
    def extension(self) -> str:
        """The writer's file extension, for the outputs named in a folder ("" for the tables)."""
        return self.writer.extension if self.writer is not None else ""

    @property
    def render(self) -> bool:
        """Each article is rendered by itself (the opposite of ``gathered``)."""
        return not self.gathered

    @property
    def resumes(self) -> bool:
        """``skip_existing`` applies: outputs written one per input, to a file or a folder
        (a gathered output is written whole or not at all, so it never resumes)."""
        return self.skip_existing and self.output is not None and not self.gathered

    @classmethod
    def of(
        cls,
        output: Path | None,
        writer: WriterSpec | None,
        *,
        folder: bool | None = None,
        force: bool = False,
        skip_existing: bool = False,
        naming: Naming = "input",
    ) -> OutputPlan:
        """The plan for ``convert_batch``'s arguments: ``writer`` None for a table sink;
        ``folder`` None for a folder when ``output`` is one already (a ``Path`` forgets a
        trailing ``/``: a folder still to be made needs ``folder=True``).
        A writer that gathers many articles (``writer.stream``) gathers them, unless a folder
        is asked for: there, as everywhere else, each article has its own output."""
        if folder is None:
            folder = output is not None and (output.is_dir() or str(output).endswith((os.sep, "/")))
        gathered = writer is None or (writer.stream is not None and not folder)
        target: Target
        if writer is None:
            target = "tables"
        elif folder and output is not None:
            target = "folder"
        else:
            target = "stdout" if output is None else "file"
        return cls(
            target,
            output,
            gathered,
            writer=writer,
            naming=naming,
            force=force,
            skip_existing=skip_existing,
        )

    @classmethod
    def for_command(
        cls,
        output: str | None,
        writer: WriterSpec,
        *,
        several: bool,
        tables: bool = False,
        force: bool = False,
        skip_existing: bool = False,
        naming: Naming = "input",
    ) -> OutputPlan:
        """The plan for ``articlekit convert``'s ``-o`` (as typed: a trailing ``/`` says "a
        folder"), ``writer`` (``--to``), whether the inputs are ``several`` (more than one
        argument, a folder or a glob), and ``tables`` (``--to parquet``: a folder of tables).

        ``-o`` is a folder when it is one, ends in ``/``, or when several inputs go to a writer
        of one article per output. Raises [`OutputRefused`][articlekit.output.OutputRefused]
        for several inputs to standard output without a gathering writer, a file where a
        folder is needed, and an existing file without ``force`` (or ``skip_existing`` for one
        output rendered from one input, which then leaves it alone)."""
        path = output_path(output)
        gathers = writer.stream is not None
        folder = path is not None and (
            # the argument, not the path: Path("out/") forgets the slash that says "a folder"
            tables or path.is_dir() or str(output).endswith(("/", os.sep)) or (several and not gathers)
        )
        if path is None and several and not gathers:
            raise OutputRefused("several inputs need an output folder (-o DIR) or a multi-article format (--to jsonl)")
        if folder and path is not None and path.exists() and not path.is_dir():
            raise OutputRefused(f"{path}: is a file; the outputs of several inputs need a folder")
        if (
            path is not None
            and not folder
            and not tables
            and path.exists()
            and not force
            and (gathers or not skip_existing)
        ):
            try:
                check_replaceable(path)  # not "use --force" for what --force never replaces (/dev/null)
            except WriteError as exc:
                raise OutputRefused(str(exc)) from None
            raise OutputRefused(f"{path}: exists; use --force to overwrite it")
        return cls.of(
            path,
            None if tables else writer,
            folder=folder,
            force=force,
            skip_existing=skip_existing,
            naming=naming,
        )
