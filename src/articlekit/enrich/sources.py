"""The ``sources`` enricher: every quote's speaker mention resolved to one
[Source][articlekit.model.Source] per real person or organisation.

Each mention's parts (its name, the title before it, its appositions) are those the quote
finder's speaker-mention grammar gives ([read_speaker][articlekit.enrich.quotes.read_speaker]);
this module types the source they name and resolves it. Mentions are read in the order the
quotes stand:

- a name with titles and appositions (``Russian President Vladimir Putin``, ``Andriy Yermak,
  head of Ukraine's presidential office``) gives a person with those titles;
- a later surname (``Putin``, ``Mr. Obama``) resolves to the most recent person of that name;
- a role (``the Russian president``, ``the minister``) resolves to the most recent person whose
  titles hold its words;
- a pronoun (``he``, ``she``) resolves to the most recent person quoted; ``they`` and ``it``
  to the most recent organisation or group;
- organisations (``the Kremlin``, ``the ministry``, ``CNN``), groups (``officials``,
  ``sources``) and unnamed sources (``a senior official``) become sources of kind
  ``organisation``, ``group`` and ``unnamed``, with their description as name.

Sources a parser already recorded are kept, and mentions of them resolve to them. Every way
the article refers to a source is kept in its ``aliases``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from importlib import resources

import attrs
from attrs import define, field

from articlekit.common.names import is_name
from articlekit.enrich.lexicon import (
    DETERMINERS,
    GROUP_NOUNS,
    HONORIFICS,
    ORG_WORDS,
    PRONOUNS,
    TITLE_NOUNS,
)
from articlekit.enrich.quotes import _resolved_quote
from articlekit.enrich.quotes.mention import Mention as SpeakerParts
from articlekit.enrich.quotes.mention import read_speaker
from articlekit.hookspecs import hookimpl
from articlekit.model import Article, Quote, Source
from articlekit.options import OptionSpec
from articlekit.registry import EnricherSpec, Options

__all__ = ["Mention", "read_mention", "resolve_sources"]

_WORD = re.compile(r"[\w][\w'’.&-]*")
_INDEFINITE = frozenset({"a", "an", "another", "one", "some", "several", "two", "three", "many", "other"})
_POSSESSIVE = re.compile(r"[’']s$")
_AFFILIATION = re.compile(r"\b(?:of|for|at|with)\s+((?:the\s+[\w'’.&-]+|[A-Z][\w'’.&-]*)(?:\s+[\w'’.&-]+){0,5})$")
_BODY_ROLES = frozenset({"executive", "regulator", "auditor", "owner"})
"""Role nouns that also name a body (``the party executive``, ``the bank regulator``)."""
_PERSON_ROLES = TITLE_NOUNS - ORG_WORDS - _BODY_ROLES
"""Role nouns that name a person only: a description ending in one in lower case is a person
described, not the body before it (``a senior administration official``)."""
_NOT_TITLE = re.compile(r"(?:who|whom|whose|which|now)\b")
_HOMETOWN = re.compile(r"of\s+[A-Z]")
_STATE = re.compile(r"[A-Z][a-z]{1,4}\.")
_HONORIFIC = re.compile(r"(Mr|Mrs|Ms|Miss)\.?\s")
_BODY_WORD = re.compile(r"[\w'’.&-]+")


@define
class Mention:
    """What a speaker mention says about its source."""

    text: str
    """The mention as written."""
    kind: str
    """``person``, ``organisation``, ``group``, ``unnamed``, ``role`` or ``pronoun``."""
    name: str
    """The name (``Vladimir Putin``) or the description (``a senior official``)."""
    titles: list[str] = field(factory=list)
    """Titles and roles written with it."""
    affiliation: str | None = None
    """The organisation named in a title (``head of Ukraine's presidential office``)."""


def _strip_possessive(word: str) -> str:
    return _POSSESSIVE.sub("", word) if word.endswith(("s", "S")) else word


def _is_org(words: Sequence[str]) -> bool:
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
        return True  # CNN, FBI, NATO
    # the last two words name the kind of body ("the Justice Department", "Ukraine's ministry")
    return any(_strip_possessive(w).lower().rstrip(".") in ORG_WORDS for w in words[-2:])


def _affiliation(title: str) -> str | None:
    m = _AFFILIATION.search(title)
    return m.group(1) if m else None


def _description(words: Sequence[str]) -> str | None:
    """When capitalised ``words`` end in a role (``Justice Department spokesman``, ``Al
    Jazeera's Jerusalem bureau chief``): the body named before the role ("" when none), else
    None."""
    if len(words) < 2 or words[-1].lower() not in TITLE_NOUNS or words[-1].lower() in ORG_WORDS:
        return None
    cut = len(words) - 1
    while cut > 0 and words[cut - 1].lower() in TITLE_NOUNS | {"bureau", "vice"}:
        cut -= 1
    body = list(words[:cut])
    if not body:
        return None  # only titles ("Prime Minister"): read as before
    if _POSSESSIVE.search(body[-1]):
        body[-1] = _strip_possessive(body[-1])
        # the words after the body's possessive are the role's place ("Jerusalem bureau chief")
        return " ".join(body)
    for i, word in enumerate(body):
        if _POSSESSIVE.search(word):
            return " ".join([*body[:i], _strip_possessive(word)])
    return " ".join(body) if _is_org(body) else ""


def read_mention(text: str) -> Mention:
    """Read a speaker mention: its kind, its name and the titles written with it.

    The mention's parts (its name, the title before it, its appositions) are those of the
    speaker-mention grammar, [read_speaker][articlekit.enrich.quotes.read_speaker]; this only
    says what kind of source they name, which appositions are titles, and the body a title names.

    >>> read_mention("Russian President Vladimir Putin").titles
    ['Russian President']
    >>> read_mention("a senior official").kind
    'unnamed'
    """
    mention = text.strip()
    if mention.lower() in PRONOUNS:
        return Mention(mention, "pronoun", mention)
    parts = read_speaker(mention, 0, len(mention))
    return _classify(mention, parts)


def _span_text(text: str, span: tuple[int, int] | None) -> str:
    return text[span[0] : span[1]] if span is not None else ""


def _classify(mention: str, parts: SpeakerParts) -> Mention:
    """The source a mention's parts name: a person with titles, an organisation, a group, an
    unnamed source or a role."""
    head = _span_text(mention, parts.head)
    described = parts.described
    # with the name it follows, a description's appositions are those of "NAME, TITLE, ..."
    appositions = ((parts.name,) if described and parts.name else ()) + parts.appositions
    # an age is not a title, nor is a relative clause ("who has backed her since 2008")
    titles: list[str] = []
    for a in (mention[lo:hi] for lo, hi in appositions):
        if a[:1] == "(" or a[:1].isdigit() or _NOT_TITLE.match(a) or _HOMETOWN.match(a):
            continue  # a party and state, an age, a relative clause, a hometown ("of Chicago") is no title
        if _STATE.fullmatch(a) and titles:
            titles[-1] += ", " + a  # "a council member in Somerton, Ariz."
            continue
        titles.append(a)
    words = _WORD.findall(head)
    if not words:
        return Mention(mention, "unnamed", mention, titles)
    first = words[0].lower()
    affiliation = next((a for a in map(_affiliation, titles) if a), None)
    if first in DETERMINERS or words[0][:1].islower():
        if described:
            # "the bank's director of financial stability, Eva Brandt": a description, then the name
            inner = read_mention(_span_text(mention, parts.name))
            return Mention(mention, inner.kind, inner.name, [head, *inner.titles, *titles[1:]], affiliation)
        rest = words[1:] if first in DETERMINERS else words
        last = rest[-1].lower() if rest else first
        if rest and _is_org(rest) and not (last in _PERSON_ROLES and rest[-1][:1].islower()):
            # (a role of a body is a person: "a senior administration official", "a military spokesman";
            # not a name ending in a role's word, "the Arizona Daily Star", "the Union Leader")
            name = " ".join(rest) if rest[-1][:1].isupper() and first == "the" else head
            return Mention(mention, "organisation", name, titles, affiliation)
        if last in GROUP_NOUNS or (last.endswith("s") and not last.endswith("ss") and first not in ("a", "an")):
            return Mention(mention, "group", head, titles, affiliation)
        if first in _INDEFINITE:
            return Mention(mention, "unnamed", head, titles, affiliation or _affiliation(head))
        return Mention(mention, "role", head, titles, affiliation or _affiliation(head))
    if words[-1].lower() in GROUP_NOUNS:
        return Mention(mention, "group", head, titles, affiliation)  # "US officials", "Senate Democrats"
    body = _description(words)
    if body is not None or described:
        # a capitalised description ending in a role ("Al Jazeera's Jerusalem bureau chief"), and
        # the name after it when one follows ("..., Walid al-Omari")
        of_body = body or affiliation
        if described:
            inner = read_mention(_span_text(mention, parts.name))
            return Mention(mention, inner.kind, inner.name, [head, *inner.titles, *titles[1:]], of_body)
        return Mention(mention, "role", head, titles, of_body)
    last = _strip_possessive(words[-1]).lower().rstrip(".")
    if (_is_org(words) and not any(w.lower() in TITLE_NOUNS for w in words[:-1])) or (
        last in ORG_WORDS and "of" not in words  # "North Korea's official newspaper"
    ):
        return Mention(mention, "organisation", head, titles, affiliation)
    name_words = [w for w in _WORD.findall(_span_text(mention, parts.name)) if w.lower() not in HONORIFICS]
    if not name_words:
        # no name: the description is the name ("Chairman of the Federal Reserve")
        return Mention(mention, "role", head, titles, affiliation or _affiliation(head))
    title = _WORD.findall(_span_text(mention, parts.title))
    if title and title[-1].lower() not in HONORIFICS and title[-1].lower() + "." not in HONORIFICS:
        titles.insert(0, " ".join(title))  # (an honorific alone is no title: "Mr. Obama")
    if "and" in name_words:
        return Mention(mention, "group", head, titles, affiliation)  # "Cruz and Trump": two sources
    if not all(is_name(w, rule="word") for w in name_words):
        # capitalised words joined by others ("Angela Merkel of Germany")
        return Mention(mention, "role", head, titles, affiliation or _affiliation(head))
    if len(name_words) > 1 and _is_org(name_words):
        return Mention(mention, "organisation", " ".join(name_words), titles, affiliation)
    return Mention(mention, "person", " ".join(_strip_possessive(w) for w in name_words), titles, affiliation)


def _body_words(name: str) -> list[str]:
    return [w for w in _BODY_WORD.findall(name.lower()) if w not in DETERMINERS]


def _same_body(name: str, entry: _Entry) -> bool:
    """Whether an organisation or group ``name`` refers to ``entry``: the same words, or fewer of
    them with the same head (``the central bank`` after ``the Dutch central bank``)."""
    words = _body_words(name)
    if not words:
        return False
    for known in (entry.name, *entry.aliases):
        other = _body_words(known)
        if other == words or (other and other[-1] == words[-1] and set(words) <= set(other)):
            return True
    return False


@define
class _Entry:
    id: str
    kind: str
    name: str
    titles: list[str] = field(factory=list)
    affiliation: str | None = None
    aliases: list[str] = field(factory=list)
    last_seen: int = -1
    gender: str | None = None
    """``he`` or ``she`` once a pronoun or an honorific (``Mr.``, ``Ms.``) has said so."""
    place: int = -1
    """Its place in the resolver's list of entries."""
    held: tuple[int, int] = (0, 0)
    """How many of its titles and aliases the resolver's word index holds."""
    held_name: str | None = None
    """The name whose words the resolver's word index holds."""
    bucket: tuple[str, str | None] | None = None
    """The resolver's recency bucket (kind and gender) that holds it, once seen."""

    def add_alias(self, alias: str) -> None:
        if alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)

    def add_titles(self, titles: Sequence[str]) -> None:
        for title in titles:
            if title and title not in self.titles:
                self.titles.append(title)

    def source(self) -> Source:
        return Source(
            id=self.id,
            kind=self.kind,  # type: ignore[arg-type]
            name=self.name,
            titles=tuple(self.titles),
            affiliation=self.affiliation,
            aliases=tuple(self.aliases),
        )


