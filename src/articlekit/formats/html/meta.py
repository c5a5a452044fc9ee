"""Metadata of a web page, best source first: JSON-LD, then OpenGraph and ``article:*``,
Twitter cards, ``<meta name=...>``, microdata ``itemprop``, ``<time datetime>``, the canonical
link and ``html lang``.

[`read_metadata`][articlekit.formats.html.meta.read_metadata] returns a
[`PageMeta`][articlekit.formats.html.meta.PageMeta]; the ``html`` parser turns it into the
article's fields. Not a public API: plugin authors should not import it.
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from datetime import datetime, timezone
from typing import Any, cast
from urllib.parse import urlsplit

import attrs
from lxml import etree

from articlekit.common import dates
from articlekit.common.bylines import AGENCIES
from articlekit.common.htmlbody import absolute_url, local_name, split_caption_credit
from articlekit.common.xmlsafe import CaseBlind, size_value
from articlekit.model import Contributor, Media

__all__ = ["PageMeta", "clean_author_names", "load_json_ld", "parse_page_date", "read_metadata"]

ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "askpublicnewsarticle",
        "satiricalarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "report",
        "techarticle",
        "scholarlyarticle",
        "medicalscholarlyarticle",
        "advertisercontentarticle",
    }
)
"""schema.org types (lower case) that describe the article itself."""
_NEWS_TYPES = frozenset(t for t in ARTICLE_TYPES if "news" in t)
_PAGE_TYPES = frozenset({"webpage", "itempage", "collectionpage"})


@attrs.define
class PageMeta:
    """What the page says about its article, each field from the best source that has it."""

    headline: str | None = None
    subheadline: str | None = None
    summary: str | None = None
    authors: list[Contributor] = attrs.Factory(list)
    provider: str | None = None
    site_name: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    language: str | None = None
    url: str | None = None
    section: str | None = None
    keywords: list[str] = attrs.Factory(list)
    lead_image: Media | None = None
    title: str | None = None
    """The page's ``<title>``, as plain text."""
    dateline: str | None = None
    article_body: str | None = None
    """JSON-LD ``articleBody`` (a hint for finding the body in the page)."""
    body_element: Any = None
    """The microdata ``itemprop=articleBody`` element, where one holds the article."""
    sources: dict[str, str] = attrs.Factory(dict)
    """Field name -> where it came from (``json-ld``, ``og``, ``meta``, ``microdata``, ...)."""


# --------------------------------------------------------------------------- JSON-LD

_JS_COMMENT = re.compile(r'("(?:[^"\\]|\\.)*")|//[^\n]*|/\*.*?\*/', re.S)
_CONTROL = re.compile(r"[\x00-\x1f]")
_LEADING_COMMENT = re.compile(r"^<!--(?:(?!-->).)*-->\s*(?=[\[{])", re.S)
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


def load_json_ld(text: str) -> Any:
    """The data of a JSON-LD script, tolerating what pages get wrong: HTML comment and CDATA
    wrappers, JavaScript comments, raw control characters inside strings, trailing commas and
    semicolons. None when it still cannot be read."""
    text = text.strip()
    # a whole comment before the data (<!-- note --> {...}), or the data wrapped in one
    text = _LEADING_COMMENT.sub("", text, count=1).strip()
    for opening, closing in (("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")):
        if text.startswith(opening):
            text = text[len(opening) :].strip()
            if text.endswith(closing):
                text = text[: -len(closing)]
            text = text.strip()
    text = text.rstrip(";").strip()
    if not text:
        return None
    try:
        return json.loads(text, strict=False)
    except ValueError:
        pass
    cleaned = _JS_COMMENT.sub(lambda m: m.group(1) or "", text)
    cleaned = _TRAILING_COMMA.sub(r"\1", cleaned)
    for candidate in (cleaned, _CONTROL.sub(" ", cleaned)):
        try:
            return json.loads(candidate, strict=False)
        except ValueError:
            continue
    # several objects one after another, without a surrounding array
    decoder = json.JSONDecoder(strict=False)
    items: list[Any] = []
    index = 0
    cleaned = cleaned.strip()
    while index < len(cleaned):
        try:
            item, end = decoder.raw_decode(cleaned, index)
        except ValueError:
            break
        items.append(item)
        index = end
        while index < len(cleaned) and cleaned[index] in " \t\r\n,;":
            index += 1
    return items or None


def _types(node: Mapping[str, Any]) -> set[str]:
    value = node.get("@type")
    if isinstance(value, str):
        return {value.rpartition("/")[2].lower()}
    if isinstance(value, list):
        return {v.rpartition("/")[2].lower() for v in value if isinstance(v, str)}
    return set()


def _nodes(data: Any) -> Iterator[dict[str, Any]]:
    """Every object in JSON-LD data, depth first, without recursion."""
    stack = [data]
    seen = 0
    while stack and seen < 10000:
        item = stack.pop()
        seen += 1
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            yield item
            for key in ("@graph", "mainEntity", "itemListElement", "hasPart"):
                value = item.get(key)
                if isinstance(value, (list, dict)):
                    stack.append(value)


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        text = " ".join(value.split())
        return text or None
    if isinstance(value, list):
        for item in value:
            found = _text(item)
            if found:
                return found
        return None
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("@value") or value.get("text"))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _choose_article(nodes: list[dict[str, Any]]) -> dict[str, Any] | None:
    best: tuple[int, int, dict[str, Any]] | None = None
    for position, node in enumerate(nodes):
        types = _types(node)
        if types & _NEWS_TYPES:
            rank = 3
        elif types & ARTICLE_TYPES:
            rank = 2
        elif types & _PAGE_TYPES and (node.get("headline") or node.get("datePublished")):
            rank = 1
        else:
            continue
        if node.get("articleBody"):
            rank += 2
        if node.get("headline"):
            rank += 1
        if best is None or rank > best[0]:
            best = (rank, -position, node)
    return best[2] if best else None


# --------------------------------------------------------------------------- people

_BY = re.compile(
    r"^\s*(?:(?:[\w-]+\s+){0,2}by|von|par|por|di|door|av|af|text|texto|texte|words|reporting)\s*:?\s+", re.I
)
_LABEL = re.compile(r"^[^\W\d][\w ]{0,14}:\s+")
_SEGMENT = re.compile(r"\s*[,;|]\s*")
_AND_SPLIT = re.compile(r"\s*(?:\s+and\s+|\s*&\s*|\s+und\s+|\s+et\s+|\s+y\s+|、|\s+e\s+)\s*")
_AFFILIATION = re.compile(
    r"\b(?:News|Business|Insider|Times|Post|Press|Media|Magazine|Journal|Network|Desk|Wire|Agency|Reuters|"
    r"Associated|International|Online|Daily|Radio|TV|Television|Group|Bureau|Newsroom|Service)\b"
)
_DATE_TAIL = re.compile(
    r"\s+(?:(?:on|updated|published)\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d|\d{1,2}[/.:]\d).*$",
)
_USER_NAME = re.compile(r"^[a-z0-9_.-]+$")
_ROLE = re.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|contributor|columnist|photographer|producer|"
    r"updated|published|posted|min(?:ute)?s?\s+read)\b",
    re.I,
)
_NOT_NAME = re.compile(r"https?://|www\.|@|\.com\b|\d|^(?:admin|administrator|editor|staff|guest|anonymous)$", re.I)


