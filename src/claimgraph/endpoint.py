"""The SPARQL 1.1 Protocol, apart from any web framework: requests in, result documents out.

``claimgraph serve`` (:mod:`claimgraph.server`) is a thin HTTP layer over three functions:

- :func:`parse_request` reads a protocol request (GET, form-encoded POST or a direct
  ``application/sparql-query``/``application/sparql-update`` POST) into a :class:`SparqlRequest`;
- :func:`run_query` runs a query with ``Store.query`` (which can never write), stops consuming
  results at the time limit or after ``max_rows`` rows, and serializes what it got in the
  format the ``Accept`` header asks for (:func:`negotiate`);
- :func:`run_update` runs a SPARQL Update, which the server calls only when it was started
  to allow writes.

Every refusal is a :class:`ProtocolError` carrying the HTTP status and a message that says
what to do instead.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    Triple,
    parse_query_results,
    serialize,
)

from .errors import QueryError
from .vocab import PREFIXES

__all__ = [
    "FORMATS",
    "Answer",
    "Format",
    "Limits",
    "ProtocolError",
    "SparqlRequest",
    "negotiate",
    "parse_request",
    "run_query",
    "run_update",
]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class ProtocolError(QueryError):
    """A request the endpoint refuses or could not answer, with its HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True, slots=True)
class Format:
    """One way to write results: ``kind`` is ``results`` (SELECT/ASK), ``rdf`` (CONSTRUCT/DESCRIBE) or ``html``."""

    name: str
    media_type: str
    kind: str
    results: QueryResultsFormat | None = None
    rdf: RdfFormat | None = None


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("json", "application/sparql-results+json", "results", results=QueryResultsFormat.JSON),
        Format("xml", "application/sparql-results+xml", "results", results=QueryResultsFormat.XML),
        Format("csv", "text/csv; charset=utf-8", "results", results=QueryResultsFormat.CSV),
        Format("tsv", "text/tab-separated-values; charset=utf-8", "results", results=QueryResultsFormat.TSV),
        Format("turtle", "text/turtle; charset=utf-8", "rdf", rdf=RdfFormat.TURTLE),
        Format("ntriples", "application/n-triples", "rdf", rdf=RdfFormat.N_TRIPLES),
        Format("rdfxml", "application/rdf+xml", "rdf", rdf=RdfFormat.RDF_XML),
        Format("jsonld", "application/ld+json", "rdf", rdf=RdfFormat.JSON_LD),
        Format("html", "text/html; charset=utf-8", "html"),
    )
}
# media types (and their usual aliases) -> format names, by result kind
_RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "text/html": "html",
    "application/xhtml+xml": "html",
}
_RDF_TYPES = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/turtle": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/rdf+xml": "rdfxml",
    "application/xml": "rdfxml",
    "text/xml": "rdfxml",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "text/html": "html",
    "application/xhtml+xml": "html",
}
# the ``format``/``output`` request parameters some clients add (SPARQLWrapper does)
_SHORT_NAMES = {
    "ttl": "turtle",
    "nt": "ntriples",
    "n-triples": "ntriples",
    "rdf": "rdfxml",
    "json-ld": "jsonld",
}
_GRAPH_SHORT_NAMES = {"xml": "rdfxml", "json": "jsonld"}
_UPDATE_WORDS = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*)*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Limits:
    """How long a query may run (seconds) and how many rows or triples an answer may hold."""

    timeout: float = 10.0
    max_rows: int = 10_000

    def __post_init__(self) -> None:
        if not self.timeout > 0:
            raise ValueError("the query time limit must be a positive number of seconds")
        if self.max_rows < 1:
            raise ValueError("the result size limit must be at least one row")


@dataclass(frozen=True, slots=True)
class SparqlRequest:
    """What a protocol request asks for: exactly one of ``query`` and ``update``."""

    query: str | None = None
    update: str | None = None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    format: str | None = None


