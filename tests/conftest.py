from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
STORIES = sorted(p for p in CORPUS.iterdir() if (p / "gold.yaml").is_file())


class ParsedOnce:
    """The session's spaCy pipeline, keeping every doc it parses: many tests read the corpus
    (the scores, the stores, the offsets, the incremental runs), and parsing is most of what
    that costs. A kept doc is the one a fresh parse would give (the pipeline is deterministic
    and extraction only reads docs); every other attribute is the pipeline's own."""

    def __init__(self, nlp: Any) -> None:
        self._nlp = nlp
        self._docs: dict[str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)

    def __call__(self, text: str) -> Any:
        return next(self.pipe([text]))

    def pipe(self, texts: Iterable[str], batch_size: int = 16, **kwargs: Any) -> Iterator[Any]:
        it = iter(texts)
        while batch := list(islice(it, batch_size)):
            new = [t for t in dict.fromkeys(batch) if t not in self._docs]
            self._docs.update(zip(new, self._nlp.pipe(new, batch_size=batch_size, **kwargs), strict=True))
            yield from (self._docs[t] for t in batch)


@pytest.fixture(scope="session")
def nlp() -> Any:
    from claimgraph.extract import build_nlp

    return ParsedOnce(build_nlp())


@pytest.fixture(scope="session")
def story_scores(nlp: Any) -> dict[str, dict[str, Any]]:
    """Each corpus story evaluated once per session (the slowest fixture: a few seconds each)."""
    from claimgraph.evaluate import evaluate

    return {p.name: evaluate(p, nlp=nlp) for p in STORIES}
