"""The plugin door: a plugin registered in code or installed with an entry point adds formats
that parse() and dumps() go through; clashes and misspelled hooks fail loudly; autoloading can
be turned off; large inputs can be read as streams."""

from __future__ import annotations

import gzip
import io
import os
import re
import sys
import textwrap
import threading
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import pytest

import articlekit
import articlekit.plugins
from articlekit import Article, Document, Paragraph, ParserSpec, PluginError, WriterSpec, hookimpl
from articlekit.cli import main

pytestmark = pytest.mark.usefixtures("fresh_plugins")


def _parse_shout(document: Document, options: Any) -> Iterator[Article]:
    headline, _, body = document.data.decode().partition("\n")
    yield Article(headline=headline.removeprefix("SHOUT ").title(), body=(Paragraph(body.strip().capitalize()),))


def _write_shout(article: Article, options: Any) -> str:
    body = " ".join(block.text for block in article.body)
    return f"SHOUT {article.headline.upper()}\n{body.upper()}\n"


def _sniff_shout(head: bytes, name: str) -> float:
    return 1.0 if head.startswith(b"SHOUT ") else 0.0


class ShoutPlugin:
    """A throwaway plugin: a parser and a writer for 'shout'."""

    @staticmethod
    @hookimpl
    def articlekit_parsers() -> Sequence[ParserSpec]:
        return [ParserSpec("shout", parse=_parse_shout, sniff=_sniff_shout, extensions=(".shout",))]

    @staticmethod
    @hookimpl
    def articlekit_writers() -> Sequence[WriterSpec]:
        return [WriterSpec("shout", write=_write_shout, extension=".shout", description="shouting")]


def test_a_plugin_registered_in_code_adds_a_format_that_parse_and_dumps_go_through() -> None:
    name = articlekit.register_plugin(ShoutPlugin(), name="shout-plugin")
    assert name == "shout-plugin"
    article = articlekit.parse(b"SHOUT HELLO WORLD\nthe body.")  # detected by its sniff
    assert article.headline == "Hello World"
    assert article.origin.format == "shout"
    assert article.origin.parser == "shout-plugin"
    assert articlekit.dumps(article, "shout") == "SHOUT HELLO WORLD\nTHE BODY.\n"
    provided = articlekit.get_registry().parsers["shout"]
    assert (provided.plugin, provided.distribution) == ("shout-plugin", None)
    articlekit.unregister_plugin(name)
    with pytest.raises(articlekit.UnknownFormatError, match="no writer for format 'shout'"):
        articlekit.dumps(article, "shout")


def test_a_format_provided_twice_is_an_error_naming_both_plugins() -> None:
    articlekit.register_plugin(ShoutPlugin(), name="first-shouter")
    with pytest.raises(
        PluginError,
        match="the parser 'shout' is provided twice: by plugin 'first-shouter' and by plugin 'second-shouter'",
    ):
        articlekit.register_plugin(ShoutPlugin(), name="second-shouter")
    # the second is left unregistered, the first keeps working
    assert articlekit.plugins.get_plugin_manager().get_plugin("second-shouter") is None
    assert articlekit.get_registry().parsers["shout"].plugin == "first-shouter"


def test_a_plugin_cannot_take_a_built_in_name() -> None:
    class Impostor:
        @staticmethod
        @hookimpl
        def articlekit_writers() -> Sequence[WriterSpec]:
            return [WriterSpec("json", write=_write_shout, extension=".json")]

    with pytest.raises(
        PluginError,
        match=re.escape(
            "the writer 'json' is provided twice: by plugin 'articlekit.formats.json' and by plugin 'impostor'"
        ),
    ):
        articlekit.register_plugin(Impostor(), name="impostor")


def test_a_misspelled_hook_implementation_fails_loudly() -> None:
    class Misspelled:
        @staticmethod
        @hookimpl
        def articlekit_parser() -> Sequence[ParserSpec]:  # the hook is articlekit_parsers
            return []

    with pytest.raises(
        PluginError,
        match="^"
        + re.escape(
            "plugin 'misspelled' implements a hook that does not exist: articlekit_parser "
            "(did you mean articlekit_parsers?); articlekit's hooks are articlekit_detect_format, "
        ),
    ):
        articlekit.register_plugin(Misspelled(), name="misspelled")


def test_a_hook_returning_the_wrong_kind_of_spec_is_an_error() -> None:
    class Confused:
        @staticmethod
        @hookimpl
        def articlekit_parsers() -> Sequence[Any]:
            return [WriterSpec("oops", write=_write_shout, extension=".x")]

    with pytest.raises(
        PluginError, match=r"plugin 'confused' returned .* from articlekit_parsers; expected a ParserSpec"
    ):
        articlekit.register_plugin(Confused(), name="confused")


# -- entry points: a tiny distribution, "installed" by putting its files on sys.path -----------


