"""Provenance helpers: which software extracted a graph, and finding a quoted span again.

A claim's W3C Web Annotation ``TextQuoteSelector`` keeps the exact words with a little context
on each side (``prefix``/``suffix``). :func:`find_quote` uses them to locate the claim in a
re-fetched copy of the article whose offsets have moved, the way a Web Annotation client
re-anchors a quote.

>>> find_quote("Later: the dam held. Earlier: the dam held.", "the dam held", prefix="Earlier: ")
(30, 42)
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata
from typing import Any

__all__ = ["CONTEXT_CHARS", "ModelInfo", "find_quote", "model_info", "quote_context"]

CONTEXT_CHARS = 32
"""How many characters of text before and after a claim its TextQuoteSelector keeps."""


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """The NLP model that extracted claims: its package name and version, and spaCy's version."""

    name: str
    version: str
    spacy_version: str = ""


def model_info(nlp: Any) -> ModelInfo:
    """The :class:`ModelInfo` of a loaded spaCy pipeline (read from ``nlp.meta``)."""
    meta = getattr(nlp, "meta", {}) or {}
    try:
        spacy_version = metadata.version("spacy")
    except metadata.PackageNotFoundError:  # a stand-in pipeline in tests
        spacy_version = ""
    return ModelInfo(
        name=f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}",
        version=str(meta.get("version", "")),
        spacy_version=spacy_version,
    )


def quote_context(text: str, start: int, end: int, n: int = CONTEXT_CHARS) -> tuple[str, str]:
    """The ``(prefix, suffix)`` of ``text[start:end]``: up to ``n`` characters on each side."""
    return text[max(0, start - n) : start], text[end : end + n]


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < len(a) and n < len(b) and a[n] == b[n]:
        n += 1
    return n


def find_quote(
    text: str, exact: str, prefix: str = "", suffix: str = "", *, near: int | None = None
) -> tuple[int, int] | None:
    """Where ``exact`` occurs in ``text``, disambiguated by its prefix and suffix.

    Every occurrence of ``exact`` is scored by how many characters of ``prefix`` end right
    before it and how many of ``suffix`` start right after it; the best-scoring occurrence
    wins, and ties go to the one nearest ``near`` (the old start offset, when known).

    Returns:
        ``(start, end)`` offsets into ``text``, or ``None`` when ``exact`` no longer occurs.
    """
    if not exact:
        return None
    best: tuple[int, int, int] | None = None  # (-score, distance, start)
    i = text.find(exact)
    while i >= 0:
        score = _common_suffix(text[max(0, i - len(prefix)) : i], prefix) + _common_prefix(
            text[i + len(exact) : i + len(exact) + len(suffix)], suffix
        )
        key = (-score, abs(i - near) if near is not None else 0, i)
        if best is None or key < best:
            best = key
        i = text.find(exact, i + 1)
    return None if best is None else (best[2], best[2] + len(exact))
