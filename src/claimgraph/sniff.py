"""What a body really is, and how to read it as text.

Servers mislabel things: a PDF or an image served as ``text/html``, a Latin-1 page declared
(or not declared) as UTF-8, a page whose UTF-8 is broken half-way. :func:`binary_kind` names
binary bodies by their magic numbers, and :func:`decode_html` turns bytes into text using, in
order, a byte-order mark, the charset declared by the server, the one declared in the page's
``<meta>``, and finally sniffing. A body that no encoding reads cleanly is an error that says
where it broke: claims keep exact character offsets, so mojibake is never stored silently.
"""

from __future__ import annotations

import codecs
import re

from .errors import SourceError

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"RIFF", "a RIFF file (WebP image, WAV or AVI)"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"OggS", "an Ogg audio or video file"),
    (b"ID3", "an MP3 audio file"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""",
    re.I,
)
# One well-formed UTF-8 multi-byte sequence (RFC 3629).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


def binary_kind(data: bytes) -> str | None:
    """What a binary body is ("a PDF document", ...), or None when it may be text."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    for magic, name in _MAGIC:
        if data.startswith(magic):
            if magic == b"RIFF" and data[8:12] == b"WEBP":
                return "a WebP image"
            return name
    if data[4:8] == b"ftyp":
        return "an MP4/QuickTime video or HEIC image"
    if b"\x00" in data[:4096]:
        return "binary data (it contains NUL bytes)"
    return None


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag within its first 4 KiB."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii").strip() if m else None


def _codec(label: str | None) -> str | None:
    """The Python codec for a charset label, or None when Python does not know it."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    # As browsers do (WHATWG Encoding): Latin-1 and ASCII labels mean windows-1252.
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _legacy(data: bytes) -> str:
    """windows-1252 where it is defined, Latin-1 for its five undefined bytes."""
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _first_bad(data: bytes, encoding: str) -> str:
    try:
        data.decode(encoding)
    except UnicodeDecodeError as e:
        return f"byte 0x{data[e.start]:02x} at offset {e.start:,}"
    return "an unknown offset"


def decode_html(data: bytes, *, declared: str | None = None, source: str) -> tuple[str, str]:
    """Decode an HTML (or XML) body; return ``(text, encoding used)``.

    Args:
        data: The raw body, already content-decoded (gzip, brotli).
        declared: The charset from the HTTP ``Content-Type`` header, if any.
        source: The URL or path, for error messages.

    Raises:
        SourceError: ``kind="encoding"`` when no encoding reads the body cleanly, for example
            UTF-8 that breaks part-way through the page.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc.replace("-sig", "")
            except UnicodeDecodeError:
                raise SourceError(
                    f"unreadable encoding: the page starts with a {enc} byte-order mark but "
                    f"is not valid {enc} ({_first_bad(data, enc)})",
                    source=source,
                    kind="encoding",
                ) from None
    label = declared or meta_charset(data)
    codec = _codec(label)
    if codec and codec not in ("utf_8", "utf-8", "utf-16", "utf-16-le", "utf-16-be"):
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            if codec == "cp1252":
                return data.decode("latin-1"), "latin-1"
            raise SourceError(
                f"unreadable encoding: declared {label} but not valid {label} ({_first_bad(data, codec)})",
                source=source,
                kind="encoding",
            ) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _UTF8_MULTIBYTE.search(data):
        # Real UTF-8 characters next to invalid bytes: broken UTF-8, not another encoding.
        said = f"declared {label}" if label else "undeclared"
        raise SourceError(
            f"unreadable encoding: the page is UTF-8 ({said}) but the UTF-8 is broken "
            f"({_first_bad(data, 'utf-8')}); no encoding reads it without garbling the text",
            source=source,
            kind="encoding",
        )
    # No valid UTF-8 sequence at all: a legacy single-byte page, labelled UTF-8 or unlabelled.
    return _legacy(data), "cp1252"
