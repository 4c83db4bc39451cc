"""A source's fetch as received, and a pass of the format check over its conversations.

:func:`receive` fetches every page and finds the conversations without decoding them;
:class:`Received` makes the pass, batch by batch, and words its outcome. What a batch becomes is a
subclass's: rows validated for the warehouse (:mod:`fern_pipeline.ingest.prepare`), or nothing but
the format check (:mod:`fern_pipeline.ingest.endpoint_check`), which needs neither Arrow nor pandas.
"""

from collections.abc import Callable, Generator, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

import msgspec
import orjson

from fern_pipeline.config import SourceConfig
from fern_pipeline.errors import Category, FetchFailed, FormatError
from fern_pipeline.ingest.batches import checked_batches
from fern_pipeline.ingest.body import Body
from fern_pipeline.ingest.checked import CheckedDocument, Rejected
from fern_pipeline.ingest.cursor import with_query_value
from fern_pipeline.ingest.limits import ProgressCallback
from fern_pipeline.ingest.masking.settings import PrivacySettings
from fern_pipeline.ingest.pagination import latest_versions, pages, relocate
from fern_pipeline.redact import SecretUrl

#: What a pass makes of each batch of checked conversations.
Rows = TypeVar("Rows")
#: A kind of :class:`Received`.
Received_ = TypeVar("Received_", bound="Received[Any]")


@dataclass(frozen=True)
class Conversations:
    """The conversations a fetch received, not yet decoded, in document order (pages one after another)."""

    #: Raw JSON slices of the bodies (or parsed values, see :mod:`fern_pipeline.ingest.split`).
    items: list[Any]
    #: Each item's id as the check reads it.
    keys: list[str | None]
    #: Each item's page and its index there, when the fetch had more than one page.
    origins: list[tuple[int, int]] | None
    #: The bodies of the pages, which the raw items are slices of.
    bodies: list[Body]

    @property
    def largest_bytes(self) -> int:
        """The JSON size of the largest conversation (of a page, where one was parsed whole)."""
        raw = [len(item) for item in self.items if isinstance(item, msgspec.Raw)]
        pages = [len(body) for body in self.bodies] if len(raw) < len(self.items) else []
        return max(raw + pages, default=0)

    def release(self) -> None:
        """Drop the bodies' pages read so far from the process's memory."""
        for body in self.bodies:
            body.release()


@dataclass(frozen=True)
class Outcome:
    """What a pass over a fetch's conversations found."""

    rejected: tuple[Rejected, ...]
    conversations_loaded: int
    messages_loaded: int
    total_messages: int
    finished_at: datetime
    #: A conversation that could not be read at all: the whole fetch fails as ``invalid_json``.
    failure: FetchFailed | None = None


