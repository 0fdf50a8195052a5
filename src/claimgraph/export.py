"""Export the store in standard formats: Turtle, N-Quads, JSON-LD and schema.org ClaimReview.

- ``nquads``: every quad of the store, named graphs kept.
- ``turtle``: the triples of every graph merged into one graph (Turtle has no named graphs);
  every claim still says which article it is in, so no provenance is lost.
- ``jsonld``: every named graph as a JSON-LD named graph, compacted with the claimgraph
  context, referenced by its stable URL (:data:`~claimgraph.vocab.CONTEXT_URL`; the same file
  ships as ``ontology/context.jsonld``), every literal with its datatype, so it reads back as
  the same quads; :func:`parse_jsonld` reads it offline.
- ``claimreview``: one schema.org ``ClaimReview`` per discrepancy, as JSON-LD, the format
  fact-checkers publish to search engines.

``graph=`` restricts the first three to one named graph.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QuerySolutions,
    RdfFormat,
    Store,
    parse,
    serialize,
)
from rdflib import Graph
from rdflib.namespace import SKOS

from .datafiles import ontology_file
from .errors import ConfigError
from .vocab import CG, CONTEXT_URL, DISCREPANCIES_GRAPH, PREFIXES, RDF, SCHEMA, XSD

__all__ = ["EXPORT_FORMATS", "claimreviews", "export_store", "jsonld_context", "jsonld_nodes", "parse_jsonld"]

EXPORT_FORMATS = ("turtle", "nquads", "jsonld", "claimreview")
SCHEMA_CONTEXT = "https://schema.org"


def jsonld_context() -> dict[str, Any]:
    """The claimgraph JSON-LD context (the value of ``@context`` in ``ontology/context.jsonld``)."""
    data = json.loads(ontology_file("context.jsonld").read_text(encoding="utf-8"))
    ctx = data["@context"]
    assert isinstance(ctx, dict)
    return ctx


def _quads(store: Store, graph: str | None) -> list[Quad]:
    if graph is None:
        return list(store)
    g = NamedNode(graph)
    if not any(n == g for n in store.named_graphs()):
        raise ConfigError(
            f"the store has no named graph <{graph}>; list them with: claimgraph query 'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{}} }}'"
        )
    return list(store.quads_for_pattern(None, None, None, g))


def export_store(
    store: Store, fmt: str = "turtle", *, graph: str | None = None, reviewer: str = "claimgraph"
) -> bytes:
    """The store (or one named ``graph`` of it) serialized as ``fmt``; see the module docstring.

    Args:
        store: the store to export.
        fmt: ``turtle``, ``nquads``, ``jsonld`` or ``claimreview``.
        graph: the IRI of one named graph to export instead of all (not for ``claimreview``).
        reviewer: the organization named as the author of each ClaimReview.

    Raises:
        ConfigError: unknown format, or no such graph.
    """
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"Unknown export format {fmt!r}; available formats: {', '.join(EXPORT_FORMATS)}")
    if fmt == "claimreview":
        if graph is not None:
            raise ConfigError("--graph does not apply to the claimreview format, which exports discrepancies")
        doc = {"@context": SCHEMA_CONTEXT, "@graph": claimreviews(store, reviewer=reviewer)}
        return (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    quads = _quads(store, graph)
    if fmt == "nquads":
        return serialize(quads, format=RdfFormat.N_QUADS) or b""
    if fmt == "turtle":
        triples = sorted({q.triple for q in quads}, key=str)
        return serialize(triples, format=RdfFormat.TURTLE, prefixes=PREFIXES) or b""
    doc = {"@context": CONTEXT_URL, "@graph": jsonld_nodes(quads, jsonld_context())}
    return (json.dumps(doc, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def jsonld_nodes(quads: Iterable[Quad], context: dict[str, Any]) -> list[dict[str, Any]]:
    """Quads as JSON-LD node objects (flattened, one per subject and graph), IRIs compacted.

    Every literal keeps its datatype (``{"@value", "@type"}``; ``xsd:string`` as a plain
    string), so the document reads back as exactly the same quads. Named graphs become
    ``{"@id": graph, "@graph": [...]}`` objects.
    """
    prefixes = sorted(
        ((k, v) for k, v in context.items() if isinstance(v, str) and not k.startswith("@")),
        key=lambda kv: -len(kv[1]),
    )

    def iri(value: str) -> str:
        for name, ns in prefixes:
            if value.startswith(ns) and len(value) > len(ns) and not value[len(ns) :].startswith("//"):
                return f"{name}:{value[len(ns) :]}"
        return value

    def ref(term: Any) -> str:
        return f"_:{term.value}" if isinstance(term, BlankNode) else iri(term.value)

    def literal(term: Literal) -> Any:
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype.value == XSD + "string":
            return term.value
        return {"@value": term.value, "@type": iri(term.datatype.value)}

    graphs: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for q in quads:
        g = "" if isinstance(q.graph_name, DefaultGraph) else q.graph_name.value
        node = graphs[g].setdefault(ref(q.subject), {"@id": ref(q.subject)})
        o = q.object
        if q.predicate.value == RDF + "type" and isinstance(o, NamedNode):
            node.setdefault("@type", []).append(iri(o.value))
        else:
            value = literal(o) if isinstance(o, Literal) else {"@id": ref(o)}
            node.setdefault(iri(q.predicate.value), []).append(value)

    def ordered(nodes: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
        out = []
        for key in sorted(nodes):
            node = nodes[key]
            first = [k for k in ("@id", "@type") if k in node]
            out.append({k: node[k] for k in first + sorted(k for k in node if k not in first)})
        return out

    top = ordered(graphs.pop("", {}))
    return top + [{"@id": iri(g), "@graph": ordered(graphs[g])} for g in sorted(graphs)]


def parse_jsonld(data: str | bytes) -> list[Quad]:
    """The quads of a JSON-LD export, read offline: the claimgraph context URL is replaced by
    the packaged copy of the context before parsing (with pyoxigraph's JSON-LD parser)."""

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: (_resolve_ctx(v) if k == "@context" else resolve(v)) for k, v in node.items()}
        if isinstance(node, list):
            return [resolve(x) for x in node]
        return node

    doc = resolve(json.loads(data))
    return list(parse(json.dumps(doc).encode("utf-8"), format=RdfFormat.JSON_LD))


