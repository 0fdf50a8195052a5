"""Support, not just conflict: for each claim, which outlets back it, contradict it, or say nothing."""

from __future__ import annotations

from typing import Any

import pytest

from claimgraph.pipeline import ingest
from claimgraph.report import build_report
from claimgraph.store import open_store

from .conftest import CORPUS


@pytest.fixture(scope="module")
def flood_report(nlp: Any) -> dict[str, Any]:
    store = open_store(None)
    ingest(store, [CORPUS / "river-flood"], nlp=nlp)
    return build_report(store).as_dict()


def test_every_body_claim_says_who_supports_contradicts_or_is_silent(flood_report: dict[str, Any]) -> None:
    outlets = {a["outlet"] for a in flood_report["articles"]}
    for c in flood_report["claims"]:
        if c["field"] != "body":
            assert "support" not in c
            continue
        s = c["support"]
        groups = [set(s["supported_by"]), set(s["contradicted_by"]), set(s["silent"])]
        assert set().union(*groups) == outlets - {c["outlet"]}, c["text"]
        assert sum(map(len, groups)) == len(outlets) - 1  # the three groups do not overlap


def test_conflicts_contradict_and_single_source_claims_stand_alone(flood_report: dict[str, Any]) -> None:
    by_id = {c["id"]: c for c in flood_report["claims"]}
    numeric = [d for d in flood_report["discrepancies"] if d["type"] == "numeric"]
    assert numeric
    for d in numeric:
        a, b = (by_id[c] for c in d["claims"])
        assert b["outlet"] in a["support"]["contradicted_by"]
        assert a["outlet"] in b["support"]["contradicted_by"]
    singles = [d for d in flood_report["discrepancies"] if d["type"] == "single_source"]
    assert singles
    for d in singles:
        s = by_id[d["claims"][0]]["support"]
        assert s["supported_by"] == s["contradicted_by"] == []
    assert any(c.get("support", {}).get("supported_by") for c in flood_report["claims"])
