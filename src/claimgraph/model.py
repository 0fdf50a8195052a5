"""Frozen value types passed between the pipeline stages.

No spaCy, rdflib or pyoxigraph object ever appears here, so every stage can be fed by
hand in tests and every value converts to and from plain dicts (``as_dict``/``from_dict``).
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Field = Literal["body", "title"]
Kind = Literal["quantity", "proposal", "attribution", "event", "quote", "headline"]
Modality = Literal["asserted", "reported", "proposed", "predicted", "hypothetical"]
Qualifier = Literal["exact", "about", "over", "under", "at_least", "at_most", "range"]
Severity = Literal["high", "medium", "low"]

KINDS: tuple[str, ...] = ("quantity", "proposal", "attribution", "event", "quote", "headline")
QUALIFIERS: tuple[str, ...] = ("exact", "about", "over", "under", "at_least", "at_most", "range")


def text_checksum(text: str) -> str:
    """SHA-256 of the UTF-8 text, hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Article:
    """One article: its body text, title and where it came from."""

    text: str
    url: str
    title: str = ""
    outlet: str = ""
    published: date | None = None
    retrieved: str | None = None
    language: str = "en"
    source: str = ""  # the file path or URL it was read from
    author: str = ""

    @property
    def checksum(self) -> str:
        return text_checksum(self.title + "\n\n" + self.text)

    def field_text(self, name: Field) -> str:
        return self.title if name == "title" else self.text

    def as_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["published"] = self.published.isoformat() if self.published else None
        d["checksum"] = self.checksum
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        pub = d.get("published")
        names = {f.name for f in dataclasses.fields(cls)}
        kw = {k: v for k, v in d.items() if k in names}
        kw["published"] = date.fromisoformat(pub) if isinstance(pub, str) and pub else pub
        return cls(**kw)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A normalized amount: a value or a low/high interval, a unit and a qualifier.

    ``start``/``end`` are the offsets of the amount's own words in the claim's field.
    """

    text: str
    start: int
    end: int
    unit: str
    qualifier: str = "exact"
    value: float | None = None
    low: float | None = None
    high: float | None = None
    baseline: bool = False  # a comparison baseline ("up from 5% in 2024")

    def bounds(self) -> tuple[float, float]:
        """The (low, high) interval the amount allows, before tolerances."""
        if self.value is not None:
            return (self.value, self.value)
        lo = self.low if self.low is not None else self.high
        hi = self.high if self.high is not None else self.low
        assert lo is not None and hi is not None
        return (lo, hi)


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """A normalized time the claim is about: ISO label, interval and granularity."""

    text: str
    iso: str  # "2026", "2026-05", "2026-Q2", "2025-01/2025-04", "2026-05-14"
    begin: date
    end: date  # inclusive
    granularity: str  # year|quarter|month|day|interval
    relation: str = "at"  # at|by|since|as_of; "context": the reporting period an earlier sentence set


@dataclass(frozen=True, slots=True)
class Claim:
    """A check-worthy statement with its frame; ``text == field_text[start:end]``."""

    article_url: str
    field: str
    start: int
    end: int
    text: str
    kind: str
    quantity: Quantity | None = None
    time: TimeSpan | None = None
    measure: str = ""
    measure_key: str = ""
    subject: str = ""
    scope: str = ""
    condition: str = ""
    claimant: str = ""
    claimant_vague: bool = False
    cited_document: str = ""
    modality: str = "asserted"
    negated: bool = False
    predicate: str = ""  # lemma of the main verb, for polarity checks
    keywords: tuple[str, ...] = ()  # content lemmas of the sentence, for alignment

    @property
    def id(self) -> str:
        """A stable identifier: article, field and span (and the amount when there is one)."""
        q = f"/{self.quantity.start}" if self.quantity else ""
        return f"{self.article_url}#{self.field}-{self.start}-{self.end}{q}"

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        d = dict(d)
        q = d.get("quantity")
        if isinstance(q, dict):
            d["quantity"] = Quantity(**q)
        t = d.get("time")
        if isinstance(t, dict):
            t = dict(t)
            t["begin"] = date.fromisoformat(t["begin"]) if isinstance(t["begin"], str) else t["begin"]
            t["end"] = date.fromisoformat(t["end"]) if isinstance(t["end"], str) else t["end"]
            d["time"] = TimeSpan(**t)
        d["keywords"] = tuple(d.get("keywords", ()))
        return cls(**d)


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """A finding of a detection rule over one or more claims."""

    id: str
    type: str
    claims: tuple[str, ...]
    explanation: str
    severity: str
    story: str = ""

    def as_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["claims"] = list(self.claims)
        return d


@dataclass(frozen=True, slots=True)
class ClaimMatch:
    """Two claims from different articles judged to be about the same thing."""

    a: str
    b: str
    score: float
    features: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What happened to one source during ingest."""

    source: str
    status: Literal["ingested", "unchanged", "updated", "failed"]
    url: str = ""
    claims: int = 0
    error: str = ""


@dataclass(frozen=True, slots=True)
class Report:
    """Every claim and every finding of a store, ready to render."""

    claims: tuple[dict[str, Any], ...] = ()
    discrepancies: tuple[dict[str, Any], ...] = ()
    articles: tuple[dict[str, Any], ...] = ()
    stories: dict[str, list[str]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": list(self.articles),
            "stories": self.stories,
            "claims": list(self.claims),
            "discrepancies": list(self.discrepancies),
        }
