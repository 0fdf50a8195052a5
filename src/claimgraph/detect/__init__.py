"""The detect stage: SPARQL rules over claims and their matches -> :class:`Discrepancy` values.

Each rule is one ``rules/<type>.rq`` file that returns ``?a`` (and ``?b`` for pairwise rules),
``?severity`` and ``?explanation``. Thresholds are declared in the rule's comment block as
``# param ?name default`` lines and passed to Oxigraph as variable substitutions, so a caller
can change them without editing SPARQL. Findings are written to their own named graph.

A finding concerns the claims of one story: pairwise rules start from claim matches, which
never leave a story, and the others look at one claim or one article. So the rules can run for
some stories only: :func:`detect` with ``stories`` copies those stories' article graphs and
matches into a small in-memory store, runs the rules there (the same queries, unchanged), and
replaces the findings of those stories and of no other.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from collections.abc import Container, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, QuerySolutions, RdfFormat, Store, Triple

from ..errors import ConfigError, QueryError
from ..graph import claim_article_iri, insert_data
from ..model import Discrepancy
from ..vocab import CG, DISCREPANCIES_GRAPH, ID, MATCHES_GRAPH, RDF, SCHEMA, STORIES_GRAPH

RULE_TYPES = (
    "numeric",
    "qualifier",
    "scope",
    "time",
    "measure",
    "omitted_condition",
    "attribution",
    "polarity",
    "headline_body",
    "single_source",
)
SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
_PARAM = re.compile(r"^#\s*param\s+\?(\w+)\s+(\S+)", re.M)


@dataclass(frozen=True)
class Rule:
    name: str
    query: str
    params: dict[str, float] = field(default_factory=dict)

    @property
    def description(self) -> str:
        lines = [ln[1:].strip() for ln in self.query.splitlines() if ln.startswith("#")]
        return lines[0] if lines else self.name


def load_rules(names: list[str] | None = None, extra_dir: str | Path | None = None) -> list[Rule]:
    """The packaged rules (all, or those named), plus every ``.rq`` file in ``extra_dir``.

    Each rule of ``extra_dir`` is checked before anything runs (the packaged ones are by the
    tests): one that cannot be read, does not parse or does not select ``?a`` raises
    :class:`QueryError`, which names every such file and why.
    """
    pkg = resources.files(__package__) / "rules"
    available = {p.name[:-3]: p for p in pkg.iterdir() if p.name.endswith(".rq")}
    extra: dict[str, Path] = {}
    if extra_dir is not None:
        d = Path(extra_dir)
        if not d.is_dir():
            raise ConfigError(f"--queries {d}: not a folder of .rq files")
        extra = {p.stem: p for p in sorted(d.glob("*.rq"))}
    chosen = names or sorted(available, key=lambda n: RULE_TYPES.index(n) if n in RULE_TYPES else 99)
    unknown = [n for n in chosen if n not in available and n not in extra]
    if unknown:
        raise ConfigError(
            f"Unknown detection rule {unknown[0]!r}; available rules: {', '.join(sorted(available) + sorted(extra))}"
        )
    rules = [_rule(n, available[n].read_text(encoding="utf-8")) for n in chosen if n in available]
    problems = []
    for n, path in extra.items():
        if names is not None and n not in names:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            problems.append(f"{path}: cannot be read ({e})")
            continue
        why = _problem(n, text)
        if why:
            problems.append(f"{path}: rule {n!r} {why}")
        else:
            rules.append(_rule(n, text))
    if problems:
        raise QueryError("\n".join([f"{len(problems)} rule(s) of --queries cannot run:", *problems]))
    return rules


def _rule(name: str, text: str) -> Rule:
    return Rule(name, text, {k: float(v) for k, v in _PARAM.findall(text)})


@functools.lru_cache(maxsize=256)
def _problem(name: str, text: str) -> str | None:
    """Why a rule cannot run, or None: its params must be numbers, and it must parse and be a
    SELECT of ?a (tried on an empty store, so before anything is aligned or written)."""
    for k, v in _PARAM.findall(text):
        try:
            float(v)
        except ValueError:
            return f"declares # param ?{k} {v}: the default must be a number"
    try:
        rows = Store().query(bind_params(_rule(name, text)))
    except SyntaxError as e:
        return f"does not parse: {_shorter(str(e))}"
    if not isinstance(rows, QuerySolutions):
        return "is not a SELECT query of ?a (and ?b), ?severity and ?explanation"
    if "a" not in {v.value for v in rows.variables}:
        return "does not select ?a: a rule selects ?a (and ?b), ?severity and ?explanation"
    return None


def _shorter(message: str) -> str:
    """A parser message without its list of every token that was expected."""
    head, sep, _ = message.partition("expected one of")
    return head.rstrip(" :,") + (" (unexpected input)" if sep else "")


def bind_params(rule: Rule, params: dict[str, float] | None = None) -> str:
    """The rule's query with each declared ``?param`` replaced by its (numeric) value.

    Values are numbers, never text from articles, and are written as xsd:double literals, so
    the result runs on any SPARQL 1.1 engine.
    """
    values = {**rule.params, **{k: v for k, v in (params or {}).items() if k in rule.params}}
    body = "\n".join(ln for ln in rule.query.splitlines() if not ln.lstrip().startswith("#"))
    for k, v in values.items():
        body = re.sub(rf"\?{k}\b", f"{float(v)!r}e0" if "e" not in repr(float(v)) else repr(float(v)), body)
    return body


def _article_story(store: Store) -> dict[str, str]:
    q = f"SELECT ?s ?a WHERE {{ GRAPH <{STORIES_GRAPH}> {{ ?s <{CG}hasArticle> ?a }} }}"
    rows = store.query(q)
    assert isinstance(rows, QuerySolutions)
    return {r["a"].value: r["s"].value for r in rows}


def _claim_article(store: Store, claims: Iterable[str], articles: Container[str]) -> dict[str, str]:
    """claim IRI -> article IRI, for the claims given: read off a claim's IRI when it names one
    of ``articles``, else looked up (a rule of one's own may return other resources)."""
    p = NamedNode(CG + "inArticle")
    out = {}
    for c in set(claims):
        a = claim_article_iri(c)
        if a is not None and a in articles:
            out[c] = a
            continue
        for q in store.quads_for_pattern(NamedNode(c), p, None, None):
            if isinstance(q.object, NamedNode):
                out[c] = q.object.value
    return out


def _scratch(store: Store, stories: Iterable[str]) -> Store:
    """An in-memory store with what the rules read of these stories: the stories' records,
    their articles' graphs and their matches."""
    scratch = Store()
    sg, mg = NamedNode(STORIES_GRAPH), NamedNode(MATCHES_GRAPH)
    has, tag = NamedNode(CG + "hasArticle"), NamedNode(CG + "story")
    typ, news = NamedNode(RDF + "type"), NamedNode(SCHEMA + "NewsArticle")
    quads: list[Quad] = []
    for s in stories:
        sn = NamedNode(s)
        quads += store.quads_for_pattern(sn, None, None, sg)
        for q in store.quads_for_pattern(sn, has, None, sg):
            if isinstance(q.object, NamedNode):
                for g in {t.graph_name for t in store.quads_for_pattern(q.object, typ, news, None)}:
                    # (a whole graph is copied as text: no term objects on the way)
                    text = store.dump(format=RdfFormat.N_TRIPLES, from_graph=g)
                    scratch.load(text, RdfFormat.N_TRIPLES, to_graph=g)
        for q in store.quads_for_pattern(None, tag, sn, mg):
            quads += store.quads_for_pattern(q.subject, None, None, mg)
    scratch.extend(quads)
    return scratch


def run_rule(
    store: Store, rule: Rule, params: dict[str, float] | None = None
) -> list[tuple[tuple[str, ...], str, str]]:
    """Rows of one rule: (claims, severity, explanation)."""
    try:
        rows = store.query(bind_params(rule, params))
    except SyntaxError as e:
        raise QueryError(f"rule {rule.name!r} does not parse: {e}") from None
    if not isinstance(rows, QuerySolutions):
        raise QueryError(
            f"rule {rule.name!r} is not a SELECT query of ?a (and ?b), ?severity and ?explanation"
        )
    out = []
    seen: set[tuple[str, ...]] = set()
    for r in rows:
        a = r["a"]
        b = r["b"] if "b" in [v.value for v in rows.variables] else None
        if a is None:
            continue
        claims: tuple[str, ...] = (a.value,) if b is None else (a.value, b.value)
        key = tuple(sorted(claims)) if rule.name != "omitted_condition" else claims
        if key in seen or (b is not None and tuple(sorted(claims)) in seen):
            continue
        seen.add(key)
        seen.add(tuple(sorted(claims)))
        sev = r["severity"].value if r["severity"] is not None else "medium"
        expl = r["explanation"].value if r["explanation"] is not None else rule.description
        out.append((claims, sev, expl))
    return out


def _run_all(
    store: Store, rules: list[Rule], params: dict[str, float] | None
) -> list[list[tuple[tuple[str, ...], str, str]]]:
    """The rows of every rule, in the rules' order. The rules run side by side, one thread
    each up to the number of CPUs: Oxigraph evaluates a query without holding the GIL, and on
    a store on disk most of a rule's time is spent looking up the claims of its candidates."""
    workers = min(len(rules), os.cpu_count() or 1)
    if workers <= 1:
        return [run_rule(store, rule, params) for rule in rules]
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="claimgraph-rule") as pool:
        return list(pool.map(lambda rule: run_rule(store, rule, params), rules))


