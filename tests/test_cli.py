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
