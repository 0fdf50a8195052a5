"""The scorer's matching of predicted claims to gold claims (claimgraph.evaluate.score_report)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claimgraph.evaluate import Gold, score_report
from claimgraph.model import Article

TEXT = "Third-quarter revenue fell 6% from a year earlier to $3.9 billion."


def _predicted(ident: str, value: float, number: str) -> dict[str, Any]:
    at = TEXT.index(number)
    return {
        "id": ident,
        "article_url": "https://example.org/a",
        "field": "body",
        "start": 0,
        "end": len(TEXT),
        "text": TEXT,
        "value": value,
        "low": None,
        "high": None,
        "quantity_start": at,
        "quantity_end": at + len(number),
    }


def test_of_two_gold_quotes_holding_a_number_the_one_whose_value_it_is_gets_it() -> None:
    """Both gold quotes hold the 6%: the longer one, the $3.9bn's, would take it on overlap alone."""
    gold = Gold(
        story="s",
        folder=Path("."),
        articles={},
        claims=[
            {"id": "g-revenue", "article": "a", "quote": TEXT.rstrip("."), "value": 3.9e9, "unit": "USD"},
            {
                "id": "g-fall",
                "article": "a",
                "quote": "Third-quarter revenue fell 6% from a year earlier",
                "value": 6,
            },
        ],
        discrepancies=[{"type": "single_source", "claims": ["g-fall"]}],
        agreements=[],
    )
    articles = {"a": Article(text=TEXT, url="https://example.org/a")}
    report = {
        "claims": [_predicted("p-fall", 6, "6%"), _predicted("p-revenue", 3.9e9, "$3.9 billion")],
        "discrepancies": [{"type": "single_source", "claims": ["p-fall"], "explanation": ""}],
    }
    scored = score_report(gold, articles, report)
    assert scored["fields"]["value"] == {"correct": 2, "total": 2, "accuracy": 1.0}
    assert scored["discrepancies"]["tp"] == 1
