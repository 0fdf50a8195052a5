"""Corpus stories run through the whole pipeline once per session, for the graph-level tests.

The stores are shared: tests must only read them. ``edit_article`` writes a changed copy of an
article file (same URL in its front matter), which re-ingested makes a new version.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from pyoxigraph import Store

from claimgraph.pipeline import ingest
from claimgraph.store import open_store

from .conftest import CORPUS

_STORES: dict[str, Store] = {}

# an edit of river-flood/ebc-news.md: one figure changed, one sentence removed, one paragraph
# added at the top (which moves every other claim's offsets without changing its words)
EBC_EDITS = (
    ("37 people had died", "41 people had died"),
    (
        "The defence ministry said a further 1,000 troops had been put on standby in case the rain returns.\n\n",
        "",
    ),
    ("---\nFloodwater", "---\nOfficials said 12 bridges were closed to traffic on Wednesday.\n\nFloodwater"),
)


def story_store(name: str, nlp: Any) -> Store:
    """An in-memory store holding one corpus story after ingest, alignment and detection."""
    if name not in _STORES:
        store = open_store(None)
        results = ingest(store, [CORPUS / name], nlp=nlp)
        assert results and {r.status for r in results} == {"ingested"}, results
        _STORES[name] = store
    return _STORES[name]


def edit_article(src: Path, dest_dir: Path, edits: tuple[tuple[str, str], ...] = EBC_EDITS) -> Path:
    """A copy of ``src`` in ``dest_dir`` with each (old, new) replacement applied once."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / src.name
    text = src.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    dest.write_text(text, encoding="utf-8")
    return dest


def copy_story(name: str, dest: Path) -> Path:
    """A copy of a corpus story folder (articles and gold file) at ``dest``."""
    shutil.copytree(CORPUS / name, dest)
    return dest
