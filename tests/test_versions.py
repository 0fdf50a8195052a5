"""Versions of an article: an edited text keeps the earlier version queryable, linked with
prov:wasRevisionOf, and alignment, detection and reports see the current version only."""

from __future__ import annotations

import gc
import json
from pathlib import Path
from typing import Any

import pytest
from pyoxigraph import NamedNode, Store
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.graph import article_graph, article_iri, article_version_graph, article_version_iri
from claimgraph.load import load_article
from claimgraph.pipeline import ingest
from claimgraph.report import build_report
from claimgraph.store import article_versions, open_store, stored_article
from claimgraph.validate import validate_store
from claimgraph.vocab import CG, SPARQL_PREFIXES

from .corpus_stores import copy_story, edit_article
from .test_ontology_queries import readme_queries

ADDED = {
    "The interior ministry said on Wednesday that 41 people had died across Dolvane province as of Tuesday evening.",
    "Officials said 12 bridges were closed to traffic on Wednesday.",
}
REMOVED = {
    "The interior ministry said on Wednesday that 37 people had died across Dolvane province as of Tuesday evening.",
    "The defence ministry said a further 1,000 troops had been put on standby in case the rain returns.",
}


def _claim_texts(store: Store, graph: str, cls: str) -> list[str]:
    q = SPARQL_PREFIXES + f"SELECT ?t WHERE {{ GRAPH <{graph}> {{ ?c a cg:{cls} ; cg:text ?t }} }}"
    return sorted(r["t"].value for r in store.query(q))


def _value(store: Store, graph: str, s: str, p: str) -> str | None:
    for q in store.quads_for_pattern(NamedNode(s), NamedNode(p), None, NamedNode(graph)):
        return str(q.object.value)
    return None


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> dict[str, Any]:
    """river-flood ingested, then ebc-news.md edited and ingested again (on-disk store)."""
    tmp = tmp_path_factory.mktemp("versions")
    story = copy_story("river-flood", tmp / "story")
    store_dir = tmp / "data"
    store = open_store(store_dir)
    ingest(store, [story], nlp=nlp)
    ebc = story / "ebc-news.md"
    url = load_article(ebc).url
    v1_claims = _claim_texts(store, article_graph(url), "Claim")
    edit_article(ebc, story)
    results = ingest(store, [story], nlp=nlp)
    del store  # the on-disk store is locked while open: let the CLI open it, then reopen it
    gc.collect()
    cli = CliRunner().invoke(app, ["--store", str(store_dir), "report", "--format", "json"])
    return {
        "store": open_store(store_dir),
        "url": url,
        "v1_claims": v1_claims,
        "results": results,
        "cli": cli,
    }


def test_the_earlier_version_is_kept_in_its_own_graph(edited: dict[str, Any]) -> None:
    store, url = edited["store"], edited["url"]
    assert sorted(r.status for r in edited["results"]) == ["unchanged", "unchanged", "updated"]
    v1_graph, v1 = article_version_graph(url, 1), article_version_iri(url, 1)
    assert article_versions(store, url) == [v1_graph]
    # the superseded version: its own text, claims and checksum, marked and linked
    assert "37 people had died" in (_value(store, v1_graph, v1, "https://schema.org/articleBody") or "")
    assert _value(store, v1_graph, v1, "http://purl.org/dc/terms/isVersionOf") == article_iri(url)
    assert _value(store, v1_graph, v1, "http://www.w3.org/ns/prov#invalidatedAtTime")
    assert _value(store, v1_graph, v1, "https://schema.org/version") == "1"
    assert _claim_texts(store, v1_graph, "SupersededClaim") == edited["v1_claims"]
    assert _claim_texts(store, v1_graph, "Claim") == []
    # the current version revises it
    cur = stored_article(store, url)
    assert cur is not None and cur.version == 2 and cur.revision_of == v1
    assert _value(store, v1_graph, v1, CG + "checksum") != cur.checksum
    texts = _claim_texts(store, article_graph(url), "Claim")
    assert ADDED <= set(texts) and not (REMOVED & set(texts))


def test_the_silent_edit_query_lists_the_changed_claims(edited: dict[str, Any]) -> None:
    q = readme_queries()["silent edits"]
    rows = [
        {k: (r[k].value if r[k] is not None else None) for k in ("url", "version", "change", "text")}
        for r in edited["store"].query(q)
    ]
    assert {r["url"] for r in rows} == {edited["url"]} and {r["version"] for r in rows} == {"2"}
    assert {r["text"] for r in rows if r["change"] == "added"} == ADDED
    assert {r["text"] for r in rows if r["change"] == "removed"} == REMOVED


