"""Declared options: every built-in parser, writer and enricher declares what it reads; the
doors (parse, dumps, convert, the batch, ``-O``) convert the values and refuse unknown names
with the close matches; a plugin that declares nothing keeps taking anything."""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

import articlekit
from articlekit import (
    Article,
    Document,
    EnricherSpec,
    OptionError,
    OptionSpec,
    Paragraph,
    ParserSpec,
    WriterSpec,
    hookimpl,
)
from articlekit.api import PIPELINE_OPTIONS
from articlekit.cli import main
from articlekit.errors import ArticlekitError
from articlekit.options import PluginOptions, check_options
from articlekit.plugins import BUILTIN_PLUGINS, get_registry

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "articlekit"

pytestmark = pytest.mark.usefixtures("fresh_plugins")

ARTICLE = Article(
    headline="Council votes",
    body=(Paragraph('"We will build it," the mayor said on Tuesday.'),),
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _builtin(kind: str) -> list[Any]:
    """The specs of ``kind`` the built-in plugins provide (installed plugins left out)."""
    modules = {module.__name__ if hasattr(module, "__name__") else str(module) for module in BUILTIN_PLUGINS}
    table = {"parser": get_registry().parsers, "writer": get_registry().writers, "enricher": get_registry().enrichers}
    return [p.spec for p in table[kind].values() if p.plugin in modules]


# -- the declaration ---------------------------------------------------------------------------


def test_values_are_converted_from_text_and_from_python() -> None:
    indent = OptionSpec("indent", int, 2, "spaces", minimum=0, allow_none=True)
    assert indent.convert("4") == 4
    assert indent.convert(4) == 4
    assert indent.convert("none") is None
    assert indent.convert(None) is None
    flag = OptionSpec("pretty", bool, True)
    assert [flag.convert(v) for v in ("false", "No", "off", "0", False)] == [False] * 5
    assert [flag.convert(v) for v in ("true", "YES", "on", "1", True, 1)] == [True] * 6
    assert OptionSpec("threshold", float, 0.5).convert("0.75") == 0.75
    assert OptionSpec("charset", str, None).convert("cp1252") == "cp1252"
    assert OptionSpec("mode", str, "a", choices=("a", "b")).convert("b") == "b"
    anything = OptionSpec("stats", None, None)
    marker = object()
    assert anything.convert(marker) is marker


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        (OptionSpec("indent", int, 2, minimum=0), "x", "an integer of at least 0"),
        (OptionSpec("indent", int, 2, minimum=0), -1, "an integer of at least 0"),
        (OptionSpec("indent", int, 2), True, "an integer"),  # a bool is no number of spaces
        (OptionSpec("indent", int, 2), 2.5, "an integer"),
        (OptionSpec("indent", int, 2), None, "an integer"),  # None only where declared
        (OptionSpec("pretty", bool, True), "maybe", "true or false"),
        (OptionSpec("pretty", bool, True), 2, "true or false"),
        (OptionSpec("threshold", float, 0.5), "nan", "a number"),
        (OptionSpec("charset", str, None), 1252, "text, or none"),
        (OptionSpec("mode", str, "a", choices=("a", "b")), "c", "one of a, b"),
    ],
)
def test_a_value_that_does_not_fit_says_what_was_expected(option: OptionSpec, value: Any, expected: str) -> None:
    with pytest.raises(ValueError, match=f"^{expected}$"):
        option.convert(value)


def test_a_declaration_that_cannot_work_is_refused_when_made() -> None:
    with pytest.raises(ValueError, match="a Python identifier"):
        OptionSpec("words per minute", int, 230)
    with pytest.raises(ValueError, match="str, int, float, bool or None"):
        OptionSpec("widths", list, [])
    with pytest.raises(TypeError, match="a spec's options are OptionSpecs"):
        EnricherSpec("e", run=lambda a, o: a, options=({"name": "x"},))  # type: ignore[arg-type]


def test_a_name_declared_twice_by_one_spec_is_refused() -> None:
    with pytest.raises(ValueError, match="option 'indent' is declared twice"):
        WriterSpec("twice", write=lambda a, o: "", extension=".t", options=(OptionSpec("indent"), OptionSpec("indent")))


def test_check_options_names_the_plugin_the_option_the_value_and_what_was_expected() -> None:
    plugins = [PluginOptions("writer", "json", (OptionSpec("indent", int, 2, minimum=0),))]
    with pytest.raises(OptionError) as caught:
        check_options({"indent": "wide"}, plugins)
    assert str(caught.value) == "option 'indent' of the json writer: expected an integer of at least 0, got 'wide'"
    assert isinstance(caught.value, ArticlekitError) and isinstance(caught.value, ValueError)


