"""Benchmark: extraction time against a bare ``nlp.pipe`` over the same texts.

    python scripts/bench_extract.py [--repeat N] [--rounds R]

Both sides run the same spaCy pipeline on the same texts (headlines and paragraph chunks of the
corpus articles, repeated N times): one side only parses them with ``nlp.pipe``, the other runs
``extract_many``, which parses them in one stream and reads the claims. The figure that matters
is the ratio of the two, which the extractor issue bounds at 1.25. Each side is timed R times
and the best round is kept; run it on an idle machine.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

from claimgraph.extract import build_nlp, extract_many, iter_chunks
from claimgraph.load import iter_source_files, load_article


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=4, help="copies of the corpus to process")
    ap.add_argument("--rounds", type=int, default=3, help="timed rounds per side; the best is kept")
    ap.add_argument("corpus", nargs="?", default=str(Path(__file__).parent.parent / "corpus"))
    args = ap.parse_args()

    nlp = build_nlp()
    base = [load_article(p) for p in iter_source_files([args.corpus])]
    articles = [replace(a, url=f"{a.url}#{i}") for i in range(args.repeat) for a in base]
    chunks = [c for a in articles for c in [a.title, *(t for _, t in iter_chunks(a.text))] if c.strip()]
    chars = sum(len(a.text) + len(a.title) for a in articles)
    list(nlp.pipe(chunks[:20]))  # warm up

    def best(fn) -> float:  # type: ignore[no-untyped-def]
        times = []
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t0)
        return min(times)

    pipe_s = best(lambda: [None for _ in nlp.pipe(chunks)])
    n_claims = 0

    def run_extract() -> None:
        nonlocal n_claims
        n_claims = sum(len(claims) for claims in extract_many(articles, nlp=nlp))

    extract_s = best(run_extract)
    print(
        f"articles: {len(articles)}  characters: {chars:,}  claims: {n_claims:,}  model: {nlp.meta['name']}"
    )
    print(f"nlp.pipe : {pipe_s:7.2f} s  ({chars / pipe_s / 1000:,.0f} k chars/s)")
    print(f"extract  : {extract_s:7.2f} s  ({chars / extract_s / 1000:,.0f} k chars/s)")
    print(f"ratio extract / nlp.pipe: {extract_s / pipe_s:.2f}  (bar: <= 1.25)")


if __name__ == "__main__":
    main()
