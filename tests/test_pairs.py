"""claimgraph.pairs computes align.score for every pair at once: the two must agree."""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from claimgraph.align import COUNTED_BONUS, COUNTED_IDF, Row, _idf, counted, score
from claimgraph.graph import read_claims
from claimgraph.model import Claim, Quantity, TimeSpan
from claimgraph.pairs import FEATURES, pair_scores

from .corpus_stores import story_store

sys.path.insert(0, str(Path(__file__).parent.parent / "scripts"))
from bench_detect import synthetic_story


def _agree(xs: list[Claim], ys: list[Claim], **kw: Any) -> None:
    idf = _idf([Row(c, "", "", "") for c in xs])
    s, feats = pair_scores(xs, ys, idf, **kw)
    for i, x in enumerate(xs):
        for j, y in enumerate(ys):
            ref, ref_feats = score(x, y, idf)
            assert s[i, j] == pytest.approx(ref, abs=1e-9), (x.text, y.text)
            if ref:
                assert [f for f in FEATURES if feats[f][i, j]] == [f for f in ref_feats if f in FEATURES]


@pytest.mark.parametrize("story", ["ai-self-improvement", "transit-fares", "trial-results"])
def test_matrix_scores_are_score_on_a_corpus_story(story: str, nlp: Any) -> None:
    body = [c for c, _ in read_claims(story_store(story, nlp)) if c.field == "body"]
    _agree(body, body)


def test_matrix_scores_are_score_on_synthetic_stories() -> None:
    rng = random.Random(3)
    for k in range(8):
        body = [c for _, cs in synthetic_story(rng, k) for c in cs if c.field == "body"]
        _agree(body, body)
        _agree(body[:7], body[7:])


def test_an_amount_against_none_scores_as_if_neither_had_one_when_asked() -> None:
    """As headline_links compares a headline with its body."""
    rng = random.Random(4)
    claims = [c for _, cs in synthetic_story(rng, 0) for c in cs if c.field == "body"]
    with_q = [c for c in claims if c.quantity][:5]
    without = [c for c in claims if not c.quantity][:5]
    idf = _idf([Row(c, "", "", "") for c in claims])
    s, _ = pair_scores(with_q, without, idf, amounts_must_match=False)
    for i, x in enumerate(with_q):
        for j, y in enumerate(without):
            assert s[i, j] == pytest.approx(score(replace(x, quantity=None), y, idf)[0], abs=1e-9)
    assert s.any() and not pair_scores(with_q, without, idf)[0].any()


def _made(text: str, quantity: Quantity | None = None, **fields: Any) -> Claim:
    """A body claim of one hand-made article."""
    kind = "quantity" if quantity else "event"
    return Claim(
        article_url="https://example.org/x",
        field="body",
        start=0,
        end=len(text),
        text=text,
        kind=kind,
        quantity=quantity,
        **fields,
    )


def test_durations_are_compared_in_days() -> None:
    def claim(text: str, value: float, unit: str) -> Claim:
        q = Quantity(text=text, start=0, end=len(text), unit=unit, value=value)
        return _made(text, q, keywords=("regulator", "report", "failure"), measure_key="report")

    days, weeks, three = (
        claim("14 days", 14, "day"),
        claim("two weeks", 2, "week"),
        claim("3 weeks", 3, "week"),
    )
    idf = _idf([Row(c, "", "", "") for c in (days, weeks, three)])
    assert "value" in score(days, weeks, idf)[1]  # one figure
    assert "value" not in score(days, three, idf)[1]
    assert score(days, weeks, idf)[0] > score(days, three, idf)[0]
    _agree([days, weeks, three], [days, weeks, three])


def test_a_bare_verb_is_what_a_statement_says() -> None:
    """ "None of the stolen objects has been recovered, police said" / "Nothing has yet been
    recovered, police said": with nothing but the verb on one side, the verb is compared."""

    def said(text: str, key: str) -> Claim:
        return replace(
            _made(text, keywords=tuple(key.split()), measure_key=key, predicate="recover", claimant="police"),
            kind="attribution",
        )

    none = said("None of the stolen objects has been recovered, police said.", "object recover steal")
    nothing = said("Nothing has yet been recovered, police said.", "recover")
    other = replace(said("Two men were arrested, police said.", "arrest man"), predicate="arrest")
    idf = _idf([Row(c, "", "", "") for c in (none, nothing, other)])
    assert score(none, nothing, idf)[0] > score(none, other, idf)[0]
    assert score(none, nothing, idf)[0] > 0.2  # (0 when the verb was taken out on both sides)
    _agree([none, nothing, other], [none, nothing, other])