def test_an_unknown_name_gives_the_close_matches() -> None:
    plugins = [PluginOptions("writer", "json", (OptionSpec("indent", int, 2),))]
    with pytest.raises(OptionError, match=r"^unknown option 'indnet' for the json writer; did you mean 'indent'\?$"):
        check_options({"indnet": 4}, plugins)
    with pytest.raises(OptionError, match="unknown option 'colour' for the json writer; the options on offer: indent"):
        check_options({"colour": "red"}, plugins)


def test_a_plugin_declaring_nothing_opens_the_run_to_any_option() -> None:
    plugins = [
        PluginOptions("writer", "json", (OptionSpec("indent", int, 2),)),
        PluginOptions("parser", "legacy", None),
    ]
    # unchecked, and from the command line read as before declarations
    assert check_options({"anything": "12"}, plugins, from_text=True) == {"anything": 12}
    assert check_options({"anything": "12"}, plugins) == {"anything": "12"}
    # what is declared is still converted and checked
    assert check_options({"indent": "3"}, plugins, from_text=True) == {"indent": 3}
    with pytest.raises(OptionError):
        check_options({"indent": "x"}, plugins, from_text=True)


# -- the built-in plugins ------------------------------------------------------------------------


def test_every_builtin_spec_declares_its_options() -> None:
    for kind in ("parser", "writer", "enricher"):
        for spec in _builtin(kind):
            assert spec.options is not None, f"the {spec.name} {kind} declares no options (give options=())"
            for option in spec.options:
                assert option.help, f"{spec.name} {kind}: option {option.name!r} has no help"
                if option.default is not None and option.type is not None:
                    assert option.convert(option.default) == option.default


def test_options_shared_by_several_plugins_mean_one_thing() -> None:
    seen: dict[str, OptionSpec] = {option.name: option for option in PIPELINE_OPTIONS}
    for kind in ("parser", "writer", "enricher"):
        for spec in _builtin(kind):
            for option in spec.options or ():
                if option.name in seen:
                    assert option == seen[option.name], f"{option.name!r} is declared two ways"
                seen[option.name] = option


class Recording(dict[str, Any]):
    """Options that record every name a plugin asks for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: set[str] = set()

    def get(self, key: str, default: Any = None) -> Any:
        self.asked.add(key)
        return super().get(key, default)

    def __getitem__(self, key: str) -> Any:
        self.asked.add(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        self.asked.add(str(key))
        return super().__contains__(key)


def _declared(spec: Any) -> set[str]:
    return {option.name for option in spec.options or ()}


@pytest.mark.parametrize("name", [spec.name for spec in _builtin("writer")])
def test_every_builtin_writer_reads_exactly_what_it_declares(name: str) -> None:
    spec = get_registry().writer(name)
    options = Recording()
    spec.write(ARTICLE, options)
    assert options.asked == _declared(spec)


@pytest.mark.parametrize("name", [spec.name for spec in _builtin("enricher")])
def test_every_builtin_enricher_reads_exactly_what_it_declares(name: str) -> None:
    spec = get_registry().enrichers[name].spec
    options = Recording()
    article = articlekit.parse(ARTICLE.body[0].text, "text", enrich=False)
    if name in ("sources", "dates"):  # they read their option only where there are quotes
        article = articlekit.enrich(article)
        article = article if article.quotes else ARTICLE
    spec.run(article, options)
    assert options.asked <= _declared(spec)
    if name != "language" or article.language is None:
        assert options.asked == _declared(spec)


SAMPLES = {
    "text": b"Council votes\n\nThe council voted on Tuesday.\n",
    "html": b"<html><head><title>Council votes</title></head><body><article><h1>Council votes</h1>"
    b"<p>The council voted on Tuesday to build the bridge across the river.</p></article></body></html>",
    "feed": b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Council votes</title>'
    b"<description>The council voted.</description></item></channel></rss>",
    "json": b'{"schema": "articlekit/1", "headline": "Council votes"}',
}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_builtin_parsers_read_only_what_they_declare(name: str) -> None:
    spec = get_registry().parser(name)
    options = Recording()
    list(spec.parse(Document(SAMPLES[name], f"sample.{name}"), options))
    assert options.asked == _declared(spec)


def _reads_options_directly(path: Path) -> list[str]:
    """``options.get(...)``, ``options[...]`` and ``... in options`` in a module: a plugin reads a
    declared option through its OptionSpec, so the default lives in the declaration."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        target = None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
            target = node.func.value
        elif isinstance(node, ast.Subscript):
            target = node.value
        elif isinstance(node, ast.Compare) and isinstance(node.ops[0], ast.In):
            target = node.comparators[0]
        if isinstance(target, ast.Name) and target.id == "options":
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_builtin_plugin_reads_an_option_around_its_declaration() -> None:
    modules = [*sorted((SRC / "formats").glob("*.py")), *sorted((SRC / "enrich").rglob("*.py"))]
    assert modules
    found = [where for path in modules for where in _reads_options_directly(path)]
    assert not found, f"options read without a declaration: {found}"


