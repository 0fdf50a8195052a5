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
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from . import __version__
from .errors import ClaimgraphError

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
    from .extract import build_nlp
    from .pipeline import ingest as run_ingest
    from .store import open_store

    try:
        store = open_store(_store_path())
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
) -> None:
    """Run a SPARQL 1.1 query over the store (all graphs are in the default graph)."""
    from .queries import run_sparql
    from .store import open_store

    text = (
        Path(query).read_text(encoding="utf-8") if query.endswith(".rq") and Path(query).is_file() else query
    )
    try:
        result = run_sparql(open_store(_store_path()), text)
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
    from .store import open_store

    try:
        store = open_store(_store_path())
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
    fmt: Annotated[str, typer.Option("--format", "-f", help="md or json.")] = "md",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file instead of standard output.")
    ] = None,
) -> None:
    """The discrepancies found and the single-source claims, for editors (md) or tools (json)."""
    from .report import build_report, render
    from .store import open_store

    try:
        text = render(build_report(open_store(_store_path())), fmt)
    except ClaimgraphError as e:
        raise _fail(e) from None
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        err.print(f"report written to {output}", highlight=False)
    else:
        sys.stdout.write(text)


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
        err.print(f"{fmt} written to {output} ({len(data):,} bytes)", highlight=False)
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
    """Ingest the corpus into the store and write the report as Markdown and JSON."""
    from .extract import build_nlp
    from .pipeline import ingest as run_ingest
    from .report import build_report, render
    from .store import open_store

    try:
        store = open_store(_store_path())
        results = run_ingest(store, [corpus], nlp=build_nlp())
        rep = build_report(store)
    except ClaimgraphError as e:
        raise _fail(e) from None
    output.mkdir(parents=True, exist_ok=True)
    md, js = output / "report.md", output / "report.json"
    md.write_text(render(rep, "md"), encoding="utf-8")
    js.write_text(render(rep, "json"), encoding="utf-8")
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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
