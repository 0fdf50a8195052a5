"""Amounts in running text: numbers, ranges, vague amounts, units and qualifiers.

This module is pure Python over a string, so it is fast and testable on its own; the spaCy
side (`frame.py`) uses its mentions and adds what only a parse can give (what is measured,
which entity is a name). Years, dates, clock times, fiscal years, ordinals and numbers inside
names are not amounts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# -- number words ---------------------------------------------------------------------------

_UNITS_W = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS_W = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
    "trn": 1e12,
}
_FRACTIONS = {
    "half": 0.5,
    "halves": 0.5,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "quarter": 0.25,
    "quarters": 0.25,
    "fifth": 0.2,
    "fifths": 0.2,
    "sixth": 1 / 6,
    "tenth": 0.1,
    "tenths": 0.1,
    "eighth": 0.125,
    "eighths": 0.125,
}
_FOLD = {
    "twofold": 2,
    "threefold": 3,
    "fourfold": 4,
    "fivefold": 5,
    "sixfold": 6,
    "sevenfold": 7,
    "eightfold": 8,
    "ninefold": 9,
    "tenfold": 10,
    "hundredfold": 100,
}
_CHANGE_VERBS = {
    "doubled": 2,
    "doubles": 2,
    "doubling": 2,
    "double": 2,
    "triple": 3,
    "tripled": 3,
    "triples": 3,
    "treble": 3,
    "trebled": 3,
    "trebles": 3,
    "tripling": 3,
    "quadruple": 4,
    "quadrupled": 4,
    "quadruples": 4,
    "halve": 0.5,
    "halved": 0.5,
    "halves": 0.5,
}
# vague amounts as ranges
_VAGUE = {
    "single digits": (1, 9),
    "single-digit": (1, 9),
    "single digit": (1, 9),
    "double digits": (10, 99),
    "double-digit": (10, 99),
    "double digit": (10, 99),
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2000, 9999),
    "tens of thousands": (20000, 99999),
    "hundreds of thousands": (200000, 999999),
    "millions": (2e6, 9.99e6),
    "several": (3, 9),
    "a few": (2, 5),
    "a couple of": (2, 3),
    "a handful of": (2, 6),
    "a dozen": (12, 12),
    "a pair of": (2, 2),
    "a single": (1, 1),  # only before a duration: "in a single hour"
}
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")

_NUMWORD = "|".join(sorted([*_UNITS_W, *_TENS_W], key=len, reverse=True))
_WORDNUM = (
    rf"(?:a\s+(?:hundred|thousand|million|billion)|(?:{_NUMWORD})(?:[- ](?:{_NUMWORD}))?"
    rf"(?:\s+dozen\b|\s+(?:hundred|thousand|million|billion|trillion)(?:\s+(?:and\s+)?(?:{_NUMWORD})(?:[- ](?:{_NUMWORD}))?)?)?)"
)
_DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})+(?![\d,])|\d+(?:\.\d+)?|\.\d+)"
)
_SCI = r"(?:\d+(?:\.\d+)?\s*[x×\*]\s*10\s*(?:\^|\*\*)\s*-?\d+|10\s*(?:\^|\*\*)\s*-?\d+|\d+(?:\.\d+)?\s*[x×]\s*10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+|10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+|\d+(?:\.\d+)?[eE][+-]?\d+)"
_FRACWORD = r"(?:(?:a|one|two|three|four|five|seven|nine)[- ](?:half|halves|third|thirds|quarter|quarters|fifth|fifths|sixth|tenth|tenths|eighth|eighths)|half)"
# "one in five", "3 out of 10" (not "reaching 68 in 2033": a year)
_INWORD = rf"(?:(?:{_DIGITS}|{_NUMWORD})\s+(?:in\s+(?!(?:19|20)\d\d(?!\d|[.,]\d))|out\s+of\s+)(?:{_DIGITS}|{_NUMWORD}))"
_VAGUE_RE = "|".join(
    sorted((re.escape(k).replace(r"\ ", r"\s+") for k in _VAGUE), key=len, reverse=True)
).replace(r"a\s+single", r"a\s+single(?![- ]digit)")
_FOLD_RE = "|".join(_FOLD)
_CHANGE_RE = "|".join(_CHANGE_VERBS)
_MIXED = rf"(?:(?:{_NUMWORD}|\d+)\s+and\s+(?:a|one)[- ](?:half|third|quarter))"
# "half a million", "half a dozen", "half an hour" (the unit is checked after the match)
_HALF_A = r"(?:half\s+an?(?:\s+(?:dozen|hundred|thousand|million|billion|trillion))?)"
# "twice as many", "twice the rate", "three times" is a number plus a unit; "twice a week" is a rate
# (and "twice this year", "twice since 2024" counts two occasions)
_TIME_WORD = (
    r"(?:year|week|month|season|morning|afternoon|evening|summer|winter|spring|autumn|decade|term|quarter)"
)
_TWICE_OCCASIONS = rf"\s+(?:this\s+{_TIME_WORD}|last\s+{_TIME_WORD}|since|so\s+far|already)\b"
_TWICE = (
    rf"(?:twice|thrice)(?=\s+(?:as|the|that|those|this(?!\s+{_TIME_WORD})|its|their|his|her|our|what)\b"
    rf"|{_TWICE_OCCASIONS})"
)
# "to last a fortnight": one fortnight
_A_FORTNIGHT = r"(?:a|one)(?=\s+fortnight\b)"

_CORE = re.compile(
    rf"(?<![\w.,/])(?<![A-Za-z]-)(?:(?P<sci>{_SCI})|(?P<inw>{_INWORD})|(?P<mixed>{_MIXED})|(?P<halfa>{_HALF_A})|(?P<frac>{_FRACWORD})"
    rf"|(?P<vague>{_VAGUE_RE})|(?P<fold>(?:\d+(?:\.\d+)?|{_NUMWORD})-?fold|{_FOLD_RE})"
    rf"|(?P<change>{_CHANGE_RE})|(?P<twice>{_TWICE})|(?P<afortnight>{_A_FORTNIGHT})|(?P<num>{_DIGITS})|(?P<word>{_WORDNUM}))"
    r"(?:(?![\w])|(?<=\d)(?=(?:bn|mn|mln|tn|trn|k|m|b|x|mm|cm|km|kg|mg|ml|h|hrs?|mw|gw|kw|kwh|mwh|gwh|twh|pc|c|f|p|"
    r"thousand|million|billion|trillion)\b))",
    re.I,
)

# -- units ----------------------------------------------------------------------------------

_CURRENCY_PRE = {
    "us$": "USD",
    "$": "USD",
    "usd": "USD",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "CNY",
    "cny": "CNY",
    "rmb": "CNY",
    "chf": "CHF",
    "jpy": "JPY",
    "aud": "AUD",
    "cad": "CAD",
    "hkd": "HKD",
    "a$": "AUD",
    "c$": "CAD",
    "hk$": "HKD",
}
_CURRENCY_POST = {
    "dollars": "USD",
    "dollar": "USD",
    "usd": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "pounds": "GBP",
    "pound": "GBP",
    "sterling": "GBP",
    "gbp": "GBP",
    "yuan": "CNY",
    "renminbi": "CNY",
    "cny": "CNY",
    "francs": "CHF",
    "yen": "JPY",
    "jpy": "JPY",
}
_DURATION = {
    "second": "second",
    "seconds": "second",
    "sec": "second",
    "secs": "second",
    "minute": "minute",
    "minutes": "minute",
    "min": "minute",
    "mins": "minute",
    "hour": "hour",
    "hours": "hour",
    "hr": "hour",
    "hrs": "hour",
    "h": "hour",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
    "fortnight": "fortnight",
    "fortnights": "fortnight",
}
DURATION_UNITS = frozenset(_DURATION.values())  # the units of a length of time
# durations written in a unit that is a whole number of another: in that one
_MULTIPLE_UNITS = {"decade": ("year", 10), "fortnight": ("week", 2)}
_MEASURE_UNITS = {
    "mm": "mm",
    "millimetres": "mm",
    "millimeters": "mm",
    "millimetre": "mm",
    "cm": "cm",
    "centimetres": "cm",
    "centimeters": "cm",
    "m": "m",
    "metres": "m",
    "meters": "m",
    "metre": "m",
    "meter": "m",
    "km": "km",
    "kilometres": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometer": "km",
    "miles": "mile",
    "mile": "mile",
    "kg": "kg",
    "kilograms": "kg",
    "kilogram": "kg",
    "tonnes": "tonne",
    "tonne": "tonne",
    "tons": "tonne",
    "ton": "tonne",
    "hectares": "hectare",
    "hectare": "hectare",
    "ha": "hectare",
    "acres": "acre",
    "acre": "acre",
    "mw": "MW",
    "megawatt": "MW",
    "megawatts": "MW",
    "gw": "GW",
    "gigawatt": "GW",
    "gigawatts": "GW",
    "kw": "kW",
    "kilowatt": "kW",
    "kilowatts": "kW",
    "kwh": "kWh",
    "mwh": "MWh",
    "gwh": "GWh",
    "twh": "TWh",
    "flops": "FLOP",
    "flop": "FLOP",
    "°c": "celsius",
    "degrees": "degree",
    "litres": "litre",
    "liters": "litre",
    "mph": "mph",
    "km/h": "km/h",
    "mg": "mg",
    "ml": "ml",
    "barrels": "barrel",
}
_CURRENCY_SYMBOL = r"(?:US\$|A\$|C\$|HK\$|[$€£¥])"
_PERCENT_RE = re.compile(r"\A\s*(?:%|per\s?cent\b|percent\b|pc\b)", re.I)
_PP_RE = re.compile(
    r"\A\s*(?:percentage[- ]points?|pp\b|points?\b(?=\s+(?:higher|lower|above|below|up|down)))", re.I
)
_BASIS_POINTS = re.compile(r"\A\s*(?:basis[- ]points?|bps?\b)", re.I)
_TIMES_RE = re.compile(r"\A(?:\s*(?:times|-times)\b|x\b|\s*x\b(?!\s*10))", re.I)
# what follows "N times" when it counts occasions ("viewed 30,000 times.", "stopped by wind 23
# times since 2025", "three times a day"): a count like any other; "eight times as much",
# "seven times the limit", "ten times guideline value" multiply
_OCCASIONS = re.compile(
    r"\A(?:\s*(?:[,.;:)!?\"'\u201d]|\Z)|\s+(?:since|in|on|at|during|before|after|this|last|so\s+far|"
    r"already|between|until|within|a\s+(?:day|week|month|year)|each|every|and|but|or|when|while|"
    r"because|from|with|without)\b)",
    re.I,
)
# a number run into "m" is metres, not millions, when a length follows ("water stood 1.8m deep")
# or, after an article, a thing measured ("the 366m ship"); "5m people", "£40m" are millions
_METRES_AFTER = re.compile(
    r"\A\s+(?:deep|long|high|wide|tall|thick|away|underground|in\s+(?:length|height|depth|diameter))\b",
    re.I,
)
_ARTICLE_BEFORE = re.compile(r"\b(?:a|an|the|its|their)\s+\Z", re.I)
_THING_AFTER = re.compile(r"\A\s+(?!(?:of|and|or|in|to|for|from|more|mark|people|a|the)\b)[a-z]+(?<!s)\b")
_SCALE_RE = re.compile(
    r"\A(?:\s*(?:hundred|thousand|million|billion|trillion)\b|\s?(?:bn|mn|mln|tn|trn|[kmb])\b)", re.I
)
_WORD_AFTER = re.compile(r"\A([\s\-]*)([A-Za-z°][\w°/]*)")

# -- qualifiers -----------------------------------------------------------------------------

_QUALIFIERS: list[tuple[str, str]] = [
    ("just over", "over"),
    ("just above", "over"),
    ("slightly more than", "over"),
    ("well over", "over"),
    ("more than", "over"),
    ("over", "over"),
    ("above", "over"),
    ("in excess of", "over"),
    ("upwards of", "over"),
    ("greater than", "over"),
    ("exceeding", "over"),
    ("higher than", "over"),
    ("north of", "over"),
    ("just under", "under"),
    ("just below", "under"),
    ("just shy of", "under"),
    ("slightly less than", "under"),
    ("nearly", "under"),
    ("almost", "under"),
    ("close to", "under"),
    ("less than", "under"),
    ("fewer than", "under"),
    ("under", "under"),
    ("below", "under"),
    ("shy of", "under"),
    ("roughly", "about"),
    ("about", "around"),
    ("around", "about"),
    ("approximately", "about"),
    ("an estimated", "about"),
    ("estimated at", "about"),  # "Bunkers aboard are estimated at 3,400 tonnes"
    ("closer to", "about"),  # "the fall would have been closer to 1%"
    ("estimated", "about"),
    ("some", "about"),
    ("circa", "about"),
    ("approx.", "about"),
    ("~", "about"),
    ("in the region of", "about"),
    ("of the order of", "about"),
    ("at least", "at_least"),
    ("no fewer than", "at_least"),
    ("no less than", "at_least"),
    ("a minimum of", "at_least"),
    ("a floor of", "at_least"),  # "wants a floor of 14 officers on every night shift"
    ("at minimum", "at_least"),
    ("up to", "at_most"),
    ("no more than", "at_most"),
    ("at most", "at_most"),
    ("a maximum of", "at_most"),
    ("a ceiling of", "at_most"),
    ("as many as", "at_most"),
    ("as much as", "at_most"),
    ("not more than", "at_most"),
    ("not exceeding", "at_most"),
    ("exactly", "exact"),
    ("precisely", "exact"),
    ("only", "exact"),
    ("just", "exact"),
]
_QUALIFIER_MAP = {k: ("about" if v == "around" else v) for k, v in _QUALIFIERS}
_QUAL_RE = re.compile(
    r"(?:^|(?<=[\s(\[\"'“]))(?P<q>"
    + "|".join(
        re.escape(k).replace(r"\ ", r"\s+") for k, _ in sorted(_QUALIFIERS, key=lambda kv: -len(kv[0]))
    )
    + r")\s*(?:than\s+)?(?:a\s+|an\s+)?$",
    re.I,
)
# a qualifier that is also a preposition, before an article ("under a 30-year concession"); before
# a fraction it still qualifies ("under a third")
_PREPOSITION_ARTICLE = re.compile(r"(?:under|over|above|below)\s+an?\s+", re.I)
# "up to" after a verb of rising is the verb's particle and "to": "will go up to £13.15"
_WENT_UP = re.compile(r"\b(?:go|goes|went|gone|going|move[sd]?|moving|shot|shoot(?:s|ing)?)\s+up\Z", re.I)
_CAP_BEFORE = re.compile(r"\b(?:a|the|its|their)\s+maximum\s+(?:[a-z-]+\s+){1,2}of\s+\Z", re.I)
_CAP_AFTER = re.compile(r"(?:-[a-z]+)?\s+maximum\b", re.I)
_POST_QUAL_RE = re.compile(r"\A(?:\s+or\s+(?:more|higher|above|greater)\b|\s*-?plus\b|\+)", re.I)
_POST_QUAL_UNDER = re.compile(r"\A\s+or\s+(?:less|fewer|lower|below)\b", re.I)

# phone numbers, dates and other codes: "020 7946 0958", "+44 20 7946 0958", "1-800-555-0199",
# "555-0142", "2026-05-14", "007"; digits grouped by spaces in threes ("1 200 000") are an amount
_CODE_RE = re.compile(
    r"(?<![\w.,])(?:\+\d+(?:[ \-–]\d+)+|\d+(?:[-–.]\d+){2,}|\d+(?: \d+){2,}|\d+[-– ]0\d+|0\d+)(?![\w])"
)
_THOUSANDS_RE = re.compile(r"\d{1,3}(?: \d{3})+")
_SCALE_WORD = re.compile(r"\b(?:hundred|thousand|million|billion|trillion)\Z", re.I)
_YEAR = re.compile(r"(?:1[89]|20|21)\d\d")
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s*$", re.I)
_MONTH_AFTER = re.compile(rf"\A\s*(?:{_MONTHS})\b", re.I)
# the first day of two: "on 19 and 20 November", "19-20 Nov" (a capital: "5 and 10 may rise")
_DAY_PAIR_AFTER = re.compile(
    r"\A(?:st|nd|rd|th)?\s*(?:and|to|-|–)\s*\d{1,2}(?:st|nd|rd|th)?\s+"
    rf"(?:{'|'.join(name.capitalize() for name in _MONTHS.split('|'))})\b"
)
_YEARISH_BEFORE = re.compile(
    r"(?:\b(?:in|since|by|of|from|until|till|through|during|before|after|early|mid|late|"
    r"year|fiscal|fy|q[1-4]|h[12]|spring|summer|autumn|fall|winter|between|and|to|as of|'s)\s*[-–]?\s*)$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One amount found in a string; offsets are into that string."""

    start: int
    end: int
    text: str
    unit: str
    qualifier: str
    value: float | None
    low: float | None
    high: float | None
    noun: str = ""  # the counted noun after a bare count ("129 scenarios" -> "scenarios")
    kind: str = "amount"  # amount|multiplier|change|fraction|vague