@dataclass(frozen=True, slots=True)
class Answer:
    """A serialized result, with what the HTML view needs to show it as a table."""

    body: bytes
    format: Format
    kind: str  # "select" | "ask" | "graph"
    rows: int
    truncated: bool
    variables: tuple[str, ...] = ()
    bindings: tuple[dict[str, Any], ...] = field(default_factory=tuple)
    boolean: bool | None = None


# -- requests ---------------------------------------------------------------------------------


def _one(params: Sequence[tuple[str, str]], name: str) -> str | None:
    values = [v for k, v in params if k == name]
    if len(values) > 1:
        raise ProtocolError(400, f"the request has {len(values)} '{name}' parameters; send exactly one")
    return values[0] if values else None


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise ProtocolError(400, "the request body is not UTF-8 text") from None


def parse_request(
    method: str, content_type: str | None, params: Sequence[tuple[str, str]], body: bytes = b""
) -> SparqlRequest:
    """Read a SPARQL 1.1 Protocol request.

    Args:
        method: ``GET`` or ``POST``.
        content_type: the request's ``Content-Type`` (POST only).
        params: the URL's query-string parameters, in order.
        body: the request body (POST only).

    Raises:
        ProtocolError: 400 for a malformed request, 415 for a body type the protocol does not
            define.
    """
    params = list(params)
    mt = (content_type or "").split(";")[0].strip().lower()
    query = update = None
    if method == "POST":
        if mt == "application/x-www-form-urlencoded":
            try:
                params += parse_qsl(_decode(body), keep_blank_values=True, strict_parsing=False)
            except ValueError as e:
                raise ProtocolError(400, f"the form body could not be read: {e}") from None
        elif mt == "application/sparql-query":
            query = _decode(body)
        elif mt == "application/sparql-update":
            update = _decode(body)
        else:
            raise ProtocolError(
                415,
                f"unsupported Content-Type {content_type or '(none)'!r}: send a query as "
                "application/sparql-query or application/x-www-form-urlencoded (query=...), "
                "an update as application/sparql-update or form-encoded (update=...)",
            )
    elif method != "GET":
        raise ProtocolError(405, f"method {method} is not part of the SPARQL protocol; use GET or POST")
    query = query if query is not None else _one(params, "query")
    update = update if update is not None else _one(params, "update")
    if query is not None and update is not None:
        raise ProtocolError(400, "a request carries either a query or an update, not both")
    if update is not None and method == "GET":
        raise ProtocolError(400, "SPARQL Update must be sent with POST, never with GET")
    if query is None and update is None:
        raise ProtocolError(400, "missing the 'query' parameter (or 'update' for SPARQL Update)")
    if update is not None and any(k in ("using-graph-uri", "using-named-graph-uri") for k, _ in params):
        raise ProtocolError(
            400, "using-graph-uri and using-named-graph-uri are not supported; use USING in the update"
        )
    fmt = _one(params, "format") or _one(params, "output")
    return SparqlRequest(
        query=query,
        update=update,
        default_graphs=tuple(v for k, v in params if k == "default-graph-uri"),
        named_graphs=tuple(v for k, v in params if k == "named-graph-uri"),
        format=fmt,
    )


# -- content negotiation ----------------------------------------------------------------------


def _accept_items(accept: str) -> list[tuple[str, float]]:
    items = []
    for i, part in enumerate(accept.split(",")):
        bits = [b.strip() for b in part.split(";")]
        if not bits[0]:
            continue
        q = 1.0
        for b in bits[1:]:
            if b.lower().startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        items.append((bits[0].lower(), q, i))
    items.sort(key=lambda t: (-t[1], t[2]))
    return [(mt, q) for mt, q, _ in items if q > 0]


