"""The align stage: which claims from different outlets are about the same thing.

Articles are first grouped into stories (connected components of articles whose claims share
weighted vocabulary), so that claims are only ever compared within a story; inside a story
each pair of articles from different outlets is matched one to one, greedily by score (every
pair of a story's claims is scored at once, by :mod:`claimgraph.pairs`). The matches and the
stories are written to their own named graphs as data.

Everything after the grouping is local to a story: its matches (tagged ``cg:story``), its
syndicated copies and, in :mod:`claimgraph.detect`, its findings depend only on the claims of
its own articles. :func:`realign` uses that to re-run alignment for the stories that changed
articles touch and nothing else; its result equals a full :func:`align`. The grouping itself
weighs words by how many articles in the whole store use them, so it is recomputed for every
article each time, from the story index: every article's word bag, kept in 64 documents
(``cg:storyTerms`` on the story-index graph) that are read in one lookup and rewritten only
where an article changed, beside each article's checksum and extractor version as aligned,
the articles of every story and a digest of each story's matches.
"""

from __future__ import annotations

import base64
import calendar
import functools
import hashlib
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
from pyoxigraph import Literal, NamedNode, Quad, QuerySolutions, RdfFormat, Store, Triple

from .background import BackgroundWriter
from .errors import GraphError
from .graph import RDF_JSON, insert_data, read_claims
from .groups import Groups
from .lexicon import (
    FUNCTION_WORDS,
    HONORIFICS,
    OPPOSITE_CLASSES,
    PEOPLE_WORDS,
    PREDICATE_CLASS,
    WITHHELD,
    contradicts,
    describes_a_thing,
    is_outcome_class,
    key_words,
    money_basis,
    synonym,
    word_class,
)
from .model import Claim, ClaimMatch, Quantity, TimeSpan
from .pairs import FAR_APART, FEATURES, QUOTE_WORDS, SCALE_SLIP, closeness, pair_scores
from .vocab import CG, ID, MATCHES_GRAPH, RDF, SCHEMA, SPARQL_PREFIXES, STORIES_GRAPH, XSD

STORY_THRESHOLD = 0.12
# ... and what two articles share besides the one word they share most must reach this much of
# the cosine: one name in common (the town two stories happen in) does not make a story
STORY_SECOND = 0.05
# a link under this cosine holds two articles together only where a third article is linked to
# both, or one of them has no other link (see _supported)
STORY_STRONG = 0.2
MATCH_THRESHOLD = 0.30
_COMMON_IDF = 0.8  # words within this of the story's most common word count as common
_BRACKETED = re.compile(r"\([^()]*\)")
_PRONOUNS = frozenset({"he", "she", "they", "we", "it", "i", "you", "one"})
# words of a claimant that say what someone is, not who: "a Larkspur spokesman" and "Chief
# executive Ilse Varga (Larkspur)" are both Larkspur; "the operator" is the operator's name
_ROLE_WORDS = frozenset(
    "spokesman spokeswoman spokesperson official officer chief executive ceo director chairman "
    "chairwoman chair president head manager representative boss operator firm group business "
    "carrier airline utility provider supplier".split()
)
_SAID = frozenset({"attribution", "quote", "event"})  # what is said (or done): compared without the verb
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
    return _IN_COMMON_UNIT.get(unit, (unit,))[0]


def load_rows(store: Store, articles: Iterable[str] | None = None) -> list[Row]:
    """The claims of every article, or of the articles given (IRIs), in a stable order."""
    return [
        Row(c, m["iri"], m["article"], m["outlet"] or m["article"])
        for c, m in read_claims(store, articles=articles)
    ]


def group_stories(rows: list[Row]) -> dict[str, list[str]]:
    """story IRI -> sorted article IRIs; articles linked when their vocabularies overlap enough."""
    return stories_from_bags(article_bags(rows))


def article_bags(rows: list[Row]) -> dict[str, Counter[str]]:
    """article IRI -> how often each keyword occurs in its claims (what stories are grouped on)."""
    bags: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        bags[r.article].update(r.claim.keywords)
    return dict(bags)


_DISTINCTIVE_DF = 64  # words in more articles than this are "common" when looking for candidates


Bag = tuple[np.ndarray, np.ndarray]  # an article's words (as 64-bit hashes, ascending) and counts


@functools.lru_cache(maxsize=1 << 18)
def _word_hash(word: str) -> int:
    """A word's 64-bit number: its two top bits say how rare the word is in English at large
    (see _rarity), the rest are a hash of it."""
    h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")
    return (h & ((1 << 62) - 1)) | (_rarity(word) << 62)


def _rarity(word: str) -> int:
    """0 (an everyday word) .. 3 (a name or a term hardly used elsewhere), by the word's Zipf
    frequency in general English: what two articles have in common tells of one story the
    more, the rarer it is ("Dolvane", "Carrow" over "evacuate", "firefighter")."""
    from wordfreq import zipf_frequency

    z = zipf_frequency(_USUAL_FORM.get(word, word), "en")
    return 3 if z < 2.5 else 2 if z < 3.5 else 1 if z < 4.5 else 0


# lemmas rarer than the word they stand for ("datum" for "data"): weighed as that word
_USUAL_FORM = {"datum": "data", "medium": "media", "criterion": "criteria", "bacterium": "bacteria"}


# how much a shared word counts in story grouping, by its rarity (the hash's two top bits)
_RARITY_WEIGHT = np.array([0.15, 0.35, 0.7, 1.0])


def bag_arrays(bag: Counter[str] | Bag) -> Bag:
    """A bag of words as arrays: each word's 64-bit hash (ascending) and its count. Words are
    numbered by hash, not by a vocabulary, so the story index needs no vocabulary to keep."""
    if isinstance(bag, tuple):
        return bag
    h = np.fromiter((_word_hash(w) for w in bag), dtype=np.uint64, count=len(bag))
    c = np.fromiter(bag.values(), dtype=np.int64, count=len(bag))
    order = np.argsort(h, kind="stable")
    return h[order], c[order]


@dataclass(frozen=True)
class Bags:
    """The word bags of many articles end to end: article ``i``'s word hashes (ascending) and
    counts are the next ``lengths[i]`` entries of ``hashes`` and ``counts``. Grouping reads
    these arrays as they are, and the story index stores them so."""

    articles: list[str]
    lengths: np.ndarray  # int64
    hashes: np.ndarray  # uint64
    counts: np.ndarray  # int64

    @classmethod
    def of(cls, bags: Mapping[str, Counter[str] | Bag]) -> Bags:
        """The bags given, in article order."""
        arts = sorted(bags)
        if not arts:
            return cls.concat([])
        arrays = [bag_arrays(bags[a]) for a in arts]
        return cls(
            arts,
            np.fromiter((len(h) for h, _ in arrays), dtype=np.int64, count=len(arrays)),
            np.concatenate([h for h, _ in arrays]).astype(np.uint64),
            np.concatenate([c for _, c in arrays]).astype(np.int64),
        )

    @classmethod
    def concat(cls, parts: list[Bags]) -> Bags:
        if not parts:
            return cls([], np.zeros(0, np.int64), np.zeros(0, np.uint64), np.zeros(0, np.int64))
        return cls(
            [a for p in parts for a in p.articles],
            np.concatenate([p.lengths for p in parts]).astype(np.int64),
            np.concatenate([p.hashes for p in parts]).astype(np.uint64),
            np.concatenate([p.counts for p in parts]).astype(np.int64),
        )

    def as_dict(self) -> dict[str, Bag]:
        cuts = np.cumsum(self.lengths)[:-1]
        return dict(
            zip(
                self.articles,
                zip(np.split(self.hashes, cuts), np.split(self.counts, cuts), strict=True),
                strict=True,
            )
        )


def stories_from_bags(bags: Mapping[str, Counter[str] | Bag] | Bags) -> dict[str, list[str]]:
    """Connected components of articles whose tf-idf cosine reaches STORY_THRESHOLD (or, in a
    store of at most four articles, whose raw keyword cosine reaches 0.25).

    Each word's weight is its idf in the store times its rarity in English at large
    (_RARITY_WEIGHT): two floods or two fires share many words (evacuate, firefighter, roof),
    one story shares names (Dolvane, Carrow Hills). In a store of a few stories idf alone
    cannot tell those apart.

    Only pairs that can reach the threshold are compared. Words in at most _DISTINCTIVE_DF
    articles are distinctive: an inverted index over them gives the pairs that share one, and
    their dot products over those words. The common words' part of a dot product is bounded by
    Cauchy-Schwarz (|a_common| |b_common|), so it is only computed when the bound decides;
    pairs that share no distinctive word are compared only if that bound alone can reach the
    threshold. The stories are the same as when every pair is compared, and the same whatever
    the order of the articles.
    """
    b = bags if isinstance(bags, Bags) else Bags.of(bags)
    arts = b.articles
    if not arts:
        return {}
    pairs = _supported(*_named_apart(b, *_linked_pairs(b))) if len(arts) > 4 else _few_linked_pairs(b)
    label = _components(len(arts), *pairs)
    order = np.argsort(label, kind="stable")
    cuts = np.flatnonzero(np.diff(label[order])) + 1
    groups = [sorted(arts[i] for i in g.tolist()) for g in np.split(order, cuts)]
    return {story_iri(members): members for members in groups}