def _to_float(s: str) -> float:
    s = s.strip().translate(_SUPERSCRIPT)
    s = re.sub(r"[\u00a0\u202f\u2009 ,]", "", s)
    m = re.fullmatch(r"(\d+(?:\.\d+)?)?[x×\*]?10(?:\^|\*\*)?(-?\d+)", s)
    if (
        m
        and ("^" in s or "*" in s or "x" in s or "×" in s or s.startswith("10"))
        and len(s) > 2
        and not s.isdigit()
    ):
        mant = float(m.group(1)) if m.group(1) else 1.0
        return mant * float(10 ** int(m.group(2)))
    return float(s)


def _sci(s: str) -> float:
    """'10^25', '10²⁵', '1.5 x 10^6', '1e25' -> float."""
    t = s.translate(_SUPERSCRIPT).replace(" ", "")
    if m := re.fullmatch(r"(?:(\d+(?:\.\d+)?)[x×\*])?10(?:\^|\*\*)?(-?\d+)", t):
        if m.group(1) or "^" in s or "*" in s or any(c in s for c in "⁰¹²³⁴⁵⁶⁷⁸⁹"):
            return float(m.group(1) or 1) * float(10 ** int(m.group(2)))
    return float(t)


def words_to_number(text: str) -> float | None:
    """Parse English number words ("twenty-five", "two hundred", "one and a half")."""
    t = text.lower().replace("-", " ")
    t = re.sub(r"\band\b", " ", t)
    parts = t.split()
    if not parts:
        return None
    total = 0.0
    current = 0.0
    seen = False
    for w in parts:
        if w in _UNITS_W:
            current += _UNITS_W[w]
            seen = True
        elif w in _TENS_W:
            current += _TENS_W[w]
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
            seen = True
        elif w == "dozen":  # "two dozen"
            current = (current or 1) * 12
            seen = True
        elif w in ("thousand", "million", "billion", "trillion"):
            total += (current or 1) * _SCALES[w]
            current = 0
            seen = True
        elif w in ("a", "an"):
            current += 1
            seen = True
        elif w in ("half",):
            current += 0.5
            seen = True
        elif w in ("third",):
            current += 1 / 3
            seen = True
        elif w in ("quarter",):
            current += 0.25
            seen = True
        else:
            return None
    return total + current if seen else None


