"""One source's configuration: its endpoint, limits, schedule, Dagster metadata and incremental cursor."""

import re
from collections.abc import Mapping
from datetime import timedelta
from functools import cached_property
from typing import Annotated, Self
from urllib.parse import parse_qs, urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator

from fern_pipeline.config.privacy import SourcePrivacyConfig
from fern_pipeline.config.templates import ENV_TEMPLATE, render
from fern_pipeline.cron import cron
from fern_pipeline.redact import SecretUrl, redact_url

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
DEFAULT_MAX_AGE_HOURS = 26.0
SOURCE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
URL_SCHEMES = frozenset({"http", "https", "file"})
#: The schemes of a URL tested from Dagster's launchpad (see remote_source).
REMOTE_URL_SCHEMES = frozenset({"http", "https"})
#: Dagster's owner forms: an e-mail address or ``team:NAME``.
OWNER = re.compile(r"^(team:[A-Za-z0-9_.-]+|[^@\s]+@[^@\s]+\.[^@\s]+)$")
#: Dagster's tag rules: a key of letters, digits, ``_ - .`` with one optional ``prefix/``; a value
#: of the same characters (or empty), at most 63 each.
TAG_KEY = re.compile(r"^([A-Za-z0-9_.-]{1,63}/)?[A-Za-z0-9_.-]{1,63}$")
TAG_VALUE = re.compile(r"^[A-Za-z0-9_.-]{0,63}$")
SHORT_DURATION = re.compile(r"^(\d+)\s*([dhm])$")
DURATION_UNITS = {"d": "days", "h": "hours", "m": "minutes"}
DEFAULT_MAX_PAGES = 100