def detect(
    store: Store,
    *,
    rules: list[Rule] | None = None,
    params: dict[str, float] | None = None,
    write: bool = True,
    stories: Iterable[str] | None = None,
    removed: Iterable[str] = (),
) -> list[Discrepancy]:
    """Run the rules, write the findings to the discrepancies graph, return them most severe first.

    Args:
        store: The store, aligned (see :func:`claimgraph.align.align`).
        rules: The rules to run (all packaged rules by default).
        params: Values for the rules' ``# param`` thresholds.
        write: Write the findings (else only return them).
        stories: Examine these stories only (IRIs): the findings returned are theirs, and
            writing replaces their previous findings and leaves the others. By default every
            story is examined and the whole discrepancies graph is replaced.
        removed: Stories that no longer exist: their findings are removed too.
    """
    rules = rules if rules is not None else load_rules()
    scoped = None if stories is None else sorted(set(stories))
    source = store if scoped is None else _scratch(store, scoped)
    story_of = _article_story(source)
    results = list(zip(rules, _run_all(source, rules, params), strict=True))
    article_of = _claim_article(source, (claims[0] for _, rows in results for claims, _, _ in rows), story_of)
    found: list[Discrepancy] = []
    for rule, rows in results:
        for claims, sev, expl in rows:
            did = f"{ID}discrepancy/{hashlib.sha256((rule.name + ' ' + ' '.join(sorted(claims))).encode()).hexdigest()[:20]}"
            story = story_of.get(article_of.get(claims[0], ""), "")
            found.append(
                Discrepancy(
                    id=did,
                    type=rule.name,
                    claims=claims,
                    explanation=expl,
                    severity=sev if sev in SEVERITY_ORDER else "medium",
                    story=story,
                )
            )
    found.sort(
        key=lambda d: (
            SEVERITY_ORDER[d.severity],
            RULE_TYPES.index(d.type) if d.type in RULE_TYPES else 99,
            d.id,
        )
    )
    if write and scoped is None:
        # every finding of the store: the findings that went away deleted in one update, the new
        # ones bulk-loaded (several times faster than INSERT DATA on disk, not one transaction:
        # run detect again if it stops); findings found again are left as they are, as deleting
        # costs more than reading them
        g = NamedNode(DISCREPANCIES_GRAPH)
        new = discrepancy_triples(found)
        old = {Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, g)}
        stale = old.difference(new)
        if stale:
            body = " .\n".join(str(t) for t in stale)
            store.update(f"DELETE DATA {{ GRAPH <{DISCREPANCIES_GRAPH}> {{\n{body} .\n}} }}")
        store.bulk_extend(Quad(t.subject, t.predicate, t.object, g) for t in new if t not in old)
    elif write and scoped is not None:
        gone = sorted({*scoped, *removed})
        update = [
            f"DELETE WHERE {{ GRAPH <{DISCREPANCIES_GRAPH}> {{ ?d <{CG}story> <{s}> . ?d ?p ?o }} }}"
            for s in gone
        ]
        update.append(insert_data(DISCREPANCIES_GRAPH, discrepancy_triples(found)))
        store.update(" ;\n".join(u for u in update if u))
    return found


def discrepancy_triples(found: list[Discrepancy]) -> list[Triple]:
    t: list[Triple] = []
    for d in found:
        s = NamedNode(d.id)
        t += [
            Triple(s, NamedNode(RDF + "type"), NamedNode(CG + "Discrepancy")),
            Triple(s, NamedNode(CG + "discrepancyType"), Literal(d.type)),
            Triple(s, NamedNode(CG + "explanation"), Literal(d.explanation)),
            Triple(s, NamedNode(CG + "severity"), Literal(d.severity)),
        ]
        t += [Triple(s, NamedNode(CG + "involvesClaim"), NamedNode(c)) for c in d.claims]
        if d.story:
            t.append(Triple(s, NamedNode(CG + "story"), NamedNode(d.story)))
    return t
