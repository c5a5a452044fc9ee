"""Tidying the contributors every parser gives, by general rules, so that each format's
credits come out alike: agencies and outlets typed as organisations, one entry per person and
role, ``Name / Outlet`` split into a person and an affiliation, a list of names in one credit
split into one contributor each.

Names credited in capitals keep them (``BERNARD CONDON``: the article's own words); their
[`Contributor.display_name`][articlekit.model.Contributor.display_name] is in title case.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from articlekit.common.bylines import AGENCIES, is_organisation
from articlekit.common.names import NAME_CONNECTORS
from articlekit.model import Contributor, ContributorKind

__all__ = ["contributor_kind", "looks_like_person", "tidy_contributors"]

# "NTB-AFP-DPA", "AP/Reuters": agencies joined by a hyphen or slash
_JOINED_AGENCIES = re.compile(r"^[A-Za-z]{2,}(?:\s*[-/+]\s*[A-Za-z]{2,})+$")
_WEB_ADDRESS = re.compile(r"\.(?:com|no|se|dk|de|org|net|co\.uk|fi|nl|fr|es|it|info|news)\b", re.IGNORECASE)
# "DopingWatch", "NewsCorp": one word with a capital inside; not a surname ("McDonald", "DeSantis")
_CAMEL_CASE = re.compile(r"^(?!(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz)[A-Z])[A-Z][a-z]+(?:[A-Z][a-z]*)+$")
# the separators of several names in one credit
_NAME_LIST = re.compile(r"\s*;\s*|\s+(?:and|und|og|och|et|y|&)\s+|\s*,\s*")


def _word_is_agency(word: str) -> bool:
    return word in AGENCIES or word.upper() in AGENCIES


def contributor_kind(name: str) -> ContributorKind:
    """``organisation`` for a name that is no person's: an agency (``NTB``, ``Xinhua``), agencies
    joined (``NTB-AFP-DPA``), an outlet's words (``The Daily Star``) or web address
    (``Faktisk.no``), a brand written as one word with a capital inside (``DopingWatch``), a
    desk's initials (``gr/bp``); otherwise ``person``."""
    text = " ".join(name.split())
    if not text:
        return "person"
    if is_organisation(text) or _WEB_ADDRESS.search(text) or _CAMEL_CASE.match(text):
        return "organisation"
    if _JOINED_AGENCIES.match(text):
        parts = re.split(r"\s*[-/+]\s*", text)
        # agencies ("NTB-AFP-DPA") or initials ("gr/bp"); not a double name ("Jean-Pierre")
        if "/" in text or "+" in text or all(_word_is_agency(p) or p.isupper() for p in parts):
            return "organisation"
    words = text.split()
    if len(words) == 1 and (
        (text.isupper() and 2 <= len(text) <= 6) or text.islower() or any(c.isdigit() for c in text)
    ):
        return "organisation"  # "NTB", "tt", "AFP1": an acronym or a code, not a name
    return "person"


def looks_like_person(text: str) -> bool:
    """Whether ``text`` reads as a person's name: two to five words, each capitalised or a
    name connector (``de``, ``van``), and not an organisation's."""
    words = text.split()
    if not 2 <= len(words) <= 5 or contributor_kind(text) != "person":
        return False
    return all(w[0].isupper() or w.lower() in NAME_CONNECTORS for w in words) and not any(c.isdigit() for c in text)


def _split(contributor: Contributor) -> list[Contributor]:
    """One contributor per name: ``Geir Molnes / Faktisk.no`` is a person and an affiliation;
    ``Jane Doe, John Roe and Ann Poe`` three people (a list of names only when every part is a
    person's name: ``Jane Doe, Reuters`` is a name and an affiliation)."""
    name = " ".join(contributor.name.split())
    person, slash, outlet = name.partition(" / ")
    if slash and looks_like_person(person.strip()) and outlet.strip() and "/" not in outlet:
        return [
            attrs.evolve(
                contributor, name=person.strip(), kind="person", affiliation=contributor.affiliation or outlet.strip()
            )
        ]
    parts = [p for p in _NAME_LIST.split(name) if p]
    if len(parts) > 1 and all(looks_like_person(p) for p in parts):
        return [attrs.evolve(contributor, name=p, kind="person") for p in parts]
    if len(parts) == 2 and "," in name and looks_like_person(parts[0]) and contributor_kind(parts[1]) == "organisation":
        return [attrs.evolve(contributor, name=parts[0], affiliation=contributor.affiliation or parts[1])]
    return [attrs.evolve(contributor, name=name)] if name != contributor.name else [contributor]


def _same(name: str) -> str:
    return " ".join(name.casefold().split())


_WRITING_ROLES = frozenset({"author", "writing", "reporting", "writer", "reporter", "byline"})
"""Roles that say the same as ``author``: a byline and a "Reporting by" line naming one person
credit them once."""


def _task(role: str) -> str:
    return "author" if role.lower() in _WRITING_ROLES else role.lower()


def tidy_contributors(contributors: Iterable[Contributor]) -> tuple[Contributor, ...]:
    """The contributors split, typed and without repeats: a person credited twice for the same
    task (a byline, then "Reporting by" naming them again) is kept once, in the first credit's
    role, with what each credit said (title, affiliation); an editor or photographer credited
    besides writing keeps both credits."""
    tidied: list[Contributor] = []
    for contributor in contributors:
        for one in _split(contributor):
            if one.kind == "person" and contributor_kind(one.name) == "organisation":
                one = attrs.evolve(one, kind="organisation")
            for index, earlier in enumerate(tidied):
                if _same(earlier.name) == _same(one.name) and _task(earlier.role) == _task(one.role):
                    tidied[index] = attrs.evolve(
                        earlier,
                        title=earlier.title or one.title,
                        affiliation=earlier.affiliation or one.affiliation,
                    )
                    break
            else:
                tidied.append(one)
    return tuple(tidied)
