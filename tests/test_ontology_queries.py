"""The example queries of ontology/README.md, run on the corpus exactly as users copy them."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from claimgraph.detect import RULE_TYPES
from claimgraph.report import build_report

from .conftest import ROOT
from .corpus_stores import story_store

QUERY_NAMES = ("trace", "discrepancies", "silent edits", "versions")


@cache
def readme_queries() -> dict[str, str]:
    """The ```sparql blocks of ontology/README.md, by name, in order."""
    text = (ROOT / "ontology" / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sparql\n(.*?)```", text, re.S)
    assert len(blocks) == len(QUERY_NAMES), "ontology/README.md should hold the four example queries"
    return dict(zip(QUERY_NAMES, blocks, strict=True))


def _rows(store: Any, query: str) -> list[dict[str, str | None]]:
    res = store.query(query)
    names = [v.value for v in res.variables]
    return [{n: (r[n].value if r[n] is not None else None) for n in names} for r in res]


def test_trace_query_gives_every_claim_its_words_offsets_and_provenance(nlp: Any) -> None:
    store = story_store("ai-self-improvement", nlp)
    rows = _rows(store, readme_queries()["trace"])
    claims = build_report(store).claims
    assert len(rows) == len(claims) > 20
    by_span = {(c["article_url"], c["field"], c["start"], c["end"]): c["text"] for c in claims}
    for r in rows:
        assert by_span[(r["url"], r["field"], int(r["start"] or 0), int(r["end"] or 0))] == r["exact"]
        assert (r["model"] or "").startswith("en_core_web_sm")
        assert r["modelVersion"] and r["claimgraph"] and r["retrievedAt"]


def test_discrepancy_query_labels_types_from_the_skos_scheme(nlp: Any) -> None:
    store = story_store("river-flood", nlp)
    rows = _rows(store, readme_queries()["discrepancies"])
    report = build_report(store)
    pairs = [d for d in report.discrepancies if d["type"] != "single_source"]
    assert pairs and len({(r["type"], r["explanation"]) for r in rows}) == len(
        {(d["type"], d["explanation"]) for d in pairs}
    )
    assert {r["type"].rsplit("#", 1)[1] for r in rows if r["type"]} <= {
        "".join(w.capitalize() for w in t.split("_")) + "Discrepancy" for t in RULE_TYPES
    } | {"SingleSourceDiscrepancy"}
    assert all(r["label"] and r["outlet"] and r["text"] for r in rows)
    assert rows[0]["severity"] == "high"


def test_versions_query_lists_one_current_version_per_article(nlp: Any) -> None:
    store = story_store("trial-results", nlp)
    rows = _rows(store, readme_queries()["versions"])
    assert (
        len(rows) == 3
        and {r["status"] for r in rows} == {"current"}
        and {r["version"] for r in rows} == {"1"}
    )
    assert _rows(store, readme_queries()["silent edits"]) == []
