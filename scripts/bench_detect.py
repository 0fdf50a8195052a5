"""Benchmark: alignment and detection over 100,000 synthetic claims in an on-disk store.

    python scripts/bench_detect.py [--claims N] [--store DIR] [--check] [--repeat N]

The store is built the way the pipeline writes articles (``graph.article_triples`` per
article, one named graph each) from synthetic :class:`Article`/:class:`Claim` values: about
2,000 stories, each told by 3-5 outlets, with frames like the extractor's (amounts with units,
qualifiers and times, measure keys, claimants, cited documents, conditions, headlines) and
planted discrepancies of every type, so that matching and every rule have work to do. NLP is
not involved. Then it times

  (a) a full ``analyse_store``: alignment (stories, matches) and detection over the whole store;
  (b) ingesting one new article into one story: the incremental ``analyse_changes`` after it,
      right after (a) and then ``--repeat`` - 1 more times on the store compacted.

With ``--check`` it also verifies that the incremental result equals a full run's; with
``--floor`` it times bulk-loading what (a) wrote into an empty store, which (a) cannot beat on
the machine at hand. Figures are printed; this is a benchmark, not a timed test.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from pyoxigraph import NamedNode, Quad, RdfFormat, Store

from claimgraph.graph import article_graph, article_iri, article_triples
from claimgraph.model import Article, Claim, Quantity, TimeSpan
from claimgraph.store import open_store, write_article
from claimgraph.vocab import DISCREPANCIES_GRAPH, MATCHES_GRAPH, STORIES_GRAPH

_SYL = "ba be bi bo bu da de di do du fa fe fi ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu ra re ri ro ru sa se si so ta te ti to tu va ve vi vo za zo".split()
_COMMON = (
    "said people year government report city official week month percent country number "
    "public plan new time state local national say show add figure last first group day"
).split()
_MEASURE_NOUNS = (
    "share cost price rate level number count output revenue budget toll loss growth total "
    "capacity demand supply volume spending income fare wage debt export import yield"
).split()
_OUTCOMES = ("rise", "fall", "cut", "raise", "keep", "approve", "reject", "hold", "fail", "close", "open")
_SAY = ("say", "report", "estimate", "reach", "record", "put", "expect")
_UNITS = ("percent", "count", "USD", "EUR", "m", "day", "week", "month", "times", "percentage_point")
_DOCS = ("annual report", "audit", "white paper", "review", "briefing note", "survey")
_OUTLETS = [
    f"{a} {b}"
    for a in ("Northgate", "Meridian", "Harbour", "Valley", "Capital", "Coastal", "Central", "Summit")
    for b in ("Wire", "Courier", "Herald", "Post", "Daily", "Times", "Review", "Radio")
]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYL) for _ in range(rng.choice((2, 3, 3, 4))))


@dataclass
class _Fact:
    kind: str
    words: list[str]  # the fact's own content words
    measure: list[str]
    predicate: str
    negated: bool = False
    unit: str = ""
    value: float = 0.0
    qualifier: str = "exact"
    time: TimeSpan | None = None
    claimant: str = ""
    document: str = ""
    scope: str = ""
    condition: str = ""
    modality: str = "asserted"
    variants: dict[str, str] = field(default_factory=dict)  # outlet -> planted difference


def _time(rng: random.Random, day0: date) -> TimeSpan:
    y = day0.year
    g = rng.choice(("year", "quarter", "month", "day"))
    if g == "year":
        return TimeSpan(str(y), str(y), date(y, 1, 1), date(y, 12, 31), "year")
    if g == "quarter":
        q = rng.randint(1, 4)
        b = date(y, 3 * q - 2, 1)
        e = (date(y, 3 * q, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return TimeSpan(f"Q{q} {y}", f"{y}-Q{q}", b, e, "quarter")
    if g == "month":
        m = rng.randint(1, 12)
        e = (date(y, m, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return TimeSpan(date(y, m, 1).strftime("%B %Y"), f"{y}-{m:02d}", date(y, m, 1), e, "month")
    d = day0 - timedelta(days=rng.randint(0, 3))
    return TimeSpan(d.strftime("%d %B"), d.isoformat(), d, d, "day")


def _story_facts(rng: random.Random, topic: list[str], names: list[str], day0: date) -> list[_Fact]:
    facts = []
    for _ in range(14):
        kind = rng.choices(("quantity", "attribution", "quote", "event", "proposal"), (55, 15, 10, 10, 10))[0]
        own = [_word(rng) for _ in range(3)]
        f = _Fact(
            kind=kind,
            words=[*rng.sample(topic, 3), *own, *rng.sample(_COMMON, 2)],
            measure=[rng.choice(_MEASURE_NOUNS), own[0]],
            predicate=rng.choice(_OUTCOMES if rng.random() < 0.6 else _SAY),
        )
        if kind == "quantity":
            f.unit = rng.choice(_UNITS)
            f.value = float(rng.choice((rng.randint(2, 99), rng.randint(100, 50000))))
            f.qualifier = rng.choices(("exact", "about", "over", "under"), (70, 10, 10, 10))[0]
            f.scope = f"in {rng.choice(names)} {rng.choice(topic)}" if rng.random() < 0.4 else ""
        if kind != "event" and rng.random() < 0.8:
            f.claimant = (
                f"The {rng.choice(names)} {rng.choice(('ministry', 'authority', 'council', 'agency'))}"
            )
        if rng.random() < 0.25:
            f.document = f"{rng.choice(names)} {rng.choice(_DOCS)}"
        f.time = _time(rng, day0) if rng.random() < 0.7 else None
        if kind == "proposal":
            f.modality = "proposed"
            if rng.random() < 0.5:
                f.condition = f"only if the {rng.choice(names)} {rng.choice(topic)} agrees"
        facts.append(f)
    return facts


_VARIANTS = ("numeric", "qualifier", "time", "scope", "measure", "omitted", "attribution", "polarity")


def _claim(
    rng: random.Random, art_url: str, f: _Fact, variant: str, names: list[str]
) -> tuple[str, dict[str, object]]:
    """The sentence of a fact as one outlet reports it, and its frame (offsets added later)."""
    words = list(f.words)
    if rng.random() < 0.5:  # outlets word things differently
        words[rng.randrange(len(words))] = _word(rng)
    measure = list(f.measure)
    pred, neg = f.predicate, f.negated
    unit, value, qual, t = f.unit, f.value, f.qualifier, f.time
    scope, claimant, doc, cond = f.scope, f.claimant, f.document, f.condition
    if variant == "numeric" and unit:
        value = round(value * rng.choice((0.5, 1.6, 2.5)), 1)
    elif variant == "qualifier" and unit:
        qual = "over" if qual == "exact" else "exact"
    elif variant == "time" and t is not None and t.granularity != "year":
        y = t.begin.year
        t = TimeSpan(str(y), str(y), date(y, 1, 1), date(y, 12, 31), "year")
    elif variant == "scope" and unit:
        scope = f"across {rng.choice(names)} {_word(rng)}"
    elif variant == "measure" and unit:
        measure = [rng.choice(_MEASURE_NOUNS), _word(rng)]
    elif variant == "omitted":
        cond = ""
    elif variant == "attribution" and (claimant or doc):
        claimant, doc = f"The {_word(rng).title()} institute", ""
    elif variant == "polarity" and pred in ("rise", "approve", "hold", "open", "keep"):
        neg = not neg
    qtext = ""
    if unit:
        qword = {"exact": "", "about": "about ", "over": "more than ", "under": "nearly "}[qual]
        num = f"{value:,.1f}".rstrip("0").rstrip(".")
        qtext = f"{qword}{num}{'%' if unit == 'percent' else ' ' + unit}"
    if doc:
        lead = f"the {doc}{' by ' + claimant if claimant else ''} says "
    else:
        lead = f"{claimant} said " if claimant else ""
    text = (
        f"{lead}the {' '.join(measure)} of {' '.join(words[:3])} {'did not ' if neg else ''}{pred}"
        f"{' to ' + qtext if qtext else ''} {' '.join(words[3:])}"
        f"{' ' + scope if scope else ''}{' in ' + t.text if t else ''}{', ' + cond if cond else ''}."
    )
    text = text[0].upper() + text[1:]
    frame: dict[str, object] = {
        "kind": f.kind,
        "measure": " ".join(measure),
        "measure_key": " ".join(sorted({*measure, pred})),
        "subject": words[0],
        "scope": scope,
        "condition": cond,
        "claimant": claimant,
        "claimant_vague": False,
        "cited_document": doc,
        "modality": f.modality,
        "negated": neg,
        "predicate": pred,
        "keywords": tuple(dict.fromkeys([*measure, *words, pred])),
        "time": t,
        "qtext": qtext,
        "unit": unit,
        "value": value,
        "qualifier": qual,
    }
    return text, frame


def _headline(rng: random.Random, text: str, fr: dict[str, object]) -> tuple[str, dict[str, object]]:
    """A headline restating a body sentence; some drop its condition, harden a proposal into a
    fact, or change its figure."""
    title, head = text.rstrip("."), {**fr, "kind": "headline"}
    r = rng.random()
    if r < 0.15 and fr["condition"]:
        title, head["condition"] = title.replace(f", {fr['condition']}", ""), ""
    elif r < 0.3 and fr["modality"] == "proposed":
        head["modality"] = "asserted"
    elif r < 0.45 and fr["qtext"]:
        value = round(float(fr["value"]) * 1.5, 1)  # type: ignore[arg-type]
        qtext = str(fr["qtext"]).replace(
            f"{float(fr['value']):,.1f}".rstrip("0").rstrip("."), f"{value:,.1f}".rstrip("0").rstrip(".")
        )  # type: ignore[arg-type]
        title, head["qtext"], head["value"] = title.replace(str(fr["qtext"]), qtext), qtext, value
    return title, head


def _build_claims(
    art: Article, sentences: list[tuple[str, dict[str, object]]], title_of: int, head: dict[str, object]
) -> list[Claim]:
    out, pos = [], 0
    for i, (text, fr) in enumerate(sentences):
        s = art.text.index(text, pos)
        pos = s + len(text)
        out.append(_frame_claim(art.url, "body", s, text, fr))
        if i == title_of:
            out.append(_frame_claim(art.url, "title", 0, art.title, head))
    return out


def _frame_claim(url: str, fld: str, start: int, text: str, fr: dict[str, object]) -> Claim:
    q = None
    qtext = str(fr["qtext"])
    if qtext and qtext in text:
        qs = start + text.index(qtext)
        q = Quantity(
            qtext,
            qs,
            qs + len(qtext),
            str(fr["unit"]),
            str(fr["qualifier"]),
            value=float(fr["value"]),  # type: ignore[arg-type]
        )
    kw = {k: v for k, v in fr.items() if k not in ("qtext", "unit", "value", "qualifier")}
    return Claim(article_url=url, field=fld, start=start, end=start + len(text), text=text, quantity=q, **kw)  # type: ignore[arg-type]


def synthetic_story(
    rng: random.Random, s: int, outlets: int | None = None
) -> list[tuple[Article, list[Claim]]]:
    """One story as 3-5 outlets tell it: shared facts with planted differences, own facts, headlines."""
    topic = [_word(rng) for _ in range(12)]
    names = [_word(rng).title() for _ in range(4)]
    day0 = date(2025, 1, 1) + timedelta(days=rng.randint(0, 600))
    facts = _story_facts(rng, topic, names, day0)
    chosen = rng.sample(_OUTLETS, outlets or rng.randint(3, 5))
    for f in facts:
        if rng.random() < 0.35:  # one outlet tells this fact differently
            f.variants[rng.choice(chosen)] = rng.choice(_VARIANTS)
    out = []
    for o in chosen:
        url = f"https://{o.lower().replace(' ', '-')}.example/{s:05d}-{names[0].lower()}"
        sentences = []
        for f in facts:
            if rng.random() < 0.7:
                sentences.append(_claim(rng, url, f, f.variants.get(o, ""), names))
        for _ in range(2):  # what only this outlet reports
            own = _story_facts(rng, topic, names, day0)[0]
            sentences.append(_claim(rng, url, own, "", names))
        rng.shuffle(sentences)
        h = rng.randrange(len(sentences))
        title, head = _headline(rng, *sentences[h])
        body = "\n\n".join(" ".join(t for t, _ in sentences[i : i + 3]) for i in range(0, len(sentences), 3))
        art = Article(text=body, url=url, title=title, outlet=o, published=day0, source=url)
        out.append((art, _build_claims(art, sentences, h, head)))
    return out


LATE_STORY = 17  # the story whose fifth outlet's article arrives late, in (b)


def synthetic_corpus(n_claims: int, seed: int = 6) -> Iterator[tuple[int, Article, list[Claim]]]:
    """(story, article, claims) until ``n_claims`` claims are made (the last story may go over)."""
    rng = random.Random(seed)
    made, s = 0, 0
    while made < n_claims:
        for art, claims in synthetic_story(rng, s, 5 if s == LATE_STORY else None):
            made += len(claims)
            yield s, art, claims
        s += 1


def late_article(seed: int = 6) -> tuple[Article, list[Claim]]:
    """The article held back from the store: the last outlet's account of story LATE_STORY."""
    story = []
    for s, a, cs in synthetic_corpus(10**9, seed):
        if s > LATE_STORY:
            break
        if s == LATE_STORY:
            story.append((a, cs))
    return story[-1]


