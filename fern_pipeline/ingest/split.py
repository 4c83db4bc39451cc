"""A response body → its conversations as raw JSON slices, found by msgspec without building them.

msgspec checks the whole document's syntax while it skips over each conversation, in a tenth of the
time a full parse takes and without a Python object per value; the conversations are decoded later,
a batch at a time. Whatever msgspec refuses at this level (a wrong root, a body nested deeper than
it reads) is parsed whole by :mod:`fern_pipeline.ingest.document` instead, so the error a user sees, and
what is accepted, is the same as there.
"""

import codecs
from dataclasses import dataclass
from typing import Any

import msgspec

from fern_pipeline.ingest.body import Body
from fern_pipeline.ingest.conversation import conversation_key, identifier_key
from fern_pipeline.ingest.document import UTF8_BOM, conversations_of, parse_json

#: Bytes of a non-ASCII body decoded at a time to prove it is UTF-8 (msgspec does not, where it skips).
UTF8_CHECK_CHUNK = 1 << 20


_ROOT = msgspec.json.Decoder(dict[str, msgspec.Raw])
_CONVERSATIONS = msgspec.json.Decoder(list[msgspec.Raw])


class _Head(msgspec.Struct):
    """A conversation's id, the rest skipped."""

    id: Any = None


_HEAD = msgspec.json.Decoder(_Head)


@dataclass(frozen=True)
class Split:
    """A document's conversations, their ids, and its top-level ``next`` value."""

    #: Each conversation as a :class:`msgspec.Raw` slice of the body (parsed where msgspec refused the body).
    items: list[Any]
    #: Each conversation's id as :func:`~fern_pipeline.ingest.conversation.conversation_key` reads it.
    keys: list[str | None]
    next: Any


def _raw_key(raw: msgspec.Raw) -> str | None:
    try:
        return identifier_key(_HEAD.decode(raw).id)
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
        return None


def _is_utf8(view: memoryview) -> bool:
    """Whether ``view`` is UTF-8, decoded a chunk at a time (a sequence cut by a chunk's end waits)."""
    pending = b""
    try:
        for start in range(0, len(view), UTF8_CHECK_CHUNK):
            chunk = view[start : start + UTF8_CHECK_CHUNK]
            if pending:
                chunk = memoryview(pending + chunk.tobytes())
            _, used = codecs.utf_8_decode(chunk, "strict", False)
            pending = chunk[used:].tobytes()
    except UnicodeDecodeError:
        return False
    return not pending


def split(body: Body, *, url: str, content_type: str | None = None) -> Split:
    """The conversations of ``body``; FetchFailed (``invalid_json``, ``invalid_format``) as in document.py.

    The body's pages are released once it is split (see :class:`~fern_pipeline.ingest.body.Body`).
    """
    view = body.view()
    if view[: len(UTF8_BOM)] == UTF8_BOM:
        view = view[len(UTF8_BOM) :]
    try:
        if _is_utf8(view):
            root = _ROOT.decode(view)
            items = _CONVERSATIONS.decode(root.pop("conversations"))
            # The root's other values are small: read whole, a number out of range fails here as in orjson.
            others = {name: msgspec.json.decode(value) for name, value in root.items()}
            return Split(items, [_raw_key(raw) for raw in items], others.get("next"))
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError, KeyError):
        pass
    finally:
        body.release()
    document = parse_json(bytes(body), url=url, content_type=content_type)
    items = conversations_of(document, url=url)
    return Split(items, [conversation_key(item) for item in items], document.get("next"))
