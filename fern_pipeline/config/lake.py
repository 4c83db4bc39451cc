"""The DuckLake setting: a PostgreSQL catalog without its password, the password's template, a data path."""

import re
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from fern_pipeline.config.templates import ENV_TEMPLATE, render

#: A password written into a libpq connection string, as a key or in a URL's user part.
CATALOG_PASSWORD = re.compile(r"password\s*=|://[^/@\s]*:[^/@\s]*@", re.IGNORECASE)


class LakeConfig(BaseModel):
    """A DuckLake warehouse: its catalog in a PostgreSQL database, its data as Parquet files in a folder."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    catalog: str = Field(
        description="libpq connection string of the catalog database, without a password, e.g. "
        '"host=db.internal port=5432 dbname=fern_lake user=fern".'
    )
    password: str | None = Field(
        default=None,
        description='The catalog user\'s password, only as "{{ env.NAME }}" (else PGPASSWORD or .pgpass).',
    )
    data_path: str = Field(
        description="Folder of the Parquet files (relative to the config file) or s3:// prefix."
    )

    @field_validator("catalog")
    @classmethod
    def _catalog_without_password(cls, catalog: str) -> str:
        if not catalog.strip() or "{" in ENV_TEMPLATE.sub("", catalog) or CATALOG_PASSWORD.search(catalog):
            raise ValueError(
                'give the catalog as "host=... dbname=... user=...", with the password apart, in '
                'password: "{{ env.NAME }}"'
            )
        return catalog

    @field_validator("password")
    @classmethod
    def _password_from_environment(cls, password: str | None) -> str | None:
        if password is not None and not ENV_TEMPLATE.fullmatch(password.strip()):
            raise ValueError('write the password as "{{ env.VARIABLE_NAME }}", never itself')
        return password

    @field_validator("data_path")
    @classmethod
    def _data_path_given(cls, data_path: str) -> str:
        if not data_path.strip():
            raise ValueError("give a folder or an s3:// prefix")
        return data_path

    @property
    def local_data_path(self) -> Path | None:
        """The data folder, when it is one on this machine (not an object-store prefix)."""
        return None if "://" in self.data_path else Path(self.data_path)

    @property
    def data_location(self) -> str:
        """The data path as DuckLake takes it: a folder ending in a slash."""
        return self.data_path if self.data_path.endswith("/") else self.data_path + "/"

    def resolve(self, environ: Mapping[str, str] | None = None) -> tuple[str, str | None]:
        """The catalog and the password, each ``{{ env.NAME }}`` read from the environment (at run time)."""
        catalog = render(self.catalog, "the lake's catalog: the environment variable {}", environ)
        if self.password is None:
            return catalog, None
        return catalog, render(self.password, "the lake's password: the environment variable {}", environ)

    def __str__(self) -> str:
        return f"the DuckLake at {ENV_TEMPLATE.sub('***', self.catalog)} with data in {self.data_path}"
