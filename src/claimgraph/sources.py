"""What the user named -> the articles to ingest.

A source is a URL, a file or a folder. Folders expand to the article files they hold, and a
file of URLs (``*.urls``, ``*.lst``, or a ``.txt`` file whose every line is a URL, ``#``
comments allowed) to those URLs; this happens locally, before anything is fetched. A URL is
only known to be a page, an RSS/Atom feed or a sitemap once fetched: :func:`resolve` fetches
it, tells which by the body (not only the declared type, which lies), and returns either the
article, the items a feed or sitemap lists, or the failure with its reason.
"""

from __future__ import annotations

import dataclasses
import io
import logging
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from .errors import SourceError
from .fetch import Fetched, Fetcher, Validators, is_web_url, normalize_url
from .load import Hints, html_to_article, iter_source_files, load_article
from .model import Article
from .sniff import binary_kind, decode_html

log = logging.getLogger("claimgraph.sources")

URL_LIST_SUFFIXES = {".urls", ".lst", ".list"}
HTML_TYPES = {"text/html", "application/xhtml+xml"}
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml"}
XML_TYPES = {"application/xml", "text/xml", *FEED_TYPES}
GZIP_TYPES = {"application/gzip", "application/x-gzip"}
MAX_SITEMAP_DEPTH = 3  # a sitemap index of sitemap indexes of sitemaps, no deeper
MAX_LISTED = 50_000  # URLs taken from one feed or sitemap (the sitemap protocol's own limit)


@dataclass(frozen=True, slots=True)
class Item:
    """One thing to ingest: a URL or a file path, and where it was found."""

    source: str  # the URL or path; failures are recorded under it
    is_url: bool
    hints: Hints | None = None  # from the feed entry that listed it
    via: str = ""  # the feed, sitemap or URL list it was found in
    depth: int = 0  # sitemap nesting

    @property
    def key(self) -> str:
        """Two items with one key are one item (URLs without fragment, paths resolved)."""
        return normalize_url(self.source) if self.is_url else str(Path(self.source).resolve())


@dataclass(frozen=True, slots=True)
class Loaded:
    item: Item
    article: Article
    fetched: Fetched | None = None


@dataclass(frozen=True, slots=True)
class NotModified:
    item: Item
    fetched: Fetched


@dataclass(frozen=True, slots=True)
class Expanded:
    item: Item
    items: tuple[Item, ...]
    what: str  # "feed" | "sitemap"


@dataclass(frozen=True, slots=True)
class Failed:
    item: Item
    error: SourceError


Outcome = Loaded | NotModified | Expanded | Failed


# -- local expansion ------------------------------------------------------------------------


def expand(sources: Iterable[str | Path]) -> tuple[list[Item], list[Failed]]:
    """URLs as they are; folders into their article files; URL-list files into their URLs."""
    items: list[Item] = []
    failed: list[Failed] = []
    for src in sources:
        s = str(src)
        if is_web_url(s):
            items.append(Item(s.strip(), True))
            continue
        for path in iter_source_files([s]):
            if is_url_list(path):
                urls, bad = read_url_list(path)
                items.extend(urls)
                failed.extend(bad)
            else:
                items.append(Item(str(path), False))
    return items, failed


