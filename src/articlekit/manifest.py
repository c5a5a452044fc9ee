"""The manifest of an output folder: which input made which output, so that an interrupted
batch can be resumed exactly.

A batch writing to a folder appends one JSON line to ``.articlekit-manifest.jsonl`` in that
folder right after each output is renamed into place, and one when an input is finished::

    {"input": "/in/a.warc", "argument": 0, "size": 5120, "mtime_ns": 17334800, "article": 1, "output": "a-001.json"}
    {"input": "/in/a.warc", "argument": 0, "size": 5120, "mtime_ns": 17334800, "done": 2}

An input is known by its absolute path, the position of the command-line argument that named
it (the same file named twice is two inputs), its size and its modification time. Each line
is written with one ``write`` on a file opened for appending, so a line is whole or, after a
crash, the last line is cut short, and a cut line is ignored when the manifest is read. When
an input's size or time has changed, what the manifest says about it no longer counts.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import attrs

from articlekit.errors import WriteError

__all__ = ["MANIFEST_NAME", "Entry", "Identity", "Manifest"]

MANIFEST_NAME = ".articlekit-manifest.jsonl"
"""The manifest's file name in an output folder (hidden, so never read as an input)."""


@attrs.frozen
class Identity:
    """Which input: where it is, which argument named it, and the size and time it had."""

    path: str
    argument: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: str, argument: int) -> Identity | None:
        """The identity of the file at ``path`` now; None when it cannot be known (stdin, a
        file that cannot be read)."""
        if path == "-":
            return None
        try:
            info = os.stat(path)
        except OSError:
            return None
        return cls(os.path.abspath(path), argument, info.st_size, info.st_mtime_ns)

    def record(self) -> dict[str, Any]:
        return {"input": self.path, "argument": self.argument, "size": self.size, "mtime_ns": self.mtime_ns}


@attrs.define
class Entry:
    """What a manifest says about one input."""

    identity: Identity
    outputs: dict[int, str] = attrs.Factory(dict)
    """Article number (from 1) to output path below the folder (POSIX)."""
    done: int | None = None
    """How many articles the input gave, once every one of its outputs was written."""

    def complete(self, folder: Path) -> bool:
        """True when the input was finished and every output it made is still there."""
        return (
            self.done is not None
            and len(self.outputs) >= self.done
            and all(os.path.lexists(folder / name) for name in self.outputs.values())
        )


class Manifest:
    """The manifest of ``folder``; read it with ``load=True`` (to resume), append to it always."""

    def __init__(self, folder: Path, *, load: bool = False) -> None:
        self.folder = folder
        self.path = folder / MANIFEST_NAME
        self.entries: dict[tuple[int, str], Entry] = self._read() if load else {}
        self._fd: int | None = None
        self._makers: dict[str, tuple[int, str]] | None = None

    def _read(self) -> dict[tuple[int, str], Entry]:
        entries: dict[tuple[int, str], Entry] = {}
        try:
            with open(self.path, "rb") as fh:
                lines = list(fh)
        except OSError:
            return entries
        for line in lines:
            try:
                record = json.loads(line)
                identity = Identity(
                    str(record["input"]), int(record["argument"]), int(record["size"]), int(record["mtime_ns"])
                )
            except (ValueError, KeyError, TypeError):
                continue  # a line cut short by a crash, or not ours
            key = (identity.argument, identity.path)
            entry = entries.get(key)
            if entry is None or entry.identity != identity:
                entry = entries[key] = Entry(identity)  # the input changed since: start again
            if isinstance(record.get("article"), int) and isinstance(record.get("output"), str):
                entry.outputs[record["article"]] = record["output"]
            if isinstance(record.get("done"), int):
                entry.done = record["done"]
        return entries

    def lookup(self, identity: Identity | None) -> Entry | None:
        """What the manifest read says about this input as it is now, or None."""
        if identity is None:
            return None
        entry = self.entries.get((identity.argument, identity.path))
        return entry if entry is not None and entry.identity == identity else None

    def changed(self, identity: Identity | None) -> bool:
        """True when the manifest read knows this input with another size or time: its outputs
        are out of date, not to be kept."""
        if identity is None:
            return False
        entry = self.entries.get((identity.argument, identity.path))
        return entry is not None and entry.identity != identity

    def maker(self, name: str, identity: Identity | None) -> str | None:
        """The input that made the output ``name`` (below the folder) in the run read, when it is
        not this one (``identity``): an existing file is not this input's to keep. None when it
        is this input's, or the manifest read does not know it."""
        if self._makers is None:
            self._makers = {output: key for key, entry in self.entries.items() for output in entry.outputs.values()}
        key = self._makers.get(name)
        if key is None or (identity is not None and key == (identity.argument, identity.path)):
            return None
        return key[1]

    def output(self, identity: Identity | None, article: int, name: str) -> None:
        """Record that article ``article`` of the input is in ``name`` (below the folder)."""
        if identity is not None:
            self._append({**identity.record(), "article": article, "output": name})

    def done(self, identity: Identity | None, count: int) -> None:
        """Record that every output of the input, ``count`` articles, was written."""
        if identity is not None:
            self._append({**identity.record(), "done": count})

    def _append(self, record: dict[str, Any]) -> None:
        line = json.dumps(record).encode("ascii")  # ASCII: any file name, even one that is not UTF-8
        try:
            if self._fd is None:
                flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
                self._fd = os.open(self.path, flags, 0o666)
            os.write(self._fd, line + b"\n")
        except OSError as exc:
            raise WriteError(f"{self.path}: cannot write: {exc.strerror or exc}") from None

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