def _parse_core(m: re.Match[str]) -> tuple[float | None, float | None, float | None, str, str]:
    """(value, low, high, implied unit, kind) of a core match."""
    g = m.lastgroup
    s = m.group(0)
    low_s = s.lower()
    if g == "sci":
        return _sci(s), None, None, "", "amount"
    if g == "num":
        return _to_float(s), None, None, "", "amount"
    if g == "word":
        return words_to_number(s), None, None, "", "amount"
    if g == "mixed":
        return _mixed(s), None, None, "", "amount"
    if g == "frac":
        parts = re.split(r"[- ]", low_s)
        if len(parts) == 1:
            return 50.0, None, None, "percent", "fraction"
        num = 1.0 if parts[0] in ("a", "one") else float(_UNITS_W[parts[0]])
        return round(num * _FRACTIONS[parts[1]] * 100, 2), None, None, "percent", "fraction"
    if g == "inw":
        a, b = re.split(r"\s+(?:in|out\s+of)\s+", low_s)
        na = _to_float(a) if a[0].isdigit() else float(_UNITS_W.get(a, _TENS_W.get(a, 0)))
        nb = (
            _to_float(b)
            if b[0].isdigit()
            else float(_UNITS_W.get(b, _TENS_W.get(b, 0)) or words_to_number(b) or 0)
        )
        if not nb:
            return None, None, None, "", "amount"
        return round(na / nb * 100, 2), None, None, "percent", "fraction"
    if g == "vague":
        key = re.sub(r"\s+", " ", low_s)
        lo, hi = _VAGUE[key]
        if lo == hi:
            return float(lo), None, None, "", "amount"
        return None, float(lo), float(hi), "", "vague"
    if g == "fold":
        n = low_s.replace("-fold", "").replace("fold", "")
        v = (
            float(n)
            if n[:1].isdigit()
            else (words_to_number(n) if n in _UNITS_W or n in _TENS_W else _FOLD.get(low_s))
        )
        if v is None:
            v = _FOLD.get(low_s)
        return v, None, None, "times", "multiplier"
    if g == "change":
        return float(_CHANGE_VERBS[low_s]), None, None, "times", "change"
    if g == "twice":
        times = 2.0 if low_s == "twice" else 3.0
        if re.match(_TWICE_OCCASIONS, m.string[m.end() :], re.I):
            return times, None, None, "count", "amount"  # "lowered rates twice this year": two occasions
        return times, None, None, "times", "multiplier"
    if g == "afortnight":
        return 1.0, None, None, "", "amount"
    if g == "halfa":
        scale = low_s.split()[-1]
        return 0.5 * (12 if scale == "dozen" else _SCALES.get(scale, 1)), None, None, "", "amount"
    return None, None, None, "", "amount"


