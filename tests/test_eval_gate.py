"""Quality gate: per-story scores may not fall below the floors in eval_baseline.json.

The floors are the scores measured when they were last raised, minus a small epsilon for
noise; lowering one is a deliberate edit of the JSON file, reviewed like code.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from .conftest import STORIES

FLOORS = json.loads((Path(__file__).parent / "eval_baseline.json").read_text())
EPS = 0.005


@pytest.mark.parametrize("story", [p.name for p in STORIES])
def test_story_meets_its_floors(story: str, story_scores: dict[str, dict[str, Any]]) -> None:
    res = story_scores[story]
    floors = FLOORS[story]
    got = {
        "claim_precision": res["claims"]["precision"],
        "claim_recall": res["claims"]["recall"],
        "discrepancy_precision": res["discrepancies"]["precision"],
        "discrepancy_recall": res["discrepancies"]["recall"],
    }
    for field in ("value", "unit", "qualifier", "time"):
        if field in res["fields"]:
            got[f"{field}_accuracy"] = res["fields"][field]["accuracy"]
    low = {k: (got[k], v) for k, v in floors.items() if k in got and got[k] < v - EPS}
    assert not low, f"{story}: below floor (got, floor): {low}"


def test_every_story_has_floors() -> None:
    assert {p.name for p in STORIES} <= set(FLOORS)


# The foundation issue's bar: discrepancy recall >= 0.9 and precision >= 0.8 on every story.
@pytest.mark.parametrize("story", [p.name for p in STORIES])
def test_story_meets_the_foundation_bar(story: str, story_scores: dict[str, dict[str, Any]]) -> None:
    d = story_scores[story]["discrepancies"]
    assert d["recall"] >= 0.9 and d["precision"] >= 0.8, d


# The detection issue's stricter bar (recall >= 0.95, precision >= 0.9). Stories not there yet
# are expected to fail, strictly: one that starts passing fails this test until it is removed
# from the list.
BELOW_DETECTION_BAR: set[str] = set()


@pytest.mark.parametrize(
    "story",
    [
        pytest.param(p.name, marks=pytest.mark.xfail(strict=True, reason="below the detection issue's bar"))
        if p.name in BELOW_DETECTION_BAR
        else p.name
        for p in STORIES
    ],
)
def test_story_meets_the_detection_bar(story: str, story_scores: dict[str, dict[str, Any]]) -> None:
    d = story_scores[story]["discrepancies"]
    assert d["recall"] >= 0.95 and d["precision"] >= 0.9, d
