"""Built-in enrichers, the steps run on every parsed article (language, quotes, sources, dates).

``articlekit.enrich(article, registry=None, **options)`` runs every registered enricher over
``article``, in order, and returns the result (the options are checked as ``parse_all`` checks
them): this package is callable as that function. Its modules are the enrichers themselves:
``articlekit.enrich.quotes``, ``articlekit.enrich.sources``, ``articlekit.enrich.when`` and
``articlekit.enrich.language``.
"""

from __future__ import annotations

import sys
import types
import typing
from typing import Any

if typing.TYPE_CHECKING:
    from articlekit.model import Article
    from articlekit.registry import Registry


class _CallablePackage(types.ModuleType):
    """This package, callable as the function [`articlekit.enrich`][articlekit.enrich]."""

    def __call__(self, article: Article, registry: Registry | None = None, **options: Any) -> Article:
        from articlekit.api import enrich

        return enrich(article, registry, **options)


sys.modules[__name__].__class__ = _CallablePackage
