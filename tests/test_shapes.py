"""The SHACL shapes: every graph the pipeline writes conforms, and every shape rejects broken data.

The broken examples start from a real store (a corpus story, one article edited into a second
version, one failed file) and break one thing each with a SPARQL update; the shape named in the
table must report it, with the expected message, for the node broken.
"""

from __future__ import annotations

import gc
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pyoxigraph import DefaultGraph, NamedNode, Quad, Store
from rdflib import Graph
from rdflib.namespace import RDF, SH
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.pipeline import ingest
from claimgraph.store import FetchRecord, open_store, record_fetch
from claimgraph.validate import (
    format_violations,
    load_shapes,
    to_graph,
    validate_graph,
    validate_store,
)
from claimgraph.vocab import ONTOLOGY, SHAPES, SPARQL_PREFIXES

from .conftest import STORIES
from .corpus_stores import copy_story, edit_article, story_store

SHAPE_TARGETS = {
    "cg:Claim",
    "cg:Quantity",
    "cg:ClaimMatch",
    "cg:Discrepancy",
    "cg:Story",
    "cg:ExtractionActivity",
    "cg:ArticleGraph",
    "cg:LanguageModel",
    "schema:NewsArticle",
    "schema:Organization",
    "prov:SoftwareAgent",
    "oa:TextQuoteSelector",
    "oa:TextPositionSelector",
}


def _count(store: Store, cls: str) -> int:
    q = SPARQL_PREFIXES + f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ GRAPH ?g {{ ?x a {cls} }} }}"
    return int(next(iter(store.query(q)))["n"].value)


@pytest.mark.parametrize("story", [p.name for p in STORIES])
def test_every_corpus_story_conforms_to_the_shapes(story: str, nlp: Any) -> None:
    store = story_store(story, nlp)
    violations = validate_store(store)
    assert violations == [], format_violations(violations)
    # the shapes had something to check: every kind of node the pipeline writes is there
    for cls in SHAPE_TARGETS:
        assert _count(store, cls) > 0, cls


def test_superseded_versions_and_failures_conform(base: Store) -> None:
    assert _count(base, "cg:SupersededArticle") == 1 and _count(base, "cg:SupersededClaim") > 10
    assert _count(base, "cg:IngestFailure") == 1
    violations = validate_store(base)
    assert violations == [], format_violations(violations)


# -- broken examples ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> Store:
    """river-flood, with ebc-news.md edited into a second version and one file that failed."""
    tmp = tmp_path_factory.mktemp("shapes")
    story = copy_story("river-flood", tmp / "story")
    store = open_store(None)
    ingest(store, [story], nlp=nlp)
    edit_article(story / "ebc-news.md", story)
    ingest(store, [story], nlp=nlp)
    bad = tmp / "bad.md"
    bad.write_bytes(b"\x00\x01 not an article")
    assert [r.status for r in ingest(store, [bad], nlp=nlp)] == ["failed"]
    # what a fetched page leaves behind: the validators for the next conditional request
    record_fetch(
        store,
        FetchRecord(
            "https://example.org/news/flood?utm=feed",
            "https://example.org/news/flood",
            etag='"abc123"',
            last_modified="Wed, 16 Sep 2026 08:00:00 GMT",
            retrieved="2026-09-16T08:00:01+00:00",
        ),
    )
    return store


@dataclass(frozen=True)
class Broken:
    shape: str  # local name of the node shape that must reject the graph
    focus: str  # SELECT ?node: the node to break (first row)
    update: str  # SPARQL update; ?node stands for that node
    expect: str  # a fragment of the violation message (or the constraint component)


