"""claimgraph: claims from news articles as an RDF graph, and where outlets disagree.

>>> import claimgraph
>>> store = claimgraph.open_store()          # in memory; pass a folder for a persistent store
>>> sorted(claimgraph.RULE_TYPES)[:3]
['attribution', 'headline_body', 'measure']
"""

__version__ = "0.11.0"

from .align import align
from .detect import RULE_TYPES, detect, load_rules
from .errors import (
    ClaimgraphError,
    ConfigError,
    ExtractionError,
    GoldError,
    GraphError,
    QueryError,
    SourceError,
)
from .evaluate import evaluate
from .export import export_store
from .extract import build_nlp, extract
from .fetch import FetchSettings, fetch
from .load import load_article
from .model import Article, Claim, ClaimMatch, Discrepancy, IngestResult, Quantity, Report, TimeSpan
from .pipeline import analyse_store, ingest
from .provenance import find_quote
from .queries import run_sparql
from .report import build_report, render
from .store import open_store
from .validate import ShapeViolation, validate_store

__all__ = [
    "RULE_TYPES",
    "Article",
    "Claim",
    "ClaimMatch",
    "ClaimgraphError",
    "ConfigError",
    "Discrepancy",
    "ExtractionError",
    "FetchSettings",
    "GoldError",
    "GraphError",
    "IngestResult",
    "Quantity",
    "QueryError",
    "Report",
    "ShapeViolation",
    "SourceError",
    "TimeSpan",
    "__version__",
    "align",
    "analyse_store",
    "build_nlp",
    "build_report",
    "detect",
    "evaluate",
    "export_store",
    "extract",
    "fetch",
    "find_quote",
    "ingest",
    "load_article",
    "load_rules",
    "open_store",
    "render",
    "run_sparql",
    "validate_store",
]
