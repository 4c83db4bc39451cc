"""The project's configuration: YAML validated once into typed objects; the only reader of the environment."""

import os
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Annotated, Literal, Self
from urllib.parse import urlsplit

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from fern_pipeline.config.demo import DEMO_CATEGORIES, DEMO_HELP_CENTER, DEMO_PAYLOADS
from fern_pipeline.config.lake import LakeConfig
from fern_pipeline.config.privacy import PrivacyConfig, SourcePrivacy, SourcePrivacyConfig
from fern_pipeline.config.source import DEFAULT_TIMEOUT, REMOTE_URL_SCHEMES, SourceConfig, supported_url
from fern_pipeline.config.themes import ThemeCategory, unique_names
from fern_pipeline.cron import cron
from fern_pipeline.errors import ConfigError
from fern_pipeline.redact import redact_url

CONFIG_ENV = "FERN_PIPELINE_CONFIG"
DATABASE_ENV = "FERN_DUCKDB_PATH"
DEFAULT_CONFIG_FILE = "fern_sources.yaml"
DEFAULT_DATABASE = Path("data/fern.duckdb")
DEFAULT_AUDIT_DAYS = 90
#: The audit's weekly schedule by default: Mondays at 06:00 UTC, so the week before is complete.
DEFAULT_AUDIT_SCHEDULE = "0 6 * * 1"


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
    max_topics: Annotated[int, Field(ge=1)] | None = Field(
        default=None,
        description="A cap, rarely needed: keep only this many of the largest topics, the rest go to other.",
    )
    schedule: str | None = Field(
        default=DEFAULT_AUDIT_SCHEDULE,
        description="Cron expression on which the audit also runs (besides after every load); null: never.",
    )
    themes: tuple[ThemeCategory, ...] = Field(
        default=(),
        description="The team's categories (name, example questions); the rest are themed from the data.",
    )

    @field_validator("themes")
    @classmethod
    def _theme_names_unique(cls, themes: tuple[ThemeCategory, ...]) -> tuple[ThemeCategory, ...]:
        return unique_names(themes)

    @field_validator("schedule")
    @classmethod
    def _schedule_is_cron(cls, schedule: str | None) -> str | None:
        return cron(schedule)

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
            supported_url(self.url)
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
    sources: list[SourceConfig] = Field(
        description="The support endpoints to load; none yet (`[]`) while the lake or privacy is set up."
    )
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
        known = ", ".join(source.name for source in self.sources) or "none yet; add one under sources:"
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
    config = relative_to(config, origin.parent)
    if env.get(DATABASE_ENV):
        config = config.model_copy(update={"database": Path(env[DATABASE_ENV])})
    return config


def relative_to(config: ProjectConfig, root: Path) -> ProjectConfig:
    """``config`` with its relative paths (the database, the help-center folder, the lake's data
    folder) taken from ``root``: the config file's folder, or a dg project's root."""
    help_center = config.help_center
    if help_center is not None and help_center.path is not None:
        help_center = help_center.model_copy(update={"path": root / help_center.path})
    lake = config.lake
    if lake is not None and lake.local_data_path is not None:
        lake = lake.model_copy(update={"data_path": str(root / lake.local_data_path)})
    return config.model_copy(
        update={"database": root / config.database, "help_center": help_center, "lake": lake}
    )


def demo_config(environ: Mapping[str, str] | None = None) -> ProjectConfig:
    """The built-in demo sources (``file://`` exports shipped in the package), with the demo's help center
    and categories, used without a config file."""
    env = os.environ if environ is None else environ
    sources = [SourceConfig(name=payload.stem, url=payload.as_uri()) for payload in DEMO_PAYLOADS]
    database = Path(env[DATABASE_ENV]) if env.get(DATABASE_ENV) else Path.cwd() / DEFAULT_DATABASE
    return ProjectConfig(
        database=database,
        sources=sources,
        help_center=HelpCenterConfig(path=DEMO_HELP_CENTER),
        audit=AuditConfig(themes=yaml.safe_load(DEMO_CATEGORIES.read_text(encoding="utf-8"))),
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