def clean_author_names(values: Iterable[str], *, exclude: Iterable[str | None] = ()) -> list[str]:
    """Author names from the strings pages give: ``By``, ``Analysis by`` and ``Text:`` dropped,
    ``A, B and C`` split, a date run into the byline cut off, URLs, e-mail addresses, user
    names, roles, credentials and affiliations after a comma (``Jane Doe, CNN Business``,
    ``Jane Doe, MS, RDN``) and the site's own name left out, duplicates once."""
    excluded = {e.casefold().strip() for e in exclude if e}
    names: list[str] = []
    seen: set[str] = set()
    for value in values:
        # references resolved first: the ";" of "Jos&eacute;" is no separator between names
        text = _strip_label(plain_text(value))
        text = _DATE_TAIL.sub("", text)
        if not text or len(text) > 200:
            continue
        parts = _name_parts(text)
        for part in parts:
            part = _strip_label(part).strip(" .,:;-–—|")
            if not part or _NOT_NAME.search(part) or _USER_NAME.match(part) or len(part) > 60 or len(part.split()) > 6:
                continue
            if _ROLE.search(part) and len(parts) > 1:
                continue
            key = part.casefold()
            if key in excluded or key in seen or key.removeprefix("the ") in excluded:
                continue
            seen.add(key)
            names.append(part)
    return names


def _strip_label(text: str) -> str:
    stripped = _BY.sub("", text, count=1)
    labelled = _LABEL.match(stripped)
    if labelled is not None and stripped[labelled.end() :].strip():
        stripped = stripped[labelled.end() :]
    return stripped.strip()


def _name_parts(text: str) -> list[str]:
    """The names in one author string: segments between commas, each split at "and"; after a
    first name of two words or more, a one-word segment is a credential or an affiliation."""
    if _looks_like_one_name(text):
        return [text]
    segments = [s.strip() for s in _SEGMENT.split(text) if s.strip()]
    if not segments:
        return []
    first_is_full = len(_AND_SPLIT.split(segments[0])[0].split()) >= 2
    parts: list[str] = []
    for index, segment in enumerate(segments):
        segment = re.sub(r"^(?:and|&)\s+", "", segment, flags=re.I)
        if index > 0 and ((first_is_full and len(segment.split()) == 1) or _AFFILIATION.search(segment)):
            continue
        parts.extend(p for p in _AND_SPLIT.split(segment) if p)
    return parts


def _looks_like_one_name(text: str) -> bool:
    # "Doe, Jane" is one name written last-name first
    parts = text.split(",")
    return len(parts) == 2 and all(len(p.split()) == 1 for p in parts) and " and " not in text


def _contributors(names: Iterable[str], organisations: Iterable[str] = ()) -> list[Contributor]:
    """Contributors for names; agencies, desks and staff credits (``Reuters``, ``National Desk``,
    ``Science X staff``) and the ``organisations`` given are organisations."""
    known = set(organisations)
    found = []
    for name in names:
        org = name in known or _is_organisation(name)
        found.append(Contributor(name=name, kind="organisation" if org else "person"))
    return found


_ORGANISATION_WORDS = re.compile(
    r"\b(?:Staff|staff|Desk|Wire|Team|Editors|Editorial|Newsroom|Sport|Sports|Agency|Agencies|Bureau|"
    r"News|Press|Media|Magazine|Reporters|Correspondents)\b"
)


def _is_organisation(name: str) -> bool:
    return name in AGENCIES or name.removeprefix("The ") in AGENCIES or bool(_ORGANISATION_WORDS.search(name))


def _json_ld_people(value: Any, graph: Mapping[str, dict[str, Any]]) -> list[tuple[str, bool]]:
    """(name, is_organisation) for each author in a JSON-LD author value."""
    people: list[tuple[str, bool]] = []
    for item in _as_list(value):
        if isinstance(item, dict) and "@id" in item and "name" not in item:
            item = graph.get(str(item["@id"]), item)
        if isinstance(item, str):
            people.append((item, False))
        elif isinstance(item, dict):
            name = _text(item.get("name"))
            if not name:
                given, family = _text(item.get("givenName")), _text(item.get("familyName"))
                name = " ".join(p for p in (given, family) if p) or None
            if name:
                people.append((name, "organization" in _types(item)))
    return people


# --------------------------------------------------------------------------- dates


def parse_page_date(value: str | None) -> datetime | None:
    """A date-time as pages write them (ISO 8601 most often), keeping its UTC offset; None
    when it holds no date, or a placeholder such as ``0001-01-01`` (before 1900)."""
    found = _page_date(value)
    if found is None or found.year < 1900 or found.year > 2200:
        return None
    return found


def _page_date(value: str | None) -> datetime | None:
    if not value:
        return None
    text = value.strip()
    if not text:
        return None
    try:
        return dates.parse_iso_datetime(text.replace(" ", "T", 1) if re.match(r"\d{4}-\d\d-\d\d \d", text) else text)
    except ValueError:
        pass
    split_offset = re.match(r"^(\d{4}-\d\d-\d\d(?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?)?)\s*([+-]\d\d)(\d\d)$", text)
    if split_offset:
        try:
            return dates.parse_iso_datetime(f"{split_offset.group(1)}{split_offset.group(2)}:{split_offset.group(3)}")
        except ValueError:
            pass
    try:
        return dates.parse_datetime(text)
    except (ValueError, OverflowError):
        return None


def _epoch(value: str) -> datetime | None:
    """A Unix time in seconds or milliseconds (``1529283660000``), as UTC."""
    text = value.strip()
    if not text.isdigit() or len(text) not in (10, 13):
        return None
    seconds = int(text) / (1000 if len(text) == 13 else 1)
    try:
        return datetime.fromtimestamp(seconds, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None


# --------------------------------------------------------------------------- the page

_META_KEYS = ("property", "name", "itemprop", "http-equiv")


def _meta_table(metas: Iterable[Any]) -> dict[str, list[str]]:
    """The page's ``<meta>`` elements (``metas``, in document order) as a table: each name (in
    lower case) -> its contents."""
    table: dict[str, list[str]] = {}
    for meta in metas:
        content = meta.get("content")
        if content is None:
            continue
        content = " ".join(content.split())
        if not content:
            continue
        for key in _META_KEYS:
            name = meta.get(key)
            if name:
                for single in name.split():
                    table.setdefault(single.strip().lower(), []).append(content)
    return table


def _first(table: Mapping[str, list[str]], *keys: str) -> tuple[str, str] | None:
    for key in keys:
        values = table.get(key)
        if values:
            return values[0], key
    return None


def _source_of(key: str) -> str:
    if key.startswith(("og:", "article:")):
        return "og"
    if key.startswith("twitter:"):
        return "twitter"
    return "meta"


# --------------------------------------------------------------------------- language

_LANGUAGE_TAG = re.compile(
    r"^[a-z]{2,3}(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?(?:-(?:[a-z0-9]{5,8}|\d[a-z0-9]{3}))*$", re.I
)
"""A BCP 47 tag: language, script, region, variants (five to eight letters or digits, or four
beginning with a digit: ``de-DE-1996``)."""
_PRIVATE_USE = re.compile(r"-x-.*", re.I)
_LANGUAGE_NAMES = {
    "english": "en",
    "french": "fr",
    "francais": "fr",
    "français": "fr",
    "german": "de",
    "deutsch": "de",
    "spanish": "es",
    "español": "es",
    "espanol": "es",
    "italian": "it",
    "italiano": "it",
    "portuguese": "pt",
    "português": "pt",
    "dutch": "nl",
    "nederlands": "nl",
    "russian": "ru",
    "chinese": "zh",
    "japanese": "ja",
    "arabic": "ar",
}
"""Language names that old pages put in ``<meta name="language">`` instead of a tag."""
_NO_LANGUAGE = frozenset({"und", "mul", "zxx", "xx", "x-default"})


def normalise_language(value: str | None) -> str | None:
    """A BCP 47 tag as pages give it, in its usual case (``EN_us`` -> ``en-US``,
    ``zh-hant-tw`` -> ``zh-Hant-TW``, ``pt_BR.UTF-8`` -> ``pt-BR``); the first of a list (``en, fr``); a language name
    (``English``) as its tag; None for anything else (``und``, ``javascript``, empty)."""
    if not value:
        return None
    text = next((item for item in value.split(",") if item.split(";")[0].strip()), "").split(";")[0].strip()
    # a POSIX locale's codeset and modifier (pt_BR.UTF-8, de_DE@euro) say nothing of the language
    # and a tag's private-use part (en-US-x-newsroom) neither
    text = _PRIVATE_USE.sub("", text.split(".")[0].split("@")[0].replace("_", "-")).strip("-")
    if text.casefold() in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[text.casefold()]
    if not _LANGUAGE_TAG.match(text) or text.casefold() in _NO_LANGUAGE:
        return None
    parts = text.split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) == 2 or (len(part) == 3 and part.isdigit()):
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


