from __future__ import annotations

from datetime import date

import pytest

from claimgraph.extract.timex import find_times

REF = date(2026, 6, 13)  # a Saturday


@pytest.mark.parametrize(
    ("text", "iso", "granularity"),
    [
        ("as of May 2026", "2026-05", "month"),
        ("in Q2 2026", "2026-Q2", "quarter"),
        ("in the second quarter", "2026-Q2", "quarter"),
        ("early 2025", "2025-01/2025-04", "interval"),
        ("late 2025", "2025-09/2025-12", "interval"),
        ("the first half of 2026", "2026-01/2026-06", "interval"),
        ("last year", "2025", "year"),
        ("by 2027", "2027", "year"),
        ("on Tuesday", "2026-06-09", "day"),
        ("on 14 May 2026", "2026-05-14", "day"),
        ("this week", "2026-W24", "week"),
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
