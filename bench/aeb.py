"""Body extraction on the article-extraction benchmark's dev pages, articlekit against
trafilatura in the same run: ``python bench/run.py aeb [--pages N] [--no-trafilatura] [--worst N]``.

The metric is the benchmark's own: ``\\w+`` tokens, multisets of 4-token shingles; per page
TP, FP and FN normalised to sum to 1; precision and recall averaged over pages; F1 from the two
averages. Our body text is every body block except related links and media, in order, joined
by newlines (``Article.text``). Only the parse is timed; enrichers are off for the comparison
(trafilatura has none) and timed separately.

The pages are read from ``$ARTICLEKIT_SHARED/corpora/aeb-dev`` (default ``../shared`` beside
the repository) and never copied into the repository.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import articlekit
from articlekit.errors import ArticlekitError

ROOT = Path(__file__).resolve().parent.parent
TARGET_F1 = 0.965
TARGET_SPEEDUP = 2.0

_TOKEN = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of ``size``-token shingles of ``text`` (lower-cased ``\\w+`` tokens); a text
    shorter than one shingle is one shingle of all its tokens."""
    tokens = _TOKEN.findall(text.lower())
    if len(tokens) < size:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def page_scores(expected: str, predicted: str) -> tuple[float, float]:
    """(precision, recall) of one page from TP, FP and FN normalised to sum to 1."""
    truth, got = shingles(expected), shingles(predicted)
    tp = sum((truth & got).values())
    fp = sum((got - truth).values())
    fn = sum((truth - got).values())
    total = tp + fp + fn
    if total == 0:
        return 1.0, 1.0
    tp_n, fp_n, fn_n = tp / total, fp / total, fn / total
    precision = tp_n / (tp_n + fp_n) if tp_n + fp_n else 0.0
    recall = tp_n / (tp_n + fn_n) if tp_n + fn_n else 0.0
    return precision, recall


def summary(scores: Sequence[tuple[float, float]]) -> tuple[float, float, float]:
    """(F1, precision, recall): precision and recall averaged over pages, F1 from the averages."""
    if not scores:
        return 0.0, 0.0, 0.0
    precision = sum(p for p, _ in scores) / len(scores)
    recall = sum(r for _, r in scores) / len(scores)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, precision, recall


def shared_dir() -> Path:
    return Path(os.environ.get("ARTICLEKIT_SHARED", ROOT.parent / "shared")).resolve()


def load_pages(limit: int | None) -> list[tuple[str, bytes, str]]:
    """(id, page bytes, expected body) for each page of aeb-dev."""
    return load_folder(shared_dir() / "corpora" / "aeb-dev", limit)


def load_folder(folder: Path, limit: int | None = None) -> list[tuple[str, bytes, str]]:
    """(id, page bytes, expected body) for each page of a set laid out like aeb-dev:
    ``ground-truth.json`` (``{id: {"articleBody": ...}}``) and ``html/<id>.html.gz``."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth):
        path = folder / "html" / f"{page_id}.html.gz"
        if path.exists():
            pages.append((page_id, gzip.decompress(path.read_bytes()), truth[page_id].get("articleBody") or ""))
    return pages[:limit] if limit else pages


def run_tool(pages: Sequence[tuple[str, bytes, str]], extract: Callable[[bytes], str]) -> tuple[list[str], float]:
    """Every page's text and the pages per second of the extraction alone."""
    texts = []
    elapsed = 0.0
    for _page_id, data, _expected in pages:
        start = time.perf_counter()
        try:
            text = extract(data)
        except ArticlekitError as exc:
            print(f"  error: {exc}", file=sys.stderr)
            text = ""
        elapsed += time.perf_counter() - start
        texts.append(text)
    return texts, len(pages) / elapsed if elapsed else float("inf")


def articlekit_text(data: bytes, enrich: bool = False) -> str:
    return articlekit.parse(data, format="html", enrich=enrich).text


def trafilatura_text(data: bytes) -> str:
    import trafilatura

    return trafilatura.extract(data, include_comments=False, favor_precision=True) or ""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench/run.py aeb", description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=None, help="only the first N pages")
    parser.add_argument("--no-trafilatura", action="store_true", help="measure articlekit alone")
    parser.add_argument("--no-enrich-timing", action="store_true", help="skip the timing with enrichers")
    parser.add_argument("--worst", type=int, default=0, help="list the N pages where articlekit scores worst")
    args = parser.parse_args(argv)
    folder = shared_dir() / "corpora" / "aeb-dev"
    if not folder.exists():
        print(f"{folder} is missing: set ARTICLEKIT_SHARED to the shared folder", file=sys.stderr)
        return 2
    pages = load_pages(args.pages)
    articlekit_text(pages[0][1])  # warm up: plugin registry, imports
    ours, our_speed = run_tool(pages, articlekit_text)
    our_scores = [page_scores(expected, text) for (_, _, expected), text in zip(pages, ours, strict=True)]
    f1, precision, recall = summary(our_scores)
    rows = [("articlekit html (enrich=False)", f1, precision, recall, our_speed)]
    status = 0
    if not args.no_enrich_timing:
        _texts, enriched_speed = run_tool(pages, lambda data: articlekit_text(data, enrich=True))
        rows.append(("articlekit html (with enrichers)", f1, precision, recall, enriched_speed))
    theirs_f1 = None
    if not args.no_trafilatura:
        try:
            import trafilatura  # noqa: F401
        except ImportError:
            print("trafilatura is not installed: pip install 'articlekit[bench]'", file=sys.stderr)
            return 2
        trafilatura_text(pages[0][1])
        theirs, their_speed = run_tool(pages, trafilatura_text)
        their_scores = [page_scores(expected, text) for (_, _, expected), text in zip(pages, theirs, strict=True)]
        theirs_f1, t_precision, t_recall = summary(their_scores)
        rows.append(("trafilatura (favor_precision)", theirs_f1, t_precision, t_recall, their_speed))
    print(f"aeb-dev: {len(pages)} pages")
    print(f"{'tool':34} {'F1':>7} {'prec.':>7} {'recall':>7} {'pages/s':>8}")
    for name, row_f1, row_p, row_r, speed in rows:
        print(f"{name:34} {row_f1:7.4f} {row_p:7.4f} {row_r:7.4f} {speed:8.1f}")
    if theirs_f1 is not None:
        speedup = our_speed / rows[-1][4]
        print(f"speed: {speedup:.2f}x trafilatura's pages/s (target >= {TARGET_SPEEDUP}x)")
        if f1 < max(TARGET_F1, theirs_f1) or speedup < TARGET_SPEEDUP:
            status = 1
    elif f1 < TARGET_F1:
        status = 1
    print(f"F1 target: >= {TARGET_F1} and not below trafilatura's: {'met' if status == 0 else 'NOT met'}")
    if args.worst:
        ranked = sorted(range(len(pages)), key=lambda i: sum(our_scores[i]))
        for i in ranked[: args.worst]:
            p, r = our_scores[i]
            print(f"  {pages[i][0][:16]}  precision {p:.3f}  recall {r:.3f}")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
