"""The ``articlekit`` command. ``main(argv) -> int`` never lets a traceback reach the user
unless ``--debug`` is given.

Every sub-command is a function ``add_<name>(commands)`` that declares its arguments and sets
``handler``; [`main`][articlekit.cli.main] runs the handler and turns every error into one
line on stderr and an exit code, the same way for every sub-command: 0 done, 1 some inputs
failed (or an error), 2 usage error, 130 interrupted, 143 stopped by SIGTERM.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import sys
import time
import traceback
import warnings
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import attrs

from articlekit import __version__
from articlekit.api import PIPELINE_OPTIONS, checked_options, detect_format, parse_document, zone_of
from articlekit.batch import (
    STDIN,
    Batch,
    BatchResult,
    Events,
    InputSet,
    Runner,
    TableSink,
    Terminated,
    capture_warnings,
    convert_batch,
    existing_outputs,
)
from articlekit.common.fields import PROVENANCE as PROVENANCE_KEY
from articlekit.detect import rank
from articlekit.enrich.language import wanted_languages
from articlekit.errors import ArticlekitError, PluginWarning, UnknownFormatError, WriteError
from articlekit.fetch import is_url
from articlekit.inputs import DEFAULT_MAX_BYTES, read_document
from articlekit.model import Article
from articlekit.options import OptionError, OptionSpec
from articlekit.output import STDOUT, OutputPlan, OutputRefused, check_replaceable, output_path
from articlekit.plugins import get_registry
from articlekit.progress import Progress, format_duration, plural
from articlekit.registry import Registry, WriterSpec
from articlekit.tables import PARQUET
from articlekit.terminal import printable, printable_json, quoted_name

__all__ = ["EXIT_FAILED", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_TERMINATED", "EXIT_USAGE", "build_parser", "main"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143
"""Stopped by SIGTERM (128 + 15), as a shell reports a process the signal killed."""

Command = Callable[[argparse.Namespace], int]


class UsageError(ArticlekitError):
    """The command line asks for something impossible (exit code 2)."""


_CLI_SPELLINGS = (("format=NAME", "--from NAME"), ("force=True", "--force"))
"""The library's messages speak Python (``format=NAME``, ``force=True``); the command line
says the same with its options."""


def _cli_spelling(message: str) -> str:
    for python, option in _CLI_SPELLINGS:
        message = message.replace(python, option)
    return message


def _error(message: str, name: str | None = None) -> None:
    """One line on stderr; ``name`` (an input's), where the message holds it, is quoted when it
    holds a newline or another control character, and no control character reaches the terminal.
    The library's Python spellings become the command line's options."""
    message = _cli_spelling(message)
    if name:
        message = message.replace(name, quoted_name(name))
    print(f"articlekit: error: {printable(message)}", file=sys.stderr, flush=True)


def _size(value: str) -> int:
    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    text = value.strip().lower().rstrip("b")
    factor = units.get(text[-1:], 1)
    number = text[:-1] if text[-1:] in units else text
    try:
        size = int(float(number) * factor)
    except (ValueError, OverflowError):  # OverflowError: inf
        raise argparse.ArgumentTypeError(f"expected a size such as 64M or 1G (0: no limit), got {value!r}") from None
    if size < 0:
        raise argparse.ArgumentTypeError("a size cannot be negative")
    if size > _MAX_SIZE:
        raise argparse.ArgumentTypeError(f"{value!r} is larger than any input can be; for no limit, give 0")
    return size


_MAX_SIZE = 1 << 60
"""The largest ``--max-size`` taken (an exabyte): beyond, a size is surely a mistake."""


DEFAULT_TIMEOUT = 300.0
"""Seconds one input may take in ``convert`` before it is given up as a failure."""


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {value!r}") from None
    if seconds < 0 or seconds != seconds:
        raise argparse.ArgumentTypeError("a time limit cannot be negative")
    if seconds > _MAX_SECONDS:
        raise argparse.ArgumentTypeError(f"{value} s is longer than a year; for no limit, give 0")
    return seconds


_MAX_SECONDS = 366 * 24 * 3600.0
"""The longest ``--timeout`` taken: the system's timers cannot count much further (1e12 s
overflows them), and a longer limit is surely a mistake."""


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of processes, got {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError("--jobs cannot be negative")
    return jobs or (os.cpu_count() or 1)


_RESERVED = {"max_bytes": "--max-size", "max_size": "--max-size", "tz": "--tz", "name": "the input's name",
             "registry": "plugins", "format": "--from"}  # fmt: skip
"""Options the command line sets another way; ``-O`` refuses them."""


def _option(value: str) -> tuple[str, str]:
    """``KEY=VALUE`` for a parser, writer or enricher option, its value as text: the options
    the plugins of the run declare convert it (see ``_reading_options``)."""
    key, sep, raw = value.partition("=")
    key = key.strip().replace("-", "_")
    if not sep or not key.isidentifier():
        raise argparse.ArgumentTypeError(f"expected KEY=VALUE, such as pretty=false, got {value!r}")
    if key in _RESERVED:
        raise argparse.ArgumentTypeError(f"{key} is set with {_RESERVED[key]}, not -O")
    return key, raw


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--debug", action="store_true", help="show tracebacks for unexpected errors")
    parser.add_argument("--version", action="version", version=f"articlekit {__version__}")


def _add_reading(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="from_", metavar="FMT", help="input format (detected when omitted)")
    parser.add_argument("--tz", metavar="ZONE", help="IANA time zone for dates given without one (Europe/Berlin)")
    parser.add_argument(
        "--max-size",
        type=_size,
        default=DEFAULT_MAX_BYTES,
        metavar="SIZE",
        help=f"refuse inputs larger than this, after decompression (default {DEFAULT_MAX_BYTES >> 20}M; 0: no limit)",
    )
    parser.add_argument(
        "-O",
        "--option",
        dest="options",
        action="append",
        default=[],
        type=_option,
        metavar="KEY=VALUE",
        help=_OPTION_HELP,
    )
    parser.formatter_class = _OptionsHelp


_OPTION_HELP = "a parser, writer or enricher option, repeatable (articlekit formats --options lists them)"


class _OptionsHelp(argparse.HelpFormatter):
    """The help of ``-O`` lists the options the installed plugins declare, generated when the
    help is shown (the plugins are loaded then, not for every command)."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help
        if action.dest == "options" and text == _OPTION_HELP:
            text += ": " + ", ".join(
                f"{name} ({', '.join(owners)})" for name, owners in _declared_options(get_registry()).items()
            )
        return text


