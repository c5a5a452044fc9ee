"""schema.org JSON-LD (``jsonld``): the article as a ``NewsArticle``, what search engines read.

Every quote becomes a ``Quotation`` in ``hasPart`` with its ``text``, and, when its speaker
resolves to a source, ``creator`` and ``spokenByCharacter`` pointing at that source (a
``Person`` or an ``Organization`` in ``mentions``).

With the ``embed`` option the output is a ready ``<script type="application/ld+json">``
element; ``<``, ``>``, ``&`` and the JavaScript line separators are then written as ``\\uXXXX``
escapes, so article text such as ``</script>`` cannot end the element early. The JSON means
the same either way.

See ``docs/formats/jsonld.md`` for the mapping of every model field.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from urllib.parse import quote as percent_encode

from articlekit.common.names import is_name
from articlekit.common.plain import plain_blocks
from articlekit.hookspecs import hookimpl
from articlekit.model import Article, Contributor, Media, Quote, Source, Subject
from articlekit.options import INDENT, OptionSpec, json_indent
from articlekit.registry import Options, WriterSpec

__all__ = ["SCHEMA_ORG", "dumps_jsonld", "embed_json", "jsonld_data"]

SCHEMA_ORG = "https://schema.org"

# where each contributor role goes on a CreativeWork
_ROLE_PROPERTIES = {"author": "author", "writing": "author", "reporting": "author", "editing": "editor"}

# the schema.org type of each source kind, and of each media kind with the property holding it
_SOURCE_TYPES = {"person": "Person", "unnamed": "Person", "organisation": "Organization", "group": "Organization"}
_MEDIA = {
    "image": ("image", "ImageObject"),
    "graphic": ("image", "ImageObject"),
    "video": ("video", "VideoObject"),
    "audio": ("audio", "AudioObject"),
    "other": ("associatedMedia", "MediaObject"),
}
_QUOTE_GENRES = {"direct": "direct quotation", "indirect": "reported speech", "mixed": "partial quotation"}

# characters that could close a <script> element or break JavaScript parsers, as JSON escapes
_EMBED_ESCAPES = str.maketrans(
    {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def _date(value: datetime) -> str:
    """ISO 8601, as schema.org's DateTime; a naive value stays without an offset."""
    return value.isoformat()


def _node_id(article: Article, kind: str, local_id: str) -> str:
    """A node identifier: a fragment of the article's URL, or of the page embedding it."""
    return f"{article.url or ''}#{kind}-{percent_encode(local_id, safe='')}"


def _organization(name: str) -> dict[str, Any]:
    return {"@type": "Organization", "name": name}


def _contributor(contributor: Contributor) -> dict[str, Any]:
    if contributor.kind == "organisation":
        return _organization(contributor.name)
    data: dict[str, Any] = {"@type": "Person", "name": contributor.name}
    if contributor.title:
        data["jobTitle"] = contributor.title
    if contributor.affiliation:
        data["affiliation"] = _organization(contributor.affiliation)
    return data


def _source(article: Article, source: Source) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": _SOURCE_TYPES[source.kind],
        "@id": _node_id(article, "source", source.id),
        "name": source.name,
    }
    if source.titles:
        key = "jobTitle" if data["@type"] == "Person" else "description"
        data[key] = list(source.titles) if key == "jobTitle" else ", ".join(source.titles)
    names = [alias for alias in source.aliases if is_name(alias)]
    if names:
        data["alternateName"] = names
    if source.affiliation and data["@type"] == "Person":
        data["affiliation"] = _organization(source.affiliation)
    return data


def _quotation(article: Article, quote: Quote, sources: dict[str, Source]) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@type": "Quotation",
        "@id": _node_id(article, "quote", quote.id),
        "text": quote.text,
        "genre": _QUOTE_GENRES[quote.kind],
    }
    speaker = quote.speaker
    if speaker is not None and speaker.source in sources:
        reference = {"@id": _node_id(article, "source", sources[speaker.source].id)}
        data["creator"] = reference
        data["spokenByCharacter"] = reference
    context = quote.context
    if context.when is not None and context.when.date is not None:
        data["dateCreated"] = context.when.date.isoformat()
    if context.venue:
        data["locationCreated"] = {"@type": "Place", "name": context.venue}
    return data


