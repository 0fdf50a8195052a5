"""Incremental analysis: ingesting articles one at a time re-aligns and re-checks only the stories
they touch, and leaves exactly what one full analysis of the same store would leave."""

from __future__ import annotations

import importlib
import random
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pyoxigraph import NamedNode, Store

from claimgraph.align import INDEX_GRAPH, SYNDICATION_OF, _cos, stories_from_bags
from claimgraph.graph import article_iri
from claimgraph.load import load_article
from claimgraph.pipeline import analyse_changes, analyse_store, ingest
from claimgraph.store import open_store
from claimgraph.vocab import CG, DISCREPANCIES_GRAPH, MATCHES_GRAPH, RDF, STORIES_GRAPH

from .conftest import CORPUS, STORIES

ALIGN = importlib.import_module("claimgraph.align")  # (the name claimgraph.align is the function)
DERIVED = (MATCHES_GRAPH, STORIES_GRAPH, DISCREPANCIES_GRAPH, INDEX_GRAPH)


def _derived(store: Store, graphs: tuple[str, ...] = DERIVED) -> set[str]:
    """The derived graphs as a set of N-Quads lines (they hold no blank nodes)."""
    return {str(q) for g in graphs for q in store.quads_for_pattern(None, None, None, NamedNode(g))}


def _full(store: Store) -> set[str]:
    """What one full analysis of the same articles writes."""
    copy = Store()
    copy.extend([q for q in store if q.graph_name.value not in DERIVED])
    analyse_store(copy)
    return _derived(copy)


def _ingest_one(store: Store, path: Path, nlp: Any) -> None:
    res = ingest(store, [path], nlp=nlp)
    assert res[0].status in ("ingested", "updated"), res


def _story_graphs(store: Store, story: str) -> set[str]:
    """The matches and findings of one story, and its record."""
    q = f"""SELECT ?s ?p ?o ?g WHERE {{
      {{ GRAPH ?g {{ ?s <{CG}story> <{story}> . ?s ?p ?o }} }} UNION {{ GRAPH ?g {{ <{story}> ?p ?o BIND(<{story}> AS ?s) }} }}
      FILTER(?g IN (<{MATCHES_GRAPH}>, <{DISCREPANCIES_GRAPH}>, <{STORIES_GRAPH}>)) }}"""
    return {" ".join(str(r[v]) for v in ("s", "p", "o", "g")) for r in store.query(q)}


def test_one_article_at_a_time_equals_one_full_analysis(nlp: Any) -> None:
    paths = sorted(p for s in STORIES for p in s.glob("*.md"))
    random.Random(6).shuffle(paths)  # stories arrive interleaved
    store = open_store(None)
    for i, p in enumerate(paths):
        _ingest_one(store, p, nlp)
        if i in (0, 3, 4, 8, len(paths) - 1):  # one, four and five articles: the grouping changes
            assert _derived(store) == _full(store), f"after {i + 1} articles ({p.name})"


def test_each_corpus_story_is_one_story(nlp: Any) -> None:
    store = open_store(None)
    ingest(store, [p for s in STORIES for p in sorted(s.glob("*.md"))], nlp=nlp)
    q = f"SELECT ?s ?a WHERE {{ GRAPH <{STORIES_GRAPH}> {{ ?s <{CG}hasArticle> ?a }} }}"
    found: dict[str, set[str]] = {}
    for r in store.query(q):
        found.setdefault(r["s"].value, set()).add(r["a"].value)
    want = {frozenset(article_iri(load_article(p).url) for p in s.glob("*.md")) for s in STORIES}
    assert {frozenset(v) for v in found.values()} == want


def test_articles_written_without_analysis_are_found_by_the_index(nlp: Any) -> None:
    store = open_store(None)
    ingest(store, [CORPUS / "trial-results"], nlp=nlp)
    ingest(store, [CORPUS / "river-flood"], nlp=nlp, analyse=False)
    assert analyse_changes(store)  # compares every article with the story index
    assert _derived(store) == _full(store)
    assert analyse_changes(store) == []  # nothing left to do


