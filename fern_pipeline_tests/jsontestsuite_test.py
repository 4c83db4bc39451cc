"""The public JSONTestSuite corpus: every file gets one of the two clear errors, and nothing is stored."""

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from fern_pipeline.config import SourceConfig
from fern_pipeline.ingest.prepare import prepare
from fern_pipeline.store.load import load_into
from fern_pipeline_tests.conftest import SHARED_TESTDATA

CORPUS = SHARED_TESTDATA / "jsontestsuite" / "test_parsing"
FILES = sorted(CORPUS.glob("*.json")) if CORPUS.is_dir() else []
EXPECTED = {"y": {"invalid_format"}, "n": {"invalid_json"}, "i": {"invalid_format", "invalid_json"}}

pytestmark = [
    pytest.mark.optional_data,
    pytest.mark.skipif(not FILES, reason=f"data absent: the JSONTestSuite corpus is not at {CORPUS}"),
]


@pytest.mark.parametrize("payload", FILES, ids=[path.name for path in FILES])
def test_each_file_is_a_clear_error_and_loads_nothing(
    payload: Path, file_source: Callable[..., SourceConfig], database: Path
) -> None:
    row = load_into(database, prepare(file_source(payload.read_bytes())))
    assert row["status"] == "failed"
    assert row["category"] in EXPECTED[payload.name[0]], row["message"]
    assert row["message"]
    with duckdb.connect(str(database), read_only=True) as connection:
        stored = connection.execute(
            "SELECT (SELECT count(*) FROM conversations) + (SELECT count(*) FROM messages)"
            " + (SELECT count(*) FROM format_errors)"
        ).fetchall()
    assert stored == [(0,)]
