"""Fetching, sniffing and reading pages against a real HTTP server on 127.0.0.1 (no spaCy)."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from claimgraph.errors import SourceError
from claimgraph.fetch import Fetched, Fetcher, Validators
from claimgraph.load import Hints, html_to_article, load_article
from claimgraph.sniff import binary_kind, decode_html
from claimgraph.sources import Item, classify, expand, resolve

from .webserver import CAFE_TEXT, FAST, PDF, PNG, Site, loopback_only, running_site


@pytest.fixture
def site() -> Iterator[Site]:
    with running_site() as s:
        yield s


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FAST) as f:
        yield f


def _fail(fetcher: Fetcher, url: str) -> SourceError:
    with pytest.raises(SourceError) as e:
        fetcher.fetch(url)
    assert e.value.source == url
    return e.value


# -- fetch ----------------------------------------------------------------------------------


def test_page_is_fetched_compressed_with_a_descriptive_user_agent(site: Site, fetcher: Fetcher) -> None:
    got = fetcher.fetch(site.url("/news/river-flood/ebc-news"))
    assert got.status == 200 and got.content_type == "text/html" and got.charset == "utf-8"
    assert b"River Marn" in got.content  # decoded from brotli
    (req,) = site.requests("/news/river-flood/ebc-news")
    assert "br" in req.headers["accept-encoding"] and "gzip" in req.headers["accept-encoding"]
    assert req.headers["user-agent"].startswith("claimgraph/") and "robots.txt" in req.headers["user-agent"]
    assert got.etag and got.last_modified and got.retrieved is not None
    # robots.txt was asked once for the origin
    assert len(site.requests("/robots.txt")) == 1


def test_conditional_request_gets_304(site: Site, fetcher: Fetcher) -> None:
    url = site.url("/news/river-flood/ebc-news")
    first = fetcher.fetch(url)
    again = fetcher.fetch(url, validators=first.validators)
    assert again.not_modified and again.content == b""
    req = site.requests("/news/river-flood/ebc-news")[-1]
    assert req.status == 304 and req.headers["if-none-match"] == first.etag
    assert req.headers["if-modified-since"] == first.last_modified


def test_500_then_200_is_retried(site: Site, fetcher: Fetcher) -> None:
    got = fetcher.fetch(site.url("/bad/flaky"))
    assert got.status == 200
    assert [r.status for r in site.requests("/bad/flaky")] == [500, 200]


def test_5xx_until_retries_run_out(site: Site, fetcher: Fetcher) -> None:
    e = _fail(fetcher, site.url("/bad/down"))
    assert (e.kind, e.reason) == ("http", "HTTP 503 Service Unavailable, after 2 attempts")


def test_429_waits_as_long_as_retry_after_says(site: Site, fetcher: Fetcher) -> None:
    got = fetcher.fetch(site.url("/bad/busy"))
    assert got.status == 200
    first, second = site.requests("/bad/busy")
    assert first.status == 429 and second.status == 200
    assert second.at - first.at >= 0.95  # Retry-After: 1, not the 0.05 s backoff


def test_429_with_a_long_retry_after_fails_at_once(site: Site, fetcher: Fetcher) -> None:
    t = time.monotonic()
    e = _fail(fetcher, site.url("/bad/busy-long"))
    assert time.monotonic() - t < 1
    assert e.kind == "http" and "429" in e.reason and "retry after 3600 s" in e.reason
    assert len(site.requests("/bad/busy-long")) == 1


def test_404(site: Site, fetcher: Fetcher) -> None:
    e = _fail(fetcher, site.url("/bad/missing"))
    assert (e.kind, e.reason) == ("http", "HTTP 404 Not Found")
    assert len(site.requests("/bad/missing")) == 1  # a 404 is not retried


def test_slow_response_times_out(site: Site, fetcher: Fetcher) -> None:
    t = time.monotonic()
    e = _fail(fetcher, site.url("/bad/slow"))
    assert e.kind == "timeout" and "read timeout" in e.reason and "after 2 attempts" in e.reason
    assert time.monotonic() - t < 4


def test_redirect_loop(site: Site, fetcher: Fetcher) -> None:
    e = _fail(fetcher, site.url("/bad/loop-a"))
    assert e.kind == "redirects"
    assert e.reason == (
        f"redirect loop: {site.url('/bad/loop-a')} -> {site.url('/bad/loop-b')} -> {site.url('/bad/loop-a')}"
    )


def test_redirect_limit(site: Site) -> None:
    with Fetcher(dataclasses.replace(FAST, max_redirects=0)) as f:
        e = _fail(f, site.url("/go/river-flood/ebc-news"))
    assert e.kind == "redirects" and "too many redirects (more than 0)" in e.reason


def test_redirect_is_followed(site: Site, fetcher: Fetcher) -> None:
    got = fetcher.fetch(site.url("/go/river-flood/ebc-news"))
    assert got.url == site.url("/go/river-flood/ebc-news")
    assert got.final_url == site.url("/news/river-flood/ebc-news")


@pytest.mark.parametrize(
    ("path", "said"),
    [("/bad/huge", "while downloading"), ("/bad/huge-declared", "the server announces 52,428,800 bytes")],
)
def test_50_mb_body_is_cut_off(site: Site, fetcher: Fetcher, path: str, said: str) -> None:
    t = time.monotonic()
    e = _fail(fetcher, site.url(path))
    assert e.kind == "too_large" and said in e.reason and "2,097,152-byte limit" in e.reason
    assert time.monotonic() - t < 5
    time.sleep(0.2)  # let the server notice the closed connection
    (req,) = site.requests(path)
    assert req.sent < 20 * 1024 * 1024  # the client stopped reading long before 50 MB


def test_robots_txt_disallow(site: Site, fetcher: Fetcher) -> None:
    e = _fail(fetcher, site.url("/private/story"))
    assert e.kind == "robots" and "disallows this URL" in e.reason and "--ignore-robots" in e.reason
    assert site.requests("/private/story") == []
    with Fetcher(dataclasses.replace(FAST, respect_robots=False)) as f:
        assert _fail(f, site.url("/private/story")).reason == "HTTP 404 Not Found"


def test_robots_txt_404_allows_and_5xx_disallows(site: Site) -> None:
    site.robots = "404"
    with Fetcher(FAST) as f:
        assert f.fetch(site.url("/news/river-flood/ebc-news")).status == 200
    site.robots = "500"
    with Fetcher(FAST) as f:
        e = _fail(f, site.url("/news/river-flood/ebc-news"))
    assert e.kind == "robots" and "robots.txt could not be read (HTTP 500" in e.reason


# -- what the body is ------------------------------------------------------------------------


def _fetched(content: bytes, ctype: str = "text/html", url: str = "https://x.example/a") -> Fetched:
    return Fetched(url, url, 200, content, ctype)


@pytest.mark.parametrize(
    ("body", "ctype", "kind", "reason"),
    [
        (
            PDF,
            "text/html",
            "not_html",
            "not HTML: the body is a PDF document, although the server said text/html",
        ),
        (
            PNG,
            "text/html",
            "not_html",
            "not HTML: the body is a PNG image, although the server said text/html",
        ),
        (b"", "text/html", "empty", "empty page: HTTP 200 with no content"),
        (b"  \n", "text/html", "empty", "empty page"),
        (b'{"a": 1}', "application/json", "not_html", "not HTML: the server sent application/json"),
        (
            b"<?xml version='1.0'?><note>hi</note>",
            "application/xml",
            "not_html",
            "not HTML: application/xml that is neither",
        ),
    ],
)
def test_classify_refuses(body: bytes, ctype: str, kind: str, reason: str) -> None:
    with pytest.raises(SourceError) as e:
        classify(_fetched(body, ctype), source="s", max_bytes=10_000)
    assert e.value.kind == kind and e.value.reason.startswith(reason)


@pytest.mark.parametrize(
    ("body", "ctype", "what"),
    [
        (b'<?xml version="1.0"?>\n<!-- c --><rss version="2.0"><channel/></rss>', "text/html", "feed"),
        (b'\xef\xbb\xbf<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "", "feed"),
        (b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>', "text/xml", "sitemap"),
        (b"<!doctype html><html><p>x</p></html>", "application/octet-stream", "html"),
        (b"<html><body><p>x</p></body></html>", "", "html"),
    ],
)
def test_classify_sniffs_the_body(body: bytes, ctype: str, what: str) -> None:
    assert classify(_fetched(body, ctype), source="s", max_bytes=10_000)[0] == what


def test_binary_kind() -> None:
    assert binary_kind(b"GIF89a....") == "a GIF image"
    assert binary_kind(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "a WebP image"
    assert binary_kind("<p>é</p>".encode("utf-16")) is None  # BOM: text
    assert binary_kind(b"<html>\x00") == "binary data (it contains NUL bytes)"


# -- decoding -------------------------------------------------------------------------------

TEXT = "<p>Café “Zürich” — 18%</p>"


@pytest.mark.parametrize(
    ("data", "declared", "text", "enc"),
    [
        (TEXT.encode("utf-8"), "utf-8", TEXT, "utf-8"),
        (TEXT.encode("utf-8"), None, TEXT, "utf-8"),
        (TEXT.encode("cp1252"), "iso-8859-1", TEXT, "cp1252"),  # Latin-1 labels mean windows-1252
        (TEXT.encode("cp1252"), None, TEXT, "cp1252"),  # undeclared and not UTF-8
        (TEXT.encode("cp1252"), "utf-8", TEXT, "cp1252"),  # mislabelled: no UTF-8 sequence at all
        (
            b'<meta charset="windows-1252">' + TEXT.encode("cp1252"),
            None,
            '<meta charset="windows-1252">' + TEXT,
            "cp1252",
        ),
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">\xf0\xd2',
            None,
            None,
            "koi8-r",
        ),
        ("\ufeff<p>hi</p>".encode(), "iso-8859-1", "<p>hi</p>", "utf-8"),  # the BOM wins
        ("<p>hi</p>".encode("utf-16"), None, "<p>hi</p>", "utf-16"),
        (TEXT.encode("utf-8"), "no-such-charset", TEXT, "utf-8"),
    ],
)
def test_decode_html(data: bytes, declared: str | None, text: str | None, enc: str) -> None:
    got, used = decode_html(data, declared=declared, source="s")
    assert used == enc
    if text is not None:
        assert got == text


def test_broken_utf8_is_an_error_that_says_where() -> None:
    data = TEXT.encode("utf-8")
    cut = data.index("é".encode()) + 1
    broken = data[:cut] + data[cut + 1 :]  # drop the second byte of "é"; “ ” stay valid UTF-8
    with pytest.raises(SourceError) as e:
        decode_html(broken, declared="utf-8", source="s")
    assert e.value.kind == "encoding"
    assert "UTF-8 is broken (byte 0xc3 at offset 6)" in e.value.reason


# -- reading the article ----------------------------------------------------------------------


def _page(head: str, body: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in CAFE_TEXT)
    return f'<html lang="de-CH"><head>{head}</head><body><article><h1>Rents rise</h1>{paras}{body}</article></body></html>'


def test_article_metadata_from_html() -> None:
    html = _page(
        '<title>Rents rise | Lake Courier</title><meta property="og:site_name" content="Lake Courier">'
        '<link rel="canonical" href="/story?id=7#top"><meta name="author" content="Renée Brändli">'
        '<meta property="article:published_time" content="2026-10-05T08:00:00+02:00">'
    )
    a = html_to_article(html, url="https://lake.example/amp/story", source="src")
    assert a.url == "https://lake.example/story?id=7"  # resolved, fragment dropped
    assert (a.title, a.outlet, a.author, a.published, a.language) == (
        "Rents rise",
        "Lake Courier",
        "Renée Brändli",
        date(2026, 10, 5),
        "de-CH",
    )
    assert a.text == "\n\n".join(CAFE_TEXT)  # paragraphs, and no copy of the headline
    assert a.source == "src"


def test_canonical_on_another_site_is_ignored() -> None:
    html = _page('<link rel="canonical" href="https://big-outlet.example/real-story">')
    a = html_to_article(html, url="https://copycat.example/story", source="s")
    assert a.url == "https://copycat.example/story"
    same_site = _page('<link rel="canonical" href="https://lake.example/story">')
    assert (
        html_to_article(same_site, url="https://www.lake.example/s", source="s").url
        == "https://lake.example/story"
    )


def test_saved_page_takes_its_canonical_url(tmp_path: Path) -> None:
    p = tmp_path / "saved.html"
    p.write_text(_page('<link rel="canonical" href="https://lake.example/story">'), encoding="utf-8")
    assert load_article(p).url == "https://lake.example/story"
    q = tmp_path / "plain.html"
    q.write_text(_page(""), encoding="utf-8")
    assert load_article(q).url == q.resolve().as_uri()


def test_feed_hints_fill_what_the_page_lacks() -> None:
    hints = Hints(title="From the feed", outlet="Feed Wire", published=date(2026, 1, 2), language="fr")
    a = html_to_article(
        "<html><body><article>" + "".join(f"<p>{p}</p>" for p in CAFE_TEXT) + "</article></body></html>",
        url="https://x.example/a",
        source="s",
        hints=hints,
    )
    assert (a.title, a.published, a.language) == ("From the feed", date(2026, 1, 2), "fr")
    assert a.outlet  # trafilatura names the site from its host when the page does not


# -- sources --------------------------------------------------------------------------------


def test_expand_urls_folders_and_url_lists(tmp_path: Path) -> None:
    (tmp_path / "f").mkdir()
    (tmp_path / "f" / "a.md").write_text("Text.")
    (tmp_path / "f" / "links.txt").write_text("# today\nhttps://a.example/1\n\nhttps://a.example/2\n")
    (tmp_path / "list.urls").write_text("https://b.example/1\nnot a url\n")
    items, bad = expand(["https://c.example/x", tmp_path / "f", tmp_path / "list.urls"])
    assert [(i.source, i.is_url) for i in items] == [
        ("https://c.example/x", True),
        (str(tmp_path / "f" / "a.md"), False),
        ("https://a.example/1", True),
        ("https://a.example/2", True),
        ("https://b.example/1", True),
    ]
    (b,) = bad
    assert b.item.source == f"{tmp_path / 'list.urls'}:2" and "line 2 is not an http(s) URL" in b.error.reason


def test_feeds_and_sitemaps_expand(site: Site, fetcher: Fetcher) -> None:
    pages = sorted(site.url(p) for p in site.feed)
    for path in ("/feed.xml", "/atom.xml", "/sitemap.xml.gz"):
        out = resolve(Item(site.url(path), True), fetcher=fetcher)
        assert sorted(i.source for i in out.items) == pages, path  # type: ignore[union-attr]
    rss = resolve(Item(site.url("/feed.xml"), True), fetcher=fetcher)
    hint = rss.items[0].hints  # type: ignore[union-attr]
    assert hint is not None and hint.outlet == "Test Wire" and hint.published == date(2026, 9, 21)
    index = resolve(Item(site.url("/sitemap-index.xml"), True), fetcher=fetcher)
    assert [i.source for i in index.items] == [site.url("/sitemap.xml.gz")]  # type: ignore[union-attr]
    assert index.items[0].depth == 1  # type: ignore[union-attr]


def test_resolve_reads_latin1_pages(site: Site, fetcher: Fetcher) -> None:
    for path in ("/bad/latin1", "/bad/latin1-undeclared"):
        out = resolve(Item(site.url(path), True), fetcher=fetcher)
        art = out.article  # type: ignore[union-attr]
        assert "Café owners in Zürich" in art.text and "“We are not asking" in art.text, path


def test_resolve_never_raises(site: Site, fetcher: Fetcher) -> None:
    out = resolve(Item(site.url("/bad/nav-only"), True), fetcher=fetcher)
    assert out.error.kind == "not_article"  # type: ignore[union-attr]
    out = resolve(Item("/no/such/file.md", False), fetcher=None)
    assert out.error.reason == "no such file"  # type: ignore[union-attr]


def test_validators_are_falsy_when_empty() -> None:
    assert not Validators() and Validators(etag='"x"').headers() == {"If-None-Match": '"x"'}


def test_the_loopback_guard_refuses_other_addresses() -> None:
    import socket

    with loopback_only() as refused, pytest.raises(OSError, match="beyond loopback"):
        socket.create_connection(("192.0.2.1", 80), timeout=0.1)  # TEST-NET-1: never reached
    assert refused == ["('192.0.2.1', 80)"]
