"""Property tests: documents near the format, valid or broken one way, on which check and load must agree.

The check (``fern-pipeline check --json``) and the loader (``load_into``) read the same documents;
they must reject the same conversations with the same errors, store exactly the others, keep each
rejected one whole, and never fail with anything but a categorised outcome.
"""

import itertools
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import orjson
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fern_pipeline.cli import main
from fern_pipeline.config import SourceConfig
from fern_pipeline.errors import Category
from fern_pipeline.ingest.prepare import Prepared, prepare
from fern_pipeline.store.load import load_into
from fern_pipeline_tests.conftest import rows

REQUIRED_CONVERSATION_FIELDS = ("id", "lastMessageAt", "messages")
REQUIRED_MESSAGE_FIELDS = ("id", "role", "content", "createdAt")
FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(["", "bot", "2025-02-30T10:00:00Z", "2025-01-01T00:00:00", "9999-01-01T00:00:00Z"]),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=4), children, max_size=3)
    ),
    max_leaves=6,
)
timestamps = st.datetimes(
    min_value=datetime(1700, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.just(UTC)
)
iso = timestamps.map(lambda moment: moment.isoformat().replace("+00:00", "Z"))
roles = st.sampled_from(["user", "agent", "support_agent", "User", "SUPPORT_AGENT"])
#: Customer text of every kind: control characters, markup, SQL, any script.
contents = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40) | st.sampled_from(
    [
        "<script>alert(1)</script>",
        "'); DROP TABLE messages; --",
        "**bold** [x](javascript:1)",
        "\x00\x1b[2J\r\n",
    ]
)


@st.composite
def conversations(draw: st.DrawFn, conversation_id: str | int) -> dict[str, Any]:
    """A valid conversation: unique message ids, real timestamps, known roles."""
    count = draw(st.integers(min_value=0, max_value=4))
    messages = [
        {
            "id": draw(st.sampled_from([f"m{n}", n])),
            "role": draw(roles),
            "content": draw(contents),
            "createdAt": draw(iso),
        }
        for n in range(count)
    ]
    conversation: dict[str, Any] = {"id": conversation_id, "lastMessageAt": draw(iso), "messages": messages}
    if draw(st.booleans()):
        conversation["url"] = draw(st.none() | st.just(f"https://support.example.com/{conversation_id}"))
    return conversation


@st.composite
def breakage(draw: st.DrawFn, conversation: dict[str, Any]) -> tuple[Any, bool]:
    """``conversation`` with one field removed or replaced by any JSON value; True if surely invalid now."""
    broken = json.loads(json.dumps(conversation))
    places: list[tuple[Any, str | int, tuple[str, ...]]] = [
        (broken, key, REQUIRED_CONVERSATION_FIELDS) for key in [*broken, "url"]
    ]
    for position, message in enumerate(broken["messages"]):
        places.append((broken["messages"], position, ()))
        places += [(message, key, REQUIRED_MESSAGE_FIELDS) for key in message]
    container, key, required = draw(st.sampled_from(places))
    if isinstance(key, str) and draw(st.booleans()):
        container.pop(key, None)
        return broken, key in required
    container[key] = draw(json_values)
    return broken, False


@st.composite
def documents(draw: st.DrawFn) -> tuple[dict[str, Any], list[bool], list[bool]]:
    """A document, and per conversation: whether it was left valid, whether it is surely invalid."""
    ids = draw(st.lists(st.sampled_from(["c1", "c2", "c3", "c4", 5, 6, "7"]), max_size=5, unique=True))
    if ids and draw(st.integers(min_value=0, max_value=4)) == 0:
        ids.append(draw(st.sampled_from(ids)))
    items, untouched, invalid = [], [], []
    for conversation_id in ids:
        conversation = draw(conversations(conversation_id))
        if draw(st.booleans()):
            conversation, surely_invalid = draw(breakage(conversation))
            untouched.append(False)
            invalid.append(surely_invalid)
        else:
            untouched.append(True)
            invalid.append(False)
        items.append(conversation)
    return {"conversations": items}, untouched, invalid