def test_two_quotes_share_more_than_one_word() -> None:
    """Two things one person said ("we know people are waiting too long, often in pain" / "every
    number in these figures is a person, and many of them are in pain") are no match; one thing
    quoted twice is."""

    def quote(text: str, key: str, predicate: str) -> Claim:
        return replace(
            _made(
                text, keywords=tuple(key.split()), measure_key=key, predicate=predicate, claimant="Sowerby"
            ),
            kind="quote",
        )

    waiting = quote(
        "We know people are waiting too long, often in pain.", "know long pain people wait", "know"
    )
    person = quote("Every number is a person, and many are in pain.", "pain person", "be")
    again = quote("People are waiting too long, in pain.", "long pain people wait", "wait")
    idf = _idf([Row(c, "", "", "") for c in (waiting, person, again)])
    assert score(waiting, person, idf)[0] == 0.0
    assert score(waiting, again, idf)[0] > 0.3
    _agree([waiting, person, again], [waiting, person, again])


def test_amounts_far_apart_are_no_match() -> None:
    """ "Families can claim €120 from the distributor" is not "the total bill for the distributor
    is €20 million to €30 million", nor a bill of €25 million one of €110 million (more than
    FAR_APART times); €25 million and €90 million may be one bill misreported, and so may a
    slip of scale ("€25 million" / "€25 billion")."""

    def claim(text: str, q: Quantity) -> Claim:
        return _made(text, q, keywords=("distributor", "halvik", "power"), measure_key="distributor")

    def eur(
        text: str, value: float | None = None, low: float | None = None, high: float | None = None
    ) -> Quantity:
        kind = "range" if value is None else "exact"
        return Quantity(
            text=text, start=0, end=len(text), unit="EUR", value=value, low=low, high=high, qualifier=kind
        )

    claim_120 = claim("Families can claim €120 from the distributor.", eur("€120", 120))
    bill = claim("The distributor's bill is €20 million to €30 million.", eur("€20m to €30m", None, 2e7, 3e7))
    million = claim("The distributor's bill is €25 million.", eur("€25 million", 25e6))
    billion = claim("The distributor's bill is €25 billion.", eur("€25 billion", 25e9))
    wide = claim("The distributor's bill is €110 million.", eur("€110 million", 110e6))
    near = claim("The distributor's bill is €90 million.", eur("€90 million", 90e6))
    claims = [claim_120, bill, million, billion, wide, near]
    idf = _idf([Row(c, "", "", "") for c in claims])
    assert score(claim_120, bill, idf)[0] == 0.0
    assert score(million, wide, idf)[0] == 0.0
    assert score(million, near, idf)[0] > 0.0
    assert score(million, billion, idf)[0] > 0.0
    _agree(claims, claims)


def test_power_is_compared_in_megawatts() -> None:
    """ "1.4 GW" and "around 1,400 megawatts" are one figure; the rules see them apart (no
    '!amount': they compare amounts as written, in one unit)."""
    from claimgraph.align import differences

    def claim(text: str, value: float, unit: str, qualifier: str = "exact") -> Claim:
        q = Quantity(text=text, start=0, end=len(text), unit=unit, value=value, qualifier=qualifier)
        return _made(text, q, keywords=("outage", "supply", "network"), measure_key="supply")

    gw, mw, more, tw = (
        claim("1.4 GW", 1.4, "GW"),
        claim("around 1,400 megawatts", 1400, "MW", "about"),
        claim("2,000 MW", 2000, "MW"),
        claim("12 TWh", 12, "TWh"),
    )
    idf = _idf([Row(c, "", "", "") for c in (gw, mw, more, tw)])
    assert "value" in score(gw, mw, idf)[1] and score(gw, mw, idf)[0] > 0.3
    assert "value" not in score(gw, more, idf)[1]
    assert score(gw, tw, idf)[0] == 0.0  # power is not energy
    assert "!amount" not in differences(gw, mw, idf)
    _agree([gw, mw, more, tw], [gw, mw, more, tw])


