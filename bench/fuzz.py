"""Fuzz every registered parser (and format detection) at length: 10,000 inputs each by default.

The inputs come from the same mutator as ``tests/test_fuzz.py`` (random bytes, plausible
starts, mutated real samples from the shared folder), driven by a seeded ``random.Random`` so a
run is reproducible. It reports, per parser, how inputs ended (parsed, ParseError), the slowest
input, and every escape (an exception other than ParseError, or an input over 2 s), saving each
offending input to ``--save`` for the parser's owner.

Run: ``python bench/run.py fuzz [--examples 10000] [--seed 1] [--parsers nitf,text] [--save DIR]``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import random
import sys
import time
import traceback
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_fuzz import SECONDS, TOKENS, TookTooLong, fuzz_once, mutate, samples_for  # noqa: E402

import articlekit  # noqa: E402


def shared_formats() -> Path:
    return Path(os.environ.get("ARTICLEKIT_SHARED", ROOT.parent / "shared")).resolve() / "formats"


def one_input(rng: random.Random, samples: list[bytes]) -> bytes:
    """An input drawn like the test's strategy: random bytes, a plausible start, or a mutation."""
    roll = rng.random()
    if roll < 0.15 or not samples:
        return rng.randbytes(rng.randint(0, 2048))
    if roll < 0.25:
        return rng.choice(samples)[:64] + rng.randbytes(rng.randint(0, 512)) + rng.choice(TOKENS)
    return mutate(rng.choice(samples), rng, samples)


def fuzz_parser(fmt: str | None, examples: int, seed: int, save: Path | None) -> dict[str, object]:
    samples = samples_for(fmt, shared_formats()) if shared_formats().exists() else []
    rng = random.Random(f"{seed}:{fmt}")
    outcomes: Counter[str] = Counter()
    escapes: Counter[str] = Counter()
    slowest = 0.0
    started = time.monotonic()
    for index in range(examples):
        data = one_input(rng, samples)
        try:
            # some libraries print about broken input (warcio): keep the report readable
            with contextlib.redirect_stderr(io.StringIO()):
                outcome, elapsed = fuzz_once(fmt, data)
        except TookTooLong:
            outcome, elapsed = "hang", SECONDS * 5
        except Exception as exc:  # an escape: the bug this looks for
            outcome, elapsed = f"escape {type(exc).__name__}", 0.0
            where = traceback.extract_tb(exc.__traceback__)[-1]
            key = f"{type(exc).__name__} at {Path(where.filename).name}:{where.lineno}"
            if not escapes[key] and save is not None:
                save.mkdir(parents=True, exist_ok=True)
                (save / f"{fmt or 'detected'}-{index}.bin").write_bytes(data)
            escapes[key] += 1
        if elapsed >= SECONDS:
            escapes[f"slow ({elapsed:.1f} s)"] += 1
        slowest = max(slowest, elapsed)
        outcomes[outcome.split(" ")[0]] += 1
    return {
        "parser": fmt or "(detection)",
        "samples": len(samples),
        "examples": examples,
        "outcomes": dict(outcomes),
        "slowest": slowest,
        "seconds": time.monotonic() - started,
        "escapes": dict(escapes),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench/run.py fuzz")
    parser.add_argument("--examples", type=int, default=10_000, help="inputs per parser (default 10,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--parsers", help="comma-separated parser names (default: all, and detection)")
    parser.add_argument("--save", type=Path, help="write each escaping input here")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")  # parsers' warnings about odd inputs are expected here
    names: list[str | None] = (
        list(args.parsers.split(",")) if args.parsers else [*articlekit.get_registry().parsers, None]
    )
    print("| parser | real samples | inputs | parsed | ParseError | slowest (s) | escapes |")
    print("|---|---:|---:|---:|---:|---:|---|")
    status = 0
    for name in names:
        result = fuzz_parser(name, args.examples, args.seed, args.save)
        outcomes = result["outcomes"]
        assert isinstance(outcomes, dict)
        escapes = result["escapes"]
        assert isinstance(escapes, dict)
        escaped = "; ".join(f"{k} x{v}" for k, v in sorted(escapes.items())) or "none"
        refused = outcomes.get("ParseError", 0) + outcomes.get("UnknownFormatError", 0)
        print(
            f"| {result['parser']} | {result['samples']} | {result['examples']:,} | {outcomes.get('ok', 0):,} | "
            f"{refused:,} | {result['slowest']:.2f} | {escaped} |",
            flush=True,
        )
        status |= int(bool(escapes))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
