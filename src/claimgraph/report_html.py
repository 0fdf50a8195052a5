"""The editors' report as one self-contained HTML page (no asset from the network).

:func:`render_html` turns a :class:`~claimgraph.model.Report` into a page that groups the
findings by story, most severe first, shows the claims of each finding side by side as quotes
(the claim marked inside its sentence, the words the finding is about emphasised), and adds a
per-outlet summary and, per story, a coverage matrix: which outlet reports, differs on or
omits each thing the story's articles say.

Everything here is a pure function of the report plus, optionally, the article texts (for the
sentence around each claim) and the alignment matches (to group claims in the matrix). The
article text reaches the page only through Jinja2 with autoescaping on.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Any

from jinja2 import Environment, PackageLoader

from .detect import RULE_TYPES, SEVERITY_ORDER
from .graph import outlet_key
from .groups import Groups
from .model import Report

__all__ = [
    "ReportView",
    "render_html",
    "report_view",
    "sentence_bounds",
    "template_env",
    "type_label",
    "web_link",
]

TYPE_LABELS = {
    "numeric": "Numbers differ",
    "qualifier": "Qualifier",
    "scope": "Scope",
    "time": "Time",
    "measure": "Measure or unit",
    "omitted_condition": "Omitted condition",
    "attribution": "Attribution",
    "polarity": "Contradiction",
    "headline_body": "Headline vs body",
    "single_source": "Single source",
}
_QUANTITY_TYPES = {"numeric", "qualifier", "measure", "headline_body", "single_source"}
_CONTEXT_CHARS = 320  # at most this much sentence on either side of a claim
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’»)\]]*\s+|\n\s*")
_QUOTED = re.compile(r"\"([^\"]{1,300})\"|“([^”]{1,300})”")


def type_label(t: str) -> str:
    """A finding type as editors read it ("omitted_condition" -> "Omitted condition")."""
    return TYPE_LABELS.get(t, t.replace("_", " ").capitalize())


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The (start, end) of the sentence(s) holding ``text[start:end]``.

    >>> t = "First one. The claim is here, in the middle. Last."
    >>> s, e = sentence_bounds(t, 15, 28)
    >>> t[s:e]
    'The claim is here, in the middle.'
    """
    s, e = 0, len(text)
    for m in _BOUNDARY.finditer(text):
        if m.end() <= start:
            s = m.end()
        elif m.start() >= end:
            e = m.start()
            break
    s = max(s, start - _CONTEXT_CHARS)
    e = min(e, end + _CONTEXT_CHARS)
    return s, e


# -- view model -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of quoted text: inside the claim (``mark``) and/or among the key words (``key``)."""

    text: str
    mark: bool = False
    key: bool = False


@dataclass(frozen=True, slots=True)
class Quote:
    claim_id: str
    outlet: str
    outlet_key: str
    published: str
    url: str
    where: str  # "headline" | "body"
    segments: tuple[Segment, ...]
    ellipsis_before: bool = False
    ellipsis_after: bool = False

    @property
    def before(self) -> tuple[Segment, ...]:
        """The sentence before the claim."""
        return tuple(
            s
            for i, s in enumerate(self.segments)
            if not s.mark and not any(x.mark for x in self.segments[:i])
        )

    @property
    def claim(self) -> tuple[Segment, ...]:
        """The claim's own words (one contiguous run)."""
        return tuple(s for s in self.segments if s.mark)

    @property
    def after(self) -> tuple[Segment, ...]:
        """The sentence after the claim."""
        return self.segments[len(self.before) + len(self.claim) :]


@dataclass(frozen=True, slots=True)
class Finding:
    id: str
    anchor: str
    type: str
    label: str
    severity: str
    explanation: str
    story: str
    quotes: tuple[Quote, ...]

    @property
    def outlet_keys(self) -> str:
        return " ".join(sorted({q.outlet_key for q in self.quotes}))


@dataclass(frozen=True, slots=True)
class Cell:
    state: str  # "reports" | "differs" | "only" | "omits"
    text: str = ""  # the outlet's own figure or a short form of its claim
    detail: str = ""  # finding types, for "differs"
    severity: str = ""
    title: str = ""  # full claim text, shown on hover


