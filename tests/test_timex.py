from __future__ import annotations

from datetime import date

import pytest

from claimgraph.extract.timex import find_times

REF = date(2026, 6, 13)  # a Saturday


@pytest.mark.parametrize(
    ("text", "iso", "granularity"),
    [
        ("as of May 2026", "2026-05", "month"),
        ("In April the list stood at 62,000", "2026-04", "month"),  # a sentence that starts with it
        ("in Q2 2026", "2026-Q2", "quarter"),
        ("in the second quarter", "2026-Q2", "quarter"),
        ("early 2025", "2025-01/2025-04", "interval"),
        ("late 2025", "2025-09/2025-12", "interval"),
        ("the first half of 2026", "2026-01/2026-06", "interval"),
        ("last year", "2025", "year"),
        ("by 2027", "2027", "year"),
        ("on Tuesday", "2026-06-09", "day"),
        ("on 14 May 2026", "2026-05-14", "day"),
        ("this week", "2026-06-08/2026-06-14", "week"),
        ("this weekend", "2026-06-13/2026-06-14", "interval"),
        ("were ordered out over the weekend", "2026-06-13/2026-06-14", "interval"),
        ("for the rest of the week", "2026-06-13/2026-06-14", "interval"),
        ("in the year to September", "2024-10/2025-09", "interval"),
        ("in the year to March", "2025-04/2026-03", "interval"),
        ("the April-June period", "2026-Q2", "quarter"),
        ("from January to March 2025", "2025-Q1", "quarter"),
        ("in the second half", "2026-07/2026-12", "interval"),
        ("in the fourth quarter", "2025-Q4", "quarter"),
        ("from November", "2026-11", "month"),
        ("in September", "2026-09", "month"),
        ("in March", "2026-03", "month"),
        ("since January", "2026-01/2026-06", "interval"),
        ("by the end of 2027", "2027", "year"),
        ("inspected before the end of the year", "2026", "year"),
        ("by the end of the month", "2026-06", "month"),
        ("at 1105 GMT", "2026-06-13", "day"),
        ("kept its full-year guidance", "2026", "year"),
        ("the grocer ended June with 638 stores", "2026-06", "month"),
        ("cancelled 412 flights on Thursday and Friday", "2026-06-11/2026-06-12", "interval"),
        ("cancelled 367 flights on 19 and 20 May", "2026-05-19/2026-05-20", "interval"),
        ("on May 19-20, 2025", "2025-05-19/2025-05-20", "interval"),
        ("was confirmed in late May", "2026-05-21/2026-05-31", "interval"),
        ("detected in early June", "2026-06-01/2026-06-10", "interval"),
        ("by mid-March 2027", "2027-03-11/2027-03-20", "interval"),
        ("in the summer of 2019", "2019-06/2019-08", "interval"),
        ("aimed to end them by spring 2027", "2027-03/2027-05", "interval"),
        ("clear firebreaks before next summer", "2027-06/2027-08", "interval"),
        ("last autumn", "2025-09/2025-11", "interval"),
        ("invest €2.3 billion between 2025 and 2030", "2025/2030", "interval"),
        ("from 2025 to 2030", "2025/2030", "interval"),
        ("admitted 1,800 people between May 12 and May 22", "2026-05-12/2026-05-22", "interval"),
        ("died between May 12, 2025 and Jan. 3, 2026", "2025-05-12/2026-01-03", "interval"),
        ("open from 3 March to 9 April", "2026-03-03/2026-04-09", "interval"),
        ("the failings span the period from January 2019 to March 2024", "2019-01/2024-03", "interval"),
        ("ministers offered to backdate the rise to September", "2026-09", "month"),
        ("in the first ten months of 2025", "2025-01/2025-10", "interval"),
        ("in the first nine months of the year", "2026-01/2026-09", "interval"),
        ("expected in the week beginning 22 June", "2026-06-22/2026-06-28", "interval"),
        ("the week of Monday 22 June", "2026-06-22/2026-06-28", "interval"),
    ],
)
def test_normalization(text: str, iso: str, granularity: str) -> None:
    found = find_times(text, REF)
    assert found, text
    assert (found[0].span.iso, found[0].span.granularity) == (iso, granularity)
    assert found[0].span.begin <= found[0].span.end