def test_lengths_and_masses_are_compared_in_metres_and_kilograms() -> None:
    """ "a 3.4-kilometre line" and "the 3,400-metre gondola" are one figure, as are "1.2
    tonnes" and "1,200 kg"; a length is no mass."""

    def claim(text: str, value: float, unit: str) -> Claim:
        q = Quantity(text=text, start=0, end=len(text), unit=unit, value=value, qualifier="exact")
        return _made(text, q, keywords=("gondola", "line", "cable"), measure_key="line")

    km, metres, tonnes, kg = (
        claim("3.4-kilometre", 3.4, "km"),
        claim("3,400-metre", 3400, "m"),
        claim("1.2 tonnes", 1.2, "tonne"),
        claim("1,200 kg", 1200, "kg"),
    )
    idf = _idf([Row(c, "", "", "") for c in (km, metres, tonnes, kg)])
    assert "value" in score(km, metres, idf)[1]
    assert "value" in score(tonnes, kg, idf)[1]
    assert score(km, kg, idf)[0] == 0.0
    _agree([km, metres, tonnes, kg], [km, metres, tonnes, kg])


def test_contradicting_outcomes_compare_though_one_gives_no_amount() -> None:
    from claimgraph.align import differences

    def claim(text: str, predicate: str, amount: str = "") -> Claim:
        q = Quantity(text=amount, start=0, end=len(amount), unit="count", value=1900) if amount else None
        return _made(text, q, predicate=predicate, keywords=("list", "august", "wait"), measure_key="list")

    grew = claim("The list grew by 1,900 in August.", "grow", "1,900")
    fell = claim("The list did fall slightly in August.", "fall")
    kept = claim("The list was kept in August.", "keep")
    idf = _idf([Row(c, "", "", "") for c in (grew, fell, kept)])
    assert score(grew, fell, idf)[0] > 0.3 and "!polarity" in differences(grew, fell, idf)
    assert score(grew, kept, idf)[0] == 0.0  # no contradiction: an amount against none
    _agree([grew, fell, kept], [grew, fell, kept])


def test_a_condition_said_in_other_words_is_not_left_out() -> None:
    from claimgraph.align import differences

    closed = _made(
        "Shops on the high street must close for two days if flooding reaches the bridge.",
        condition="if flooding reaches the bridge",
    )
    restated = _made("Shops near the bridge must close for two days once flooding reaches it.")
    silent = _made("Shops on the high street must close for two days.")
    assert "!condition" not in differences(closed, restated)
    assert "!condition" not in differences(restated, closed)
    assert "!condition" in differences(closed, silent)


def test_the_same_movement_of_different_things_is_no_measure_in_common() -> None:
    def claim(text: str, measure_key: str, predicate: str, value: float) -> Claim:
        q = Quantity(text=f"{value}%", start=0, end=3, unit="percent", value=value)
        return _made(
            text, q, predicate=predicate, measure_key=measure_key, keywords=tuple(measure_key.split())
        )

    pay = claim("Pay rose 4.6% in the year.", "pay rise", "rise", 4.6)
    jobless = claim("Unemployment climbed to 5.8%.", "climb unemployment", "climb", 5.8)
    wages = claim("Pay grew by 4.4% a year earlier.", "grow pay", "grow", 4.4)
    idf = _idf([Row(c, "", "", "") for c in (pay, jobless, wages)])
    assert "measure" not in score(pay, jobless, idf)[1]
    assert "measure" in score(pay, wages, idf)[1]
    _agree([pay, jobless, wages], [pay, jobless, wages])