def negotiate(accept: str | None, kind: str, *, fmt: str | None = None, allow_html: bool = False) -> Format:
    """The format to answer a ``kind`` (``select``, ``ask`` or ``graph``) result in.

    An explicit ``fmt`` (the ``format`` or ``output`` parameter) that can hold the result wins
    over ``Accept``; without either, SELECT and ASK get SPARQL JSON and CONSTRUCT/DESCRIBE get
    Turtle.

    >>> negotiate("text/csv", "select").name
    'csv'
    >>> negotiate("application/sparql-results+xml, application/rdf+xml", "graph").name
    'rdfxml'
    >>> negotiate("*/*", "graph").name
    'turtle'
    """
    table = _RDF_TYPES if kind == "graph" else _RESULT_TYPES
    default = "turtle" if kind == "graph" else "json"
    ok = {n for n in table.values() if n != "html" or allow_html}
    if fmt:
        f = fmt.strip().lower()
        if kind == "graph":
            f = _GRAPH_SHORT_NAMES.get(f, f)
        name = _SHORT_NAMES.get(f) or (f if f in FORMATS else table.get(f.split(";")[0].strip()))
        if name in ok:
            return FORMATS[name]
        # a name that cannot hold this kind of result ("xml" meant for SELECT, sent with a
        # CONSTRUCT by SPARQLWrapper) or that nobody knows: the Accept header decides
    if not accept or not accept.strip():
        return FORMATS[default]
    for mt, _q in _accept_items(accept):
        if mt == "*/*":
            return FORMATS[default]
        if mt.endswith("/*"):
            major = mt[:-1]
            for t, name in table.items():
                if t.startswith(major) and name in ok:
                    return (
                        FORMATS[default] if FORMATS[default].media_type.startswith(major) else FORMATS[name]
                    )
            continue
        name = table.get(mt)
        if name in ok:
            return FORMATS[name]
    raise ProtocolError(
        406,
        f"none of the types in Accept ({accept}) can hold a {kind.upper()} result; this endpoint "
        f"answers it as {_list(ok)}",
    )


def _list(names: set[str]) -> str:
    return ", ".join(FORMATS[n].media_type.split(";")[0] for n in sorted(names))


# -- running ----------------------------------------------------------------------------------


def _json_term(t: Any) -> dict[str, Any]:
    if isinstance(t, NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, Literal):
        d: dict[str, Any] = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
            if t.direction is not None:
                d["its:dir"] = str(t.direction)
        elif t.datatype.value != _XSD_STRING:
            d["datatype"] = t.datatype.value
        return d
    if isinstance(t, Triple):
        return {
            "type": "triple",
            "value": {
                "subject": _json_term(t.subject),
                "predicate": _json_term(t.predicate),
                "object": _json_term(t.object),
            },
        }
    raise TypeError(f"unexpected term {t!r}")


def _check(deadline: float, cancel: threading.Event | None, limits: Limits) -> None:
    if (cancel is not None and cancel.is_set()) or time.monotonic() > deadline:
        raise ProtocolError(503, _timeout_message(limits))


def _timeout_message(limits: Limits) -> str:
    return (
        f"the query ran past the time limit of {limits.timeout:g} s and was stopped; narrow it "
        "(LIMIT, more specific patterns) or ask the server's operator to raise --timeout"
    )


