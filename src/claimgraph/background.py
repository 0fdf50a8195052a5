"""Writes that run on a thread of their own while the caller computes what to write next.

Oxigraph loads and updates without holding the GIL, so a full alignment can score the next
stories in Python while the matches of the last ones are written to disk.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from types import TracebackType


class BackgroundWriter:
    """Runs the jobs given to :meth:`put` one after another, in order, on one thread.

    Use it as a context manager: leaving the block waits for every job and raises the first
    error a job raised (the jobs after a failed one are skipped). When the block itself
    raises, the jobs not yet started are skipped. :meth:`put` blocks while ``depth`` jobs are
    waiting, so what is queued stays bounded in memory.
    """

    def __init__(self, depth: int = 2) -> None:
        self._jobs: queue.Queue[Callable[[], object] | None] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._cancelled = False
        self._thread = threading.Thread(target=self._work, name="claimgraph-writer", daemon=True)
        self._thread.start()

    def put(self, job: Callable[[], object]) -> None:
        """Queue a job; raises at once the error of a job that already failed."""
        if self._error is not None:
            raise self._error
        self._jobs.put(job)

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            if self._error is None and not self._cancelled:
                try:
                    job()
                except BaseException as e:  # handed to the caller's thread
                    self._error = e

    def __enter__(self) -> BackgroundWriter:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is not None:
            self._cancelled = True
        self._jobs.put(None)
        self._thread.join()
        if exc_type is None and self._error is not None:
            raise self._error
