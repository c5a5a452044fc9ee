"""Writing outputs safely: atomically (a temporary file, then a rename), never over an existing
file unless asked, and never outside the output folder."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from articlekit.errors import WriteError

__all__ = ["atomic_writer", "safe_name", "write_atomic"]

_UNSAFE = re.compile(r"[^\w.\-]+")


def safe_name(name: str, fallback: str = "article") -> str:
    """A file name made from arbitrary text (a headline, an id) that cannot leave its folder:
    no separators, no ``..``, no leading dot, at most 120 characters."""
    cleaned = _UNSAFE.sub("_", name).strip("._")
    cleaned = re.sub(r"_+", "_", cleaned)[:120].strip("._")
    return cleaned or fallback


def _umask() -> int:
    mask = os.umask(0o022)  # reading the mask means setting it: put it straight back
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_writer(path: Path, *, force: bool = False) -> Iterator[IO[bytes]]:
    """A binary file to write ``path`` through: the data goes to a temporary file beside it,
    which replaces ``path`` only when the block ends without error. Without ``force`` an
    existing ``path`` is never replaced (WriteError)."""
    path = Path(path)
    if not force and path.exists():
        raise WriteError(f"{path}: exists; use force=True to overwrite it")
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        if hasattr(os, "fchmod"):
            # mkstemp makes the file private (0600); an output gets the mode any new file would
            os.fchmod(fd, 0o666 & ~_umask())
    except OSError as exc:
        raise WriteError(f"{path}: cannot write: {exc.strerror or exc}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if force:
            os.replace(tmp, path)
        else:
            try:
                # link() refuses to replace an existing file: no race with another writer
                os.link(tmp, path)
            except FileExistsError:
                raise WriteError(f"{path}: exists; use force=True to overwrite it") from None
            except OSError:
                if path.exists():
                    raise WriteError(f"{path}: exists; use force=True to overwrite it") from None
                os.replace(tmp, path)
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
        raise WriteError(f"{path}: cannot write: {exc.strerror or exc}") from None
