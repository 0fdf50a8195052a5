"""The HTML report: escaping, highlighting, grouping, the coverage matrix, self-containment."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.model import Report
from claimgraph.report import render
from claimgraph.report_html import render_html, report_view

from .conftest import StoryStore


class _Refs(HTMLParser):
    """Every URL-bearing attribute and every tag name in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for name, value in attrs:
            if name in ("src", "href", "action", "srcset", "poster", "data") and value is not None:
                self.refs.append((tag, name, value))


def _claim(cid: str, url: str, outlet: str, text: str, start: int, **kw: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": cid,
        "article_url": url,
        "outlet": outlet,
        "published": "2026-01-02",
        "field": "body",
        "start": start,
        "end": start + len(text),
        "text": text,
        "kind": "quantity",
        "quantity_text": None,
        "quantity_start": None,
        "quantity_end": None,
        "condition": "",
        "claimant": "",
        "cited_document": "",
        "scope": "",
    }
    base.update(kw)
    return base


EVIL = "<script>alert('x')</script>"
BODY_A = f"Intro sentence here. Sales rose 12% in May {EVIL}. Closing words."
BODY_B = "Sales rose about 15% in May, the firm said. Nothing else."
A, B = "https://a.example/1", "https://b.example/2"


def _tiny() -> tuple[Report, dict[str, tuple[str, str]]]:
    ca_text = f"Sales rose 12% in May {EVIL}."
    ca = _claim(
        "urn:c:a",
        A,
        "Outlet <A> & Co",
        ca_text,
        BODY_A.index("Sales"),
        quantity_text="12%",
        quantity_start=BODY_A.index("12%"),
        quantity_end=BODY_A.index("12%") + 3,
    )
    cb_text = "Sales rose about 15% in May"
    cb = _claim(
        "urn:c:b", B, "B News", cb_text, 0, quantity_text="about 15%", quantity_start=11, quantity_end=20
    )
    cc = _claim("urn:c:c", B, "B News", "Nothing else.", BODY_B.index("Nothing"), kind="event")
    report = Report(
        claims=(ca, cb, cc),
        discrepancies=(
            {
                "id": "urn:d:1",
                "type": "numeric",
                "story": "urn:s:1",
                "claims": ["urn:c:a", "urn:c:b"],
                "explanation": 'Outlet <A> says "12%"; B News says "about 15%"',
                "severity": "high",
            },
            {
                "id": "urn:d:2",
                "type": "single_source",
                "story": "urn:s:1",
                "claims": ["urn:c:c"],
                "explanation": "only B News",
                "severity": "low",
            },
        ),
        articles=(
            {
                "id": "urn:a:1",
                "url": A,
                "title": f"Title {EVIL}",
                "outlet": "Outlet <A> & Co",
                "published": "2026-01-02",
            },
            {"id": "urn:a:2", "url": B, "title": "B title", "outlet": "B News", "published": "2026-01-03"},
        ),
        stories={"urn:s:1": ["urn:a:1", "urn:a:2"]},
    )
    return report, {A: (f"Title {EVIL}", BODY_A), B: ("B title", BODY_B)}


def test_article_text_is_escaped_everywhere() -> None:
    report, texts = _tiny()
    page = render_html(report, texts)
    assert EVIL not in page and "<A>" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert "Outlet &lt;A&gt; &amp; Co" in page
    parser = _Refs()
    parser.feed(page)
    # the only script is the page's own filter code, inline
    assert page.count("<script") == 1 and "<script>\n(function ()" in page


def test_only_web_addresses_become_links() -> None:
    report, texts = _tiny()
    bad = "javascript:alert(document.cookie)"
    arts = tuple({**a, "url": bad} if a["url"] == B else a for a in report.articles)
    claims = tuple({**c, "article_url": bad} if c["article_url"] == B else c for c in report.claims)
    page = render_html(
        Report(claims, report.discrepancies, arts, report.stories), {A: texts[A], bad: texts[B]}
    )
    assert "javascript:" in page  # shown as text, for the editor to see
    assert 'href="javascript' not in page and f'href="{A}"' in page


def test_an_empty_store_renders() -> None:
    page = render_html(Report())
    assert "0 articles from 0 outlets, 0 claims" in " ".join(page.split())