def _compact(**values: Any) -> dict[str, Any]:
    """The keyword arguments whose value is neither None nor empty, with ``type_`` as ``@type``."""
    return {("@type" if k == "type_" else k): v for k, v in values.items() if v is not None and v != "" and v != []}


def _media(media: Media) -> dict[str, Any]:
    return _compact(
        type_=_MEDIA[media.kind][1],
        contentUrl=media.url,
        url=media.url,
        caption=media.caption,
        creditText=media.credit,
        description=media.alt,
        encodingFormat=media.media_type,
        width=media.width,
        height=media.height,
    )


def _subject(subject: Subject) -> dict[str, Any]:
    return _compact(type_="DefinedTerm", name=subject.name, termCode=subject.code, inDefinedTermSet=subject.scheme)


def jsonld_data(article: Article) -> dict[str, Any]:
    """The article as a schema.org ``NewsArticle`` node (JSON-compatible)."""
    data: dict[str, Any] = {"@context": SCHEMA_ORG, "@type": "NewsArticle"}
    if article.url:
        data.update({"@id": article.url, "url": article.url, "mainEntityOfPage": article.url})
    data["headline"] = article.headline
    data.update(
        _compact(
            identifier=article.id,
            alternativeHeadline=article.subheadline,
            description=article.summary,
            inLanguage=article.language,
            datePublished=_date(article.published) if article.published else None,
            dateModified=_date(article.updated) if article.updated else None,
        )
    )
    for contributor in article.authors:
        key = _ROLE_PROPERTIES.get(contributor.role, "contributor")
        data.setdefault(key, []).append(_contributor(contributor))
    if article.provider:
        data["publisher"] = _organization(article.provider)
    if article.datelines:
        places = [", ".join(p for p in (place.name, place.region, place.country) if p) for place in article.datelines]
        data["dateline"] = "/".join(places)
    if article.section:
        data["articleSection"] = article.section
    for media in article.media:
        data.setdefault(_MEDIA[media.kind][0], []).append(_media(media))
    blocks = plain_blocks(article, "jsonld")
    if blocks:
        data["articleBody"] = "\n\n".join(blocks)
        data["wordCount"] = sum(len(block.split()) for block in blocks)
    if article.keywords:
        data["keywords"] = list(article.keywords)
    if article.subjects:
        data["about"] = [_subject(s) for s in article.subjects]
    if article.sources:
        data["mentions"] = [_source(article, s) for s in article.sources]
    if article.quotes:
        sources = {s.id: s for s in article.sources}
        data["hasPart"] = [_quotation(article, q, sources) for q in article.quotes]
    return data


def embed_json(data: Any, indent: int | None = 2) -> str:
    """``data`` as a ``<script type="application/ld+json">`` element that is safe in HTML."""
    text = json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False).translate(_EMBED_ESCAPES)
    return f'<script type="application/ld+json">\n{text}\n</script>\n'


EMBED = OptionSpec("embed", bool, False, "wrap the JSON-LD in a <script> element, safe to put in a page")


def dumps_jsonld(article: Article, options: Options) -> str:
    """The article as schema.org JSON-LD, indented by 2 (``indent`` option); with the
    ``embed`` option, wrapped in a ``<script>`` element safe to put in a page."""
    data = jsonld_data(article)
    indent = json_indent(options)
    if EMBED.value(options):
        return embed_json(data, indent)
    return json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False) + "\n"


@hookimpl
def articlekit_writers() -> Sequence[WriterSpec]:
    return [
        WriterSpec(
            name="jsonld",
            write=dumps_jsonld,
            extension=".jsonld",
            media_type="application/ld+json",
            description="schema.org NewsArticle JSON-LD, quotes as Quotation (embed=True: a <script> element)",
            options=(INDENT, EMBED),
        ),
    ]
