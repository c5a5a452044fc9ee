"""The plugin manager: built-in plugins first, then the ``articlekit`` entry point group.

Built-in formats are ordinary plugins registered through the same door as a third party's.
Set ``ARTICLEKIT_DISABLE_PLUGIN_AUTOLOAD`` to any non-empty value to skip entry points.

An installed plugin that is broken (it fails to import or register, implements a hook that
does not exist, or fails in its registration hook) is left out with one
[`PluginWarning`][articlekit.errors.PluginWarning] naming its entry point and distribution,
and everything else loads. Set ``ARTICLEKIT_STRICT_PLUGINS`` to any non-empty value to make
that a [`PluginError`][articlekit.errors.PluginError] instead.
"""

from __future__ import annotations

import difflib
import importlib
import importlib.metadata
import os
import threading
import warnings
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import pluggy

from articlekit import hookspecs
from articlekit.errors import PluginError, PluginWarning
from articlekit.registry import Registry

__all__ = [
    "BUILTIN_PLUGINS",
    "DISABLE_AUTOLOAD_ENV",
    "ENTRY_POINT_GROUP",
    "STRICT_ENV",
    "get_plugin_manager",
    "get_registry",
    "register_plugin",
    "reset",
    "unregister_plugin",
]

ENTRY_POINT_GROUP = "articlekit"
DISABLE_AUTOLOAD_ENV = "ARTICLEKIT_DISABLE_PLUGIN_AUTOLOAD"
STRICT_ENV = "ARTICLEKIT_STRICT_PLUGINS"
"""Set to any non-empty value to make a broken installed plugin an error instead of a warning."""

BUILTIN_PLUGINS: Mapping[str, str] = MappingProxyType(
    {
        "articlekit.detect": "articlekit.detect",
        "articlekit.formats.json": "articlekit.formats.json",
        "articlekit.formats.text": "articlekit.formats.text.parser",
        "articlekit.formats.nitf_writer": "articlekit.formats.nitf.writer",
        "articlekit.formats.plaintext": "articlekit.formats.plaintext",
        "articlekit.formats.ninjs_writer": "articlekit.formats.ninjs.writer",
        "articlekit.formats.jsonld": "articlekit.formats.jsonld",
        "articlekit.formats.nitf_reader": "articlekit.formats.nitf.reader",
        "articlekit.formats.newsml1": "articlekit.formats.newsml.v1",
        "articlekit.formats.ninjs_reader": "articlekit.formats.ninjs.reader",
        "articlekit.formats.feed": "articlekit.formats.feed",
        "articlekit.formats.newsml_g2": "articlekit.formats.newsml.g2",
        "articlekit.formats.articlekit_xml": "articlekit.formats.articlekit_xml",
        "articlekit.formats.html": "articlekit.formats.html.plugin",
        "articlekit.formats.markdown": "articlekit.formats.markdown",
        "articlekit.enrich.language": "articlekit.enrich.language",
        "articlekit.enrich.quotes": "articlekit.enrich.quotes",
        "articlekit.enrich.sources": "articlekit.enrich.sources",
        "articlekit.enrich.when": "articlekit.enrich.when",
        "articlekit.formats.quotes_csv": "articlekit.formats.quotes_csv",
    }
)
"""The built-in plugins, registered before any entry point in this order: plugin name -> the
module that implements it. The names are stable (every article's ``origin.parser`` and
``articlekit formats`` show them) even where the module moved into a format's package."""

_lock = threading.RLock()
_manager: pluggy.PluginManager | None = None
_registry: Registry | None = None


def _new_manager() -> pluggy.PluginManager:
    _installed.clear()
    pm = pluggy.PluginManager(ENTRY_POINT_GROUP)
    pm.add_hookspecs(hookspecs)
    for plugin_name, module_name in BUILTIN_PLUGINS.items():
        pm.register(importlib.import_module(module_name), name=plugin_name)
    if not os.environ.get(DISABLE_AUTOLOAD_ENV):
        _load_entry_points(pm)
    _check(pm)
    return pm


_installed: dict[str, str] = {}
"""Entry point name to ``'name = value' of distribution D V``, for messages."""
_warned: set[str] = set()
"""What was warned about already (until ``reset``): each broken plugin is named once."""


def _load_entry_points(pm: pluggy.PluginManager) -> None:
    """Load the ``articlekit`` entry points one by one, so that one broken plugin costs only
    itself (or everything, with ``ARTICLEKIT_STRICT_PLUGINS``)."""
    seen: set[str] = set()
    for dist in importlib.metadata.distributions():
        for entry_point in dist.entry_points:
            name = entry_point.name
            if entry_point.group != ENTRY_POINT_GROUP or name in seen or pm.get_plugin(name) is not None:
                continue  # (a name installed twice: the first found wins, as pluggy does it)
            seen.add(name)
            _installed[name] = (
                f"entry point '{name} = {entry_point.value}' of distribution {dist.metadata['Name']} {dist.version}"
            )
            try:
                pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP, name=name)
                _check(pm)
            except Exception as exc:
                if pm.get_plugin(name) is not None:
                    pm.unregister(name=name)
                reason = str(exc) if isinstance(exc, PluginError) else f"{type(exc).__name__}: {exc}"
                _broken(name, reason, exc)


