"""Old import paths keep every public name they had.

``OLD_PUBLIC_NAMES`` lists, for every module of ``src/articlekit`` at revision 48c3192 (before
the modules moved into ``formats/`` packages and ``articlekit/common``), the public names it
defined (module-level functions, classes and assignments, plus ``__all__``), computed once from
that revision's source with ``ast`` and written here as data. Each still imports from its old
path: a module that moved gives a ``DeprecationWarning`` (``articlekit._moved.MOVED``), and so
does a name that left its module (``articlekit._moved.MOVED_NAMES``); every other name imports
without one.

The import paths that ``docs/`` and the plugins in ``plugins/`` use are checked too, read from
the files at test time so that a new page is covered as soon as it is written.
"""

from __future__ import annotations

import ast
import importlib
import re
import sys
import textwrap
import warnings
from pathlib import Path
from types import ModuleType

import pytest

from articlekit._moved import MOVED, MOVED_NAMES, moved_name

ROOT = Path(__file__).resolve().parent.parent

OLD_PUBLIC_NAMES: dict[str, str] = {
    "articlekit": (
        "Article ArticlekitError BlockQuote Contributor Cue Document EnricherSpec FetchError "
        "Heading ListBlock ManyArticlesError Mark Media MediaRef OptionError OptionSpec Origin "
        "Paragraph ParseError ParserSpec Place PluginError PluginWarning Quote QuoteContext Related "
        "Source Span Speaker Subject UnknownFormatError When WriteError WriterSpec convert "
        "detect_format dumps enrich fetch fetch_all frames get_registry hookimpl parse parse_all "
        "parse_document register_plugin unregister_plugin"
    ),
    "articlekit.__main__": "",
    "articlekit._help": "plain_docstring tidy_help",
    "articlekit.api": (
        "ENRICH PIPELINE_OPTIONS TextFormat checked_options convert detect_format dumps enrich "
        "parse parse_all parse_document render run_options write_many zone_of"
    ),
    "articlekit.batch": (
        "BatchResult Failure InputItem InputSet Label Naming Packer Runner STDIN TableSink "
        "Terminated capture_warnings collect_inputs convert_batch existing_outputs"
    ),
    "articlekit.cli": (
        "Command DEFAULT_TIMEOUT EXIT_FAILED EXIT_INTERRUPTED EXIT_OK EXIT_TERMINATED EXIT_USAGE "
        "PROVENANCE_KEY SUBCOMMANDS UsageError add_convert add_formats add_inspect add_quotes "
        "add_report build_parser cmd_convert cmd_formats cmd_inspect cmd_report main run"
    ),
    "articlekit.contributors": "contributor_kind looks_like_person tidy_contributors",
    "articlekit.converter": "BLOCK_TAGS SCHEMA_VERSION article_from_data article_to_data get_converter parse_datetime",
    "articlekit.dates": (
        "AMBIGUOUS_ZONES DateMatch MONTHS PartialDate WEEKDAYS ZONE_OFFSETS find_datetime "
        "month_number parse_date parse_datetime parse_partial resolve_day weekday_number zone_for"
    ),
    "articlekit.detect": "CONFIDENT articlekit_detect_format owns_name rank sniff",
    "articlekit.distributed": (
        "Address EXTRA ErrorPolicy cluster parse_address read_articles runner to_frames write_tables"
    ),
    "articlekit.encoding": "decode looks_binary normalise_charset transport_charset",
    "articlekit.enrich": "",
    "articlekit.enrich.language": (
        "DEFAULT_THRESHOLD DETECTORS DETECT_LANGUAGE Detect Detection LANGUAGE_THRESHOLD "
        "articlekit_enrichers detect_language enrich_language primary_language wanted_language "
        "wanted_languages"
    ),
    "articlekit.enrich.lexicon": (
        "ADVERBS CHANNEL_WORDS CHARACTERISING_VERBS CLAUSE_ADVERBS DETERMINERS GROUP_NOUNS "
        "HONORIFICS MONTHS NEEDS_THAT OBJECT_VERBS ORG_WORDS PRONOUNS SPEECH_VERBS TITLE_NOUNS "
        "WEEKDAYS speech_lemma"
    ),
    "articlekit.enrich.quotes": (
        "After Before Candidate CueAt Dropped Explanation Mention QUOTES Quoted Rule RuleSet Veto "
        "applies_to articlekit_enrichers articlekit_quote_rules explain_quotes extract_quotes "
        "find_quotes quote_rules read_speaker sentences"
    ),
    "articlekit.enrich.quotes.clauses": "",
    "articlekit.enrich.quotes.context": "",
    "articlekit.enrich.quotes.finder": "DEFAULT_RULES Dropped Finder",
    "articlekit.enrich.quotes.marks": "",
    "articlekit.enrich.quotes.mention": "Mention read_speaker",
    "articlekit.enrich.quotes.rules": (
        "ANCHOR_KINDS After Anchor AnchorKind Before Candidate CueAt Piece Quoted Rule RuleFunction RuleSet Veto"
    ),
    "articlekit.enrich.quotes.rules_direct": (
        "AFTER_RULES BEFORE_RULES according_after according_before colon_before dash_after "
        "said_after said_before said_lead_before verb_after verb_before"
    ),
    "articlekit.enrich.quotes.rules_fragments": "QUOTED_RULES fragment_clause fragment_subject",
    "articlekit.enrich.quotes.rules_reported": (
        "ACCORDING_RULES CUE_RULES according_to characterising participle_clause participle_opening reported_speech"
    ),
    "articlekit.enrich.quotes.rules_scored": (
        "REACH SCORED_QUOTE nearby_speaker scored_quote_rule speaker_for subject_mention"
    ),
    "articlekit.enrich.quotes.scorer": "FEATURES features quote_probability weights",
    "articlekit.enrich.quotes.tokens": "dateline_end sentences",
    "articlekit.enrich.quotes.vetoes": "VETOES",
    "articlekit.enrich.quotes.words": "alternation word_list word_sequence",
    "articlekit.enrich.sources": (
        "Mention SOURCES articlekit_enrichers enrich_sources places read_mention resolve_sources"
    ),
    "articlekit.enrich.when": "DATES articlekit_enrichers enrich_dates resolve_when",
    "articlekit.errors": (
        "ArticlekitError ManyArticlesError ParseError PluginError PluginWarning SkippedError "
        "UnknownFormatError WriteError"
    ),
    "articlekit.fetch": (
        "CONNECT_TIMEOUT FetchError MAX_REDIRECTS PER_HOST Page READ_TIMEOUT RETRIES "
        "RETRY_AFTER_MAX fetch fetch_all fetch_page is_url url_name"
    ),
    "articlekit.formats": "",
    "articlekit.formats.articlekit_xml": (
        "NAMESPACE XSD_FILE XmlBodyReader XmlBodyRenderer article_element articlekit_parsers "
        "articlekit_writers dumps_xml parse_xml_article xml_schema"
    ),
    "articlekit.formats.feed": (
        "ATOM ATOM_03 CONTENT DC DCTERMS MEDIA NETSCAPE_RSS_090 RDF RECOVER XML_BASE XML_LANG "
        "articlekit_parsers parse_feed"
    ),
    "articlekit.formats.html": (
        "BASE_URL PROVENANCE articlekit_parsers decode_page is_boilerplate name_marks parse_html sniff_html"
    ),
    "articlekit.formats.html_meta": (
        "ARTICLE_TYPES CHARACTER_REFERENCE HTML_TAG PageMeta clean_author_names load_json_ld "
        "normalise_language parse_page_date plain_text read_metadata title_headline url_date"
    ),
    "articlekit.formats.industry_common": (
        "PROVENANCE QUOTE_PAIRS T TextBuilder clean_byline find_outside first_of html_blocks "
        "html_element_blocks html_fragment html_to_text load_json media_kind parse_date "
        "split_byline split_credit strip_quote_marks"
    ),
    "articlekit.formats.json": (
        "article_from_json_data articlekit_parsers articlekit_writers dumps_json loads parse_json read_integer"
    ),
    "articlekit.formats.jsonld": "EMBED SCHEMA_ORG articlekit_writers dumps_jsonld embed_json jsonld_data",
    "articlekit.formats.markdown": (
        "BREAK FRONT_MATTER ForeignBodyReader MarkdownBodyReader MarkdownBodyRenderer "
        "MarkdownWriter articlekit_parsers articlekit_writers dump_front_matter dumps_markdown "
        "escape_destination escape_text foreign_article front_matter marked_up parse_any_markdown "
        "parse_markdown read_marked unescape"
    ),
    "articlekit.formats.newsml1": "articlekit_parsers articles_from_newsml1 parse_newsml1",
    "articlekit.formats.newsml_g2": (
        "G2_NAMESPACE SkippedItemWarning XHTML_NAMESPACE articlekit_parsers articles_from_g2 "
        "dateline_places parse_newsml_g2"
    ),
    "articlekit.formats.ninjs_reader": "article_from_ninjs articlekit_parsers detect_version parse_ninjs",
    "articlekit.formats.ninjs_writer": (
        "HtmlBodyRenderer NINJS_SCHEMA NINJS_VERSION articlekit_writers dumps_ninjs ninjs_data rfc3339"
    ),
    "articlekit.formats.nitf_reader": (
        "NITF_NAMESPACE NitfBody article_from_nitf articlekit_parsers media_from_nitf parse_nitf read_nitf_date"
    ),
    "articlekit.formats.nitf_writer": (
        "ARTICLEKIT_NAMESPACE HEADING_LEVEL MEDIA_INDEX MEDIA_PLACED NITF_NAMESPACE NitfRenderer "
        "QUOTE_ID QUOTE_JOIN QUOTE_KIND articlekit_writers dumps_nitf"
    ),
    "articlekit.formats.plaintext": "PlainTextRenderer articlekit_writers dumps_text plain_blocks",
    "articlekit.formats.quotes_csv": "COLUMNS HEADER articlekit_writers neutralise quote_rows write_quotes_csv",
    "articlekit.formats.rendering": (
        "BlockRenderer MakeElement Mark collect_marks is_name is_pronoun mark_up marks_within xml_safe"
    ),
    "articlekit.formats.text": "CHARSET FORMAT articlekit_parsers locate_blocks parse_text read_text read_texts",
    "articlekit.formats.text_exports": (
        "ExportFields FACTIVA_CODES factiva_articles language_code looks_exported read_export"
    ),
    "articlekit.formats.text_rules": (
        "AGENCIES Caption Dateline HeaderDates NAME_CONNECTORS afp_heading byline_continuation "
        "credit_line header_dates is_end_mark is_organisation is_separator list_item "
        "looks_like_heading markdown_heading match_caption match_dateline match_related "
        "parse_byline places_of provider_of"
    ),
    "articlekit.formats.wire": "WIRE_CONTROLS WireCopy is_wire read_wire split_messages",
    "articlekit.hookspecs": (
        "articlekit_detect_format articlekit_enrichers articlekit_parsers articlekit_quote_rules "
        "articlekit_writers hookimpl hookspec"
    ),
    "articlekit.htmlbody": (
        "Body RELATED_LABEL absolute_url blocks_text convert_element convert_html image_source "
        "local_name split_caption_credit"
    ),
    "articlekit.inputs": "DEFAULT_MAX_BYTES InputSource read_at_most read_document",
    "articlekit.manifest": "Entry Identity MANIFEST_NAME Manifest",
    "articlekit.marks": "MARK_TAGS RawMark join_marks link_href links_apart nest place_marks",
    "articlekit.model": (
        "Article BLOCK_TYPES Block BlockQuote CONTRIBUTOR_KINDS Contributor ContributorKind Cue "
        "Heading ListBlock MARK_KINDS MEDIA_KINDS Mark MarkKind Media MediaKind MediaRef Origin "
        "Paragraph Place QUOTE_KINDS Quote QuoteContext QuoteKind Related SAFE_SCHEMES SOURCE_KINDS "
        "Source SourceKind Span Speaker Subject When is_safe_href merge_same_marks normalize_marks "
        "spans_give"
    ),
    "articlekit.options": "INDENT OptionError OptionSpec PRETTY PluginOptions check_options guess_value json_indent",
    "articlekit.output": "NAME_BYTES atomic_writer check_replaceable safe_name write_atomic",
    "articlekit.plugins": (
        "BUILTIN_PLUGINS DISABLE_AUTOLOAD_ENV ENTRY_POINT_GROUP STRICT_ENV get_plugin_manager "
        "get_registry register_plugin reset unregister_plugin"
    ),
    "articlekit.progress": "Progress format_duration plural",
    "articlekit.quotes_table": "EXIT_FAILED EXIT_OK add_arguments render render_explanation run",
    "articlekit.registry": (
        "Document EnrichFn EnricherSpec OptionSpec Options ParseFn ParserSpec Provided Registry "
        "Sniffer StreamFn StreamParseFn WriteFn WriterSpec"
    ),
    "articlekit.repair": "RepairedTextWarning T repair_article repair_text unencodable",
    "articlekit.report": (
        "CHARTS ReportUnavailableError TablesError Tally is_tables plotly_js render_html "
        "report_writer summary summary_tables write_report write_report_tables"
    ),
    "articlekit.report.html": "CHARTS Figure ReportUnavailableError plotly_js render_html",
    "articlekit.report.parquet": (
        "BATCH_ROWS TablesError count_articles is_tables summary_tables tables_folder write_report_tables"
    ),
    "articlekit.report.summary": "KINDS MAX_KEYS NAMING QUOTES_PER_ARTICLE_CAP TOP Tally summary time_unit",
    "articlekit.schema": "JSON_SCHEMA_FILE json_schema",
    "articlekit.tables": (
        "ARTICLE_COLUMNS COLUMNS Column EXTRA PACKET_ARTICLES PARQUET Packet ParquetTables "
        "Positions QUOTE_COLUMNS ROW_GROUP_ROWS SCHEMA_VERSION SOURCE_COLUMNS TABLES arrow_tables "
        "article_row frames input_of pack paragraph_of quote_rows schemas source_rows"
    ),
    "articlekit.terminal": "printable printable_json quoted_name",
    "articlekit.webbody": (
        "BLOCK_TAGS CONTEXT_FEATURES Choice FEATURES MAX_ELEMENTS MIN_CHARS MODEL_FILE Model "
        "Observer PageBlocks PageWalk choose context_rows current_model load_model observe "
        "page_blocks use_model walk_page wants_blocks"
    ),
    "articlekit.workers": "GRACE Key Lost Result Task WorkerPool",
    "articlekit.xmlsafe": (
        "MAX_HTML_ATTRIBUTES children entity_text find_child iter_text local_name namespace "
        "parse_xml root_name safe_parser squash syntax_error tame_html text_of"
    ),
}
"""Old module path -> the public names it defined at 48c3192, space-separated."""


