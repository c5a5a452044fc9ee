"""Whether a piece of text names someone: the one name heuristic of the parsers, the writers
and the enrichers, with the rule each of them needs.

- ``mention`` (writers): a speaker's mention that names someone worth marking, not a pronoun and
  ending in a capitalised (or uncased) word: ``Putin``, ``de Gaulle``, ``al-Assad``, ``the
  Kremlin`` and ``习近平`` name; ``he``, ``the ministry`` and ``the Russian president`` describe.
- ``credit`` (bylines): a whole credited name, one to six words, each capitalised or a
  connector (``de``, ``van``, ``al-``), not ending a sentence (``Jr.`` and initials may).
- ``word`` (the sources enricher): one word that can stand in a person's name in running text,
  capitalised or a particle.

The rules differ because the questions differ; they live together so that a fix to one is made
knowing the others.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["NAME_CONNECTORS", "NameRule", "is_name", "is_pronoun"]

# Mentions that name nobody: a source's aliases hold these too ("he", "the ministry").
_PRONOUNS = frozenset(
    {
        "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "hers",
        "it", "its", "they", "them", "their", "theirs", "this", "that", "these", "those", "who",
        "whom", "one",
    }
)  # fmt: skip

NAME_CONNECTORS: frozenset[str] = frozenset(
    [
        "de",
        "da",
        "del",
        "della",
        "dei",
        "di",
        "do",
        "dos",
        "das",
        "du",
        "van",
        "von",
        "der",
        "den",
        "ter",
        "ten",
        "la",
        "le",
        "bin",
        "ibn",
        "bint",
        "al",
        "el",
        "y",
        "e",
        "zu",
        "of",
    ]
)
"""Lower-case words inside a person's name (``de``, ``van``, ``bin``), as bylines write them."""

_PARTICLES = frozenset(
    {"al", "el", "de", "da", "di", "del", "der", "van", "von", "bin", "ibn", "ben", "le", "la", "du"}
)
"""The particles a person's name may hold in running text (``al-Omari``, ``van``, ``de``)."""

NameRule = Literal["mention", "credit", "word"]
"""Which question [`is_name`][articlekit.common.names.is_name] answers (see the module)."""


def is_pronoun(mention: str) -> bool:
    """True when ``mention`` is a pronoun or too short to say who is meant (``he``, ``I``)."""
    stripped = mention.strip()
    return len(stripped) < 2 or stripped.lower() in _PRONOUNS


def is_name(text: str, *, rule: NameRule = "mention") -> bool:
    """Whether ``text`` names someone, by ``rule``: a speaker's ``mention``, a byline's
    ``credit`` or one ``word`` of running text (the module says how each reads)."""
    if rule == "mention":
        return _names_by_mention(text)
    if rule == "credit":
        return _names_by_credit(text)
    return _is_name_word(text)


def _names_by_mention(mention: str) -> bool:
    if is_pronoun(mention):
        return False
    last = mention.split()[-1]
    return any(part[:1].isalnum() and not part[:1].islower() for part in last.split("-"))


def _names_by_credit(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 6:
        return False
    for word in words:
        first = word[0]
        if first.isupper():
            continue
        if word.lower().rstrip(".") in NAME_CONNECTORS or word.startswith(("al-", "el-", "d'", "O'")):
            continue
        return False
    return not text.endswith((".", ":", "?", "!")) or words[-1] in ("Jr.", "Sr.") or len(words[-1]) <= 2


def _is_name_word(word: str) -> bool:
    return word[:1].isupper() or word.split("-")[0].lower() in _PARTICLES
