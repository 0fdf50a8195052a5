"""The store: idempotent re-ingest, an edited article replaces only itself, errors per file."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from claimgraph.pipeline import ingest
from claimgraph.store import open_store

from .conftest import CORPUS


def _dump(store: Any) -> set[str]:
    return {str(q) for q in store if "endedAtTime" not in str(q.predicate)}


def test_reingest_is_a_no_op_and_edits_replace_only_their_article(tmp_path: Path, nlp: Any) -> None:
    story = tmp_path / "story"
    shutil.copytree(CORPUS / "river-flood", story)
    store = open_store(tmp_path / "data")
    first = ingest(store, [story], nlp=nlp)
    assert {r.status for r in first} == {"ingested"}
    before = _dump(store)
    again = ingest(store, [story], nlp=nlp)
    assert {r.status for r in again} == {"unchanged"}
    assert _dump(store) == before
    # edit one article: its graph changes, the others' graphs do not
    target = sorted(story.glob("*.md"))[0]
    target.write_text(
        target.read_text(encoding="utf-8").replace(
            "\n\n", "\n\nA new paragraph says 12 bridges were closed.\n\n", 1
        ),
        encoding="utf-8",
    )
    res = ingest(store, [story], nlp=nlp)
    assert sorted(r.status for r in res) == ["unchanged", "unchanged", "updated"]
    after = _dump(store)
    from claimgraph.graph import article_graph
    from claimgraph.load import load_article

    changed = article_graph(load_article(target).url)
    others = {q for q in before if changed not in q and "graph/" + "article" in q}
    assert others <= after
    assert any("12 bridges" in q for q in after)


def test_bad_files_are_reported_and_the_rest_goes_on(tmp_path: Path, nlp: Any) -> None:
    folder = tmp_path / "in"
    shutil.copytree(CORPUS / "trial-results", folder)
    (folder / "broken.md").write_bytes(b"caf\xe9")
    (folder / "image.html").write_bytes(b"<html>\x00\x01\x02")
    store = open_store(None)
    res = ingest(store, [folder], nlp=nlp)
    failed = {Path(r.source).name: r.error for r in res if r.status == "failed"}
    assert set(failed) == {"broken.md", "image.html"}
    assert "UTF-8" in failed["broken.md"] and "binary" in failed["image.html"]
    assert sum(r.status == "ingested" for r in res) == 3
    rows = list(
        store.query(
            "SELECT ?s WHERE { GRAPH ?g { ?f a <https://w3id.org/claimgraph/ontology#IngestFailure> ; <https://w3id.org/claimgraph/ontology#source> ?s } }"
        )
    )
    assert len(rows) == 2