def test_relation_and_baseline() -> None:
    by = find_times("by 2027", REF)[0]
    assert by.span.relation == "by"
    times = find_times("daily commits were 8 times that of 2024 in Q2 2026", REF)
    assert [(t.span.iso, t.baseline) for t in times] == [("2024", True), ("2026-Q2", False)]
    # a record: "the highest since 2021" says nothing of when the figure is
    (t,) = find_times("unemployment has climbed to 5.8 per cent, the highest since 2021", REF)
    assert t.baseline
    (t,) = find_times("prices have risen since 2021", REF)
    assert not t.baseline and t.span.relation == "since"
    # "on" a day says when; "on" a year or a period compares ("up 8% on 2025")
    assert not find_times("the first case was confirmed on 3 June", REF)[0].baseline
    assert find_times("revenue was up 8% on 2025", REF)[0].baseline


def test_start_time_is_not_a_baseline() -> None:
    # (a start to come is when it starts: "at", as "on 1 April 2027" would be)
    (t,) = find_times("drivers will pay £8 a day from April 2027", REF)
    assert (t.span.iso, t.span.relation, t.baseline) == ("2027-04", "at", False)
    (t,) = find_times("orders were up from 2024", REF)
    assert t.baseline
    # the change's amount between the verb and "from": "fell 6% from a year earlier"
    q3, earlier = find_times("Third-quarter revenue fell 6% from a year earlier", date(2026, 11, 20))
    assert (q3.baseline, earlier.baseline) == (False, True)
    (t,) = find_times("sales rose by 12 per cent from 2024", REF)
    assert t.baseline


def test_anaphora_resolve_against_the_reporting_period() -> None:
    anchor = find_times("in the second quarter", REF)[0].span
    resolved = {
        text: [t.span.iso for t in find_times(text, REF, anchor)]
        for text in (
            "revenue in the quarter",
            "sales up 8% year on year",
            "the same period last year",
            "a year earlier the basket was",
        )
    }
    assert resolved == {
        "revenue in the quarter": ["2026-Q2"],
        "sales up 8% year on year": ["2026-Q2"],
        "the same period last year": ["2025-Q2"],
        "a year earlier the basket was": ["2025-Q2"],
    }
    # without a reporting period "in the quarter" says nothing, and "a year earlier" is last year
    assert find_times("revenue in the quarter", REF) == []
    assert [t.span.iso for t in find_times("a year earlier", REF)] == ["2025"]


def test_the_weekend_is_the_last_one() -> None:
    """ "were ordered out over the weekend", read on a Wednesday: the weekend just gone."""
    (t,) = find_times("were ordered out over the weekend", date(2026, 6, 17))
    assert t.span.iso == "2026-06-13/2026-06-14" and not t.baseline  # "over" is no baseline here


def test_a_weekday_to_come_is_the_next_one() -> None:
    """Read on Friday 27 November 2026: a bare weekday is the last one, unless its clause says
    it is still to come."""
    ref = date(2026, 11, 27)

    def iso(text: str) -> list[str]:
        return [t.span.iso for t in find_times(text, ref)]

    assert iso("the strike began on Monday") == ["2026-11-23"]
    # "last Monday" is the week before's when this week's Monday is meant by "on Monday"
    assert iso("the clinics opened last Monday") == ["2026-11-16"]
    assert iso("the company recalled the bags last Saturday") == ["2026-11-21"]
    assert iso("talks are due to resume on Monday") == ["2026-11-30"]
    assert iso("the union will walk out on Tuesday") == ["2026-12-01"]
    assert iso("it began on Monday and will end on Friday") == ["2026-11-23", "2026-11-27"]
    assert iso("the flights it had scheduled for Thursday") == ["2026-11-26"]
    assert iso("he said on Monday that talks will resume") == ["2026-11-23"]
    # the present of a thing scheduled looks ahead; the past does not
    assert iso("that review takes place on Tuesday") == ["2026-12-01"]
    assert iso("the consultation closes on Wednesday") == ["2026-12-02"]
    assert iso("the consultation closed on Wednesday") == ["2026-11-25"]
    # a quarter likewise: "the first quarter" gone by, or the next one when it is to come
    assert iso("revenue rose 4% in the first quarter") == ["2026-Q1"]
    assert iso("wage settlements due in the first quarter") == ["2027-Q1"]
    assert iso("results due in the fourth quarter") == ["2026-Q4"]  # (it has not ended)
    assert iso("she said residents would be allowed to return on Monday") == ["2026-11-30"]
    assert iso("it expects supply to be restored by Monday") == ["2026-11-30"]


def test_a_month_of_a_year_said_in_words() -> None:
    ref = date(2026, 11, 6)
    assert [t.span.iso for t in find_times("by September this year it had dropped", ref)] == ["2026-09"]
    assert [t.span.iso for t in find_times("in March last year", ref)] == ["2025-03"]
    assert [t.span.iso for t in find_times("the costs may next year rise", ref)] == ["2027"]