def _declared_options(registry: Registry) -> dict[str, list[str]]:
    """Every option name any installed plugin declares, sorted, with the plugins declaring it
    (``json``, ``quotes enricher``), the pipeline's own first."""
    owners: dict[str, list[str]] = {option.name: [] for option in PIPELINE_OPTIONS if option.name not in _RESERVED}
    for kind, provided in registry:
        for option in provided.spec.options or ():
            if option.name not in _RESERVED:
                owners.setdefault(option.name, []).append(f"{provided.spec.name} {kind}")
    pipeline = {name: ["every run"] for name, who in owners.items() if not who}
    return pipeline | {name: owners[name] for name in sorted(owners) if owners[name]}


def _reading_options(args: argparse.Namespace, writer: WriterSpec | None = None) -> dict[str, Any]:
    """The options for the plugins of the run (the parser named with ``--from`` or any, the
    enrichers, ``writer``): ``-O`` checked against their declarations and converted, then
    what the command line's own flags set. An unknown ``-O`` key, or a value its declaration
    refuses, is a usage error naming the close matches."""
    try:
        options = checked_options(get_registry(), dict(args.options), parser=args.from_, writer=writer, from_text=True)
    except OptionError as exc:
        raise UsageError(f"-O: {exc}") from None
    options["max_bytes"] = args.max_size
    if args.tz:
        options["tz"] = args.tz
    return options


def _convert_options(args: argparse.Namespace, writer: WriterSpec | None) -> dict[str, Any]:
    options = _reading_options(args, writer)
    if args.fetch_timeout is not None:
        options["fetch_timeout"] = args.fetch_timeout
    if args.lang:
        try:
            options["languages"] = sorted(wanted_languages(args.lang) or ())
        except ValueError as exc:
            raise UsageError(f"--lang: {exc}") from None
    return options


def _check_formats(registry: Registry, to: str | None, from_: str | None) -> None:
    try:
        if to is not None:
            registry.writer(to)
        if from_:
            registry.parser(from_)
    except UnknownFormatError as exc:
        raise UsageError(str(exc)) from None


# -- convert ----------------------------------------------------------------------------------


