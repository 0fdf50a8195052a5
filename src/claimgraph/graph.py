"""The graph stage: :class:`Article` and :class:`Claim` values <-> RDF.

One named graph per article holds the article, its outlet and every claim with its frame and
its span (W3C Web Annotation selectors: a TextPositionSelector and a TextQuoteSelector with
prefix and suffix), the ingest that wrote it as a ``prov:Activity`` (claimgraph, spaCy and
model versions, start and end), where and when the text was retrieved, and the graph's own
description (``cg:ArticleGraph``). IRIs are derived from the article URL and the span, so the
same input always gives the same triples (times aside).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode, QuerySolutions, Store, Triple

from . import __version__
from .model import Article, Claim, Quantity, TimeSpan
from .provenance import ModelInfo, quote_context
from .vocab import CG, ID, OA, PROV, RDF, SCHEMA, XSD

_A = NamedNode(RDF + "type")


def _h(s: str, n: int = 16) -> str:
    return hashlib.sha256(s.encode("utf-8")).hexdigest()[:n]


def outlet_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "unknown"


def article_iri(url: str) -> str:
    return f"{ID}article/{_h(url)}"


def article_graph(url: str) -> str:
    return f"{ID}graph/article/{_h(url)}"


def outlet_iri(name: str) -> str:
    return f"{ID}outlet/{outlet_key(name)}"


def claim_iri(c: Claim) -> str:
    q = f"-q{c.quantity.start}" if c.quantity else ""
    return f"{ID}claim/{_h(c.article_url)}/{c.field}-{c.start}-{c.end}{q}"


def claim_article_iri(claim: str) -> str | None:
    """The IRI of the article a claim IRI of :func:`claim_iri`'s making belongs to (both carry
    the hash of the article's URL), or None for any other IRI, a superseded claim's included."""
    head = f"{ID}claim/"
    if not claim.startswith(head):
        return None
    h, sep, rest = claim[len(head) :].partition("/")
    return f"{ID}article/{h}" if sep and len(h) == 16 and not rest.startswith("version/") else None


def article_version_iri(url: str, version: int) -> str:
    """The IRI an article's description gets when its version ``version`` is superseded."""
    return f"{article_iri(url)}/version/{version}"


def article_version_graph(url: str, version: int) -> str:
    """The named graph that keeps the superseded version ``version`` of an article."""
    return f"{article_graph(url)}/version/{version}"


def claim_prefix(url: str) -> str:
    """The common start of the IRIs of every current claim of an article."""
    return f"{ID}claim/{_h(url)}/"


def claim_version_prefix(url: str, version: int) -> str:
    """The common start of the IRIs of the claims of a superseded version of an article."""
    return f"{claim_prefix(url)}version/{version}/"


def _lit(v: Any) -> Literal:
    if isinstance(v, bool):
        return Literal("true" if v else "false", datatype=NamedNode(XSD + "boolean"))
    if isinstance(v, int):
        return Literal(str(v), datatype=NamedNode(XSD + "integer"))
    if isinstance(v, float):
        return Literal(repr(float(v)), datatype=NamedNode(XSD + "double"))
    if isinstance(v, datetime):
        return Literal(v.isoformat(), datatype=NamedNode(XSD + "dateTime"))
    if isinstance(v, date):
        return Literal(v.isoformat(), datatype=NamedNode(XSD + "date"))
    return Literal(str(v))


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _retrieved_at(article: Article, default: datetime) -> datetime:
    """``article.retrieved`` as a datetime when it is one (ISO 8601), else ``default``."""
    if article.retrieved:
        try:
            return datetime.fromisoformat(article.retrieved.replace("Z", "+00:00"))
        except ValueError:
            pass
    return default


def source_iri(article: Article) -> str:
    """Where the article's text was read from, as an IRI: its URL, or the file's ``file:`` URI."""
    src = article.source
    if src and _is_iri(src) and not re.match(r"^[a-z]:[\\/]", src, re.I):  # not a Windows path
        return src
    if src:
        return Path(src).resolve().as_uri()
    return article.url if _is_iri(article.url) else f"{ID}source/{_h(article.url)}"


