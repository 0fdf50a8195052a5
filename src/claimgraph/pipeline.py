"""Compose the stages: sources/fetch/load -> extract -> graph -> store, then align -> detect."""

from __future__ import annotations

import logging
import queue as queue_module
import threading
from collections import deque
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from pyoxigraph import Store

from . import __version__
from .align import align, realign
from .detect import detect
from .errors import ClaimgraphError, ConfigError, SourceError
from .extract import build_nlp, extract
from .fetch import Fetcher, FetchSettings, Validators
from .graph import article_iri, article_triples, article_version_iri
from .model import Article, Discrepancy, IngestResult
from .provenance import model_info
from .sources import Expanded, Failed, Item, Loaded, NotModified, Outcome, expand, resolve
from .store import (
    FetchRecord,
    clear_failure,
    ensure_ontology,
    failed_sources,
    fetch_record,
    record_failure,
    record_fetch,
    stored_article,
    stored_checksum,
    supersede_article,
    write_article,
)

log = logging.getLogger("claimgraph.pipeline")


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
    sources: Iterable[str | Path],
    *,
    nlp: Any | None = None,
    analyse: bool = True,
    on_result: Callable[[IngestResult], None] | None = None,
    on_found: Callable[[str, str, int], None] | None = None,
    retry_failed: bool = False,
    concurrency: int = 4,
    fetch_settings: FetchSettings | None = None,
    client: httpx.Client | None = None,
) -> list[IngestResult]:
    """Ingest URLs, feeds, sitemaps, URL-list files, article files and folders, in any mix.

    Pages are fetched by ``concurrency`` threads; claims are extracted and articles written
    one at a time in the calling thread, each article in one transaction. A failing source
    is recorded in the store (``cg:IngestFailure``) and reported, and the rest go on; a
    success clears its earlier failure. A page fetched before is asked for with its
    validators, and a 304 is reported ``unchanged`` without being extracted again. When
    interrupted (``KeyboardInterrupt``) the workers stop, every article written so far is
    whole, and running the same ingest again finishes the job.

    Args:
        store: The store to write to.
        sources: URLs, paths of files, folders and URL lists.
        nlp: The spaCy pipeline (built when the first article needs it, if not given).
        analyse: Re-run alignment and detection when anything changed, for the stories the
            changed articles belong to (before and after the change); see :func:`analyse_changes`.
        on_result: Called with each :class:`IngestResult` as soon as it is known.
        on_found: Called as ``(source, what, n)`` when ``n`` new items to ingest are found
            (``what`` is ``"sources"`` for the ones given, else ``"feed"`` or ``"sitemap"``).
        retry_failed: Also retry every failure recorded in the store.
        concurrency: Fetches at once.
        fetch_settings: Timeouts, retries, size limit, robots.txt; see :class:`FetchSettings`.
        client: An :class:`httpx.Client` to fetch with (for tests and proxies).

    Returns:
        One result per article source, in the order the sources were found.
    """
    if concurrency < 1:
        raise ConfigError(f"concurrency must be at least 1, not {concurrency}")
    names = [str(s) for s in sources]
    if retry_failed:
        names += [f.source for f in failed_sources(store)]
    items, bad_lines = expand(names)
    run = _Run(store, nlp=nlp, on_result=on_result)
    queue: deque[tuple[int, Item]] = deque()

    def enqueue(new: Iterable[Item]) -> int:
        n = 0
        for it in new:
            if it.key not in run.seen:
                run.seen.add(it.key)
                queue.append((run.next_seq(), it))
                n += 1
        return n

    n = enqueue(items)
    if on_found:
        on_found("", "sources", n + len(bad_lines))
    for f in bad_lines:  # a bad line of a URL list: reported, but not retriable from the store
        run.add(run.next_seq(), IngestResult(f.item.source, "failed", error=f.error.reason))
    workers = _Workers(concurrency)
    fetcher: Fetcher | None = None
    in_flight = 0
    try:
        while queue or in_flight:
            while queue and in_flight < 2 * concurrency:
                seq, it = queue.popleft()
                rec, validators = None, None
                if it.is_url:
                    if fetcher is None:
                        fetcher = Fetcher(
                            fetch_settings, client=client, connections=concurrency, stop=workers.stop
                        )
                    rec = fetch_record(store, it.source)
                    if rec and _is_current(store, rec.article_url):
                        validators = Validators(rec.etag, rec.last_modified) or None
                workers.submit(seq, it, fetcher, validators, rec)
                in_flight += 1
            try:
                seq, rec, outcome = workers.done.get(timeout=0.2)
            except queue_module.Empty:
                continue
            in_flight -= 1
            if isinstance(outcome, Expanded):
                clear_failure(store, outcome.item.source)
                n = enqueue(outcome.items)
                if on_found:
                    on_found(outcome.item.source, outcome.what, n)
            else:
                run.handle(seq, outcome, rec)
    finally:
        workers.close()
        if fetcher is not None:
            fetcher.close()
    results = run.results()
    changed = {article_iri(r.url) for r in results if r.status in ("ingested", "updated")}
    if analyse and changed:
        analyse_changes(store, articles=changed)
    return results