def build_store(path: Path, n_claims: int, seed: int = 6) -> tuple[int, int]:
    """Write the synthetic corpus, less the late article, into an on-disk store: (articles, claims)."""
    store = open_store(path)
    now = datetime(2026, 1, 1)
    late = late_article(seed)[0].url
    arts = claims = 0
    batch: list[Quad] = []
    for _, art, cs in synthetic_corpus(n_claims, seed):
        if art.url == late:
            continue
        g = NamedNode(article_graph(art.url))
        batch += [Quad(t.subject, t.predicate, t.object, g) for t in article_triples(art, cs, now=now)]
        arts += 1
        claims += len(cs)
        if len(batch) > 200_000:
            store.bulk_extend(batch)
            batch = []
    store.bulk_extend(batch)
    store.flush()
    store.optimize()
    return arts, claims


def write_floor(store: Store, scratch: Path) -> str:
    """What (a) cannot go under on this machine: the time to bulk-load the graphs it wrote
    (matches, stories, discrepancies) into an empty on-disk store, with nothing computed."""
    graphs = (MATCHES_GRAPH, STORIES_GRAPH, DISCREPANCIES_GRAPH)
    text = "".join(
        str(q) + " .\n" for g in graphs for q in store.quads_for_pattern(None, None, None, NamedNode(g))
    )
    where = Path(tempfile.mkdtemp(prefix="cg-floor-", dir=scratch))
    try:
        empty = Store(str(where / "store"))
        t0, c0 = time.perf_counter(), time.process_time()
        empty.bulk_load(text.encode(), RdfFormat.N_QUADS)
        empty.flush()
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        del empty
    finally:
        shutil.rmtree(where, ignore_errors=True)
    return (
        f"    writing (a)'s output alone: {text.count(chr(10)):,} quads bulk-loaded into an empty "
        f"on-disk store in {wall:.2f} s ({cpu:.2f} s CPU)"
    )


