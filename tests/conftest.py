from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
STORIES = sorted(p for p in CORPUS.iterdir() if (p / "gold.yaml").is_file())


@pytest.fixture(scope="session")
def nlp() -> Any:
    from claimgraph.extract import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def story_scores(nlp: Any) -> dict[str, dict[str, Any]]:
    """Each corpus story evaluated once per session (the slowest fixture: a few seconds each)."""
    from claimgraph.evaluate import evaluate

    return {p.name: evaluate(p, nlp=nlp) for p in STORIES}