def _alternate_language(links: Iterable[Any]) -> str | None:
    """The language the page's ``<link rel="alternate" hreflang>`` versions (of its ``links``)
    agree on: a site that lists its page for ``en-GB``, ``en-US`` and ``en`` readers writes it in
    English. None when they name more than one language."""
    languages = set()
    for link in links:
        tag = link.get("hreflang")
        if tag and "alternate" in (link.get("rel") or "").lower().split():
            normal = normalise_language(tag)
            if normal is not None:
                languages.add(normal.split("-")[0])
    return languages.pop() if len(languages) == 1 else None


# --------------------------------------------------------------------------- headline

_TITLE_SEPARATOR = re.compile(r"(\s+(?:[|\-–—·•»«~/\\]|::|\|\|)\s+|\s*[|»«]\s*)")
_FURNITURE_TAGS = frozenset({"nav", "footer", "aside", "form", "menu"})
_PROSE_LENGTH = 150


def compact(text: str) -> str:
    """``text`` in lower case with its letters and digits only, to compare names."""
    return "".join(filter(str.isalnum, text.casefold()))


def _site_marks(meta: PageMeta, base_url: str | None) -> set[str]:
    """The site's own names, compacted: ``og:site_name``, the publisher, the host's name
    (``www.bbc.co.uk`` gives ``bbc`` and ``bbccouk``)."""
    marks = {compact(n) for n in (meta.site_name, meta.provider) if n}
    url = meta.url or base_url
    if url:
        host = urlsplit(url).hostname or ""
        labels = [label for label in host.split(".") if label not in ("www", "m", "amp", "mobile")]
        if labels:
            marks.add(compact("".join(labels)))
            marks.update(compact(label) for label in labels if len(label) > 3)
    return {m for m in marks if len(m) >= 3}


_DOMAIN = re.compile(r"(?:www\.)?[\w-]+(?:\.[a-z]{2,6})+", re.I)


def _is_site_name(part: str, marks: Collection[str]) -> bool:
    if _DOMAIN.fullmatch(part.strip()):
        return True  # "wjz.com - Headline"
    key = compact(part)
    if len(key) < 3 or len(part.split()) > 5:
        return False
    return any(mark in key or key in mark for mark in marks)


_DASHES = frozenset("-–—")


def _name_like(part: str, separator: str) -> bool:
    """Whether a part of a title beside ``separator`` can be a site's or a section's name: four
    words at most, and capitalised when a dash (which can stand inside a headline) sets it off."""
    if len(part.split()) > 4:
        return False
    return separator.strip() not in _DASHES or all(w[:1].isupper() or w[:1].isdigit() for w in part.split())


def _sentence_case(part: str) -> bool:
    """Whether a part of a title is written in sentence case, as a headline is and a name never:
    a word after its first, of four letters or more, begins in lower case (``Budget passes``,
    ``Merkel tritt zurück``; not ``Hockey Hall of Fame``, whose short words a title's case leaves
    in lower case, nor ``EDDIE ROSS`` or ``eweightlosstips``, one word)."""
    return any(w[:1].islower() and sum(c.isalpha() for c in w) >= 4 for w in part.split()[1:])


def _named_ends(
    parts: list[str], marks: Collection[str], names_site: Callable[[str, Collection[str]], bool]
) -> tuple[int, int]:
    """The span of ``parts`` left once the parts at either end naming the site are taken off."""
    start, end = 0, len(parts)
    while end - start > 1 and names_site(parts[end - 1], marks):
        end -= 1
    while end - start > 1 and names_site(parts[start], marks):
        start += 1
    return start, end


def _names_site_strictly(part: str, marks: Collection[str]) -> bool:
    """Whether a part of a headline from the page's metadata is the site's name: a domain name,
    or at most four words without quotes or brackets that are a name of the site or begin or
    end with one of five letters or more (``Nintendo Official Site``); looser tests take words
    of a headline (``"Streetcleaner" (Stereogum Premiere)``, ``How we designed Dropbox's ATF``)."""
    if _DOMAIN.fullmatch(part.strip()):
        return True
    if len(part.split()) > 4 or any(c in part for c in '"“”()[]'):
        return False
    key = compact(part)
    return any(key == mark or (len(mark) >= 5 and (key.startswith(mark) or key.endswith(mark))) for mark in marks)


def strip_site_name(headline: str, marks: Collection[str]) -> str:
    """A headline from the page's metadata without the site's name that many sites add to it as
    to their ``<title>`` (``og:title`` = ``Budget passes | Springfield Times``): only a part that
    names the site (``marks``) goes, never a part merely short."""
    pieces = _TITLE_SEPARATOR.split(headline)
    if len(pieces) < 3:
        return headline
    parts, separators = pieces[0::2], pieces[1::2]
    start, end = _named_ends(parts, marks, _names_site_strictly)
    if (start, end) == (0, len(parts)):
        return headline
    return _joined(parts, separators, start, end) or headline


def _joined(parts: list[str], separators: list[str], start: int, end: int) -> str:
    kept = parts[start]
    for index in range(start + 1, end):
        kept += separators[index - 1] + parts[index]
    return kept.strip()


def title_headline(title: str, marks: Collection[str] = ()) -> str:
    """The headline in a page's ``<title>``: the site's name taken off either end (``Budget
    passes | Springfield Times``, ``BBC News - Budget passes``). A part naming the site (from
    ``marks``, compacted names) goes; without one, short parts at either end beside a longer
    one (a section, a site name) go."""
    pieces = _TITLE_SEPARATOR.split(" ".join(title.split()))
    parts, separators = pieces[0::2], pieces[1::2]
    if len(parts) < 2:
        return title.strip()

    start, end = _named_ends(parts, marks, _is_site_name)
    named = (start, end) != (0, len(parts))
    if not named:
        # a site's name most often follows the headline: take short name-like parts off the end
        # (after a dash, none longer than what stays: "Storm Hits Coast - Thousands Flee Their
        # Homes" is one headline, "Zee News - Om Shanti Om" no headline after a site's name;
        # but a part in sentence case before the dash is a headline, "Budget passes - The
        # Springfield Daily Herald", and what follows it a name);
        # only when the end is the headline, off the start ("Gazette | Council votes ...")
        longest = max(len(p) for p in parts)
        held = False
        rest = len(_joined(parts, separators, start, end))  # (kept as a count: a long title stays linear)
        while end - start > 1 and _name_like(parts[end - 1], separators[end - 2]):
            rest -= len(parts[end - 1]) + len(separators[end - 2])  # what stands before the last part
            if (
                separators[end - 2].strip() in _DASHES
                and len(parts[end - 1]) > rest
                and not _sentence_case(parts[end - 2])
            ):
                held = True
                break
            end -= 1
        if end == len(parts) and not held:
            while end - start > 1 and _name_like(parts[start], separators[start]) and len(parts[start]) < longest:
                start += 1
    return _joined(parts, separators, start, end) or title.strip()


def _outside_furniture(element: Any) -> bool:
    node = element.getparent()
    while node is not None:
        if local_name(node) in _FURNITURE_TAGS:
            return False
        node = node.getparent()
    return not _in_comments(element)