def test_earlier_and_later_this_week() -> None:
    """Read on Friday 27 November 2026."""
    ref = date(2026, 11, 27)
    assert [t.span.iso for t in find_times("the strike began earlier this week", ref)] == [
        "2026-11-23/2026-11-26"
    ]
    assert [t.span.iso for t in find_times("talks resume later this week", ref)] == ["2026-11-28/2026-11-29"]
    assert [t.span.iso for t in find_times("this week", ref)] == ["2026-11-23/2026-11-29"]


def test_since_a_year_when_something_happened_is_that_year() -> None:
    pub = date(2026, 11, 25)
    (when,) = find_times("It is the worst fire in the hills since 2019, when 7,400 hectares burned.", pub)
    assert (when.span.iso, when.span.relation) == ("2019", "at")
    (since,) = find_times("Prices have risen since 2019, the agency said.", pub)
    assert since.span.relation == "since" and since.span.end > date(2026, 1, 1)


def test_since_a_day_runs_to_the_day_of_writing() -> None:
    pub = date(2026, 11, 24)  # a Tuesday
    (yesterday,) = find_times("my phone has rung three times since yesterday", pub)
    (saturday,) = find_times("it has received more than 900 claims since Saturday", pub)
    assert (yesterday.span.iso, yesterday.span.relation) == ("2026-11-23/2026-11-24", "since")
    assert (saturday.span.begin, saturday.span.end) == (date(2026, 11, 21), pub)
    # a month or a year still runs to the month of writing
    (january,) = find_times("prices have risen since January", pub)
    assert january.span.iso == "2026-01/2026-11"


@pytest.mark.parametrize(
    ("text", "iso", "relation"),
    [
        ("Rainfall between June and October was 58% of the average", "2026-06/2026-10", "at"),
        ("the driest June-to-October period since records began", "2026-06/2026-10", "at"),
        ("the ban was likely to last until at least March", "2027-03", "at"),
        ("September was the driest month, with just 11mm", "2026-09", "at"),
        ("stocks have fallen by six points in the past two weeks alone", "2026-11-10/2026-11-24", "at"),
        ("prices rose over the past three months", "2026-08/2026-11", "at"),
        # a plan handed to parliament is no plan to do something: the Tuesday gone by
        ("the minister presented the heat action plan to parliament on Tuesday", "2026-11-24", "at"),
        ("the population grew by 4.6 per cent over the past decade", "2016/2026", "at"),
        # the twelve months to now, not last calendar year; "the previous year" is the year before
        ("prices rose 5% over the past year", "2025/2026", "at"),
        ("up from 40 in the previous year", "2025", "at"),
        ("would refill its reservoirs by the spring", "2027-03/2027-05", "by"),
        ("in the summer the fire burned 7,400 hectares", "2026-06/2026-08", "at"),
        ("the months from June to October were the driest", "2026-06/2026-10", "at"),  # a range, no "since"
        # a bare month is the nearest one, unless the tense says it is gone by or to come
        ("the fault behind them had been fixed in April", "2026-04", "at"),
        ("the line will reopen in June", "2027-06", "at"),
        ("the company expects a decision in April", "2027-04", "at"),
        ("ground-breaking is scheduled for June", "2027-06", "at"),
        ("the work must be finished before March", "2027-03", "at"),
        ("completion is pencilled in for the second quarter of next year", "2027-Q2", "at"),
        ("has until just before Christmas to firm up its offer", "2026-12-18/2026-12-24", "at"),
        ("the line should reopen by Christmas", "2026-12-25", "by"),
        ("in the first half of next year", "2027-01/2027-06", "at"),
        ("profit fell in the third quarter of last year", "2025-Q3", "at"),
        # a day of a year named relative to now is that day, not the month it is in
        ("the charge on drinks starts on 1 July next year", "2027-07-01", "at"),
        ("the accounts were due by March 31 this year", "2026-03-31", "by"),
    ],
)
def test_months_seasons_and_spans_without_a_year(text: str, iso: str, relation: str) -> None:
    (t,) = find_times(text, date(2026, 11, 24))
    assert (t.span.iso, t.span.relation) == (iso, relation)
    # "in June and October" is two months, not the months between
    assert [x.span.iso for x in find_times("in June and October", date(2026, 11, 24))] == ["2026-06"]


def test_last_night_and_a_day_to_come_without_its_year() -> None:
    pub = date(2026, 11, 26)
    (night,) = find_times("four were still in a serious condition last night", pub)
    assert night.span.iso == "2026-11-25"
    (reopen,) = find_times("it hoped to reopen the line on 18 January", pub)
    assert reopen.span.iso == "2027-01-18"
    (opened,) = find_times("the plant opened on 12 January", pub)
    assert opened.span.iso == "2026-01-12"