def _writer_for(registry: Registry, to: str | None, output: Path | None) -> str:
    """``--to``, else the writer whose extension ``-o`` ends in (``out.jsonl`` gives jsonl), else json."""
    if to:
        return to.lower()
    if output is not None and output.suffix and not output.is_dir() and not str(output).endswith(("/", os.sep)):
        suffix = output.suffix.lower()
        matching = [p.spec.name for p in registry.writers.values() if p.spec.extension.lower() == suffix]
        if matching:
            return suffix[1:] if suffix[1:] in matching else matching[0]
    return "json"


def _summary(result: BatchResult, elapsed: float) -> str:
    rate = result.articles / elapsed if elapsed > 0 else 0.0
    warned = f", {plural(result.warnings, 'warning')}" if result.warnings else ""
    return (
        f"{result.converted:,} converted, {len(result.failed):,} failed, {result.skipped:,} skipped{warned}; "
        f"{plural(result.articles, 'article')} in {format_duration(elapsed)} ({rate:,.1f} articles/s)"
    )


def _interrupted(result: BatchResult, total: int, output: Path | None, folder: bool) -> str:
    how = "terminated (SIGTERM)" if result.terminated else "interrupted"
    text = (
        f"{how} after {result.processed:,} of {plural(total, 'input')} "
        f"({result.converted:,} converted, {len(result.failed):,} failed, {result.skipped:,} skipped)"
    )
    if result.discarded:
        text += f"; not written, so nothing partial is left: {', '.join(result.discarded)}"
    if folder and output is not None:
        text += f"; the outputs in {output} are complete: run again with --skip-existing to carry on"
    return text


def _writable(path: Path) -> str | None:
    """Why nothing can be written at ``path`` (a folder or file to create), or None."""
    parent = path
    while not parent.exists():
        if parent.parent == parent:
            break
        parent = parent.parent
    if parent.exists() and not parent.is_dir():
        return f"{parent} is a file, not a folder"
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"cannot write in {parent} (permission denied)"
    return None


def _preflight(
    args: argparse.Namespace, inputs: InputSet, output: Path | None, folder: bool, extension: str | None
) -> None:
    """What can be known before parsing, checked before parsing: an output folder that cannot
    be written, an unknown ``--tz``, and outputs that exist already (without ``--force`` or
    ``--skip-existing``, where their names are known in advance: one output per article, with
    ``extension``; None for the Parquet tables, which check their own files). Each is a usage
    error."""
    if args.tz:
        try:
            zone_of(args.tz)
        except ArticlekitError as exc:
            raise UsageError(f"--tz: {exc}") from None
    for target in (output, Path(args.errors) if args.errors else None):
        if target is not None:
            problem = _writable(target if folder and target is output else target.parent)
            if problem:
                raise UsageError(f"{target}: {problem}")
    if folder and output is not None and extension is not None and not args.force and not args.skip_existing:
        existing = list(itertools.islice(existing_outputs(inputs, output, extension, args.names), 4))
        if existing:
            more = " (and more)" if len(existing) > 3 else ""
            raise UsageError(
                f"{', '.join(map(str, existing[:3]))}{more}: exist already; use --force to overwrite them "
                "or --skip-existing to leave those inputs alone"
            )


