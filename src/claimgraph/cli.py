"""The ``claimgraph`` command line: a thin layer over the library.

Each command parses its options, calls one library function and turns a
:class:`~claimgraph.errors.ClaimgraphError` into a clear message and a non-zero exit.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from . import __version__
from .errors import ClaimgraphError

if TYPE_CHECKING:
    from pyoxigraph import Store

app = typer.Typer(
    help="Extract claims from news articles into an RDF graph and report where outlets disagree.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)
out = Console()
_state: dict[str, Any] = {"store": None}


def _store_path() -> Path:
    from .store import default_store_path

    return Path(_state["store"]) if _state["store"] else default_store_path()


def _open_store(path: Path | None = None) -> Store:
    """The on-disk store, or a :class:`GraphError` that names the server holding it, if one does."""
    from .errors import GraphError
    from .store import open_store

    p = path or _store_path()
    try:
        return open_store(p)
    except GraphError as e:
        from .server import running_server

        info = running_server(p)
        if info is None:
            raise
        mode = "read-only" if info.get("read_only", True) else "accepting updates"
        raise GraphError(
            f"the store {p} is in use by 'claimgraph serve' (pid {info['pid']}, {info['url']}, {mode}), "
            "which owns it while it runs. Stop that server and run this command again, or pass another "
            f"--store. To query it meanwhile: claimgraph query --endpoint {info['url']}sparql '...'"
        ) from e


def _fail(e: Exception, code: int = 1) -> typer.Exit:
    # (the message as it is: brackets in it are not markup, and long paths are not broken)
    err.print(f"[bold red]error:[/] {escape(str(e))}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        out.print(f"claimgraph {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    store: Annotated[
        Path | None,
        typer.Option("--store", help="Store folder (default: $CLAIMGRAPH_STORE, else ./claimgraph-data)."),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """claimgraph: claims as a knowledge graph, discrepancies between outlets as data."""
    _state["store"] = store


@app.command()
def ingest(
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            help="URLs of pages, RSS/Atom feeds or sitemaps; article files (.md, .txt, .html) or "
            "folders of them; files of URLs, one per line (.urls, .lst, or .txt). Any mix.",
            show_default=False,
        ),
    ] = None,
    concurrency: Annotated[
        int, typer.Option("--concurrency", "-j", min=1, max=64, help="Pages fetched at once.")
    ] = 4,
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="Also retry every failure recorded in the store.")
    ] = False,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0.1, help="Seconds to wait for a server (connect and read).")
    ] = 20.0,
    retries: Annotated[
        int,
        typer.Option("--retries", min=0, max=10, help="Retries after 429, 5xx, timeouts and network errors."),
    ] = 3,
    max_size: Annotated[
        float, typer.Option("--max-size", min=0.001, help="Largest page to download, in MB.")
    ] = 20.0,
    ignore_robots: Annotated[
        bool,
        typer.Option(
            "--ignore-robots", help="Fetch pages that robots.txt disallows (with the site's consent)."
        ),
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log retries and redirects.")] = False,
) -> None:
    """Ingest articles from the web and from files, then align and detect discrepancies.

    Each source is fetched (pages with conditional requests, so an unchanged article is not
    fetched or extracted again), its claims extracted and stored. A failure is reported with
    its reason, recorded in the store, and the rest goes on; the exit code is then 1. Rerun
    with --retry-failed to try the failures again. An interrupted run (Ctrl-C) leaves only
    whole articles: run the same command again to finish it.
    """
    import logging
    import signal

    try:
        store = _open_store()  # first: a store held by 'claimgraph serve' stops the command at once
    except ClaimgraphError as e:
        raise _fail(e) from None

    from .fetch import FetchSettings
    from .pipeline import ingest as run_ingest

    if not sources and not retry_failed:
        raise _fail(Exception("give at least one URL, file or folder, or --retry-failed"), 2)
    settings = FetchSettings(
        connect_timeout=timeout,
        read_timeout=timeout,
        retries=retries,
        max_bytes=int(max_size * 1024 * 1024),
        respect_robots=not ignore_robots,
    )

    bar = err.is_terminal
    handler: logging.Handler
    if bar:
        from rich.logging import RichHandler

        handler = RichHandler(console=err, show_path=False, show_time=False)
    else:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    logger = logging.getLogger("claimgraph")
    logger.addHandler(handler)
    old_level = logger.level
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    # trafilatura and htmldate warn about every page they discard; the item's failure says it
    quiet = {name: logging.getLogger(name) for name in ("trafilatura", "htmldate", "courlan")}
    quiet_levels = {name: lg.level for name, lg in quiet.items()}
    for lg in quiet.values():
        lg.setLevel(logging.INFO if verbose else logging.ERROR)
    results: list[Any] = []
    progress = _IngestProgress(bar)

    def on_result(r: Any) -> None:
        results.append(r)
        progress.result(r)

    def on_term(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    old_term = signal.signal(signal.SIGTERM, on_term)
    interrupted = False
    try:
        with progress:
            run_ingest(
                store,
                sources or [],
                on_result=on_result,
                on_found=progress.found,
                retry_failed=retry_failed,
                concurrency=concurrency,
                fetch_settings=settings,
            )
    except KeyboardInterrupt:
        interrupted = True
    except ClaimgraphError as e:
        raise _fail(e) from None
    finally:
        signal.signal(signal.SIGTERM, old_term)
        logger.removeHandler(handler)
        logger.setLevel(old_level)
        for name, lg in quiet.items():
            lg.setLevel(quiet_levels[name])
        del store  # release the store's lock now, not when a traceback that names it goes
    counts = {
        s: sum(1 for r in results if r.status == s) for s in ("ingested", "updated", "unchanged", "failed")
    }
    out.print(
        ", ".join(f"{v} {k}" for k, v in counts.items()) + f" — store: {_store_path()}",
        highlight=False,
        markup=False,
    )
    failed = [r for r in results if r.status == "failed"]
    if failed:
        out.print("Failed (recorded in the store; retry with --retry-failed):", highlight=False)
        for r in failed:
            out.print(f"  {r.source}: {r.error}", highlight=False, soft_wrap=True, markup=False)
    if interrupted:
        err.print(
            "[yellow]interrupted[/]: every article stored so far is whole; run the same command "
            "again to finish",
            highlight=False,
        )
        raise typer.Exit(130)
    if not results:
        if retry_failed and not sources:
            out.print("no recorded failures to retry", highlight=False)
            return
        raise _fail(Exception("nothing to ingest: no article files or URLs found in the given sources"), 1)
    if failed:
        raise typer.Exit(1)


class _IngestProgress:
    """A rich progress bar on a terminal; one plain line per item otherwise."""

    def __init__(self, bar: bool) -> None:
        self.bar = bar
        self._progress: Any = None
        self._task: Any = None
        self.total = 0

    def __enter__(self) -> _IngestProgress:
        if self.bar:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                TextColumn("ingesting"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=err,
            )
            self._progress.__enter__()
            self._task = self._progress.add_task("ingest", total=None)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)

    def _line(self, text: str, *, error: bool = False) -> None:
        if self._progress is not None:
            self._progress.console.print(text, highlight=False, soft_wrap=True)
        else:
            (err if error else out).print(text, highlight=False, soft_wrap=True)

    def found(self, source: str, what: str, n: int) -> None:
        self.total += n
        if what != "sources":
            self._line(f"{what:<9} {escape(source)}: {n} new link{'s' if n != 1 else ''}")
        if self._progress is not None:
            self._progress.update(self._task, total=self.total, advance=0 if what == "sources" else 1)

    def result(self, r: Any) -> None:
        # (sources, URLs and errors are shown as they are: their brackets are not markup)
        source = escape(r.source)
        if r.status == "failed":
            self._line(f"[red]failed[/]    {source}: {escape(str(r.error))}", error=True)
        elif r.status == "unchanged":
            self._line(f"unchanged {source}")
        else:
            to = f" -> {escape(r.url)}" if r.url and r.url != r.source else ""
            self._line(f"{r.status:<9} {source}{to} ({r.claims} claims)")
        if self._progress is not None:
            self._progress.update(self._task, advance=1)


@app.command()
def query(
    query: Annotated[str, typer.Argument(help="A SPARQL query, or the path of a .rq file.")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table, csv, json or turtle (for CONSTRUCT/DESCRIBE).")
    ] = "table",
    endpoint: Annotated[
        str | None,
        typer.Option(
            "--endpoint",
            help="Send the query to this SPARQL 1.1 endpoint (such as a 'claimgraph serve' at "
            "http://127.0.0.1:8000/sparql) instead of opening the store.",
        ),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds to wait for the endpoint's answer.", min=1)
    ] = 60.0,
) -> None:
    """Run a SPARQL 1.1 query over the store (all graphs are in the default graph) or an endpoint."""
    from .queries import run_sparql

    text = (
        Path(query).read_text(encoding="utf-8") if query.endswith(".rq") and Path(query).is_file() else query
    )
    try:
        if endpoint:
            from .remote import run_remote

            result = run_remote(endpoint, text, timeout=timeout)
        else:
            result = run_sparql(_open_store(), text)
    except ClaimgraphError as e:
        raise _fail(e) from None
    if result.kind == "boolean":
        out.print(json.dumps({"boolean": result.boolean}) if fmt == "json" else str(result.boolean).lower())
        return
    if result.kind == "graph":
        sys.stdout.write(result.turtle)
        return
    if fmt == "json":
        sys.stdout.write(
            json.dumps(
                {"head": {"vars": result.variables}, "results": {"bindings": result.bindings}},
                indent=2,
                ensure_ascii=False,
            )
            + "\n"
        )
    elif fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(result.variables)
        w.writerows(result.rows)
        sys.stdout.write(buf.getvalue())
    elif fmt == "table":
        t = Table(*result.variables, show_lines=False)
        for row in result.rows:
            t.add_row(*(Text(str(cell)) for cell in row))  # text from articles: never markup
        out.print(t)
        out.print(f"{len(result.rows)} rows", style="dim")
    else:
        raise _fail(Exception(f"unknown --format {fmt!r}; use table, csv, json, or turtle for CONSTRUCT"))


@app.command()
def detect(
    queries: Annotated[
        Path | None, typer.Option("--queries", help="A folder of extra .rq rules to run too.")
    ] = None,
) -> None:
    """Re-run alignment and every detection rule over the whole store."""
    from .align import align
    from .detect import detect as run_detect
    from .detect import load_rules

    try:
        rules = load_rules(extra_dir=queries)  # a broken rule stops us before anything is written
        store = _open_store()
        align(store)
        found = run_detect(store, rules=rules)
    except ClaimgraphError as e:
        raise _fail(e) from None
    by: dict[str, int] = {}
    for d in found:
        by[d.type] = by.get(d.type, 0) + 1
    out.print(
        ", ".join(f"{k}: {v}" for k, v in by.items()) or "no discrepancies", highlight=False, markup=False
    )


@app.command()
def report(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="md, json, or html (one self-contained page).")
    ] = "md",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.")
    ] = None,
) -> None:
    """The discrepancies found and the single-source claims, for editors (md, html) or tools (json)."""
    from .report import build_report, render

    try:
        store = _open_store()
        text = render(build_report(store), fmt, store=store)
    except ClaimgraphError as e:
        raise _fail(e) from None
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        err.print(f"report written to {output}", highlight=False, markup=False)
    else:
        sys.stdout.write(text)


@app.command()
def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; the default answers this machine only.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)] = 8000,
    allow_update: Annotated[
        bool,
        typer.Option(
            "--allow-update",
            help="Accept SPARQL Update (at /update, or 'update' at /sparql). Off by default: the endpoint "
            "is read-only. An update can also LOAD URLs, so allow it on trusted networks only.",
        ),
    ] = False,
    timeout: Annotated[
        float,
        typer.Option("--timeout", help="Query time limit in seconds; slower queries get 503.", min=0.01),
    ] = 10.0,
    max_rows: Annotated[
        int,
        typer.Option(
            "--max-rows",
            help="Result size limit: rows (or triples) per answer; beyond it the answer is cut.",
            min=1,
        ),
    ] = 10_000,
    workers: Annotated[int, typer.Option("--workers", help="Queries run at the same time.", min=1)] = 4,
    cors: Annotated[
        bool,
        typer.Option(
            "--cors",
            help="Allow browser pages from other origins to query the endpoint (and, with --allow-update, to update it).",
        ),
    ] = False,
    access_log: Annotated[bool, typer.Option(help="Log every request.")] = True,
) -> None:
    """Serve the store: SPARQL 1.1 endpoint at /sparql, the report at /, a query page and a JSON API.

    While it runs the server owns the store; other commands on the same store stop with a message
    that names the server.
    """
    from .endpoint import Limits
    from .server import ServerSettings
    from .server import serve as run_server

    try:
        store = _open_store()
    except ClaimgraphError as e:
        raise _fail(e) from None
    settings = ServerSettings(
        allow_update=allow_update,
        limits=Limits(timeout=timeout, max_rows=max_rows),
        workers=workers,
        cors=cors,
        store_label=str(_store_path()),
    )

    def ready(url: str) -> None:
        mode = "accepting SPARQL Update" if allow_update else "read-only"
        err.print(
            f"claimgraph serving {_store_path()} at {url} ({mode}); SPARQL endpoint {url}sparql, "
            f"report {url}, query page {url}query. Ctrl-C stops it.",
            highlight=False,
        )
        if allow_update and host not in ("127.0.0.1", "localhost", "::1"):
            err.print(
                f"[yellow]warning:[/] updates are allowed from any client that reaches {host}",
                highlight=False,
            )

    run_server(
        store,
        host=host,
        port=port,
        settings=settings,
        store_path=_store_path(),
        access_log=access_log,
        on_ready=ready,
    )


@app.command()
def validate(
    as_json: Annotated[bool, typer.Option("--json", help="Print the violations as a JSON list.")] = False,
) -> None:
    """Check the store against the SHACL shapes (ontology/shapes.ttl); exit 1 on any violation.

    Validates the union of every data graph (articles and their superseded versions, stories,
    matches, discrepancies, failures) and prints each violation's focus node, path and message.
    """
    from dataclasses import asdict

    from .store import open_store
    from .validate import format_violations, validate_store

    try:
        found = validate_store(open_store(_store_path()))
    except ClaimgraphError as e:
        raise _fail(e) from None
    if as_json:
        sys.stdout.write(json.dumps([asdict(v) for v in found], indent=2, ensure_ascii=False) + "\n")
    elif found:
        sys.stdout.write(format_violations(found))
    nodes = len({v.focus for v in found})
    summary = (
        f"{len(found)} violation(s) on {nodes} node(s)"
        if found
        else "the store conforms to the shapes: 0 violations"
    )
    err.print(summary, highlight=False)
    if found:
        raise typer.Exit(1)


@app.command()
def export(
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="turtle: the triples of every graph merged into one graph (Turtle has no named graphs); "
            "nquads: every quad, named graphs kept; jsonld: every named graph, with the claimgraph context "
            "https://w3id.org/claimgraph/context.jsonld; claimreview: one schema.org ClaimReview per "
            "discrepancy, as JSON-LD.",
        ),
    ] = "turtle",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.")
    ] = None,
    graph: Annotated[
        str | None,
        typer.Option("--graph", "-g", help="Export only this named graph (an IRI; not for claimreview)."),
    ] = None,
    reviewer: Annotated[
        str, typer.Option(help="claimreview: the organization named as the author of the reviews.")
    ] = "claimgraph",
) -> None:
    """Export the whole store (articles, superseded versions, matches, discrepancies, ontology)."""
    from .export import export_store
    from .store import open_store

    try:
        data = export_store(open_store(_store_path()), fmt, graph=graph, reviewer=reviewer)
    except ClaimgraphError as e:
        raise _fail(e) from None
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(data)
        err.print(f"{fmt} written to {output} ({len(data):,} bytes)", highlight=False, markup=False)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


@app.command(name="eval")
def eval_cmd(
    folder: Annotated[Path, typer.Argument(help="A corpus story folder holding gold.yaml.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as one JSON object.")] = False,
) -> None:
    """Score the pipeline against a story's gold file: claims, frame fields, discrepancies."""
    from .evaluate import evaluate

    try:
        res = evaluate(folder)
    except ClaimgraphError as e:
        raise _fail(e) from None
    if as_json:
        sys.stdout.write(json.dumps({k: v for k, v in res.items() if k != "details"}, indent=2) + "\n")
        return
    c, d = res["claims"], res["discrepancies"]
    out.print(f"[bold]{escape(res['story'])}[/]")
    t = Table("", "precision", "recall", "F1", "tp", "fp", "fn")
    t.add_row(
        "claims",
        *(f"{c[k]:.3f}" for k in ("precision", "recall", "f1")),
        *(str(c[k]) for k in ("tp", "fp", "fn")),
    )
    t.add_row(
        "discrepancies",
        *(f"{d[k]:.3f}" for k in ("precision", "recall", "f1")),
        *(str(d[k]) for k in ("tp", "fp", "fn")),
    )
    for name, v in d["by_type"].items():
        t.add_row(
            f"  {name}",
            *(f"{v[k]:.3f}" for k in ("precision", "recall", "f1")),
            *(str(v[k]) for k in ("tp", "fp", "fn")),
        )
    out.print(t)
    f = Table("field", "accuracy", "n")
    for name, v in res["fields"].items():
        f.add_row(name, f"{v['accuracy']:.3f}", str(v["total"]))
    out.print(f)
    out.print(f"false alarms on agreements: {res['agreement_false_alarms']}")


