"""Compose the stages: load -> extract -> graph -> store, then align -> detect."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pyoxigraph import Store

from . import __version__
from .align import align
from .detect import detect
from .errors import ClaimgraphError
from .extract import build_nlp, extract, model_name
from .graph import article_triples
from .load import iter_source_files, load_article
from .model import Article, Discrepancy, IngestResult
from .store import record_failure, stored_checksum, write_article


def ingest_article(store: Store, article: Article, *, nlp: Any) -> IngestResult:
    """Extract and store one article; unchanged articles are left alone."""
    prev = stored_checksum(store, article.url)
    if prev == (article.checksum, __version__):
        return IngestResult(article.source, "unchanged", article.url)
    claims = extract(article, nlp=nlp)
    write_article(store, article.url, article_triples(article, claims, model=model_name(nlp)))
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