def _dask_address(value: str) -> Any:
    from articlekit.distributed import parse_address

    try:
        return parse_address(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _runner(args: argparse.Namespace) -> contextlib.AbstractContextManager[Runner | None]:
    """Where the inputs are converted: here (None), or on the Dask cluster ``--dask`` names."""
    if args.dask is None:
        return contextlib.nullcontext(None)
    from articlekit import distributed

    @contextlib.contextmanager
    def on_cluster() -> Iterator[Runner]:
        with distributed.cluster(args.dask) as client:
            yield distributed.runner(client)

    return on_cluster()


def _tables_sink(output: Path | None, force: bool) -> TableSink:
    """``--to parquet``: the three tables written under ``-o DIR/``."""
    from articlekit.tables import ParquetTables

    if output is None or (output.exists() and not output.is_dir()):
        raise UsageError("--to parquet writes articles.parquet, quotes.parquet and sources.parquet: give -o DIR/")
    try:
        return ParquetTables(output, force=force)
    except WriteError as exc:
        raise UsageError(str(exc)) from None


def _check_targets(output: Path | None, errors: Path | None, folder: bool, force: bool) -> None:
    """``-o`` and ``--errors`` must be two places, and ``--force`` replaces regular files only."""
    if output is not None and errors is not None and os.path.realpath(output) == os.path.realpath(errors):
        raise UsageError(f"{errors}: --errors and -o name the same file; give each its own")
    try:
        if force and output is not None and not folder:
            check_replaceable(output)
        if force and errors is not None:
            check_replaceable(errors)
    except WriteError as exc:
        raise UsageError(str(exc)) from None


def cmd_convert(args: argparse.Namespace) -> int:
    registry = get_registry()
    output = output_path(args.output)
    to = _writer_for(registry, args.to, output)
    tables = to == PARQUET  # not a writer: three files under -o DIR/
    if args.dask is not None and args.jobs != 1:
        raise UsageError("--jobs and --dask: the cluster's workers do the work; give one or the other")
    _check_formats(registry, None if tables else to, args.from_)
    writer = registry.writer("jsonl" if tables else to)  # the tables gather every article, as jsonl does
    options = _convert_options(args, None if tables else writer)
    args.inputs = [*args.inputs, *_url_list(args.urls)]
    if not args.inputs:
        raise UsageError("no input: name files, folders, URLs or - for stdin, or give --urls FILE")
    if args.inputs.count(STDIN) > 1:
        raise UsageError("standard input (-) can be read only once")
    avoid = [p for p in (output, args.errors) if p]
    inputs = InputSet(args.inputs, include=args.include or (), exclude=args.exclude or (), avoid=avoid)
    missing = inputs.check()
    for name, reason in missing:
        _error(f"{name}: {reason}", name)
    several = inputs.several
    try:
        plan = OutputPlan.for_command(
            args.output, writer, several=several, tables=tables, force=args.force,
            skip_existing=args.skip_existing, naming=args.names,
        )  # fmt: skip
    except OutputRefused as exc:
        raise UsageError(str(exc)) from None
    folder = plan.folder
    if args.errors == STDOUT:  # not a file named "-" (as -o - is standard output)
        raise UsageError("--errors -: give a file; each failure is told on standard error already")
    if args.errors is not None and Path(args.errors).exists() and not args.force:
        _check_targets(None, Path(args.errors), False, True)  # what --force never replaces, said so
        raise UsageError(f"{args.errors}: exists; use --force to overwrite it")
    _check_targets(output, Path(args.errors) if args.errors else None, folder, args.force)
    for name in inputs.own:
        _error(f"{name}: not read: it is this command's own output (-o or --errors)")
    _preflight(args, inputs, output, folder, None if tables else writer.extension)
    total = inputs.count() if several else len(args.inputs) - len(missing)
    if total == 0:
        if not missing:
            _error(f"no input found in {', '.join(args.inputs)} (see --include and --exclude)")
        return EXIT_FAILED
    progress = Progress(total, sys.stderr, enabled=False if args.quiet or not several else None)

    def on_error(name: str, line: str) -> None:
        progress.clear()
        _error(line, name)

    def on_skip(_name: str, line: str) -> None:
        if not args.quiet:
            progress.clear()
            print(f"articlekit: {line}", file=sys.stderr)

    def on_warning(name: str, message: str) -> None:
        if not args.quiet:
            progress.clear()
            line = message if message.startswith(name) else f"{name}: {message}"
            line = _cli_spelling(line)
            print(f"articlekit: warning: {printable(line.replace(name, quoted_name(name)))}", file=sys.stderr)

    sink = _tables_sink(output, args.force) if tables else None
    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        if sink is not None:
            stack.callback(sink.abort)  # nothing left behind if the cluster cannot start (a no-op once written)
        runner = stack.enter_context(_runner(args))
        batch = Batch(
            plan,
            to,
            fmt=args.from_,
            options=options,
            jobs=args.jobs,
            fail_fast=args.fail_fast,
            errors=Path(args.errors) if args.errors else None,
            timeout=args.timeout,
            events=Events(
                on_error=on_error,
                on_progress=lambda _item, failed: progress.advance(failed=failed),
                on_warning=on_warning,
                on_skip=on_skip,
            ),
            sink=sink,
            runner=runner,
        )
        result = batch.run(inputs)
    progress.clear()
    if result.interrupted:
        _error(_interrupted(result, total, output, folder))
        return EXIT_TERMINATED if result.terminated else EXIT_INTERRUPTED
    if result.stopped:
        not_written = f"; not written: {', '.join(result.discarded)}" if result.discarded else ""
        _error(f"stopped at the first failure (--fail-fast){not_written}")
    if not args.quiet and several:
        print(f"articlekit: {_summary(result, time.monotonic() - started)}", file=sys.stderr)
    if not several and any(failure.error == "ManyArticlesError" for failure in result.failed):
        return EXIT_USAGE  # one input, one output: the command line asked for the impossible
    return EXIT_FAILED if result.failed or missing else EXIT_OK


def _fetch_seconds(value: str) -> float:
    seconds = _seconds(value)
    if seconds == 0:
        raise argparse.ArgumentTypeError("a fetch must have a time limit; give a number of seconds above 0")
    return seconds


def _url_list(path: str | None) -> list[str]:
    """The URLs in a ``--urls`` file: one a line, blank lines and ``#`` comments skipped."""
    if path is None:
        return []
    try:
        if path == STDIN:
            text = sys.stdin.read()
        else:
            with open(path, encoding="utf-8-sig") as fh:
                text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"--urls {path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    urls = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not is_url(line):
            raise UsageError(f"--urls {path}:{number}: expected a URL (https://...), found {line[:60]!r}")
        urls.append(line)
    return urls


def add_convert(commands: Any) -> None:
    convert = commands.add_parser(
        "convert",
        help="convert files, folders, globs, URLs or standard input",
        description=(
            "Convert INPUTs (files, folders searched recursively, glob patterns, or - for standard input) "
            "to another format. Carries on past bad inputs, with one line each, and exits 1 if any failed."
        ),
    )
    convert.add_argument(
        "inputs", nargs="*", metavar="INPUT", help="files, folders, glob patterns, http(s) URLs, or - for stdin"
    )
    convert.add_argument("--urls", metavar="FILE", help="fetch and convert the URLs in FILE, one a line (# comments)")
    convert.add_argument(
        "--fetch-timeout",
        type=_fetch_seconds,
        metavar="SECONDS",
        help="give up on a URL whose server sends nothing for this long (default 30)",
    )
    _add_reading(convert)
    convert.add_argument(
        "--lang",
        metavar="LANGS",
        help="keep only articles in these languages (en or en,de), detected where the input does not say; "
        "the others are reported as skipped",
    )
    convert.add_argument(
        "--to", metavar="FMT", help="output format (default: from -o's extension, else json); jsonl gathers all"
    )
    convert.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="output file (out.json, out.jsonl) or folder (needed for several inputs, unless jsonl); stdout if omitted",
    )
    convert.add_argument("--include", action="append", metavar="GLOB", help="only files in folders matching GLOB")
    convert.add_argument("--exclude", action="append", metavar="GLOB", help="skip files in folders matching GLOB")
    convert.add_argument(
        "-j", "--jobs", type=_jobs, default=1, metavar="N", help="convert in N processes (0: one per CPU; default 1)"
    )
    convert.add_argument("--force", action="store_true", help="overwrite existing outputs")
    convert.add_argument(
        "--skip-existing",
        action="store_true",
        help="resume a batch: skip the inputs the output folder's manifest records as finished",
    )
    convert.add_argument("--fail-fast", action="store_true", help="stop at the first failing input")
    convert.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"give up on an input after this long, as a failure (default {DEFAULT_TIMEOUT:g}; 0: no limit)",
    )
    convert.add_argument("--errors", metavar="FILE", help="write one JSON line per failed input (input, error, reason)")
    convert.add_argument(
        "--names",
        choices=("input", "id", "headline"),
        default="input",
        help="name outputs in a folder after the input (default), the article's id, or its headline",
    )
    convert.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no warnings and no summary")
    convert.add_argument(
        "--dask",
        type=_dask_address,
        metavar="ADDRESS",
        help="convert on a Dask cluster: a scheduler's address (tcp://host:8786), or local[:N] to start N worker "
        "processes for the run; outputs are the same as without it (needs articlekit[dask])",
    )
    _add_common(convert)
    convert.set_defaults(handler=cmd_convert)


