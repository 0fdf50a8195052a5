"""The CLI end to end on a real on-disk store."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from claimgraph.cli import app

from .conftest import CORPUS

runner = CliRunner()


def test_ingest_query_report_eval(tmp_path: Path) -> None:
    store = str(tmp_path / "data")
    r = runner.invoke(app, ["--store", store, "ingest", str(CORPUS / "river-flood")])
    assert r.exit_code == 0, r.output
    assert "3 ingested" in r.output
    r = runner.invoke(
        app,
        [
            "--store",
            store,
            "query",
            "--format",
            "json",
            "SELECT ?type (COUNT(*) AS ?n) WHERE { ?d cg:discrepancyType ?type } GROUP BY ?type",
        ],
    )
    assert r.exit_code == 0, r.output
    types = {b["type"]["value"] for b in json.loads(r.stdout)["results"]["bindings"]}
    assert {"single_source", "numeric"} <= types
    out = tmp_path / "r.json"
    r = runner.invoke(app, ["--store", store, "report", "--format", "json", "-o", str(out)])
    assert r.exit_code == 0, r.output
    rep = json.loads(out.read_text())
    keys = {
        "id",
        "article_url",
        "outlet",
        "published",
        "field",
        "start",
        "end",
        "text",
        "kind",
        "value",
        "low",
        "high",
        "unit",
        "qualifier",
        "time",
        "measure",
        "scope",
        "condition",
        "claimant",
    }
    assert rep["claims"] and keys <= set(rep["claims"][0])
    claim_ids = {c["id"] for c in rep["claims"]}
    for d in rep["discrepancies"]:
        assert {"id", "type", "story", "claims", "explanation", "severity"} <= set(d)
        assert set(d["claims"]) <= claim_ids and d["severity"] in ("high", "medium", "low")
    r = runner.invoke(app, ["--store", store, "report"])
    assert "# claimgraph discrepancy report" in r.stdout

    # rules of one's own: every broken one is named, and nothing is aligned or written
    def graphs() -> str:
        q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(CONTAINS(STR(?g), '/graph/')) } GROUP BY ?g ORDER BY ?g"
        return runner.invoke(app, ["--store", store, "query", "--format", "csv", q]).stdout

    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "scoped.rq").write_text(
        "PREFIX cg: <https://w3id.org/claimgraph/ontology#>\n# scoped — a claim with a scope\n"
        'SELECT ?a ?severity ?explanation WHERE { GRAPH ?g { ?a cg:scope ?s } BIND("low" AS ?severity) '
        'BIND(CONCAT("scope: ", ?s) AS ?explanation) }\n',
        encoding="utf-8",
    )
    broken = {
        "typo.rq": "SELECT ?a WHERE { ?a ?b\n",
        "no_a.rq": "SELECT ?x WHERE { ?x ?p ?o }\n",
        "ask.rq": "ASK { ?s ?p ?o }\n",
        "param.rq": "# param ?tol high\nSELECT ?a WHERE { ?a ?p ?tol }\n",
    }
    for name, text in broken.items():
        (rules / name).write_text(text, encoding="utf-8")
    (rules / "binary.rq").write_bytes(b"\xff\xfe\x00\x01")
    before = graphs()
    r = runner.invoke(app, ["--store", store, "detect", "--queries", str(rules)])
    assert r.exit_code == 1
    assert "5 rule(s) of --queries cannot run" in r.output
    for name, why in [
        ("typo.rq", "does not parse"),
        ("no_a.rq", "does not select ?a"),
        ("ask.rq", "is not a SELECT query"),
        ("param.rq", "must be a number"),
        ("binary.rq", "cannot be read"),
    ]:
        assert name in r.output and why in r.output.replace("\n", " ")
    assert "scoped.rq" not in r.output
    assert graphs() == before
    for name in [*broken, "binary.rq"]:
        (rules / name).unlink()
    r = runner.invoke(app, ["--store", store, "detect", "--queries", str(rules)])
    assert r.exit_code == 0, r.output
    assert "scoped: " in r.output


def test_query_syntax_error_is_a_clean_failure(tmp_path: Path) -> None:
    r = runner.invoke(app, ["--store", str(tmp_path / "d"), "query", "SELECT ?x WHERE { ?x"])
    assert r.exit_code == 1
    assert "SPARQL syntax error" in r.output


def test_ingest_exit_code_when_a_file_fails(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\x00\x01binary")
    r = runner.invoke(app, ["--store", str(tmp_path / "d"), "ingest", str(bad)])
    assert r.exit_code == 1
    assert "binary" in r.output


def test_text_with_brackets_is_printed_as_it_is(tmp_path: Path) -> None:
    # names, errors and query results are not rich markup: "[/x]" neither vanishes nor crashes
    (tmp_path / "odd [").mkdir()
    bad = tmp_path / "odd [" / "x] [bold]name.md"  # "odd [/x] [bold]name.md"
    bad.write_bytes(b"\x00\x01binary")
    r = runner.invoke(app, ["--store", str(tmp_path / "d"), "ingest", str(bad)])
    assert r.exit_code == 1
    assert "odd [/x] [bold]name.md" in r.output
    r = runner.invoke(app, ["--store", str(tmp_path / "d"), "query", 'SELECT ("[/b] a [bold]b" AS ?t) {}'])
    assert r.exit_code == 0, r.output
    assert "[/b] a [bold]b" in r.output
    r = runner.invoke(app, ["--store", str(tmp_path / "d"), "query", "SELECT ?x WHERE { [/x]"])
    assert r.exit_code == 1 and "SPARQL syntax error" in r.output


def test_eval_json(tmp_path: Path) -> None:
    r = runner.invoke(app, ["eval", str(CORPUS / "quarterly-results"), "--json"])
    assert r.exit_code == 0, r.output
    res = json.loads(r.stdout)
    assert {"claims", "fields", "discrepancies"} <= set(res)
    assert {"precision", "recall", "f1", "by_type"} <= set(res["discrepancies"])


def test_every_command_has_help() -> None:
    for cmd in ("ingest", "query", "report", "eval", "demo", "detect", "serve"):
        r = runner.invoke(app, [cmd, "--help"])
        assert r.exit_code == 0 and len(r.output) > 100, cmd
