"""Provenance to the exact span: Web Annotation selectors, the ingest as a prov:Activity, and
where and when each article was retrieved; quotes are found again in a re-fetched copy."""

from __future__ import annotations

from datetime import date, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from pyoxigraph import Store

from claimgraph import __version__
from claimgraph.graph import article_graph, article_iri, article_triples
from claimgraph.load import load_article
from claimgraph.model import Article
from claimgraph.provenance import CONTEXT_CHARS, ModelInfo, find_quote, quote_context
from claimgraph.vocab import SPARQL_PREFIXES

from .conftest import CORPUS
from .corpus_stores import edit_article, story_store

STORY = "ai-self-improvement"


def _rows(store: Store, query: str) -> list[dict[str, str | None]]:
    res = store.query(SPARQL_PREFIXES + query)
    names = [v.value for v in res.variables]
    return [{n: (r[n].value if r[n] is not None else None) for n in names} for r in res]


def test_every_claim_has_a_quote_and_a_position_selector_that_find_its_words(nlp: Any) -> None:
    store = story_store(STORY, nlp)
    articles = {a.url: a for a in map(load_article, sorted((CORPUS / STORY).glob("*.md")))}
    rows = _rows(
        store,
        """SELECT ?c ?url ?field ?text ?start ?end ?exact ?prefix ?suffix ?ps ?pe WHERE { GRAPH ?g {
            ?c a cg:Claim ; cg:inArticle/schema:url ?url ; cg:field ?field ; cg:text ?text ;
               cg:start ?start ; cg:end ?end ; oa:hasSelector ?q , ?p .
            ?q a oa:TextQuoteSelector ; oa:exact ?exact . OPTIONAL { ?q oa:prefix ?prefix } OPTIONAL { ?q oa:suffix ?suffix }
            ?p a oa:TextPositionSelector ; oa:start ?ps ; oa:end ?pe } }""",
    )
    assert len(rows) == len({r["c"] for r in rows}) > 40  # one quote and one position per claim
    for r in rows:
        text = articles[str(r["url"])].field_text(r["field"])  # type: ignore[arg-type]
        s, e = int(str(r["start"])), int(str(r["end"]))
        assert (int(str(r["ps"])), int(str(r["pe"]))) == (s, e)
        assert r["exact"] == r["text"] == text[s:e]
        assert (r["prefix"] or "", r["suffix"] or "") == quote_context(text, s, e)
        assert len(r["prefix"] or "") == min(CONTEXT_CHARS, s)


def test_each_ingest_is_a_prov_activity_with_software_model_and_time(nlp: Any) -> None:
    store = story_store(STORY, nlp)
    rows = _rows(
        store,
        """SELECT ?g ?a ?act ?start ?end ?cg ?spacy ?model ?mv ?used WHERE { GRAPH ?g {
            ?g a cg:ArticleGraph ; schema:about ?a ; prov:wasGeneratedBy ?act .
            ?a prov:wasGeneratedBy ?act .
            ?act a prov:Activity , cg:ExtractionActivity ; prov:startedAtTime ?start ; prov:endedAtTime ?end ;
                 prov:wasAssociatedWith ?me , ?sp ; prov:used ?m , ?used .
            ?me a prov:SoftwareAgent ; schema:name "claimgraph" ; schema:softwareVersion ?cg .
            ?sp a prov:SoftwareAgent ; schema:name "spaCy" ; schema:softwareVersion ?spacy .
            ?m a cg:LanguageModel ; schema:name ?model ; schema:softwareVersion ?mv .
            FILTER(?used != ?m) } }""",
    )
    assert len(rows) == 3  # one activity per article, each using exactly the source and the model
    for r in rows:
        assert r["cg"] == __version__ and r["spacy"] == metadata.version("spacy")
        assert r["model"] == f"{nlp.meta['lang']}_{nlp.meta['name']}" and r["mv"] == nlp.meta["version"]
        assert datetime.fromisoformat(str(r["start"])) <= datetime.fromisoformat(str(r["end"]))
        assert str(r["used"]).startswith("file:///") and str(r["used"]).endswith(".md")


def test_each_article_graph_says_where_and_when_it_was_retrieved(nlp: Any) -> None:
    store = story_store(STORY, nlp)
    for path in sorted((CORPUS / STORY).glob("*.md")):
        art = load_article(path)
        rows = _rows(
            store,
            f"""SELECT ?from ?at ?src WHERE {{ GRAPH <{article_graph(art.url)}> {{
                <{article_iri(art.url)}> cg:retrievedFrom ?from ; cg:retrievedAt ?at ; cg:source ?src }} }}""",
        )
        assert len(rows) == 1
        assert rows[0]["from"] == path.resolve().as_uri()
        assert datetime.fromisoformat(str(rows[0]["at"])).year >= 2025
        assert rows[0]["src"] == str(path)


def test_a_fetched_article_keeps_its_url_and_retrieval_time() -> None:
    art = Article(
        text="The council said 12 bridges were closed.",
        url="https://news.example/bridges",
        title="Bridges closed",
        outlet="News Example",
        published=date(2026, 9, 16),
        retrieved="2026-09-16T08:30:00+00:00",
        source="https://news.example/bridges?utm=feed",
    )
    triples = {
        (t.predicate.value.rsplit("#", 1)[-1], t.object.value)
        for t in article_triples(art, [], model=ModelInfo("en_test", "1.0", "3.8.0"))
    }
    assert ("retrievedAt", "2026-09-16T08:30:00+00:00") in triples
    assert ("retrievedFrom", "https://news.example/bridges?utm=feed") in triples


def test_quotes_are_found_again_in_a_re_fetched_copy(tmp_path: Path, nlp: Any) -> None:
    """The claims of the stored ebc-news.md, looked up by their quote selectors in an edited
    copy: those whose words survive are found at their new offsets, the others are not."""
    store = story_store("river-flood", nlp)
    src = CORPUS / "river-flood" / "ebc-news.md"
    old = load_article(src)
    new = load_article(edit_article(src, tmp_path))
    rows = _rows(
        store,
        f"""SELECT ?start ?exact ?prefix ?suffix WHERE {{ GRAPH <{article_graph(old.url)}> {{
            ?c a cg:Claim ; cg:field "body" ; cg:start ?start ; oa:hasSelector ?q .
            ?q a oa:TextQuoteSelector ; oa:exact ?exact . OPTIONAL {{ ?q oa:prefix ?prefix }} OPTIONAL {{ ?q oa:suffix ?suffix }} }} }}""",
    )
    found = missing = 0
    for r in rows:
        exact = str(r["exact"])
        hit = find_quote(new.text, exact, r["prefix"] or "", r["suffix"] or "", near=int(str(r["start"])))
        if exact in new.text:
            assert hit is not None and new.text[hit[0] : hit[1]] == exact
            assert hit[0] != int(str(r["start"]))  # the added paragraph moved every claim
            found += 1
        else:
            assert hit is None
            missing += 1
    assert found > 10 and missing == 2  # the claim whose figure changed, and the one removed


def test_the_quote_context_picks_the_right_one_of_repeated_words() -> None:
    text = "Police said 12 died. Officials said 12 died. Medics said 12 died."
    exact = "said 12 died"
    second = text.index(exact, text.index(exact) + 1)
    prefix, suffix = quote_context(text, second, second + len(exact))
    moved = "Update: " + text
    assert find_quote(moved, exact, prefix, suffix) == (second + 8, second + 8 + len(exact))
    assert find_quote(moved, "not there", prefix, suffix) is None
