"""``claimgraph serve`` as a real process, queried by real SPARQL clients (SPARQLWrapper, rdflib),
by ``claimgraph query --endpoint`` (also against Oxigraph's own server), and under load."""

from __future__ import annotations

import csv
import io
import json
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, POST, TSV, TURTLE, XML, SPARQLWrapper
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.server import SERVE_INFO
from claimgraph.vocab import CG

from ..conftest import ROOT
from .conftest import STORY, Served, StoryStore, free_port, serve_process, stop, wait_ready

COUNT_TYPES = (
    "PREFIX cg: <https://w3id.org/claimgraph/ontology#>\n"
    "SELECT ?type (COUNT(*) AS ?n) WHERE { ?d cg:discrepancyType ?type } GROUP BY ?type ORDER BY ?type"
)
CLAIM_TEXTS = "PREFIX cg: <https://w3id.org/claimgraph/ontology#>\nCONSTRUCT { ?c cg:text ?t } WHERE { ?c a cg:Claim ; cg:text ?t }"
EX = "http://example.org/"


def _expected_types(story: StoryStore) -> dict[str, int]:
    out: dict[str, int] = {}
    for d in story.report.discrepancies:
        out[d["type"]] = out.get(d["type"], 0) + 1
    return out


def _wrapper(url: str, query: str, fmt: str, *, conneg_only: bool = False) -> SPARQLWrapper:
    sw = SPARQLWrapper(url)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    sw.setOnlyConneg(conneg_only)
    sw.setTimeout(30)
    return sw


def test_sparqlwrapper_reads_every_format(server: Served, story_store: StoryStore) -> None:
    expected = _expected_types(story_store)
    doc = _wrapper(server.sparql, COUNT_TYPES, JSON).query().convert()
    assert {b["type"]["value"]: int(b["n"]["value"]) for b in doc["results"]["bindings"]} == expected
    dom = _wrapper(server.sparql, COUNT_TYPES, XML, conneg_only=True).query().convert()
    assert len(dom.getElementsByTagName("result")) == len(expected)
    raw = _wrapper(server.sparql, COUNT_TYPES, CSV).query().convert()
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"))))
    assert rows[0] == ["type", "n"] and {t: int(n) for t, n in rows[1:]} == expected
    raw = _wrapper(server.sparql, COUNT_TYPES, TSV, conneg_only=True).query().convert()
    assert raw.decode("utf-8").splitlines()[0] == "?type\t?n"
    sw = _wrapper(server.sparql, CLAIM_TEXTS, TURTLE)
    sw.setMethod(POST)
    turtle = sw.query().convert()
    assert len(Graph().parse(data=turtle.decode("utf-8"), format="turtle")) == len(story_store.report.claims)
    # RDF/XML; read raw, since SPARQLWrapper's own convert() builds a deprecated rdflib ConjunctiveGraph
    res = _wrapper(server.sparql, CLAIM_TEXTS, XML).query()
    assert res.response.headers["Content-Type"] == "application/rdf+xml"
    g = Graph().parse(data=res.response.read().decode("utf-8"), format="xml")
    assert len(g) == len(story_store.report.claims)
    ask = _wrapper(server.sparql, "ASK { ?s ?p ?o }", JSON).query().convert()
    assert ask["boolean"] is True


def test_rdflib_sparqlstore(server: Served, story_store: StoryStore) -> None:
    graph = Graph(store=SPARQLStore(server.sparql, returnFormat="xml"))
    try:
        rows = list(graph.query(COUNT_TYPES))
        assert {str(r[0]): int(r[1]) for r in rows} == _expected_types(story_store)  # type: ignore[index]
        texts = {str(o) for o in graph.objects(None, URIRef(CG + "text"))}
        assert texts == {c["text"] for c in story_store.report.claims}
        built = graph.query(CLAIM_TEXTS).graph
        assert built is not None and len(built) == len(story_store.report.claims)
        pangolin = Literal("Pangolin Tech Review")
        assert (None, URIRef("https://schema.org/name"), pangolin) in graph
    finally:
        graph.close()


