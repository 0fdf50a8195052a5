"""Run user SPARQL over a store and shape the results for the CLI (no SPARQL lives in cli.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    serialize,
)

from .errors import QueryError
from .vocab import PREFIXES


@dataclass
class QueryResult:
    kind: str  # "select" | "boolean" | "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    bindings: list[dict[str, Any]] = field(default_factory=list)
    boolean: bool = False
    turtle: str = ""


def _json_term(t: Any) -> dict[str, str]:
    if isinstance(t, NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, Literal):
        d = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype and t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            d["datatype"] = t.datatype.value
        return d
    return {"type": "literal", "value": str(t)}


def run_sparql(store: Store, query: str) -> QueryResult:
    """Run ``query`` (cg:, schema:, prov:, oa:, rdf:, rdfs:, xsd: predeclared) over every graph."""
    try:
        res = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    except SyntaxError as e:
        raise QueryError(f"SPARQL syntax error: {e}") from None
    except (OSError, RuntimeError) as e:
        raise QueryError(f"query failed: {e}") from None
    if isinstance(res, QueryBoolean):
        return QueryResult("boolean", boolean=bool(res))
    if isinstance(res, QueryTriples):
        data = serialize(res, format=RdfFormat.TURTLE, prefixes=PREFIXES) or b""
        return QueryResult("graph", turtle=data.decode("utf-8"))
    assert isinstance(res, QuerySolutions)
    variables = [v.value for v in res.variables]
    rows, bindings = [], []
    for sol in res:
        rows.append(["" if sol[v] is None else sol[v].value for v in variables])
        bindings.append({v: _json_term(sol[v]) for v in variables if sol[v] is not None})
    return QueryResult("select", variables, rows, bindings)
