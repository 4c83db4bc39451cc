"""The categories of failure and the error values every layer renders."""

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

#: Characters of a value the endpoint sent that an error message quotes (after masking, see FormatError).
QUOTED_CHARS = 40


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
    #: The value the message quotes, whole (masked by :meth:`masked`); never shown, stored or compared.
    quoted: str | None = field(default=None, compare=False, repr=False)

    @classmethod
    def quoting(cls, path: str, code: str, value: str, sentence: str) -> "FormatError":
        """An error whose ``sentence`` has ``{}`` where ``value``, as sent, is quoted (see :func:`quote`)."""
        return cls(path, code, sentence.format(quote(value)), value)

    def masked(self, mask: Callable[[str], str]) -> "FormatError":
        """This error with ``mask`` applied to its message, and to its quoted value whole, before it is cut.

        A value cut first may no longer look like what it is (``'Erika <erika.mustermann@examp'``),
        so it would pass the mask in clear: the quote is made again from the masked value.
        """
        message, value = self.message, self.quoted
        if value is not None:
            masked = mask(value)
            message, value = message.replace(quote(value), quote(masked), 1), masked
        return FormatError(self.path, self.code, mask(message), value)


def quote(value: str) -> str:
    """A value the endpoint sent as error messages quote it: its first QUOTED_CHARS characters, in quotes.

    The only place that cuts a quoted value; :meth:`FormatError.masked` relies on it.
    """
    return repr(value[:QUOTED_CHARS])


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
