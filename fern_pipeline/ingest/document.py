"""The document's root: a body parsed as JSON, and its ``conversations`` array, or the fetch fails."""

from typing import Any

import orjson

from fern_pipeline.errors import Category, FetchFailed, FormatError
from fern_pipeline.ingest.conversation import missing, type_name

UTF8_BOM = b"\xef\xbb\xbf"


def parse_json(body: bytes, *, url: str, content_type: str | None = None) -> Any:
    """Parse a response body as JSON (a UTF-8 byte-order mark is tolerated), or fail as ``invalid_json``."""
    try:
        return orjson.loads(body.removeprefix(UTF8_BOM))
    except orjson.JSONDecodeError as error:
        reason = "the body is empty" if not body.strip() else str(error.args[0])
        sent = f" (the server sent {content_type})" if content_type and "json" not in content_type else ""
        raise FetchFailed(
            Category.INVALID_JSON, f"the response from {url} is not valid JSON{sent}: {reason}", url=url
        ) from None


def conversations_of(document: Any, *, url: str) -> list[Any]:
    """The ``conversations`` array of a parsed document, or ``invalid_format`` when the root is wrong."""
    if not isinstance(document, dict):
        error = FormatError(
            "",
            "wrong_type",
            f'the document must be an object with "conversations", not {type_name(document)}',
        )
        raise FetchFailed(Category.INVALID_FORMAT, f"{url}: {error.message}", url=url, errors=(error,))
    if "conversations" not in document:
        error = missing("", "conversations")
        raise FetchFailed(Category.INVALID_FORMAT, f"{url}: {error.message}", url=url, errors=(error,))
    items = document["conversations"]
    if not isinstance(items, list):
        error = FormatError(
            "/conversations", "wrong_type", f"conversations must be an array, not {type_name(items)}"
        )
        raise FetchFailed(Category.INVALID_FORMAT, f"{url}: {error.message}", url=url, errors=(error,))
    return items
