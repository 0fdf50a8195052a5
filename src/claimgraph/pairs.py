"""The scores of every pair of two lists of claims at once: :func:`claimgraph.align.score`,
computed with numpy matrices instead of one call a pair.

A story of five articles with fifteen claims each has some 1,300 claim pairs to score, and a
store of 100,000 claims about a million; one Python call a pair takes most of a minute. Here
each claim is described once (its words as rows of an incidence matrix, its amount, time,
kind and verb class as numbers), and every term of ``score`` becomes an operation over the
whole pair matrix. The result is ``score``'s, term for term (tests/test_pairs.py compares the
two on every corpus story and on synthetic ones); ``score`` itself stays the reference, and
:func:`claimgraph.align.differences` gives the differing fields of the pairs that are kept.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from .lexicon import OPPOSITE_CLASSES, PREDICATE_CLASS, WITHHELD, is_outcome_class, money_basis, word_class
from .model import Claim

_DAY = 1  # times are compared as day ordinals


class Profile:
    """What ``score`` reads of each claim of a list, as arrays (one row a claim)."""

    def __init__(
        self,
        claims: Sequence[Claim],
        vocab: dict[str, int],
        classes: dict[str, int],
        units: dict[str, int],
        spaces: Sequence[str] | None = None,
        idf: Mapping[str, float] | None = None,
    ) -> None:
        from .align import (
            _LIGHT_VERBS,
            _SAID,
            _stated_time,
            comparable,
            counted,
            describing_amount,
            physical,
            unit_family,
        )

        n = len(claims)
        self.n = n
        self.counted_idf = np.zeros(n)
        kw: list[tuple[int, int]] = []
        mk: list[tuple[int, int]] = []
        mw: list[tuple[int, int]] = []
        mn: list[tuple[int, int]] = []  # the measure-word classes that are not outcome verbs
        ints: list[tuple[int, ...]] = []
        q_rows: list[int] = []
        q_vals: list[tuple[int, int, bool, float, float, int, bool]] = []
        t_rows: list[int] = []
        t_vals: list[tuple[int, int]] = []
        for i, c in enumerate(claims):
            ns = spaces[i] if spaces else ""
            kw += [(i, vocab[ns + w]) for w in set(c.keywords)]
            words = c.measure_key.split()
            mk += [(i, vocab[ns + w]) for w in set(words)]
            wcs = {k for k in (word_class(w) for w in words) if k}
            mw += [(i, classes[k]) for k in wcs]
            mn += [(i, classes[k]) for k in wcs if not is_outcome_class(k)]
            p = c.predicate
            wc = word_class(p)
            ints.append(
                (
                    c.kind in _SAID,
                    bool(words),
                    vocab[ns + p] if p else -1,  # the predicate's word id
                    classes[PREDICATE_CLASS.get(p, p)] if p else -1,  # its class
                    classes[wc] if wc else -1,  # its measure-word class
                    p in PREDICATE_CLASS,  # an outcome verb
                    bool(c.cited_document),
                    {"proposal": 0, "event": 1}.get(c.kind, -1),
                    c.negated,
                    c.kind == "quote",
                    {"real": 1, "cash": 2}.get(money_basis(c.text), 0),
                    describing_amount(c),
                    p == WITHHELD,
                    p in _LIGHT_VERBS,
                )
            )
            if (q := c.quantity) is not None:
                q_rows.append(i)
                unit, lo, hi = comparable(q)  # durations in days
                u = units.setdefault(unit, len(units))
                f = units.setdefault("family " + unit_family(q.unit), len(units))
                noun = counted(c)
                q_vals.append(
                    (
                        u,
                        f,
                        q.baseline,
                        lo,
                        hi,
                        units.setdefault("noun " + ns + noun, len(units)) if noun else -1,
                        physical(q.unit),
                    )
                )
                self.counted_idf[i] = idf.get(ns + noun, 0.0) if noun and idf else 0.0
            if (t := _stated_time(c)) is not None:
                t_rows.append(i)
                t_vals.append((t.begin.toordinal(), t.end.toordinal()))
        self.kw = _incidence(n, len(vocab), kw)
        self.mk = _incidence(n, len(vocab), mk)
        self.mw = _incidence(n, len(classes), mw)
        self.mn = _incidence(n, len(classes), mn)
        cols = np.array(ints, dtype=np.int64).reshape(n, 14).T
        self.said, self.has_mk = cols[0].astype(bool), cols[1].astype(bool)
        self.pred, self.pred_class, self.pred_wc = cols[2], cols[3], cols[4]
        self.in_pc, self.cites, self.kind = cols[5].astype(bool), cols[6].astype(bool), cols[7]
        self.negated = cols[8].astype(bool)
        self.quote = cols[9].astype(bool)
        self.basis = cols[10]  # 1 after inflation, 2 in cash terms, 0 not said
        self.describes = cols[11].astype(bool)  # an amount that only describes a thing
        self.withheld = cols[12].astype(bool)  # what a source would not say
        self.light = cols[13].astype(bool)  # a light verb ("be", "have", "say")
        self.has_q = np.zeros(n, dtype=bool)
        self.unit = np.full(n, -1, dtype=np.int64)
        self.family = np.full(n, -1, dtype=np.int64)
        self.baseline = np.zeros(n, dtype=bool)
        self.lo = np.zeros(n)
        self.hi = np.zeros(n)
        self.counted = np.full(n, -1, dtype=np.int64)  # the word the amount counts
        self.physical = np.zeros(n, dtype=bool)  # a physical unit ("tonnes", "cubic metres")
        if q_rows:
            qv = list(zip(*q_vals, strict=True))
            self.has_q[q_rows] = True
            self.unit[q_rows], self.family[q_rows], self.baseline[q_rows] = qv[0], qv[1], qv[2]
            self.lo[q_rows], self.hi[q_rows] = qv[3], qv[4]
            self.counted[q_rows] = qv[5]
            self.physical[q_rows] = qv[6]
        self.has_t = np.zeros(n, dtype=bool)
        self.tb = np.zeros(n, dtype=np.int64)
        self.te = np.zeros(n, dtype=np.int64)
        if t_rows:
            self.has_t[t_rows] = True
            self.tb[t_rows], self.te[t_rows] = zip(*t_vals, strict=True)


def _incidence(n: int, m: int, cells: list[tuple[int, int]]) -> np.ndarray:
    out = np.zeros((n, m))
    if cells:
        at = np.array(cells, dtype=np.int64)
        out[at[:, 0], at[:, 1]] = 1.0
    return out


def vocabularies(
    claims: Sequence[Claim], spaces: Sequence[str] | None = None
) -> tuple[dict[str, int], dict[str, int]]:
    """Word ids (keywords, measure-key words, predicates) and class ids (measure-word classes,
    predicate classes) for a list of claims; a claim's words are prefixed with its space."""
    words: set[str] = set()
    classes: set[str] = set()
    for i, c in enumerate(claims):
        ns = spaces[i] if spaces else ""
        words.update(ns + w for w in c.keywords)
        mk = c.measure_key.split()
        words.update(ns + w for w in mk)
        classes.update(word_class(w) for w in mk)
        if c.predicate:
            words.add(ns + c.predicate)
            classes.add(PREDICATE_CLASS.get(c.predicate, c.predicate))
        classes.add(word_class(c.predicate))
    classes.discard("")
    return {w: i for i, w in enumerate(sorted(words))}, {w: i for i, w in enumerate(sorted(classes))}