def software_iri(name: str, version: str) -> str:
    return f"{ID}software/{quote(name, safe='')}/{quote(version or 'unknown', safe='')}"


def model_iri(model: ModelInfo) -> str:
    return f"{ID}model/{quote(model.name, safe='')}/{quote(model.version or 'unknown', safe='')}"


def article_triples(
    article: Article,
    claims: Iterable[Claim],
    *,
    model: ModelInfo | str = "",
    now: datetime | None = None,
    started: datetime | None = None,
    version: int = 1,
    revision_of: str | None = None,
) -> list[Triple]:
    """Every triple of the article's named graph.

    Args:
        article: the article.
        claims: its extracted claims.
        model: the NLP model that extracted them (a :class:`ModelInfo`, or a plain name).
        now: when the extraction ended (default: the current time, UTC).
        started: when it started (default: ``now``).
        version: the article's version number: 1 for the first text stored for its URL,
            one more for each later text that differed.
        revision_of: the IRI of the superseded version this one revises, if any.
    """
    a = NamedNode(article_iri(article.url))
    g = NamedNode(article_graph(article.url))
    ended = now or _now()
    began = started or ended
    info = model if isinstance(model, ModelInfo) else ModelInfo(name=model, version="")
    out: list[Triple] = []

    def add(s: NamedNode, p: str, o: Any) -> None:
        if o is None or o == "":
            return
        out.append(Triple(s, NamedNode(p), o if isinstance(o, NamedNode | Literal) else _lit(o)))

    add(a, RDF + "type", NamedNode(SCHEMA + "NewsArticle"))
    add(a, SCHEMA + "url", NamedNode(article.url) if _is_iri(article.url) else article.url)
    add(a, SCHEMA + "headline", article.title)
    add(a, SCHEMA + "articleBody", article.text)
    add(a, SCHEMA + "datePublished", article.published)
    add(a, SCHEMA + "inLanguage", article.language)
    add(a, SCHEMA + "author", article.author)
    add(a, SCHEMA + "version", version)
    add(a, CG + "checksum", article.checksum)
    add(a, CG + "extractorVersion", __version__)
    add(a, CG + "source", article.source)
    src = NamedNode(source_iri(article))
    add(a, CG + "retrievedFrom", src)
    add(a, CG + "retrievedAt", _retrieved_at(article, began))
    if revision_of:
        add(a, PROV + "wasRevisionOf", NamedNode(revision_of))
    if article.outlet:
        o = NamedNode(outlet_iri(article.outlet))
        add(a, SCHEMA + "publisher", o)
        add(o, RDF + "type", NamedNode(SCHEMA + "Organization"))
        add(o, SCHEMA + "name", article.outlet)
        add(o, CG + "outletKey", outlet_key(article.outlet))
    # a text that comes back after an edit is a new version, extracted by a new activity
    act = NamedNode(
        f"{ID}activity/{_h(article.url + article.checksum + (f'#{version}' if version > 1 else ''))}"
    )
    add(a, PROV + "wasGeneratedBy", act)
    add(g, RDF + "type", NamedNode(CG + "ArticleGraph"))
    add(g, SCHEMA + "about", a)
    add(g, PROV + "wasGeneratedBy", act)
    # the ingest: one prov:Activity, with the software and the model it ran
    add(act, RDF + "type", NamedNode(CG + "ExtractionActivity"))
    add(act, RDF + "type", NamedNode(PROV + "Activity"))
    add(act, PROV + "startedAtTime", began)
    add(act, PROV + "endedAtTime", ended)
    add(act, SCHEMA + "softwareVersion", f"claimgraph {__version__}")
    add(act, CG + "source", f"{info.name}-{info.version}" if info.version else info.name)
    add(act, PROV + "used", src)
    me = NamedNode(software_iri("claimgraph", __version__))
    add(act, PROV + "wasAssociatedWith", me)
    add(me, RDF + "type", NamedNode(PROV + "SoftwareAgent"))
    add(me, SCHEMA + "name", "claimgraph")
    add(me, SCHEMA + "softwareVersion", __version__)
    if info.spacy_version:
        sp = NamedNode(software_iri("spaCy", info.spacy_version))
        add(act, PROV + "wasAssociatedWith", sp)
        add(sp, RDF + "type", NamedNode(PROV + "SoftwareAgent"))
        add(sp, SCHEMA + "name", "spaCy")
        add(sp, SCHEMA + "softwareVersion", info.spacy_version)
    if info.name:
        m = NamedNode(model_iri(info))
        add(act, PROV + "used", m)
        add(m, RDF + "type", NamedNode(CG + "LanguageModel"))
        add(m, SCHEMA + "name", info.name)
        add(m, SCHEMA + "softwareVersion", info.version)
    claims = list(claims)
    for c in claims:
        _claim_triples(c, a, add, article.field_text(c.field))  # type: ignore[arg-type]
    # the frames again, as one literal: alignment reads an article in one lookup (see FRAMES)
    if claims:
        out.append(Triple(a, NamedNode(FRAMES), frames_literal(article, claims)))
    return out


