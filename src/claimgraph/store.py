"""The store: the one module that opens pyoxigraph stores and writes articles atomically.

``open_store(None)`` is an in-memory store (tests); ``open_store(path)`` an on-disk one. Each
article's named graph is replaced by a single SPARQL update (drop, then insert), which
Oxigraph applies in one transaction: a crash never leaves half an article.

When the text stored for a URL changes, :func:`supersede_article` first copies the current
article graph into a version graph of its own (``…/graph/article/<hash>/version/<n>``), with
the article typed ``cg:SupersededArticle`` and its claims ``cg:SupersededClaim`` under
version IRIs, so rules, alignment and reports (which select ``cg:Claim`` and
``schema:NewsArticle``) only ever see current versions, while the earlier text and claims
stay queryable. The copy and the new version are written in the same single update.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pyoxigraph import BlankNode, Literal, NamedNode, QuerySolutions, RdfFormat, Store, Triple, parse

from .errors import GraphError
from .graph import (
    article_graph,
    article_iri,
    article_version_graph,
    article_version_iri,
    claim_prefix,
    claim_version_prefix,
    insert_data,
)
from .vocab import CG, DCT, FAILURES_GRAPH, ID, ONTOLOGY, PROV, RDF, SCHEMA, SPARQL_PREFIXES, XSD

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


def _select(store: Store, query: str) -> QuerySolutions:
    res = store.query(query)
    assert isinstance(res, QuerySolutions)
    return res


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """What the store holds about the current version of an article."""

    checksum: str
    extractor_version: str
    version: int  # 1 for the first text stored for the URL; graphs written before versions: 1
    revision_of: str | None  # IRI of the superseded version this one revises


def stored_article(store: Store, url: str) -> StoredArticle | None:
    """The stored current version of the article at ``url``, or None if it is not stored."""
    a = article_iri(url)
    q = (
        SPARQL_PREFIXES
        + f"""SELECT ?c ?v ?n ?prev WHERE {{ GRAPH <{article_graph(url)}> {{
        <{a}> cg:checksum ?c . OPTIONAL {{ <{a}> cg:extractorVersion ?v }}
        OPTIONAL {{ <{a}> schema:version ?n }} OPTIONAL {{ <{a}> prov:wasRevisionOf ?prev }} }} }}"""
    )
    for row in _select(store, q):
        n = row["n"].value if row["n"] is not None else "1"
        return StoredArticle(
            checksum=row["c"].value,
            extractor_version=row["v"].value if row["v"] is not None else "",
            version=int(n) if n.isdigit() else 1,
            revision_of=row["prev"].value if row["prev"] is not None else None,
        )
    return None


def superseded_triples(store: Store, url: str, version: int, invalidated_at: datetime) -> list[Triple]:
    """The current article graph of ``url`` rewritten as its superseded version ``version``.

    The article, its graph and its claims (with their selectors and quantities) get version
    IRIs; ``cg:Claim`` becomes ``cg:SupersededClaim`` and ``schema:NewsArticle`` becomes
    ``cg:SupersededArticle``; the version is linked to the article (``dct:isVersionOf``) and
    marked with the time it stopped being current (``prov:invalidatedAtTime``).
    """
    g, vg = article_graph(url), article_version_graph(url, version)
    a, va = article_iri(url), article_version_iri(url, version)
    cp, vcp = claim_prefix(url), claim_version_prefix(url, version)
    retype = {CG + "Claim": CG + "SupersededClaim", SCHEMA + "NewsArticle": CG + "SupersededArticle"}

    def m(term: object) -> object:
        if isinstance(term, NamedNode):
            v = term.value
            if v == a:
                return NamedNode(va)
            if v == g:
                return NamedNode(vg)
            if v.startswith(cp) and not v.startswith(cp + "version/"):
                return NamedNode(vcp + v[len(cp) :])
        return term

    out: list[Triple] = []
    for q in store.quads_for_pattern(None, None, None, NamedNode(g)):
        o = q.object
        if q.predicate.value == RDF + "type" and isinstance(o, NamedNode) and o.value in retype:
            o = NamedNode(retype[o.value])
        out.append(Triple(m(q.subject), q.predicate, m(o)))  # type: ignore[arg-type]
    if out:
        out.append(Triple(NamedNode(va), NamedNode(DCT + "isVersionOf"), NamedNode(a)))
        out.append(
            Triple(
                NamedNode(va),
                NamedNode(PROV + "invalidatedAtTime"),
                Literal(invalidated_at.isoformat(), datatype=NamedNode(XSD + "dateTime")),
            )
        )
    return out


def supersede_article(
    store: Store, url: str, triples: Iterable[Triple], *, version: int, invalidated_at: datetime
) -> None:
    """Keep the current article graph as superseded version ``version``, then write the new one.

    Both happen in one transaction: the store never holds the new text without the old one.
    """
    vg = article_version_graph(url, version)
    kept = superseded_triples(store, url, version, invalidated_at)
    update = f"DROP SILENT GRAPH <{vg}>"
    if kept:
        update += " ;\n" + insert_data(vg, kept)
    clear = f"DELETE WHERE {{ GRAPH <{FAILURES_GRAPH}> {{ <{failure_iri(url)}> ?p ?o }} }}"
    replace_graph(store, article_graph(url), triples, extra_update=update + " ;\n" + clear)


def article_versions(store: Store, url: str) -> list[str]:
    """The named graphs of the superseded versions of the article at ``url``, oldest first."""
    q = (
        SPARQL_PREFIXES
        + f"""SELECT ?g ?n WHERE {{ GRAPH ?g {{ ?v a cg:SupersededArticle ;
        dct:isVersionOf <{article_iri(url)}> ; schema:version ?n }} }} ORDER BY ?n"""
    )
    return [r["g"].value for r in _select(store, q)]


def ensure_ontology(store: Store, path: Path | None = None) -> None:
    """Load the ontology into its own named graph (its IRI) unless that exact version is there.

    A SPARQL client then finds the labels, comments and the SKOS scheme of discrepancy
    types in the same store as the data.
    """
    from .datafiles import ontology_file

    p = path or ontology_file("claimgraph.ttl")
    try:
        triples = [q.triple for q in parse(path=str(p), format=RdfFormat.TURTLE)]
    except (OSError, SyntaxError) as e:
        raise GraphError(f"cannot read the ontology {p}: {e}") from e
    have = [q.triple for q in store.quads_for_pattern(None, None, None, NamedNode(ONTOLOGY))]
    if len(have) != len(triples) or _ground(have) != _ground(triples):
        replace_graph(store, ONTOLOGY, triples)


def _ground(triples: Iterable[Triple]) -> set[Triple]:
    """The triples without blank nodes (whose labels differ from one parse to the next)."""
    return {
        t for t in triples if not isinstance(t.subject, BlankNode) and not isinstance(t.object, BlankNode)
    }


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