def is_url_list(path: Path) -> bool:
    """A ``*.urls``/``*.lst``/``*.list`` file, or a small ``.txt`` file holding only URLs."""
    suffix = path.suffix.lower()
    if suffix in URL_LIST_SUFFIXES:
        return path.is_file()
    if suffix != ".txt" or not path.is_file() or path.stat().st_size > 5_000_000:
        return False
    try:
        lines = _list_lines(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return False
    return bool(lines) and all(is_web_url(line) and " " not in line for _, line in lines)


def _list_lines(text: str) -> list[tuple[int, str]]:
    return [
        (n, line.strip())
        for n, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]


def read_url_list(path: Path) -> tuple[list[Item], list[Failed]]:
    """The URLs of a URL-list file; a line that is not a URL is a failure of its own."""
    src = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        err = SourceError("the URL list is not UTF-8 text", source=src, kind="encoding")
        return [], [Failed(Item(src, False), err)]
    except OSError as e:
        err = SourceError(f"cannot read the URL list ({e.strerror})", source=src, kind="file")
        return [], [Failed(Item(src, False), err)]
    items, failed = [], []
    for n, line in _list_lines(text):
        if is_web_url(line) and " " not in line:
            items.append(Item(line, True, via=src))
        else:
            where = f"{src}:{n}"
            err = SourceError(f"line {n} is not an http(s) URL: {line[:80]!r}", source=where, kind="file")
            failed.append(Failed(Item(where, False), err))
    return items, failed


# -- resolving one item ---------------------------------------------------------------------


def resolve(item: Item, *, fetcher: Fetcher | None, validators: Validators | None = None) -> Outcome:
    """Read one item: a file into an article; a URL into an article, a list of items, or 304.

    Never raises :class:`SourceError`; a failure comes back as :class:`Failed`.
    """
    try:
        if not item.is_url:
            return Loaded(item, load_article(item.source))
        if fetcher is None:
            raise SourceError("no fetcher to read URLs with", source=item.source, kind="network")
        got = fetcher.fetch(item.source, validators=validators)
        if got.not_modified:
            return NotModified(item, got)
        what, data = classify(got, source=item.source, max_bytes=fetcher.settings.max_bytes)
        if what == "feed":
            return Expanded(item, feed_items(data, got, item), "feed")
        if what == "sitemap":
            return Expanded(item, sitemap_items(data, got, item), "sitemap")
        text, _ = decode_html(data, declared=got.charset, source=item.source)
        hints = item.hints or Hints()
        if got.language and not hints.language:
            hints = dataclasses.replace(hints, language=got.language)
        article = html_to_article(
            text, url=got.final_url, source=item.source, hints=hints, retrieved=got.retrieved
        )
        return Loaded(item, article, got)
    except SourceError as e:
        return Failed(item, e)


def classify(got: Fetched, *, source: str, max_bytes: int) -> tuple[str, bytes]:
    """``("html" | "feed" | "sitemap", body)``; the body is un-gzipped for a ``.xml.gz`` sitemap.

    Raises:
        SourceError: an empty body (``empty``), or one that is not HTML, a feed or a sitemap
            (``not_html``), whatever the ``Content-Type`` said.
    """
    data, ct = got.content, got.content_type
    if not data.strip():
        raise SourceError(f"empty page: HTTP {got.status} with no content", source=source, kind="empty")
    if data.startswith(b"\x1f\x8b") and (ct in GZIP_TYPES or urlsplit(got.final_url).path.endswith(".gz")):
        data = _gunzip(data, source=source, max_bytes=max_bytes)
    binary = binary_kind(data)
    if binary:
        said = f", although the server said {ct}" if ct else ""
        raise SourceError(f"not HTML: the body is {binary}{said}", source=source, kind="not_html")
    root = xml_root(data)
    if root in ("rss", "rdf", "feed", "channel"):
        return "feed", data
    if root in ("urlset", "sitemapindex"):
        return "sitemap", data
    if root == "html" or ct in HTML_TYPES or (not ct and _looks_like_html(data)):
        return "html", data
    if ct in XML_TYPES:
        raise SourceError(
            f"not HTML: {ct} that is neither an RSS/Atom feed nor a sitemap (root element <{root}>)",
            source=source,
            kind="not_html",
        )
    raise SourceError(f"not HTML: the server sent {ct or 'no Content-Type'}", source=source, kind="not_html")


def _gunzip(data: bytes, *, source: str, max_bytes: int) -> bytes:
    d = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(data, max_bytes + 1)
    except zlib.error as e:
        raise SourceError(f"corrupt gzip data ({e})", source=source, kind="feed") from None
    if len(out) > max_bytes:
        raise SourceError(
            f"too large: the sitemap un-gzips to over {max_bytes:,} bytes", source=source, kind="too_large"
        )
    return out


_PROLOG = re.compile(rb"\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.S | re.I)


def xml_root(data: bytes) -> str:
    """The local name of the first element, lower case ("" when there is none)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    m = re.match(rb"<([A-Za-z_][\w:.-]*)", head[_PROLOG.match(head).end() :])  # type: ignore[union-attr]
    return m.group(1).decode("ascii").rsplit(":", 1)[-1].lower() if m else ""


def _looks_like_html(data: bytes) -> bool:
    return bool(re.search(rb"<(html|head|body|p|div|article)\b", data[:8192], re.I))


# -- feeds and sitemaps ---------------------------------------------------------------------


def feed_items(data: bytes, got: Fetched, item: Item) -> tuple[Item, ...]:
    """The entries of an RSS or Atom feed, as page items with the entry's title and date."""
    import feedparser

    parsed: Any = feedparser.parse(
        io.BytesIO(data),
        response_headers={
            "content-type": got.content_type or "application/xml",
            "content-location": got.final_url,
        },
    )
    if not parsed.entries and parsed.bozo:
        raise SourceError(f"not a readable feed ({parsed.bozo_exception})", source=item.source, kind="feed")
    feed = parsed.feed
    outlet, lang = str(feed.get("title") or ""), str(feed.get("language") or "")
    out: list[Item] = []
    for entry in parsed.entries[:MAX_LISTED]:
        link = entry.get("link") or next(
            (lk.get("href") for lk in entry.get("links", ()) if lk.get("rel", "alternate") == "alternate"),
            None,
        )
        if not link:
            log.warning("%s: an entry without a link was skipped (%s)", item.source, entry.get("title", ""))
            continue
        url = urljoin(got.final_url, link.strip())
        if not is_web_url(url):
            log.warning("%s: skipped the entry link %r, not an http(s) URL", item.source, url)
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        hints = Hints(
            title=" ".join(str(entry.get("title") or "").split()),
            outlet=outlet,
            published=date(*when[:3]) if when else None,
            language=lang,
        )
        out.append(Item(url, True, hints=hints, via=item.source))
    return tuple(out)


def sitemap_items(data: bytes, got: Fetched, item: Item) -> tuple[Item, ...]:
    """The URLs of a sitemap, or the sitemaps of a sitemap index (fetched in their turn)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise SourceError(f"not a readable sitemap ({e})", source=item.source, kind="feed") from None
    if root is None:
        raise SourceError("not a readable sitemap (no XML element)", source=item.source, kind="feed")
    index = etree.QName(root).localname.lower() == "sitemapindex"
    if index and item.depth >= MAX_SITEMAP_DEPTH:
        raise SourceError(
            f"sitemap indexes nested deeper than {MAX_SITEMAP_DEPTH} levels", source=item.source, kind="feed"
        )
    out: list[Item] = []
    for el in root.iter("{*}loc"):
        url = urljoin(got.final_url, (el.text or "").strip())
        if is_web_url(url):
            out.append(Item(url, True, via=item.source, depth=item.depth + 1 if index else item.depth))
        if len(out) >= MAX_LISTED:
            break
    return tuple(out)