def _resolve_ctx(ctx: Any) -> Any:
    if ctx == CONTEXT_URL:
        return jsonld_context()
    if isinstance(ctx, list):
        return [_resolve_ctx(c) for c in ctx]
    return ctx


# -- ClaimReview ------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _type_labels() -> dict[str, tuple[str, str]]:
    """skos:notation -> (concept IRI, English label) of the built-in discrepancy types."""
    g = Graph().parse(ontology_file("claimgraph.ttl"), format="turtle")
    out = {}
    for concept, notation in g.subject_objects(SKOS.notation):
        label = g.value(concept, SKOS.prefLabel)
        out[str(notation)] = (str(concept), str(label) if label is not None else str(notation))
    return out


_REVIEW_QUERY = f"""
PREFIX cg: <{CG}>
PREFIX schema: <{SCHEMA}>
SELECT ?d ?type ?severity ?explanation ?c ?text ?claimant ?doc ?art ?url ?headline ?published ?outlet WHERE {{
  GRAPH <{DISCREPANCIES_GRAPH}> {{
    ?d a cg:Discrepancy ; cg:discrepancyType ?type ; cg:severity ?severity ;
       cg:explanation ?explanation ; cg:involvesClaim ?c .
  }}
  GRAPH ?g {{
    ?c a cg:Claim ; cg:text ?text ; cg:inArticle ?art .
    ?art schema:url ?url .
    OPTIONAL {{ ?c cg:claimant ?claimant }}
    OPTIONAL {{ ?c cg:citedDocument ?doc }}
    OPTIONAL {{ ?art schema:headline ?headline }}
    OPTIONAL {{ ?art schema:datePublished ?published }}
    OPTIONAL {{ ?art schema:publisher/schema:name ?outlet }}
  }}
}}
"""