# -- the frames digest ------------------------------------------------------------------------
#
# Alignment reads every frame of every article. Put together from triples that is some 25
# lookups a claim (on disk, over a minute for 100,000 claims); so each article graph also holds
# its claims' frames as one rdf:JSON literal on the article, written with the triples from the
# same Claim values, and read_claims() reads that instead (graphs without one, written by an
# older version, are read from their triples). It is a copy for reading, never the record:
# the triples are what queries, rules and shapes see, and tests check that both read the same.

FRAMES = CG + "claimFrames"
RDF_JSON = NamedNode(RDF + "JSON")
_FRAMES_VERSION = 1


def frames_literal(article: Article, claims: Iterable[Claim]) -> Literal:
    """The digest of an article's claims, exactly as :func:`read_claims` reads them back from
    the triples (empty fields dropped, a quantity or time with a missing part left out)."""
    pub = _py(_lit(article.published)) if article.published else None  # as read_claims has it
    pub = pub.isoformat() if isinstance(pub, date) else pub
    doc = {
        "v": _FRAMES_VERSION,
        "url": article.url,
        "outlet": article.outlet or None,
        "published": pub,
        "claims": [f for c in claims if (f := _frame(c))],
    }
    return Literal(json.dumps(doc, ensure_ascii=False, separators=(",", ":")), datatype=RDF_JSON)


_FRAME_TEXT = (
    ("measure", "measure"),
    ("measure_key", "measureKey"),
    ("subject", "subject"),
    ("scope", "scope"),
    ("condition", "condition"),
    ("claimant", "claimant"),
    ("cited_document", "doc"),
    ("predicate", "predicate"),
)


def _frame(c: Claim) -> dict[str, Any] | None:
    if not (c.field and c.text and c.kind):
        return None  # read_claims skips such a claim too
    f: dict[str, Any] = {
        "id": claim_iri(c)[len(claim_prefix(c.article_url)) :],  # the IRI, as written
        "field": c.field,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "kind": c.kind,
    }
    for attr, key in _FRAME_TEXT:
        if v := getattr(c, attr):
            f[key] = v
    if c.claimant and c.claimant_vague:
        f["vague"] = True
    if c.modality and c.modality != "asserted":
        f["modality"] = c.modality
    if c.negated:
        f["negated"] = True
    if kw := " ".join(c.keywords):
        f["keywords"] = kw
    q = c.quantity
    if q is not None and q.unit and q.qualifier and q.text:
        f["q"] = [
            q.text,
            q.start,
            q.end,
            q.unit,
            q.qualifier,
            *(None if v is None else float(v) for v in (q.value, q.low, q.high)),
            q.baseline,
        ]
    t = c.time
    if t is not None and t.iso and t.granularity:
        f["t"] = [t.text, t.iso, t.begin.isoformat(), t.end.isoformat(), t.granularity, t.relation or "at"]
    return f


