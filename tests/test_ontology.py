"""The ontology: every cg: term the code, the rules, the shapes and the docs use is declared,
with a label and a comment, properties with a domain and a range; the store carries a copy."""

from __future__ import annotations

import re
from typing import Any

from pyoxigraph import NamedNode, RdfFormat
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from claimgraph import vocab
from claimgraph.detect import RULE_TYPES
from claimgraph.store import ensure_ontology, open_store
from claimgraph.vocab import CG, ONTOLOGY

from .conftest import ROOT
from .corpus_stores import story_store

ONTO = ROOT / "ontology" / "claimgraph.ttl"


def _ontology() -> Graph:
    return Graph().parse(ONTO, format="turtle")


def _declared(g: Graph) -> set[str]:
    return {
        str(s).removeprefix(CG)
        for s in g.subjects(None, None)
        if isinstance(s, URIRef) and str(s).startswith(CG)
    }


def _used_terms() -> set[str]:
    """Every cg: term named in the package source, the rules, the shapes and the ontology README."""
    src = ROOT / "src" / "claimgraph"
    texts = [p.read_text(encoding="utf-8") for p in [*src.rglob("*.py"), *src.rglob("*.rq")]]
    texts += [(ROOT / "ontology" / n).read_text(encoding="utf-8") for n in ("shapes.ttl", "README.md")]
    terms: set[str] = set()
    for t in texts:
        terms |= set(re.findall(r"\bcg:([A-Za-z][A-Za-z0-9_]*)", t))
        terms |= set(re.findall(r'CG \+ "([A-Za-z][A-Za-z0-9_]*)"', t))
        terms |= set(re.findall(r"claimgraph/ontology#([A-Za-z][A-Za-z0-9_]*)", t))
    return terms


def test_every_used_term_is_declared() -> None:
    missing = _used_terms() - _declared(_ontology())
    assert not missing, f"cg: terms used but not declared in ontology/claimgraph.ttl: {sorted(missing)}"


def test_vocab_lists_every_class_and_property_of_the_ontology() -> None:
    g = _ontology()
    classes = {str(s).removeprefix(CG) for s in g.subjects(RDF.type, OWL.Class) if str(s).startswith(CG)}
    props = {
        str(s).removeprefix(CG)
        for t in (OWL.ObjectProperty, OWL.DatatypeProperty)
        for s in g.subjects(RDF.type, t)
        if str(s).startswith(CG)
    }
    assert classes == set(vocab.CLASSES)
    assert props == set(vocab.PROPERTIES)


def test_every_class_and_property_has_label_comment_domain_and_range() -> None:
    g = _ontology()
    for name in (*vocab.CLASSES, *vocab.PROPERTIES):
        term = URIRef(CG + name)
        for p in (RDFS.label, RDFS.comment):
            values = list(g.objects(term, p))
            assert any(isinstance(v, Literal) and v.language == "en" and str(v).strip() for v in values), (
                name,
                p,
            )
    for name in vocab.PROPERTIES:
        term = URIRef(CG + name)
        assert g.value(term, RDFS.domain) is not None, name
        assert g.value(term, RDFS.range) is not None, name


def test_the_ontology_reuses_standard_vocabularies() -> None:
    g = _ontology()
    sup = {(str(s).removeprefix(CG), str(o)) for s, o in g.subject_objects(RDFS.subClassOf)}
    assert ("Claim", "https://schema.org/Claim") in sup
    assert ("Quantity", "https://schema.org/QuantitativeValue") in sup
    assert ("SupersededArticle", "https://schema.org/NewsArticle") in sup
    assert ("ExtractionActivity", "http://www.w3.org/ns/prov#Activity") in sup
    assert (URIRef(CG + "value"), RDFS.subPropertyOf, URIRef("https://schema.org/value")) in g


def test_every_rule_type_is_a_concept_of_the_discrepancy_scheme() -> None:
    g = _ontology()
    scheme = URIRef(CG + "DiscrepancyTypes")
    notations = {}
    for concept in g.subjects(SKOS.inScheme, scheme):
        notations[str(g.value(concept, SKOS.notation))] = concept
        assert g.value(concept, SKOS.prefLabel) is not None and g.value(concept, SKOS.definition) is not None
        assert (scheme, SKOS.hasTopConcept, concept) in g
    assert set(notations) == set(RULE_TYPES)


def test_the_store_holds_the_ontology_in_its_own_graph(nlp: Any) -> None:
    store = story_store("transit-fares", nlp)
    stored = Graph().parse(
        data=store.dump(format=RdfFormat.N_TRIPLES, from_graph=NamedNode(ONTOLOGY)), format="nt"
    )
    assert isomorphic(stored, _ontology())
    # loading it again writes nothing; a store that lacks it gets it
    before = {str(q) for q in store}
    ensure_ontology(store)
    assert {str(q) for q in store} == before
    empty = open_store(None)
    ensure_ontology(empty)
    assert len(empty) == len(stored)
