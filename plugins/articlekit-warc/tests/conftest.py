"""Fixtures for the articlekit-warc tests (the helpers they use live in warc_helpers.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from warc_helpers import PAGE_FORMAT, PagePlugin, Record, write_warc

import articlekit


@pytest.fixture
def page_parser() -> Iterator[dict[str, Any]]:
    """Registers the test page parser; yields the options that make the warc parser use it."""
    name = articlekit.register_plugin(PagePlugin(), name="articlekit-warc-test-pages")
    try:
        yield {"warc_html_format": PAGE_FORMAT, "enrich": False}
    finally:
        articlekit.unregister_plugin(name)


@pytest.fixture
def warc_file(tmp_path: Path) -> Callable[..., Path]:
    """``warc_file(records, name="archive.warc.gz")`` writes a web archive in tmp_path."""

    def make(records: Sequence[Record], name: str = "archive.warc.gz", **kwargs: Any) -> Path:
        return write_warc(tmp_path / name, records, **kwargs)

    return make
