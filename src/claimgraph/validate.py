"""Validate graphs against the SHACL shapes of ``ontology/shapes.ttl`` (with pyshacl).

The data validated is the union of the store's data graphs: every article graph (current and
superseded versions), the stories, matches, discrepancies and failures graphs. The ontology
graph is vocabulary, not data, and is left out. Each problem comes back as a
:class:`ShapeViolation` naming the node, the property path, the shape and a readable message.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pyoxigraph import NamedNode, RdfFormat, Store, Triple, serialize
from rdflib import BNode, Graph, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.plugins.stores.memory import Memory
from rdflib.query import Result
from rdflib.term import Node

from .datafiles import ontology_file
from .vocab import ID, ONTOLOGY, PREFIXES, SHAPES

__all__ = [
    "ShapeViolation",
    "format_violations",
    "load_shapes",
    "store_graph",
    "to_graph",
    "validate_graph",
    "validate_store",
]

_SHORT = {**PREFIXES, "id": ID, "sh": str(SH), "cgsh": SHAPES}


@dataclass(frozen=True, slots=True)
class ShapeViolation:
    """One SHACL validation result, with every node written as a short name (``cg:end``)."""

    focus: str
    path: str
    message: str
    shape: str  # the named node shape whose constraint failed, e.g. "cgsh:ClaimShape"
    constraint: str  # the SHACL constraint component, e.g. "sh:MinCountConstraintComponent"
    value: str = ""
    severity: str = "Violation"


@lru_cache(maxsize=256)
def _prepare(text: str, init_ns: tuple[tuple[str, Any], ...]) -> Query:
    return prepareQuery(text, initNs=dict(init_ns))


class _PreparedQueryStore(Memory):
    """rdflib's memory store, answering SPARQL with each distinct query text parsed once.

    pyshacl runs a SHACL-SPARQL constraint once per focus node with the same query text and
    ``$this`` pre-bound; rdflib would parse the text again every time, which costs far more
    than evaluating it. ``Store.query`` is rdflib's hook for stores with their own SPARQL.
    """

    def query(
        self,
        query: str | Query,
        initNs: Mapping[str, Any],
        initBindings: Mapping[str, Any],
        queryGraph: str,
        **kwargs: Any,
    ) -> Result:
        if isinstance(query, str):
            query = _prepare(query, tuple(sorted((initNs or {}).items())))
        graph = Graph(store=self, identifier=None if queryGraph == "__UNION__" else queryGraph)
        return graph.query(query, initBindings=dict(initBindings or {}), use_store_provided=False)


@lru_cache(maxsize=4)
def _parse_shapes(path: str) -> Graph:
    return Graph().parse(path, format="turtle")


def load_shapes(path: str | Path | None = None) -> Graph:
    """The shapes graph: ``ontology/shapes.ttl`` unless ``path`` names another file."""
    return _parse_shapes(str(path or ontology_file("shapes.ttl")))


def store_graph(store: Store, *, graphs: Iterable[str] | None = None) -> Graph:
    """The union of the store's data graphs (or of ``graphs``) as one rdflib graph."""
    if graphs is None:
        names = [g for g in store.named_graphs() if isinstance(g, NamedNode) and g.value != ONTOLOGY]
    else:
        names = [NamedNode(g) for g in graphs]
    return to_graph(q.triple for g in names for q in store.quads_for_pattern(None, None, None, g))


def to_graph(triples: Iterable[Triple]) -> Graph:
    """pyoxigraph triples as an rdflib graph that :func:`validate_graph` checks without copying."""
    data = serialize(triples, format=RdfFormat.N_TRIPLES) or b""
    return Graph(store=_PreparedQueryStore()).parse(data=data, format="nt")