def _claims_from_frames(literal: str) -> list[tuple[Claim, dict[str, Any]]] | None:
    """The claims of one digest, or None if it is not one this version reads."""
    try:
        doc = json.loads(literal)
    except ValueError:
        return None
    if not isinstance(doc, dict) or doc.get("v") != _FRAMES_VERSION:
        return None
    url = doc["url"]
    art, prefix = article_iri(url), claim_prefix(url)
    published: Any = doc.get("published")
    if published and len(published) == 10:  # an xsd:date; an xsd:dateTime stays a string
        published = date.fromisoformat(published)
    out = []
    seen = set()
    for f in doc["claims"]:
        iri = prefix + f["id"]
        if iri in seen:  # one node in the graph
            continue
        seen.add(iri)
        out.append(_claim_of(f, url, iri, art, doc.get("outlet"), published))
    return out


def _is_iri(s: str) -> bool:
    return bool(re.match(r"^[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]*$", s, re.I))


def _claim_triples(c: Claim, a: NamedNode, add: Any, field_text: str) -> None:
    s = NamedNode(claim_iri(c))
    add(s, RDF + "type", NamedNode(CG + "Claim"))
    add(s, RDF + "type", NamedNode(SCHEMA + "Claim"))
    add(s, CG + "inArticle", a)
    add(s, SCHEMA + "appearance", a)
    for p, v in (
        ("field", c.field),
        ("text", c.text),
        ("start", c.start),
        ("end", c.end),
        ("kind", c.kind),
        ("measure", c.measure),
        ("measureKey", c.measure_key),
        ("subject", c.subject),
        ("scope", c.scope),
        ("condition", c.condition),
        ("claimant", c.claimant),
        ("citedDocument", c.cited_document),
        ("modality", c.modality),
        ("negated", c.negated),
        ("predicate", c.predicate),
        ("keywords", " ".join(c.keywords)),
    ):
        add(s, CG + p, v)
    if c.claimant:
        add(s, CG + "claimantIsVague", c.claimant_vague)
    # W3C Web Annotation selectors: the position, and the quote with its context
    pos = NamedNode(str(s.value) + "#position")
    add(s, OA + "hasSelector", pos)
    add(pos, RDF + "type", NamedNode(OA + "TextPositionSelector"))
    add(pos, OA + "start", c.start)  # Oxigraph stores xsd:nonNegativeInteger as xsd:integer anyway
    add(pos, OA + "end", c.end)
    quo = NamedNode(str(s.value) + "#quote")
    prefix, suffix = quote_context(field_text, c.start, c.end)
    add(s, OA + "hasSelector", quo)
    add(quo, RDF + "type", NamedNode(OA + "TextQuoteSelector"))
    add(quo, OA + "exact", c.text)
    add(quo, OA + "prefix", prefix)
    add(quo, OA + "suffix", suffix)
    if q := c.quantity:
        qn = NamedNode(str(s.value) + "#quantity")
        add(s, CG + "quantity", qn)
        add(qn, RDF + "type", NamedNode(CG + "Quantity"))
        add(qn, RDF + "type", NamedNode(SCHEMA + "QuantitativeValue"))
        quantity_fields: tuple[tuple[str, object], ...] = (
            ("value", q.value),
            ("low", q.low),
            ("high", q.high),
            ("unit", q.unit),
            ("qualifier", q.qualifier),
            ("quantityText", q.text),
            ("quantityStart", q.start),
            ("quantityEnd", q.end),
            ("isBaseline", q.baseline),
        )
        for qp, qv in quantity_fields:
            add(qn, CG + qp, float(qv) if qp in ("value", "low", "high") and qv is not None else qv)  # type: ignore[arg-type]
        for name, amount in (("value", q.value), ("minValue", q.low), ("maxValue", q.high)):
            add(qn, SCHEMA + name, None if amount is None else float(amount))
        add(qn, SCHEMA + "unitText", q.unit)
    if t := c.time:
        add(s, CG + "time", t.iso)
        add(s, CG + "timeBegin", t.begin)
        add(s, CG + "timeEnd", t.end)
        add(s, CG + "timeGranularity", t.granularity)
        add(s, CG + "timeText", t.text)
        add(s, CG + "timeRelation", t.relation)
        add(
            s,
            SCHEMA + "temporalCoverage",
            t.begin.isoformat() if t.begin == t.end else f"{t.begin.isoformat()}/{t.end.isoformat()}",
        )