class _Workers:
    """Daemon threads that fetch and read items; an interrupted run does not wait for them."""

    def __init__(self, n: int) -> None:
        self.tasks: queue_module.Queue[Any] = queue_module.Queue()
        self.done: queue_module.Queue[tuple[int, FetchRecord | None, Outcome]] = queue_module.Queue()
        self.stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._work, name=f"claimgraph-fetch-{i}", daemon=True) for i in range(n)
        ]
        for t in self._threads:
            t.start()

    def submit(
        self,
        seq: int,
        item: Item,
        fetcher: Fetcher | None,
        validators: Validators | None,
        rec: FetchRecord | None,
    ) -> None:
        self.tasks.put((seq, item, fetcher, validators, rec))

    def _work(self) -> None:
        while not self.stop.is_set():
            task = self.tasks.get()
            if task is None:
                return
            seq, item, fetcher, validators, rec = task
            try:
                outcome = resolve(item, fetcher=fetcher, validators=validators)
            except Exception as e:  # a bug: fail this item, keep the batch going
                if self.stop.is_set():
                    return  # the run was stopped and the client closed under this fetch
                log.exception("%s: unexpected error", item.source)
                err = SourceError(
                    f"internal error: {e.__class__.__name__}: {e}", source=item.source, kind="internal"
                )
                outcome = Failed(item, err)
            self.done.put((seq, rec, outcome))

    def close(self) -> None:
        """Stop: waiting fetches end at once, running ones are abandoned (daemon threads)."""
        self.stop.set()
        for _ in self._threads:
            self.tasks.put(None)


def _is_current(store: Store, url: str) -> bool:
    """The article is stored, by this version of the extractor (so a 304 may skip it)."""
    prev = stored_checksum(store, url)
    return prev is not None and prev[1] == __version__


class _Run:
    """The single-threaded writing side of one ingest: results, failures, fetch records."""

    def __init__(
        self, store: Store, *, nlp: Any | None, on_result: Callable[[IngestResult], None] | None
    ) -> None:
        self.store = store
        self._nlp = nlp  # loaded on first use: a run of 304s never pays for it
        self.on_result = on_result
        self.seen: set[str] = set()
        self.written: dict[str, str] = {}  # canonical URL -> the source that gave it, this run
        self._results: list[tuple[int, IngestResult]] = []
        self._seq = 0

    def next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def add(self, seq: int, res: IngestResult) -> None:
        self._results.append((seq, res))
        if self.on_result:
            self.on_result(res)

    def results(self) -> list[IngestResult]:
        return [r for _, r in sorted(self._results, key=lambda p: p[0])]

    def fail(self, seq: int, source: str, reason: str, kind: str) -> None:
        log.info("failed: %s: %s", source, reason)
        record_failure(self.store, source, reason, kind=kind)
        self.add(seq, IngestResult(source, "failed", error=reason))

    def handle(self, seq: int, outcome: Outcome, rec: FetchRecord | None) -> None:
        src = outcome.item.source
        if isinstance(outcome, Failed):
            e = outcome.error
            if e.kind != "interrupted":
                self.fail(seq, src, e.reason, e.kind)
            return
        if isinstance(outcome, NotModified):
            assert rec is not None  # only a request with stored validators gets a 304
            clear_failure(self.store, src)
            self.add(seq, IngestResult(src, "unchanged", rec.article_url))
            return
        assert isinstance(outcome, Loaded)
        article = outcome.article
        first = self.written.get(article.url)
        if first is not None and first != src:
            log.info("%s: the same article as %s (%s)", src, first, article.url)
            res = IngestResult(src, "unchanged", article.url)
        else:
            if self._nlp is None:
                self._nlp = build_nlp()  # a missing model stops the run: it is not this article's fault
            try:
                res = ingest_article(self.store, article, nlp=self._nlp)
            except ClaimgraphError as e:
                self.fail(seq, src, getattr(e, "reason", None) or str(e), "extraction")
                return
            self.written[article.url] = src
        if outcome.fetched is not None:
            f = outcome.fetched
            record_fetch(
                self.store,
                FetchRecord(
                    src,
                    article.url,
                    f.etag,
                    f.last_modified,
                    f.retrieved.isoformat() if f.retrieved else "",
                ),
            )
        clear_failure(self.store, src)
        self.add(seq, res)


def analyse_store(store: Store) -> list[Discrepancy]:
    """Re-run alignment and detection over the whole store."""
    align(store)
    return detect(store)


def analyse_changes(store: Store, *, articles: Iterable[str] | None = None) -> list[Discrepancy]:
    """Re-run alignment and detection for the stories that changed articles touch.

    Articles added, edited, re-extracted or removed since they were last aligned are found
    through the story index (or given); the stories they belonged to and belong to now are
    aligned and checked again, and their matches and findings replaced. Every other story is
    left as it is, and the result is the same as :func:`analyse_store`'s.

    Args:
        store: The store.
        articles: IRIs of the articles that changed, if known (``ingest`` passes the ones it
            wrote); by default every article is compared with the index. After
            ``ingest(..., analyse=False)``, call this without ``articles`` (or
            :func:`analyse_store`) to catch up.

    Returns:
        The findings of the stories examined.
    """
    r = realign(store, articles)
    if r.full:
        return detect(store)
    if not r.stories and not r.removed:
        return []
    return detect(store, stories=r.stories, removed=r.removed)
