"""What a person sees, in headless Chromium (Debian's /usr/bin/chromium driven by Playwright).

Screenshots are saved in ``test-artifacts/`` (git-ignored). Playwright never downloads a
browser here: it launches the system Chromium, offline for the report file.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimgraph.report_html import render_html

from .conftest import Served, StoryStore

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MARK_COLOUR = "rgb(255, 241, 168)"  # --mark in light mode


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        message = "Debian's chromium is not installed (apt-get install chromium; .ci/run does it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        try:
            yield b
        finally:
            b.close()


def _visible(page: Any, selector: str) -> int:
    return int(page.locator(selector).evaluate_all("els => els.filter(e => e.offsetParent !== null).length"))


def test_report_file_offline(browser: Any, story_store: StoryStore, artifacts: Path) -> None:
    report = story_store.report
    path = artifacts / "report.html"
    path.write_text(render_html(report, story_store.texts, story_store.matches), encoding="utf-8")
    context = browser.new_context(offline=True, viewport={"width": 1280, "height": 900}, color_scheme="light")
    requests: list[str] = []
    errors: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    assert page.locator("h1").inner_text() == "Where the outlets disagree"

    # the quote: the claim marked in its sentence, the figure the finding is about underlined
    card = page.locator("article.finding[data-type=qualifier]").first
    mark = card.locator("figure.quote mark.claim").first
    assert mark.is_visible()
    assert mark.evaluate("e => getComputedStyle(e).backgroundColor") == MARK_COLOUR
    keys = card.locator("strong.key").all_inner_texts()
    assert "80%" in keys and ({"over 80%", "more than 80 per cent"} & set(keys))
    assert "Claude wrote 80% of the code" in card.inner_text()
    page.screenshot(path=str(artifacts / "report-laptop.png"), full_page=True)

    # the filters hide what does not match
    n_all = len(report.discrepancies)
    n_qualifier = sum(1 for d in report.discrepancies if d["type"] == "qualifier")
    assert _visible(page, "[data-finding]") == n_all
    page.select_option("#filter-type", "qualifier")
    assert _visible(page, "[data-finding]") == n_qualifier
    assert page.locator("article.finding[data-type=time]").first.is_hidden()
    assert page.locator("#filter-count").inner_text() == f"{n_qualifier} of {n_all} findings shown"
    page.select_option("#filter-outlet", "northgate-wire")
    assert _visible(page, "[data-finding]") == 1
    assert "Northgate Wire" in page.locator("[data-finding]:visible").inner_text()
    page.screenshot(path=str(artifacts / "report-filtered.png"), full_page=True)
    page.click("#filter-reset")
    assert _visible(page, "[data-finding]") == n_all

    # the coverage matrix reads at a glance: the three figures for the share of code
    row = page.locator("table.matrix tr", has_text="more than 80 per cent")
    assert row.locator(".cell.differs").count() == 3
    assert row.locator(".cell.omits").count() == 0
    assert page.locator("table.matrix .cell.omits").count() > 0

    assert errors == []
    assert all(u.startswith("file://") for u in requests), requests
    context.close()


def test_report_at_phone_width(browser: Any, story_store: StoryStore, artifacts: Path) -> None:
    path = artifacts / "report-phone.html"
    path.write_text(render_html(story_store.report, story_store.texts, story_store.matches), encoding="utf-8")
    context = browser.new_context(
        offline=True,
        viewport={"width": 390, "height": 844},
        device_scale_factor=1,
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    page.goto(path.as_uri())
    # nothing wider than the screen: the page does not scroll sideways (the matrix scrolls in its box)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    quotes = page.locator("article.finding").first.locator("figure.quote")
    a, b = quotes.nth(0).bounding_box(), quotes.nth(1).bounding_box()
    assert a["x"] == b["x"] and b["y"] > a["y"]  # side by side on a laptop, stacked on a phone
    assert page.locator(".filters").is_visible()
    page.screenshot(path=str(artifacts / "report-phone.png"), full_page=True)
    context.close()


def test_served_report_and_query_page(
    browser: Any, server: Served, story_store: StoryStore, artifacts: Path
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    hosts: set[str] = set()
    context.on("request", lambda r: hosts.add(re.sub(r"^(\w+://[^/]+).*", r"\1", r.url)))
    page = context.new_page()
    page.goto(server.url)
    assert page.locator("h1").inner_text() == "Where the outlets disagree"
    page.select_option("#filter-type", "omitted_condition")
    assert _visible(page, "[data-finding]") == sum(
        1 for d in story_store.report.discrepancies if d["type"] == "omitted_condition"
    )
    assert "type=omitted_condition" in page.url  # the filter is in the address, to share

    page.click("nav >> text=SPARQL query")
    page.wait_for_url(server.url + "query")
    page.fill(
        "#query-text", "SELECT ?type (COUNT(*) AS ?n) WHERE { ?d cg:discrepancyType ?type } GROUP BY ?type"
    )
    page.click("#run")
    page.wait_for_selector("table.results")
    types = {d["type"] for d in story_store.report.discrepancies}
    assert page.locator("table.results tbody tr").count() == len(types)
    assert set(page.locator("table.results tbody td:first-child").all_inner_texts()) == types
    page.screenshot(path=str(artifacts / "query-results.png"), full_page=True)

    page.fill("#query-text", "SELECT ?x WHERE { ?x")
    with page.expect_response(lambda r: "/sparql" in r.url) as resp:
        page.click("#run")
    assert resp.value.status == 400
    error = page.locator("#query-error")
    assert error.is_visible() and "SPARQL syntax error" in error.inner_text()
    assert page.locator("#query-text").input_value() == "SELECT ?x WHERE { ?x"  # kept, to fix it
    page.screenshot(path=str(artifacts / "query-error.png"), full_page=True)

    page.click("text=Does any outlet contradict another? (ASK)")
    assert page.locator("#ask-answer").inner_text() in ("yes (true)", "no (false)")

    api = json.loads(page.goto(server.url + "api/discrepancies?type=qualifier").text())
    assert api["count"] == sum(1 for d in story_store.report.discrepancies if d["type"] == "qualifier")
    assert hosts == {server.url.rstrip("/")}, hosts  # nothing but the server itself
    context.close()
