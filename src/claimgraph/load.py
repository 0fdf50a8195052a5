"""The load stage: files and folders -> :class:`Article` values.

Text and Markdown files may start with YAML front matter between ``---`` lines (``url``,
``outlet``, ``published``, ``title``); the article text is the body after it. HTML files go
through trafilatura for the main text and metadata. Every failure is a :class:`SourceError`
that names the file and the reason; nothing here touches the network.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from .errors import SourceError
from .model import Article

TEXT_SUFFIXES = {".md", ".markdown", ".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MAX_BYTES = 20 * 1024 * 1024
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def iter_source_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Expand folders into the article files they hold (sorted), keep files as given.

    ``gold.yaml`` and other non-article files inside folders are skipped; a file named
    explicitly is always returned, so that reading it can report why it is not an article.
    """
    for p in map(Path, paths):
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES:
                    if not any(part.startswith(".") for part in child.relative_to(p).parts):
                        yield child
        else:
            yield p


def load_article(path: str | Path) -> Article:
    """Read one file as an :class:`Article`.

    Raises:
        SourceError: the file is missing, too large, binary, not decodable, or has no text.
    """
    p = Path(path)
    src = str(p)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise SourceError("no such file", source=src) from None
    except IsADirectoryError:
        raise SourceError("is a directory", source=src) from None
    except OSError as e:
        raise SourceError(f"cannot read file ({e.strerror})", source=src) from None
    if len(data) > MAX_BYTES:
        raise SourceError(f"file is {len(data):,} bytes, over the {MAX_BYTES:,}-byte limit", source=src)
    if b"\x00" in data[:8192]:
        raise SourceError("binary file (contains NUL bytes), not an article", source=src)
    if p.suffix.lower() in HTML_SUFFIXES or data.lstrip()[:15].lower().startswith(
        (b"<!doctype html", b"<html")
    ):
        return _from_html(data, p)
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise SourceError(
            f"not valid UTF-8 (bad byte 0x{data[e.start]:02x} at offset {e.start}); re-save the file as UTF-8",
            source=src,
        ) from None
    return parse_text_article(raw, source=src, default_url=p.resolve().as_uri())


def parse_text_article(raw: str, *, source: str, default_url: str) -> Article:
    """Split YAML front matter from the body and build the article."""
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    meta: dict[str, Any] = {}
    body = raw
    m = _FRONT_MATTER.match(raw)
    if m:
        try:
            loaded = yaml.safe_load(m.group(1))
        except yaml.YAMLError as e:
            raise SourceError(
                f"front matter is not valid YAML ({e.__class__.__name__})", source=source
            ) from None
        if loaded is not None and not isinstance(loaded, dict):
            raise SourceError("front matter must be a mapping of keys to values", source=source)
        meta = loaded or {}
        body = raw[m.end() :]
    body = body.lstrip("\n").rstrip()
    if not body.strip():
        raise SourceError("no article text after the front matter", source=source)
    return Article(
        text=body,
        url=str(meta.get("url") or default_url),
        title=_clean_title(meta.get("title")),
        outlet=str(meta.get("outlet") or ""),
        published=_as_date(meta.get("published"), source),
        language=str(meta.get("language") or "en"),
        source=source,
    )


def _clean_title(value: Any) -> str:
    return " ".join(str(value).split()) if value else ""


def _as_date(value: Any, source: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise SourceError(f"published {value!r} is not an ISO date (YYYY-MM-DD)", source=source) from None


def _from_html(data: bytes, p: Path) -> Article:
    import trafilatura

    src = str(p)
    doc = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False, favor_precision=True)
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(text.split()) < 8:
        raise SourceError("no article text found in the HTML (navigation only, or empty)", source=src)
    meta_date = getattr(doc, "date", None)
    return Article(
        text=text,
        url=str(getattr(doc, "url", None) or p.resolve().as_uri()),
        title=_clean_title(getattr(doc, "title", None)),
        outlet=str(getattr(doc, "sitename", None) or ""),
        published=_as_date(meta_date, src) if meta_date else None,
        language=str(getattr(doc, "language", None) or "en"),
        source=src,
    )
