"""Each detection rule on a small hand-built graph: it must find the planted pair and stay
quiet on a matching pair that agrees (so a broken rule fails here, not only in the corpus)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import zip_longest
from typing import Any

import pytest

from claimgraph.align import align
from claimgraph.detect import RULE_TYPES, detect, load_rules
from claimgraph.errors import QueryError
from claimgraph.graph import article_triples, claim_iri
from claimgraph.model import Article, Claim, Quantity, TimeSpan
from claimgraph.store import open_store, write_article
from claimgraph.vocab import CG, MATCHES_GRAPH

KW = ("dam", "reservoir", "toll", "flood", "province", "river", "water", "level")


def _q(text: str, value: float, unit: str = "count", qualifier: str = "exact") -> dict[str, Any]:
    return {"quantity": Quantity(text=text, start=0, end=0, unit=unit, qualifier=qualifier, value=value)}


def _t(iso: str, b: date, e: date, gran: str) -> TimeSpan:
    return TimeSpan(text=iso, iso=iso, begin=b, end=e, granularity=gran)


def build(
    pairs: list[tuple[dict[str, Any], dict[str, Any]]], title_a: dict[str, Any] | None = None
) -> tuple[Any, list[tuple[str, str]]]:
    """Two articles (outlets A and B); each pair is (claim of A, claim of B) sharing vocabulary."""
    texts: dict[str, list[str]] = {"a": [], "b": []}
    specs: dict[str, list[dict[str, Any]]] = {"a": [], "b": []}
    for i, (ka, kb) in enumerate(pairs):
        for side, kw in (("a", ka), ("b", kb)):
            if kw is None:
                continue
            words = (f"topic{i}", f"subject{i}", *KW[i % 3 : i % 3 + 3])
            text = kw.pop("text", f"Statement {i} about {' '.join(words)}.")
            specs[side].append({"text": text, "keywords": words, **kw})
            texts[side].append(text)
    store = open_store(None)
    iris: dict[str, list[str]] = {"a": [], "b": []}
    for side, outlet in (("a", "Outlet A"), ("b", "Outlet B")):
        body = " ".join(texts[side])
        title = title_a["text"] if (side == "a" and title_a) else ""
        art = Article(
            text=body,
            url=f"https://{side}.example/story",
            title=title,
            outlet=outlet,
            published=date(2026, 9, 16),
        )
        claims, pos = [], 0
        for sp in specs[side]:
            s = body.index(sp["text"], pos)
            q = sp.pop("quantity", None)
            if q is not None:
                qs = s + sp["text"].index(q.text)
                q = replace(q, start=qs, end=qs + len(q.text))
            kind = sp.pop("kind", "quantity" if q else "attribution")
            c = Claim(
                article_url=art.url,
                field="body",
                start=s,
                end=s + len(sp["text"]),
                kind=kind,
                quantity=q,
                **sp,
            )
            claims.append(c)
            iris[side].append(claim_iri(c))
            pos = s + 1
        if side == "a" and title_a:
            t = dict(title_a)
            text = t.pop("text")
            c = Claim(
                article_url=art.url, field="title", start=0, end=len(text), text=text, kind="headline", **t
            )
            claims.append(c)
            iris["title"] = [claim_iri(c)]
        write_article(store, art.url, article_triples(art, claims))
    align(store)
    return store, list(zip_longest(iris["a"], iris["b"], fillvalue="")) + (
        [(iris["title"][0], "")] if title_a else []
    )


def found(store: Any, rule: str) -> set[frozenset[str]]:
    return {frozenset(d.claims) for d in detect(store, rules=load_rules([rule]), write=False)}


def _headline_reported(body: dict[str, Any], title: dict[str, Any]) -> bool:
    """Whether the headline rule finds the headline of an article of one body claim."""
    store, pairs = build([(body, None)], title_a=title)
    return frozenset([pairs[-1][0], pairs[0][0]]) in found(store, "headline_body")


def test_all_rules_ship_and_parse() -> None:
    names = [r.name for r in load_rules()]
    assert sorted(names) == sorted(RULE_TYPES)
    store = open_store(None)
    for r in load_rules():
        detect(store, rules=[r], write=False)


def test_unknown_rule_lists_the_available_ones() -> None:
    from claimgraph.errors import ConfigError

    with pytest.raises(ConfigError, match="available rules: attribution"):
        load_rules(["numbr"])


Y = (date(2026, 1, 1), date(2026, 12, 31))


@pytest.mark.parametrize(
    ("rule", "planted", "agreeing"),
    [
        (
            "numeric",
            (
                {"text": "The toll was 37.", **_q("37", 37)},
                {"text": "The toll was at least 52.", **_q("at least 52", 52, qualifier="at_least")},
            ),
            (
                {"text": "It was over 80% done.", **_q("over 80%", 80, "percent", "over")},
                {"text": "It was more than 75% done.", **_q("more than 75%", 75, "percent", "over")},
            ),
        ),
        (
            "qualifier",
            (
                {"text": "Share 80% now.", **_q("80%", 80, "percent")},
                {"text": "Share over 80% now.", **_q("over 80%", 80, "percent", "over")},
            ),
            (
                {"text": "Cuts of roughly 1,200.", **_q("roughly 1,200", 1200, qualifier="about")},
                {"text": "Cuts of some 1,200.", **_q("some 1,200", 1200, qualifier="about")},
            ),
        ),
        (
            "scope",
            (
                {
                    "text": "Homes 6,000 in the north.",
                    "scope": "in the three northern districts",
                    **_q("6,000", 6000),
                },
                {
                    "text": "Homes 6,000 in the province.",
                    "scope": "across the whole province",
                    **_q("6,000", 6000),
                },
            ),
            (
                {"text": "Homes 500 in Velka.", "scope": "in the town of Velka", **_q("500", 500)},
                {"text": "Homes 500 in Velka town.", "scope": "in Velka", **_q("500", 500)},
            ),
        ),
        (
            "time",
            (
                {
                    "text": "Share single 5% then.",
                    "time": _t("2025", date(2025, 1, 1), date(2025, 12, 31), "year"),
                    **_q("5%", 5, "percent"),
                },
                {
                    "text": "Share single 5% early.",
                    "time": _t("2025-01/2025-04", date(2025, 1, 1), date(2025, 4, 30), "interval"),
                    **_q("5%", 5, "percent"),
                },
            ),
            (
                {
                    "text": "Rain 300 mm Monday.",
                    "time": _t("2026-09-14", date(2026, 9, 14), date(2026, 9, 14), "day"),
                    **_q("300 mm", 300, "mm"),
                },
                {
                    "text": "Rain 300 mm on Monday.",
                    "time": _t("2026-09-14", date(2026, 9, 14), date(2026, 9, 14), "day"),
                    **_q("300 mm", 300, "mm"),
                },
            ),
        ),
        (
            "measure",
            (
                {
                    "text": "Journeys rose 12%.",
                    "measure": "journeys",
                    "measure_key": "journey",
                    "predicate": "rise",
                    **_q("12%", 12, "percent"),
                },
                {
                    "text": "Passengers rose 12%.",
                    "measure": "passenger numbers",
                    "measure_key": "number passenger",
                    "predicate": "rise",
                    **_q("12%", 12, "percent"),
                },
            ),
            (
                {
                    "text": "Revenue rose 8%.",
                    "measure": "revenue",
                    "measure_key": "revenue",
                    "predicate": "rise",
                    **_q("8%", 8, "percent"),
                },
                {
                    "text": "Sales revenue rose 8%.",
                    "measure": "sales revenue",
                    "measure_key": "revenue sale",
                    "predicate": "rise",
                    **_q("8%", 8, "percent"),
                },
            ),
        ),
        (
            "omitted_condition",
            (
                {
                    "text": "The lab called for a pause, only if all labs stop.",
                    "kind": "proposal",
                    "condition": "only if all labs stop",
                },
                {"text": "The lab called for a pause.", "kind": "proposal"},
            ),
            (
                {
                    "text": "Buyback goes ahead if the sale closes.",
                    "kind": "proposal",
                    "condition": "if the sale closes",
                },
                {
                    "text": "Buyback only if the sale closes.",
                    "kind": "proposal",
                    "condition": "only if the sale closes",
                },
            ),
        ),
        (
            "attribution",
            (
                {
                    "text": "The toll is 37, the interior ministry said.",
                    "claimant": "the interior ministry",
                    **_q("37", 37),
                },
                {
                    "text": "The toll is 37, a Red Cross official said.",
                    "claimant": "a Red Cross official",
                    **_q("37", 37),
                },
            ),
            (
                {
                    "text": "Water peaked at 7.8 m, the agency said.",
                    "claimant": "the water agency",
                    **_q("7.8 m", 7.8, "m"),
                },
                {
                    "text": "Water peaked at 7.8 m, said the agency.",
                    "claimant": "the agency",
                    **_q("7.8 m", 7.8, "m"),
                },
            ),
        ),
        (
            "polarity",
            (
                {"text": "The dam did not fail.", "predicate": "fail", "negated": True, "kind": "event"},
                {"text": "The dam failed overnight.", "predicate": "fail", "negated": False, "kind": "event"},
            ),
            (
                {"text": "The bridge was closed.", "predicate": "close", "negated": False, "kind": "event"},
                {"text": "The bridge closed.", "predicate": "close", "negated": False, "kind": "event"},
            ),
        ),
    ],
)
def test_pair_rule(
    rule: str, planted: tuple[dict[str, Any], dict[str, Any]], agreeing: tuple[dict[str, Any], dict[str, Any]]
) -> None:
    store, pairs = build([(dict(planted[0]), dict(planted[1])), (dict(agreeing[0]), dict(agreeing[1]))])
    hits = found(store, rule)
    assert frozenset(pairs[0]) in hits, f"{rule} missed the planted pair"
    assert frozenset(pairs[1]) not in hits, f"{rule} fired on an agreeing pair"


def test_single_source() -> None:
    store, pairs = build(
        [
            ({**_q("37", 37), "text": "Toll 37."}, {**_q("37", 37), "text": "Toll of 37."}),
            ({**_q("$25m", 25e6, "USD"), "text": "Aid of $25m pledged."}, None),
            ({"text": "The clinic opened on Monday.", "kind": "event", "predicate": "open"}, None),
        ]
    )
    hits = found(store, "single_source")
    assert frozenset([pairs[1][0]]) in hits
    assert frozenset([pairs[0][0]]) not in hits and frozenset([pairs[0][1]]) not in hits
    assert frozenset([pairs[2][0]]) not in hits  # an event is compared, not checked for support


def test_one_sum_of_money_for_two_things_is_a_measure_finding() -> None:
    """The same sum, given by two outlets for things alignment found nothing in common between
    ("the disruption would cost €25 million" / "a €25 million overhaul"), is a measure finding,
    and so is a count in the thousands; the same share or small count, or a sum matched as one
    claim, is not."""
    store, pairs = build(
        [
            (
                {
                    **_q("€25 million", 25e6, "EUR"),
                    "text": "Outage cost €25 million.",
                    "keywords": ("outage",),
                },
                {
                    **_q("€25 million", 25e6, "EUR"),
                    "text": "Overhaul of €25 million.",
                    "keywords": ("overhaul",),
                },
            ),
            (
                {**_q("40%", 40, "percent"), "text": "Peak load 40%.", "keywords": ("peak",)},
                {**_q("40%", 40, "percent"), "text": "Households 40%.", "keywords": ("household",)},
            ),
            (
                {**_q("1.2 million", 1.2e6), "text": "Customers 1.2 million.", "keywords": ("customer",)},
                {**_q("1.2 million", 1.2e6), "text": "Records 1.2 million.", "keywords": ("record",)},
            ),
            (
                {**_q("23", 23), "text": "People ill 23.", "keywords": ("ill",)},
                {**_q("23", 23), "text": "Cases confirmed 23.", "keywords": ("confirmed",)},
            ),
            (
                {**_q("€9m", 9e6, "EUR"), "text": "Refunds of €9m."},
                {**_q("€9m", 9e6, "EUR"), "text": "Refunds €9m."},
            ),
            (  # two counts of people: one figure said in other words
                {
                    **_q("about 1,200", 1200, qualifier="about"),
                    "text": "Forcing about 1,200 residents out.",
                    "keywords": ("forcing",),
                    "measure_key": "forcing resident",
                },
                {
                    **_q("some 1,200", 1200, qualifier="about"),
                    "text": "Crews evacuated some 1,200 people.",
                    "keywords": ("zone",),
                    "measure_key": "evacuated people",
                },
            ),
            (  # savers are people too
                {
                    **_q("about 212,000", 212_000, qualifier="about"),
                    "text": "The mutual has about 212,000 savers.",
                    "keywords": ("mutual",),
                    "measure_key": "mutual saver",
                },
                {
                    **_q("Around 212,000", 212_000, qualifier="about"),
                    "text": "Around 212,000 people have savings with it.",
                    "keywords": ("savings",),
                    "measure_key": "people save",
                },
            ),
            (  # one sum a head
                {
                    **_q("£85,000", 85_000, "GBP"),
                    "text": "Deposits of £85,000 per saver are safe.",
                    "keywords": ("deposit",),
                },
                {
                    **_q("£85,000", 85_000, "GBP"),
                    "text": "Cover is capped at £85,000 per person.",
                    "keywords": ("cover",),
                },
            ),
            (  # one price a unit, which many things share
                {
                    **_q("£68.50", 68.5, "GBP"),
                    "text": "Fixed-bottom wind farms will receive £68.50 per megawatt-hour.",
                    "keywords": ("farm",),
                },
                {
                    **_q("£68.50", 68.5, "GBP"),
                    "text": "The scheme will be paid £68.50 for every megawatt-hour it generates.",
                    "keywords": ("scheme",),
                },
            ),
        ]
    )
    hits = found(store, "measure")
    assert hits == {frozenset(pairs[0]), frozenset(pairs[2])}  # a sum, and a count in the thousands
    said = {
        frozenset(d.claims): d.explanation for d in detect(store, rules=load_rules(["measure"]), write=False)
    }
    assert said[frozenset(pairs[0])].endswith("the same sum for different things")
    assert said[frozenset(pairs[2])].endswith("the same count for different things")
    # a figure pair is no support: each of the two sums is still reported as single-source
    alone = found(store, "single_source")
    assert {frozenset([pairs[0][0]]), frozenset([pairs[0][1]])} <= alone


def test_two_deadlines_on_one_day_are_one_deadline() -> None:
    """ "would write to everyone by 30 November" / "by the end of the month" set one deadline;
    "by March 2027" / "by spring 2027" set two."""

    def by(text: str, iso: str, b: date, e: date, gran: str) -> dict[str, Any]:
        return {"text": text, "kind": "event", "time": TimeSpan(iso, iso, b, e, gran, relation="by")}

    store, pairs = build(
        [
            (
                by(
                    "Letters to everyone by 30 November.",
                    "2026-11-30",
                    date(2026, 11, 30),
                    date(2026, 11, 30),
                    "day",
                ),
                by(
                    "Letters to everyone by the month's end.",
                    "2026-11",
                    date(2026, 11, 1),
                    date(2026, 11, 30),
                    "month",
                ),
            ),
            (
                by("Waits ended by March 2027.", "2027-03", date(2027, 3, 1), date(2027, 3, 31), "month"),
                by(
                    "Waits ended by spring 2027.",
                    "2027-03/2027-05",
                    date(2027, 3, 1),
                    date(2027, 5, 31),
                    "interval",
                ),
            ),
        ]
    )
    hits = found(store, "time")
    assert frozenset(pairs[0]) not in hits and frozenset(pairs[1]) in hits


def test_two_headcounts_of_people_described_differently_are_no_measure_finding() -> None:
    """ "Nine councillors backed the plans" / "Nine committee members backed the application"
    count the same people; "journeys rose 12%" / "passengers rose 12%" measure two things."""

    def vote(text: str, key: str) -> dict[str, Any]:
        return {"text": text, "measure": key, "measure_key": key, "predicate": "back", **_q("Nine", 9)}

    def rise(text: str, key: str) -> dict[str, Any]:
        return {
            "text": text,
            "measure": key,
            "measure_key": key,
            "predicate": "rise",
            **_q("12%", 12, "percent"),
        }

    store, pairs = build(
        [
            (
                vote("Nine councillors backed the plans.", "backed councillor plan"),
                vote("Nine committee members backed the plans.", "backed committee member application"),
            ),
            (rise("Journeys rose 12%.", "journey"), rise("Passengers rose 12%.", "number passenger")),
        ]
    )
    hits = found(store, "measure")
    assert frozenset(pairs[0]) not in hits and frozenset(pairs[1]) in hits


def test_attribution_two_figures_are_two_claims_not_one_credited_twice() -> None:
    """ "£18m, the authority said" / "£24m, the consultants said": the numeric rule's finding;
    "2.4 million, the commission said" / "up to 2.4 million, the government said" is one figure
    credited to two sources."""
    store, pairs = build(
        [
            (
                {
                    "text": "Repairs will cost £18m, the authority said.",
                    "claimant": "the authority",
                    **_q("£18m", 18e6, "GBP"),
                },
                {
                    "text": "Repairs will cost £24m, the consultants said.",
                    "claimant": "the consultants",
                    **_q("£24m", 24e6, "GBP"),
                },
            ),
            (
                {
                    "text": "Some 2.4 million workers get a rise, the commission said.",
                    "claimant": "the commission",
                    **_q("2.4 million", 2.4e6),
                },
                {
                    "text": "Up to 2.4 million workers get a rise, the government said.",
                    "claimant": "the government",
                    **_q("Up to 2.4 million", 2.4e6, "count", "at_most"),
                },
            ),
        ]
    )
    assert found(store, "attribution") == {frozenset(pairs[1])}
    assert frozenset(pairs[0]) in found(store, "numeric")


def test_attribution_with_a_cited_document_and_no_claimant() -> None:
    """A claim that cites a document but names nobody ("The figures appear in a report titled
    ...") is credited to the document, also when other claims of its article name a claimant."""
    store, pairs = build(
        [
            (
                {
                    "text": "The lab set out the plan in a blog post.",
                    "claimant": "The lab",
                    "cited_document": "a blog post",
                },
                {
                    "text": 'The plan appears in a report titled "Pause Now".',
                    "cited_document": 'a report titled "Pause Now"',
                },
            ),
            (
                None,
                {"text": "The toll is 37, the ministry said.", "claimant": "the ministry", **_q("37", 37)},
            ),
        ]
    )
    hits = found(store, "attribution")
    assert frozenset(pairs[0]) in hits


def test_time_dated_by_one_outlet_only() -> None:
    """The same figure, dated by one outlet ("8 times as many in Q2 2026 as in 2024") and not at
    all by the other ("eight times as much as in 2024"), is a time finding; a different figure
    is not the same fact, a time carried over from the reporting period was not stated, and a
    claim that names no year at all, or only the year the other gives, leaves its time to the
    story around it."""
    q2 = _t("2026-Q2", date(2026, 4, 1), date(2026, 6, 30), "quarter")
    store, pairs = build(
        [
            (
                {
                    "text": "Output 8 times higher in Q2 than in 2024.",
                    "time": q2,
                    **_q("8 times", 8, "times"),
                },
                {"text": "Output eight times higher than in 2024.", **_q("eight times", 8, "times")},
            ),
            (
                {"text": "Output 7 times higher in Q2.", "time": q2, **_q("7 times", 7, "times")},
                {"text": "Output seven times higher.", **_q("seven times", 7, "times")},
            ),
            (
                {"text": "Output 12 times higher in Q2.", "time": q2, **_q("12 times", 12, "times")},
                {"text": "Output 9 times higher.", **_q("9 times", 9, "times")},
            ),
            (
                {
                    "text": "Output 5 times higher then.",
                    "time": replace(q2, relation="context"),
                    **_q("5 times", 5, "times"),
                },
                {"text": "Output five times higher.", **_q("five times", 5, "times")},
            ),
            # the year the undated side names is the dated side's: when, and the same
            (
                {
                    "text": "The age rises by four months each year until it reaches 68 in 2033.",
                    "time": _t("2033", date(2033, 1, 1), date(2033, 12, 31), "year"),
                    **_q("four months", 4, "month"),
                },
                {
                    "text": "It would go up by four months a year, reaching 68 in 2033.",
                    **_q("four months", 4, "month"),
                },
            ),
        ]
    )
    hits = found(store, "time")
    assert frozenset(pairs[0]) in hits
    assert not {frozenset(p) for p in pairs[1:]} & hits


def test_time_one_act_each_outlet_reports_once_on_two_days() -> None:
    """ "It reopened at around 4pm on Sunday" / "The motorway finally reopened at around 6am on
    Monday": each outlet reports one reopening, so it is the same one, on two days. An outlet
    that reports two reopenings leaves it open which one is meant."""
    sunday = _t("2026-11-22", date(2026, 11, 22), date(2026, 11, 22), "day")
    monday = _t("2026-11-23", date(2026, 11, 23), date(2026, 11, 23), "day")

    def reopened(text: str, doer: str, when: TimeSpan) -> dict[str, Any]:
        words = tuple(w for w in (doer, "reopen", when.iso) if w != "it")
        return {
            "text": text,
            "kind": "event",
            "predicate": "reopen",
            "keywords": words,
            "measure_key": doer,
            "time": when,
        }

    once = [
        (
            reopened("It reopened at around 4pm on Sunday.", "it", sunday),
            reopened("The motorway finally reopened at around 6am on Monday.", "motorway", monday),
        ),
    ]
    store, pairs = build(once)
    assert found(store, "time") == {frozenset(pairs[0])}
    twice = [*once, (None, reopened("The slip road reopened on Monday.", "road", monday))]
    store, pairs = build(twice)
    assert found(store, "time") == set()
    # two beginnings that share no word but the act's own ("start" is "begin" among the
    # keywords): two acts, not one
    december = _t("2026-12-07", date(2026, 12, 7), date(2026, 12, 7), "day")
    january = _t("2027-01", date(2027, 1, 1), date(2027, 1, 31), "month")
    letters = reopened("Letters will start going out on 7 December.", "letter", december)
    dealers = reopened("Dealers are due to start replacing master cylinders in January.", "dealer", january)
    for c, extra in ((letters, ("go",)), (dealers, ("replace", "cylinder"))):
        c.update(predicate="start", keywords=(c["measure_key"], "begin", *extra))
    store, pairs = build([(letters, dealers)])
    assert found(store, "time") == set()


def test_time_the_day_of_the_news_left_out_is_no_finding() -> None:
    """ "cut its rate to 3.5% on Thursday" / "cut its rate to 3.5%": the day the news happened,
    which a report may leave out; a period the figure is about ("in Q2") is what counts."""
    thursday = _t("2026-11-05", date(2026, 11, 5), date(2026, 11, 5), "day")
    store, pairs = build(
        [
            (
                {
                    "text": "Policymakers lowered the main rate to 3.5% on Thursday.",
                    "time": thursday,
                    **_q("3.5%", 3.5, "percent"),
                },
                {"text": "The benchmark stands at 3.5% after the cut.", **_q("3.5%", 3.5, "percent")},
            )
        ]
    )
    assert frozenset(pairs[0]) not in found(store, "time")
    assert store.query(f"ASK {{ GRAPH <{MATCHES_GRAPH}> {{ ?m ?p ?o }} }}")  # they are matched


def test_time_one_event_told_with_two_dates() -> None:
    """Two matched events dated apart ("confirmed on 3 September" / "in late August") are one
    event with two dates; two figures for periods apart are two figures."""
    sep3 = _t("2026-09-03", date(2026, 9, 3), date(2026, 9, 3), "day")
    late_aug = _t("2026-08-21/2026-08-31", date(2026, 8, 21), date(2026, 8, 31), "interval")
    store, pairs = build(
        [
            (
                {
                    "text": "The first case was confirmed on 3 September.",
                    "kind": "event",
                    "predicate": "confirm",
                    "time": sep3,
                },
                {
                    "text": "The index case was confirmed in late August.",
                    "kind": "event",
                    "predicate": "confirm",
                    "time": late_aug,
                },
            ),
            (
                {"text": "Sales were 40 on 3 September.", "time": sep3, **_q("40", 40)},
                {"text": "Sales reached 40 in late August.", "time": late_aug, **_q("40", 40)},
            ),
            (  # two opposite events are two events: "opened in 1968" / "was closed in 2015"
                {
                    "text": "The bridge opened in 1968.",
                    "kind": "event",
                    "predicate": "open",
                    "time": _t("1968", date(1968, 1, 1), date(1968, 12, 31), "year"),
                },
                {
                    "text": "The bridge was last fully closed in 2015.",
                    "kind": "event",
                    "predicate": "close",
                    "time": _t("2015", date(2015, 1, 1), date(2015, 12, 31), "year"),
                },
            ),
        ]
    )
    hits = found(store, "time")
    assert frozenset(pairs[0]) in hits
    assert frozenset(pairs[1]) not in hits
    assert frozenset(pairs[2]) not in hits


def test_time_one_act_said_to_happen_at_two_times() -> None:
    """Two statements without a figure that say one act will happen ("will close its centre in
    the second quarter of 2027" / "will close by the end of March") are one act with two dates;
    two statements about different acts ("will review the closure on 4 December" / "the closure
    lasts until 31 December") are not."""
    q2 = _t("2027-Q2", date(2027, 4, 1), date(2027, 6, 30), "quarter")
    march = _t("2027-03", date(2027, 3, 1), date(2027, 3, 31), "month")
    store, pairs = build(
        [
            (
                {
                    "text": "The centre will close in the second quarter of 2027.",
                    "predicate": "close",
                    "time": q2,
                },
                {"text": "The centre will close by the end of March.", "predicate": "close", "time": march},
            ),
            (
                {
                    "text": "It will review the closure on 4 December.",
                    "predicate": "review",
                    "time": _t("2026-12-04", date(2026, 12, 4), date(2026, 12, 4), "day"),
                },
                {
                    "text": "The closure lasts until 31 December.",
                    "predicate": "last",
                    "time": _t("2026-12-31", date(2026, 12, 31), date(2026, 12, 31), "day"),
                },
            ),
        ]
    )
    hits = found(store, "time")
    assert frozenset(pairs[0]) in hits
    a, b = pairs[1]
    ask = f"ASK {{ GRAPH <{MATCHES_GRAPH}> {{ ?m <{CG}claimA>|<{CG}claimB> <{a}>, <{b}> ; <{CG}differsOn> 'time' }} }}"
    assert store.query(ask)  # matched, dated apart, and still no finding
    assert frozenset(pairs[1]) not in hits


def test_time_one_figure_expected_at_two_times_to_come() -> None:
    """ "A consignment of 60,000 doses is expected next week" / "is not now expected until 2
    December" (the articles of 16 September: both to come) is one expectation dated two ways;
    the same figure at two past times ("60,000 doses arrived in March" / "in June") is two
    facts, for the numeric rule if anything."""
    week = _t("2026-09-21/2026-09-27", date(2026, 9, 21), date(2026, 9, 27), "interval")
    later = _t("2026-10-02", date(2026, 10, 2), date(2026, 10, 2), "day")
    march = _t("2026-03", date(2026, 3, 1), date(2026, 3, 31), "month")
    june = _t("2026-06", date(2026, 6, 1), date(2026, 6, 30), "month")
    store, pairs = build(
        [
            (
                {
                    "text": "A consignment of 60,000 doses is expected next week.",
                    "predicate": "expect",
                    "time": week,
                    **_q("60,000", 60_000),
                },
                {
                    "text": "The consignment of 60,000 doses is not expected until 2 October.",
                    "predicate": "expect",
                    "time": later,
                    **_q("60,000", 60_000),
                },
            ),
            (
                {
                    "text": "A shipment of 80,000 masks arrived in March.",
                    "predicate": "arrive",
                    "time": march,
                    **_q("80,000", 80_000),
                },
                {
                    "text": "The shipment of 80,000 masks arrived in June.",
                    "predicate": "arrive",
                    "time": june,
                    **_q("80,000", 80_000),
                },
            ),
        ]
    )
    hits = found(store, "time")
    assert frozenset(pairs[0]) in hits
    assert frozenset(pairs[1]) not in hits


def test_qualifier_two_estimates_that_agree() -> None:
    """ "more than 300,000" / "about 310,000": two hedged figures that are not one number agree;
    "about 310,000" / "up to 310,000" is one number hedged two ways; "412" / "more than 400"
    is a floor the exact figure clears, which agrees; "4,812" / "nearly 5,000" rounds it up;
    "nine in ten" / "about 90%" says one rounded figure twice."""
    store, pairs = build(
        [
            (
                {
                    "text": "Homes cut off: more than 300,000.",
                    **_q("more than 300,000", 300_000, qualifier="over"),
                },
                {"text": "Homes cut off: about 310,000.", **_q("about 310,000", 310_000, qualifier="about")},
            ),
            (
                {"text": "Homes cut off: about 310,000.", **_q("about 310,000", 310_000, qualifier="about")},
                {
                    "text": "Homes cut off: up to 310,000.",
                    **_q("up to 310,000", 310_000, qualifier="at_most"),
                },
            ),
            (
                {"text": "Flights cancelled: 412.", **_q("412", 412)},
                {"text": "Flights cancelled: more than 400.", **_q("more than 400", 400, qualifier="over")},
            ),
            (
                {"text": "Patients enrolled: 4,812.", **_q("4,812", 4812)},
                {"text": "Patients enrolled: nearly 5,000.", **_q("nearly 5,000", 5000, qualifier="under")},
            ),
            (
                {"text": "Share of code: 80%.", **_q("80%", 80, unit="percent")},
                {"text": "Share of code: over 80%.", **_q("over 80%", 80, unit="percent", qualifier="over")},
            ),
            (
                {"text": "Nine in ten cases were unvaccinated.", **_q("Nine in ten", 90, unit="percent")},
                {
                    "text": "About 90% of cases were unvaccinated.",
                    **_q("About 90%", 90, unit="percent", qualifier="about"),
                },
            ),
            (
                {"text": "Of cases, 90% were unvaccinated.", **_q("90%", 90, unit="percent")},
                {
                    "text": "About 90% of cases were unvaccinated.",
                    **_q("About 90%", 90, unit="percent", qualifier="about"),
                },
            ),
            (
                {"text": "The fine is 3.1% of turnover.", **_q("3.1%", 3.1, unit="percent")},
                {
                    "text": "The fine is about 3% of turnover.",
                    **_q("about 3%", 3, unit="percent", qualifier="about"),
                },
            ),
        ]
    )
    hits = found(store, "qualifier")
    assert frozenset(pairs[0]) not in hits and frozenset(pairs[2]) not in hits
    assert frozenset(pairs[1]) in hits and frozenset(pairs[3]) in hits and frozenset(pairs[4]) in hits
    # a ratio in words is a rounded figure already; a figure in digits is not
    assert frozenset(pairs[5]) not in hits and frozenset(pairs[6]) in hits
    # and "about" a round figure near an exact one says it rounds that one
    assert frozenset(pairs[7]) not in hits


@pytest.mark.parametrize(
    ("headline", "reported"),
    [
        ("Weekly pill cuts deaths by a third", True),  # one of the two things counted
        ("Weekly pill lowers risk of hospital stays and death", False),  # both
        ("Weekly pill cuts risk by a third", False),  # neither: says no less than its body
    ],
)
def test_headline_body_names_one_of_two_things_counted(headline: str, reported: bool) -> None:
    body = {
        "text": "The pill reduced the risk of cardiovascular death or heart failure hospitalisation by about a third.",
        "measure": "reduced risk of cardiovascular death or heart failure hospitalisation",
        "predicate": "reduce",
        "keywords": ("pill", "risk", "death", "hospitalisation", "heart"),
        **_q("about a third", 33.33, "percent", "about"),
    }
    title = {
        "text": headline,
        "predicate": "cut",
        "keywords": ("pill", "risk", "death", "heart"),
        **_q("a third", 33.33, "percent"),
    }
    store, pairs = build([(body, None)], title_a=title)
    hits = found(store, "headline_body")
    assert (frozenset([pairs[-1][0], pairs[0][0]]) in hits) == reported


def test_headline_body_a_headline_figure_restates_the_nearest_body_figure() -> None:
    """ "Blackout leaves 400,000 homes without power": the body's "About 310,000 households lost
    electricity", not its "about 12,000 households were still without electricity", though that
    one is more like it in words."""
    lost = {
        "text": "About 310,000 households in the region lost electricity on Monday evening.",
        "measure": "households lost electricity",
        "measure_key": "electricity household lost",
        "predicate": "lose",
        "keywords": ("household", "region", "lose", "electricity", "monday", "evening"),
        **_q("About 310,000", 310_000, "count", "about"),
    }
    still = {
        "text": "By Tuesday evening, about 12,000 households were still without electricity.",
        "measure": "households",
        "measure_key": "household",
        "predicate": "be",
        "keywords": ("household", "electricity", "tuesday", "evening"),
        **_q("about 12,000", 12_000, "count", "about"),
    }
    title = {
        "text": "Blackout leaves 400,000 homes without power",
        "measure_key": "household leave outage",
        "predicate": "leave",
        "keywords": ("blackout", "leave", "household", "power"),
        **_q("400,000", 400_000),
    }
    store, pairs = build([(lost, None), (still, None)], title_a=title)
    assert found(store, "headline_body") == {frozenset([pairs[-1][0], pairs[0][0]])}


def test_headline_body_a_headline_may_overstate_by_far() -> None:
    """ "Hundreds of patients evacuated" over "94 patients had been moved out": more than
    FAR_APART times apart, which two outlets' figures for one thing never are, but a headline's
    overstatement may be."""
    moved = {
        "text": "By daybreak 94 patients had been moved out of the wing.",
        "measure": "patients moved",
        "measure_key": "move patient wing",
        "predicate": "move",
        "keywords": ("daybreak", "patient", "move", "wing"),
        **_q("94", 94, "count"),
    }
    title = {
        "text": "Hundreds of patients evacuated as fire tears through Kelbury General",
        "measure_key": "evacuate patient",
        "predicate": "evacuate",
        "keywords": ("patient", "evacuate", "fire", "tear", "kelbury", "general"),
        "quantity": Quantity(
            text="Hundreds", start=0, end=0, unit="count", qualifier="range", low=200, high=999
        ),
    }
    beds = {
        "text": "The closures have taken almost 100 beds out of use.",
        "measure": "beds taken out of use",
        "measure_key": "bed closure use",
        "predicate": "take",
        "keywords": ("closure", "take", "bed", "use"),
        "quantity": Quantity(
            text="almost 100", start=0, end=0, unit="count", qualifier="at_most", low=90, high=100
        ),
    }
    store, pairs = build([(beds, None), (moved, None)], title_a=title)
    assert found(store, "headline_body") == {frozenset([pairs[-1][0], pairs[1][0]])}


def test_headline_body_a_headline_figure_is_near_the_bound_of_a_hedged_one() -> None:
    """ "Seven hours in the sky": the body's "up to six hours" (whose interval ends at six), not
    a claim with no figure that shares more words."""
    stuck = {
        "text": "Some were stuck for up to six hours before rescuers reached them.",
        "measure": "stuck",
        "measure_key": "stuck",
        "predicate": "stick",
        "keywords": ("stick", "rescuer", "reach"),
        **_q("up to six hours", 6, "hour", "at_most"),
    }
    lowered = {
        "text": "Rescue teams had to lower every gondola passenger to safety on ropes.",
        "measure": "lowered passengers",
        "measure_key": "lower passenger",
        "predicate": "lower",
        "keywords": ("gondola", "passenger", "lower", "rope", "safety"),
    }
    title = {
        "text": "Seven hours in the sky: gondola passengers tell of storm ordeal",
        "measure_key": "passenger sky",
        "predicate": "tell",
        "keywords": ("sky", "gondola", "passenger", "tell", "storm", "ordeal"),
        **_q("Seven hours", 7, "hour"),
    }
    store, pairs = build([(stuck, None), (lowered, None)], title_a=title)
    assert found(store, "headline_body") == {frozenset([pairs[-1][0], pairs[0][0]])}


def test_headline_body_a_headline_figure_restates_the_body_figure_of_the_same_things() -> None:
    """ "Skerrin down to two sailings a day": the body's "three return sailings a day", not a
    quote's "two" of something else, though that one is the same number and shares more words."""
    sailings = {
        "text": "Since the Halvard was laid up, the island has had three return sailings a day.",
        "measure": "island had sailings",
        "measure_key": "island sailing",
        "predicate": "have",
        "keywords": ("island", "return", "sailing", "halvard"),
        **_q("three", 3),
    }
    quote = {
        "text": '"Two patients a day miss treatment since the Halvard was laid up in Skerrin," said a doctor.',
        "measure": "patients miss treatment",
        "measure_key": "patient miss treatment",
        "predicate": "miss",
        "keywords": ("patient", "day", "miss", "treatment", "halvard", "skerrin", "doctor"),
        **_q("Two", 2),
    }
    title = {
        "text": "Skerrin down to two sailings a day as Halvard laid up",
        "measure_key": "sailing skerrin",
        "predicate": "lay",
        "keywords": ("skerrin", "sailing", "day", "halvard", "lay"),
        "quantity": Quantity(text="two", start=16, end=19, unit="count", value=2),
    }
    store, pairs = build([(sailings, None), (quote, None)], title_a=title)
    assert found(store, "headline_body") == {frozenset([pairs[-1][0], pairs[0][0]])}


def test_headline_body_dropped_condition() -> None:
    body = {
        "text": "The lab called for a world pause on research, only if all labs stop at once.",
        "kind": "proposal",
        "condition": "only if all labs stop at once",
        "modality": "proposed",
        "keywords": ("lab", "pause", "research", "world", "call"),
    }
    title = {
        "text": "Lab calls for world research pause",
        "modality": "proposed",
        "keywords": ("lab", "pause", "research", "world", "call"),
    }
    store, pairs = build([(body, None)], title_a=title)
    hits = found(store, "headline_body")
    assert frozenset([pairs[-1][0], pairs[0][0]]) in hits


@pytest.mark.parametrize(
    ("headline", "modality", "reported"),
    [
        ("Rail operator to cut fares on all regional routes", "asserted", True),
        ("Rail operator cuts fares on all regional routes, minister says", "reported", False),
        # a question, or a guide for the reader, asserts nothing
        ("Will the rail operator cut fares on all regional routes?", "asserted", False),
        ("Rail operator fare cut: how to claim on all regional routes", "asserted", False),
    ],
)
def test_headline_body_a_hedge_turned_into_fact(headline: str, modality: str, reported: bool) -> None:
    """A headline that states as fact what its body only proposes misleads; one that says
    who proposes it reports the proposal."""
    words = ("operator", "fare", "regional", "route", "cut")
    body = {
        "text": "The minister urged the rail operator to cut fares on all regional routes.",
        "kind": "proposal",
        "modality": "proposed",
        "predicate": "cut",
        "keywords": words,
    }
    title = {"text": headline, "modality": modality, "predicate": "cut", "keywords": words}
    store, pairs = build([(body, None)], title_a=title)
    hits = found(store, "headline_body")
    assert (frozenset([pairs[-1][0], pairs[0][0]]) in hits) == reported


@pytest.mark.parametrize(
    ("headline", "body", "reported"),
    [
        (("more than 400", 400, "over"), ("412", 412, "exact"), False),  # a hedge that holds
        (("more than 400", 400, "over"), ("400", 400, "exact"), True),  # says more than the body
        (("more than 400", 400, "over"), ("367", 367, "exact"), True),
        (("nearly 5,000", 5000, "under"), ("4,812", 4812, "exact"), False),
        (("412", 412, "exact"), ("about 380", 380, "about"), False),  # within the body's hedge
        (("412", 412, "exact"), ("367", 367, "exact"), True),
        # a plain figure at the body's bound: "400 flights" for "nearly 400", "up to 400"
        (("400", 400, "exact"), ("nearly 400", 400, "under"), True),
        (("400", 400, "exact"), ("up to 400", 400, "at_most"), True),
        (("400", 400, "exact"), ("more than 400", 400, "over"), True),
        (("400", 400, "exact"), ("more than 380", 380, "over"), False),  # within what it allows
    ],
)
def test_headline_body_reads_the_headlines_hedge(
    headline: tuple[str, float, str], body: tuple[str, float, str], reported: bool
) -> None:
    words = ("airline", "cancel", "flight", "thursday")
    b = {
        "text": f"The airline cancelled {body[0]} flights on Thursday.",
        "predicate": "cancel",
        "measure": "cancelled flights",
        "keywords": words,
        **_q(body[0], body[1], qualifier=body[2]),
    }
    title = {
        "text": f"Airline cancels {headline[0]} flights",
        "predicate": "cancel",
        "keywords": words,
        **_q(headline[0], headline[1], qualifier=headline[2]),
    }
    assert _headline_reported(b, title) == reported


@pytest.mark.parametrize(
    ("headline", "reported"),
    [
        (("£26m", 26e6, "exact"), True),  # one figure for the body's range
        (("£22m", 22e6, "exact"), True),
        (("up to £26m", 26e6, "at_most"), False),  # the headline hedges it too
    ],
)
def test_headline_body_one_figure_for_the_bodys_range(
    headline: tuple[str, float, str], reported: bool
) -> None:
    words = ("repair", "bridge", "cost", "crack")
    b = {
        "text": "The repairs to the bridge will cost between £22m and £26m.",
        "predicate": "cost",
        "measure": "repairs cost",
        "keywords": words,
        "quantity": Quantity(
            text="between £22m and £26m", start=0, end=0, unit="GBP", qualifier="range", low=22e6, high=26e6
        ),
    }
    title = {
        "text": f"Bridge repairs to cost {headline[0]} after cracks found",
        "predicate": "cost",
        "keywords": words,
        **_q(headline[0], headline[1], "GBP", headline[2]),
    }
    assert _headline_reported(b, title) == reported


@pytest.mark.parametrize(
    ("headline", "body", "reported"),
    [
        (("48C", 48, "celsius"), ("47.3 degrees", 47.3, "celsius"), True),  # 47.3 rounds to 47
        (("£26m", 26e6, "GBP"), ("£25.8m", 25.8e6, "GBP"), False),
    ],
)
def test_headline_body_a_figure_rounded_further_than_its_last_digit(
    headline: tuple[str, float, str], body: tuple[str, float, str], reported: bool
) -> None:
    words = ("town", "peak", "reach")
    b = {"text": f"The town's peak reached {body[0]}.", "predicate": "reach", "keywords": words, **_q(*body)}
    title = {
        "text": f"Town peak reaches {headline[0]}",
        "predicate": "reach",
        "keywords": words,
        **_q(*headline),
    }
    assert _headline_reported(b, title) == reported


@pytest.mark.parametrize(
    ("body", "reported"),
    [(("more than 1,200", 1200, "over"), True), (("about 4,500", 4500, "about"), False)],
)
def test_headline_body_a_vague_amount_the_bodys_figure_falls_outside(
    body: tuple[str, float, str], reported: bool
) -> None:
    """ "Thousands evacuated" (2,000 to 9,999) for "more than 1,200 people" says more than the
    body; for "about 4,500" it does not."""
    words = ("evacuate", "people", "fire", "warehouse")
    b = {
        "text": f"{body[0]} people were evacuated from their homes.",
        "predicate": "evacuate",
        "keywords": words,
        **_q(body[0], body[1], qualifier=body[2]),
    }
    thousands = Quantity(
        text="Thousands", start=0, end=0, unit="count", qualifier="range", low=2000, high=9999
    )
    title = {
        "text": "Thousands evacuated as fire tears through warehouse",
        "predicate": "evacuate",
        "keywords": words,
        "quantity": thousands,
    }
    assert _headline_reported(b, title) == reported


def test_a_rule_that_is_not_a_select_gets_a_clear_error(tmp_path: Any) -> None:
    (tmp_path / "mine.rq").write_text("ASK { ?s ?p ?o }", encoding="utf-8")
    with pytest.raises(QueryError, match="'mine' is not a SELECT query"):
        detect(open_store(None), rules=load_rules(["mine"], extra_dir=tmp_path))


def test_a_headline_restates_the_body_claim_with_its_verb() -> None:
    """ "Acme paid ransom to hackers who stole customer data": the headline's claim is the
    payment, which the body does not confirm, not the theft it mentions on the way."""
    theft = {
        "text": "Hackers stole the personal data of Acme customers from its billing servers.",
        "kind": "event",
        "predicate": "steal",
        "keywords": ("hacker", "steal", "personal", "datum", "acme", "customer", "billing", "server"),
    }
    ransom = {
        "text": "Acme would not confirm whether a ransom had been paid.",
        "predicate": "pay",
        "negated": True,
        "keywords": ("acme", "confirm", "ransom", "pay"),
    }
    title = {
        "text": "Acme paid ransom to hackers who stole customer data",
        "predicate": "pay",
        "keywords": ("acme", "pay", "ransom", "hacker", "steal", "customer", "datum"),
    }
    store, pairs = build([(theft, None), (ransom, None)], title_a=title)
    hits = found(store, "headline_body")
    assert hits == {frozenset([pairs[-1][0], pairs[1][0]])}


def test_what_a_source_is_does_not_tell_sources_apart() -> None:
    from claimgraph.align import differences
    from claimgraph.model import Claim

    def said(claimant: str) -> Claim:
        return Claim(
            article_url="https://example.org/x",
            field="body",
            start=0,
            end=1,
            text="x",
            kind="attribution",
            claimant=claimant,
            measure_key="fail system",
        )

    idf = {"larkspur": 0.1, "spokesman": 3.0, "chief": 3.0, "executive": 3.0, "ilse": 3.0, "varga": 3.0}
    same = differences(said("a Larkspur spokesman"), said("Chief executive Ilse Varga (Larkspur)"), idf)
    assert "!source" not in same  # both speak for Larkspur
    assert "!source" in differences(said("the ministry"), said("a Red Cross official"), idf)
    # a force's detectives and units speak for the force
    assert "!source" not in differences(said("Detectives"), said("Fellshire Police"), idf)
    unit = said("A spokesperson for the South Marches Regional Organised Crime Unit")
    assert "!source" not in differences(unit, said("Police"), idf)
    assert "!source" not in differences(said("the Treasury"), said("the government"), idf)
    assert "!source" not in differences(said("Ministers"), said("The ministry"), idf)
    # two public bodies named for one place are two sources
    fire = said("A fire service spokeswoman (Wrenshire Fire and Rescue Service)")
    idf.update(wrenshire=3.0, fire=3.0, police=3.0, rescue=3.0, service=3.0)
    assert "!source" in differences(fire, said("Wrenshire Police"), idf)
    assert "!source" not in differences(said("Wrenshire Police"), said("a police spokesman"), idf)


def test_a_condition_on_one_side_of_a_denial_is_not_left_out() -> None:
    """ "would seek a buyer once production has ended" / "is not looking for a buyer": the two
    contradict each other (polarity); the condition is not what the second one left out."""
    store, pairs = build(
        [
            (
                {
                    "text": "It would seek a buyer once production has ended.",
                    "kind": "attribution",
                    "predicate": "seek",
                    "condition": "once production has ended",
                },
                {
                    "text": "It is not looking for a buyer.",
                    "kind": "attribution",
                    "predicate": "look",
                    "negated": True,
                },
            ),
            (
                {
                    "text": "It would sell the site once production has ended.",
                    "kind": "attribution",
                    "predicate": "sell",
                    "condition": "once production has ended",
                },
                {"text": "It would sell the site.", "kind": "attribution", "predicate": "sell"},
            ),
        ]
    )
    assert frozenset(pairs[0]) in found(store, "polarity")
    omitted = found(store, "omitted_condition")
    assert frozenset(pairs[0]) not in omitted and frozenset(pairs[1]) in omitted


def test_polarity_opposites_at_two_moments_do_not_contradict() -> None:
    """ "The bridge opened in 1968" / "closed the bridge on Friday": two moments, no contradiction;
    "the footway remains open" / "the closure applies to pedestrians too", undated, contradict."""
    y1968 = _t("1968", date(1968, 1, 1), date(1968, 12, 31), "year")
    friday = _t("2026-11-20", date(2026, 11, 20), date(2026, 11, 20), "day")
    store, pairs = build(
        [
            (
                {"text": "The bridge opened in 1968.", "predicate": "open", "kind": "event", "time": y1968},
                {
                    "text": "The authority closed the bridge on Friday.",
                    "predicate": "close",
                    "kind": "event",
                    "time": friday,
                },
            ),
            (
                {"text": "The bridge footway remains open.", "predicate": "open", "kind": "event"},
                {"text": "The bridge footway was closed too.", "predicate": "close", "kind": "event"},
            ),
        ]
    )
    hits = found(store, "polarity")
    assert frozenset(pairs[0]) not in hits
    assert frozenset(pairs[1]) in hits


def test_polarity_not_ruling_something_out_contradicts_saying_there_will_be_none() -> None:
    store, pairs = build(
        [
            (
                {"text": "The Treasury said there would be no rescue.", "predicate": "be", "negated": True},
                {
                    "text": "The minister declined to rule out a rescue.",
                    "predicate": "rule out",
                    "negated": True,
                },
            ),
            (
                {"text": "The council said there would be no new tax.", "predicate": "be", "negated": True},
                {"text": "The council ruled out a new tax.", "predicate": "rule out"},
            ),
        ]
    )
    hits = found(store, "polarity")
    assert frozenset(pairs[0]) in hits and frozenset(pairs[1]) not in hits


def test_numeric_a_precise_figure_is_rounded_no_more_than_its_last_digit() -> None:
    """ "£7,610" / "£7,460" per pupil conflict (2% either side would let them meet); "£4.25m" /
    "£4.2m" is one figure rounded."""
    words = {
        "predicate": "average",
        "keywords": ("funding", "pupil", "average"),
        "measure": "average funding",
    }

    def full(what: str) -> dict[str, Any]:
        return {
            "predicate": "fill",
            "keywords": (what, "full"),
            "measure": f"{what} full",
            "measure_key": f"full {what}",
        }

    store, pairs = build(
        [
            (
                {"text": "Funding averages £7,610 per pupil.", **words, **_q("£7,610", 7610, "GBP")},
                {"text": "Funding works out at £7,460 per pupil.", **words, **_q("£7,460", 7460, "GBP")},
            ),
            (
                {"text": "Repairs will cost £4.25m.", **words, **_q("£4.25m", 4.25e6, "GBP")},
                {"text": "Repairs will cost £4.2m.", **words, **_q("£4.2m", 4.2e6, "GBP")},
            ),
            # two significant digits: 1% either side ("71%" / "73%" conflict, "71%" / "71.5%" not)
            (
                {"text": "Reservoirs are 71% full.", **full("reservoir"), **_q("71%", 71, "percent")},
                {"text": "Reservoirs are at 73%.", **full("reservoir"), **_q("73%", 73, "percent")},
            ),
            (
                {"text": "Grain stocks are 71% full.", **full("grain"), **_q("71%", 71, "percent")},
                {"text": "Grain stocks are at 71.5%.", **full("grain"), **_q("71.5%", 71.5, "percent")},
            ),
        ]
    )
    hits = found(store, "numeric")
    assert frozenset(pairs[0]) in hits and frozenset(pairs[2]) in hits
    assert frozenset(pairs[1]) not in hits and frozenset(pairs[3]) not in hits
