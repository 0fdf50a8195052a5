"""A real HTTP server on 127.0.0.1 for the web-ingest tests.

It serves corpus articles as news pages (title, og:site_name, canonical link,
article:published_time, author, navigation and footer boilerplate), an RSS feed, an Atom feed,
a sitemap index and sitemap, robots.txt, and the bad cases the fetcher must survive. Pages
answer conditional requests (ETag, Last-Modified) and compress with gzip or brotli when asked.
Every request is logged, so tests can count what the client really did.

Nothing here reaches beyond loopback, and :func:`loopback_only` makes any attempt to do so
from the test process a test failure.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import brotli

from claimgraph.fetch import FetchSettings
from claimgraph.load import load_article

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
LAST_MODIFIED = formatdate(1_790_000_000, usegmt=True)

# Settings that keep the bad cases quick: a 1 s read timeout, one retry, a 2 MB body limit.
FAST = FetchSettings(
    connect_timeout=2,
    read_timeout=1,
    total_timeout=10,
    retries=1,
    backoff=0.05,
    max_backoff=0.2,
    max_retry_after=2,
    max_bytes=2 * 1024 * 1024,
    trust_env=False,
)

# An article written for these tests, with accented words, for the encoding cases.
CAFE_TITLE = "Zürich café owners say rents rose 18% in a year"
CAFE_TEXT = [
    "Café owners in Zürich say their rents rose by 18% over the past year, according to a survey "
    "published on Monday by the city's association of restaurateurs.",
    "The association, which speaks for about 1,200 cafés and bistros, said that one in five of its "
    "members expected to close or move to cheaper premises before the end of 2027.",
    "“We are not asking for favours, only for a fair rent,” said Renée Brändli, who runs a café "
    "near the lake and chairs the association's tenants' committee.",
]


@dataclass
class Page:
    """An article page the server renders from a title, an outlet and paragraphs."""

    title: str
    outlet: str
    published: str
    paragraphs: list[str]
    author: str = "Sam Okafor"

    def etag(self) -> str:
        return '"' + hashlib.sha256(repr(self).encode()).hexdigest()[:16] + '"'


@dataclass
class Logged:
    path: str
    status: int
    headers: dict[str, str]
    at: float
    sent: int = 0  # body bytes written


@dataclass
class Site:
    """What the server serves, and what it saw. Tests may change pages and feeds between runs."""

    port: int = 0
    pages: dict[str, Page] = field(default_factory=dict)
    feed: list[str] = field(default_factory=list)  # page paths listed in /feed.xml and /atom.xml
    log: list[Logged] = field(default_factory=list)
    hits: dict[str, int] = field(default_factory=dict)
    in_flight: int = 0
    max_in_flight: int = 0
    flaky_until: dict[str, int] = field(default_factory=dict)  # path -> requests that fail first
    release: threading.Event = field(default_factory=threading.Event)  # ends stalled responses
    stall: set[str] = field(default_factory=set)  # paths that stall (until release) before answering
    robots: str = "User-agent: *\nDisallow: /private/\n"
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def requests(self, path: str, status: int | None = None) -> list[Logged]:
        with self.lock:
            return [r for r in self.log if r.path == path and (status is None or r.status == status)]

    def statuses(self, prefix: str = "/news/") -> list[int]:
        with self.lock:
            return [r.status for r in self.log if r.path.startswith(prefix)]

    def clear_log(self) -> None:
        with self.lock:
            self.log.clear()


def corpus_pages(story: str) -> dict[str, Page]:
    """The corpus articles of one story as pages at ``/news/<story>/<file stem>``."""
    out = {}
    for p in sorted((CORPUS / story).glob("*.md")):
        a = load_article(p)
        out[f"/news/{story}/{p.stem}"] = Page(
            a.title, a.outlet, a.published.isoformat() if a.published else "", a.text.split("\n\n")
        )
    return out


def render(page: Page, canonical: str, *, charset: str = "utf-8", meta_charset: bool = True) -> str:
    e = html.escape
    paras = "\n".join(f"<p>{e(p)}</p>" for p in page.paragraphs)
    meta = f'<meta charset="{charset}">' if meta_charset else ""
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head>{meta}
<title>{e(page.title)} | {e(page.outlet)}</title>
<link rel="canonical" href="{e(canonical)}">
<meta property="og:site_name" content="{e(page.outlet)}">
<meta property="og:title" content="{e(page.title)}">
<meta property="article:published_time" content="{page.published}T07:30:00Z">
<meta name="author" content="{e(page.author)}">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><article><h1>{e(page.title)}</h1><p class="byline">By {e(page.author)}</p>
{paras}
</article>
<aside><h2>Most read</h2><ul><li><a href="/x">Council approves new bins</a></li>
<li><a href="/y">Local team wins the cup</a></li></ul></aside></main>
<footer><p>© 2026 {e(page.outlet)}. All rights reserved.</p><a href="/privacy">Privacy</a>
<a href="/terms">Terms</a></footer></body></html>"""


