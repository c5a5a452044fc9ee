"""The plugin as a user meets it: installed beside articlekit, found through its entry point,
and used by the ``articlekit`` command on archives built from real news pages."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from warc_helpers import Record, aeb_pages, require_html

import articlekit


def _articlekit(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """The ``articlekit`` command of the environment running the tests."""
    script = Path(sys.executable).with_name("articlekit")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "articlekit"]
    env = {k: v for k, v in os.environ.items() if k != "ARTICLEKIT_DISABLE_PLUGIN_AUTOLOAD"}
    return subprocess.run(
        [*command, *map(str, args)], capture_output=True, text=True, timeout=300, env=env, check=False
    )


def test_the_plugin_is_installed_and_articlekit_sees_it() -> None:
    provided = articlekit.get_registry().parsers["warc"]
    assert provided.plugin == "warc"
    assert provided.distribution is not None and provided.distribution.startswith("articlekit-warc ")
    assert provided.spec.parse_stream is not None


def test_articlekit_formats_lists_warc_from_articlekit_warc() -> None:
    done = _articlekit("formats")
    assert done.returncode == 0, done.stderr
    rows = [line.split()[:4] for line in done.stdout.splitlines()]
    assert ["parser", "warc", "warc", "articlekit-warc"] in rows


def test_convert_writes_one_article_per_html_record(warc_file: Callable[..., Path], tmp_path: Path) -> None:
    require_html()
    pages = aeb_pages()[:12]
    records = [Record(url, html) for _id, url, html in pages]
    records[3:3] = [
        Record("https://example.org/style.css", b"body{}", content_type="text/css"),
        Record("https://example.org/gone", b"<html></html>", status="404 Not Found"),
        Record(pages[0][1], kind="request"),
    ]
    archive = warc_file(records, "archive.warc.gz")
    out = tmp_path / "out"
    done = _articlekit("convert", archive, "-o", f"{out}/")
    assert done.returncode == 0, done.stderr
    written = sorted(out.rglob("*.json"))
    assert len(written) == len(pages)
    articles = [json.loads(path.read_text(encoding="utf-8")) for path in written]
    assert sorted(a["extensions"]["warc"]["target_uri"] for a in articles) == sorted(url for _id, url, _ in pages)
    for article in articles:
        assert article["headline"]
        assert article["body"]
        assert article["origin"]["format"] == "warc"
        assert article["extensions"]["warc"]["record_id"].startswith("<urn:uuid:")
        assert article["extensions"]["warc"]["fetched"]


def test_convert_says_plainly_that_an_archive_is_truncated_and_keeps_the_pages_before(
    warc_file: Callable[..., Path], tmp_path: Path
) -> None:
    require_html()
    pages = aeb_pages()[:4]
    archive = warc_file([Record(url, html) for _id, url, html in pages], "archive.warc.gz")
    last = [a.extensions["warc"]["offset"] for a in articlekit.parse_all(archive, enrich=False)][-1]
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(archive.read_bytes()[: (last + archive.stat().st_size) // 2])  # inside the last record
    done = _articlekit("convert", cut, "-o", f"{tmp_path / 'out'}/")
    assert done.returncode == 1
    assert f"{cut} at offset {last}: " in done.stderr
    assert "truncated WARC: the archive ends inside record" in done.stderr
    assert "(after 3 articles, which are kept)" in done.stderr
    assert len(list((tmp_path / "out").glob("*.json"))) == 3  # the pages before the damage are written
    assert "Traceback" not in done.stderr


def test_the_pages_are_read_as_the_html_parser_reads_them(warc_file: Callable[..., Path]) -> None:
    require_html()
    pages = aeb_pages()[:5]
    archive = warc_file([Record(url, html) for _id, url, html in pages], "archive.warc")
    from_archive = list(articlekit.parse_all(archive, enrich=False))
    direct = [
        # as fetched from its URL: relative links resolve against it, as they do from the archive
        articlekit.parse(gzip.compress(html), "html", name=f"{id_}.html", base_url=url, enrich=False)
        for id_, url, html in pages
    ]
    assert [a.headline for a in from_archive] == [a.headline for a in direct]
    assert [a.body for a in from_archive] == [a.body for a in direct]
    assert [a.published for a in from_archive] == [a.published for a in direct]
    for article, (_id, url, _html) in zip(from_archive, pages, strict=True):
        assert article.url  # the page's canonical URL, or the one it was fetched from
        assert article.extensions["warc"]["target_uri"] == url


@pytest.mark.parametrize("name", ["archive.warc"])
def test_an_unknown_html_parser_is_named(warc_file: Callable[..., Path], name: str) -> None:
    archive = warc_file([Record("https://example.org/", b"<html><title>x</title></html>")], name)
    with pytest.raises(articlekit.UnknownFormatError, match="no parser for format 'no-such-html'"):
        list(articlekit.parse_all(archive, warc_html_format="no-such-html"))


CYRILLIC = "<html><head><title>Новости дня</title></head><body><p>{}</p></body></html>".format("Текст статьи. " * 40)


@pytest.mark.parametrize(
    ("content_type", "charset"),
    [("text/html; charset=windows-1251", "cp1251"), ('text/html; charset="Windows-1251"', "cp1251")],
)
def test_the_charset_http_declared_is_obeyed(warc_file: Callable[..., Path], content_type: str, charset: str) -> None:
    require_html()
    archive = warc_file([Record("https://example.ru/1", CYRILLIC.encode("cp1251"), content_type=content_type)])
    (article,) = articlekit.parse_all(archive, enrich=False)
    assert article.body[0].text.startswith("Текст статьи. Текст статьи.")
    assert article.origin.charset == charset


def test_a_wrong_http_charset_leaves_the_page_to_speak_for_itself(warc_file: Callable[..., Path]) -> None:
    require_html()
    payload = CYRILLIC.replace("<head>", '<head><meta charset="utf-8">').encode("utf-8")
    archive = warc_file([Record("https://example.ru/1", payload, content_type="text/html; charset=ascii")])
    (article,) = articlekit.parse_all(archive, enrich=False)
    assert article.body[0].text.startswith("Текст статьи. Текст статьи.")


def test_latin_1_is_read_as_browsers_read_it(warc_file: Callable[..., Path]) -> None:
    require_html()
    html = "<html><body><p>{}</p></body></html>".format("\u201cCaf\u00e9\u201d text. " * 40)
    archive = warc_file(
        [Record("https://example.fr/", html.encode("cp1252"), content_type="text/html; charset=ISO-8859-1")]
    )
    (article,) = articlekit.parse_all(archive, enrich=False)
    assert article.body[0].text.startswith("\u201cCaf\u00e9\u201d text.")
    assert article.origin.charset == "cp1252"


def test_the_size_limit_applies_to_each_page_not_to_the_archive(warc_file: Callable[..., Path], tmp_path: Path) -> None:
    require_html()
    paragraph = "A council meeting ran late into the night as members argued over the budget. " * 12
    pages = [
        f"<html><head><title>Story {i}</title></head><body><article><h1>Story {i}</h1><p>{paragraph}</p>"
        f"<p>Page {i} ends here.</p></article></body></html>".encode()
        for i in range(120)
    ]
    big = ("<html><body><p>" + "x " * 60_000 + "</p></body></html>").encode()
    records = [Record(f"https://example.org/{i}", html) for i, html in enumerate(pages)]
    archive = warc_file([*records, Record("https://example.org/big", big)], "archive.warc")
    assert archive.stat().st_size > 100 * 1024
    out = tmp_path / "out"
    done = _articlekit("convert", archive, "--max-size", "100K", "-o", f"{out}/")
    assert done.returncode == 0, done.stderr
    assert len(list(out.rglob("*.json"))) == 120
    assert "https://example.org/big: skipped, larger than the 102,400-byte limit (max_bytes)" in done.stderr


def test_the_warc_options_are_declared(warc_file: Callable[..., Path]) -> None:
    declared = {option.name for option in articlekit.get_registry().parser("warc").options or ()}
    assert declared == {"warc_stats", "warc_html_format"}
    archive = warc_file([Record("https://example.org/", b"<html><title>x</title></html>")], "archive.warc")
    with pytest.raises(articlekit.OptionError, match=r"for the warc parser; did you mean 'warc_html_format'"):
        list(articlekit.parse_all(archive, warc_html_fromat="html"))