@app.command()
def demo(
    corpus: Annotated[Path, typer.Option(help="The corpus folder to ingest.")] = Path("corpus"),
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for the reports.")] = Path("reports"),
) -> None:
    """Ingest the corpus into the store and write the report as Markdown, JSON and HTML."""
    from .extract import build_nlp
    from .pipeline import ingest as run_ingest
    from .report import build_report, render

    try:
        store = _open_store()
        results = run_ingest(store, [corpus], nlp=build_nlp())
        rep = build_report(store)
    except ClaimgraphError as e:
        raise _fail(e) from None
    output.mkdir(parents=True, exist_ok=True)
    md, js, page = output / "report.md", output / "report.json", output / "report.html"
    md.write_text(render(rep, "md"), encoding="utf-8")
    js.write_text(render(rep, "json"), encoding="utf-8")
    page.write_text(render(rep, "html", store=store), encoding="utf-8")
    failed = [r for r in results if r.status == "failed"]
    for r in failed:
        err.print(f"[red]failed[/] {escape(r.source)}: {escape(str(r.error))}", highlight=False)
    n = len(rep.discrepancies)
    out.print(
        f"{len(results) - len(failed)} articles in {_store_path()}, {len(rep.claims)} claims, {n} findings.",
        highlight=False,
        markup=False,
    )
    out.print(f"Report: {md.resolve()}", highlight=False, markup=False)
    out.print(f"JSON:   {js.resolve()}", highlight=False, markup=False)
    out.print(f"HTML:   {page.resolve()}", highlight=False, markup=False)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
