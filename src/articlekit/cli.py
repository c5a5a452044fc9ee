"""The ``articlekit`` command. ``main(argv) -> int`` never lets a traceback reach the user
unless ``--debug`` is given."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from articlekit import __version__
from articlekit.batch import collect_inputs, convert_batch
from articlekit.errors import ArticlekitError
from articlekit.inputs import DEFAULT_MAX_BYTES
from articlekit.plugins import get_registry

__all__ = ["main"]

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

Command = Callable[[argparse.Namespace], int]


def _error(message: str) -> None:
    print(f"articlekit: error: {message}", file=sys.stderr)


def _size(value: str) -> int:
    units = {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}
    text = value.strip().lower().rstrip("b")
    factor = units.get(text[-1:], 1)
    number = text[:-1] if text[-1:] in units else text
    try:
        size = int(float(number) * factor)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a size such as 64M or 1G, got {value!r}") from None
    if size < 0:
        raise argparse.ArgumentTypeError("a size cannot be negative")
    return size


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--debug", action="store_true", help="show tracebacks for unexpected errors")


def cmd_convert(args: argparse.Namespace) -> int:
    registry = get_registry()
    try:
        registry.writer(args.to)
        if args.from_:
            registry.parser(args.from_)
    except ArticlekitError as exc:
        _error(str(exc))
        return EXIT_USAGE
    items, missing = collect_inputs(args.inputs)
    output = Path(args.output) if args.output else None
    for name, reason in missing:
        _error(f"{name}: {reason}")
    if output is None and len(items) > 1:
        _error("several inputs need an output folder: add -o DIR")
        return EXIT_USAGE
    options: dict[str, object] = {"max_bytes": args.max_size}
    if args.tz:
        options["tz"] = args.tz
    result = convert_batch(
        items,
        args.to,
        output,
        fmt=args.from_,
        force=args.force,
        options=options,
        on_error=lambda name, reason: _error(reason if reason.startswith(name) else f"{name}: {reason}"),
    )
    return EXIT_FAILED if result.failed or missing else EXIT_OK


def cmd_formats(args: argparse.Namespace) -> int:
    registry = get_registry()
    rows = [("kind", "name", "plugin", "distribution", "description")]
    for kind, provided in registry:
        spec = provided.spec
        rows.append((kind, spec.name, provided.plugin, provided.distribution or "-", spec.description))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4])
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with one sub-command per verb."""
    parser = argparse.ArgumentParser(
        prog="articlekit",
        description="Convert news articles between formats, with their structure, quotes and sources.",
    )
    parser.add_argument("--version", action="version", version=f"articlekit {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    convert = commands.add_parser(
        "convert",
        help="convert files, folders or standard input",
        description="Convert INPUTs (files, folders, globs, or - for standard input) to another format.",
    )
    convert.add_argument("inputs", nargs="+", metavar="INPUT")
    convert.add_argument("--from", dest="from_", metavar="FMT", help="input format (detected when omitted)")
    convert.add_argument("--to", default="json", metavar="FMT", help="output format (default: json)")
    convert.add_argument(
        "-o", "--output", metavar="OUT", help="output file, or folder (needed for several inputs); stdout when omitted"
    )
    convert.add_argument("--force", action="store_true", help="overwrite existing outputs")
    convert.add_argument("--tz", metavar="ZONE", help="IANA time zone for dates given without one (Europe/Berlin)")
    convert.add_argument(
        "--max-size",
        type=_size,
        default=DEFAULT_MAX_BYTES,
        metavar="SIZE",
        help=f"refuse inputs larger than this (default {DEFAULT_MAX_BYTES >> 20}M; 0 for no limit)",
    )
    _add_common(convert)
    convert.set_defaults(handler=cmd_convert)

    formats = commands.add_parser("formats", help="list every parser, writer and enricher and who provides it")
    _add_common(formats)
    formats.set_defaults(handler=cmd_formats)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 done, 1 some inputs failed, 2 usage)."""
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
        return handler(args)
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_INTERRUPTED
    except ArticlekitError as exc:
        if args.debug:
            traceback.print_exc()
        _error(str(exc))
        return EXIT_FAILED
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: say so plainly, without a traceback unless asked
        if args.debug:
            traceback.print_exc()
        _error(f"unexpected {type(exc).__name__}: {exc} (run with --debug for details, and please report it)")
        return EXIT_FAILED


def run() -> None:
    """The console script's entry point."""
    sys.exit(main())
