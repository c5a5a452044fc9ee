"""Turning bytes into text without mojibake: BOMs, declared charsets, UTF-8, legacy Windows
code pages, and detection as the last resort."""

from __future__ import annotations

import codecs
import re

__all__ = ["decode", "looks_binary", "normalise_charset", "text_head", "transport_charset", "unmarked_utf16"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_TRANSPORT_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# bytes 0x80-0x9F are C1 controls in Latin-1 but typographic quotes and dashes in cp1252
_C1 = re.compile(rb"[\x80-\x9f]")
_CONTROL = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])
"""Control bytes that plain text does not hold (tab, line ends, form feed and ESC aside)."""
_WIDE_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x80-\x9f\ufffd]")
"""What ``_CONTROL`` counts, C1 controls and the replacement character, in a decoded text."""
_HEADER = 32
"""Where a binary format's magic number and header, and so its first NUL byte, stand."""


def normalise_charset(name: str) -> str | None:
    """The codec's canonical name (``latin-1`` becomes ``iso8859-1``), or None when Python does
    not know the name or it is no text encoding (``rot13``, ``base64``, ``zlib``: codecs from
    bytes to bytes, which a page may declare but nothing can decode text with)."""
    try:
        codec = codecs.lookup(name.strip().strip("'\""))
    except (LookupError, ValueError):
        return None
    try:
        b"\0\0\0\0".decode(codec.name)  # a LookupError for a codec that is not a text encoding
    except LookupError:
        return None
    except UnicodeError:  # (punycode's and idna's errors are UnicodeErrors, no UnicodeDecodeErrors)
        pass  # a text encoding all the same
    return codec.name


_ORDERED_UTF16 = frozenset({"utf-16-le", "utf-16-be"})
"""The UTF-16 charsets a caller can name that say which byte comes first."""
_UTF16_PROBE = 64
"""How many bytes of a text ``unmarked_utf16`` reads: 32 characters."""
_UTF16_TEXT = frozenset(bytes([0x09, 0x0A, 0x0D, *range(0x20, 0x7F), *range(0xA0, 0x100)]))
"""The characters below U+0100 a text begins with: tab, line ends, printable ASCII and Latin-1
(a UTF-16 text's every other byte is then NUL; a C0 or C1 control is no text's)."""