CLAIM = "SELECT ?node WHERE { ?node a cg:Claim ; cg:field 'body' ; cg:quantity/cg:value ?v ; cg:timeBegin ?b } ORDER BY ?node"
ARTICLE = "SELECT ?node WHERE { ?node a schema:NewsArticle ; prov:wasRevisionOf ?old }"
OLD = "SELECT ?node WHERE { ?node a cg:SupersededArticle }"
QUANTITY = "SELECT ?node WHERE { ?c a cg:Claim ; cg:quantity ?node . ?node cg:value ?v } ORDER BY ?node"
ACTIVITY = "SELECT ?node WHERE { ?node a cg:ExtractionActivity } ORDER BY ?node"
MATCH = "SELECT ?node WHERE { ?node a cg:ClaimMatch ; cg:claimA/cg:field 'body' } ORDER BY ?node"
SINGLE = "SELECT ?node WHERE { ?node cg:discrepancyType 'single_source' } ORDER BY ?node"
PAIRED = "SELECT ?node WHERE { ?node cg:discrepancyType 'numeric' } ORDER BY ?node"

BROKEN: dict[str, Broken] = {
    # articles
    "article without a body": Broken(
        "ArticleShape", ARTICLE, "DELETE WHERE { ?node schema:articleBody ?b }", "MinCount"
    ),
    "article text changed after extraction": Broken(
        "ArticleShape",
        ARTICLE,
        "DELETE { ?node schema:articleBody ?b } INSERT { ?node schema:articleBody ?e } WHERE { ?node schema:articleBody ?b BIND(CONCAT(?b, ' Edited.') AS ?e) }",
        "not the SHA-256",
    ),
    "checksum not a SHA-256 digest": Broken(
        "ArticleShape",
        ARTICLE,
        "DELETE { ?node cg:checksum ?c } INSERT { ?node cg:checksum 'ABC' } WHERE { ?node cg:checksum ?c }",
        "SHA-256 hex digest",
    ),
    "language not a language tag": Broken(
        "ArticleShape",
        ARTICLE,
        "DELETE { ?node schema:inLanguage ?l } INSERT { ?node schema:inLanguage 'the English language' } WHERE { ?node schema:inLanguage ?l }",
        "BCP 47",
    ),
    "revision skips a version number": Broken(
        "ArticleShape",
        ARTICLE,
        "DELETE { ?node schema:version ?v } INSERT { ?node schema:version 5 } WHERE { ?node schema:version ?v }",
        "one more",
    ),
    "article never retrieved": Broken(
        "ArticleShape", ARTICLE, "DELETE WHERE { ?node cg:retrievedAt ?t }", "MinCount"
    ),
    # superseded versions
    "superseded version without an invalidation time": Broken(
        "SupersededArticleShape", OLD, "DELETE WHERE { ?node prov:invalidatedAtTime ?t }", "MinCount"
    ),
    "superseded version newer than the current one": Broken(
        "SupersededArticleShape",
        OLD,
        "DELETE { ?node schema:version ?v } INSERT { ?node schema:version 9 } WHERE { ?node schema:version ?v }",
        "older version number",
    ),
    # outlets, graphs, activities, software
    "outlet key with capitals and spaces": Broken(
        "OutletShape",
        "SELECT ?node WHERE { ?node a schema:Organization } ORDER BY ?node",
        "DELETE { ?node cg:outletKey ?k } INSERT { ?node cg:outletKey 'The Dolvane Courier' } WHERE { ?node cg:outletKey ?k }",
        "lowercase words",
    ),
    "article graph credited to another ingest": Broken(
        "ArticleGraphShape",
        "SELECT ?node WHERE { ?node a cg:ArticleGraph ; schema:about ?a . ?a a schema:NewsArticle } ORDER BY ?node",
        "DELETE { ?node prov:wasGeneratedBy ?x } INSERT { ?node prov:wasGeneratedBy ?y } WHERE { ?node prov:wasGeneratedBy ?x . ?y a cg:ExtractionActivity FILTER(?y != ?x) }",
        "same ingest",
    ),
    "activity ends before it starts": Broken(
        "ExtractionActivityShape",
        ACTIVITY,
        "DELETE { ?node prov:endedAtTime ?t } INSERT { ?node prov:endedAtTime '2000-01-01T00:00:00Z'^^xsd:dateTime } WHERE { ?node prov:endedAtTime ?t }",
        "LessThanOrEquals",
    ),
    "activity without its language model": Broken(
        "ExtractionActivityShape",
        ACTIVITY,
        "DELETE { ?node prov:used ?m } WHERE { ?node prov:used ?m . ?m a cg:LanguageModel }",
        "exactly one language model",
    ),
    "activity without spaCy": Broken(
        "ExtractionActivityShape",
        ACTIVITY,
        "DELETE { ?node prov:wasAssociatedWith ?s } WHERE { ?node prov:wasAssociatedWith ?s . ?s schema:name 'spaCy' }",
        "spaCy version",
    ),
    "software without a version": Broken(
        "SoftwareAgentShape",
        "SELECT ?node WHERE { ?node a prov:SoftwareAgent ; schema:name 'claimgraph' }",
        "DELETE WHERE { ?node schema:softwareVersion ?v }",
        "MinCount",
    ),
    "model without a version": Broken(
        "LanguageModelShape",
        "SELECT ?node WHERE { ?node a cg:LanguageModel }",
        "DELETE WHERE { ?node schema:softwareVersion ?v }",
        "MinCount",
    ),
    # claims
    "claim end offset off by one": Broken(
        "ClaimShape",
        CLAIM,
        "DELETE { ?node cg:end ?e } INSERT { ?node cg:end ?e2 } WHERE { ?node cg:end ?e BIND(?e + 1 AS ?e2) }",
        "length of cg:text",
    ),
    "claim span shifted by one character": Broken(
        "ClaimShape",
        CLAIM,
        "DELETE { ?node cg:start ?s ; cg:end ?e } INSERT { ?node cg:start ?s2 ; cg:end ?e2 } WHERE { ?node cg:start ?s ; cg:end ?e BIND(?s + 1 AS ?s2) BIND(?e + 1 AS ?e2) }",
        "characters from cg:start to cg:end",
    ),
    "claim start after its end": Broken(
        "ClaimShape",
        CLAIM,
        "DELETE { ?node cg:start ?s } INSERT { ?node cg:start 999999 } WHERE { ?node cg:start ?s }",
        "below cg:end",
    ),
    "claim in an unknown field": Broken(
        "ClaimShape",
        CLAIM,
        "DELETE { ?node cg:field ?f } INSERT { ?node cg:field 'headline' } WHERE { ?node cg:field ?f }",
        "InConstraintComponent",
    ),
    "claim of an unknown kind": Broken(
        "ClaimShape",
        CLAIM,
        "DELETE { ?node cg:kind ?k } INSERT { ?node cg:kind 'opinion' } WHERE { ?node cg:kind ?k }",
        "InConstraintComponent",
    ),
    "claim not typed schema:Claim": Broken(
        "ClaimShape", CLAIM, "DELETE WHERE { ?node a schema:Claim }", "also typed schema:Claim"
    ),
    "claim appearing in another article": Broken(
        "ClaimShape",
        CLAIM,
        "DELETE { ?node schema:appearance ?a } INSERT { ?node schema:appearance ?b } WHERE { ?node schema:appearance ?a . ?b a schema:NewsArticle FILTER(?b != ?a) }",
        "schema:appearance must be",
    ),
    "claim without a quote selector": Broken(
        "ClaimShape",
        CLAIM,
        "DELETE { ?node oa:hasSelector ?s } WHERE { ?node oa:hasSelector ?s . ?s a oa:TextQuoteSelector }",
        "exactly one oa:TextQuoteSelector",
    ),
    "quote selector with a wrong prefix": Broken(
        "ClaimShape",
        CLAIM,
        "DELETE { ?s oa:prefix ?p } INSERT { ?s oa:prefix 'not what precedes it' } WHERE { ?node oa:hasSelector ?s . ?s a oa:TextQuoteSelector OPTIONAL { ?s oa:prefix ?p } }",
        "right before it as oa:prefix",
    ),
    "position selector with other offsets": Broken(
        "ClaimShape",
        CLAIM,
        "DELETE { ?s oa:start ?x } INSERT { ?s oa:start ?y } WHERE { ?node oa:hasSelector ?s . ?s oa:start ?x BIND(?x + 1 AS ?y) }",
        "claim's own offsets",
    ),
    "claim time not an ISO label": Broken(
        "ClaimShape",
        CLAIM,
        "DELETE { ?node cg:time ?t } INSERT { ?node cg:time 'last summer' } WHERE { ?node cg:time ?t }",
        "ISO-style label",
    ),
    "claim time ending before it begins": Broken(
        "ClaimShape",
        CLAIM,
        "DELETE { ?node cg:timeEnd ?t } INSERT { ?node cg:timeEnd '1999-01-01'^^xsd:date } WHERE { ?node cg:timeEnd ?t }",
        "LessThanOrEquals",
    ),
    "claim time without its granularity": Broken(
        "ClaimShape", CLAIM, "DELETE WHERE { ?node cg:timeGranularity ?g }", "also needs cg:timeBegin"
    ),
    "current claim in a superseded version": Broken(
        "CurrentClaimShape",
        CLAIM,
        "DELETE { ?node cg:inArticle ?a } INSERT { ?node cg:inArticle ?old } WHERE { ?node cg:inArticle ?a . ?old a cg:SupersededArticle }",
        "never in a superseded version",
    ),
    "superseded claim in a current article": Broken(
        "SupersededClaimShape",
        "SELECT ?node WHERE { ?node a cg:SupersededClaim } ORDER BY ?node",
        "DELETE { ?node cg:inArticle ?a } INSERT { ?node cg:inArticle ?cur } WHERE { ?node cg:inArticle ?a . ?a dct:isVersionOf ?cur }",
        "must be in a superseded article version",
    ),
    # selectors
    "position selector with a negative start": Broken(
        "TextPositionSelectorShape",
        "SELECT ?node WHERE { ?node a oa:TextPositionSelector } ORDER BY ?node",
        "DELETE { ?node oa:start ?s } INSERT { ?node oa:start -3 } WHERE { ?node oa:start ?s }",
        "MinInclusive",
    ),
    "quote selector without its quote": Broken(
        "TextQuoteSelectorShape",
        "SELECT ?node WHERE { ?node a oa:TextQuoteSelector } ORDER BY ?node",
        "DELETE WHERE { ?node oa:exact ?x }",
        "MinCount",
    ),
    "selector of no claim": Broken(
        "TextQuoteSelectorShape",
        "SELECT ?node WHERE { ?node a oa:TextQuoteSelector } ORDER BY ?node",
        "DELETE WHERE { ?c oa:hasSelector ?node }",
        "belongs to exactly one claim",
    ),
    # quantities
    "quantity with both a value and bounds": Broken(
        "QuantityShape", QUANTITY, "INSERT { ?node cg:low 1.0e0 } WHERE { ?node cg:value ?v }", "never both"
    ),
    "quantity words outside the claim": Broken(
        "QuantityShape",
        QUANTITY,
        "DELETE { ?node cg:quantityStart ?s } INSERT { ?node cg:quantityStart 0 } WHERE { ?node cg:quantityStart ?s }",
        "inside the claim's span",
    ),
    "quantity with an unknown qualifier": Broken(
        "QuantityShape",
        QUANTITY,
        "DELETE { ?node cg:qualifier ?q } INSERT { ?node cg:qualifier 'approximately' } WHERE { ?node cg:qualifier ?q }",
        "InConstraintComponent",
    ),
    "schema:value disagreeing with cg:value": Broken(
        "QuantityShape",
        QUANTITY,
        "DELETE { ?node schema:value ?v } INSERT { ?node schema:value 123456.0e0 } WHERE { ?node schema:value ?v }",
        "EqualsConstraintComponent",
    ),
    # stories, matches, discrepancies, failures
    "story holding a superseded version": Broken(
        "StoryShape",
        "SELECT ?node WHERE { ?node a cg:Story }",
        "INSERT { ?node cg:hasArticle ?old } WHERE { ?node a cg:Story . ?old a cg:SupersededArticle }",
        "never superseded versions",
    ),
    "match score above one": Broken(
        "ClaimMatchShape",
        MATCH,
        "DELETE { ?node cg:score ?s } INSERT { ?node cg:score 1.5e0 } WHERE { ?node cg:score ?s }",
        "between 0 and 1",
    ),
    "match of a claim with itself": Broken(
        "ClaimMatchShape",
        MATCH,
        "DELETE { ?node cg:claimB ?b } INSERT { ?node cg:claimB ?a } WHERE { ?node cg:claimA ?a ; cg:claimB ?b }",
        "DisjointConstraintComponent",
    ),
    "match of a superseded claim": Broken(
        "ClaimMatchShape",
        MATCH,
        "DELETE { ?node cg:claimB ?b } INSERT { ?node cg:claimB ?old } WHERE { ?node cg:claimB ?b . ?old a cg:SupersededClaim }",
        "ClassConstraintComponent",
    ),
    # (river-flood has no figure pair: a match's node is made one, with one claim)
    "figure pair of one claim": Broken(
        "FigurePairShape",
        MATCH,
        "INSERT { ?node a cg:FigurePair ; cg:figureClaim ?a } WHERE { ?node cg:claimA ?a }",
        "MinCount",
    ),
    "discrepancy of unknown severity": Broken(
        "DiscrepancyShape",
        PAIRED,
        "DELETE { ?node cg:severity ?s } INSERT { ?node cg:severity 'critical' } WHERE { ?node cg:severity ?s }",
        "InConstraintComponent",
    ),
    "single-source finding with two claims": Broken(
        "DiscrepancyShape",
        SINGLE,
        "INSERT { ?node cg:involvesClaim ?other } WHERE { ?node cg:involvesClaim ?c . ?other a cg:Claim FILTER(?other != ?c) }",
        "exactly one claim",
    ),
    "discrepancy filed under another story": Broken(
        "DiscrepancyShape",
        PAIRED,
        "DELETE { ?node cg:story ?s } INSERT { ?node cg:story <https://w3id.org/claimgraph/id/story/other> . <https://w3id.org/claimgraph/id/story/other> a cg:Story ; cg:hasArticle <https://example.org/elsewhere> } WHERE { ?node cg:story ?s }",
        "in an article of the discrepancy's story",
    ),
    "failure without a reason": Broken(
        "IngestFailureShape",
        "SELECT ?node WHERE { ?node a cg:IngestFailure }",
        "DELETE WHERE { ?node cg:reason ?r }",
        "MinCount",
    ),
    "fetch record without its canonical URL": Broken(
        "FetchRecordShape",
        "SELECT ?node WHERE { ?node a cg:FetchRecord }",
        "DELETE WHERE { ?node cg:canonicalUrl ?u }",
        "MinCount",
    ),
    "fetch record with two ETags": Broken(
        "FetchRecordShape",
        "SELECT ?node WHERE { ?node a cg:FetchRecord }",
        "INSERT { ?node cg:etag 'W/\\\"other\\\"' } WHERE { ?node cg:etag ?e }",
        "MaxCount",
    ),
    "failure time that is not a dateTime": Broken(
        "IngestFailureShape",
        "SELECT ?node WHERE { ?node a cg:IngestFailure }",
        "DELETE { ?node cg:attemptedAt ?t } INSERT { ?node cg:attemptedAt 'yesterday' } WHERE { ?node cg:attemptedAt ?t }",
        "DatatypeConstraintComponent",
    ),
}


