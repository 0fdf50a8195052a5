"""The exception tree of claimgraph.

    ClaimgraphError
    ├── ConfigError (also ValueError)
    ├── SourceError            a file or URL could not be read as an article (.source, .reason, .kind)
    ├── ExtractionError        extraction failed on an article (.article_id)
    ├── GraphError             the store could not be opened or written
    ├── QueryError             a SPARQL query did not parse or failed (also ValueError)
    └── GoldError              a gold file is malformed (also ValueError)

Every error says what went wrong, where, and what to do next.
"""

from __future__ import annotations


class ClaimgraphError(Exception):
    """Base of every error claimgraph raises on purpose."""


class ConfigError(ClaimgraphError, ValueError):
    """A setting or option has a value claimgraph cannot use."""


class SourceError(ClaimgraphError):
    """A source could not be turned into an article.

    ``kind`` names the failure for tools and summaries: ``http`` (an error status), ``timeout``,
    ``network``, ``too_large``, ``redirects``, ``robots``, ``not_html``, ``encoding``, ``empty``,
    ``not_article``, ``feed`` (a feed or sitemap that cannot be read), ``file``, ``internal``
    (a bug, reported rather than crashing the batch) or ``interrupted`` (the run was stopped).
    """

    def __init__(self, message: str, *, source: str, kind: str = "") -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.reason = message
        self.kind = kind


class ExtractionError(ClaimgraphError):
    """Claim extraction failed for an article."""

    def __init__(self, message: str, *, article_id: str) -> None:
        super().__init__(f"{article_id}: {message}")
        self.article_id = article_id


class GraphError(ClaimgraphError):
    """The store could not be opened, read or written."""


class QueryError(ClaimgraphError, ValueError):
    """A SPARQL query is malformed or failed to run."""


class GoldError(ClaimgraphError, ValueError):
    """A gold file does not follow docs/gold-format.md."""