def test_an_article_of_a_second_story_leaves_the_first_story_alone(nlp: Any) -> None:
    first, second = CORPUS / "river-flood", CORPUS / "trial-results"
    store = open_store(None)
    ingest(store, [first], nlp=nlp)
    (story,) = {
        q.subject.value for q in store.quads_for_pattern(None, NamedNode(CG + "hasArticle"), None, None)
    }
    before = _story_graphs(store, story)
    assert any("ClaimMatch" in t for t in before) and any("Discrepancy" in t for t in before)
    _ingest_one(store, sorted(second.glob("*.md"))[0], nlp)
    assert _story_graphs(store, story) == before
    assert _derived(store) == _full(store)


def test_edits_replace_only_their_story(tmp_path: Path, nlp: Any) -> None:
    flood, fares = tmp_path / "flood", tmp_path / "fares"
    shutil.copytree(CORPUS / "river-flood", flood)
    shutil.copytree(CORPUS / "transit-fares", fares)
    store = open_store(None)
    ingest(store, [flood, fares], nlp=nlp)
    assert _derived(store) == _full(store)
    fares_story = {
        q.subject.value
        for q in store.quads_for_pattern(
            None,
            NamedNode(CG + "hasArticle"),
            NamedNode(article_iri(load_article(fares / "marbury-courier.md").url)),
            None,
        )
    }.pop()
    fares_before = _story_graphs(store, fares_story)
    # an edited figure: the flood story is checked again, the fares story is not touched
    target = flood / "meridian-wire.md"
    text = target.read_text(encoding="utf-8")
    assert "37" in text
    target.write_text(text.replace("37", "41"), encoding="utf-8")
    assert [r.status for r in ingest(store, [flood], nlp=nlp)].count("updated") == 1
    assert _story_graphs(store, fares_story) == fares_before
    assert _derived(store) == _full(store)
    # an article rewritten to tell another story leaves its story for that one
    moved = flood / "dolvane-courier.md"
    head, _, _ = moved.read_text(encoding="utf-8").partition("\n---\n")
    body = (fares / "national-standard.md").read_text(encoding="utf-8").partition("\n---\n")[2]
    moved.write_text(head + "\n---\n" + body, encoding="utf-8")
    ingest(store, [flood], nlp=nlp)
    moved_iri = article_iri(load_article(moved).url)
    story_of = {
        q.object.value: q.subject.value
        for q in store.quads_for_pattern(None, NamedNode(CG + "hasArticle"), None, NamedNode(STORIES_GRAPH))
    }
    assert story_of[moved_iri] == story_of[article_iri(load_article(fares / "marbury-courier.md").url)]
    assert _derived(store) == _full(store)


def _claims_of(store: Store, article: str) -> set[str]:
    return {
        q.subject.value
        for q in store.quads_for_pattern(None, NamedNode(CG + "inArticle"), NamedNode(article), None)
    }


def _single_source(store: Store) -> set[str]:
    q = f"""SELECT ?c WHERE {{ GRAPH <{DISCREPANCIES_GRAPH}> {{
      ?d <{CG}discrepancyType> "single_source" ; <{CG}involvesClaim> ?c }} }}"""
    return {r["c"].value for r in store.query(q)}


