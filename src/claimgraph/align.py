"""The align stage: which claims from different outlets are about the same thing.

Articles are first grouped into stories (connected components of articles whose claims share
weighted vocabulary), so that claims are only ever compared within a story; inside a story
each pair of articles from different outlets is matched one to one, greedily by score. The
matches and the stories are written to their own named graphs as data.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from pyoxigraph import Literal, NamedNode, Store, Triple

from .graph import read_claims
from .lexicon import (
    FUNCTION_WORDS,
    OPPOSITE_CLASSES,
    PREDICATE_CLASS,
    contradicts,
    is_outcome_class,
    word_class,
)
from .model import Claim, ClaimMatch, Quantity
from .store import replace_graph
from .vocab import CG, ID, MATCHES_GRAPH, RDF, STORIES_GRAPH, XSD

STORY_THRESHOLD = 0.12
MATCH_THRESHOLD = 0.30
_COMMON_IDF = 0.8
_BRACKETED = re.compile(r"\([^()]*\)")
_PRONOUNS = frozenset({"he", "she", "they", "we", "it", "i", "you", "one"})
_SAID = frozenset(
    {"attribution", "quote", "event"}
)  # words within this of the story's most common word count as common
_DURATIONS = {"second", "minute", "hour", "day", "week", "month", "year", "decade"}
_MONEY = {"USD", "EUR", "GBP", "CNY", "CHF", "JPY", "AUD", "CAD", "HKD"}


@dataclass(frozen=True, slots=True)
class Row:
    claim: Claim
    iri: str
    article: str
    outlet: str


def unit_family(unit: str) -> str:
    if unit in _DURATIONS:
        return "duration"
    if unit in _MONEY:
        return "money"
    return unit


def load_rows(store: Store) -> list[Row]:
    return [Row(c, m["iri"], m["article"], m["outlet"] or m["article"]) for c, m in read_claims(store)]


def group_stories(rows: list[Row]) -> dict[str, list[str]]:
    """story IRI -> sorted article IRIs; articles linked when their vocabularies overlap enough."""
    bags: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        bags[r.article].update(r.claim.keywords)
    arts = sorted(bags)
    df = Counter(w for a in arts for w in bags[a])
    n = len(arts)
    vec = {a: {w: c * math.log((1 + n) / (1 + df[w])) + 0.0 for w, c in bags[a].items()} for a in arts}
    parent = {a: a for a in arts}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, a in enumerate(arts):
        for b in arts[i + 1 :]:
            if _cos(vec[a], vec[b]) >= STORY_THRESHOLD or (n <= 4 and _cos_raw(bags[a], bags[b]) >= 0.25):
                parent[find(a)] = find(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for a in arts:
        groups[find(a)].append(a)
    return {story_iri(members): sorted(members) for members in groups.values()}


def story_iri(articles: list[str]) -> str:
    return f"{ID}story/{hashlib.sha256(min(articles).encode()).hexdigest()[:16]}"


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _cos_raw(a: Counter[str], b: Counter[str]) -> float:
    return _cos({k: float(v) for k, v in a.items()}, {k: float(v) for k, v in b.items()})


def _idf(rows: list[Row]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for r in rows:
        df.update(set(r.claim.keywords))
    n = len(rows) or 1
    return {w: math.log((1 + n) / (1 + c)) + 0.5 for w, c in df.items()}


def score(x: Claim, y: Claim, idf: dict[str, float]) -> tuple[float, list[str]]:
    """How likely two claims are about the same thing (0..1), and which features agreed."""
    feats: list[str] = []
    if (x.quantity is None) != (y.quantity is None):
        return 0.0, feats
    if x.kind in _SAID and y.kind in _SAID and x.measure_key and y.measure_key:
        # what is said, not who says it, nor the bare verb ("came" / "has come")
        verbs = {x.predicate, y.predicate}
        kx, ky = set(x.measure_key.split()) - verbs, set(y.measure_key.split()) - verbs
    else:
        kx, ky = set(x.keywords), set(y.keywords)
    inter = sum(idf.get(w, 1.0) for w in kx & ky)
    union = sum(idf.get(w, 1.0) for w in kx | ky) or 1.0
    s = inter / union
    mx, my = _measure_words(x), _measure_words(y)
    if x.kind in _SAID and y.kind in _SAID:
        mx, my = mx - {word_class(x.predicate)}, my - {word_class(y.predicate)}
    if mx and my and mx & my:
        s += 0.15 * len(mx & my) / min(len(mx), len(my))
        feats.append("measure")
    if x.quantity and y.quantity:
        qx, qy = x.quantity, y.quantity
        if unit_family(qx.unit) != unit_family(qy.unit):
            return 0.0, feats
        feats.append("unit")
        if qx.baseline != qy.baseline:
            s -= 0.15
        lx, hx = _interval(qx)
        ly, hy = _interval(qy)
        if qx.unit == qy.unit and (lx <= hy and ly <= hx):
            s += 0.2
            feats.append("value")
        elif qx.unit == qy.unit:
            rel = abs(lx - ly) / max(abs(lx), abs(ly), 1e-9)
            s += 0.1 * max(0.0, 1 - rel)
    if x.time and y.time:
        if x.time.begin <= y.time.end and y.time.begin <= x.time.end:
            s += 0.1
            feats.append("time")
            lx_days = (x.time.end - x.time.begin).days + 1
            ly_days = (y.time.end - y.time.begin).days + 1
            if max(lx_days, ly_days) > 25 * min(lx_days, ly_days):
                s -= 0.2  # a day's move is not a change over months
        else:
            s -= 0.25
    if x.cited_document and y.cited_document:
        s += 0.1
        feats.append("cites")
    if x.kind == y.kind and x.kind in ("proposal", "event"):
        s += 0.1
        feats.append("kind")
    if x.predicate and _same_class(x.predicate, y.predicate):
        if x.predicate in PREDICATE_CLASS:  # an outcome verb; "say" or "come" tell little
            s += 0.05
        feats.append("predicate")
    elif x.predicate and _opposite_class(x.predicate, y.predicate):
        s += 0.05  # "kept" / "cut" its guidance: about the same thing, saying opposite things
    feats.extend(differences(x, y, idf))
    return s, feats


def _measure_words(c: Claim) -> set[str]:
    return {w for w in map(word_class, c.measure_key.split()) if w}


def _interval(q: Quantity) -> tuple[float, float]:
    """The values a quantity allows once its qualifier is read generously (for matching only;
    the numeric rule decides conflicts with its own tolerances)."""
    lo, hi = q.bounds()
    span = max(abs(lo), abs(hi))
    if q.qualifier == "about":
        return lo - 0.1 * span, hi + 0.1 * span
    if q.qualifier == "under":
        return lo - 0.15 * span, hi
    if q.qualifier == "over":
        return lo, hi + 0.15 * span
    if q.qualifier == "at_least":
        return lo, hi + 0.5 * span
    if q.qualifier == "at_most":
        return lo - 0.5 * span, hi
    return lo, hi


def _same_class(a: str, b: str) -> bool:
    return bool(a) and PREDICATE_CLASS.get(a, a) == PREDICATE_CLASS.get(b, b)


def _opposite_class(a: str, b: str) -> bool:
    return frozenset((PREDICATE_CLASS.get(a, a), PREDICATE_CLASS.get(b, b))) in OPPOSITE_CLASSES


def _words(text: str) -> set[str]:
    stop = FUNCTION_WORDS | {"company", "s", "who", "which"}
    return {w.rstrip("s") for w in re.findall(r"[a-z][a-z\-]+", text.lower()) if w not in stop and len(w) > 1}


def differences(x: Claim, y: Claim, idf: dict[str, float] | None = None) -> list[str]:
    """Frame fields on which two matched claims differ, as '!field' features.

    Sources are compared on their distinctive words: a place name that half the story's
    claims mention ("Marbury") does not make two sources the same.
    """
    out = []
    sx, sy = _words(x.scope), _words(y.scope)
    if sx and sy and not (sx & sy):
        out.append("!scope")
    # what is measured, without the verb that says how it moved ("journeys rose" / "passenger
    # numbers rose" measure different things)
    mx = {w for w in _measure_words(x) if not is_outcome_class(w)}
    my = {w for w in _measure_words(y) if not is_outcome_class(w)}
    if mx and my and not (mx & my):
        out.append("!measure")
    if x.cited_document and y.cited_document:
        cx, cy = _words(x.cited_document), _words(y.cited_document)
        bx, by = cx, cy
    else:
        cx, cy = _words(_source_of(x.claimant)) - _PRONOUNS, _words(_source_of(y.claimant)) - _PRONOUNS
        # words in brackets resolve who the claimant is; they match, but do not distinguish
        bx = _words(_source_of(_BRACKETED.sub("", x.claimant))) - _PRONOUNS
        by = _words(_source_of(_BRACKETED.sub("", y.claimant))) - _PRONOUNS
    if cx and cy and not (x.claimant_vague and y.claimant_vague) and _different_sources(cx, cy, idf, bx, by):
        out.append("!source")
    if x.predicate and y.predicate and contradicts(x.predicate, x.negated, y.predicate, y.negated):
        out.append("!polarity")
    return out


_RELEASED_BY = re.compile(
    r"^.*?\b(?:figures|data|numbers|statistics|estimates|results)\s+(?:released|published|compiled|issued|"
    r"provided|supplied)?\s*(?:by|from)\s+",
    re.I,
)


def _source_of(claimant: str) -> str:
    """Who stands behind a claimant phrase: "internal figures released by X" -> "X"."""
    return _RELEASED_BY.sub("", claimant)


def _different_sources(
    cx: set[str],
    cy: set[str],
    idf: dict[str, float] | None,
    own_x: set[str] | None = None,
    own_y: set[str] | None = None,
) -> bool:
    """No word in common, or only words common across the story while both sides have
    distinctive words of their own ("Marbury Transit Authority" / "Better Buses Marbury")."""
    shared = cx & cy
    if not shared:
        return True
    if not idf:
        return False
    floor = _COMMON_IDF + min(idf.values(), default=0.0)

    def distinctive(ws: set[str]) -> set[str]:
        return {w for w in ws if idf.get(w, floor + 1) > floor}

    own_x = cx if own_x is None else own_x
    own_y = cy if own_y is None else own_y
    return not distinctive(shared) and bool(distinctive(own_x)) and bool(distinctive(own_y))


def match_claims(rows: list[Row], stories: dict[str, list[str]]) -> list[ClaimMatch]:
    """Greedy one-to-one matches between the claims of every two outlets of each story."""
    by_article: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        if r.claim.field == "body":
            by_article[r.article].append(r)
    matches: list[ClaimMatch] = []
    for arts in stories.values():
        story_rows = [r for a in arts for r in by_article[a]]
        idf = _idf(story_rows)
        for i, a in enumerate(arts):
            for b in arts[i + 1 :]:
                ra, rb = by_article[a], by_article[b]
                if not ra or not rb or ra[0].outlet == rb[0].outlet:
                    continue
                cands = []
                for x in ra:
                    for y in rb:
                        sc, feats = score(x.claim, y.claim, idf)
                        if sc >= MATCH_THRESHOLD:
                            cands.append((sc, x.iri, y.iri, feats))
                used_a: set[str] = set()
                used_b: set[str] = set()
                pair: list[tuple[str, str]] = []
                for sc, xa, yb, feats in sorted(cands, key=lambda t: (-t[0], t[1], t[2])):
                    if xa in used_a or yb in used_b:
                        continue
                    used_a.add(xa)
                    used_b.add(yb)
                    pair.append((xa, yb))
                    lo, hi = sorted((xa, yb))
                    matches.append(ClaimMatch(lo, hi, round(min(sc, 1.0), 4), tuple(feats)))
                matches += _siblings(pair, ra, rb, used_a, used_b, idf)
    return matches + _closure(matches, rows, by_article)


def _siblings(
    pair: list[tuple[str, str]],
    ra: list[Row],
    rb: list[Row],
    used_a: set[str],
    used_b: set[str],
    idf: dict[str, float],
) -> list[ClaimMatch]:
    """An article that repeats a figure ("will pay 9 per cent more" ... "a nine per cent rise,"
    a campaigner said) repeats a claim: the repetition is matched where the first one is."""
    by_iri = {r.iri: r for r in (*ra, *rb)}
    out = []
    for xa, yb in pair:
        for anchor, other, rows, used in ((yb, xa, rb, used_b), (xa, yb, ra, used_a)):
            q = by_iri[anchor].claim.quantity
            if q is None:
                continue
            for r in rows:
                rq = r.claim.quantity
                if r.iri in used or rq is None or rq.unit != q.unit or rq.bounds() != q.bounds():
                    continue
                if not (set(r.claim.keywords) & set(by_iri[anchor].claim.keywords)):
                    continue
                used.add(r.iri)
                sc, feats = score(by_iri[other].claim, r.claim, idf)
                lo, hi = sorted((other, r.iri))
                out.append(ClaimMatch(lo, hi, round(max(0.0, min(sc, 1.0)), 4), (*feats, "sibling")))
    return out


def _closure(
    matches: list[ClaimMatch], rows: list[Row], by_article: dict[str, list[Row]]
) -> list[ClaimMatch]:
    """Claims matched through a third outlet are matched too (a~b, b~c => a~c), within limits.

    A chain never joins two claims of one article, nor two claims of articles that already
    matched each other to something else.
    """
    row = {r.iri: r for r in rows}
    parent = {m.a: m.a for m in matches} | {m.b: m.b for m in matches}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for m in matches:
        parent[find(m.a)] = find(m.b)
    clusters: dict[str, list[str]] = defaultdict(list)
    for c in parent:
        clusters[find(c)].append(c)
    have = {(m.a, m.b) for m in matches}
    used = {(row[m.a].article, m.a, row[m.b].article) for m in matches} | {
        (row[m.b].article, m.b, row[m.a].article) for m in matches
    }
    busy = {(a, art) for a, _, art in ((u[1], None, u[2]) for u in used)}
    idf = _idf(rows)
    extra = []
    for members in clusters.values():
        members.sort()
        arts = [row[c].article for c in members]
        if len(set(arts)) != len(arts):
            continue
        for i, x in enumerate(members):
            for y in members[i + 1 :]:
                if (x, y) in have or row[x].outlet == row[y].outlet:
                    continue
                if (x, row[y].article) in busy or (y, row[x].article) in busy:
                    continue
                sc, feats = score(row[x].claim, row[y].claim, idf)
                extra.append(ClaimMatch(x, y, round(max(0.0, min(sc, 1.0)), 4), (*feats, "transitive")))
    return extra


def headline_links(rows: list[Row]) -> list[ClaimMatch]:
    """Each headline linked to the body claim of its own article that it restates best."""
    by_article: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_article[r.article].append(r)
    out = []
    for arts in by_article.values():
        idf = _idf(arts)
        body = [r for r in arts if r.claim.field == "body"]
        for h in (r for r in arts if r.claim.field == "title"):
            scored = []
            for b in body:
                hx, bx = h.claim, b.claim
                if (hx.quantity is None) != (bx.quantity is None):
                    hx, bx = replace(hx, quantity=None), replace(bx, quantity=None)
                sc, _ = score(hx, bx, idf)
                if h.claim.modality == bx.modality == "proposed":
                    sc += 0.1
                scored.append((sc, b.iri))
            if scored:
                sc, best = max(scored)
                if sc >= 0.12:
                    out.append(ClaimMatch(h.iri, best, round(min(sc, 1.0), 4), ("headline",)))
    return out


def align(store: Store) -> tuple[dict[str, list[str]], list[ClaimMatch]]:
    """Group articles into stories, match claims, and write both to their named graphs."""
    rows = load_rows(store)
    stories = group_stories(rows)
    matches = match_claims(rows, stories) + headline_links(rows)
    st: list[Triple] = []
    for s, arts in stories.items():
        sn = NamedNode(s)
        st.append(Triple(sn, NamedNode(RDF + "type"), NamedNode(CG + "Story")))
        st.extend(Triple(sn, NamedNode(CG + "hasArticle"), NamedNode(a)) for a in arts)
    mt: list[Triple] = []
    for m in matches:
        mn = NamedNode(f"{ID}match/{hashlib.sha256((m.a + ' ' + m.b).encode()).hexdigest()[:20]}")
        mt += [
            Triple(mn, NamedNode(RDF + "type"), NamedNode(CG + "ClaimMatch")),
            Triple(mn, NamedNode(CG + "claimA"), NamedNode(m.a)),
            Triple(mn, NamedNode(CG + "claimB"), NamedNode(m.b)),
            Triple(mn, NamedNode(CG + "score"), Literal(repr(m.score), datatype=NamedNode(XSD + "double"))),
        ]
        mt += [
            Triple(mn, NamedNode(CG + ("differsOn" if f[0] == "!" else "agreedOn")), Literal(f.lstrip("!")))
            for f in m.features
        ]
    replace_graph(store, STORIES_GRAPH, st)
    replace_graph(store, MATCHES_GRAPH, mt)
    return stories, matches