def _old_names(module: str) -> list[str]:
    return OLD_PUBLIC_NAMES[module].split()


def _import_old(module: str) -> ModuleType:
    """Import an old path: with the ``DeprecationWarning`` if the module moved, silently if not."""
    if module in MOVED:
        sys.modules.pop(module, None)  # the alias only (an earlier test may have imported it)
        with pytest.warns(DeprecationWarning, match=re.escape(f"{module} moved to {MOVED[module]}")):
            return importlib.import_module(module)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return importlib.import_module(module)


@pytest.mark.parametrize("module", sorted(OLD_PUBLIC_NAMES))
def test_an_old_path_keeps_every_public_name_it_had(module: str) -> None:
    imported = _import_old(module)
    moved = MOVED_NAMES.get(module, {})
    for name in _old_names(module):
        if name in moved:
            target, _, new_name = moved[name].partition(":")
            with pytest.warns(DeprecationWarning, match=re.escape(f"{module}.{name} moved to {target}.")):
                value = getattr(imported, name)
            assert value is getattr(importlib.import_module(target), new_name or name)
        else:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                assert hasattr(imported, name), f"{module}.{name} is gone"


def test_from_import_of_a_moved_name_works_as_before() -> None:
    """The reported case: ``parse_nitf`` from the NITF reader's old path."""
    from articlekit.formats.nitf.reader import parse_nitf as now

    sys.modules.pop("articlekit.formats.nitf_reader", None)
    with pytest.warns(DeprecationWarning, match="formats.nitf_reader moved to articlekit.formats.nitf.reader"):
        from articlekit.formats.nitf_reader import parse_nitf
    assert parse_nitf is now
    with pytest.warns(DeprecationWarning, match="parse_iso_datetime"):
        from articlekit.converter import parse_datetime
    assert parse_datetime("2024-05-01T10:00:00Z").isoformat() == "2024-05-01T10:00:00+00:00"
    with pytest.warns(DeprecationWarning, match="parse_timestamp"):
        from articlekit.formats.industry_common import parse_date
    assert parse_date("Tue, 10 Jun 2003 04:00:00 GMT") is not None
    assert parse_date("not a date") is None