def _own_text(element: Any) -> str:
    return " ".join("".join(element.itertext()).split())


def _short_text(element: Any, limit: int = _PROSE_LENGTH) -> str | None:
    """``_own_text(element)`` when it is shorter than ``limit``, else None, read only as far
    as it takes to tell: a wrapper of the whole article is never joined whole to learn that it
    is long. (The squashed text of a part of the pieces is never longer than that of all of
    them, so a part that reaches ``limit`` settles it; a part is squashed each time the pieces
    read double, which keeps the reading linear.)"""
    parts: list[str] = []
    size = 0
    check = limit
    for piece in element.itertext():
        parts.append(piece)
        size += len(piece)
        if size >= check:
            if len(" ".join("".join(parts).split())) >= limit:
                return None
            check = 2 * size
    text = " ".join("".join(parts).split())
    return text if len(text) < limit else None


def _prose(element: Any) -> bool:
    """Whether a paragraph is long enough to be the article's prose (and so ends the search
    for what stands above it)."""
    return _short_text(element) is None


_BREAK_OR_CODE = etree.XPath(".//*[local-name()='br' or local-name()='script' or local-name()='style']")
_CODE = frozenset({"script", "style", "noscript", "template"})


def _spaced_text(element: Any) -> str:
    """The element's text as a browser shows it on one line: a ``<br>`` is a space
    (``<h1>Council votes<br>to close</h1>``), where ``_own_text`` runs the words together, and
    the code of a script or a style in it (an ad's, in a blog's title) is no text."""
    if not _BREAK_OR_CODE(element):
        return _own_text(element)
    parts: list[str] = []
    inside_code = 0
    for event, node in etree.iterwalk(element, events=("start", "end")):
        name = local_name(node) if isinstance(node.tag, str) else ""
        if event == "start":
            if name in _CODE:
                inside_code += 1
            elif not inside_code:
                parts.append(" " if name == "br" else node.text or "")
        else:
            if name in _CODE:
                inside_code -= 1
            if node is not element and node.tail and not inside_code:
                parts.append(node.tail)
    return " ".join("".join(parts).split())


_PERMALINK_SIGNS = "¶§ "


def _heading_text(element: Any) -> str:
    """A heading's text as a headline: plain, on one line, without the permalink sign a
    documentation page ends its headings with (``<a class="headerlink">¶</a>``)."""
    return plain_text(_spaced_text(element)).rstrip(_PERMALINK_SIGNS)


def page_title(root: Any) -> str:
    """The page's ``<title>``, as plain text: the first one not inside an ``<svg>`` (an icon's
    title, ``Share on Facebook``, is no page's); empty when it has none."""
    for element in root.iter("title"):
        if not any(local_name(a) == "svg" for a in element.iterancestors()):
            return plain_text(_own_text(element))
    return ""


def _document_headline(root: Any, meta: PageMeta, base_url: str | None) -> tuple[str, str] | None:
    """The headline a page without metadata for it shows: the ``<h1>`` that reads as its
    ``<title>`` does (or as the title's leading part, when the title kept whole may hold a site's
    name), else the ``<h1>`` nearest before the first paragraph of prose, else the ``<title>``
    without the site's name. An ``<h1>`` that the title shows to be something else (the site's
    or the blog's name beside the headline) is never the headline. A page whose ``<title>``
    names only the site takes the ``<h2>`` nearest before its prose, else an element named for
    the headline (``_marked_headline``); a page without a ``<title>`` the other way round, its
    ``<h2>`` only with a paragraph of prose after it. Such an ``<h2>`` is never a date and
    little else (``_mostly_date``), nor inside furniture, by tag or by name
    (``_named_furniture``)."""
    marks = _site_marks(meta, base_url)
    title = meta.title or ""
    headline = title_headline(title, marks) if title else ""
    site_only = compact(headline) in marks
    if site_only:
        headline = ""  # the title is only the site's name: it names no article
    title_key, headline_key = compact(title), compact(headline)
    # a title kept whole (nothing told the site's name from the headline: "Vacations! — Paulo
    # Coelho's Blog") is settled by an <h1> that is exactly its leading part(s)
    leads: set[str] = set()
    lead = ""
    for piece in _TITLE_SEPARATOR.split(headline)[:-1:2]:
        lead += compact(piece)  # (a separator has no letter nor digit: compacted, it is nothing)
        if len(lead) > 300:
            break  # (no <h1> read is longer)
        leads.add(lead)

    def reads_as_title(key: str) -> bool:
        if not headline_key or len(key) < 8:
            return False
        return headline_key in key or (key in headline_key and len(key) >= 0.6 * len(headline_key)) or key in leads

    def something_else(text: str, key: str) -> bool:
        if not headline_key:
            return False
        if key in title_key:
            return True  # a part of the title that is not its headline: a site's or a section's name
        # a short heading unrelated to a long title: a blog's name above its post (words counted,
        # not the title's separators: "Google - Site Reliability Engineering" is no long title)
        return len(text.split()) <= 3 and sum(any(map(str.isalnum, w)) for w in headline.split()) >= 5

    before_prose: str | None = None
    for element in root.iter("h1", "p"):
        if local_name(element) == "p":
            if _prose(element) and _outside_furniture(element):
                break
            continue
        text = _heading_text(element)
        if not 3 <= len(text) <= 300 or _is_site_name(text, marks) or not _outside_furniture(element):
            continue
        key = compact(text)
        if reads_as_title(key):
            return text, "h1"
        if not something_else(text, key):
            before_prose = text
    if before_prose is not None:
        return before_prose, "h1"
    if headline:
        return headline, "title"
    # (here the page has no <title>, or one naming only the site)
    if site_only:
        # a blog's front matter: its name in the <title> (and an empty or a logo's <h1>), the
        # post's title in the <h2> just before its text; else an element named for the headline
        found = _heading_before_prose(root, "h2", marks)
        if found is not None:
            return found, "h2"
        marked = _marked_headline(root, marks)
    else:
        # no <title> (a page saved without its <head>): an element named for the headline, else
        # the <h2> just before a paragraph of prose, as on a blog
        marked = _marked_headline(root, marks)
        if marked is None:
            found = _heading_before_prose(root, "h2", marks, needs_prose=True)
            if found is not None:
                return found, "h2"
    return (marked, "headline-class") if marked else None


def _heading_before_prose(root: Any, tag: str, marks: Collection[str], *, needs_prose: bool = False) -> str | None:
    """The last ``tag`` heading before the first paragraph of prose, outside furniture, of three
    words or more and not the site's name (with ``needs_prose``, None when no such paragraph
    follows it: a heading alone is the page's only text, not its headline)."""
    found = None
    for element in root.iter(tag, "p"):
        if local_name(element) == "p":
            if _prose(element) and _outside_furniture(element):
                return found
            continue
        text = _heading_text(element)
        if (
            len(text.split()) >= 3
            and len(text) <= 300
            and not _is_site_name(text, marks)
            and not _mostly_date(text)
            and _outside_furniture(element)
            and not _named_furniture(element)
        ):
            found = text
    return None if needs_prose else found


def _named_furniture(element: Any) -> bool:
    """Whether the nearest ancestor whose class or id names what it holds names page furniture
    (``div.share``, ``div#sidebar``: the body's names, ``body.name_marks``) rather than the
    article's text (``div.entry-content``)."""
    from articlekit.formats.html.body import name_marks  # (the body module imports this one)

    for node in element.iterancestors():
        tokens = f"{node.get('class') or ''} {node.get('id') or ''}".split()
        marks = [name_marks(token) for token in tokens]
        if any(content for content, _ in marks):
            return False
        if any(furniture for _, furniture in marks):
            return True
    return False


_TIME_OF_DAY = re.compile(r"\b\d{1,2}[:.]\d\d(?::\d\d)?\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?", re.I)


