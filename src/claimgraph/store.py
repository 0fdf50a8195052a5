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

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pyoxigraph import BlankNode, Literal, NamedNode, QuerySolutions, RdfFormat, Store, Triple, parse

from .errors import GraphError
from .graph import (
    FRAMES,
    article_graph,
    article_iri,
    article_version_graph,
    article_version_iri,
    claim_prefix,
    claim_version_prefix,
    insert_data,
)
from .vocab import (
    CG,
    DCT,
    FAILURES_GRAPH,
    FETCHES_GRAPH,
    ID,
    ONTOLOGY,
    PROV,
    RDF,
    SCHEMA,
    SPARQL_PREFIXES,
    XSD,
)

DEFAULT_STORE = "claimgraph-data"
# Fetch records (cg:FetchRecord, in FETCHES_GRAPH): the validators and canonical URL of each page.
_TYPE = NamedNode(RDF + "type")


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
    for row in _solutions(store, q):
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
        if q.predicate.value == FRAMES:
            continue  # the current version's reading copy (graph.FRAMES); a version has its triples
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
    return f"{ID}failure/{_h(source)}"


def _h(s: str) -> str:
    return hashlib.sha256(s.encode("utf-8")).hexdigest()[:16]


def _now() -> Literal:
    return Literal(datetime.now(UTC).replace(microsecond=0).isoformat(), datatype=NamedNode(XSD + "dateTime"))


def record_failure(store: Store, source: str, reason: str, *, kind: str = "") -> None:
    """Note a failed attempt (source, reason, kind, time) so it can be listed and retried.

    A later failure of the same source replaces the record; a success clears it.
    """
    s = NamedNode(failure_iri(source))
    triples = [
        Triple(s, _TYPE, NamedNode(CG + "IngestFailure")),
        Triple(s, NamedNode(CG + "source"), Literal(source)),
        Triple(s, NamedNode(CG + "reason"), Literal(reason)),
        Triple(s, NamedNode(CG + "attemptedAt"), _now()),
    ]
    if kind:
        triples.append(Triple(s, NamedNode(CG + "failureKind"), Literal(kind)))
    store.update(
        f"DELETE WHERE {{ GRAPH <{FAILURES_GRAPH}> {{ {s} ?p ?o }} }} ;\n"
        + insert_data(FAILURES_GRAPH, triples)
    )


def clear_failure(store: Store, source: str) -> None:
    """Forget the recorded failure of ``source`` (after it was ingested, or found unchanged)."""
    store.update(f"DELETE WHERE {{ GRAPH <{FAILURES_GRAPH}> {{ <{failure_iri(source)}> ?p ?o }} }}")


@dataclass(frozen=True, slots=True)
class FailedSource:
    """A recorded failure: what failed, why, what kind of failure, when."""

    source: str
    reason: str
    kind: str = ""
    attempted_at: str = ""


def failed_sources(store: Store) -> list[FailedSource]:
    """Every recorded failure, oldest attempt first (what ``ingest --retry-failed`` retries)."""
    q = (
        SPARQL_PREFIXES
        + f"""SELECT ?src ?reason ?kind ?at WHERE {{ GRAPH <{FAILURES_GRAPH}> {{
  ?f a cg:IngestFailure ; cg:source ?src ; cg:reason ?reason .
  OPTIONAL {{ ?f cg:failureKind ?kind }} OPTIONAL {{ ?f cg:attemptedAt ?at }} }} }}
ORDER BY ?at ?src"""
    )
    return [
        FailedSource(
            row["src"].value,
            row["reason"].value,
            row["kind"].value if row["kind"] is not None else "",
            row["at"].value if row["at"] is not None else "",
        )
        for row in _solutions(store, q)
    ]


# -- fetch records: what a URL gave last time, for conditional requests ----------------------


@dataclass(frozen=True, slots=True)
class FetchRecord:
    """A page fetched and stored: the article it gave and the server's validators."""

    url: str  # the URL requested
    article_url: str  # the canonical URL of the article it gave
    etag: str = ""
    last_modified: str = ""
    retrieved: str = ""


def _solutions(store: Store, query: str) -> QuerySolutions:
    rows = store.query(query)
    assert isinstance(rows, QuerySolutions)
    return rows


def fetch_iri(url: str) -> str:
    return f"{ID}fetch/{_h(url)}"


def record_fetch(store: Store, rec: FetchRecord) -> None:
    """Remember what ``rec.url`` gave, replacing what it gave before (one update)."""
    s = NamedNode(fetch_iri(rec.url))
    triples = [
        Triple(s, _TYPE, NamedNode(CG + "FetchRecord")),
        Triple(s, NamedNode(CG + "requestedUrl"), Literal(rec.url)),
        Triple(s, NamedNode(CG + "canonicalUrl"), Literal(rec.article_url)),
    ]
    if rec.etag:
        triples.append(Triple(s, NamedNode(CG + "etag"), Literal(rec.etag)))
    if rec.last_modified:
        triples.append(Triple(s, NamedNode(CG + "lastModified"), Literal(rec.last_modified)))
    if rec.retrieved:
        triples.append(
            Triple(
                s, NamedNode(CG + "retrievedAt"), Literal(rec.retrieved, datatype=NamedNode(XSD + "dateTime"))
            )
        )
    store.update(
        f"DELETE WHERE {{ GRAPH <{FETCHES_GRAPH}> {{ {s} ?p ?o }} }} ;\n"
        + insert_data(FETCHES_GRAPH, triples)
    )


def fetch_record(store: Store, url: str) -> FetchRecord | None:
    """What ``url`` gave when it was last fetched and stored, or None."""
    q = (
        SPARQL_PREFIXES
        + f"""SELECT ?canon ?etag ?lm ?at WHERE {{ GRAPH <{FETCHES_GRAPH}> {{
  <{fetch_iri(url)}> cg:canonicalUrl ?canon .
  OPTIONAL {{ <{fetch_iri(url)}> cg:etag ?etag }} OPTIONAL {{ <{fetch_iri(url)}> cg:lastModified ?lm }}
  OPTIONAL {{ <{fetch_iri(url)}> cg:retrievedAt ?at }} }} }}"""
    )
    for row in _solutions(store, q):
        return FetchRecord(
            url,
            row["canon"].value,
            *(row[k].value if row[k] is not None else "" for k in ("etag", "lm", "at")),
        )
    return None
