"""IRIs of the claimgraph vocabulary and the ones it reuses, as plain strings.

The ontology itself is ``ontology/claimgraph.ttl``; ``tests/test_ontology.py`` checks that every
``cg:`` term used here and in the SPARQL rules is declared there.
"""

from __future__ import annotations

CG = "https://w3id.org/claimgraph/ontology#"
ID = "https://w3id.org/claimgraph/id/"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCT = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL = "http://www.w3.org/2002/07/owl#"
SH = "http://www.w3.org/ns/shacl#"

SHAPES = "https://w3id.org/claimgraph/shapes#"
"""The namespace of the SHACL shapes in ``ontology/shapes.ttl`` (prefix ``cgsh:``)."""
ONTOLOGY = "https://w3id.org/claimgraph/ontology"
"""The ontology's IRI, and the named graph the ontology is loaded into in every store."""
CONTEXT_URL = "https://w3id.org/claimgraph/context.jsonld"
"""The stable URL of the JSON-LD context (``ontology/context.jsonld`` in the package)."""

MATCHES_GRAPH = ID + "graph/matches"
STORIES_GRAPH = ID + "graph/stories"
DISCREPANCIES_GRAPH = ID + "graph/discrepancies"
FAILURES_GRAPH = ID + "graph/failures"
FETCHES_GRAPH = ID + "graph/fetches"

PREFIXES = {
    "cg": CG,
    "schema": SCHEMA,
    "prov": PROV,
    "oa": OA,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "dct": DCT,
    "skos": SKOS,
}

SPARQL_PREFIXES = "\n".join(f"PREFIX {k}: <{v}>" for k, v in PREFIXES.items()) + "\n"

# cg: terms the code writes; the ontology declares each of them
CLASSES = (
    "Claim",
    "Quantity",
    "ClaimMatch",
    "FigurePair",
    "Discrepancy",
    "Story",
    "ExtractionActivity",
    "IngestFailure",
    "FetchRecord",
    "ArticleGraph",
    "SupersededArticle",
    "SupersededClaim",
    "LanguageModel",
)
PROPERTIES = (
    "inArticle",
    "field",
    "text",
    "start",
    "end",
    "kind",
    "quantity",
    "value",
    "low",
    "high",
    "unit",
    "qualifier",
    "quantityText",
    "quantityStart",
    "quantityEnd",
    "isBaseline",
    "time",
    "timeBegin",
    "timeEnd",
    "timeGranularity",
    "timeText",
    "timeRelation",
    "measure",
    "measureKey",
    "subject",
    "scope",
    "condition",
    "claimant",
    "claimantIsVague",
    "citedDocument",
    "modality",
    "negated",
    "predicate",
    "keywords",
    "checksum",
    "extractorVersion",
    "claimFrames",
    "outletKey",
    "claimA",
    "claimB",
    "figureClaim",
    "score",
    "agreedOn",
    "differsOn",
    "hasArticle",
    "discrepancyType",
    "involvesClaim",
    "explanation",
    "severity",
    "story",
    "source",
    "reason",
    "attemptedAt",
    "retrievedFrom",
    "retrievedAt",
    "failureKind",
    "requestedUrl",
    "canonicalUrl",
    "etag",
    "lastModified",
    "syndicationOf",
    "storyTerms",
    "matchesDigest",
)