def unmarked_utf16(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``data`` is a text in UTF-16 without a byte-order mark,
    else None. Such a text (a page saved by an old Windows tool) begins with characters below
    U+0100 as nearly every page and many texts do: its first 32 characters are tab, line ends,
    printable ASCII or Latin-1, so one byte in two is NUL, always at the same parity. Binary data
    (whose header mixes NULs with other bytes), UTF-32 (three NULs in four bytes) and UTF-8 text
    holding a few stray NULs fail that test; a text beginning with other characters (Cyrillic,
    CJK) is not recognised without its mark."""
    head = data[: min(len(data), _UTF16_PROBE) // 2 * 2]  # (whole characters: a head may end inside one)
    if len(head) < 16 or data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if not any(head[1::2]) and all(c in _UTF16_TEXT for c in head[0::2]):
        return "utf-16-le"
    if not any(head[0::2]) and all(c in _UTF16_TEXT for c in head[1::2]):
        return "utf-16-be"
    return None


def text_head(head: bytes) -> bytes:
    """The first bytes of an input as a sniffer reads them: a head in UTF-16 or UTF-32 with its
    byte-order mark, or in UTF-16 without one, re-encoded in UTF-8 (without a character the head
    ends inside); any other head as it is."""
    for bom, name in _BOMS:  # (UTF-32's marks first: UTF-32-LE's begins with UTF-16-LE's)
        if name != "utf-8-sig" and head.startswith(bom):
            return _recoded(head, name)
    wide = unmarked_utf16(head)
    return head if wide is None else _recoded(head, wide)


def _recoded(head: bytes, codec: str) -> bytes:
    """A head in UTF-16 or -32 in UTF-8, its last character dropped when the head ends inside it."""
    width = 4 if codec.startswith("utf-32") else 2
    return head[: len(head) // width * width].decode(codec, "replace").encode("utf-8", "replace")


def looks_binary(data: bytes, *, allow_controls: bytes = b"") -> bool:
    """True when the bytes are plainly not text: a NUL byte at the very start (binary formats open
    with a magic number and a header holding them), or NULs and other control characters making up more than 1% of
    the first 64 KiB. A few stray NULs or control bytes further in, as real saved pages hold, do
    not make a text binary; text in UTF-16/32 with a BOM never is; one in UTF-16 without one
    (``unmarked_utf16``) is when its characters hold that share of controls (C0, C1, and the
    replacement character, for bytes that are no UTF-16). ``allow_controls`` lists
    control bytes the format uses (wire copy uses SOH, STX, ETX and friends)."""
    sample = data[:65536]
    if any(sample.startswith(bom) for bom, _ in _BOMS):
        return False
    wide = unmarked_utf16(sample)
    if wide is not None:
        # the same share, of the characters: a text in UTF-16 after its first 32 is no binary
        # data (whose code units give C0 and C1 controls and halves of surrogate pairs)
        text = sample[: len(sample) // 2 * 2].decode(wide, "replace")
        found = len(_WIDE_CONTROL.findall(text)) - sum(text.count(chr(c)) for c in set(allow_controls))
        return found > max(8, len(text) // 100)
    if b"\x00" in sample[:_HEADER]:
        return True
    counted = bytes(c for c in _CONTROL if c not in allow_controls) if allow_controls else _CONTROL
    controls = len(sample) - len(sample.translate(None, counted))  # how many bytes it deletes
    return controls > max(8, len(sample) // 100)


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, charset)``.

    The order: a byte-order mark (or a text in UTF-16 without one, ``unmarked_utf16``, unless
    the ``declared`` charset names its byte order, ``utf-16-le`` or ``utf-16-be``: any other,
    ``utf-16`` without an order included, gives way to what the bytes show); the ``declared`` charset if Python knows
    it and the bytes decode with it; strict UTF-8; Windows-1252 for bytes that decode with it
    (legacy Western wire copy); then charset-normalizer's detection; and Latin-1, which never
    fails, last.
    The BOM, if any, is not part of the text.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), "utf-8" if name == "utf-8-sig" else name
    wide = unmarked_utf16(data)
    if wide is not None and normalise_charset(declared or "") not in _ORDERED_UTF16:
        # (only a charset naming the byte order wins: a bare "utf-16" would be read little-endian,
        # and "utf-32", or any single-byte charset, cannot be what these bytes are in)
        return data.decode(wide, errors="replace"), wide
    if declared:
        codec = normalise_charset(declared)
        if codec is not None:
            # a page that says iso-8859-1 almost always means windows-1252 (as browsers read it)
            if codec in ("iso8859-1", "ascii"):
                codec = "cp1252"
            try:
                return data.decode(codec), codec
            except UnicodeError:  # (punycode, idna: a UnicodeError that is no UnicodeDecodeError)
                pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    high = sum(1 for b in data[:65536] if b >= 0x80)
    sample_len = max(1, min(len(data), 65536))
    if high / sample_len < 0.3:
        # mostly ASCII with a few accented letters or typographic marks: a Western code page
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            if not _C1.search(data):
                return data.decode("iso8859-1"), "iso8859-1"
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:262144]).best()
        if best is not None:
            codec = normalise_charset(best.encoding) or best.encoding
            try:
                return data.decode(codec), codec
            except (UnicodeError, LookupError):
                pass
    except ImportError:  # pragma: no cover - a dependency, but stay usable without it
        pass
    return data.decode("iso8859-1"), "iso8859-1"


def transport_charset(payload: bytes, content_type: str | None) -> tuple[bytes, str | None]:
    """The page as UTF-8 with a byte-order mark when HTTP declared its charset, and that charset.

    HTML's own order: a byte-order mark, then the charset HTTP declared, then the page's
    ``<meta>``. The header is gone once the page leaves its response, so the page is handed on
    decoded by it, behind the one mark every HTML parser obeys. A page said to be in another
    charset that is valid UTF-8 is left alone (servers label UTF-8 pages with their Latin-1
    default); Latin-1 and ASCII are read as Windows-1252, as browsers do.
    """
    charset = None
    for parameter in (content_type or "").split(";")[1:]:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset" and value.strip(" \t\"'"):
            charset = normalise_charset(value.strip(" \t\"'"))
            break
    if charset is None or payload.startswith(_TRANSPORT_BOMS):
        return payload, None
    if charset == "utf-16":
        # no byte order named, and no mark: the bytes show it (Python would read little-endian)
        charset = unmarked_utf16(payload) or charset
    if charset != "utf-8" and not payload.isascii():
        try:
            payload.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return payload, None
    for codec in ("cp1252", "latin-1") if charset in ("iso8859-1", "ascii") else (charset,):
        try:
            return codecs.BOM_UTF8 + payload.decode(codec).encode("utf-8"), codec
        except (UnicodeDecodeError, LookupError):
            continue
    return payload, None  # the header is wrong: let the page speak for itself
