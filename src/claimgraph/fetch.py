"""The fetch stage: URLs -> response bodies, politely and within limits.

The only module that touches the network. :class:`Fetcher` wraps one :class:`httpx.Client`
and adds what a newsroom crawler needs and httpx leaves to its caller:

- bounded retries with exponential backoff on 429, 5xx, timeouts and network errors,
  honouring ``Retry-After`` (seconds or an HTTP date) up to a limit;
- redirects followed by hand, so that robots.txt is checked at every hop and a loop is
  reported as a loop;
- a maximum body size enforced while streaming (after gzip/brotli decoding), so a 50 MB
  page or a compression bomb is dropped after the first bytes over the limit;
- conditional requests (``If-None-Match``/``If-Modified-Since``) from stored validators;
- robots.txt (RFC 9309, parsed by Protego) for the ``claimgraph`` product token, fetched
  once per origin and run.

Every failure is a :class:`~claimgraph.errors.SourceError` with a ``kind`` and a reason that
says what happened ("HTTP 404 Not Found", "timed out: no data for 20 s (read timeout), after
4 attempts", "too large: ..."). A :class:`Fetcher` is safe to share between threads.
"""

from __future__ import annotations

import dataclasses
import logging
import random
import re
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from . import __version__
from .errors import SourceError

log = logging.getLogger("claimgraph.fetch")

USER_AGENT = (
    f"claimgraph/{__version__} (news claim extraction for newsrooms; respects robots.txt; "
    "+https://github.com/claimgraph/claimgraph)"
)
ROBOTS_TOKEN = "claimgraph"
ACCEPT = (
    "text/html,application/xhtml+xml;q=0.9,application/rss+xml;q=0.8,application/atom+xml;q=0.8,"
    "application/xml;q=0.7,text/xml;q=0.7,*/*;q=0.1"
)
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309 asks parsers to read at least 500 KiB


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How to fetch: timeouts, retries, limits and manners.

    >>> FetchSettings(read_timeout=5, retries=1).max_bytes
    20971520
    """

    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # the longest wait for the next bytes of a response
    total_timeout: float = 120.0  # the longest one response may take, however it trickles in
    retries: int = 3  # further attempts after the first, on 429/5xx, timeouts and network errors
    backoff: float = 1.0  # the wait before the first retry; it doubles each time, with jitter
    max_backoff: float = 30.0
    max_retry_after: float = 120.0  # a longer Retry-After fails the item rather than stall the run
    max_redirects: int = 10
    max_bytes: int = 20 * 1024 * 1024
    user_agent: str = USER_AGENT
    respect_robots: bool = True
    trust_env: bool = True  # proxy and certificate settings from the environment


@dataclass(frozen=True, slots=True)
class Validators:
    """What a server said last time, for a conditional request."""

    etag: str = ""
    last_modified: str = ""

    def __bool__(self) -> bool:
        return bool(self.etag or self.last_modified)

    def headers(self) -> dict[str, str]:
        h = {}
        if self.etag:
            h["If-None-Match"] = self.etag
        if self.last_modified:
            h["If-Modified-Since"] = self.last_modified
        return h


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response: 200 with its body, or 304 (not modified) with none."""

    url: str  # as requested
    final_url: str  # after redirects
    status: int
    content: bytes
    content_type: str = ""  # media type, lower case, without parameters
    charset: str | None = None  # as declared in Content-Type
    etag: str = ""
    last_modified: str = ""
    language: str = ""  # Content-Language
    retrieved: datetime | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def validators(self) -> Validators:
        return Validators(self.etag, self.last_modified)


class _Retryable(Exception):
    """A failure worth another attempt (429/5xx, timeout, network)."""

    def __init__(self, message: str, *, kind: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind
        self.retry_after = retry_after


@dataclass(frozen=True, slots=True)
class _Redirect:
    location: str
    status: int


def make_client(settings: FetchSettings | None = None, *, connections: int = 8) -> httpx.Client:
    """An :class:`httpx.Client` configured from ``settings`` (redirects are left to the Fetcher)."""
    s = settings or FetchSettings()
    return httpx.Client(
        timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout),
        follow_redirects=False,
        limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
        headers={"User-Agent": s.user_agent, "Accept": ACCEPT},
        trust_env=s.trust_env,
    )


