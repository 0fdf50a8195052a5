"""The report stage: the store's claims and findings as a :class:`Report`, and its renderings.

The JSON form is a stable interface (documented in the README): ``claims`` lists every
extracted claim and ``discrepancies`` every finding, single-source claims included.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from pyoxigraph import QuerySolutions, Store

from .detect import RULE_TYPES, SEVERITY_ORDER
from .graph import read_claims
from .model import Claim, Report
from .vocab import CG, DISCREPANCIES_GRAPH, MATCHES_GRAPH, SCHEMA, STORIES_GRAPH


def claim_record(c: Claim, meta: dict[str, Any]) -> dict[str, Any]:
    q = c.quantity
    return {
        "id": meta["iri"],
        "article_url": c.article_url,
        "outlet": meta["outlet"],
        "published": meta["published"].isoformat() if meta["published"] else None,
        "field": c.field,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "kind": c.kind,
        "value": q.value if q else None,
        "low": q.low if q else None,
        "high": q.high if q else None,
        "unit": q.unit if q else None,
        "qualifier": q.qualifier if q else None,
        "quantity_text": q.text if q else None,
        "quantity_start": q.start if q else None,
        "quantity_end": q.end if q else None,
        "baseline": q.baseline if q else False,
        "time": c.time.iso if c.time else None,
        "measure": c.measure,
        "scope": c.scope,
        "condition": c.condition,
        "claimant": c.claimant,
        "claimant_vague": c.claimant_vague,
        "cited_document": c.cited_document,
        "modality": c.modality,
        "negated": c.negated,
    }


def build_report(store: Store) -> Report:
    """Read every claim, article, story and discrepancy of the store."""
    claims = [claim_record(c, m) for c, m in read_claims(store)]
    q = f"""SELECT ?d ?type ?expl ?sev ?story ?c WHERE {{ GRAPH <{DISCREPANCIES_GRAPH}> {{
        ?d <{CG}discrepancyType> ?type ; <{CG}explanation> ?expl ; <{CG}severity> ?sev ; <{CG}involvesClaim> ?c .
        OPTIONAL {{ ?d <{CG}story> ?story }} }} }}"""
    found: dict[str, dict[str, Any]] = {}
    for r in _select(store, q):
        d = found.setdefault(
            r["d"].value,
            {
                "id": r["d"].value,
                "type": r["type"].value,
                "story": r["story"].value if r["story"] else "",
                "claims": [],
                "explanation": r["expl"].value,
                "severity": r["sev"].value,
            },
        )
        d["claims"].append(r["c"].value)
    by_id = {c["id"]: c for c in claims}
    for d in found.values():
        d["claims"].sort(key=lambda cid: (by_id.get(cid, {}).get("outlet", ""), cid))
    discs = sorted(
        found.values(),
        key=lambda d: (
            SEVERITY_ORDER.get(d["severity"], 9),
            RULE_TYPES.index(d["type"]) if d["type"] in RULE_TYPES else 99,
            d["story"],
            d["id"],
        ),
    )
    stories: dict[str, list[str]] = defaultdict(list)
    for r in _select(store, f"SELECT ?s ?a WHERE {{ GRAPH <{STORIES_GRAPH}> {{ ?s <{CG}hasArticle> ?a }} }}"):
        stories[r["s"].value].append(r["a"].value)
    arts = []
    for r in _select(
        store,
        f"""SELECT ?a ?url ?title ?outlet ?pub WHERE {{ GRAPH ?g {{ ?a a <{SCHEMA}NewsArticle> ; <{SCHEMA}url> ?url .
            OPTIONAL {{ ?a <{SCHEMA}headline> ?title }} OPTIONAL {{ ?a <{SCHEMA}publisher>/<{SCHEMA}name> ?outlet }}
            OPTIONAL {{ ?a <{SCHEMA}datePublished> ?pub }} }} }} ORDER BY ?url""",
    ):
        arts.append(
            {
                "id": r["a"].value,
                "url": r["url"].value,
                "title": r["title"].value if r["title"] else "",
                "outlet": r["outlet"].value if r["outlet"] else "",
                "published": r["pub"].value if r["pub"] else None,
            }
        )
    _add_support(claims, discs, arts, stories, claim_matches(store))
    return Report(
        tuple(claims), tuple(discs), tuple(arts), {k: sorted(v) for k, v in sorted(stories.items())}
    )


CONTRADICTING = frozenset({"numeric", "polarity"})


def _add_support(
    claims: list[dict[str, Any]],
    discs: list[dict[str, Any]],
    arts: list[dict[str, Any]],
    stories: dict[str, list[str]],
    matches: list[tuple[str, str]],
) -> None:
    """Give every body claim its ``support``: the other outlets of its story that report the same
    thing (``supported_by``), report it with a conflicting figure or the opposite outcome
    (``contradicted_by``), or do not report it (``silent``)."""
    story_outlets: dict[str, set[str]] = defaultdict(set)
    url_story: dict[str, str] = {}
    for a in arts:
        for sid, members in stories.items():
            if a["id"] in members:
                url_story[a["url"]] = sid
                story_outlets[sid].add(a["outlet"])
    by_id = {c["id"]: c for c in claims}
    partners: dict[str, set[str]] = defaultdict(set)
    for x, y in matches:
        if x in by_id and y in by_id:
            partners[x].add(y)
            partners[y].add(x)
    conflicts: set[frozenset[str]] = {
        frozenset(d["claims"]) for d in discs if d["type"] in CONTRADICTING and len(d["claims"]) == 2
    }
    for c in claims:
        if c["field"] != "body":
            continue
        outlets = story_outlets.get(url_story.get(c["article_url"], ""), set()) - {c["outlet"]}
        supported: set[str] = set()
        contradicted: set[str] = set()
        for p in partners[c["id"]]:
            other = by_id[p]["outlet"]
            if other == c["outlet"]:
                continue
            (contradicted if frozenset((c["id"], p)) in conflicts else supported).add(other)
        supported -= contradicted
        c["support"] = {
            "supported_by": sorted(supported),
            "contradicted_by": sorted(contradicted),
            "silent": sorted(outlets - supported - contradicted),
        }


def article_texts(store: Store) -> dict[str, tuple[str, str]]:
    """(headline, body) of every stored article by URL: the fields claim offsets point into.

    The HTML report uses them to show each claim in its sentence; the JSON and Markdown
    renderings do not need them.
    """
    out: dict[str, tuple[str, str]] = {}
    for r in _select(
        store,
        f"""SELECT ?url ?title ?body WHERE {{ GRAPH ?g {{ ?a a <{SCHEMA}NewsArticle> ; <{SCHEMA}url> ?url .
            OPTIONAL {{ ?a <{SCHEMA}headline> ?title }} OPTIONAL {{ ?a <{SCHEMA}articleBody> ?body }} }} }}""",
    ):
        out[r["url"].value] = (r["title"].value if r["title"] else "", r["body"].value if r["body"] else "")
    return out


def claim_matches(store: Store) -> list[tuple[str, str]]:
    """Every (claim, claim) pair alignment judged to be about the same thing, as claim IRIs."""
    q = f"SELECT ?a ?b WHERE {{ GRAPH <{MATCHES_GRAPH}> {{ ?m <{CG}claimA> ?a ; <{CG}claimB> ?b }} }}"
    return sorted((r["a"].value, r["b"].value) for r in _select(store, q))


def _select(store: Store, query: str) -> QuerySolutions:
    res = store.query(query)
    assert isinstance(res, QuerySolutions)
    return res


def render_json(report: Report) -> str:
    return json.dumps(report.as_dict(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def _md_escape(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def render_markdown(report: Report) -> str:
    by_id = {c["id"]: c for c in report.claims}
    art_story = {a: s for s, arts in report.stories.items() for a in arts}
    titles = {a["id"]: a for a in report.articles}
    lines = ["# claimgraph discrepancy report", ""]
    n_single = sum(1 for d in report.discrepancies if d["type"] == "single_source")
    lines.append(
        f"{len(report.articles)} articles, {len(report.claims)} claims, "
        f"{len(report.discrepancies) - n_single} discrepancies between outlets, "
        f"{n_single} single-source claims."
    )
    lines.append("")
    for sid, arts in report.stories.items():
        first = titles.get(arts[0], {})
        lines += [f"## Story: {first.get('title') or sid}", ""]
        lines += [
            f"- {titles[a]['outlet'] or '?'} ({titles[a]['published'] or 'undated'}): [{_md_escape(titles[a]['title'] or titles[a]['url'])}]({titles[a]['url']})"
            for a in arts
            if a in titles
        ]
        lines.append("")
        ds = [d for d in report.discrepancies if d["story"] == sid or (not d["story"] and art_story.get(sid))]
        pair = [d for d in ds if d["type"] != "single_source"]
        if pair:
            lines += ["### Discrepancies", ""]
            for d in pair:
                lines.append(f"**{d['type']}** ({d['severity']}): {_md_escape(d['explanation'])}")
                lines.append("")
                for cid in d["claims"]:
                    c = by_id.get(cid)
                    if c:
                        where = "headline" if c["field"] == "title" else "body"
                        lines.append(
                            f"> {c['outlet']} ({c['published'] or 'undated'}, {where}, [{c['article_url']}]({c['article_url']})): “{_md_escape(c['text'])}”"
                        )
                        lines.append(">")
                lines[-1] = ""
        singles = [d for d in ds if d["type"] == "single_source"]
        if singles:
            lines += ["### Reported by one outlet only", ""]
            for d in singles:
                c = by_id.get(d["claims"][0])
                if c:
                    lines.append(f"- {c['outlet']}: “{_md_escape(c['text'])}”")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render(report: Report, fmt: str = "md", *, store: Store | None = None) -> str:
    """The report as Markdown (``md``), JSON (``json``) or a self-contained HTML page (``html``).

    For ``html``, pass the ``store`` the report was built from: the page then shows each claim
    inside its sentence and groups matched claims in the coverage matrix. Without it the page
    shows the claims' own words and groups only the claims of each finding.
    """
    if fmt in ("md", "markdown"):
        return render_markdown(report)
    if fmt == "json":
        return render_json(report)
    if fmt == "html":
        from .report_html import render_html

        if store is None:
            return render_html(report)
        return render_html(report, texts=article_texts(store), matches=claim_matches(store))
    from .errors import ConfigError

    raise ConfigError(f"Unknown report format {fmt!r}; available formats: md, json, html")
