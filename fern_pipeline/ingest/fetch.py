"""One HTTP or file fetch with a deadline, a size cap and retries: the body, or FetchFailed."""

import time
from collections.abc import Mapping
from urllib.parse import urlsplit

from fern_pipeline.errors import Category, FetchFailed
from fern_pipeline.ingest.fetched import Fetched
from fern_pipeline.ingest.files import fetch_file
from fern_pipeline.ingest.http import HTTP_SCHEMES, fetch_http
from fern_pipeline.ingest.limits import Limits, ProgressCallback
from fern_pipeline.redact import SecretUrl

__all__ = ["Fetched", "ProgressCallback", "fetch"]


def fetch(
    url: SecretUrl | str,
    *,
    headers: Mapping[str, str],
    timeout: float,
    max_bytes: int,
    on_progress: ProgressCallback | None = None,
) -> Fetched:
    """Fetch ``url`` (http, https or file) whole within ``timeout`` seconds and ``max_bytes``, or raise.

    ``headers`` go only to the origin of ``url``: a redirect elsewhere drops them, as they may carry tokens.
    Connection failures, 5xx and 429 answers are retried with backoff while the deadline allows.
    """
    target = SecretUrl.of(url)
    limits = Limits(timeout, time.monotonic() + timeout, max_bytes, on_progress)
    scheme = urlsplit(target.value).scheme.lower()
    if scheme == "file":
        return fetch_file(target, limits)
    if scheme not in HTTP_SCHEMES:
        raise FetchFailed(
            Category.UNREACHABLE,
            f"{target.shown} has the unsupported URL scheme {scheme or '(none)'!r}: "
            "use http://, https:// or file://",
            url=target.shown,
        )
    return fetch_http(target, headers, limits)