class IncrementalConfig(BaseModel):
    """Fetch only what changed: a query parameter set from what is already stored."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    param: str = Field(
        default="startDate", min_length=1, description="The query parameter the endpoint reads."
    )
    lookback: timedelta = Field(
        default=timedelta(days=2),
        description='Overlap window subtracted from the newest stored lastMessageAt ("2d", "12h", "30m").',
    )
    initial: str | None = Field(
        default=None, description="First start when nothing is stored; else the URL's own value of param."
    )

    @field_validator("lookback", mode="before")
    @classmethod
    def _short_duration(cls, value: object) -> object:
        if isinstance(value, str) and (match := SHORT_DURATION.fullmatch(value.strip())):
            return timedelta(**{DURATION_UNITS[match.group(2)]: int(match.group(1))})
        return value

    @field_validator("lookback")
    @classmethod
    def _not_negative(cls, value: timedelta) -> timedelta:
        if value < timedelta(0):
            raise ValueError("the lookback cannot be negative")
        return value


def supported_url(url: str) -> str:
    """``url`` itself if its scheme is one we fetch, else a ValueError saying which are."""
    scheme = urlsplit(url).scheme.lower()
    if scheme not in URL_SCHEMES:
        raise ValueError(
            f"unsupported URL scheme {scheme or '(none)'!r} in {redact_url(url)}: use http://, https:// or file://"
        )
    return url


class SourceConfig(BaseModel):
    """One support endpoint: where to fetch it and within which limits."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(description="Lower-case identifier, unique; used in asset keys and tables.")
    url: str = Field(description="http(s) endpoint or file:// export returning the conversations JSON.")
    headers: dict[str, str] = Field(
        default_factory=dict,
        description='Request headers; secrets only as "{{ env.NAME }}" templates.',
    )
    schedule: str | None = Field(default=None, description="Cron expression for a Dagster schedule.")
    timeout: Annotated[float, Field(gt=0, le=3600)] = Field(
        default=DEFAULT_TIMEOUT, description="Seconds allowed for the whole fetch, retries included."
    )
    max_bytes: Annotated[int, Field(gt=0)] = Field(
        default=DEFAULT_MAX_BYTES, description="Largest body accepted, measured after decompression."
    )
    description: str | None = Field(
        default=None, description="What this endpoint is, shown on its asset in the Dagster UI."
    )
    owners: list[str] = Field(
        default_factory=list,
        description='Owners of the source\'s asset: e-mail addresses or "team:NAME".',
    )
    tags: dict[str, str] = Field(
        default_factory=dict, description="Dagster tags on the source's asset, for search and selection."
    )
    max_age_hours: Annotated[float, Field(gt=0)] = Field(
        default=DEFAULT_MAX_AGE_HOURS,
        description="Hours after the last successful fetch before the freshness check fails.",
    )
    incremental: IncrementalConfig | None = Field(
        default=None, description="Fetch what changed since the newest stored conversation, with an overlap."
    )
    max_pages: Annotated[int, Field(gt=0, le=10_000)] = Field(
        default=DEFAULT_MAX_PAGES,
        description='Most pages followed through Link rel="next" or a top-level next.',
    )
    privacy: SourcePrivacyConfig = Field(
        default_factory=SourcePrivacyConfig, description="This source's own mask and retention_days."
    )

    @field_validator("name")
    @classmethod
    def _name_is_identifier(cls, name: str) -> str:
        if not SOURCE_NAME.fullmatch(name):
            raise ValueError(
                f"{name!r} is not a valid source name: use a lower-case letter, then lower-case "
                "letters, digits or underscores (at most 63 characters)"
            )
        return name

    @field_validator("url")
    @classmethod
    def _url_scheme_supported(cls, url: str) -> str:
        return supported_url(url)

    @field_validator("headers")
    @classmethod
    def _headers_are_templates(cls, headers: dict[str, str]) -> dict[str, str]:
        for header, value in headers.items():
            rest = ENV_TEMPLATE.sub("", value)
            if "{" in rest or "}" in rest:
                raise ValueError(
                    f"header {header!r} has a malformed template: write secrets as "
                    '"{{ env.VARIABLE_NAME }}"'
                )
        return headers

    @field_validator("owners")
    @classmethod
    def _owners_are_dagster_owners(cls, owners: list[str]) -> list[str]:
        for owner in owners:
            if not OWNER.fullmatch(owner):
                raise ValueError(f"{owner!r} is not an owner: use an e-mail address or 'team:NAME'")
        return owners

    @field_validator("tags")
    @classmethod
    def _tags_are_dagster_tags(cls, tags: dict[str, str]) -> dict[str, str]:
        for key, value in tags.items():
            if not TAG_KEY.fullmatch(key):
                raise ValueError(
                    f"tag key {key!r} must be letters, digits, '_', '-' or '.' (at most 63, one "
                    "optional 'prefix/')"
                )
            if not TAG_VALUE.fullmatch(value):
                raise ValueError(
                    f"tag {key!r} has the value {value!r}: use letters, digits, '_', '-' or '.' (at most 63)"
                )
        return tags

    @field_validator("schedule")
    @classmethod
    def _schedule_is_cron(cls, schedule: str | None) -> str | None:
        return cron(schedule)

    @property
    def initial_start(self) -> str | None:
        """Where an incremental fetch starts when nothing is stored: ``initial``, else the URL's own value."""
        if self.incremental is None:
            return None
        given = parse_qs(urlsplit(self.url).query).get(self.incremental.param)
        return self.incremental.initial or (given[-1] if given else None)

    @cached_property
    def target(self) -> SecretUrl:
        """The URL with its redacted form, made once: the form messages, logs and tables show."""
        return SecretUrl.of(self.url)

    @property
    def redacted_url(self) -> str:
        """The URL as it may be shown: credentials replaced by ``***``."""
        return self.target.shown

    def header_variables(self) -> list[str]:
        """Names of the environment variables the header templates read."""
        return [name for value in self.headers.values() for name in ENV_TEMPLATE.findall(value)]

    def resolve_headers(self, environ: Mapping[str, str] | None = None) -> dict[str, str]:
        """Headers with every ``{{ env.NAME }}`` replaced, read from the environment at run time."""
        used_in = f"source {self.name!r}: the environment variable {{}} used in its headers"
        return {header: render(value, used_in, environ) for header, value in self.headers.items()}

    def with_limits(self, *, timeout: float | None = None, max_bytes: int | None = None) -> Self:
        """A copy with the given limits overriding the configured ones (validated again)."""
        updates = {"timeout": timeout, "max_bytes": max_bytes}
        data = self.model_dump() | {key: value for key, value in updates.items() if value is not None}
        return type(self).model_validate(data)