def _broken(name: str, reason: str, exc: Exception) -> None:
    """An installed plugin failed: leave it out with a warning, or stop in strict mode."""
    where = _installed.get(name, f"plugin {name!r}")
    if os.environ.get(STRICT_ENV):
        raise PluginError(f"the installed articlekit plugin ({where}) failed to load: {reason}") from exc
    if where in _warned:
        return
    _warned.add(where)
    warnings.warn(
        PluginWarning(
            f"the installed articlekit plugin ({where}) failed to load, and is left out: {reason}. "
            f"Fix or uninstall it; set {DISABLE_AUTOLOAD_ENV}=1 to load no installed plugin, "
            f"or {STRICT_ENV}=1 to make this an error"
        ),
        stacklevel=2,
    )


def _check(pm: pluggy.PluginManager) -> None:
    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        name = pm.get_name(exc.plugin) or repr(exc.plugin)
        known = sorted(n for n in vars(pm.hook) if not n.startswith("_") and getattr(pm.hook, n).has_spec())
        unknown = sorted(
            n
            for n in vars(pm.hook)
            if not n.startswith("_")
            and not getattr(pm.hook, n).has_spec()
            and any(impl.plugin is exc.plugin for impl in getattr(pm.hook, n).get_hookimpls())
        )
        hints = []
        for hook in unknown:
            close = difflib.get_close_matches(hook, known, n=1)
            hints.append(f"{hook} (did you mean {close[0]}?)" if close else hook)
        raise PluginError(
            f"plugin {name!r} implements a hook that does not exist: {', '.join(hints) or exc}; "
            f"articlekit's hooks are {', '.join(known)}"
        ) from exc


def get_plugin_manager() -> pluggy.PluginManager:
    """The process-wide plugin manager, created on first use."""
    global _manager
    with _lock:
        if _manager is None:
            _manager = _new_manager()
        return _manager


def _distributions(pm: pluggy.PluginManager) -> dict[int, str]:
    found: dict[int, str] = {}
    for plugin, dist in pm.list_plugin_distinfo():
        found[id(plugin)] = f"{dist.project_name} {dist.version}"
    return found


def _build_registry(pm: pluggy.PluginManager) -> Registry:
    registry = Registry()
    dists = _distributions(pm)
    for kind in ("parser", "writer", "enricher"):
        caller = getattr(pm.hook, f"articlekit_{kind}s")
        # in registration order: built-ins first, so a clash names the newcomer second and
        # detection breaks ties in favour of the built-in formats
        for impl in caller.get_hookimpls():
            try:
                specs: Any = impl.function()
            except Exception as exc:
                reason = f"it failed in articlekit_{kind}s: {type(exc).__name__}: {exc}"
                if impl.plugin_name in _installed and pm.get_plugin(impl.plugin_name) is not None:
                    # an installed plugin: leave it out (a warning), and start again without it
                    pm.unregister(name=impl.plugin_name)
                    _broken(impl.plugin_name, reason, exc)
                    return _build_registry(pm)
                raise PluginError(f"plugin {impl.plugin_name!r} failed in articlekit_{kind}s: {exc}") from exc
            if specs is None:
                continue
            distribution = dists.get(id(impl.plugin))
            if distribution is None and impl.plugin_name in BUILTIN_PLUGINS:
                distribution = _own_distribution()
            for spec in specs:
                registry.add(kind, spec, impl.plugin_name, distribution)
    return registry


def _own_distribution() -> str:
    from articlekit import __version__

    return f"articlekit {__version__} (built-in)"


def get_registry() -> Registry:
    """The registry of every parser, writer and enricher, built on first use."""
    global _registry
    with _lock:
        if _registry is None:
            _registry = _build_registry(get_plugin_manager())
        return _registry


def register_plugin(plugin: object, name: str | None = None) -> str:
    """Register a plugin (a module or an object with hook implementations) in code.

    Returns the name it is registered under. The registry is rebuilt, so a clash of format
    names raises [`PluginError`][articlekit.errors.PluginError] here, and the plugin is left
    unregistered.
    """
    global _registry
    with _lock:
        pm = get_plugin_manager()
        try:
            registered = pm.register(plugin, name=name)
        except ValueError:  # pluggy: this object, or this name, is registered already
            already = pm.get_name(plugin)
            if already is not None:
                raise PluginError(
                    f"plugin {name or plugin!r} is already registered, as {already!r} "
                    "(an installed plugin is loaded through its entry point: no need to register it)"
                ) from None
            raise PluginError(f"a plugin is already registered under the name {name!r}") from None
        if registered is None:
            raise PluginError(f"plugin {name or plugin!r} is already registered or blocked")
        try:
            _check(pm)
            _registry = _build_registry(pm)
        except PluginError:
            pm.unregister(name=registered)
            _registry = None
            raise
        return registered


def unregister_plugin(name: str) -> None:
    """Unregister a plugin registered under ``name``."""
    global _registry
    with _lock:
        get_plugin_manager().unregister(name=name)
        _registry = None


def reset() -> None:
    """Forget the plugin manager and registry; the next use loads everything again."""
    global _manager, _registry
    with _lock:
        _manager = None
        _registry = None
        _warned.clear()
