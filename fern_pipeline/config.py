"""Sources configuration: YAML validated once into typed objects; the only reader of the environment."""

import os
import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal, Self
from urllib.parse import parse_qs, urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from fern_pipeline.cron import cron
from fern_pipeline.demo import DEMO_HELP_CENTER, DEMO_PAYLOADS
from fern_pipeline.errors import ConfigError
from fern_pipeline.lake_config import LakeConfig
from fern_pipeline.privacy.config import PrivacyConfig, SourcePrivacy, SourcePrivacyConfig
from fern_pipeline.redact import SecretUrl, redact_url
from fern_pipeline.templates import ENV_TEMPLATE, render

CONFIG_ENV = "FERN_PIPELINE_CONFIG"
DATABASE_ENV = "FERN_DUCKDB_PATH"
DEFAULT_CONFIG_FILE = "fern_sources.yaml"
DEFAULT_DATABASE = Path("data/fern.duckdb")
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
DEFAULT_AUDIT_DAYS = 90
DEFAULT_MAX_TOPICS = 12
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


def _supported_url(url: str) -> str:
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
        return _supported_url(url)

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


class AuditConfig(BaseModel):
    """Which conversations the audit covers and how finely it groups them."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    window_days: Annotated[int, Field(ge=1, le=3660)] = Field(
        default=DEFAULT_AUDIT_DAYS, description="Days the audit covers, ending at `end`."
    )
    end: datetime | None = Field(
        default=None,
        description="Last instant covered (ISO 8601 with a zone); default: the newest message loaded.",
    )
    max_topics: Annotated[int, Field(ge=2, le=50)] = Field(
        default=DEFAULT_MAX_TOPICS, description="Most topics the conversations are grouped into."
    )

    @field_validator("end")
    @classmethod
    def _end_has_zone(cls, end: datetime | None) -> datetime | None:
        if end is not None and end.tzinfo is None:
            raise ValueError("give the time zone, e.g. 2026-11-20T00:00:00Z")
        return end


class HelpCenterConfig(BaseModel):
    """The existing help-center articles: a folder of Markdown files, or a URL returning them as JSON."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    path: Path | None = Field(
        default=None, description="Folder of Markdown articles, relative to the config file."
    )
    url: str | None = Field(
        default=None, description="http(s) or file:// URL returning JSON articles with title, url and text."
    )
    timeout: Annotated[float, Field(gt=0, le=3600)] = Field(
        default=DEFAULT_TIMEOUT, description="Seconds allowed for fetching `url`."
    )

    @model_validator(mode="after")
    def _one_location(self) -> Self:
        if (self.path is None) == (self.url is None):
            raise ValueError("give exactly one of path (a folder of Markdown files) or url")
        if self.url is not None:
            _supported_url(self.url)
        return self


