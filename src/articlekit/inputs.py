"""Reading an input into a [`Document`][articlekit.registry.Document]: paths, bytes, text,
binary files and standard input, with gzip taken off transparently and a size limit."""

from __future__ import annotations

import gzip
import io
import os
import zlib
from pathlib import Path
from typing import IO, Union

from articlekit.errors import ParseError
from articlekit.registry import Document
from articlekit.repair import repair_text

__all__ = ["DEFAULT_MAX_BYTES", "InputSource", "read_at_most", "read_document"]

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
"""The largest input read, after decompression: 64 MiB. Change it with the ``max_bytes``
option (``--max-size`` on the command line); 0 means no limit."""

InputSource = Union[str, bytes, bytearray, "os.PathLike[str]", IO[bytes]]
"""What [`parse`][articlekit.parse] accepts: a path (``pathlib.Path`` or any ``os.PathLike``),
``bytes``, a ``str`` holding the article's text itself (not a file name), or a binary file
object."""

_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 20


def _too_large(name: str, limit: int) -> ParseError:
    return ParseError(
        f"input is larger than the {limit:,}-byte limit; raise it with --max-size (max_bytes=...)",
        file=name,
    )


def _read_limited(stream: IO[bytes], name: str, limit: int) -> bytes:
    data = read_at_most(stream, limit)
    if 0 < limit < len(data):
        raise _too_large(name, limit)
    return data


def read_at_most(stream: IO[bytes], limit: int) -> bytes:
    """The stream to its end, or its first ``limit + 1`` bytes (enough to tell it is too
    large); all of it when ``limit`` is 0. Text read from a text file is encoded as UTF-8."""
    if limit <= 0:
        data = stream.read()
        return data.encode("utf-8") if isinstance(data, str) else data
    # in chunks: read(limit + 1) would allocate the whole limit up front (--max-size 1T)
    parts: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            break
        if isinstance(chunk, str):  # a text file
            chunk = chunk.encode("utf-8")
        parts.append(chunk)
        size += len(chunk)
    return b"".join(parts)


def _gunzip(data: bytes, name: str, limit: int) -> bytes:
    out = io.BytesIO()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
            while True:
                chunk = gz.read(_CHUNK)
                if not chunk:
                    break
                out.write(chunk)
                if limit > 0 and out.tell() > limit:
                    raise _too_large(name, limit)
    except EOFError:
        raise ParseError("truncated gzip: the compressed stream ends early", file=name) from None
    except (OSError, zlib.error) as exc:
        raise ParseError(f"corrupt gzip: {exc}", file=name) from None
    return out.getvalue()


def read_document(source: InputSource, name: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read ``source`` into a Document, decompressing gzip and enforcing ``max_bytes``.

    ``name`` is used in messages and for detection by extension; it defaults to the path,
    ``<bytes>``, ``<text>`` or the file object's ``name``. Raises ParseError for unreadable
    files, inputs over the limit and corrupt gzip.
    """
    if isinstance(source, (bytes, bytearray)):
        label = name or "<bytes>"
        data = bytes(source)
        if max_bytes > 0 and len(data) > max_bytes:
            raise _too_large(label, max_bytes)
    elif isinstance(source, str):
        label = name or "<text>"
        data = repair_text(source, label).encode("utf-8")  # a lone surrogate cannot be encoded
        if max_bytes > 0 and len(data) > max_bytes:
            raise _too_large(label, max_bytes)
    elif isinstance(source, os.PathLike):
        path = Path(source)
        label = name or str(source)
        try:
            if path.is_dir():
                raise ParseError("is a folder, not a file", file=label)
            # refuse an oversized regular file before reading a byte of it (a gzip is never
            # smaller once decompressed, so its compressed size is a lower bound too)
            if max_bytes > 0 and path.is_file() and path.stat().st_size > max_bytes:
                raise _too_large(label, max_bytes)
            with path.open("rb") as fh:
                data = _read_limited(fh, label, max_bytes)
        except OSError as exc:
            raise ParseError(f"cannot read: {exc.strerror or exc}", file=label) from None
    elif hasattr(source, "read"):
        label = name or str(getattr(source, "name", "<stream>"))
        data = _read_limited(source, label, max_bytes)
        if isinstance(data, str):
            data = data.encode("utf-8")
    else:
        raise TypeError(f"cannot read an article from {type(source).__name__}; pass a path, bytes, str or binary file")
    if data.startswith(_GZIP_MAGIC):
        data = _gunzip(data, label, max_bytes)
        if label.lower().endswith(".gz"):
            label = label[:-3]
    return Document(data=data, name=label)
