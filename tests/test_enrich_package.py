"""``articlekit.enrich`` is both the function that runs the enrichers and their package."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys

import articlekit
import articlekit.api
import articlekit.enrich.quotes as quotes_by_alias

TEXT = 'Budget talks stall\n\n"We will not sign this," said Maria Lopez, the city\'s finance director.\n'


def test_the_submodules_are_reached_by_attribute_and_by_import_as() -> None:
    assert quotes_by_alias is sys.modules["articlekit.enrich.quotes"]
    assert articlekit.enrich.quotes is quotes_by_alias
    sources = importlib.import_module("articlekit.enrich.sources")
    assert articlekit.enrich.sources is sources
    assert callable(articlekit.enrich.quotes.quote_rules)


def test_calling_the_package_runs_the_enrichers_as_the_function_does() -> None:
    bare = articlekit.parse(TEXT, format="text", enrich=False)
    assert not bare.quotes
    by_package = articlekit.enrich(bare)
    assert by_package == articlekit.api.enrich(bare)
    assert [quote.speaker.mention for quote in by_package.quotes if quote.speaker] == [
        "Maria Lopez, the city's finance director"
    ]


def test_the_call_has_the_functions_signature() -> None:
    assert inspect.signature(articlekit.enrich) == inspect.signature(articlekit.api.enrich)
    from articlekit import enrich

    assert enrich is articlekit.enrich


def test_import_as_works_in_a_fresh_interpreter() -> None:
    # the order of first imports decides what ``articlekit.enrich`` is bound to: check from scratch
    code = "import articlekit.enrich.quotes as q, articlekit; assert articlekit.enrich.quotes is q; print('ok')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
