"""The rule engine's vocabulary: candidates, vetoes, anchors, and the ordered registry of rules.

A rule is a small named function ``rule(finder, anchor) -> Candidate | Veto | None`` (it reads
the anchor and never changes it):

- a [`Candidate`][articlekit.enrich.quotes.rules.Candidate] when it found a quote there (the
  finder records which rule made it);
- a [`Veto`][articlekit.enrich.quotes.rules.Veto] when the anchor is its case but a check
  rejected it (``title``: the quoted words are a title in Title Case): no later rule of the
  same anchor kind is tried, and ``explain`` reports the veto's name;
- ``None`` when the anchor is not its case: the next rule is tried.

Rules are grouped by the anchor they read, in the order the finder visits them:

| kind | anchor | read |
|---|---|---|
| ``after`` | ``After``: a closed quote, the words after its closing mark | first, for each quote |
| ``before`` | ``Before``: the words before an opening mark | when no ``after`` rule answered |
| ``according`` | ``CueAt`` on ``according to`` | for each sentence's cues |
| ``cue`` | ``CueAt`` on a speech or characterising verb | for each sentence's cues |
| ``quoted`` | ``Quoted``: quoted words nobody was found for | last |

The first argument, the [`Finder`][articlekit.enrich.quotes.finder.Finder], holds the
article's paragraphs (``finder.texts[block]``) and the helpers rules share.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from attrs import define, field, frozen

if TYPE_CHECKING:
    from articlekit.enrich.quotes.finder import Finder
    from articlekit.enrich.quotes.marks import _Segment

__all__ = [
    "ANCHOR_KINDS",
    "After",
    "Before",
    "Candidate",
    "CueAt",
    "Quoted",
    "Rule",
    "RuleSet",
    "Veto",
]

Piece = tuple[int, int, int]
"""A stretch of text: ``(block, start, end)``."""

AnchorKind = Literal["after", "before", "according", "cue", "quoted"]
ANCHOR_KINDS: tuple[AnchorKind, ...] = ("after", "before", "according", "cue", "quoted")


@define
class Candidate:
    """A quote found but not yet numbered: its kind, the stretches of its words, its cue and
    speaker mention, its context, and the name of the rule that made it."""

    kind: str
    pieces: list[Piece]
    cue: Piece | None = None
    speaker: Piece | None = None
    venue: str | None = None
    channel: str | None = None
    when: str | None = None
    rule: str = ""


@frozen
class Veto:
    """A rule's verdict that its anchor is no quote, by the named check ``name``. A ``quiet``
    veto only stops the later rules (the anchor was never a candidate: a characterising verb
    with no quoted words after it) and is not listed by ``explain_quotes``."""

    name: str
    quiet: bool = False


@define
class After:
    """A closed quoted unit (its last segment), for rules reading the words after its closing
    mark: ``"...," X said``."""

    segment: _Segment
    pieces: tuple[Piece, ...]
    hi: int = -1
    """Where the words after the closing mark end: the next opening mark, or the paragraph's end
    (-1 until a rule first needs it: ``finder.next_mark(block, segment.after)``)."""
    inner: str = ""
    """The quoted words without their closing marks (read with ``hi``)."""

    @property
    def block(self) -> int:
        return self.segment.block


@define
class Before:
    """The words ``text[lo:open_at]`` of paragraph ``block`` before a quote's opening mark (the
    sentence's start, or the previous paragraph's last sentence when it ends with a colon)."""

    block: int
    lo: int
    open_at: int
    pieces: tuple[Piece, ...] = ()


@define
class CueAt:
    """A speech cue in the sentence ``text[start:end]`` of ``block``: ``cue_start:cue_end`` is
    the cue (``said``, ``is promising``, ``according``), ``word`` the verb form matched, and
    ``previous`` the speaker of the sentence's last quote before it, if any."""

    block: int
    start: int
    end: int
    cue_start: int
    cue_end: int
    word: str
    previous: Piece | None = None


@define
class Quoted:
    """Quoted words ``text[quote_start:quote_end]`` (marks included) in the sentence
    ``text[start:end]`` of ``block`` that no other rule attributed."""

    block: int
    start: int
    end: int
    quote_start: int
    quote_end: int


Anchor = After | Before | CueAt | Quoted
RuleFunction = Callable[["Finder", Any], "Candidate | Veto | None"]


@frozen
class Rule:
    """A named rule: ``find(finder, anchor)`` for anchors of kind ``anchor``.

    ``ends_sentence``: once it makes a quote, no later cue of the same sentence is read
    (``according to X, ...`` takes the whole sentence), but for the cues of a next clause
    opened by a comma and a conjunction after the quote and its source (``A according to X,
    but Park vowed ...``). ``before`` or ``after``: where a
    plugin's rule goes, just before or after the rule of that name (by default, last of its
    anchor kind)."""

    name: str
    anchor: AnchorKind
    find: RuleFunction
    description: str = ""
    ends_sentence: bool = False
    before: str | None = None
    after: str | None = None

    @classmethod
    def of(
        cls,
        name: str,
        anchor: AnchorKind,
        find: RuleFunction,
        *,
        ends_sentence: bool = False,
        before: str | None = None,
        after: str | None = None,
    ) -> Rule:
        """A rule described by the first paragraph of its function's docstring."""
        doc = (_docstring(find) or "").strip().split("\n\n")[0]
        return cls(name, anchor, find, " ".join(doc.split()), ends_sentence, before, after)