NAV_ONLY = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sections | The Daily</title>
</head><body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a> <a href="/contact">Contact us</a></footer>
</body></html>"""

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00" + bytes(64)
PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" + b"0" * 2000 + b"\n%%EOF\n"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        site = self.server.site
        path = self.path.split("?", 1)[0]
        with site.lock:
            site.in_flight += 1
            site.max_in_flight = max(site.max_in_flight, site.in_flight)
            site.hits[path] = site.hits.get(path, 0) + 1
            hit = site.hits[path]
        self._entry = Logged(path, 0, {k.lower(): v for k, v in self.headers.items()}, time.monotonic())
        with site.lock:
            site.log.append(self._entry)  # before answering: the client may look as soon as it has the answer
        try:
            if path in site.stall:
                site.release.wait(30)
            self._route(site, path, hit)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            with site.lock:
                site.in_flight -= 1

    # -- responses ----------------------------------------------------------------------

    def _send(
        self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8", **headers: str
    ) -> None:
        self._entry.status = status
        self.send_response(status)
        if status != 304:
            self.send_header("Content-Type", ctype)
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self._entry.sent = len(body)

    def _redirect(self, to: str, status: int = 301) -> None:
        self._send(status, b"", Location=to)

    def _page(self, page: Page, canonical_path: str) -> None:
        site = self.server.site
        etag = page.etag()
        h = self._entry.headers
        if h.get("if-none-match") == etag or (
            "if-none-match" not in h and h.get("if-modified-since") == LAST_MODIFIED
        ):
            self._send(304, ETag=etag, Last_Modified=LAST_MODIFIED)
            return
        body = render(page, site.url(canonical_path)).encode("utf-8")
        enc = h.get("accept-encoding", "")
        extra: dict[str, str] = {"ETag": etag, "Last_Modified": LAST_MODIFIED, "Vary": "Accept-Encoding"}
        if "br" in enc:
            body, extra["Content_Encoding"] = brotli.compress(body), "br"
        elif "gzip" in enc:
            body, extra["Content_Encoding"] = gzip.compress(body), "gzip"
        self._send(200, body, **extra)

    def _stream(self, total: int, *, declare: bool) -> None:
        """``total`` bytes of HTML in 64 KiB chunks; close-delimited unless ``declare``."""
        self._entry.status = 200
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if declare:
            self.send_header("Content-Length", str(total))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        chunk = b"<p>" + b"filler text " * 5460 + b"</p>\n"
        sent = 0
        while sent < total:
            part = chunk[: total - sent]
            self.wfile.write(part)
            sent += len(part)
            self._entry.sent = sent

    def _route(self, site: Site, path: str, hit: int) -> None:
        page = site.pages.get(path)
        if path == "/robots.txt":
            if site.robots == "500":
                self._send(500, b"oops", "text/plain")
            elif site.robots == "404":
                self._send(404, b"not found", "text/plain")
            else:
                self._send(200, site.robots.encode(), "text/plain")
        elif page is not None:
            self._page(page, path)
        elif path.startswith("/amp/") and path[4:] in site.pages:
            self._page(site.pages[path[4:]], path[4:])  # another address, canonical to the first
        elif path.startswith("/go/"):
            self._redirect(site.url("/news/" + path[4:]))
        elif path == "/feed.xml":
            self._send(200, self._rss(site), "application/rss+xml; charset=utf-8")
        elif path == "/atom.xml":
            self._send(200, self._atom(site), "text/html")  # mislabelled: sniffed as a feed
        elif path == "/sitemap-index.xml":
            body = f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{site.url("/sitemap.xml.gz")}</loc></sitemap></sitemapindex>"""
            self._send(200, body.encode(), "application/xml")
        elif path == "/sitemap.xml.gz":
            urls = "".join(f"<url><loc>{escape(site.url(p))}</loc></url>" for p in site.feed)
            body = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>"""
            self._send(200, gzip.compress(body.encode()), "application/x-gzip")
        elif path in site.flaky_until:
            if hit <= site.flaky_until[path]:
                self._send(503 if path.endswith("down") else 500, b"<h1>Server error</h1>")
            else:
                self._page(_cafe(), path)
        elif path == "/bad/busy":  # 429 with Retry-After: 1, then the page
            if hit == 1:
                self._send(429, b"slow down", "text/plain", Retry_After="1")
            else:
                self._page(_cafe(), path)
        elif path == "/bad/busy-long":
            self._send(429, b"slow down", "text/plain", Retry_After="3600")
        elif path == "/bad/slow":
            site.release.wait(5)
            self._page(_cafe(), path)
        elif path == "/bad/loop-a":
            self._redirect("/bad/loop-b", 302)
        elif path == "/bad/loop-b":
            self._redirect(site.url("/bad/loop-a"), 302)
        elif path == "/bad/huge":
            self._stream(50 * 1024 * 1024, declare=False)
        elif path == "/bad/huge-declared":
            self._stream(50 * 1024 * 1024, declare=True)
        elif path == "/bad/pdf":
            self._send(200, PDF, "text/html")
        elif path == "/bad/png":
            self._send(200, PNG, "text/html; charset=utf-8")
        elif path == "/bad/latin1":
            body = render(_cafe(), site.url(path), charset="iso-8859-1").encode("cp1252")
            self._send(200, body, "text/html; charset=iso-8859-1")
        elif path == "/bad/latin1-undeclared":
            body = render(_cafe(), site.url(path), meta_charset=False).encode("cp1252")
            self._send(200, body, "text/html")
        elif path == "/bad/broken-utf8":
            body = render(_cafe(), site.url(path)).encode("utf-8")
            cut = body.index("Brändli".encode()) + 3  # "Br" and the first byte of "ä"
            self._send(200, body[:cut] + body[cut + 1 :])  # the second byte dropped
        elif path == "/bad/empty":
            self._send(200, b"")
        elif path == "/bad/nav-only":
            self._send(200, NAV_ONLY.encode())
        elif path == "/bad/json":
            self._send(200, b'{"articles": []}', "application/json")
        else:
            self._send(404, b"<h1>Not Found</h1>")

    def _rss(self, site: Site) -> bytes:
        items = "".join(
            f"<item><title>{escape(site.pages[p].title)}</title><link>{escape(p)}</link>"
            f"<pubDate>{formatdate(1_790_000_000, usegmt=True)}</pubDate></item>"
            for p in site.feed
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>Test Wire</title><link>{site.url('/')}</link><description>Latest</description>"
            f"<language>en-gb</language>{items}</channel></rss>"
        ).encode()

    def _atom(self, site: Site) -> bytes:
        entries = "".join(
            f'<entry><title>{escape(site.pages[p].title)}</title><link href="{escape(site.url(p))}"/>'
            f"<id>{escape(site.url(p))}</id><updated>2026-09-16T08:00:00Z</updated></entry>"
            for p in site.feed
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Test Wire</title><id>{site.url('/')}</id><updated>2026-09-16T08:00:00Z</updated>"
            f"{entries}</feed>"
        ).encode()


def _cafe() -> Page:
    return Page(CAFE_TITLE, "Lake Courier", "2026-10-05", list(CAFE_TEXT))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    site: Site

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # the client hung up (a stopped download, a closed keep-alive): expected here
        super().handle_error(request, client_address)


@contextmanager
def serve(site: Site | None = None) -> Iterator[Site]:
    """Run a server for ``site`` on 127.0.0.1 (a free port) for the duration of the block."""
    site = site or Site()
    server = _Server(("127.0.0.1", 0), _Handler)
    server.site = site
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


@contextmanager
def running_site(story: str = "river-flood") -> Iterator[Site]:
    """A served site with one corpus story in its feed and the flaky cases set up, loopback only."""
    with loopback_only() as refused, serve(Site(pages=corpus_pages(story))) as s:
        s.feed = list(s.pages)
        s.flaky_until = {"/bad/flaky": 1, "/bad/down": 99}
        yield s
    assert not refused, f"a test tried to reach beyond loopback: {refused}"


_LOOPBACK = {"127.0.0.1", "::1", "localhost"}


@contextmanager
def loopback_only() -> Iterator[list[str]]:
    """Record (and refuse) every connection from this process to anything but loopback."""
    refused: list[str] = []
    real_connect: Callable[..., Any] = socket.socket.connect
    real_connect_ex: Callable[..., Any] = socket.socket.connect_ex

    def check(address: Any) -> None:
        host = address[0] if isinstance(address, tuple) else str(address)
        if isinstance(address, tuple) and host not in _LOOPBACK:
            refused.append(str(address))
            raise OSError(f"test tried to reach beyond loopback: {address}")

    def connect(self: socket.socket, address: Any) -> None:
        check(address)
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        check(address)
        return int(real_connect_ex(self, address))

    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    try:
        yield refused
    finally:
        socket.socket.connect = real_connect  # type: ignore[method-assign]
        socket.socket.connect_ex = real_connect_ex  # type: ignore[method-assign]
