"""A fetch's conversations checked a batch at a time: msgspec's typed decode first, the full check next."""

from collections.abc import Iterator, Sequence
from typing import Any

import msgspec

from fern_pipeline.errors import Category, FetchFailed
from fern_pipeline.ingest.check import check_items, duplicated_keys
from fern_pipeline.ingest.checked import CheckedDocument, ConversationColumns, MessageColumns
from fern_pipeline.ingest.fast_check import append_if_well_formed

#: JSON bytes of conversations per batch: a batch's rows stay a few tens of MB at any payload size,
#: and the fixed cost of validating and inserting a batch stays small beside its rows (8 and 32 MB
#: were both slower at 200,000 messages; 32 MB also took 100 MiB more).
BATCH_BYTES = 16 << 20


class ParsedItems(Sequence[Any]):
    """The items of a fetch as Python values, raw ones decoded when asked for (to check or reject them)."""

    def __init__(self, items: Sequence[Any], url: str) -> None:
        self._items, self._url = items, url

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index: int) -> Any:  # type: ignore[override]  # items are read one at a time
        item = self._items[index]
        if not isinstance(item, msgspec.Raw):
            return item
        try:
            return msgspec.json.decode(item)
        except (msgspec.DecodeError, msgspec.ValidationError, RecursionError) as error:
            message = f"conversation {index} of {self._url} cannot be read as JSON: {error}"
            raise FetchFailed(Category.INVALID_JSON, message, url=self._url) from None


def _ranges(items: Sequence[Any], batch_bytes: int) -> Iterator[range]:
    """Consecutive index ranges of about ``batch_bytes`` of raw JSON each (parsed items weigh nothing)."""
    start = size = 0
    for index, item in enumerate(items):
        size += len(item) if isinstance(item, msgspec.Raw) else 0
        if size >= batch_bytes:
            yield range(start, index + 1)
            start, size = index + 1, 0
    if start < len(items):
        yield range(start, len(items))


def checked_batches(
    items: Sequence[Any], keys: Sequence[str | None], *, url: str
) -> Iterator[CheckedDocument]:
    """The items checked in batches of about BATCH_BYTES, in order; a repeated id is rejected everywhere."""
    parsed = ParsedItems(items, url)
    duplicated = duplicated_keys(keys)

    def fast(run: range, conversations: ConversationColumns, messages: MessageColumns) -> int | None:
        raws = items[run.start : run.stop]
        if not all(isinstance(item, msgspec.Raw) for item in raws):
            return None
        return append_if_well_formed(raws, run, conversations, messages)

    for indexes in _ranges(items, BATCH_BYTES):
        yield check_items(parsed, indexes, keys, duplicated=duplicated, fast=fast)