def normalize_url(url: str) -> str:
    """Scheme and host in lower case, no fragment, ``/`` for an empty path."""
    parts = urlsplit(url.strip())
    path = parts.path or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def is_web_url(s: str) -> bool:
    return bool(re.match(r"^https?://[^\s/?#]+", s.strip(), re.I))


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date).

    >>> parse_retry_after("120")
    120.0
    >>> parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=datetime(2015, 10, 21, 7, 27, tzinfo=UTC))
    60.0
    >>> parse_retry_after("soon") is None
    True
    """
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _media_type(header: str) -> tuple[str, str | None]:
    media = header.split(";", 1)[0].strip().lower()
    m = re.search(r"""charset\s*=\s*["']?([^"';\s]+)""", header, re.I)
    return media, (m.group(1) if m else None)


class Fetcher:
    """Fetch URLs through one client with retries, limits, conditional requests and robots.txt.

    Args:
        settings: Timeouts, retries, limits; defaults to :class:`FetchSettings`.
        client: An :class:`httpx.Client` to use (it is not closed by :meth:`close`); by
            default one is made with :func:`make_client`.
        stop: When set, waits are cut short and further requests refused, so that an
            interrupted run ends promptly.
    """

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        client: httpx.Client | None = None,
        connections: int = 8,
        stop: threading.Event | None = None,
    ) -> None:
        self.settings = settings or FetchSettings()
        self._own_client = client is None
        self.client = client or make_client(self.settings, connections=connections)
        self.stop = stop or threading.Event()
        self._robots: dict[str, Any] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._own_client:
            self.client.close()

    # -- public ---------------------------------------------------------------------------

    def fetch(self, url: str, *, validators: Validators | None = None) -> Fetched:
        """GET ``url``, following redirects; a 304 comes back as ``Fetched(status=304)``.

        Raises:
            SourceError: with ``kind`` one of ``http``, ``timeout``, ``network``,
                ``too_large``, ``redirects``, ``robots``, ``interrupted``.
        """
        return self._fetch(url, validators=validators, check_robots=self.settings.respect_robots)

    # -- internals ------------------------------------------------------------------------

    def _fetch(
        self,
        url: str,
        *,
        validators: Validators | None,
        check_robots: bool,
        max_bytes: int | None = None,
        source: str | None = None,
        max_redirects: int | None = None,
    ) -> Fetched:
        src = source or url
        if not is_web_url(url):
            raise SourceError("not an http(s) URL", source=src, kind="network")
        hops = [url]
        limit = self.settings.max_redirects if max_redirects is None else max_redirects
        current = url
        while True:
            if check_robots:
                self._check_robots(current, src)
            got = self._get_with_retries(current, validators, src, max_bytes or self.settings.max_bytes)
            if isinstance(got, Fetched):
                return dataclasses.replace(got, url=url, final_url=current)
            nxt = urljoin(current, got.location.strip())
            nxt = urlunsplit(urlsplit(nxt)._replace(fragment=""))
            if not is_web_url(nxt):
                raise SourceError(
                    f"redirected (HTTP {got.status}) to {nxt!r}, which is not an http(s) URL",
                    source=src,
                    kind="redirects",
                )
            if nxt in hops:
                chain = " -> ".join([*hops[hops.index(nxt) :], nxt])
                raise SourceError(f"redirect loop: {chain}", source=src, kind="redirects")
            if len(hops) > limit:
                raise SourceError(
                    f"too many redirects (more than {limit}), last to {nxt}", source=src, kind="redirects"
                )
            log.debug("%s: HTTP %s redirect to %s", src, got.status, nxt)
            hops.append(nxt)
            current = nxt

    def _get_with_retries(
        self, url: str, validators: Validators | None, source: str, max_bytes: int
    ) -> Fetched | _Redirect:
        s = self.settings
        headers = validators.headers() if validators else {}
        attempt = 0
        while True:
            if self.stop.is_set():
                raise SourceError("interrupted", source=source, kind="interrupted")
            try:
                return self._get_once(url, headers, source, max_bytes)
            except _Retryable as r:
                attempt += 1
                if r.retry_after is not None and r.retry_after > s.max_retry_after:
                    raise SourceError(
                        f"{r.message}: the server asks to retry after {r.retry_after:.0f} s, "
                        f"longer than the {s.max_retry_after:.0f} s limit; try again later "
                        "with --retry-failed",
                        source=source,
                        kind=r.kind,
                    ) from None
                if attempt > s.retries:
                    tries = f", after {attempt} attempts" if attempt > 1 else ""
                    raise SourceError(f"{r.message}{tries}", source=source, kind=r.kind) from None
                delay = (
                    r.retry_after
                    if r.retry_after is not None
                    else min(s.max_backoff, s.backoff * 2 ** (attempt - 1)) * random.uniform(0.75, 1.25)
                )
                log.info("%s: %s; retrying in %.1f s (attempt %d)", source, r.message, delay, attempt + 1)
                if self.stop.wait(delay):
                    raise SourceError("interrupted", source=source, kind="interrupted") from None

    def _get_once(
        self, url: str, headers: dict[str, str], source: str, max_bytes: int
    ) -> Fetched | _Redirect:
        start = time.monotonic()
        try:
            with self.client.stream("GET", url, headers=headers) as r:
                status = r.status_code
                phrase = f"HTTP {status} {r.reason_phrase}".rstrip()
                if status in REDIRECT_STATUSES and "location" in r.headers:
                    return _Redirect(r.headers["location"], status)
                if status in RETRY_STATUSES:
                    raise _Retryable(
                        phrase, kind="http", retry_after=parse_retry_after(r.headers.get("retry-after"))
                    )
                if status == 304 and "If-None-Match" not in headers and "If-Modified-Since" not in headers:
                    raise SourceError(
                        "HTTP 304 to a request that was not conditional", source=source, kind="http"
                    )
                if status >= 400 or (status >= 300 and status != 304):
                    raise SourceError(phrase, source=source, kind="http")
                media, charset = _media_type(r.headers.get("content-type", ""))
                declared = r.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise SourceError(
                        f"too large: the server announces {int(declared):,} bytes, over the "
                        f"{max_bytes:,}-byte limit; nothing was downloaded",
                        source=source,
                        kind="too_large",
                    )
                body = bytearray()
                if status != 304:
                    for chunk in r.iter_bytes():
                        body += chunk
                        if len(body) > max_bytes:
                            raise SourceError(
                                f"too large: the body passed the {max_bytes:,}-byte limit while "
                                "downloading; the download was stopped",
                                source=source,
                                kind="too_large",
                            )
                        if time.monotonic() - start > self.settings.total_timeout:
                            raise _Retryable(
                                f"timed out: the response took over {self.settings.total_timeout:g} s",
                                kind="timeout",
                            )
                return Fetched(
                    url=url,
                    final_url=url,
                    status=status,
                    content=bytes(body),
                    content_type=media,
                    charset=charset,
                    etag=r.headers.get("etag", ""),
                    last_modified=r.headers.get("last-modified", ""),
                    language=r.headers.get("content-language", "").split(",")[0].strip(),
                    retrieved=datetime.now(UTC).replace(microsecond=0),
                )
        except httpx.TimeoutException as e:
            raise _Retryable(self._timeout_message(e), kind="timeout") from None
        except httpx.DecodingError as e:
            raise SourceError(
                f"the compressed body is corrupt ({e})", source=source, kind="network"
            ) from None
        except httpx.TransportError as e:
            raise _Retryable(f"network error: {e or e.__class__.__name__}", kind="network") from None

    def _timeout_message(self, e: httpx.TimeoutException) -> str:
        s = self.settings
        if isinstance(e, httpx.ConnectTimeout):
            return f"timed out connecting ({s.connect_timeout:g} s connect timeout)"
        if isinstance(e, httpx.ReadTimeout):
            return f"timed out: no data for {s.read_timeout:g} s (read timeout)"
        if isinstance(e, httpx.PoolTimeout):
            return "timed out waiting for a free connection"
        return f"timed out ({e.__class__.__name__})"

    # -- robots.txt -----------------------------------------------------------------------

    def _check_robots(self, url: str, source: str) -> None:
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        with self._lock:
            lock = self._robots_locks.setdefault(origin, threading.Lock())
        with lock:
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin, source)
        rules = self._robots[origin]
        robots_url = origin + "/robots.txt"
        if isinstance(rules, str):
            raise SourceError(
                f"robots.txt could not be read ({rules}), so the site is treated as disallowed; "
                "pass --ignore-robots to fetch anyway",
                source=source,
                kind="robots",
            )
        if rules is not None and not rules.can_fetch(url, ROBOTS_TOKEN):
            raise SourceError(
                f"blocked by robots.txt ({robots_url} disallows this URL for {ROBOTS_TOKEN}); "
                "pass --ignore-robots to fetch it anyway",
                source=source,
                kind="robots",
            )

    def _load_robots(self, origin: str, source: str) -> Any:
        """Protego rules, None (allow all), or a reason string (disallow all), per RFC 9309."""
        from protego import Protego

        robots_url = origin + "/robots.txt"
        try:
            got = self._fetch(
                robots_url,
                validators=None,
                check_robots=False,
                max_bytes=ROBOTS_MAX_BYTES,
                source=robots_url,
                max_redirects=5,
            )
        except SourceError as e:
            if e.kind == "interrupted":
                raise SourceError("interrupted", source=source, kind="interrupted") from None
            status = re.match(r"HTTP (\d+)", e.reason)
            if e.kind == "http" and status and 400 <= int(status.group(1)) < 500:
                return None  # "unavailable": no rules, everything allowed
            log.warning("%s: %s", robots_url, e.reason)
            return e.reason  # "unreachable": assume complete disallow
        text = got.content.decode("utf-8", errors="replace")
        return Protego.parse(text)


def fetch(
    url: str,
    *,
    client: httpx.Client | None = None,
    settings: FetchSettings | None = None,
    validators: Validators | None = None,
) -> Fetched:
    """Fetch one URL (see :class:`Fetcher`); for many URLs keep one Fetcher instead."""
    with Fetcher(settings, client=client) as f:
        return f.fetch(url, validators=validators)
