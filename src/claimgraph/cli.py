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
from rich.table import Table

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
    err.print(f"[bold red]error:[/] {e}", highlight=False)
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
    paths: Annotated[list[Path], typer.Argument(help="Article files (.md, .txt, .html) or folders of them.")],
) -> None:
    """Ingest articles: extract claims, store them, then align and detect discrepancies."""
    try:
        store = _open_store()  # first: a store held by 'claimgraph serve' stops the command at once
    except ClaimgraphError as e:
        raise _fail(e) from None
    from .extract import build_nlp
    from .pipeline import ingest as run_ingest

    try:
        nlp = build_nlp()
    except ClaimgraphError as e:
        raise _fail(e) from None

    def show(r: Any) -> None:
        if r.status == "failed":
            err.print(f"[red]failed[/]   {r.source}: {r.error}", highlight=False)
        else:
            out.print(
                f"{r.status:<9} {r.source} ({r.claims} claims)"
                if r.status != "unchanged"
                else f"unchanged {r.source}",
                highlight=False,
            )

    try:
        results = run_ingest(store, paths, nlp=nlp, on_result=show)
    except ClaimgraphError as e:
        raise _fail(e) from None
    counts = {
        s: sum(1 for r in results if r.status == s) for s in ("ingested", "updated", "unchanged", "failed")
    }
    out.print(
        ", ".join(f"{v} {k}" for k, v in counts.items()) + f" — store: {_store_path()}", highlight=False
    )
    if not results:
        raise _fail(Exception("no article files found in the given paths"), 1)
    if counts["failed"]:
        raise typer.Exit(1)


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
            t.add_row(*row)
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
        store = _open_store()
        align(store)
        found = run_detect(store, rules=load_rules(extra_dir=queries))
    except ClaimgraphError as e:
        raise _fail(e) from None
    by: dict[str, int] = {}
    for d in found:
        by[d.type] = by.get(d.type, 0) + 1
    out.print(", ".join(f"{k}: {v}" for k, v in by.items()) or "no discrepancies", highlight=False)


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
        err.print(f"report written to {output}", highlight=False)
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
    out.print(f"[bold]{res['story']}[/]")
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
        err.print(f"[red]failed[/] {r.source}: {r.error}", highlight=False)
    n = len(rep.discrepancies)
    out.print(
        f"{len(results) - len(failed)} articles in {_store_path()}, {len(rep.claims)} claims, {n} findings.",
        highlight=False,
    )
    out.print(f"Report: {md.resolve()}", highlight=False)
    out.print(f"JSON:   {js.resolve()}", highlight=False)
    out.print(f"HTML:   {page.resolve()}", highlight=False)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
