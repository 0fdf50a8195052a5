"""``claimgraph serve``: the store over HTTP — a SPARQL 1.1 Protocol endpoint, the live report,
a query page and a JSON API — as a Starlette app on uvicorn.

Routes:

- ``GET /``: the HTML report, built from the store (and rebuilt after each accepted update);
- ``GET /query``: a query form with examples; results come back from ``/sparql`` as a table;
- ``GET|POST /sparql``: the SPARQL 1.1 Protocol (query; update too when allowed);
- ``POST /update``: SPARQL Update only, when the server was started with ``allow_update``;
- ``GET /api/discrepancies``: the findings as JSON, filtered by ``type``, ``outlet``, ``story``,
  ``severity``; ``GET /api/report``: the JSON report of ``claimgraph report --format json``;
- ``GET /health``: liveness, and whether writes are allowed.

Queries run in worker threads, at most ``workers`` at a time. A query that runs past the time
limit is answered with 503 and its thread stops at the next result row; a single step that
never yields a row (one huge sort or aggregate) cannot be interrupted inside Oxigraph, so its
thread runs on until it finishes, holding one of the ``workers`` slots, and new queries wait
for a free slot no longer than their own time limit.

While it runs, the server owns the on-disk store (Oxigraph locks the folder). It leaves a
note, :data:`SERVE_INFO`, in the store folder so that another ``claimgraph`` command can say
which server holds the store and where it listens.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pyoxigraph import Store
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Route

from . import __version__
from .endpoint import Answer, Limits, ProtocolError, SparqlRequest, parse_request, run_query, run_update
from .graph import outlet_key
from .model import Report
from .report import article_texts, build_report, claim_matches, render_json
from .report_html import render_html, template_env

__all__ = ["EXAMPLES", "SERVE_INFO", "ServerSettings", "create_app", "running_server", "serve"]

SERVE_INFO = "claimgraph-serve.json"
log = logging.getLogger("claimgraph.server")
MAX_BODY = 16 * 1024 * 1024  # bytes of query or update text accepted in one request
T = TypeVar("T")

EXAMPLES: tuple[tuple[str, str], ...] = (
    (
        "Discrepancies by type",
        "SELECT ?type (COUNT(*) AS ?n) WHERE {\n  ?d cg:discrepancyType ?type\n}\nGROUP BY ?type\nORDER BY DESC(?n)",
    ),
    (
        "Discrepancies, most severe first, with the claims involved",
        'SELECT ?type ?severity ?explanation (GROUP_CONCAT(?text; separator=" | ") AS ?claims) WHERE {\n'
        "  ?d cg:discrepancyType ?type ; cg:severity ?severity ; cg:explanation ?explanation ;\n"
        "     cg:involvesClaim ?c .\n  ?c cg:text ?text .\n}\nGROUP BY ?d ?type ?severity ?explanation\n"
        'ORDER BY (IF(?severity = "high", 0, IF(?severity = "medium", 1, 2)))',
    ),
    (
        "Every claim with an amount, its outlet and date",
        "SELECT ?outlet ?date ?amount ?unit ?text WHERE {\n"
        "  ?c a cg:Claim ; cg:text ?text ; cg:inArticle ?a ; cg:quantity ?q .\n"
        "  ?q cg:quantityText ?amount ; cg:unit ?unit .\n"
        "  ?a schema:publisher/schema:name ?outlet ; schema:datePublished ?date .\n}\nORDER BY ?outlet",
    ),
    (
        "Claims only one outlet reports, per outlet",
        'SELECT ?outlet (COUNT(?c) AS ?claims) WHERE {\n  ?d cg:discrepancyType "single_source" ; cg:involvesClaim ?c .\n'
        "  ?c cg:inArticle/schema:publisher/schema:name ?outlet .\n}\nGROUP BY ?outlet\nORDER BY DESC(?claims)",
    ),
    (
        "The claims as schema.org Claims (CONSTRUCT, Turtle)",
        "CONSTRUCT {\n  ?c a schema:Claim ; schema:text ?text ; schema:appearance ?url .\n} WHERE {\n"
        "  ?c a cg:Claim ; cg:text ?text ; cg:inArticle/schema:url ?url .\n}\nLIMIT 50",
    ),
    ("Does any outlet contradict another? (ASK)", 'ASK { ?d cg:discrepancyType "polarity" }'),
)


@dataclass(frozen=True, slots=True)
class ServerSettings:
    """How the server treats requests: writes, limits, parallel queries, CORS."""

    allow_update: bool = False
    limits: Limits = field(default_factory=Limits)
    workers: int = 4
    cors: bool = False
    store_label: str = "memory"


class _Runner:
    """Runs blocking store calls in daemon threads, at most ``workers`` at a time."""

    def __init__(self, workers: int) -> None:
        self._slots = asyncio.Semaphore(max(1, workers))

    async def run(self, fn: Callable[[threading.Event], T], timeout: float | None, busy: str) -> T:
        loop = asyncio.get_running_loop()
        started = loop.time()
        try:
            await asyncio.wait_for(self._slots.acquire(), timeout)
        except TimeoutError:
            raise ProtocolError(503, busy) from None
        fut: asyncio.Future[T] = loop.create_future()
        cancel = threading.Event()

        def settle(value: Any, error: BaseException | None) -> None:
            if not fut.done():
                if error is not None:
                    fut.set_exception(error)
                else:
                    fut.set_result(value)

        def call_back(cb: Callable[..., None], *args: Any) -> None:
            with contextlib.suppress(RuntimeError):  # the loop closed: the server is shutting down
                loop.call_soon_threadsafe(cb, *args)

        def work() -> None:
            # Errors cross to the event loop as fresh exceptions: the original's traceback holds
            # pyoxigraph results, which must be dropped on the thread that made them.
            value: Any = None
            error: ProtocolError | None = None
            try:
                value = fn(cancel)
            except ProtocolError as e:
                error = ProtocolError(e.status, e.message)
            except Exception as e:
                log.exception("unexpected error while running a request")
                error = ProtocolError(500, f"internal error: {type(e).__name__}: {e}")
            call_back(settle, value, error)
            call_back(self._slots.release)

        threading.Thread(target=work, name="claimgraph-store", daemon=True).start()
        try:
            left = None if timeout is None else max(0.0, timeout - (loop.time() - started)) + 0.25
            return await asyncio.wait_for(asyncio.shield(fut), left)
        except TimeoutError:
            raise ProtocolError(503, busy) from None
        finally:
            if not fut.done():
                cancel.set()


class _ReportCache:
    """The report and its HTML, rebuilt when an accepted update changed the store."""

    def __init__(self) -> None:
        self.generation = 0
        self._built: tuple[int, Report, str] | None = None
        self._lock = threading.Lock()

    def invalidate(self) -> None:
        with self._lock:
            self.generation += 1

    def get(self, store: Store) -> tuple[Report, str]:
        with self._lock:
            gen = self.generation
            if self._built is None or self._built[0] != gen:
                report = build_report(store)
                page = render_html(
                    report,
                    texts=article_texts(store),
                    matches=claim_matches(store),
                    live=True,
                    generated=f"served live by claimgraph {__version__}",
                )
                self._built = (gen, report, page)
            return self._built[1], self._built[2]


def _error(
    e: ProtocolError,
    html: bool = False,
    query: str | None = None,
    limits: Limits | None = None,
    base: str = "",
) -> Response:
    if html:
        page = (
            template_env()
            .get_template("query.html")
            .render(
                live=True,
                error=e.message,
                status=e.status,
                examples=EXAMPLES,
                query=query,
                limits=limits,
                base=base,
            )
        )
        return HTMLResponse(page, status_code=e.status)
    return PlainTextResponse(e.message + "\n", status_code=e.status)


def _wants_html(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    first = accept.split(",")[0].split(";")[0].strip().lower()
    return first in ("text/html", "application/xhtml+xml")


async def _read_body(request: Request) -> bytes:
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise ProtocolError(413, f"the request body is larger than {MAX_BODY // (1024 * 1024)} MiB")
        chunks.append(chunk)
    return b"".join(chunks)


def create_app(store: Store, settings: ServerSettings = ServerSettings()) -> Starlette:
    """The ASGI app serving ``store``; read-only unless ``settings.allow_update``."""
    runner = _Runner(settings.workers)
    cache = _ReportCache()
    limits = settings.limits
    busy = (
        f"the query did not finish within the time limit of {limits.timeout:g} s "
        f"(at most {settings.workers} queries run at once); narrow it or try again"
    )

    async def report(request: Request) -> Response:
        _, page = await runner.run(lambda _c: cache.get(store), None, busy)
        return HTMLResponse(page)

    async def query_page(request: Request) -> Response:
        text = request.query_params.get("query", "")
        page = (
            template_env()
            .get_template("query.html")
            .render(live=True, query=text, examples=EXAMPLES, limits=limits, base=str(request.base_url))
        )
        return HTMLResponse(page)

    async def protocol(request: Request, *, update_only: bool = False) -> Response:
        html = request.method == "GET" and _wants_html(request)
        req: SparqlRequest | None = None
        try:
            body = await _read_body(request) if request.method == "POST" else b""
            req = parse_request(
                request.method,
                request.headers.get("content-type"),
                request.query_params.multi_items(),
                body,
            )
            if update_only and req.query is not None:
                raise ProtocolError(400, "this is the update endpoint; send queries to /sparql")
            if req.update is not None:
                return await _update(request, req)
            return await _query(request, req, html)
        except ProtocolError as e:
            if html and e.status == 400 and "missing the 'query'" in e.message:
                return RedirectResponse("/query", status_code=303)
            return _error(e, html, req.query if req else None, limits, str(request.base_url))

    async def _update(request: Request, req: SparqlRequest) -> Response:
        if not settings.allow_update:
            raise ProtocolError(
                403,
                "this endpoint is read-only: SPARQL Update is refused. Start the server with "
                "'claimgraph serve --allow-update' to accept writes.",
            )
        origin = request.headers.get("origin")
        if origin and not settings.cors and origin.rstrip("/") != str(request.base_url).rstrip("/"):
            # a page from elsewhere, posting a form through the user's browser (CSRF)
            raise ProtocolError(403, f"updates from pages of other origins ({origin}) are refused")

        def write(_cancel: threading.Event) -> None:
            try:
                run_update(store, req)
            finally:
                cache.invalidate()

        # an update is never abandoned half-way: Oxigraph commits it whole or not at all
        await runner.run(write, None, busy)
        return Response(status_code=204)

    async def _query(request: Request, req: SparqlRequest, html: bool) -> Response:
        deadline = time.monotonic() + limits.timeout
        accept = request.headers.get("accept")

        def work(cancel: threading.Event) -> Answer:
            return run_query(
                store, req, accept=accept, limits=limits, deadline=deadline, cancel=cancel, allow_html=html
            )

        answer = await runner.run(work, limits.timeout, busy)
        headers = {"Vary": "Accept"}
        if answer.truncated:
            headers["X-Result-Truncated"] = "true"
            headers["X-Result-Limit"] = str(limits.max_rows)
        if answer.format.kind == "html":
            page = (
                template_env()
                .get_template("query.html")
                .render(live=True, query=req.query, examples=EXAMPLES, answer=answer, limits=limits)
            )
            return HTMLResponse(page, headers=headers)
        return Response(answer.body, media_type=answer.format.media_type, headers=headers)

    async def sparql(request: Request) -> Response:
        return await protocol(request)

    async def update(request: Request) -> Response:
        return await protocol(request, update_only=True)

    async def api_discrepancies(request: Request) -> Response:
        rep, _ = await runner.run(lambda _c: cache.get(store), None, busy)
        p = request.query_params
        by_id = {c["id"]: c for c in rep.claims}
        out = []
        for d in rep.discrepancies:
            claims = [by_id[c] for c in d["claims"] if c in by_id]
            if p.get("type") and d["type"] != p["type"]:
                continue
            if p.get("severity") and d["severity"] != p["severity"]:
                continue
            if p.get("story") and d["story"] != p["story"]:
                continue
            if p.get("outlet") and not any(
                p["outlet"] in (c["outlet"], outlet_key(c["outlet"] or "")) for c in claims
            ):
                continue
            out.append({**d, "claims": claims})
        return JSONResponse({"count": len(out), "discrepancies": out})

    async def api_report(request: Request) -> Response:
        rep, _ = await runner.run(lambda _c: cache.get(store), None, busy)
        return Response(render_json(rep), media_type="application/json")

    async def health(request: Request) -> Response:
        return JSONResponse(
            {
                "status": "ok",
                "version": __version__,
                "store": settings.store_label,
                "read_only": not settings.allow_update,
                "timeout": limits.timeout,
                "max_rows": limits.max_rows,
            }
        )

    middleware = []
    if settings.cors:
        middleware.append(
            Middleware(
                CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"], allow_headers=["*"]
            )
        )
    return Starlette(
        routes=[
            Route("/", report, methods=["GET"]),
            Route("/query", query_page, methods=["GET"]),
            Route("/sparql", sparql, methods=["GET", "POST"]),
            Route("/update", update, methods=["POST"]),
            Route("/api/discrepancies", api_discrepancies, methods=["GET"]),
            Route("/api/report", api_report, methods=["GET"]),
            Route("/health", health, methods=["GET"]),
        ],
        middleware=middleware,
    )


# -- who owns the store -------------------------------------------------------------------------


def running_server(store_path: str | Path) -> dict[str, Any] | None:
    """The note left by a live ``claimgraph serve`` on ``store_path``, or None."""
    p = Path(store_path) / SERVE_INFO
    try:
        info: dict[str, Any] = json.loads(p.read_text(encoding="utf-8"))
        os.kill(int(info["pid"]), 0)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return info


@contextlib.contextmanager
def _serve_note(store_path: Path | None, info: dict[str, Any]) -> Iterator[None]:
    if store_path is None:
        yield
        return
    p = store_path / SERVE_INFO
    p.write_text(json.dumps(info), encoding="utf-8")
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            if json.loads(p.read_text(encoding="utf-8")).get("pid") == os.getpid():
                p.unlink()


def serve(
    store: Store,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    settings: ServerSettings = ServerSettings(),
    store_path: Path | None = None,
    access_log: bool = True,
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve ``store`` with uvicorn until interrupted (Ctrl-C or SIGTERM)."""
    import uvicorn

    url = f"http://{'[' + host + ']' if ':' in host else host}:{port}/"
    config = uvicorn.Config(
        create_app(store, settings),
        host=host,
        port=port,
        log_level="info",
        access_log=access_log,
        lifespan="off",
        timeout_graceful_shutdown=5,
    )
    server = uvicorn.Server(config)
    info = {"pid": os.getpid(), "url": url, "read_only": not settings.allow_update}

    # uvicorn stops gracefully on SIGTERM, then re-raises it; with this handler the re-raised
    # signal unwinds through ``finally`` blocks (removing the note) instead of killing the process
    previous = signal.signal(signal.SIGTERM, _exit_on_sigterm)
    try:
        with _serve_note(store_path, info):
            if on_ready:
                on_ready(url)
            server.run()
    finally:
        signal.signal(signal.SIGTERM, previous)


def _exit_on_sigterm(signum: int, frame: Any) -> None:
    raise SystemExit(0)
