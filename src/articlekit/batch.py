"""Converting many inputs: gathering them, naming outputs, carrying on past bad files."""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs

from articlekit.api import parse_all
from articlekit.errors import ArticlekitError
from articlekit.model import Article
from articlekit.output import atomic_writer, safe_name, write_atomic
from articlekit.plugins import get_registry

__all__ = ["BatchResult", "InputItem", "collect_inputs", "convert_batch"]

STDIN = "-"


@attrs.frozen
class InputItem:
    """One input to convert: a path (or ``-``) and where its outputs go relative to ``-o``."""

    path: str
    relative: Path


@attrs.define
class BatchResult:
    """What a batch did."""

    converted: int = 0
    """Inputs converted."""
    articles: int = 0
    """Articles written."""
    failed: list[tuple[str, str]] = attrs.Factory(list)
    """``(input, reason)`` for every input that failed."""


def _is_hidden(path: Path) -> bool:
    return any(part.startswith(".") and part not in (".", "..") for part in path.parts)


def collect_inputs(args: list[str]) -> tuple[list[InputItem], list[tuple[str, str]]]:
    """Expand folders (recursively, skipping hidden files) and globs. Returns the inputs and
    ``(argument, reason)`` for arguments that name nothing."""
    items: list[InputItem] = []
    missing: list[tuple[str, str]] = []
    for arg in args:
        if arg == STDIN:
            items.append(InputItem(STDIN, Path("stdin")))
            continue
        path = Path(arg)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not _is_hidden(child.relative_to(path)):
                    items.append(InputItem(str(child), child.relative_to(path)))
        elif path.exists():
            items.append(InputItem(arg, Path(path.name)))
        elif glob.has_magic(arg):
            matches = sorted(p for p in glob.glob(arg, recursive=True) if Path(p).is_file())
            if not matches:
                missing.append((arg, "no file matches this pattern"))
            items.extend(InputItem(m, Path(Path(m).name)) for m in matches)
        else:
            missing.append((arg, "no such file or folder"))
    return items, missing


def _stem(relative: Path) -> Path:
    name = relative.name
    for ending in (".gz",):
        if name.lower().endswith(ending):
            name = name[: -len(ending)]
    stem = Path(name).stem if "." in name else name
    return relative.parent / safe_name(stem)


def _articles(item: InputItem, options: dict[str, Any], fmt: str | None) -> Iterator[Article]:
    if item.path == STDIN:
        return parse_all(sys.stdin.buffer, fmt, name=STDIN, **options)
    return parse_all(Path(item.path), fmt, **options)


def convert_batch(
    items: list[InputItem],
    to: str,
    output: Path | None,
    *,
    fmt: str | None = None,
    force: bool = False,
    options: dict[str, Any] | None = None,
    on_error: Callable[[str, str], None] | None = None,
) -> BatchResult:
    """Convert ``items`` to ``to``. With ``output`` None, everything goes to standard output;
    with a folder, one file per article (``<stem>.<ext>``, or ``<stem>-001.<ext>`` ... for an
    input holding several); with a file and a multi-article writer (jsonl), all articles into
    that one file."""
    options = dict(options or {})
    writer = get_registry().writer(to)
    result = BatchResult()
    gather_to_file = output is not None and writer.stream is not None and not _is_folder_target(output, items)

    def fail(name: str, reason: str) -> None:
        result.failed.append((name, reason))
        if on_error is not None:
            on_error(name, reason)

    if gather_to_file:
        assert output is not None
        with atomic_writer(output, force=force) as fh:
            for item in items:
                try:
                    articles = list(_articles(item, options, fmt))
                except ArticlekitError as exc:
                    fail(item.path, str(exc))
                    continue
                assert writer.stream is not None
                result.articles += writer.stream(articles, fh, options)
                result.converted += 1
        return result

    for item in items:
        try:
            articles = list(_articles(item, options, fmt))
            if not articles:
                raise ArticlekitError(f"{item.path}: no article found in the input")
            if output is None:
                _to_stdout(articles, writer.name, options)
            elif not _is_folder_target(output, items):
                if len(articles) > 1:
                    raise ArticlekitError(
                        f"{item.path}: holds {len(articles)} articles; give a folder with -o DIR/ "
                        "or a multi-article format such as --to jsonl"
                    )
                write_atomic(output, writer.write(articles[0], options), force=force)
            else:
                target = output
                stem = _stem(item.relative)
                for index, article in enumerate(articles, start=1):
                    suffix = f"-{index:03d}" if len(articles) > 1 else ""
                    path = target / stem.parent / f"{stem.name}{suffix}{writer.extension}"
                    write_atomic(path, writer.write(article, options), force=force)
            result.converted += 1
            result.articles += len(articles)
        except ArticlekitError as exc:
            fail(item.path, str(exc))
        except Exception as exc:  # a parser bug must not stop the batch
            fail(item.path, f"unexpected {type(exc).__name__}: {exc} (please report this)")
    return result


def _is_folder_target(output: Path, items: list[InputItem]) -> bool:
    return output.is_dir() or str(output).endswith((os.sep, "/")) or len(items) > 1


def _to_stdout(articles: list[Article], to: str, options: dict[str, Any]) -> None:
    writer = get_registry().writer(to)
    out = sys.stdout.buffer
    if writer.stream is not None:
        writer.stream(articles, out, options)
    else:
        for article in articles:
            data = writer.write(article, options)
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
    out.flush()