# -- the Python doors ----------------------------------------------------------------------------


def test_dumps_refuses_a_misspelled_option_with_the_close_match() -> None:
    with pytest.raises(OptionError, match=r"unknown option 'indnet' for the json writer; did you mean 'indent'\?"):
        articlekit.dumps(ARTICLE, "json", indnet=4)


def test_dumps_converts_and_checks_values() -> None:
    assert articlekit.dumps(ARTICLE, "json", indent="4") == articlekit.dumps(ARTICLE, "json", indent=4)
    assert articlekit.dumps(ARTICLE, "xml", pretty="false") == articlekit.dumps(ARTICLE, "xml", pretty=False)
    with pytest.raises(OptionError, match="option 'pretty' of the xml writer: expected true or false, got 'maybe'"):
        articlekit.dumps(ARTICLE, "xml", pretty="maybe")


@pytest.mark.parametrize("writer", ["json", "jsonld", "ninjs"])
def test_indent_zero_and_none_both_write_one_line(writer: str) -> None:
    one_line = articlekit.dumps(ARTICLE, writer, indent=None)
    assert one_line.count("\n") == 1 and one_line.endswith("\n")
    assert articlekit.dumps(ARTICLE, writer, indent=0) == one_line
    assert articlekit.dumps(ARTICLE, writer, indent="none") == one_line
    assert "\n    " in articlekit.dumps(ARTICLE, writer, indent=4)


def test_parse_refuses_a_name_no_plugin_declares() -> None:
    with pytest.raises(OptionError, match=r"unknown option 'chrset' for the text parser; did you mean 'charset'\?"):
        articlekit.parse(b"Council votes\n\nThe council voted.\n", "text", chrset="cp1252")
    with pytest.raises(OptionError, match="option 'recover' of the feed parser: expected true or false"):
        articlekit.parse(SAMPLES["feed"], "feed", recover="perhaps")


def test_convert_checks_against_the_plugins_of_its_run() -> None:
    text = b"Council votes\n\nThe council voted on Tuesday.\n"
    with pytest.raises(OptionError, match=r"option 'indent' is read by .*the json writer.*, not the md writer"):
        articlekit.convert(text, "md", format="text", indent=3)
    with pytest.raises(OptionError, match="option 'charset' is read by the text parser, not the html parser"):
        articlekit.convert(SAMPLES["html"], "json", format="html", charset="cp1252")
    # the writer's option reaches the writer, converted; the enricher's reaches the enricher
    out = articlekit.convert(text, "json", format="text", indent="0", quotes="false")
    assert isinstance(out, str) and out.count("\n") == 1 and json.loads(out)["quotes"] == []


class LegacyPlugin:
    """A plugin written before declarations: its writer reads an option it never declares."""

    @staticmethod
    @hookimpl
    def articlekit_writers() -> Sequence[WriterSpec]:
        return [WriterSpec("legacy", write=lambda article, options: f"{options.get('width')!r}\n", extension=".lg")]


class DeclaringPlugin:
    """A plugin that declares its option, as the guide shows."""

    @staticmethod
    @hookimpl
    def articlekit_parsers() -> Sequence[ParserSpec]:
        def parse(document: Document, options: Any) -> Iterator[Article]:
            yield Article(headline=f"x{SHOUT.value(options)}", body=(Paragraph("body"),))

        return [ParserSpec("declaring", parse=parse, options=(SHOUT,))]


SHOUT = OptionSpec("shout_level", int, 1, "how loud", minimum=0)