def run_query(
    store: Store,
    request: SparqlRequest,
    *,
    accept: str | None = None,
    limits: Limits = Limits(),
    deadline: float | None = None,
    cancel: threading.Event | None = None,
    allow_html: bool = False,
) -> Answer:
    """Run ``request.query`` and serialize the answer.

    The predeclared prefixes of ``claimgraph query`` (``cg:``, ``schema:`` …) apply; without a
    ``default-graph-uri`` the default graph is the union of all graphs, as in ``claimgraph query``.

    Args:
        store: the store to read.
        request: a request whose ``query`` is set.
        accept: the ``Accept`` header.
        limits: the time limit and the most rows (or triples) to return.
        deadline: a :func:`time.monotonic` time after which to stop (default: now + limit).
        cancel: set by the caller to stop consuming results.
        allow_html: whether ``text/html`` may be chosen (a browser asking the server).

    Raises:
        ProtocolError: 400 with the parser's message for a malformed query, 406 when no
            acceptable format can hold the result, 503 past the time limit, 500 when the
            store fails.
    """
    assert request.query is not None
    if deadline is None:
        deadline = time.monotonic() + limits.timeout
    graphs: list[NamedNode | BlankNode | DefaultGraph] | None = [
        NamedNode(g) for g in request.default_graphs
    ] or None
    named: list[NamedNode | BlankNode] | None = [NamedNode(g) for g in request.named_graphs] or None
    try:
        res = store.query(
            request.query,
            prefixes=PREFIXES,
            use_default_graph_as_union=graphs is None,
            default_graph=graphs,
            named_graphs=named,
        )
    except SyntaxError as e:
        hint = ""
        if _UPDATE_WORDS.match(request.query):
            hint = " (this looks like SPARQL Update: send it as 'update' with POST; the server accepts updates only when started with --allow-update)"
        raise ProtocolError(400, f"SPARQL syntax error: {e}{hint}") from None
    except ValueError as e:  # a malformed graph IRI
        raise ProtocolError(400, f"bad request: {e}") from None
    except OSError as e:
        raise ProtocolError(500, f"the store failed while running the query: {e}") from None
    _check(deadline, cancel, limits)
    try:
        if isinstance(res, QueryBoolean):
            fmt = negotiate(accept, "ask", fmt=request.format, allow_html=allow_html)
            body = b"" if fmt.results is None else res.serialize(format=fmt.results)
            return Answer(body or b"", fmt, "ask", 1, False, boolean=bool(res))
        if isinstance(res, QueryTriples):
            fmt = negotiate(accept, "graph", fmt=request.format, allow_html=allow_html)
            triples: list[Triple] = []
            truncated = False
            for t in res:
                if len(triples) >= limits.max_rows:
                    truncated = True
                    break
                _check(deadline, cancel, limits)
                triples.append(t)
            out_fmt = fmt.rdf or RdfFormat.TURTLE
            kw: dict[str, Any] = {"prefixes": PREFIXES} if out_fmt == RdfFormat.TURTLE else {}
            body = serialize(triples, format=out_fmt, **kw) or b""
            return Answer(body, fmt, "graph", len(triples), truncated)
        assert isinstance(res, QuerySolutions)
        fmt = negotiate(accept, "select", fmt=request.format, allow_html=allow_html)
        variables = tuple(v.value for v in res.variables)
        bindings: list[dict[str, Any]] = []
        truncated = False
        for sol in res:
            if len(bindings) >= limits.max_rows:
                truncated = True
                break
            _check(deadline, cancel, limits)
            bindings.append({v: _json_term(sol[v]) for v in variables if sol[v] is not None})
        doc = json.dumps(
            {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}, ensure_ascii=False
        ).encode("utf-8")
        if fmt.results is not None and fmt.results != QueryResultsFormat.JSON:
            doc = parse_query_results(doc, QueryResultsFormat.JSON).serialize(format=fmt.results) or b""
        return Answer(doc, fmt, "select", len(bindings), truncated, variables, tuple(bindings))
    except (OSError, RuntimeError) as e:
        raise ProtocolError(500, f"the store failed while running the query: {e}") from None


def run_update(store: Store, request: SparqlRequest) -> None:
    """Run ``request.update`` in one transaction (all of it or nothing).

    Raises:
        ProtocolError: 400 with the parser's message for a malformed update, 500 when it fails.
    """
    assert request.update is not None
    if request.default_graphs or request.named_graphs:
        raise ProtocolError(400, "default-graph-uri and named-graph-uri apply to queries, not updates")
    try:
        store.update(request.update, prefixes=PREFIXES)
    except SyntaxError as e:
        raise ProtocolError(400, f"SPARQL Update syntax error: {e}") from None
    except (OSError, ValueError, RuntimeError) as e:
        raise ProtocolError(500, f"the update failed and nothing was written: {e}") from None