def _mixed(s: str) -> float | None:
    n, frac = re.split(r"\s+and\s+", s.lower())
    whole = float(n) if n[0].isdigit() else words_to_number(n)
    if whole is None:
        return None
    return whole + _FRACTIONS[re.split(r"[- ]", frac)[1]]


_TEMPERATURE = re.compile(
    r"\A(?:(?:\s?°\s?|\s+degrees?\s+|\s+(?=celsius|fahrenheit))(?P<word>celsius|centigrade|fahrenheit|[cf]\b)"
    r"|(?P<letter>[cf])\b)",
    re.I,
)
_PENCE = re.compile(r"\A(?:p\b|\s+(?i:pence)\b)")
_LONE_CF = re.compile(r"\A[cf]\b", re.I)
_MINUS = re.compile(r"(?:\bminus\s+|(?<![\w.])[-−])\Z", re.I)
_BELOW_ZERO = re.compile(r"\s+(?:celsius\s+)?below\s+(?:freezing|zero)\b", re.I)
_HEAT = re.compile(
    r"\b(?:temperatures?|thermometers?|heat|heatwave|hot|hottest|warm|cold|degrees?|mercury|°|"
    r"highs?|lows?|peak(?:ed|s)?|bak(?:e|es|ed|ing)|scorch\w*|swelter\w*)",
    re.I,
)
_AREA = re.compile(
    r"\A\s*(?:(?P<km2>square\s+kilomet(?:re|er)s?|sq\.?\s*km\b|km(?:2|²))"
    r"|(?P<mi2>square\s+miles?|sq\.?\s*mi(?:les?)?\b)|(?P<m2>square\s+met(?:re|er)s?|m²)"
    r"|(?P<acre>acres?\b)|(?P<ha>hectares?\b|ha\b))",
    re.I,
)
_VOLUME = re.compile(
    r"\A\s*(?:(?P<m3>cubic\s+met(?:re|er)s?|cu\.?\s*m\b|m(?:³|3\b))|(?P<ft3>cubic\s+f(?:ee|oo)t\b|cu\.?\s*ft\b|ft(?:³|3\b)))",
    re.I,
)
_VOLUME_FACTOR = {"m3": 1.0, "ft3": 0.0283168}
# a mass in a volume of air or water, as readings of pollution and contamination give it
_MICRO = r"(?:micrograms?|[µμu]g|mcg)"
_CONCENTRATION = re.compile(
    rf"\A\s*(?:(?P<ugm3>{_MICRO}\s*(?:per\s+cubic\s+met(?:re|er)|/\s*m(?:³|3)(?![\w]))(?:\s+of\s+air)?)"
    rf"|(?P<ugl>{_MICRO}\s*(?:per\s+lit(?:re|er)|/\s*l\b))"
    r"|(?P<mgl>(?:milligrams?|mg)\s*(?:per\s+lit(?:re|er)|/\s*l\b))"
    r"|(?P<ngml>(?:nanograms?|ng)\s*(?:per\s+millilit(?:re|er)|/\s*ml\b)))",
    re.I,
)
_CONCENTRATION_UNIT = {"ugm3": "ug/m3", "ugl": "µg/l", "mgl": "mg/l", "ngml": "ng/mL"}
_LENGTHS = frozenset({"mm", "cm", "m", "km", "mile"})
_AREA_FACTOR = {"km2": 100.0, "mi2": 258.998811, "m2": 1e-4, "acre": 0.40468564, "ha": 1.0}


def _metres(text: str, pos: int) -> bool:
    """Whether the "m" run into the number that ends at ``pos`` is metres (see _METRES_AFTER)."""
    if not re.match(r"\Am\b", text[pos:]) or re.search(rf"{_CURRENCY_SYMBOL}\s*[\d.,]*\Z", text[:pos]):
        return False
    rest = text[pos + 1 :]
    if _METRES_AFTER.match(rest):
        return True
    number = re.search(r"[\d.,]+\Z", text[:pos])
    return bool(number and _ARTICLE_BEFORE.search(text[: number.start()]) and _THING_AFTER.match(rest))


def _unit_after(text: str, pos: int) -> tuple[str, int, str]:
    """(unit, end position, counted noun) for the words right after an amount."""
    rest = text[pos:]
    if m := _PP_RE.match(rest):
        return "percentage_point", pos + m.end(), ""
    if m := _PERCENT_RE.match(rest):
        return "percent", pos + m.end(), ""
    if m := _TIMES_RE.match(rest):
        if "times" in m.group(0).lower() and _OCCASIONS.match(rest[m.end() :]):
            return "count", pos, ""
        return "times", pos + m.end(), ""
    m = _WORD_AFTER.match(rest)
    if m:
        sep, word = m.group(1), m.group(2)
        lw = word.lower()
        if "\n" in sep:
            return "", pos, ""
        if lw in _CURRENCY_POST:
            return _CURRENCY_POST[lw], pos + m.end(), ""
        if lw in _DURATION and (sep in (" ", "-", "\u00a0") or sep == ""):
            return _DURATION[lw], pos + m.end(), ""
        if lw in _MEASURE_UNITS and (sep in (" ", "", "\u00a0") or (sep == "-" and len(lw) > 1)):
            if lw in ("m", "b") and sep == "":
                if lw == "m" and _metres(text, pos):
                    return "m", pos + m.end(), ""
                return "", pos, ""
            return _MEASURE_UNITS[lw], pos + m.end(), ""
        if lw == "per" and rest[m.end() :].lstrip().lower().startswith("cent"):
            m2 = re.match(r"\A\s*per\s*cent", rest, re.I)
            if m2:
                return "percent", pos + m2.end(), ""
        if (lw in ("percentage", "percent", "pct") and sep.strip() == "") or (
            lw == "per" and rest[m.end() :].lower().startswith(" cent")
        ):
            return "percent", pos, ""
        if sep.strip() == "" and word[:1].isalpha():
            # a counted noun: "129 scenarios", "4,812 patients", "dozens of homes"
            if lw == "of":
                nxt = re.match(r"\A\s*of\s+(?:the\s+|its\s+|their\s+)?([A-Za-z][\w-]*)", rest)
                return "count", pos, nxt.group(1) if nxt else ""
            if lw in ("more", "extra", "additional", "fewer", "further", "new", "other"):
                # "350 more nurses": the noun after the word that says how many more
                nxt = re.match(r"\A\s*\w+\s+([A-Za-z][\w-]*)", rest)
                if nxt and nxt.group(1).lower() not in _NOT_COUNT_NOUNS and nxt.group(1).lower() != "than":
                    return "count", pos, nxt.group(1)
            if lw not in _NOT_COUNT_NOUNS:
                return "count", pos, word
    return "", pos, ""


