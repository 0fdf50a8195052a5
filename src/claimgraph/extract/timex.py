"""Time expressions: "May 2026", "Q2 2026", "early 2025", "last year", "by 2027".

Each is normalized against the article's publication date into a :class:`TimeSpan` with an
ISO label, an inclusive interval and a granularity.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from ..model import TimeSpan
from .numbers import words_to_number

_MONTHS = (
    {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
    | {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
    | {"sept": 9}
)
_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_YEAR = r"(?:19|20)\d\d"

_REL_YEAR = r"(?:next|this|last)\s+year"  # "the second quarter of next year"

# "the following day", "the next morning", "the day after": the day after one named before
DAY_AFTER = re.compile(
    r"\b(?:the\s+)?(?:following|next)\s+(?:day|morning)\b|\bthe\s+day\s+after\b(?!\s+\w)", re.I
)
_PATTERNS: list[tuple[str, str]] = [
    ("quarter", rf"\b(?:Q([1-4])|([1-4])Q)[\s-]*({_YEAR})\b"),
    (
        "quarter_words",
        rf"\b(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter(?:\s+of)?(?:\s+({_YEAR}|{_REL_YEAR}))?\b",
    ),
    # "the first ten months of 2026", "the first nine months of the year": January to the last
    # of them
    (
        "first_months",
        rf"\b(?:the\s+)?first\s+(\d{{1,2}}|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months"
        rf"\s+of\s+(?:({_YEAR})|(this|last|next|the)\s+year)\b",
    ),
    (
        "half",
        rf"\b(?:the\s+)?(first|second)\s+half(?:\s+of\s+({_YEAR}|{_REL_YEAR}))?\b|\bH([12])\s+({_YEAR})\b",
    ),
    (
        "year_to",
        rf"\b(?:the\s+)?(?:year|12\s+months|twelve\s+months)\s+(?:to|ending|ended|through)\s+"
        rf"(?:the\s+end\s+of\s+)?({_MONTH_RE})(?:\s+({_YEAR}))?",
    ),
    (  # "June to October", "June-to-October", "between June and October"
        "month_range",
        rf"\b(?:[Bb]etween\s+({_MONTH_RE})\s+and|({_MONTH_RE})\s*(?:-to-|-|–|to|through))\s*({_MONTH_RE})"
        rf"(?:\s+(?:period\s+)?(?:of\s+)?({_YEAR}))?",
    ),
    (
        "part_year",
        rf"\b(early|mid|late|the\s+start\s+of|the\s+end\s+of|the\s+beginning\s+of)[\s-]+({_YEAR})\b",
    ),
    (  # "on 19 and 20 November", "November 19-20, 2026": from the first day to the second
        "day_pair",
        rf"\b(?:[Oo]n\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:and|to|-|–)\s*(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})"
        rf"(?:,?\s+({_YEAR}))?\b"
        rf"|\b(?:[Oo]n\s+)?({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:and|to|-|–)\s*(\d{{1,2}})(?:st|nd|rd|th)?"
        rf"(?:,?\s+({_YEAR}))?\b",
    ),
    # "the summer of 2019", "by spring 2027": the season's three months (northern hemisphere;
    # winter, which spans two years, is left alone)
    ("season", rf"\b(?:the\s+)?([Ss]pring|[Ss]ummer|[Aa]utumn|(?<=the\s)fall)\s+(?:of\s+)?({_YEAR})\b"),
    # "before next summer", "last autumn": the season to come, or the one gone by
    ("season_rel", r"\b(last|this|next)\s+(spring|summer|autumn)\b"),
    # "between 2025 and 2030", "from 2025 to 2030": the years from the first to the last
    ("year_range", rf"\b(?:between\s+({_YEAR})\s+and|from\s+({_YEAR})\s+(?:to|until|through))\s+({_YEAR})\b"),
    # "in late August", "early November 2026": the first, middle or last third of the month
    ("part_month", rf"\b([Ee]arly|[Mm]id|[Ll]ate)[\s-]+({_MONTH_RE})(?:\s+({_YEAR}))?\b"),
    ("day_month_year", rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+({_YEAR})\b"),
    ("day_month_year2", rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\s+({_YEAR})\b"),
    ("iso_date", rf"\b({_YEAR})-(\d\d)-(\d\d)\b"),
    ("month_year", rf"\b({_MONTH_RE})\s+(?:of\s+)?({_YEAR})\b"),
    # "on 1 July next year", "by March 31 this year": that day of that year
    (
        "day_month_rel_year",
        rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\s+(this|last|next)\s+year\b"
        rf"|\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(this|last|next)\s+year\b",
    ),
    # "by September this year", "in March last year": that month of that year
    ("month_rel_year", rf"\b({_MONTH_RE})\s+(?:of\s+)?(this|last|next)\s+year\b"),
    (
        "day_month",
        rf"\b({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b|\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\b",
    ),
    ("fiscal", r"\b(?:fiscal(?:\s+year)?|FY)\s*'?(\d{2,4})\b"),
    ("year", rf"(?<![\d$€£.,-])({_YEAR})(?![\d%])(?!\s*(?:per\s?cent|percent))"),
    # "in the past two weeks", "over the last three months", "over the past decade": up to the
    # day of writing (before "last year", "last month": "over the last year" is the twelve months to
    # now; "in the previous year", with no number, is the year before, and left to them)
    (
        "past_span",
        r"\b(?:in|over|during|for|across)\s+the\s+(?:past|last|previous(?=\s+(?:\d|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few)\b))\s+"
        r"(?:(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few)\s+)?(day|week|month|year|decade)s?\b",
    ),
    (
        "anaphor_prior",
        r"\b(?:the\s+)?same\s+(?:period|quarter|half|months?)\s+(?:of\s+|in\s+)?(?:last|the\s+previous|a)\s+year"
        r"(?:\s+(?:earlier|before))?\b",
    ),
    (
        "anaphor",
        r"\b(?:in|during|for|over|across)\s+the\s+(?:quarter|period|half|three\s+months)\b|\byear[\s-]on[\s-]year\b",
    ),
    (
        "relative_year",
        r"\b(last|this|next|previous|the\s+previous|the\s+past|the\s+coming)\s+year\b|\ba\s+year\s+(?:earlier|ago)\b",
    ),
    ("relative_month", r"\b(last|this|next)\s+month\b"),
    # "by the end of the year", "before the end of next month": that year, that month
    ("end_of_year", r"\bthe\s+end\s+of\s+(the|this|next|last)\s+year\b"),
    ("end_of_month", r"\bthe\s+end\s+of\s+(the|this|next|last)\s+month\b"),
    ("weekend", r"\b(last|this|next|the\s+coming|(?:over|at|during)\s+the)\s+weekend\b"),
    ("rest_of_week", r"\b(?:the\s+)?rest\s+of\s+(?:the|this)\s+week\b"),
    ("relative_week", r"\b(?:(?:earlier|later)\s+)?(last|this|next)\s+week\b"),
    ("relative_quarter", r"\b(last|this|next|the\s+previous)\s+quarter\b"),
    (  # "on Thursday and Friday", "over Thursday and Friday": from the first day to the second
        "weekday_pair",
        r"\b(?:on\s+|over\s+|between\s+|last\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
        r"\s+(?:and|to|through|-|–)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    ),
    (
        "weekday",
        r"\b(?:on\s+|last\s+|this\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?\b",
    ),
    ("day_rel", r"\b(yesterday|today|tonight|last\s+night)\b"),
    # "the following day", "the next day", "the day after": the day after the one named before it
    ("day_after", DAY_AFTER.pattern),
    # "by Christmas", "(just) before Christmas": the next one (not "Christmas shopping", nor
    # "reared for the Christmas trade": after an article it describes a thing)
    (
        "christmas",
        r"\b(?:(?:just|shortly)\s+)?(before\s+)?(?<![Tt]he\s)(?<!\ba\s)Christmas\b(?!\s+(?:[Dd]ay|[Ee]ve|shopping|trading|trade|sales|"
        r"tree|market|party|parties|cards?|presents?|dinner|lights|holidays?|season|period|break|rush|getaway)\b)",
    ),
    (  # "at 9.40pm", "at 23:41": a time of day (on the 24-hour clock only with its colon)
        "clock",
        r"\bat\s+\d{1,2}(?:[:.]?\d\d)\s*(?:[ap]\.m\.|(?:GMT|UTC|BST|CET|CEST|EST|EDT|ET|PT|am|pm)\b)"
        r"|\bat\s+(?:[01]?\d|2[0-3]):[0-5]\d\b(?![:.,]?\d)",
    ),
    ("full_year", r"\b(?:full|whole)[- ]year\b"),
    (
        "month_only",
        rf"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil(?:\s+at\s+least)?|[Ff]rom|[Ff]or|[Bb]efore|[Dd]uring|[Ll]ast|[Tt]his|of|ended|ending|through|to)"
        rf"\s+({_MONTH_RE})(?!\s*\d)\b"
        # "September was the driest month": a month that opens a clause as its subject
        rf"|^({_MONTH_RE})(?=\s+(?:was|is|had|has|saw|brought)\b)",
    ),
    # "by the spring", "until the summer", "in the autumn": a season without its year
    (
        "season_bare",
        r"\b(?:by|until|before|in|over|during|through)\s+(?:the\s+)?(spring|summer|autumn)\b(?!\s+(?:of\s+)?\d)",
    ),
]
_CASED = (
    "month_only",
    "season",
    "part_month",
    "day_month",
    "day_pair",
    "month_year",
    "month_rel_year",
    "day_month_rel_year",
    "year_to",
    "month_range",
)
_COMPILED = [(name, re.compile(p, re.I if name not in _CASED else 0)) for name, p in _PATTERNS]
_RELATION = re.compile(
    r"\b(by|as\s+of|since|until|through|before|after|from)\s+(?:the\s+(?:end|start)\s+of\s+)?\Z", re.I
)
_BASELINE = re.compile(
    r"(?:\bthat\s+of|\bthose\s+of|\bthan(?:\s+(?:in|at|during))?|\bcompared\s+(?:with|to)(?:\s+(?:in|at))?|"
    r"\bversus|\bvs\.?|\brelative\s+to|\bover|"
    # "the highest since 2021", "the slowest pace since 2015": a record, not when the claim is
    r"\b(?:highest|lowest|biggest|largest|smallest|fastest|slowest|strongest|weakest|sharpest|steepest|"
    r"deepest|worst|best|most|least)(?:\s+[a-z-]+){0,3}?\s+since|"
    r"\b(?:up|down|ris(?:e|es|en|ing)|rose|f[ae]ll(?:s|en|ing)?|(?:in|de)creas(?:e|es|ed|ing)|gr[eo]w(?:s|n|ing)?|"
    r"jump(?:s|ed)?|climb(?:s|ed)?|drop(?:s|ped)?|higher|lower|change[ds]?)"
    # ("fell 6% from a year earlier": the change, its amount, then what it is measured from)
    r"(?:\s+(?:by\s+)?[\d.,]+\s*(?:%|per\s*cent|percent|percentage\s+points?))?\s+from(?:\s+(?:in|at))?|\bon|\bas\s+(?:\w+\s+){0,3}(?:in|at|during))\s+(?:the\s+(?:same\s+(?:period|quarter|month)\s+(?:of|in)\s+)?)?\Z",
    re.I,
)


@dataclass(frozen=True, slots=True)
class TimeMention:
    start: int
    end: int
    span: TimeSpan
    baseline: bool  # "than in 2024", "that of 2024", "compared with 2024"
    kind: str = ""  # the pattern that found it: "quarter", "anaphor", "weekday", ...


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _span(text: str, b: date, e: date, iso: str, gran: str, rel: str = "at") -> TimeSpan:
    return TimeSpan(text=text, iso=iso, begin=b, end=e, granularity=gran, relation=rel)


def _year_span(text: str, y: int) -> TimeSpan:
    return _span(text, date(y, 1, 1), date(y, 12, 31), f"{y}", "year")


def _month_span(text: str, y: int, m: int) -> TimeSpan:
    return _span(text, date(y, m, 1), _month_end(y, m), f"{y}-{m:02d}", "month")


def _months_span(text: str, y: int, m1: int, m2: int) -> TimeSpan:
    return _span(text, date(y, m1, 1), _month_end(y, m2), f"{y}-{m1:02d}/{y}-{m2:02d}", "interval")


def _quarter_span(text: str, y: int, q: int) -> TimeSpan:
    return _span(text, date(y, 3 * q - 2, 1), _month_end(y, 3 * q), f"{y}-Q{q}", "quarter")


def _day_span(text: str, d: date) -> TimeSpan:
    return _span(text, d, d, d.isoformat(), "day")


def day_after(day: TimeSpan, text: str) -> TimeSpan:
    """The day after ``day``, as ``text`` names it ("the following day")."""
    return _day_span(text, day.begin + timedelta(days=1))


def period_end(span: TimeSpan) -> TimeSpan:
    """The end of a period, as precise as the period is long: the year a decade or some years
    end in, the month some months end in, the day some weeks or days end on.

    >>> period_end(_span("over the past decade", date(2016, 1, 1), date(2026, 11, 24), "2016/2026", "interval")).iso
    '2026'
    """
    e, days = span.end, (span.end - span.begin).days
    if days >= 365:
        return replace(_year_span(span.text, e.year), relation=span.relation)
    if days >= 28:
        return replace(_month_span(span.text, e.year, e.month), relation=span.relation)
    return replace(_day_span(span.text, e), relation=span.relation)


def _last_weekday(ref: date, weekday: int) -> date:
    """The latest such weekday on or before ``ref`` (0 = Monday)."""
    return ref - timedelta(days=(ref.weekday() - weekday) % 7)


def _nearest_year(ref: date, month: int) -> int:
    """The year of the nearest such month: up to six months back, else ahead."""
    if (ref.month - month) % 12 <= 6:
        return ref.year if month <= ref.month else ref.year - 1
    return ref.year if month > ref.month else ref.year + 1


def _month_num(s: str) -> int:
    return _MONTHS[s.rstrip(".").lower()]


def shift_year(span: TimeSpan, years: int, text: str) -> TimeSpan:
    """The same period ``years`` later (or earlier), labelled like the original."""
    b = date(span.begin.year + years, span.begin.month, 1)
    e = _month_end(span.end.year + years, span.end.month)
    if span.granularity == "quarter":
        return _quarter_span(text, b.year, (b.month - 1) // 3 + 1)
    if span.granularity == "month":
        return _month_span(text, b.year, b.month)
    if span.granularity == "year":
        return _year_span(text, b.year)
    if span.granularity == "day":
        try:
            return _day_span(text, span.begin.replace(year=span.begin.year + years))
        except ValueError:  # 29 February
            return _day_span(text, span.begin.replace(year=span.begin.year + years, day=28))
    return _span(text, b, e, f"{b.year}-{b.month:02d}/{e.year}-{e.month:02d}", "interval")


def _year_offset(low: str) -> int:
    """The year "next", "last" or "this" (or "the") year is, from the reference year."""
    return 1 if "next" in low else -1 if "last" in low else 0


def _normalize(
    name: str, m: re.Match[str], ref: date | None, anchor: TimeSpan | None = None
) -> TimeSpan | None:
    t = m.group(0)
    if name == "anaphor":  # "in the quarter", "year on year": the period the article is about
        return replace(anchor, text=t, relation="at") if anchor else None
    if name == "anaphor_prior":  # "the same period last year"
        return shift_year(anchor, -1, t) if anchor else (_year_span(t, ref.year - 1) if ref else None)
    ry = ref.year if ref else None
    g = m.groups()
    try:
        if name == "quarter":
            return _quarter_span(t, int(g[2]), int(g[0] or g[1]))
        if name == "quarter_words":
            q = _ORD[g[0].lower()]
            if g[1] and g[1][0].isdigit():
                return _quarter_span(t, int(g[1]), q)
            if g[1] and ref:
                return _quarter_span(t, ref.year + _year_offset(g[1].lower()), q)
            if not ref:
                return None
            # "the second quarter" in a report: the latest such quarter that has begun
            y = ref.year if date(ref.year, 3 * q - 2, 1) <= ref else ref.year - 1
            return _quarter_span(t, y, q)
        if name == "year_to":
            mo = _month_num(g[0])
            if g[1]:
                y = int(g[1])
            elif ref:
                y = ref.year if mo <= ref.month else ref.year - 1
            else:
                return None
            end = _month_end(y, mo)
            b = date(y - 1, mo + 1, 1) if mo < 12 else date(y, 1, 1)
            return _span(t, b, end, f"{b.year}-{b.month:02d}/{y}-{mo:02d}", "interval")
        if name == "month_range":
            m1, m2 = _month_num(g[0] or g[1]), _month_num(g[2])
            if m2 < m1:
                return None
            if g[3]:
                y = int(g[3])
            elif ref:
                y = ref.year if date(ref.year, m1, 1) <= ref else ref.year - 1
            else:
                return None
            if m2 - m1 == 2 and m1 % 3 == 1:
                return _quarter_span(t, y, m1 // 3 + 1)
            return _months_span(t, y, m1, m2)
        if name == "first_months":
            n = int(g[0]) if g[0].isdigit() else int(words_to_number(g[0].lower()) or 0)
            year = int(g[1]) if g[1] else (ry + _year_offset(g[2].lower()) if ry else None)
            if year is None or not 1 <= n <= 12:
                return None
            return _months_span(t, year, 1, n)
        if name == "half":
            if g[0]:
                h = 1 if g[0].lower() == "first" else 2
                if g[1] and not g[1][0].isdigit():
                    year = ry + _year_offset(g[1].lower()) if ry else None
                else:
                    year = int(g[1]) if g[1] else ry
                if year is None:
                    return None
                y = year
            else:
                y, h = int(g[3]), int(g[2])
            return _months_span(t, y, 1, 6) if h == 1 else _months_span(t, y, 7, 12)
        if name == "part_year":
            part, y = re.sub(r"\s+", " ", g[0].lower()), int(g[1])
            if part in ("early", "the start of", "the beginning of"):
                return _months_span(t, y, 1, 4)
            if part == "mid":
                return _months_span(t, y, 5, 8)
            return _months_span(t, y, 9, 12)
        if name == "day_pair":
            d1, d2, mon, yy = (g[0], g[1], g[2], g[3]) if g[0] else (g[5], g[6], g[4], g[7])
            mo = _month_num(mon)
            if yy:
                year = int(yy)
            elif ref:
                year = ref.year if date(ref.year, mo, 1) <= ref + timedelta(days=60) else ref.year - 1
            else:
                return None
            b, e = date(year, mo, int(d1)), date(year, mo, int(d2))
            if e <= b:
                return None
            return _span(t, b, e, f"{b.isoformat()}/{e.isoformat()}", "interval")
        if name == "season":
            first = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9}[g[0].lower()]
            return _months_span(t, int(g[1]), first, first + 2)
        if name == "season_rel" and ref:
            first = {"spring": 3, "summer": 6, "autumn": 9}[g[1].lower()]
            begun = date(ref.year, first, 1) <= ref
            ended = _month_end(ref.year, first + 2) < ref
            y = {
                "next": ref.year + 1 if begun else ref.year,
                "last": ref.year if ended else ref.year - 1,
            }.get(g[0].lower(), ref.year)
            return _months_span(t, y, first, first + 2)
        if name == "year_range":
            y0, y1 = int(g[0] or g[1]), int(g[2])
            if y0 < y1:
                return _span(t, date(y0, 1, 1), date(y1, 12, 31), f"{y0}/{y1}", "interval")
            return None
        if name == "part_month":
            mo = _month_num(g[1])
            if g[2]:
                year = int(g[2])
            elif ref:
                year = _nearest_year(ref, mo)
            else:
                return None
            first, last = {"early": (1, 10), "mid": (11, 20)}.get(
                g[0].lower(), (21, _month_end(year, mo).day)
            )
            b, e = date(year, mo, first), date(year, mo, last)
            return _span(t, b, e, f"{b.isoformat()}/{e.isoformat()}", "interval")
        if name == "day_month_year":
            return _day_span(t, date(int(g[2]), _month_num(g[0]), int(g[1])))
        if name == "day_month_year2":
            return _day_span(t, date(int(g[2]), _month_num(g[1]), int(g[0])))
        if name == "iso_date":
            return _day_span(t, date(int(g[0]), int(g[1]), int(g[2])))
        if name == "month_year":
            return _month_span(t, int(g[1]), _month_num(g[0]))
        if name == "day_month_rel_year":
            if not ref:
                return None
            day, mon, rel = (g[0], g[1], g[2]) if g[0] else (g[4], g[3], g[5])
            y = ref.year + _year_offset(rel.lower())
            return _day_span(t, date(y, _month_num(mon), int(day)))
        if name == "month_rel_year":
            if not ref:
                return None
            return _month_span(t, ref.year + _year_offset(g[1].lower()), _month_num(g[0]))
        if name == "day_month":
            if not ref:
                return None
            mon, day = (g[0], g[1]) if g[0] else (g[3], g[2])
            d = date(ry, _month_num(mon), int(day))  # type: ignore[arg-type]
            if d > ref + timedelta(days=60):
                d = d.replace(year=d.year - 1)
            return _day_span(t, d)
        if name == "fiscal":
            y = int(g[0])
            return _year_span(t, y + 2000 if y < 100 else y)
        if name == "year":
            return _year_span(t, int(g[0]))
        if not ref:
            return None
        low = t.lower()
        if name == "end_of_year":
            return _year_span(t, ref.year + _year_offset(low))
        if name == "end_of_month":
            name = "relative_month"
        if name == "relative_year":
            if anchor and anchor.granularity in ("quarter", "interval") and re.search(r"earlier|ago", low):
                return shift_year(anchor, -1, t)  # "a year earlier" in a quarterly report
            if "last" in low or "previous" in low or "past" in low or "earlier" in low or "ago" in low:
                return _year_span(t, ref.year - 1)
            if "next" in low or "coming" in low:
                return _year_span(t, ref.year + 1)
            return _year_span(t, ref.year)
        if name == "relative_month":
            y, mo = ref.year, ref.month + (-1 if "last" in low else 1 if "next" in low else 0)
            if mo == 0:
                y, mo = y - 1, 12
            if mo == 13:
                y, mo = y + 1, 1
            return _month_span(t, y, mo)
        if name == "relative_quarter":
            q = (
                (ref.month - 1) // 3
                + 1
                + (-1 if ("last" in low or "previous" in low) else 1 if "next" in low else 0)
            )
            y = ref.year
            if q == 0:
                y, q = y - 1, 4
            if q == 5:
                y, q = y + 1, 1
            return _quarter_span(t, y, q)
        if name == "weekend":
            sat = ref + timedelta(days=(5 - ref.weekday()) % 7)
            if ref.weekday() == 6:  # on a Sunday, "this weekend" is the one ending today
                sat = ref - timedelta(days=1)
            if re.match(r"(?:over|at|during)\s", low):  # "over the weekend": the last one
                sat = ref - timedelta(days=(ref.weekday() - 5) % 7)
            elif "last" in low:
                sat -= timedelta(days=7)
            elif "next" in low and ref.weekday() >= 5:
                sat += timedelta(days=7)
            sun = sat + timedelta(days=1)
            return _span(t, sat, sun, f"{sat.isoformat()}/{sun.isoformat()}", "interval")
        if name == "rest_of_week":
            sun = ref + timedelta(days=6 - ref.weekday())
            return _span(t, ref, sun, f"{ref.isoformat()}/{sun.isoformat()}", "interval")
        if name == "relative_week":
            monday = ref - timedelta(days=ref.weekday())
            if "last" in low:
                monday -= timedelta(days=7)
            elif "next" in low:
                monday += timedelta(days=7)
            sunday = monday + timedelta(days=6)
            gran = "week"
            if low.startswith("earlier this") and ref > monday:  # up to the day before
                sunday, gran = ref - timedelta(days=1), "interval"
            elif low.startswith("later this") and ref < sunday:  # from the day after
                monday, gran = ref + timedelta(days=1), "interval"
            return _span(t, monday, sunday, f"{monday.isoformat()}/{sunday.isoformat()}", gran)
        if name == "weekday_pair":  # both days in the week before the reference date
            wd1, wd2 = _WEEKDAYS.index(g[0].lower()), _WEEKDAYS.index(g[1].lower())
            e = _last_weekday(ref, wd2)
            b = e - timedelta(days=(wd2 - wd1) % 7)
            if b == e:
                return None
            return _span(t, b, e, f"{b.isoformat()}/{e.isoformat()}", "interval")
        if name == "weekday":
            wd = _WEEKDAYS.index(g[0].lower())
            d = _last_weekday(ref, wd)
            if "next" in low:
                d = ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)
            elif low.startswith("last") and d >= ref - timedelta(days=ref.weekday()):
                d -= timedelta(days=7)  # "last Monday", said on a Tuesday: the week before's
            return _day_span(t, d)
        if name == "full_year":  # "full-year guidance": the year being reported on
            return _year_span(t, anchor.begin.year if anchor else ref.year)
        if name == "clock":
            return _day_span(t, ref)
        if name == "christmas" and ref:
            y = ref.year if ref <= date(ref.year, 12, 25) else ref.year + 1
            if g[0]:  # the days before it
                return _span(t, date(y, 12, 18), date(y, 12, 24), f"{y}-12-18/{y}-12-24", "interval")
            return _day_span(t, date(y, 12, 25))
        if name == "day_after":
            return _day_span(t, ref)  # a placeholder: find_times dates it after the day before it
        if name == "day_rel":
            return _day_span(t, ref - timedelta(days=1) if low in ("yesterday", "last night") else ref)
        if name == "past_span" and ref:
            word = (g[0] or "one").lower()  # "the past two weeks", "the last few days", "the past year"
            n = 3 if word == "few" else int(word) if word.isdigit() else int(words_to_number(word) or 1)
            unit = g[1].lower()
            if unit in ("day", "week"):
                b = ref - timedelta(days=n * (7 if unit == "week" else 1))
                return _span(t, b, ref, f"{b}/{ref}", "interval")
            if unit == "month":
                k = ref.year * 12 + ref.month - 1 - n
                b = date(k // 12, k % 12 + 1, 1)
                return _span(t, b, ref, f"{b.year}-{b.month:02d}/{ref.year}-{ref.month:02d}", "interval")
            n *= 10 if unit == "decade" else 1
            return _span(t, date(ref.year - n, 1, 1), ref, f"{ref.year - n}/{ref.year}", "interval")
        if name == "season_bare" and ref:
            first = {"spring": 3, "summer": 6, "autumn": 9}[g[0].lower()]
            # the latest such season begun by the day of writing (find_times moves it on to
            # the next one where the clause looks ahead)
            y = ref.year if date(ref.year, first, 1) <= ref else ref.year - 1
            return _months_span(t, y, first, first + 2)
        if name == "month_only":
            # the nearest such month; "since"/"last" look back, "next" looks ahead
            mo = _month_num(g[0] or g[1])
            lead = t.split()[0].lower()
            past = ref.year if mo <= ref.month else ref.year - 1
            future = ref.year if mo > ref.month else ref.year + 1
            if lead in ("since", "last"):
                y = past
            elif lead == "next":
                y = future
            else:
                y = _nearest_year(ref, mo)
            return _month_span(g[0] or g[1], y, mo)
    except (ValueError, KeyError, TypeError):
        return None
    return None


_FUTURE = re.compile(
    r"\b(?:will|would|shall|due|set\s+to|(?:is|are)\s+to|expect(?:s|ed)?\s+(?:\w+\s+){0,3}?to|"
    # (a plan to do something, not a plan handed to someone: "presented the plan to parliament")
    r"plans?\s+to\s+(?!(?:the|a|an|its|their|his|her|parliament|ministers|MPs)\b)|"
    r"hope[sd]?\s+to|aims?\s+to|intends?\s+to|going\s+to|targeting|"
    # a thing scheduled now ("ground-breaking is scheduled for June", "is pencilled in for")
    r"(?:is|are)\s+(?:now\s+)?(?:scheduled|planned|slated|pencilled\s+in|penciled\s+in)|"
    # the present of a thing scheduled ("that review takes place on Friday", "the consultation
    # closes on Monday")
    r"takes?\s+place|takes?\s+effect|comes?\s+into\s+force|begins|starts|opens|reopens|resumes|closes|ends|meets)\b"
    r"[^,;:—]*\Z",
    re.I,
)


_RANGES = frozenset({"month_range", "year_range", "day_pair", "weekday_pair"})
_WEEK_FROM = re.compile(r"\bweek\s+(?:beginning|starting|commencing|of)\s+(?:on\s+)?\Z", re.I)
_RANGE_OPENS = re.compile(r"\b(between|from)\s+\Z", re.I)
_RANGE_JOINS = re.compile(r"\s+(and|to|until|till|through)\s+", re.I)


def _to_come(text: str, s: int, e: int) -> bool:
    """Whether a bare weekday or quarter is one to come: its clause says so before it ("talks
    will resume on Monday", "the vote is due on Thursday", "settlements due in the first
    quarter")."""
    before = text[max(0, s - 120) : s]
    before = re.split(r"[.!?;]\s+(?=[A-Z\"“])", before)[-1]  # (in its own sentence)
    return not re.search(r"\b(?:last|this|next)\b", text[s:e], re.I) and bool(_FUTURE.search(before))


_DONE = re.compile(r"\b(?:had|has|have|was|were|been|did)\b[^,;:.—]*\b(?:in|during|from)\s+\Z", re.I)


def _done(text: str, s: int) -> bool:
    """Whether the clause before a bare month says what happened already ("the fault had been
    fixed in April", "was found in June"): the month is then the last one gone by."""
    return bool(_DONE.search(text[max(0, s - 80) : s]))


# what may stand between a time of day and its day ("at 16:52 local time on Saturday")
_CLOCK_GAP = re.compile(r",?\s*(?:local\s+time,?\s*)?(?:on\s+)?")


def find_times(
    text: str, ref: date | None, anchor: TimeSpan | None = None, day: TimeSpan | None = None
) -> list[TimeMention]:
    """Every time expression in ``text``, longest first where they overlap.

    ``anchor`` is the period the article is about so far ("the second quarter"): anaphoric
    expressions such as "in the quarter" or "a year earlier" are resolved against it. ``day`` is
    the day it last named: a time of day said alone ("reopened at 11.41pm") is on it (without
    one, on the day of writing).

    >>> [t.span.iso for t in find_times("as of May 2026, up from early 2025", None)]
    ['2026-05', '2025-01/2025-04']
    """
    if isinstance(ref, datetime):
        ref = ref.date()  # a publication time: its day
    found: list[tuple[int, int, TimeSpan, str]] = []
    taken: list[tuple[int, int]] = []
    for name, rx in _COMPILED:
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            if name == "month_only":
                s = m.start(1) if m.group(1) else m.start(2)
            if any(s < te and e > ts for ts, te in taken):
                continue
            if name == "year" and re.match(
                r"\A\s*(?:[-–]\s*\d|people|patients|staff|jobs|units|homes)", text[e:]
            ):
                continue
            if (
                name == "weekday"
                and re.search(r"\b(?:the|a|its|their|his|her|our)\s+\Z", text[max(0, s - 8) : s], re.I)
                and re.match(r"\s+[a-z]", text[e:])
            ):
                continue  # "the Saturday market", "its Sunday edition": a thing, not a day
            if (
                name == "month_only"
                and text[m.start() : m.start() + 3].lower() == "to "
                and re.search(r"(?:months?|weeks?|year|quarter|half|period)\s+\Z", text[: m.start()], re.I)
            ):
                continue  # "the six months to August": a period that ends then, not the month
            if (
                name == "month_only"
                and text[s:e].startswith("May")
                and not re.match(
                    r"\A(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Dd]uring|[Ll]ast|[Tt]his|of|ended|ending|through)\s",
                    text[m.start() :],
                )
            ):
                continue
            span = _normalize(name, m, ref, anchor)
            if span is None:
                continue
            if name == "weekday" and ref is not None and span.begin < ref and _to_come(text, s, e):
                d = span.begin + timedelta(days=7)  # "talks are due to resume on Monday": the next one
                span = _day_span(span.text, d)
            if (
                name == "quarter_words"
                and ref is not None
                and span.end < ref
                and not re.search(rf"{_YEAR}|{_REL_YEAR}", text[s:e])
                and _to_come(text, s, e)
            ):
                span = shift_year(span, 1, span.text)  # "settlements due in the first quarter": the next one
            if (
                name == "day_month"
                and ref is not None
                and span.end < ref - timedelta(days=60)
                and _to_come(text, s, e)
            ):
                span = shift_year(span, 1, span.text)  # "hoped to reopen the line on 18 January"
            if (
                name == "month_only"
                and ref is not None
                and not re.match(r"(?:since|last|next)\b", text[m.start() : e], re.I)
            ):
                if span.begin > ref and _done(text, s) and not _to_come(text, s, e):
                    span = shift_year(span, -1, span.text)  # "had been fixed in April", in November
                elif span.end < ref and _to_come(text, s, e):
                    span = shift_year(span, 1, span.text)  # "will reopen in June", in November
            if (
                name == "season_bare"
                and ref is not None
                and span.end < ref
                and (re.match(r"(?:by|until|before)\b", text[s:e], re.I) or _to_come(text, s, e))
            ):
                span = shift_year(span, 1, span.text)  # "would refill the reservoirs by the spring"
            if name == "season_bare" and text[s:e].lower().startswith("by"):
                span = replace(span, relation="by")
            before = text[max(0, s - 40) : s]
            if (r := _RELATION.search(before)) and not (r.group(1).lower() == "from" and name in _RANGES):
                # ("from June to October" is the range, from its first month to its last)
                rel = re.sub(r"\s+", "_", r.group(1).lower())
                if (
                    rel == "by"
                    and span.text.lower().startswith("the end of")
                    and not span.text.lower().endswith("month")
                ):
                    span = _year_span(span.text, span.begin.year)  # "by the end of 2027": within 2027
                span = TimeSpan(
                    span.text,
                    span.iso,
                    span.begin,
                    span.end,
                    span.granularity,
                    {"as_of": "as_of", "by": "by", "since": "since", "from": "since"}.get(rel, "at"),
                )
                if rel == "from" and ref is not None and span.begin > ref:
                    # "take effect from Wednesday", "a pay rise from September 2027": when it starts,
                    # nothing holding since
                    span = replace(span, relation="at")
            since = span.relation == "since" and re.search(r"\bsince\s+\Z", before or "", re.I)
            if since and re.match(r"\s*,\s*when\b", text[e : e + 12], re.I):
                # "the worst fire since 2019, when 7,400 hectares burned": what follows is of 2019
                span = replace(span, relation="at")
                since = None
            if since and ref and span.end < ref and span.granularity == "day":
                # "since Saturday", "since yesterday": from that day up to the day of writing
                span = _span(span.text, span.begin, ref, f"{span.begin}/{ref}", "interval", "since")
            elif since and ref and span.end < ref:  # "since January": from then up to now
                b, e2 = span.begin, _month_end(ref.year, ref.month)
                label = f"{b.year}-{b.month:02d}/{e2.year}-{e2.month:02d}"
                span = _span(span.text, b, e2, label, "interval", "since")
            found.append((s, e, span, name))
            taken.append((s, e))
    found.sort(key=lambda x: x[0])
    # "on Tuesday 1 December", "Tuesday, Dec. 1": the weekday names the date's day, and is no
    # time of its own (the last Tuesday, resolved alone)
    for k in range(len(found) - 1, 0, -1):
        (s0, e0, _, n0), (s1, e1, span1, n1) = found[k - 1], found[k]
        if n0 == "weekday" and n1.startswith("day_month") and re.fullmatch(r",?\s*", text[e0:s1]):
            found[k - 1 : k + 1] = [(s0, e1, replace(span1, text=text[s0:e1]), n1)]
    # "in the week beginning 23 November", "the week of Monday 23 November": the seven days from it
    for k, (s0, e0, span0, _) in enumerate(found):
        if span0.granularity == "day" and (week := _WEEK_FROM.search(text, max(0, s0 - 30), s0)) is not None:
            last = span0.begin + timedelta(days=6)
            iso = f"{span0.begin.isoformat()}/{last.isoformat()}"
            found[k] = (
                week.start(),
                e0,
                _span(text[week.start() : e0], span0.begin, last, iso, "interval"),
                "week_of",
            )
    # "between Nov. 12 and Nov. 22", "from 3 March to 9 April": the days from the first to the
    # last, one period (each date read alone would be a day of its own)
    for k in range(len(found) - 1, 0, -1):
        (s0, e0, span0, n0), (s1, e1, span1, n1) = found[k - 1], found[k]
        opened = _RANGE_OPENS.search(text, max(0, s0 - 10), s0)
        joined = _RANGE_JOINS.fullmatch(text, e0, s1)
        if (
            opened is None
            or joined is None
            or (opened.group(1).lower() == "between") != (joined.group(1).lower() == "and")
            or span0.granularity != span1.granularity
            or span0.granularity not in ("day", "month")  # "from January 2019 to March 2024"
            or not span0.begin < span1.end
        ):
            continue
        if span0.granularity == "month":
            iso = f"{span0.begin.isoformat()[:7]}/{span1.end.isoformat()[:7]}"
        else:
            iso = f"{span0.begin.isoformat()}/{span1.end.isoformat()}"
        found[k - 1 : k + 1] = [
            (s0, e1, _span(text[s0:e1], span0.begin, span1.end, iso, "interval"), "date_range")
        ]
    # "on 20 November ..., and ... the following day": the day after the day named before it in
    # the text (none named: no time)
    resolved = []
    for k, (s1, e1, span1, n1) in enumerate(found):
        if n1 == "day_after":
            days_before = [sp for _, _, sp, n in found[:k] if sp.granularity == "day" and n != "day_after"]
            if not days_before:
                continue
            span1 = day_after(days_before[-1], span1.text)
        resolved.append((s1, e1, span1, n1))
    found = resolved
    # "at 9.40pm on Friday", "on Friday at 9.40pm": the clock says when in the day the other names
    # (alone, a clock is read as the day of writing)
    for k in range(len(found) - 1, 0, -1):
        (s0, e0, span0, n0), (s1, e1, span1, n1) = found[k - 1], found[k]
        days = {n0, n1} - {"clock"}
        if "clock" in (n0, n1) and len(days) == 1 and _CLOCK_GAP.fullmatch(text[e0:s1]):
            on = span1 if n0 == "clock" else span0
            if on.granularity == "day":
                found[k - 1 : k + 1] = [(s0, e1, replace(on, text=text[s0:e1]), days.pop())]
    if day is not None:  # a time of day alone: on the day named before it
        found = [
            (s, e, replace(day, text=span.text, relation=span.relation) if n == "clock" else span, n)
            for s, e, span, n in found
        ]
    out = []
    for s, e, span, name in found:
        before = text[max(0, s - 45) : s]
        baseline = _BASELINE.search(before)
        if baseline and span.granularity == "day" and re.fullmatch(r"on\s+", baseline.group(0), re.I):
            baseline = None  # "was confirmed on 3 September" is when; "up 8% on 2025" compares
        if baseline and ref is not None and span.begin > ref:
            baseline = None  # "a 4% pay rise from September 2027": when it starts (nothing to come compares)
        out.append(TimeMention(s, e, span, bool(baseline), name))
    return out
