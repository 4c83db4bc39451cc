"""One source end to end for the warehouse: fetched, checked, flattened, validated and masked, without
touching the database."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any

import orjson

from fern_pipeline.config import SourceConfig
from fern_pipeline.errors import FormatError
from fern_pipeline.ingest.checked import CheckedDocument, Rejected
from fern_pipeline.ingest.flatten import Frames, to_frames
from fern_pipeline.ingest.limits import ProgressCallback
from fern_pipeline.ingest.masking.mask import Masker
from fern_pipeline.ingest.masking.settings import PrivacySettings
from fern_pipeline.ingest.received import Received, receive


@dataclass
class Prepared(Received[Frames]):
    """One fetch of a source, its valid conversations turned into masked, validated rows batch by batch."""

    #: Masking and retention for this source's load.
    privacy: PrivacySettings = field(default_factory=PrivacySettings)

    @classmethod
    def of(cls, received: Received[Any], privacy: PrivacySettings) -> "Prepared":
        """The fetch ``received``, to be made into rows masked and kept as ``privacy`` says."""
        return cls(
            **{item.name: getattr(received, item.name) for item in fields(received) if item.init},
            privacy=privacy,
        )

    def _rows(self, checked: CheckedDocument) -> Frames:
        frames = to_frames(checked, source=self.source, fetched_at=self.fetched_at)
        masker = self.privacy.masker
        return frames if masker is None else _masked_frames(frames, masker)

    def _kept(self, rejected: Rejected) -> Rejected:
        masker = self.privacy.masker
        return rejected if masker is None else _masked_rejection(rejected, masker)


def _masked_frames(frames: Frames, masker: Masker) -> Frames:
    """``frames`` with the messages' content masked, one vectorised pass over the column."""
    messages = frames.messages
    column = messages.schema.get_field_index("content")
    masked = masker.array(messages.column(column))
    return Frames(frames.conversations, messages.set_column(column, "content", masked))


def _masked_rejection(rejected: Rejected, masker: Masker) -> Rejected:
    """A rejection whose raw JSON and error messages are masked; the clear item is not kept.

    The masked JSON text is the item, as an ``orjson.Fragment``: written as it is wherever the raw
    item is written.
    """
    errors = tuple(
        FormatError(error.path, error.code, masker.text(error.message)) for error in rejected.errors
    )
    return Rejected(rejected.index, orjson.Fragment(masker.json_text(rejected.raw)), errors)


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
