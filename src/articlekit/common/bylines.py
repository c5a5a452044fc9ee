"""Bylines, datelines and agencies as news copy writes them, for every parser that meets them:
the ``text`` and ``html`` parsers read bylines and datelines with
[`parse_byline`][articlekit.common.bylines.parse_byline] and
[`match_dateline`][articlekit.common.bylines.match_dateline], the industry parsers split their
byline fields with [`split_byline`][articlekit.common.bylines.split_byline], the NewsML parsers
read their dateline fields with [`dateline_places`][articlekit.common.bylines.dateline_places],
and [`AGENCIES`][articlekit.common.bylines.AGENCIES] names the wire services.

Each rule is a function of one line (already stripped) that returns what it recognised, or
None. All patterns are compiled once, at import.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import evolve, frozen

from articlekit.common.names import is_name
from articlekit.model import Contributor, Place

__all__ = [
    "AGENCIES",
    "Dateline",
    "clean_byline",
    "dateline_places",
    "is_organisation",
    "match_dateline",
    "parse_byline",
    "split_byline",
]

AGENCIES: frozenset[str] = frozenset(
    """Xinhua|Xinhua News Agency|Reuters|AP|The Associated Press|Associated Press|AFP|Agence France-Presse
    |Agence France Presse|dpa|DPA|Deutsche Presse-Agentur|Bloomberg|Bloomberg News|UPI|United Press International
    |EFE|ANSA|Kyodo|Kyodo News|Jiji|Jiji Press|Yonhap|TASS|RIA Novosti|Interfax|Ukrinform|PA|PA Media
    |Press Association|AAP|Australian Associated Press|CP|The Canadian Press|Canadian Press|Anadolu|Anadolu Agency
    |PTI|IANS|ANI|Bernama|Antara|NTB|TT|Ritzau|STT|APA|Belga|ANP|CTK|PAP|MTI|CNA|China News Service
    |Agencies|IRNA|WAFA|KUNA|SPA|MENA|BSS|APP|NNA|Europa Press|Lusa|Notimex|Telam|Prensa Latina|AP Photo
    |tca|TCA|Tribune Content Agency|KNA|RTT|Dow Jones|AFX|Agence Presse|ATS|SDA|Keystone-SDA|HINA|BTA|Tanjug
    |Sputnik|Xinhuanet|CGTN|China Daily|Global Times""".replace("\n", "")
    .replace("    ", "")
    .split("|")
)
"""News agencies and wire services, as bylines and datelines write them."""

_ORG_WORDS = re.compile(
    r"\b(?:Press|News|Times|Post|Tribune|Journal|Herald|Agency|Service|Daily|Media|Network|Radio|TV|Television"
    r"|Group|Inc|Ltd|Magazine|Gazette|Chronicle|Telegraph|Guardian|Observer|Review|Bureau|Desk|Wire|Staff|staff"
    r"|Reports|reports|Newsroom|Editorial|Board|Team|Correspondents|correspondents|Writers|Agencies|Online"
    r"|Sun|Star|Mail|Mirror|Express|Standard|Independent|Globe|Courier|Register|Bulletin|Examiner|Sentinel"
    r"|Enquirer|Dispatch|Inquirer|Reporter|Reuters|Xinhua|Corp|Company|Association|Institute|University)\b"
)
_ROLE_WORDS = re.compile(
    r"\b(?:writer|Writer|WRITER|editor|Editor|EDITOR|correspondent|Correspondent|CORRESPONDENT|reporter|Reporter"
    r"|REPORTER|columnist|Columnist|contributor|Contributor|critic|Critic|producer|Producer|analyst|Analyst"
    r"|photographer|Photographer|chief|Chief|staff|Staff|STAFF|intern|Intern|journalist|Journalist|fellow|Fellow"
    r"|bureau|Bureau|anchor|Anchor|host|Host|director|Director|manager|Manager)s?\b"
)
# US states and Canadian/Australian provinces as datelines write them: a dateline's second
# part is a region when it is one of these, a country otherwise.
_REGIONS: frozenset[str] = frozenset(
    """Ala.|Alaska|Ariz.|Ark.|Calif.|Colo.|Conn.|Del.|Fla.|Ga.|Hawaii|Idaho|Ill.|Ind.|Iowa|Kan.|Ky.|La.|Maine|Md.
    |Mass.|Mich.|Minn.|Miss.|Mo.|Mont.|Neb.|Nev.|N.H.|N.J.|N.M.|N.Y.|N.C.|N.D.|Ohio|Okla.|Ore.|Pa.|R.I.|S.C.|S.D.
    |Tenn.|Texas|Utah|Vt.|Va.|Wash.|W.Va.|Wis.|Wisc.|Wyo.|D.C.|Tex.|Penn.|Nebr.|Cal.|Alabama|Arizona|Arkansas|California|Colorado|Connecticut
    |Delaware|Florida|Georgia|Illinois|Indiana|Kansas|Kentucky|Louisiana|Maryland|Massachusetts|Michigan|Minnesota
    |Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina
    |North Dakota|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Vermont|Virginia
    |Washington|West Virginia|Wisconsin|Wyoming|Ont.|Ontario|Que.|Quebec|B.C.|British Columbia|Alta.|Alberta
    |Sask.|Saskatchewan|Man.|Manitoba|N.S.|Nova Scotia|N.B.|New Brunswick|Nfld.|P.E.I.|NSW|New South Wales
    |Vic.|Victoria|Qld.|Queensland|Tas.|Tasmania|WA|Western Australia""".replace("\n", "")
    .replace("    ", "")
    .split("|")
)

_DASH = r"(?:--|[-–—―_])"
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
_DL_DATE = _MONTH_ABBR + r"\s+\d{1,2}(?:,\s*\d{4})?"
_CAPS_WORD = r"[A-Z][A-Z.'’\-]+"
_ANY_WORD = r"[A-Z][\w.'’\-]*"
_REGION = r"[A-Z][\w.'’\-]*(?:\s[A-Z][\w.'’\-]*){0,2}"
_AGENCY = r"(?:\((?P<agency>[A-Za-z][\w .&/'’-]{0,40})\)|/(?P<wire>[A-Za-z][\w .&-]{1,40})/)"
_TAIL = r"(?:,\s*(?:(?P<date>" + _DL_DATE + r")|(?P<region>" + _REGION + r")))?(?:,\s*(?P<date2>" + _DL_DATE + r"))?"

# BEIJING, Nov. 28 (Xinhua) -- / KYIV, Ukraine — / MOSCOW/KYIV - / NEW DELHI: / BERLIN, Nov. 27, 2025 /PRNewswire/ --
_DATELINE_CAPS = re.compile(
    r"(?P<places>"
    + _CAPS_WORD
    + r"(?:\s"
    + _CAPS_WORD
    + r"){0,3}(?:\s*/\s*"
    + _CAPS_WORD
    + r"(?:\s"
    + _CAPS_WORD
    + r"){0,3})*)"
    + _TAIL
    + r"\s*"
    + _AGENCY
    + r"?\s*(?:"
    + _DASH
    + r"|:)\s+(?=\S)"
)
# Berlin (dpa) - / Cleveland (AFP) – : mixed case needs the agency to be sure it is a dateline
_DATELINE_AGENCY = re.compile(
    r"(?P<places>"
    + _ANY_WORD
    + r"(?:\s"
    + _ANY_WORD
    + r"){0,3}(?:\s*/\s*"
    + _ANY_WORD
    + r"(?:\s"
    + _ANY_WORD
    + r"){0,3})*)"
    + _TAIL
    + r"\s*"
    + _AGENCY
    + r"\s*"
    + _DASH
    + r"\s+(?=\S)"
)
_AGENCY_ONLY = re.compile(r"\((?P<agency>[A-Za-z][\w .&/-]{1,30})\)\s*" + _DASH + r"\s+(?=\S)")
_NOT_PLACES = frozenset(
    (
        "UPDATE",
        "UPDATED",
        "BREAKING",
        "BREAKING NEWS",
        "EXCLUSIVE",
        "WATCH",
        "PHOTOS",
        "PHOTO",
        "VIDEO",
        "NOTE",
        "CORRECTION",
        "ANALYSIS",
        "OPINION",
        "LIVE",
        "FILE",
        "FILE PHOTO",
        "WARNING",
        "ADVISORY",
        "EDITOR'S NOTE",
        "EDITORS NOTE",
        "NEW",
        "NEWS",
        "URGENT",
        "FLASH",
        "ALERT",
        "COMMENT",
        "REVIEW",
        "INTERVIEW",
        "FACT CHECK",
        "SPOILER",
        "TRANSCRIPT",
        "Q&A",
        "FAQ",
        "PS",
        "NB",
        "UPDATE 1",
        "UPDATE 2",
        "UPDATE 3",
        "REFILE",
    )
)
"""Capitalised lead-ins that are labels, not places (``UPDATE -``, ``EDITOR'S NOTE:``)."""


# --------------------------------------------------------------------------- results


@frozen
class Dateline:
    """A dateline at the start of a paragraph."""

    places: tuple[Place, ...]
    """The places, several for ``MOSCOW/KYIV``."""
    provider: str | None
    """The agency named in it (``Xinhua`` in ``BEIJING, Nov. 28 (Xinhua) --``)."""
    end: int
    """Where the paragraph's own text starts, after the dash and the space."""


# --------------------------------------------------------------------------- bylines
_BYLINE = re.compile(
    r"(?:BYLINE|Byline|By|BY|by|Written by|Story by|Words by|Von)\s*:?\s+(?:(?:By|BY)\s+)?(?P<rest>\S.*?)\s*=?\s*$"
)
_PIPE_BYLINE = re.compile(r"(?P<name>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){1,3})\s*[|｜]\s*(?P<title>\S.{0,60})$")
_AND = re.compile(r"\s*(?:,\s*and\s+|\s+and\s+|\s*&\s*|\s+AND\s+|\s+und\s+)\s*")
_SEGMENTS = re.compile(r"\s*(?:,|\||;|\s[-–—]\s)\s*")
_AGENCY_SUFFIX = re.compile(
    r"^(?P<names>.+?)\s+(?P<rest>(?:The\s+)?(?:"
    + "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True) if len(a) > 3)
    + r"))$"
)
_CAPS_NAME_THEN_ORG = re.compile(r"^(?P<names>[A-Z][A-Z.'’\- ]+?)\s+(?P<rest>[A-Z][a-z].*)$")


def _is_org(text: str) -> bool:
    return text in AGENCIES or text.removeprefix("The ") in AGENCIES or bool(_ORG_WORDS.search(text))


def is_organisation(text: str) -> bool:
    """Whether a credited name is an agency or an outlet by its words (``Reuters``, ``The
    Daily Star``, ``Staff reports``)."""
    return _is_org(text)


def _contributor(name: str, role: str = "author") -> Contributor:
    if _is_org(name) or any(a in name.split() for a in AGENCIES):
        return Contributor(name=name, kind="organisation", role=role)
    return Contributor(name=name, kind="person", role=role)


def parse_byline(line: str) -> list[Contributor] | None:
    """The contributors of a byline (``By Jane Doe and John Roe, Reuters``,
    ``By JANE DOE Associated Press``, ``By Xinhua``, ``Jane Doe | Staff writer``), or None when
    the line is not a byline (``By the time the vote was counted, ...``)."""
    m = _BYLINE.match(line)
    if m is None:
        pipe = _PIPE_BYLINE.match(line)
        if pipe is None or not (_ROLE_WORDS.search(pipe.group("title")) or _is_org(pipe.group("title"))):
            return None
        return _with_extra([pipe.group("name")], [pipe.group("title")])
    rest = m.group("rest")
    if rest.endswith(".") and len(rest.split()[-1]) > 3:
        rest = rest[:-1]  # "By Jane Doe." (but "Jr." and initials keep their dot)
    if len(rest) > 120 or not rest or not (rest[0].isupper() or rest.split()[0] in AGENCIES):
        return None
    segments = [s for s in _SEGMENTS.split(rest) if s]
    names: list[str] = []
    extras: list[str] = []
    for index, segment in enumerate(segments):
        if extras or (index > 0 and (_is_org(segment) or _ROLE_WORDS.search(segment))):
            extras.append(segment)
            continue
        if index == len(segments) - 1:
            # "JANE DOE Associated Press": names, then the organisation without a comma
            suffix = _AGENCY_SUFFIX.match(segment) or _CAPS_NAME_THEN_ORG.match(segment)
            whole = segment in AGENCIES or segment.removeprefix("The ") in AGENCIES
            if (
                suffix is not None
                and segment != segment.upper()
                and not whole
                and (_is_org(suffix.group("rest")) or _ROLE_WORDS.search(suffix.group("rest")))
            ):
                segment = suffix.group("names")
                extras.append(suffix.group("rest"))
        # "ZHANG WEI in Beijing": where the writer filed from is not part of the name
        parts = [_IN_PLACE.sub("", p) for p in _AND.split(segment) if p]
        if not all(is_name(p, rule="credit") or _is_org(p) for p in parts):
            return None
        names.extend(parts)
    if not names or any(not (_is_org(e) or _ROLE_WORDS.search(e) or is_name(e, rule="credit")) for e in extras):
        return None
    return _with_extra(names, extras)


def _with_extra(names: Sequence[str], extras: Sequence[str]) -> list[Contributor]:
    people = [_contributor(n) for n in names]
    for extra in extras:
        people = [_attach(c, extra) for c in people]
    return people


def _attach(contributor: Contributor, extra: str | None) -> Contributor:
    """Add a byline's title (``Staff writer``) or organisation (``Reuters``) to a person."""
    if extra is None or contributor.kind == "organisation":
        return contributor
    if _ROLE_WORDS.search(extra) and extra not in AGENCIES:
        return evolve(contributor, title=contributor.title or extra)
    return evolve(contributor, affiliation=contributor.affiliation or extra)


_BY_PREFIX = re.compile(r"^\s*(?:by|von|par|por|av|af)\s*[:\s]\s*", re.IGNORECASE)


def clean_byline(text: str) -> str:
    """A byline's text without a leading ``By`` (or its German, French, Spanish, Nordic forms)
    and without surrounding punctuation."""
    cleaned = " ".join(text.split())
    cleaned = _BY_PREFIX.sub("", cleaned)
    return cleaned.strip(" ,;:-\u2013\u2014")


def split_byline(byline: str) -> list[tuple[str, str | None]]:
    """The people a byline credits, each with the organisation written after a comma:
    ``Von Christian Hollmann, dpa`` gives ``[("Christian Hollmann", "dpa")]``, ``Jane Doe and
    John Roe`` two names. Slashes (``Geir Molnes / Faktisk.no``, ``gr/bp``) are left alone."""
    cleaned = clean_byline(byline)
    names = [n.strip() for n in re.split(r"\s+(?:and|und|og|och|et|y|&)\s+|;\s*", cleaned) if n.strip()]
    found: list[tuple[str, str | None]] = []
    for name in names:
        head, comma, tail = name.rpartition(",")
        if comma and head.strip() and len(tail.split()) <= 4:
            found.append((head.strip(), tail.strip()))
        else:
            found.append((name, None))
    return found


# --------------------------------------------------------------------------- datelines
def _places(text: str, region: str | None) -> tuple[Place, ...]:
    names = [p.strip() for p in text.split("/") if p.strip()]
    places = [Place(name=n) for n in names]
    if region and places:
        last = places[-1]
        if region in _REGIONS:
            places[-1] = Place(name=last.name, region=region)
        else:
            places[-1] = Place(name=last.name, country=region)
    return tuple(places)


def match_dateline(text: str) -> Dateline | None:
    """The dateline at the start of a paragraph: ``MOSCOW/KYIV -``, ``WASHINGTON (AP) —``,
    ``BEIJING, Nov. 28 (Xinhua) --``, ``LONDON, Nov 27 (Reuters) -``, ``PARIS (AFP) -``,
    ``KYIV, Ukraine —``, ``Berlin (dpa) -``, ``NEW DELHI:``, ``BERLIN, Nov. 27, 2025 /PRNewswire/ --``."""
    if text.startswith("("):
        # "(CNN) — ...": the agency without a place
        only = _AGENCY_ONLY.match(text, 0, 60)
        if only is not None and (only.group("agency") in AGENCIES or only.group("agency").split()[0].isupper()):
            return Dateline(places=(), provider=only.group("agency"), end=only.end())
        return None
    if not text or not text[0].isupper():
        return None
    m = _DATELINE_CAPS.match(text, 0, 160)
    if m is not None:
        places = m.group("places")
        if places in _NOT_PLACES or len(places.replace(".", "")) < 2:
            m = None
        elif m.group("region") and m.group("region").isupper() and len(m.group("region")) > 4:
            m = None  # "UPDATE, BREAKING -": two capital words are a label, not a place and its country
    if m is None:
        m = _DATELINE_AGENCY.match(text, 0, 160)
        if m is None:
            return None
    agency = m.group("agency") or m.group("wire")
    if agency is not None and not (agency.split("/")[-1] in AGENCIES or agency in AGENCIES or agency[0].isupper()):
        return None
    return Dateline(places=_places(m.group("places"), m.group("region")), provider=agency, end=m.end())


# --------------------------------------------------------------------------- related, credits, lists

_NOT_DATELINE_PLACES = re.compile(
    r"^(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\.?$|^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|^\d|^(today|yesterday|tonight)$",
    re.IGNORECASE,
)


def dateline_places(text: str) -> list[Place]:
    """``FORT WASHINGTON, Pa.``, ``MOSCOW, Monday (Reuters)``, ``KYIV/MOSCOW``: the places before
    any parenthesis or dash; a second comma part is a region when abbreviated (``Pa.``), else a
    country, and neither when it is a day or a date."""
    head = re.split(r"[(\u2013\u2014]|\s[-_]\s", text, maxsplit=1)[0].strip(" ,-_")
    parts = [part.strip(" .") if not part.strip().endswith(".") else part.strip() for part in head.split(",")]
    parts = [part for part in parts if part and not _NOT_DATELINE_PLACES.match(part)]
    if not parts:
        return []
    names = [name.strip() for name in parts[0].split("/") if name.strip()]
    region = country = None
    if len(parts) > 1 and len(names) == 1:
        if parts[1].endswith(".") or len(parts[1]) <= 3:
            region = parts[1]
        else:
            country = parts[1]
    return [Place(name=name, region=region, country=country) for name in names]


_IN_PLACE = re.compile(r"\s+(?:in|from|at)\s+[A-Z][\w.'’ -]*$")