@define
class _Resolver:
    entries: list[_Entry] = field(factory=list)
    used_ids: set[str] = field(factory=set)
    step: int = 0
    # Indexes, so that a mention is compared with the few entries that could match it, not
    # with every entry: an article quoting thousands of people was quadratic.
    people: dict[str, dict[int, _Entry]] = field(factory=dict)
    """Person entries by every lower-cased word their names have held, by place."""
    holders: dict[str, dict[int, _Entry]] = field(factory=dict)
    """Entries by every lower-cased word of their names, titles and aliases, by place."""
    recency: dict[tuple[str, str | None], dict[int, _Entry]] = field(factory=dict)
    """Entries seen, by kind and gender, each the most recently seen last."""

    def _add(self, entry: _Entry) -> _Entry:
        self.used_ids.add(entry.id)
        entry.place = len(self.entries)
        self.entries.append(entry)
        if entry.kind == "person":
            self._index(entry)
        self._hold(entry)
        return entry

    def _index(self, entry: _Entry) -> None:
        for word in entry.name.lower().split():
            self.people.setdefault(word, {})[entry.place] = entry

    def _hold(self, entry: _Entry) -> None:
        """Index the words of the entry's name and of the titles and aliases not indexed yet
        (names, titles and aliases only ever grow: a replaced name becomes an alias)."""
        titles, aliases = entry.held
        if entry.name == entry.held_name and titles == len(entry.titles) and aliases == len(entry.aliases):
            return  # (nothing new: most mentions of a source add no word)
        name = () if entry.name == entry.held_name else (entry.name,)
        for text in (*name, *entry.titles[titles:], *entry.aliases[aliases:]):
            for word in _WORD.findall(text):
                self.holders.setdefault(word.lower(), {})[entry.place] = entry
        entry.held = (len(entry.titles), len(entry.aliases))
        entry.held_name = entry.name

    def seen(self, entry: _Entry) -> None:
        """The entry is the one spoken of now: the most recent of its kind and gender."""
        if entry.bucket is not None:  # (an entry sits in one bucket: the one it was last seen in)
            self.recency[entry.bucket].pop(entry.place, None)
        entry.bucket = (entry.kind, entry.gender)
        self.recency.setdefault(entry.bucket, {})[entry.place] = entry
        self.step += 1
        entry.last_seen = self.step

    def new(self, kind: str, name: str) -> _Entry:
        number = len(self.entries) + 1
        while f"s{number}" in self.used_ids:
            number += 1
        return self._add(_Entry(f"s{number}", kind, name))

    def recent(self, kinds: Sequence[str], gender: str | None = None) -> _Entry | None:
        """The entry seen last among those of ``kinds`` whose gender is ``gender`` or unknown."""
        found = [
            next(reversed(bucket.values()))
            for (kind, held), bucket in self.recency.items()
            if bucket and kind in kinds and (gender is None or held in (None, gender))
        ]
        return max(found, key=lambda e: e.last_seen) if found else None

    def person(self, mention: Mention) -> _Entry:
        words = mention.name.split()
        surname = words[-1].lower()
        sharing = self.people.get(surname, {})
        pool = [sharing[place] for place in sorted(sharing)]  # in the order they were met
        candidates = [e for e in pool if e.name.split()[-1].lower() == surname]
        if len(words) == 1:
            # a surname alone: also a first name or a single name seen before
            candidates += [e for e in pool if e not in candidates and surname in e.name.lower().split()]
        for entry in sorted(candidates, key=lambda e: -e.last_seen):
            known = entry.name.split()
            if len(words) == 1 or len(known) == 1 or known[0].lower() == words[0].lower():
                if len(words) > len(known):
                    entry.add_alias(entry.name)
                    entry.name = mention.name
                    self._index(entry)
                return entry
        return self.new("person", mention.name)

    def knows_person(self, name: str) -> bool:
        """Whether a person already resolved goes by ``name`` (a surname, a first name or a
        full name)."""
        low = name.lower().split()
        if not low:
            return False
        for e in self.people.get(low[-1], {}).values():  # a person named so has held the name's last word
            if e.kind == "person":
                held = e.name.lower().split()
                if low == held or (len(low) == 1 and low[0] in held):
                    return True
        return False

    def role(self, mention: Mention) -> _Entry | None:
        words = [w.lower() for w in _WORD.findall(mention.name)]
        if words and words[0] in DETERMINERS:
            words = words[1:]
        if not words:
            return None
        best: _Entry | None = None
        holding = sorted((self.holders.get(w, {}) for w in set(words)), key=len)
        places = set(holding[0]).intersection(*holding[1:])
        for place in sorted(places):  # the entries holding every word, in the order met
            entry = self.entries[place]
            if entry.kind in ("person", "unnamed") and (best is None or entry.last_seen > best.last_seen):
                best = entry
        return best

    def resolve(self, mention: Mention) -> _Entry:
        entry: _Entry | None
        if mention.kind == "pronoun":
            pronoun = mention.name.lower()
            wanted = PRONOUNS[pronoun]
            gender = pronoun if pronoun in ("he", "she") else None
            kinds = ("person", "unnamed") if wanted == "person" else ("organisation", "group")
            # the most recent compatible speaker: "she" skips a man already called "he"
            entry = (
                self.recent(kinds, gender)
                or self.recent(kinds)
                or self.recent(("person", "unnamed", "organisation", "group"))
            )
            if entry is None:
                entry = self.new("unnamed" if wanted == "person" else "group", mention.text)
            if gender is not None and entry.kind in ("person", "unnamed") and entry.gender is None:
                entry.gender = gender
        elif mention.kind == "person":
            entry = self.person(mention)
            honorific = _HONORIFIC.match(mention.text)
            if honorific is not None and entry.gender is None:
                entry.gender = "he" if honorific.group(1) == "Mr" else "she"
        elif mention.kind == "role":
            entry = self.role(mention) or self.new("unnamed", mention.name)
        elif mention.kind == "unnamed":
            entry = self.new("unnamed", mention.name)
        else:
            entry = next(
                (e for e in reversed(self.entries) if e.kind == mention.kind and _same_body(mention.name, e)),
                None,
            ) or self.new(mention.kind, mention.name)
        entry.add_titles(mention.titles)
        if mention.affiliation and entry.affiliation is None:
            entry.affiliation = mention.affiliation
        alias = (
            mention.text.lower()
            if mention.kind == "pronoun"
            else mention.text
            if mention.kind == "role"
            else mention.name
        )
        entry.add_alias(alias)
        self._hold(entry)
        self.seen(entry)
        return entry

    def known(self, source: Source) -> _Entry:
        return self._add(
            _Entry(source.id, source.kind, source.name, list(source.titles), source.affiliation, list(source.aliases))
        )