def insert_data(graph: str, triples: Iterable[Triple]) -> str:
    """A SPARQL INSERT DATA block; every term is serialized (and escaped) by pyoxigraph."""
    body = " .\n".join(str(t) for t in triples)
    return f"INSERT DATA {{ GRAPH <{graph}> {{\n{body} .\n}} }}" if body else ""


# -- reading back ---------------------------------------------------------------------------


def _py(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, NamedNode):
        return term.value
    dt = term.datatype.value if hasattr(term, "datatype") else ""
    v = term.value
    if dt == XSD + "integer":
        return int(v)
    if dt in (XSD + "double", XSD + "decimal", XSD + "float"):
        return float(v)
    if dt == XSD + "boolean":
        return v == "true"
    if dt == XSD + "date":
        return date.fromisoformat(v)
    return v


_CLAIM_FIELDS = {
    "field": "field",
    "start": "start",
    "end": "end",
    "text": "text",
    "kind": "kind",
    "measure": "measure",
    "measureKey": "measureKey",
    "subject": "subject",
    "scope": "scope",
    "condition": "condition",
    "claimant": "claimant",
    "claimantIsVague": "vague",
    "citedDocument": "doc",
    "modality": "modality",
    "negated": "negated",
    "predicate": "predicate",
    "keywords": "keywords",
    "time": "time",
    "timeBegin": "tbegin",
    "timeEnd": "tend",
    "timeGranularity": "tgran",
    "timeText": "ttext",
    "timeRelation": "trel",
    "inArticle": "article",
    "quantity": "q",
}
_QUANTITY_FIELDS = {
    "unit": "unit",
    "qualifier": "qualifier",
    "quantityText": "qtext",
    "quantityStart": "qstart",
    "quantityEnd": "qend",
    "value": "value",
    "low": "low",
    "high": "high",
    "isBaseline": "baseline",
}
_READ = {CG + k: v for k, v in (_CLAIM_FIELDS | _QUANTITY_FIELDS).items()} | {
    SCHEMA + "url": "url",
    SCHEMA + "publisher": "publisher",
    SCHEMA + "name": "name",
    SCHEMA + "datePublished": "published",
    RDF + "type": "type",
}
_GRAPH_QUERY = "SELECT ?s ?p ?o WHERE {{ GRAPH <{}> {{ ?s ?p ?o }} FILTER(?p IN ({})) }}"
_PREDICATES = ", ".join(f"<{p}>" for p in _READ)


def _article_graphs(store: Store, articles: Iterable[str] | None) -> list[str]:
    """The named graphs holding the given articles (or every article), superseded ones aside."""
    t, na = NamedNode(RDF + "type"), NamedNode(SCHEMA + "NewsArticle")
    subjects = [None] if articles is None else [NamedNode(a) for a in articles]
    graphs = {
        q.graph_name.value
        for s in subjects
        for q in store.quads_for_pattern(s, t, na, None)
        if isinstance(q.graph_name, NamedNode)
    }
    graphs.discard(ID + "graph/superseded")
    return sorted(graphs)


