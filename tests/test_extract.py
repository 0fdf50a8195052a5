"""Extraction invariants: exact offsets, never raising, long texts in chunks."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.extract import extract, iter_chunks
from claimgraph.load import load_article
from claimgraph.model import Article

from .conftest import STORIES


def _check(article: Article, nlp: Any) -> list[Any]:
    claims = extract(article, nlp=nlp)
    for c in claims:
        assert article.field_text(c.field)[c.start : c.end] == c.text  # type: ignore[arg-type]
        if c.quantity:
            q = c.quantity
            assert article.field_text(c.field)[q.start : q.end] == q.text  # type: ignore[arg-type]
            assert c.start <= q.start and q.end <= c.end
    return claims


def test_offsets_hold_on_every_corpus_article(nlp: Any) -> None:
    n = 0
    for story in STORIES:
        for path in sorted(story.glob("*.md")):
            n += len(_check(load_article(path), nlp))
    assert n > 200


_texty = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)),
    max_size=400,
) | st.lists(
    st.sampled_from(
        [
            "Revenue rose",
            " 12%",
            " to €3.1bn",
            " in Q2 2026",
            ",",
            " said",
            " the CFO",
            ".",
            "\n\n",
            " Nearly half",
            " of 4,812 patients",
            " if approved",
            " \u00a0",
            "“",
            "”",
            "10²⁵",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=_texty, title=st.text(max_size=80))
def test_extraction_never_raises_and_keeps_offsets(nlp: Any, body: str, title: str) -> None:
    _check(Article(text=body, url="https://example.org/x", title=title), nlp)


def test_empty_article(nlp: Any) -> None:
    assert extract(Article(text="", url="https://example.org/empty"), nlp=nlp) == []


def test_long_article_is_processed_in_chunks(nlp: Any) -> None:
    para = "Officials said 37 people died and some 14,000 were displaced as of Tuesday. " * 40
    text = "\n\n".join([para] * 30)  # ~900 kB
    assert max(len(c) for _, c in iter_chunks(text)) <= 20_000
    claims = _check(Article(text=text, url="https://example.org/long"), nlp)
    assert len(claims) >= 30 * 40 * 2


def test_frame_of_a_quantity_claim(nlp: Any) -> None:
    from datetime import date

    art = Article(
        text="Internal figures released by Anthropic put Claude's share of merged code in the company's "
        "main codebase at over 80% as of May 2026, up from single digits in early 2025.",
        url="https://example.org/a",
        published=date(2026, 6, 13),
    )
    claims = extract(art, nlp=nlp)
    share, base = (c for c in claims if c.quantity)
    assert (share.quantity.value, share.quantity.unit, share.quantity.qualifier) == (80, "percent", "over")
    assert share.time is not None and share.time.iso == "2026-05"
    assert "Anthropic" in share.claimant
    assert (base.quantity.low, base.quantity.high, base.quantity.unit) == (1, 9, "percent")
    assert base.quantity.baseline and base.time is not None and base.time.iso == "2025-01/2025-04"


def test_condition_and_proposal(nlp: Any) -> None:
    art = Article(
        text="The lab called for a global pause on frontier research, on the condition that all "
        "leading labs stop at the same time.",
        url="https://example.org/p",
    )
    (c,) = extract(art, nlp=nlp)
    assert c.kind == "proposal" and c.modality == "proposed"
    assert c.condition.startswith("on the condition that all leading labs stop")
