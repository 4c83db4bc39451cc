"""A body fetched whole, within the limits, and where it came from."""

from dataclasses import dataclass

from fern_pipeline.ingest.body import Body


@dataclass(frozen=True)
class Fetched:
    """A body fetched whole, within the limits."""

    body: Body
    #: None for ``file://``.
    http_status: int | None
    content_type: str | None
    #: The final URL, after redirects, with its secrets redacted.
    url: str
    attempts: int
    #: The absolute URL of the next page from an RFC 8288 ``Link: <…>; rel="next"`` header, as sent:
    #: it may carry credentials, so it is never shown.
    next_url: str | None = None
