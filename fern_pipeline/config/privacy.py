"""The privacy settings of the configuration file: masking and retention, for every source or one."""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator

from fern_pipeline.cron import cron
from fern_pipeline.errors import ConfigError

DEFAULT_KEY_ENV = "FERN_PSEUDONYM_KEY"
#: Shortest pseudonym key accepted, in bytes of UTF-8: a short one could be found by trying keys.
MIN_KEY_BYTES = 16
ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
#: Longest retention accepted, in days (a hundred years).
MAX_RETENTION_DAYS = 36_600


class SourcePrivacyConfig(BaseModel):
    """A source's own privacy settings; those left out are the project's (``privacy`` at the top)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    mask: bool | None = Field(default=None, description="Mask this source's personal data, or not.")
    retention_days: Annotated[int, Field(ge=1, le=MAX_RETENTION_DAYS)] | None = Field(
        default=None, description="Days this source's conversations are kept after their last message."
    )


@dataclass(frozen=True)
class SourcePrivacy:
    """The privacy settings in force for one source: its own where it has them, else the project's."""

    mask: bool
    retention_days: int | None


class PrivacyConfig(BaseModel):
    """Personal data in every source: masked at load with keyed pseudonyms, kept for a number of days."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    mask: bool = Field(
        default=False,
        description="Replace e-mail addresses, phone numbers, IBANs and card numbers by keyed pseudonyms "
        "in messages and rejected items, before anything is stored.",
    )
    key_env: str = Field(
        default=DEFAULT_KEY_ENV,
        description="Environment variable holding the pseudonym key (at least 16 bytes), read at run "
        "time and never stored; one key for the whole project.",
    )
    retention_days: Annotated[int, Field(ge=1, le=MAX_RETENTION_DAYS)] | None = Field(
        default=None,
        description="Days a conversation is kept after its last message, then deleted with its messages "
        "and format errors; default: for ever.",
    )
    retention_schedule: str | None = Field(
        default=None, description="Cron expression on which the privacy_retention job runs."
    )
    phone_regions: tuple[str, ...] = Field(
        default=("DE",),
        min_length=1,
        description="ISO 3166 country codes (e.g. DE, US, GB) whose national phone notation is masked, "
        "as customers there write numbers without a country code; the first region reads a number "
        "two regions could. International numbers (+44 …, 0044 …) are masked whatever the regions.",
    )

    @field_validator("key_env")
    @classmethod
    def _key_env_is_a_name(cls, name: str) -> str:
        if not ENV_NAME.fullmatch(name):
            raise ValueError(f"{name!r} is not an environment variable name")
        return name

    @field_validator("phone_regions")
    @classmethod
    def _regions_are_known(cls, regions: tuple[str, ...]) -> tuple[str, ...]:
        # Imported here: libphonenumber takes 25 to 40 ms to import, a tenth of `fern-pipeline check`'s start
        # (benchmarks/startup.py), and only a configuration that lists its regions needs it here.
        import phonenumbers

        normalised = tuple(region.upper() for region in regions)
        unknown = [region for region in normalised if region not in phonenumbers.SUPPORTED_REGIONS]
        if unknown:
            named = ", ".join(unknown)
            raise ValueError(f"{named}: not an ISO 3166 country code with phone numbers, e.g. US")
        if len(set(normalised)) < len(normalised):
            raise ValueError("a region is named twice")
        return normalised

    @field_validator("retention_schedule")
    @classmethod
    def _schedule_is_cron(cls, schedule: str | None) -> str | None:
        return cron(schedule)

    def for_source(self, own: SourcePrivacyConfig) -> SourcePrivacy:
        """The settings in force for a source with ``own`` settings."""
        return SourcePrivacy(
            mask=self.mask if own.mask is None else own.mask,
            retention_days=self.retention_days if own.retention_days is None else own.retention_days,
        )

    def key(self, environ: Mapping[str, str], *, required: bool) -> bytes | None:
        """The pseudonym key in ``environ`` at ``key_env``; ``None`` when unset and not ``required``."""
        value = environ.get(self.key_env)
        if not value:
            if required:
                raise ConfigError(
                    f"privacy: masking is on, but the environment variable {self.key_env} holding the "
                    "pseudonym key is not set"
                )
            return None
        key = value.encode()
        if len(key) < MIN_KEY_BYTES:
            raise ConfigError(
                f"privacy: the pseudonym key in {self.key_env} is shorter than {MIN_KEY_BYTES} bytes"
            )
        return key