_REVIEW_VARS = (
    "d",
    "type",
    "severity",
    "explanation",
    "c",
    "text",
    "claimant",
    "doc",
    "art",
    "url",
    "headline",
    "published",
    "outlet",
)


def claimreviews(
    store: Store, *, reviewer: str = "claimgraph", now: datetime | None = None
) -> list[dict[str, Any]]:
    """One schema.org ClaimReview (a JSON-LD object) per discrepancy in the store.

    The reviewed item is the discrepancy's first claim (ordered by outlet, as in the report),
    with every article the discrepancy involves as an appearance and the other claim as a
    mention; the rating's ``alternateName`` is the discrepancy type's label and severity, the
    explanation is the review body, and ``about`` is the type as a ``DefinedTerm`` (the SKOS
    concept of ``cg:DiscrepancyTypes``).
    """
    rows: dict[str, list[dict[str, str]]] = defaultdict(list)
    head: dict[str, dict[str, str]] = {}
    solutions = store.query(_REVIEW_QUERY)
    assert isinstance(solutions, QuerySolutions)
    for r in solutions:
        v = {name: (r[name].value if r[name] is not None else "") for name in _REVIEW_VARS}
        head[v["d"]] = v
        rows[v["d"]].append(v)
    labels = _type_labels()
    today = (now or datetime.now(UTC)).date().isoformat()
    out = []
    for d in sorted(rows):
        claims = sorted(
            {(x["outlet"], x["c"]): x for x in rows[d]}.values(), key=lambda x: (x["outlet"], x["c"])
        )
        first, info = claims[0], head[d]
        concept, label = labels.get(info["type"], ("", info["type"].replace("_", " ")))
        articles = sorted(
            {x["art"]: x for x in claims}.values(), key=lambda x: (x["published"] or "9999", x["url"])
        )
        appearances = [_appearance(x) for x in articles]
        item: dict[str, Any] = {
            "@type": "Claim",
            "@id": first["c"],
            "text": first["text"],
            "appearance": appearances,
            "firstAppearance": appearances[0],
        }
        if first["published"]:
            item["datePublished"] = first["published"]
        if first[
            "claimant"
        ]:  # who makes the claim, as worded; whether a person or an organization is not known
            item["author"] = {"name": first["claimant"]}
        if first["doc"]:
            item["citation"] = {"@type": "CreativeWork", "name": first["doc"]}
        review: dict[str, Any] = {
            "@type": "ClaimReview",
            "@id": d,
            "url": d,
            "datePublished": today,
            "author": {"@type": "Organization", "name": reviewer},
            "claimReviewed": first["text"],
            "itemReviewed": item,
            "reviewRating": {
                "@type": "Rating",
                "alternateName": f"{label[:1].upper()}{label[1:]} ({info['severity']} severity)",
                "ratingExplanation": info["explanation"],
            },
            "reviewBody": info["explanation"],
            "keywords": ["claimgraph discrepancy", info["type"], info["severity"]],
        }
        if concept:
            review["about"] = {
                "@type": "DefinedTerm",
                "@id": concept,
                "name": label,
                "termCode": info["type"],
                "inDefinedTermSet": CG + "DiscrepancyTypes",
            }
        if len(claims) > 1:
            review["mentions"] = [{"@type": "Claim", "@id": x["c"], "text": x["text"]} for x in claims[1:]]
        out.append(review)
    return out


def _appearance(x: dict[str, str]) -> dict[str, Any]:
    a: dict[str, Any] = {"@type": "NewsArticle", "@id": x["art"], "url": x["url"]}
    if x["headline"]:
        a["headline"] = x["headline"]
    if x["published"]:
        a["datePublished"] = x["published"]
    if x["outlet"]:
        a["publisher"] = {"@type": "Organization", "name": x["outlet"]}
    return a