def test_the_same_place_at_another_level_is_another_scope() -> None:
    from claimgraph.align import differences

    region = _made(
        "Eleven hospitals across the Tarn region ran on generators.", scope="across the Tarn region"
    )
    city = _made("All 11 hospitals in the city of Tarn ran on generators.", scope="in the city of Tarn")
    again = _made("Eleven hospitals in the Tarn region switched to generators.", scope="in the Tarn region")
    assert "!scope" in differences(region, city)
    assert "!scope" not in differences(region, again)
    # the same words with other numbers
    older = _made("The rate is £13.15 for workers aged 23 and over.", scope="workers aged 23 and over")
    adult = _made("The rate is £13.15 for workers aged 21 and over.", scope="workers aged 21 and over")
    assert "!scope" in differences(older, adult)
    assert "!scope" not in differences(adult, adult)
    # words reports use interchangeably
    port = _made("Some 30 boats were kept in port.", scope="in port")
    harbour = _made("Around 30 boats were tied up in the harbour.", scope="in the harbour")
    assert "!scope" not in differences(port, harbour)
    # the people of a place, however named
    population = _made("The over-65s make up 21.3 per cent of the population.", scope="the population")
    residents = _made("The over-65s make up 18.3% of residents.", scope="residents")
    assert "!scope" not in differences(population, residents)
    # one names part of the places the other lists; a place's country widens nothing
    both = _made(
        "Some 760 homes across Longmere and Hatch End will go.", scope="across Longmere and Hatch End"
    )
    one = _made("The programme covers about 760 homes in Longmere alone.", scope="in Longmere alone")
    assert "!scope" in differences(both, one) and "!scope" in differences(one, both)
    assert "!scope" not in differences(one, one)
    # (a second place with a word before its name)
    wider = _made(
        "It supplies about 85,000 people in Carrowdale and the neighbouring Ashby district.",
        scope="in Carrowdale and the neighbouring Ashby district",
    )
    carrowdale = _made("It supplies water to about 85,000 people in Carrowdale.", scope="in Carrowdale")
    assert "!scope" in differences(wider, carrowdale) and "!scope" in differences(carrowdale, wider)
    country = _made(
        "About 310,000 households in Eskeland's Tarnholm region lost power.",
        scope="in Eskeland's Tarnholm region",
    )
    assert "!scope" not in differences(region, country)


def test_a_few_days_one_side_gives_are_when_the_news_happened() -> None:
    from datetime import date

    from claimgraph.align import differences
    from claimgraph.model import TimeSpan

    q = Quantity(text="38%", start=0, end=3, unit="percent", value=38)

    def at(text: str, begin: date, end: date) -> TimeSpan:
        return TimeSpan(text=text, iso=text, begin=begin, end=end, granularity="interval")

    undated = _made("Reservoirs were holding 38% of capacity.", q)
    weekend = _made(
        "Reservoirs stood at 38% at the weekend.",
        q,
        time=at("weekend", date(2026, 11, 21), date(2026, 11, 22)),
    )
    quarter = _made(
        "Reservoirs stood at 38% in the third quarter.", q, time=at("Q3", date(2026, 7, 1), date(2026, 9, 30))
    )
    fortnight = _made(
        "Stocks fell 6 points in the past two weeks.",
        q,
        time=at("2w", date(2026, 11, 10), date(2026, 11, 24)),
    )
    assert "!time" not in differences(undated, weekend)
    assert "!time" not in differences(undated, fortnight)
    assert "!time" in differences(undated, quarter)


# (text, predicate, keywords, € millions) of a headline and of its article's body claims; the
# body claim the headline restates comes first
_LIGHT_VERB_CASES = [
    (  # "puts ... under scrutiny" is not "puts the repair bill at"
        (
            "Derailment puts Permway's €18m maintenance cut under scrutiny",
            "put",
            ("derailment", "permway", "maintenance", "cut", "scrutiny", "put"),
            18,
        ),
        (
            "The owner's maintenance budget for the route has fallen to €18m.",
            "fall",
            ("owner", "maintenance", "budget", "route", "fall"),
            18,
        ),
        ("Permway puts the repair bill at some €4.2m.", "put", ("permway", "repair", "bill", "put"), 4.2),
    ),
    (  # "leaves 300 boats stuck in port" is no leaving: not "never left the shipping lane"
        (
            "Oil spill leaves 300 fishing boats stuck in port",
            "leave",
            ("oil", "spill", "fishing", "boat", "port", "leave"),
            300,
        ),
        (
            "Some 200 boats sit idle in harbours along the peninsula.",
            "sit",
            ("boat", "sit", "idle", "harbour", "peninsula"),
            200,
        ),
        ("The tanker never left the shipping lane.", "leave", ("tanker", "leave", "shipping", "lane"), None),
    ),
]


