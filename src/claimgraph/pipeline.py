"""Compose the stages: load -> extract -> graph -> store, then align -> detect."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pyoxigraph import Store

from . import __version__
from .align import align
from .detect import detect
from .errors import ClaimgraphError
from .extract import build_nlp, extract
from .graph import article_triples, article_version_iri
from .load import iter_source_files, load_article
from .model import Article, Discrepancy, IngestResult
from .provenance import model_info
from .store import ensure_ontology, record_failure, stored_article, supersede_article, write_article


def ingest_article(store: Store, article: Article, *, nlp: Any) -> IngestResult:
    """Extract and store one article; unchanged articles are left alone.

    When the URL is already stored with a different text, the stored version is kept as a
    superseded version in a named graph of its own and the new one revises it
    (``prov:wasRevisionOf``); re-extracting an unchanged text (a new claimgraph version)
    replaces the current graph and keeps its version number.
    """
    prev = stored_article(store, article.url)
    if prev is not None and (prev.checksum, prev.extractor_version) == (article.checksum, __version__):
        return IngestResult(article.source, "unchanged", article.url)
    started = datetime.now(UTC).replace(microsecond=0)
    claims = extract(article, nlp=nlp)
    changed = prev is not None and prev.checksum != article.checksum
    if prev is None:
        version, revision_of = 1, None
    elif changed:
        version, revision_of = prev.version + 1, article_version_iri(article.url, prev.version)
    else:
        version, revision_of = prev.version, prev.revision_of
    triples = article_triples(
        article,
        claims,
        model=model_info(nlp),
        started=started,
        now=datetime.now(UTC).replace(microsecond=0),
        version=version,
        revision_of=revision_of,
    )
    if changed and prev is not None:
        supersede_article(store, article.url, triples, version=prev.version, invalidated_at=started)
    else:
        write_article(store, article.url, triples)
    ensure_ontology(store)
    return IngestResult(article.source, "updated" if prev else "ingested", article.url, len(claims))


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    *,
    nlp: Any | None = None,
    analyse: bool = True,
    on_result: Callable[[IngestResult], None] | None = None,
) -> list[IngestResult]:
    """Ingest files and folders; a failing source is recorded and reported, the rest go on.

    When anything changed and ``analyse`` is true, alignment and detection run afterwards so
    the store's matches and discrepancies are up to date.
    """
    nlp = nlp or build_nlp()
    results = []
    for path in iter_source_files(paths):
        try:
            res = ingest_article(store, load_article(path), nlp=nlp)
        except ClaimgraphError as e:
            reason = getattr(e, "reason", None) or str(e)
            record_failure(store, str(path), reason)
            res = IngestResult(str(path), "failed", error=reason)
        results.append(res)
        if on_result:
            on_result(res)
    if analyse and any(r.status in ("ingested", "updated") for r in results):
        analyse_store(store)
    return results


def analyse_store(store: Store) -> list[Discrepancy]:
    """Re-run alignment and detection over the whole store."""
    align(store)
    return detect(store)