class ProjectConfig(BaseModel):
    """The whole configuration file: the database, the sources, the audit and the help center."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    database: Path = Field(
        default=DEFAULT_DATABASE,
        description="DuckDB file, relative to the config file; with a lake, where the audit report goes.",
    )
    lake: LakeConfig | None = Field(
        default=None, description="A DuckLake to load into instead of the DuckDB file (many writers at once)."
    )
    sources: list[SourceConfig] = Field(min_length=1, description="The support endpoints to load.")
    audit: AuditConfig = Field(default_factory=AuditConfig, description="What the audit covers.")
    help_center: HelpCenterConfig | None = Field(
        default=None, description="Existing help-center articles, to find the topics they do not cover."
    )
    executor: Literal["multiprocess", "celery"] = Field(
        default="multiprocess",
        description="Where a run's steps execute: processes on this machine, or Celery workers (deploy/).",
    )
    privacy: PrivacyConfig = Field(
        default_factory=PrivacyConfig, description="Masking and retention of personal data, for every source."
    )

    @model_validator(mode="after")
    def _names_unique(self) -> Self:
        seen: set[str] = set()
        for index, source in enumerate(self.sources):
            if source.name in seen:
                raise ValueError(f"sources.{index}.name: {source.name!r} is used by an earlier source")
            seen.add(source.name)
        return self

    @property
    def warehouse(self) -> "Warehouse":
        """Where the sources load: the lake when one is configured, else the DuckDB file."""
        return self.database if self.lake is None else self.lake

    def source(self, name: str) -> SourceConfig:
        """The configured source called ``name``."""
        for source in self.sources:
            if source.name == name:
                return source
        known = ", ".join(source.name for source in self.sources)
        raise ConfigError(f"no source named {name!r} is configured (known: {known})")

    def source_privacy(self, name: str) -> SourcePrivacy:
        """The privacy settings in force for source ``name`` (the project's for one not configured)."""
        own = next((source.privacy for source in self.sources if source.name == name), None)
        return self.privacy.for_source(own or SourcePrivacyConfig())

    def pseudonym_key(self, environ: Mapping[str, str] | None = None) -> bytes | None:
        """The pseudonym key, read from the environment at run time; required when a source masks."""
        masks = any(self.source_privacy(source.name).mask for source in self.sources)
        return self.privacy.key(os.environ if environ is None else environ, required=masks)


#: Where a project's sources load: a DuckDB file or a DuckLake.
Warehouse = Path | LakeConfig


def _describe(error: Mapping[str, object], raw: object) -> str:
    """One line for a pydantic error: the source it concerns, the field, and what is wrong."""
    location = [str(part) for part in error["loc"]]  # type: ignore[union-attr]
    where = ".".join(location) or "(top level)"
    if len(location) >= 2 and location[0] == "sources" and isinstance(raw, Mapping):
        sources = raw.get("sources")
        index = int(location[1])
        if isinstance(sources, list) and index < len(sources) and isinstance(sources[index], Mapping):
            name = sources[index].get("name")
            if isinstance(name, str):
                where = f"source {name!r}: " + ".".join(location[2:] or ["(entry)"])
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        message = f"unknown key {location[-1]!r}"
    return f"{where}: {message}"


def adhoc_source(url: str, name: str, headers: Mapping[str, str] | None = None) -> SourceConfig:
    """A source given on the command line (or in Dagster's launchpad), validated like a configured one."""
    raw = {"name": name, "url": url, "headers": dict(headers or {})}
    try:
        return SourceConfig.model_validate(raw)
    except ValidationError as error:
        raise ConfigError("; ".join(_describe(detail, raw) for detail in error.errors())) from None


def remote_source(url: str, name: str, headers: Mapping[str, str] | None = None) -> SourceConfig:
    """An ad-hoc source fetched over the network only: whoever may test a URL from Dagster's launchpad
    must not read the code location's own files through ``file://``."""
    scheme = urlsplit(url).scheme.lower()
    if scheme not in REMOTE_URL_SCHEMES:
        raise ConfigError(
            f"url: {redact_url(url)} has the scheme {scheme or '(none)'!r}; only http:// and https:// "
            "endpoints can be tested here (file:// would read the code location's own files)"
        )
    return adhoc_source(url, name, headers)


def parse_config(text: str, *, origin: Path, environ: Mapping[str, str] | None = None) -> ProjectConfig:
    """Validate YAML ``text`` read from ``origin`` into a :class:`ProjectConfig`."""
    env = os.environ if environ is None else environ
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise ConfigError(f"{origin}: not valid YAML: {error}") from None
    try:
        config = ProjectConfig.model_validate(raw)
    except ValidationError as error:
        lines = [_describe(detail, raw) for detail in error.errors()]
        raise ConfigError(f"{origin}: " + "; ".join(lines)) from None
    database = Path(env[DATABASE_ENV]) if env.get(DATABASE_ENV) else origin.parent / config.database
    help_center = config.help_center
    if help_center is not None and help_center.path is not None:
        help_center = help_center.model_copy(update={"path": origin.parent / help_center.path})
    lake = config.lake
    if lake is not None and lake.local_data_path is not None:
        lake = lake.model_copy(update={"data_path": str(origin.parent / lake.local_data_path)})
    return config.model_copy(update={"database": database, "help_center": help_center, "lake": lake})


def demo_config(environ: Mapping[str, str] | None = None) -> ProjectConfig:
    """The built-in demo sources (``file://`` exports shipped in the package), used without a config file."""
    env = os.environ if environ is None else environ
    sources = [SourceConfig(name=payload.stem, url=payload.as_uri()) for payload in DEMO_PAYLOADS]
    database = Path(env[DATABASE_ENV]) if env.get(DATABASE_ENV) else Path.cwd() / DEFAULT_DATABASE
    return ProjectConfig(
        database=database, sources=sources, help_center=HelpCenterConfig(path=DEMO_HELP_CENTER)
    )


def load_config(path: Path | None = None, environ: Mapping[str, str] | None = None) -> ProjectConfig:
    """Find and validate the configuration.

    Looks at ``path``, then ``$FERN_PIPELINE_CONFIG``, then ``./fern_sources.yaml``; else the demo sources.
    """
    env = os.environ if environ is None else environ
    if path is None and env.get(CONFIG_ENV):
        path = Path(env[CONFIG_ENV])
        if not path.is_file():
            raise ConfigError(f"{CONFIG_ENV} names {path}, which is not a file")
    if path is None and Path(DEFAULT_CONFIG_FILE).is_file():
        path = Path(DEFAULT_CONFIG_FILE)
    if path is None:
        return demo_config(env)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"{path}: cannot be read: {error.strerror}") from None
    return parse_config(text, origin=path.resolve(), environ=env)