# -- formats ----------------------------------------------------------------------------------


def _options_text(registry: Registry) -> str:
    """``formats --options``: every plugin's declared options, a paragraph per plugin."""
    blocks = ["every run (the pipeline)\n" + _option_lines(PIPELINE_OPTIONS)]
    for kind, provided in registry:
        options = provided.spec.options
        head = f"{provided.spec.name} {kind}"
        if options is None:
            blocks.append(f"{head}\n  (declares none: takes any option, unchecked)")
        elif options:
            blocks.append(f"{head}\n{_option_lines(options)}")
    return "\n\n".join(blocks)


def _option_lines(options: Sequence[OptionSpec]) -> str:
    lines = []
    for option in options:
        if option.name in _RESERVED:
            continue
        default = "" if option.default is None else f" (default {json.dumps(option.describe()['default'])})"
        lines.append(f"  -O {option.name}={option.type_name.upper()}  {option.help}{default}")
    return "\n".join(lines) or "  (set by the command's own flags)"


def cmd_formats(args: argparse.Namespace) -> int:
    registry = get_registry()
    if args.options:
        # a plugin's help is shown escaped: it cannot drive the terminal
        print("\n".join(printable(line) for line in _options_text(registry).splitlines()))
        return EXIT_OK
    rows = [("kind", "name", "plugin", "distribution", "description")]
    for kind, provided in registry:
        spec = provided.spec
        rows.append((kind, spec.name, provided.plugin, provided.distribution or "-", spec.description))
    if args.json:
        described = []
        for row, (_kind, provided) in zip(rows[1:], registry, strict=True):
            declared = provided.spec.options
            options = None if declared is None else [option.describe() for option in declared]
            described.append({**dict(zip(rows[0], row, strict=True)), "options": options})
        print(json.dumps(described, indent=2))
        return EXIT_OK
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4])
    return EXIT_OK