def test_the_moved_names_table_names_only_names_that_left_their_module() -> None:
    """Every entry of ``MOVED_NAMES`` was public in its old module and is no longer defined
    there (else the module's ``__getattr__`` would never be reached), and its target exists."""
    for module, names in MOVED_NAMES.items():
        assert module in OLD_PUBLIC_NAMES, module
        host = importlib.import_module(MOVED.get(module, module))
        for name, target in names.items():
            assert name in _old_names(module), f"{module}.{name} was not a public name at 48c3192"
            assert name not in vars(host), f"{module}.{name} is still defined there: drop it from MOVED_NAMES"
            new_module, _, new_name = target.partition(":")
            assert hasattr(importlib.import_module(new_module), new_name or name), target


def test_a_module_with_moved_names_still_refuses_a_name_it_never_had() -> None:
    for module in MOVED_NAMES:
        host = importlib.import_module(MOVED.get(module, module))
        assert not hasattr(host, "no_such_name")
        with pytest.raises(AttributeError, match=f"module '{host.__name__}' has no attribute 'no_such_name'"):
            moved_name(host.__name__, "no_such_name")
        with pytest.raises(ImportError):
            exec(f"from {host.__name__} import no_such_name", {})


# --- the paths docs/ and plugins/ use -------------------------------------------------------------