def _scaled(
    values: tuple[float | None, float | None, float | None], factor: float
) -> tuple[float | None, float | None, float | None]:
    """An amount's value, low and high in another unit (to six decimals)."""
    v, lo, hi = (None if x is None else round(x * factor, 6) for x in values)
    return v, lo, hi


def find_amounts(text: str) -> list[Mention]:
    """Every amount in ``text``, in order, with offsets into ``text``.

    >>> [(m.text, m.value, m.unit, m.qualifier) for m in find_amounts("over 80% of code")]
    [('over 80%', 80.0, 'percent', 'over')]
    """
    out: list[Mention] = []
    cores = list(_CORE.finditer(text))
    codes = [c.span() for c in _CODE_RE.finditer(text) if not _THOUSANDS_RE.fullmatch(c.group(0))]
    skip_until = -1
    for i, m in enumerate(cores):
        if m.start() < skip_until or any(cs <= m.start() < ce for cs, ce in codes):
            continue
        value, low, high, unit, kind = _parse_core(m)
        if value is None and low is None:
            continue
        start, end = m.start(), m.end()
        g = m.lastgroup
        # scale words right after the number ("1.2 million", "$1.5bn", "£40m")
        if g in ("num", "word"):
            if sm := _SCALE_RE.match(text[end:]):
                word = sm.group(0).strip().lower()
                nxt = text[end + sm.end() : end + sm.end() + 1]
                if not (word in ("m", "b") and (nxt.isalpha() or text[end : end + 1] == " ")) and not (
                    word == "m" and _metres(text, end)
                ):
                    assert value is not None
                    value *= _SCALES[word]
                    end += sm.end()
        # fiscal years "2012–13", "2025-26" and year spans "2024-2026" are times, not amounts
        if (
            g == "num"
            and re.fullmatch(r"(?:19|20)\d\d", m.group(0))
            and re.match(r"\A[-–/](?:\d{2}|(?:19|20)\d\d)\b", text[end:])
        ):
            skip_until = end + 1 + len(re.match(r"\A[-–/](\d+)", text[end:]).group(1))  # type: ignore[union-attr]
            continue
        # ranges: "4-8 hours", "4 to 8", "between 40 and 50", "two to three days", "$5m-$10m"
        rng = _range_tail(text, end, cores, i)
        if rng is not None and g in ("num", "word", "sci") and value is not None:
            lo = value
            # "2 to 3 million": the scale of the high end belongs to both ends
            if end == m.end() and not _SCALE_WORD.search(m.group(0)) and lo <= rng.value / rng.scale:
                lo *= rng.scale
            if lo > rng.value:
                if rng.sep in ("-", "–", "—"):  # "won 3-1", "a 10-2 vote": a score or a tally, no amount
                    skip_until = rng.end
                    continue
            elif _is_year_span(text, m.group(0), cores[i + 1].group(0), rng.end):
                skip_until = rng.end  # "between 2020 and 2024" is a time
                continue
            else:
                low, high, value = lo, rng.value, None
                end = rng.end
                skip_until = rng.end
                kind = "range"
        if _is_not_an_amount(text, start, end, m, unit, kind, value):
            continue
        # currency before ("$200 million", "€3 billion", "US$ 5")
        cur = ""
        pre = text[max(0, start - 4) : start]
        cm = re.search(rf"({_CURRENCY_SYMBOL}|\b(?:USD|EUR|GBP|JPY|CNY|RMB|CHF|AUD|CAD|HKD)\s?)$", pre)
        if cm:
            cur = _CURRENCY_PRE[cm.group(1).strip().lower()]
            start -= len(cm.group(1))
        noun = ""
        if not unit and not cur and g in ("num", "word") and (pm := _PENCE.match(text[end:])):
            # "312p a share", "312 pence": pounds, in hundredths
            value, low, high = _scaled((value, low, high), 0.01)
            cur = "GBP"
            end += pm.end()
        if not unit and not cur and g in ("num", "word") and (tm := _TEMPERATURE.match(text[end:])):
            # "41.3C", "41.3 degrees Celsius", "104°F"; a bare letter only where heat is the topic
            # (a decimal figure run into a capital C is a temperature: "the NMS recorded 47.3C")
            decimal_c = tm.group("letter") == "C" and "." in text[start:end]
            if tm.group("letter") and not decimal_c and not _HEAT.search(text[max(0, start - 80) : end + 60]):
                continue  # "99c", "5F": not a temperature, and no other amount either
            unit = "fahrenheit" if (tm.group("letter") or tm.group("word")).lower()[0] == "f" else "celsius"
            end += tm.end()
        elif g == "num" and _LONE_CF.match(text[end:]):
            continue  # the digits ran into a letter ("£99c") and nothing says it is a temperature
        if not unit and not cur and (am := _AREA.match(text[end:])):
            # areas in hectares, whatever unit the article uses: "120 square kilometres" is 12,000
            factor = _AREA_FACTOR[next(k for k, v in am.groupdict().items() if v)]
            value, low, high = _scaled((value, low, high), factor)
            unit = "hectare"
            end += am.end()
        if not unit and not cur and (km := _CONCENTRATION.match(text[end:])):
            # concentrations: "187 micrograms per cubic metre", "25 µg/m³", "3.2 mg/l"
            unit = next(_CONCENTRATION_UNIT[k] for k, v in km.groupdict().items() if v)
            end += km.end()
        if not unit and not cur and (vm := _VOLUME.match(text[end:])):
            # volumes in cubic metres: "5.8 million m³", "5.8 million cubic metres of water"
            factor = _VOLUME_FACTOR[next(k for k, v in vm.groupdict().items() if v)]
            value, low, high = _scaled((value, low, high), factor)
            unit = "cubic_metre"
            end += vm.end()
        if not unit and not cur and g in ("num", "word") and (bm := _BASIS_POINTS.match(text[end:])):
            # "25 basis points" is a quarter of a percentage point
            value, low, high = _scaled((value, low, high), 0.01)
            unit = "percentage_point"
            end += bm.end()
        if kind == "fraction" and g == "frac" and (fm := re.match(r"\A\s+of\s+an?\s+", text[end:])):
            # "a quarter of a percentage point", "three quarters of an hour": a part of one unit
            u, uend, _ = _unit_after(text, end + fm.end())
            if u and u not in ("count", "percent") and value is not None:
                value, unit, end, kind = round(value / 100, 6), u, uend, "amount"
        if not unit:
            u, uend, noun = _unit_after(text, end)
            if cur and u == "count":
                u = ""
            if u and u != "count":
                end = uend
            unit = u
        if cur:
            unit = cur
        if not unit:
            unit = "count"
        if unit == "degree" and _HEAT.search(text[max(0, start - 80) : start]):
            unit = "celsius"  # "dropped to minus 24 degrees": the temperature, in the metric scale
        if unit in ("degree", "celsius") and (bz := _BELOW_ZERO.match(text, end)):
            # "six degrees below freezing", "ten degrees below zero": minus six, minus ten
            unit = "celsius"
            value, low, high = (None if x is None else -x for x in (value, high, low))
            end = bz.end()
        elif unit in ("celsius", "fahrenheit") and (neg := _MINUS.search(text, max(0, start - 8), start)):
            # "minus 19C", "-5C": below zero
            value, low, high = (None if x is None else -x for x in (value, high, low))
            start = neg.start()
        if unit in _MULTIPLE_UNITS:  # "more than three decades" is over 30 years, "a fortnight" 2 weeks
            unit, n = _MULTIPLE_UNITS[unit]
            value, low, high = (None if x is None else x * n for x in (value, low, high))
        # multipliers "8 times", "8x": for change verbs like "doubles every 4 months" the rate wins
        if kind == "change" and re.match(r"\A\s+every\b", text[end:], re.I):
            continue
        qualifier = "range" if kind in ("range", "vague") else "exact"
        qm = _QUAL_RE.search(text[max(0, start - 40) : start])
        if qm and unit in _DURATION.values() and _OVER_DURING.search(text, max(0, start - 40), start):
            qm = None  # "to be spent over three years": during them, not more than three
        if qm and _WENT_UP.search(text, max(0, start - 60), max(0, start - 40) + qm.start("q") + 2):
            qm = None  # "will go up to £13.15": rise to it, not at most it
        if qm and _PREPOSITION_ARTICLE.fullmatch(qm.group(0)) and text[start : start + 1].isdigit():
            qm = None  # "under a 30-year concession", "over a 12-month period": a preposition
        if qm:
            qualifier = _QUALIFIER_MAP[re.sub(r"\s+", " ", qm.group("q").lower())]
            if qualifier == "exact" and qm.group("q").lower() in ("just", "only") and kind == "range":
                qualifier = "range"
            start = max(0, start - 40) + qm.start("q")
        elif qualifier == "exact" and _CAP_BEFORE.search(text, max(0, start - 60), start):
            # "a maximum penalty of £1,000": a cap ("the minimum wage of €12" is no floor of
            # the figure, so a minimum is left alone)
            qualifier = "at_most"
        elif qualifier == "exact" and _CAP_AFTER.match(text, end):
            qualifier = "at_most"  # "the 14,900-tonne maximum recommended by the council"
        if pm := _POST_QUAL_RE.match(text[end:]):
            qualifier = "at_least" if "or" in pm.group(0) else "over"
            end += pm.end()
        elif pm := _POST_QUAL_UNDER.match(text[end:]):
            qualifier = "at_most"
            end += pm.end()
        if kind in ("range", "vague") and qualifier == "exact":
            qualifier = "range"
        out.append(Mention(start, end, text[start:end], unit, qualifier, value, low, high, noun, kind))
        skip_until = max(skip_until, end)
    return _inherit_units(_joined_durations(out, text), text)