@dataclass(frozen=True, slots=True)
class MatrixRow:
    label: str
    title: str
    cells: tuple[Cell, ...]
    rank: tuple[int, int, str] = (9, 0, "")
    figure: str = ""  # the amount the row is about, when it is about one


@dataclass(frozen=True, slots=True)
class StoryView:
    id: str
    anchor: str
    title: str
    articles: tuple[dict[str, Any], ...]
    findings: tuple[Finding, ...]
    singles: tuple[Finding, ...]
    outlets: tuple[str, ...]
    matrix: tuple[MatrixRow, ...]


@dataclass(frozen=True, slots=True)
class OutletSummary:
    name: str
    key: str
    articles: int
    claims: int
    high: int
    medium: int
    low: int
    single_source: int
    headline_body: int


@dataclass(slots=True)
class _Index:
    """Lookups shared by the builders."""

    report: Report
    texts: Mapping[str, tuple[str, str]]
    claims: dict[str, dict[str, Any]] = field(default_factory=dict)
    article_by_url: dict[str, dict[str, Any]] = field(default_factory=dict)
    story_of_article: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.claims = {c["id"]: c for c in self.report.claims}
        self.article_by_url = {a["url"]: a for a in self.report.articles}
        self.story_of_article = {a: s for s, arts in self.report.stories.items() for a in arts}

    def story_of_claim(self, cid: str) -> str:
        c = self.claims.get(cid)
        art = self.article_by_url.get(c["article_url"]) if c else None
        return self.story_of_article.get(art["id"], "") if art else ""


def _anchor(iri: str, prefix: str) -> str:
    return f"{prefix}-{hashlib.sha256(iri.encode()).hexdigest()[:10]}"


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _key_spans(c: dict[str, Any], ftype: str, explanation: str) -> list[tuple[int, int]]:
    """Offsets (in the field) of the words a finding of type ``ftype`` is about, inside claim ``c``."""
    start, end = c["start"], c["end"]
    spans: list[tuple[int, int]] = []
    if ftype in _QUANTITY_TYPES and c.get("quantity_start") is not None:
        spans.append((c["quantity_start"], c["quantity_end"]))
    phrases = [a or b for a, b in _QUOTED.findall(explanation)]
    phrases += {
        "omitted_condition": [c.get("condition") or ""],
        "headline_body": [c.get("condition") or ""],
        "attribution": [c.get("claimant") or "", c.get("cited_document") or ""],
        "scope": [c.get("scope") or ""],
    }.get(ftype, [])
    claim_text = c["text"]
    for p in phrases:
        p = p.strip()
        if len(p) < 2 or len(p) >= len(claim_text):
            continue
        i = claim_text.find(p)
        if i >= 0:
            spans.append((start + i, start + i + len(p)))
    return [(max(s, start), min(e, end)) for s, e in _merge(spans) if s < end and e > start]


def _quote(ix: _Index, cid: str, ftype: str, explanation: str) -> Quote | None:
    c = ix.claims.get(cid)
    if c is None:
        return None
    title, body = ix.texts.get(c["article_url"], ("", ""))
    field_text = title if c["field"] == "title" else body
    start, end = c["start"], c["end"]
    if field_text[start:end] == c["text"]:
        cs, ce = sentence_bounds(field_text, start, end) if c["field"] != "title" else (0, len(field_text))
        base, ctx = cs, field_text[cs:ce]
    else:  # no article text at hand (or it changed): the claim's own words
        base, ctx = start, c["text"]
    keys = _key_spans(c, ftype, explanation)
    cuts = sorted({base, start, end, base + len(ctx), *(p for span in keys for p in span)})
    segments = []
    for a, b in pairwise(cuts):
        if a >= b:
            continue
        segments.append(
            Segment(
                ctx[a - base : b - base],
                mark=start <= a and b <= end,
                key=any(s <= a and b <= e for s, e in keys),
            )
        )
    pub = c.get("published") or ""
    return Quote(
        claim_id=cid,
        outlet=c["outlet"] or "unknown outlet",
        outlet_key=outlet_key(c["outlet"] or ""),
        published=pub,
        url=c["article_url"],
        where="headline" if c["field"] == "title" else "body",
        segments=tuple(segments),
        ellipsis_before=0 < base <= len(field_text) and not field_text[base - 1].isspace(),
        ellipsis_after=base + len(ctx) < len(field_text) and not field_text[base + len(ctx)].isspace(),
    )