def test_claim_is_marked_in_its_sentence_with_the_key_words() -> None:
    report, texts = _tiny()
    view = report_view(report, texts)
    (story,) = view.stories
    (finding,) = story.findings
    qa = next(q for q in finding.quotes if q.url == A)
    marked = "".join(s.text for s in qa.segments if s.mark)
    assert marked == f"Sales rose 12% in May {EVIL}."
    assert [s.text for s in qa.segments if s.key] == ["12%"]
    # the sentence only: not the intro or the closing sentence
    assert "".join(s.text for s in qa.segments) == marked
    qb = next(q for q in finding.quotes if q.url == B)
    assert "".join(s.text for s in qb.segments) == "Sales rose about 15% in May, the firm said."
    assert [s.text for s in qb.segments if s.key] == ["about 15%"]
    assert [s.text for s in qb.segments if not s.mark] == [", the firm said."]
    page = render_html(report, texts)
    assert '<mark class="claim">Sales rose <strong class="key">12%</strong>' in page


def test_without_article_texts_the_quote_is_the_claim() -> None:
    report, _ = _tiny()
    view = report_view(report)
    q = view.stories[0].findings[0].quotes[0]
    assert all(s.mark for s in q.segments)


def test_coverage_matrix_and_outlet_summary() -> None:
    report, texts = _tiny()
    view = report_view(report, texts)
    (story,) = view.stories
    assert story.outlets == ("B News", "Outlet <A> & Co")
    rows = {r.title: r for r in story.matrix}
    differ = rows["Sales rose about 15% in May"]
    assert [c.state for c in differ.cells] == ["differs", "differs"]
    assert [c.text for c in differ.cells] == ["about 15%", "12%"]
    assert differ.cells[0].severity == "high" and "numbers differ" in differ.cells[0].detail
    only = rows["Nothing else."]
    assert [c.state for c in only.cells] == ["only", "omits"]
    assert story.matrix[0] is differ  # the contested row first
    summary = {o.name: o for o in view.outlets}
    assert (summary["B News"].high, summary["B News"].single_source, summary["B News"].claims) == (1, 1, 2)
    assert (summary["Outlet <A> & Co"].high, summary["Outlet <A> & Co"].single_source) == (1, 0)


def test_story_report_groups_by_story_most_severe_first(story_store: StoryStore) -> None:
    view = report_view(story_store.report, story_store.texts, story_store.matches)
    (story,) = view.stories
    sev = [f.severity for f in story.findings]
    assert sev == sorted(sev, key=["high", "medium", "low"].index)
    assert len(story.findings) + len(story.singles) == len(story_store.report.discrepancies)
    assert {o.name for o in view.outlets} == {"Pangolin Tech Review", "The Circuit Report", "Northgate Wire"}
    # the share of code written by the model: the three outlets give three different figures
    row = next(r for r in story.matrix if any(c.text == "80%" for c in r.cells))
    assert {c.text for c in row.cells} == {"80%", "over 80%", "more than 80 per cent"}
    assert {c.state for c in row.cells} == {"differs"}
    # every matrix row has one cell per outlet, and every claim of the story is in one row
    assert all(len(r.cells) == 3 for r in story.matrix)
    qualifier = next(f for f in story.findings if f.type == "qualifier")
    keys = {s.text for q in qualifier.quotes for s in q.segments if s.key}
    assert keys & {"over 80%", "more than 80 per cent"} and "80%" in keys


def test_page_needs_nothing_from_the_network(story_store: StoryStore) -> None:
    page = render_html(story_store.report, story_store.texts, story_store.matches)
    parser = _Refs()
    parser.feed(page)
    article_urls = {a["url"] for a in story_store.report.articles}
    for tag, attr, value in parser.refs:
        assert attr == "href" and tag == "a", (tag, attr, value)
        assert value.startswith("#") or value in article_urls, value
    assert not {"img", "link", "iframe", "object", "embed", "video", "audio"} & parser.tags
    assert "@import" not in page and not re.search(r"url\(", page)
    assert '<meta name="viewport"' in page


def test_report_command_writes_html(story_store: StoryStore, tmp_path: Path) -> None:
    store = story_store.copy(tmp_path / "store")
    out = tmp_path / "out" / "report.html"
    r = CliRunner().invoke(app, ["--store", str(store), "report", "--format", "html", "-o", str(out)])
    assert r.exit_code == 0, r.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "Where the outlets disagree" in page
    assert 'class="finding sev-high"' in page and 'table class="matrix"' in page
    # the page the library renders from the same data, sentences and matches included
    assert page == render_html(story_store.report, story_store.texts, story_store.matches)
    assert render(story_store.report, "html") != page  # without the store: no sentences, no matches
    r = CliRunner().invoke(app, ["--store", str(store), "report", "--format", "pdf"])
    assert r.exit_code == 1 and "md, json, html" in r.output