names = (f"s{number}" for number in itertools.count())


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "fern.duckdb"


def check_and_load(
    body: bytes, folder: Path, database: Path
) -> tuple[Prepared, dict[str, Any], dict[str, Any]]:
    """The check command's report and the load's fetches row for ``body``, served as a file."""
    export = folder / "export.json"
    export.write_bytes(body)
    source = SourceConfig(name=next(names), url=export.as_uri())
    report = json.loads(CliRunner().invoke(main, ["check", "--json", source.url]).stdout)
    prepared = prepare(source)
    return prepared, report, load_into(database, prepared)


def assert_agree(
    prepared: Prepared, report: dict[str, Any], row: dict[str, Any], body: bytes, database: Path
) -> None:
    """Check and load reached the same verdict, and the database holds exactly what it says."""
    assert row["status"] == prepared.status
    assert report["category"] == row["category"]
    assert report["conversations_rejected"] == row["conversations_rejected"] == len(prepared.rejected)
    assert report["conversations_valid"] == prepared.conversations_loaded
    if prepared.failure is not None:
        assert prepared.failure.category in {Category.INVALID_JSON, Category.INVALID_FORMAT}
        assert row["conversations_loaded"] == 0
        return
    valid, _ = rows(prepared)
    with duckdb.connect(str(database), read_only=True) as connection:
        query = "SELECT conversation_id, message_count FROM conversations WHERE source = ? ORDER BY ALL"
        stored = connection.execute(query, [row["source"]]).fetchall()
        query = "SELECT path, code, raw FROM format_errors WHERE fetch_id = ? ORDER BY rowid"
        errors = connection.execute(query, [row["fetch_id"]]).fetchall()
    assert stored == sorted(zip(valid["conversation_id"], valid["message_count"], strict=True))
    items = orjson.loads(body.removeprefix(b"\xef\xbb\xbf"))["conversations"]
    assert len(stored) + len(prepared.rejected) == len(items)
    reported = [(error["path"], error["code"]) for error in report["errors"]]
    assert reported == [(path, code) for path, code, _ in errors]
    for path, _, raw in errors:
        assert orjson.loads(raw) == items[int(path.split("/")[2])], f"{path}: not kept whole"


@FUZZ
@given(generated=documents())
def test_check_and_load_agree_on_documents_near_the_format(
    generated: tuple[dict[str, Any], list[bool], list[bool]],
    database: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    document, untouched, surely_invalid = generated
    body = json.dumps(document, ensure_ascii=False).encode()
    prepared, report, row = check_and_load(body, tmp_path_factory.mktemp("doc"), database)
    assert_agree(prepared, report, row, body, database)
    ids = [str(item.get("id")) if isinstance(item, dict) else None for item in document["conversations"]]
    rejected = {rejected.index for rejected in prepared.rejected}
    for index in range(len(ids)):
        if untouched[index] and ids.count(ids[index]) == 1:
            assert index not in rejected, f"valid conversation {index} was rejected"
        if surely_invalid[index]:
            assert index in rejected, f"conversation {index} lacks a required field but was loaded"


@FUZZ
@given(
    generated=documents(),
    cuts=st.lists(st.tuples(st.integers(min_value=0), st.binary(max_size=3)), min_size=1, max_size=3),
)
def test_any_damage_to_the_bytes_ends_in_a_categorised_outcome(
    generated: tuple[dict[str, Any], list[bool], list[bool]],
    cuts: list[tuple[int, bytes]],
    database: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    body = bytearray(json.dumps(generated[0], ensure_ascii=False).encode())
    for position, replacement in cuts:
        at = position % (len(body) + 1)
        body[at : at + len(replacement)] = replacement
    prepared, report, row = check_and_load(bytes(body), tmp_path_factory.mktemp("doc"), database)
    assert_agree(prepared, report, row, bytes(body), database)