def test_a_plugin_without_declarations_takes_any_option_as_before(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    articlekit.register_plugin(LegacyPlugin(), name="legacy-plugin")
    assert articlekit.dumps(ARTICLE, "legacy", width=72) == "72\n"
    source = tmp_path / "a.json"
    source.write_text('{"schema": "articlekit/1", "headline": "Council votes"}', encoding="utf-8")
    code, out, err = run(capsys, "convert", str(source), "--to", "legacy", "-O", "width=72")
    assert (code, out, err) == (0, "72\n", "")  # the command line's text read as before: an integer
    # a run without it is checked again
    code, _, err = run(capsys, "convert", str(source), "-O", "width=72")
    assert code == 2 and "unknown option 'width'" in err


def test_a_third_party_declaration_is_checked_converted_and_listed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    articlekit.register_plugin(DeclaringPlugin(), name="declaring-plugin")
    assert articlekit.parse(b"anything", "declaring", shout_level="3").headline == "x3"
    with pytest.raises(OptionError, match=r"did you mean 'shout_level'\?"):
        articlekit.parse(b"anything", "declaring", shout_levle=3)
    code, out, _ = run(capsys, "formats", "--options")
    assert code == 0 and "declaring parser\n  -O shout_level=INT  how loud (default 1)" in out
    code, out, _ = run(capsys, "convert", "--help")
    assert "shout_level (declaring parser)" in " ".join(out.split())


# -- the command line ----------------------------------------------------------------------------


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text('Council votes\n\n"We will build it," the mayor said on Tuesday.\n', encoding="utf-8")
    return path


def test_cli_unknown_option_is_a_usage_error_with_the_close_match(
    capsys: pytest.CaptureFixture[str], story: Path
) -> None:
    code, out, err = run(capsys, "convert", str(story), "-O", "indnet=4")
    assert code == 2 and out == ""
    assert err == "articlekit: error: -O: unknown option 'indnet' for the json writer; did you mean 'indent'?\n"
    code, _, err = run(capsys, "convert", str(story), "--to", "md", "-O", "indent=4")
    assert code == 2 and "not the md writer" in err and "Traceback" not in err


def test_cli_value_of_the_wrong_type_is_a_usage_error(capsys: pytest.CaptureFixture[str], story: Path) -> None:
    code, _, err = run(capsys, "convert", str(story), "-O", "indent=wide")
    assert code == 2
    assert err == (
        "articlekit: error: -O: option 'indent' of the json writer: expected an integer of at least 0, "
        "or none, got 'wide'\n"
    )
    code, _, err = run(capsys, "inspect", str(story), "-O", "quotes=sometimes")
    assert code == 2 and "option 'quotes' of the quotes enricher: expected true or false" in err


def test_cli_options_reach_the_plugins_converted(capsys: pytest.CaptureFixture[str], story: Path) -> None:
    code, out, _ = run(capsys, "convert", str(story), "-O", "indent=0", "-O", "quotes=no")
    assert code == 0 and out.count("\n") == 1 and json.loads(out)["quotes"] == []
    code, out, _ = run(capsys, "convert", str(story), "--to", "jsonld", "-O", "embed=yes")
    assert code == 0 and out.startswith('<script type="application/ld+json">')
    code, out, _ = run(capsys, "convert", str(story), "--to", "text", "-O", "charset=utf-8")
    assert code == 0 and out.startswith("Council votes")


def test_formats_json_and_options_are_generated_from_the_declarations(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "formats", "--json")
    assert code == 0
    rows = {(row["kind"], row["name"]): row for row in json.loads(out)}
    assert {"name": "indent", "type": "int", "default": 2, "choices": [], "none": True}.items() <= rows[
        ("writer", "json")
    ]["options"][0].items()
    assert rows[("parser", "json")]["options"] == []
    code, text, _ = run(capsys, "formats", "--options")
    code_help, help_text, _ = run(capsys, "convert", "--help")
    assert code == code_help == 0
    help_text = " ".join(help_text.split())
    for kind in ("parser", "writer", "enricher"):
        for spec in _builtin(kind):
            head = f"{spec.name} {kind}"
            for option in spec.options or ():
                assert f"-O {option.name}={option.type_name.upper()}  {option.help}" in text
                assert option.name in help_text
                assert option.describe() in rows[(kind, spec.name)]["options"]
            if spec.options:
                assert f"\n{head}\n" in f"\n{text}"


def test_the_cli_guide_lists_every_builtin_option() -> None:
    guide = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for kind in ("parser", "writer", "enricher"):
        for spec in _builtin(kind):
            for option in spec.options or ():
                assert f"`{option.name}=" in guide, f"docs/cli.md does not list -O {option.name}"


def test_the_batch_checks_its_options_before_any_input(tmp_path: Path, story: Path) -> None:
    from articlekit.batch import InputSet, convert_batch

    out = tmp_path / "out"
    with pytest.raises(OptionError, match="option 'front_matter' is read by the md writer, not the json writer"):
        convert_batch(InputSet([str(story)]), "json", out, folder=True, options={"front_matter": False})
    assert not out.exists()
    result = convert_batch(InputSet([str(story)]), "md", out, folder=True, options={"front_matter": "false"})
    assert result.converted == 1
    assert (out / "story.md").read_text(encoding="utf-8").startswith("# Council votes")