def derived(store: Store) -> set[str]:
    """The matches, stories and discrepancies graphs as sorted N-Quads lines."""
    return {
        str(q)
        for g in (MATCHES_GRAPH, STORIES_GRAPH, DISCREPANCIES_GRAPH)
        for q in store.quads_for_pattern(None, None, None, NamedNode(g))
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000, help="claims in the synthetic store")
    ap.add_argument(
        "--store", type=Path, help="build (or reuse) the store here instead of a temporary folder"
    )
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--check", action="store_true", help="also check incremental == full (one more full run)")
    ap.add_argument("--repeat", type=int, default=6, help="how many times (b) is measured")
    ap.add_argument(
        "--floor", action="store_true", help="also time writing (a)'s output alone, into an empty store"
    )
    args = ap.parse_args()

    from claimgraph.align import align
    from claimgraph.detect import detect
    from claimgraph.pipeline import analyse_changes, analyse_store

    tmp = None
    if args.store is None:
        tmp = Path(tempfile.mkdtemp(prefix="cg-bench-"))
        args.store = tmp / "store"
    try:
        if not (args.store / "CURRENT").exists():
            t0 = time.perf_counter()
            arts, claims = build_store(args.store, args.claims, args.seed)
            print(
                f"built {args.store}: {arts:,} articles, {claims:,} claims in {time.perf_counter() - t0:.1f} s"
            )
        store = open_store(args.store)
        t0, c0 = time.perf_counter(), time.process_time()
        stories, matches = align(store)
        align_s = time.perf_counter() - t0
        found = detect(store)
        full_s, cpu_s = time.perf_counter() - t0, time.process_time() - c0
        print(
            f"(a) full align + detect : {full_s:6.2f} s  (align {align_s:.2f} s, detect {full_s - align_s:.2f} s; "
            f"{len(stories):,} stories, {len(matches):,} matches, {len(found):,} findings)"
        )
        print(f"    CPU time of all threads: {cpu_s:.1f} s on {os.cpu_count()} cores")
        by_type = Counter(d.type for d in found)
        print("    findings by type: " + ", ".join(f"{k} {v}" for k, v in sorted(by_type.items())))
        if args.floor:
            print(write_floor(store, args.store.parent))

        # (b) the fifth outlet's account of one story arrives: write it, analyse what it touches.
        # The first time right after (a), while RocksDB still compacts what (a) wrote in the
        # background; then again on a compacted store (Store.optimize, as a store that has been
        # in use for a while is), the article removed and the store analysed before each time
        art, cs = late_article(args.seed)
        times = []
        for attempt in range(args.repeat):
            if attempt:
                store.remove_graph(NamedNode(article_graph(art.url)))
                analyse_changes(store, articles=[article_iri(art.url)])
            if attempt == 1:
                t0 = time.perf_counter()
                store.optimize()
                print(f"    (store compacted in {time.perf_counter() - t0:.1f} s)")
            write_article(store, art.url, article_triples(art, cs))
            t0 = time.perf_counter()
            inc = analyse_changes(store, articles=[article_iri(art.url)])  # as ingest calls it
            times.append(time.perf_counter() - t0)
            if not attempt:
                print(
                    f"(b) one new article     : {times[0]:6.2f} s  "
                    f"({len(cs)} claims; {len(inc)} findings in its story)"
                )
        if len(times) > 1:
            print(
                f"    again on the compacted store, {len(times) - 1} times: median {statistics.median(times[1:]):.2f} s "
                f"(min {min(times[1:]):.2f}, max {max(times[1:]):.2f})"
            )
        if args.check:
            before = derived(store)
            analyse_store(store)
            after = derived(store)
            same = before == after
            print(f"incremental == full: {same}" + ("" if same else f" ({len(before ^ after)} quads differ)"))
        store.remove_graph(NamedNode(article_graph(art.url)))  # a reused store starts without it
        if args.check and not same:
            sys.exit(1)
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