_FENCE = re.compile(r"^```(?:python|py|pycon)\s*\n(.*?)^```", re.MULTILINE | re.DOTALL)
_DOTTED = re.compile(r"`(articlekit(?:\.[A-Za-z_]\w*)+)(?:\(\))?`")
_IMPORT_LINE = re.compile(r"^\s*(?:from\s+articlekit[\w.]*\s+import\s+[\w, ]+|import\s+articlekit[\w.]*)\s*$")
NOT_IMPORT_PATHS = frozenset({"articlekit.warc"})
"""Backticked ``articlekit.…`` names in the docs that are no import path: a logger's name."""


def _documents() -> list[Path]:
    found = sorted((ROOT / "docs").rglob("*.md")) + sorted((ROOT / "plugins").rglob("*.md"))
    return [p for p in found if ".venv" not in p.parts and "site-packages" not in p.parts]


def _sources() -> list[tuple[str, str]]:
    """(where, Python source) of every plugin module and every Python block of the docs."""
    found = []
    for path in sorted((ROOT / "plugins").rglob("*.py")):
        if ".venv" not in path.parts and "build" not in path.parts:
            found.append((str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")))
    for path in _documents():
        for match in _FENCE.finditer(path.read_text(encoding="utf-8")):
            block = "\n".join(line.removeprefix(">>> ").removeprefix("... ") for line in match.group(1).splitlines())
            found.append((f"{path.relative_to(ROOT)}:{match.start()}", block))
        # and the import lines anywhere else (a shell here-document, a ``python -c``)
        lines = [line.removeprefix(">>> ") for line in path.read_text(encoding="utf-8").splitlines()]
        found.append((str(path.relative_to(ROOT)), "\n".join(line for line in lines if _IMPORT_LINE.match(line))))
    return found


def _articlekit_imports(where: str, source: str) -> set[tuple[str, str | None]]:
    """(module, name or None) of each ``import articlekit…`` / ``from articlekit… import``."""
    try:
        tree = ast.parse(textwrap.dedent(source))
    except SyntaxError:  # a fragment of a function in the docs: its import lines alone
        lines = [line.strip() for line in source.splitlines() if _IMPORT_LINE.match(line)]
        tree = ast.parse("\n".join(lines), where)
    found: set[tuple[str, str | None]] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update((a.name, None) for a in node.names if a.name.split(".")[0] == "articlekit")
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "articlekit":
            found.update((node.module, a.name) for a in node.names)
    return found


def _resolve(dotted: str) -> object:
    """The object a dotted path names: the longest importable module, then attributes."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr)
        return obj
    raise ModuleNotFoundError(dotted)


def test_every_import_in_the_docs_and_plugins_works_without_a_deprecation_warning() -> None:
    imports = {(where, *imp) for where, source in _sources() for imp in _articlekit_imports(where, source)}
    assert len(imports) > 20  # the scan found the docs' and plugins' imports
    broken = []
    for where, module, name in sorted(imports, key=str):
        with warnings.catch_warnings():
            warnings.simplefilter("error", DeprecationWarning)
            try:
                imported = importlib.import_module(module)
                if name is not None and name != "*" and not hasattr(imported, name):
                    importlib.import_module(f"{module}.{name}")  # ``from package import module``
            except (ImportError, DeprecationWarning) as error:
                broken.append(f"{where}: {module} {name or ''}: {error}")
    assert broken == []


def test_every_dotted_name_in_the_docs_resolves() -> None:
    """A backticked ``articlekit.x.y`` in a page is a module, an object in one, or an old path
    that still works (``articlekit.formats.nitf_reader`` is also the plugin's registered name)."""
    names = {m.group(1) for path in _documents() for m in _DOTTED.finditer(path.read_text(encoding="utf-8"))}
    assert len(names) > 20
    broken = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        for dotted in sorted(names - NOT_IMPORT_PATHS):
            try:
                _resolve(dotted)
            except (ImportError, AttributeError) as error:
                broken.append(f"{dotted}: {error}")
    assert broken == []