def _mostly_date(text: str) -> bool:
    """Whether a heading is a date and little else (a blog's ``<h2>`` over each day's posts,
    ``Tuesday, April 19, 2005``, ``(May 28, 2005 -- 01:54 PM EDT // link)``): three words at most
    beside the date and a time of day, punctuation aside. No headline."""
    found = dates.find_datetime(text)
    if found is None:
        return False
    rest = _TIME_OF_DAY.sub(" ", text[: found.start] + " " + text[found.end :])
    return sum(any(map(str.isalnum, word)) for word in rest.split()) <= 3


_HEADLINE_CLASS = re.compile(r"headline|(?:^|[-_])(?:story|article|post|entry)-?title(?:$|[-_])", re.I)
_NOT_HEADLINE_CLASS = re.compile(r"site|blog|page|widget|section|sidebar|related|nav|menu|sub|teaser|promo", re.I)


def _marked_headline(root: Any, marks: Collection[str]) -> str | None:
    """For a page with neither ``<h1>`` nor ``<title>`` (often saved without its ``<head>``): the
    element before the first paragraph of prose that its class or id names a headline
    (``h2.storyheadline``, ``div.article-title``), not a site's, a section's or a teaser's, and
    of three words at least."""
    for element in root.iter("h2", "h3", "h4", "div", "span", "td", "p"):
        if local_name(element) == "p" and _prose(element) and _outside_furniture(element):
            return None
        tokens = f"{element.get('class') or ''} {element.get('id') or ''}".split()
        if not any(_HEADLINE_CLASS.search(t) and not _NOT_HEADLINE_CLASS.search(t) for t in tokens):
            continue
        text = _heading_text(element)
        if not 10 <= len(text) <= 300 or len(text.split()) < 3 or any(c in text for c in "|»«"):
            continue  # a label, or a row of links
        if not _is_site_name(text, marks) and _outside_furniture(element):
            return text
    return None


# --------------------------------------------------------------------------- dates on the page

_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>0?[1-9]|1[0-2]|[a-z]{3,9})[/-](?P<d>0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)"
    r"|[/_-](?P<y8>(?:19|20)\d\d)(?P<m8>0[1-9]|1[0-2])(?P<d8>0[1-9]|[12]\d|3[01])(?=[/_.-]|$)",
    re.I,
)
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
)  # fmt: skip


def url_date(url: str | None) -> datetime | None:
    """The date a page's address holds (``/2019/11/28/``, ``/2019/nov/28/``,
    ``/2019-11-28-title``, ``/title-20191128/``), as a date at midnight without a time zone;
    None when it holds none."""
    if not url:
        return None
    found = _URL_DATE.search(urlsplit(url).path)
    if found is None:
        return None
    year, month, day = found.group("y", "m", "d") if found.group("y") else found.group("y8", "m8", "d8")
    if month.isdigit():
        number = int(month)
    else:
        names = [i for i, name in enumerate(_MONTH_NAMES, 1) if name.startswith(month.lower().removesuffix("t"))]
        if len(names) != 1:
            return None
        number = names[0]
    try:
        return datetime(int(year), number, int(day))
    except ValueError:
        return None


_NEAR_HEADLINE = 12
"""How many elements after the headline a date line may stand in."""


def _date_near_headline(root: Any, meta: PageMeta) -> datetime | None:
    """A short line holding a date just under the headline (``Posted on March 3, 2012 by
    Jane``), before the first paragraph of prose. The headline is the ``<h1>`` (or ``<h2>``)
    that reads as the headline does, else the page's first ``<h1>`` (a blog's name, often
    followed by the post's date)."""
    headline = compact(meta.headline or "")
    start = None
    for element in root.iter("h1", "h2"):
        key = compact(_own_text(element))
        if key and (key == headline or (start is None and local_name(element) == "h1")):
            start = element
            if key == headline:
                break
    if start is None or not _outside_furniture(start):
        return None
    seen = 0
    for element in _following(start):
        if not isinstance(element.tag, str):
            continue
        seen += 1
        if seen > _NEAR_HEADLINE:
            break
        text = _short_text(element)
        if text is None:  # (150 characters or more)
            if local_name(element) == "p":
                break
            continue
        if not 6 <= len(text) <= 100:
            continue
        found = shown_date(text)
        if found is not None and 1990 <= found.value.year <= 2200:
            rest = (text[: found.start] + " " + text[found.end :]).split()
            if len(rest) <= 8:
                return found.value
    return None


_UPDATED = re.compile(
    r"\b(?:updated|modified|last\s+edited|revised|aktualisiert|mis\s+à\s+jour|actualizado|aggiornato|bijgewerkt)\b"
    r"[^\d]{0,20}$",
    re.I,
)
"""A label naming the date after it as the time of the last change, not of publication."""
_FOREIGN_MONTHS = {
    # French, Spanish, Italian, Portuguese, Dutch (English and German are the shared parser's)
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "settembre": 9,
    "ottobre": 10, "dicembre": 12,
    "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9,
    "outubro": 10, "dezembro": 12,
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
}  # fmt: skip
"""Month names of the other languages of Western Europe's news, for a date shown on a page."""
_PUBLISHED_LABEL = re.compile(r"\b(?:publi[ée]\w*|publicad[oa]|pubblicat[oa]|gepubliceerd|geplaatst)\b", re.I)
_FOREIGN_DATE = re.compile(
    rf"\b(?P<d>[0-3]?\d)(?:er|º|°)?\.?\s+(?:de\s+)?(?P<m>{'|'.join(sorted(_FOREIGN_MONTHS, key=len, reverse=True))})"
    r"\s+(?:de\s+|del\s+)?(?P<y>(?:19|20)\d\d)\b",
    re.I,
)


def shown_date(text: str) -> dates.DateMatch | None:
    """The publication date a line shown on the page holds: its first date, unless a label says
    that one is the last change (``Updated March 5, 2024 · Published March 3, 2024``: the
    second; a line holding only an update's date gives that one, the nearest the page shows); a
    date written in French, Spanish, Italian, Portuguese or Dutch after a label saying it is the
    publication's (``Publié le 3 mars 2024``) when there is no other."""
    found = dates.find_datetime(text) or _foreign_date(text)
    if found is not None and _UPDATED.search(text, 0, found.start):
        return dates.find_datetime(text, start=found.end) or _foreign_date(text, found.end) or found
    return found


def _foreign_date(text: str, start: int = 0) -> dates.DateMatch | None:
    """A date in one of ``_FOREIGN_MONTHS``'s languages that a label names the publication's
    (``Publié le 3 mars 2024``, ``Publicado el 3 de marzo de 2024``): unlabelled, such a line is as
    often a masthead's date of the day."""
    label = _PUBLISHED_LABEL.search(text, start)
    if label is None:
        return None
    for match in _FOREIGN_DATE.finditer(text, label.end()):
        try:
            value = datetime(int(match.group("y")), _FOREIGN_MONTHS[match.group("m").lower()], int(match.group("d")))
        except ValueError:
            continue
        return dates.DateMatch(value, match.start(), match.end(), has_time=False)
    return None


def _following(element: Any) -> Iterator[Any]:
    """The elements after ``element`` in document order (not inside it)."""
    node = element
    while node is not None:
        for sibling in node.itersiblings():
            yield sibling
            yield from sibling.iterdescendants()
        node = node.getparent()


# --------------------------------------------------------------------------- plain text

