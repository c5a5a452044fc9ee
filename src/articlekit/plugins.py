"""The plugin manager: built-in plugins first, then the ``articlekit`` entry point group.

Built-in formats are ordinary plugins registered through the same door as a third party's.
Set ``ARTICLEKIT_DISABLE_PLUGIN_AUTOLOAD`` to any non-empty value to skip entry points.
"""

from __future__ import annotations

import difflib
import importlib
import os
import threading
from typing import Any

import pluggy

from articlekit import hookspecs
from articlekit.errors import PluginError
from articlekit.registry import Registry

__all__ = [
    "BUILTIN_PLUGINS",
    "DISABLE_AUTOLOAD_ENV",
    "ENTRY_POINT_GROUP",
    "get_plugin_manager",
    "get_registry",
    "register_plugin",
    "reset",
    "unregister_plugin",
]

ENTRY_POINT_GROUP = "articlekit"
DISABLE_AUTOLOAD_ENV = "ARTICLEKIT_DISABLE_PLUGIN_AUTOLOAD"

BUILTIN_PLUGINS: tuple[str, ...] = (
    "articlekit.detect",
    "articlekit.formats.json",
    "articlekit.formats.text",
    "articlekit.formats.nitf_writer",
    "articlekit.formats.plaintext",
    "articlekit.formats.ninjs_writer",
    "articlekit.formats.jsonld",
    "articlekit.formats.nitf_reader",
    "articlekit.formats.newsml1",
    "articlekit.formats.ninjs_reader",
    "articlekit.formats.feed",
    "articlekit.formats.newsml_g2",
    "articlekit.formats.articlekit_xml",
    "articlekit.formats.html",
    "articlekit.formats.markdown",
    "articlekit.enrich.language",
    "articlekit.enrich.quotes",
    "articlekit.enrich.sources",
    "articlekit.enrich.when",
    "articlekit.formats.quotes_csv",
)
"""The modules registered before any entry point, in this order."""

_lock = threading.RLock()
_manager: pluggy.PluginManager | None = None
_registry: Registry | None = None


def _new_manager() -> pluggy.PluginManager:
    pm = pluggy.PluginManager(ENTRY_POINT_GROUP)
    pm.add_hookspecs(hookspecs)
    for module_name in BUILTIN_PLUGINS:
        pm.register(importlib.import_module(module_name), name=module_name)
    if not os.environ.get(DISABLE_AUTOLOAD_ENV):
        try:
            pm.load_setuptools_entrypoints(ENTRY_POINT_GROUP)
        except Exception as exc:  # a third-party plugin failed to import or register
            raise PluginError(f"an installed articlekit plugin failed to load: {exc}") from exc
    _check(pm)
    return pm


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