# a duration told in two units: "two hours and 15 minutes", "1 hour 20 minutes", "a minute and
# 34 seconds" are one amount, in the smaller unit
_NEXT_UNIT = {"hour": ("minute", 60), "minute": ("second", 60), "day": ("hour", 24), "year": ("month", 12)}
_JOINED = re.compile(r"\A\s*(?:and\s+)?\Z")
_ONE_UNIT_AND = re.compile(r"\b(?:an?|one)\s+(hour|minute|day|year)\s+and\s+\Z", re.I)


def _joined_durations(ms: list[Mention], text: str) -> list[Mention]:
    out: list[Mention] = []
    for m in ms:
        if m.kind != "amount" or m.value is None:
            out.append(m)
            continue
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "amount"
            and prev.value is not None
            and _NEXT_UNIT.get(prev.unit, ("",))[0] == m.unit
            and _JOINED.match(text[prev.end : m.start])
        ):
            value = prev.value * _NEXT_UNIT[prev.unit][1] + m.value
            out[-1] = replace(prev, end=m.end, text=text[prev.start : m.end], unit=m.unit, value=value)
            continue
        one = _ONE_UNIT_AND.search(text, max(0, m.start - 20), m.start)
        if one and _NEXT_UNIT[one.group(1).lower()][0] == m.unit:
            value = _NEXT_UNIT[one.group(1).lower()][1] + m.value
            out.append(replace(m, start=one.start(), text=text[one.start() : m.end], value=value))
            continue
        out.append(m)
    return out


@dataclass(frozen=True, slots=True)
class _RangeEnd:
    """The high end of a range: its value (scale applied), where it ends, the word that joins it."""

    value: float
    end: int
    sep: str
    scale: float  # the high end's scale word ("3 million" -> 1e6), 1 when it has none


def _range_tail(text: str, end: int, cores: list[re.Match[str]], i: int) -> _RangeEnd | None:
    if i + 1 >= len(cores):
        return None
    nxt = cores[i + 1]
    if nxt.lastgroup not in ("num", "word"):
        return None
    bm = re.fullmatch(rf"\s*(-|–|—|to|and|or)\s*({_CURRENCY_SYMBOL})?", text[end : nxt.start()], re.I)
    if not bm:
        return None
    sep = bm.group(1).lower()
    # "£30,000-£40,000": the currency may be repeated, but only the low end's own currency
    if bm.group(2) and not text[: cores[i].start()].endswith(bm.group(2)):
        return None
    before = text[max(0, cores[i].start() - 30) : cores[i].start()].lower()
    between_from = re.search(r"\b(between|from)\s+(?:about\s+|roughly\s+|some\s+)?[$€£]?$", before)
    if sep == "and" and not between_from:
        return None
    if sep == "to" and re.search(r"\bfrom\s+(?:about\s+|roughly\s+)?[$€£]?$", before):
        # "from 7 months to 4 months", "rose from 12 to 15" are changes, not ranges
        return None
    hv, _, _, _, _ = _parse_core(nxt)
    if hv is None:
        return None
    hend = nxt.end()
    scale = 1.0
    if sm := _SCALE_RE.match(text[hend:]):
        word = sm.group(0).strip().lower()
        if not (word in ("m", "b") and text[hend : hend + 1] == " "):
            scale = _SCALES[word]
            hv *= scale
            hend += sm.end()
    elif nxt.lastgroup == "word" and (sw := _SCALE_WORD.search(nxt.group(0))):
        scale = _SCALES[sw.group(0).lower()]
    if sep == "or" and not between_from:
        # "two or three weeks", "40 or 50 people": two numbers of one kind, rising, with a unit
        # or a counted noun after them; "in 2020 or 2021" are years
        lv = _parse_core(cores[i])[0]
        unit, _, noun = _unit_after(text, hend)
        if (
            nxt.lastgroup != cores[i].lastgroup
            or any(_YEAR.fullmatch(c.group(0)) for c in (cores[i], nxt))
            or lv is None
            or not lv < hv
            or (unit in ("", "count") and not noun)
        ):
            return None
    return _RangeEnd(hv, hend, sep, scale)


def _is_year_span(text: str, low: str, high: str, end: int) -> bool:
    """'2020 and 2024', '2020 to 2024' with nothing counted after them: years, not amounts."""
    if not (_YEAR.fullmatch(low) and _YEAR.fullmatch(high)):
        return False
    unit, _, noun = _unit_after(text, end)
    return unit == "" or (unit == "count" and (not noun or noun[:1].isupper()))


_EMERGENCY_NUMBERS = frozenset({"999", "911", "112", "000", "111"})
_EMERGENCY_BEFORE = re.compile(
    r"\b(?:rang|ring|rings|ringing|dial(?:l?ed|l?ing|s)?|called|calling|phoned|phoning|call)\s\Z", re.I
)
_EMERGENCY_AFTER = re.compile(
    r"\A[\s-]+(?:calls?|callers?|crews?|services?|operators?|handlers?|dispatch(?:ers?)?|lines?|centres?|"
    r"centers?|patients?|system|number|emergenc(?:y|ies)|response)\b",
    re.I,
)


