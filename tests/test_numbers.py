"""Table-driven tests of the amount grammar: value or range, unit, qualifier, exact words."""

from __future__ import annotations

import pytest

from claimgraph.extract.numbers import find_amounts

# (text, expected words, value, low, high, unit, qualifier)
CASES = [
    ("over 80% of code", "over 80%", 80, None, None, "percent", "over"),
    ("more than 30 per cent of orders", "more than 30 per cent", 30, None, None, "percent", "over"),
    ("80 percent of voters", "80 percent", 80, None, None, "percent", "exact"),
    ("eight in ten riders", "eight in ten", 80, None, None, "percent", "exact"),
    ("one in five patients", "one in five", 20, None, None, "percent", "exact"),
    ("nearly two-thirds of voters", "nearly two-thirds", 66.67, None, None, "percent", "under"),
    ("a third of homes", "a third", 33.33, None, None, "percent", "exact"),
    ("half of the budget", "half", 50, None, None, "percent", "exact"),
    ("a quarter of journeys", "a quarter", 25, None, None, "percent", "exact"),
    ("a fifth of arable land", "a fifth", 20, None, None, "percent", "exact"),
    ("cut the risk by about a third", "about a third", 33.33, None, None, "percent", "about"),
    ("fell by nearly a quarter", "nearly a quarter", 25, None, None, "percent", "under"),
    ("finds the fault in a single hour", "a single hour", 1, None, None, "hour", "exact"),
    ("8 times that of 2024", "8 times", 8, None, None, "times", "exact"),
    ("an eightfold rise", "eightfold", 8, None, None, "times", "exact"),
    ("a 4x increase", "4x", 4, None, None, "times", "exact"),
    ("output tripled last year", "tripled", 3, None, None, "times", "exact"),
    ("roughly fourfold", "roughly fourfold", 4, None, None, "times", "about"),
    ("spend 4-8 hours tuning", "4-8 hours", None, 4, 8, "hour", "range"),
    ("two to three days", "two to three days", None, 2, 3, "day", "range"),
    ("between 40 and 50 new stores", "40 and 50", None, 40, 50, "count", "range"),
    ("single digits", "single digits", None, 1, 9, "count", "range"),
    ("dozens of homes", "dozens", None, 24, 99, "count", "range"),
    ("several people were hurt", "several", None, 3, 9, "count", "range"),
    ("more than a thousand people", "more than a thousand", 1000, None, None, "count", "over"),
    ("$200 million for research", "$200 million", 200e6, None, None, "USD", "exact"),
    ("a $1.5bn deal", "$1.5bn", 1.5e9, None, None, "USD", "exact"),
    ("€3 billion in bonds", "€3 billion", 3e9, None, None, "EUR", "exact"),
    ("£40m a year", "£40m", 40e6, None, None, "GBP", "exact"),
    ("380 million euros", "380 million euros", 380e6, None, None, "EUR", "exact"),
    ("up to £150 a month", "up to £150", 150, None, None, "GBP", "at_most"),
    ("1.2 million people", "1.2 million", 1.2e6, None, None, "count", "exact"),
    ("10,000 workers", "10,000", 10000, None, None, "count", "exact"),
    ("816\u00a0000 residents", "816\u00a0000", 816000, None, None, "count", "exact"),
    ("10^25 FLOPs of compute", "10^25 FLOPs", 1e25, None, None, "FLOP", "exact"),
    ("10²⁵ FLOPs of compute", "10²⁵ FLOPs", 1e25, None, None, "FLOP", "exact"),
    ("1e25 FLOP", "1e25 FLOP", 1e25, None, None, "FLOP", "exact"),
    ("12-hour tasks", "12-hour", 12, None, None, "hour", "exact"),
    ("doubles every four months", "four months", 4, None, None, "month", "exact"),
    ("at least 52 people died", "at least 52", 52, None, None, "count", "at_least"),
    ("some 14,000 residents", "some 14,000", 14000, None, None, "count", "about"),
    ("no more than 3 days", "no more than 3 days", 3, None, None, "day", "at_most"),
    ("almost half of schools", "almost half", 50, None, None, "percent", "under"),
    ("roughly 1,200 jobs", "roughly 1,200", 1200, None, None, "count", "about"),
    ("just under 5,000 patients", "just under 5,000", 5000, None, None, "count", "under"),
    ("exactly 37 deaths", "exactly 37", 37, None, None, "count", "exact"),
    ("300 mm of rain", "300 mm", 300, None, None, "mm", "exact"),
    ("one and one-half miles", "one and one-half miles", 1.5, None, None, "mile", "exact"),
    ("a 9km route", "9km", 9, None, None, "km", "exact"),
    ("up 12% year on year", "12%", 12, None, None, "percent", "exact"),
    ("fell 4 percentage points", "4 percentage points", 4, None, None, "percentage_point", "exact"),
]


@pytest.mark.parametrize(("text", "words", "value", "low", "high", "unit", "qualifier"), CASES)
def test_amount(
    text: str,
    words: str,
    value: float | None,
    low: float | None,
    high: float | None,
    unit: str,
    qualifier: str,
) -> None:
    found = find_amounts(text)
    assert found, f"no amount in {text!r}"
    m = found[0]
    assert m.text == words
    assert text[m.start : m.end] == m.text
    for got, want in ((m.value, value), (m.low, low), (m.high, high)):
        if want is None:
            assert got is None
        else:
            assert got == pytest.approx(want, rel=1e-3)
    assert (m.unit, m.qualifier) == (unit, qualifier)


NOT_AMOUNTS = [
    "in 2025 the lab",
    "the 2012–13 season",
    "since 2024-2026",
    "on May 14 the council",
    "at 3:15 the river",
    "Claude Opus 4.6 can",
    "COVID-19 cases",
    "the G7 summit",
    "Route 9 closed",
    "no one knew",
    "one of the labs",
    "the first time",
    "the 2nd round",
    "Q2 2026 results",
    "Version 3 arrived",
    "a single ticket",
]


@pytest.mark.parametrize("text", NOT_AMOUNTS)
def test_not_an_amount(text: str) -> None:
    assert find_amounts(text) == []


def test_two_amounts_in_one_sentence_keep_their_own_units() -> None:
    found = find_amounts("spending over $500 million/$1 billion and 10^25 FLOPs")
    assert [(m.text, m.unit) for m in found] == [
        ("over $500 million", "USD"),
        ("$1 billion", "USD"),
        ("10^25 FLOPs", "FLOP"),
    ]


def test_baseline_range_inherits_the_unit_of_its_sentence() -> None:
    found = find_amounts("over 80% of merged code was written by Claude, up from single digits in early 2025")
    assert [(m.text, m.unit) for m in found] == [("over 80%", "percent"), ("single digits", "percent")]
