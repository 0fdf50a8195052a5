"""The load stage: files and folders -> :class:`Article` values.

Text and Markdown files may start with YAML front matter between ``---`` lines (``url``,
``outlet``, ``published``, ``title``); the article text is the body after it. HTML files go
(saved pages) go through :func:`html_to_article`, which the web ingest uses too: trafilatura
for the main text and metadata, htmldate for the publication date, and the canonical URL as
the article's identity. Every failure is a :class:`SourceError`
that names the file and the reason; nothing here touches the network.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import yaml

from .errors import SourceError
from .model import Article
from .sniff import decode_html

log = logging.getLogger("claimgraph.load")

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
        raise SourceError("no such file", source=src, kind="file") from None
    except IsADirectoryError:
        raise SourceError("is a directory", source=src, kind="file") from None
    except OSError as e:
        raise SourceError(f"cannot read file ({e.strerror})", source=src, kind="file") from None
    if len(data) > MAX_BYTES:
        raise SourceError(
            f"file is {len(data):,} bytes, over the {MAX_BYTES:,}-byte limit", source=src, kind="too_large"
        )
    if b"\x00" in data[:8192]:
        raise SourceError("binary file (contains NUL bytes), not an article", source=src, kind="file")
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
            kind="encoding",
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
                f"front matter is not valid YAML ({e.__class__.__name__})", source=source, kind="file"
            ) from None
        if loaded is not None and not isinstance(loaded, dict):
            raise SourceError("front matter must be a mapping of keys to values", source=source, kind="file")
        meta = loaded or {}
        body = raw[m.end() :]
    body = body.lstrip("\n").rstrip()
    if not body.strip():
        raise SourceError("no article text after the front matter", source=source, kind="not_article")
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
        raise SourceError(
            f"published {value!r} is not an ISO date (YYYY-MM-DD)", source=source, kind="file"
        ) from None


def _from_html(data: bytes, p: Path) -> Article:
    src = str(p)
    text, _ = decode_html(data, source=src)
    return html_to_article(text, url=p.resolve().as_uri(), source=src)


@dataclass(frozen=True, slots=True)
class Hints:
    """What a feed entry said about the page it links to; used where the page is silent."""

    title: str = ""
    outlet: str = ""
    published: date | None = None
    language: str = ""


def html_to_article(
    html: str,
    *,
    url: str,
    source: str,
    hints: Hints | None = None,
    retrieved: datetime | None = None,
) -> Article:
    """The article in an HTML page: main text (trafilatura), title, outlet, author, date, language.

    The article's identity is its canonical URL (``<link rel="canonical">``, else ``og:url``),
    resolved against ``url``, so one story reached through two addresses is one article. For a
    page fetched from the web the canonical URL is trusted only on the page's own site (the
    same host or registered domain): a page cannot overwrite another site's article. A saved
    file (``url`` is a ``file:`` URI) has no site of its own, so any http(s) canonical URL is
    taken.

    Args:
        html: The decoded page.
        url: Where the page was read from: the final URL after redirects, or the file's URI.
        source: The file path or URL the user gave, for errors and provenance.
        hints: Title, outlet, date and language from a feed entry, used as fallbacks.
        retrieved: When the page was fetched.

    Raises:
        SourceError: ``kind="not_article"`` when the page has no main text (navigation or
            boilerplate only, or empty).
    """
    import trafilatura

    hints = hints or Hints()
    head = _head_metadata(html)
    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        # htmldate: the original publication date, from the markup and the URL only; an
        # extensive search may take any date in the text, and a wrong date skews every claim
        date_extraction_params={"original_date": True, "extensive_search": False, "outputformat": "%Y-%m-%d"},
    )
    title = _clean_title(getattr(doc, "title", None)) or hints.title
    raw_text = (getattr(doc, "text", None) or "") if doc is not None else ""
    text = _paragraphs(raw_text, title)
    if len(text.split()) < 8:
        raise SourceError(
            "not an article: no article text found in the HTML (navigation only, or empty)",
            source=source,
            kind="not_article",
        )
    meta_date = getattr(doc, "date", None)
    published = _as_date(meta_date, source) if meta_date else hints.published
    return Article(
        text=text,
        url=_canonical_url(head, url, source),
        title=title,
        outlet=str(getattr(doc, "sitename", None) or hints.outlet or ""),
        published=published,
        retrieved=retrieved.isoformat() if retrieved else None,
        language=head.get("lang") or hints.language or str(getattr(doc, "language", None) or "en"),
        source=source,
        author=str(getattr(doc, "author", None) or ""),
    )


def _paragraphs(raw: str, title: str) -> str:
    """Paragraphs separated by blank lines, as in article files; a leading copy of the title goes."""
    paras = [" ".join(line.split()) for line in raw.splitlines()]
    paras = [p for p in paras if p]
    if paras and title and paras[0] == " ".join(title.split()):
        paras = paras[1:]
    return "\n\n".join(paras)


_XML_DECL = re.compile(r"\A\s*<\?xml[^>]*>", re.I)


def _head_metadata(html: str) -> dict[str, str]:
    """Canonical link, og:url and language from the page's markup."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        tree = lxml.html.document_fromstring(_XML_DECL.sub("", html, count=1))
    except (ParserError, ValueError):
        return {}
    out: dict[str, str] = {}
    for link in tree.iterfind(".//link[@rel][@href]"):
        if "canonical" in link.get("rel", "").lower().split():
            out["canonical"] = link.get("href", "").strip()
            break
    for meta in tree.iterfind(".//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or "").lower()
        if key == "og:url" and "og_url" not in out:
            out["og_url"] = meta.get("content", "").strip()
        elif (meta.get("http-equiv") or "").lower() == "content-language" and "lang" not in out:
            out["lang"] = meta.get("content", "").split(",")[0].strip()
    lang = (tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang") or "").strip()
    if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", lang):
        out["lang"] = lang
    return out


def _canonical_url(head: dict[str, str], url: str, source: str) -> str:
    """The canonical URL the page declares, when it may be trusted; else ``url``."""
    from .fetch import is_web_url, normalize_url

    web = is_web_url(url)
    for key in ("canonical", "og_url"):
        href = head.get(key)
        if not href:
            continue
        cand = normalize_url(urljoin(url, href)) if web else href
        if not is_web_url(cand):
            continue
        cand = normalize_url(cand)
        if not web or same_site(cand, url):
            return cand
        log.warning("%s: ignoring the canonical URL %s, which is on another site", source, cand)
    return normalize_url(url) if web else url


def same_site(a: str, b: str) -> bool:
    """Same host (ignoring ``www.``), or the same registered domain.

    >>> same_site("https://www.ledger.example/a", "https://ledger.example/b")
    True
    >>> same_site("https://news.bbc.co.uk/a", "https://www.bbc.co.uk/b")
    True
    >>> same_site("https://evil.co.uk/a", "https://www.bbc.co.uk/b")
    False
    """
    from tld import get_fld

    ha, hb = (re.sub(r"^www\.", "", urlsplit(u).hostname or "") for u in (a, b))
    if ha and ha == hb:
        return True
    fa, fb = (get_fld(u, fail_silently=True) for u in (a, b))
    return bool(fa) and fa == fb