def test_a_syndicated_copy_is_recognised_and_is_not_independent_support(tmp_path: Path, nlp: Any) -> None:
    story = tmp_path / "story"
    shutil.copytree(CORPUS / "river-flood", story)
    store = open_store(None)
    ingest(store, [story], nlp=nlp)
    original = load_article(story / "ebc-news.md")
    orig_iri = article_iri(original.url)
    orig_claims = _claims_of(store, orig_iri)
    lonely = _single_source(store) & orig_claims
    assert lonely  # the original has claims no other outlet supports
    # another outlet runs the same article, lightly edited
    text = (story / "ebc-news.md").read_text(encoding="utf-8")
    text = re.sub(r"^url: .*$", "url: https://tavrin-syndicate.example/wire/marn-floods", text, flags=re.M)
    text = re.sub(r"^outlet: .*$", "outlet: Tavrin Syndicate", text, flags=re.M)
    text = re.sub(r"^published: .*$", "published: 2026-09-17", text, flags=re.M)  # the day after
    text = text.replace("was slowly retreating", "was retreating slowly").replace(
        "\n---\n", "\n---\nThis report first appeared on EBC News.\n\n", 1
    )
    (tmp_path / "copy.md").write_text(text, encoding="utf-8")
    _ingest_one(store, tmp_path / "copy.md", nlp)
    copy_iri = article_iri(load_article(tmp_path / "copy.md").url)
    assert (NamedNode(copy_iri), NamedNode(SYNDICATION_OF), NamedNode(orig_iri)) in {
        (q.subject, q.predicate, q.object)
        for q in store.quads_for_pattern(None, NamedNode(SYNDICATION_OF), None, NamedNode(STORIES_GRAPH))
    }
    copy_claims = _claims_of(store, copy_iri)
    assert copy_claims
    pairs = {
        frozenset((r["a"].value, r["b"].value))
        for r in store.query(
            f"SELECT ?a ?b WHERE {{ GRAPH <{MATCHES_GRAPH}> {{ ?m <{CG}claimA> ?a ; <{CG}claimB> ?b }} }}"
        )
    }
    assert not any(p & orig_claims and p & copy_claims for p in pairs)
    assert lonely <= _single_source(store)  # the copy does not support the original
    assert _derived(store) == _full(store)


def test_two_disasters_are_two_stories_and_names_make_one() -> None:
    """Two floods and a fire share everyday disaster words; each story shares its names.
    Weighed by idf alone, in a store this small, the fire joins the floods."""
    disaster = "evacuate resident emergency home village roof volunteer firefighter rescue road".split()
    flood = "dolvane marn estravia river flood levee".split()
    fire = "carrow lestria ashby wildfire hectare blaze".split()
    bags = {}
    for i in range(3):
        bags[f"https://flood.example/{i}"] = Counter(disaster[i : i + 8] + flood[i : i + 4])
        bags[f"https://fire.example/{i}"] = Counter(disaster[i + 1 : i + 9] + fire[i : i + 4])
    groups = sorted(sorted(a.split("/")[2] for a in arts) for arts in stories_from_bags(bags).values())
    assert groups == [["fire.example"] * 3, ["flood.example"] * 3]
    assert ALIGN._rarity("dolvane") == 3 and ALIGN._rarity("evacuate") < 3 and ALIGN._rarity("home") == 0
    # a lemma rarer than the word it stands for weighs as that word ("data" is lemmatized "datum")
    assert ALIGN._rarity("datum") == ALIGN._rarity("data") == 0


def test_one_name_in_common_does_not_make_a_story() -> None:
    """A salad recall and a measles outbreak in the same town share its name, and little else."""
    recall = "salad listeria recall batch supermarket shredder pellbrook refund".split()
    measles = "measles vaccine jab school exclusion dose clinic kessmoor".split()
    bags = {}
    for i in range(3):
        bags[f"https://recall.example/{i}"] = Counter(recall[i : i + 5] + ["outbreak"] + ["dunmere"] * 3)
        bags[f"https://measles.example/{i}"] = Counter([*measles[i : i + 5], "outbreak", "dunmere"])
    for i in range(3):  # and a few other stories, so that the town's name is rare in the store
        bags[f"https://other.example/{i}"] = Counter(f"story{i} word{i} thing{i} place{i}".split())
    groups = sorted(sorted(a.split("/")[2] for a in arts) for arts in stories_from_bags(bags).values())
    assert ["measles.example"] * 3 in groups and ["recall.example"] * 3 in groups