_HTML_TAG_NAMES = (
    "a|abbr|address|article|aside|b|big|blockquote|body|br|button|center|cite|code|dd|del|dfn|div|dl|dt|em|"
    "figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|kbd|label|li|link|main|"
    "mark|meta|nav|nobr|noscript|ol|p|picture|pre|q|s|samp|section|small|source|span|strike|strong|style|sub|sup|"
    "svg|table|tbody|td|tfoot|th|thead|time|tr|tt|u|ul|var|video|wbr"
)
HTML_TAG = re.compile(rf"<\s*/?\s*(?:{_HTML_TAG_NAMES})(?:\s[^<>]*)?/?\s*>", re.I)
"""A tag of HTML (``<a class="more">``, ``</B>``, ``<br/>``); ``<The Palace>``, a title in angle
brackets as Korean and Chinese text writes them, is no tag."""
CHARACTER_REFERENCE = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});", re.I)
_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_SCRIPT_TAIL = re.compile(r"^.*</(?:script|style)\s*>", re.I | re.S)
"""The end of a script a field starts inside of (once the whole scripts are out)."""
_BREAK = re.compile(r"<\s*(?:br|/?p|/?div|/?li|/?h[1-6]|hr)\b[^<>]*>", re.I)
_READ_MORE_LINK = re.compile(
    r"<a\b[^<>]*>\s*(?:(?:continue|keep)\s+reading|read\s+(?:more|on|the\s+rest)|more)\b.*?</a\s*>", re.I | re.S
)


def plain_text(value: str) -> str:
    """A field's text as a reader sees it: markup a page left in it taken out (a "Continue
    reading" link with its words, scripts with their code, line breaks as spaces), character
    references resolved (twice escaped ones too: ``&amp;#8220;``), spaces collapsed."""
    if "<" in value:
        value = _READ_MORE_LINK.sub(" ", value)
        value = value.replace("<![CDATA[", "").replace("]]>", "")  # a CDATA section's text (linear on an unclosed one)
        value = _SCRIPT_TAIL.sub(" ", _SCRIPT_OR_STYLE.sub(" ", value))
        value = HTML_TAG.sub(" ", _BREAK.sub(" ", value))
    for _ in range(3):
        if "&" not in value or CHARACTER_REFERENCE.search(value) is None:
            break
        value = html.unescape(value)
    if "<" in value and HTML_TAG.search(value):  # markup that was escaped: &lt;p&gt;
        value = HTML_TAG.sub(" ", _BREAK.sub(" ", value))
    return " ".join(value.split())


def _clean_value(value: Any) -> Any:
    """``value`` with ``plain_text`` applied to every text it holds."""
    if isinstance(value, str):
        return plain_text(value)
    if isinstance(value, list):
        cleaned = [_clean_value(item) for item in value]
        return [item for item in cleaned if item not in (None, "")]
    if isinstance(value, Contributor):
        name = plain_text(value.name)
        return attrs.evolve(value, name=name) if name else None
    if isinstance(value, Media):
        return attrs.evolve(
            value,
            caption=plain_text(value.caption) or None if value.caption else None,
            credit=plain_text(value.credit) or None if value.credit else None,
            alt=plain_text(value.alt) or None if value.alt else None,
        )
    return value


class _Filler:
    """Sets a PageMeta field only when the field is still empty, recording where it came from."""

    def __init__(self, meta: PageMeta) -> None:
        self.meta = meta

    def empty(self, field: str) -> bool:
        """Whether ``field`` is still to be filled (a value for a filled one is never read)."""
        current = getattr(self.meta, field)
        return current is None or current == []

    def set(self, field: str, value: Any, source: str) -> None:
        if not self.empty(field):
            return  # (before cleaning: a filled field's value would be cleaned for nothing)
        value = _clean_value(value)
        if field == "language" and isinstance(value, str):
            value = normalise_language(value)
        elif field in ("headline", "subheadline") and isinstance(value, str) and not any(map(str.isalnum, value)):
            return  # a separator left alone (<title> | </title>), an ellipsis: no headline
        if value is None or value == "" or value == []:
            return
        setattr(self.meta, field, value)
        self.meta.sources[field] = source


_GATHERED = ("script", "meta", "link", "time")
"""The tags whose elements the metadata reads from the whole page (``_head_elements``)."""


def _head_elements(root: Any) -> dict[str, list[Any]]:
    """The page's elements of each of ``_GATHERED``'s tags, in document order, gathered in one
    pass over the tree (``iter`` with the four tags, in C): a pass of its own for each tag cost
    nearly as much as this one for all four (most of it is the walk over every element)."""
    found: dict[str, list[Any]] = {tag: [] for tag in _GATHERED}
    for element in root.iter(*_GATHERED):
        tag = element.tag
        bucket = found.get(tag)
        if bucket is None:
            bucket = found[tag.rpartition("}")[2]]  # (iter matches a name in any namespace)
        bucket.append(element)
    return found


def read_metadata(root: Any, base_url: str | None = None) -> PageMeta:
    """Read every metadata source of a parsed page, best first."""
    meta = PageMeta()
    fill = _Filler(meta)
    gathered = _head_elements(root)
    scripts = [
        s
        for s in gathered["script"]
        if (s.get("type") or "").split(";")[0].strip().lower() in ("application/ld+json", "application/json+ld")
    ]
    nodes: list[dict[str, Any]] = []
    for script in scripts:
        data = load_json_ld(script.text or "")
        if data is not None:
            nodes.extend(_nodes(data))
    table = _meta_table(gathered["meta"])
    meta.title = page_title(root) or None
    site_name = _first(table, "og:site_name", "application-name", "al:android:app_name", "twitter:app:name:iphone")
    if site_name:
        meta.site_name = site_name[0]
    if nodes:
        _from_json_ld(meta, fill, nodes)
    _from_meta(meta, fill, table, base_url)
    _from_document(meta, fill, root, base_url, gathered)
    if meta.language is None:
        # what the page's other JSON-LD items (its WebPage, its WebSite) or its translations say
        for node in nodes:
            fill.set("language", _text(node.get("inLanguage")), "json-ld")
        fill.set("language", _alternate_language(gathered["link"]), "hreflang")
    named = None
    if meta.headline is not None:
        marks = _site_marks(meta, base_url)
        if compact(meta.headline) in marks:
            # the site's name (og:title = og:site_name on every page of a site): the page's own
            # headline if it shows one, else that name as before
            named = (strip_site_name(meta.headline, marks), meta.sources.pop("headline", "metadata"))
            meta.headline = None
        else:
            meta.headline = strip_site_name(meta.headline, marks)
    if meta.headline is None:
        found = _document_headline(root, meta, base_url) or named
        if found is not None:
            fill.set("headline", *found)
    if meta.published is None:
        fill.set("published", _date_near_headline(root, meta), "visible")
    if meta.published is None:
        fill.set("published", url_date(meta.url or base_url), "url")
    if meta.lead_image is not None and meta.lead_image.url:
        image = meta.lead_image
        meta.lead_image = attrs.evolve(image, url=absolute_url(image.url, meta.url or base_url))
    return meta


def _from_json_ld(meta: PageMeta, fill: _Filler, nodes: list[dict[str, Any]]) -> None:
    article = _choose_article(nodes)
    if article is None:
        return
    graph = {str(n["@id"]): n for n in nodes if isinstance(n.get("@id"), str)}
    src = "json-ld"
    fill.set("headline", _text(article.get("headline")) or _text(article.get("name")), src)
    fill.set("subheadline", _text(article.get("alternativeHeadline")), src)
    fill.set("summary", _text(article.get("description")) or _text(article.get("abstract")), src)
    fill.set(
        "published", parse_page_date(_text(article.get("datePublished")) or _text(article.get("dateCreated"))), src
    )
    fill.set("updated", parse_page_date(_text(article.get("dateModified"))), src)
    fill.set("language", _text(article.get("inLanguage")), src)
    publisher = article.get("publisher")
    if isinstance(publisher, dict) and "@id" in publisher and "name" not in publisher:
        publisher = graph.get(str(publisher["@id"]), publisher)
    publisher_name = _text(publisher)
    fill.set("provider", publisher_name, src)
    people = _json_ld_people(article.get("author"), graph) + _json_ld_people(article.get("creator"), graph)
    names = clean_author_names([p for p, _ in people], exclude=(publisher_name, meta.site_name))
    orgs = {p for p, is_org in people if is_org}
    authors = _contributors(names, orgs)
    fill.set("authors", authors, src)
    url = article.get("url") or article.get("mainEntityOfPage")
    if isinstance(url, dict):
        url = url.get("@id") or url.get("url")
    if isinstance(url, str) and url.startswith(("http://", "https://")):
        fill.set("url", url.strip(), src)
    section = article.get("articleSection")
    fill.set("section", _text(section), src)
    fill.set("keywords", _keywords(article.get("keywords")), src)
    fill.set("dateline", _text(article.get("dateline")), src)
    body = article.get("articleBody")
    if isinstance(body, str) and body.strip():
        meta.article_body = body
    fill.set("lead_image", _json_ld_image(article.get("image") or article.get("thumbnailUrl"), graph), src)