def short(term: Node | None, graph: Graph | None = None) -> str:
    """A readable form of an RDF term: prefixed names, quoted literals, SHACL paths."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        iri = str(term)
        for p, ns in sorted(_SHORT.items(), key=lambda kv: -len(kv[1])):
            if iri.startswith(ns) and len(iri) > len(ns):
                return f"{p}:{iri[len(ns) :]}"
        return f"<{iri}>"
    if isinstance(term, RdfLiteral):
        text = str(term)
        return repr(text if len(text) <= 60 else text[:57] + "...")
    if isinstance(term, BNode) and graph is not None:
        inv = graph.value(term, SH.inversePath)
        if inv is not None:
            return "^" + short(inv, graph)
        alt = graph.value(term, SH.alternativePath)
        if alt is not None:
            return "|".join(short(x, graph) for x in Collection(graph, alt))
        if graph.value(term, RDF.first) is not None:
            return "/".join(short(x, graph) for x in Collection(graph, term))
    return "[]"


def _node_shape(shapes: Graph, shape: Node) -> Node:
    """The named node shape a (blank) property shape belongs to."""
    seen = 0
    while isinstance(shape, BNode) and seen < 5:
        parent = next(shapes.subjects(SH.property, shape), None)
        if parent is None:
            break
        shape, seen = parent, seen + 1
    return shape


def validate_graph(
    data: Graph,
    *,
    shapes: Graph | None = None,
    only_shapes: Iterable[str] | None = None,
    focus_nodes: Iterable[str] | None = None,
) -> list[ShapeViolation]:
    """Every SHACL result of ``data`` against the shapes, sorted by shape, node and path.

    Args:
        data: the data graph; it is not modified (a graph from :func:`store_graph` is
            validated as it is, any other is first copied into a store that parses each
            SHACL-SPARQL query once).
        shapes: the shapes graph (default: ``ontology/shapes.ttl``).
        only_shapes: IRIs of the node shapes to use (default: all), e.g. ``SHAPES + "ClaimShape"``.
        focus_nodes: IRIs of the only nodes to check (needs ``only_shapes``).
    """
    from pyshacl import validate

    if not isinstance(data.store, _PreparedQueryStore):
        copy = Graph(store=_PreparedQueryStore())
        for t in data:
            copy.add(t)
        data = copy
    sg = shapes if shapes is not None else load_shapes()
    # inplace: pyshacl would otherwise copy the data into a plain rdflib store; with no
    # inference and no SHACL rules it writes nothing into the data graph
    _conforms, results, _text = validate(
        data,
        shacl_graph=sg,
        inference="none",
        inplace=True,
        allow_warnings=False,
        use_shapes=[URIRef(x) for x in only_shapes] if only_shapes is not None else None,
        focus_nodes=[URIRef(x) for x in focus_nodes] if focus_nodes is not None else None,
    )
    assert isinstance(results, Graph)
    out = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        source = results.value(r, SH.sourceShape)
        messages = sorted(str(m) for m in results.objects(r, SH.resultMessage))
        out.append(
            ShapeViolation(
                focus=short(results.value(r, SH.focusNode)),
                path=short(results.value(r, SH.resultPath), results),
                message="; ".join(messages),
                shape=short(_node_shape(sg, source)) if source is not None else "",
                constraint=short(results.value(r, SH.sourceConstraintComponent)),
                value=short(results.value(r, SH.value)),
                severity=short(results.value(r, SH.resultSeverity)).removeprefix("sh:"),
            )
        )
    return sorted(out, key=lambda v: (v.shape, v.focus, v.path, v.message))


def validate_store(store: Store, *, shapes: Graph | None = None) -> list[ShapeViolation]:
    """Validate the union of the store's data graphs (the ontology graph left out)."""
    return validate_graph(store_graph(store), shapes=shapes)


def format_violations(violations: list[ShapeViolation]) -> str:
    """Violations as text for people: one block per violation, grouped by shape."""
    lines: list[str] = []
    shape = None
    for v in violations:
        if v.shape != shape:
            shape = v.shape
            lines += ["", f"{shape or '(unnamed shape)'}:"]
        lines.append(f"  {v.severity}: {v.focus}")
        if v.path:
            lines.append(f"    path:    {v.path}")
        if v.value:
            lines.append(f"    value:   {v.value}")
        lines.append(f"    message: {v.message}")
    return "\n".join(lines).lstrip("\n") + ("\n" if lines else "")
