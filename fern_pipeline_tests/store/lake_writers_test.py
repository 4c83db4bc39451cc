"""Many writers on one lake, each a process of its own: all land; a conflict is retried or fails; SIGKILL."""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from fern_pipeline.config import SourceConfig
from fern_pipeline.config.lake import LakeConfig
from fern_pipeline.ingest.prepare import prepare
from fern_pipeline.store.lake import connect_lake
from fern_pipeline.store.load import load_into
from fern_pipeline.tables import TABLES
from fern_pipeline_tests.paused_loader import KILL_POINTS, start
from fern_pipeline_tests.processes import Lines
from fern_pipeline_tests.store.crash_test import large_document

SOURCES = 4
CONVERSATIONS = 1_000
MESSAGES_EACH = 10  # large_document's


def every_table(lake: LakeConfig) -> dict[str, list[tuple[Any, ...]]]:
    with connect_lake(lake) as connection:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall() for table in TABLES
        }


def write_config(tmp_path: Path, lake: LakeConfig, exports: dict[str, str]) -> Path:
    """A fern_sources.yaml naming ``lake`` and a file:// source per export."""
    config = tmp_path / "fern_sources.yaml"
    document = {
        "lake": lake.model_dump(exclude_none=True),
        "sources": [{"name": name, "url": url} for name, url in exports.items()],
    }
    config.write_text(yaml.safe_dump(document))
    return config


def exports(tmp_path: Path, version: str) -> dict[str, str]:
    """SOURCES exports of CONVERSATIONS conversations each, their content marked ``version``."""
    urls = {}
    for number in range(SOURCES):
        path = tmp_path / f"source{number}-{version}.json"
        path.write_text(json.dumps(large_document(CONVERSATIONS, f"{version} of source{number}")))
        urls[f"source{number}"] = path.as_uri()
    return urls


def load_all_at_once(config: Path, names: list[str]) -> list[dict[str, Any]]:
    """``fern-pipeline load --source NAME --json`` for every name, all started before any is awaited."""
    commands = [
        [
            sys.executable,
            "-m",
            "fern_pipeline.cli",
            "load",
            "--source",
            name,
            "--config",
            str(config),
            "--json",
        ]
        for name in names
    ]
    processes = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for command in commands
    ]
    results = [process.communicate(timeout=240) for process in processes]
    failed = [err for process, (_, err) in zip(processes, results, strict=True) if process.returncode]
    assert not failed, failed  # each failure's own error line, not the others' output
    return [json.loads(stdout) for stdout, _ in results]


@pytest.mark.slow
def test_four_sources_load_into_a_new_lake_at_once_and_again(lake: LakeConfig, tmp_path: Path) -> None:
    """From four processes at once, into a lake with no tables yet, then again over what they stored."""
    names = [f"source{number}" for number in range(SOURCES)]
    for round_number, version in enumerate(["first", "second"], start=1):
        config = write_config(tmp_path, lake, exports(tmp_path, version))
        rows = load_all_at_once(config, names)
        assert sorted(row["source"] for row in rows) == names
        assert {row["status"] for row in rows} == {"ok"}
        assert {row["messages_loaded"] for row in rows} == {CONVERSATIONS * MESSAGES_EACH}
        with connect_lake(lake) as connection:
            assert connection.execute(
                """
                SELECT source, count(*), count(DISTINCT conversation_id),
                       (SELECT count(*) FROM messages AS m WHERE m.source = c.source),
                       (SELECT count(DISTINCT (conversation_id, message_id)) FROM messages AS m
                        WHERE m.source = c.source),
                       (SELECT count(*) FROM messages AS m
                        WHERE m.source = c.source
                          AND m.content NOT LIKE $version || ' of ' || c.source || ': %')
                FROM conversations AS c GROUP BY source ORDER BY source
                """,
                {"version": version},
            ).fetchall() == [
                (
                    name,
                    CONVERSATIONS,
                    CONVERSATIONS,
                    CONVERSATIONS * MESSAGES_EACH,
                    CONVERSATIONS * MESSAGES_EACH,
                    0,
                )
                for name in names
            ]
            fetch_ids = connection.execute("SELECT fetch_id FROM fetches ORDER BY 1").fetchall()
        assert len(fetch_ids) == len(set(fetch_ids)) == SOURCES * round_number
        assert {row["fetch_id"] for row in rows} <= {fetch_id for (fetch_id,) in fetch_ids}


SOURCE = "helpdesk"