def test_writes_refused_and_bad_queries_answered_400(server: Served, story_store: StoryStore) -> None:
    sw = SPARQLWrapper(server.sparql)
    sw.setMethod(POST)
    sw.setQuery(f"INSERT DATA {{ <{EX}a> <{EX}b> <{EX}c> }}")
    with pytest.raises(Exception, match=r"403|read-only"):
        sw.query()
    r = httpx.post(server.url + "update", data={"update": "CLEAR ALL"}, timeout=10)
    assert r.status_code == 403 and "--allow-update" in r.text
    n = httpx.get(server.sparql, params={"query": "SELECT (COUNT(*) AS ?n) { ?c a cg:Claim }"}, timeout=10)
    assert int(n.json()["results"]["bindings"][0]["n"]["value"]) == len(story_store.report.claims)
    r = httpx.get(server.sparql, params={"query": "SELECT * WHERE { ?s ?p"}, timeout=10)
    assert r.status_code == 400 and r.text.startswith("SPARQL syntax error: error at 1:")
    sw = _wrapper(server.sparql, "SELECT * WHERE { ?s ?p", JSON)
    with pytest.raises(Exception, match="SPARQL syntax error"):
        sw.query()


def test_ingest_while_serving_stops_at_once(server: Served, story_store: StoryStore) -> None:
    cmd = [sys.executable, "-m", "claimgraph", "--store", str(story_store.path), "ingest", str(STORY)]
    t = time.monotonic()
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=ROOT)
    took = time.monotonic() - t
    assert done.returncode == 1
    message = " ".join(done.stderr.split())
    assert "is in use by 'claimgraph serve'" in message and server.url in message
    assert f"claimgraph query --endpoint {server.sparql}" in message
    assert "Traceback" not in done.stderr
    # it stopped before loading the language model or extracting anything
    assert took < 30, took
    assert httpx.get(server.url + "health", timeout=10).json()["read_only"] is True
    note = json.loads((story_store.path / SERVE_INFO).read_text())
    assert note["pid"] == server.process.pid and note["url"] == server.url


def test_query_endpoint_command_against_our_server(server: Served, story_store: StoryStore) -> None:
    runner = CliRunner()
    r = runner.invoke(app, ["query", "--endpoint", server.sparql, "--format", "json", COUNT_TYPES])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert {b["type"]["value"]: int(b["n"]["value"]) for b in doc["results"]["bindings"]} == _expected_types(
        story_store
    )
    # predeclared prefixes work against the endpoint too
    r = runner.invoke(
        app, ["query", "--endpoint", server.sparql, "-f", "csv", "SELECT (COUNT(*) AS ?n) { ?c a cg:Claim }"]
    )
    assert r.exit_code == 0 and r.stdout.splitlines() == ["n", str(len(story_store.report.claims))]
    r = runner.invoke(app, ["query", "--endpoint", server.sparql, "SELECT * WHERE {"])
    assert r.exit_code == 1 and "refused the query: SPARQL syntax error" in " ".join(r.output.split())
    r = runner.invoke(app, ["query", "--endpoint", server.sparql, f"INSERT DATA {{ <{EX}a> <{EX}b> 1 }}"])
    assert r.exit_code == 1 and "sends queries" in " ".join(r.output.split())