def read_claims(store: Store, *, articles: Iterable[str] | None = None) -> list[tuple[Claim, dict[str, Any]]]:
    """Every claim of every current article (or of the articles given, by IRI), with its IRI,
    article IRI, outlet and date, ordered by article URL, field and position.

    An article is read from its frames digest (:data:`FRAMES`) when it has one; otherwise its
    graph is read as one list of triples and put together here (on disk, several times faster
    than one query with an OPTIONAL per frame field).
    """
    out = []
    digest = NamedNode(FRAMES)
    for g in _article_graphs(store, articles):
        gn = NamedNode(g)
        read = None
        for t in store.quads_for_pattern(None, digest, None, gn):
            if isinstance(t.object, Literal):
                read = _claims_from_frames(t.object.value)
            break
        if read is not None:
            out += read
            continue
        nodes: dict[str, dict[str, Any]] = defaultdict(dict)
        rows = store.query(_GRAPH_QUERY.format(g, _PREDICATES))
        assert isinstance(rows, QuerySolutions)
        for s, p, o in rows:
            if p.value == RDF + "type":  # a claim is also a schema:Claim: keep every type
                nodes[s.value].setdefault("types", set()).add(o.value)
            else:
                nodes[s.value][_READ[p.value]] = _py(o)
        for c, node in nodes.items():
            if (
                CG + "Claim" not in node.get("types", ())
                or not {"article", "field", "start", "end", "text", "kind"} <= node.keys()
            ):
                continue
            art = nodes.get(node["article"], {})
            if "url" not in art:
                continue
            # the node as a frame (see _frame): its quantity and time as the frame's lists
            q = nodes.get(node.get("q", ""), {})
            frame = {**node, "q": None, "t": None}
            if {"unit", "qualifier", "qtext", "qstart", "qend"} <= q.keys():
                frame["q"] = [q.get(k) for k in ("qtext", "qstart", "qend", "unit", "qualifier")] + [
                    q.get(k) for k in ("value", "low", "high", "baseline")
                ]
            if {"time", "tbegin", "tend", "tgran"} <= node.keys():
                frame["t"] = [node.get(k) for k in ("ttext", "time", "tbegin", "tend", "tgran", "trel")]
            outlet = nodes.get(art.get("publisher", ""), {}).get("name")
            out.append(_claim_of(frame, str(art["url"]), c, node["article"], outlet, art.get("published")))
    out.sort(
        key=lambda p: (p[0].article_url, p[0].field, p[0].start, p[0].quantity.start if p[0].quantity else -1)
    )
    return out


def _claim_of(
    f: dict[str, Any], url: str, iri: str, article: str, outlet: str | None, published: Any
) -> tuple[Claim, dict[str, Any]]:
    """A claim and its meta from its frame (as :func:`_frame` writes it, or as read_claims puts
    it together from the triples): the one place a stored claim becomes a Claim."""
    quantity = None
    if (q := f.get("q")) is not None:
        quantity = Quantity(
            text=q[0], start=q[1], end=q[2], unit=q[3], qualifier=q[4],
            value=q[5], low=q[6], high=q[7], baseline=bool(q[8]),
        )  # fmt: skip
    time = None
    if (t := f.get("t")) is not None:
        time = TimeSpan(
            text=t[0] or "", iso=t[1], begin=_day(t[2]), end=_day(t[3]),
            granularity=t[4], relation=t[5] or "at",
        )  # fmt: skip
    get = f.get
    claim = Claim(
        article_url=url, field=f["field"], start=f["start"], end=f["end"], text=f["text"],
        kind=f["kind"], quantity=quantity, time=time, measure=get("measure") or "",
        measure_key=get("measureKey") or "", subject=get("subject") or "",
        scope=get("scope") or "", condition=get("condition") or "",
        claimant=get("claimant") or "", claimant_vague=bool(get("vague")),
        cited_document=get("doc") or "", modality=get("modality") or "asserted",
        negated=bool(get("negated")), predicate=get("predicate") or "",
        keywords=tuple((get("keywords") or "").split()),
    )  # fmt: skip
    return claim, {"iri": iri, "article": article, "outlet": outlet or "", "published": published}


def _day(v: Any) -> Any:
    """A frame's day (ISO text in a digest; a date, as _py reads it, from the triples)."""
    return date.fromisoformat(v) if isinstance(v, str) else v
