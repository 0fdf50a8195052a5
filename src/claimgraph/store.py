"""The store: the one module that opens pyoxigraph stores and writes articles atomically.

``open_store(None)`` is an in-memory store (tests); ``open_store(path)`` an on-disk one. Each
article's named graph is replaced by a single SPARQL update (drop, then insert), which
Oxigraph applies in one transaction: a crash never leaves half an article.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from pyoxigraph import NamedNode, Store, Triple

from .errors import GraphError
from .graph import article_graph, article_iri, insert_data
from .vocab import CG, FAILURES_GRAPH, ID, SPARQL_PREFIXES

DEFAULT_STORE = "claimgraph-data"


def default_store_path() -> Path:
    """``$CLAIMGRAPH_STORE``, else ``./claimgraph-data``."""
    return Path(os.environ.get("CLAIMGRAPH_STORE") or DEFAULT_STORE)


def open_store(path: str | Path | None = None) -> Store:
    """Open (creating it if needed) the on-disk store at ``path``, or a memory store for ``None``."""
    if path is None:
        return Store()
    p = Path(path)
    try:
        p.mkdir(parents=True, exist_ok=True)
        return Store(str(p))
    except OSError as e:
        raise GraphError(
            f"cannot open the store at {p}: {e}. Is another claimgraph process (such as 'claimgraph serve') "
            "using it? Stop it, or pass a different --store."
        ) from e


def stored_checksum(store: Store, url: str) -> tuple[str, str] | None:
    """(checksum, extractor version) of the stored article, or None if it is not stored."""
    g = article_graph(url)
    q = (
        SPARQL_PREFIXES
        + f"SELECT ?c ?v WHERE {{ GRAPH <{g}> {{ <{article_iri(url)}> cg:checksum ?c . OPTIONAL {{ <{article_iri(url)}> cg:extractorVersion ?v }} }} }}"
    )
    for row in store.query(q):
        return row["c"].value, row["v"].value if row["v"] is not None else ""
    return None


def replace_graph(store: Store, graph: str, triples: Iterable[Triple], *, extra_update: str = "") -> None:
    """Replace the contents of ``graph`` with ``triples`` in one transaction."""
    data = insert_data(graph, triples)
    update = f"DROP SILENT GRAPH <{graph}> ;\n{data}" if data else f"DROP SILENT GRAPH <{graph}>"
    if extra_update:
        update += " ;\n" + extra_update
    try:
        store.update(update)
    except (OSError, SyntaxError, ValueError) as e:
        raise GraphError(f"writing graph <{graph}> failed, nothing was written: {e}") from e


def write_article(store: Store, url: str, triples: Iterable[Triple]) -> None:
    """Replace the article's named graph (and clear a recorded failure for it) atomically."""
    clear = f"DELETE WHERE {{ GRAPH <{FAILURES_GRAPH}> {{ <{failure_iri(url)}> ?p ?o }} }}"
    replace_graph(store, article_graph(url), triples, extra_update=clear)


def failure_iri(source: str) -> str:
    import hashlib

    return f"{ID}failure/{hashlib.sha256(source.encode()).hexdigest()[:16]}"


def record_failure(store: Store, source: str, reason: str) -> None:
    """Note a failed attempt (source, reason, time) so it can be listed and retried."""
    from pyoxigraph import Literal

    s = NamedNode(failure_iri(source))
    ts = Literal(
        datetime.now(UTC).replace(microsecond=0).isoformat(),
        datatype=NamedNode("http://www.w3.org/2001/XMLSchema#dateTime"),
    )
    triples = [
        Triple(
            s, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), NamedNode(CG + "IngestFailure")
        ),
        Triple(s, NamedNode(CG + "source"), Literal(source)),
        Triple(s, NamedNode(CG + "reason"), Literal(reason)),
        Triple(s, NamedNode(CG + "attemptedAt"), ts),
    ]
    store.update(
        f"DELETE WHERE {{ GRAPH <{FAILURES_GRAPH}> {{ {s} ?p ?o }} }} ;\n"
        + insert_data(FAILURES_GRAPH, triples)
    )
