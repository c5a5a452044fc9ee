"""Shared fixtures. Tests that read ../shared get it through the ``shared`` fixture: the folder
named by ARTICLEKIT_SHARED, by default ``../shared`` beside the repository. Where it is missing
they skip, except under CI=true, where a missing folder fails."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

import articlekit.plugins

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

settings.register_profile("ci", max_examples=500, deadline=None)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") == "true" else "dev"))


def shared_dir() -> Path:
    """The shared folder, whether or not it exists."""
    return Path(os.environ.get("ARTICLEKIT_SHARED", ROOT.parent / "shared")).resolve()


def require_shared(*parts: str) -> Path:
    """The path below the shared folder; skips the test (fails under CI=true) when missing."""
    path = shared_dir().joinpath(*parts)
    if not path.exists():
        reason = f"{path} is missing: set ARTICLEKIT_SHARED to the shared folder"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return path


@pytest.fixture
def shared() -> Path:
    """The shared folder (see ``require_shared``)."""
    return require_shared()


@pytest.fixture
def seeds() -> Path:
    return SEEDS


@pytest.fixture
def fresh_plugins() -> Iterator[None]:
    """Reset the plugin manager before and after a test that registers plugins."""
    articlekit.plugins.reset()
    yield
    articlekit.plugins.reset()