def add_formats(commands: Any) -> None:
    formats = commands.add_parser("formats", help="list every parser, writer and enricher and who provides it")
    formats.add_argument("--json", action="store_true", help="as a JSON array, with each one's declared options")
    formats.add_argument(
        "--options", action="store_true", help="the options each one reads (-O KEY=VALUE), with their types"
    )
    _add_common(formats)
    formats.set_defaults(handler=cmd_formats)


# -- inspect ----------------------------------------------------------------------------------


def _shown(value: object) -> str:
    if isinstance(value, dict):
        return f"{len(value)} ({', '.join(sorted(map(str, value)))})"
    if isinstance(value, tuple):
        return str(len(value))
    text = value.isoformat() if isinstance(value, (date, datetime)) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _found_fields(article: Article) -> list[dict[str, str]]:
    """Every field with a value: its name, the value shown short (or how many items), and
    where the parser found it when it says (``extensions["provenance"]``)."""
    provenance = article.extensions.get(PROVENANCE_KEY)
    where = provenance if isinstance(provenance, dict) else {}
    found = []
    for attribute in attrs.fields(Article):
        value = getattr(article, attribute.name)
        if attribute.name == "origin" or value in (None, "", (), {}):
            continue
        field = {"field": attribute.name, "value": _shown(value)}
        if attribute.name in where:
            field["from"] = str(where[attribute.name])
        found.append(field)
    return found


def _inspection(args: argparse.Namespace, registry: Registry) -> dict[str, Any]:
    """What ``inspect`` found, as data (printed as text, or as JSON with ``--json``)."""
    if args.input == STDIN:
        document = read_document(sys.stdin.buffer, STDIN, max_bytes=args.max_size)
    else:
        for name, reason in InputSet([args.input]).check():  # worded as convert words it
            raise ArticlekitError(f"{name}: {reason}")
        document = read_document(Path(args.input), args.input, max_bytes=args.max_size)
    ranked = rank(document.head, document.name, registry.parser_specs())
    chosen = args.from_.lower() if args.from_ else detect_format(document, registry)
    provided = registry.parsers[chosen]
    with capture_warnings() as notes:
        articles = list(parse_document(document, chosen, registry=registry, **_reading_options(args)))
    return {
        "input": args.input,  # as named: document.name has lost a ".gz"
        "bytes": len(document.data),
        "gzip": document.name != args.input and args.input.lower().endswith(".gz"),
        "format": chosen,
        "how": "named with --from" if args.from_ else "detected",
        "by_hook": not args.from_ and bool(ranked) and ranked[0][2].name != chosen,
        "plugin": provided.plugin,
        "distribution": provided.distribution,
        "sniffing": [
            {"parser": spec.name, "confidence": round(confidence, 3), "extension": by_name}
            for confidence, by_name, spec in ranked
        ],
        "articles": [{"fields": _found_fields(article), "charset": article.origin.charset} for article in articles],
        "warnings": notes,
    }