@dataclass
class Received(Generic[Rows]):
    """One fetch of a source: its failure, or its conversations, checked batch by batch.

    :meth:`batches` yields what each batch becomes (:meth:`_rows`); what they came to (rejections,
    counts, status) is the :attr:`outcome` of that pass, or of a pass of its own when asked for first.
    """

    source: str
    #: The URL fetched, with its secrets redacted.
    url: str
    started_at: datetime
    fetched_at: datetime
    http_status: int | None
    bytes: int | None
    conversations: Conversations | None
    fetch_failure: FetchFailed | None
    start_date: str | None = None
    #: What is masked in what the pass keeps and says, and the load's retention.
    privacy: PrivacySettings = field(default_factory=PrivacySettings)
    _outcome: Outcome | None = field(default=None, init=False, repr=False)

    def _rows(self, checked: CheckedDocument) -> Rows:
        """What a batch becomes; conversations it cannot take are moved to ``checked.rejected``."""
        raise NotImplementedError

    def _kept(self, rejected: Rejected) -> Rejected:
        """A rejection as it is kept and shown: its raw JSON and error messages masked, when masking is on.

        The masked JSON text is the item, as an ``orjson.Fragment``: written as it is wherever the raw
        item is written. The clear item is not kept.
        """
        masker = self.privacy.masker
        if masker is None:
            return rejected
        errors = tuple(error.masked(masker.text) for error in rejected.errors)
        return Rejected(rejected.index, orjson.Fragment(masker.json_text(rejected.raw)), errors)

    def batches(self) -> Iterator[Rows]:
        """Each batch with valid conversations (none after a failed fetch); the outcome is recorded last."""
        self._outcome = yield from self._pass()

    def _pass(self) -> Generator[Rows, None, Outcome]:
        if self.conversations is None:
            return Outcome((), 0, 0, 0, _now())
        if self._outcome is not None and self._outcome.failure is not None:
            return self._outcome
        origins = self.conversations.origins
        rejected: list[Rejected] = []
        conversations = messages = sent_messages = 0
        try:
            for checked in checked_batches(self.conversations.items, self.conversations.keys, url=self.url):
                rows = self._rows(checked)
                for item in checked.rejected:
                    rejected.append(self._kept(item if origins is None else relocate(item, origins)))
                valid = len(checked.conversations.conversation_id)
                conversations += valid
                messages += len(checked.messages.message_id)
                sent_messages += checked.total_messages
                del checked  # its Python objects, not kept while the rows wait to be inserted
                self.conversations.release()
                if valid:
                    yield rows
        except FetchFailed as failure:
            self._outcome = Outcome((), 0, 0, 0, _now(), failure)
            raise
        return Outcome(tuple(rejected), conversations, messages, sent_messages, _now())

    @property
    def outcome(self) -> Outcome:
        """What the last complete pass found; a pass is made (rows discarded) when none has been."""
        if self._outcome is None:
            try:
                for _ in self.batches():
                    pass
            except FetchFailed:
                pass
        assert self._outcome is not None
        return self._outcome

    @property
    def failure(self) -> FetchFailed | None:
        """Why nothing could be loaded: the fetch failed, or a conversation could not be read."""
        return self.fetch_failure if self.fetch_failure is not None else self.outcome.failure

    @property
    def rejected(self) -> tuple[Rejected, ...]:
        return self.outcome.rejected

    @property
    def finished_at(self) -> datetime:
        return self.outcome.finished_at

    @property
    def total_conversations(self) -> int:
        """How many conversations the fetch sent."""
        return 0 if self.failure is not None or self.conversations is None else len(self.conversations.items)

    @property
    def total_messages(self) -> int:
        return 0 if self.failure is not None else self.outcome.total_messages

    @property
    def conversations_loaded(self) -> int:
        return 0 if self.failure is not None else self.outcome.conversations_loaded

    @property
    def messages_loaded(self) -> int:
        return 0 if self.failure is not None else self.outcome.messages_loaded

    @property
    def errors(self) -> list[FormatError]:
        """Every format error, the root's included."""
        if self.failure is not None:
            return list(self.failure.errors)
        return [error for rejected in self.rejected for error in rejected.errors]

    @property
    def status(self) -> str:
        """``ok``, ``partial`` (some conversations rejected) or ``failed`` (nothing loadable)."""
        if self.failure is not None or (self.rejected and not self.conversations_loaded):
            return "failed"
        return "partial" if self.rejected else "ok"

    @property
    def category(self) -> Category | None:
        if self.failure is not None:
            return self.failure.category
        return Category.INVALID_FORMAT if self.rejected else None

    @property
    def message(self) -> str:
        """One sentence on the outcome, as a support lead would want it, quoting the first format error."""
        return self._sentence(quoting=True)

    @property
    def outline(self) -> str:
        """:attr:`message` naming the first format error by its code: it quotes nothing the endpoint sent,
        so Dagster's run logs and metadata, which outlive any erasure, keep no customer text."""
        return self._sentence(quoting=False)

    def _sentence(self, *, quoting: bool) -> str:
        """The outcome in one sentence, masked whole when masking is on (a next page's URL is sent too)."""
        sentence = self._clear_sentence(quoting=quoting)
        return sentence if self.privacy.masker is None else self.privacy.masker.text(sentence)

    def _clear_sentence(self, *, quoting: bool) -> str:
        if self.failure is not None:
            return self.failure.message
        loaded = (
            f"{counted(self.conversations_loaded, 'conversation')} and "
            f"{counted(self.messages_loaded, 'message')} from {self.url}"
        )
        if not self.rejected:
            return loaded
        first = self.rejected[0].errors[0]
        return (
            f"{loaded}; {len(self.rejected)} of {counted(self.total_conversations, 'conversation')} rejected "
            f"for format errors ({counted(len(self.errors), 'error')}, the first at {first.path}: "
            f"{first.message if quoting else first.code})"
        )


def counted(count: int, noun: str) -> str:
    """``1 conversation``, ``2,500 conversations``."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def _now() -> datetime:
    return datetime.now(UTC)


def receive(
    kind: type[Received_],
    source: SourceConfig,
    *,
    start_date: str | None = None,
    environ: Mapping[str, str] | None = None,
    on_progress: ProgressCallback | None = None,
    on_page: Callable[[int], None] | None = None,
    **fields: Any,
) -> Received_:
    """Fetch ``source`` (all its pages) and find its conversations, as a ``kind`` with ``fields``.

    A failed fetch is a failed outcome. ``start_date`` sets the incremental parameter of an
    incremental source; ``on_progress`` and ``on_page`` follow the fetch (see :func:`pages`). Raises
    :class:`~fern_pipeline.errors.ConfigError` when a header's environment variable is unset.
    """
    headers = source.resolve_headers(environ)
    target = source.target
    if start_date is not None and source.incremental is not None:
        target = SecretUrl.of(with_query_value(source.url, source.incremental.param, start_date))
    started_at = _now()
    http_status: int | None = None
    size: int | None = None
    items: list[Any] = []
    keys: list[str | None] = []
    origins: list[tuple[int, int]] = []
    bodies: list[Body] = []
    failure: FetchFailed | None = None
    try:
        for page in pages(
            target,
            headers=headers,
            timeout=source.timeout,
            max_bytes=source.max_bytes,
            max_pages=source.max_pages,
            on_progress=on_progress,
            on_page=on_page,
        ):
            http_status, size = page.http_status, (size or 0) + page.bytes
            items.extend(page.conversations.items)
            keys.extend(page.conversations.keys)
            bodies.append(page.body)
            origins.extend((page.number, index) for index in range(len(page.conversations.items)))
    except FetchFailed as error:
        failure = error
        http_status = error.http_status or http_status
    fetched_at = _now()
    conversations = None
    if failure is None:
        paginated = page.number > 1
        if paginated:
            kept = latest_versions(keys, origins)
            items, keys, origins = ([column[i] for i in kept] for column in (items, keys, origins))  # type: ignore[assignment]
        conversations = Conversations(items, keys, origins if paginated else None, bodies)
    return kind(
        source=source.name,
        url=target.shown,
        started_at=started_at,
        fetched_at=fetched_at,
        http_status=http_status,
        bytes=size,
        conversations=conversations,
        fetch_failure=failure,
        start_date=start_date,
        **fields,
    )