@pytest.mark.parametrize("case", _LIGHT_VERB_CASES)
def test_a_headline_is_not_linked_by_a_light_verb(case: tuple[Any, ...]) -> None:
    from claimgraph.align import headline_links

    def row(fields: tuple[Any, ...], field: str, iri: str) -> Row:
        text, predicate, keywords, value = fields
        q = (
            None
            if value is None
            else Quantity(text=f"€{value}m", start=0, end=4, unit="EUR", value=value * 1e6)
        )
        c = replace(_made(text, q, predicate=predicate, keywords=keywords), field=field)
        return Row(c, iri, "https://example.org/x", "Outlet")

    head, *bodies = case
    rows = [row(head, "title", "h"), *(row(b, "body", f"b{i}") for i, b in enumerate(bodies, 1))]
    (link,) = headline_links(rows)
    assert (link.a, link.b) == ("h", "b1")


def test_a_quote_and_an_event_share_more_than_a_word() -> None:
    quote = replace(
        _made(
            '"Nobody wants a ban, but a ban now is how we avoid standpipes," he said.',
            measure_key="ban caddon want",
        ),
        kind="quote",
    )
    event = _made(
        "The ban will come into force on 1 December.", measure_key="ban", predicate="come into force"
    )
    both = _made("The ban on hosepipes that nobody wants begins on 1 December.", measure_key="ban want")
    idf = {"ban": 1.0, "caddon": 2.0, "want": 2.0}
    assert score(quote, event, idf)[0] == 0.0
    assert score(quote, both, idf)[0] > 0.3
    _agree([quote, event, both], [quote, event, both])


def test_a_change_after_inflation_and_one_in_cash_terms_are_two_measures() -> None:
    def claim(text: str, value: float) -> Claim:
        q = Quantity(text=f"{value}%", start=0, end=4, unit="percent", value=value)
        return _made(text, q, keywords=("funding", "pupil", "rise", "year"), measure_key="funding pupil rise")

    cash = claim("Funding per pupil will rise by 3.2% in cash terms next year.", 3.2)
    real = claim("After inflation, funding per pupil will rise by 0.9% next year.", 0.9)
    plain = claim("Funding per pupil will rise by 3.1% next year.", 3.1)
    idf = _idf([Row(c, "", "", "") for c in (cash, real, plain)])
    assert score(cash, real, idf)[0] == 0.0
    assert score(cash, plain, idf)[0] > 0.3 and score(real, plain, idf)[0] > 0.3  # not said: either
    _agree([cash, real, plain], [cash, real, plain])


def test_an_amount_that_describes_a_thing_does_not_keep_its_claim_apart() -> None:
    """ "promised to build a 420-place primary school" / "pledged to build a primary school":
    the figure only describes the school; "420 homes" against no figure stays apart."""
    words = {
        "keywords": ("build", "primary", "school", "site", "promise"),
        "measure_key": "build primary school",
    }
    text = "Tarrant Quay has promised to build a 420-place primary school on the site."
    at = text.index("420")
    school = _made(text, Quantity(text="420", start=at, end=at + 3, unit="count", value=420), **words)
    plain = _made("The company has also pledged to build a primary school on the site.", **words)
    homes_text = "Tarrant Quay has promised to build 420 homes at the primary school site."
    at = homes_text.index("420")
    homes = _made(homes_text, Quantity(text="420", start=at, end=at + 3, unit="count", value=420), **words)
    idf = _idf([Row(c, "", "", "") for c in (school, plain, homes)])
    assert score(school, plain, idf)[0] > 0.3
    assert score(homes, plain, idf)[0] == 0.0
    _agree([school, plain, homes], [school, plain, homes])


def test_the_reporting_period_an_earlier_sentence_set_does_not_keep_claims_apart() -> None:
    """ "expects the restructuring to save about $600m a year" (in an article about the third
    quarter) / "expects annualised savings of about $600m from mid-2027": the quarter is the
    article's, not the claim's, and counts neither for nor against the match."""
    from datetime import date

    def claim(text: str, time: TimeSpan) -> Claim:
        q = Quantity(text="about $600m", start=0, end=11, unit="USD", qualifier="about", value=6e8)
        return _made(text, q, keywords=("expect", "save", "restructuring"), measure_key="save", time=time)

    quarter = TimeSpan("third quarter", "2026-Q3", date(2026, 7, 1), date(2026, 9, 30), "quarter", "context")
    mid = TimeSpan("mid-2027", "2027-05/2027-08", date(2027, 5, 1), date(2027, 8, 31), "interval", "since")
    said = TimeSpan("third quarter", "2026-Q3", date(2026, 7, 1), date(2026, 9, 30), "quarter", "at")
    inferred, stated, later = claim("inferred", quarter), claim("stated", said), claim("later", mid)
    idf = _idf([Row(c, "", "", "") for c in (inferred, stated, later)])
    assert score(inferred, later, idf)[0] > score(stated, later, idf)[0] + 0.2
    assert "time" not in score(inferred, stated, idf)[1]
    _agree([inferred, stated, later], [inferred, stated, later])


