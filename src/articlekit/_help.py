"""What ``help()`` shows for the public API: the docstrings as the reference pages render them,
without mkdocs cross-reference syntax, and for the model's classes a list of their fields.

The docstrings are written for the documentation site (``[`parse_all`][articlekit.parse_all]``
links to its page); Python's ``help`` would show that syntax raw. The fields of an attrs class
are documented by a string after each one, which Python does not keep at run time: they are
read once from the class's source and listed in the class's ``__doc__``.
"""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
from collections.abc import Iterable

__all__ = ["plain_docstring", "tidy_help"]

_CROSS_REFERENCE = re.compile(r"\[(`[^`\]]+`|[^\]\[]+)\]\[[\w.]+\]")


def plain_docstring(text: str) -> str:
    """``text`` with every ``[label][target]`` cross-reference reduced to its label."""
    return _CROSS_REFERENCE.sub(r"\1", text)


def _field_docs(cls: type) -> list[tuple[str, str]]:
    """``(field, first paragraph of its docstring)`` for every annotated field with one."""
    try:
        source = textwrap.dedent(inspect.getsource(cls))
    except (OSError, TypeError):  # no source (a frozen install): help keeps the class docstring
        return []
    tree = ast.parse(source).body[0]
    if not isinstance(tree, ast.ClassDef):
        return []
    found = []
    for statement, following in zip(tree.body, tree.body[1:], strict=False):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            text = " ".join(inspect.cleandoc(following.value.value).split("\n\n")[0].split())
            found.append((statement.target.id, plain_docstring(text)))
    return found


def tidy_help(objects: Iterable[object]) -> None:
    """Make ``help(obj)`` read well for each of ``objects`` (functions and classes)."""
    for obj in objects:
        doc = getattr(obj, "__doc__", None)
        if not isinstance(doc, str) or not (inspect.isclass(obj) or inspect.isfunction(obj)):
            continue
        doc = plain_docstring(inspect.cleandoc(doc))
        if inspect.isclass(obj) and hasattr(obj, "__attrs_attrs__"):
            fields = _field_docs(obj)
            if fields:
                listed = "\n".join(
                    textwrap.fill(f"{name}: {text}", 88, subsequent_indent="    ") for name, text in fields
                )
                doc = f"{doc}\n\nFields:\n\n{textwrap.indent(listed, '    ')}"
        try:
            obj.__doc__ = doc
        except (AttributeError, TypeError):  # a class whose __doc__ cannot be set
            continue