def test_alignment_detection_and_report_see_the_current_version_only(edited: dict[str, Any]) -> None:
    store = edited["store"]
    rep = build_report(store)
    ids = {c["id"] for c in rep.claims}
    assert ids and not any("/version/" in i for i in ids)
    texts = {c["text"] for c in rep.claims if c["article_url"] == edited["url"]}
    assert ADDED <= texts and not (REMOVED & texts)
    assert len({a["url"] for a in rep.articles}) == len(rep.articles) == 3
    for d in rep.discrepancies:
        assert set(d["claims"]) <= ids, d
    matched = SPARQL_PREFIXES + "SELECT ?c WHERE { GRAPH ?g { ?m cg:claimA|cg:claimB ?c } }"
    assert {r["c"].value for r in store.query(matched)} <= ids
    for arts in rep.stories.values():
        assert not any("/version/" in a for a in arts)


def test_the_store_with_versions_validates(edited: dict[str, Any]) -> None:
    assert validate_store(edited["store"]) == []


def test_report_json_from_the_cli_shows_the_new_version(edited: dict[str, Any]) -> None:
    r = edited["cli"]
    assert r.exit_code == 0, r.output
    claims = json.loads(r.stdout)["claims"]
    texts = {c["text"] for c in claims if c["article_url"] == edited["url"]}
    assert ADDED <= texts and not (REMOVED & texts)
    assert not any("/version/" in c["id"] for c in claims)


def test_a_third_version_extends_the_chain_and_unchanged_text_changes_nothing(
    tmp_path: Path, nlp: Any
) -> None:
    story = copy_story("river-flood", tmp_path / "story")
    store = open_store(None)
    ebc = story / "ebc-news.md"
    url = load_article(ebc).url
    ingest(store, [ebc], nlp=nlp, analyse=False)
    edit_article(ebc, story)
    ingest(store, [ebc], nlp=nlp, analyse=False)
    edit_article(ebc, story, (("41 people had died", "43 people had died"),))
    assert [r.status for r in ingest(store, [ebc], nlp=nlp, analyse=False)] == ["updated"]
    before = {str(q) for q in store}
    assert [r.status for r in ingest(store, [ebc], nlp=nlp, analyse=False)] == ["unchanged"]
    assert {str(q) for q in store} == before
    assert article_versions(store, url) == [article_version_graph(url, 1), article_version_graph(url, 2)]
    cur = stored_article(store, url)
    assert cur is not None and cur.version == 3 and cur.revision_of == article_version_iri(url, 2)
    v2 = article_version_iri(url, 2)
    assert _value(store, article_version_graph(url, 2), v2, "http://www.w3.org/ns/prov#wasRevisionOf") == (
        article_version_iri(url, 1)
    )
    rows = list(store.query(readme_queries()["silent edits"]))
    by_version = {(r["version"].value, r["change"].value, r["text"].value) for r in rows}
    assert ("3", "added", next(t for t in ADDED if "41" in t).replace("41", "43")) in by_version
    assert ("3", "removed", next(t for t in ADDED if "41" in t)) in by_version
    assert {v for v, _, _ in by_version} == {"2", "3"}
    assert validate_store(store) == []


def test_an_edit_that_is_reverted_is_a_third_version(tmp_path: Path, nlp: Any) -> None:
    """A -> B -> A: three versions, the last with the first one's text; the store still conforms."""
    story = copy_story("river-flood", tmp_path / "story")
    src = story / "ebc-news.md"
    original = src.read_text(encoding="utf-8")
    store = open_store(None)
    url = load_article(src).url
    ingest(store, [src], nlp=nlp, analyse=False)
    edit_article(src, story)
    ingest(store, [src], nlp=nlp, analyse=False)
    src.write_text(original, encoding="utf-8")
    assert [r.status for r in ingest(store, [src], nlp=nlp, analyse=False)] == ["updated"]
    cur = stored_article(store, url)
    assert cur is not None and cur.version == 3 and cur.checksum == load_article(src).checksum
    rows = {(r["change"].value, r["text"].value) for r in store.query(readme_queries()["silent edits"])}
    assert {(c, t) for c, t in rows if c == "added"} >= {("added", t) for t in REMOVED}
    assert validate_store(store) == []


def test_re_extraction_of_the_same_text_is_not_a_new_version(tmp_path: Path, nlp: Any) -> None:
    """A new claimgraph version re-extracts an unchanged text: same version, no superseded graph."""
    store = open_store(None)
    src = copy_story("river-flood", tmp_path / "story") / "ebc-news.md"
    url = load_article(src).url
    ingest(store, [src], nlp=nlp, analyse=False)
    store.update(
        SPARQL_PREFIXES
        + """DELETE { GRAPH ?g { ?a cg:extractorVersion ?v } } INSERT { GRAPH ?g { ?a cg:extractorVersion "0.0.1" } }
        WHERE { GRAPH ?g { ?a cg:extractorVersion ?v } }"""
    )
    assert [r.status for r in ingest(store, [src], nlp=nlp, analyse=False)] == ["updated"]
    assert article_versions(store, url) == []
    cur = stored_article(store, url)
    assert cur is not None and cur.version == 1 and cur.revision_of is None