def test_what_a_source_would_not_say_neither_supports_nor_contradicts_a_claim() -> None:
    from claimgraph.lexicon import WITHHELD

    words = {"keywords": ("halvard", "service", "northsound"), "measure_key": "halvard service"}
    unsaid = _made(
        "Northsound did not say whether the Halvard would stay in service.", predicate=WITHHELD, **words
    )
    also_unsaid = _made(
        "Northsound would not say whether the Halvard stays in service.", predicate=WITHHELD, **words
    )
    said = _made("Northsound expects the Halvard back in service by January.", predicate="restore", **words)
    idf = _idf([Row(c, "", "", "") for c in (unsaid, also_unsaid, said)])
    assert score(unsaid, said, idf)[0] == 0.0
    assert score(unsaid, also_unsaid, idf)[0] > 0.3  # two sources keeping the same thing back
    _agree([unsaid, also_unsaid, said], [unsaid, also_unsaid, said])
    # a headline that states as fact what the body would not say is still linked to it
    s, _ = pair_scores([said], [unsaid], idf, amounts_must_match=False)
    assert s[0, 0] > 0


def test_two_amounts_of_the_same_distinctive_thing_count_for_more() -> None:
    """ "more than 2,100 objections" / "1,650 objections" count the same thing, a word few other
    claims of the story have; two counts of people, or of what every claim counts, do not."""

    def count(text: str, number: str, value: float, *keywords: str) -> Claim:
        at = text.index(number)
        q = Quantity(text=number, start=at, end=at + len(number), unit="count", value=value)
        return _made(text, q, keywords=keywords, measure_key=" ".join(keywords))

    drawn = count(
        "The plans have drawn more than 2,100 objections.", "more than 2,100", 2100, "plan", "objection"
    )
    lodged = count(
        "Council figures show 1,650 objections had been lodged.", "1,650", 1650, "council", "objection"
    )
    fillers = [count(f"Item {k} counts 12 things{k}.", "12", 12, f"thing{k}") for k in range(25)]
    assert (counted(drawn), counted(lodged)) == ("objection", "objection")
    assert counted(count("It holds 180 tonnes of chemicals.", "180 tonnes", 180, "chemical")) == "chemical"
    assert counted(count("About 1,200 people were evacuated.", "About 1,200", 1200, "evacuate")) == ""
    assert counted(count("It would add £38m a year.", "£38m", 38e6, "add")) == ""

    idf = _idf([Row(c, "", "", "") for c in (drawn, lodged, *fillers)])
    assert idf["objection"] >= COUNTED_IDF
    with_noun = score(drawn, lodged, idf)[0]
    plain = replace(
        drawn, text="The plans have drawn more than 2,100.", end=len("The plans have drawn more than 2,100.")
    )
    assert with_noun == pytest.approx(score(plain, lodged, idf)[0] + COUNTED_BONUS)
    # in a story where most claims count objections, the word tells nothing
    common = _idf([Row(c, "", "", "") for c in (drawn, lodged, drawn, lodged)])
    assert score(drawn, lodged, common)[0] == pytest.approx(score(plain, lodged, common)[0])
    _agree([drawn, lodged, *fillers[:3]], [drawn, lodged, *fillers[:3]])


