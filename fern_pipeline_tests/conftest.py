"""Shared fixtures: endpoint documents written to files, a local HTTP server, a DuckDB file under tmp_path."""

import json
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow
import pytest
from hypothesis.configuration import set_hypothesis_home_dir

from fern_pipeline.config import SourceConfig
from fern_pipeline.ingest.prepare import Prepared
from fern_pipeline.tables import ConversationsTable, MessagesTable
from fern_pipeline_tests.http_server import LocalServer, serve

# hypothesis keeps caches in ./.hypothesis by default: tests write nothing into the working directory.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "fern_pipeline_hypothesis")

#: Private PostgreSQL and Redis servers, started by the tests that ask for them (``services.py``); under
#: ``make test``, a skip is a failure (``no_skips.py``).
pytest_plugins = ["fern_pipeline_tests.services", "fern_pipeline_tests.no_skips"]

#: The team's shared test data (``shared/testdata`` beside the clone, or beside the worktrees' folder).
SHARED_TESTDATA = next(
    (
        parent / "shared" / "testdata"
        for parent in Path(__file__).resolve().parents
        if (parent / "shared" / "testdata").is_dir()
    ),
    Path(__file__).resolve().parents[2] / "shared" / "testdata",
)


def conversation(
    conversation_id: str, *messages: tuple[str, str, str], url: str | None = None
) -> dict[str, Any]:
    """A valid conversation; each message is (id, role, createdAt) with content derived from its id."""
    return {
        "id": conversation_id,
        "url": url,
        "lastMessageAt": max((created for _, _, created in messages), default="2025-01-01T00:00:00Z"),
        "messages": [
            {"id": message_id, "role": role, "content": f"text of {message_id}", "createdAt": created}
            for message_id, role, created in messages
        ],
    }


@pytest.fixture
def server() -> Iterator[LocalServer]:
    """A running local HTTP server for scenarios."""
    with serve() as running:
        yield running


@pytest.fixture
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Path]:
    """Writes a ``fern_sources.yaml`` into ``tmp_path`` and names it by ``$FERN_PIPELINE_CONFIG``."""

    def write(text: str) -> Path:
        path = tmp_path / "fern_sources.yaml"
        path.write_text(text)
        monkeypatch.setenv("FERN_PIPELINE_CONFIG", str(path))
        monkeypatch.delenv("FERN_DUCKDB_PATH", raising=False)
        return path

    return write


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "data" / "fern.duckdb"


@pytest.fixture
def file_source(tmp_path: Path) -> Callable[[object], SourceConfig]:
    """Write a document (JSON-encoded unless bytes) to a file and return a source reading it."""
    counter = iter(range(1_000_000))

    def make(document: object, name: str = "helpdesk") -> SourceConfig:
        path = tmp_path / f"payload-{next(counter)}.json"
        path.write_bytes(document if isinstance(document, bytes) else json.dumps(document).encode())
        return SourceConfig(name=name, url=path.as_uri())

    return make


def rows(prepared: Prepared) -> tuple[pd.DataFrame, pd.DataFrame]:
    """All the valid conversations and messages of ``prepared``, every batch, as two frames."""
    batches = list(prepared.batches())
    if not batches:
        return tuple(
            pd.DataFrame(columns=list(model.to_schema().columns))
            for model in (ConversationsTable, MessagesTable)
        )  # type: ignore[return-value]
    return (
        pyarrow.concat_tables(batch.conversations for batch in batches).to_pandas(),
        pyarrow.concat_tables(batch.messages for batch in batches).to_pandas(),
    )
