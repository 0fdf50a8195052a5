"""Score a run against a gold file (docs/gold-format.md): claims, frame fields, discrepancies.

The matching rules are the ones the gold format documents: a predicted claim matches a gold
claim in the same article and field when its span contains the quote or covers at least half
of it and is at most 200 characters longer; matching is one to one, preferring the prediction
whose amount lies inside the quote. Optional gold items are neither credit nor error.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import GoldError
from .load import load_article
from .model import Article

TEXT_FIELDS = ("measure", "scope", "condition", "claimant")
NUM_FIELDS = ("value", "low", "high")
EXACT_FIELDS = ("unit", "qualifier", "time", "kind")
_STOP = {
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "by",
    "with",
    "and",
    "or",
    "its",
    "their",
    "his",
    "her",
    "is",
    "was",
    "were",
    "are",
    "be",
    "that",
    "this",
    "as",
    "from",
    "it",
    "s",
}


@dataclass
class Gold:
    story: str
    folder: Path
    articles: dict[str, Path]
    claims: list[dict[str, Any]]
    discrepancies: list[dict[str, Any]]
    agreements: list[dict[str, Any]]


def load_gold(folder: str | Path) -> Gold:
    folder = Path(folder)
    path = folder / "gold.yaml" if folder.is_dir() else folder
    folder = path.parent
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GoldError(f"{path}: no gold file; see docs/gold-format.md") from None
    except yaml.YAMLError as e:
        raise GoldError(f"{path}: not valid YAML: {e}") from None
    if not isinstance(data, dict) or "articles" not in data or "claims" not in data:
        raise GoldError(f"{path}: a gold file needs 'articles' and 'claims'; see docs/gold-format.md")
    arts = {str(k): folder / str(v) for k, v in data["articles"].items()}
    claims = data.get("claims") or []
    ids = set()
    for c in claims:
        for key in ("id", "article", "quote"):
            if key not in c:
                raise GoldError(f"{path}: claim {c.get('id', c)!r} has no {key!r}")
        if c["article"] not in arts:
            raise GoldError(f"{path}: claim {c['id']!r} names unknown article {c['article']!r}")
        ids.add(c["id"])
    for d in data.get("discrepancies") or []:
        for cid in d.get("claims", []):
            if cid not in ids:
                raise GoldError(f"{path}: discrepancy {d} names unknown claim {cid!r}")
    return Gold(
        str(data.get("story") or folder.name),
        folder,
        arts,
        claims,
        data.get("discrepancies") or [],
        data.get("agreements") or [],
    )


def _content(s: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", s.lower()) if w not in _STOP}


def text_overlap(pred: str, gold: str) -> bool:
    """True when the two share at least half of the shorter one's content words."""
    p, g = _content(pred or ""), _content(gold or "")
    if not p or not g:
        return False
    return len(p & g) >= 0.5 * min(len(p), len(g))


