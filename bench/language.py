"""Language detection on news texts whose language is known, every installed detector side by side
in the same run: ``python bench/run.py language [--limit N] [--short N] [--only DETECTOR]``.

The samples, read from ``$ARTICLEKIT_SHARED`` (default ``../shared`` beside the repository) and
never copied into the repository:

- every file under ``formats/`` and every page of ``corpora/aeb-dev`` and ``corpora/web-dev``
  whose metadata names its language (``html lang``, ``og:locale``, NITF ``xml:lang``, ninjs
  ``language``, ...): that language is the truth;
- ``corpora/web-dev/l3s-gn1`` (English news by the set's definition) and PolNeAR's texts (US
  news), all English.

Each sample is the article's body text (the headline when it has none): its first 600
characters, and its first ``--short`` characters (a short news text: a lead, a brief); for
py3langid also the whole text read as the enricher reads it (``detect_sample``: the first 200
characters, and the first 600 when those leave doubt). A detector is right when the
primary subtag it gives is the truth's (``zh-Hant`` counts as ``zh``); an answer below its own
confidence threshold is counted as "unknown", neither right nor wrong. Only detection is timed.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import articlekit
from aeb import shared_dir
from articlekit.enrich.language import (
    _SAMPLE,
    DEFAULT_THRESHOLD,
    DETECTORS,
    Detect,
    Detection,
    detect_sample,
    primary_language,
)
from articlekit.errors import ArticlekitError
from articlekit.model import Article

SAMPLE = _SAMPLE
"""Characters the enricher reads."""


def _articles(path: Path, data: bytes | None = None, fmt: str | None = None) -> Iterator[Article]:
    try:
        yield from articlekit.parse_all(data if data is not None else path, fmt, name=str(path), enrich=False)
    except (ArticlekitError, ValueError, OSError):
        return


def _text(article: Article) -> str:
    return article.text.strip() or article.headline.strip()


def samples(limit: int) -> dict[str, list[tuple[str, str]]]:
    """Set name -> (true language, text) for each sample, at most ``limit`` a set."""
    base = shared_dir()
    found: dict[str, list[tuple[str, str]]] = {}

    def add(name: str, language: str | None, text: str) -> None:
        language = primary_language(language)
        rows = found.setdefault(name, [])
        if language and len(text) >= 20 and len(rows) < limit:
            rows.append((language, text))

    def full(name: str) -> bool:
        return len(found.get(name, ())) >= limit

    formats = "formats (metadata)"
    for path in sorted((base / "formats").rglob("*")):
        if full(formats):
            break
        if path.is_file() and path.suffix.lower() in (".xml", ".json", ".html", ".htm", ".txt", ".nitf"):
            for article in _articles(path):
                add(formats, article.language, _text(article))
    pages = [("aeb-dev", base / "corpora" / "aeb-dev" / "html")]
    pages += [(p.name, p / "html") for p in sorted((base / "corpora" / "web-dev").glob("*")) if (p / "html").is_dir()]
    for folder_name, folder in pages:
        english = folder_name == "l3s-gn1"
        name = f"{folder_name} ({'English' if english else 'metadata'})"
        for path in sorted(folder.glob("*.html.gz")):
            if full(name):
                break
            for article in _articles(path, gzip.decompress(path.read_bytes()), "html"):
                add(name, "en" if english else article.language, _text(article))
    for path in sorted((base / "corpora" / "polnear").glob("*/text/*.txt")):
        if full("polnear (English)"):
            break
        add("polnear (English)", "en", path.read_text(encoding="utf-8", errors="replace"))
    return {name: rows for name, rows in found.items() if rows}


def lingua() -> Detect | None:
    if importlib.util.find_spec("lingua") is None:
        return None
    from lingua import LanguageDetectorBuilder

    detector = LanguageDetectorBuilder.from_all_languages().build()

    def detect(text: str) -> Detection | None:
        values = detector.compute_language_confidence_values(text)
        if not values:
            return None
        best = values[0]
        return Detection(best.language.iso_code_639_1.name.lower(), float(best.value), "lingua")

    return detect


def langdetect() -> Detect | None:
    if importlib.util.find_spec("langdetect") is None:
        return None
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # the same answer every time

    def detect(text: str) -> Detection | None:
        try:
            best = detect_langs(text)[0]
        except LangDetectException:
            return None
        return Detection(str(best.lang), float(best.prob), "langdetect")

    return detect


def pycld2() -> Detect | None:
    if importlib.util.find_spec("pycld2") is None:
        return None
    import pycld2

    def detect(text: str) -> Detection | None:
        try:
            reliable, _size, details = pycld2.detect(text)
        except pycld2.error:
            return None
        _name, code, percent, _score = details[0]
        if code == "un":
            return None
        return Detection(str(code), (percent / 100.0) if reliable else 0.0, "pycld2")

    return detect


PEERS: dict[str, Callable[[], Detect | None]] = {"lingua": lingua, "langdetect": langdetect, "pycld2": pycld2}
"""The detectors the enricher's is compared with, where installed (not articlekit's dependencies)."""


def evaluate(
    detect: Callable[[str], Detection | None], rows: list[tuple[str, str]], threshold: float = 0.0
) -> tuple[int, int, int, float]:
    """(right, wrong, unknown, seconds) over the samples; an answer less sure than ``threshold``
    is unknown."""
    right = wrong = unknown = 0
    seconds = 0.0
    for truth, text in rows:
        started = time.perf_counter()
        found = detect(text)
        seconds += time.perf_counter() - started
        if found is None or found.confidence < threshold:
            unknown += 1
        elif primary_language(found.language) == truth:
            right += 1
        else:
            wrong += 1
    return right, wrong, unknown, seconds


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench/run.py language", description=__doc__)
    parser.add_argument("--limit", type=int, default=300, help="samples per set (default 300)")
    parser.add_argument("--short", type=int, default=200, help="characters of the short texts (default 200)")
    parser.add_argument("--only", action="append", metavar="DETECTOR", help="only this detector (repeatable)")
    args = parser.parse_args(argv)
    if not (shared_dir() / "corpora").is_dir():
        print(f"no shared samples under {shared_dir()}: set ARTICLEKIT_SHARED", file=sys.stderr)
        return 1
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # what the parsers say about the samples is not measured here
        sets = samples(args.limit)
    everything = [row for rows in sets.values() for row in rows]
    languages = Counter(truth for truth, _ in everything)
    print(f"{len(everything)} samples in {len(sets)} sets; languages: {dict(languages.most_common())}")
    for name, rows in sets.items():
        print(f"  {name}: {len(rows)}")
    header = ("detector", "texts", "right", "wrong", "unknown", "accuracy", "not en", "ms/text")
    print("\n{:<12} {:<11} {:>6} {:>6} {:>8} {:>9} {:>7} {:>8}".format(*header))
    print("(accuracy: right over all samples; not en: right over the samples not in English)")
    lengths = ((f"{SAMPLE} ch", SAMPLE), (f"{args.short} ch", args.short))
    missing = []
    for name, factory in {**DETECTORS, **PEERS}.items():
        if args.only and name not in args.only:
            continue
        started = time.perf_counter()
        detect = factory()
        if detect is None:
            missing.append(name)
            continue
        detect("warm up: the model is loaded before timing")
        loading = time.perf_counter() - started
        thresholds = (0.0, DEFAULT_THRESHOLD) if name in DETECTORS else (0.0,)
        readings: list[tuple[str, int | None, Callable[[str], Detection | None]]] = [
            (label, length, detect) for label, length in lengths
        ]
        if name == "py3langid":
            readings.append(("enricher", None, lambda text: detect_sample(text, threshold=0.0)))
        for (label, length, read), threshold in ((r, th) for r in readings for th in thresholds):
            rows = [(truth, text[:length]) for truth, text in everything]
            right, wrong, unknown, seconds = evaluate(read, rows, threshold)
            foreign = [(truth, text) for truth, text in rows if truth != "en"]
            foreign_right = evaluate(read, foreign, threshold)[0] if foreign else 0
            label += f" ≥{threshold:g}" if threshold else ""
            print(
                f"{name:<12} {label:<11} {right:>6} {wrong:>6} {unknown:>8} {right / len(rows):>9.3f} "
                f"{foreign_right / max(1, len(foreign)):>7.3f} {1000 * seconds / len(rows):>8.2f}"
            )
        print(f"{'':<12} (loading the model and a first text: {loading:.2f} s)")
    if missing:
        print(f"not installed, left out: {', '.join(missing)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