def _inspection_text(report: dict[str, Any]) -> str:
    chosen = report["format"]
    lines = [
        f"input      {report['input']} ({report['bytes']:,} bytes{' once ungzipped' if report['gzip'] else ''})",
        f"format     {chosen} ({report['how']})",
        f"parser     {chosen} from plugin {report['plugin']} ({report['distribution'] or 'registered in code'})",
        "why        sniff confidence by parser (content), and whether the file name's extension is its own:",
    ]
    for row in report["sniffing"]:
        if row["confidence"] > 0 or row["extension"] or row["parser"] == chosen:
            mark = "*" if row["parser"] == chosen else " "
            extension = "extension matches" if row["extension"] else ""
            lines.append(f"         {mark} {row['parser']:<12} {row['confidence']:4.2f}  {extension}".rstrip())
    if report["by_hook"]:
        lines.append("           (a plugin's articlekit_detect_format hook chose the format)")
    articles = report["articles"]
    lines.append(f"articles   {len(articles)}")
    for index, article in enumerate(articles, start=1):
        if len(articles) > 1:
            lines.append(f"article {index}")
        lines.append("fields     found (value, or how many):")
        for field in article["fields"]:
            source = f"  [from {field['from']}]" if "from" in field else ""
            lines.append(f"           {field['field']:<12} {field['value']}{source}")
        if article["charset"]:
            lines.append(f"charset    {article['charset']}")
    notes = report["warnings"]
    lines.append(f"warnings   {len(notes) or 'none'}")
    lines.extend(f"           {note}" for note in notes)
    return "\n".join(printable(line) for line in lines)


def cmd_inspect(args: argparse.Namespace) -> int:
    registry = get_registry()
    _check_formats(registry, None, args.from_)
    report = _inspection(args, registry)
    # what the input holds is printed escaped: its text cannot drive the terminal
    text = printable_json(json.dumps(report, ensure_ascii=False, indent=2)) if args.json else _inspection_text(report)
    print(text)
    if not report["articles"]:
        _error(f"{report['input']}: no article found in the input")
        return EXIT_FAILED
    return EXIT_OK


def add_inspect(commands: Any) -> None:
    inspect = commands.add_parser(
        "inspect",
        help="show how an input is read: format and why, parser, fields found, warnings",
        description="Show FILE's detected format and why, its parser and plugin, the fields found, and warnings.",
    )
    inspect.add_argument("input", metavar="FILE", help="the input (- for standard input)")
    inspect.add_argument("--json", action="store_true", help="the same as a JSON object, for tools")
    _add_reading(inspect)
    _add_common(inspect)
    inspect.set_defaults(handler=cmd_inspect)


# -- the command ------------------------------------------------------------------------------


def add_quotes(commands: Any) -> None:
    from articlekit import quotes_table

    quotes = commands.add_parser(
        "quotes",
        help="print who said what: every quote of every input with its speaker",
        description="Print a who-said-what table for every article in FILEs (files, folders, globs, or -).",
    )
    quotes_table.add_arguments(quotes)
    _add_reading(quotes)
    _add_common(quotes)
    quotes.set_defaults(handler=lambda args: quotes_table.run(args, _reading_options(args), _error))


def cmd_report(args: argparse.Namespace) -> int:
    from articlekit.report import is_tables, plotly_js, report_writer

    output = Path(args.output)
    if output.is_dir() or args.output.endswith(("/", os.sep)):
        raise UsageError(f"{args.output}: the report is one HTML file, not a folder (-o report.html)")
    if output.exists() and not args.force:
        raise UsageError(f"{output}: exists; use --force to overwrite it")
    plotly_js()  # a missing charting library is said before any input is read
    if any(is_tables(name) for name in args.inputs):
        return _report_tables(args, output)
    if args.inputs.count(STDIN) > 1:
        raise UsageError("standard input (-) can be read only once")
    inputs = InputSet(args.inputs, include=args.include or (), exclude=args.exclude or (), avoid=[output])
    missing = inputs.check()
    for name, reason in missing:
        _error(f"{name}: {reason}")
    total = inputs.count()
    if total == 0:
        if not missing:
            _error(f"no input found in {', '.join(args.inputs)} (see --include and --exclude)")
        return EXIT_FAILED
    progress = Progress(total, sys.stderr, enabled=False if args.quiet else None)

    def on_error(_name: str, line: str) -> None:
        progress.clear()
        _error(line)

    started = time.monotonic()
    result = convert_batch(
        inputs,
        "report",
        output,
        fmt=args.from_,
        force=args.force,
        options=_reading_options(args),
        on_error=on_error,
        jobs=args.jobs,
        folder=False,
        timeout=args.timeout,
        on_progress=lambda _item, failed: progress.advance(failed=failed),
        writer_spec=report_writer(args.title),
    )
    progress.clear()
    if result.interrupted:
        _error(_interrupted(result, total, output, False))
        return EXIT_INTERRUPTED
    if not args.quiet:
        print(f"articlekit: {_summary(result, time.monotonic() - started)}; report in {output}", file=sys.stderr)
    return EXIT_FAILED if result.failed or missing else EXIT_OK