def _install_distribution(root: Path, hook_source: str, *, module: str = "tinyplug", dist: str = "tinyplug") -> None:
    """What pip leaves behind: a module and a .dist-info with METADATA and entry_points.txt."""
    (root / f"{module}.py").write_text(textwrap.dedent(hook_source), encoding="utf-8")
    info = root / f"{dist}-1.2.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 1.2.3\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[articlekit]\ntiny = {module}\n", encoding="utf-8")


TINY = """
    from articlekit import Article, ParserSpec, hookimpl

    def parse(document, options):
        yield Article(headline=document.data.decode().strip())

    @hookimpl
    def articlekit_parsers():
        return [ParserSpec("tiny", parse=parse, extensions=(".tiny",), description="one-line articles")]
"""


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    monkeypatch.syspath_prepend(str(root))
    return root


def test_an_installed_plugin_is_found_through_its_entry_point(
    installed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _install_distribution(installed, TINY)
    provided = articlekit.get_registry().parsers["tiny"]
    assert (provided.plugin, provided.distribution) == ("tiny", "tinyplug 1.2.3")
    story = tmp_path / "story.tiny"
    story.write_text("Found through the entry point\n", encoding="utf-8")
    assert articlekit.parse(story).headline == "Found through the entry point"
    assert main(["formats"]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert ["parser", "tiny", "tiny", "tinyplug", "1.2.3", "one-line", "articles"] in rows


def test_autoloading_can_be_turned_off(installed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _install_distribution(installed, TINY)
    monkeypatch.setenv("ARTICLEKIT_DISABLE_PLUGIN_AUTOLOAD", "1")
    registry = articlekit.get_registry()
    assert "tiny" not in registry.parsers
    assert "json" in registry.parsers  # built-ins are not entry points: they stay
    articlekit.plugins.reset()
    monkeypatch.delenv("ARTICLEKIT_DISABLE_PLUGIN_AUTOLOAD")
    assert "tiny" in articlekit.get_registry().parsers


def test_an_installed_plugin_with_a_misspelled_hook_fails_at_start_up_in_strict_mode(
    installed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARTICLEKIT_STRICT_PLUGINS", "1")
    _install_distribution(
        installed, TINY.replace("def articlekit_parsers", "def articlekit_parsrs"), module="tinymisspelled"
    )
    with pytest.raises(
        PluginError,
        match=re.escape(
            "plugin 'tiny' implements a hook that does not exist: articlekit_parsrs (did you mean articlekit_parsers?)"
        ),
    ):
        articlekit.get_registry()


def test_an_installed_plugin_that_cannot_be_imported_is_named_in_strict_mode(
    installed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARTICLEKIT_STRICT_PLUGINS", "1")
    _install_distribution(installed, "import a_module_that_is_not_there\n", module="tinybroken")
    with pytest.raises(
        PluginError,
        match=r"plugin \(entry point 'tiny = tinybroken' of distribution tinyplug 1.2.3\) failed to load: "
        r".*a_module_that_is_not_there",
    ):
        articlekit.get_registry()


BROKEN_PLUGINS = {
    "import": "import a_module_that_is_not_there\n",
    "misspelled hook": TINY.replace("def articlekit_parsers", "def articlekit_parsrs"),
    "registration hook": TINY.replace("return [", "raise RuntimeError('oops'); return ["),
}


@pytest.mark.parametrize("broken", sorted(BROKEN_PLUGINS))
def test_a_broken_installed_plugin_is_left_out_with_one_warning_and_the_others_load(
    installed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], broken: str
) -> None:
    _install_distribution(installed, BROKEN_PLUGINS[broken], module=f"tinybroken{len(broken)}", dist="brokenplug")
    # a working plugin installed beside it
    good = installed / "good"
    good.mkdir()
    _install_distribution(good, TINY.replace('"tiny"', '"good"'), module="goodplug", dist="goodplug")
    (good / "goodplug-1.2.3.dist-info" / "entry_points.txt").write_text("[articlekit]\ngood = goodplug\n")
    sys.path.insert(0, str(good))
    try:
        with pytest.warns(articlekit.PluginWarning) as caught:
            registry = articlekit.get_registry()
        assert "good" in registry.parsers and "json" in registry.parsers and "tiny" not in registry.parsers
        messages = [str(w.message) for w in caught]
        assert len(messages) == 1
        assert "entry point 'tiny = tinybroken" in messages[0] and "distribution brokenplug 1.2.3" in messages[0]
        assert "ARTICLEKIT_DISABLE_PLUGIN_AUTOLOAD=1" in messages[0] and "ARTICLEKIT_STRICT_PLUGINS=1" in messages[0]
        assert articlekit.parse(b'{"schema": "articlekit/1", "headline": "Still works"}').headline == "Still works"
        # the command line: one warning line, and the command works
        articlekit.plugins.reset()
        assert main(["formats"]) == 0
        out, err = capsys.readouterr()
        assert "good" in out
        assert err.count("articlekit: warning: the installed articlekit plugin (entry point 'tiny") == 1
    finally:
        sys.path.remove(str(good))


def test_formats_lists_json_as_built_in(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["formats"]) == 0
    out = capsys.readouterr().out
    rows = [line.split()[:6] for line in out.splitlines()]
    version = articlekit.__version__
    assert ["parser", "json", "articlekit.formats.json", "articlekit", version, "(built-in)"] in rows
    assert ["writer", "json", "articlekit.formats.json", "articlekit", version, "(built-in)"] in rows


# -- large inputs: ParserSpec.parse_stream -------------------------------------------------------


class LinesPlugin:
    """Reads 'LINES' files, one article per 'LINE ...'; records what it was handed."""

    streams: list[tuple[bytes, str]]

    def __init__(self) -> None:
        self.streams = []

    def _parse_stream(self, stream: IO[bytes], name: str, options: Any) -> Iterable[Article]:
        raw = stream.read()
        self.streams.append((raw[:2], name))
        text = gzip.decompress(raw) if raw.startswith(b"\x1f\x8b") else raw
        for line in text.splitlines():
            if line.startswith(b"LINE "):
                yield Article(headline=line[5:].decode())

    def _parse(self, document: Document, options: Any) -> Iterable[Article]:
        return self._parse_stream(io.BytesIO(document.data), document.name, options)

    @hookimpl
    def articlekit_parsers(self) -> Sequence[ParserSpec]:
        return [
            ParserSpec(
                "lines",
                parse=self._parse,
                parse_stream=self._parse_stream,
                sniff=lambda head, name: 1.0 if head.startswith(b"LINES\n") else 0.0,
            )
        ]


def test_a_streaming_parser_gets_files_as_stored_and_bytes_as_documents(tmp_path: Path) -> None:
    plugin = LinesPlugin()
    articlekit.register_plugin(plugin, name="lines")
    path = tmp_path / "big.lines.gz"
    path.write_bytes(gzip.compress(b"LINES\n" + b"".join(b"LINE %d\n" % i for i in range(50))))
    # detected from the gzip's content, then handed the file still compressed, past max_bytes
    articles = list(articlekit.parse_all(path, max_bytes=100))
    assert [a.headline for a in articles] == [str(i) for i in range(50)]
    assert plugin.streams[-1] == (b"\x1f\x8b", str(path))
    assert articles[0].origin.format == "lines" and articles[0].origin.file == str(path)
    with path.open("rb") as fh:
        assert len(list(articlekit.parse_all(fh, "lines"))) == 50
    assert plugin.streams[-1][0] == b"\x1f\x8b"
    # bytes have no file to stream from: articlekit reads them and calls parse()
    assert [a.headline for a in articlekit.parse_all(b"LINES\nLINE x\n")] == ["x"]
    assert plugin.streams[-1] == (b"LI", "<bytes>")


def test_other_formats_are_read_whole_as_before_when_a_streaming_parser_is_installed(tmp_path: Path) -> None:
    articlekit.register_plugin(LinesPlugin(), name="lines")
    path = tmp_path / "a.json.gz"
    path.write_bytes(gzip.compress(b'{"schema": "articlekit/1", "headline": "Whole"}'))
    assert articlekit.parse(path).headline == "Whole"
    with pytest.raises(articlekit.ParseError, match="limit"):
        articlekit.parse(path, max_bytes=10)
    with pytest.raises(articlekit.ParseError, match="is a folder"):
        articlekit.parse(tmp_path)


def test_registering_a_plugin_twice_is_a_plugin_error_not_a_crash() -> None:
    plugin = ShoutPlugin()
    articlekit.register_plugin(plugin, name="shouter")
    with pytest.raises(PluginError, match="is already registered, as 'shouter'"):
        articlekit.register_plugin(plugin, name="another-name")
    with pytest.raises(PluginError, match="a plugin is already registered under the name 'shouter'"):
        articlekit.register_plugin(ShoutPlugin(), name="shouter")


def test_text_files_are_still_read_when_a_streaming_parser_is_installed(tmp_path: Path) -> None:
    articlekit.register_plugin(LinesPlugin(), name="lines")
    text = '{"schema": "articlekit/1", "headline": "From text"}'
    assert articlekit.parse(io.StringIO(text)).headline == "From text"
    path = tmp_path / "a.json"
    path.write_text(text, encoding="utf-8")
    with path.open(encoding="utf-8") as fh:
        assert articlekit.parse(fh).headline == "From text"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_is_read_whole_as_before(tmp_path: Path) -> None:
    plugin = LinesPlugin()
    articlekit.register_plugin(plugin, name="lines")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    headlines: list[str] = []
    # both ends in daemon threads: a pipe opened twice would block forever, and fail the test
    reader = threading.Thread(
        target=lambda: headlines.extend(a.headline for a in articlekit.parse_all(fifo)), daemon=True
    )
    writer = threading.Thread(target=fifo.write_bytes, args=(b"LINES\nLINE piped\n",), daemon=True)
    reader.start()
    writer.start()
    reader.join(timeout=10)
    assert not reader.is_alive(), "reading the named pipe blocked: it was opened twice"
    assert headlines == ["piped"]
    assert plugin.streams[-1] == (b"LI", str(fifo))  # through parse(), from a Document