def test_two_stories_of_a_kind_that_name_nothing_in_common_stay_two() -> None:
    """A vaccination campaign in Brennmoor and a measles outbreak in Kessmoor share every word
    of their kind and no name: two stories, however close their words. An article that repeats
    no name of its own (a trade paper's summary) still joins its story."""
    kind = "vaccine dose clinic uptake booster appointment vaccinate".split()
    bags: dict[str, Counter[str]] = {}
    for i in range(3):
        bags[f"https://brennmoor.example/{i}"] = Counter(kind * 2 + ["flu", "winter"] + ["brennmoor"] * 2)
        bags[f"https://kessmoor.example/{i}"] = Counter(kind * 2 + ["measles", "outbreak"] + ["kessmoor"] * 2)
    bags["https://brennmoor.example/summary"] = Counter(["flu", "winter"] * 2 + kind[:3] + ["brennmoor"])
    for i in range(30):
        bags[f"https://other.example/{i}"] = Counter(f"story{i} word{i} thing{i} place{i}".split())
    b = ALIGN.Bags.of(bags)
    ia, ib, _ = ALIGN._linked_pairs(b)
    assert any(b.articles[i][8] != b.articles[j][8] for i, j in zip(ia, ib, strict=True))  # linked by words
    groups = sorted(sorted(a.split("/")[2] for a in arts) for arts in stories_from_bags(bags).values())
    assert ["brennmoor.example"] * 4 in groups and ["kessmoor.example"] * 3 in groups


def test_one_weak_link_does_not_join_two_stories() -> None:
    """Two stories of a kind (two ships aground) whose articles reach the threshold through one
    pair only stay two stories; the same link holds an article that has no other, and a strong
    one joins the stories."""

    def bags(shared: int, b_articles: int = 3) -> dict[str, Counter[str]]:
        out = {}
        for story, n in (("a", 3), ("b", b_articles)):
            for i in range(n):
                extra = ["zedone", "zedtwo", "zedthree"] * shared if i == 0 else []
                out[f"https://{story}.example/{i}"] = Counter(
                    [f"{story}word{w}" for w in range(6)] * 2 + extra
                )
        for i in range(6):
            out[f"https://other.example/{i}"] = Counter(f"story{i} word{i} thing{i} place{i}".split())
        if not b_articles:  # an article of its own, with the same words in common
            out["https://b.example/0"] = Counter(
                [f"bword{w}" for w in range(6)] + ["zedone", "zedtwo", "zedthree"]
            )
        return out

    def hosts(b: dict[str, Counter[str]]) -> list[list[str]]:
        return sorted(sorted(a.split("/")[2] for a in arts) for arts in stories_from_bags(b).values())

    b = ALIGN.Bags.of(bags(1))
    ia, ib, cos = ALIGN._linked_pairs(b)
    across = [c for i, j, c in zip(ia, ib, cos, strict=True) if b.articles[i][8] != b.articles[j][8]]
    assert len(across) == 1 and ALIGN.STORY_THRESHOLD <= across[0] < ALIGN.STORY_STRONG
    assert ["a.example"] * 3 in hosts(bags(1)) and ["b.example"] * 3 in hosts(bags(1))
    alone = ALIGN.Bags.of(bags(1, b_articles=0))
    assert ALIGN.STORY_THRESHOLD <= ALIGN._linked_pairs(alone)[2].min() < ALIGN.STORY_STRONG
    assert ["a.example"] * 3 + ["b.example"] in hosts(bags(1, b_articles=0))
    assert ["a.example"] * 3 + ["b.example"] * 3 in hosts(bags(2))