def test_two_amounts_in_one_physical_unit_count_for_more() -> None:
    """ "about 60,000 cubic metres" / "an estimated 120,000 cubic metres": one physical unit
    says what is measured as a counted noun does; a count or a share in common does not."""

    def amount(text: str, number: str, value: float, unit: str, *keywords: str) -> Claim:
        at = text.index(number)
        q = Quantity(text=number, start=at, end=at + len(number), unit=unit, value=value)
        return _made(text, q, keywords=keywords, measure_key=" ".join(keywords))

    slid = amount(
        "The slide was about 60,000 cubic metres.", "about 60,000 cubic metres", 6e4, "cubic_metre", "slide"
    )
    moved = amount(
        "Material moved was 120,000 cubic metres.", "120,000 cubic metres", 1.2e5, "cubic_metre", "move"
    )
    idf = _idf([Row(c, "", "", "") for c in (slid, moved)])
    as_counts = [replace(c, quantity=replace(c.quantity, unit="count")) for c in (slid, moved)]
    as_shares = [replace(c, quantity=replace(c.quantity, unit="percent")) for c in (slid, moved)]
    bonus = score(slid, moved, idf)[0] - score(*as_counts, idf)[0]
    assert bonus == pytest.approx(COUNTED_BONUS)
    assert score(*as_counts, idf)[0] == pytest.approx(score(*as_shares, idf)[0])
    _agree([slid, moved], [slid, moved])
    _agree(as_counts, as_counts)


def test_two_statements_with_the_same_verb_count_for_more() -> None:
    """ "said the imported tablets were interchangeable" / "acknowledged that the Vireo tablets
    are not directly interchangeable": the verb is left out of the words two statements compare,
    but the same verb, not a light one, adds a little; "be" adds nothing."""
    from claimgraph.align import STATED_VERB_BONUS

    def said(text: str, key: str, verb: str, negated: bool = False) -> Claim:
        return replace(
            _made(text, keywords=tuple(key.split()), measure_key=key, predicate=verb, claimant="Halvorsen"),
            kind="attribution",
            negated=negated,
        )

    are = said(
        "She said the imported tablets were interchangeable.",
        "import interchangeable tablet",
        "interchangeable",
    )
    are_not = said(
        "She acknowledged the Vireo tablets are not interchangeable.",
        "interchangeable tablet vireo",
        "interchangeable",
        negated=True,
    )
    other_verb = replace(are_not, predicate="similar", measure_key="similar tablet vireo")
    idf = _idf([Row(c, "", "", "") for c in (are, are_not, other_verb)])
    assert score(are, are_not, idf)[0] == pytest.approx(score(are, other_verb, idf)[0] + STATED_VERB_BONUS)
    is_ = replace(are, predicate="be", measure_key="import be tablet")
    is_not = replace(are_not, predicate="be", measure_key="be tablet vireo")
    was = replace(is_not, predicate="seem", measure_key="seem tablet vireo")
    assert score(is_, is_not, idf)[0] == pytest.approx(score(is_, was, idf)[0])
    _agree([are, are_not, other_verb, is_, is_not], [are, are_not, other_verb, is_, is_not])


def test_two_close_figures_left_unmatched_are_one_figure_reported_twice() -> None:
    """ "The census cost €212m nationally" / "The census came in at €231m": too few words in
    common for a match, but each is the other's best, they measure one thing in one unit and
    the figures are close; two shares that happen to be close, or two far-apart sums, are not."""
    from claimgraph.align import MATCH_THRESHOLD, match_claims

    def row(outlet: str, n: int, text: str, number: str, value: float, unit: str, *words: str) -> Row:
        at = text.index(number)
        q = Quantity(text=number, start=at, end=at + len(number), unit=unit, value=value)
        c = replace(
            _made(text, q, keywords=words, measure_key=" ".join(words[:2])),
            article_url=f"https://{outlet}.example/a",
        )
        return Row(c, f"https://{outlet}.example/c{n}", f"https://{outlet}.example/a", outlet)

    fill = [f"filler{k}" for k in range(12)]

    def story(x_value: float, y_value: float, unit: str = "EUR") -> list[Row]:
        return [
            row(
                "a",
                1,
                "The census cost €212m nationally.",
                "€212m",
                x_value,
                unit,
                "census",
                "cost",
                *fill[:6],
            ),
            row("b", 1, "The census came in at €231m.", "€231m", y_value, unit, "census", "come", *fill[6:]),
        ]

    rows = story(212e6, 231e6)
    s, _ = score(rows[0].claim, rows[1].claim, _idf(rows))
    assert s < MATCH_THRESHOLD
    stories = {"s": ["https://a.example/a", "https://b.example/a"]}
    (m,) = match_claims(rows, stories)
    assert "figure" in m.features and "measure" in m.features
    assert match_claims(story(212e6, 531e6), stories) == []  # far apart
    assert match_claims(story(21.2, 23.1, "percent"), stories) == []  # shares
    # each names a thing the other does not: two things ("Dalby's ..." / "Brannock ...")
    named = [
        replace(r, claim=replace(r.claim, text=t, end=len(t)))
        for r, t in zip(
            rows,
            ("The census at Dalby's cost €212m nationally.", "The census at Brannock came in at €231m."),
            strict=True,
        )
    ]
    assert match_claims(named, stories) == []
    same = [
        replace(r, claim=replace(r.claim, text=r.claim.text.replace("Brannock", "Dalby's"))) for r in named
    ]
    assert len(match_claims(same, stories)) == 1


