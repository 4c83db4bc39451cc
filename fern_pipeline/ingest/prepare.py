"""One source end to end for the warehouse: fetched, checked, flattened, validated and masked, without
touching the database."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from fern_pipeline.config import SourceConfig
from fern_pipeline.ingest.checked import CheckedDocument
from fern_pipeline.ingest.flatten import Frames, to_frames
from fern_pipeline.ingest.limits import ProgressCallback
from fern_pipeline.ingest.masking.columns import masked_column
from fern_pipeline.ingest.masking.mask import Masker
from fern_pipeline.ingest.masking.settings import PrivacySettings
from fern_pipeline.ingest.received import Received, receive

#: The columns of each table holding text the endpoint chose; ids and URLs can hold a personal value too.
MASKED_COLUMNS = {
    "conversations": ("conversation_id", "url"),
    "messages": ("conversation_id", "message_id", "content"),
}


@dataclass
class Prepared(Received[Frames]):
    """One fetch of a source, its valid conversations turned into masked, validated rows batch by batch."""

    @classmethod
    def of(cls, received: Received[Any], privacy: PrivacySettings) -> "Prepared":
        """The fetch ``received``, to be made into rows masked and kept as ``privacy`` says."""
        kept = {item.name: getattr(received, item.name) for item in fields(received) if item.init}
        return cls(**{**kept, "privacy": privacy})

    def _rows(self, checked: CheckedDocument) -> Frames:
        frames = to_frames(checked, source=self.source, fetched_at=self.fetched_at)
        masker = self.privacy.masker
        return frames if masker is None else _masked_frames(frames, masker)


def _masked_frames(frames: Frames, masker: Masker) -> Frames:
    """``frames`` with every text column the endpoint chose masked, one vectorised pass per column."""
    tables = {"conversations": frames.conversations, "messages": frames.messages}
    for name, columns in MASKED_COLUMNS.items():
        for column in columns:
            table = tables[name]
            index = table.schema.get_field_index(column)
            tables[name] = table.set_column(index, column, masked_column(masker, table.column(index)))
    return Frames(tables["conversations"], tables["messages"])


def prepare(
    source: SourceConfig,
    *,
    start_date: str | None = None,
    environ: Mapping[str, str] | None = None,
    on_progress: ProgressCallback | None = None,
    privacy: PrivacySettings | None = None,
    on_page: Callable[[int], None] | None = None,
) -> Prepared:
    """Fetch ``source`` (all its pages) and find its conversations; a failed fetch is a failed outcome.

    Nothing is decoded yet: :meth:`Prepared.batches` checks, flattens and validates the rows.
    ``start_date`` sets the incremental parameter of an incremental source; ``privacy`` what the
    rows are masked with and the load's retention (none by default); ``on_progress`` and
    ``on_page`` follow the fetch (see :func:`~fern_pipeline.ingest.pagination.pages`). Raises
    :class:`~fern_pipeline.errors.ConfigError` when a header's environment variable is unset.
    """
    return receive(
        Prepared,
        source,
        start_date=start_date,
        environ=environ,
        on_progress=on_progress,
        on_page=on_page,
        privacy=privacy or PrivacySettings(),
    )