def _named_apart(
    bags: Bags, ia: np.ndarray, ib: np.ndarray, cos: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The links but those between two articles that each name something more than once (a
    word of the rarest class, _rarity 3) and name nothing in common: a vaccination campaign in
    Brennmoor and a measles outbreak in Kessmoor share every word of their kind (clinic, dose,
    uptake, vaccinate) and no name. An article that repeats no name of its own (a trade
    paper's summary) keeps its links."""
    if not len(ia):
        return ia, ib, cos
    ends = np.cumsum(bags.lengths)
    rare = (bags.hashes >> np.uint64(62)) == 3
    names: dict[int, tuple[set[int], bool]] = {}

    def named(i: int) -> tuple[set[int], bool]:
        if i not in names:
            lo, hi = int(ends[i] - bags.lengths[i]), int(ends[i])
            mask = rare[lo:hi]
            names[i] = (set(bags.hashes[lo:hi][mask].tolist()), bool((bags.counts[lo:hi][mask] >= 2).any()))
        return names[i]

    keep = np.ones(len(ia), dtype=bool)
    for k, (i, j) in enumerate(zip(ia.tolist(), ib.tolist(), strict=True)):
        (wi, ri), (wj, rj) = named(i), named(j)
        keep[k] = not (ri and rj and not wi & wj)
    return ia[keep], ib[keep], cos[keep]


def _supported(ia: np.ndarray, ib: np.ndarray, cos: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The links that hold articles together: a weak one (cosine under STORY_STRONG) only
    where the two articles have a linked article in common, or one of them has no other link.

    Two stories of one kind (two ships aground, a ship and a wind farm that share a bank's
    name) can reach the threshold through one pair of their articles; that pair alone would
    make the two stories one. The articles of one story are linked around (a weak link has a
    third article both reach), and a story's second article, or an article that joins a story
    through one of its articles only, is kept by the rule's second half."""
    weak = np.flatnonzero(cos < STORY_STRONG)
    if not len(weak):
        return ia, ib
    neighbours: dict[int, set[int]] = defaultdict(set)
    for i, j in zip(ia.tolist(), ib.tolist(), strict=True):
        neighbours[i].add(j)
        neighbours[j].add(i)
    keep = np.ones(len(ia), dtype=bool)
    for k in weak.tolist():
        i, j = int(ia[k]), int(ib[k])
        alone = len(neighbours[i]) == 1 or len(neighbours[j]) == 1
        keep[k] = alone or bool(neighbours[i] & neighbours[j])
    return ia[keep], ib[keep]


def _few_linked_pairs(bags: Bags) -> tuple[np.ndarray, np.ndarray]:
    """The linked pairs of a store of at most four articles, where tf-idf says little: their
    tf-idf cosine reaches STORY_THRESHOLD or their raw keyword cosine reaches 0.25."""
    arts = bags.articles
    few = {a: dict(zip(h.tolist(), c.tolist(), strict=True)) for a, (h, c) in bags.as_dict().items()}
    df: Counter[int] = Counter()
    for a in arts:
        df.update(few[a].keys())
    n = len(arts)
    weight = {w: math.log((1 + n) / (1 + d)) * float(_RARITY_WEIGHT[w >> 62]) + 0.0 for w, d in df.items()}
    vec = {a: {w: few[a][w] * weight[w] for w in few[a]} for a in arts}
    pairs = [
        (i, j)
        for i, a in enumerate(arts)
        for j in range(i + 1, n)
        if _linked(vec[a], vec[arts[j]]) or _cos(few[a], few[arts[j]]) >= 0.25
    ]
    return np.array([i for i, _ in pairs], dtype=np.int64), np.array([j for _, j in pairs], dtype=np.int64)


def _linked(a: Mapping[int, float], b: Mapping[int, float]) -> bool:
    """Whether two weighted bags reach STORY_THRESHOLD, and STORY_SECOND without the word
    they share most (as :func:`_linked_pairs` decides)."""
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    if not na or not nb:
        return False
    prods = [a[w] * b[w] for w in sorted(a.keys() & b.keys())]
    dot = sum(prods)
    top = max(prods, default=0.0)
    return dot / (na * nb) >= STORY_THRESHOLD and (dot - top) / (na * nb) >= STORY_SECOND


def _components(n: int, ia: np.ndarray, ib: np.ndarray) -> np.ndarray:
    """The connected component of each of n items, given the pairs joined: each item's label
    is the smallest item it is connected to (labels spread along the pairs, and each label
    jumps to its own label, until nothing changes)."""
    label = np.arange(n)
    while True:
        low = np.minimum(label[ia], label[ib])
        new = label.copy()
        np.minimum.at(new, ia, low)
        np.minimum.at(new, ib, low)
        new = new[new]
        if np.array_equal(new, label):
            return label
        label = new


def _sorted_by(key: np.ndarray) -> np.ndarray:
    """A stable argsort of non-negative int64 keys: one sort of key and position packed into
    one integer when they fit (several times faster than a stable argsort), else argsort."""
    n = len(key)
    bits = max(int(n - 1).bit_length(), 1)
    if n == 0 or int(key.max()) < (1 << (62 - bits)):
        return np.sort((key << bits) | np.arange(n, dtype=np.int64)) & ((1 << bits) - 1)
    return np.argsort(key, kind="stable")


def _linked_pairs(bags: Bags) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Indices (i < j) of the articles whose tf-idf cosine reaches STORY_THRESHOLD, and their
    cosines, found without comparing every pair (see :func:`stories_from_bags`).

    Each dot product is summed in the order of the words' hashes, whatever the order of the
    articles: an incremental run and a full one decide every pair alike."""
    n = len(bags.articles)
    hashes, count = bags.hashes, bags.counts
    # each entry's word as a number, in the order of the hashes: np.unique(return_inverse=True)
    # by hand, which takes a third less time here
    by_hash = np.argsort(hashes, kind="stable")
    sorted_hashes = hashes[by_hash]
    new_word = np.r_[True, sorted_hashes[1:] != sorted_hashes[:-1]] if len(hashes) else np.zeros(0, bool)
    word = np.empty(len(hashes), dtype=np.int64)
    word[by_hash] = np.cumsum(new_word) - 1
    art = np.repeat(np.arange(n, dtype=np.int64), bags.lengths)
    df = np.bincount(word, minlength=int(new_word.sum()))
    rarity = _RARITY_WEIGHT[(hashes >> np.uint64(62)).astype(np.int64)]
    val = count.astype(np.float64) * np.log((1 + n) / (1 + df[word])) * rarity
    norm = np.sqrt(np.bincount(art, val * val, minlength=n))
    is_common = (df[word] > _DISTINCTIVE_DF) & (val > 0)
    cnorm = np.sqrt(np.bincount(art[is_common], val[is_common] ** 2, minlength=n))
    # pairs sharing a distinctive word, and their dot products over those words
    d = (df[word] <= _DISTINCTIVE_DF) & (val > 0)
    order = _sorted_by(word[d].astype(np.int64) * n + art[d])
    wd, ad, vd = word[d][order], art[d][order], val[d][order]
    starts = np.flatnonzero(np.r_[True, wd[1:] != wd[:-1]])
    sizes = np.diff(np.r_[starts, len(wd)])
    group_end = np.repeat(starts + sizes, sizes)
    partners = group_end - np.arange(len(wd)) - 1
    left = np.repeat(np.arange(len(wd)), partners)
    first = np.repeat(np.cumsum(partners) - partners, partners)
    right = left + 1 + (np.arange(len(left)) - first)
    key = ad[left] * n + ad[right]
    prod = vd[left] * vd[right]
    by_key = _sorted_by(key)
    key, prod = key[by_key], prod[by_key]
    heads = np.flatnonzero(np.r_[True, key[1:] != key[:-1]]) if len(key) else np.zeros(0, dtype=np.int64)
    pair_key = key[heads]
    dot = np.add.reduceat(prod, heads) if len(key) else np.zeros(0)
    top = np.maximum.reduceat(prod, heads) if len(key) else np.zeros(0)  # the word shared most
    # pairs sharing no distinctive word can only link through common words: bounded
    ratio = np.divide(cnorm, norm, out=np.zeros(n), where=norm > 0)
    # (in descending order of ratio, each article pairs with the run of articles after it
    # whose ratio times its own still reaches the threshold)
    floor = STORY_THRESHOLD * (1 - 1e-9)  # what a bound must reach, with room for rounding
    by_ratio = np.flatnonzero(ratio > 0)
    by_ratio = by_ratio[np.argsort(-ratio[by_ratio], kind="stable")]
    r = ratio[by_ratio]
    reach = np.searchsorted(-r, -(floor / np.where(r > 0, r, 1)) * (1 - 1e-12), side="right")
    runs = np.maximum(reach - np.arange(len(r)) - 1, 0)
    left = np.repeat(np.arange(len(r)), runs)
    right = left + 1 + (np.arange(len(left)) - np.repeat(np.cumsum(runs) - runs, runs))
    ok = r[left] * r[right] >= floor
    li, lj = by_ratio[left[ok]], by_ratio[right[ok]]
    extra = np.minimum(li, lj) * n + np.maximum(li, lj)
    if len(extra):  # (pair_key is sorted)
        more = np.unique(extra.astype(np.int64))
        at = np.minimum(np.searchsorted(pair_key, more), max(len(pair_key) - 1, 0))
        more = more[pair_key[at] != more] if len(pair_key) else more
        pair_key = np.r_[pair_key, more]
        dot = np.r_[dot, np.zeros(len(more))]
        top = np.r_[top, np.zeros(len(more))]
    ia, ib = pair_key // n, pair_key % n
    den = norm[ia] * norm[ib]
    cos = np.divide(dot, den, out=np.zeros(len(dot)), where=den > 0)
    # (the common words can only add to a dot product, and to what is left without its top
    # word: a pair that reaches both bars on its distinctive words alone is linked)
    second = np.divide(dot - top, den, out=np.zeros(len(dot)), where=den > 0)
    linked = (cos >= STORY_THRESHOLD) & (second >= STORY_SECOND)
    unsure = ~linked & (den > 0) & ((dot + cnorm[ia] * cnorm[ib]) / np.where(den > 0, den, 1) >= floor)
    out_i, out_j, out_c = [ia[linked]], [ib[linked]], [cos[linked]]
    if unsure.any():  # the common words' part decides: computed exactly for these pairs
        ui, uj, udot, uden, utop = ia[unsure], ib[unsure], dot[unsure], den[unsure], top[unsure]
        rows, at = np.unique(np.r_[ui, uj], return_inverse=True)
        cols, col_of = np.unique(word[is_common], return_inverse=True)
        dense = np.zeros((len(rows), len(cols)))  # the common words' weights of these articles
        keep = np.isin(art[is_common], rows)
        dense[np.searchsorted(rows, art[is_common][keep]), col_of[keep]] = val[is_common][keep]
        xi, xj = at[: len(ui)], at[len(ui) :]
        for lo in range(0, len(ui), 1 << 16):
            part = slice(lo, lo + (1 << 16))
            left_w, right_w = dense[xi[part]], dense[xj[part]]  # (each gathered once)
            both = left_w * right_w
            common_dot = np.einsum("ij,ij->i", left_w, right_w)
            total = udot[part] + common_dot
            most = np.maximum(utop[part], both.max(axis=1, initial=0.0))
            cos_part = total / uden[part]
            ok = (cos_part >= STORY_THRESHOLD) & ((total - most) / uden[part] >= STORY_SECOND)
            out_i.append(ui[part][ok])
            out_j.append(uj[part][ok])
            out_c.append(cos_part[ok])
    return np.concatenate(out_i), np.concatenate(out_j), np.concatenate(out_c)


def story_iri(articles: list[str]) -> str:
    return f"{ID}story/{hashlib.sha256(min(articles).encode()).hexdigest()[:16]}"


def _cos(a: Mapping[Any, float], b: Mapping[Any, float]) -> float:
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _idf(rows: list[Row]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for r in rows:
        df.update(set(r.claim.keywords))
    n = len(rows) or 1
    return {w: math.log((1 + n) / (1 + c)) + 0.5 for w, c in df.items()}


def score(x: Claim, y: Claim, idf: dict[str, float]) -> tuple[float, list[str]]:
    """How likely two claims are about the same thing (0..1), and which features agreed."""
    feats: list[str] = []
    if (
        (x.quantity is None) != (y.quantity is None)
        and not _opposite_outcomes(x, y)
        and not (describing_amount(x) or describing_amount(y))
    ):
        return 0.0, feats
    if (bx := money_basis(x.text)) and (by := money_basis(y.text)) and bx != by:
        return 0.0, feats  # after inflation / in cash terms: two measures
    if (x.predicate == WITHHELD) != (y.predicate == WITHHELD):
        return 0.0, feats  # what a source would not say neither supports nor contradicts a claim
    if x.kind in _SAID and y.kind in _SAID and x.measure_key and y.measure_key:
        # what is said, not who says it, nor the bare verb ("came" / "has come")
        verbs = {x.predicate, y.predicate}
        mkx, mky = set(x.measure_key.split()), set(y.measure_key.split())
        if (
            "quote" in (x.kind, y.kind)
            and {x.kind, y.kind} <= {"quote", "event"}
            and len(mkx & mky) < QUOTE_WORDS
        ):
            return 0.0, feats  # two things one person said, or something said and an event
        kx, ky = mkx - verbs, mky - verbs
        if not kx or not ky:
            kx, ky = mkx, mky  # a bare verb ("nothing has yet been recovered") is what is said
    else:
        kx, ky = set(x.keywords), set(y.keywords)
    inter = sum(idf.get(w, 1.0) for w in kx & ky)
    union = sum(idf.get(w, 1.0) for w in kx | ky) or 1.0
    s = inter / union
    mx, my = _measure_words(x), _measure_words(y)
    if x.kind in _SAID and y.kind in _SAID:
        mx, my = mx - {word_class(x.predicate)}, my - {word_class(y.predicate)}
    # two measures that share no word but the verb ("pay rose" / "unemployment climbed"): the
    # same movement of different things
    nx_, ny_ = _not_outcomes(mx), _not_outcomes(my)
    if mx and my and mx & my and not (nx_ and ny_ and not nx_ & ny_):
        s += 0.15 * len(mx & my) / min(len(mx), len(my))
        feats.append("measure")
    if x.quantity and y.quantity:
        qx, qy = x.quantity, y.quantity
        if unit_family(qx.unit) != unit_family(qy.unit):
            return 0.0, feats
        feats.append("unit")
        if qx.baseline != qy.baseline:
            s -= 0.15
        ux, lx, hx = comparable(qx)
        uy, ly, hy = comparable(qy)
        if ux == uy and _far_apart(lx, hx, ly, hy):
            return 0.0, feats
        if (cx := counted(x)) and cx == counted(y) and idf.get(cx, 0.0) >= COUNTED_IDF:
            s += COUNTED_BONUS
        elif ux == uy and physical(qx.unit):
            s += COUNTED_BONUS  # one physical unit says as much as one counted noun ("cubic metres")
        if ux == uy and (lx <= hy and ly <= hx):
            s += 0.2
            feats.append("value")
        elif ux == uy:
            rel = abs(lx - ly) / max(abs(lx), abs(ly), 1e-9)
            s += 0.1 * max(0.0, 1 - rel)
    tx, ty = _stated_time(x), _stated_time(y)
    if tx and ty:
        if tx.begin <= ty.end and ty.begin <= tx.end:
            s += 0.1
            feats.append("time")
            lx_days = (tx.end - tx.begin).days + 1
            ly_days = (ty.end - ty.begin).days + 1
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
        elif x.kind in _SAID and y.kind in _SAID and x.predicate not in _LIGHT_VERBS:
            s += STATED_VERB_BONUS  # two statements of one thing ("were interchangeable" / "are not ...")
        feats.append("predicate")
    elif x.predicate and _opposite_class(x.predicate, y.predicate):
        s += 0.05  # "kept" / "cut" its guidance: about the same thing, saying opposite things
    apart = (
        tx is not None
        and ty is not None
        and (max(tx.begin, ty.begin) - min(tx.end, ty.end)).days > CONTRADICTION_DAYS
    )
    if "measure" in feats and not (x.quantity and y.quantity) and not apart and _opposite_outcomes(x, y):
        s += CONTRADICTION_BONUS
    feats.extend(differences(x, y, idf))
    return s, feats


def _stated_time(c: Claim) -> TimeSpan | None:
    """The time a claim's own sentence states: not the reporting period an earlier sentence
    set (relation "context"), which says little of whether two claims are one."""
    return c.time if c.time is not None and c.time.relation != "context" else None


def _other_times(x: Claim, y: Claim) -> bool:
    """Whether both claims state a time and the two times do not overlap."""
    tx, ty = _stated_time(x), _stated_time(y)
    return tx is not None and ty is not None and (tx.end < ty.begin or ty.end < tx.begin)


def _far_apart(lx: float, hx: float, ly: float, hy: float) -> bool:
    """Whether two amounts in one unit are more than FAR_APART times apart, and not by a slip
    of scale (a thousand times)."""
    mx, my = max(abs(lx), abs(hx)), max(abs(ly), abs(hy))
    small, large = min(mx, my), max(mx, my)
    return (
        small > 0 and large > FAR_APART * small and not math.isclose(large, SCALE_SLIP * small, rel_tol=0.01)
    )


def _not_outcomes(words: set[str]) -> set[str]:
    """A measure's words without its outcome verbs: what is measured, not how it moved."""
    return {w for w in words if not is_outcome_class(w)}


# the word right after an amount: what it counts or measures ("2,100 objections", "180 tonnes
# of chemicals")
_COUNTED = re.compile(r"\s*(?:of\s+(?:the\s+)?)?([A-Za-z][A-Za-z-]+)")


def _after_amount(c: Claim, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """``pattern`` matched right after a claim's amount, in its text."""
    q = c.quantity
    if q is None or not c.start <= q.end <= c.end:
        return None
    return pattern.match(c.text, q.end - c.start)


def counted(c: Claim) -> str:
    """The word an amount counts, as keywords give it ("objection" for "more than 2,100
    objections"), or "" when a function word or nothing follows the amount."""
    m = _after_amount(c, _COUNTED)
    if m is None or (w := m.group(1).lower()) in FUNCTION_WORDS:
        return ""
    out = " ".join(key_words(w))
    return "" if out in PEOPLE_WORDS or out == "people" else out


# what two reported statements say with the same verb, not a light one ("the tablets were
# interchangeable" / "are not directly interchangeable"): the verbs are left out of the words
# compared (they would pair every two things "said"), so this gives back some of their weight
STATED_VERB_BONUS = 0.05
COUNTED_BONUS = 0.1
# two outcomes that contradict each other, said of what shares a measure word, not both with an
# amount and not at stated times more than CONTRADICTION_DAYS apart ("an appeal had been lodged"
# / "no appeal had yet been filed"): the pair a polarity finding is about, though reports word it
# apart (a lawyer's "lodged" on Tuesday and "not yet filed" on Thursday are not apart; "opened in
# 2019" and "would close in 2027" are)
CONTRADICTION_BONUS = 0.1
CONTRADICTION_DAYS = 31
COUNTED_IDF = 2.5
# units that say nothing of what is measured (a physical unit such as cubic metres or tonnes does)
_NOT_PHYSICAL = frozenset({"", "count", "percent", "percentage_point", "times", "money", "duration"})


def physical(unit: str) -> bool:
    """Whether a unit is a physical one ("tonne", "cubic_metre"), not a count, share or sum."""
    return unit_family(unit) not in _NOT_PHYSICAL


def _measure_words(c: Claim) -> set[str]:
    return {w for w in map(word_class, c.measure_key.split()) if w}


# a duration's length in days, so that "within 14 days" and "two weeks" are one figure
_DAYS = {
    "second": 1 / 86400,
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "month": 365.25 / 12,
    "year": 365.25,
    "decade": 3652.5,
}


# power in megawatts and energy in megawatt-hours, so that "1.4 GW" and "around 1,400
# megawatts" are one figure
_IN_COMMON_UNIT = {
    **{unit: ("day", days) for unit, days in _DAYS.items()},
    "kW": ("MW", 0.001),
    "MW": ("MW", 1.0),
    "GW": ("MW", 1000.0),
    "kWh": ("MWh", 0.001),
    "MWh": ("MWh", 1.0),
    "GWh": ("MWh", 1000.0),
    "TWh": ("MWh", 1e6),
    # lengths in metres, masses in kilograms ("a 3.4-kilometre line" / "the 3,400-metre gondola")
    "mm": ("m", 0.001),
    "cm": ("m", 0.01),
    "m": ("m", 1.0),
    "km": ("m", 1000.0),
    "mile": ("m", 1609.344),
    "g": ("kg", 0.001),
    "kg": ("kg", 1.0),
    "tonne": ("kg", 1000.0),
}


def comparable(q: Quantity) -> tuple[str, float, float]:
    """The unit two amounts are compared in, and :func:`_interval` in it: durations in days,
    power and energy in megawatts and megawatt-hours, lengths in metres, masses in kilograms,
    every other amount in its own unit.
    Only matching converts: the rules compare amounts as written, in one unit."""
    lo, hi = _interval(q)
    if (common := _IN_COMMON_UNIT.get(q.unit)) is not None:
        unit, factor = common
        return unit, lo * factor, hi * factor
    return q.unit, lo, hi


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


def describing_amount(c: Claim) -> bool:
    """Whether the claim's amount only describes a thing, run into its noun by a hyphen ("a
    420-place primary school", "a 1,450-home scheme"): a claim without that detail ("to build a
    primary school") may still be the same claim."""
    q = c.quantity
    return q is not None and c.start <= q.end <= c.end and describes_a_thing(c.text, q.end - c.start)


def _opposite_outcomes(x: Claim, y: Claim) -> bool:
    """Two outcomes that contradict each other ("the list grew by 1,900" / "the list did fall"):
    comparable though only one of them gives an amount."""
    return (
        x.predicate in PREDICATE_CLASS
        and y.predicate in PREDICATE_CLASS
        and contradicts(x.predicate, x.negated, y.predicate, y.negated)
    )


def _same_class(a: str, b: str) -> bool:
    return bool(a) and PREDICATE_CLASS.get(a, a) == PREDICATE_CLASS.get(b, b)


def _opposite_class(a: str, b: str) -> bool:
    return frozenset((PREDICATE_CLASS.get(a, a), PREDICATE_CLASS.get(b, b))) in OPPOSITE_CLASSES


def _words(text: str) -> set[str]:
    stop = FUNCTION_WORDS | {"company", "s", "who", "which"}
    return {w.rstrip("s") for w in re.findall(r"[a-z][a-z\-]+", text.lower()) if w not in stop and len(w) > 1}


def _scope_words(scope: str) -> set[str]:
    """A scope's words, a word reports use interchangeably given as its class ("in port" / "in
    the harbour"); the people of a place, however named, as one ("of the population" / "of
    residents")."""
    return {_WHOLE_POPULATION.get(w, w) for word in _words(scope) for w in synonym(word)}


_WHOLE_POPULATION = dict.fromkeys(("population", "resident", "inhabitant", "people", "citizen"), "population")


# the words that say how wide an area is ("region", "city"), as _words leaves them
_PLACE_LEVELS = frozenset(
    "city town village region regional province provincial country countrie national nationwide "
    "county countie district state borough municipality metropolitan".split()
)


_SCOPE_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_PLACE_NAME = re.compile(r"(?<![\w'-])[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*")


def _place_names(scope: str) -> set[str]:
    """The names a scope gives ("Longmere", "Hatch End" of "across Longmere and Hatch End")."""
    out = set()
    for m in _PLACE_NAME.finditer(scope):
        if m.group(0).endswith("'s"):
            continue  # "in Eskeland's northern Tarnholm region": where the place is
        words = m.group(0).split()
        while words and words[0].lower() in FUNCTION_WORDS:
            words.pop(0)
        if words:
            out.add(" ".join(words))
    return out


def _fewer_places(x: str, y: str) -> bool:
    """Whether a scope names some of the places another names and no others ("in Longmere
    alone" / "across Longmere and Hatch End"): a count over part of the other's area."""
    nx, ny = _place_names(x), _place_names(y)
    return bool(nx) and nx < ny and bool(_PLACE_LIST.search(y))


# two names joined ("Longmere and Hatch End", "Brannock, Tarr")
# ("Carrowdale and the neighbouring Ashby district")
_PLACE_LIST = re.compile(r"[A-Z][\w'-]*\s*(?:,|\band\b|\bor\b)\s*(?:the\s+)?(?:[a-z]+\s+)?[A-Z]")


_PER_HEAD = re.compile(
    r"\s*(?:each\b|a\s+head\b|per\s+(?:head|capita)\b|(?:per|for\s+(?:each|every))\s+([a-z]+))", re.I
)


def _per_head(c: Claim) -> bool:
    """Whether a claim's amount is a sum each person (or household) gets or pays ("up to
    £85,000 each", "£85,000 per saver", "€15,000 for every family")."""
    m = _after_amount(c, _PER_HEAD)
    if m is None:
        return False
    word = (m.group(1) or "").lower()
    return not word or key_words(word)[-1] in PEOPLE_WORDS | {"household"}


def _per_unit(c: Claim) -> str:
    """The unit a sum is a price of ("megawatt-hour" of "£68.50 per megawatt-hour", "for every
    megawatt-hour"), or ""."""
    q = c.quantity
    if q is None or unit_family(q.unit) != "money":
        return ""
    m = _after_amount(c, _PER_HEAD)
    return " ".join(key_words(m.group(1))) if m is not None and m.group(1) else ""


def _both_people(mx: set[str], my: set[str]) -> bool:
    """Whether two measures both count people ("nine councillors" / "nine committee members",
    "about 1,200 residents" / "some 1,200 people"): one figure said in other words."""
    return bool(mx & PEOPLE_WORDS and my & PEOPLE_WORDS)


def differences(x: Claim, y: Claim, idf: dict[str, float] | None = None) -> list[str]:
    """Frame fields on which two matched claims differ, as '!field' features.

    Sources are compared on their distinctive words: a place name that half the story's
    claims mention ("Marbury") does not make two sources the same.
    """
    out = []
    sx, sy = _scope_words(x.scope), _scope_words(y.scope)
    lx, ly = sx & _PLACE_LEVELS, sy & _PLACE_LEVELS
    # no word in common, or the same place at another level ("across the Tarnholm region" /
    # "in the city of Tarnholm")
    # or the same words with other numbers ("workers aged 21 and over" / "aged 23 and over")
    nx, ny = _SCOPE_NUMBER.findall(x.scope), _SCOPE_NUMBER.findall(y.scope)
    if sx and sy and (not (sx & sy) or (lx and ly and not (lx & ly)) or (nx and ny and nx != ny)):
        out.append("!scope")
    elif _fewer_places(x.scope, y.scope) or _fewer_places(y.scope, x.scope):
        out.append("!scope")
    # what is measured, without the verb that says how it moved ("journeys rose" / "passenger
    # numbers rose" measure different things); two counts of people described differently
    # count the same thing ("nine councillors" / "nine committee members")
    mx, my = _not_outcomes(_measure_words(x)), _not_outcomes(_measure_words(y))
    if mx and my and not (mx & my) and not _both_people(mx, my):
        out.append("!measure")
    if x.cited_document and y.cited_document:
        cx, cy = _words(x.cited_document), _words(y.cited_document)
        bx, by = cx, cy
    else:
        cx, cy = _source_words(x.claimant), _source_words(y.claimant)
        # words in brackets resolve who the claimant is; they match, but do not distinguish
        bx, by = _source_words(_BRACKETED.sub("", x.claimant)), _source_words(_BRACKETED.sub("", y.claimant))
    if (
        cx
        and cy
        and not (x.claimant_vague and y.claimant_vague)
        and (_different_sources(cx, cy, idf, bx, by) or _different_institutions(cx, cy))
    ):
        out.append("!source")
    if x.predicate and y.predicate and contradicts(x.predicate, x.negated, y.predicate, y.negated):
        out.append("!polarity")
    # one says over what period ("in Q2 2026"), the other gives no time at all (not even the
    # reporting period's): compared with differently dated claims by the time rule. A day, a
    # weekend, a week or two ("cut its rate on Thursday", "stood at 38% at the weekend", "fell
    # six points in the past two weeks") is when the news happened, which a report may leave
    # out without saying anything else
    dated = x.time or y.time
    if (
        (x.time is None) != (y.time is None)
        and dated.relation in _STATED  # type: ignore[union-attr]
        and (dated.end - dated.begin).days >= _NEWS_DAYS  # type: ignore[union-attr]
    ):
        out.append("!time")
    return out + stated_differences(x, y)


def stated_differences(x: Claim, y: Claim) -> list[str]:
    """Frame fields the two claims state differently, read off as they are, without judging
    whether the difference matters (the detection rules do, with their own tolerances):
    '!amount' (amounts in one unit that are not the same figure with the same qualifier),
    '!time' (two stated times that are not the same) and '!condition' (one states a condition,
    the other none). The rules start from these marks, so each reads only its candidates."""
    out = []
    qx, qy = x.quantity, y.quantity
    if qx and qy and qx.unit == qy.unit and (qx.bounds() != qy.bounds() or qx.qualifier != qy.qualifier):
        out.append("!amount")
    if x.time and y.time and x.time.iso != y.time.iso:
        out.append("!time")
    if bool(x.condition) != bool(y.condition) and not _restates_condition(x, y):
        out.append("!condition")
    return out


def _restates_condition(x: Claim, y: Claim) -> bool:
    """Whether the claim without a condition says it in other words: "pupils ... stay at home
    for 21 days if a case is confirmed at their school" / "children ... who attend a school
    with a confirmed case must stay at home for 21 days" (every content word of the condition
    is in the other claim)."""
    has, other = (x, y) if x.condition else (y, x)
    words = {w for w in _words(has.condition) if len(w) > 2}
    return len(words) >= 2 and words <= _words(other.text)


_STATED = frozenset({"at", "as_of"})  # time relations that date a claim ("since" spans up to now)
_NEWS_DAYS = 15  # a dated period of a fortnight or less is when the news happened


_RELEASED_BY = re.compile(
    r"^.*?\b(?:figures|data|numbers|statistics|estimates|results)\s+(?:released|published|compiled|issued|"
    r"provided|supplied)?\s*(?:by|from)\s+",
    re.I,
)


def _source_of(claimant: str) -> str:
    """Who stands behind a claimant phrase: "internal figures released by X" -> "X"."""
    return _RELEASED_BY.sub("", claimant)


# a police force's people and units speak for it ("Detectives believe ..." and "a spokesperson
# for the Regional Organised Crime Unit" are the police), and a government's departments for it
# ("the Treasury said" is the government)
_SPEAKS_FOR = {
    "detective": "police",
    "constable": "police",
    "constabulary": "police",
    "crime": "police",
    "treasury": "government",
    "ministry": "government",
    "minister": "government",  # "ministers say" / "the ministry said"
}


def _source_words(claimant: str) -> set[str]:
    """The words that say who a claimant is, without what they are ("spokesman")."""
    # ("Mr Reinholt" is "Finance Minister Tomas Reinholt")
    words = _words(_source_of(claimant)) - _PRONOUNS - _ROLE_WORDS - HONORIFICS
    return {_SPEAKS_FOR.get(w, w) for w in words}


# kinds of public body, each its own source whatever place both are named for ("Wrenshire
# Police" / "a fire service spokeswoman (Wrenshire Fire and Rescue Service)")
_INSTITUTIONS = frozenset(
    "police fire ambulance coastguard court council government union hospital university army navy".split()
)


def _different_institutions(cx: set[str], cy: set[str]) -> bool:
    """Whether two sources each name a kind of public body, and not the same kind."""
    kx, ky = cx & _INSTITUTIONS, cy & _INSTITUTIONS
    return bool(kx) and bool(ky) and not kx & ky


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


def match_claims(
    rows: list[Row], stories: dict[str, list[str]], copies: dict[str, str] | None = None
) -> list[ClaimMatch]:
    """Greedy one-to-one matches between the claims of every two outlets of each story.

    ``copies`` maps a syndicated copy to the article it copies (see :func:`syndicated`): a copy
    is not an independent source, so its claims are never matched with the original's (nor
    with another copy of it), directly or through a third outlet.
    """
    by_article: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_article[r.article].append(r)
    out: list[ClaimMatch] = []
    for arts in stories.values():
        out += _match_story(arts, by_article, copies or {})
    return out


def _match_story(arts: list[str], rows_of: dict[str, list[Row]], copies: dict[str, str]) -> list[ClaimMatch]:
    """The matches of one story (claim matches, siblings, transitive ones): a function of the
    story's own claims only."""
    body = {a: [r for r in rows_of.get(a, ()) if r.claim.field == "body"] for a in arts}
    story_rows = [r for a in arts for r in body[a]]
    idf = _idf(story_rows)
    # every pair of the story's claims scored at once (claimgraph.pairs: score() as matrices)
    story_claims = [r.claim for r in story_rows]
    scores, agreed = pair_scores(story_claims, story_claims, idf)
    first: dict[str, int] = {}  # article -> index of its first claim in story_rows
    for a in arts:
        first[a] = sum(len(body[b]) for b in first)
    matches: list[ClaimMatch] = []
    for i, a in enumerate(arts):
        for b in arts[i + 1 :]:
            ra, rb = body[a], body[b]
            if not ra or not rb or ra[0].outlet == rb[0].outlet or _same_source(a, b, copies):
                continue
            sub = scores[first[a] : first[a] + len(ra), first[b] : first[b] + len(rb)]
            xi, yj = np.nonzero(sub >= MATCH_THRESHOLD)
            cands = sorted(
                zip((-sub[xi, yj]).tolist(), xi.tolist(), yj.tolist(), strict=True),
                key=lambda t: (t[0], ra[t[1]].iri, rb[t[2]].iri),
            )
            used_a: set[str] = set()
            used_b: set[str] = set()
            pair: list[tuple[str, str]] = []
            for neg, ix, jy in cands:
                xa, yb = ra[ix].iri, rb[jy].iri
                if xa in used_a or yb in used_b:
                    continue
                used_a.add(xa)
                used_b.add(yb)
                pair.append((xa, yb))
                lo, hi = sorted((xa, yb))
                at = (first[a] + ix, first[b] + jy)
                feats = [f for f in FEATURES if agreed[f][at]]
                feats += differences(ra[ix].claim, rb[jy].claim, idf)
                matches.append(ClaimMatch(lo, hi, round(min(-neg, 1.0), 4), tuple(feats)))
            matches += _second_figures(sub, agreed, (first[a], first[b]), ra, rb, used_a, used_b, idf)
            matches += _siblings(pair, ra, rb, used_a, used_b, idf)
            matches += _one_event_each(ra, rb, used_a, used_b, idf)
    all_rows = [r for a in arts for r in rows_of.get(a, ())]
    return matches + _closure(matches, all_rows, body, copies)


# two figures left unmatched that measure the same thing in one unit, each the other's best
# match, are one figure reported twice, though their words have less in common than a match
# needs ("The census cost €212m nationally" / "The census came in at €231m")
FIGURE_THRESHOLD = 0.2


def _second_figures(
    sub: np.ndarray,
    agreed: dict[str, np.ndarray],
    at: tuple[int, int],
    ra: list[Row],
    rb: list[Row],
    used_a: set[str],
    used_b: set[str],
    idf: dict[str, float],
) -> list[ClaimMatch]:
    """The matches of the figures two outlets left unmatched, as the comment above says;
    ``sub`` and ``agreed`` are the story's scores and features, ``at`` where the two outlets'
    rows begin in them."""
    free_a = [i for i, r in enumerate(ra) if r.iri not in used_a and r.claim.quantity is not None]
    free_b = [j for j, r in enumerate(rb) if r.iri not in used_b and r.claim.quantity is not None]
    if not free_a or not free_b:
        return []
    part = sub[np.ix_(free_a, free_b)]
    ix = np.ix_([at[0] + i for i in free_a], [at[1] + j for j in free_b])
    ok = (part >= FIGURE_THRESHOLD) & agreed["measure"][ix] & agreed["unit"][ix]
    out = []
    for x, y in zip(*np.nonzero(ok), strict=True):
        # each the other's best among the free figures
        if part[x].argmax() != y or part[:, y].argmax() != x:
            continue
        i, j = free_a[x], free_b[y]
        if not _close_figures(ra[i].claim, rb[j].claim) or _other_names(ra[i].claim, rb[j].claim):
            continue
        used_a.add(ra[i].iri)
        used_b.add(rb[j].iri)
        feats = [f for f in FEATURES if agreed[f][at[0] + i, at[1] + j]]
        feats += differences(ra[i].claim, rb[j].claim, idf)
        lo, hi = sorted((ra[i].iri, rb[j].iri))
        out.append(ClaimMatch(lo, hi, round(float(part[x, y]), 4), (*feats, "figure")))
    return out


_NAME_WORD = re.compile(r"(?<=[\w,;:'’\"”] )[A-Z][\w'’-]+")
_NOT_NAMES = frozenset(calendar.month_name[1:]) | frozenset(calendar.day_name)


def _other_names(x: Claim, y: Claim) -> bool:
    """Whether each claim names something (a word with a capital inside its sentence) and they
    name nothing in common ("Dalby's, which runs 640 convenience stores" / "Brannock operates
    486 stores"): two things."""
    nx = {w.rstrip("'’s") for w in _NAME_WORD.findall(x.text)} - _NOT_NAMES
    ny = {w.rstrip("'’s") for w in _NAME_WORD.findall(y.text)} - _NOT_NAMES
    return bool(nx) and bool(ny) and not nx & ny


def _close_figures(x: Claim, y: Claim, most: float = 0.35) -> bool:
    """Two figures in one unit within ``most`` of each other (relative to the larger)."""
    assert x.quantity is not None and y.quantity is not None
    ux, lx, hx = comparable(x.quantity)
    uy, ly, hy = comparable(y.quantity)
    if ux != uy or ux in ("percent", "percentage_point"):
        return False  # (shares recur by chance: "13.9 per cent of patients" / "18% fewer days")
    vx, vy = (lx + hx) / 2, (ly + hy) / 2
    return abs(vx - vy) <= most * max(abs(vx), abs(vy), 1e-9)


def _event_verb(c: Claim) -> str:
    """The class of the act an event claim reports ("" for a light verb: "was", "took")."""
    if c.kind != "event" or not c.predicate or c.predicate in _LIGHT_VERBS:
        return ""
    return PREDICATE_CLASS.get(c.predicate, synonym(c.predicate)[0])


def _one_event_each(
    ra: list[Row], rb: list[Row], used_a: set[str], used_b: set[str], idf: dict[str, float]
) -> list[ClaimMatch]:
    """Two outlets that each report one act of a kind ("reopened", "ran aground") and nothing
    else of it report the same act, whatever day each gives it: its words may differ ("It
    reopened at around 4pm on Sunday" / "The motorway finally reopened at around 6am on
    Monday") and the days are what the time rule compares. Both must be left unmatched, say
    it the same way round (both done, or both denied), and share a word besides the act, or
    one of them name no doer but a pronoun."""
    by_a: dict[str, list[Row]] = defaultdict(list)
    by_b: dict[str, list[Row]] = defaultdict(list)
    for rows, by in ((ra, by_a), (rb, by_b)):
        for r in rows:
            if v := _event_verb(r.claim):
                by[v].append(r)
    out = []
    for verb in sorted(by_a.keys() & by_b.keys()):
        if len(by_a[verb]) != 1 or len(by_b[verb]) != 1:
            continue
        x, y = by_a[verb][0], by_b[verb][0]
        if x.iri in used_a or y.iri in used_b or x.claim.negated != y.claim.negated:
            continue
        if x.claim.quantity is not None or y.claim.quantity is not None:
            continue
        # (the act in any of its words: "start" is among the keywords as "begin")
        acts = {
            w
            for p in (x.claim.predicate, y.claim.predicate)
            for w in (p, *synonym(p), PREDICATE_CLASS.get(p, p))
        }
        shared = (set(x.claim.keywords) & set(y.claim.keywords)) - acts
        pronoun = {x.claim.measure_key, y.claim.measure_key} & _PRONOUNS
        if not shared and not pronoun:
            continue
        used_a.add(x.iri)
        used_b.add(y.iri)
        sc, feats = score(x.claim, y.claim, idf)
        lo, hi = sorted((x.iri, y.iri))
        out.append(ClaimMatch(lo, hi, round(max(0.0, min(sc, 1.0)), 4), (*feats, "one_event")))
    return out


def _same_source(a: str, b: str, copies: dict[str, str]) -> bool:
    """Two articles one of which copies the other, or that copy the same original."""
    return copies.get(a, a) == copies.get(b, b)


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
                if _other_times(r.claim, by_iri[anchor].claim):
                    continue  # "two cuts this year" / "expects two further cuts in 2027"
                used.add(r.iri)
                sc, feats = score(by_iri[other].claim, r.claim, idf)
                lo, hi = sorted((other, r.iri))
                out.append(ClaimMatch(lo, hi, round(max(0.0, min(sc, 1.0)), 4), (*feats, "sibling")))
    return out


def _closure(
    matches: list[ClaimMatch],
    rows: list[Row],
    by_article: dict[str, list[Row]],
    copies: dict[str, str] | None = None,
) -> list[ClaimMatch]:
    """Claims matched through a third outlet are matched too (a~b, b~c => a~c), within limits.

    A chain never joins two claims of one article, nor two claims of articles that already
    matched each other to something else, nor a copy's claim with its original's. ``rows`` are
    the claims of one story (its words are weighed among them).
    """
    row = {r.iri: r for r in rows}
    chained = Groups([m.a for m in matches] + [m.b for m in matches])
    for m in matches:
        chained.join(m.a, m.b)
    have = {(m.a, m.b) for m in matches}
    used = {(row[m.a].article, m.a, row[m.b].article) for m in matches} | {
        (row[m.b].article, m.b, row[m.a].article) for m in matches
    }
    busy = {(a, art) for a, _, art in ((u[1], None, u[2]) for u in used)}
    idf = _idf(rows)
    extra = []
    for members in chained.groups():
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
                if copies and _same_source(row[x].article, row[y].article, copies):
                    continue
                sc, feats = score(row[x].claim, row[y].claim, idf)
                extra.append(ClaimMatch(x, y, round(max(0.0, min(sc, 1.0)), 4), (*feats, "transitive")))
    return extra


def headline_links(rows: list[Row]) -> list[ClaimMatch]:
    """Each headline linked to the body claim of its own article that it restates best.

    A headline is scored against its article's body claims with the article's own word
    weights; an amount on one side only is left out of the comparison, and a proposal
    restated as a proposal counts for more. Every headline of the rows is scored in one
    :func:`claimgraph.pairs.pair_scores` call, each article's words in a space of their own.
    """
    by_article: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_article[r.article].append(r)
    heads: list[Row] = []
    bodies: list[Row] = []
    spaces: tuple[list[str], list[str]] = ([], [])
    idf: dict[str, float] = {}
    for k, arts in enumerate(by_article.values()):
        ns = f"{k}\x1f"
        idf.update((ns + w, v) for w, v in _idf(arts).items())
        for r in arts:
            side = 0 if r.claim.field == "title" else 1
            (heads, bodies)[side].append(r)
            spaces[side].append(ns)
    if not heads or not bodies:
        return []
    hc, bc = [h.claim for h in heads], [b.claim for b in bodies]
    scores, _ = pair_scores(hc, bc, idf, amounts_must_match=False, spaces=spaces)
    proposed = np.array([c.modality == "proposed" for c in hc])[:, None] & np.array(
        [c.modality == "proposed" for c in bc]
    )
    scores = scores + np.where(proposed, 0.1, 0.0)
    # what a headline says is its verb's: a body claim with the same verb ("paid ransom" /
    # "whether a ransom had been paid") restates it more than one sharing the other words
    # (not a verb that says little of its own: "puts ... under scrutiny" / "puts the bill at")
    hp = np.array([c.predicate if c.predicate not in _LIGHT_VERBS else "" for c in hc])[:, None]
    scores = scores + np.where((hp == np.array([c.predicate for c in bc])[None, :]) & (hp != ""), 0.1, 0.0)
    # a headline's figure restates the body figure nearest it in the same unit, and the one of
    # the same things most ("down to two sailings a day" / "three return sailings a day", not
    # another "two" of something else)
    scores = scores + HEADLINE_FIGURE * _nearness([c.quantity for c in hc], [c.quantity for c in bc])
    hn, bn = [_counted_words(c) for c in hc], [_counted_words(c) for c in bc]
    same_things = np.array(
        [[bool(x[1] & y[1]) and x[0] == y[0] for y in bn] for x in hn], dtype=float
    ).reshape(len(hc), len(bc))
    scores = scores + HEADLINE_FIGURE * same_things
    own = np.array(spaces[0])[:, None] == np.array(spaces[1])[None, :]
    out = []
    for i, h in enumerate(heads):
        mine = np.flatnonzero(own[i])
        if not len(mine):
            continue
        sc = float(scores[i, mine].max())
        # the best score; of equal ones, the greatest IRI
        best = max((bodies[j] for j in mine if scores[i, j] == sc), key=lambda b: b.iri)
        if sc >= 0.12:
            feats = ["headline", "!measure"] if _narrows(h.claim.text, best.claim.measure) else ["headline"]
            feats += _headline_differences(h.claim, best.claim)
            out.append(ClaimMatch(h.iri, best.iri, round(min(sc, 1.0), 4), tuple(feats)))
    return out


HEADLINE_FIGURE = 0.3
# the words right after an amount that may say what it counts ("three return sailings")
_COUNTED_WORDS = re.compile(r"(?:\s+[a-z][a-z-]*){1,4}")


def _counted_words(c: Claim) -> tuple[str, set[str]]:
    """A claim's unit and the content words of the few words after its amount ("sailing",
    "return" of "three return sailings a day"), people however named left out (what is counted
    of them is told elsewhere: "a tenth of its people" / "34 per cent of people")."""
    m = _after_amount(c, _COUNTED_WORDS)
    if m is None or c.quantity is None:
        return "", set()
    words: list[str] = []
    for word in m.group(0).split():
        if word in FUNCTION_WORDS:
            if words:
                break  # "two sailings a day": what is counted ends where a function word begins
            continue  # "a tenth of its people": after "of its"
        words.append(word)
    found = {w for word in words[:2] for w in key_words(word)}
    return c.quantity.unit, found - PEOPLE_WORDS - {"people"}


def _nearness(xs: list[Quantity | None], ys: list[Quantity | None]) -> np.ndarray:
    """For every two amounts in one unit, 1 - the relative difference of the nearest points of
    their intervals (1 where they overlap; 0 for two units)."""
    units: dict[str, int] = {}

    def described(qs: list[Quantity | None]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        unit, low, high = np.full(len(qs), -1), np.zeros(len(qs)), np.zeros(len(qs))
        for i, q in enumerate(qs):
            if q is not None:
                u, low[i], high[i] = comparable(q)
                unit[i] = units.setdefault(u, len(units))
        return unit, low, high

    (ux, lx, hx), (uy, ly, hy) = described(xs), described(ys)
    same = (ux[:, None] == uy[None, :]) & (ux[:, None] >= 0)
    # the nearest points of the two intervals ("Seven hours" is near "up to six hours", whose
    # interval ends at six; two that overlap are one figure)
    lx, hx, ly, hy = lx[:, None], hx[:, None], ly[None, :], hy[None, :]
    a = np.where(hx < ly, hx, np.where(hy < lx, lx, 1.0))
    b = np.where(hx < ly, ly, np.where(hy < lx, hy, 1.0))
    return np.where(same, closeness(a, b), 0.0)


_LIGHT_VERBS = frozenset(
    {"be", "have", "put", "make", "take", "give", "get", "do", "go", "come", "say", "leave"}
)


def _headline_differences(head: Claim, body: Claim) -> list[str]:
    """What a headline states differently from the body claim it restates (the headline rule
    starts from these): the stated differences, and '!modality' and '!negation'."""
    out = stated_differences(head, body)
    if head.modality != body.modality:
        out.append("!modality")
    if head.negated != body.negated:
        out.append("!negation")
    return out


def _alternatives(measure: str) -> tuple[str, str] | None:
    """The two things an either-or measure counts ("risk of death or heart failure
    hospitalisation" -> death, hospitalisation): the word before "or", and the last word of the
    phrase after it (up to a function word)."""
    words = re.findall(r"[a-z][a-z-]*", measure.lower())
    if "or" not in words:
        return None
    i = words.index("or")
    after: list[str] = []
    for w in words[i + 1 :]:
        if w in FUNCTION_WORDS:
            break
        after.append(w)
    if i == 0 or not after or words[i - 1] in FUNCTION_WORDS or after[0] in _NOT_ALTERNATIVES:
        return None
    return words[i - 1], after[-1]


_NOT_ALTERNATIVES = frozenset(
    {"more", "less", "fewer", "so", "not", "else", "other", "another"}
)  # "50 or more"


def _mentions(words: set[str], word: str) -> bool:
    """Whether a word, or one of its family ("hospital" / "hospitalisation"), is among ``words``."""
    w = word.rstrip("s")
    for v in words:
        v = v.rstrip("s")
        if v == w or (min(len(v), len(w)) >= 5 and (v.startswith(w) or w.startswith(v))):
            return True
    return False


def _narrows(headline: str, body_measure: str) -> bool:
    """A headline that names one of the two things its body's either-or measure counts, and
    not the other ("cuts deaths" for "the risk of death or hospitalisation")."""
    alts = _alternatives(body_measure)
    if alts is None:
        return False
    words = set(re.findall(r"[a-z][a-z-]*", headline.lower()))
    return _mentions(words, alts[0]) != _mentions(words, alts[1])


# -- syndicated copies ------------------------------------------------------------------------

SYNDICATION_OF = CG + "syndicationOf"  # a near-duplicate of another outlet's article -> that article
SHINGLE = 5
DUPLICATE_JACCARD = 0.8  # word-shingle Jaccard from which two bodies are the same text
DUPLICATE_CONTAINED = 0.9  # ... or the share of the shorter body's shingles found in the longer
_PREFILTER = 0.75  # keyword-set containment below which two articles cannot be copies


def syndicated(store: Store, arts: list[str], rows_of: dict[str, list[Row]]) -> dict[str, str]:
    """copy -> original among the articles of one story, from different outlets.

    Two bodies are near-duplicates when their word 5-shingles overlap (Jaccard >= 0.8) or one
    contains the other (>= 0.9 of the shorter one's shingles). Of a group of near-duplicates the
    earliest published (then the smallest IRI) is the original; the others are its copies.
    """
    kw = {a: {w for r in rows_of.get(a, ()) for w in r.claim.keywords} for a in arts}
    outlet = {a: rows_of[a][0].outlet if rows_of.get(a) else a for a in arts}
    shingles: dict[str, set[int]] = {}

    def shingles_of(a: str) -> set[int]:
        if a not in shingles:
            words = re.findall(r"\w+", _body(store, a).lower())
            shingles[a] = {
                hash(tuple(words[i : i + SHINGLE])) for i in range(max(1, len(words) - SHINGLE + 1))
            }
        return shingles[a]

    copied = Groups(arts)
    for i, a in enumerate(arts):
        for b in arts[i + 1 :]:
            if outlet[a] == outlet[b] or not kw[a] or not kw[b]:
                continue
            if len(kw[a] & kw[b]) < _PREFILTER * min(len(kw[a]), len(kw[b])):
                continue
            sa, sb = shingles_of(a), shingles_of(b)
            inter = len(sa & sb)
            if inter >= DUPLICATE_JACCARD * len(sa | sb) or inter >= DUPLICATE_CONTAINED * min(
                len(sa), len(sb)
            ):
                copied.join(a, b)
    copies: dict[str, str] = {}
    for members in copied.groups():
        if len(members) > 1:
            first = min(members, key=lambda a: (_published(store, a) or "9999", a))
            copies.update({a: first for a in members if a != first})
    return copies


def _body(store: Store, article: str) -> str:
    return _value(store, article, SCHEMA + "articleBody")


def _published(store: Store, article: str) -> str:
    return _value(store, article, SCHEMA + "datePublished")


def _value(store: Store, subject: str, predicate: str) -> str:
    for q in store.quads_for_pattern(NamedNode(subject), NamedNode(predicate), None, None):
        if isinstance(q.object, (NamedNode, Literal)):
            return q.object.value
    return ""


def _select(store: Store, query: str) -> QuerySolutions:
    rows = store.query(query)
    assert isinstance(rows, QuerySolutions)
    return rows


# -- running alignment: the whole store, or the stories that changed ------------------------

INDEX_GRAPH = ID + "graph/story-index"
STORY_TERMS = CG + "storyTerms"  # the story index documents (see _shard_triples)
_TYPE = NamedNode(RDF + "type")


@dataclass(frozen=True)
class Realignment:
    """What an alignment run examined: the stories it (re)wrote, with their articles, and the
    stories whose data it removed (examined stories that no longer exist, or changed)."""

    stories: dict[str, list[str]] = field(default_factory=dict)
    removed: frozenset[str] = frozenset()
    matches: list[ClaimMatch] = field(default_factory=list)
    full: bool = False


def align(store: Store) -> tuple[dict[str, list[str]], list[ClaimMatch]]:
    """Group articles into stories, match claims, and write both to their named graphs."""
    r = _align_all(store)
    return r.stories, r.matches


def realign(store: Store, articles: Iterable[str] | None = None) -> Realignment:
    """Align again only the stories touched by articles that changed since they were aligned.

    Changed articles are found by comparing each article's checksum and extractor version with
    the story index: new, edited, re-extracted and removed articles. Their stories before and
    after the change are re-aligned and rewritten (stories, matches, copies); every other story
    is left as it is. A store without an index (aligned by an older version, or never) is
    aligned in full.

    Args:
        store: The store.
        articles: The IRIs of the articles that changed, when the caller knows them (as
            :func:`claimgraph.pipeline.ingest` does): the store is then not searched for
            others, which saves a scan of every article.
    """
    index = _read_index(store)
    if index is None:
        return _align_all(store)
    shards, old = index
    changed = _stale_articles(store) if articles is None else set(articles)
    if not changed:
        return Realignment()
    fresh = load_rows(store, articles=changed)
    fresh_bags = article_bags(fresh)
    rewritten = {_shard(a) for a in changed}
    for k in rewritten:  # the index's shards that hold changed articles: those articles replaced
        bags: dict[str, Counter[str] | Bag] = {
            a: b for a, b in (shards[k].as_dict() if k in shards else {}).items() if a not in changed
        }
        bags.update((a, b) for a, b in fresh_bags.items() if _shard(a) == k)
        shards[k] = Bags.of(bags)
    stories = stories_from_bags(Bags.concat([shards[k] for k in sorted(shards)]))
    new_touched = {s for s, m in stories.items() if old.get(s) != m or changed.intersection(m)}
    old_touched = {s for s, m in old.items() if stories.get(s) != m or changed.intersection(m)}
    examined = {s: stories[s] for s in sorted(new_touched)}
    members = sorted({a for m in examined.values() for a in m})
    rows = load_rows(store, articles=members)
    by_article: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_article[r.article].append(r)
    per_story = {s: _align_story(store, arts, by_article) for s, arts in examined.items()}
    regrouped = changed | set(members) | {a for s in old_touched for a in old[s]}
    update = [
        f"DELETE WHERE {{ GRAPH <{STORIES_GRAPH}> {{ <{s}> ?p ?o }} }} ;\n{_drop_matches(s)} ;\n"
        f"DELETE WHERE {{ GRAPH <{INDEX_GRAPH}> {{ <{s}> ?p ?o }} }}"
        for s in sorted(old_touched)
    ]
    update += [
        f"DELETE WHERE {{ GRAPH <{STORIES_GRAPH}> {{ <{a}> <{SYNDICATION_OF}> ?o }} }}"
        for a in sorted(regrouped)
    ]
    update += [f"DELETE WHERE {{ GRAPH <{INDEX_GRAPH}> {{ <{a}> ?p ?o }} }}" for a in sorted(changed)]
    update += [
        f"DELETE WHERE {{ GRAPH <{INDEX_GRAPH}> {{ <{node}> <{STORY_TERMS}> ?t }} }}"
        for node in [*(_shard_iri(k) for k in sorted(rewritten)), INDEX_GRAPH]
    ]
    st = _story_triples(examined, per_story)
    mt = {s: _story_text(found, s) for s, found in per_story.items()}
    index_triples = _index_triples(_article_stamps(store, changed), sorted(changed))
    index_triples += _digest_triples({s: _digest(text) for s, text in mt.items()})
    index_triples += _shard_triples({k: shards[k] for k in rewritten})
    index_triples.append(_index_head(shards, stories))
    matches_text = "".join(mt.values())
    update += [
        insert_data(STORIES_GRAPH, st),
        f"INSERT DATA {{ GRAPH <{MATCHES_GRAPH}> {{\n{matches_text}}} }}" if matches_text else "",
        insert_data(INDEX_GRAPH, index_triples),
    ]
    _update(store, " ;\n".join(u for u in update if u))  # one transaction
    matches = [m for found in per_story.values() for m in found.matches]
    return Realignment(examined, frozenset(old_touched - new_touched), matches)


def _align_all(store: Store) -> Realignment:
    rows = load_rows(store)
    bags = Bags.of(article_bags(rows))
    stories = stories_from_bags(bags)
    by_article: dict[str, list[Row]] = defaultdict(list)
    for r in rows:
        by_article[r.article].append(r)
    old = {
        str(q.subject.value)
        for q in store.quads_for_pattern(None, _TYPE, NamedNode(CG + "Story"), NamedNode(STORIES_GRAPH))
        if isinstance(q.subject, NamedNode)
    }
    # Hundreds of thousands of triples: bulk-loaded (several times faster than INSERT DATA on
    # disk, but not one transaction) on a thread of their own while the next stories are
    # matched, and the matches of a story that are the same as last time (same articles, same
    # digest) are left where they are: deleting costs more than writing, and a full run over a
    # store that changed little rewrites little. The index's head goes last, so a run that
    # stops half way leaves no index, and the next run rewrites every story.
    index = _read_index(store)
    previous = _read_digests(store) if index is not None else {}
    # the old matches of a story whose articles changed may have the IRIs of another story's
    # new ones: they go before anything is written
    same_articles = {s for s in previous if index is not None and index[1].get(s) == stories.get(s)}
    clear = [f"DROP SILENT GRAPH <{g}>" for g in (STORIES_GRAPH, INDEX_GRAPH)]
    if not previous:
        clear.append(f"DROP SILENT GRAPH <{MATCHES_GRAPH}>")
    clear += [_drop_matches(s) for s in sorted(set(previous) - same_articles)]
    per_story: dict[str, StoryAlignment] = {}
    digests: dict[str, str] = {}
    with BackgroundWriter() as writer:
        writer.put(functools.partial(_update, store, " ;\n".join(clear)))
        batch: list[str] = []
        size = 0
        for s, arts in stories.items():
            per_story[s] = _align_story(store, arts, by_article)
            text = _story_text(per_story[s], s)
            digests[s] = _digest(text)
            if s in same_articles:
                if previous[s] == digests[s]:
                    continue
                writer.put(functools.partial(_update, store, _drop_matches(s)))
            batch.append(text)
            size += len(text)
            if size > _BATCH_CHARS:
                writer.put(functools.partial(_load_matches, store, "".join(batch)))
                batch, size = [], 0
        writer.put(functools.partial(_load_matches, store, "".join(batch)))
        st = _story_triples(stories, per_story)
        stamps = _article_stamps(store)
        by_shard: dict[int, dict[str, Bag]] = defaultdict(dict)
        for a, b in bags.as_dict().items():
            by_shard[_shard(a)][a] = b
        shards = {k: Bags.of(b) for k, b in by_shard.items()}
        index_triples = [
            *_index_triples(stamps, sorted(stamps)),
            *_digest_triples(digests),
            *_shard_triples(shards),
        ]
        writer.put(functools.partial(_bulk, store, [(STORIES_GRAPH, st), (INDEX_GRAPH, index_triples)]))
    _update(store, insert_data(INDEX_GRAPH, [_index_head(shards, stories)]))
    matches = [m for found in per_story.values() for m in found.matches]
    return Realignment(stories, frozenset(old - set(stories)), matches, full=True)


_BATCH_CHARS = 1 << 23  # matches are bulk-loaded some 8 MB of N-Triples at a time


def _drop_matches(story: str) -> str:
    return f"DELETE WHERE {{ GRAPH <{MATCHES_GRAPH}> {{ ?m <{CG}story> <{story}> . ?m ?p ?o }} }}"


class StoryAlignment(NamedTuple):
    """What alignment finds in one story."""

    matches: list[ClaimMatch]  # claim matches and headline links
    copies: dict[str, str]  # syndicated copy -> original
    figures: list[tuple[str, str]]  # unmatched pairs that state one figure (see same_figures)


def _align_story(store: Store, arts: list[str], by_article: dict[str, list[Row]]) -> StoryAlignment:
    """The matches (claims and headlines), the syndicated copies and the figure pairs of one story."""
    copies = syndicated(store, arts, by_article)
    rows = [r for a in arts for r in by_article.get(a, ())]
    matches = _match_story(arts, by_article, copies)
    return StoryAlignment(matches + headline_links(rows), copies, same_figures(rows, matches, copies))


def same_figures(rows: list[Row], matches: list[ClaimMatch], copies: dict[str, str]) -> list[tuple[str, str]]:
    """Pairs of body claims of one story, from two outlets that do not copy each other, that
    state the same figure in the same unit and that alignment did not match: one figure given
    for two things, or one thing said in words alignment could not link. The measure rule
    tells the two apart (it takes sums of money, which seldom recur by chance). Two counts
    of people ("about 1,200 residents" / "some 1,200 people") are one figure said in other
    words, and no pair."""
    linked = {frozenset((m.a, m.b)) for m in matches}
    by_figure: dict[tuple[str, tuple[float, float]], list[Row]] = defaultdict(list)
    for r in rows:
        if r.claim.field == "body" and (q := r.claim.quantity) is not None:
            by_figure[(q.unit, q.bounds())].append(r)
    out = set()
    for group in by_figure.values():
        for i, x in enumerate(group):
            for y in group[i + 1 :]:
                if x.outlet == y.outlet or _same_source(x.article, y.article, copies):
                    continue
                if _both_people(_measure_words(x.claim), _measure_words(y.claim)):
                    continue
                if _per_head(x.claim) and _per_head(y.claim):
                    continue  # "£85,000 per saver" / "£85,000 per person": one sum a head
                if (unit := _per_unit(x.claim)) and unit == _per_unit(y.claim):
                    # "£68.50 per megawatt-hour" for the round's farms and "£68.50 for every
                    # megawatt-hour" for one of them: one price a unit, which many things share
                    continue
                if frozenset((x.iri, y.iri)) not in linked:
                    out.add((min(x.iri, y.iri), max(x.iri, y.iri)))
    return sorted(out)


def _story_triples(stories: dict[str, list[str]], per_story: dict[str, StoryAlignment]) -> list[Triple]:
    """The stories graph's triples: each story, its articles, and their syndicated copies."""
    st: list[Triple] = []
    for s, arts in stories.items():
        sn = NamedNode(s)
        st.append(Triple(sn, _TYPE, NamedNode(CG + "Story")))
        st.extend(Triple(sn, NamedNode(CG + "hasArticle"), NamedNode(a)) for a in arts)
        st.extend(
            Triple(NamedNode(c), NamedNode(SYNDICATION_OF), NamedNode(o))
            for c, o in sorted(per_story[s].copies.items())
        )
    return st


def _story_text(found: StoryAlignment, story: str) -> str:
    """A story's matches and figure pairs as N-Triples text (what is written to the matches
    graph, and what its digest is of)."""
    return "".join(_match_lines(m, story) for m in found.matches) + "".join(
        _FIGURE_LINES.format(f=figure_iri(a, b), a=a, b=b, story=story) for a, b in found.figures
    )


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _bulk(store: Store, graphs: list[tuple[str, list[Triple]]]) -> None:
    try:
        store.bulk_extend(
            Quad(t.subject, t.predicate, t.object, NamedNode(g)) for g, ts in graphs for t in ts
        )
    except (OSError, ValueError, SyntaxError) as e:
        raise GraphError(f"writing the alignment failed: {e}") from e


def _load_matches(store: Store, text: str) -> None:
    if not text:
        return
    try:
        # (lenient: the IRIs are claimgraph's own, made of hashes, and need no checking)
        store.bulk_load(text.encode(), RdfFormat.N_TRIPLES, to_graph=NamedNode(MATCHES_GRAPH), lenient=True)
    except (OSError, ValueError, SyntaxError) as e:
        raise GraphError(f"writing the alignment failed: {e}") from e


def match_iri(m: ClaimMatch) -> str:
    return f"{ID}match/{hashlib.sha256((m.a + ' ' + m.b).encode()).hexdigest()[:20]}"


_MATCH_LINES = (
    "<{m}> <" + RDF + "type> <" + CG + "ClaimMatch> .\n"
    "<{m}> <" + CG + "claimA> <{a}> .\n"
    "<{m}> <" + CG + "claimB> <{b}> .\n"
    "<{m}> <" + CG + 'score> "{score}"^^<' + XSD + "double> .\n"
    "<{m}> <" + CG + "story> <{story}> .\n"
)


_FIGURE_LINES = (
    "<{f}> <" + RDF + "type> <" + CG + "FigurePair> .\n"
    "<{f}> <" + CG + "figureClaim> <{a}> .\n"
    "<{f}> <" + CG + "figureClaim> <{b}> .\n"
    "<{f}> <" + CG + "story> <{story}> .\n"
)


def figure_iri(a: str, b: str) -> str:
    return f"{ID}figures/{hashlib.sha256((a + ' ' + b).encode()).hexdigest()[:20]}"


def _match_lines(m: ClaimMatch, story: str) -> str:
    """A match's triples as N-Triples lines (tens of thousands of matches are written at once:
    text is several times faster to build than term objects). Every term here is an IRI of
    claimgraph's own making, a number or a feature name; nothing read from an article."""
    mi = match_iri(m)
    out = _MATCH_LINES.format(m=mi, a=m.a, b=m.b, score=repr(float(m.score)), story=story)
    for f in m.features:
        p = "differsOn" if f[0] == "!" else "agreedOn"
        out += f'<{mi}> <{CG}{p}> "{f.lstrip("!")}" .\n'
    return out


def _update(store: Store, update: str) -> None:
    try:
        store.update(update)
    except (OSError, SyntaxError, ValueError) as e:
        raise GraphError(f"writing the alignment failed, nothing was written: {e}") from e


# -- the story index: what each article looked like when it was aligned ----------------------

_STAMPS = (
    SPARQL_PREFIXES
    + """SELECT ?a ?c ?v WHERE {
  GRAPH ?g { ?a a schema:NewsArticle ; cg:checksum ?c . OPTIONAL { ?a cg:extractorVersion ?v } }
}"""
)


def _article_stamps(store: Store, articles: Iterable[str] | None = None) -> dict[str, tuple[str, str]]:
    """article IRI -> (checksum, extractor version) as stored in its graph."""
    out: dict[str, tuple[str, str]] = {}
    if articles is None:
        for r in _select(store, _STAMPS):
            out[r["a"].value] = (r["c"].value, r["v"].value if r["v"] is not None else "")
        return out
    typ, news, index = _TYPE, NamedNode(SCHEMA + "NewsArticle"), NamedNode(INDEX_GRAPH)
    for a in articles:
        an = NamedNode(a)
        for t in store.quads_for_pattern(an, typ, news, None):
            if t.graph_name != index:
                g = t.graph_name
                out[a] = (_term(store, an, CG + "checksum", g), _term(store, an, CG + "extractorVersion", g))
    return out


def _term(store: Store, subject: NamedNode, predicate: str, graph: Any) -> str:
    for q in store.quads_for_pattern(subject, NamedNode(predicate), None, graph):
        if isinstance(q.object, Literal):
            return q.object.value
    return ""


def _index_triples(stamps: Mapping[str, tuple[str, str]], articles: list[str]) -> list[Triple]:
    """Each article's checksum and extractor version as aligned (see :func:`_article_stamps`)."""
    out: list[Triple] = []
    for a in articles:
        if a not in stamps:
            continue  # removed
        an = NamedNode(a)
        c, v = stamps[a]
        out.append(Triple(an, NamedNode(CG + "checksum"), Literal(c)))
        if v:
            out.append(Triple(an, NamedNode(CG + "extractorVersion"), Literal(v)))
    return out


_INDEX_VERSION = 6  # 5: a word's number carries its rarity; 6: "datum" weighed as "data"
_INDEX = NamedNode(INDEX_GRAPH)
_SHARDS = 64  # the word bags are kept in this many documents, by a hash of the article IRI
MATCHES_DIGEST = CG + "matchesDigest"


def _shard(article: str) -> int:
    return int.from_bytes(hashlib.blake2b(article.encode(), digest_size=4).digest(), "little") % _SHARDS


def _shard_iri(k: int) -> str:
    return f"{INDEX_GRAPH}/terms/{k:02d}"


def _shard_triples(shards: Mapping[int, Bags]) -> list[Triple]:
    """The word bags of the articles of each shard, one rdf:JSON document a shard (word hashes
    and counts as base64 arrays, some 16 bytes a distinct word of an article). An incremental
    run reads them all (one lookup) and rewrites only the shards of the articles that changed."""
    out = []
    for k in sorted(shards):
        b = shards[k]
        if not b.articles:
            continue
        doc = {
            "v": _INDEX_VERSION,
            "articles": b.articles,
            "lengths": _b64(b.lengths.astype("<u4")),
            "words": _b64(b.hashes.astype("<u8")),
            "counts": _b64(b.counts.astype("<u4")),
        }
        out.append(Triple(NamedNode(_shard_iri(k)), NamedNode(STORY_TERMS), _json(doc)))
    return out


def _index_head(shards: Mapping[int, Bags], stories: Mapping[str, list[str]]) -> Triple:
    """The index's own record: its version, how many articles its shards hold (a shard
    missing, or left from another run, does not add up) and the articles of every story."""
    everyone = sorted(a for b in shards.values() for a in b.articles)
    at = {a: i for i, a in enumerate(everyone)}
    doc = {
        "v": _INDEX_VERSION,
        "articles": len(everyone),
        # each story as the positions of its articles among all the index's articles, sorted
        "stories": sorted(sorted(at[a] for a in m) for m in stories.values()),
    }
    return Triple(_INDEX, NamedNode(STORY_TERMS), _json(doc))


def _json(doc: dict[str, Any]) -> Literal:
    return Literal(json.dumps(doc, separators=(",", ":")), datatype=RDF_JSON)


def _b64(a: np.ndarray) -> str:
    return base64.b64encode(a.tobytes()).decode("ascii")


def _read_head(store: Store) -> dict[str, Any] | None:
    for q in store.quads_for_pattern(_INDEX, NamedNode(STORY_TERMS), None, _INDEX):
        doc = _read_json(q.object)
        if doc is not None and isinstance(doc.get("articles"), int) and isinstance(doc.get("stories"), list):
            return doc
    return None


def _read_json(term: Any) -> dict[str, Any] | None:
    if not isinstance(term, Literal):
        return None
    try:
        doc = json.loads(term.value)
    except ValueError:
        return None
    return doc if isinstance(doc, dict) and doc.get("v") == _INDEX_VERSION else None


def _read_index(store: Store) -> tuple[dict[int, Bags], dict[str, list[str]]] | None:
    """The word bags of every article as last aligned, by shard, and the stories (story ->
    articles), or None without a complete, readable index."""
    head = _read_head(store)
    if head is None:
        return None
    shards: dict[int, Bags] = {}
    prefix = _shard_iri(0)[:-2]
    for q in store.quads_for_pattern(None, NamedNode(STORY_TERMS), None, _INDEX):
        name = q.subject.value if isinstance(q.subject, NamedNode) else ""
        if not name.startswith(prefix):
            continue
        doc = _read_json(q.object)
        if doc is None:
            return None
        try:
            shards[int(name[len(prefix) :])] = Bags(
                list(doc["articles"]),
                np.frombuffer(base64.b64decode(doc["lengths"]), dtype="<u4").astype(np.int64),
                np.frombuffer(base64.b64decode(doc["words"]), dtype="<u8").astype(np.uint64),
                np.frombuffer(base64.b64decode(doc["counts"]), dtype="<u4").astype(np.int64),
            )
        except (KeyError, TypeError, ValueError):
            return None
    everyone = sorted(a for b in shards.values() for a in b.articles)
    if len(everyone) != head["articles"]:
        return None
    stories: dict[str, list[str]] = {}
    try:
        for at in head["stories"]:
            members = [everyone[i] for i in at]
            stories[story_iri(members)] = members
    except (IndexError, TypeError):
        return None
    return shards, stories


def _digest_triples(digests: Mapping[str, str]) -> list[Triple]:
    p = NamedNode(MATCHES_DIGEST)
    return [Triple(NamedNode(s), p, Literal(d)) for s, d in sorted(digests.items())]


def _read_digests(store: Store) -> dict[str, str]:
    """story -> the digest of its matches as last written."""
    return {
        q.subject.value: q.object.value
        for q in store.quads_for_pattern(None, NamedNode(MATCHES_DIGEST), None, _INDEX)
        if isinstance(q.subject, NamedNode) and isinstance(q.object, Literal)
    }


def _stale_articles(store: Store) -> set[str]:
    """Articles whose graph differs from what the index says was aligned (or that are gone)."""
    changed = f"""{SPARQL_PREFIXES}SELECT ?a WHERE {{
  GRAPH ?g {{ ?a a schema:NewsArticle ; cg:checksum ?c . OPTIONAL {{ ?a cg:extractorVersion ?v }} }}
  FILTER(NOT EXISTS {{ GRAPH <{INDEX_GRAPH}> {{ ?a cg:checksum ?c }} }}
         || (BOUND(?v) && NOT EXISTS {{ GRAPH <{INDEX_GRAPH}> {{ ?a cg:extractorVersion ?v }} }}))
}}"""
    gone = f"""{SPARQL_PREFIXES}SELECT ?a WHERE {{
  GRAPH <{INDEX_GRAPH}> {{ ?a cg:checksum ?c }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?a a schema:NewsArticle }} }}
}}"""
    return {r["a"].value for q in (changed, gone) for r in _select(store, q)}


# Helpers that score() calls for every pair of claims are pure functions of short strings;
# remembering their answers makes matching several times faster without changing it.
_words = functools.lru_cache(maxsize=1 << 16)(_words)
_source_of = functools.lru_cache(maxsize=1 << 16)(_source_of)
_measure_words_of_claim = _measure_words


@functools.lru_cache(maxsize=1 << 16)
def _measure_words_of_key(key: str) -> set[str]:
    return _measure_words_of_claim(
        Claim(article_url="", field="body", start=0, end=0, text="", kind="", measure_key=key)
    )


def _measure_words(c: Claim) -> set[str]:  # type: ignore[no-redef]
    """_measure_words above, remembered by measure key: it reads nothing else of the claim
    (tests/test_incremental.py checks that it stays so)."""
    return _measure_words_of_key(c.measure_key)