def _union_copy(store: Store) -> Store:
    """The store's data graphs merged into the default graph of a new store (base itself was
    validated whole, with every shape, by test_superseded_versions_and_failures_conform)."""
    out = Store()
    out.extend(
        Quad(q.subject, q.predicate, q.object, DefaultGraph())
        for q in store
        if q.graph_name != NamedNode(ONTOLOGY)
    )
    return out


def test_the_shapes_graph_is_well_formed_shacl() -> None:
    """shapes.ttl conforms to the SHACL-for-SHACL shapes (pyshacl's meta-validation)."""
    from pyshacl import validate

    conforms, _, text = validate(Graph(), shacl_graph=load_shapes(), meta_shacl=True)
    assert conforms, text


def test_every_shape_has_a_broken_example() -> None:
    shapes = load_shapes()
    named = {
        str(s).removeprefix(SHAPES)
        for s in shapes.subjects(RDF.type, SH.NodeShape)
        if str(s).startswith(SHAPES)
    }
    assert named == {b.shape for b in BROKEN.values()}


@pytest.mark.parametrize("name", list(BROKEN))
def test_the_shape_rejects_the_broken_example(name: str, base: Store) -> None:
    b = BROKEN[name]
    data = _union_copy(base)
    rows = list(data.query(SPARQL_PREFIXES + b.focus))
    assert rows, f"no node to break for {name!r}"
    node = rows[0]["node"]
    assert isinstance(node, NamedNode)
    unbroken = set(data)
    data.update(SPARQL_PREFIXES + b.update.replace("?node", str(node)))
    assert set(data) != unbroken, f"the update changed nothing for {name!r}"
    found = validate_graph(
        to_graph(q.triple for q in data), only_shapes=[SHAPES + b.shape], focus_nodes=[node.value]
    )
    assert found, f"{b.shape} accepted: {name}"
    assert all(v.shape == "cgsh:" + b.shape for v in found)
    assert any(b.expect in v.message or b.expect in v.constraint for v in found), format_violations(found)


