"""The fast version of bench/complexity.py: every hostile shape, at small sizes, must grow
near-linearly. No time is compared with a fixed number of seconds, only sizes of one shape with
each other; the limit leaves room for a shared, noisy machine (quadratic growth is 2)."""

from __future__ import annotations

import importlib.util
import math
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_complexity", BENCH / "complexity.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


complexity = _load()

LIMIT = math.log2(3)
"""The growth exponent (1 linear, 2 quadratic) the gentlest doubling of a shape may reach
here: its time may not triple in every doubling."""
START = 8 * 1024
"""The smallest size in bytes (the benchmark starts at 64 KiB and doubles three times)."""


def _params() -> list[object]:
    params = []
    for shape in complexity.SHAPES:
        marks = [pytest.mark.xfail(strict=False, reason=shape.known)] if shape.known else []
        params.append(pytest.param(shape, id=shape.name, marks=marks))
    return params


@pytest.mark.parametrize("shape", _params())
def test_every_shape_grows_near_linearly(shape: object) -> None:
    if not complexity.applicable([shape]):
        pytest.skip(f"no parser for {shape.target!r}")  # type: ignore[attr-defined]
    start = min(START, (shape.start or START) // 2)  # type: ignore[attr-defined]
    growth = complexity.measure(shape, start=start, doublings=2, repeat=1, budget=0.02)
    if growth.gentlest > LIMIT:  # a busy machine can slow one size down: measure once more
        again = complexity.measure(shape, start=start, doublings=2, repeat=3, budget=0.1)
        growth = min(growth, again, key=lambda g: g.gentlest)
    ratios = ", ".join(f"{r:.2f}" for r in growth.ratios)
    assert growth.gentlest <= LIMIT, (
        f"{growth.gentlest:.2f} from {growth.sizes[0]:,} to {growth.sizes[-1]:,} bytes "
        f"(time ratio per doubling {ratios}; 2 is linear)"
    )


def test_the_check_tells_quadratic_from_linear() -> None:
    """The harness itself: a made-up quadratic shape fails and a linear one passes."""
    linear = complexity.Growth(None, (1000, 2000, 4000), (0.010, 0.021, 0.041))
    jump = complexity.Growth(None, (1000, 2000, 4000), (0.010, 0.060, 0.121))  # a cache boundary
    quadratic = complexity.Growth(None, (1000, 2000, 4000), (0.010, 0.040, 0.160))
    assert linear.gentlest < 1.1 and jump.gentlest < 1.1 < LIMIT < quadratic.gentlest
    assert [round(r, 1) for r in quadratic.ratios] == [4.0, 4.0]
    late = complexity.Growth(None, (1000, 2000, 4000, 8000), (0.010, 0.060, 0.240, 0.960))
    assert late.exponent > 1.9  # the bench's verdict leaves the first doubling out


def test_the_benchmark_is_listed() -> None:
    spec = importlib.util.spec_from_file_location("bench_run", BENCH / "run.py")
    assert spec is not None and spec.loader is not None
    runner = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(runner)
    assert runner.BENCHMARKS["complexity"] == "complexity"
