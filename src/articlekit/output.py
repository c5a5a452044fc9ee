"""Writing outputs safely: atomically (a temporary file, then a rename), never over an existing
file unless asked, and never outside the output folder."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from articlekit.errors import WriteError

__all__ = ["NAME_BYTES", "atomic_writer", "check_replaceable", "safe_name", "write_atomic"]

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
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # the temporary name is cut, so that an output whose name is near the limit still works
        fd, tmp_name = tempfile.mkstemp(prefix=f".{_cut(path.name, 200)}.", suffix=".tmp", dir=folder)
        if hasattr(os, "fchmod"):
            # mkstemp makes the file private (0600); an output gets the mode any new file would
            os.fchmod(fd, 0o666 & ~_umask())
    except OSError as exc:
        raise _cannot_write(path, exc) from None
    tmp = Path(tmp_name)
    writing = False  # True while the caller's block runs: its own errors pass through
    try:
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
        with contextlib.suppress(OSError):
            tmp.unlink()
        if writing:
            raise
        raise _cannot_write(path, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    else:
        with contextlib.suppress(OSError):
            tmp.unlink()


def write_atomic(path: Path, data: str | bytes, *, force: bool = False) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` atomically; see [`atomic_writer`][articlekit.output.atomic_writer]."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        with atomic_writer(path, force=force) as fh:
            fh.write(payload)
    except OSError as exc:
        raise _cannot_write(path, exc) from None