def _findings(ix: _Index) -> list[Finding]:
    out = []
    for d in ix.report.discrepancies:
        quotes = tuple(q for cid in d["claims"] if (q := _quote(ix, cid, d["type"], d["explanation"])))
        story = d["story"] or next((s for cid in d["claims"] if (s := ix.story_of_claim(cid))), "")
        out.append(
            Finding(
                id=d["id"],
                anchor=_anchor(d["id"], "f"),
                type=d["type"],
                label=type_label(d["type"]),
                severity=d["severity"],
                explanation=d["explanation"],
                story=story,
                quotes=quotes,
            )
        )
    return out


def _short(text: str, n: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip(" ,;:") + "…"


def _matrix(
    ix: _Index,
    claim_ids: Sequence[str],
    outlets: Sequence[str],
    findings: Sequence[Finding],
    matches: Iterable[tuple[str, str]],
) -> list[MatrixRow]:
    """One row per group of claims about the same thing; one cell per outlet of the story."""
    same = Groups(claim_ids)

    def union(a: str, b: str) -> None:
        if a in same and b in same:
            same.join(a, b)

    for a, b in matches:
        union(a, b)
    pair_findings = [f for f in findings if f.type != "single_source"]
    for f in pair_findings:
        ids = [q.claim_id for q in f.quotes]
        for other in ids[1:]:
            union(ids[0], other)
    touching: dict[str, list[Finding]] = defaultdict(list)
    for f in pair_findings:
        for q in f.quotes:
            touching[q.claim_id].append(f)
    rows = []
    for ids in same.groups():
        by_outlet: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for cid in ids:
            claim = ix.claims[cid]
            by_outlet[claim["outlet"]].append(claim)
        cells = []
        worst = 9
        for o in outlets:
            cs = sorted(by_outlet.get(o, []), key=lambda c: (c["field"] == "title", c["start"]))
            if not cs:
                cells.append(Cell("omits"))
                continue
            fs = {f.id: f for c in cs for f in touching.get(c["id"], [])}
            text = next((c["quantity_text"] for c in cs if c.get("quantity_text")), "")
            title = " / ".join(c["text"] for c in cs)
            if fs:
                sev = min((f.severity for f in fs.values()), key=lambda s: SEVERITY_ORDER.get(s, 9))
                worst = min(worst, SEVERITY_ORDER.get(sev, 9))
                detail = ", ".join(sorted({f.label.lower() for f in fs.values()}))
                cells.append(Cell("differs", text, detail, sev, title))
            else:
                cells.append(Cell("only" if len(by_outlet) == 1 else "reports", text, title=title))
        body = [ix.claims[c] for c in ids if ix.claims[c]["field"] != "title"] or [ix.claims[c] for c in ids]
        first = min(body, key=lambda c: (len(c["text"]), c["id"]))
        label, figure = first["text"], first.get("quantity_text") or ""
        n_outlets = len(by_outlet)
        rank = (worst if worst < 9 else (3 if n_outlets > 1 else 4), -n_outlets, label + figure)
        rows.append(MatrixRow(_short(label), label, tuple(cells), rank, figure))
    return sorted(rows, key=lambda r: r.rank)


def _outlet_summaries(ix: _Index, findings: Sequence[Finding]) -> list[OutletSummary]:
    names = sorted({a["outlet"] for a in ix.report.articles} | {c["outlet"] for c in ix.report.claims})
    out = []
    for name in names:
        key = outlet_key(name)
        mine = [f for f in findings if any(q.outlet == (name or "unknown outlet") for q in f.quotes)]
        pair = [f for f in mine if f.type not in ("single_source", "headline_body")]
        out.append(
            OutletSummary(
                name=name or "unknown outlet",
                key=key,
                articles=sum(1 for a in ix.report.articles if a["outlet"] == name),
                claims=sum(1 for c in ix.report.claims if c["outlet"] == name),
                high=sum(1 for f in pair if f.severity == "high"),
                medium=sum(1 for f in pair if f.severity == "medium"),
                low=sum(1 for f in pair if f.severity == "low"),
                single_source=sum(1 for f in mine if f.type == "single_source"),
                headline_body=sum(1 for f in mine if f.type == "headline_body"),
            )
        )
    return out


def _stories(ix: _Index, findings: Sequence[Finding], matches: Sequence[tuple[str, str]]) -> list[StoryView]:
    arts = {a["id"]: a for a in ix.report.articles}
    story_ids = list(ix.report.stories)
    if any(not f.story for f in findings) or any(a not in ix.story_of_article for a in arts):
        story_ids.append("")
    views = []
    for sid in story_ids:
        art_ids = ix.report.stories.get(sid) or [a for a in arts if a not in ix.story_of_article]
        story_arts = sorted(
            (arts[a] for a in art_ids if a in arts), key=lambda a: (a["published"] or "", a["outlet"])
        )
        urls = {a["url"] for a in story_arts}
        outlets = tuple(sorted({a["outlet"] for a in story_arts}))
        mine = [f for f in findings if f.story == sid]
        claim_ids = [c["id"] for c in ix.report.claims if c["article_url"] in urls]
        first = min(story_arts, key=lambda a: a["published"] or "9999") if story_arts else None
        views.append(
            StoryView(
                id=sid,
                anchor=_anchor(sid, "s") if sid else "s-other",
                title=(first["title"] or first["url"]) if first and sid else "Articles in no story",
                articles=tuple(story_arts),
                findings=tuple(f for f in mine if f.type != "single_source"),
                singles=tuple(f for f in mine if f.type == "single_source"),
                outlets=outlets,
                matrix=tuple(_matrix(ix, claim_ids, outlets, mine, matches)),
            )
        )
    return views


def web_link(url: str | None) -> bool:
    """Whether ``url`` may become a link: http(s) only, never ``javascript:`` or ``data:``.

    >>> web_link("https://example.org/a"), web_link("javascript:alert(1)"), web_link("file:///etc")
    (True, False, False)
    """
    return bool(url) and re.match(r"^https?://[^\s]+$", url or "", re.I) is not None


@lru_cache(maxsize=1)
def template_env() -> Environment:
    """The Jinja2 environment of the package's templates, autoescaping everything."""
    env = Environment(
        loader=PackageLoader("claimgraph", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.tests["web_link"] = web_link
    return env


@dataclass(frozen=True, slots=True)
class ReportView:
    """Everything the page shows, computed from the report: stories, outlets, filter choices."""

    stories: tuple[StoryView, ...]
    outlets: tuple[OutletSummary, ...]
    types: tuple[tuple[str, str], ...]  # (type, label) of the findings present
    n_findings: int  # between outlets
    n_single: int


def report_view(
    report: Report,
    texts: Mapping[str, tuple[str, str]] | None = None,
    matches: Iterable[tuple[str, str]] = (),
) -> ReportView:
    """The report arranged for the page (see :func:`render_html` for the arguments)."""
    ix = _Index(report, texts or {})
    findings = _findings(ix)
    types = sorted(
        {f.type for f in findings}, key=lambda t: (RULE_TYPES.index(t) if t in RULE_TYPES else 99, t)
    )
    n_single = sum(1 for f in findings if f.type == "single_source")
    return ReportView(
        stories=tuple(_stories(ix, findings, list(matches))),
        outlets=tuple(_outlet_summaries(ix, findings)),
        types=tuple((t, type_label(t)) for t in types),
        n_findings=len(findings) - n_single,
        n_single=n_single,
    )


def render_html(
    report: Report,
    texts: Mapping[str, tuple[str, str]] | None = None,
    matches: Iterable[tuple[str, str]] = (),
    *,
    live: bool = False,
    generated: str = "",
) -> str:
    """The report as one HTML page that needs nothing from the network.

    Args:
        report: what :func:`~claimgraph.report.build_report` returned.
        texts: (headline, body) by article URL (:func:`~claimgraph.report.article_texts`), to
            show each claim in its sentence.
        matches: pairs of claim IRIs about the same thing (:func:`~claimgraph.report.claim_matches`),
            to group claims in the coverage matrix.
        live: the page is served by ``claimgraph serve``: link the query page and the API.
        generated: a note on when or from what the page was made, shown in the footer.

    Returns:
        The page, with every text from the articles escaped.
    """
    view = report_view(report, texts, matches)
    return (
        template_env()
        .get_template("report.html")
        .render(report=report, view=view, live=live, generated=generated)
    )
