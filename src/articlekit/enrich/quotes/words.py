"""The quote finder's own word lists, as data files: ``lexicons/NAME.txt`` in this package, one
entry a line (lines starting with ``#`` are comments). The lists the quote, source and date
enrichers share stay in [`articlekit.enrich.lexicon`][articlekit.enrich.lexicon]."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

__all__ = ["alternation", "mute_subject", "word_list", "word_sequence"]


@cache
def word_list(name: str) -> frozenset[str]:
    """The entries of ``lexicons/{name}.txt``. A missing list is an error naming the file."""
    return frozenset(word_sequence(name))


@cache
def word_sequence(name: str) -> tuple[str, ...]:
    """The entries of ``lexicons/{name}.txt`` in the file's order (for patterns, where the
    first alternative that matches wins)."""
    resource = files(__package__).joinpath("lexicons").joinpath(f"{name}.txt")
    if not resource.is_file():
        raise FileNotFoundError(f"no word list {name!r}: expected {resource}")
    entries = (line.strip() for line in resource.read_text(encoding="utf-8").splitlines())
    return tuple(e for e in entries if e and not e.startswith("#"))


def alternation(name: str) -> str:
    """A regular expression group matching any entry of ``lexicons/{name}.txt``, tried in the
    file's order: ``(?:a|b|c)``."""
    return "(?:" + "|".join(re.escape(entry) for entry in word_sequence(name)) + ")"


def mute_subject(mention: str) -> bool:
    """Whether a subject's head noun (its last word) names a thing that cannot speak, from
    ``lexicons/mute_nouns.txt``: ``The storm`` (promised to be severe), ``All the evidence``
    (points to a leak), ``The arrow`` (points to the exit), ``The results of the poll`` (the
    head before ``of``). Only a head in lower case: ``Tony Snow`` and ``Mayor Bill Flood`` are
    names."""
    words = mention.split()
    lowered = [w.lower() for w in words]
    if "of" in lowered[1:]:
        words = words[: lowered.index("of", 1)]  # "The results of the poll": the head before "of"
    if not words:
        return False
    head = words[-1].strip(".,;:’'\"")
    # a capitalised head is a name ("Tony Snow", "Mayor Bill Flood", "Snow" alone)
    return head[:1].islower() and head in word_list("mute_nouns")
