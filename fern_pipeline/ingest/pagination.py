"""Follows a paginated endpoint: Link rel="next" or a top-level "next" URL, same origin, bounded pages."""

import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urljoin, urlsplit

from fern_pipeline.errors import Category, FetchFailed
from fern_pipeline.ingest.body import Body
from fern_pipeline.ingest.checked import Rejected
from fern_pipeline.ingest.fetch import fetch
from fern_pipeline.ingest.fetched import Fetched
from fern_pipeline.ingest.limits import ProgressCallback
from fern_pipeline.ingest.split import Split, split
from fern_pipeline.redact import SecretUrl


@dataclass(frozen=True)
class Page:
    """One page of a fetch: where it came from and its conversations."""

    number: int
    http_status: int | None
    bytes: int
    #: The page's body, which its raw conversations are slices of.
    body: Body
    conversations: Split


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.rsplit("@", 1)[-1].lower()


def _next_url(url: SecretUrl, fetched: Fetched, following: Any) -> SecretUrl | None:
    """The next page's URL from the Link header, else from the document's top-level ``next`` string."""
    if fetched.next_url is not None:
        return SecretUrl.of(fetched.next_url)
    if isinstance(following, str) and following:
        return SecretUrl.of(urljoin(url.value, following))
    return None


def pages(
    url: SecretUrl | str,
    *,
    headers: Mapping[str, str],
    timeout: float,
    max_bytes: int,
    max_pages: int,
    on_progress: ProgressCallback | None = None,
    on_page: Callable[[int], None] | None = None,
) -> Iterator[Page]:
    """Fetch ``url`` and the pages it links to, sharing one deadline and one size budget.

    ``on_page`` is told each page's number as its fetch starts (``on_progress``, its bytes as they come).

    A next page on another origin, a loop, or more than ``max_pages`` pages fail the whole fetch:
    loading only some pages would let an incremental cursor pass data that was never loaded.
    """
    current = SecretUrl.of(url)
    deadline = Deadline(timeout)
    seen = {current.value}
    received = 0
    for number in range(1, max_pages + 1):
        if on_page is not None:
            on_page(number)
        fetched = fetch(
            current,
            headers=headers,
            timeout=deadline.remaining(current.shown),
            max_bytes=max_bytes - received,
            on_progress=on_progress,
        )
        received += len(fetched.body)
        page_url, size, status = fetched.url, len(fetched.body), fetched.http_status
        try:
            conversations = split(fetched.body, url=page_url, content_type=fetched.content_type)
        except FetchFailed as failure:
            failure.http_status = failure.http_status or status  # the answer whose body is unreadable
            raise
        following = _next_url(current, fetched, conversations.next)
        yield Page(number, status, size, fetched.body, conversations)
        del fetched, conversations
        if following is None:
            return
        if _origin(following.value) != _origin(current.value):
            message = f"page {number} links its next page to {following.shown}, another origin,"
            message += " which is not followed"
            raise FetchFailed(Category.INVALID_FORMAT, message, url=page_url)
        if following.value in seen:
            message = f"page {number} links back to {following.shown}: the pagination loops"
            raise FetchFailed(Category.INVALID_FORMAT, message, url=page_url)
        seen.add(following.value)
        current = following
    message = f"{current.shown} has more than {max_pages} pages (the source's max_pages setting allows more)"
    raise FetchFailed(Category.TOO_LARGE, message, url=current.shown)


class Deadline:
    """The time left of one fetch across all its pages."""

    def __init__(self, timeout: float) -> None:
        self._timeout = timeout
        self._end = time.monotonic() + timeout

    def remaining(self, shown: str) -> float:
        """Seconds left, or ``timeout`` failure when none are."""
        left = self._end - time.monotonic()
        if left <= 0:
            raise FetchFailed(
                Category.TIMEOUT,
                f"no complete answer from {shown} within the {self._timeout:g} s timeout (all pages)",
                url=shown,
            )
        return left


def latest_versions(keys: list[str | None], origins: list[tuple[int, int]]) -> list[int]:
    """Positions of the conversations to keep: a later page sending one again replaces it (pages shift).

    Repeats within one page are left for the format check, which rejects them as duplicates.
    """
    last_page: dict[str, int] = {}
    for key, (page, _) in zip(keys, origins, strict=True):
        if key is not None:
            last_page[key] = page
    return [
        position
        for position, (key, (page, _)) in enumerate(zip(keys, origins, strict=True))
        if key is None or last_page[key] == page
    ]


def relocate(rejected: Rejected, origins: list[tuple[int, int]]) -> Rejected:
    """Point a rejection of the combined pages back into its own page: ``/conversations/<index there>``."""
    page, index = origins[rejected.index]
    prefix = f"/conversations/{rejected.index}"
    errors = tuple(
        replace(
            error,
            path=f"/conversations/{index}{error.path.removeprefix(prefix)}",
            message=f"page {page}: {error.message}",
        )
        for error in rejected.errors
    )
    return Rejected(rejected.index, rejected.item, errors)