def _keywords(value: Any) -> list[str]:
    words: list[str] = []
    for item in _as_list(value):
        text = _text(item)
        if text:
            text = plain_text(text)  # before splitting: "Gas &amp; Electric" is one keyword
            words.extend(w.strip() for w in re.split(r"[,;]", text) if w.strip())
    seen: set[str] = set()
    unique = []
    for word in words:
        if word.casefold() not in seen and len(word) <= 100:
            seen.add(word.casefold())
            unique.append(word)
    return unique


def _json_ld_image(value: Any, graph: Mapping[str, dict[str, Any]]) -> Media | None:
    for item in _as_list(value):
        if isinstance(item, str) and item.strip():
            return Media(url=item.strip())
        if isinstance(item, dict):
            if "@id" in item and "url" not in item and "contentUrl" not in item:
                item = graph.get(str(item["@id"]), item)
            url = _text(item.get("url")) or _text(item.get("contentUrl"))
            if not url:
                continue
            caption = _text(item.get("caption")) or _text(item.get("description"))
            credit = _text(item.get("creditText")) or _text(item.get("copyrightHolder")) or _text(item.get("author"))
            if credit is None:
                caption, credit = split_caption_credit(caption)
            return Media(
                url=url,
                caption=caption,
                credit=credit,
                width=size_value(item.get("width"), rule="loose"),
                height=size_value(item.get("height"), rule="loose"),
            )
    return None


def _from_meta(meta: PageMeta, fill: _Filler, table: Mapping[str, list[str]], base_url: str | None) -> None:
    def take(field: str, *keys: str, convert: Any = None) -> None:
        if not fill.empty(field):
            return  # (a date parsed for a field already filled would be thrown away)
        found = _first(table, *keys)
        if found is None:
            return
        value, key = found
        fill.set(field, convert(value) if convert else value, _source_of(key) if ":" in key else "meta")

    take("headline", "og:title", "twitter:title", "headline", "title", "dc.title", "sailthru.title", "parsely-title")
    take("summary", "og:description", "twitter:description", "description", "dc.description")
    take(
        "published",
        "article:published_time",
        "og:article:published_time",
        "datepublished",
        "article.published",
        "published_time",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "date",
        "dc.date.issued",
        "dc.date",
        "dcterms.created",
        "dcterms.date",
        "sailthru.date",
        "parsely-pub-date",
        "article_date_original",
        "original-publish-date",
        "og:published_time",
        "datecreated",
        convert=parse_page_date,
    )
    if meta.published is None:
        # any other "...publish..." meta a CMS invents (epoch-publish-date, recs:publishtime)
        for key, values in table.items():
            if ("publish" in key or "pubdate" in key) and "publisher" not in key:
                value = _epoch(values[0]) or parse_page_date(values[0])
                if value is not None:
                    fill.set("published", value, "meta")
                    break
    take(
        "updated",
        "article:modified_time",
        "og:updated_time",
        "datemodified",
        "last-modified",
        "dcterms.modified",
        "article.updated",
        convert=parse_page_date,
    )
    take("section", "article:section", "section", "parsely-section", "sailthru.section", "articlesection")
    # og:locale is language_TERRITORY: two capitals alone (GB, US) are a territory, no language
    region_only = re.fullmatch(r"[A-Z]{2}", (table.get("og:locale") or [""])[0].strip()) is not None
    language_keys = ("content-language", "dc.language", "language", "inlanguage")
    take("language", *(language_keys if region_only else ("og:locale", *language_keys)))
    take("provider", "article:publisher", "publisher", "dc.publisher", "og:site_name")
    if meta.provider and meta.provider.startswith(("http://", "https://")):
        meta.provider = meta.site_name
    if not meta.authors:
        for keys, source in (
            (("author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl", "creator"), "meta"),
            (("twitter:creator",), "twitter"),
        ):
            values = [v for k in keys for v in table.get(k, [])]
            if keys == ("twitter:creator",):
                values = [v for v in values if not v.startswith("@")]
            names = clean_author_names(values, exclude=(meta.provider, meta.site_name))
            if names:
                fill.set("authors", _contributors(names), source)
                break
    if not meta.keywords:
        tags = table.get("article:tag", [])
        words = _keywords(tags) if tags else _keywords(table.get("news_keywords") or table.get("keywords") or [])
        fill.set("keywords", words, "og" if tags else "meta")
    image = _first(table, "og:image:secure_url", "og:image", "og:image:url", "twitter:image", "twitter:image:src")
    if image is not None and not meta.lead_image:
        alt = _first(table, "og:image:alt", "twitter:image:alt")
        caption, credit = split_caption_credit(alt[0] if alt else None)
        fill.set("lead_image", Media(url=image[0], caption=caption, credit=credit), _source_of(image[1]))
    take("url", "og:url", "twitter:url")


_AUTHOR_CLASS = re.compile(r"^(?:[a-z]{1,2}[-_]+)?(?:author|byline|by-line|writer|reporter)s?(?:$|[-_])", re.I)
_COMMENTS = re.compile(r"comment|reply|replies|respond|discussion|forum", re.I)


# The scans below look class names up once per name: a page has thousands of elements but
# few distinct names (and a name seen for the first time is read in lower case: CaseBlind).
_WITH_ITEMPROP = etree.XPath("descendant-or-self::*/@itemprop/..")
"""The elements with an ``itemprop``, in document order: reached from the attributes (libxml2
tests each element's attribute axis without a predicate, a quarter faster than
``descendant-or-self::*[@itemprop]``, the same elements)."""


@functools.lru_cache(maxsize=8192)
def _date_named(classes: str, ident: str) -> bool:
    return any(_DATE_NAME.search(t) for t in f"{classes} {ident}".split())


@functools.lru_cache(maxsize=8192)
def _standfirst_named(classes: str) -> bool:
    return any(_STANDFIRST_NAME.match(t) for t in classes.split())


@functools.lru_cache(maxsize=8192)
def _author_named(classes: str) -> bool:
    return any(_AUTHOR_NAME.search(t) for t in classes.split())