def test_a_time_to_come_after_from_is_when_it_starts_not_a_baseline() -> None:
    pub = date(2026, 11, 25)
    (start,) = find_times("Teachers will receive a 4% pay rise from September 2027.", pub)
    assert not start.baseline and start.span.iso == "2027-09"
    (before,) = find_times("Funding per pupil is up 3%, compared with 2024.", pub)
    assert before.baseline


def test_christmas_as_a_word_of_a_thing_is_no_time() -> None:
    assert find_times("Christmas shopping fell by 3%", date(2026, 11, 24)) == []
    assert find_times("12,000 birds were being reared for the Christmas trade", date(2026, 11, 24)) == []


def test_a_weekday_before_its_date_is_that_date() -> None:
    pub = date(2026, 11, 26)  # a Thursday
    (when,) = find_times("When the ban begins on Tuesday 1 December, it will be clear", pub)
    assert (when.span.iso, when.span.text) == ("2026-12-01", "on Tuesday 1 December")
    (vote,) = find_times("The vote is on Tuesday, Dec. 1, officials said", pub)
    assert vote.span.iso == "2026-12-01"
    (alone,) = find_times("They met on Tuesday and agreed", pub)
    assert alone.span.iso == "2026-11-24"


def test_a_clock_beside_a_day_is_that_day() -> None:
    pub = date(2026, 11, 21)  # a Saturday
    for text in (
        "The set was stopped at 9.40pm on Friday after stewards",
        "It was stopped on Friday at 9.40pm.",
    ):
        (when,) = find_times(text, pub)
        assert when.span.iso == "2026-11-20", text


def test_the_following_day_is_the_day_after_the_one_named_before_it() -> None:
    pub = date(2026, 11, 27)
    text = (
        "Eight were recovered alive on 20 November, and the other three were brought out the following day."
    )
    assert [t.span.iso for t in find_times(text, pub)] == ["2026-11-20", "2026-11-21"]
    assert find_times("They were brought out the following day.", pub) == []  # no day before it


def test_a_weekday_that_names_a_thing_is_no_time() -> None:
    pub = date(2026, 11, 25)
    assert find_times("the square where the Saturday market used to stand", pub) == []
    assert find_times("The Sunday papers said so", pub) == []
    assert [t.span.iso for t in find_times("on the Saturday morning", pub)] == ["2026-11-21"]


def test_from_a_day_to_come_is_when_it_starts() -> None:
    pub = date(2026, 11, 23)  # a Monday
    (start,) = find_times("Restrictions take effect in the province from Wednesday, the utility said.", pub)
    assert (start.span.iso, start.span.relation) == ("2026-11-25", "at")
    (autumn,) = find_times("teachers will get 4% from next autumn", pub)
    assert (autumn.span.iso, autumn.span.relation) == ("2027-09/2027-11", "at")
    # a month gone by that something has risen from
    (january,) = find_times("prices have risen from January", pub)
    assert (january.span.iso, january.span.relation) == ("2026-01", "since")


def test_a_time_of_day_names_the_day_beside_it() -> None:
    ref = date(2026, 11, 23)
    # on the 24-hour clock with its colon, with "local time" between it and its day
    (halt,) = find_times("halted all movements at 16:52 local time on Saturday 21 November", ref)
    assert halt.span.iso == "2026-11-21" and halt.span.text.startswith("at 16:52")
    (quake,) = find_times("The quake hit at 2:14 a.m. local time on Thursday (0114 GMT)", ref)
    assert quake.span.iso == "2026-11-19"
    (alone,) = find_times("The runway reopened at 23:41.", ref)
    assert alone.kind == "clock" and alone.span.iso == "2026-11-23"  # no day named: the day of writing
    (on_day,) = find_times("The runway reopened at 23:41.", ref, day=halt.span)
    assert on_day.span.iso == "2026-11-21" and on_day.span.text == "at 23:41"  # the day named before
    assert find_times("won by a ratio at 3:1", ref) == []


def test_two_days_are_a_period_only_between_or_from_to() -> None:
    """ "on May 12 and May 22" are two days; "between May 12 and May 22" one period."""
    assert [t.span.iso for t in find_times("votes on May 12 and May 22", REF)] == ["2026-05-12", "2026-05-22"]
    assert [t.span.iso for t in find_times("between May 22 and May 12", REF)] == ["2026-05-22", "2026-05-12"]


def test_a_period_to_a_month_is_not_that_month() -> None:
    # "the six months to August" ends in August; it is not August
    assert [t.span.iso for t in find_times("profit for the six months to August", REF)] == []