def _gather(m: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """``m[i, cols[j]]`` for every row i and every j (0 where ``cols[j]`` is -1)."""
    padded = np.concatenate([m, np.zeros((m.shape[0], 1))], axis=1)
    return padded[:, np.where(cols < 0, m.shape[1], cols)]


def _own(m: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """``m[i, cols[i]]`` for every row i (0 where ``cols[i]`` is -1)."""
    padded = np.concatenate([m, np.zeros((m.shape[0], 1))], axis=1)
    return padded[np.arange(m.shape[0]), np.where(cols < 0, m.shape[1], cols)]


def _class_overlap(
    xm: np.ndarray, ym: np.ndarray, x_wc: np.ndarray, y_wc: np.ndarray, both_said: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For every pair, the word classes the two have in common and how many each has; for two
    statements (``both_said``), without the classes of their own verbs (``x_wc``, ``y_wc``)."""
    nx, ny = xm.shape[0], ym.shape[0]
    inter = xm @ ym.T
    cx = np.repeat(xm.sum(axis=1)[:, None], ny, axis=1)
    cy = np.repeat(ym.sum(axis=1)[None, :], nx, axis=0)
    if both_said.any():
        cx_in_x, cy_in_y = _own(xm, x_wc)[:, None], _own(ym, y_wc)[None, :]
        cx_in_y, cy_in_x = _gather(ym, x_wc).T, _gather(xm, y_wc)  # (nx, ny)
        same_c = x_wc[:, None] == y_wc[None, :]
        i2 = inter - cx_in_x * cx_in_y - np.where(same_c, 0.0, cy_in_x * cy_in_y)
        inter = np.where(both_said, i2, inter)
        cx, cy = np.where(both_said, cx - cx_in_x, cx), np.where(both_said, cy - cy_in_y, cy)
    return inter, cx, cy


FEATURES = ("measure", "unit", "value", "time", "cites", "kind", "predicate")
# the words two quotes, or a quote and an event, must share ("we know people are waiting too
# long, often in pain" and "many of them are in pain" are two things one person said)
QUOTE_WORDS = 2
# amounts in one unit more than this many times apart are not one figure, however worded: "can
# claim €120" is not "a total bill of €20 million to €30 million", nor "240 people treated at
# the city's hospital" the "more than 1,800 admitted nationwide" (the figures outlets disagree
# on, in the corpus, are at most 3.4 times apart); a slip of scale, "€25 million" for "€25
# billion", a thousand times, still is one figure misreported
FAR_APART = 4.0
SCALE_SLIP = 1000.0
# a headline may overstate its article's figure by far more ("Hundreds of patients evacuated" /
# "94 patients had been moved"): it is linked to the body claim it restates unless a thousand
# times apart
HEADLINE_FAR_APART = 1000.0


def closeness(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """1 - the relative difference of two amounts, at least 0 (broadcast over the arrays)."""
    rel = np.abs(a - b) / np.maximum(np.maximum(np.abs(a), np.abs(b)), 1e-9)
    out: np.ndarray = np.maximum(0.0, 1 - rel)
    return out


def pair_scores(
    xs: Sequence[Claim],
    ys: Sequence[Claim],
    idf: dict[str, float],
    *,
    amounts_must_match: bool = True,
    spaces: tuple[Sequence[str], Sequence[str]] | None = None,
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """The score of every pair, and for each of :data:`FEATURES` the pairs on which it agreed
    (what ``score`` lists before the differences).

    With ``amounts_must_match=False`` a pair of which only one side has an amount is scored
    as if neither had one (as :func:`claimgraph.align.headline_links` compares a headline).
    With ``spaces`` (a string for each claim of ``xs`` and of ``ys``) words are weighed in
    their claim's space: ``idf`` is then keyed by space + word, so claims of different
    articles, each weighed by its own article's words, are scored in one call.
    """
    from .align import (
        CONTRADICTION_BONUS,
        CONTRADICTION_DAYS,
        COUNTED_BONUS,
        COUNTED_IDF,
        STATED_VERB_BONUS,
    )

    sx, sy = spaces if spaces else (None, None)
    if ys is xs:
        vocab, classes = vocabularies(xs, sx)
    else:
        vocab, classes = vocabularies([*xs, *ys], [*sx, *sy] if sx is not None and sy is not None else None)
    w = np.ones(len(vocab))
    for word, i in vocab.items():
        w[i] = idf.get(word, 1.0)
    units: dict[str, int] = {}
    x = Profile(xs, vocab, classes, units, sx, idf)
    y = x if ys is xs else Profile(ys, vocab, classes, units, sy, idf)
    nx, ny = x.n, y.n
    if not nx or not ny:
        return np.zeros((nx, ny)), {f: np.zeros((nx, ny), dtype=bool) for f in FEATURES}

    # the words compared: keywords, or for two reported statements what is said without the verbs
    said = np.outer(x.said & x.has_mk, y.said & y.has_mk)
    inter = (x.kw * w) @ y.kw.T
    union = (x.kw @ w)[:, None] + (y.kw @ w)[None, :] - inter
    if said.any():
        mx_, my_ = x.mk * w, y.mk
        i_mk = mx_ @ my_.T
        u_mk = (x.mk @ w)[:, None] + (y.mk @ w)[None, :] - i_mk
        wp = np.append(w, 0.0)
        # v = the x side's verb, then the y side's (unless it is the same word)
        in_x_vx = _own(x.mk, x.pred)[:, None]  # x has its own verb
        in_y_vx = _gather(y.mk, x.pred)  # (ny, nx): y has x's verb
        in_x_vy = _gather(x.mk, y.pred)  # (nx, ny): x has y's verb
        in_y_vy = _own(y.mk, y.pred)[None, :]
        w_vx = wp[np.where(x.pred < 0, len(w), x.pred)][:, None]
        w_vy = wp[np.where(y.pred < 0, len(w), y.pred)][None, :]
        same_v = x.pred[:, None] == y.pred[None, :]
        in_y_vx = in_y_vx.T
        both_vx, any_vx = in_x_vx * in_y_vx, np.maximum(in_x_vx, in_y_vx)
        both_vy, any_vy = in_x_vy * in_y_vy, np.maximum(in_x_vy, in_y_vy)
        not_same = ~same_v
        # a bare verb ("nothing has yet been recovered") is what is said: verbs are kept
        rest_x = x.mk.sum(axis=1)[:, None] - in_x_vx - np.where(not_same, in_x_vy, 0.0)
        rest_y = y.mk.sum(axis=1)[None, :] - in_y_vx - np.where(not_same, in_y_vy, 0.0)
        bare = (rest_x <= 0) | (rest_y <= 0)
        i_mk = np.where(bare, i_mk, i_mk - w_vx * both_vx - np.where(not_same, w_vy * both_vy, 0.0))
        u_mk = np.where(bare, u_mk, u_mk - w_vx * any_vx - np.where(not_same, w_vy * any_vy, 0.0))
        inter = np.where(said, i_mk, inter)
        union = np.where(said, u_mk, union)
        # two quotes have more than one word in common, or they are two things said; so have a
        # quote and an event ("nobody wants a ban, but a ban now ..." / "the ban comes into force")
        x_event, y_event = x.kind == 1, y.kind == 1
        quoted = np.outer(x.quote, y.quote | y_event) | np.outer(x_event, y.quote)
        few_shared = said & quoted & (x.mk @ y.mk.T < QUOTE_WORDS)
    else:
        few_shared = np.zeros((nx, ny), dtype=bool)
    union = np.where(union == 0, 1.0, union)
    s = inter / union

    # what is measured: word classes of the measure keys (for two statements, without the verbs)
    both_said = np.outer(x.said, y.said)
    m_inter, m_x, m_y = _class_overlap(x.mw, y.mw, x.pred_wc, y.pred_wc, both_said)
    has_m = (m_x > 0) & (m_y > 0) & (m_inter > 0)
    # two measures that share no word but the verb ("pay rose" / "unemployment climbed"): the
    # same movement of different things
    n_inter, n_x, n_y = _class_overlap(x.mn, y.mn, x.pred_wc, y.pred_wc, both_said)
    has_m &= ~((n_x > 0) & (n_y > 0) & (n_inter == 0))
    s = s + np.where(has_m, 0.15 * m_inter / np.where(has_m, np.minimum(m_x, m_y), 1.0), 0.0)

    # amounts: a unit family in common, the baseline, the values
    both_q = np.outer(x.has_q, y.has_q)
    fam_ok = x.family[:, None] == y.family[None, :]
    s = s - np.where(both_q & (x.baseline[:, None] != y.baseline[None, :]), 0.15, 0.0)
    same_unit = both_q & (x.unit[:, None] == y.unit[None, :])
    overlap = (x.lo[:, None] <= y.hi[None, :]) & (y.lo[None, :] <= x.hi[:, None])
    s = s + np.where(same_unit & overlap, 0.2, 0.0)
    s = s + np.where(same_unit & ~overlap, 0.1 * closeness(x.lo[:, None], y.lo[None, :]), 0.0)
    same_noun = both_q & (x.counted[:, None] >= 0) & (x.counted[:, None] == y.counted[None, :])
    same_noun &= x.counted_idf[:, None] >= COUNTED_IDF
    s = s + np.where(same_noun, COUNTED_BONUS, 0.0)
    s = s + np.where(~same_noun & same_unit & x.physical[:, None], COUNTED_BONUS, 0.0)

    # times
    both_t = np.outer(x.has_t, y.has_t)
    t_overlap = (x.tb[:, None] <= y.te[None, :]) & (y.tb[None, :] <= x.te[:, None])
    len_x = (x.te - x.tb + _DAY)[:, None]
    len_y = (y.te - y.tb + _DAY)[None, :]
    far = np.maximum(len_x, len_y) > 25 * np.minimum(len_x, len_y)
    s = s + np.where(both_t & t_overlap, 0.1, 0.0)
    s = s - np.where(both_t & t_overlap & far, 0.2, 0.0)
    s = s - np.where(both_t & ~t_overlap, 0.25, 0.0)

    s = s + np.where(np.outer(x.cites, y.cites), 0.1, 0.0)
    s = s + np.where((x.kind[:, None] == y.kind[None, :]) & (x.kind[:, None] >= 0), 0.1, 0.0)

    # verbs: the same class (an outcome verb adds), or opposite classes
    same_class = (x.pred[:, None] >= 0) & (x.pred_class[:, None] == y.pred_class[None, :])
    s = s + np.where(same_class & x.in_pc[:, None], 0.05, 0.0)
    stated = same_class & ~x.in_pc[:, None] & np.outer(x.said & ~x.light, y.said)
    s = s + np.where(stated, STATED_VERB_BONUS, 0.0)
    opposite = np.zeros((nx, ny), dtype=bool)
    if OPPOSITE_CLASSES:
        opp = np.zeros((len(classes) + 1, len(classes) + 1), dtype=bool)
        for pair in OPPOSITE_CLASSES:
            a, b = sorted(pair)
            if a in classes and b in classes:
                opp[classes[a], classes[b]] = opp[classes[b], classes[a]] = True
        cx = np.where(x.pred_class < 0, len(classes), x.pred_class)
        cy = np.where(y.pred_class < 0, len(classes), y.pred_class)
        opposite = (x.pred[:, None] >= 0) & ~same_class & opp[np.ix_(cx, cy)]
        s = s + np.where(opposite, 0.05, 0.0)

    # an amount against none, or amounts in different unit families, or in one unit but far
    # apart (FAR_APART): nothing in common (unless the two are outcomes that contradict
    # each other: align._opposite_outcomes)
    mag_x = np.maximum(np.abs(x.lo), np.abs(x.hi))[:, None]
    mag_y = np.maximum(np.abs(y.lo), np.abs(y.hi))[None, :]
    small, large = np.minimum(mag_x, mag_y), np.maximum(mag_x, mag_y)
    far_apart = FAR_APART if amounts_must_match else HEADLINE_FAR_APART
    slip = np.isclose(large, SCALE_SLIP * small, rtol=0.01)
    far = same_unit & (small > 0) & (large > far_apart * small) & ~slip
    # a change after inflation and one in cash terms: two measures
    bases = (x.basis[:, None] > 0) & (y.basis[None, :] > 0) & (x.basis[:, None] != y.basis[None, :])
    zero = (both_q & ~fam_ok) | few_shared | far | bases
    if amounts_must_match:
        # what a source would not say ("declined to say whether ...") is about what another
        # says, but neither supports nor contradicts it (a headline that states it as fact is
        # still linked to it: headline_links asks for amounts that need not match)
        zero |= x.withheld[:, None] != y.withheld[None, :]
        same_neg = x.negated[:, None] == y.negated[None, :]
        contradict = np.outer(x.in_pc, y.in_pc) & ((same_class & ~same_neg) | (opposite & same_neg))
        # two outcomes that contradict each other, of one measure, not far apart (align.score)
        gap = np.maximum(x.tb[:, None], y.tb[None, :]) - np.minimum(x.te[:, None], y.te[None, :])
        bonus = (
            contradict & has_m & ~np.outer(x.has_q, y.has_q) & ~(both_t & (gap > CONTRADICTION_DAYS * _DAY))
        )
        s = s + np.where(bonus, CONTRADICTION_BONUS, 0.0)
        # (an amount that only describes a thing, "a 420-place school", does not count here)
        zero |= (
            (np.outer(x.has_q, ~y.has_q) | np.outer(~x.has_q, y.has_q))
            & ~contradict
            & ~np.logical_or.outer(x.describes, y.describes)
        )
    feats = {
        "measure": has_m,
        "unit": both_q,
        "value": same_unit & overlap,
        "time": both_t & t_overlap,
        "cites": np.outer(x.cites, y.cites),
        "kind": (x.kind[:, None] == y.kind[None, :]) & (x.kind[:, None] >= 0),
        "predicate": same_class,
    }
    return np.where(zero, 0.0, s), feats
