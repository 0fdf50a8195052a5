"""The background writer: jobs in order, errors handed back, nothing run after a failure."""

from __future__ import annotations

import threading

import pytest

from claimgraph.background import BackgroundWriter


def test_jobs_run_in_order_on_another_thread() -> None:
    done: list[tuple[int, str]] = []
    with BackgroundWriter(depth=1) as w:
        for i in range(20):
            w.put(lambda i=i: done.append((i, threading.current_thread().name)))
    assert [i for i, _ in done] == list(range(20))
    assert {name for _, name in done} == {"claimgraph-writer"}


def test_a_failed_job_is_raised_and_the_later_ones_are_skipped() -> None:
    done: list[int] = []

    def fail() -> None:
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"), BackgroundWriter() as w:
        w.put(lambda: done.append(1))
        w.put(fail)
        w.put(lambda: done.append(2))
    assert done == [1]


def test_an_error_in_the_block_skips_the_jobs_not_started() -> None:
    started = threading.Event()
    release = threading.Event()
    done: list[int] = []

    def first() -> None:
        started.set()
        release.wait(5)
        done.append(1)

    with pytest.raises(ValueError, match="scoring failed"), BackgroundWriter(depth=4) as w:
        w.put(first)
        w.put(lambda: done.append(2))
        started.wait(5)
        threading.Timer(0.2, release.set).start()  # the first job ends after the block has failed
        raise ValueError("scoring failed")
    assert done == [1]