def _is_not_an_amount(
    text: str, start: int, end: int, m: re.Match[str], unit: str, kind: str, value: float | None
) -> bool:
    s = m.group(0)
    before = text[max(0, start - 30) : start]
    after = text[end : end + 30]
    g = m.lastgroup
    if g == "word" and re.match(r"\A\s?o['’]clock\b", after, re.I):
        return True  # "at six o'clock on Friday evening": a time of day
    if g == "num":
        digits = re.sub(r"\D", "", s)
        # clock times, dates like 2026-05-14, 14/05, scores 3-1 are handled by the callers' NER
        if re.match(r"\A[:/]\d", after) or re.search(r"\d[:/]\Z", before):
            return True
        if re.match(r"\A-\d{2}-\d{2}", after):
            return True
        # ordinals "1st", "22nd"
        if re.match(r"\A(?:st|nd|rd|th)\b", after, re.I):
            return True
        # times of day "9 am", "6.30 p.m.", "10 GMT"
        if re.fullmatch(r"\d{1,2}(?:[.:]\d\d)?", s) and _CLOCK_AFTER.match(after):
            return True
        # street addresses "10 Downing Street", "221 Baker St"
        if _ADDRESS_AFTER.match(text[end : end + 60]):
            return True
        # a year: four digits 1800-2100, no unit, not a currency amount, not a range of amounts
        if kind != "range" and re.fullmatch(r"(?:1[89]|20|21)\d\d", s):
            if not re.search(r"[$€£¥]\s*$", before) and not _PERCENT_RE.match(after):
                unit_next, _, noun = _unit_after(text, end)
                if unit_next in ("", "count") or _MONTH_BEFORE.search(before):
                    if (
                        not noun
                        or noun.lower() in _NOT_COUNT_NOUNS
                        or _YEARISH_BEFORE.search(before)
                        or noun[:1].isupper()
                        or re.match(r"\A\s*[,.;:)\]]", after)
                        or not after.strip()
                    ):
                        return True
        # fiscal years "2012–13", "2025-26"
        if re.fullmatch(r"(?:19|20)\d\d", s) and re.match(r"\A[-–/]\d{2}\b", after):
            return True
        if re.fullmatch(r"\d{2}", s) and re.search(r"(?:19|20)\d\d[-–/]\Z", before):
            return True
        # day of month: "May 14", "14 May"
        if len(digits) <= 2 and (
            _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after) or _DAY_PAIR_AFTER.match(after)
        ):
            return True
        # quarters and halves "Q2", "H1"; versions and names "Opus 4.6", "COVID-19", "G7"
        if re.search(r"[A-Za-z]\Z", before) or re.search(r"[A-Za-z]-\Z", before):
            return True
        if _after_a_name(text, start, end, s, unit):
            return True
        if re.search(
            r"(?:No\.|no\.|#|number|Number|Route|route|Article|article|Section|section|"
            r"Chapter|chapter|page|Page|version|Version|v\.?|Level|level|Category|category|"
            r"Phase|phase|Stage|stage|Gate|gate|Terminal|terminal|Line|line|Platform|platform|"
            r"Highway|highway|Flight|flight|Act|Resolution|Model|model|Series|Mark|Type|Room|room)\s\Z",
            before,
        ):
            return True
        if re.match(r"\A\.\d", after):  # IP addresses, section numbers 4.2.1
            return True
        # emergency numbers: "rang 999", "999 calls", "urgent 911 patients", "a 112 operator"
        if s in _EMERGENCY_NUMBERS and (_EMERGENCY_BEFORE.search(before) or _EMERGENCY_AFTER.match(after)):
            return True
    if g == "word":
        lw = s.lower()
        # number words in names: "the Three Gorges Dam", "the Five Eyes alliance"
        if s[:1].isupper() and re.search(r"\b[a-z][\w'’-]*\s+\Z", before) and re.match(r"\A\s+[A-Z]", after):
            return True
        # "one" as a pronoun or determiner ("one of the", "no one", "one company"); but a death
        # toll or a casualty of one ("killing one passenger", "one dead") and a time allowed
        # ("within one month") are amounts
        if lw == "one" and kind != "range":  # "one or two days" is a range
            casualty = _ONE_CASUALTY.match(after) and _CASUALTY.search(text, max(0, start - 80), end + 80)
            unit_next = _unit_after(text, end)[0]
            allowed = unit_next in _DURATION.values() and _DURATION_BEFORE.search(before)
            # "a one-kilometre exclusion zone": a length, as "a 1km zone" is
            measured = unit_next in _LENGTHS and after.startswith("-")
            if not re.match(r"\A\s+(?:in|out of)\b", after) and not casualty and not allowed and not measured:
                return True
        if lw in ("zero",):
            return True
        # "the two sides", "that one"; but "that" before a plural is the conjunction ("reported
        # that two ballot boxes ...")
        if (
            lw in ("one", "two")
            and re.search(
                rf"\b(?:no|every|any|each|the{'|this|that' if lw == 'one' else ''})\s\Z", before, re.I
            )
            and kind != "range"
        ):
            return True
        # word numbers need something counted after them, or a unit; or they are the subject of
        # a clause, counting what was named before ("Eleven have needed hospital treatment")
        nxt = _unit_after(text, end)
        if (
            nxt[0] == ""
            and not re.match(r"\A\s*(?:%|per\s?cent|percent|times|-fold)", after, re.I)
            and not ((_CLAUSE_START.search(before) or _THE_REST.search(before)) and _VERB_AFTER.match(after))
            and not _PARTITIVE_AFTER.match(after)
            and not _NUMBER_OF_BEFORE.search(text, max(0, start - 100), start)
        ):
            return True
        if nxt[0] == "count" and (nxt[2].lower() in _NOT_COUNT_NOUNS) and not _PARTITIVE_AFTER.match(after):
            return True
    if g == "vague":
        nxt = _unit_after(text, end)
        lw = re.sub(r"\s+", " ", s.lower())
        if lw.startswith(("single", "double")):
            return False
        if lw.startswith("a single"):
            return nxt[0] not in _DURATION.values()
        if nxt[0] == "" or (nxt[0] == "count" and nxt[2].lower() in _NOT_COUNT_NOUNS):
            if not re.match(r"\A\s+of\b", after):
                return True
    if g == "frac":
        lw = s.lower()
        if lw == "half" and not re.match(r"\A\s+(?:of|the|its|their)\b", after, re.I):
            return True
        if lw == "half" and _HALF_OF_TIME_BEFORE.search(before):  # "the first half of 2026"
            return True
        if not re.match(r"\A\s+(?:of|the|were|was|are|is|its|their)\b", after, re.I) and not re.search(
            r"\b(?:by|(?:cut|rise|fall|drop|increase|decrease|reduction|decline|jump|growth|gain|loss)\s+of)\s+"
            r"(?:(?:about|around|roughly|nearly|almost|some|over|under|more\s+than|less\s+than|"
            r"just\s+(?:over|under))\s+)?\Z",
            before,
            re.I,
        ):
            return True  # ("a cut of nearly a quarter", "down by a third", "half its level" are amounts)
    if g == "halfa" and len(s.split()) == 2:
        # "half an hour", "half a percentage point" are amounts; "half a loaf" is not
        return _unit_after(text, end)[0] in ("", "count")
    if g == "change":
        # a change verb is an amount only when used as a verb on a measure, not "double digits"
        # or "double-deckers"
        if re.match(r"\A(?:\s+(?:digits?|check|standard|down|up)\b|-[a-z])", after, re.I):
            return True
        if re.search(r"\b(?:a|an|the)\s+\Z", before, re.I):
            return True  # an adjective: "a triple murder", "the double act"
    return False


