"""The lake on a private PostgreSQL: extensions offline, the password kept out of sight, old files cleaned."""

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import duckdb_ext
import pytest

from fern_pipeline.config import SourceConfig
from fern_pipeline.config.lake import LakeConfig
from fern_pipeline.errors import ConfigError, DatabaseBusy
from fern_pipeline.ingest.prepare import prepare
from fern_pipeline.store.cursor import start_of_next_fetch
from fern_pipeline.store.lake import LOST_RACE, LakeUnavailable, connect_lake, expire_and_clean, retrying
from fern_pipeline.store.load import load_into
from fern_pipeline_tests.conftest import conversation
from fern_pipeline_tests.services import LAKE_PASSWORD_ENV, Postgres

Make = Callable[..., SourceConfig]


def test_the_extensions_load_from_the_wheels_and_nothing_is_downloaded(lake: LakeConfig) -> None:
    with connect_lake(lake) as connection:
        loaded = dict(
            connection.execute(
                "SELECT extension_name, install_path FROM duckdb_extensions() WHERE loaded"
                " AND extension_name IN ('ducklake', 'postgres_scanner')"
            ).fetchall()
        )
        [(autoinstall, directory)] = connection.execute(
            "SELECT current_setting('autoinstall_known_extensions'), current_setting('extension_directory')"
        ).fetchall()
    assert sorted(loaded) == ["ducklake", "postgres_scanner"]
    assert all(Path(path).is_relative_to(duckdb_ext.get_extension_dir()) for path in loaded.values())
    assert (autoinstall, directory) == (False, duckdb_ext.get_extension_dir())


def test_the_lake_is_the_default_database_and_holds_nothing_at_first(lake: LakeConfig) -> None:
    with connect_lake(lake) as connection:
        assert connection.execute("SELECT current_database()").fetchall() == [("lake",)]
        assert connection.execute(
            "SELECT count(*) FROM duckdb_tables() WHERE database_name = 'lake'"
        ).fetchall() == [(0,)]


def test_the_password_is_in_no_path_setting_variable_or_secret_listing(
    lake: LakeConfig, postgres: Postgres
) -> None:
    with connect_lake(lake) as connection:
        listings = [
            connection.execute(f"SELECT * FROM {function}()").fetchall()
            for function in ("duckdb_databases", "duckdb_settings", "duckdb_variables", "duckdb_secrets")
        ]
    assert postgres.password not in json.dumps(listings, default=str)


def test_a_wrong_password_fails_without_showing_it(lake: LakeConfig, monkeypatch: pytest.MonkeyPatch) -> None:
    wrong = "wrong-Pa55word-that-must-not-show"
    monkeypatch.setenv(LAKE_PASSWORD_ENV, wrong)
    with pytest.raises(LakeUnavailable) as failure, connect_lake(lake):
        pass
    assert failure.value.category == "unreachable"
    assert "password authentication failed" in str(failure.value)
    assert wrong not in str(failure.value)


def test_an_unreachable_catalog_fails_without_showing_the_password(
    lake: LakeConfig, postgres: Postgres
) -> None:
    elsewhere = lake.model_copy(update={"catalog": lake.catalog.replace(f"port={postgres.port}", "port=1")})
    with pytest.raises(LakeUnavailable) as failure, connect_lake(elsewhere):
        pass
    assert str(failure.value).startswith(f"{elsewhere} could not be attached: ")
    assert "Connection refused" in str(failure.value)
    assert postgres.password not in str(failure.value)


def test_an_unset_password_variable_is_a_configuration_error(
    lake: LakeConfig, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(LAKE_PASSWORD_ENV)
    with (
        pytest.raises(
            ConfigError, match=f"the lake's password: the environment variable {LAKE_PASSWORD_ENV} is not set"
        ),
        connect_lake(lake),
    ):
        pass


def test_expiring_snapshots_and_cleaning_deletes_replaced_rows_from_the_data_files(
    lake: LakeConfig, file_source: Make
) -> None:
    first = conversation("c1", ("m1", "user", "2025-01-02T10:00:00Z"))
    first["messages"][0]["content"] = "my old address is 1 Secret Lane"
    second = conversation("c1", ("m1", "user", "2025-01-03T10:00:00Z"))
    load_into(lake, prepare(file_source({"conversations": [first]})))
    load_into(lake, prepare(file_source({"conversations": [second]})))
    data = Path(lake.data_path)

    def files_with_the_old_text() -> list[tuple[str]]:
        with duckdb.connect() as reader:
            return reader.execute(
                "SELECT DISTINCT filename FROM read_parquet($files, filename = true, union_by_name = true)"
                " WHERE content LIKE '%Secret Lane%'",
                {"files": [str(path) for path in data.rglob("*.parquet") if "messages" in path.parts]},
            ).fetchall()

    assert len(files_with_the_old_text()) == 1
    with connect_lake(lake) as connection:
        deleted = expire_and_clean(connection, older_than=datetime.now(UTC))
        assert connection.execute("SELECT message_id, content FROM messages").fetchall() == [
            ("m1", "text of m1")
        ]
    assert deleted and not files_with_the_old_text()


def test_the_incremental_cursor_is_read_from_the_lake(lake: LakeConfig, tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    export.write_text(
        json.dumps({"conversations": [conversation("c1", ("m1", "user", "2025-03-10T12:00:00Z"))]})
    )
    source = SourceConfig.model_validate(
        {
            "name": "helpdesk",
            "url": f"{export.as_uri()}?startDate=2025-01-01",
            "incremental": {"lookback": "2d"},
        }
    )
    assert start_of_next_fetch(lake, source) == "2025-01-01"
    load_into(lake, prepare(source, start_date="2025-01-01"))
    assert start_of_next_fetch(lake, source) == "2025-03-08"


def test_the_readmes_python_snippet_reads_the_lake(
    lake: LakeConfig,
    file_source: Make,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    load_into(
        lake,
        prepare(file_source({"conversations": [conversation("c1", ("m1", "user", "2025-01-02T10:00:00Z"))]})),
    )
    config = tmp_path / "fern_sources.yaml"
    config.write_text(
        json.dumps(
            {"lake": lake.model_dump(), "sources": [{"name": "helpdesk", "url": "https://h.test/x.json"}]}
        )
    )
    monkeypatch.setenv("FERN_PIPELINE_CONFIG", str(config))
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    snippet = readme.split("## Beyond one machine", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    exec(compile(snippet, "README.md", "exec"), {})
    printed = capsys.readouterr().out
    assert "helpdesk" in printed and "conversations" in printed


@pytest.mark.parametrize("words", LOST_RACE)
def test_a_commit_that_lost_a_race_is_made_again(words: str) -> None:
    outcomes: list[Exception | str] = [duckdb.TransactionException(f"Failed to commit: {words}"), "landed"]

    def attempt() -> str:
        outcome = outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    assert retrying(attempt, what="the load", pauses=(0.0,)) == "landed"


def test_a_race_lost_every_time_fails_as_busy_and_any_other_error_at_once() -> None:
    attempts: list[str] = []

    def conflicting() -> None:
        attempts.append("conflict")
        raise duckdb.TransactionException("Transaction conflict: cannot update")

    with pytest.raises(DatabaseBusy, match="after 3 attempts"):
        retrying(conflicting, what="the load", pauses=(0.0, 0.0))
    assert len(attempts) == 3

    def broken() -> None:
        attempts.append("broken")
        raise duckdb.CatalogException("Table with name nowhere does not exist")

    with pytest.raises(duckdb.CatalogException):
        retrying(broken, what="the load", pauses=(0.0, 0.0))
    assert attempts.count("broken") == 1
