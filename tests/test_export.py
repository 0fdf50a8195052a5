"""Exports: Turtle, N-Quads and JSON-LD load back into a fresh store as the same triples
(rdflib isomorphism), and ClaimReview describes every discrepancy."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from pyoxigraph import DefaultGraph, NamedNode, RdfFormat, Store, parse, serialize
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import RDF
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.errors import ConfigError
from claimgraph.export import claimreviews, export_store, jsonld_context, parse_jsonld
from claimgraph.graph import article_graph
from claimgraph.report import build_report
from claimgraph.validate import validate_graph
from claimgraph.vocab import CONTEXT_URL, PREFIXES, SCHEMA

from .corpus_stores import story_store

STORY = "ai-self-improvement"


def _graphs(store: Store) -> dict[str, Graph]:
    """Each named graph of a pyoxigraph store as an rdflib graph."""
    out = {}
    for g in store.named_graphs():
        data = store.dump(format=RdfFormat.N_TRIPLES, from_graph=g)
        out[g.value] = Graph().parse(data=data, format="nt")
    return out


def _union(store: Store) -> Graph:
    u = Graph()
    for g in _graphs(store).values():
        u += g
    return u


@pytest.fixture(scope="module")
def store(nlp: Any) -> Store:
    return story_store(STORY, nlp)


def test_nquads_round_trip_keeps_every_named_graph(store: Store) -> None:
    fresh = Store()
    fresh.load(export_store(store, "nquads"), format=RdfFormat.N_QUADS)
    before, after = _graphs(store), _graphs(fresh)
    assert set(before) == set(after) and len(before) >= 7
    for name, g in before.items():
        assert isomorphic(g, after[name]), name
    assert len(fresh) == len(store)


def test_turtle_round_trip_is_the_union_of_the_graphs(store: Store) -> None:
    data = export_store(store, "turtle")
    assert b"@prefix cg: <https://w3id.org/claimgraph/ontology#> ." in data
    fresh = Store()
    fresh.load(data, format=RdfFormat.TURTLE)
    back = Graph().parse(data=fresh.dump(format=RdfFormat.N_TRIPLES, from_graph=DefaultGraph()), format="nt")
    assert isomorphic(back, _union(store))
    # the union is what the shapes are written for, ontology included
    assert validate_graph(back) == []


def test_jsonld_round_trip_with_the_published_context(store: Store) -> None:
    data = export_store(store, "jsonld")
    doc = json.loads(data)
    assert doc["@context"] == CONTEXT_URL
    assert any(n["@id"].startswith("cgid:graph/article/") for n in doc["@graph"])
    fresh = Store()
    fresh.extend(parse_jsonld(data))
    before, back = _graphs(store), _graphs(fresh)
    assert set(back) == set(before)
    for name, g in before.items():
        assert isomorphic(g, back[name]), name
    assert {str(q) for q in fresh} == {str(q) for q in store}


def test_the_context_file_declares_the_query_prefixes() -> None:
    ctx = jsonld_context()
    assert {k: v for k, v in ctx.items() if k in PREFIXES} == PREFIXES


def test_one_graph_only(store: Store) -> None:
    url = build_report(store).articles[0]["url"]
    g = article_graph(url)
    fresh = Store()
    fresh.load(export_store(store, "nquads", graph=g), format=RdfFormat.N_QUADS)
    assert [n.value for n in fresh.named_graphs()] == [g]
    assert len(fresh) == sum(1 for _ in store.quads_for_pattern(None, None, None, NamedNode(g)))
    with pytest.raises(ConfigError, match="no named graph"):
        export_store(store, "turtle", graph="https://example.org/nothing")
    with pytest.raises(ConfigError, match="available formats: turtle, nquads, jsonld, claimreview"):
        export_store(store, "rdfxml")


def test_claimreview_describes_every_discrepancy(store: Store) -> None:
    report = build_report(store)
    reviews = claimreviews(store, reviewer="Example Desk")
    assert len(reviews) == len(report.discrepancies) > 5
    by_id = {d["id"]: d for d in report.discrepancies}
    claims = {c["id"]: c for c in report.claims}
    for r in reviews:
        d = by_id[r["@id"]]
        assert r["@type"] == "ClaimReview" and r["author"] == {
            "@type": "Organization",
            "name": "Example Desk",
        }
        assert r["reviewBody"] == d["explanation"] == r["reviewRating"]["ratingExplanation"]
        item = r["itemReviewed"]
        assert item["@type"] == "Claim" and item["@id"] in d["claims"]
        assert r["claimReviewed"] == item["text"] == claims[item["@id"]]["text"]
        urls = {a["url"] for a in item["appearance"]}
        assert urls == {claims[c]["article_url"] for c in d["claims"]}
        assert r["about"]["termCode"] == d["type"] and d["severity"] in r["reviewRating"]["alternateName"]
        if d["type"] == "single_source":
            assert "mentions" not in r
        else:
            assert {m["@id"] for m in r["mentions"]} | {item["@id"]} == set(d["claims"])


def test_claimreview_export_is_schema_org_json_ld(store: Store) -> None:
    doc = json.loads(export_store(store, "claimreview"))
    assert doc["@context"] == "https://schema.org"
    # read offline with the vocabulary of the schema.org context (its terms are schema: IRIs)
    doc["@context"] = {"@vocab": SCHEMA, "url": {"@type": "@id"}}
    quads = parse(json.dumps(doc).encode(), format=RdfFormat.JSON_LD)
    g = Graph().parse(
        data=serialize((q.triple for q in quads), format=RdfFormat.N_TRIPLES) or b"", format="nt"
    )
    reviews = set(g.subjects(RDF.type, URIRef(SCHEMA + "ClaimReview")))
    assert len(reviews) == len(doc["@graph"])
    for r in reviews:
        item = g.value(r, URIRef(SCHEMA + "itemReviewed"))
        assert (item, RDF.type, URIRef(SCHEMA + "Claim")) in g
        assert g.value(r, URIRef(SCHEMA + "reviewRating")) is not None


def test_export_command_writes_each_format(tmp_path: Path, store: Store) -> None:
    data = tmp_path / "data"
    disk = Store(str(data))
    disk.extend(store)
    del disk
    import gc

    gc.collect()
    runner = CliRunner()
    for fmt in ("turtle", "nquads", "jsonld", "claimreview"):
        out = tmp_path / f"out.{fmt}"
        r = runner.invoke(app, ["--store", str(data), "export", "--format", fmt, "-o", str(out)])
        assert r.exit_code == 0, r.output
        assert out.stat().st_size > 10_000
    fresh = Store()
    fresh.load(path=tmp_path / "out.nquads", format=RdfFormat.N_QUADS)
    assert len(fresh) == len(store)
    r = runner.invoke(app, ["--store", str(data), "export", "--format", "rdfxml"])
    assert r.exit_code == 1 and "available formats" in r.output
    r = runner.invoke(app, ["export", "--help"])
    text = " ".join(re.sub(r"[│╭╮╰╯─]", " ", r.output).split())
    assert "nquads: every quad, named graphs kept" in text and "merged into one graph" in text