# what a bare number word counts, named before it: "brings the number of reductions this year to
# two", "the number of deaths stands at three"
_NUMBER_OF_BEFORE = re.compile(
    r"\b(?:number|count|total)\s+of\s+[^.;:,]{1,60}?\b(?:to|at|is|was|now)\s+\Z", re.I
)


def _after_a_name(text: str, start: int, end: int, s: str, unit: str) -> bool:
    """A number that is part of a name: "Opus 4.6", "Python 3.11", "the Boeing 737 fleet"."""
    before = text[max(0, start - 30) : start]
    after = text[end : end + 30]
    nm = re.search(r"\b([A-Z][a-z]+)\s\Z", before)
    if (
        not nm
        or unit != ""
        or _MONTH_BEFORE.search(before)
        or nm.group(1).lower() in _QUALIFIER_MAP
        or re.match(r"\A\s*(?:%|per\s?cent|percent|times|x\b|[-–]|(?:bn|m|k)\b)", after)
    ):
        return False
    head = text[: start - len(nm.group(0))]
    if not head.strip() or re.search(r"[.!?:;\"“]\s*\Z", head):
        # at the start of a sentence the capitalised word is a name only before a version number
        # ("Python 3.11 users"), not when it is a function word ("After 2.5 hours")
        return "." in s and nm.group(1).lower() not in _SENTENCE_WORDS
    if "." in s or not re.match(r"\A\s+[a-z]", after):
        return True
    # "the Boeing 737 fleet": a capitalised word after a determiner names the thing counted ...
    # but "told Reuters 40 people" counts people
    return bool(_DETERMINER_BEFORE.search(head)) and _unit_after(text, end)[0] in ("", "count")


_PARTITIVE_AFTER = re.compile(
    r"\A\s+of\s+(?:those|them|these|whom|which|the\s+\w+)\b", re.I
)  # "Fourteen of those"
_CLAUSE_START = re.compile(
    r"(?:\A|[.;:]\s+|,\s+(?:and|but|while)\s+|\b(?:and|but|while)\s+)"
    r"(?:(?:[Aa]t\s+least|[Aa]t\s+most|[Aa]bout|[Aa]round|[Ss]ome|[Nn]early|[Aa]lmost|[Oo]nly|[Jj]ust|"
    r"[Mm]ore\s+than|[Ff]ewer\s+than|[Aa]nother|[Aa]\s+further)\s+)?\Z"
)  # "Eleven have needed treatment", "At least four were still in a serious condition"
_ONE_CASUALTY = re.compile(
    r"\A\s+(?:(?:person|passenger|man|woman|child|worker|patient|pedestrian|driver|resident|"
    r"firefighter|officer|soldier|crew\s+member)\b|(?:dead|killed|injured|hurt|missing)\b)",
    re.I,
)
_CASUALTY = re.compile(r"\b(?:kill(?:ed|ing)?|died|dead|death|injur(?:ed|ies|y)|hurt|missing)\b", re.I)
# "over" a duration after a verb of spending or delivering is the time it takes ("a £1.8bn fund,
# to be spent over three years"), not "more than" ("waited over three years")
_OVER_DURING = re.compile(
    r"\b(?:spent|spread|paid|invested|phased|delivered|repaid|allocated|saved|raised|built|"
    r"rolled\s+out|paid\s+back|written\s+off)\s+over\s+\Z",
    re.I,
)
_DURATION_BEFORE = re.compile(r"\b(?:within|for|after|over|in|about|only|just|up\s+to|than|least)\s+\Z", re.I)
# the rest of a group already named, the subject of its clause ("the bodies of the other three
# were brought out", "the remaining three wanted no change")
_THE_REST = re.compile(r"\b[Tt]he\s+(?:other|remaining)\s+\Z")
_VERB_AFTER = re.compile(r"\A\s+(?:have|has|had|were|are|remain(?:ed)?|died|voted|backed|opposed)\b", re.I)
_CLOCK_AFTER = re.compile(
    r"\A\s?(?:[ap]\.?m\b\.?|o['’]clock\b|(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT)\b)", re.I
)
_ADDRESS_AFTER = re.compile(
    r"\A\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Boulevard|Blvd|Drive|"
    r"Place|Square|Terrace|Crescent|Close|Way)\b"
)
_HALF_OF_TIME_BEFORE = re.compile(
    r"\b(?:first|second|latter|former|last|final|top|bottom|upper|lower|back|front|northern|southern|"
    r"eastern|western)\s+\Z",
    re.I,
)
_DETERMINER_BEFORE = re.compile(
    r"\b(?i:the|a|an|its|their|his|her|our|this|that|these|those)\s+(?:[A-Z][\w-]*\s+)*\Z"
)
# capitalised at the start of a sentence, and not a name
_SENTENCE_WORDS = set(
    """after within in at by for from to with without since until of on up down beyond between all
    another each every the a an its their this that these those and but or so yet still then now
    today yesterday last next during before through per plus minus against versus like unlike than
    was were is are total averaging""".split()
)

_NOT_COUNT_NOUNS = {
    "of",
    "and",
    "or",
    "the",
    "a",
    "an",
    "to",
    "in",
    "on",
    "at",
    "for",
    "by",
    "with",
    "from",
    "as",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "that",
    "which",
    "who",
    "when",
    "where",
    "while",
    "but",
    "if",
    "than",
    "then",
    "so",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "do",
    "did",
    "more",
    "less",
    "after",
    "before",
    "since",
    "until",
    "into",
    "onto",
    "per",
    "also",
    "times",
    "st",
    "nd",
    "rd",
    "th",
    "am",
    "pm",
    "a.m",
    "p.m",
    "this",
    "these",
    "those",
    "other",
    "others",
    "again",
    "not",
    "no",
    "about",
    "over",
    "under",
    "up",
    "down",
    "out",
    "off",
}


def _inherit_units(ms: list[Mention], text: str) -> list[Mention]:
    """A bare number in a range or a baseline takes the unit of its neighbour ("from 7 to 4 months")."""
    out = list(ms)
    for i, m in enumerate(out):
        if m.unit != "count" or m.noun:
            continue
        for j in (i + 1, i - 1):
            if 0 <= j < len(out) and out[j].unit not in ("count",):
                gap = text[min(m.end, out[j].end) : max(m.start, out[j].start)]
                near = len(gap) <= 40 or (m.kind == "vague" and m.low == 1 and len(gap) <= 200)
                if near and not re.search(r"[.;!?]\s", gap):
                    if (
                        out[j].unit in ("percent", "percentage_point")
                        and m.value is not None
                        and m.value > 100
                    ):
                        continue
                    out[i] = replace(m, unit=out[j].unit)
                    break
    return out