def _one_article_on_disk(nlp: Any, path: Path) -> str:
    """One article graph of trial-results (and the ontology) copied to an on-disk store at ``path``."""
    src = story_store("trial-results", nlp)
    graph = sorted(g.value for g in src.named_graphs() if "/graph/article/" in g.value)[0]
    store = open_store(path)
    store.extend(q for g in (graph, ONTOLOGY) for q in src.quads_for_pattern(None, None, None, NamedNode(g)))
    claim = next(
        iter(
            store.query(
                SPARQL_PREFIXES
                + f"SELECT ?c WHERE {{ GRAPH <{graph}> {{ ?c a cg:Claim ; cg:field 'body' }} }} ORDER BY ?c LIMIT 1"
            )
        )
    )["c"].value
    return claim


def test_validate_command_has_help() -> None:
    r = CliRunner().invoke(app, ["validate", "--help"])
    assert r.exit_code == 0 and "SHACL" in r.output and "--json" in r.output


def test_validate_command_passes_a_clean_store(tmp_path: Path, nlp: Any) -> None:
    _one_article_on_disk(nlp, tmp_path / "data")
    gc.collect()
    r = CliRunner().invoke(app, ["--store", str(tmp_path / "data"), "validate"])
    assert r.exit_code == 0, r.output
    assert "the store conforms to the shapes: 0 violations" in r.output