def _report_tables(args: argparse.Namespace, output: Path) -> int:
    """``articlekit report DIR/``: the report of the Parquet tables that --to parquet wrote."""
    from articlekit.output import atomic_writer
    from articlekit.report.parquet import count_articles, is_tables, write_report_tables

    others = [name for name in args.inputs if not is_tables(name)]
    if others:
        raise UsageError(f"{others[0]}: not Parquet tables; a report reads either tables or other inputs, not both")
    total = sum(map(count_articles, args.inputs))
    progress = Progress(total, sys.stderr, enabled=False if args.quiet else None, unit="article")
    started = time.monotonic()
    try:
        with atomic_writer(output, force=args.force) as out:
            count = write_report_tables(*args.inputs, out=out, title=args.title, on_article=progress.advance)
    finally:
        progress.clear()
    if not args.quiet:
        took = format_duration(time.monotonic() - started)
        print(f"articlekit: {plural(count, 'article')} in {took}; report in {output}", file=sys.stderr)
    return EXIT_OK


def add_report(commands: Any) -> None:
    report = commands.add_parser(
        "report",
        help="one self-contained HTML page of charts: who gets quoted, how and by whom",
        description="Read every article of INPUTs (files, folders, globs, feeds, WARCs, or -) and write one "
        "HTML page of charts and tables that opens from disk with no network (needs articlekit[report]).",
    )
    report.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="files, folders, glob patterns, or - for stdin; or folders of Parquet tables (--to parquet)",
    )
    _add_reading(report)
    report.add_argument("-o", "--output", required=True, metavar="FILE", help="the HTML file to write (report.html)")
    report.add_argument("--title", default="articlekit report", help="the page's title")
    report.add_argument("--include", action="append", metavar="GLOB", help="only files in folders matching GLOB")
    report.add_argument("--exclude", action="append", metavar="GLOB", help="skip files in folders matching GLOB")
    report.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N", help="read in N processes (0: one per CPU)")
    report.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help="give up on an input after this long",
    )
    report.add_argument("--force", action="store_true", help="overwrite an existing report")
    report.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    _add_common(report)
    report.set_defaults(handler=cmd_report)


SUBCOMMANDS: list[Callable[[Any], None]] = [add_convert, add_inspect, add_formats, add_quotes, add_report]
"""Each adds one sub-command; a new one is a function here and one line in this list."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per verb."""
    parser = argparse.ArgumentParser(
        prog="articlekit",
        description="Convert news articles between formats, with their structure, quotes and sources.",
    )
    parser.add_argument("--version", action="version", version=f"articlekit {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in SUBCOMMANDS:
        add(commands)
    return parser


def _load_plugins() -> None:
    """Load the plugins before the command runs, so that a broken installed plugin is named
    once, as a warning line (in strict mode, its error is the command's)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", PluginWarning)
        get_registry()
    for warning in caught:
        print(f"articlekit: warning: {warning.message}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 done, 1 some inputs failed, 2 usage, 130
    interrupted, 143 SIGTERM)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    handler: Command | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        _load_plugins()
        return handler(args)
    except Terminated:
        _error("terminated (SIGTERM)")
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_INTERRUPTED
    except UsageError as exc:
        _error(str(exc))
        return EXIT_USAGE
    except ArticlekitError as exc:
        if args.debug:
            traceback.print_exc()
        _error(str(exc))
        return EXIT_FAILED
    except BrokenPipeError:
        # the reader went away (| head): not an error; keep Python from complaining at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # a bug: say so plainly, without a traceback unless asked
        if args.debug:
            traceback.print_exc()
        _error(f"unexpected {type(exc).__name__}: {exc} (run with --debug for details, and please report it)")
        return EXIT_FAILED


def run() -> None:
    """The console script's entry point."""
    sys.exit(main())


if __name__ == "__main__":
    run()