@pytest.fixture(scope="module")
def oxigraph_server(story_store: StoryStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Oxigraph's own server (the ``oxigraph`` PyPI package) holding the story's quads."""
    exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    assert exe, "the oxigraph command (pip install oxigraph, a dev dependency) is missing"
    base = tmp_path_factory.mktemp("oxigraph")
    subprocess.run(
        [exe, "load", "--location", str(base / "db"), "--file", str(story_store.nquads)],
        check=True,
        timeout=60,
        capture_output=True,
    )
    port = free_port()
    log = base / "oxigraph.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                exe,
                "serve",
                "--location",
                str(base / "db"),
                "--bind",
                f"127.0.0.1:{port}",
                "--union-default-graph",
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        url = f"http://127.0.0.1:{port}/query"
        wait_ready(url + "?query=ASK%7B%7D", process, log)
        yield url
    finally:
        stop(process)


def test_query_endpoint_command_against_oxigraph(oxigraph_server: str, story_store: StoryStore) -> None:
    runner = CliRunner()
    r = runner.invoke(app, ["query", "--endpoint", oxigraph_server, "--format", "json", COUNT_TYPES])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert {b["type"]["value"]: int(b["n"]["value"]) for b in doc["results"]["bindings"]} == _expected_types(
        story_store
    )
    r = runner.invoke(app, ["query", "--endpoint", oxigraph_server, CLAIM_TEXTS])
    assert r.exit_code == 0, r.output
    assert len(Graph().parse(data=r.stdout, format="turtle")) == len(story_store.report.claims)
    r = runner.invoke(
        app, ["query", "--endpoint", oxigraph_server, 'ASK { ?d cg:discrepancyType "qualifier" }']
    )
    assert r.exit_code == 0 and r.stdout.strip() == "true"
    r = runner.invoke(app, ["query", "--endpoint", oxigraph_server, "SELECT * WHERE {"])
    assert r.exit_code == 1 and "refused the query" in " ".join(r.output.split())


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Served, Path]]:
    """An empty store served with updates allowed and small limits."""
    base = tmp_path_factory.mktemp("writable")
    with serve_process(
        base / "store", base / "serve.log", "--allow-update", "--timeout", "0.5", "--max-rows", "50"
    ) as s:
        yield s, base / "store"


def test_updates_through_sparqlwrapper_when_allowed(writable: tuple[Served, Path]) -> None:
    served, _ = writable
    sw = SPARQLWrapper(served.sparql)
    sw.setMethod(POST)
    # (250 numbers: the slow query below must take well over the 0.5 s limit on a fast day)
    sw.setQuery("INSERT DATA { " + " ".join(f"<{EX}s{i}> <{EX}v> {i} ." for i in range(250)) + " }")
    assert sw.query().response.status == 204
    doc = _wrapper(served.sparql, f"SELECT (COUNT(*) AS ?n) {{ ?s <{EX}v> ?o }}", JSON).query().convert()
    assert doc["results"]["bindings"][0]["n"]["value"] == "250"
    r = httpx.get(served.sparql, params={"query": "SELECT * { ?s ?p ?o }"}, timeout=10)
    assert len(r.json()["results"]["bindings"]) == 50 and r.headers["x-result-truncated"] == "true"
    slow = "SELECT ?a ?b ?c WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z . FILTER(?x + ?y + ?z = 747) }"
    t = time.monotonic()
    r = httpx.get(served.sparql, params={"query": slow}, timeout=30)
    assert r.status_code == 503 and "time limit of 0.5 s" in r.text
    assert time.monotonic() - t < 3


def test_server_leaves_the_store_clean_on_sigterm(writable: tuple[Served, Path]) -> None:
    served, store = writable
    note = store / SERVE_INFO
    assert json.loads(note.read_text())["read_only"] is False
    assert stop(served.process) == 0
    assert not note.exists()
    assert "Finished server process" in served.log_text()


def test_load_20_clients_x_50_queries(server: Served, story_store: StoryStore, artifacts: Path) -> None:
    """A bounded load on loopback: 20 concurrent clients, 50 queries each, every answer checked."""
    expected = _expected_types(story_store)
    n_claims = len(story_store.report.claims)
    queries = [
        ({"query": COUNT_TYPES}, "application/sparql-results+json"),
        ({"query": "SELECT (COUNT(*) AS ?n) { ?c a cg:Claim }"}, "text/csv"),
        ({"query": 'ASK { ?d cg:discrepancyType "qualifier" }'}, "application/sparql-results+xml"),
        (
            {"query": "CONSTRUCT { ?c cg:text ?t } WHERE { ?c a cg:Claim ; cg:text ?t } LIMIT 5"},
            "application/n-triples",
        ),
    ]
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def client(k: int) -> None:
        with httpx.Client(timeout=30) as c:
            for i in range(50):
                params, accept = queries[(k + i) % len(queries)]
                t = time.monotonic()
                r = (
                    c.post(server.sparql, data=params, headers={"Accept": accept})
                    if i % 2
                    else c.get(server.sparql, params=params, headers={"Accept": accept})
                )
                took = time.monotonic() - t
                ok = r.status_code == 200
                if ok and accept.endswith("json"):
                    ok = {
                        b["type"]["value"]: int(b["n"]["value"]) for b in r.json()["results"]["bindings"]
                    } == expected
                elif ok and accept == "text/csv":
                    ok = r.text.split() == ["n", str(n_claims)]
                elif ok and accept.endswith("xml"):
                    ok = "<boolean>true</boolean>" in r.text
                elif ok:
                    ok = len(r.text.strip().splitlines()) == 5
                with lock:
                    latencies.append(took)
                    if not ok:
                        errors.append(f"{r.status_code} {r.text[:200]}")

    t0 = time.monotonic()
    with ThreadPoolExecutor(max_workers=20) as pool:
        list(pool.map(client, range(20), timeout=180))
    wall = time.monotonic() - t0
    latencies.sort()
    figures = {
        "clients": 20,
        "queries_per_client": 50,
        "requests": len(latencies),
        "errors": len(errors),
        "wall_seconds": round(wall, 2),
        "requests_per_second": round(len(latencies) / wall, 1),
        "latency_ms": {
            "median": round(statistics.median(latencies) * 1000, 1),
            "p95": round(latencies[int(0.95 * len(latencies)) - 1] * 1000, 1),
            "max": round(latencies[-1] * 1000, 1),
        },
    }
    (artifacts / "load-test.json").write_text(json.dumps(figures, indent=2) + "\n")
    print("load test:", json.dumps(figures))
    assert errors == [], errors[:5]
    assert len(latencies) == 1000
