"""Removes secrets from URLs before they are shown, logged or stored; a URL carries its redacted form."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

REDACTED = "***"

#: Query parameter names whose values are credentials (matched anywhere in the name, any case).
SECRET_PARAMETER = re.compile(
    r"token|key|secret|pass|pwd|auth|sig|credential|session|code|jwt|bearer|cookie", re.IGNORECASE
)


def redact_url(url: str) -> str:
    """Return ``url`` with its user, password and credential-like query values replaced by ``***``."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return REDACTED
    netloc = parts.netloc
    if "@" in netloc:
        netloc = f"{REDACTED}@{netloc.rsplit('@', 1)[1]}"
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        query = urlencode(
            [(name, REDACTED if SECRET_PARAMETER.search(name) else value) for name, value in pairs],
            safe="*:,/",
        )
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


@dataclass(frozen=True)
class SecretUrl:
    """A URL as it is requested, with its redacted form made once, where the URL enters.

    ``value`` may carry credentials and is only ever sent; ``shown`` is what messages, logs and
    tables use.
    """

    value: str
    shown: str

    @classmethod
    def of(cls, url: "str | SecretUrl") -> "SecretUrl":
        """``url`` itself if it is one already, else the URL with its redacted form."""
        return url if isinstance(url, SecretUrl) else cls(url, redact_url(url))
