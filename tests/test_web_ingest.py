"""Ingesting from the web end to end, against a real HTTP server on 127.0.0.1.

The bad cases each end as one clear, recorded failure while the good items are ingested;
re-ingesting a feed fetches and extracts only what is new or changed; the canonical URL makes
one article of two addresses; --retry-failed retries and clears; an interrupted run leaves
only whole articles and a re-run finishes it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest
from pyoxigraph import Store
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.pipeline import ingest
from claimgraph.store import failed_sources, open_store
from claimgraph.vocab import SCHEMA

from .webserver import CAFE_TEXT, CAFE_TITLE, FAST, Page, Site, render, running_site

ROOT = Path(__file__).resolve().parent.parent

# path -> (failure kind, words the reason must hold)
BAD = {
    "/bad/missing": ("http", "HTTP 404 Not Found"),
    "/bad/down": ("http", "HTTP 503 Service Unavailable, after 2 attempts"),
    "/bad/busy-long": ("http", "the server asks to retry after 3600 s"),
    "/bad/slow": ("timeout", "timed out: no data for 1 s (read timeout), after 2 attempts"),
    "/bad/loop-a": ("redirects", "redirect loop:"),
    "/bad/huge": ("too_large", "passed the 2,097,152-byte limit while downloading"),
    "/bad/huge-declared": ("too_large", "the server announces 52,428,800 bytes"),
    "/bad/pdf": ("not_html", "not HTML: the body is a PDF document, although the server said text/html"),
    "/bad/png": ("not_html", "not HTML: the body is a PNG image, although the server said text/html"),
    "/bad/broken-utf8": (
        "encoding",
        "unreadable encoding: the page is UTF-8 (declared utf-8) but the UTF-8 is broken",
    ),
    "/bad/empty": ("empty", "empty page: HTTP 200 with no content"),
    "/bad/nav-only": ("not_article", "not an article: no article text found"),
    "/bad/json": ("not_html", "not HTML: the server sent application/json"),
    "/private/story": ("robots", "blocked by robots.txt"),
}


@pytest.fixture
def site() -> Iterator[Site]:
    with running_site() as s:
        yield s


class CountingNLP:
    """The real pipeline, counting the article bodies it is asked to process."""

    def __init__(self, nlp: Any) -> None:
        self._nlp = nlp
        self.bodies = 0

    def __call__(self, text: str) -> Any:
        return self._nlp(text)

    def pipe(self, texts: Any, **options: Any) -> Any:
        self.bodies += 1
        return self._nlp.pipe(texts, **options)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)


def _articles(store: Store) -> dict[str, str]:
    """Article URL -> body, for every article in the store."""
    q = f"SELECT ?u ?b WHERE {{ GRAPH ?g {{ ?a a <{SCHEMA}NewsArticle> ; <{SCHEMA}url> ?u ; <{SCHEMA}articleBody> ?b }} }}"
    return {row["u"].value: row["b"].value for row in store.query(q)}  # type: ignore[union-attr]


def test_a_mixed_batch_ingests_the_good_and_explains_every_bad_item(
    site: Site, nlp: Any, tmp_path: Path
) -> None:
    saved = tmp_path / "saved"
    saved.mkdir()
    page = Page(CAFE_TITLE, "Lake Courier", "2026-10-05", ["Saved copy. " + p for p in CAFE_TEXT])
    (saved / "cafe.html").write_text(render(page, "https://lake-courier.example/cafes"), encoding="utf-8")
    url_list = tmp_path / "today.urls"
    url_list.write_text(f"# Latin-1 pages\n{site.url('/bad/latin1')}\n{site.url('/bad/latin1-undeclared')}\n")
    sources = [
        site.url("/feed.xml"),
        site.url("/sitemap-index.xml"),  # lists the feed's pages again: fetched once
        str(saved),
        str(url_list),
        site.url("/bad/flaky"),  # 500, then 200
        site.url("/bad/busy"),  # 429 with Retry-After: 1, then 200
        *(site.url(p) for p in BAD),
    ]
    store = open_store(None)
    results = ingest(store, sources, nlp=nlp, analyse=False, fetch_settings=FAST, concurrency=4)
    by = {r.source: r for r in results}

    good = [site.url(p) for p in site.feed] + [
        site.url(p) for p in ("/bad/flaky", "/bad/busy", "/bad/latin1", "/bad/latin1-undeclared")
    ]
    assert {s: by[s].status for s in good} == dict.fromkeys(good, "ingested")
    assert by[str(saved / "cafe.html")].status == "ingested"
    for path, (_, reason) in BAD.items():
        r = by[site.url(path)]
        assert r.status == "failed" and reason in r.error, (path, r.error)
    assert len(results) == len(good) + 1 + len(BAD)  # every item once, the sitemap's duplicates not again
    assert all(len(site.requests(p)) == 1 for p in site.feed)

    recorded = {f.source: f for f in failed_sources(store)}
    assert {s: (f.kind, f.reason) for s, f in recorded.items()} == {
        site.url(p): (kind, by[site.url(p)].error) for p, (kind, _) in BAD.items()
    }
    stored = _articles(store)
    assert len(stored) == len(good) + 1
    assert "Café owners in Zürich" in stored[site.url("/bad/latin1")]
    assert "“We are not asking" in stored[site.url("/bad/latin1-undeclared")]
    assert "https://lake-courier.example/cafes" in stored  # the saved page's canonical URL
    assert site.max_in_flight > 1  # fetched concurrently


def test_reingesting_a_feed_fetches_and_extracts_only_new_or_changed_articles(site: Site, nlp: Any) -> None:
    first, second, third = site.feed
    site.feed = [first, second]
    store = open_store(None)
    counting = CountingNLP(nlp)
    res = ingest(store, [site.url("/feed.xml")], nlp=counting, analyse=False, fetch_settings=FAST)
    assert [r.status for r in res] == ["ingested", "ingested"] and counting.bodies == 2

    site.clear_log()
    res = ingest(store, [site.url("/feed.xml")], nlp=counting, analyse=False, fetch_settings=FAST)
    assert [r.status for r in res] == ["unchanged", "unchanged"]
    assert site.statuses("/news/") == [304, 304]  # conditional requests, no body sent
    assert counting.bodies == 2  # nothing extracted again

    site.pages[second].paragraphs.append("Officials said 12 bridges had been closed across the province.")
    site.feed = [first, second, third]
    site.clear_log()
    res = ingest(store, [site.url("/feed.xml")], nlp=counting, analyse=False, fetch_settings=FAST)
    assert [(r.source, r.status) for r in res] == [
        (site.url(first), "unchanged"),
        (site.url(second), "updated"),
        (site.url(third), "ingested"),
    ]
    assert {r.path: r.status for r in site.log if r.path.startswith("/news/")} == {
        first: 304,
        second: 200,
        third: 200,
    }
    assert counting.bodies == 4
    assert "12 bridges" in _articles(store)[site.url(second)]


def test_the_canonical_url_makes_one_article_of_two_addresses(site: Site, nlp: Any) -> None:
    canonical = site.url("/news/river-flood/ebc-news")
    addresses = [
        canonical,
        site.url("/amp/news/river-flood/ebc-news"),  # declares the canonical URL
        canonical + "?utm_source=newsletter",
        site.url("/go/river-flood/ebc-news"),  # redirects to it
    ]
    store = open_store(None)
    res = ingest(store, addresses, nlp=nlp, analyse=False, fetch_settings=FAST)
    assert sorted(r.status for r in res) == ["ingested", "unchanged", "unchanged", "unchanged"]
    assert {r.url for r in res} == {canonical}
    assert list(_articles(store)) == [canonical]
    site.clear_log()
    res = ingest(store, addresses, nlp=nlp, analyse=False, fetch_settings=FAST)
    assert {r.status for r in res} == {"unchanged"}
    assert sorted(r.status for r in site.log if r.path != "/robots.txt") == [301, 304, 304, 304, 304]


def test_retry_failed_retries_recorded_failures_and_clears_them(site: Site, nlp: Any) -> None:
    later = site.url("/bad/later")
    site.flaky_until["/bad/later"] = 10**6  # 500 until further notice
    store = open_store(None)
    res = ingest(store, [later, site.url("/bad/missing")], nlp=nlp, analyse=False, fetch_settings=FAST)
    assert [r.status for r in res] == ["failed", "failed"]
    assert [f.source for f in failed_sources(store)] != []
    site.flaky_until["/bad/later"] = 0  # the server is back
    res = ingest(store, [], retry_failed=True, nlp=nlp, analyse=False, fetch_settings=FAST)
    # (retried oldest attempt first; the two attempts above may fall in one second or in two,
    # in either order, as the fetches run side by side)
    assert sorted((r.source, r.status) for r in res) == [
        (later, "ingested"),
        (site.url("/bad/missing"), "failed"),
    ]
    assert [f.source for f in failed_sources(store)] == [site.url("/bad/missing")]
    assert later in _articles(store)


def test_cli_ingest_prints_a_summary_and_fails_when_an_item_failed(site: Site, tmp_path: Path) -> None:
    runner = CliRunner()
    store = str(tmp_path / "data")
    good, missing = site.url("/news/river-flood/ebc-news"), site.url("/bad/missing")
    args = ["--store", store, "ingest", "--concurrency", "2", "--timeout", "2", "--retries", "0"]
    r = runner.invoke(app, [*args, good, missing])
    assert r.exit_code == 1, r.output
    assert "1 ingested, 0 updated, 0 unchanged, 1 failed" in r.output
    assert f"{missing}: HTTP 404 Not Found" in r.output and "--retry-failed" in r.output
    r = runner.invoke(app, [*args, "--retry-failed"])
    assert r.exit_code == 1 and "0 ingested, 0 updated, 0 unchanged, 1 failed" in r.output, r.output
    site.pages["/bad/missing"] = site.pages["/news/river-flood/meridian-wire"]  # now it exists
    r = runner.invoke(app, [*args, "--retry-failed", good])
    assert r.exit_code == 0, r.output
    assert "1 ingested, 0 updated, 1 unchanged, 0 failed" in r.output
    r = runner.invoke(app, ["--store", store, "ingest"])
    assert r.exit_code == 2 and "--retry-failed" in r.output


# -- interruption -----------------------------------------------------------------------------


def _cli(store: Path, *args: str) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["PYTHONUNBUFFERED"] = "1"
    return subprocess.Popen(
        [sys.executable, "-m", "claimgraph", "--store", str(store), "ingest", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
        # Ctrl-C as at a terminal: a test run started in the background (as a non-interactive
        # shell starts its '&' jobs) inherits SIGINT ignored, and the CLI would never see it
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def _wait_for_lines(stream: IO[str], prefix: str, n: int, timeout: float = 60) -> list[str]:
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while len([line for line in seen if line.startswith(prefix)]) < n:
        assert time.monotonic() < deadline, f"waited {timeout} s for {n} lines {prefix!r}: {seen}"
        line = stream.readline()
        assert line, f"the process ended early: {seen}"
        seen.append(line)
    return seen


def _dump(path: Path) -> dict[str, set[str]]:
    """Article graph -> its quads (without timestamps: when it ran, when a page was retrieved),
    read without locking the store."""
    store = Store.read_only(str(path))
    out: dict[str, set[str]] = {}
    for q in store:
        g = str(q.graph_name)
        if "graph/article/" in g and not str(q.object).endswith("#dateTime>"):
            out.setdefault(g, set()).add(f"{q.subject} {q.predicate} {q.object}")
    del store
    return out


def test_an_interrupted_run_leaves_whole_articles_and_a_rerun_finishes_it(
    site: Site, nlp: Any, tmp_path: Path
) -> None:
    stalled = site.feed[2]
    site.stall = {stalled}  # the third article hangs until released
    feed = site.url("/feed.xml")
    args = [feed, "--concurrency", "1", "--timeout", "20", "--retries", "0"]
    data = tmp_path / "data"

    # 1. killed outright (SIGKILL) while waiting for the third article
    proc = _cli(data, *args)
    assert proc.stdout is not None
    _wait_for_lines(proc.stdout, "ingested", 2)
    while not site.requests(stalled):
        time.sleep(0.05)
    proc.kill()
    proc.communicate(timeout=10)
    after_kill = _dump(data)
    assert len(after_kill) == 2

    # 2. Ctrl-C: a clean stop with exit code 130, still only whole articles
    proc = _cli(data, *args)
    assert proc.stdout is not None
    _wait_for_lines(proc.stdout, "unchanged", 2)  # 304s for the two stored articles
    while len(site.requests(stalled)) < 2:
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    out, errors = proc.communicate(timeout=30)
    assert proc.returncode == 130, (out, errors)
    assert "interrupted" in errors and "run the same command again" in errors
    assert _dump(data) == after_kill

    # 3. the re-run finishes the job
    site.stall = set()
    site.release.set()
    proc = _cli(data, *args)
    out, errors = proc.communicate(timeout=60)
    assert proc.returncode == 0, (out, errors)
    assert "1 ingested, 0 updated, 2 unchanged, 0 failed" in out
    final = _dump(data)

    # every article graph equals the one a single uninterrupted run writes
    reference = open_store(None)
    ingest(reference, [feed], nlp=nlp, fetch_settings=FAST)
    expected: dict[str, set[str]] = {}
    for q in reference:
        g = str(q.graph_name)
        if "graph/article/" in g and not str(q.object).endswith("#dateTime>"):
            expected.setdefault(g, set()).add(f"{q.subject} {q.predicate} {q.object}")
    assert final == expected
    assert {g: expected[g] for g in after_kill} == after_kill  # the killed run's articles were whole


def test_cli_shows_a_progress_bar_on_a_terminal(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from rich.console import Console

    from claimgraph import cli

    screen = io.StringIO()
    monkeypatch.setattr(cli, "err", Console(file=screen, force_terminal=True, color_system=None, width=120))
    r = CliRunner().invoke(
        app, ["--store", str(tmp_path / "d"), "ingest", site.url("/feed.xml"), "--timeout", "2"]
    )
    assert r.exit_code == 0, r.output
    shown = screen.getvalue()
    assert "ingesting" in shown and "4/4" in shown  # the bar: the feed and, once read, its 3 entries
    assert "feed.xml: 3 new links" in shown and "ingested" in shown  # lines printed above the bar
    assert "3 ingested, 0 updated, 0 unchanged, 0 failed" in r.output  # the summary
