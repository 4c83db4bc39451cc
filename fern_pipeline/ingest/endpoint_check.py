"""The article's "test" action: fetch an endpoint and check its format, writing nothing anywhere.

The check is the load's format check without what only the warehouse needs (Arrow rows and pandera's
validation of them): it imports neither pandas, pandera nor Arrow. What it quotes is masked as a load
would store it.
"""

from dataclasses import dataclass, replace
from typing import Any

from fern_pipeline.config import SourceConfig
from fern_pipeline.errors import FormatError
from fern_pipeline.ingest.checked import CheckedDocument, reject
from fern_pipeline.ingest.instants import impossible_instants
from fern_pipeline.ingest.limits import ProgressCallback
from fern_pipeline.ingest.masking.settings import PrivacySettings
from fern_pipeline.ingest.received import Received, receive


@dataclass
class FormatPass(Received[None]):
    """A fetch whose conversations are put through the format check and nothing else."""

    def _rows(self, checked: CheckedDocument) -> None:
        found = impossible_instants(checked)
        if found:
            reject(checked, found)


@dataclass(frozen=True)
class EndpointCheck:
    """What testing an endpoint found; ``fern-pipeline check`` and the Dagster endpoint test show it."""

    #: ``ok`` (a valid document), ``partial`` (some conversations rejected) or ``failed``.
    status: str
    #: Why it is not ``ok``: one of the seven categories, or None.
    category: str | None
    #: One sentence on the outcome, secrets redacted.
    message: str
    #: The same sentence naming the first format error by its code, quoting nothing the endpoint sent.
    outline: str
    #: The URL fetched, secrets redacted.
    url: str
    http_status: int | None
    #: Conversations and messages the endpoint sent.
    conversations: int
    messages: int
    conversations_valid: int
    messages_valid: int
    conversations_rejected: int
    #: Every format error, with its JSON pointer.
    errors: tuple[FormatError, ...]

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def first_line(self) -> str:
        """``ok: …`` or ``error: CATEGORY: …``, the first line of ``fern-pipeline check``."""
        if self.ok:
            return f"ok: {self.message}, all in the expected format"
        return f"error: {self.category}: {self.message}"

    def as_json(self) -> dict[str, Any]:
        """The object ``fern-pipeline check --json`` prints."""
        return {
            "ok": self.ok,
            "category": self.category,
            "message": self.message,
            "url": self.url,
            "http_status": self.http_status,
            "conversations": self.conversations,
            "messages": self.messages,
            "conversations_valid": self.conversations_valid,
            "conversations_rejected": self.conversations_rejected,
            "errors": [
                {"path": error.path, "code": error.code, "message": error.message} for error in self.errors
            ],
        }

    def quoting_nothing(self) -> "EndpointCheck":
        """The same result without any text the endpoint sent: format errors keep their JSON pointer
        and code but lose their message, which may quote a value of the body (a role, an id)."""
        errors = tuple(FormatError(error.path, error.code, "") for error in self.errors)
        return replace(self, message=self.outline, errors=errors)


def check_endpoint(
    source: SourceConfig,
    *,
    on_progress: ProgressCallback | None = None,
    privacy: PrivacySettings | None = None,
) -> EndpointCheck:
    """Fetch ``source`` (all its pages) and check every conversation, keeping nothing but the result.

    With ``privacy``'s masker, the messages quote values only masked, as a load would store them.
    Raises :class:`~fern_pipeline.errors.ConfigError` when a header's environment variable is unset.
    """
    prepared = receive(FormatPass, source, on_progress=on_progress, privacy=privacy or PrivacySettings())
    return EndpointCheck(
        status=prepared.status,
        category=None if prepared.category is None else str(prepared.category),
        message=prepared.message,
        outline=prepared.outline,
        url=prepared.url,
        http_status=prepared.http_status,
        conversations=prepared.total_conversations,
        messages=prepared.total_messages,
        conversations_valid=prepared.conversations_loaded,
        messages_valid=prepared.messages_loaded,
        conversations_rejected=len(prepared.rejected),
        errors=tuple(prepared.errors),
    )
