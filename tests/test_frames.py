"""The frames digest (graph.FRAMES) reads back exactly what the claim triples say."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyoxigraph import NamedNode, Quad

from claimgraph.graph import FRAMES, article_graph, article_iri, article_triples, read_claims
from claimgraph.model import Article, Claim, Quantity, TimeSpan
from claimgraph.store import open_store, write_article

from .corpus_stores import story_store


def _without_digest(store: Any) -> Any:
    """A copy of the store with every digest removed: read_claims then reads the triples."""
    copy = open_store(None)
    copy.extend(q for q in store if q.predicate != NamedNode(FRAMES))
    return copy


@pytest.mark.parametrize("story", ["river-flood", "quarterly-results"])
def test_digest_and_triples_read_the_same_claims(story: str, nlp: Any) -> None:
    store = story_store(story, nlp)
    assert any(True for _ in store.quads_for_pattern(None, NamedNode(FRAMES), None, None))
    via_digest = read_claims(store)
    assert via_digest and via_digest == read_claims(_without_digest(store))


_words = st.text(alphabet='abcdefghij €%"\\\n', max_size=12)
_opt = st.one_of(st.just(""), _words)


@st.composite
def _claims(draw: Any) -> tuple[Article, list[Claim]]:
    body = "x" * 200
    art = Article(
        text=body,
        url="https://example.org/a",
        title="A title",
        outlet=draw(st.sampled_from(["", "Outlet"])),
        published=draw(st.sampled_from([None, date(2026, 5, 1)])),
    )
    claims = []
    for start in draw(st.lists(st.integers(0, 150), max_size=6, unique=True)):
        end = start + draw(st.integers(1, 40))
        q = None
        if draw(st.booleans()):
            q = Quantity(
                text=draw(_opt),
                start=start,
                end=start + 1,
                unit=draw(st.sampled_from(["", "percent", "EUR"])),
                qualifier=draw(st.sampled_from(["exact", "over", "range"])),
                value=draw(st.one_of(st.none(), st.floats(-1e12, 1e12))),
                low=draw(st.one_of(st.none(), st.floats(0, 100))),
                high=draw(st.one_of(st.none(), st.integers(0, 100).map(float))),
                baseline=draw(st.booleans()),
            )
        t = None
        if draw(st.booleans()):
            t = TimeSpan(
                draw(_opt),
                "2026-05",
                date(2026, 5, 1),
                date(2026, 5, 31),
                "month",
                draw(st.sampled_from(["at", "", "since"])),
            )
        claims.append(
            Claim(
                article_url=art.url,
                field="body",
                start=start,
                end=end,
                text=body[start:end],
                kind=draw(st.sampled_from(["quantity", "quote"])),
                quantity=q,
                time=t,
                measure=draw(_opt),
                measure_key=draw(_opt),
                scope=draw(_opt),
                condition=draw(_opt),
                claimant=draw(_opt),
                claimant_vague=draw(st.booleans()),
                cited_document=draw(_opt),
                modality=draw(st.sampled_from(["asserted", "proposed", ""])),
                negated=draw(st.booleans()),
                predicate=draw(_opt),
                keywords=tuple(draw(st.lists(_words, max_size=4))),
            )
        )
    return art, claims


@settings(max_examples=60, deadline=None)
@given(_claims())
def test_digest_reads_what_the_triples_read(case: tuple[Article, list[Claim]]) -> None:
    art, claims = case
    store = open_store(None)
    write_article(store, art.url, article_triples(art, claims))
    assert read_claims(store) == read_claims(_without_digest(store))


def test_a_graph_without_a_digest_is_read_from_its_triples() -> None:
    """Stores written before the digest existed are read as they were."""
    art = Article(text="Fares rose 9% in 2026.", url="https://example.org/b", outlet="O")
    c = Claim(art.url, "body", 0, 22, art.text, "quantity", predicate="rise", keywords=("fare", "rise"))
    store = open_store(None)
    write_article(store, art.url, article_triples(art, [c]))
    g = NamedNode(article_graph(art.url))
    store.remove(
        Quad(
            NamedNode(article_iri(art.url)),
            NamedNode(FRAMES),
            next(q.object for q in store.quads_for_pattern(None, NamedNode(FRAMES), None, g)),
            g,
        )
    )
    [(read, meta)] = read_claims(store)
    assert read == c and meta["outlet"] == "O"


@pytest.mark.parametrize("story", ["river-flood", "quarterly-results"])
def test_a_claim_iri_names_its_article(story: str, nlp: Any) -> None:
    """detect reads a finding's article off its claim's IRI: it must be the claim's cg:inArticle."""
    from claimgraph.graph import claim_article_iri, claim_version_prefix
    from claimgraph.vocab import CG

    store = story_store(story, nlp)
    pairs = [
        (q.subject.value, q.object.value)
        for q in store.quads_for_pattern(None, NamedNode(CG + "inArticle"), None, None)
        if isinstance(q.subject, NamedNode) and "/claim/" in q.subject.value
    ]
    assert pairs and all(claim_article_iri(c) == a for c, a in pairs)
    assert claim_article_iri(article_iri("https://example.org/a")) is None
    superseded = claim_version_prefix("https://example.org/a", 1) + "body-0-10"
    assert claim_article_iri(superseded) is None  # its article is a version, not the current one