@pytest.mark.parametrize("seed", range(3))
def test_story_grouping_compares_only_pairs_that_can_link(seed: int) -> None:
    """The inverted index and the bound on common words lose no pair: the same stories as
    comparing every two articles."""
    rng = random.Random(seed)
    common = [f"common{i}" for i in range(5)]
    bags: dict[str, Counter[str]] = {}
    for a in range(150):
        topic = a // 3 if rng.random() < 0.9 else rng.randrange(60)
        words = [f"t{topic}w{rng.randrange(12)}" for _ in range(8)] + rng.choices(
            common, k=rng.randrange(0, 30)
        )
        words += [f"noise{rng.randrange(400)}" for _ in range(3)]
        bags[f"https://example.org/a/{a:03d}"] = Counter(words)
    got = stories_from_bags(bags)
    # brute force
    arts = sorted(bags)
    n = len(arts)
    df = Counter(w for a in arts for w in bags[a])
    import math

    weight = {w: float(ALIGN._RARITY_WEIGHT[ALIGN._rarity(w)]) for w in df}  # all 1: invented words
    vec = {
        a: {w: c * math.log((1 + n) / (1 + df[w])) * weight[w] for w, c in sorted(bags[a].items())}
        for a in arts
    }
    parent = {a: a for a in arts}

    def find(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    def linked(a: str, b: str) -> bool:
        prods = [vec[a][w] * vec[b][w] for w in vec[a] if w in vec[b]]
        den = math.hypot(*vec[a].values()) * math.hypot(*vec[b].values())
        if not den:
            return False
        second = (sum(prods) - max(prods, default=0.0)) / den  # without the word shared most
        return _cos(vec[a], vec[b]) >= 0.12 and second >= ALIGN.STORY_SECOND

    def named_apart(a: str, b: str) -> bool:  # (never, here: every invented word is of the rarest class)
        rare_a = {w for w in bags[a] if ALIGN._rarity(w) == 3}
        rare_b = {w for w in bags[b] if ALIGN._rarity(w) == 3}
        repeats = [any(bags[x][w] >= 2 for w in r) for x, r in ((a, rare_a), (b, rare_b))]
        return all(repeats) and not rare_a & rare_b

    links = [
        (a, b) for i, a in enumerate(arts) for b in arts[i + 1 :] if linked(a, b) and not named_apart(a, b)
    ]
    near: dict[str, set[str]] = {a: set() for a in arts}
    for a, b in links:
        near[a].add(b)
        near[b].add(a)
    weak = 0
    for a, b in links:
        # a weak link holds only with an article linked to both, or an end with no other link
        if _cos(vec[a], vec[b]) < ALIGN.STORY_STRONG and len(near[a]) > 1 and len(near[b]) > 1:
            weak += 1
            if not near[a] & near[b]:
                continue
        parent[find(a)] = find(b)
    assert weak  # (the rule is exercised)
    groups: dict[str, list[str]] = {}
    for a in arts:
        groups.setdefault(find(a), []).append(a)
    assert sorted(got.values()) == sorted(groups.values())


@pytest.mark.parametrize("seed", range(3))
def test_components_of_linked_articles_are_union_find_groups(seed: int) -> None:
    """Stories are the connected components of the linked pairs, found by spreading labels:
    the same groups as union-find, on chains (the slowest to spread) and on random pairs."""
    import numpy as np

    from claimgraph.align import _components
    from claimgraph.groups import Groups

    rng = random.Random(seed)
    n = 300
    pairs = [(i, i + 1) for i in range(120)]  # one long chain
    pairs += [(rng.randrange(n), rng.randrange(n)) for _ in range(80)]
    rng.shuffle(pairs)
    label = _components(n, np.array([i for i, _ in pairs]), np.array([j for _, j in pairs]))
    groups = Groups([str(i) for i in range(n)])
    for i, j in pairs:
        groups.join(str(i), str(j))
    by_label: dict[int, list[str]] = {}
    for i, lab in enumerate(label.tolist()):
        by_label.setdefault(lab, []).append(str(i))
    assert sorted(map(sorted, by_label.values())) == sorted(map(sorted, groups.groups()))
    assert all(
        label[i] == min(int(x) for x in members) for members in by_label.values() for i in map(int, members)
    )


def test_remembered_measure_words_are_the_measure_words(nlp: Any) -> None:
    """Matching remembers each claim's measure words by its measure key; that holds only while
    the words depend on nothing else."""
    from claimgraph.extract import extract

    align_module = importlib.import_module("claimgraph.align")  # (claimgraph.align is the function)

    for p in sorted((CORPUS / "transit-fares").glob("*.md")):
        for c in extract(load_article(p), nlp=nlp):
            assert align_module._measure_words(c) == align_module._measure_words_of_claim(c)


def test_a_full_run_over_an_analysed_store_rewrites_only_the_stories_that_changed(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full run compares each story's matches with the digest the index keeps: the stories
    that did not change keep their matches (nothing of theirs is deleted), and the result is a
    full run's from scratch."""
    store = open_store(None)
    ingest(store, [CORPUS / "trial-results", CORPUS / "river-flood"], nlp=nlp)
    kept = {
        q.subject.value
        for q in store.quads_for_pattern(None, NamedNode(RDF + "type"), NamedNode(CG + "Story"), None)
    }
    ingest(store, [CORPUS / "transit-fares"], nlp=nlp, analyse=False)  # new, and not yet aligned
    updates: list[str] = []
    real = ALIGN._update
    monkeypatch.setattr(ALIGN, "_update", lambda st, u: (updates.append(u), real(st, u))[1])
    before = _derived(store, (MATCHES_GRAPH,))
    analyse_store(store)
    deleted = " ".join(u for u in updates if not u.startswith("INSERT DATA"))  # (the index head lists all)
    assert len(kept) == 2 and not any(s in deleted for s in kept)
    assert f"DROP SILENT GRAPH <{MATCHES_GRAPH}>" not in deleted
    assert before < _derived(store, (MATCHES_GRAPH,))  # the new story's matches added
    assert _derived(store) == _full(store)


def test_a_full_detect_over_earlier_findings_leaves_what_a_fresh_one_does(nlp: Any) -> None:
    """Findings found again are kept, the ones gone are deleted, new ones added: the graph is
    what detection writes into an empty one."""
    from claimgraph.detect import detect

    store = open_store(None)
    ingest(store, [CORPUS / "river-flood"], nlp=nlp)
    first = _derived(store, (DISCREPANCIES_GRAPH,))

    def fresh(params: dict[str, float]) -> set[str]:
        copy = Store()
        copy.extend([q for q in store if q.graph_name.value != DISCREPANCIES_GRAPH])
        detect(copy, params=params)
        return _derived(copy, (DISCREPANCIES_GRAPH,))

    loose = {"exactTol": 0.5, "aboutTol": 0.5, "sameTol": 0.0}
    detect(store, params=loose)
    changed = _derived(store, (DISCREPANCIES_GRAPH,))
    assert changed != first and changed == fresh(loose)
    detect(store)
    assert _derived(store, (DISCREPANCIES_GRAPH,)) == first == fresh({})


def test_a_full_run_after_a_story_gained_an_article_rewrites_that_story(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A story whose articles changed since the last run has its old matches removed before
    any new ones are written (the background writer must not let them mix): the result is a
    full run's from scratch, and the unchanged story keeps its matches."""
    river = sorted((CORPUS / "river-flood").glob("*.md"))
    store = open_store(None)
    ingest(store, [*river[:-1], CORPUS / "trial-results"], nlp=nlp)
    before = {line.split()[0] for line in _derived(store, (STORIES_GRAPH,)) if f"<{CG}hasArticle>" in line}
    ingest(store, [river[-1]], nlp=nlp, analyse=False)  # joins the river story, not yet aligned
    updates: list[str] = []
    real = ALIGN._update
    monkeypatch.setattr(ALIGN, "_update", lambda st, u: (updates.append(u), real(st, u))[1])
    analyse_store(store)
    assert _derived(store) == _full(store)
    after = {line.split()[0] for line in _derived(store, (STORIES_GRAPH,)) if f"<{CG}hasArticle>" in line}
    assert len(before) == len(after) == 2
    deleted = " ".join(u for u in updates if not u.startswith("INSERT DATA"))
    assert sum(s.strip("<>") in deleted for s in before & after) == 1  # the river story's, only
