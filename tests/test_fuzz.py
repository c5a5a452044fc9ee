"""Fuzzing every registered parser (and format detection) with random bytes and mutated real
samples from the shared folder: only ParseError may escape, and every input ends within 2 s.

CI runs ARTICLEKIT_FUZZ_EXAMPLES (default 200) examples per parser, derandomized so a failure
is reproducible; ``python bench/run.py fuzz`` runs 10,000 per parser with the same mutator.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import random
import signal
import time
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import articlekit
from articlekit import ParseError, UnknownFormatError
from articlekit.registry import ParserSpec

SECONDS = 2.0
"""No input may take more CPU time than this: a guard against hangs, not a speed test."""
EXAMPLES = int(os.environ.get("ARTICLEKIT_FUZZ_EXAMPLES", "200"))
MAX_SAMPLES = 16
"""Real samples per parser, spread from the smallest to the largest that belong to it."""
MAX_SAMPLE_BYTES = 256 * 1024
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
"""The repository's own sample articles, fuzzed along with the shared folder's."""

KNOWN_BUGS: dict[str, str] = {}
"""``parser -> reason``: a parser the fuzzer crashes, reported to its owner; a strict xfail."""

TOKENS = [
    b"<", b">", b"</", b"/>", b"&", b"&amp;", b"&#0;", b"&#xD800;", b"&unknown;", b"<![CDATA[", b"]]>", b"<!--",
    b"-->", b"<!DOCTYPE x [<!ENTITY e 'v'>]>", b"<?xml version='1.0' encoding='bogus'?>", b'"', b"'", b"=",
    b"{", b"}", b"[", b"]", b":", b",", b"null", b"1e999", b"-0", b'"\\ud800"', b"\\", b"\x00", b"\xff", b"\xfe\xff",
    b"\xef\xbb\xbf", b"\xc3", b"\xe2\x80", b"\r\n", b"\n\n", b"\t", b" " * 64, b"\x1f\x8b", b"WARC/1.0\r\n",
    b"Content-Length: 99999999\r\n", b"Content-Length: -1\r\n", b"<p>", b"<script>", b"<nitf>", b"<body.content>",
    b"<newsItem>", b"<rss>", b"<item>", b"# ", b"> ", b"- ", b"1. ", b"```", b"---\n", b"\xe2\x80\x9c", b"\xe2\x80\x9d",
]  # fmt: skip
"""Fragments that mean something to some format: dropped into samples by the mutator."""


def mutate(data: bytes, rng: random.Random, others: Sequence[bytes] = ()) -> bytes:
    """A few random edits of ``data``: flips, insertions (random bytes or format tokens),
    deletions, duplications, truncation, and splices with another sample."""
    buf = bytearray(data)
    for _ in range(rng.choice((1, 1, 1, 2, 3, 8))):
        size = len(buf)
        at = rng.randint(0, size)
        kind = rng.randrange(8)
        if kind == 0 and size:
            buf[min(at, size - 1)] ^= 1 << rng.randrange(8)
        elif kind == 1:
            buf[at:at] = rng.randbytes(rng.randint(1, 16))
        elif kind == 2:
            buf[at:at] = rng.choice(TOKENS) * rng.choice((1, 1, 1, 2, 50))
        elif kind == 3 and size:
            del buf[at : at + rng.randint(1, max(1, size // 8))]
        elif kind == 4 and size:
            chunk = buf[at : at + rng.randint(1, 256)]
            buf[at:at] = chunk * rng.randint(1, 20)
        elif kind == 5:
            del buf[at:]
        elif kind == 6 and others:
            other = rng.choice(others)
            start = rng.randint(0, len(other))
            buf[at:at] = other[start : start + rng.randint(1, 4096)]
        elif kind == 7 and size:
            end = min(size, at + rng.randint(1, 64))
            buf[at:end] = bytes(buf[at:end]).upper() if rng.random() < 0.5 else bytes(reversed(buf[at:end]))
    return bytes(buf)


def _parser(name: str) -> ParserSpec:
    return articlekit.get_registry().parser(name)


def _belongs(spec: ParserSpec, path: Path, head: bytes) -> bool:
    name = path.name.lower().removesuffix(".gz")
    if any(name.endswith(ext) for ext in spec.extensions):
        return True
    try:
        return float(spec.sniff(head, name)) >= 0.5
    except Exception:
        return False


@cache
def _all_samples(root: Path) -> tuple[tuple[Path, bytes], ...]:
    found = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.stat().st_size > MAX_SAMPLE_BYTES * 4:
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            with contextlib.suppress(OSError, EOFError):
                data = gzip.decompress(data)
        if len(data) <= MAX_SAMPLE_BYTES:
            found.append((path, data))
    return tuple(found)


def samples_for(fmt: str | None, root: Path) -> list[bytes]:
    """Up to MAX_SAMPLES real samples below ``root`` (and in seeds/) that belong to parser ``fmt`` (by extension
    or sniffing), spread over every size; for ``None`` (detection), a few of every kind."""
    every = _all_samples(root) + _all_samples(SEEDS)
    if fmt is None:
        picked = [data for _path, data in every[:: max(1, len(every) // MAX_SAMPLES)]]
    else:
        spec = _parser(fmt)
        picked = [data for path, data in every if _belongs(spec, path, data[:4096])]
    picked.sort(key=len)
    step = max(1, len(picked) // MAX_SAMPLES)
    return picked[::step][:MAX_SAMPLES] + _written_samples(fmt, root)  # small to large, every size


@cache
def _written_samples(fmt: str | None, root: Path) -> list[bytes]:
    """For a format articlekit also writes (json, nitf, ...): real samples of other formats,
    parsed and written in it, so the fuzzer starts from well-formed documents of that format."""
    registry = articlekit.get_registry()
    if fmt is None or fmt not in registry.writers:
        return []
    written: list[bytes] = []
    every = _all_samples(root)
    for _path, data in every[:: max(1, len(every) // 64)]:
        try:
            article = articlekit.parse(data)
            output = articlekit.dumps(article, fmt)
        except Exception:  # a sample no parser reads yet, or an article the writer refuses
            continue
        written.append(output.encode("utf-8") if isinstance(output, str) else output)
        if len(written) >= MAX_SAMPLES // 2:
            break
    return written


class TookTooLong(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Interrupt a hanging parser (main thread only), so a hang becomes a failure."""

    def expire(_signum: int, _frame: object) -> None:
        raise TookTooLong(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except TookTooLong as exc:
        # raised afresh: the original traceback runs through C frames pytest cannot show
        raise TookTooLong(str(exc)) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def fuzz_once(fmt: str | None, data: bytes) -> tuple[str, float]:
    """Parse ``data`` as ``fmt`` (detected when None) and write every article as JSON.

    Returns ``(outcome, seconds)``: outcome ``ok`` or ``ParseError`` (or ``UnknownFormatError``
    when detecting). Anything else escapes, which is the bug a fuzzer looks for.
    """
    started = time.process_time()
    outcome = "ok"
    with time_limit(SECONDS * 5):
        try:
            # a seekable file: parsers that read streams (parse_stream) get it as a stream
            for article in articlekit.parse_all(io.BytesIO(data), fmt, name="fuzz.input"):
                text = articlekit.dumps(article, "json")
                assert isinstance(text, str)
                text.encode("utf-8")  # no lone surrogates in any field
        except ParseError:
            outcome = "ParseError"
        except UnknownFormatError:
            if fmt is not None:
                raise
            outcome = "UnknownFormatError"
    return outcome, time.process_time() - started


def inputs(samples: Sequence[bytes]) -> st.SearchStrategy[bytes]:
    """Random bytes, random bytes after a plausible start, and mutated samples."""
    random_bytes = st.binary(max_size=2048)
    starts = st.sampled_from([s[:64] for s in samples] or [b"<?xml version='1.0'?>", b"{", b"WARC/1.0\r\n"])
    prefixed = st.builds(lambda head, tail: head + tail, starts, st.binary(max_size=512))
    if not samples:
        return st.one_of(random_bytes, prefixed)
    mutated = st.builds(
        lambda index, rng: mutate(samples[index], rng, samples),
        st.integers(0, len(samples) - 1),
        st.randoms(use_true_random=False),
    )
    return st.one_of(random_bytes, prefixed, mutated, mutated, mutated)


def fuzz_params() -> list[Any]:
    params = []
    for name in [*sorted(articlekit.get_registry().parsers), None]:
        reason = KNOWN_BUGS.get(name or "detected")
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(name, id=name or "detected", marks=marks))
    return params


@pytest.mark.parametrize("fmt", fuzz_params())
def test_fuzz_parser(fmt: str | None, shared: Path) -> None:
    samples = samples_for(fmt, shared / "formats")
    seen: dict[str, int] = {}

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )
    @given(inputs(samples))
    def fuzz(data: bytes) -> None:
        outcome, elapsed = fuzz_once(fmt, data)
        seen[outcome] = seen.get(outcome, 0) + 1
        assert elapsed < SECONDS, f"{fmt or 'detection'} took {elapsed:.2f} s on a {len(data):,}-byte input"

    fuzz()
    assert sum(seen.values()) >= EXAMPLES


def test_the_mutator_changes_samples_and_is_reproducible() -> None:
    sample = b"<nitf><body><p>Hello, world.</p></body></nitf>"
    first = [mutate(sample, random.Random(seed), [b"other sample"]) for seed in range(50)]
    again = [mutate(sample, random.Random(seed), [b"other sample"]) for seed in range(50)]
    assert first == again
    assert sum(m != sample for m in first) >= 45
    assert len(set(first)) >= 40