def test_a_figure_repeated_at_another_time_is_no_repetition() -> None:
    """An article that gives a matched figure again is matched there too ("two cuts this year",
    "the second cut of 2026"), but not the same figure at another time ("Kessel Securities
    expects two further cuts in 2027")."""
    from datetime import date

    from claimgraph.align import match_claims

    def claim(text: str, year: int) -> Claim:
        q = Quantity(text="two", start=0, end=3, unit="count", value=2)
        span = TimeSpan(str(year), str(year), date(year, 1, 1), date(year, 12, 31), "year", "at")
        return _made(text, q, keywords=("bank", "cut", "rate"), measure_key="cut rate", time=span)

    ours = claim("The bank has now cut rates twice this year.", 2026)
    theirs = claim("The bank's cut brings its rate cuts in 2026 to two.", 2026)
    again = claim("It was the bank's second rate cut of 2026.", 2026)
    later = claim("Kessel Securities expects the bank to make two further rate cuts in 2027.", 2027)
    rows = [Row(ours, "a1", "a", "A"), Row(theirs, "b1", "b", "B"), Row(again, "b2", "b", "B")]
    rows.append(Row(later, "b3", "b", "B"))
    pairs = {frozenset((m.a, m.b)) for m in match_claims(rows, {"s": ["a", "b"]})}
    assert frozenset(("a1", "b1")) in pairs
    assert frozenset(("a1", "b2")) in pairs
    assert frozenset(("a1", "b3")) not in pairs


def test_two_outcomes_that_contradict_each_other_count_for_more() -> None:
    from claimgraph.align import CONTRADICTION_BONUS

    lodged = _made(
        "Her lawyer confirmed that an appeal had been lodged with the tribunal.",
        predicate="lodge",
        keywords=("lawyer", "confirm", "appeal", "lodge", "tribunal"),
        measure_key="appeal lodge tribunal",
    )
    filed = _made(
        "Her lawyer said that no appeal had yet been filed.",
        predicate="file",
        negated=True,
        keywords=("lawyer", "appeal", "file"),
        measure_key="appeal file",
    )
    also_filed = replace(filed, negated=False, text="Her lawyer said that an appeal had been filed.")
    idf = _idf([Row(c, "", "", "") for c in (lodged, filed, also_filed)])
    # the same words, one negated: what a polarity finding is about scores the bonus more
    assert score(lodged, filed, idf)[0] == pytest.approx(
        score(lodged, also_filed, idf)[0] + CONTRADICTION_BONUS
    )
    _agree([lodged, filed, also_filed], [lodged, filed, also_filed])
    # said of two years apart, they are two moments, no contradiction to look for ("opened in
    # 2019" / "would close in 2027"); two days apart, they are still one
    from datetime import date

    def on(c: Claim, begin: date, end: date) -> Claim:
        return replace(c, time=TimeSpan(str(begin), str(begin), begin, end, "interval"))

    early, late = (
        on(lodged, date(2019, 1, 1), date(2019, 12, 31)),
        on(filed, date(2027, 1, 1), date(2027, 12, 31)),
    )
    assert score(early, late, idf)[0] == pytest.approx(score(early, replace(late, negated=False), idf)[0])
    tuesday, thursday = (
        on(lodged, date(2026, 9, 1), date(2026, 9, 1)),
        on(filed, date(2026, 9, 3), date(2026, 9, 3)),
    )
    assert score(tuesday, thursday, idf)[0] == pytest.approx(
        score(tuesday, replace(thursday, negated=False), idf)[0] + CONTRADICTION_BONUS
    )
    _agree([early, late, tuesday, thursday], [early, late, tuesday, thursday])