@pytest.fixture
def earlier(lake: LakeConfig, tmp_path: Path) -> LakeConfig:
    """The lake holding a first fetch of 200 conversations of SOURCE, in their first version."""
    export = tmp_path / "earlier.json"
    export.write_text(json.dumps(large_document(200, "first")))
    assert load_into(lake, prepare(SourceConfig(name=SOURCE, url=export.as_uri())))["status"] == "ok"
    return lake


def paused_loader(
    config: Path, url: str, pause_before: str, *extra: str
) -> tuple[subprocess.Popen[str], Lines]:
    loader = start(url, SOURCE, config, pause_before, *extra)
    assert loader.stdout is not None
    lines = Lines(loader.stdout)
    lines.wait_for(f"paused {pause_before}")
    return loader, lines


def version_export(tmp_path: Path, version: str, conversations: int = 200) -> str:
    path = tmp_path / f"{version}.json"
    path.write_text(json.dumps(large_document(conversations, version)))
    return path.as_uri()


def contents(lake: LakeConfig) -> list[tuple[str, int]]:
    with connect_lake(lake) as connection:
        return connection.execute(
            "SELECT split_part(content, ':', 1) AS version, count(*) FROM messages GROUP BY 1 ORDER BY 1"
        ).fetchall()


@pytest.mark.slow
def test_a_commit_that_conflicts_is_made_again_and_lands(earlier: LakeConfig, tmp_path: Path) -> None:
    """The loader replaces the conversations another process replaced while it waited before its commit."""
    config = write_config(tmp_path, earlier, {SOURCE: version_export(tmp_path, "paused")})
    loader, lines = paused_loader(config, version_export(tmp_path, "paused"), "commit")
    load_into(earlier, prepare(SourceConfig(name=SOURCE, url=version_export(tmp_path, "meanwhile"))))
    assert contents(earlier) == [("meanwhile", 2_000)]
    assert loader.stdin is not None
    loader.stdin.close()
    lines.wait_for("retrying after a conflict")
    lines.wait_for("step commit")
    lines.wait_for("loaded")
    assert loader.wait(timeout=60) == 0
    assert contents(earlier) == [("paused", 2_000)]
    with connect_lake(earlier) as connection:
        assert connection.execute("SELECT count(*), count(DISTINCT fetch_id) FROM fetches").fetchall() == [
            (3, 3)
        ]


@pytest.mark.slow
def test_a_commit_that_keeps_conflicting_fails_as_a_timeout_and_changes_nothing(
    earlier: LakeConfig, tmp_path: Path
) -> None:
    config = write_config(tmp_path, earlier, {SOURCE: version_export(tmp_path, "paused")})
    loader, lines = paused_loader(config, version_export(tmp_path, "paused"), "commit", "no-retry")
    load_into(earlier, prepare(SourceConfig(name=SOURCE, url=version_export(tmp_path, "meanwhile"))))
    before = every_table(earlier)
    assert loader.stdin is not None
    loader.stdin.close()
    failed = lines.wait_for("failed")
    assert loader.wait(timeout=60) == 1
    assert failed.startswith(
        "failed timeout: the load of 'helpdesk' still conflicted with other writers' commits after 1 attempt"
    )
    assert "Transaction conflict" in failed
    assert every_table(earlier) == before


@pytest.mark.slow
@pytest.mark.parametrize(
    "step",
    # The points after the first batch's deletes.
    [step for step in KILL_POINTS if step != "delete_replaced_conversations"],
    ids=[meaning for step, meaning in KILL_POINTS.items() if step != "delete_replaced_conversations"],
)
def test_sigkill_during_a_load_leaves_the_lake_as_it_was(
    earlier: LakeConfig, tmp_path: Path, step: str
) -> None:
    before = every_table(earlier)
    url = version_export(tmp_path, "killed", 2_000)
    loader, _ = paused_loader(write_config(tmp_path, earlier, {SOURCE: url}), url, step)
    os.kill(loader.pid, signal.SIGKILL)
    assert loader.wait(timeout=60) == -signal.SIGKILL
    assert every_table(earlier) == before


@pytest.mark.slow
def test_a_load_of_200000_messages_of_400_characters_lands_in_the_lake(
    lake: LakeConfig, tmp_path: Path
) -> None:
    """The benchmark's size (80 MB): within the file's memory limit DuckLake ran out of memory."""
    document = large_document(20_000, "large")
    for item in document["conversations"]:
        for message in item["messages"]:
            message["content"] += " " + f"{item['id']} {message['id']} " * 40
    export = tmp_path / "large.json"
    export.write_text(json.dumps(document))
    row = load_into(lake, prepare(SourceConfig(name=SOURCE, url=export.as_uri(), max_bytes=1 << 30)))
    assert (row["status"], row["messages_loaded"]) == ("ok", 200_000)
    assert contents(lake) == [("large", 200_000)]