def _docstring(function: Callable[..., Any]) -> str | None:
    """``function``'s docstring; for a function of a module compiled with mypyc (the opt-in
    compiled build), which keeps no docstrings, the one in the module's source file installed
    beside it (None when that file is not there)."""
    if function.__doc__ is not None or type(function).__name__ != "builtin_function_or_method":
        return function.__doc__
    name: str = getattr(function, "__module__", None) or ""
    compiled: str | None = getattr(sys.modules.get(name), "__file__", None)
    if not compiled or compiled.endswith(".py"):
        return None
    return _source_docstrings(str(Path(compiled).parent / f"{name.rpartition('.')[2]}.py")).get(function.__name__)


@cache
def _source_docstrings(path: str) -> dict[str, str]:
    """The docstring of each module-level function of the source file ``path`` ({} when the file
    is not there)."""
    try:
        tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    except OSError:
        return {}
    found: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            doc = ast.get_docstring(node, clean=False)
            if doc is not None:
                found[node.name] = doc
    return found


@define
class RuleSet:
    """An ordered, extendable registry of rules (like mistune's plugins or spaCy's
    ``Matcher``): the finder tries the rules of an anchor's kind in order, and the first that
    answers (a candidate or a veto) decides."""

    _rules: list[Rule] = field(factory=list)
    _kinds: dict[AnchorKind, tuple[Rule, ...]] | None = field(default=None, init=False, eq=False, repr=False)
    """The rules of each anchor kind (``by_kind``), kept until the set changes."""

    def add(self, rule: Rule, *, before: str | None = None, after: str | None = None) -> Rule:
        """Add ``rule`` at the end of its anchor kind's rules, or just ``before`` or ``after``
        the rule of that name (by default the rule's own ``before`` or ``after``). A name used
        twice, an unknown anchor kind or an unknown neighbour is an error."""
        if before is None and after is None:
            before, after = rule.before, rule.after
        if rule.anchor not in ANCHOR_KINDS:
            raise ValueError(
                f"rule {rule.name!r}: unknown anchor kind {rule.anchor!r}; known: {', '.join(ANCHOR_KINDS)}"
            )
        if any(r.name == rule.name for r in self._rules):
            raise ValueError(f"a quote rule named {rule.name!r} is already registered")
        if before is not None and after is not None:
            raise ValueError("give before= or after=, not both")
        neighbour = before if before is not None else after
        self._kinds = None
        if neighbour is None:
            self._rules.append(rule)
            return rule
        at = next((i for i, r in enumerate(self._rules) if r.name == neighbour), None)
        if at is None:
            raise ValueError(f"no quote rule named {neighbour!r}; known: {', '.join(self.names())}")
        if self._rules[at].anchor != rule.anchor:
            raise ValueError(
                f"rule {rule.name!r} reads {rule.anchor!r} anchors, but {neighbour!r} reads {self._rules[at].anchor!r}"
            )
        self._rules.insert(at if before is not None else at + 1, rule)
        return rule

    def rule(
        self,
        name: str,
        anchor: AnchorKind,
        *,
        before: str | None = None,
        after: str | None = None,
        ends_sentence: bool = False,
    ) -> Callable[[RuleFunction], RuleFunction]:
        """A decorator adding the function as a rule; its docstring's first line describes it."""

        def register(function: RuleFunction) -> RuleFunction:
            self.add(Rule.of(name, anchor, function, ends_sentence=ends_sentence, before=before, after=after))
            return function

        return register

    def remove(self, name: str) -> None:
        """Take the rule ``name`` out (an unknown name is an error)."""
        kept = [r for r in self._rules if r.name != name]
        if len(kept) == len(self._rules):
            raise ValueError(f"no quote rule named {name!r}")
        self._rules = kept
        self._kinds = None

    def of(self, anchor: AnchorKind) -> list[Rule]:
        """The rules reading anchors of kind ``anchor``, in order."""
        return list(self.by_kind().get(anchor, ()))

    def by_kind(self) -> dict[AnchorKind, tuple[Rule, ...]]:
        """The rules of every anchor kind, in order (``of`` for each kind), collected once until
        a rule is added or removed: the finder of each article and of its headline reads them."""
        if self._kinds is None:
            self._kinds = {kind: tuple(r for r in self._rules if r.anchor == kind) for kind in ANCHOR_KINDS}
        return self._kinds

    def names(self) -> list[str]:
        return [r.name for r in self._rules]

    def copy(self) -> RuleSet:
        return RuleSet(list(self._rules))

    def __iter__(self) -> Iterator[Rule]:
        return iter(list(self._rules))

    def __len__(self) -> int:
        return len(self._rules)