_NAME = re.compile(r"\b(?:[A-Z][a-z]+\.?\s+){0,3}[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+)+")


def _person_before(article: Article, block: int, pos: int) -> Mention | None:
    """The person named last before ``pos`` in ``block`` (or the two blocks before it): a
    name of two capitalised words or more, with its titles (``President Barack Obama``)."""
    for index in range(block, max(-1, block - 3), -1):
        text = article.body[index].text
        end = pos if index == block else len(text)
        found = None
        for m in _NAME.finditer(text, 0, end):
            words = m.group().split()
            while words and words[0].lower() in DETERMINERS | {"but", "and", "when", "after", "in", "on"}:
                words = words[1:]
            if len(words) >= 2:
                mention = read_mention(" ".join(words))
                if mention.kind == "person":
                    found = mention
        if found is not None:
            return found
    return None


@functools.cache
def places() -> frozenset[str]:
    """Country and capital names (``data/places.txt``), lower-cased: a place named as a speaker
    stands for its government."""
    text = resources.files("articlekit.enrich").joinpath("data/places.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


_STOPS_NAME = frozenset(
    {*DETERMINERS, *(w.capitalize() for w in DETERMINERS), "But", "And", "When", "After", "In", "On", "As",
     "While", "If", "Then", "So", "Yet", "Still", "Also", "Meanwhile", "However", "Former", "Said", "Says"}
)  # fmt: skip
_WORD_MARKS = "'’.&-"


def _token_before(text: str, end: int) -> tuple[int, str] | None:
    r"""The word before the white space that ends ``text[:end]``, with where it starts: what
    ``re.search(r"([\w][\w'’.&-]*)\s+$", text[:end])`` finds, read backwards from ``end``
    (the search would try every position of the paragraph before it, for each word)."""
    stop = end
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    if stop == end:
        return None
    start = stop
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_" or text[start - 1] in _WORD_MARKS):
        start -= 1
    while start < stop and not (text[start].isalnum() or text[start] == "_"):
        start += 1  # the word opens with a word character
    return (start, text[start:stop]) if start < stop else None


_ORG_SUFFIX = r",?\s+(?:Inc|Corp|Corporation|Co|Ltd|LLC|PLC|Plc|AG|SA|NV|GmbH|Group|Holdings)\b"
_ORG_APPOSITION = (
    r",\s+(?:which\b|(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:company|firm|corporation|agency|network|railroad|"
    r"railway|airline|carrier|operator|bank|retailer|maker|manufacturer|giant|startup|conglomerate|broadcaster|"
    r"newspaper|organization|organisation|charity|nonprofit|union|militia|group)\b)"
)
_ORG_OWNS = (
    r"(?:['’]s)?\s+(?:shares|stock|headquarters|employees|customers|subscribers|users|chief executive|CEO|"
    r"board of directors|website|app|platform|survey|poll|study|analysis)\b"
)


_ORG_ITS = r"\s+(?:and|said|says|announced|reported|added|noted|expects|plans)\s+(?:that\s+)?its\b"
"""The pronoun of a thing for the name: ``Acme said its trains``, ``Acme and its unions``."""


_ORG_TAIL = re.compile(f"{_ORG_SUFFIX}|{_ORG_APPOSITION}|{_ORG_OWNS}|{_ORG_ITS}")


def _run_before(text: str, end: int) -> list[str]:
    """The capitalised words standing right before ``end`` (``US President Joe``), back to a
    sentence end or a lower-case word."""
    words: list[str] = []
    while len(words) < 6:
        found = _token_before(text, end)
        if found is None:
            break
        start, word = found
        if not is_name(word, rule="word"):
            break
        abbreviation = word.lower() in HONORIFICS or word.lower() in TITLE_NOUNS or _INITIALS.fullmatch(word)
        if word.endswith(".") and len(word) > 2 and not abbreviation:
            break  # a sentence ends there ("... on Monday. Biden")
        words.insert(0, word)
        end = start
    while words and words[0] in _STOPS_NAME:
        words.pop(0)
    return words


_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def _introduction(article: Article, name: str) -> Mention | None:
    """The full name a one-word name stands for, as the article first gives it (``US President
    Joe Biden`` for ``Biden``), with its titles; None when the article gives none."""
    for text, end in _occurrences(article, name):
        words = _run_before(text, end - len(name))
        if not words:
            continue
        mention = read_mention(" ".join([*words, name]))
        if mention.kind == "person" and len(mention.name.split()) > 1 and mention.name.split()[-1] == name:
            return mention
    return None


def _organisation_cue(article: Article, name: str) -> bool:
    """Whether the article writes ``name`` as an organisation's: a company suffix (``Google
    Inc.``), an apposition (``Amtrak, the national railroad``, ``Acme, which``), what only a
    company has (``Acme shares``, ``Acme's chief executive``), or the pronoun ``its`` for it
    (``Acme said its trains``)."""
    if re.search(r"\.(?:com|org|net)$", name):
        return True  # Factcheck.org
    return any(_ORG_TAIL.match(text, end) for text, end in _occurrences(article, name))


def _occurrences(article: Article, name: str) -> Iterator[tuple[str, int]]:
    """Each paragraph text holding ``name`` as a word, with where each occurrence ends."""
    for block in article.body:
        text = block.text
        at = text.find(name) if text else -1
        while at >= 0:
            end = at + len(name)
            if (at == 0 or not text[at - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                yield text, end
            at = text.find(name, end)


def _typed(article: Article, mention: Mention, resolver: _Resolver) -> Mention:
    """A person mention of one word that no person quoted so far explains, read against the
    whole article: its full name when the article gives one; else an organisation when it is a
    country or capital (its government) or the article writes it as a company's."""
    if mention.kind != "person" or len(mention.name.split()) > 1 or resolver.knows_person(mention.name):
        if mention.kind == "person" and mention.name.lower() in places() and not resolver.knows_person(mention.name):
            return Mention(mention.text, "organisation", mention.name, mention.titles, mention.affiliation)
        return mention
    full = _introduction(article, mention.name)
    if full is not None:
        resolver.resolve(full)
        return mention
    if mention.name.lower() in places() or _organisation_cue(article, mention.name):
        return Mention(mention.text, "organisation", mention.name, mention.titles, mention.affiliation)
    return mention


def resolve_sources(article: Article) -> Article:
    """``article`` with every unresolved speaker mention resolved to a Source (new or
    existing) and its sources list complete."""
    resolver = _Resolver()
    by_id: dict[str, _Entry] = {}
    for source in article.sources:
        by_id[source.id] = resolver.known(source)
    quotes: list[Quote] = []
    read: dict[str, Mention] = {}  # the same mention ("he", "Putin") is read once
    changed = False
    for quote in article.quotes:
        speaker = quote.speaker
        if speaker is None:
            quotes.append(quote)
            continue
        if speaker.source is not None and speaker.source in by_id:
            entry = by_id[speaker.source]
            resolver.seen(entry)
            quotes.append(quote)
            continue
        mention = read.get(speaker.mention)
        if mention is None:
            mention = read[speaker.mention] = read_mention(speaker.mention)
        if (
            mention.kind == "pronoun"
            and PRONOUNS[mention.name.lower()] == "person"
            and resolver.recent(("person", "unnamed")) is None
            and speaker.span is not None
        ):
            # nobody quoted yet: "he" is the person last named before it
            named = _person_before(article, speaker.span.block, speaker.span.start)
            if named is not None:
                resolver.resolve(named)
        mention = _typed(article, mention, resolver)
        entry = resolver.resolve(mention)
        by_id[entry.id] = entry
        quotes.append(_resolved_quote(quote, speaker, entry.id))
        changed = True
    if not changed:
        return article
    known_ids = {s.id for s in article.sources}
    order = {e.id: i for i, e in enumerate(resolver.entries)}
    sources = [e.source() for e in sorted(resolver.entries, key=lambda e: order[e.id])]
    spoken = {q.speaker.source for q in quotes if q.speaker is not None}
    kept = [s for s in sources if s.id in known_ids or s.id in spoken]
    return attrs.evolve(article, quotes=tuple(quotes), sources=tuple(kept))


SOURCES = OptionSpec("sources", bool, True, "resolve the speakers to sources (false: leave them as they are)")


def enrich_sources(article: Article, options: Options) -> Article:
    """The enricher; the option ``sources=False`` turns it off."""
    if not SOURCES.value(options) or not article.quotes:
        return article
    return resolve_sources(article)


@hookimpl
def articlekit_enrichers() -> Sequence[EnricherSpec]:
    return [
        EnricherSpec(
            name="sources",
            run=enrich_sources,
            order=200,
            description="speaker mentions resolved to one source per person or organisation, with titles and aliases",
            options=(SOURCES,),
        )
    ]