def _num_eq(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    x, y = float(a), float(b)
    return abs(x - y) <= 0.011 * max(abs(x), abs(y), 1e-9) or abs(x - y) < 0.051


def _predicted_value(pred: dict[str, Any]) -> Any:
    """A predicted claim's value, or the one number of a range whose ends are the same."""
    if pred.get("value") is None and pred.get("low") is not None and pred.get("low") == pred.get("high"):
        return pred["low"]
    return pred.get("value")


def _same_amount(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Whether a predicted claim states the gold claim's amount (its value, or its low and high)."""
    if gold.get("value") is not None:
        return _num_eq(_predicted_value(pred), gold["value"])
    if gold.get("low") is not None or gold.get("high") is not None:
        return _num_eq(pred.get("low"), gold.get("low")) and _num_eq(pred.get("high"), gold.get("high"))
    return False


def _norm_type(t: str) -> str:
    return t[: -len("_mismatch")] if t.endswith("_mismatch") else t


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def score_report(gold: Gold, articles: dict[str, Article], report: dict[str, Any]) -> dict[str, Any]:
    """Compare a report (``Report.as_dict()``) with the gold; ``articles`` maps gold id -> Article."""
    url_to_id = {a.url: k for k, a in articles.items()}
    preds = [c for c in report["claims"] if c["article_url"] in url_to_id]
    # candidate pairs
    cands = []
    for gi, g in enumerate(gold.claims):
        art = articles[g["article"]]
        fld = g.get("field", "body")
        text = art.field_text(fld)
        pos = text.find(g["quote"])
        if pos < 0:
            raise GoldError(
                f"{gold.folder}: quote of {g['id']!r} is not in the article {fld}: {g['quote']!r}"
            )
        gs, ge = pos, pos + len(g["quote"])
        for pi, p in enumerate(preds):
            if url_to_id[p["article_url"]] != g["article"] or p["field"] != fld:
                continue
            ov = max(0, min(ge, p["end"]) - max(gs, p["start"]))
            contains = p["start"] <= gs and ge <= p["end"]
            if not (contains or ov >= 0.5 * (ge - gs)):
                continue
            if p["end"] - p["start"] > (ge - gs) + 200:
                continue
            inside = (
                p.get("quantity_start") is not None and gs <= p["quantity_start"] and p["quantity_end"] <= ge
            )
            # of two gold claims whose quotes hold the predicted number, the one whose value it is
            same_value = inside and _same_amount(p, g)
            cands.append(
                ((1 if inside else 0, 1 if same_value else 0, ov / max(p["end"] - p["start"], 1)), gi, pi)
            )
    cands.sort(key=lambda t: (-t[0][0], -t[0][1], -t[0][2], t[1], t[2]))
    g2p: dict[int, int] = {}
    p2g: dict[int, int] = {}
    for _, gi, pi in cands:
        if gi in g2p or pi in p2g:
            continue
        g2p[gi] = pi
        p2g[pi] = gi
    opt = [bool(g.get("optional")) for g in gold.claims]
    tp = sum(1 for gi in g2p if not opt[gi])
    fn = sum(1 for gi, _ in enumerate(gold.claims) if not opt[gi] and gi not in g2p)
    fp = sum(1 for pi in range(len(preds)) if pi not in p2g)
    # fields
    fields: dict[str, dict[str, int | float]] = {}
    for gi, pi in g2p.items():
        if opt[gi]:
            continue
        g, p = gold.claims[gi], preds[pi]
        for f in (*NUM_FIELDS, *EXACT_FIELDS, *TEXT_FIELDS):
            if f not in g or g[f] is None:
                continue
            if f == "kind" and g[f] == "headline" and p["field"] == "title":
                ok = True
            elif f in NUM_FIELDS:
                ok = _num_eq(_predicted_value(p) if f == "value" else p.get(f), g[f])
            elif f in EXACT_FIELDS:
                ok = str(p.get(f) or "") == str(g[f])
            else:
                ok = text_overlap(str(p.get(f) or ""), str(g[f]))
            st = fields.setdefault(f, {"correct": 0, "total": 0})
            st["correct"] = int(st["correct"]) + int(ok)
            st["total"] = int(st["total"]) + 1
    for st in fields.values():
        st["accuracy"] = round(int(st["correct"]) / int(st["total"]), 4) if st["total"] else 1.0
    # discrepancies
    pid_to_gold = {preds[pi]["id"]: gold.claims[gi]["id"] for pi, gi in p2g.items()}
    optional_ids = {g["id"] for g in gold.claims if g.get("optional")}
    gds = [{**d, "type": _norm_type(str(d["type"])), "claims": list(d["claims"])} for d in gold.discrepancies]
    agreements = [set(a["claims"]) for a in gold.agreements]
    matched_gold: set[int] = set()
    by_type: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    false_alarms = 0
    details: list[dict[str, Any]] = []
    valid_pred_claims = {c["id"] for c in preds}
    for d in report["discrepancies"]:
        if not set(d["claims"]) <= valid_pred_claims:
            continue
        t = _norm_type(d["type"])
        mapped = [pid_to_gold.get(c) for c in d["claims"]]
        need = 1 if t == "single_source" else 2
        hit = None
        if all(m is not None for m in mapped) and len(set(mapped)) >= need:
            for di, gd in enumerate(gds):
                if di in matched_gold or gd["type"] != t:
                    continue
                if set(mapped) <= set(gd["claims"]):
                    hit = di
                    break
        if hit is not None:
            matched_gold.add(hit)
            if gds[hit].get("optional"):
                continue
            by_type[t]["tp"] += 1
            details.append({"type": t, "claims": mapped, "result": "tp", "explanation": d["explanation"]})
            continue
        if any(m in optional_ids for m in mapped) or any(
            gd.get("optional") and gd["type"] == t and set(m for m in mapped if m) <= set(gd["claims"])
            for gd in gds
        ):
            continue
        by_type[t]["fp"] += 1
        details.append({"type": t, "claims": mapped, "result": "fp", "explanation": d["explanation"]})
        if t != "single_source" and all(mapped) and any(set(mapped) <= a for a in agreements):
            false_alarms += 1
    for di, gd in enumerate(gds):
        if di not in matched_gold and not gd.get("optional"):
            by_type[gd["type"]]["fn"] += 1
            details.append({"type": gd["type"], "claims": gd["claims"], "result": "fn"})
    tot = {k: sum(v[k] for v in by_type.values()) for k in ("tp", "fp", "fn")}
    disc = prf(tot["tp"], tot["fp"], tot["fn"])
    disc["by_type"] = {k: prf(v["tp"], v["fp"], v["fn"]) for k, v in sorted(by_type.items())}  # type: ignore[assignment]
    missed_claims = [gold.claims[gi]["id"] for gi in range(len(gold.claims)) if gi not in g2p and not opt[gi]]
    extra_claims = [preds[pi]["text"][:100] for pi in range(len(preds)) if pi not in p2g]
    return {
        "story": gold.story,
        "claims": prf(tp, fp, fn),
        "fields": fields,
        "discrepancies": disc,
        "agreement_false_alarms": false_alarms,
        "details": {"missed_claims": missed_claims, "extra_claims": extra_claims, "discrepancies": details},
    }


def evaluate(folder: str | Path, *, nlp: Any | None = None) -> dict[str, Any]:
    """Ingest the gold's articles into a fresh store, run the pipeline, and score it."""
    from .pipeline import ingest
    from .report import build_report
    from .store import open_store

    gold = load_gold(folder)
    articles = {k: load_article(p) for k, p in gold.articles.items()}
    store = open_store(None)  # a fresh in-memory store: nothing on disk to clean up
    results = ingest(store, [str(p) for p in gold.articles.values()], nlp=nlp)
    failed = [r for r in results if r.status == "failed"]
    if failed:
        raise GoldError(f"{gold.folder}: could not ingest {failed[0].source}: {failed[0].error}")
    report = build_report(store).as_dict()
    return score_report(gold, articles, report)
