"""Every hook a plugin can implement. Each docstring is the hook's reference documentation.

Implement hooks with the [`hookimpl`][articlekit.hookimpl] marker in a module or class, and
make it known through the ``articlekit`` entry point group::

    [project.entry-points.articlekit]
    myformat = "articlekit_myformat"

The registration hooks take no arguments and return data, so the registry can record which
plugin provided each format. A misspelled hook implementation is an error at start-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pluggy

from articlekit.registry import EnricherSpec, ParserSpec, WriterSpec

if TYPE_CHECKING:
    from articlekit.enrich.quotes.rules import Rule

hookspec = pluggy.HookspecMarker("articlekit")
hookimpl = pluggy.HookimplMarker("articlekit")
"""The marker for hook implementations: ``@hookimpl`` on a function named after a hook."""


@hookspec
def articlekit_parsers() -> Sequence[ParserSpec]:
    """Return the input formats this plugin can read.

    Called once, when the plugin manager builds its registry. Every plugin's result is
    collected.

    :return: a sequence of [`ParserSpec`][articlekit.registry.ParserSpec]. A format name that
        another plugin already provides is an error naming both plugins.
    """
    raise NotImplementedError  # pragma: no cover - a spec, never called


@hookspec
def articlekit_writers() -> Sequence[WriterSpec]:
    """Return the output formats this plugin can write.

    Called once, when the plugin manager builds its registry. Every plugin's result is
    collected.

    :return: a sequence of [`WriterSpec`][articlekit.registry.WriterSpec]. A format name that
        another plugin already provides is an error naming both plugins.
    """
    raise NotImplementedError  # pragma: no cover - a spec, never called


@hookspec
def articlekit_enrichers() -> Sequence[EnricherSpec]:
    """Return the steps this plugin runs on every parsed article.

    Called once, when the plugin manager builds its registry. Every plugin's result is
    collected, and the steps run in ascending ``order`` (the built-in quotes enricher is 100,
    sources 200, dates 300).

    :return: a sequence of [`EnricherSpec`][articlekit.registry.EnricherSpec].
    """
    raise NotImplementedError  # pragma: no cover - a spec, never called


@hookspec
def articlekit_quote_rules() -> Sequence[Rule]:
    """Return rules for the ``quotes`` enricher: small named functions that find a quote at an
    anchor (a quote mark, a speech cue, quoted words).

    Called once per registry, the first time the enricher runs. The built-in rules come first;
    each plugin's rules are then added in registration order, each at the end of the rules of
    its anchor kind, or just ``before`` or ``after`` the rule it names.

    :return: a sequence of ``articlekit.enrich.quotes.Rule``. A rule name used twice, or a
        ``before``/``after`` naming no rule, is an error naming the plugin.
    """
    raise NotImplementedError  # pragma: no cover - a spec, never called


@hookspec(firstresult=True)
def articlekit_detect_format(head: bytes, name: str, parsers: Sequence[ParserSpec]) -> str | None:
    """Decide which format an input is in.

    Called for every input whose format was not given. The first implementation to return a
    name wins; the built-in detector runs last (``trylast``): it asks every parser's ``sniff``
    and falls back on the file name's extension.

    :param head: the input's first 4 KiB, decompressed if it was gzip.
    :param name: the input's file name (``-`` for standard input, ``<bytes>`` for data).
    :param parsers: every registered parser.
    :return: the name of a registered parser, or None to let the next implementation decide.
    """
    raise NotImplementedError  # pragma: no cover - a spec, never called
