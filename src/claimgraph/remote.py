"""Queries sent to any SPARQL 1.1 endpoint (``claimgraph query --endpoint URL``) with SPARQLWrapper.

The answer comes back as the same :class:`~claimgraph.queries.QueryResult` a local query gives,
so the CLI prints both alike. The prefixes that ``claimgraph query`` predeclares are declared in
front of the query, since another endpoint does not know them; a declaration in the query
itself still wins, as SPARQL lets a later declaration override an earlier one.
"""

from __future__ import annotations

import json
import urllib.error
from typing import Any

from .errors import QueryError
from .queries import QueryResult
from .vocab import PREFIXES

__all__ = ["run_remote"]

_READ_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}


def run_remote(endpoint: str, query: str, *, timeout: float = 60.0) -> QueryResult:
    """Send ``query`` to ``endpoint`` (SPARQL 1.1 Protocol, POST form-encoded) and read the answer.

    Raises:
        QueryError: the query is an update, the endpoint refused it (with its message), or it
            could not be reached.
    """
    from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

    # on the query's first line, so that the line numbers in the endpoint's errors stay right
    text = " ".join(f"PREFIX {k}: <{v}>" for k, v in PREFIXES.items()) + " " + query
    sw = SPARQLWrapper(endpoint)
    sw.setQuery(text)
    sw.setMethod(POST)
    sw.setTimeout(int(max(1, timeout)))
    sw.setOnlyConneg(True)
    kind = str(sw.queryType or "").upper()
    if kind not in _READ_FORMS:
        raise QueryError(
            f"'claimgraph query' sends queries (SELECT, ASK, CONSTRUCT, DESCRIBE), not {kind or 'this'}; "
            "send SPARQL Update to the endpoint's update service instead"
        )
    graph = kind in ("CONSTRUCT", "DESCRIBE")
    sw.setReturnFormat(TURTLE if graph else JSON)
    try:
        response = sw.query().response
        body = response.read()
    except SPARQLWrapperException as e:
        raise QueryError(f"the endpoint {endpoint} refused the query: {_message(e)}") from None
    except urllib.error.HTTPError as e:
        detail = e.read().decode("utf-8", "replace").strip()
        raise QueryError(f"the endpoint {endpoint} answered {e.code} {e.reason}: {detail}") from None
    except (urllib.error.URLError, OSError) as e:
        reason = getattr(e, "reason", e)
        raise QueryError(f"cannot reach the endpoint {endpoint}: {reason}") from None
    if graph:
        return QueryResult("graph", turtle=body.decode("utf-8"))
    try:
        doc: dict[str, Any] = json.loads(body)
    except ValueError:
        raise QueryError(f"the endpoint {endpoint} did not answer with SPARQL JSON results") from None
    if "boolean" in doc:
        return QueryResult("boolean", boolean=bool(doc["boolean"]))
    variables = list(doc.get("head", {}).get("vars", []))
    bindings = list(doc.get("results", {}).get("bindings", []))
    rows = [[b[v]["value"] if v in b else "" for v in variables] for b in bindings]
    return QueryResult("select", variables, rows, bindings)


def _message(e: Exception) -> str:
    """The endpoint's own answer, which SPARQLWrapper appends to its message as a bytes repr."""
    import ast

    text = str(e).strip()
    _, _, detail = text.partition("Response:\n")
    try:
        value = ast.literal_eval(detail.strip())
    except (ValueError, SyntaxError):
        return detail.strip() or text
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return str(value).strip() or text