def _from_document(
    meta: PageMeta, fill: _Filler, root: Any, base_url: str | None, found: Mapping[str, list[Any]]
) -> None:
    """Microdata, ``<time>``, the canonical link, ``html lang`` and visible bylines (``found``:
    the page's elements by tag, ``_head_elements``)."""
    props: dict[str, list[Any]] = {}
    for element in cast("list[Any]", _WITH_ITEMPROP(root)):
        name = element.get("itemprop")
        if name:
            for single in name.split():
                props.setdefault(single, []).append(element)
    src = "microdata"

    def prop_text(element: Any) -> str | None:
        value = element.get("content") or element.get("datetime")
        if value is None:
            nested = [n for n in element.iter() if n.get("itemprop") == "name"]
            value = "".join((nested[0] if nested else element).itertext())
        return " ".join(value.split()) or None

    for field, key in (("headline", "headline"), ("summary", "description")):
        if key in props and fill.empty(field):
            fill.set(field, prop_text(props[key][0]), src)
    for field, key in (("published", "datePublished"), ("updated", "dateModified")):
        if key in props and fill.empty(field):
            fill.set(field, parse_page_date(prop_text(props[key][0])), src)
    if "author" in props and not meta.authors:
        values = [t for t in (prop_text(e) for e in props["author"]) if t]
        fill.set("authors", _contributors(clean_author_names(values, exclude=(meta.provider, meta.site_name))), src)
    if "articleBody" in props:
        meta.body_element = props["articleBody"][0]
    if "articleSection" in props and fill.empty("section"):
        fill.set("section", prop_text(props["articleSection"][0]), src)
    if meta.published is None:
        # a comment's time, or one in a sidebar's or the menu's list of other stories, is never
        # the article's; one in a footer or a form (a post's "entry-meta" footer, a page wrapped
        # whole in an ASP.NET form) only after those outside them
        seen: dict[Any, tuple[bool, bool]] = {}  # each ancestor read once, however many times it holds
        times = [(rank, t) for t in found["time"] if t.get("datetime") and (rank := _time_rank(t, seen)) is not None]
        times.sort(key=lambda pair: pair[0])
        for _, time in times:
            value = parse_page_date(time.get("datetime"))
            if value is not None:
                fill.set("published", value, "time")
                break
    # the date, the bylines and the deck the page shows, found in one scan of it
    shown = _Shown(root, date=meta.published is None, bylines=not meta.authors, standfirst=meta.subheadline is None)
    if meta.published is None:
        fill.set("published", shown.date, "visible")
    for link in found["link"]:
        rel = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rel and href:
            fill.set("url", absolute_url(href, base_url), "canonical")
            break
    page = root if local_name(root) == "html" else root.getroottree().getroot()
    lang = page.get("lang") or page.get("xml:lang") or page.get("{http://www.w3.org/XML/1998/namespace}lang")
    fill.set("language", lang, "html-lang")
    body = page.find("body")
    if body is not None:
        fill.set("language", body.get("lang") or body.get("xml:lang"), "body-lang")
    if meta.section and "," in meta.section:
        # "Commercial Real Estate,Home Page,Popular": a CMS's category list, the first is the section
        meta.section = meta.section.split(",")[0].strip() or None
    if not meta.authors:
        names = clean_author_names(shown.bylines, exclude=(meta.provider, meta.site_name))
        fill.set("authors", _contributors(names[:4]), "byline")
    if meta.subheadline is None:
        fill.set("subheadline", shown.standfirst, "standfirst")


_DATE_CLASS = re.compile(
    r"(?:^|[-_])(?:date|time|publish(?:ed)?|posted|timestamp|pubdate|datetime|dateline)(?:$|[-_])", re.I
)


_DATE_NAME = CaseBlind(_DATE_CLASS)
_STANDFIRST_CLASS = re.compile(
    r"^(?:[a-z]{1,2}[-_]+|article[-_]+|story[-_]+|post[-_]+|entry[-_]+)?"
    r"(?:standfirst|dek|deck|sub-?headline|sub-?head|subtitle|strapline|kicker-?text)$",
    re.I,
)
_STANDFIRST_NAME = CaseBlind(_STANDFIRST_CLASS)
_AUTHOR_NAME = CaseBlind(_AUTHOR_CLASS)
_DATE_TAGS = frozenset({"span", "div", "p", "time", "li", "small", "abbr"})
_STANDFIRST_TAGS = frozenset({"p", "h2", "div", "span", "h3"})
_BYLINE_TAGS = frozenset({"a", "span", "div", "p", "address"})


class _Shown:
    """What the page shows beside its metadata, for those asked for, found in one scan of its
    elements in document order (each element's names read once for all three):

    - ``date``: the first date shown in an element named for it (``span.date``,
      ``div.published``), outside comments, of the first ten such elements holding a short
      line: the page's own timestamp when no metadata gives one;
    - ``bylines``: the first (at most four) bylines shown (``rel=author``, ``class=byline``),
      outside comments;
    - ``standfirst``: the deck under the headline (``p.standfirst``, ``h2.article-dek``), where
      the page marks one.

    Only an element with a class, an id or a ``rel`` can be one of them."""

    def __init__(self, root: Any, *, date: bool, bylines: bool, standfirst: bool) -> None:
        self.date: datetime | None = None
        self.bylines: list[str] = []
        self.standfirst: str | None = None
        tags = (_DATE_TAGS if date else frozenset()) | (_BYLINE_TAGS if bylines else frozenset())
        tags |= _STANDFIRST_TAGS if standfirst else frozenset()
        if not tags:
            return
        tried = 0
        for element in root.iter(*tags):
            keys = element.keys()
            if not keys:
                continue
            tag = element.tag
            if "}" in tag:
                tag = tag.rpartition("}")[2]  # (iter matches a name in any namespace)
            classes = (element.get("class") or "") if "class" in keys else ""
            if date and tag in _DATE_TAGS and _date_named(classes, (element.get("id") or "") if "id" in keys else ""):
                text = _short_text(element, 101)
                if text is not None and len(text) >= 6 and not _in_comments(element):
                    tried += 1
                    found = shown_date(text)
                    if found is not None and 1900 <= found.value.year <= 2200:
                        self.date = found.value
                        date = False
                    elif tried >= 10:
                        date = False
            if standfirst and tag in _STANDFIRST_TAGS and _standfirst_named(classes) and not _in_comments(element):
                text = _short_text(element, 401)
                if text is not None and len(text) >= 20:
                    self.standfirst = text
                    standfirst = False
            if (
                bylines
                and tag in _BYLINE_TAGS
                and (_author_named(classes) or ("rel" in keys and element.get("rel") == "author"))
                and not _in_comments(element)
            ):
                text = _short_text(element, 100)
                if text is not None and len(text) > 2:
                    self.bylines.append(text)
                if len(self.bylines) >= 4:
                    bylines = False
            if not (date or standfirst or bylines):
                break


_ASIDE_TAGS = frozenset({"nav", "aside", "menu"})


_DATE_OR_BYLINE = re.compile(r"date|time|by-?line", re.I)
"""A class naming a date or a byline as well as comments (``by-line-comments-views-date``) marks
the article's own header, not its comments."""


def _names(element: Any) -> list[str]:
    return f"{element.get('class') or ''} {element.get('id') or ''}".split()


def _time_rank(time: Any, seen: dict[Any, tuple[bool, bool]]) -> int | None:
    """Where a ``<time datetime>`` stands among the page's candidates for its date (lowest first):
    one marked ``pubdate`` or ``publish``, then any other, then one in a footer or a form; None
    for one in comments, a sidebar or a menu. ``seen`` keeps, for each element read, whether it
    or an element around it is such furniture, so the times of one page share their ancestors'
    reading."""
    path = []
    node = time
    while node is not None and node not in seen:
        path.append(node)
        node = node.getparent()
    excluded, furniture = seen[node] if node is not None else (False, False)
    for node in path[::-1]:
        if not excluded:
            name = local_name(node)
            excluded = (
                name in _ASIDE_TAGS
                or (node.get("role") or "").lower() in ("complementary", "navigation")
                or any(_COMMENTS.search(t) and not _DATE_OR_BYLINE.search(t) for t in _names(node))
            )
            furniture = furniture or name in _FURNITURE_TAGS
        seen[node] = (excluded, furniture)
    if excluded:
        return None
    marked = "pubdate" in time.attrib or "publish" in (time.get("class") or "")
    return (0 if marked else 1) + (2 if furniture else 0)


def _in_comments(element: Any) -> bool:
    node = element
    while node is not None:
        marks = f"{node.get('class') or ''} {node.get('id') or ''}"
        if _COMMENTS.search(marks):
            return True
        node = node.getparent()
    return False