def test_validate_command_reports_violations_readably(tmp_path: Path, nlp: Any) -> None:
    data = tmp_path / "data"
    claim = _one_article_on_disk(nlp, data)
    store = open_store(data)
    # corrupt one claim: its end offset no longer matches its text
    store.update(
        SPARQL_PREFIXES
        + f"""DELETE {{ GRAPH ?g {{ <{claim}> cg:end ?e }} }} INSERT {{ GRAPH ?g {{ <{claim}> cg:end ?e2 }} }}
        WHERE {{ GRAPH ?g {{ <{claim}> cg:end ?e }} BIND(?e + 1 AS ?e2) }}"""
    )
    del store
    gc.collect()
    runner = CliRunner()
    r = runner.invoke(app, ["--store", str(data), "validate"])
    assert r.exit_code == 1, r.output
    out = r.stdout
    # grouped by shape; focus node as a short name, path and message on their own lines
    assert "cgsh:ClaimShape:\n" in out
    assert f"Violation: id:claim/{claim.split('/claim/')[1]}" in out
    assert "path:    cg:text" in out and "message: the length of cg:text must be cg:end minus cg:start" in out
    assert "path:    oa:hasSelector" in out
    assert "violation(s) on 1 node(s)" in r.output
    r = runner.invoke(app, ["--store", str(data), "validate", "--json"])
    assert r.exit_code == 1, r.output
    found = json.loads(r.stdout)
    assert {v["focus"] for v in found} == {f"id:claim/{claim.split('/claim/')[1]}"}
    assert {"focus", "path", "message", "shape", "constraint", "value", "severity"} == set(found[0])
