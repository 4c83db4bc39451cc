"""The categories of failure and the error values every layer renders."""

from dataclasses import dataclass
from enum import StrEnum


class Category(StrEnum):
    """Why a fetch failed, as a stable string shown in output, tables and Dagster."""

    UNREACHABLE = "unreachable"
    TIMEOUT = "timeout"
    HTTP_STATUS = "http_status"
    AUTH_REQUIRED = "auth_required"
    INVALID_JSON = "invalid_json"
    INVALID_FORMAT = "invalid_format"
    TOO_LARGE = "too_large"


@dataclass(frozen=True)
class FormatError:
    """One place where a document departs from the endpoint format."""

    #: JSON pointer (RFC 6901) to the offending value, e.g. ``/conversations/3/messages/1/role``.
    path: str
    #: Stable machine-readable code, e.g. ``missing_field`` or ``invalid_role``.
    code: str
    #: A sentence a support lead understands.
    message: str


class FetchFailed(Exception):
    """A fetch of one source that loaded nothing, with its category and a readable message."""

    def __init__(
        self,
        category: Category,
        message: str,
        *,
        url: str,
        http_status: int | None = None,
        errors: tuple[FormatError, ...] = (),
    ) -> None:
        super().__init__(f"{category}: {message}")
        self.category = category
        self.message = message
        #: The URL with its secrets redacted.
        self.url = url
        self.http_status = http_status
        #: Format errors at the root of the document, when the category is ``invalid_format``.
        self.errors = errors


class ConfigError(Exception):
    """A configuration mistake, with the file, source and field it concerns in its message."""


#: Seconds a writer waits for another process to release the database (DuckDB allows one writer process).
LOCK_WAIT = 60.0


class DatabaseBusy(Exception):
    """The file stayed locked, or a lake commit kept conflicting, past what a load waits; nothing written."""

    category = Category.TIMEOUT


class LakeUnavailable(Exception):
    """The lake could not be attached (its catalog unreachable or refusing); nothing was written."""

    category = Category.UNREACHABLE
