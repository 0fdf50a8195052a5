"""Fixtures for the report, endpoint, server and browser tests.

One corpus story is ingested once per session (spaCy is the slow part); its store is then
served by a real ``python -m claimgraph serve`` process, which owns the folder until the
session ends. Tests that need a store of their own load the story's N-Quads dump.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from pyoxigraph import RdfFormat, Store

from claimgraph.model import Report

from ..conftest import CORPUS, ROOT

STORY = CORPUS / "ai-self-improvement"
ARTIFACTS = ROOT / "test-artifacts"


@dataclass(frozen=True)
class StoryStore:
    """The ingested story: its folder, its report and what the HTML page needs, and a dump."""

    path: Path
    report: Report
    texts: dict[str, tuple[str, str]]
    matches: list[tuple[str, str]]
    nquads: Path

    def copy(self, folder: Path) -> Path:
        """A new on-disk store at ``folder`` holding the same quads."""
        store = Store(str(folder))
        store.bulk_load(path=str(self.nquads), format=RdfFormat.N_QUADS)
        store.flush()
        del store
        gc.collect()
        return folder


@pytest.fixture(scope="session")
def story_store(nlp: Any, tmp_path_factory: pytest.TempPathFactory) -> StoryStore:
    from claimgraph.pipeline import ingest
    from claimgraph.report import article_texts, build_report, claim_matches
    from claimgraph.store import open_store

    base = tmp_path_factory.mktemp("story")
    path = base / "store"
    store = open_store(path)
    results = ingest(store, [STORY], nlp=nlp)
    assert [r.status for r in results] == ["ingested"] * 3
    report = build_report(store)
    texts, matches = article_texts(store), claim_matches(store)
    nquads = base / "story.nq"
    store.dump(str(nquads), format=RdfFormat.N_QUADS)
    del store  # closes the folder so that the server process can own it
    gc.collect()
    return StoryStore(path, report, texts, matches, nquads)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """``test-artifacts/`` (git-ignored): screenshots and load-test figures land here."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Served:
    """A running server process: its base URL (ending in '/'), its process and its log file."""

    url: str
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def sparql(self) -> str:
        return self.url + "sparql"

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def wait_ready(url: str, process: subprocess.Popen[bytes], log: Path, timeout: float = 60.0) -> None:
    """Poll ``url`` until it answers 200, the process dies, or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url, timeout=2).status_code == 200:
                return
        time.sleep(0.1)
    pytest.fail(f"the server did not answer {url} within {timeout} s:\n{log.read_text(errors='replace')}")


def stop(process: subprocess.Popen[bytes]) -> int:
    """SIGTERM, then SIGKILL if it has not stopped within 15 s; the exit code."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    return process.returncode


@contextlib.contextmanager
def serve_process(store: Path, log: Path, *options: str) -> Iterator[Served]:
    """``python -m claimgraph --store STORE serve`` on a free loopback port, stopped afterwards."""
    port = free_port()
    cmd = [sys.executable, "-m", "claimgraph", "--store", str(store), "serve", "--host", "127.0.0.1"]
    cmd += ["--port", str(port), "--no-access-log", *options]
    with log.open("wb") as out:
        process = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT, env=dict(os.environ))
    served = Served(f"http://127.0.0.1:{port}/", process, log)
    try:
        wait_ready(served.url + "health", process, log)
        yield served
    finally:
        stop(process)


@contextlib.contextmanager
def app_in_thread(app: Any) -> Iterator[httpx.Client]:
    """Serve an ASGI app with uvicorn in a thread on a free loopback port; a client for it."""
    import threading

    import uvicorn

    config = uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="uvicorn-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.02)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{config.port}", timeout=30) as client:
            yield client
    finally:
        server.should_exit = True
        thread.join(timeout=15)


@pytest.fixture(scope="session")
def server(story_store: StoryStore, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The story's store, served read-only with the default limits."""
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with serve_process(story_store.path, log) as served:
        yield served
